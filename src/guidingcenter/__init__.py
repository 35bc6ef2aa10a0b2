"""guidingcenter: derive, check and export single-particle guiding-centre theory.

Subpackages and modules:

* ``guidingcenter.engine`` -- derivations whose every step is proved;
* ``guidingcenter.derivations`` -- the derivation scripts (one per topic);
* ``guidingcenter.numeric`` -- NumPy functions generated from derived results;
* ``guidingcenter.dipole`` -- the Earth's dipole: bounce and drift periods;
* ``guidingcenter.cli`` -- the ``guidingcenter`` command.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
