"""How the formula readers resolve a printed name.

Closed (the default of :func:`~guidingcenter.check.parsing.parse_latex`): the
toolkit's own spelling of a symbol, else the first reading of the notation
table; a name neither knows is an error.  Open (what the checker uses): a name
whose reading is not a single toolkit symbol -- an ambiguous one (``r_c``), one
with a species (``\\omega_{ce}``), a generic left side (``\\vec{v}_D``), one
the document defines, one known only by its dimensions, or an unknown one --
becomes a placeholder (:mod:`guidingcenter.check.spelled`) that the checker
reads in every way the table allows.
"""

import re

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check import notation
from guidingcenter.check.dimensions import Inconsistent, dimension
from guidingcenter.check.latex.components import AXES as _AXES
from guidingcenter.check.latex.lexer import GREEK
from guidingcenter.check.latex.table import latex_key, latex_table
from guidingcenter.check.spelled import Spelled, SpelledVector, key_of
from guidingcenter.check.two_points import point_label
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad, is_vector

__all__ = ["Lookup", "own_symbol", "ALONG_B"]


def _spellings(name):
    """The ways a name typed as code may be meant: ``alpha0`` is alpha_0, ``Beq`` B_eq,
    ``Tb`` T_b, ``alphaeq`` alpha_eq (the name as typed first)."""
    found = [name]
    if "_" not in name:
        digits = re.fullmatch(r"([A-Za-z]+?)(\d+)", name)
        if digits:
            found.append(f"{digits.group(1)}_{digits.group(2)}")
        for greek in sorted(GREEK, key=len, reverse=True):
            if name.startswith(greek) and len(name) > len(greek):
                found.append(f"{greek}_{name[len(greek):]}")
                break
        if len(name) > 1 and name[0].isalpha():
            found.append(f"{name[0]}_{name[1:]}")
    return found


def _printed(symbol):
    return S.LATEX_NAMES.get(symbol) or sp.latex(symbol)


def own_symbol(key):
    """The toolkit symbol whose own LaTeX spelling is ``key`` (or None)."""
    return latex_table().get(key)


class Lookup:
    """Resolve a canonical key to an expression (see the module docstring).

    ``definitions`` maps keys to what a document says they mean (SymPy
    expressions); they are placeholders too, read first through the definition.
    ``short_words``: a run of two letters the table knows as one name (``en``, a
    code's energy) is read as that name, not as a product; ``words_read`` lists
    the runs so read.
    """

    def __init__(self, open=False, definitions=None, short_words=False):
        self.open = open
        self.definitions = dict(definitions or {})
        self.short_words = short_words
        self.words_read = []
        # a formula that writes the field's gradient by its entries (dB_x/dy): its dB_z/dz
        # is an entry too, not the table's dB/ds (``entries``, set while reading; a
        # line read with an entry the table gave otherwise is read again)
        self.entries, self.entries_by_table = False, False

    def knows(self, key):
        return key in self.definitions or bool(notation.readings(key)) or \
            own_symbol(key) is not None

    def by_name(self, name, own=None):
        """The expression for a SymPy-syntax name (``own``: the toolkit's symbol of that
        name, whose printed LaTeX then gives the key), or None."""
        key = latex_key(_printed(own)) if own is not None else None
        if own is not None:       # a name the toolkit declares means its symbol, unless the
            found = notation.readings(key or "")     # name is generic or read more ways
            ambiguous = len(found) > 1 or any(r.generic for r in found)
            return self(key, own, display=name) if ambiguous else own
        if key is None:
            key = self.key(name)
        return self(key, own if own is not None else own_symbol(key), display=name)

    def key(self, name):
        """The canonical key of a SymPy-syntax name: the first of its spellings (ppar:
        p_{\\parallel}) that the readers know."""
        keys = [notation.sympy_key(spelling) for spelling in _spellings(name)]
        return next((k for k in keys if self.knows(k)), keys[0])

    def derivative(self, name, variable):
        """``Derivative(B, s)`` of two SymPy-syntax names, read as the LaTeX dB/ds is."""
        key = f"d{{{self.key(name)}}}/d{{{self.key(variable)}}}"
        return self(key, own_symbol(key), display=f"Derivative({name}, {variable})")

    def __call__(self, key, own=None, display=None):
        """The expression for the name ``key`` (printed as ``display``), or None."""
        found = notation.readings(key)
        if self.open and key not in self.definitions and _ENTRY.fullmatch(key):
            entry = self.gradient_entry(key)
            if entry is not None and (self.entries or not found):
                self.entries = True
                return entry
            self.entries_by_table = self.entries_by_table or entry is not None
        if not self.open:
            if own is not None:
                return own
            return next((r.value for r in found if r.value is not None), None)
        point = point_label(key) if key not in self.definitions else None
        if point is not None and (not notation.listed(key) and own is None or
                                  found and found[0].value == point.quantity):
            return point                    # v_{\perp 1}, B': a quantity at a point
        listed = self.listed_component(key) if key not in self.definitions else None
        if listed is not None:
            return listed
        if key not in self.definitions and len(found) == 1 and not found[0].species and \
                found[0].value is not None and found[0].value.is_Symbol and \
                own in (None, found[0].value):
            return found[0].value
        if key not in self.definitions and not found and own is not None:
            return own
        if key not in self.definitions and not found:
            axis = re.fullmatch(r"\\(?:hat|vec)\{(?:e_\{)?([xyz])\}?\}?|\\(?:hat|vec)\{e\}_\{([xyz])\}",
                                key)
            if axis:                                 # \hat{x}, \vec{e}_{z}: the unit vectors
                return _AXES[axis.group(1) or axis.group(2)]
            derived = self.component(key) or self.time_derivative(key) or \
                self.gradient_component(key) or self.field_part(key)
            if derived is not None:
                return derived
        vector = key.startswith((r"\vec{", r"\hat{", r"d{\vec{")) or \
            any(r.vector for r in found) or \
            (own is not None and own.__class__.__name__ == "VectorSymbol")
        return (SpelledVector if vector else Spelled)(display or key, key, _dims(found))


    def component(self, key):
        """``E_x``, ``F_z``, ``v_y``, ``v_{1,y}``: the component x-hat . vector of a vector
        the readers know (``\\vec{v}_1``), when the name itself is not known (axes: x, y, z;
        z along B)."""
        match = re.fullmatch(r"(\\?[A-Za-z]+)_\{(?:([^{},]+),)?([xyz])\}", key)
        if match is None:
            return None
        name, label, axis = match.groups()
        vector = self.vector(rf"\vec{{{name}}}" + (f"_{{{label}}}" if label else ""))
        return Dot(_AXES[axis], vector) if vector is not None else None

    def listed_component(self, key):
        """``v_{E,x}``, ``\\vec{v}_{1,y}``: the component along an axis of the vector named
        by the rest of the subscript (``\\vec{v}_E``; a placeholder if the readers do not
        know it)."""
        match = re.fullmatch(r"(\\vec\{[^{}]+\}|\\?[A-Za-z]+)_\{(.+),\s*([xyz])\}", key)
        if match is None:
            return None
        base, subscript, axis = match.groups()
        name = (base if base.startswith("\\vec") else rf"\vec{{{base}}}") + f"_{{{subscript}}}"
        vector = self.vector(name)
        if vector is None:
            vector = SpelledVector(name, name)
        return Dot(_AXES[axis], vector)

    def time_derivative(self, key):
        """``\\dot{v}_x``, ``d{v_x}/d{t}``, ``\\dot{\\vec{v}}``: the rate of the velocity (or
        of one of its components) is the acceleration dv/dt; ``d{\\vec{p}}/d{t}`` is
        gamma m dv/dt."""
        match = re.fullmatch(r"\\dot\{(.+?)\}(_\{[xyz]\})?|d\{(.+)\}/d\{t\}", key)
        if match is None:
            return None
        inner = (match.group(1) or match.group(3)) + (match.group(2) or "")
        if ALONG_B.fullmatch(inner):        # v_{gc\parallel}: the guiding centre's speed
            return S.dvpar_dt                 # along B, whatever its label
        value = self.component(inner)        # \dot{v}_z: the z component, not dv_par/dt
        if value is None and self.knows(inner):
            value = self(inner, own_symbol(inner))
        axis, vector = value.args if isinstance(value, Dot) else (None, value)
        if vector == S.v_vec or (isinstance(vector, SpelledVector)
                                 and key_of(vector) == r"\vec{v}"):
            return Dot(axis, S.dv_dt) if axis is not None else S.dv_dt
        if vector == S.gamma * S.m * S.v_vec or (isinstance(vector, SpelledVector)
                                                 and key_of(vector) == r"\vec{p}"):
            # dp/dt with p = gamma m v: gamma m dv/dt where gamma is constant (B alone;
            # v << c), which is how the toolkit's equations of motion hold
            rate = S.gamma * S.m * S.dv_dt
            return rate if axis is None else S.gamma * S.m * Dot(axis, S.dv_dt)
        return None

    def field_part(self, key):
        r"""``\vec{E}_{\parallel}``: the component b-hat . E of a vector the toolkit knows
        along B; ``\vec{E}_{\perp}`` its part across B, b-hat x (E x b-hat) (Chen sec. 2.5,
        Baumjohann and Treumann sec. 2.5: E_par drives the motion along B)."""
        match = re.fullmatch(r"(\\vec\{[A-Za-z]+\})_\{\\(parallel|perp)\}", key)
        vector = own_symbol(match.group(1)) if match else None
        if vector is None or not is_vector(vector) or vector in (S.b_hat, S.B_vec):
            return None                       # B_perp: another field's part, not B's (0)
        if match.group(2) == "parallel":
            return Dot(S.b_hat, vector)
        return Cross(S.b_hat, Cross(vector, S.b_hat))

    def gradient_component(self, key):
        """``d{B}/d{x}``: the component x-hat . grad B of the gradient of a scalar;
        ``d{B_0}/d{x}`` that of the field strength B (B_0(x) z-hat: the field the gradient
        is of, not its value at one point)."""
        match = re.fullmatch(r"d\{(.+)\}/d\{([xyz])\}", key)
        if match is None or not self.knows(match.group(1)):
            return None
        numerator, axis = match.groups()
        if any(r.value == S.B_0 for r in notation.readings(numerator)):
            return Dot(_AXES[axis], Grad(S.B))
        value = self(numerator, own_symbol(numerator))
        if is_vector(value) or not isinstance(value, sp.Symbol):
            return None
        return Dot(_AXES[axis], Grad(value))

    def gradient_entry(self, key):
        """``d{B_{y}}/d{x}``: the entry dB_y/dx of the magnetic field's gradient,
        y-hat . (x-hat . grad) B (axes with z along B, as components are written); None
        for anything else (the checking frame's other vectors are uniform: the entries of
        their gradients would read as 0)."""
        match = _ENTRY.fullmatch(key)
        vector = self.vector(rf"\vec{{{match.group(1)}}}") if match else None
        if vector != S.B_vec:
            return None
        return Dot(_AXES[match.group(2)], DirectionalDerivative(_AXES[match.group(3)], vector))

    def vector(self, key):
        """The vector the readers give ``key`` (a toolkit vector, or a placeholder of one)."""
        if not self.knows(key):
            return None
        value = self(key, own_symbol(key))
        return value if is_vector(value) else None


# the speed along B of a labelled velocity: v_{gc\parallel}, u_{\parallel,gc}
ALONG_B = re.compile(r"[vu]_\{(?:[A-Za-z]+\\parallel|\\parallel,?[A-Za-z]+)\}")
_ENTRY = re.compile(r"d\{(\\?[A-Za-z]+)_\{([xyz])\}\}/d\{([xyz])\}")


def _dims(found):
    """The SI dimension all readings of a name share (None if they differ or are unknown)."""
    dims = set()
    for reading in found:
        if reading.dims is not None:
            dims.add(reading.dims)
        elif reading.value is not None:
            try:
                dims.add(dimension(reading.value))
            except Inconsistent:
                dims.add(None)
    return dims.pop() if len(dims) == 1 else None
