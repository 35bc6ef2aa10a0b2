r"""A drift added by its name (``\mathbf{v}_D = \mathbf{w}_E + \frac{1}{\omega_g B}
\frac{d\mathbf{E}_\perp}{dt}``): when nothing derived matches the formula as written, a
named vector that one derived result defines is written out and the formula judged
again.  The note's form, a variant of our own, planted wrong forms refused."""

import pytest

from guidingcenter.check.documents.named_terms import named_terms
from guidingcenter.check.documents.verify import verify_text


def judged(latex):
    row, = verify_text(f"$${latex}$$\n", "n.md").rows
    return row.verdict


@pytest.mark.parametrize("latex", [
    r"\mathbf{v}_D = \mathbf{w}_E + \frac{1}{\omega_g B} \frac{d\mathbf{E}_\perp}{dt}",   # 003
    r"\vec{u} = \vec{v}_E + \frac{m \vec{g} \times \vec{B}}{q B^2}",      # E x B + gravity
])
def test_a_named_drift_in_a_sum_is_the_derived_drift(latex):
    verdict = judged(latex)
    assert verdict.verdict == "holds", verdict
    assert any("read as the derived ExB_drift" in r for r in verdict.readings)


@pytest.mark.parametrize("latex, diagnosis", [
    (r"\vec{u} = \vec{v}_E + \frac{1}{2 \omega_c B} \frac{d\vec{E}_\perp}{dt}", "factor 1/2"),
    (r"\vec{u} = \vec{v}_E - \frac{m \vec{g} \times \vec{B}}{q B^2}", "sign"),
])
def test_a_wrong_term_beside_a_named_drift_is_refused(latex, diagnosis):
    verdict = judged(latex)
    assert verdict.verdict == "erratum" and diagnosis in verdict.diagnosis, verdict


def test_only_named_vectors_on_the_right_are_written_out():
    # B (an input), and v_E on the left (its own definition), are not replaced
    assert list(named_terms(r"\vec{v}_E = \frac{\vec{E} \times \vec{B}}{B^2}")) == []
    assert list(named_terms(r"\vec{u} = \vec{w}_E + B")) == [r"\vec{w}_{E}"]


def test_a_velocity_split_into_named_parts_only_is_not_judged_by_them():
    # note 003: v = v_g + v_grad splits the velocity (v_g: the gyration there), a definition
    assert judged(r"\mathbf{v} = \mathbf{v}_g + \mathbf{v}_\nabla").verdict == "not-checkable"
