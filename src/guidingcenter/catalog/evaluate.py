"""Judge catalogue entries: formulas with the checker, numbers by recomputation.

Numbers are recomputed from the derived result named by the entry, with the
inputs the entry gives (CODATA constants and the note's own Earth constants),
and compared with a tolerance of half a unit in the last digit quoted; a miss
is diagnosed as a simple factor (2, 2 pi, a power of ten) when one explains it,
otherwise as the percentage by which the note is off.
"""

import math
from dataclasses import dataclass

import mpmath
import sympy as sp

from guidingcenter import registry
from guidingcenter.check import judge as checker
from guidingcenter import symbols as S

__all__ = ["Row", "judge", "verify", "as_json", "specialized"]


@dataclass(frozen=True)
class Row:
    """An entry with its verdict."""

    entry: object
    verdict: str
    diagnosis: str = ""
    corrected: str = ""
    condition: str = ""
    computed: float = None
    edits: tuple = ()


def specialized(entry):
    """The derived result's statement with the entry's substitutions applied."""
    statement = registry.result(entry.against).statement
    if not entry.specialize:
        return statement
    return sp.Eq(statement.lhs.subs(entry.specialize), statement.rhs.subs(entry.specialize),
                 evaluate=False)


def judge(entry):
    """The :class:`Row` for one entry."""
    if entry.kind in ("definition", "not-checkable"):
        return Row(entry, entry.kind, diagnosis=entry.reason)
    if entry.kind == "number":
        return _judge_number(entry)
    try:
        finding = checker.compare(entry.claim, registry.result(entry.against),
                                  stated=entry.stated, approximate=entry.approximate,
                                  specialize=entry.specialize)
    except checker.Uncheckable as error:
        return Row(entry, "not-checkable", diagnosis=f"the checker cannot evaluate it: {error}")
    corrected = sp.sstr(finding.corrected) if finding.corrected is not None else ""
    return Row(entry, finding.verdict, finding.diagnosis, corrected, finding.condition,
               edits=finding.edits)


_DIPOLE = {S.T_of: "T_mp", S.D_of: "D_mp", S.Y_of: "Y_mp"}


# Angular frequencies: a value quoted in Hz is compared with the cyclic frequency (/2 pi).
_ANGULAR = (S.omega_c, S.Omega_d)


def computed_value(entry, expr=None):
    """The SI value the derived result gives for the entry's inputs (in cycles per second
    when the entry quotes an angular frequency in Hz)."""
    from guidingcenter import dipole
    if expr is None:
        expr = entry.compute if entry.compute is not None else specialized(entry).rhs
        if entry.unit.endswith("Hz") and entry.against and \
                specialized(entry).lhs in _ANGULAR:
            expr = expr / (2 * sp.pi)
    for function, name in _DIPOLE.items():
        for call in expr.atoms(function):
            argument = call.args[0].subs(entry.inputs)
            expr = expr.subs(call, sp.Float(getattr(dipole, name)(float(argument), dps=30), 30))
    value = sp.N(expr.subs(entry.inputs), 30)
    if value.free_symbols:
        raise ValueError(f"{entry.quote!r}: no input for {sorted(map(str, value.free_symbols))}")
    return float(abs(value)) if entry.value > 0 else float(value)


# Factors that explain a wrong number in one word (unit slips, 2 pi, factor 2).
_FACTORS = [(2 * math.pi, "2 pi (angular for cyclic frequency?)"),
            (1 / (2 * math.pi), "1/(2 pi) (cyclic for angular frequency?)"),
            (2.0, "2"), (0.5, "1/2")] + [(10.0**k, f"10^{k}") for k in (-6, -3, 3, 6)]


def _judge_number(entry):
    computed = computed_value(entry)
    quoted = entry.value * entry.scale
    exponent = math.floor(math.log10(abs(entry.value)))
    tolerance = 0.5 * 10.0**(exponent - entry.digits + 1) / abs(entry.value)
    corrected = f"{computed / entry.scale:.{max(entry.digits, 2)}g} {entry.unit}".strip()
    if abs(quoted - computed) <= tolerance * abs(quoted):
        if entry.relativistic is not None:
            exact = computed_value(entry, entry.relativistic)
            if abs(quoted - exact) > tolerance * abs(quoted):
                return Row(entry, "holds-with-condition", computed=computed,
                           condition=f"non-relativistic speeds (v << c): the relativistic "
                                     f"value is {exact / entry.scale:.3g} {entry.unit}".strip())
        return Row(entry, "holds", computed=computed)
    ratio = quoted / computed
    for factor, words in _FACTORS:
        rest = ratio / factor - 1
        if abs(rest) <= max(tolerance, 0.01):     # the slip, and perhaps a rounding besides
            also = f"; and then off by {100 * rest:+.1f}%" if abs(rest) > tolerance else ""
            return Row(entry, "erratum", f"numeric example off by a factor {words}{also}",
                       corrected, computed=computed, edits=(("factor", factor),))
    percent = 100 * (ratio - 1)
    return Row(entry, "erratum", f"numeric example off by {percent:+.1f}% (tolerance "
                                 f"{100 * tolerance:.2g}% for {entry.digits} digits)",
               corrected, computed=computed, edits=(("numeric", percent),))


def verify(entries=None, source=None, progress=None):
    """Rows for the catalogue (or ``entries``), optionally of one ``source`` file;
    ``progress(done, total)`` is called after each entry."""
    from guidingcenter.catalog import ENTRIES
    entries = ENTRIES if entries is None else entries
    if source is not None:
        entries = [e for e in entries if e.source == source]
    rows = []
    with mpmath.workdps(30):
        for entry in entries:
            rows.append(judge(entry))
            if progress is not None:
                progress(len(rows), len(entries))
    return rows


def as_json(rows):
    """Plain data: source, quote, verdict, diagnosis, corrected (+ context)."""
    return [{
        "source": row.entry.source,
        "quote": row.entry.quote,
        "kind": row.entry.kind,
        "verdict": row.verdict,
        "diagnosis": row.diagnosis,
        "corrected": row.corrected,
        "condition": row.condition,
        "against": row.entry.against,
        "transcription": sp.sstr(row.entry.claim) if row.entry.claim is not None else "",
        "conditions_stated": row.entry.conditions,
        "computed": row.computed,
        "note": row.entry.note,
    } for row in rows]
