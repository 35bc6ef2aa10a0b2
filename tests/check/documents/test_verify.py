"""The document pipeline: relations to verdict rows (formulas that check in milliseconds
once the derivations are built)."""

import re
from dataclasses import dataclass

import pytest

from guidingcenter.check.documents import verify
from guidingcenter.check.documents.verify import verify_bytes, verify_text
from guidingcenter.check.formula import Context

DOCUMENT = r"""# Drifts

The gyrofrequency $\omega_c = qB/m$, the radius $r_L = \frac{m v_\perp}{2|q|B}$ of the
orbit ($v_\perp$ is the speed across $\vec{B}$), and
$$\vec{v}_E = \frac{\vec{E} \times \vec{B}}{B^2} = -\frac{\vec{E} \times \vec{B}}{B^2}$$
$$\mu = \frac{m v_\perp^2}{2B^2}$$
An unreadable $\mu = \foo{x}$, a chain $\foo{u} = \omega_c = qB/m$ and an open one
the energy $\approx \mu B$.
"""


@pytest.fixture(scope="module")
def judged():
    return verify_text(DOCUMENT, "drifts.md")


def verdicts(judgement):
    return [(row.relation.line, row.relation.quote, row.verdict.verdict)
            for row in judgement.rows]


def test_every_relation_gets_its_verdict(judged):
    assert verdicts(judged) == [
        (3, r"\omega_c = qB/m", "holds"),
        (3, r"r_L = \frac{m v_\perp}{2|q|B}", "erratum"),
        (5, r"\vec{v}_E = \frac{\vec{E} \times \vec{B}}{B^2}", "holds"),
        (5, r"\frac{\vec{E} \times \vec{B}}{B^2} = -\frac{\vec{E} \times \vec{B}}{B^2}",
         "erratum"),
        (6, r"\mu = \frac{m v_\perp^2}{2B^2}", "erratum"),
        (7, r"\mu = \foo{x}", "not-checkable"),
        (7, r"\foo{u} = \omega_c", "not-checkable"),
        (7, r"\omega_c = qB/m", "holds"),
        (8, r"\approx \mu B", "not-checkable")]
    assert judged.fragments == 2                   # $v_\perp$ and $\vec{B}$
    assert judged.counts() == {"holds": 3, "erratum": 3, "not-checkable": 3}


def test_what_is_wrong_is_said(judged):
    rows = judged.rows
    assert rows[1].verdict.diagnosis == "constant factor 1/2"
    assert rows[3].verdict.diagnosis == "flipped sign: cross product in the wrong order"
    assert rows[4].verdict.diagnosis.startswith("wrong exponent: B**(-2) where 1/B is right")
    assert rows[5].verdict.reason.startswith("cannot parse LaTeX at column ")
    assert r"\foo" in rows[5].verdict.reason
    # the chain could not be read whole (\foo), so each link was judged alone
    assert "\\foo" in rows[6].verdict.reason and rows[7].verdict.against == "gyrofrequency"
    assert rows[8].verdict.reason.startswith("its left side is not in the formula")


def test_rows_as_json(judged):
    data = judged.as_json()
    assert data["source"] == "drifts.md" and data["format"] == "markdown"
    assert data["fragments"] == 2 and data["problems"] == []
    row = data["relations"][1]
    for key in ("source", "line", "column", "quote", "verdict", "condition", "diagnosis",
                "corrected", "against", "definitions", "derived", "judged_latex"):
        assert key in row
    assert row["line"] == 3 and row["against"] == "gyroradius"
    assert row["corrected"] == r"r_L = \frac{m v_\perp}{B \left|{q}\right|}"
    assert row["corrected_sympy"] == "Eq(r_L, m*v_perp/(B*Abs(q)))"
    assert row["derivation"] == "gyration" and isinstance(row["step"], int)
    assert list(row) == sorted(row)
    lines = DOCUMENT.split("\n")
    for row in data["relations"]:             # verbatim, at its line and column
        assert lines[row["line"] - 1][row["column"] - 1:].startswith(row["quote"])


def test_a_checker_failure_costs_one_row(monkeypatch):
    real = verify.check_text

    def failing(latex, **options):
        if "2|q|B" in latex:
            raise TypeError("a bug")
        return real(latex, **options)
    monkeypatch.setattr(verify, "check_text", failing)
    judged = verify_text(r"$r_L = \frac{m v_\perp}{2|q|B}$ and $\omega_c = qB/m$", "x.md")
    assert verdicts(judged) == [(1, r"r_L = \frac{m v_\perp}{2|q|B}", "not-checkable"),
                                (1, r"\omega_c = qB/m", "holds")]
    assert [str(p) for p in judged.problems] == [
        "x.md:1: the checker failed on this formula: TypeError: a bug"]


def test_a_failure_reading_the_notation_costs_the_definitions_only(monkeypatch):
    def failing(text, formulas):
        raise KeyError("a bug")
    monkeypatch.setattr(verify, "document_context_of", failing)
    judged = verify_text(r"$\omega_c = qB/m$ and $\tau_b \approx 0.4 \text{ s}$", "x.md")
    assert [str(p) for p in judged.problems] == [
        "x.md:1: reading the document's notation failed: KeyError: 'a bug'; judged without "
        "its definitions and worked numbers"]
    assert [row.verdict.verdict for row in judged.rows] == ["holds", "not-checkable"]


def test_bad_bytes():
    judged = verify_bytes(b"\x00\x01\x02 $a = b$", "image.png")
    assert judged.rows == () and judged.error.startswith("a binary file")
    assert judged.as_json()["error"] == judged.error
    judged = verify_bytes("Gr\xf6\xdfe: $\\omega_c = qB/m$\n".encode("cp1252"), "de.txt")
    assert [row.verdict.verdict for row in judged.rows] == ["holds"]
    assert [str(p) for p in judged.problems] == [
        "de.txt:1: not UTF-8 (byte 0xf6); read as Windows-1252"]


# --- the collaborators: the document's definitions and its worked numbers -------------------

@dataclass(frozen=True)
class Definition:
    key: str
    meaning: str
    line: int
    quote: str
    how: str
    role: str = "notation"


class FakeContext:
    """Stands for 11b's DocumentContext: what the pipeline asks of it."""

    def __init__(self, definitions):
        self.definitions = definitions

    def at(self, line):
        return Context({d.key: d.meaning for d in self.definitions if d.line < line})

    def used(self, latex, line):
        spelled = {"r_{c}": "r_c", "\\Omega": "\\Omega"}
        return [d for d in self.definitions if d.line < line and spelled[d.key] in latex]

    def expand(self, latex, line=None):
        return re.sub(r"\\Om(?![a-z])", r"\\Omega", latex)     # \newcommand{\Om}{\Omega}


def test_definitions_in_force_go_with_the_relation(monkeypatch):
    definitions = [Definition("r_{c}", "R_c", 1, "where $r_c$ is the radius of curvature",
                              "prose"),
                   Definition(r"\Omega", "q*B/m", 2, r"\Omega = qB/m", "formula")]
    monkeypatch.setattr(verify, "document_context_of",
                        lambda text, formulas: FakeContext(definitions))
    monkeypatch.setattr(verify, "judge_number", lambda relation, document, context: None)
    seen = []
    monkeypatch.setattr(verify, "check_text", lambda latex, context: seen.append(
        (latex, dict(context.definitions))) or [verify.Verdict("holds")])
    text = ("Here $r_c$ is the radius of curvature.\n"
            "$\\Omega = qB/m$ and\n"
            "$\\Om = \\omega_c$ and $\\rho = r_c$\n")
    judged = verify_text(text, "d.md")
    assert seen == [
        (r"\Omega = qB/m", {"r_{c}": "R_c"}),
        # macros expanded; the definitions in force at the line go into the check
        (r"\Omega = \omega_c", {"r_{c}": "R_c", r"\Omega": "q*B/m"}),
        (r"\rho = r_c", {"r_{c}": "R_c", r"\Omega": "q*B/m"})]
    used = [[d.key for d in row.definitions] for row in judged.rows]
    assert used == [[], [r"\Omega"], ["r_{c}"]]
    assert judged.as_json()["relations"][2]["definitions"] == [
        {"symbol": "r_{c}", "meaning": "R_c", "line": 1, "how": "prose", "role": "notation",
         "quote": "where $r_c$ is the radius of curvature"}]
    assert len(judged.as_json()["definitions"]) == 2


def test_worked_numbers_go_to_the_judge_of_numbers(monkeypatch):
    calls = []

    def judge_number(relation, document, context):
        calls.append((relation.latex, type(document).__name__, type(context).__name__))
        return verify.Verdict("erratum", diagnosis="off by 10%") if "0.4" in \
            relation.latex else None
    monkeypatch.setattr(verify, "judge_number", judge_number)
    judged = verify_text(r"$\tau_b \approx 0.4 \text{ s}$ and $\omega_c = qB/m$", "n.md")
    assert calls == [(r"\tau_b \approx 0.4 \text{ s}", "DocumentContext", "Context"),
                     (r"\omega_c = qB/m", "DocumentContext", "Context")]
    assert [(row.kind, row.verdict.verdict) for row in judged.rows] == [
        ("number", "erratum"), ("formula", "holds")]
