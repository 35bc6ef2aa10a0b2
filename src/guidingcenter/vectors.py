"""Vector algebra in coordinate-free notation, and its Cartesian components.

Formulas are written the way textbooks write them, ``m v_perp**2/(2 q B**3) *
Cross(B_vec, Grad(B))``, and printed that way in LaTeX.  A :class:`Frame`
says what the notation means in components: which component vector each
vector symbol stands for, which scalar symbols are defined in terms of others
(``B`` is ``|B_vec|``), and, for differential operators, how the fields depend
on the position ``(X, Y, Z)`` about the point of evaluation (the origin).
:meth:`Frame.explicit` turns any notation expression into plain SymPy
expressions (scalars) or 3x1 matrices (vectors), evaluated at the origin;
that is what the proof engine compares, and what the code generator prints.
"""

import re

import sympy as sp
from sympy.printing.precedence import PRECEDENCE

__all__ = [
    "VectorSymbol", "Cross", "Dot", "Grad", "DirectionalDerivative", "Curl", "Div",
    "Frame", "FrameError", "gyro_average", "is_vector",
]


class FrameError(ValueError):
    """A notation expression has no meaning in the given frame."""


class VectorSymbol(sp.Symbol):
    """A vector quantity named in coordinate-free notation, e.g. ``\\vec{B}``."""

    _latex_names = {}

    def __new__(cls, name, latex=None):
        obj = super().__new__(cls, name)
        if latex is not None:
            cls._latex_names[name] = latex
        return obj

    def _latex(self, printer):
        return self._latex_names.get(self.name, r"\vec{%s}" % self.name)


class _VectorOperator(sp.Function):
    """Base of the unevaluated vector operators (printed in notation).

    Operands are parenthesized when they are products or sums; the printer
    parenthesizes the operator itself inside a product (SymPy gives the names
    Cross, Dot, Curl, Div product precedence).
    """

    @classmethod
    def eval(cls, *args):
        return None

    def _operands(self, printer):
        return [printer.parenthesize(arg, PRECEDENCE["Mul"]) for arg in self.args]


class Cross(_VectorOperator):
    """``a x b`` (vector)."""

    nargs = 2

    def _latex(self, printer):
        return r"%s \times %s" % tuple(self._operands(printer))


class Dot(_VectorOperator):
    """``a . b`` (scalar); with a unit axis, ``x-hat . E``, printed as the component E_x."""

    nargs = 2

    def _axis(self):
        """(axis letter, vector) of a component along a unit axis, else None."""
        for axis, vector in (self.args, self.args[::-1]):
            if isinstance(axis, sp.MatrixBase) and _unit(axis) and isinstance(vector, VectorSymbol):
                return "xyz"[list(axis).index(1)], vector
        return None

    def _latex(self, printer):
        found = self._axis()
        if found is not None:               # E_{x}, v_{E,x}, else \left(...\right)_{x}
            name = printer._print(found[1])
            simple = re.fullmatch(r"\\(?:vec|mathbf)\{(\w)\}(?:_\{?(\w+)\}?)?", name)
            if simple is None:
                return r"\left(%s\right)_{%s}" % (name, found[0])
            base, subscript = simple.groups()
            return "%s_{%s}" % (base, f"{subscript},{found[0]}" if subscript else found[0])
        return r"%s \cdot %s" % tuple(self._operands(printer))

    def _sympystr(self, printer):
        found = self._axis()
        if found is None:
            return "Dot(%s)" % ", ".join(printer._print(arg) for arg in self.args)
        name = re.sub(r"^\\(?:vec|mathbf)\{(.+)\}$|_vec$", r"\1", found[1].name)
        return f"{name}_{found[0]}"


class Grad(_VectorOperator):
    """``nabla f`` of a scalar field (vector)."""

    nargs = 1

    def _latex(self, printer):
        return r"\nabla %s" % self._operands(printer)[0]


class DirectionalDerivative(_VectorOperator):
    """``(a . nabla) F`` of a vector field F (vector)."""

    nargs = 2

    def _latex(self, printer):
        return r"\left(%s \cdot \nabla\right) %s" % tuple(self._operands(printer))


class Curl(_VectorOperator):
    """``nabla x F`` (vector)."""

    nargs = 1

    def _latex(self, printer):
        return r"\nabla \times %s" % self._operands(printer)[0]


class Div(_VectorOperator):
    """``nabla . F`` (scalar)."""

    nargs = 1

    def _latex(self, printer):
        return r"\nabla \cdot %s" % self._operands(printer)[0]


_VECTOR_VALUED = (Cross, Grad, DirectionalDerivative, Curl)


def _unit(axis):
    """x-hat, y-hat or z-hat (a column of two zeros and a one)."""
    entries = list(axis)
    return axis.shape == (3, 1) and entries.count(1) == 1 and entries.count(0) == 2


def is_vector(expr):
    """True if a notation expression is vector-valued (structurally)."""
    if isinstance(expr, sp.MatrixBase):
        return True
    if isinstance(expr, (VectorSymbol,) + _VECTOR_VALUED):
        return True
    if isinstance(expr, sp.Add):
        return any(is_vector(arg) for arg in expr.args)
    if isinstance(expr, sp.Mul):
        return any(is_vector(arg) for arg in expr.args)
    return False


class Frame:
    """What notation means in components at one point (the origin).

    Parameters
    ----------
    vectors : dict
        Vector notation atom (a :class:`VectorSymbol`, or an operator such as
        ``Grad(B)`` when it is an independent input) -> 3x1 Matrix or another
        notation expression.  Entries may depend on ``position``.
    scalars : dict
        Symbol (or function value such as ``T(y)``) -> expression defining it
        (may itself use notation).
    position : sequence of 3 Symbols, optional
        Cartesian coordinates the fields depend on; needed by differential
        operators.
    point : sequence of 3 expressions, optional
        Where :meth:`explicit` evaluates (default: the origin of ``position``).
    """

    def __init__(self, vectors=None, scalars=None, position=None, point=None):
        self.vectors = dict(vectors or {})
        self.scalars = dict(scalars or {})
        self.position = sp.Matrix(position) if position is not None else None
        self.point = sp.Matrix(point) if point is not None else (
            sp.zeros(3, 1) if position is not None else None)

    def extended(self, vectors=None, scalars=None):
        """A new frame with more definitions (existing ones kept)."""
        return Frame({**self.vectors, **(vectors or {})},
                     {**self.scalars, **(scalars or {})}, self.position, self.point)

    def explicit(self, expr):
        """Components of a notation expression at the point of evaluation
        (Expr or 3x1 Matrix)."""
        value = self.field(expr)
        if self.position is not None:
            at = dict(zip(self.position, self.point))
            value = value.subs(at) if value.free_symbols & set(at) else value
        return value

    def field(self, expr, _active=()):
        """Components of a notation expression as functions of position."""
        recurse = lambda sub: self.field(sub, _active)  # noqa: E731
        if isinstance(expr, sp.MatrixBase):
            return sp.Matrix(expr).applyfunc(recurse)
        expr = sp.sympify(expr)
        if expr in self.vectors:
            return self._definition(expr, self.vectors[expr], _active, vector=True)
        if expr in self.scalars:  # a defined symbol, or e.g. a function value T(y)
            return self._definition(expr, self.scalars[expr], _active, vector=False)
        if isinstance(expr, VectorSymbol):
            raise FrameError(f"no components for vector {expr.name} in this frame")
        if isinstance(expr, sp.Symbol):
            return expr
        if isinstance(expr, Cross):
            a, b = (self._as_vector(recurse(arg), arg) for arg in expr.args)
            return a.cross(b)
        if isinstance(expr, Dot):
            a, b = (self._as_vector(recurse(arg), arg) for arg in expr.args)
            return a.dot(b)
        if isinstance(expr, (Grad, DirectionalDerivative, Curl, Div)):
            return self._differential(expr, recurse)
        if isinstance(expr, sp.Add):
            terms = [recurse(arg) for arg in expr.args]
            vectors = [term for term in terms if isinstance(term, sp.MatrixBase)]
            if not vectors:
                return sp.Add(*terms)
            if any(not isinstance(term, sp.MatrixBase) and term != 0 for term in terms):
                raise FrameError(f"sum of a vector and a scalar: {expr}")
            return sum(vectors[1:], vectors[0])
        if isinstance(expr, sp.Mul):
            factors = [recurse(arg) for arg in expr.args]
            vectors = [f for f in factors if isinstance(f, sp.MatrixBase)]
            if len(vectors) > 1:
                raise FrameError(f"product of two vectors (use Dot or Cross): {expr}")
            scalar = sp.Mul(*[f for f in factors if not isinstance(f, sp.MatrixBase)])
            return vectors[0] * scalar if vectors else scalar
        if expr.args and not isinstance(expr, sp.Derivative):
            args = [recurse(arg) for arg in expr.args]
            if any(isinstance(arg, sp.MatrixBase) for arg in args):
                raise FrameError(f"{expr.func.__name__} of a vector: {expr}")
            return expr.func(*args)
        return expr

    def _definition(self, name, definition, active, vector):
        if name in active:
            raise FrameError(f"circular definition of {name}")
        value = self.field(definition, active + (name,))
        if vector:
            return self._as_vector(value, name)
        return value

    @staticmethod
    def _as_vector(value, source):
        if not isinstance(value, sp.MatrixBase) or value.shape != (3, 1):
            raise FrameError(f"{source} is not a 3-vector here")
        return value

    def _differential(self, expr, recurse):
        if self.position is None:
            raise FrameError(f"{expr.func.__name__} needs a frame with a position")
        X = self.position
        if isinstance(expr, Grad):
            scalar = recurse(expr.args[0])
            if isinstance(scalar, sp.MatrixBase):
                raise FrameError(f"gradient of a vector: {expr}")
            return sp.Matrix([sp.diff(scalar, coordinate) for coordinate in X])
        if isinstance(expr, DirectionalDerivative):
            direction = self._as_vector(recurse(expr.args[0]), expr.args[0])
            field = self._as_vector(recurse(expr.args[1]), expr.args[1])
            return field.jacobian(X) * direction
        field = self._as_vector(recurse(expr.args[0]), expr.args[0])
        J = field.jacobian(X)
        if isinstance(expr, Div):
            return J.trace()
        return sp.Matrix([J[2, 1] - J[1, 2], J[0, 2] - J[2, 0], J[1, 0] - J[0, 1]])


def _monomial_average(a, b):
    """<sin^a cos^b> over one period: (a-1)!!(b-1)!!/(a+b)!! for a, b even, else 0."""
    if a % 2 or b % 2:
        return sp.S.Zero
    return sp.factorial2(a - 1) * sp.factorial2(b - 1) / sp.factorial2(a + b)


def gyro_average(expr, phase):
    """Average over the gyrophase, (1/2pi) * integral over [0, 2pi] d(phase).

    Polynomials in sin(phase), cos(phase) are averaged exactly term by term;
    anything else falls back to SymPy's integrator.
    """
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(lambda element: gyro_average(element, phase))
    S, C = sp.Dummy("S"), sp.Dummy("C")
    poly_form = sp.expand(sp.sympify(expr).subs({sp.sin(phase): S, sp.cos(phase): C}))
    if phase in poly_form.free_symbols:
        return sp.simplify(sp.integrate(expr, (phase, 0, 2 * sp.pi)) / (2 * sp.pi))
    poly = sp.Poly(poly_form, S, C)
    return sp.Add(*[coeff * _monomial_average(a, b) for (a, b), coeff in poly.terms()])
