r"""Ready electromagnetic fields for :func:`~guidingcenter.orbits.trace`.

A field is any callable ``field(x, t) -> (E, B)`` taking positions ``x`` (m,
shape ``(..., 3)``) and a time ``t`` (s) and returning the electric field
(V/m) and the magnetic field (T), each of shape ``(..., 3)``.  The classes
here are such callables, and more: each is built on a *kernel*, one function
of the components ``(x, y, z, t, params) -> (E_x, E_y, E_z, B_x, B_y, B_z)``
written with plain arithmetic, so that the same source runs on NumPy arrays
and, compiled by numba, on floats (the optional fast path of ``trace``).

=====================  =============================================================
:class:`UniformField`  uniform, static E and B
:class:`SlabGradient`  :math:`B_0(1 + x/L)\,\hat z`, a pure grad-B field (with currents)
:class:`ToroidalField` :math:`B_0 R_0/R\,\hat\varphi`, curl-free and curved
:class:`MirrorField`   axisymmetric vacuum mirror, :math:`\nabla\cdot B = \nabla\times B = 0`
:class:`DipoleField`   the Earth's dipole (``B_E``, ``R_E`` overridable)
:class:`RampedE`       uniform B, uniform E ramped in time from zero
:class:`CosineE`       uniform B, electrostatic :math:`\vec E_0\cos(\vec k\cdot\vec x)`
=====================  =============================================================

References
----------
F. F. Chen, *Introduction to Plasma Physics and Controlled Fusion*, 3rd ed.
(Springer, 2016), sec. 2.3-2.5 (the model fields of the drifts); J. D. Jackson,
*Classical Electrodynamics*, 3rd ed., sec. 5.6 (the dipole).
"""

import numpy as np

from guidingcenter import constants

__all__ = ["Field", "UniformField", "SlabGradient", "ToroidalField", "MirrorField",
           "DipoleField", "RampedE", "CosineE", "KERNELS"]


# --- kernels: plain arithmetic on components, valid for NumPy arrays and for numba floats ---
# ``zero = 0.0 * x`` gives a zero of the right shape (an array under NumPy, a float under numba).

def uniform_kernel(x, y, z, t, p):
    """p = (E_x, E_y, E_z, B_x, B_y, B_z)."""
    zero = 0.0 * x
    return (p[0] + zero, p[1] + zero, p[2] + zero, p[3] + zero, p[4] + zero, p[5] + zero)


def slab_gradient_kernel(x, y, z, t, p):
    """p = (B_0, L): B = B_0 (1 + x/L) z-hat, E = 0."""
    zero = 0.0 * x
    return (zero, zero, zero, zero, zero, p[0] * (1.0 + x / p[1]))


def toroidal_kernel(x, y, z, t, p):
    """p = (B_0, R_0): B = B_0 R_0 / R phi-hat = B_0 R_0 (-y, x, 0)/R^2, E = 0."""
    zero = 0.0 * x
    scale = p[0] * p[1] / (x * x + y * y)
    return (zero, zero, zero, -scale * y, scale * x, zero)


def mirror_kernel(x, y, z, t, p):
    """p = (B_0, L): B_z = B_0 (1 + (z^2 - R^2/2)/L^2), B_R = -B_0 R z/L^2, E = 0."""
    zero = 0.0 * x
    b0, inv_l2 = p[0], 1.0 / (p[1] * p[1])
    radial = -b0 * z * inv_l2                       # B_R / R
    return (zero, zero, zero, radial * x, radial * y,
            b0 * (1.0 + (z * z - 0.5 * (x * x + y * y)) * inv_l2))


def dipole_kernel(x, y, z, t, p):
    """p = (B_E, R_E): B = -B_E R_E^3 (3 z r - r^2 z-hat)/r^5 (moment along -z), E = 0."""
    zero = 0.0 * x
    r2 = x * x + y * y + z * z
    k = p[0] * p[1] ** 3 / (r2 * r2 * np.sqrt(r2))
    return (zero, zero, zero, -3.0 * k * x * z, -3.0 * k * y * z, -k * (3.0 * z * z - r2))


def ramped_e_kernel(x, y, z, t, p):
    """p = (B_x, B_y, B_z, R_x, R_y, R_z, omega): E = R sin(omega t)/omega (R t if omega = 0)."""
    zero = 0.0 * (x + t)
    if p[6] == 0.0:
        ramp = t
    else:
        ramp = np.sin(p[6] * t) / p[6]
    return (p[3] * ramp + zero, p[4] * ramp + zero, p[5] * ramp + zero,
            p[0] + zero, p[1] + zero, p[2] + zero)


def cosine_e_kernel(x, y, z, t, p):
    """p = (E0_x, E0_y, E0_z, k_x, k_y, k_z, B_x, B_y, B_z): E = E0 cos(k.x)."""
    zero = 0.0 * x
    wave = np.cos(p[3] * x + p[4] * y + p[5] * z)
    return (p[0] * wave, p[1] * wave, p[2] * wave, p[6] + zero, p[7] + zero, p[8] + zero)


#: The kernels in the order of ``Field.kind`` (the numba path dispatches on it).
KERNELS = (uniform_kernel, slab_gradient_kernel, toroidal_kernel, mirror_kernel,
           dipole_kernel, ramped_e_kernel, cosine_e_kernel)


def _vector(name, value):
    array = np.asarray(value, dtype=float)
    if array.shape != (3,) or not np.all(np.isfinite(array)):
        raise ValueError(f"{name}: must be a finite 3-vector, got {value!r}")
    return array


def _positive(name, value, meaning):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: must be a positive number ({meaning}), got {value!r}") from None
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name}: must be a positive number ({meaning}), got {value!r}")
    return value


class Field:
    """A ready field: a kernel and its parameters; ``field(x, t)`` gives ``(E, B)``.

    Subclasses set ``kind`` (the index of their kernel in :data:`KERNELS`) and
    pass their parameters to ``__init__``.  A user's own field need not derive
    from this class: any callable ``(x, t) -> (E, B)`` will do for the NumPy path.
    """

    kind = None

    def __init__(self, params):
        self.params = np.asarray(params, dtype=float)

    @property
    def kernel(self):
        """The component kernel ``(x, y, z, t, params) -> (E_x, ..., B_z)``."""
        return KERNELS[self.kind]

    def components(self, x, y, z, t):
        """The six field components at component arrays ``x, y, z`` and time ``t``."""
        return self.kernel(x, y, z, t, self.params)

    def __call__(self, x, t=0.0):
        """``(E, B)`` at positions ``x`` (m, shape ``(..., 3)``) and time ``t`` (s)."""
        x = np.asarray(x, dtype=float)
        if x.ndim == 0 or x.shape[-1] != 3:
            raise ValueError(f"x: positions must have a last axis of length 3, got shape {x.shape}")
        parts = np.broadcast_arrays(*self.components(x[..., 0], x[..., 1], x[..., 2], float(t)))
        return np.stack(parts[:3], axis=-1), np.stack(parts[3:], axis=-1)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{v:.6g}' for v in self.params)})"


class UniformField(Field):
    """Uniform, static fields.

    Parameters
    ----------
    E : array_like, shape (3,)
        Electric field, V/m.
    B : array_like, shape (3,)
        Magnetic field, T.

    Examples
    --------
    >>> E, B = UniformField([0, 1e-3, 0], [0, 0, 1e-5])([[0, 0, 0], [1, 2, 3]])
    >>> B.tolist()
    [[0.0, 0.0, 1e-05], [0.0, 0.0, 1e-05]]
    """

    kind = 0

    def __init__(self, E, B):
        super().__init__(np.concatenate([_vector("E", E), _vector("B", B)]))


class SlabGradient(Field):
    r"""A slab grad-B field :math:`\vec B = B_0 (1 + x/L)\,\hat z` (no E).

    :math:`\nabla B = (B_0/L)\,\hat x`; the field lines are straight (no
    curvature drift) and :math:`\nabla\times\vec B = -(B_0/L)\hat y`, a current,
    so the grad-B drift stands alone (Chen sec. 2.3.1).  B vanishes at x = -L.

    Parameters
    ----------
    B0 : float
        Field at x = 0, T (> 0).
    L : float
        Gradient length at x = 0, m (> 0).
    """

    kind = 1

    def __init__(self, B0, L):
        super().__init__([_positive("B0", B0, "field at x = 0 in T"),
                          _positive("L", L, "gradient length in m")])


class ToroidalField(Field):
    r"""A curl-free toroidal field :math:`\vec B = B_0 R_0/R\,\hat\varphi` (no E).

    The vacuum field of a line current on the z axis: field lines are circles
    of radius R (curvature :math:`-\hat R/R`) and :math:`\nabla B = -B\hat R/R`,
    so grad-B and curvature drifts add up along z (Chen sec. 2.3.3).

    Parameters
    ----------
    B0 : float
        Field at R = R0, T (> 0).
    R0 : float
        Reference radius, m (> 0).
    """

    kind = 2

    def __init__(self, B0, R0):
        super().__init__([_positive("B0", B0, "field at R = R0 in T"),
                          _positive("R0", R0, "reference radius in m")])


class MirrorField(Field):
    r"""An axisymmetric magnetic mirror about the z axis (no E).

    .. math::

        B_z = B_0\left(1 + \frac{z^2 - R^2/2}{L^2}\right),\qquad
        B_R = -B_0\,\frac{R z}{L^2},

    the gradient of the harmonic potential
    :math:`B_0(z + (z^3/3 - zR^2/2)/L^2)`: divergence- and curl-free exactly
    (the paraxial expansion of a vacuum mirror carried to the order it uses).
    On the axis :math:`B = B_0(1 + z^2/L^2)`, so a particle of midplane pitch
    angle :math:`\alpha` mirrors at :math:`z_m = L\cot\alpha` (Chen sec. 2.3.3).

    Parameters
    ----------
    B0 : float
        Field at the centre, T (> 0).
    L : float
        Length over which B doubles along the axis, m (> 0).
    """

    kind = 3

    def __init__(self, B0, L):
        super().__init__([_positive("B0", B0, "central field in T"),
                          _positive("L", L, "mirror length in m")])


class DipoleField(Field):
    r"""The Earth's centred dipole, moment along -z (no E).

    .. math::

        \vec B = -B_E R_E^3\,\frac{3 z\,\vec r - r^2\hat z}{r^5},\qquad
        |B| = \frac{B_E}{L^3}\frac{(1 + 3\sin^2\lambda)^{1/2}}{\cos^6\lambda},

    pointing north (+z) at the equator (notes 004; Jackson sec. 5.6).

    Parameters
    ----------
    B_E : float, optional
        Equatorial surface field, T (default ``constants.B_E``).
    R_E : float, optional
        Earth radius, m (default ``constants.R_E``).

    Examples
    --------
    >>> from guidingcenter.numeric import dipole_field_strength
    >>> _, B = DipoleField()([4 * constants.R_E, 0, 0])
    >>> round(float(B[2]) / float(dipole_field_strength(4, 0)), 14)
    1.0
    """

    kind = 4

    def __init__(self, B_E=constants.B_E, R_E=constants.R_E):
        super().__init__([_positive("B_E", B_E, "equatorial surface field in T"),
                          _positive("R_E", R_E, "Earth radius in m")])

    @property
    def B_E(self):
        return float(self.params[0])

    @property
    def R_E(self):
        return float(self.params[1])


class RampedE(Field):
    r"""Uniform static B and a uniform E ramped up from zero at t = 0.

    .. math::

        \vec E(t) = \dot{\vec E}_0\,\frac{\sin\omega t}{\omega}
        \quad(\dot{\vec E}_0\,t \text{ for } \omega = 0),

    so that :math:`d\vec E/dt = \dot{\vec E}_0\cos\omega t`: a linear ramp, or a
    ramp that turns over after a quarter period (the polarization drift,
    Chen sec. 2.5).

    Parameters
    ----------
    B : array_like, shape (3,)
        Magnetic field, T.
    dE_dt : array_like, shape (3,)
        Initial rate of change of E, V/(m s).
    omega : float, optional
        Angular frequency of the ramp, rad/s (>= 0; 0 is a linear ramp).
    """

    kind = 5

    def __init__(self, B, dE_dt, omega=0.0):
        omega = float(omega)
        if not np.isfinite(omega) or omega < 0:
            raise ValueError(f"omega: must be a finite number >= 0 (rad/s), got {omega!r}")
        super().__init__(np.concatenate([_vector("B", B), _vector("dE_dt", dE_dt), [omega]]))


class CosineE(Field):
    r"""Uniform B and an electrostatic wave :math:`\vec E = \vec E_0\cos(\vec k\cdot\vec x)`.

    Electrostatic (curl-free) when :math:`\vec E_0 \parallel \vec k`.  Over a
    gyration of radius :math:`r_L` the particle samples E at
    :math:`\varepsilon = k r_L`: the E x B drift of the gyro-average is
    :math:`J_0(k r_L)\,\vec E\times\vec B/B^2 \approx (1 - k^2r_L^2/4)\,\vec E\times\vec B/B^2`
    (Chen sec. 2.4, the finite-Larmor-radius correction).

    Parameters
    ----------
    E0 : array_like, shape (3,)
        Amplitude, V/m.
    k : array_like, shape (3,)
        Wave vector, 1/m.
    B : array_like, shape (3,)
        Magnetic field, T.
    """

    kind = 6

    def __init__(self, E0, k, B):
        super().__init__(np.concatenate([_vector("E0", E0), _vector("k", k), _vector("B", B)]))
