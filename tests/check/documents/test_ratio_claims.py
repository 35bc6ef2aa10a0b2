r"""Claims in words that one species' quantity is larger or smaller than the other's by a
factor, at equal energy or speed, each right form beside planted wrong ones.

Sources: the German lecture (004) line 145 ("Mit W_i = W_e: Ionen-Gyroradius grösser um
sqrt(m_i/m_e)"); Chen, *Introduction to Plasma Physics*, sec. 2.2.1 (the ion and electron
Larmor radii at the same energy, r_L = m v_perp/(|q|B)); Wikipedia "Gyroradius" (the
gyrofrequency of an electron and an ion, omega_c = |q|B/m).
"""

import pytest

from guidingcenter.check.documents.claims import find_claims, judge_claim


def judged(text):
    claims = [c for c in find_claims(text) if c.kind == "ratio"]
    assert len(claims) == 1, claims
    return judge_claim(claims[0])


@pytest.mark.parametrize("text, verdict", [
    # equal energies: sqrt(m_i/m_e), Newtonian only (relativistically p_i/p_e)
    (r"Mit $W_i = W_e$: Ionen-Gyroradius grösser um $\sqrt{m_i/m_e}$", "holds-with-condition"),
    (r"The electron gyroradius is smaller by $\sqrt{m_i/m_e}$ for the same energy.",
     "holds-with-condition"),
    # equal speeds: m_i/m_e, relativistically too (the same gamma)
    (r"At equal speeds the gyroradius of ions is larger by $m_i/m_e$.", "holds"),
    # the gyrofrequency: m_i/m_e for the electron, whatever its energy (Newtonian)
    (r"The electron gyrofrequency is larger by $m_i/m_e$ than the ion's.", "holds"),
])
def test_a_right_ratio_holds(text, verdict):
    found = judged(text)
    assert found.verdict == verdict, (found.verdict, found.diagnosis)
    if verdict == "holds-with-condition":
        assert "non-relativistic" in found.condition


@pytest.mark.parametrize("wrong", [
    r"Mit $W_i = W_e$: Ionen-Gyroradius grösser um $m_i/m_e$",          # the speed's ratio
    r"At equal energies the ion gyroradius is smaller by $\sqrt{m_i/m_e}$.",   # inverted
    r"At equal speeds the gyroradius of ions is larger by $\sqrt{m_i/m_e}$.",
    r"The ion gyrofrequency is larger by $m_i/m_e$ than the electron's.",
])
def test_a_wrong_ratio_is_an_erratum(wrong):
    found = judged(wrong)
    assert found.verdict == "erratum" and "derived result" in found.diagnosis


def test_without_what_is_equal_it_is_not_checkable():
    found = judged(r"The ion gyroradius is larger by $\sqrt{m_i/m_e}$.")
    assert found.verdict == "not-checkable" and "equal" in found.reason
