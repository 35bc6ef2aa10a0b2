"""Formulas about one particle at two points of its orbit (check/two_points.py).

Forms as printed: Chen, Introduction to Plasma Physics, sec. 2.3.3 (mu at two points with
primes, the mirror chain B_0/B_m = v_perp0^2/v_perp'^2); Baumjohann and Treumann, Basic
Space Plasma Physics, sec. 2.4 (W_perp1/B_1 = W_perp2/B_2); lecture notes (E_perp1/E_perp0
= B_1/B_0, the energy at the mirror point of note 004); Northrop, The Adiabatic Motion of
Charged Particles, ch. 1 (p_perp^2/B conserved); the flux through the gyro-orbit
(r_L^2 B). Each right form holds; each planted misprint is an erratum with its edit named.
"""

import pytest

from guidingcenter.check.formula import check_text
from guidingcenter.check.parsing import read
from guidingcenter.check.two_points import AtPoint, labelled


def verdicts(text):
    return check_text(text)


@pytest.mark.parametrize("text", [
    r"\frac{\frac{1}{2} m v_{\perp 0}^2}{B_0} = \frac{\frac{1}{2} m v_\perp'^2}{B'}",
    r"\frac{W_{\perp 1}}{B_1} = \frac{W_{\perp 2}}{B_2}",
    r"\frac{E_{\perp 1}}{E_{\perp 0}} = \frac{B_1}{B_0}",
    r"\frac{v_{\perp 1}^2}{B_1} = \frac{v_{\perp 2}^2}{B_2}",
    r"\frac{p_{\perp 1}^2}{B_1} = \frac{p_{\perp 2}^2}{B_2}",
    r"r_{L1}^2 B_1 = r_{L2}^2 B_2",
    r"\mu_1 = \mu_2",
    r"v_{\parallel 1}^2 + v_{\perp 1}^2 = v_{\parallel 2}^2 + v_{\perp 2}^2",
    r"\mu B_m = \frac{1}{2} m v_{\parallel,0}^2 + \mu B_0",
    r"\frac{1}{2} m v_{\perp,m}^2 = \frac{1}{2} m v_{\perp,0}^2 + \frac{1}{2} m v_{\parallel,0}^2",
    r"\frac{v_\perp^2}{B} = \frac{v_{\perp 0}^2}{B_0}",
])
def test_what_is_conserved_between_two_points_holds(text):
    found = verdicts(text)
    assert [v.verdict for v in found] == ["holds"], (text, found)
    assert found[0].against == "mu_invariant"
    assert any("two points of one orbit" in note for note in found[0].readings)


@pytest.mark.parametrize("text, kind", [
    (r"\frac{\frac{1}{2} m v_{\perp 0}^2}{B_0} = \frac{\frac{1}{2} m v_\perp'^2}{B'^2}",
     "exponent"),
    (r"\frac{E_{\perp 1}}{E_{\perp 0}} = \frac{B_0}{B_1}", "swap"),
    (r"\frac{v_{\perp 1}^2}{B_1} = \frac{v_{\perp 2}^2}{B_1}", "symbol"),
    (r"\frac{W_{\perp 1}}{B_1} = \frac{2 W_{\perp 2}}{B_2}", "factor"),
    (r"\frac{p_{\perp 1}^2}{B_1} = \frac{p_{\perp 2}}{B_2}", "exponent"),
    (r"\mu B_m = \frac{1}{2} m v_{\parallel,0}^2 - \mu B_0", "term-sign"),
])
def test_a_misprint_between_two_points_is_named(text, kind):
    found = verdicts(text)
    assert [v.verdict for v in found] == ["erratum"], (text, found)
    assert found[0].edits[0][0] == kind, found[0].diagnosis
    assert found[0].corrected is not None


def test_a_point_the_formula_does_not_fix_is_placed_where_it_holds():
    # Chen: v_perp' is at the mirror point, where B' = B_m; the chain's first link
    text = r"\frac{B_0}{B_m} = \frac{v_{\perp 0}^2}{v_\perp'^2}"
    found = verdicts(text)
    assert found[0].verdict == "holds"
    assert any("taken at the point m" in note for note in found[0].readings)
    # with B' written, the point is fixed: the fields swapped are named
    wrong = verdicts(r"\frac{B'}{B_0} = \frac{v_{\perp 0}^2}{v_\perp'^2}")[0]
    assert (wrong.verdict, wrong.edits[0][0]) == ("erratum", "swap"), wrong


def test_a_formula_at_one_point_reads_its_labels_as_the_quantities():
    # the speed it starts with in a uniform field: the gyroradius, not a relation
    # between points
    found = check_text(r"r_L = \frac{m v_{\perp 0}}{|q| B}")[0]
    assert found.ok and found.against == "gyroradius", found
    # one label and no unlabelled quantity: read as the quantities themselves
    statement = read(r"\frac{|v_{\parallel 0}|}{v_{\perp 0}} = "
                     r"\sqrt{\frac{B_{max} - B_0}{B_0}}")[0].statement
    assert not labelled(statement)
    assert not any(isinstance(s, AtPoint) for s in statement.free_symbols)


def test_energy_with_an_electric_potential_at_two_points():
    # Chen 2.4 / note 004: q Phi_1 + m v_1^2/2 = q Phi_2 + m v_2^2/2 (Phi the potential)
    right = r"q\Phi_1 + \frac{1}{2}mv_1^2 = q\Phi_2 + \frac{1}{2}mv_2^2"
    found, = verdicts(right)
    assert found.verdict == "holds" and "q phi" in found.readings[-1], found
    for wrong in (r"q\Phi_1 + \frac{1}{2}mv_1^2 = q\Phi_2 + mv_2^2",
                  r"q\Phi_1 + \frac{1}{2}mv_1^2 = q\Phi_1 + \frac{1}{2}mv_2^2"):
        found, = verdicts(wrong)
        assert found.verdict == "erratum", (wrong, found)
