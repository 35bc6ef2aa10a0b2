r"""A law of motion with a force added to the Lorentz force, each part judged on its own
(:mod:`guidingcenter.check.force_sum`), each right form beside planted wrong ones.

Sources: Bellan, *Fundamentals of Plasma Physics*, eq. 3.65 (the guiding centre's law of
motion with q<v_L x (r_L . grad) B>); the English derivation notes (002) sec. 01, lines 35
and 65 (the same with v_gc and B(x_gc)); Chen, *Introduction to Plasma Physics*, sec. 2.3
(m dv/dt = q(E + v x B) + F, the force -mu grad B; the curvature force m v_par^2 R_c/R_c^2).
"""

import pytest

from guidingcenter.check.formula import check_text

GUIDING_CENTRE = (r"m\frac{d\vec{v}_\text{gc}}{dt} = q\left[\vec{E}(\vec{x}_\text{gc})+ "
                  r"\vec{v}_\text{gc}\times\vec{B}(\vec{x}_\text{gc}) + \langle\vec{v}_L\times"
                  r"(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})\rangle\right]")


def worst(text):
    return min(check_text(text, budget=60), key=lambda v: v.ok)


@pytest.mark.parametrize("right, wrong, diagnosis", [
    (GUIDING_CENTRE, GUIDING_CENTRE.replace(r"+ \langle", r"- \langle"),
     "in the force added: flipped sign"),
    (GUIDING_CENTRE, GUIDING_CENTRE.replace(r"\vec{v}_\text{gc}\times", r"2\vec{v}_\text{gc}"
                                            r"\times"), "in the Lorentz force"),
    (r"m\frac{d\vec v}{dt} = q(\vec E + \vec v\times\vec B) - \mu\nabla B",
     r"m\frac{d\vec v}{dt} = q(\vec E + \vec v\times\vec B) + \mu\nabla B",
     "in the force added: flipped sign"),
    (r"m\frac{d\vec v}{dt} = q\vec v\times\vec B + \frac{m v_\parallel^2}{R_c^2}\vec R_c",
     r"m\frac{d\vec v}{dt} = q\vec v\times\vec B + \frac{m v_\parallel}{R_c^2}\vec R_c",
     "dimensionally inconsistent"),                                   # an exponent lost
])
def test_the_lorentz_law_with_a_force_added(right, wrong, diagnosis):
    found = worst(right)
    assert found.ok, (found.verdict, found.diagnosis, found.reason)
    assert "lorentz_force" in found.against and " + " in found.against
    found = worst(wrong)
    assert found.verdict == "erratum" and diagnosis in found.diagnosis, found.diagnosis


def test_any_force_added():
    """m dv/dt = q(E + v x B) + F (any force F): the general law; -F is a flipped sign."""
    found = worst(r"m\frac{d\mathbf{v}}{dt} = q(\mathbf{E} + \mathbf{v}\times\mathbf{B}) "
                  r"+ \mathbf{F}")
    assert found.verdict == "holds" and "force_equation_of_motion" in found.against
    found = worst(r"m\frac{d\mathbf{v}}{dt} = q(\mathbf{E} + \mathbf{v}\times\mathbf{B}) "
                  r"- \mathbf{F}")
    assert found.verdict == "erratum" and found.edits[0][0] == "term-sign"
