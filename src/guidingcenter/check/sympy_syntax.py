"""Read a formula written in SymPy syntax, without ever evaluating it as Python.

The text is tokenized first, and only numbers, whitelisted names,
``+ - * / ** ^ ( ) [ ] , = ==`` and spaces are accepted (brackets only for a vector
written as the list of its components, ``Matrix([E_y/B, -E_x/B, 0])``); the expression is then
built by a small recursive-descent parser that calls SymPy constructors
directly (no ``eval``, no ``parse_expr``).

Names: every symbol of :mod:`guidingcenter.symbols` by its SymPy name
(``symbols.by_name()``: ``v_perp``, ``B_vec``, ``alpha_eq`` ...; ``lambda`` is
the latitude, a keyword to Python but a plain name here), the aliases of
:data:`SYMPY_ALIASES`, ``grad_B`` (``Grad(B)``), ``pi``, and the functions of
:data:`~guidingcenter.check.algebra.FUNCTIONS` (``ln``, ``abs``, ``arctan``,
``sgn`` ... are accepted too; ``Y(y)`` is the dipole integral, ``Y`` alone the
coordinate).  ``E`` is the electric field magnitude and ``I`` the current, as
in the symbols module: write ``exp(1)`` for Euler's number.
"""

import functools
import re

import sympy as sp

from guidingcenter import symbols as _symbols
from guidingcenter.check.algebra import (CHAIN_REFUSED, FUNCTIONS, add, apply, divide, finish,
                                         float_number, multiply, power, suggest)
from guidingcenter.check.errors import NotationError, ParseError
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.engine import equation
from guidingcenter.vectors import Grad, is_vector

__all__ = ["parse_sympy", "SYMPY_ALIASES", "sympy_names"]

# Constructors of a vector from the list of its components: Matrix([E_y, -E_x, 0]).
_MATRIX = ("Matrix", "ImmutableMatrix", "array", "vector")

_FUNCTION_ALIASES = {"ln": "log", "abs": "Abs", "arcsin": "asin", "arccos": "acos",
                     "arctan": "atan", "arctan2": "atan2", "sgn": "sign"}

#: Friendly SymPy-syntax names -> the SymPy name of a symbol in guidingcenter.symbols.
SYMPY_ALIASES = {
    "v_parallel": "v_par", "v_perpendicular": "v_perp",
    "omega": "omega_c", "omega_g": "omega_c", "omega_L": "omega_c",
    "r_g": "r_L", "rho_L": "r_L",
    "lam": "lambda", "lam_m": "lambda_m", "lam_E": "lambda_E",
    "B_hat": "b_hat", "m_p": "m_i",
}


@functools.lru_cache(maxsize=None)
def sympy_names():
    """Every name :func:`parse_sympy` accepts, ``{name: value}`` (functions excluded)."""
    table = dict(_symbols.by_name())
    table.update({alias: table[name] for alias, name in SYMPY_ALIASES.items()})
    table["grad_B"] = Grad(_symbols.B)        # the notation, not the opaque VectorSymbol
    table["pi"] = sp.pi
    return table


# --- SymPy syntax -------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<op>\*\*|==|//|[-+*/^(),=\[\]])
""", re.VERBOSE)

_REFUSED = {
    ".": "'.' is not allowed (no attribute access; numbers are written 1.5)",
    "'": "strings are not allowed", '"': "strings are not allowed",
    "{": "braces are not allowed (no dicts or sets)", "}": "braces are not allowed",
    ":": "':' is not allowed (no lambda, slices or dicts)",
    ";": "';' is not allowed (one formula at a time)",
    "\\": "backslash is not allowed (LaTeX? use the LaTeX parser)",
}


# a dot between two names: a module's function (np.sqrt) or, in a plain-text docstring,
# a multiplication (m.v_perp); never an attribute (B.__class__ stays refused)
_DOTTED = re.compile(r"\.(?=[A-Za-z])")
_MODULES = frozenset({"np", "numpy", "math", "cmath", "sp", "sympy", "scipy", "mp",
                      "mpmath"})


class _Token:
    __slots__ = ("kind", "text", "position")

    def __init__(self, kind, text, position):
        self.kind, self.text, self.position = kind, text, position


def _sympy_tokens(text):
    """The whitelist: every character of ``text`` must belong to an allowed token."""
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        dot = _DOTTED.match(text, position) if match is None else None
        if dot is not None and tokens and tokens[-1].kind == "name":
            if tokens[-1].text in _MODULES:           # np.sqrt, math.pi: the function itself
                tokens.pop()
            else:                                     # m.v_perp: a multiplication dot
                tokens.append(_Token("op", "*", position))
            position = dot.end()
            continue
        if match is None:
            char = text[position]
            reason = _REFUSED.get(char, f"character {char!r} is not allowed")
            raise ParseError(reason, text, position, language="SymPy syntax")
        kind = match.lastgroup
        word = match.group()
        if kind == "name" and word.startswith("__"):
            raise ParseError(f"name {word} is not allowed (no names starting with '__')",
                             text, position, match.end(), "SymPy syntax")
        if kind == "name" and word.startswith("_"):
            word = word.lstrip("_")                    # a private variable of code: _oce
        if word == "//":
            raise ParseError("'//' is not allowed (write /)", text, position, match.end(),
                             "SymPy syntax")
        if kind != "space":
            tokens.append(_Token(kind, word, position))
        position = match.end()
    tokens.append(_Token("end", "", len(text)))
    return tokens


class _SympyParser:
    """Recursive descent over whitelisted tokens, building SymPy objects directly.

    Grammar (Python precedence): ``statement := expr (('=' | '==') expr)*``,
    ``expr := term (('+' | '-') term)*``, ``term := unary (('*' | '/') unary)*``,
    ``unary := ('+' | '-') unary | power``, ``power := atom (('**' | '^') unary)?``,
    ``atom := number | name | name '(' args ')' | '(' expr ')' | '[' expr, ... ']'``
    (a list, or ``Matrix([...])``: a vector by its components).
    """

    def __init__(self, text, rational, chain, lookup=None):
        self.text, self.rational, self.chain, self.lookup = text, rational, chain, lookup
        self.tokens = _sympy_tokens(text)
        self.index = 0
        names, known = sympy_names(), set(sympy_names()) | set(FUNCTIONS) | set(_FUNCTION_ALIASES)
        for token in self.tokens:
            if token.kind == "name" and token.text not in known and \
                    token.text not in ("Eq",) + _MATRIX and \
                    self.resolve(token.text) is None:
                raise self.error(f"unknown name {token.text}{suggest(token.text, known)}",
                                 token, len(token.text))
        self.names = names
        self.relations, self.remark = [], ""

    def resolve(self, name, own=None):
        """A name through the notation lookup (``own``: the toolkit's symbol of that name),
        or ``own`` without a lookup."""
        return self.lookup.by_name(name, own) if self.lookup is not None else own

    def error(self, reason, token=None, length=1):
        token = token or self.peek()
        return ParseError(reason, self.text, token.position, token.position + length,
                          "SymPy syntax")

    def peek(self):
        return self.tokens[self.index]

    def take(self, text=None):
        token = self.tokens[self.index]
        if text is not None and token.text != text:
            found = repr(token.text) if token.text else "the end"
            raise self.error(f"expected {text!r}, found {found}")
        self.index += 1
        return token

    def notation(self, token, action, *args):
        try:
            return action(*args)
        except NotationError as problem:
            raise self.error(str(problem), token, len(token.text)) from None

    def parse(self):
        if self.peek().kind == "end":
            raise self.error("empty formula")
        sides = [self.expr()]
        while self.peek().text in ("=", "=="):
            token = self.take()
            self.relations.append("=")
            if len(sides) == 2 and not self.chain:
                raise self.error(CHAIN_REFUSED, token, len(token.text))
            sides.append(self.expr())
        if self.peek().kind != "end":
            token = self.peek()
            hint = " (missing operator?)" if token.kind in ("name", "number") or \
                token.text == "(" else ""
            raise self.error(f"unexpected {token.text!r}{hint}", token, len(token.text))
        if self.lookup is not None and self.lookup.open and any(map(is_vector, sides)):
            sides = [self.as_vector(side) for side in sides]    # v = Cross(...): v names a vector
        return finish(sides, self.chain)

    def as_vector(self, side):
        """A plain name beside a vector side: the vector of that name (v, j)."""
        if is_vector(side) or not isinstance(side, sp.Symbol):
            return side
        name = f"{side.name}_vec"
        vector = self.resolve(name, self.names.get(name))
        return vector if vector is not None and is_vector(vector) else side

    def expr(self):
        value = self.term()
        while self.peek().text in ("+", "-"):
            token = self.take()
            right = self.term()
            value = self.notation(token, add, value, right if token.text == "+" else -right)
        return value

    def term(self):
        value = self.unary()
        while self.peek().text in ("*", "/"):
            token = self.take()
            right = self.unary()
            value = self.notation(token, multiply if token.text == "*" else divide, value, right)
        return value

    def unary(self):
        if self.peek().text in ("+", "-"):
            token = self.take()
            value = self.unary()
            return -value if token.text == "-" else value
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().text == "[":
            raise self.error("brackets are not allowed after a value (no indexing; a list "
                             "[a, b, c] is a vector's components)")
        if self.peek().text in ("**", "^"):
            token = self.take()
            return self.notation(token, power, base, self.unary())
        return base

    def atom(self):
        token = self.peek()
        if token.kind == "number":
            self.take()
            if re.fullmatch(r"\d+", token.text):
                return sp.Integer(token.text)
            return float_number(token.text, self.rational)
        if token.kind == "name" and token.text in ("Derivative", "diff") and \
                self.lookup is not None and [t.kind for t in self.tokens[self.index + 1:
                                                                         self.index + 6]] \
                == ["op", "name", "op", "name", "op"] and \
                [t.text for t in self.tokens[self.index + 1:self.index + 6:2]] == ["(", ",", ")"]:
            name, variable = self.tokens[self.index + 2].text, self.tokens[self.index + 4].text
            self.index += 6                             # Derivative(B, s): dB/ds, as in LaTeX
            return self.lookup.derivative(name, variable)
        if token.kind == "name":
            self.take()
            function = _FUNCTION_ALIASES.get(token.text, token.text) in FUNCTIONS or \
                token.text == "Eq" or token.text in _MATRIX
            value = self.names.get(token.text)
            if value is None and token.text.startswith("grad_") and self.lookup is not None:
                name = token.text[5:]
                inner = self.resolve(name, self.names.get(name)) if self.lookup.open else \
                    self.names.get(name) or self.resolve(name)
                if inner is not None:                      # grad_p: the gradient of p
                    return self.notation(token, apply, FUNCTIONS["Grad"][0], [inner])
            if not function and (value is None or (self.lookup is not None and self.lookup.open
                                                   and isinstance(value, sp.Symbol))):
                value = self.resolve(token.text, value)
            if self.peek().text == "(":
                if value is not None and not function and self.function_notation():
                    return value
                return self.call(token)
            if self.lookup is not None and self.lookup.open and function and \
                    token.text not in ("Eq",):
                value = self.resolve(token.text) or value   # T alone: a name, not T(y)
            elif value is None and self.lookup is not None and self.lookup.open:
                value = self.resolve(token.text)
            if value is None:
                raise self.error(f"function {token.text} needs arguments in parentheses", token,
                                 len(token.text))
            return self.only_a_vector(token.text, value)
        if token.text == "(":
            self.take()
            value = self.expr()
            self.take(")")
            return value
        if token.text == "[":
            return self.listed()
        found = repr(token.text) if token.text else "the end of the formula"
        raise self.error(f"expected a number, a name or '(', found {found}", token)

    def only_a_vector(self, name, value):
        """A code's name the readers know only as a vector (bdir: the unit vector b) is
        that vector wherever it stands (ppar*bdir/gm)."""
        lookup = self.lookup
        if lookup is None or not lookup.open or not is_spelled(value) or is_vector(value) or \
                lookup.knows(key_of(value)) or len(name) < 3:      # b: not b-hat
            return value
        vector = self.as_vector(value)
        known = vector is not value and (not is_spelled(vector) or lookup.knows(key_of(vector)))
        return vector if known else value

    def function_notation(self):
        """``B(r, lambda)``: a quantity written with the variables it depends on (read
        past; only names and numbers separated by commas, and only with the open lookup)."""
        if self.lookup is None or not self.lookup.open:
            return False
        j = self.index + 1
        while j < len(self.tokens) and (self.tokens[j].kind in ("name", "number")
                                        or self.tokens[j].text == ","):
            j += 1
        if j < len(self.tokens) and self.tokens[j].text == ")" and j > self.index + 1:
            self.index = j + 1
            return True
        return False

    def listed(self):
        """``[a, b, c]`` (also ``[[a], [b], [c]]`` and ``[[a, b, c]]``): the column vector of
        the components along x, y, z; a list of rows of another shape, that matrix."""
        opening = self.take("[")
        rows = [self.listed() if self.peek().text == "[" else self.expr()]
        while self.peek().text == ",":
            self.take()
            rows.append(self.listed() if self.peek().text == "[" else self.expr())
        self.take("]")
        if all(isinstance(row, sp.MatrixBase) for row in rows):
            entries = [list(row) for row in rows]
            if len(entries) == 1 or all(len(row) == 1 for row in entries):
                rows = [entry for row in entries for entry in row]    # [[a, b, c]], [[a], [b]]
            elif len({len(row) for row in entries}) == 1:
                return sp.ImmutableMatrix(entries)
        if any(is_vector(row) for row in rows) or len(rows) > 3:
            raise self.error("a vector is a list of two or three scalar components (x, y, z)",
                             opening)
        return sp.ImmutableMatrix(len(rows), 1, rows)

    def call(self, token):
        name = _FUNCTION_ALIASES.get(token.text, token.text)
        if name in _MATRIX:                                 # Matrix([a, b, c]): the list
            self.take("(")
            value = self.listed()
            self.take(")")
            return value
        if name not in FUNCTIONS and name != "Eq":
            raise self.error(f"{token.text} is not a function (write {token.text}*(...))",
                             token, len(token.text))
        self.take("(")
        args = [self.expr()]
        while self.peek().text == ",":
            self.take()
            args.append(self.expr())
        self.take(")")
        if name == "Eq":
            if len(args) != 2:
                raise self.error(f"Eq takes 2 arguments, got {len(args)}", token, 2)
            return equation(*args)
        function, arity = FUNCTIONS[name]
        if name in ("Cross", "Dot"):                   # Cross(E, B): the vectors E and B
            args = [self.as_vector(arg) for arg in args]
        if len(args) != arity:
            raise self.error(f"{token.text} takes {arity} argument{'s' * (arity > 1)}, "
                             f"got {len(args)}", token, len(token.text))
        return self.notation(token, apply, function, args)


def parse_sympy(text, *, rational=False, chain=False, lookup=None):
    """Parse a formula written in SymPy syntax into the project's notation.

    Parameters
    ----------
    text : str
        E.g. ``"v_gradB = m*v_perp^2/(2*q*B^3) * Cross(B_vec, Grad(B))"``.  ``^``
        is a power; one ``=`` (or ``==``) makes an equation; ``Eq(a, b)`` works too.
    rational : bool, optional
        Read decimals such as ``3.7`` as exact rationals (default: SymPy Floats).
    chain : bool, optional
        Accept a chain ``a = b = c`` and return a list of statements (always a
        list, ``[Eq(a, b), Eq(a, c)]``; ``[expr]`` for a plain expression).

    Returns
    -------
    sympy.Expr or sympy.Eq
        (a list of them with ``chain=True``).

    Raises
    ------
    ParseError
        With the column and an excerpt, for characters or names outside the
        whitelist, unknown names (with suggestions), syntax errors and notation
        errors (a product of two vectors ...).

    Examples
    --------
    >>> parse_sympy("mu = m*v_perp**2/(2*B)")
    Eq(mu, m*v_perp**2/(2*B))
    >>> parse_sympy("m*v_perp^2/(2*q*B^3)*Cross(B_vec, grad_B)")
    m*v_perp**2*Cross(B_vec, Grad(B))/(2*B**3*q)
    >>> parse_sympy("B.__class__")
    Traceback (most recent call last):
    ...
    guidingcenter.check.errors.ParseError: cannot parse SymPy syntax at column 2: '.' is not allowed ...
    """
    text = str(text)
    try:
        return _SympyParser(text, rational, chain, lookup).parse()
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("formula nested too deeply", text, 0, language="SymPy syntax") from None
    except Exception as problem:     # a parser bug must still be one line, not a traceback
        raise ParseError(f"internal error {type(problem).__name__}: {problem}", text, 0,
                         language="SymPy syntax") from None
