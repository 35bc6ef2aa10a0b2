"""Physical validity: ordering warnings, impossible results, inputs that cannot be meant.

Every case of issue 13 part 1, each with its neighbour on the allowed side (a
check that cannot fail is a defect), on the fast path (plain numbers) and on
the array path.
"""

import math
import warnings

import numpy as np
import pytest

from guidingcenter import constants, validity
from guidingcenter.dipole import bounce_period, drift_period, loss_cone_angle, second_invariant
from guidingcenter.numeric import (
    ExB_drift, curvature_drift, dipole_field_strength, gradB_curvature_drift, gradB_drift,
    gyrofrequency, mirror_ratio, pitch_angle, polarization_drift)
from guidingcenter.units import MeV, deg
from guidingcenter.validity import GuidingCentreWarning, LossConeWarning

m_p, e = constants.m_p, constants.e


def caught(call):
    """The warnings ``call()`` issues (all of them, every time)."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        call()
    return [w for w in record if issubclass(w.category, GuidingCentreWarning)]


def test_thresholds_come_from_the_measured_coefficients():
    tolerated = validity.TOLERATED_ERROR
    c = validity.MEASURED_COEFFICIENTS
    assert validity.MAX_GRADIENT_ORDERING == math.sqrt(tolerated / c["gradient"])
    assert validity.MAX_DIPOLE_ORDERING == math.sqrt(tolerated / c["dipole"])
    # the exact polarization response 1/(1 - r^2) is off by TOLERATED_ERROR at the threshold
    r = validity.MAX_FREQUENCY_RATIO
    assert r**2 / (1 - r**2) == pytest.approx(tolerated, rel=1e-14)   # rounding only


# --- r_L/L_B: the grad-B drift -------------------------------------------------------------

def gradient_for(epsilon, B=1e-5, v_perp=1e5):
    """|grad B| that puts a proton at r_L/L_B = epsilon."""
    r_L = m_p * v_perp / (e * B)
    return epsilon * B / r_L


@pytest.mark.parametrize("as_array", [False, True])
def test_gradB_drift_warns_above_the_threshold_only(as_array):
    limit = validity.MAX_GRADIENT_ORDERING
    v = np.array([1e5]) if as_array else 1e5
    below = caught(lambda: gradB_drift([0, 0, 1e-5], [gradient_for(0.99 * limit), 0, 0], v,
                                       "p+"))
    above = caught(lambda: gradB_drift([0, 0, 1e-5], [gradient_for(1.01 * limit), 0, 0], v,
                                       "p+"))
    assert below == [] and len(above) == 1
    assert f"r_L/L_B = {1.01 * limit:.3g}" in str(above[0].message)
    assert above[0].filename == __file__          # the warning blames the caller


def test_issue_case_gradB_drift_r_L_over_L_B_of_1e4():
    with pytest.warns(GuidingCentreWarning, match=r"r_L/L_B = 1.04e\+04"):
        with pytest.raises(ValueError, match="^B, grad_B, v_perp: .*at or above"):
            gradB_drift([0, 0, 1e-5], [1e-3, 0, 0], 1e5, "p+")   # would be 5.2e8 m/s


def test_gradB_drift_refuses_v_perp_at_or_above_c():
    with pytest.raises(ValueError, match="^v_perp: the speed must be below c"):
        gradB_drift([0, 0, 1e-5], [1e-12, 0, 0], 4e8, "p+")
    gradB_drift([0, 0, 1e-5], [1e-12, 0, 0], 2.9e8, "p+")    # below c: a value


def test_curvature_orderings_count_only_the_curvature_across_B():
    # rho_par/R_c with R_c from b x (b.grad)b: a parallel part of the "curvature" vector
    # (not a curvature) does not warn; the same size across B does
    B, v_par = 1e-5, 1e5
    rho = m_p * v_par / (e * B)
    k = 2 * validity.MAX_GRADIENT_ORDERING / rho
    assert caught(lambda: curvature_drift([0, 0, B], [0, 0, k], v_par, "p+")) == []
    assert len(caught(lambda: curvature_drift([0, 0, B], [k, 0, 0], v_par, "p+"))) == 1
    # grad-B + curvature: the whole speed sets the gyroradius
    g = gradient_for(0.8 * validity.MAX_GRADIENT_ORDERING, B, 1e5)
    assert caught(lambda: gradB_curvature_drift([0, 0, B], [g, 0, 0], 0.0, 1e5, "p+")) == []
    assert len(caught(lambda: gradB_curvature_drift([0, 0, B], [g, 0, 0], 1e5, 1e5,
                                                    "p+"))) == 1


# --- omega/omega_c: the polarization drift ----------------------------------------------------

@pytest.mark.parametrize("ratio, warned", [(0.09, 0), (0.11, 1)])
def test_polarization_drift_checks_omega_over_omega_c(ratio, warned):
    B = 1e-5
    omega = ratio * e * B / m_p
    assert len(caught(lambda: polarization_drift([0, 0, B], [1e-3, 0, 0], "p+",
                                                 omega=omega))) == warned
    assert caught(lambda: polarization_drift([0, 0, B], [1e-3, 0, 0], "p+")) == []  # unknown


# --- impossible results ---------------------------------------------------------------------

def test_issue_case_ExB_with_E_perp_at_or_above_cB():
    with pytest.raises(ValueError, match=r"^E, B: \|E_perp\| >= c \|B\|"):
        ExB_drift([1e6, 0, 0], [0, 0, 1e-5])
    with pytest.raises(ValueError, match="^E, B"):             # in a batch: one is enough
        ExB_drift([[1e3, 0, 0], [1e6, 0, 0]], [0, 0, 1e-5])
    # just below cB: the drift is c (1 - 1e-9), a value; E along B adds nothing
    v = ExB_drift([0.999999999 * constants.c * 1e-5, 0, 1e9], [0, 0, 1e-5])
    assert np.linalg.norm(v) < constants.c


# --- rho/(L R_E): the dipole -------------------------------------------------------------------

def dipole_energy_for(epsilon, L=4.0, particle_mass=constants.m_e):
    """Kinetic energy (J) that puts an electron at rho/(L R_E) = epsilon."""
    p = epsilon * e * constants.B_E * constants.R_E / L**2
    rest = particle_mass * constants.c**2
    return math.sqrt((p * constants.c)**2 + rest**2) - rest


@pytest.mark.parametrize("function", [bounce_period, drift_period, second_invariant])
def test_dipole_functions_warn_above_the_threshold_only(function):
    limit = validity.MAX_DIPOLE_ORDERING
    below = caught(lambda: function(4.0, dipole_energy_for(0.99 * limit), 30 * deg, "e-"))
    above = caught(lambda: function(4.0, dipole_energy_for(1.01 * limit), 30 * deg, "e-"))
    assert below == [] and len(above) == 1
    assert f"rho/(L R_E) = {1.01 * limit:.3g}" in str(above[0].message)
    assert above[0].filename == __file__


def test_issue_case_bounce_period_of_a_one_joule_electron():
    with pytest.warns(GuidingCentreWarning, match=r"rho/\(L R_E\) = 1.68e\+09"):
        bounce_period(4, 1, 30 * deg, "e-")


@pytest.mark.parametrize("function", [bounce_period, drift_period, second_invariant])
def test_inside_the_loss_cone_warns_or_refuses(function):
    cone = loss_cone_angle(4.0)                  # at the surface, as the functions use it
    with pytest.warns(LossConeWarning, match=rf"alpha_lc = {cone / deg:.4g} deg at L = 4"):
        function(4.0, 1 * MeV, cone - 0.01 * deg, "e-")
    with pytest.raises(ValueError, match=r"^alpha_eq: inside the loss cone.*allow_lost=False"):
        function(4.0, 1 * MeV, [30 * deg, cone - 0.01 * deg], "e-", allow_lost=False)
    assert caught(lambda: function(4.0, 1 * MeV, cone + 0.01 * deg, "e-")) == []
    assert caught(lambda: function(4.0, 1 * MeV, np.pi - cone - 0.01 * deg, "e-")) == []


# --- inputs that cannot be meant ------------------------------------------------------------

@pytest.mark.parametrize("call, name", [
    (lambda: dipole_field_strength(4, 30), "lam: must be in \\[-pi/2, pi/2\\]"),   # degrees
    (lambda: dipole_field_strength(4, [0.1, -2.0]), "lam: must be in"),
    (lambda: dipole_field_strength(4, np.pi / 2), "lam: the point is inside the planet"),
    (lambda: dipole_field_strength(4.0, np.array([0.0, 1.1])), "lam: the point is inside"),
    (lambda: mirror_ratio(0.5, 1), "B_max, B_0: B_max must be at least B_0"),
    (lambda: pitch_angle(0, 0), "v_perp, v_par: the pitch angle of a particle at rest"),
    (lambda: gyrofrequency(True, "p+"), "B: must be a real number"),
    (lambda: gyrofrequency("1e-5", "p+"), "B: must be a real number"),
    (lambda: gyrofrequency([1e-5, True], "p+"), "B: must be a real number"),
    (lambda: gyrofrequency(np.array([True]), "p+"), "B: must be a real number"),
    (lambda: gyrofrequency(1e-5 + 0j, "p+"), "B: must be a real number"),
    (lambda: gyrofrequency(1e-5, "p+", relativistic="no"), "relativistic: must be True or"),
    (lambda: gyrofrequency(1e-5, q=True, m=1.0), "q: must be a real number"),
    (lambda: gyrofrequency(10**400, "p+"), "B: must be finite"),
    (lambda: bounce_period(4, "1e6", 0.5, "e-"), "energy: must be a real number"),
    (lambda: bounce_period(4, True, 0.5, "e-"), "energy: must be a real number"),
    (lambda: bounce_period(4, 1 * MeV, 200 * deg, "e-"), "alpha_eq: must lie in"),
    (lambda: bounce_period(4, 1 * MeV, 0.5, "e-", relativistic="yes"), "relativistic"),
    (lambda: bounce_period(4, 1 * MeV, 0.5, "e-", allow_lost=1), "allow_lost"),
])
def test_refused_inputs_name_the_argument(call, name):
    with pytest.raises(ValueError, match="^" + name):
        call()


def test_the_refused_cases_have_allowed_neighbours():
    # the edge of each range is allowed: the foot of the field line on the surface, a
    # mirror ratio of exactly 1, the pitch angle of a particle moving along B; NumPy
    # floats and integers are numbers (NumPy booleans are not, above)
    L = 4.0
    surface = math.acos(L**-0.5)
    assert dipole_field_strength(L, surface) == pytest.approx(
        constants.B_E * math.sqrt(4 - 3 / L), rel=1e-12)    # the field at the foot
    assert mirror_ratio(1.0, 1.0) == 1.0
    assert pitch_angle(0.0, -1.0) == pytest.approx(np.pi, rel=1e-16)
    assert gyrofrequency(np.float64(1e-5), "p+") == gyrofrequency(1e-5, "p+")
    assert gyrofrequency(np.int64(1), "p+") == gyrofrequency(1.0, "p+")
