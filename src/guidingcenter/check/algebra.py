"""Notation-aware arithmetic shared by both formula readers.

Vector notation is checked while an expression is built: a product of two
vectors, a sum of a vector and a scalar, a vector in a denominator, under a
power or inside ``sin`` is refused (:class:`~guidingcenter.check.errors.NotationError`);
scalar factors are taken out of ``Cross`` and ``Dot``; ``Abs`` of a vector
symbol is its magnitude; ``DirectionalDerivative(b_hat, b_hat)`` is the
curvature vector ``kappa``.
"""

import difflib

import sympy as sp

from guidingcenter import symbols as _symbols
from guidingcenter.check.components import collapsed
from guidingcenter.check.errors import NotationError
from guidingcenter.engine import equation
from guidingcenter.vectors import (Cross, Curl, DirectionalDerivative, Div, Dot, Grad,
                                   VectorSymbol, is_vector)

__all__ = ["FUNCTIONS", "lengths", "cross", "dot", "multiply", "divide", "add", "as_column",
           "power", "magnitude",
           "apply", "finish", "suggest", "float_number", "replaced", "CHAIN_REFUSED"]

#: SymPy functions a physicist uses, the vector notation and the dipole integrals:
#: name -> (callable, number of arguments).
FUNCTIONS = {
    **{name: (getattr(sp, name), 1) for name in (
        "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
        "asinh", "acosh", "atanh", "exp", "log", "Abs", "sign")},
    "atan2": (sp.atan2, 2),
    "Cross": (Cross, 2), "Dot": (Dot, 2), "Grad": (Grad, 1), "Curl": (Curl, 1),
    "Div": (Div, 1), "DirectionalDerivative": (DirectionalDerivative, 2),
    "T": (_symbols.T_of, 1), "D": (_symbols.D_of, 1), "Y": (_symbols.Y_of, 1),
}


# --- notation-aware arithmetic (shared by both parsers) --------------------------------

_KAPPA = {DirectionalDerivative(_symbols.b_hat, _symbols.b_hat): _symbols.kappa}


def _scalar_and_vector(expr):
    """Split ``s * v`` into (s, v) so scalars can be taken out of Cross and Dot."""
    if isinstance(expr, sp.Mul):
        vectors = [arg for arg in expr.args if is_vector(arg)]
        if len(vectors) == 1:
            return sp.Mul(*[arg for arg in expr.args if arg is not vectors[0]]), vectors[0]
    return sp.S.One, expr


def _need_vector(expr, what):
    if not is_vector(expr):
        raise NotationError(f"{what} needs a vector, got the scalar {expr}")
    if isinstance(expr, sp.MatrixBase) and expr.shape != (3, 1):
        raise NotationError(f"{what} needs a vector of three components, got a "
                            f"{expr.shape[0]}x{expr.shape[1]} matrix")


def _need_scalar(expr, what):
    if is_vector(expr):
        raise NotationError(f"{what} of a vector ({expr})")


def cross(a, b):
    """``a x b`` with scalar factors taken out."""
    _need_vector(a, "the cross product")
    _need_vector(b, "the cross product")
    (s, u), (t, w) = _scalar_and_vector(a), _scalar_and_vector(b)
    return s * t * Cross(u, w)


def dot(a, b):
    """``a . b`` with scalar factors taken out."""
    _need_vector(a, "the dot product")
    _need_vector(b, "the dot product")
    (s, u), (t, w) = _scalar_and_vector(a), _scalar_and_vector(b)
    return s * t * Dot(u, w)


def multiply(a, b):
    if is_vector(a) and is_vector(b):
        raise NotationError("product of two vectors: write a dot or a cross product")
    return a * b


def divide(a, b):
    if is_vector(b):
        raise NotationError("division by a vector")
    return a / b


def add(a, b):
    if is_vector(a) != is_vector(b) and a != 0 and b != 0:
        raise NotationError("sum of a vector and a scalar")
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        return _columns_added(a, b)
    return a + b


def _columns_added(a, b):
    """A vector written by its components plus another vector: component by component
    (``E + (v_y B, -v_x B, 0)`` is ``(E_x + v_y B, E_y - v_x B, E_z)``)."""
    if a == 0 or b == 0:
        return b if a == 0 else a
    shapes = {side.shape for side in (a, b) if isinstance(side, sp.MatrixBase)}
    if len(shapes) > 1:
        raise NotationError("sum of vectors with different numbers of components")
    (rows, columns), = shapes
    if columns != 1 and not all(isinstance(side, sp.MatrixBase) for side in (a, b)):
        raise NotationError("sum of a matrix and a vector")
    return as_column(a, rows) + as_column(b, rows) if columns == 1 else a + b


def as_column(vector, rows=3):
    """A vector expression as the column of its components along x, y (and z)."""
    if isinstance(vector, sp.MatrixBase):
        return sp.ImmutableMatrix(vector)
    if vector == 0:
        return sp.ImmutableMatrix.zeros(rows, 1)
    return sp.ImmutableMatrix([dot(sp.ImmutableMatrix([int(i == j) for j in range(3)]), vector)
                               for i in range(rows)])


def power(base, exponent):
    _need_scalar(exponent, "a power")
    if isinstance(base, sp.Number) and isinstance(exponent, sp.Number) and abs(exponent) > 1000:
        raise NotationError("exponent too large")    # 10**10**10 would never finish
    if is_vector(base):
        if exponent.is_integer and exponent.is_even and exponent > 0:
            return magnitude(base) ** exponent     # \mathbf{B}^2 = B.B = B^2, v^4 = (v.v)^2
        raise NotationError(f"power of a vector ({base}): write a dot product")
    return base ** exponent


def magnitude(expr):
    """``|x|``: Abs of a scalar; for a vector symbol ``X_vec``, the scalar ``X``."""
    if is_vector(expr):
        if isinstance(expr, VectorSymbol) and expr.name.endswith("_vec"):
            scalar = _symbols.by_name().get(expr.name[:-len("_vec")])
            if scalar is not None and not isinstance(scalar, VectorSymbol):
                return scalar
        if isinstance(expr, VectorSymbol) and not expr.name.endswith("_vec") and \
                expr.name.startswith("\\"):
            raise NotationError(f"no magnitude symbol for the vector {expr}")
        return sp.sqrt(Dot(expr, expr))          # |grad B|, |E x B|: the length of the vector
    return sp.Abs(expr)


def apply(function, args):
    """Apply a function of :data:`FUNCTIONS` (or an undefined function), checking the
    vector notation: Cross/Dot/Curl/Div take vectors, Grad a scalar, the rest scalars."""
    if function in (Cross, Dot):
        return (cross if function is Cross else dot)(*args)
    if function in (Curl, Div):
        _need_vector(args[0], function.__name__)
        return function(args[0])
    if function is DirectionalDerivative:
        _need_vector(args[0], function.__name__)
        _need_vector(args[1], function.__name__)
        return function(*args)
    if function is sp.Abs:
        return magnitude(args[0])
    for arg in args:
        _need_scalar(arg, getattr(function, "__name__", str(function)))
    return function(*args)


def finish(sides, chain):
    """The value of a parsed statement: expression or Eq; with ``chain``, a list of
    them (one Eq per later side, each against the first).  A side that lists the
    components of one vector, (v_x, v_y, v_z), is that vector."""
    sides = [_unit_vectors(collapsed(side)).xreplace(_KAPPA) if isinstance(side, sp.Basic)
             else side for side in sides]
    statements = [equation(sides[0], side) for side in sides[1:]] or sides
    return statements if chain else statements[0]


def _unit_vectors(expr):
    """B_vec/B written out is the unit vector b_hat (so (B/B . grad)(B/B) is kappa)."""
    unit = _symbols.B_vec / _symbols.B
    if not expr.has(_symbols.B_vec):
        return expr
    return expr.replace(lambda node: isinstance(node, (Cross, Dot, DirectionalDerivative))
                        and any(arg == unit for arg in node.args),
                        lambda node: node.func(*[_symbols.b_hat if arg == unit else arg
                                                 for arg in node.args]))


CHAIN_REFUSED = "a chain of relations a = b = c: give one equation at a time"


def replaced(statement, mapping):
    """``statement.xreplace(mapping)``, an equation kept unevaluated (SymPy would decide
    some to be False as they are rebuilt); an integration variable replaced by a linear
    expression of another (the colatitude theta = pi/2 - lambda) is a change of variable
    of its integral."""
    mapping = dict(mapping)
    integrals = {node: _changed_variable(node, mapping) for node in
                 sp.sympify(statement).atoms(sp.Integral) if node.variables[0] in mapping}
    if integrals:
        statement = replaced(statement, integrals)
    if isinstance(statement, sp.Equality):
        return sp.Eq(statement.lhs.xreplace(mapping), statement.rhs.xreplace(mapping),
                     evaluate=False)
    return statement.xreplace(mapping)


def _changed_variable(integral, mapping):
    """``integral`` with its variable x written as ``mapping[x]`` = a u + b: the integrand
    times a, the limits solved for u.  Unchanged when the new variable is not linear."""
    (x, *limits), = integral.limits
    new = sp.sympify(mapping[x])
    symbols = sorted(new.free_symbols, key=str)
    if len(symbols) != 1 or not sp.diff(new, symbols[0], 2) == 0:
        return integral
    u = symbols[0]
    slope = sp.diff(new, u)
    if slope == 0:
        return integral
    inverse = [(sp.sympify(limit).xreplace(mapping) - new.subs(u, 0)) / slope
               for limit in limits]
    if slope.is_negative:              # int_a^b f dtheta = int_{u(b)}^{u(a)} f |slope| du
        slope, inverse = -slope, inverse[::-1]
    body = integral.function.xreplace({x: new}) * slope
    return sp.Integral(body, (u, *inverse))


def suggest(name, known):
    """`` (did you mean a, b?)`` from the closest known names, or ``""``."""
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def float_number(text, rational):
    return sp.Rational(text) if rational else sp.Float(text)


def lengths(side):
    """A product of one vector with scalars, written where a magnitude is meant
    (v_perp r_L grad B/(2B) for a drift speed), with the vector replaced by its length;
    None if ``side`` is not such a product."""
    nodes = list(sp.preorder_traversal(side))
    if any(isinstance(node, (Cross, Dot, sp.MatrixBase)) for node in nodes):
        return None
    vectors = {node for node in nodes if isinstance(node, (VectorSymbol, Grad))}
    if len(vectors) != 1:
        return None
    vector = vectors.pop()
    return sp.sympify(side).xreplace({vector: sp.sqrt(Dot(vector, vector))})
