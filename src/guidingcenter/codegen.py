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

from guidingcenter import symbols as S
from guidingcenter.vectors import Dot, Frame

__all__ = ["Arg", "Option", "NumericSpec", "explicit_result", "generate", "write",
           "input_symbols", "CONSTANTS"]

# Symbols that generated code takes from guidingcenter.constants.
CONSTANTS = {S.c: "c"}
# Magnitude symbol of each vector symbol (|B_vec| is B, ...).
MAGNITUDES = {S.B: S.B_vec, S.E: S.E_vec, S.g: S.g_vec}


@dataclass(frozen=True)
class Arg:
    """One argument of a generated function.

    ``symbol`` is the notation atom it stands for (a Symbol, a VectorSymbol or
    e.g. ``Grad(B)``); ``check`` is ``"positive"``, ``"nonnegative"``, ``">=1"``,
    ``"real"`` or, for vectors, ``"nonzero"`` (nonzero magnitude) or ``"real"``.
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
    # ((expression that must be >= 0, "arguments blamed", "what it means"), ...)
    requires: tuple = ()
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
            ">=1": {"positive": True}}.get(arg.check, {"real": True})


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


def _kernel_lines(value, indent, absolute=None, bare=False):
    """Assignments and the return statement for one result value.

    ``absolute`` names a boolean option: the magnitude is returned unless it is
    true; ``bare`` returns the plain expression (private kernels).
    """
    printer = _Printer()
    rename = {symbol: sp.Symbol(f"_constants.{name}") for symbol, name in CONSTANTS.items()}
    is_vector = isinstance(value, sp.MatrixBase)
    exprs = [sp.sympify(e).xreplace(rename) for e in (list(value) if is_vector else [value])]
    temps, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("_x"), optimizations="basic")
    lines = [f"{name} = {printer.doprint(expr)}" for name, expr in temps]
    printed = [printer.doprint(expr) for expr in reduced]
    if bare:
        lines.append(f"return {printed[0]}" if not is_vector else
                     f"return ({', '.join(printed)})")
    elif is_vector:
        lines.append(f"return _validate.vector_result(shape, {', '.join(printed)})")
    elif absolute:
        lines.append(f"_value = {printed[0]}")
        lines.append(f"return _validate.scalar_result(shape, _value if {absolute} "
                     f"else numpy.abs(_value))")
    else:
        lines.append(f"return _validate.scalar_result(shape, {printed[0]})")
    return [indent + line for line in lines]


def _signature(spec):
    required = [a.name for a in spec.args if a.default is None]
    optional = [a for a in spec.args if a.default is not None]
    parts = list(required)
    keyword = [f"{a.name}={a.default!r}" for a in optional]
    keyword += [f"{o.name}={o.default!r}" for o in spec.options]
    if spec.particle:
        parts.append("particle=None")
        keyword += [f"{name}=None" for name in spec.particle]
    if keyword:
        parts.append("*")
        parts += keyword
    return ", ".join(parts)


def _validation_lines(spec):
    lines = []
    for arg in spec.args:
        kind = "vector" if arg.vector else "scalar"
        lines.append(f"{arg.name} = _validate.{kind}({arg.name!r}, {arg.name}, {arg.check!r})")
    if spec.particle:
        targets = ", ".join(spec.particle) + ("," if len(spec.particle) == 1 else "")
        given = ", ".join(f"{n}={n}" for n in spec.particle)
        lines.append(f"{targets} = _validate.particle(particle, {given}, "
                     f"need={spec.particle!r})")
    names = ", ".join(f"{a.name}={a.name}" for a in spec.args)
    vectors = tuple(a.name for a in spec.args if a.vector)
    lines.append(f"shape = _validate.broadcast_shape({vectors!r}, {names})")
    if spec.light_speed:
        speeds = ", ".join(f"{n}={n}" for n in spec.light_speed)
        lines.append(f"_validate.below_light_speed({speeds})")
    for expression, blamed, meaning in spec.requires:
        printed = _Printer().doprint(_explicit(spec, expression, "requirement"))
        lines.append(f"_validate.require({printed} >= 0, {blamed!r}, {meaning!r})")
    for arg in spec.args:
        if arg.vector:
            lines.append(", ".join(f"{arg.name}_{a}" for a in "xyz")
                         + f" = _validate.components({arg.name})")
    return lines


# --- docstrings -----------------------------------------------------------------------

_PARTICLE_DOC = """particle : str, optional
    ``"p+"``, ``"e-"``, ``"proton"``, ``"electron"`` or ``"alpha"``; or give
    the charge and mass explicitly."""
_PARTICLE_PARAMS = {"q": "q : float, optional\n    Signed charge, C (overrides the particle's).",
                    "m": "m : float, optional\n    Rest mass, kg (overrides the particle's)."}
_CHECK_WORDS = {"positive": " (> 0)", "nonnegative": " (>= 0)", "nonzero": " (nonzero)",
                ">=1": " (>= 1)", "real": ""}


def _docstring(spec, derivation, results, example_text):
    from guidingcenter.render import latex
    lines = [spec.summary, "", "Parameters", "----------"]
    for arg in spec.args:
        shape = ", shape (..., 3)" if arg.vector else ""
        optional = ", optional" if arg.default is not None else ""
        lines += [f"{arg.name} : array_like{shape}{optional}"]
        lines += _wrapped(f"{arg.doc}, {arg.unit}{_CHECK_WORDS[arg.check]}.")
    for option in spec.options:
        lines += [f"{option.name} : bool, optional"] + _wrapped(option.doc)
    if spec.particle:
        lines += _PARTICLE_DOC.splitlines()
        for name in spec.particle:
            lines += _PARTICLE_PARAMS[name].splitlines()
    vector_out = isinstance(explicit_result(spec, results[0]), sp.MatrixBase)
    lines += ["", "Returns", "-------",
              "numpy.ndarray" + (", shape (..., 3)" if vector_out else " or numpy.float64"),
              f"    {spec.returns[1]}, {spec.returns[0]}.", "", "Raises", "------",
              "ValueError", "    If an argument is non-finite, out of its range, or the "
              "shapes do not broadcast.", "", "Notes", "-----"]
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
    required = [a.name for a in spec.args if a.default is None]
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
    from guidingcenter import constants
    from guidingcenter.particles import charge_and_mass
    symbols = input_symbols(spec)
    values = {}
    for arg in spec.args:
        given = example.get(arg.name, arg.default)
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

import numpy  # noqa: F401  (used by generated expressions)

from guidingcenter import constants as _constants  # noqa: F401
from guidingcenter.numeric import _validate

__all__ = {names!r}
'''


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


def _function_source(spec, derivation):
    if spec.function.startswith("_"):
        return _kernel_source(spec, derivation)
    results = [derivation.result(name) for name in spec.results]
    doc = _docstring(spec, derivation, results, _example(spec, results))
    body = _validation_lines(spec)
    selects = [o for o in spec.options if o.kind == "select"]
    absolute = next((o.name for o in spec.options if o.kind == "absolute"), None)
    if selects:
        option = selects[0]
        body.append(f"if {option.name}:")
        body += _kernel_lines(explicit_result(spec, derivation.result(option.results[True])),
                              "    ", absolute)
        if option.newtonian_speed:
            blamed, speed = option.newtonian_speed
            printed = _Printer().doprint(_explicit(spec, speed, f"{option.name} speed"))
            body.append(f"_validate.below_light_speed({blamed}={printed})")
        body += _kernel_lines(explicit_result(spec, derivation.result(option.results[False])),
                              "", absolute)
    else:
        body += _kernel_lines(explicit_result(spec, results[0]), "", absolute)
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
            exported.append((derivation.name, names))
        parts = [_HEADER.format(title=derivation.title, name=derivation.name, names=names)]
        parts += [_function_source(spec, derivation) for spec in derivation.numeric]
        files[f"{derivation.name}.py"] = "\n\n".join(parts)
    init = ['"""NumPy functions generated from the derived results (no SymPy at import).',
            "",
            "SI units; vectors on the last axis (length 3); inputs broadcast.  Generated",
            'by ``python -m guidingcenter.codegen``; do not edit.', '"""', ""]
    init += [f"from guidingcenter.numeric.{module} import {', '.join(names)}"
             for module, names in exported]
    all_names = [n for _, names in exported for n in names]
    init += ["", "__all__ = ["] + [f"    {n!r}," for n in all_names] + ["]", ""]
    files["__init__.py"] = "\n".join(init)
    return files


def numeric_dir():
    return os.path.join(os.path.dirname(__file__), "numeric")


def write(directory=None):
    """Write the generated modules (atomically); return the paths written."""
    from guidingcenter.io import write_atomic
    directory = directory or numeric_dir()
    written = []
    for name, text in generate().items():
        path = os.path.join(directory, name)
        write_atomic(path, text)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(path)
