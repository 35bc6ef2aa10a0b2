"""The Larmor orbit written coordinate by coordinate, as textbooks print it, with their own
names for the constants of integration (the guiding centre x_0, x_c; the phase phi_0,
delta, or none), each with a wrong version that must be refused.

Sources: Chen, Introduction to Plasma Physics, sec. 2.2 (x - x_0 = r_L sin omega_c t,
y - y_0 = +-r_L cos omega_c t, omega_c unsigned, +- the sign of the charge); the orbit
with a guiding centre (x_c, y_c) and a phase (lecture notes); the velocity components with
a phase delta (Bellan, ch. 3).
"""

import pytest

from guidingcenter.check.formula import check_text


def verdict(text):
    found = check_text(text)
    return min(found, key=lambda v: v.ok)          # a pair is as good as its worst member


@pytest.mark.parametrize("right, wrong", [
    (r"x - x_0 = \frac{v_\perp}{\omega_c}\sin(\omega_c t + \phi)",
     r"x - x_0 = \frac{v_\perp}{\omega_c}\cos(\omega_c t + \phi)"),
    (r"y - y_0 = \frac{v_\perp}{\omega_c}\cos(\omega_c t + \phi)",
     r"y - y_0 = -\frac{v_\perp}{\omega_c}\cos(\omega_c t + \phi)"),
    (r"y - y_0 = \pm r_L\cos\omega_c t", r"y - y_0 = \pm r_L\sin\omega_c t"),
    (r"x(t) = x_c + \frac{v_\perp}{\omega_c}\sin(\omega_c t + \phi_0), \quad "
     r"y(t) = y_c + \frac{v_\perp}{\omega_c}\cos(\omega_c t + \phi_0)",
     r"x(t) = x_c + \frac{v_\perp}{\omega_c}\sin(\omega_c t + \phi_0), \quad "
     r"y(t) = y_c + \frac{2 v_\perp}{\omega_c}\cos(\omega_c t + \phi_0)"),
    (r"v_y = -v_\perp \sin(\omega_c t + \delta)", r"v_y = v_\perp \sin(\omega_c t + \delta)"),
    (r"v_x = v_\perp \cos(\omega_c t + \delta)", r"v_x = v_\perp \sin(\omega_c t + \delta)"),
    # the gyration radius and velocity as vectors by their components
    (r"\vec{r}_L = r_L\sin\omega_c t\,\hat{x} + r_L\cos\omega_c t\,\hat{y}",
     r"\vec{r}_L = r_L\cos\omega_c t\,\hat{x} + r_L\cos\omega_c t\,\hat{y}"),
    (r"\vec{v}_L = v_\perp\cos\omega_c t\,\hat{x} - v_\perp\sin\omega_c t\,\hat{y}",
     r"\vec{v}_L = v_\perp\cos\omega_c t\,\hat{x} + v_\perp\sin\omega_c t\,\hat{y}"),
])
def test_an_orbit_coordinate_is_compared_with_the_derived_orbit(right, wrong):
    found = verdict(right)
    assert found.ok, (right, found)
    assert found.against in ("larmor_orbit", "larmor_velocity")
    refused = verdict(wrong)
    assert refused.verdict == "erratum", (wrong, refused)
    assert refused.against in ("larmor_orbit", "larmor_velocity")


def test_the_guiding_centre_is_not_the_coordinate_itself():
    # x and x_0 were once both read as the guiding centre: x - x_0 = 0, "left dimensionless"
    found = verdict(r"x - x_0 = \frac{v_\perp}{\omega_g}\sin(\omega_g t + \phi)")
    assert found.verdict == "holds" and "dimension" not in (found.diagnosis or "")

