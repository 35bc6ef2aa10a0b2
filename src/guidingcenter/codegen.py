"""Generate the NumPy functions of ``guidingcenter.numeric`` from derived results.

A derivation attaches a :class:`NumericSpec` to its results: the public
function name, its arguments (which notation symbol each stands for, its SI
unit and allowed range), the particle parameters it needs, and an example.
:func:`generate` turns every spec into Python source: input validation, the
result's Cartesian components (common subexpressions shared), the docstring
with the derived formula in LaTeX and an example whose printed value was
computed here at 30 digits from the symbolic result (not by the generated
code).  ``python -m guidingcenter.codegen`` rewrites ``src/guidingcenter/numeric``;
a test checks that the committed files equal what the derivations give now.
"""

import os
import textwrap
from dataclasses import dataclass, field

import sympy as sp
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from guidingcenter import symbols as S
from guidingcenter.vectors import Dot, Frame

__all__ = ["Arg", "Option", "Requirement", "Ordering", "NumericSpec", "explicit_result", "generate",
           "write", "input_symbols", "module_name", "generated_files", "CONSTANTS"]

# Symbols that generated code takes from guidingcenter.constants.
CONSTANTS = {S.c: "c", S.e: "e"}
# Arguments a planet preset supplies (guidingcenter.planets) when not given.
PLANET_ARGS = {S.B_E: "B_E", S.R_E: "R_E"}
# Magnitude symbol of each vector symbol (|B_vec| is B, ...).
MAGNITUDES = {S.B: S.B_vec, S.E: S.E_vec, S.g: S.g_vec}


@dataclass(frozen=True)
class Arg:
    """One argument of a generated function.

    ``symbol`` is the notation atom it stands for (a Symbol, a VectorSymbol or
    e.g. ``Grad(B)``); ``check`` is ``"positive"``, ``"nonnegative"``, ``">=1"``,
    ``"real"``, ``"latitude"`` ([-pi/2, pi/2]), ``"pitch"`` ([0, pi]) or, for
    vectors, ``"nonzero"`` (nonzero magnitude) or ``"real"``.  An argument
    standing for ``B_E`` or ``R_E`` defaults to the planet's (``planet=``).
    """

    name: str
    symbol: object
    unit: str
    doc: str
    vector: bool = False
    check: str = "real"
    default: object = None
    sample: tuple = None     # (low, high): typical magnitudes 10**low..10**high, for tests


@dataclass(frozen=True)
class Option:
    """A boolean keyword: ``select`` picks a result by its value, ``absolute``
    returns the magnitude of the result unless the option is true."""

    name: str
    default: bool
    doc: str
    results: dict = field(default_factory=dict)   # {True: result name, False: ...}
    kind: str = "select"
    # (argument blamed, Newtonian speed in the spec's symbols): the False branch of a
    # select option refuses inputs that would put the particle at or above c.
    newtonian_speed: tuple = ()


@dataclass(frozen=True)
class Requirement:
    """A condition across arguments: ``expression >= -slack`` (``> 0`` if ``strict``).

    ``expression`` is in the spec's notation; a failure is a ``ValueError``
    starting with ``arguments`` and saying ``meaning``.  A plain tuple
    ``(expression, arguments, meaning)`` in ``NumericSpec.requires`` means the same
    with ``expression >= 0``.
    """

    expression: object
    arguments: str
    meaning: str
    strict: bool = False
    slack: float = 0.0


@dataclass(frozen=True)
class Ordering:
    """An ordering parameter of guiding-centre theory that the function computes.

    ``expression`` is written in the spec's notation (it may use q and m);
    above ``guidingcenter.validity.<threshold>`` the function issues
    ``GuidingCentreWarning`` blaming ``arguments``.
    """

    name: str
    expression: object
    threshold: str
    arguments: str


@dataclass(frozen=True)
class NumericSpec:
    """How a derived result becomes a public NumPy function.

    A function name starting with ``_`` gives a private kernel instead: the
    bare formula, for a hand-written caller that validates its input.
    """

    function: str
    summary: str
    result: str
    args: tuple
    returns: tuple                  # (unit, description)
    particle: tuple = ()            # subset of ("q", "m")
    options: tuple = ()
    light_speed: tuple = ()         # argument names whose combined speed must stay below c
    # Requirement, or (expression that must be >= 0, "arguments blamed", "what it means")
    requires: tuple = ()
    orderings: tuple = ()           # Ordering, ...
    # why a velocity result (unit m/s) at or above c is refused (None: it cannot be, and
    # a value rounded to c is the answer, e.g. the speed of a 1e20 eV proton)
    too_fast: str = "the formula gives a speed at or above that of light: its ordering has " \
                    "broken down"
    example: dict = field(default_factory=dict)
    notes: str = ""
    references: tuple = ()

    @property
    def results(self):
        """Names of every result the function evaluates."""
        names = [self.result]
        for option in self.options:
            names += [name for name in option.results.values() if name not in names]
        return names


# --- from notation to components ---------------------------------------------------

def input_symbols(spec):
    """Map each argument to its plain SymPy symbols (components for vectors)."""
    table = {}
    for arg in spec.args:
        if arg.vector:
            table[arg.name] = sp.Matrix([sp.Symbol(f"{arg.name}_{axis}", real=True)
                                         for axis in "xyz"])
        else:
            table[arg.name] = sp.Symbol(arg.name, **_assumptions(arg))
    for name in spec.particle:
        table[name] = {"q": S.q, "m": S.m}[name]
    return table


def _assumptions(arg):
    return {"positive": {"positive": True}, "nonnegative": {"nonnegative": True},
            ">=1": {"positive": True}, "pitch": {"nonnegative": True}}.get(arg.check,
                                                                           {"real": True})


def explicit_result(spec, result):
    """The result's right-hand side in terms of the spec's input symbols.

    Returns an Expr, or a 3x1 Matrix for vector results.
    """
    return _explicit(spec, result.expression, result.name)


def _explicit(spec, expression, what):
    symbols = input_symbols(spec)
    vectors = {arg.symbol: symbols[arg.name] for arg in spec.args if arg.vector}
    scalars = {arg.symbol: symbols[arg.name] for arg in spec.args
               if not arg.vector and arg.symbol != symbols[arg.name]}
    given = {arg.symbol for arg in spec.args}
    for magnitude, vector in MAGNITUDES.items():
        if vector in given and magnitude not in given:
            scalars[magnitude] = sp.sqrt(Dot(vector, vector))
    value = Frame(vectors, scalars).explicit(expression)
    allowed = set().union(*(v.free_symbols for v in symbols.values())) | set(CONSTANTS)
    stray = value.free_symbols - allowed
    if stray:
        raise ValueError(f"{what}: symbols {sorted(map(str, stray))} are not "
                         f"inputs of {spec.function}")
    return value


# --- printing -----------------------------------------------------------------------

class _Printer(NumPyPrinter):
    def __init__(self):
        super().__init__({"fully_qualified_modules": True})


class _FloatPrinter(PythonCodePrinter):
    """Expressions on Python floats: ``math`` functions and the built-in ``abs``."""

    def __init__(self):
        super().__init__({"fully_qualified_modules": True})


_PRINTERS = {"array": _Printer, "float": _FloatPrinter}


def _cse(value):
    """(is_vector, temporaries, reduced expressions) of a result value (one CSE)."""
    rename = {symbol: sp.Symbol(f"_constants.{name}") for symbol, name in CONSTANTS.items()}
    is_vector = isinstance(value, sp.MatrixBase)
    exprs = [sp.sympify(e).xreplace(rename) for e in (list(value) if is_vector else [value])]
    temps, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("_x"), optimizations="basic")
    return is_vector, temps, reduced


def _print(expression, kind):
    """One expression (already in the spec's input symbols) for ``kind`` "array"/"float"."""
    rename = {symbol: sp.Symbol(f"_constants.{name}") for symbol, name in CONSTANTS.items()}
    return _PRINTERS[kind]().doprint(sp.sympify(expression).xreplace(rename))


def _kernel_lines(value, indent, absolute=None, bare=False, kind="array", too_fast=None):
    """Assignments and the return statement for one result value.

    ``absolute`` names a boolean option: the magnitude is returned unless it is
    true; ``bare`` returns the plain expression (private kernels); ``kind`` is
    "array" (NumPy, broadcast to ``shape``) or "float" (the fast path);
    ``too_fast`` = (arguments, meaning) refuses a velocity at or above c.
    """
    printer = _PRINTERS[kind]()
    is_vector, temps, reduced = _cse(value)
    lines = [f"{name} = {printer.doprint(expr)}" for name, expr in temps]
    printed = [printer.doprint(expr) for expr in reduced]
    if bare:
        lines.append(f"return {printed[0]}" if not is_vector else
                     f"return ({', '.join(printed)})")
        return [indent + line for line in lines]
    if is_vector:
        lines.append(f"_value = ({', '.join(printed)})")
        if too_fast:
            lines.append(f"_validate.slower_than_light(_value, {too_fast[0]!r}, "
                         f"{too_fast[1]!r})")
        lines.append("return _validate.vector_result(shape, *_value)")
        return [indent + line for line in lines]
    lines.append(f"_value = {printed[0]}")
    if too_fast and kind == "float":
        lines += ["if abs(_value) >= _constants.c:",
                  f"    _validate.slower_than_light((_value,), {too_fast[0]!r}, "
                  f"{too_fast[1]!r})"]
    elif too_fast:
        lines.append(f"_validate.slower_than_light((_value,), {too_fast[0]!r}, "
                     f"{too_fast[1]!r})")
    magnitude = "abs(_value)" if kind == "float" else "numpy.abs(_value)"
    value_text = f"_value if {absolute} else {magnitude}" if absolute else "_value"
    lines.append(f"return _float({value_text})" if kind == "float" else
                 f"return _validate.scalar_result(shape, {value_text})")
    return [indent + line for line in lines]


def _optional(arg):
    """Keyword arguments: a default, or a planet's B_E / R_E."""
    return arg.default is not None or arg.symbol in PLANET_ARGS


def _takes_planet(spec):
    return any(arg.symbol in PLANET_ARGS for arg in spec.args)


def _signature(spec):
    required = [a.name for a in spec.args if not _optional(a)]
    optional = [a for a in spec.args if _optional(a)]
    parts = list(required)
    keyword = [f"{a.name}={None if a.symbol in PLANET_ARGS else a.default!r}"
               for a in optional]
    keyword += [f"{o.name}={o.default!r}" for o in spec.options]
    if _takes_planet(spec):
        keyword.append("planet=None")
    if spec.particle:
        parts.append("particle=None")
        keyword += [f"{name}=None" for name in spec.particle]
    if keyword:
        parts.append("*")
        parts += keyword
    return ", ".join(parts)


def _common_lines(spec):
    """Lines both paths share: options, planet values, the particle."""
    lines = []
    for option in spec.options:
        lines += [f"if {option.name} is not True and {option.name} is not False:",
                  f"    {option.name} = _validate.flag({option.name!r}, {option.name})"]
    for arg in spec.args:
        if arg.symbol in PLANET_ARGS:
            lines.append(f"{arg.name} = _validate.from_planet({PLANET_ARGS[arg.symbol]!r}, "
                         f"{arg.name}, planet)")
    if spec.particle:
        targets = ", ".join(spec.particle) + ("," if len(spec.particle) == 1 else "")
        given = ", ".join(f"{n}={n}" for n in spec.particle)
        lines.append(f"{targets} = _validate.particle(particle, {given}, "
                     f"need={spec.particle!r})")
    return lines


def _requirements(spec):
    """(expression in the input symbols, comparison text, arguments, meaning) of each
    requirement."""
    out = []
    for requirement in spec.requires:
        if isinstance(requirement, tuple):
            requirement = Requirement(*requirement)
        value = _explicit(spec, requirement.expression, "requirement")
        comparison = "> 0" if requirement.strict else \
            f">= -{requirement.slack!r}" if requirement.slack else ">= 0"
        out.append((value, comparison, requirement.arguments, requirement.meaning))
    return out


def _validation_lines(spec):
    """The array path: validate, broadcast, check requirements and orderings."""
    lines = []
    for arg in spec.args:
        kind = "vector" if arg.vector else "scalar"
        lines.append(f"{arg.name} = _validate.{kind}({arg.name!r}, {arg.name}, {arg.check!r})")
    names = ", ".join(f"{a.name}={a.name}" for a in spec.args)
    vectors = tuple(a.name for a in spec.args if a.vector)
    lines.append(f"shape = _validate.broadcast_shape({vectors!r}, {names})")
    if spec.light_speed:
        speeds = ", ".join(f"{n}={n}" for n in spec.light_speed)
        lines.append(f"_validate.below_light_speed({speeds})")
    for arg in spec.args:
        if arg.vector:
            lines.append(", ".join(f"{arg.name}_{a}" for a in "xyz")
                         + f" = _validate.components({arg.name})")
    for value, comparison, blamed, meaning in _requirements(spec):
        lines.append(f"_validate.require({_print(value, 'array')} {comparison}, "
                     f"{blamed!r}, {meaning!r})")
    for ordering in spec.orderings:
        value = _explicit(spec, ordering.expression, f"ordering {ordering.name}")
        lines.append(f"_validity.check_ordering({_print(value, 'array')}, {ordering.name!r}, "
                     f"{ordering.threshold!r}, {ordering.arguments!r})")
    return lines


_FAST_RANGES = {"positive": "0.0 < {0} <= _MAX", "nonnegative": "0.0 <= {0} <= _MAX",
                ">=1": "1.0 <= {0} <= _MAX", "real": "-_MAX <= {0} <= _MAX",
                "latitude": "-_HALF_PI <= {0} <= _HALF_PI", "pitch": "0.0 <= {0} <= math.pi"}


def _fast_validation_lines(spec):
    """The fast path on plain numbers: inline range checks, requirements, orderings."""
    lines = []
    for arg in spec.args:
        lines += [f"if not {_FAST_RANGES[arg.check].format(arg.name)}:",
                  f"    _validate.refuse({arg.name!r}, {arg.name}, {arg.check!r})"]
    if spec.light_speed:
        squares = " + ".join(f"{n}**2" for n in spec.light_speed)
        speeds = ", ".join(f"{n}={n}" for n in spec.light_speed)
        lines += [f"if math.sqrt({squares}) >= _constants.c:",
                  f"    _validate.below_light_speed({speeds})"]
    for value, comparison, blamed, meaning in _requirements(spec):
        lines += [f"if not {_print(value, 'float')} {comparison}:",
                  f"    _validate.require(False, {blamed!r}, {meaning!r})"]
    for i, ordering in enumerate(spec.orderings):
        value = _explicit(spec, ordering.expression, f"ordering {ordering.name}")
        lines += [f"_eps{i} = {_print(value, 'float')}",
                  f"if _eps{i} > _validity.{ordering.threshold}:",
                  f"    _validity.warn_ordering(_eps{i}, {ordering.name!r}, "
                  f"{ordering.threshold!r}, {ordering.arguments!r})"]
    return lines


# --- docstrings -----------------------------------------------------------------------

_PARTICLE_DOC = """particle : str, optional
    ``"p+"``, ``"e-"``, ``"alpha"``, an ion such as ``"O+"`` or ``"Fe-56 13+"``
    (``guidingcenter.particles``); or give the charge and mass explicitly."""
_PLANET_DOC = """planet : str or Planet, optional
    Supplies B_E and R_E when they are not given: ``"Mercury"``, ``"Earth"``
    (default, the notes' constants), ``"Jupiter"``, ``"Saturn"``, ``"Uranus"``,
    ``"Neptune"`` (``guidingcenter.planets``)."""
_PARTICLE_PARAMS = {"q": "q : float, optional\n    Signed charge, C (overrides the particle's).",
                    "m": "m : float, optional\n    Rest mass, kg (overrides the particle's)."}
_CHECK_WORDS = {"positive": " (> 0)", "nonnegative": " (>= 0)", "nonzero": " (nonzero)",
                ">=1": " (>= 1)", "real": "", "latitude": " (in [-pi/2, pi/2])",
                "pitch": " (in [0, pi])"}


def _docstring(spec, derivation, results, example_text):
    from guidingcenter.render import latex
    lines = [spec.summary, "", "Parameters", "----------"]
    for arg in spec.args:
        shape = ", shape (..., 3)" if arg.vector else ""
        optional = ", optional" if _optional(arg) else ""
        lines += [f"{arg.name} : array_like{shape}{optional}"]
        default = "; default: the planet's" if arg.symbol in PLANET_ARGS else ""
        lines += _wrapped(f"{arg.doc}, {arg.unit}{_CHECK_WORDS[arg.check]}{default}.")
    for option in spec.options:
        lines += [f"{option.name} : bool, optional"] + _wrapped(option.doc)
    if _takes_planet(spec):
        lines += _PLANET_DOC.splitlines()
    if spec.particle:
        lines += _PARTICLE_DOC.splitlines()
        for name in spec.particle:
            lines += _PARTICLE_PARAMS[name].splitlines()
    vector_out = isinstance(explicit_result(spec, results[0]), sp.MatrixBase)
    raises = "If an argument is non-finite, out of its range, or the shapes do not broadcast"
    raises += "; if the velocity would reach c." if spec.returns[0] == "m/s" and \
        spec.too_fast else "."
    lines += ["", "Returns", "-------",
              "numpy.ndarray" + (", shape (..., 3)" if vector_out else " or numpy.float64"),
              f"    {spec.returns[1]}, {spec.returns[0]}.", "", "Raises", "------",
              "ValueError"] + _wrapped(raises)
    if spec.orderings:
        limits = " or ".join(f"{o.name} exceeds guidingcenter.validity.{o.threshold}"
                             for o in spec.orderings)
        lines += ["", "Warns", "-----", "GuidingCentreWarning"] + _wrapped(f"If {limits}.")
    lines += ["", "Notes", "-----"]
    for result in results:
        lines += [".. math::", "", "    " + latex(result.statement), ""]
        lines += _wrapped(f"Result ``{result.name}`` of derivation ``{derivation.name}`` "
                          f"(step {result.step}): {_plain(result.description)}.", "") + [""]
    if spec.notes:
        lines += textwrap.wrap(spec.notes, 76) + [""]
    if spec.references:
        lines += ["References", "----------"] + [f"- {r}" for r in spec.references] + [""]
    lines += ["Examples", "--------", f">>> from guidingcenter.numeric import {spec.function}"]
    lines += example_text
    return "\n".join(lines)


def _wrapped(text, indent="    "):
    return textwrap.wrap(text, 76, initial_indent=indent, subsequent_indent=indent)


def _plain(text):
    return text.replace("$", "``").replace("````", "")


def _example_value(value):
    """An example value as (source text, float); strings use guidingcenter.units."""
    if isinstance(value, str):
        from guidingcenter import units
        return value, eval(value, {}, vars(units))  # trusted: written in a derivation
    return repr(value), value


def _example(spec, results):
    """Doctest lines; the expected value comes from the symbolic result."""
    if not spec.example:
        return []
    texts, values = {}, {}
    for name, given in spec.example.items():
        texts[name], values[name] = (repr(given), given) if name == "particle" else \
            _example_value(given)
    required = [a.name for a in spec.args if not _optional(a)]
    call = [texts[name] for name in required]
    call += [texts["particle"]] if "particle" in texts else []
    call += [f"{k}={texts[k]}" for k in texts if k not in required and k != "particle"]
    call = ", ".join(call)
    result = results[0]
    for option in spec.options:
        if option.kind == "select":
            chosen = values.get(option.name, option.default)
            result = next(r for r in results if r.name == option.results[chosen])
    value = _evaluate(spec, result, values)
    for option in spec.options:
        if option.kind == "absolute" and not values.get(option.name, option.default):
            value = [abs(v) for v in value] if isinstance(value, list) else abs(value)
    from guidingcenter import units
    used = sorted(n for n in vars(units) if not n.startswith("_") and any(
        isinstance(v, str) and n in v.replace("*", " ").split() for v in spec.example.values()))
    lines = [f">>> from guidingcenter.units import {', '.join(used)}"] if used else []
    if isinstance(value, list):
        return lines + [f">>> {spec.function}({call}).tolist()",
                        "[" + ", ".join(_doctest_float(v) for v in value) + "]"]
    return lines + [f">>> float({spec.function}({call}))", _doctest_float(value)]


def _evaluate(spec, result, example):
    """The result at the example's values, at 30 digits (independent of the code)."""
    from guidingcenter import constants, planets
    from guidingcenter.particles import charge_and_mass
    symbols = input_symbols(spec)
    values = {}
    for arg in spec.args:
        given = example.get(arg.name, arg.default)
        if arg.symbol in PLANET_ARGS and arg.name not in example:
            given = getattr(planets.planet(example.get("planet")), PLANET_ARGS[arg.symbol])
        target = symbols[arg.name]
        if arg.vector:
            values.update({s: sp.nsimplify(v, rational=True) for s, v in zip(target, given)})
        else:
            values[target] = sp.Rational(given) if isinstance(given, float) else \
                sp.nsimplify(given, rational=True)
    if spec.particle:
        q, m = charge_and_mass(example.get("particle"), example.get("q"), example.get("m"))
        values.update({S.q: sp.Rational(q), S.m: sp.Rational(m)})
    values.update({symbol: sp.Rational(getattr(constants, name))
                   for symbol, name in CONSTANTS.items()})
    value = explicit_result(spec, result)
    if isinstance(value, sp.MatrixBase):
        return [float(sp.N(e.xreplace(values), 30)) for e in value]
    return float(sp.N(value.xreplace(values), 30))


def _doctest_float(value, digits=6):
    """``repr`` of a float cut to ``digits`` significant digits, with ``...``."""
    text = repr(float(value))
    if value == 0:
        return "0.0"
    mantissa, _, exponent = text.partition("e")
    sign = "-" if mantissa.startswith("-") else ""
    body = mantissa.lstrip("-")
    count, cut = 0, len(body)
    for i, ch in enumerate(body):
        if ch.isdigit() and (count or ch != "0"):
            count += 1
            if count == digits:
                cut = i + 1
                break
    if cut >= len(body):
        return text
    return sign + body[:cut] + "..." + (f"e{exponent}" if exponent else "")


# --- modules ------------------------------------------------------------------------

_HEADER = '''"""{title}: NumPy functions generated from derivation ``{name}``.

Generated by ``python -m guidingcenter.codegen`` from the derived results; do
not edit.  The formulas, docstrings and examples all come from the derivation.
"""

import math  # noqa: F401  (used by the fast path on plain numbers)

import numpy  # noqa: F401  (used by generated expressions)

from guidingcenter import constants as _constants  # noqa: F401
from guidingcenter import validity as _validity  # noqa: F401
from guidingcenter.numeric import _validate
from guidingcenter.numeric._validate import FLOATS as _FLOATS, MAX as _MAX  # noqa: F401

__all__ = {names!r}

_float = numpy.float64
_HALF_PI = math.pi / 2
'''


def module_name(derivation_name):
    """The (private) module of ``guidingcenter.numeric`` generated from a derivation."""
    return f"_{derivation_name}"


def _kernel_source(spec, derivation):
    """A private kernel: no validation, plain expression (callers validate)."""
    from guidingcenter.render import latex
    result = derivation.result(spec.result)
    doc = [spec.summary, "", ".. math::", "", "    " + latex(result.statement), ""]
    doc += _wrapped(f"Result ``{result.name}`` of derivation ``{derivation.name}`` "
                    f"(step {result.step}); arguments are not checked.", "")
    args = ", ".join(arg.name for arg in spec.args)
    body = _kernel_lines(explicit_result(spec, result), "    ", bare=True)
    return "\n".join([f"def {spec.function}({args}):",
                      textwrap.indent('r"""' + "\n".join(doc) + '\n"""', "    ")] + body) + "\n"


def _evaluation_lines(spec, derivation, kind):
    """Evaluate the result (each select option's branch) and return it, for ``kind``."""
    selects = [o for o in spec.options if o.kind == "select"]
    absolute = next((o.name for o in spec.options if o.kind == "absolute"), None)
    too_fast = None
    if spec.returns[0] == "m/s" and spec.too_fast:
        too_fast = (", ".join(a.name for a in spec.args), spec.too_fast)

    def value(name):
        return _kernel_lines(explicit_result(spec, derivation.result(name)), "", absolute,
                             kind=kind, too_fast=too_fast)
    if not selects:
        return value(spec.result)
    option = selects[0]
    lines = [f"if {option.name}:"] + ["    " + line for line in value(option.results[True])]
    if option.newtonian_speed:
        blamed, speed = option.newtonian_speed
        printed = _print(_explicit(spec, speed, f"{option.name} speed"), kind)
        if kind == "float":
            lines += [f"if {printed} >= _constants.c:",
                      f"    _validate.below_light_speed({blamed}={printed})"]
        else:
            lines.append(f"_validate.below_light_speed({blamed}={printed})")
    return lines + value(option.results[False])


def _function_source(spec, derivation):
    if spec.function.startswith("_"):
        return _kernel_source(spec, derivation)
    results = [derivation.result(name) for name in spec.results]
    doc = _docstring(spec, derivation, results, _example(spec, results))
    body = _common_lines(spec)
    if not any(arg.vector for arg in spec.args):
        plain = " and ".join(f"type({arg.name}) in _FLOATS" for arg in spec.args)
        body.append(f"if {plain}:  # fast path: plain numbers")
        body += ["    " + line for line in _fast_validation_lines(spec)
                 + _evaluation_lines(spec, derivation, "float")]
    body += _validation_lines(spec) + _evaluation_lines(spec, derivation, "array")
    source = [f"def {spec.function}({_signature(spec)}):",
              textwrap.indent('r"""' + doc + '\n"""', "    ")]
    source += [textwrap.indent(line, "    ") for line in body]
    return "\n".join(source) + "\n"


def generate(derivations=None):
    """``{relative path: source}`` for every numeric module (and the package init)."""
    from guidingcenter import registry
    derivations = derivations or [registry.derivation(n) for n in registry.names()]
    files, exported = {}, []
    for derivation in derivations:
        if not derivation.numeric:
            continue
        names = [spec.function for spec in derivation.numeric
                 if not spec.function.startswith("_")]
        if names:
            exported.append((module_name(derivation.name), names))
        parts = [_HEADER.format(title=derivation.title, name=derivation.name, names=names)]
        parts += [_function_source(spec, derivation) for spec in derivation.numeric]
        files[f"{module_name(derivation.name)}.py"] = "\n\n".join(parts)
    init = ['"""NumPy functions generated from the derived results (no SymPy at import).',
            "",
            "SI units; vectors on the last axis (length 3); inputs broadcast.  Generated",
            'by ``python -m guidingcenter.codegen``; do not edit.  The modules have private',
            'names: this namespace holds the functions only.', '"""', ""]
    init += [f"from guidingcenter.numeric.{module} import {', '.join(names)}"
             for module, names in exported]
    all_names = [n for _, names in exported for n in names]
    init += ["", "__all__ = ["] + [f"    {n!r}," for n in all_names] + ["]", ""]
    files["__init__.py"] = "\n".join(init)
    return files


def generated_files(directory=None):
    """Names of the files in ``directory`` that :func:`generate` owns: ``__init__.py``
    and the private modules (``_validate.py``, hand-written, excepted)."""
    directory = directory or numeric_dir()
    return sorted(name for name in os.listdir(directory)
                  if name.endswith(".py") and name != "_validate.py")


def numeric_dir():
    return os.path.join(os.path.dirname(__file__), "numeric")


def write(directory=None):
    """Write the generated modules (atomically); return the paths written."""
    from guidingcenter.io import write_atomic
    directory = directory or numeric_dir()
    files = generate()
    written = []
    for name, text in files.items():
        path = os.path.join(directory, name)
        write_atomic(path, text)
        written.append(path)
    for name in generated_files(directory):   # modules of derivations that no longer exist
        if name not in files:
            os.unlink(os.path.join(directory, name))
    return written


if __name__ == "__main__":
    for path in write():
        print(path)
