"""NumPy functions generated from the derived results (no SymPy at import).

SI units; vectors on the last axis (length 3); inputs broadcast.  Generated
by ``python -m guidingcenter.codegen``; do not edit.  The modules have private
names: this namespace holds the functions only.
"""

from guidingcenter.numeric._gyration import gyrofrequency, gyroradius
from guidingcenter.numeric._exb_drift import ExB_drift
from guidingcenter.numeric._force_drift import force_drift, gravitational_drift
from guidingcenter.numeric._gradb_drift import gradB_drift
from guidingcenter.numeric._curvature_drift import curvature_drift, gradB_curvature_drift
from guidingcenter.numeric._polarization_drift import polarization_drift
from guidingcenter.numeric._magnetic_moment import magnetic_moment, mirror_force
from guidingcenter.numeric._mu_conservation import parallel_speed
from guidingcenter.numeric._mirror import loss_cone_angle, pitch_angle, mirror_ratio
from guidingcenter.numeric._drift_current import drift_current_density
from guidingcenter.numeric._dipole_field import dipole_field_strength, equatorial_gyrofrequency, equatorial_gyroradius
from guidingcenter.numeric._relativistic_kinematics import energy_to_gamma, energy_to_speed, energy_to_momentum, momentum_to_energy, momentum_to_speed, gamma_to_energy, speed_to_energy, speed_to_momentum, speed_to_gamma
from guidingcenter.numeric._cyclotron_frequency import gyrofrequency_hz
from guidingcenter.numeric._diamagnetic_drift import diamagnetic_drift, diamagnetic_current_density
from guidingcenter.numeric._adiabatic_invariants import first_invariant, third_invariant, L_star

__all__ = [
    'gyrofrequency',
    'gyroradius',
    'ExB_drift',
    'force_drift',
    'gravitational_drift',
    'gradB_drift',
    'curvature_drift',
    'gradB_curvature_drift',
    'polarization_drift',
    'magnetic_moment',
    'mirror_force',
    'parallel_speed',
    'loss_cone_angle',
    'pitch_angle',
    'mirror_ratio',
    'drift_current_density',
    'dipole_field_strength',
    'equatorial_gyrofrequency',
    'equatorial_gyroradius',
    'energy_to_gamma',
    'energy_to_speed',
    'energy_to_momentum',
    'momentum_to_energy',
    'momentum_to_speed',
    'gamma_to_energy',
    'speed_to_energy',
    'speed_to_momentum',
    'speed_to_gamma',
    'gyrofrequency_hz',
    'diamagnetic_drift',
    'diamagnetic_current_density',
    'first_invariant',
    'third_invariant',
    'L_star',
]
