r"""A gyration written with complex exponentials, "the real part is understood", each right
form beside planted wrong ones that must be refused with the right diagnosis.

Sources: Chen, *Introduction to Plasma Physics*, sec. 2.2.1, eqs. 2-8 to 2-10
(v_x = v_perp e^{i omega_c t}, v_y = +-i v_perp e^{i omega_c t}, x - x_0 = -i (v_perp/omega_c)
e^{i omega_c t}); the German lecture (004) sec. 2 (lines 125-133, 168); Bellan,
*Fundamentals of Plasma Physics*, sec. 3.2 (the complex form of the orbit with
``\mathrm{i}``).  With omega_c = qB/m signed (the toolkit's), v_y = +i v_x for either charge.
"""

import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.complex_orbit import (ROTATION, flip_i, imaginary, is_complex,
                                               real_part)
from guidingcenter.check.formula import check_text
from guidingcenter.check.lookup import Lookup
from guidingcenter.check.parsing import read

W = sp.Symbol("W", real=True)


def verdicts(text):
    return check_text(text, budget=60)


def worst(text):
    return min(verdicts(text), key=lambda v: v.ok)


# --- reading i ----------------------------------------------------------------------------

def statement(text):
    return read(text, lookup=Lookup(open=True))[0].statement


def test_i_is_the_imaginary_unit_only_in_an_imaginary_exponent():
    assert imaginary(statement(r"v_x = v_\perp e^{i\omega_c t}")).rhs.has(sp.I)
    assert imaginary(statement(r"v_x = v_\perp \exp(\mathrm{i}\omega_c t)")).rhs.has(sp.I)
    # j: only in an exponent with the time (j is also a current density)
    assert imaginary(statement(r"v_x = v_\perp e^{j\omega_c t}")).rhs.has(sp.I)
    assert not is_complex([statement(r"j = n q v")])
    # i as an index, no exponential: not read
    assert imaginary(statement(r"W_i = W_e")) is None
    assert not is_complex([statement(r"v_i = v_\perp")])


def test_the_real_part_with_every_symbol_real():
    assert sp.simplify(real_part(-sp.I * W * sp.exp(sp.I * S.omega_c * S.t))
                       - W * sp.sin(S.omega_c * S.t)) == 0
    assert sp.simplify(real_part(sp.exp(sp.I * (S.omega_c * S.t + sp.pi / 2)))
                       + sp.sin(S.omega_c * S.t)) == 0


def test_flipping_i_keeps_the_exponentials():
    expr = sp.I * W * sp.exp(sp.I * S.omega_c * S.t)
    assert flip_i(expr) == -expr


# --- judged --------------------------------------------------------------------------------

NOTE_004 = [
    # line 125-127: the velocity, the chain through (m/qB) dv_x/dt = i v_x
    r"v_x = v_{\perp} \exp(i\omega_c t)",
    r"v_y = \frac{m}{qB}\dot{v}_x = iv_x = v_\perp \exp\left(i\omega_c t + i\frac{\pi}{2}\right)",
    # line 131-133: the position, C = 0
    r"x = \frac{v_\perp}{i\omega_c} \exp\left(i\omega_c t\right) = "
    r"\frac{v_\perp}{\omega_c} \exp\left(i\omega_c t - i\frac{\pi}{2}\right)",
    r"y = \frac{v_{\perp}}{\omega_c} \exp\left(i\omega_c t\right)",
]

CHEN = [
    r"v_x = v_\perp e^{i\omega_c t}",
    r"v_y = i v_\perp e^{i\omega_c t}",
    r"x - x_0 = -i\frac{v_\perp}{\omega_c} e^{i\omega_c t}",
    r"y - y_0 = \frac{v_\perp}{\omega_c} e^{i\omega_c t}",
    r"x = \frac{v_x}{i\omega_c}, \quad v_x = v_\perp e^{i\omega_c t}",   # integrating v_x
]

BELLAN = [
    r"v_x = v_\perp \exp(\mathrm{i}\omega_c t + \mathrm{i}\delta)",
    r"v_y = \mathrm{i} v_\perp \exp(\mathrm{i}\omega_c t + \mathrm{i}\delta)",
]


@pytest.mark.parametrize("text", NOTE_004 + CHEN + BELLAN)
def test_a_complex_orbit_that_is_right_holds(text):
    found = verdicts(text)
    assert all(v.verdict == "holds" for v in found), [(v.verdict, v.diagnosis) for v in found]
    assert any(v.against in ("larmor_velocity", "larmor_orbit") for v in found)
    assert any("imaginary unit" in r for v in found for r in v.readings)


@pytest.mark.parametrize("wrong", [
    r"v_y = -i v_\perp e^{i\omega_c t}",                          # Chen's -i is q < 0
    r"x - x_0 = i\frac{v_\perp}{\omega_c} e^{i\omega_c t}",
    r"x = \frac{v_x}{-i\omega_c}, \quad v_x = v_\perp e^{i\omega_c t}",
    r"v_y = -\mathrm{i} v_\perp \exp(\mathrm{i}\omega_c t + \mathrm{i}\delta)",
])
def test_a_wrong_sign_of_i_is_named_as_the_wrong_sense_of_rotation(wrong):
    found = worst(wrong)
    assert found.verdict == "erratum" and found.diagnosis == ROTATION


@pytest.mark.parametrize("wrong, diagnosis", [
    (r"v_x = 2v_\perp e^{i\omega_c t}", "factor 2"),
    (r"x - x_0 = -i\frac{v_\perp}{2\omega_c} e^{i\omega_c t}", "factor 2"),
    (r"x - x_0 = -i v_\perp e^{i\omega_c t}", "dimensionally inconsistent"),  # no omega_c
    # a quarter turn the wrong way in the phase (i v_x = -i v_perp e^{i omega_c t})
    (r"iv_x = v_\perp \exp\left(i\omega_c t - i\frac{\pi}{2}\right)", "differs"),
    (r"y - y_0 = \frac{v_\perp}{\omega_c} e^{i t}", "dimensionally inconsistent"),
])
def test_a_wrong_amplitude_or_frequency_is_refused(wrong, diagnosis):
    found = worst(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis
    assert ROTATION not in found.diagnosis


def test_the_note_with_an_electric_field_is_an_erratum():
    """004 line 168: the drift term -E_x/R (R undefined; the drift is -E_x/B along y)."""
    found = verdicts(r"v_x = v_{\perp} \exp(i\omega_c t), \quad v_y = iv_{\perp} "
                     r"\exp(i\omega_c t) - \frac{E_x}{R}")
    assert [v.verdict for v in found] == ["holds", "erratum"]


# --- real coordinates combined with i ----------------------------------------------------

@pytest.mark.parametrize("right, wrong, diagnosis", [
    # NPTEL, Electromagnetism, lecture 13 (v_x = u_x cos omega_c t, v_y = -u_x sin omega_c t,
    # x = x_0 + (u_x/omega_c) sin, y = y_0 + (u_x/omega_c) cos) combined as one complex number
    (r"v_x + i v_y = v_\perp e^{-i\omega_c t}", r"v_x + i v_y = v_\perp e^{i\omega_c t}",
     ROTATION),
    (r"v_x + i v_y = v_\perp e^{-i\omega_c t}", r"v_x + i v_y = 2v_\perp e^{-i\omega_c t}",
     "differs"),
    (r"x + i y = i\frac{v_\perp}{\omega_c} e^{-i\omega_c t}",
     r"x + i y = -i\frac{v_\perp}{\omega_c} e^{-i\omega_c t}", "differs"),
])
def test_the_complex_velocity_of_real_coordinates(right, wrong, diagnosis):
    found = worst(right)
    assert found.verdict == "holds" and "real coordinates combined with i" in found.note
    found = worst(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis


def test_a_coordinate_in_an_exponent_is_not_a_complex_orbit():
    from guidingcenter.check.complex_orbit import complex_relation
    assert complex_relation(imaginary(statement(r"x = e^{i x}"))) is None
