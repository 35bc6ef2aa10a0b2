r"""Gyro-averages <...> over one gyration, as lecture notes write them, and the field's
gradient by its components (dB_x/dy), each right form beside a wrong one that must be
refused.

Sources: Chen, Introduction to Plasma Physics, sec. 2.3.1 (<cos^2 omega_c t> = 1/2, the
grad-B force averaged over the Larmor orbit); the English derivation notes (002) sec. 01
(F_grad = <q v_L x (r_L . grad) B> with r_L = r_L (sin, cos, 0)); the German lecture (004)
sec. 5 (v_1,y = (v_perp r_L/B_0) <sin^2(omega_c t)> dB_0/dx).
"""

import mpmath
import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.errors import NotationError, ParseError
from guidingcenter.check.formula import check_text
from guidingcenter.check.gyro_average import average, mean
from guidingcenter.check.parsing import parse_latex, read
from guidingcenter.vectors import Dot

W = sp.Symbol("W", positive=True)
DELTA = sp.Symbol("delta", real=True)
THETA = sp.Symbol("theta", real=True)


# --- the average itself ------------------------------------------------------------------

@pytest.mark.parametrize("f, value", [
    (sp.cos(W * S.t)**2, sp.Rational(1, 2)),
    (sp.sin(W * S.t) * sp.cos(W * S.t), 0),
    (sp.sin(W * S.t)**4, sp.Rational(3, 8)),
    (sp.sin(W * S.t)**2 * sp.cos(W * S.t)**2, sp.Rational(1, 8)),
    (sp.cos(W * S.t + DELTA) * sp.cos(W * S.t), sp.cos(DELTA) / 2),
    (sp.sin(2 * W * S.t)**2, sp.Rational(1, 2)),
    (sp.cos(W * S.t / 2)**2, sp.Rational(1, 2)),          # one period of the slowest
    (sp.exp(sp.I * W * S.t) * sp.cos(W * S.t), sp.Rational(1, 2)),
    (S.B * sp.cos(S.phi)**2 + S.m, S.B / 2 + S.m),         # a phase angle, no time
])
def test_the_average_is_exact(f, value):
    assert sp.simplify(average(f) - value) == 0


def test_the_average_agrees_with_quadrature():
    """Trigonometric polynomials with random coefficients: the exact average against
    mpmath's quadrature over one period (1e-20: pure mathematics at 30 digits)."""
    rng = __import__("random").Random(4)
    for _ in range(5):
        f = sum(rng.randint(-3, 3) * sp.sin(THETA)**a * sp.cos(THETA)**b
                * sp.cos(rng.randint(0, 2) * THETA + sp.Rational(rng.randint(0, 9), 7))
                for a in range(3) for b in range(3))
        exact = mean(f, THETA)
        with mpmath.workdps(30):
            numeric = mpmath.quad(sp.lambdify(THETA, f, "mpmath"), [0, mpmath.pi, 2 * mpmath.pi]
                                  ) / (2 * mpmath.pi)
            assert abs(numeric - mpmath.mpf(sp.N(exact, 40))) < mpmath.mpf("1e-20")


def test_without_a_phase_there_is_nothing_to_average():
    assert average(S.B * S.m) is None
    assert average(sp.cosh(W * S.t)) is None          # t, but in nothing periodic


@pytest.mark.parametrize("f", [
    S.t * sp.cos(W * S.t),                               # secular
    sp.cos(W * S.t) * sp.cos(S.q * S.t),                 # two frequencies
    1 / (2 + sp.cos(W * S.t)),                           # not a polynomial in sin, cos
    sp.cos(W * S.t**2),                                  # not a phase
])
def test_what_is_not_a_trigonometric_polynomial_is_refused(f):
    with pytest.raises(NotationError):
        average(f)


# --- reading the brackets ---------------------------------------------------------------

def test_a_bracket_of_an_explicit_phase_is_averaged_when_read():
    assert read(r"\langle \cos^2\omega_c t\rangle")[0].statement == sp.Rational(1, 2)
    assert read(r"\left\langle \sin^2(\Omega t) \right\rangle_{t}")[0].statement == \
        sp.Rational(1, 2)
    assert read(r"\langle \sin^2\omega_L t\rangle_{\text{gyro}}")[0].statement == \
        sp.Rational(1, 2)
    assert parse_latex(r"\langle \cos^2\omega_c t\rangle") == sp.Rational(1, 2)   # closed too


def test_a_subscript_on_the_bracket_names_the_phase_or_a_component():
    # averaged over phi: the phase omega t of the time stays
    assert read(r"\langle \cos^2\phi\, \cos^2\omega_c t \rangle_\phi")[0].statement == \
        sp.cos(read(r"\omega_c t")[0].statement)**2 / 2
    along = read(r"\langle q \vec{v}\times\vec{B}\rangle_\parallel")[0].statement
    assert [node.args[0] for node in along.atoms(Dot)] == [S.b_hat]


def test_without_a_phase_a_bracket_is_the_quantity_itself():
    assert read(r"\langle F_z \rangle = -\mu \frac{\partial B}{\partial z}")[0] \
        .statement.lhs == S.F_parallel
    with pytest.raises(ParseError, match="gyro-averages"):       # closed: refused
        parse_latex(r"\langle v_x \rangle")


def test_an_average_that_cannot_be_done_is_a_parse_error():
    with pytest.raises(ParseError, match="not periodic"):
        read(r"\langle t \cos\omega_c t\rangle = 0")
    with pytest.raises(ParseError, match="two phases"):
        read(r"\langle \cos\phi\cos\psi\rangle = 0")
    assert read(r"\langle \cos\phi\cos\psi\rangle_\psi")[0].statement == 0   # named: one


def test_only_the_magnetic_field_has_gradient_entries():
    """The checking frame's other vectors are uniform: dE_x/dy read as an entry would be 0."""
    assert read(r"\frac{dE_x}{dy}")[0].statement.has(Dot) is False
    assert read(r"\frac{dB_x}{dy}")[0].statement.has(Dot)


# --- judged -----------------------------------------------------------------------------

def verdict(text):
    found = check_text(text, budget=60)
    return min(found, key=lambda v: v.ok)      # a chain is as good as its worst link


@pytest.mark.parametrize("right, wrong", [
    (r"\langle \cos^2\omega_c t\rangle = \frac{1}{2}", r"\langle \cos^2\omega_c t\rangle = 1"),
    (r"\langle \sin\omega_c t\,\cos\omega_c t\rangle = 0",
     r"\langle \sin\omega_c t\,\cos\omega_c t\rangle = \frac12"),
    (r"\langle \sin^2\Omega t\rangle = \langle \cos^2\Omega t\rangle",
     r"\langle \sin^2\Omega t\rangle = \langle \sin^4\Omega t\rangle"),
    (r"\langle \cos^2\phi\rangle_\phi = \frac12", r"\langle \cos^2\phi\rangle_\phi = 2"),
    # a constant phase; a subscript naming the gyrophase that omega t is
    (r"\langle \cos^2(\omega t + \phi_0)\rangle = \frac12",
     r"\langle \cos^2(\omega t + \phi_0)\rangle = \cos^2\phi_0"),
    (r"\langle \cos^2\omega t \rangle_{\phi} = \frac12",
     r"\langle \cos^2\omega t \rangle_{\phi} = 1"),
    # a vector by its components
    (r"\left\langle \begin{pmatrix}\cos\omega t\\ \sin\omega t\\ 0\end{pmatrix}"
     r"\right\rangle = 0",
     r"\left\langle \begin{pmatrix}\cos^2\omega t\\ \sin\omega t\\ 0\end{pmatrix}"
     r"\right\rangle = 0"),
])
def test_an_average_is_decided_by_doing_it(right, wrong):
    assert verdict(right).verdict == "holds"
    found = verdict(wrong)
    assert found.verdict == "erratum" and "average over one gyration" in found.diagnosis


_ORBIT_FORCE = (r"\vec{F}_\nabla = \langle q(r_L\omega_L\cos\omega_L t\hat{x} - r_L\omega_L"
                r"\sin\omega_L t\hat{y})\times((r_L\sin\omega_L t\hat{x} + r_L\cos\omega_L t"
                r"\hat{y})\cdot\nabla)\vec{B}\rangle")


@pytest.mark.parametrize("right, wrong", [
    # the grad-B force as the average of q v x B over the Larmor orbit (002 sec. 01)
    (_ORBIT_FORCE, _ORBIT_FORCE.replace(r"t\hat{x} - r_L", r"t\hat{x} + r_L")),   # sign
    (_ORBIT_FORCE, _ORBIT_FORCE.replace(r"\langle q(", r"\langle 2q(")),        # factor 2
    (r"\vec{F}_\nabla = q r_L^2\omega_L\left\langle \cos^2\omega_L t\,(\hat{x}\times"
     r"(\hat{y}\cdot\nabla)\vec{B}) - \sin^2\omega_L t\,(\hat{y}\times(\hat{x}\cdot\nabla)"
     r"\vec{B})\right\rangle",
     r"\vec{F}_\nabla = q r_L\omega_L\left\langle \cos^2\omega_L t\,(\hat{x}\times"
     r"(\hat{y}\cdot\nabla)\vec{B}) - \sin^2\omega_L t\,(\hat{y}\times(\hat{x}\cdot\nabla)"
     r"\vec{B})\right\rangle"),                                                  # exponent
])
def test_the_grad_b_force_is_an_average_over_the_orbit(right, wrong):
    found = verdict(right)
    assert found.verdict == "holds" and found.against == "gradB_force"
    assert verdict(wrong).verdict == "erratum"


@pytest.mark.parametrize("right, wrong", [
    # the field's gradient by its components: div B (dB_z/dz then an entry too, not dB/ds)
    (r"\nabla\cdot\vec{B} = \frac{dB_x}{dx} + \frac{dB_y}{dy} + \frac{\partial B_z}{\partial z}",
     r"\nabla\cdot\vec{B} = \frac{dB_x}{dx} - \frac{dB_y}{dy} + \frac{\partial B_z}{\partial z}"),
    # the averaged force by the components of the gradient (002 sec. 01)
    (r"\vec{F}_\nabla = \frac{qr_L^2\omega_L}{2} \left[\left(\frac{dB_y}{dy} + "
     r"\frac{dB_x}{dx}\right) \hat{z} - \frac{dB_z}{dy}\hat{y} - \frac{dB_z}{dx}\hat{x}\right]",
     r"\vec{F}_\nabla = \frac{qr_L^2\omega_L}{2} \left[\left(\frac{dB_y}{dy} - "
     r"\frac{dB_x}{dx}\right) \hat{z} - \frac{dB_z}{dy}\hat{y} - \frac{dB_z}{dx}\hat{x}\right]"),
    (r"F_x = -\mu\, \partial B_z/\partial x", r"F_x = \mu\, \partial_x B_z"),
])
def test_field_gradient_components_are_the_entries_of_the_gradient(right, wrong):
    assert verdict(right).verdict == "holds"
    assert verdict(wrong).verdict == "erratum"


def test_a_drift_component_with_an_average_in_it():
    """004 sec. 5: the y component of the grad-B drift in B_0(x) z-hat, the average done
    on the way (q > 0 with r_L = v_perp/|omega_c|)."""
    right = (r"v_{1,y} = \frac{v_{\perp} r_L}{B_0} \langle \sin^2(\omega_c t) \rangle "
             r"\frac{dB_0}{dx} = \frac{v_{\perp} r_L}{2B_0} \frac{dB_0}{dx}")
    found = check_text(right, budget=60)
    assert [v.verdict for v in found] == ["holds-with-condition"] * 2
    assert {v.against for v in found} == {"gradB_drift"}
    wrong = check_text(right.replace(r"\sin^2(\omega_c t)", r"\sin^4(\omega_c t)"),
                       budget=60)[0]
    assert wrong.verdict == "erratum" and "factor 3/4" in wrong.diagnosis


def test_a_document_with_averages():
    verify = pytest.importorskip("guidingcenter.check.documents.verify")
    text = ("Over one gyration $$\\langle \\cos^2\\omega_c t\\rangle = \\frac{1}{2}$$ and "
            "$$\\langle \\sin\\omega_c t\\cos\\omega_c t\\rangle_{\\text{gyro}} = "
            "\\frac{1}{2}.$$")
    rows = verify.verify_text(text, "notes.md").rows
    assert [row.verdict.verdict for row in rows] == ["holds", "erratum"]
