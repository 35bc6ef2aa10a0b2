r"""The dipole as textbooks write it with calculus: field-line equations, derivatives of the
functions the derived results define, relations between differentials, and the field in
spherical unit vectors (src/guidingcenter/check/line_functions.py, spherical.py,
latex/differentials.py).

Forms as printed: ESA SPENVIS help, 'Invariant coordinates', eq. (4)
``[1/R][dR/d(Lambda)] = B_R/B_Lambda = -2 sin(Lambda)/cos(Lambda)``; the German lecture
(004, l. 510 and 525) after Baumjohann and Treumann, *Basic Space Plasma Physics*, 3.1,
``dr/(r d lambda) = B_r/B_lambda`` and ``dr/r = -2 sin/cos d lambda = 2 d(cos)/cos``; the
Hebrew notes (003, l. 170), the field as the list (B_r, B_theta, B_phi); Wikipedia, 'Dipole
model of Earth's magnetic field', B_r = -2 B_0 (R_E/r)^3 cos(theta), B_theta = -B_0
(R_E/r)^3 sin(theta) in the colatitude; R. Boerner, *Potential Theory*, 'Field lines'
(ruboerner.github.io), the field-line equation H_r r d(theta) = H_theta dr and dr/d(theta)
= 2 r cot(theta).  Each right form holds; each planted wrong form (a factor 2, a flipped
sign, a wrong exponent, sin for cos, swapped components) is an erratum of that kind.
"""

import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.formula import check_text
from guidingcenter.check.latex.differentials import as_derivatives
from guidingcenter.check.line_functions import B_FIELD, B_LINE, along_the_line
from guidingcenter.check.lookup import Lookup
from guidingcenter.check.parsing import read


def verdicts(text):
    return check_text(text)


def worst(text):
    """The verdict of a formula, or of the worst link of a chain."""
    found = verdicts(text)
    return max(found, key=lambda v: ("holds", "holds-with-condition", "erratum",
                                     "not-checkable").index(v.verdict))


def kind(verdict):
    return verdict.edits[0][0] if verdict.edits else ""


# --- derivatives of the functions the derived results define --------------------------------

HOLDS = [
    # SPENVIS eq. (4), a chain of two links
    r"\frac{1}{R}\frac{dR}{d\Lambda} = \frac{B_R}{B_\Lambda} = -2\frac{\sin\Lambda}{\cos\Lambda}",
    r"\frac{1}{R}\frac{dR}{d\Lambda} = -2\tan\Lambda",
    # Baumjohann and Treumann 3.1 (004 l. 521): the field line tangent to B
    r"\frac{\mathrm{d}r}{r\mathrm{d}\lambda} = \frac{B_r}{B_\lambda}",
    # r = r_eq cos^2(lambda) differentiated
    r"\frac{dr}{d\lambda} = -2 r_{eq}\sin\lambda\cos\lambda",
    # the line element, and the field along the line and at a point
    r"\frac{ds}{d\lambda} = r_{eq}\cos\lambda\sqrt{1+3\sin^2\lambda}",
    r"\frac{1}{B}\frac{dB}{d\lambda} = \frac{3\sin\lambda\cos\lambda}{1+3\sin^2\lambda}"
    r" + 6\tan\lambda",
    r"\frac{\partial B}{\partial r} = -\frac{3B}{r}",
    r"\frac{dB}{ds} = \frac{3 B_E}{L^4 R_E}\frac{\sin\lambda\,(3+5\sin^2\lambda)}"
    r"{\cos^8\lambda\,(1+3\sin^2\lambda)}",
    # the colatitude: Kivelson and Russell's r d(theta)/dr = B_theta/B_r; Boerner's ODE
    r"\frac{r\,d\theta}{dr} = \frac{B_\theta}{B_r}",
    r"\frac{\mathrm{d}r}{\mathrm{d}\theta} = 2 r \cot\theta",
]


@pytest.mark.parametrize("text", HOLDS)
def test_derivatives_along_the_line_hold(text):
    found = verdicts(text)
    assert all(v.verdict == "holds" for v in found), [(v.verdict, v.reason) for v in found]


PLANTED = [
    # (wrong form, the kind of its diagnosis)
    (r"\frac{1}{R}\frac{dR}{d\Lambda} = \frac{B_R}{B_\Lambda} = -\frac{\sin\Lambda}{\cos\Lambda}",
     "factor"),
    (r"\frac{1}{R}\frac{dR}{d\Lambda} = -\tan\Lambda", "factor"),
    (r"\frac{dr}{r\,d\lambda} = -\frac{B_r}{B_\lambda}", "sign"),
    (r"\frac{dr}{r\,d\lambda} = \frac{B_\lambda}{B_r}", "swap"),
    (r"\frac{dr}{d\lambda} = 2 r_{eq}\sin\lambda\cos\lambda", "sign"),
    (r"\frac{dr}{d\lambda} = -2 r_{eq}\sin\lambda\cos^2\lambda", "exponent"),
    (r"\frac{ds}{d\lambda} = r_{eq}\sin\lambda\sqrt{1+3\sin^2\lambda}", "function"),
    (r"\frac{\partial B}{\partial r} = -\frac{2B}{r}", "factor"),
    (r"\frac{\mathrm{d}r}{\mathrm{d}\theta} = r \cot\theta", "factor"),
    (r"\frac{\mathrm{d}r}{\mathrm{d}\theta} = -2 r \cot\theta", "sign"),
    (r"\frac{\mathrm{d}r}{\mathrm{d}\theta} = 2 r \tan\theta", "function"),
]


@pytest.mark.parametrize("text, expected", PLANTED)
def test_planted_errors_in_derivatives_are_named(text, expected):
    found = worst(text)
    assert found.verdict == "erratum" and kind(found) == expected, (found.diagnosis, found.edits)


def test_the_derivative_is_judged_against_the_result_differentiated():
    found, = verdicts(r"\frac{dr}{d\lambda} = -2 r_{eq}\sin\lambda\cos\lambda")
    assert found.against == "dipole_field_line"        # a name the registry knows
    assert "judged against dipole_field_line differentiated in lambda (SymPy diff)" in \
        found.readings
    partial, = verdicts(r"\frac{\partial B}{\partial r} = -\frac{3B}{r}")
    assert partial.against == "dipole_field_components"
    assert any("differentiated in r" in words for words in partial.readings)


def test_a_normalized_distance_and_its_derivative_are_one_function():
    """R = r/R_E beside dR/dLambda: both read with the same scale, which cancels."""
    variants = along_the_line(read(r"\frac{1}{R}\frac{dR}{d\Lambda} = x",
                                   lookup=Lookup(open=True))[0].statement)
    lhs = {statement.lhs for statement, _ in variants}
    assert sp.Derivative(S.r_lam, S.lam) / S.r_lam in lhs


def test_the_field_strength_is_read_along_the_line_and_at_a_point():
    variants = along_the_line(read(r"\frac{dB}{d\lambda} = x",
                                   lookup=Lookup(open=True))[0].statement)
    assert {statement.lhs for statement, _ in variants} == {
        sp.Derivative(B_LINE, S.lam), sp.Derivative(B_FIELD, S.lam)}


# --- relations between differentials -------------------------------------------------------

def test_the_lecture_chain_of_differentials_holds():
    """004 l. 525, with d(cos lambda) differentiated; a factor dropped in one link is named."""
    found = verdicts(r"\frac{\mathrm{d}r}{r} = -\frac{2\sin\lambda}{\cos\lambda}\mathrm{d}\lambda"
                     r" = \frac{2\mathrm{d}(\cos\lambda)}{\cos\lambda}")
    assert [v.verdict for v in found] == ["holds", "holds"]
    wrong = verdicts(r"\frac{\mathrm{d}r}{r} = -\frac{2\sin\lambda}{\cos\lambda}\mathrm{d}\lambda"
                     r" = \frac{\mathrm{d}(\cos\lambda)}{\cos\lambda}")
    assert wrong[1].verdict == "erratum" and kind(wrong[1]) == "factor"


@pytest.mark.parametrize("text, verdict, expected", [
    (r"dr/r = 2\cot\theta\, d\theta", "holds", ""),
    (r"dr/r = 2\tan\theta\, d\theta", "erratum", "function"),
    (r"ds = r_{eq}\cos\lambda\,(1+3\sin^2\lambda)^{1/2}\,d\lambda", "holds", ""),
    (r"ds = r_{eq}\cos^2\lambda\,(1+3\sin^2\lambda)^{1/2}\,d\lambda", "erratum", "exponent"),
    # Boerner: H_r r d(theta) = H_theta dr, the field line tangent to the field
    (r"B_r\, r\,\mathrm{d}\theta = B_\theta\,\mathrm{d}r", "holds", ""),
    (r"B_r\, r\,\mathrm{d}\theta = 2 B_\theta\,\mathrm{d}r", "erratum", "factor"),
])
def test_differential_forms_are_the_derivatives_they_state(text, verdict, expected):
    found = worst(text)
    assert (found.verdict, kind(found)) == (verdict, expected), (found.diagnosis, found.reason)


@pytest.mark.parametrize("text, written", [
    (r"\frac{dr}{r} = 2\cot\theta\,d\theta", r"\frac{\frac{dr}{d\theta}}{r} = 2\cot\theta"),
    (r"\frac{dr}{r\,d\lambda} = x", r"\frac{1}{r}\frac{dr}{d\lambda} = x"),
    (r"\frac{r\,d\theta}{dr} = x", r"r\frac{d\theta}{dr} = x"),
    (r"ds = a\,d\lambda", r"\frac{ds}{d\lambda} = a"),
    (r"\frac{2\,d(\cos\lambda)}{\cos\lambda} = x\,d\lambda",
     r"\frac{2 \frac{d}{d\lambda}\left(\cos\lambda\right)}{\cos\lambda} = x"),
])
def test_differentials_are_written_as_derivatives(text, written):
    assert as_derivatives(text) == written


@pytest.mark.parametrize("text", [
    r"\tau_b = 4\int_0^{\lambda_m} \frac{ds}{d\lambda}\frac{d\lambda}{v_\parallel}",  # integral
    r"v = \frac{dx}{dt}",                        # an ordinary derivative
    r"x = 3\sin\lambda",                         # the d ending \lambda is no differential
    r"B = \frac{\mu_0 M}{4\pi r^3}",
])
def test_other_formulas_are_left_alone(text):
    assert as_derivatives(text) == text


# --- the field in spherical unit vectors -----------------------------------------------------

VECTORS = [
    # 004 l. 510 (Baumjohann and Treumann's latitude form)
    r"\vec{B} = \frac{\mu_0 M_e}{4\pi r^3} \left(-2\sin\lambda \hat{\vec{e}}_r"
    r" + \cos\lambda \hat{\vec{e}}_\lambda \right)",
    # Wikipedia's colatitude components as one vector, unit vectors in three spellings
    r"\mathbf{B} = -B_0\left(\frac{R_E}{r}\right)^3(2\cos\theta\,\hat{\mathbf r}"
    r" + \sin\theta\,\hat{\boldsymbol\theta})",
    r"\mathbf{B} = -\frac{\mu_0 M_E}{4\pi r^3}(2\cos\theta\,\mathbf{e}_r + \sin\theta\,"
    r"\hat{e}_\theta)",
    # the list (B_r, B_theta, B_phi)
    r"\mathbf{B} = \frac{\mu_0}{4\pi} \frac{M_E}{r^3} (-2 \cos \theta, -\sin \theta, 0)",
]


@pytest.mark.parametrize("text", VECTORS)
def test_the_dipole_in_spherical_unit_vectors_holds(text):
    found, = verdicts(text)
    assert found.verdict == "holds" and found.against == "dipole_field_components", \
        (found.verdict, found.diagnosis, found.reason)


@pytest.mark.parametrize("text, expected, words", [
    # 003 l. 170: -2 cos(theta) is the Earth's B_r, +sin(theta) the B_theta of a dipole
    # along +z: the theta component's sign is wrong
    (r"\mathbf{B} = \frac{\mu_0}{4\pi} \frac{M_E}{r^3} (-2 \cos \theta, \sin \theta, 0)",
     "component-sign", "theta component"),
    (r"\vec{B} = \frac{\mu_0 M_e}{4\pi r^3} \left(-2\sin\lambda \hat{e}_r"
     r" - \cos\lambda \hat{e}_\lambda \right)", "component-sign", "lambda component"),
    (r"\vec{B} = \frac{\mu_0 M_e}{4\pi r^3} \left(\cos\lambda \hat{e}_r"
     r" - 2\sin\lambda \hat{e}_\lambda \right)", "swap", "r component and the lambda"),
    (r"\mathbf{B} = -B_0\left(\frac{R_E}{r}\right)^2(2\cos\theta\,\hat{\mathbf r}"
     r" + \sin\theta\,\hat{\boldsymbol\theta})", "exponent", "every component"),
    (r"\mathbf{B} = -B_0\left(\frac{R_E}{r}\right)^3(2\sin\theta\,\hat{\mathbf r}"
     r" + \cos\theta\,\hat{\boldsymbol\theta})", "function", "every component"),
    (r"\vec{B} = \frac{\mu_0 M_e}{2\pi r^3} \left(-2\sin\lambda \hat{e}_r"
     r" + \cos\lambda \hat{e}_\lambda \right)", "factor", "constant factor 2"),
])
def test_a_wrong_component_is_named(text, expected, words):
    found, = verdicts(text)
    assert found.verdict == "erratum" and kind(found) == expected and words in found.diagnosis, \
        (found.diagnosis, found.edits)


def test_the_command_line_shows_the_result_it_differentiated(capsys):
    from guidingcenter.cli import main
    status = main(["check", "--latex", r"\frac{1}{R}\frac{dR}{d\Lambda} = -\tan\Lambda"])
    out = capsys.readouterr().out
    assert status == 1 and "constant factor 1/2" in out and "derived:" in out


def test_cartesian_lists_and_other_vectors_are_not_read_as_spherical():
    found, = verdicts(r"\vec{v}_E = \frac{1}{B}(E_y, -E_x, 0)")
    assert found.ok and found.against == "ExB_drift"


def test_the_dipole_components_define_b_r_only_about_the_latitude():
    """Chen 2.3.3's F_z = -q v_theta B_r is about the cylindrical B_r of a mirror: the
    dipole's B_r must not be read into it (a true formula is never an erratum)."""
    found, = verdicts(r"F_z = -q v_\theta B_r")
    assert found.verdict != "erratum", found.diagnosis


def test_a_dipole_along_plus_z_holds_for_that_moment():
    """Griffiths (5.87) and Jackson (5.56) write m along +z: every component is the Earth's
    with the sign flipped, which holds for that moment; one flipped component does not."""
    griffiths = (r"\mathbf{B} = \frac{\mu_0 m}{4\pi r^3}(2\cos\theta\,\hat{\mathbf r}"
                 r" + \sin\theta\,\hat{\boldsymbol\theta})")
    found, = verdicts(griffiths)
    assert found.verdict == "holds-with-condition" and "+z" in found.condition, found
    found, = verdicts(griffiths.replace(r"+ \sin", r"- \sin"))
    assert found.verdict == "erratum" and kind(found) == "component-sign", found.diagnosis
