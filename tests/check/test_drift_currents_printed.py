"""Drift currents and worked examples as textbooks print them, each with a wrong version
that must be refused.

Sources: Chen, Introduction to Plasma Physics, sec. 2.5 (j_p = (ne/B^2)(M + m) dE/dt
= (rho/B^2) dE/dt, M the ion mass and m the electron's); Baumjohann and Treumann, Basic
Space Plasma Physics, sec. 2.5 (the grad-B current with n k T); PlasmaPy's documentation
(the force drift v = F x B/(q B^2)); lecture notes with a worked example (the
gravitational drift of a coronal proton, v_g = mg/(qB) = (numbers) = 2.9 mm/s);
TestParticle.jl's finite-Larmor-radius E x B drift; rbamlib's documentation (``en`` the
kinetic energy).
"""

import pytest

from guidingcenter.check.formula import check_text


def worst(text):
    found = check_text(text)
    decided = [v for v in found if v.verdict in ("holds", "holds-with-condition", "erratum")]
    return max(decided or found, key=lambda v: v.verdict == "erratum")


@pytest.mark.parametrize("ions", ["M", "m_i"])
def test_chens_ion_mass_M_beside_the_electron_mass_m(ions):
    right = rf"\mathbf{{j}}_p = \frac{{ne}}{{eB^2}}({ions}+m_e)\frac{{d\mathbf{{E}}_\perp}}{{dt}}"
    if ions == "M":
        right = right.replace("m_e", "m")
    found = worst(right)
    assert found.verdict == "holds" and found.against == "polarization_current_density", found
    wrong = worst(right.replace("+", "-"))
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "term-sign", wrong
    if ions == "M":
        assert any("electron mass" in note for note in found.readings)


def test_a_current_density_nothing_is_derived_about_is_still_checked_for_its_dimensions():
    # n k T is a pressure (k Boltzmann's constant, T in energy units): over B^2, times
    # B x grad B, a force density, not a current density (the current has B^3)
    wrong = worst(r"\mathbf{J}_{\nabla B} = -\frac{2nkT}{B^2}\mathbf{B}\times\nabla B")
    assert wrong.verdict == "erratum" and "dimensionally inconsistent" in wrong.diagnosis
    assert worst(r"\mathbf{J}_{\nabla B} = -\frac{nkT}{B^3}\mathbf{B}\times\nabla B"
                 ).verdict != "erratum"


@pytest.mark.parametrize("right, wrong", [
    (r"\vec{v} = \frac{\vec{F} \times \vec{B}}{q B^2}", r"\vec{v} = \frac{\vec{F} \times \vec{B}}{B^2}"),
    (r"\mathbf{v}_D = \frac{m\,\mathbf{g}\times\mathbf{B}}{qB^2}",
     r"\mathbf{v}_D = \frac{m\,\mathbf{g}\times\mathbf{B}}{B^2}"),
])
def test_a_generic_drift_missing_a_factor_is_compared_with_the_drift_it_misses(right, wrong):
    assert worst(right).verdict == "holds"
    found = worst(wrong)
    assert found.verdict == "erratum" and found.against == worst(right).against, found
    assert found.diagnosis.startswith("missing factor 1/q"), found.diagnosis


@pytest.mark.parametrize("printed, verdict", [("2.9", "erratum"), ("2.9\\times10^{-3}", "holds")])
def test_the_numbers_put_into_a_formula_lead_to_the_arithmetic(printed, verdict):
    text = (r"v_g = \frac{mg}{qB} = \frac{(1.67\times 10^{-27})(274)}{(1.6\times 10^{-19})"
            rf"(10^{{-3}})}} \approx {printed} \text{{ m/s}}")
    found = check_text(text)
    assert [v.verdict for v in found] == ["holds", "not-checkable", verdict], found
    assert "numbers put in" in found[1].reason
    if verdict == "erratum":
        assert "off by a factor 1000" in found[2].diagnosis


def test_an_operator_raised_to_a_power_is_not_checkable_rather_than_unreadable():
    found = check_text(r"\mathbf{v}_E = \Big( 1+\frac{1}{4}r_L^2 \nabla^2 \Big)"
                       r"\frac{\mathbf{E}\times\mathbf{B}}{B^2}")
    assert [v.verdict for v in found] == ["not-checkable"]
    assert "power of an operator" in found[0].reason


@pytest.mark.parametrize("text, kind", [
    (r"en = \left( \sqrt{1 + \left(\frac{pc}{mc^2}\right)^2} - 1 \right) \cdot mc", "exponent"),
    (r"\gamma = \frac{en}{mc^2} - 1", "term-sign"),
])
def test_a_code_name_beats_a_product_of_letters_that_only_breaks_the_dimensions(text, kind):
    """Both readings of ``en`` make an erratum; the one compared with a derived result
    names the edit (the product e n only says the dimensions are wrong)."""
    found = worst(text)
    assert found.verdict == "erratum" and found.against and found.edits[0][0] == kind, found


@pytest.mark.parametrize("right, wrong, latex", [
    (r"J^* = \frac{\mathbf{B}\times\nabla p}{B^2}", r"J^* = \frac{\nabla p\times\mathbf{B}}{B^2}", True),
    ("J* = B × ∇p / B²", "J* = ∇p × B / B²", True),
    ("J_star = Cross(B_vec, Grad(p))/B**2", "J_star = Cross(B_vec, Grad(p))/B**3", False),
])
def test_a_current_density_written_without_bold_or_with_a_star(right, wrong, latex):
    found = check_text(right, latex=latex)
    assert [v.verdict for v in found] == ["holds"] and found[0].against == "diamagnetic_current"
    refused = check_text(wrong, latex=latex)
    assert [v.verdict for v in refused] == ["erratum"], refused
    assert refused[0].against == "diamagnetic_current"
