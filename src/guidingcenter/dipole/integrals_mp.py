r"""High-precision (mpmath) dipole bounce integrals and mirror latitude.

Along a dipole field line (notes 003 and 004), with :math:`y = \sin\alpha_{eq}`,
:math:`s = \sin\lambda` and :math:`b = B/B_m = y^2 (1+3s^2)^{1/2}/\cos^6\lambda`,

.. math::

    T(y) &= \int_0^{\lambda_m} \cos\lambda\,(1+3s^2)^{1/2}(1-b)^{-1/2}\,d\lambda,\\
    Y(y) &= 2\int_0^{\lambda_m} \cos\lambda\,(1+3s^2)^{1/2}(1-b)^{1/2}\,d\lambda,\\
    D(y) &= \int_0^{\lambda_m} \left(1-\tfrac{b}{2}\right)\cos^3\lambda\,(1+s^2)
            (1+3s^2)^{-3/2}(1-b)^{-1/2}\,d\lambda,

so that :math:`\tau_b = 4 L R_E T(y)/v`, :math:`J = 2 p L R_E Y(y)` and the
bounce-averaged drift frequency is
:math:`\langle\Omega_d\rangle = 3 L \gamma m v^2 D(y)/(q B_E R_E^2 T(y))`
(the normalisation of Schulz & Lanzerotti 1974).

How the integrals are made well-conditioned
-------------------------------------------
* The mirror point is found from the polynomial
  :math:`u^6 + 3y^4u - 4y^4 = 0` for :math:`u = \cos^2\lambda_m` when
  :math:`u \le 1/2`, and otherwise from the same equation written for
  :math:`w = \sin^2\lambda_m = 1-u`,
  :math:`w\,(6 - 15w + 20w^2 - 15w^3 + 6w^4 - w^5 + 3y^4) = (1-y)(1+y)(1+y^2)`,
  so that both :math:`\cos^2\lambda_m` and :math:`\sin^2\lambda_m` are known to
  full relative precision at both ends (y -> 0 and y -> 1).  Newton's method
  converges monotonically in both forms (the polynomial is convex in u).
* Substituting :math:`\sin\lambda = \sin\lambda_m\cos\varphi`
  (:math:`\varphi = 0` at the mirror point, :math:`\pi/2` at the equator)
  removes the inverse-square-root singularity, and :math:`1-b` is written as
  a factored divided difference, :math:`1 - b = a\sin^2\varphi / R` with
  :math:`a = \sin^2\lambda_m`, :math:`x = a\cos^2\varphi`, :math:`c = 1-a`,
  :math:`g(x) = (1+3x)^{1/2}` and

  .. math::

      R = \frac{g(a)\,(1-x)^3}{3(1-x)^3/(g(a)+g(x)) + g(x)\,[c^2 + c(1-x) + (1-x)^2]},

  which has no cancellation anywhere (all terms are positive and
  :math:`1-x = c + a\sin^2\varphi`).  The integrands become smooth:
  :math:`T = \int_0^{\pi/2} g(x) R^{1/2} d\varphi`,
  :math:`Y = 2\int_0^{\pi/2} g(x)\,a\sin^2\varphi\,R^{-1/2} d\varphi`,
  :math:`D = \int_0^{\pi/2} \tfrac12(1 + a\sin^2\varphi/R)(1-x)(1+x)g(x)^{-3}R^{1/2} d\varphi`.
* For small y the integrand varies on the scale
  :math:`\delta = (c/a)^{1/2} \sim y^{1/3}` near the mirror point (complex
  singularities at :math:`\sin\varphi \approx \pm i\delta`); the map
  :math:`\varphi = \delta\sinh\sigma` moves them to a fixed distance
  :math:`\pi/2` from the real axis, so tanh-sinh quadrature converges at the
  same rate for every y down to 0.

Precision is changed only inside ``mpmath.workdps``; results are computed with
``GUARD_DIGITS`` extra digits and rounded to the requested ``dps``.

References
----------
Notes 003 (Hebrew) and 004 (Suttrop, German): dipole geometry, mirror latitude
and the bounce-period integral.  M. Schulz and L. J. Lanzerotti, *Particle
Diffusion in the Radiation Belts* (Springer, 1974), sections I.4-I.5: T, D, Y.
"""

import numbers

import mpmath

__all__ = ["GUARD_DIGITS", "BounceIntegral", "mirror_latitude_mp", "T_mp", "D_mp", "Y_mp",
           "T_integrand_mp", "D_integrand_mp", "Y_integrand_mp"]

GUARD_DIGITS = 15
"""Extra decimal digits carried inside the computation (rounding in the
integrand, the Newton solve and the quadrature sum cost a few digits; the
tests show that 15 leaves the returned digits untouched)."""

_EXTRA_DEGREES = 4   # quadrature levels tried beyond mpmath's own guess


def _check_dps(dps):
    if isinstance(dps, bool) or not isinstance(dps, numbers.Integral) or dps < 1:
        raise ValueError(f"dps: must be an integer >= 1 (decimal digits), got {dps!r}")
    return int(dps)


def _check_y(y):
    """``y`` as an mpf at the working precision; ValueError outside [0, 1]."""
    try:
        value = mpmath.mpf(y)
    except (TypeError, ValueError):
        raise ValueError(f"y: must be a real number in [0, 1] (y = sin alpha_eq), "
                         f"got {y!r}") from None
    if not mpmath.isfinite(value) or not 0 <= value <= 1:
        raise ValueError(f"y: must lie in [0, 1] (y = sin alpha_eq), got {y!r}")
    return value


def _newton(step, start, name):
    """Iterate ``x -= step(x)`` from ``start`` to the working precision.

    Both mirror-point iterations converge monotonically and quadratically:
    once a step is below sqrt(eps) relative, two more steps reach the working
    precision (testing for a step below eps instead could loop forever on
    rounding noise).  The iteration cap only guards against a defect.
    """
    x = start
    small = mpmath.sqrt(mpmath.eps)
    for _ in range(10_000):
        dx = step(x)
        x -= dx
        if abs(dx) <= small * abs(x):
            x -= step(x)
            return x - step(x)
    raise ArithmeticError(f"{name}: Newton iteration for the mirror point did not converge")


def _mirror_point(y):
    """Return ``(c, a) = (cos^2 lambda_m, sin^2 lambda_m)`` at the working precision."""
    y4 = y**4
    if y4 == 0:
        return mpmath.mpf(0), mpmath.mpf(1)
    if 160 * y4 <= 1:
        # u = cos^2 lambda_m <= 1/2 (u^6/(4 - 3u) = y^4 at u = 1/2 gives y^4 = 1/160).
        # f(u) = u^6 + 3 y^4 u - 4 y^4 is convex and increasing for u > 0, and
        # f((4 y^4)^(1/6)) = 3 y^4 u > 0, so Newton from there decreases monotonically.
        start = min(mpmath.mpf(1), (4 * y4) ** (mpmath.mpf(1) / 6))
        u = _newton(lambda u: (u**6 + 3 * y4 * u - 4 * y4) / (6 * u**5 + 3 * y4), start, "y")
        return u, 1 - u
    # w = sin^2 lambda_m < 1/2: F(w) = w P(w) - (1 - y^4) is concave and increasing,
    # F(0) <= 0, so Newton from w = 0 increases monotonically; 1 - y^4 is factored
    # so that it keeps full relative precision as y -> 1.
    rhs = (1 - y) * (1 + y) * (1 + y * y)

    def step(w):
        p = 6 + 3 * y4 + w * (-15 + w * (20 + w * (-15 + w * (6 - w))))
        dp = -15 + w * (40 + w * (-45 + w * (24 - 5 * w)))
        return (w * p - rhs) / (p + w * dp)

    w = _newton(step, mpmath.mpf(0), "y")
    return 1 - w, w


def _regular_parts(phi, c, a):
    """Pieces of the substituted integrands at sin(lambda) = sin(lambda_m) cos(phi)."""
    sin2 = mpmath.sin(phi) ** 2
    x = a * (1 - sin2)                   # sin^2 lambda
    one_minus_x = c + a * sin2           # cos^2 lambda, without cancellation
    a_minus_x = a * sin2
    ga = mpmath.sqrt(4 - 3 * c)          # (1 + 3 sin^2 lambda_m)^(1/2)
    gx = mpmath.sqrt(1 + 3 * x)
    den = 3 * one_minus_x**3 / (ga + gx) + gx * (c * c + c * one_minus_x + one_minus_x**2)
    r = ga * one_minus_x**3 / den        # (a - x)/(1 - b)
    return x, one_minus_x, a_minus_x, gx, r


class BounceIntegral:
    """A latitude integral from the equator to the mirror point, evaluated to ``dps`` digits.

    Subclasses override :meth:`integrand` (the textbook form, in latitude) and
    :meth:`regular_integrand` (the same integral after the substitution
    sin(lambda) = sin(lambda_m) cos(phi)); this base class finds the mirror
    point, chooses the quadrature variable, checks the error estimate and
    rounds the result.
    """

    name = "integral"

    def integrand(self, lam, y):
        """Textbook integrand in magnetic latitude ``lam`` (radians)."""
        raise NotImplementedError

    def regular_integrand(self, phi, c, a):
        """Smooth integrand on phi in [0, pi/2]; ``c, a = cos^2, sin^2 lambda_m``."""
        raise NotImplementedError

    def __call__(self, y, dps=30):
        dps = _check_dps(dps)
        with mpmath.workdps(dps + GUARD_DIGITS):
            c, a = _mirror_point(_check_y(y))
            value = self._quadrature(c, a, mpmath.mpf(10) ** (-(dps + 3)))
        with mpmath.workdps(dps):
            return +value

    def _quadrature(self, c, a, tol):
        if 0 < c < a / 4:
            # delta = (c/a)^(1/2) < 1/2: resolve the scale delta at the mirror point.
            delta = mpmath.sqrt(c / a)

            def f(s):
                return self.regular_integrand(delta * mpmath.sinh(s), c, a) * delta * mpmath.cosh(s)

            interval = [0, mpmath.asinh(mpmath.pi / (2 * delta))]
        else:
            def f(phi):
                return self.regular_integrand(phi, c, a)

            interval = [0, mpmath.pi / 2]
        degree = mpmath.calculus.quadrature.TanhSinh(mpmath.mp).guess_degree(mpmath.mp.prec)
        for extra in range(_EXTRA_DEGREES + 1):
            value, error = mpmath.quad(f, interval, error=True, maxdegree=degree + extra)
            if error <= tol * abs(value):
                return value
        raise ArithmeticError(f"{self.name}: quadrature error estimate {error} above "
                              f"the requested tolerance")


class _T(BounceIntegral):
    name = "T"

    def integrand(self, lam, y):
        s2 = mpmath.sin(lam) ** 2
        g = mpmath.sqrt(1 + 3 * s2)
        b = y**2 * g / mpmath.cos(lam) ** 6
        return mpmath.cos(lam) * g / mpmath.sqrt(1 - b)

    def regular_integrand(self, phi, c, a):
        _, _, _, gx, r = _regular_parts(phi, c, a)
        return gx * mpmath.sqrt(r)


class _Y(BounceIntegral):
    name = "Y"

    def integrand(self, lam, y):
        s2 = mpmath.sin(lam) ** 2
        g = mpmath.sqrt(1 + 3 * s2)
        b = y**2 * g / mpmath.cos(lam) ** 6
        return 2 * mpmath.cos(lam) * g * mpmath.sqrt(1 - b)

    def regular_integrand(self, phi, c, a):
        _, _, a_minus_x, gx, r = _regular_parts(phi, c, a)
        return 2 * gx * a_minus_x / mpmath.sqrt(r)


class _D(BounceIntegral):
    name = "D"

    def integrand(self, lam, y):
        s2 = mpmath.sin(lam) ** 2
        g = mpmath.sqrt(1 + 3 * s2)
        b = y**2 * g / mpmath.cos(lam) ** 6
        return (1 - b / 2) * mpmath.cos(lam) ** 3 * (1 + s2) / (g**3 * mpmath.sqrt(1 - b))

    def regular_integrand(self, phi, c, a):
        x, one_minus_x, a_minus_x, gx, r = _regular_parts(phi, c, a)
        return (1 + a_minus_x / r) / 2 * one_minus_x * (1 + x) / gx**3 * mpmath.sqrt(r)


_T_INTEGRAL, _Y_INTEGRAL, _D_INTEGRAL = _T(), _Y(), _D()


def mirror_latitude_mp(y, dps=30):
    r"""Mirror latitude :math:`\lambda_m(y)` in radians, to ``dps`` significant digits.

    Parameters
    ----------
    y : real (int, float, str or mpf)
        :math:`\sin\alpha_{eq}`, in [0, 1].
    dps : int
        Decimal digits wanted.

    Returns
    -------
    mpmath.mpf
        :math:`\lambda_m` in [0, pi/2] (rad): pi/2 at y = 0, 0 at y = 1.

    Notes
    -----
    :math:`\lambda_m` solves
    :math:`\cos^6\lambda_m/(1+3\sin^2\lambda_m)^{1/2} = y^2`, independent of L
    (notes 004, "Unabhängig von L!"); with :math:`u = \cos^2\lambda_m`:

    .. math:: u^6 + 3y^4u - 4y^4 = 0,

    solved by monotone Newton iteration in u or in :math:`1-u` (whichever is
    at most 1/2), then :math:`\lambda_m = \operatorname{atan2}(\sqrt{1-u}, \sqrt{u})`.

    Examples
    --------
    >>> import mpmath
    >>> mpmath.nstr(mirror_latitude_mp(0.5, dps=25), 25)
    '0.5786375859385134258345249'
    >>> mpmath.nstr(mirror_latitude_mp(0, dps=20), 20)   # pi/2: the pole
    '1.5707963267948966192'
    >>> mirror_latitude_mp(1)
    mpf('0.0')
    """
    dps = _check_dps(dps)
    with mpmath.workdps(dps + GUARD_DIGITS):
        c, a = _mirror_point(_check_y(y))
        value = mpmath.atan2(mpmath.sqrt(a), mpmath.sqrt(c))
    with mpmath.workdps(dps):
        return +value


def T_mp(y, dps=30):
    r"""Bounce-period integral :math:`T(y)` to ``dps`` significant digits.

    Parameters
    ----------
    y : real (int, float, str or mpf)
        :math:`\sin\alpha_{eq}`, in [0, 1].
    dps : int
        Decimal digits wanted.

    Returns
    -------
    mpmath.mpf
        T(y) (dimensionless); :math:`\tau_b = 4 L R_E T(y)/v`.

    Notes
    -----
    .. math::

        T(y) = \int_0^{\lambda_m}\cos\lambda\,(1+3\sin^2\lambda)^{1/2}
               \left(1 - y^2\frac{(1+3\sin^2\lambda)^{1/2}}{\cos^6\lambda}\right)^{-1/2} d\lambda

    (notes 004, "Bounce-Periode"), with
    :math:`T(0) = 1 + \ln(2+\sqrt3)/(2\sqrt3)` and :math:`T(1) = \pi\sqrt2/6`.

    Examples
    --------
    >>> import mpmath
    >>> mpmath.nstr(T_mp(0, dps=30), 30)
    '1.38017299815047317376554712744'
    >>> mpmath.nstr(T_mp(1, dps=30), 30)
    '0.740480489693061041169313498343'
    >>> mpmath.nstr(T_mp("0.5", dps=20), 20)
    '0.9997274129124328072...'
    """
    return _T_INTEGRAL(y, dps)


def Y_mp(y, dps=30):
    r"""Second-invariant integral :math:`Y(y)` to ``dps`` significant digits.

    Parameters
    ----------
    y : real (int, float, str or mpf)
        :math:`\sin\alpha_{eq}`, in [0, 1].
    dps : int
        Decimal digits wanted.

    Returns
    -------
    mpmath.mpf
        Y(y) (dimensionless); :math:`J = \oint p_\parallel ds = 2 p L R_E Y(y)`.

    Notes
    -----
    .. math::

        Y(y) = 2\int_0^{\lambda_m}\cos\lambda\,(1+3\sin^2\lambda)^{1/2}
               \left(1 - y^2\frac{(1+3\sin^2\lambda)^{1/2}}{\cos^6\lambda}\right)^{1/2} d\lambda,

    :math:`Y(0) = 2T(0)`, :math:`Y(1) = 0` (Schulz & Lanzerotti 1974).

    Examples
    --------
    >>> import mpmath
    >>> mpmath.nstr(Y_mp(0, dps=30), 30)   # 2 T(0) = 2 + ln(2 + sqrt 3)/sqrt 3
    '2.76034599630094634753109425488'
    >>> mpmath.nstr(Y_mp(0.5, dps=20), 20)
    '0.8959702505452099418...'
    >>> Y_mp(1)
    mpf('0.0')
    """
    return _Y_INTEGRAL(y, dps)


def D_mp(y, dps=30):
    r"""Drift integral :math:`D(y)` to ``dps`` significant digits.

    Parameters
    ----------
    y : real (int, float, str or mpf)
        :math:`\sin\alpha_{eq}`, in [0, 1].
    dps : int
        Decimal digits wanted.

    Returns
    -------
    mpmath.mpf
        D(y) (dimensionless); the bounce-averaged grad-B + curvature drift
        frequency is :math:`\langle\Omega_d\rangle = 3L\gamma m v^2 D(y)/(qB_E R_E^2 T(y))`.

    Notes
    -----
    .. math::

        D(y) = \int_0^{\lambda_m}\left(1 - \frac{b}{2}\right)\cos^3\lambda\,
               \frac{1+\sin^2\lambda}{(1+3\sin^2\lambda)^{3/2}}\,(1-b)^{-1/2}\,d\lambda,
        \qquad b = y^2\frac{(1+3\sin^2\lambda)^{1/2}}{\cos^6\lambda},

    the bounce average of the drift speed of notes 003
    (:math:`\propto (1 - B/2B_m)\cos^5\lambda(1+\sin^2\lambda)/(1+3\sin^2\lambda)^2`)
    divided by :math:`r\cos\lambda`.  Closed forms:
    :math:`D(0) = 1/3 + \sqrt3\ln(2+\sqrt3)/18 = T(0)/3` (substitute
    :math:`u = \sin\lambda`: :math:`\int_0^1 (1-u^4)(1+3u^2)^{-3/2}du`) and
    :math:`D(1) = T(1)/2 = \pi\sqrt2/12`; in general
    :math:`D = T/2 - Y/12` (Schulz & Lanzerotti 1974).

    Examples
    --------
    >>> import mpmath
    >>> mpmath.nstr(D_mp(0, dps=30), 30)
    '0.460057666050157724588515709147'
    >>> mpmath.nstr(D_mp(1, dps=30), 30)   # pi sqrt(2)/12
    '0.370240244846530520584656749172'
    """
    return _D_INTEGRAL(y, dps)


def T_integrand_mp(lam, y):
    r"""Textbook integrand of :math:`T`: :math:`\cos\lambda(1+3\sin^2\lambda)^{1/2}(1-b)^{-1/2}`.

    Plain mpmath expression at the current precision (no cancellation
    control), for cross-checks of :func:`T_mp` and of derived integrands.

    Examples
    --------
    >>> T_integrand_mp(0, 0)
    mpf('1.0')
    """
    return _T_INTEGRAL.integrand(lam, y)


def Y_integrand_mp(lam, y):
    r"""Textbook integrand of :math:`Y`: :math:`2\cos\lambda(1+3\sin^2\lambda)^{1/2}(1-b)^{1/2}`.

    Examples
    --------
    >>> Y_integrand_mp(0, 0)
    mpf('2.0')
    """
    return _Y_INTEGRAL.integrand(lam, y)


def D_integrand_mp(lam, y):
    r"""Textbook integrand of :math:`D`:
    :math:`(1-b/2)\cos^3\lambda(1+\sin^2\lambda)(1+3\sin^2\lambda)^{-3/2}(1-b)^{-1/2}`.

    Examples
    --------
    >>> D_integrand_mp(0, 0)
    mpf('1.0')
    >>> D_integrand_mp(0, 1)  # y = 1 mirrors at the equator: (1 - b)^(-1/2) is singular there
    Traceback (most recent call last):
    ...
    ZeroDivisionError
    """
    return _D_INTEGRAL.integrand(lam, y)
