"""The one table of LaTeX names: every spelling reduced to a canonical key."""

import functools

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from guidingcenter import symbols as _symbols
from guidingcenter.check.errors import ParseError
from guidingcenter.check.latex.grammar import Parser

__all__ = ["latex_key", "latex_table", "table_conflicts", "tables", "LATEX_ALIASES"]


#: The notes' LaTeX spellings -> SymPy name of the symbol in guidingcenter.symbols.
LATEX_ALIASES = {
    r"\omega": "omega_c", r"\omega_g": "omega_c", r"\omega_L": "omega_c", r"\Omega": "omega_c",
    r"\Omega_c": "omega_c",
    r"r_g": "r_L", r"\rho_L": "r_L",
    r"\mathcal{E}": "W", r"E_\text{kin}": "W",
    r"m_p": "m_i", r"n_e": "n",
    r"v_L": "v_perp", r"v_{\text{gc}\parallel}": "v_par",
    r"\vartheta": "lambda", r"\vartheta_m": "lambda_m", r"\lambda_\text{m}": "lambda_m",
    r"R_{eq}": "r_eq", r"r_E": "R_E", r"R_e": "R_E", r"M_e": "M_E",
    r"\alpha_l": "alpha_lc",
    r"\hat{B}": "b_hat",
    r"\vec{v}_\nabla": "v_gradB", r"\vec{F}_\nabla": "F_gradB", r"\vec{v}_C": "v_R",
    r"\vec{v}_{\text{ExB}}": "v_E", r"\vec{v}_{E\times B}": "v_E",
    r"\vec{F}_\parallel": "F_par",
    r"\langle\tau_d\rangle": "tau_d", r"\langle\Omega_d\rangle": "Omega_d",
}


class Function:
    """An undefined function of guidingcenter.symbols, callable like a SymPy class."""

    def __init__(self, function, applied=None):
        self.function, self.applied = function, applied
        self.__name__ = str(function)

    def __call__(self, *args):
        return self.function(*args)


def latex_key(spelling):
    r"""The canonical key of a LaTeX name: ``latex_key(r"B_\text{max}") == "B_{max}"``.

    Derivatives give ``d{...}/d{...}``, averages ``\langle{...}\rangle``, closed path
    integrals ``\oint{p}d{q}``;
    ``None`` if the spelling is not a single name.
    """
    try:
        parser = Parser(spelling)
        parser.strip()
        if parser.at("cmd", r"\frac"):
            parser.take()
            numerator = (1, parser.group_end(1))
            denominator = (numerator[1], parser.group_end(numerator[1]))
            top = parser.differential_form(*numerator)
            bottom = parser.differential_form(*denominator)
            if denominator[1] == len(parser.tokens) and top and bottom and top[0] and \
                    bottom[0] and not bottom[2]:
                return f"d{{{top[0]}}}/d{{{bottom[0]}}}"
            return None
        if parser.at("cmd", r"\oint"):             # \oint p\,dq: the action, one name
            parser.take()
            key, exponent = parser.closed_path_key(), None
            if key is None:
                return None
        elif parser.at("open", r"\langle"):
            parser.take()
            key, exponent = parser.name_key()
            parser.take("close", r"\rangle")
            key = rf"\langle{{{key}}}\rangle"
        else:
            key, exponent = parser.name_key()
    except ParseError:
        return None
    return key if exponent is None and parser.at("end") else None


@functools.lru_cache(maxsize=None)
def tables():
    symbols, conflicts = {}, []
    by_name = _symbols.by_name()
    spellings = [(latex, symbol) for symbol, latex in _symbols.LATEX_NAMES.items()]
    spellings += [(sp.latex(symbol), symbol) for symbol in by_name.values()
                  if symbol not in _symbols.LATEX_NAMES]
    spellings += [(latex, by_name[name]) for latex, name in LATEX_ALIASES.items()]
    for spelling, symbol in spellings:
        key = latex_key(spelling)
        if key is None:
            continue
        if key in symbols and symbols[key] != symbol:
            conflicts.append((key, symbols[key], symbol))
            continue
        symbols[key] = symbol
    # derivatives along a dipole field line, as the derivations write them
    symbols.setdefault(r"d{s}/d{\lambda}", sp.Derivative(sp.Function("s")(_symbols.lam),
                                                          _symbols.lam))
    symbols.setdefault(r"d{r}/d{\lambda}", sp.Derivative(_symbols.r_lam, _symbols.lam))
    functions = {}
    for value in vars(_symbols).values():
        if isinstance(value, AppliedUndef):
            functions.setdefault(latex_key(value.func.__name__), Function(value.func, value))
        elif isinstance(value, UndefinedFunction):
            functions.setdefault(latex_key(value.__name__), Function(value))
    functions.pop(None, None)
    words = {key for key in symbols if key.isalpha() and len(key) > 1}
    return symbols, functions, words, tuple(conflicts)


def latex_table():
    """The one table of LaTeX names, ``{canonical key: symbol}`` (see :func:`latex_key`)."""
    return dict(tables()[0])


def table_conflicts():
    """Spellings that name two different symbols, ``(key, kept, dropped)`` (first wins)."""
    return tables()[3]
