r"""The guiding centre's equations of motion as textbooks write them
(:mod:`guidingcenter.check.equations_of_motion`), each right form beside planted wrong ones.

Sources: Chen, *Introduction to Plasma Physics*, sec. 2.3.3, eq. 2-39 (m dv_par/dt =
-mu dB/dz); Baumjohann and Treumann, *Basic Space Plasma Physics*, sec. 2.5 (m dv_par/dt =
qE_par - mu grad_par B); Northrop, *The Adiabatic Motion of Charged Particles*, ch. 1, and
Bellan, *Fundamentals of Plasma Physics*, sec. 3.5 (the rate of v_gc by its parts across and
along B, d(v_par b)/dt = dv_par/dt b + v_par^2 (b.grad)b; the potential's -q dphi/ds); the
English derivation notes (002) sec. 02-03, lines 67-103.
"""

import pytest

from guidingcenter.check.formula import check_text

AVERAGE = (r"\langle q\vec{v}_L\times(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})"
           r"\rangle_\parallel")


def verdicts(text):
    return check_text(text, budget=60)


def one(text):
    found, = verdicts(text)
    return found


@pytest.mark.parametrize("right, wrong, diagnosis", [
    # Chen eq. 2-39
    (r"m\frac{dv_\parallel}{dt} = -\mu\frac{\partial B}{\partial z}",
     r"m\frac{dv_\parallel}{dt} = -2\mu\frac{\partial B}{\partial z}", "factor 2"),
    (r"m\frac{dv_\parallel}{dt} = -\frac{mv_\perp^2}{2B}\frac{\partial B}{\partial z}",
     r"m\frac{dv_\parallel}{dt} = \frac{mv_\perp^2}{2B}\frac{\partial B}{\partial z}",
     "flipped sign"),
    # Baumjohann-Treumann sec. 2.5: E_par the field along B, not the energy W_par
    (r"m\frac{dv_\parallel}{dt} = qE_\parallel - \mu\nabla_\parallel B",
     r"m\frac{dv_\parallel}{dt} = -qE_\parallel - \mu\nabla_\parallel B",
     "flipped sign of the term -q*Dot(b_hat, E_vec)"),
    (r"m\frac{dv_\parallel}{dt} = qE_\parallel - \mu\nabla_\parallel B",
     r"m\frac{dv_\parallel}{dt} = qE_\parallel + \mu\nabla_\parallel B",
     "flipped sign of the term mu"),
    # the potential along the line: E_par = -dphi/ds
    (r"m\frac{dv_\parallel}{dt} = -q\frac{d\phi}{ds} - \mu\frac{\partial B}{\partial s}",
     r"m\frac{dv_\parallel}{dt} = q\frac{d\phi}{ds} - \mu\frac{\partial B}{\partial s}",
     "flipped sign of the term"),
    # the note's parallel equation: its average on the Larmor orbit is -mu dB/ds
    (r"m\frac{d v_{\text{gc}\parallel}}{dt} = -q\frac{d\varphi}{ds} + " + AVERAGE,
     r"m\frac{d v_{\text{gc}\parallel}}{dt} = -q\frac{d\varphi}{ds} - " + AVERAGE,
     "flipped sign of the term"),
    (r"m\frac{d v_{\text{gc}\parallel}}{dt} = q\vec{E}_\parallel + " + AVERAGE,
     r"m\frac{d v_{\text{gc}\parallel}}{dt} = 2q\vec{E}_\parallel + " + AVERAGE, ""),
])
def test_the_equation_of_motion_along_b(right, wrong, diagnosis):
    found = one(right)
    assert found.verdict == "holds", (found.verdict, found.diagnosis, found.reason,
                                      found.condition)
    assert found.against == "parallel_equation_of_motion"
    found = one(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis, found.diagnosis


def test_newtons_law_along_b_and_its_force():
    """m dv_par/dt = F_par ~ -mu grad_par B (the Hebrew slides): both links hold."""
    found = verdicts(r"m \frac{d v_{\parallel}}{dt} = F_{\parallel} \approx "
                     r"-\mu \nabla_{\parallel} B")
    assert [v.verdict for v in found] == ["holds", "holds"], [v.diagnosis for v in found]


def test_a_force_the_toolkit_does_not_derive_is_no_erratum():
    """Gravity along B is not derived: the law is not judged, and never an erratum."""
    found = one(r"m\frac{dv_\parallel}{dt} = mg_\parallel - \mu\nabla_\parallel B")
    assert found.verdict == "not-checkable", found.diagnosis


@pytest.mark.parametrize("right, wrong, diagnosis", [
    # d(v_par b)/dt along the path (result parallel_velocity_rate)
    (r"\frac{d(v_\parallel\hat{b})}{dt} = \frac{dv_\parallel}{dt}\hat{b} + "
     r"v_\parallel^2\frac{d\hat{b}}{ds}",
     r"\frac{d(v_\parallel\hat{b})}{dt} = \frac{dv_\parallel}{dt}\hat{b} + "
     r"v_\perp^2\frac{d\hat{b}}{ds}", "wrong symbol: v_perp where v_par"),
    # the rate of a sum, term by term; the rate across B the same on both sides
    (r"m\frac{d(\vec{v}_{gc\perp} + v_{gc\parallel}\hat{b})}{dt} = m\frac{d\vec{v}_{gc\perp}}"
     r"{dt} + m\frac{dv_{gc\parallel}}{dt}\hat{b} + m v_{gc\parallel}^2 \frac{d\hat{b}}{ds}",
     r"m\frac{d(\vec{v}_{gc\perp} + v_{gc\parallel}\hat{b})}{dt} = m\frac{d\vec{v}_{gc\perp}}"
     r"{dt} + m\frac{dv_{gc\parallel}}{dt}\hat{b} + 2m v_{gc\parallel}^2 \frac{d\hat{b}}{ds}",
     "factor"),
    # Northrop: the law of motion with the rate of v_gc by its parts
    (r"m\frac{d\vec{v}_{gc\perp}}{dt} + m\frac{dv_{gc\parallel}}{dt}\hat{b} + "
     r"mv_\parallel^2(\hat{b}\cdot\nabla)\hat{b} = q\vec{E} + q\vec{v}_{gc}\times\vec{B} - "
     r"\mu\nabla B",
     r"m\frac{d\vec{v}_{gc\perp}}{dt} + m\frac{dv_{gc\parallel}}{dt}\hat{b} - "
     r"mv_\parallel^2(\hat{b}\cdot\nabla)\hat{b} = q\vec{E} + q\vec{v}_{gc}\times\vec{B} - "
     r"\mu\nabla B", "in the rate of v_par b-hat"),
    # the perpendicular law: the rate of v_gc across B
    (r"m\frac{d\vec{v}_{gc\perp}}{dt} = \vec{F}_\perp + q\vec{v}_{gc}\times\vec{B}",
     r"m\frac{d\vec{v}_{gc\perp}}{dt} = \vec{F}_\perp - q\vec{v}_{gc}\times\vec{B}",
     "flipped sign"),
    (r"m\frac{d\vec{v}_{gc\perp}}{dt} = \vec{F}_\perp + q\vec{v}_F\times\vec{B}",
     r"m\frac{d\vec{v}_{gc\perp}}{dt} = \vec{F}_\perp + \vec{v}_F\times\vec{B}",
     "missing factor q"),
])
def test_the_rate_of_the_guiding_centre_velocity_by_its_parts(right, wrong, diagnosis):
    found = one(right)
    assert found.ok, (found.verdict, found.diagnosis, found.reason)
    found = one(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis, found.diagnosis


def test_the_field_across_and_along_b():
    r"""``\vec{E}_\perp`` is the part of E across B: with the note's perpendicular equation
    its slip (v_gc x B without q) is found, not an unknown name."""
    found = one(r"m\frac{d\vec{v}_{\text{gc}\perp}}{dt} - mv^2_{\text{gc}\parallel}\hat{B}\cdot"
                r"\nabla\hat{B} = q\vec{E}_\perp(\vec{x}_\text{gc}) + \vec{v}_\text{gc}\times"
                r"\vec{B}(\vec{x}_\text{gc})")
    assert found.verdict == "erratum" and "dimensionally inconsistent" in found.diagnosis


@pytest.mark.parametrize("right, wrong, diagnosis", [
    # the note's F_perp (its slip: the centrifugal force's sign)
    (r"\vec{F}_\perp = -mv^2_{\text{gc}\parallel}\hat{B}\cdot\nabla\hat{B} + \langle q\vec{v}_L"
     r"\times(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})\rangle_\perp + "
     r"q\vec{E}_\perp(\vec{x}_\text{gc})",
     r"\vec{F}_\perp = mv^2_{\text{gc}\parallel}\hat{B}\cdot\nabla\hat{B} + \langle q\vec{v}_L"
     r"\times(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})\rangle_\perp + "
     r"q\vec{E}_\perp(\vec{x}_\text{gc})", "flipped sign of the term m*v_par**2*kappa"),
    # Chen sec. 2.3: the electric and centrifugal forces across B
    (r"\vec{F}_\perp = q\vec{E}_\perp - m v_\parallel^2 (\hat{b}\cdot\nabla)\hat{b}",
     r"\vec{F}_\perp = q\vec{E}_\perp - 2m v_\parallel^2 (\hat{b}\cdot\nabla)\hat{b}",
     "extra factor 2"),
])
def test_the_force_across_b_as_a_sum_of_derived_forces(right, wrong, diagnosis):
    found = one(right)
    assert found.verdict == "holds", (found.verdict, found.diagnosis, found.reason)
    found = one(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis, found.diagnosis
