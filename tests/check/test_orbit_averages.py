r"""Averages over a gyration of the orbit's own quantities, the Larmor orbit not written out:
inside ``\langle ... \rangle`` the gyration's velocity and position are the derived Larmor
orbit (:mod:`guidingcenter.check.orbit_average`).  Each right form beside planted wrong ones.

Sources: the German lecture (004) sec. 5, lines 279-283 (v_1 = (1/B_0^2) <(v_0 x (r.grad)B_0)
x B_0>, v_1,y = -(1/B_0) <v_0,y x> dB_0/dx); the Hebrew notes (003) lines 122, 127 (the same
with v_g, and its one-dimensional form with the sign lost); Bellan, *Fundamentals of Plasma
Physics*, sec. 3.5, eq. 3.65 (the averaged force q<v_L x (r_L . grad) B>); Chen,
*Introduction to Plasma Physics*, sec. 2.3.1 (<F_y> = -q <v_x B_z(y)>, the y of the orbit).
"""

import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.formula import check_text
from guidingcenter.check.gyro_average import average
from guidingcenter.check.lookup import Lookup
from guidingcenter.check.orbit_average import substituted
from guidingcenter.check.parsing import read


def inside(text):
    return read(text, lookup=Lookup(open=True))[0].statement


def worst(text):
    return min(check_text(text, budget=60), key=lambda v: v.ok)


# --- the substitution ----------------------------------------------------------------------

def test_the_orbit_is_put_in_and_averaged_exactly():
    r_l = S.v_perp / S.omega_c                 # signed: dr/dt = v for either charge
    # <v_x x> = 0, <v_y x> = -v_perp r_L/2 (v = v_perp(cos, -sin), r = r_L(sin, cos))
    assert average(substituted(inside(r"v_{0,x}\, x"))) == 0
    assert sp.simplify(average(substituted(inside(r"v_{0,y}\, x"))) + S.v_perp * r_l / 2) == 0
    assert sp.simplify(average(substituted(inside(r"v_{L,x}\, y"))) - S.v_perp * r_l / 2) == 0
    assert sp.simplify(average(substituted(inside(r"x^2"))) - r_l**2 / 2) == 0


def test_what_is_not_the_orbit_is_left_alone():
    assert substituted(inside(r"\vec{v}")) is None                 # the guiding-centre v
    assert substituted(inside(r"F_z")) is None
    assert substituted(inside(r"\vec{E}\times\vec{B}")) is None


# --- judged --------------------------------------------------------------------------------

GRAD_B = [
    # 004 line 279
    r"\vec{v}_1 = \frac{1}{B_0^2} \left\langle \left(\vec{v}_0 \times (\vec{r} \cdot \nabla) "
    r"\vec{B}_0 \right) \times \vec{B}_0 \right\rangle",
    # 003 line 122
    r"\mathbf{v}_\nabla = \frac{1}{B^2} \langle (\mathbf{v}_g \times (\mathbf{r} \cdot \nabla) "
    r"\mathbf{B}_0) \times \mathbf{B}_0 \rangle",
    # 004 line 283, the y component
    r"v_{1,y} = -\frac{1}{B_0} \left\langle v_{0,y} x \frac{dB_0}{dx} \right\rangle",
    # Chen 2.3.1 in the grad-B frame (B along z, gradient along x): v_y by the orbit's x
    r"v_{\nabla B,y} = -\frac{1}{B}\langle v_{L,y}\, x\rangle \frac{\partial B}{\partial x}",
]


@pytest.mark.parametrize("text", GRAD_B)
def test_the_grad_b_drift_as_an_average_over_the_orbit(text):
    found = worst(text)
    assert found.ok and found.against == "gradB_drift", (found.verdict, found.diagnosis)
    assert any("Larmor orbit put in" in r for r in found.readings)


@pytest.mark.parametrize("wrong, diagnosis", [
    (GRAD_B[0].replace(r"\frac{1}{B_0^2}", r"\frac{2}{B_0^2}"), "factor 2"),
    (GRAD_B[1].replace(r"\frac{1}{B^2}", r"-\frac{1}{B^2}"), "flipped sign"),
    (GRAD_B[2].replace(r"-\frac{1}{B_0}", r"\frac{1}{B_0}"), "flipped sign"),
    # the wrong average: <v_x x> (which is 0) for <v_y x>
    (GRAD_B[3].replace(r"v_{L,y}", r"v_{L,x}"), ""),
])
def test_a_wrong_average_over_the_orbit_is_refused(wrong, diagnosis):
    found = worst(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis


def test_the_one_dimensional_form_that_lost_its_sign():
    """003 line 127: (1/B_0) <v_g x> dB_0/dx is the drift with the wrong sign."""
    found = worst(r"\mathbf{v}_{\nabla} = \frac{1}{B_0} \left\langle \mathbf{v}_g x "
                  r"\frac{dB_0}{dx} \right\rangle")
    assert found.verdict == "erratum" and "flipped sign" in found.diagnosis
    assert worst(r"\mathbf{v}_{\nabla} = -\frac{1}{B_0} \left\langle \mathbf{v}_g x "
                 r"\frac{dB_0}{dx} \right\rangle").ok


@pytest.mark.parametrize("right, wrong", [
    # Bellan 3.65: the averaged first-order force, -mu grad B
    (r"\vec{F} = q\langle \vec{v}_L\times(\vec{r}_L\cdot\nabla)\vec{B}\rangle",
     r"\vec{F} = 2q\langle \vec{v}_L\times(\vec{r}_L\cdot\nabla)\vec{B}\rangle"),
    (r"\vec{F} = q\langle \vec{v}_L\times(\vec{r}_L\cdot\nabla)\vec{B}\rangle",
     r"\vec{F} = -q\langle \vec{v}_L\times(\vec{r}_L\cdot\nabla)\vec{B}\rangle"),
])
def test_the_averaged_force_on_the_orbit(right, wrong):
    assert worst(right).ok
    assert worst(wrong).verdict == "erratum"


# --- the law of motion of the gyration's velocity, by its name ------------------------------

@pytest.mark.parametrize("right, wrong, diagnosis", [
    # Bellan 3.63: the gyromotion m dv_L/dt = q v_L x B(x_gc)
    (r"m\frac{d\vec{v}_L}{dt} = q\vec{v}_L\times\vec{B}",
     r"m\frac{d\vec{v}_L}{dt} = -q\vec{v}_L\times\vec{B}", "flipped sign"),
    (r"m\dot{\vec v}_L = q \vec v_L\times\vec B", r"m\dot{\vec v}_L = 2q \vec v_L\times\vec B",
     "factor 2"),
    # 003 line 12 (v_perp across B, e_z along B); 004 line 258 (v_0, the zeroth order)
    (r"\frac{d\mathbf{v}_\perp}{dt} = \frac{qB}{m} \mathbf{v}_\perp \times \mathbf{e}_z",
     r"\frac{d\mathbf{v}_\perp}{dt} = \frac{qB}{m} \mathbf{e}_z \times \mathbf{v}_\perp",
     "flipped sign"),
    (r"m\frac{\mathrm{d}\vec{v}_0}{\mathrm{d}t} = q\left(\vec{v}_0 \times \vec{B}_0\right)",
     r"m\frac{\mathrm{d}\vec{v}_0}{\mathrm{d}t} = \left(\vec{v}_0 \times \vec{B}_0\right)",
     "missing factor q"),
])
def test_the_law_of_motion_of_the_gyration_velocity(right, wrong, diagnosis):
    found = worst(right)
    assert found.verdict == "holds" and found.against == "lorentz_force_magnetic"
    assert any("law of motion" in r for r in found.readings)
    found = worst(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis


def test_the_gyration_law_with_q_lost():
    """003 line 116: m dv_g/dt = (v_g/c) x B_0 lost the charge (Gaussian units or not)."""
    found = worst(r"m \frac{d\mathbf{v}_g}{dt} = \frac{\mathbf{v}_g}{c} \times \mathbf{B}_0")
    assert found.verdict == "erratum" and "missing factor q" in found.diagnosis


def test_a_drift_velocity_is_not_the_gyration():
    """v_1 (the first order, a drift) is not read as the particle's velocity."""
    from guidingcenter.check.orbit_average import gyration_law
    assert gyration_law(inside(r"m\frac{d\vec v_1}{dt} = q\vec v_1\times\vec B")) is None


# --- a chain whose first side is unknown: the link the average decides ----------------------

def test_the_link_an_average_decides_is_judged_between_its_sides():
    """004 line 287: v_1,x = -(v_perp r_L/B_0) <cos sin> dB_0/dx = 0 -- the last link is the
    average, done exactly, whatever v_1,x is; a wrong value there is refused."""
    right = (r"v_{1,x} = -\frac{v_{\perp} r_L}{B_0} \langle \cos(\omega_c t) \sin(\omega_c t) "
             r"\rangle \frac{dB_0}{dx} = 0")
    last = check_text(right, budget=60)[-1]
    assert last.verdict == "holds" and "average over one gyration" in last.note
    wrong = right.replace(r"\cos(\omega_c t) \sin(\omega_c t)", r"\cos^2(\omega_c t)")
    last = check_text(wrong, budget=60)[-1]
    assert last.verdict == "erratum" and "average over one gyration" in last.diagnosis


# --- the frame stated in prose ---------------------------------------------------------------

@pytest.mark.parametrize("prose", [
    "Let B = B(x) z-hat; the field varies only along x.",                  # Chen 2.3.1's setting
    r"$\vec{B}_0 = (0, 0, B_0)$ variiere nur in x-Richtung",                # 004 line 281
])
def test_a_gradient_along_x_stated_in_prose_is_read(prose):
    verify = pytest.importorskip("guidingcenter.check.documents.verify")
    drift = r"$$\vec{v}_{\nabla B} = \frac{m v_\perp^2}{2qB^2}\frac{dB}{dx}\hat{y}$$"
    stated = verify.verify_text(f"{prose}\n\n{drift}\n", "frame.md").rows[-1].verdict
    assert stated.verdict == "holds"
    unstated = verify.verify_text(f"Let B point along z.\n\n{drift}\n", "frame.md").rows[-1]
    assert unstated.verdict.verdict == "holds-with-condition"
    assert "varying along x only" in unstated.verdict.condition
    wrong = verify.verify_text(f"{prose}\n\n{drift.replace('2qB^2', 'qB^2')}\n", "frame.md")
    assert wrong.rows[-1].verdict.verdict == "erratum"
