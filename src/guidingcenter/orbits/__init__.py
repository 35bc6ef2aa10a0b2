"""Full Lorentz-force orbits and the guiding-centre quantities measured on them.

Modules
-------
pusher
    ``trace`` (relativistic Boris pusher, NumPy or numba), ``Orbit``, ``boris_dt``.
fields
    Ready fields: ``UniformField``, ``SlabGradient``, ``ToroidalField``,
    ``MirrorField``, ``DipoleField``, ``RampedE``, ``CosineE``.

Nothing is implemented here; this module only re-exports.
"""

from guidingcenter.orbits.fields import (
    CosineE, DipoleField, Field, MirrorField, RampedE, SlabGradient, ToroidalField, UniformField)
from guidingcenter.orbits.pusher import Orbit, boris_dt, numba_available, trace

__all__ = ["trace", "Orbit", "boris_dt", "numba_available",
           "Field", "UniformField", "SlabGradient", "ToroidalField", "MirrorField",
           "DipoleField", "RampedE", "CosineE"]
