"""Full Lorentz-force orbits and the guiding-centre quantities measured on them.

Modules
-------
pusher
    ``trace`` (relativistic Boris pusher, NumPy or numba), ``Orbit``, ``boris_dt``.
fields
    Ready fields: ``UniformField``, ``SlabGradient``, ``ToroidalField``,
    ``MirrorField``, ``DipoleField``, ``RampedE``, ``CosineE``.
initial
    ``launch``: a ring of gyrophases around one guiding centre.
measure
    Drift averaged over whole gyrations; bounce period, drift period, mirror
    latitude in the dipole; closest approach and loss.
confirm
    Every guiding-centre result against full orbits (``guidingcenter confirm``).

Nothing is implemented here; this module only re-exports.
"""

from guidingcenter.orbits import measure
from guidingcenter.orbits.fields import (
    CosineE, DipoleField, Field, MirrorField, RampedE, SlabGradient, ToroidalField, UniformField)
from guidingcenter.orbits.initial import launch
from guidingcenter.orbits.pusher import Orbit, boris_dt, numba_available, trace

__all__ = ["trace", "Orbit", "boris_dt", "numba_available", "launch", "measure",
           "Field", "UniformField", "SlabGradient", "ToroidalField", "MirrorField",
           "DipoleField", "RampedE", "CosineE"]
