"""Vector notation and its components."""

import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.vectors import (Cross, DirectionalDerivative, Div, Dot, Frame, FrameError,
                                   Grad, gyro_average)

B_components = S.components("B")
frame = Frame(vectors={S.B_vec: B_components, S.E_vec: S.components("E")},
              scalars={S.B: sp.sqrt(Dot(S.B_vec, S.B_vec))})


def test_cross_and_dot_components():
    value = frame.explicit(Cross(S.E_vec, S.B_vec) / S.B**2)
    E = S.components("E")
    expected = E.cross(B_components) / B_components.dot(B_components)
    assert (value - expected).applyfunc(sp.simplify) == sp.zeros(3, 1)


def test_mixing_vectors_and_scalars_is_an_error():
    with pytest.raises(FrameError, match="vector and a scalar"):
        frame.explicit(S.B_vec + S.B)
    with pytest.raises(FrameError, match="two vectors"):
        frame.explicit(S.B_vec * S.E_vec)
    with pytest.raises(FrameError, match="no components"):
        frame.explicit(S.g_vec)
    with pytest.raises(FrameError, match="position"):
        frame.explicit(Grad(S.B))


def test_differential_operators_at_the_origin():
    position = sp.Matrix([S.X, S.Y, S.Z])
    G = S.field_gradient
    field = sp.Matrix([0, 0, S.B_0]) + G * position
    local = Frame(vectors={S.B_vec: field}, scalars={S.B: sp.sqrt(Dot(S.B_vec, S.B_vec))},
                  position=position)
    assert local.explicit(Grad(S.B)) == G[2, :].T
    assert local.explicit(Div(S.B_vec)) == G.trace()
    assert local.explicit(DirectionalDerivative(S.B_vec, S.B_vec)) == S.B_0 * G[:, 2]


def test_gyro_average_is_exact():
    phi = S.phi
    assert gyro_average(sp.sin(phi)**2, phi) == sp.Rational(1, 2)
    assert gyro_average(sp.sin(phi) * sp.cos(phi), phi) == 0
    assert gyro_average(sp.sin(phi)**2 * sp.cos(phi)**2, phi) == sp.Rational(1, 8)
    assert gyro_average(sp.cos(phi)**4, phi) == sp.Rational(3, 8)
    # not a polynomial in sin, cos: falls back to integration
    assert gyro_average(sp.cos(phi / 2)**2, phi) == sp.Rational(1, 2)


def test_latex_notation():
    from guidingcenter.render import latex
    text = latex(S.m * S.v_perp**2 / (2 * S.q * S.B**3) * Cross(S.B_vec, Grad(S.B)))
    assert r"\vec{B} \times \nabla B" in text and r"v_\perp^{2}" in text
