r"""An inequality that restates a derived condition is judged by its boundary (the
inequality with "="); the signs it states are conditions of that boundary.  The note's
form, variants of our own, and planted wrong boundaries that must be refused."""

import pytest

from guidingcenter.check.documents.inequalities import boundary
from guidingcenter.check.documents.verify import verify_text


def verdict_of(latex):
    row, = verify_text(f"Particles with ${latex}$ are lost.\n", "n.md").rows
    return row.verdict


@pytest.mark.parametrize("latex", [
    r"v||/v_{\perp} > \sqrt{(B_{\text{max}} - B_0)/B_0}",             # note 004's
    r"v_\parallel > v_\perp \sqrt{(B_{max} - B_0)/B_0}",               # multiplied out
    r"\sin \alpha_{eq} < \sqrt{B_{eq}/B_m}",                           # the mirror's side
])
def test_an_inequality_whose_boundary_is_derived_holds(latex):
    verdict = verdict_of(latex)
    assert verdict.verdict == "holds", verdict
    assert "its boundary" in verdict.reason


@pytest.mark.parametrize("latex, diagnosis", [
    (r"v_\parallel/v_\perp > \sqrt{(B_{max} - B_0)/B_{max}}", "differs from the derived result"),
    (r"\sin^2 \alpha_{eq} < B_m/B_{eq}", "symbols B_0 and B_m swapped"),
])
def test_an_inequality_with_a_wrong_boundary_is_refused(latex, diagnosis):
    verdict = verdict_of(latex)
    assert (verdict.verdict, verdict.diagnosis) == ("erratum", f"the boundary: {diagnosis}")


def test_orderings_and_the_case_the_toolkit_does_not_derive_are_left_alone():
    # r_L << L is a condition a result assumes; v_par < -(...) is motion against B
    for latex in (r"r_L \ll L", r"\frac{v_\parallel}{v_\perp} < -\sqrt{(B_{max} - B_0)/B_0}"):
        verdict = verdict_of(latex)
        assert verdict.verdict == "not-checkable" and "an inequality" in verdict.reason
    assert boundary(r"0 < \alpha < \pi/2") is None
    assert boundary(r"E \left< B \right>") is None
