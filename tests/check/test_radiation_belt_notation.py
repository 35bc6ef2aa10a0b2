"""Radiation-belt formulas as Roederer, Schulz and Lanzerotti and the codes after them
(IRBEM, rbamlib, vernon) print them, each beside a planted misprint that must be refused.

* Names the rest of the formula decides (notation table, ``[[contextual]]``): Schulz and
  Lanzerotti's ``a`` is the Earth's radius and their ``B_0`` the equatorial surface field
  beside the L-shell, Roederer's ``I`` McIlwain's integral invariant beside ``B_m``, ``J``
  or ``K``, a bare ``f`` or ``\\omega`` the drift (bounce) frequency beside ``D(y)``
  (``T(y)``); elsewhere ``a`` stays unknown and ``I`` a current.
* The invariants solved as codes solve them: ``J = (8 m M)^{1/2} K`` with ``K = I B_m^{1/2}``
  (Roederer and Zhang 2014, sec. 3), ``p`` from ``M``, ``Y(y)/y`` from ``M, J, Phi``
  (derivation adiabatic_invariants).
* An implicit form of a result, a polynomial in a power of its left side (IRBEM's
  mirror-latitude polynomial in sin^4 alpha_eq).
"""

import pytest

from guidingcenter.check.formula import check_text


def judged(text, latex=True):
    found, = check_text(text, latex=latex)
    return found


def holds(text, latex=True, against=None):
    found = judged(text, latex)
    assert found.verdict == "holds", (text, found)
    assert against is None or found.against == against, (text, found.against)
    return found


def refused(text, kind, latex=True):
    found = judged(text, latex)
    assert found.verdict == "erratum" and found.edits[0][0] == kind, (text, found)
    return found


@pytest.mark.parametrize("right, wrong, kind, result", [
    # IRBEM-extras odc_util.m BouncePeriod, after Schulz and Lanzerotti (1974) eq. 1.28
    ("Tb = 4*L*a/v*T(y)", "Tb = 4*L*a/v**2*T(y)", "exponent", "bounce_period"),
    # Schulz and Lanzerotti sec. 1.5: the third invariant in their a and B_0
    (r"\Phi = \frac{2\pi B_0 a^2}{L}", r"\Phi = \frac{2\pi B_0 a^2}{L^2}", "exponent",
     "third_invariant"),
    # the dipole field line in their a
    (r"r = a L \cos^2\lambda", r"r = a L \cos\lambda", "exponent", "dipole_field_line"),
    # a bare f beside T(y): the bounce frequency
    ("f = v/(4*L*R_E*T(y))", "f = v/(2*L*R_E*T(y))", "factor", "bounce_period"),
])
def test_schulz_and_lanzerottis_a_is_the_earths_radius_beside_the_l_shell(right, wrong, kind,
                                                                          result):
    found = holds(right, latex="\\" in right or right.startswith("r ="), against=result)
    assert any("read as" in note and ("radius" in note or "frequency" in note)
               for note in found.readings)                  # the answer says so
    refused(wrong, kind, latex="\\" in wrong or wrong.startswith("r ="))


@pytest.mark.parametrize("text", [
    "F = m*a", "a = v**2/L",
    # L a length scale beside B_0 (a mirror field B_0 (1 + z^2/L^2)): the radius would
    # make the acceleration metres, so the dimensions refuse the reading
    "a = -2*mu*B0*z/(m*L**2)"])
def test_a_elsewhere_is_no_radius(text):
    found = judged(text, latex=False)             # an acceleration: nothing derived, and
    assert found.verdict == "not-checkable" and "unknown symbol a" in found.reason  # no erratum


def test_roederers_I_is_the_integral_invariant_beside_K_and_B_m_and_a_current_elsewhere():
    found = holds(r"K = I\sqrt{B_m}", against="K_integral_invariant")
    assert any("integral invariant" in note for note in found.readings)
    holds("J = 2*p*I", latex=False, against="second_invariant_integral_invariant")
    refused(r"K = I B_m", "exponent")
    holds(r"\mu = I A", against="moment_current_loop")


@pytest.mark.parametrize("right, wrong, kind", [
    # rbamlib conv/Kmu2Jc.py: J c = K (8 m c^2 mu)^(1/2)
    (r"Jc = K \cdot \sqrt{8 \cdot mc^2 \cdot \mu}", r"Jc = K \cdot \sqrt{2 \cdot mc^2 \cdot \mu}",
     "factor"),
    # Roederer and Zhang (2014) sec. 3.3 in their m_0
    (r"K = \frac{J}{\sqrt{8 m_0 M}}", r"K = \frac{J}{\sqrt{2 m_0 M}}", "factor"),
    (r"J = 2\sqrt{2 m_0 M}\,K", r"J = 2\sqrt{2 m_0 M}\,K^2", "exponent"),
])
def test_the_modified_second_invariant(right, wrong, kind):
    holds(right)
    refused(wrong, kind)


@pytest.mark.parametrize("right, wrong, kind", [
    # vernon sde/grid.py mjphi_to_pal
    ("p = sqrt(2 * m0 * B0 * M / (y**2 * L**3))", "p = sqrt(2 * m0 * B0 * M / (y**2 * L**2))",
     "exponent"),
    ("Y(y)/y = sqrt(pi * J**2 / (4 * m0 * M * phi))",
     "Y(y)/y = sqrt(pi * J**2 / (2 * m0 * M * phi))", "factor"),
    # the same in Roederer's letters
    (r"\frac{Y(y)}{y} = \frac{J}{2}\sqrt{\frac{\pi}{m_0 M \Phi}}",
     r"\frac{Y(y)}{y} = J\sqrt{\frac{\pi}{m_0 M \Phi}}", "factor"),
    (r"p = \frac{1}{y}\sqrt{\frac{2 m_0 B_0 M}{L^3}}",
     r"p = \frac{1}{y}\sqrt{\frac{2 m_0 B_0 M}{L^2}}", "exponent"),
])
def test_the_dipoles_invariants_inverted(right, wrong, kind):
    holds(right, latex="\\" in right)
    refused(wrong, kind, latex="\\" in wrong)


@pytest.mark.parametrize("right, wrong", [
    # IRBEM-extras dipole_mirror_latitude: the polynomial in cos^2 lambda_m
    ("Eq(cos(lambda_m)**12 + 3*sin(alpha0)**4*cos(lambda_m)**2 - 4*sin(alpha0)**4, 0)",
     "Eq(cos(lambda_m)**12 + 3*sin(alpha0)**2*cos(lambda_m)**2 - 4*sin(alpha0)**2, 0)"),
    # the mirror-latitude equation squared (Roederer 1970 sec. 1.4) and cleared of its root
    (r"\sin^4\alpha_{eq}\,(1 + 3\sin^2\lambda_m) = \cos^{12}\lambda_m",
     r"\sin^4\alpha_{eq}\,(1 + 3\sin^2\lambda_m) = \cos^{6}\lambda_m"),
    # in y = sin(alpha_eq), with 1 + 3 sin^2 = 4 - 3 cos^2
    ("Eq(y**4*(4 - 3*cos(lambda_m)**2), cos(lambda_m)**12)",
     "Eq(y**4*(4 - 3*cos(lambda_m)**2), cos(lambda_m)**6)"),
])
def test_an_implicit_form_of_the_mirror_latitude_equation(right, wrong):
    latex = "\\" in right
    holds(right, latex=latex, against="mirror_latitude_equation")
    found = judged(wrong, latex)
    assert found.verdict == "erratum" and found.against == "mirror_latitude_equation"
