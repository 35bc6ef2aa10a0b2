r"""Claims a document makes in words: what the drifts and the gyration do for the two charges.

Lecture notes state some results in prose, not in a formula: "the E x B drift has the
same direction for electrons and ions", "Ionen und Elektronen gyrieren in
unterschiedlicher Richtung", "westward for ions, eastward for electrons".  They are
judged against the derived results, as the formulas are:

* **the two charges compared** (same or opposite direction): the derived result of the
  quantity named (``claims.toml``: the gyration sense, the E x B, grad-B, curvature,
  polarization and gravitational drifts) is evaluated with ``q -> -q``; it holds the same
  direction when that leaves it unchanged, the opposite one when it only flips its sign;
* **a compass direction per particle** (in a sentence about a drift): the sign of the
  bounce-averaged drift frequency (positive is eastward) for a positive or a negative
  charge, every magnitude in it positive;
* **what a quantity depends on** ("the mirror latitude depends only on the pitch angle,
  not on L"): it holds when a derived result relates the quantity to the first alone
  (a pitch angle in any of its forms: alpha, alpha_eq, y = sin alpha_eq), and is an
  erratum when the results that relate it to the first also hold the second.

The quantity is looked for in the claim itself, then before it in the same sentence, then
in the line just before (a heading such as ``$\vec{E}\times\vec{B}$ -Drift:``).  A claim
whose quantity is not found is not judged (no row).  The phrases are data
(``claims.toml``), in English and German.

>>> [(c.subject, c.says) for c in find_claims("The grad-B drift has opposite directions "
...                                            "for electrons and ions.")]
[('gradB_drift', 'opposite')]
>>> judge_claim(find_claims("The E x B drift is in the same direction for ions and "
...                         "electrons.")[0]).verdict
'holds'
"""

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.documents.vocabulary import find_phrases, unicode_name
from guidingcenter.check.formula import Verdict

__all__ = ["Claim", "find_claims", "judge_claim"]

# a full stop before a capital, a bullet, a numbered item, a line ending in a colon
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÄÖÜ\-•*])|\n\s*[-•*]\s|\n\s*\d+\.\s|:[ \t]*\n")
_NEAR = 80              # characters: how near the charges the comparison words stand
_REACH = 300            # characters: how far before a claim its quantity is looked for


@dataclass(frozen=True)
class Claim:
    """A claim in words.

    Attributes
    ----------
    kind : str
        ``charges`` (the two charges compared), ``compass`` (a direction per particle) or
        ``depends`` (what a quantity depends on).
    subject : str
        Name of the derived result it is about (``depends``: of the quantity's symbol).
    says : str
        ``same`` or ``opposite`` (kind ``charges``); ``east`` or ``west`` (``compass``);
        ``depends``: ``"<symbol on> not <symbol not>"``.
    charge : int
        For ``compass``: the sign of the particle's charge (+1 ions, -1 electrons).
    start, end : int
        Offsets of the claim's words in the document.
    """

    kind: str
    subject: str
    says: str
    start: int
    end: int
    charge: int = 0


@functools.lru_cache(maxsize=None)
def _data():
    with resources.files(__package__).joinpath("claims.toml").open("rb") as stream:
        return tomllib.load(stream)


def _compiled(pattern):
    # any run of white space in a pattern matches any run of white space in the text
    return re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _patterns():
    data = _data()
    subjects = [(name, _compiled(p)) for name, patterns in data["subjects"].items()
                for p in patterns]
    charges = data["charges"]
    positive, negative, conj = charges["positive"], charges["negative"], charges["and"]
    pair = _compiled(rf"\b(?:{positive}\s+{conj}\s+{negative}|{negative}\s+{conj}\s+{positive})\b")
    compare = {key: _compiled(data["compare"][key]) for key in ("same", "opposite", "direction")}
    compass = data["compass"]
    particle = rf"(?P<particle>{positive}|{negative})\b"
    directions = {side: _compiled(compass[side] + compass["for"] + particle)
                  for side in ("east", "west")}
    return subjects, pair, compare, directions, _compiled(compass["drift"]), \
        _compiled(rf"^{negative}$"), compass["result"]


def _sentence(text, start, end):
    """Offsets of the sentence around ``text[start:end]`` (bullets and numbered items
    end one too)."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 2000), start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else max(0, start - 2000)), (after.start() + 1 if after
                                                            else len(text))


def _subject(text, start, end, sentence, subjects):
    """The result named in the claim, else nearest before it in its sentence, else in
    the line before the sentence."""
    def found(lo, hi):
        hits = [(m.start(), name) for name, regex in subjects
                for m in regex.finditer(text, lo, hi)]
        return max(hits)[1] if hits else None

    inside = found(start, end)
    if inside:
        return inside
    before = found(max(sentence[0], start - _REACH), start)
    if before:
        return before
    line_start = text.rfind("\n", 0, sentence[0])
    previous = text[:max(line_start, 0)].rstrip()
    if not previous:
        return None
    head = previous.rfind("\n") + 1
    return found(head, len(previous)) if previous.endswith(":") else None


def find_claims(text, skip=()):
    """Every claim in words of ``text`` whose quantity is found: a list of :class:`Claim`.

    ``skip`` holds offsets ``(start, end)`` of spans to leave out (code, comments)."""
    subjects, pair, compare, directions, drift, negative, result = _patterns()
    claims = []

    def skipped(position):
        return any(lo <= position < hi for lo, hi in skip)

    for match in pair.finditer(text):
        if skipped(match.start()):
            continue
        sentence = _sentence(text, match.start(), match.end())
        offset = max(sentence[0], match.start() - _NEAR)
        window = text[offset:min(sentence[1], match.end() + _NEAR)]
        says = [(key, m) for key in ("same", "opposite") for m in compare[key].finditer(window)]
        nouns = list(compare["direction"].finditer(window))
        if len({key for key, _ in says}) != 1 or not nouns:
            continue                               # no comparison, or both words
        key, word = min(says, key=lambda item: abs(item[1].start() + offset - match.start()))
        noun = min(nouns, key=lambda m: abs(m.start() + offset - match.start()))
        start = min(match.start(), word.start() + offset, noun.start() + offset)
        end = max(match.end(), word.end() + offset, noun.end() + offset)
        name = _subject(text, start, end, sentence, subjects)
        if name is not None:
            claims.append(Claim("charges", name, key, start, end))
    for side, regex in directions.items():
        for match in regex.finditer(text):
            if skipped(match.start()):
                continue
            sentence = _sentence(text, match.start(), match.end())
            if not drift.search(text, sentence[0], sentence[1]):
                continue                           # a compass direction, not a drift's
            charge = -1 if negative.match(match.group("particle")) else 1
            claims.append(Claim("compass", result, side, match.start(), match.end(), charge))
    for match in _compiled(_data()["depends"]["only"]).finditer(text):
        if skipped(match.start()):
            continue
        sentence = _sentence(text, match.start(), match.end())
        before = [p for p in find_phrases(text[sentence[0]:match.start()])]
        on, off = _named(match.group("on")), _named(match.group("not"))
        if before and on and off and on != off:
            subject = _symbol_name(before[-1].meaning)
            start = sentence[0] + before[-1].start
            claims.append(Claim("depends", subject, f"{on} not {off}", start, match.end()))
    claims += _ratios(text, skipped)
    return sorted(claims, key=lambda claim: claim.start)


def _ratios(text, skipped):
    """Claims of kind ``ratio``: a quantity of one species larger or smaller than the
    other's by a factor written as a formula, with what the two have equal (energy,
    speed) stated in the claim's sentence or the line it is on."""
    data = _data()["ratio"]
    particle = data["particle"]
    found = []
    for name, quantity in data["quantities"].items():
        compare = (rf"(?:(?P<p1>{particle})[\s-]*(?P<q1>{quantity})|{quantity}\s+(?:of|der|des)"
                   rf"\s+(?:the\s+)?(?P<p2>{particle}))\s+(?:is\s+|ist\s+|are\s+|sind\s+)?"
                   rf"(?:\w+\s+)?(?P<cmp>{data['larger']}|{data['smaller']})" + data["by"])
        for match in _compiled(compare).finditer(text):
            if skipped(match.start()):
                continue
            sentence = _sentence(text, match.start(), match.end())
            line_start = text.rfind("\n", 0, match.start()) + 1
            around = text[min(sentence[0], line_start):max(sentence[1], match.end())]
            equal = [key for key, patterns in data["equal"].items()
                     if any(_compiled(p).search(around) for p in patterns)]
            who = match.group("p1") or match.group("p2")
            charge = -1 if _compiled(data["negative"]).match(who) else 1
            larger = bool(_compiled(data["larger"]).fullmatch(match.group("cmp")))
            says = "|".join(("larger" if larger else "smaller", match.group("factor"),
                             equal[0] if len(equal) == 1 else ""))
            found.append(Claim("ratio", name, says, match.start(), match.end(), charge))
    return found


def _named(words):
    """The symbol's name that ``words`` stand for (``$\\alpha$``, ``α``, ``L``, ``the pitch
    angle``), or None."""
    phrases = find_phrases(words)
    if phrases:
        return _symbol_name(phrases[-1].meaning)
    bare = words.strip().strip("$").strip()
    if len(bare) == 1 and unicode_name(bare):
        bare = unicode_name(bare)
    bare = bare.lstrip("\\")
    symbol = getattr(S, bare, None) or getattr(S, {"lambda": "lam"}.get(bare, ""), None)
    return symbol.name if isinstance(symbol, sp.Symbol) else None


def _symbol_name(attribute):
    """The SymPy name of ``guidingcenter.symbols.<attribute>`` (``lam_m`` -> ``lambda_m``)."""
    symbol = getattr(S, attribute, None)
    return symbol.name if isinstance(symbol, sp.Symbol) else attribute


def _family(name):
    for family in _data()["depends"]["families"]:
        if name in family:
            return set(family)
    return {name}


def _charge_dependence(expression):
    """``same`` if the expression does not change with ``q -> -q``, ``opposite`` if it
    only changes its sign, else None."""
    if S.q not in expression.free_symbols:
        return "same"
    flipped = expression.subs(S.q, -S.q)
    if sp.simplify(flipped - expression) == 0:
        return "same"
    if sp.simplify(flipped + expression) == 0:
        return "opposite"
    return None


def _sign_for(expression, charge):
    """The sign of ``expression`` for a charge of sign ``charge``, every other symbol and
    function in it (magnitudes: L, p, v, T(y), D(y) ...) positive; None if undecided."""
    values = {atom: 1 for atom in expression.atoms(AppliedUndef)}
    values.update({symbol: 1 for symbol in expression.free_symbols if symbol != S.q})
    value = expression.subs(values).subs(S.q, charge)
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return (value > 0) - (value < 0)


_CHARGES = {1: "a positive charge (ions)", -1: "a negative charge (electrons)"}


def judge_claim(claim):
    """The :class:`~guidingcenter.check.formula.Verdict` on a claim in words."""
    if claim.kind == "depends":
        return _judge_dependence(claim)
    if claim.kind == "ratio":
        return _judge_ratio(claim)
    try:
        result = registry.result(claim.subject)
    except registry.UnknownName:
        return Verdict("not-checkable", reason=f"nothing derived named {claim.subject}")
    statement = result.statement
    if claim.kind == "charges":
        found = _charge_dependence(statement.rhs)
        if found is None:
            return Verdict("not-checkable", against=claim.subject, reason=(
                f"the derived result {claim.subject} neither keeps nor flips its sign "
                "when the charge changes sign"))
        if found == claim.says:
            return Verdict("holds", against=claim.subject)
        return Verdict("erratum", against=claim.subject, diagnosis=(
            f"the direction is {'the same' if found == 'same' else 'opposite'} for the two "
            f"charges, not {'the same' if claim.says == 'same' else 'opposite'} (derived "
            f"result {claim.subject})"))
    sign = _sign_for(statement.rhs, claim.charge)
    if sign in (None, 0):
        return Verdict("not-checkable", against=claim.subject, reason=(
            f"the sign of {claim.subject} for {_CHARGES[claim.charge]} is not decided"))
    found = "east" if sign > 0 else "west"
    if found == claim.says:
        return Verdict("holds", against=claim.subject)
    return Verdict("erratum", against=claim.subject, diagnosis=(
        f"the drift of {_CHARGES[claim.charge]} is {found}ward, not {claim.says}ward "
        f"(derived result {claim.subject}: positive is eastward)"))


def _judge_dependence(claim):
    subject = claim.subject
    on, off = claim.says.split(" not ")
    family = _family(on) - {subject}
    alone, with_off = [], []
    for name, result in registry.results().items():
        statement = result.statement
        if not isinstance(statement, sp.Eq):
            continue
        names = {symbol.name for symbol in statement.free_symbols}
        if subject not in names:
            continue
        rest = names - {subject} - family
        if not rest and names & family:
            alone.append(name)
        elif rest == {off}:
            with_off.append(name)
    if alone:
        return Verdict("holds", against=alone[0])
    if with_off:
        return Verdict("erratum", against=with_off[0], diagnosis=(
            f"{subject} depends on {off} as well (derived result {with_off[0]})"))
    return Verdict("not-checkable", reason=(
        f"nothing derived relates {subject} to {on} alone or to {on} and {off}"))


def _species_ratio(result, equal):
    """The quantity of ``result`` for an ion over the electron's (masses m_i, m_e, the
    same |q| and B, motion across B) at equal energy W or equal speed v."""
    rhs = result.statement.rhs.subs(S.v_par, 0)
    if equal == "energy":
        speed = registry.result("speed_energy").statement.rhs \
            if rhs.has(S.c) else sp.sqrt(2 * S.W / S.m)          # Newtonian: W = m v^2/2
        rhs = rhs.subs(S.v_perp, speed)
    else:
        rhs = rhs.subs(S.v_perp, S.v)
    return sp.simplify(rhs.subs(S.m, S.m_i) / rhs.subs(S.m, S.m_e))


def _judge_ratio(claim):
    r"""A quantity of one species against the other's by a factor (``Ionen-Gyroradius
    grösser um \sqrt{m_i/m_e}`` at W_i = W_e): the ratio of the derived result for the two
    masses, Newtonian, then relativistic; holds only for W << m_e c^2 when they differ."""
    from guidingcenter.check.parsing import parse_latex      # the LaTeX grammar: lazily
    larger, factor, equal = claim.says.split("|")
    names = (claim.subject, _data()["ratio"]["relativistic"][claim.subject])
    if not equal and claim.subject != "gyrofrequency":
        return Verdict("not-checkable", against=claim.subject, reason=(
            "what the two species have equal (energy, speed) is not stated"))
    try:
        claimed = parse_latex(factor)
    except Exception as error:
        return Verdict("not-checkable", against=claim.subject,
                       reason=f"the factor {factor} cannot be read ({error})")
    claimed = claimed if larger == "larger" else 1 / claimed
    newtonian, exact = (_species_ratio(registry.result(name), equal or "speed")
                        for name in names)
    if claim.charge < 0:
        newtonian, exact = 1 / newtonian, 1 / exact
    who = "an ion's" if claim.charge > 0 else "an electron's"
    if sp.simplify(claimed - newtonian) == 0:
        if sp.simplify(exact - newtonian) == 0:
            return Verdict("holds", against=claim.subject)
        return Verdict("holds-with-condition", against=claim.subject, condition=(
            "non-relativistic energies (W << m_e c^2): relativistically the ratio is "
            f"{sp.sstr(exact)} (result {names[1]})"))
    if sp.simplify(claimed - exact) == 0:
        return Verdict("holds", against=names[1])
    return Verdict("erratum", against=claim.subject, diagnosis=(
        f"{who} {claim.subject} over the other's is {sp.sstr(newtonian)} at equal "
        f"{equal or 'speed'} (derived result {claim.subject}), not {sp.sstr(claimed)}"))
