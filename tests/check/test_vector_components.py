r"""Vectors and equations written component by component (src/guidingcenter/check/components.py,
src/guidingcenter/check/latex/components.py).

Forms as textbooks print them: the E x B drift as a component list (Chen, *Introduction to
Plasma Physics*, 2.2; the cross product written out, as in F. Musacchio's space_physics
notes), in a field along z (E_y, -E_x, 0)/B, the gravitational drift (0, -m g/(q B), 0);
the equation of motion component by component (Chen eq. 2-2, Hutchinson eq. 2.8, Bellan
3.1); components of a named drift, (\mathbf{v}_E)_y and v_{E,x}.  Each right form holds
(in axes with z along B, which writing components states) and a wrong one -- a flipped
sign in one component, swapped components, a factor 2, a wrong exponent -- is an erratum.
"""

import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.errors import ParseError
from guidingcenter.check.formula import check_text
from guidingcenter.check.latex.components import AXES
from guidingcenter.check.lookup import Lookup
from guidingcenter.check.parsing import parse_latex, parse_sympy, read
from guidingcenter.vectors import Dot


def verdicts(text, latex=True):
    return check_text(text, latex=latex)


def verdict(text, latex=True):
    return min(verdicts(text, latex), key=lambda v: v.ok)    # a chain: its worst link


def statement(text, latex=True):
    return read(text, latex=latex, lookup=Lookup(open=True))[0].statement


# --- reading -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    r"({}, {}, {})", r"\left({}, {}, {}\right)", r"[{}, {}, {}]", r"\left[ {},\ {},\ {} \right]",
    r"\begin{{pmatrix}} {} & {} & {} \end{{pmatrix}}",
    r"\begin{{pmatrix}} {} \\ {} \\ {} \end{{pmatrix}}"])
def test_a_list_of_three_is_a_column_vector(text):
    value = parse_latex(text.format("E_x", "E_y", "E_z"), lookup=Lookup(open=True))
    assert value == S.E_vec                          # (E_x, E_y, E_z) is E itself
    listed = parse_latex(text.format("q", "B", "m"))
    assert isinstance(listed, sp.MatrixBase) and listed.shape == (3, 1)
    assert list(listed) == [S.q, S.B, S.m]


@pytest.mark.parametrize("text", ["Matrix([q, B, m])", "Matrix([[q], [B], [m]])",
                                  "Matrix([[q, B, m]])", "[q, B, m]"])
def test_sympy_syntax_lists_are_column_vectors(text):
    assert parse_sympy(text) == sp.ImmutableMatrix([S.q, S.B, S.m])


def test_a_pair_is_the_x_and_y_components_and_arguments_stay_arguments():
    assert parse_latex(r"\frac{1}{B}(q, m)").shape == (2, 1)
    # the variables a quantity depends on are read past, as before
    assert statement(r"B(r,\lambda) = \frac{\mu_0 M_E}{4\pi r^3}").lhs == S.B
    assert not isinstance(statement(r"f(x, y) = x").lhs, sp.MatrixBase)
    # components and numbers after a name are a vector, not arguments
    assert statement(r"\mathbf{B} = B(0, 0, 1)").rhs == sp.ImmutableMatrix([0, 0, S.B])


def test_components_of_a_named_vector():
    y = Dot(AXES["y"], S.v_E)
    assert statement(r"(\mathbf{v}_E)_y = -E_x/B").lhs == y
    assert statement(r"\left(\mathbf{v}_E\right)_{y} = -E_x/B").lhs == y
    assert statement(r"v_{E,y} = -E_x/B").lhs == y
    assert statement(r"m\dot v_z = 0").lhs == S.m * Dot(AXES["z"], S.dv_dt)


def test_a_column_meets_a_vector_without_a_traceback():
    total = parse_latex(r"\mathbf{E} + (q, B, m)")
    assert total == sp.ImmutableMatrix([Dot(AXES[a], S.E_vec) for a in "xyz"]) + \
        sp.ImmutableMatrix([S.q, S.B, S.m])
    across = parse_latex(r"\mathbf{E} + (q, B)")          # the x and y components alone
    assert across == sp.ImmutableMatrix([Dot(AXES["x"], S.E_vec) + S.q,
                                         Dot(AXES["y"], S.E_vec) + S.B])
    for text, reason in ((r"(a, b, c, d)", "three components"), (r"(a, )", "empty component"),
                         (r"((a, b), c)", "itself a vector"),
                         (r"\mathbf{E}\times(q, B)", "three components"),
                         (r"(q, B) + (q, B, m)", "different numbers of components"),
                         (r"(1, 2, 3)(4, 5, 6)", "product of two vectors")):
        with pytest.raises(ParseError, match=reason):
            parse_latex(text, lookup=Lookup(open=True))
    with pytest.raises(ParseError, match="brackets are not allowed"):
        parse_sympy("B[0]")


# --- judging vectors by their components -----------------------------------------------------

@pytest.mark.parametrize("right, wrong, kind", [
    # the cross product written out (any axes)
    (r"\mathbf{v}_E = \frac{\mathbf{E}\times\mathbf{B}}{B^2} = (E_y B_z - E_z B_y,\ "
     r"E_z B_x - E_x B_z,\ E_x B_y - E_y B_x)/B^2",
     r"\mathbf{v}_E = \frac{\mathbf{E}\times\mathbf{B}}{B^2} = (E_y B_z - E_z B_y,\ "
     r"E_x B_z - E_z B_x,\ E_x B_y - E_y B_x)/B^2", "component-sign"),
    # in a field along z
    (r"\mathbf{v}_E = \frac{1}{B}(E_y, -E_x, 0)", r"\mathbf{v}_E = \frac{1}{B}(E_y, E_x, 0)",
     "component-sign"),
    (r"\mathbf{v}_E = \frac{1}{B}(E_y, -E_x, 0)", r"\mathbf{v}_E = \frac{1}{B}(E_x, -E_y, 0)",
     "swap"),
    (r"\mathbf{v}_E = \frac{1}{B}(E_y, -E_x, 0)", r"\mathbf{v}_E = \frac{2}{B}(E_y, -E_x, 0)",
     "factor"),
    (r"\mathbf{v}_E = \left[\frac{E_y}{B},\ -\frac{E_x}{B},\ 0\right]",
     r"\mathbf{v}_E = \left[\frac{E_y}{B^2},\ -\frac{E_x}{B^2},\ 0\right]",
     "exponent|extra-factor"),      # B^2 in every component: a factor 1/B too many
    (r"\mathbf{v}_E = \frac{1}{B}\begin{pmatrix} E_y \\ -E_x \\ 0\end{pmatrix}",
     r"\mathbf{v}_E = \frac{1}{B}\begin{pmatrix} -E_y \\ -E_x \\ 0\end{pmatrix}",
     "component-sign"),
    (r"\mathbf{v}_E = \frac{1}{B}(E_y, -E_x)", r"\mathbf{v}_E = \frac{1}{B}(-E_x, E_y)",
     "swap"),
    (r"\mathbf{F} = qB(v_y, -v_x, 0)", r"\mathbf{F} = qB(v_y, v_x, 0)", "component-sign"),
    (r"m(\dot v_x, \dot v_y, \dot v_z) = q(v_y B, -v_x B, 0)",
     r"m(\dot v_x, \dot v_y, \dot v_z) = q(v_x B, -v_y B, 0)", "swap"),
])
def test_a_vector_by_its_components(right, wrong, kind):
    found = verdict(right)
    assert found.verdict == "holds", (right, found)
    assert "components read in axes with z along B" in found.readings or "\\times" in right
    refused = verdict(wrong)
    assert refused.verdict == "erratum", (wrong, refused)
    assert refused.edits[0][0] in kind.split("|"), (wrong, refused.edits, refused.diagnosis)


def test_sympy_syntax_vector_by_components():
    assert verdict("v_E = Matrix([E_y/B, -E_x/B, 0])", latex=False).verdict == "holds"
    wrong = verdict("v_E = Matrix([E_y/B, E_x/B, 0])", latex=False)
    assert wrong.verdict == "erratum" and wrong.edits[0] == ("component-sign", 1)


def test_a_magnitude_in_a_component_list_lies_along_an_axis():
    """(0, -m g/(q B), 0): g along x (B along z) -- the condition names the direction."""
    found = verdict(r"\vec v_D = (0, -\frac{m g}{qB}, 0)")
    assert found.verdict == "holds-with-condition" and found.against == "gravitational_drift"
    assert "g along +x" in found.condition
    assert "E along +x" in verdict(r"\mathbf{v}_E = (0, -E/B, 0)").condition
    for wrong, kind in ((r"\vec v_g = (0, -\frac{2 m g}{qB}, 0)", "factor"),
                        (r"\vec v_g = (0, -\frac{m g}{qB^2}, 0)", "exponent")):
        refused = verdict(wrong)
        assert refused.verdict == "erratum" and refused.edits[0][0] == kind, (wrong, refused)


def test_a_gradient_by_one_component_lies_along_that_axis():
    """Chen's grad-B drift, B = B z-hat varying along y: -(1/2) v_perp r_L (1/B) dB/dy x-hat
    for an ion (two conditions at once: the field's variation and the charge's sign)."""
    along_x = (r"\mathbf{v}_{\nabla B} = \frac{m v_\perp^2}{2qB^2}"
               r"\left(0, \frac{\partial B}{\partial x}, 0\right)")
    found = verdict(along_x)
    assert found.verdict == "holds-with-condition" and "varying along x only" in found.condition
    flipped = verdict(along_x.replace(r"\left(0, ", r"\left(0, -"))
    assert flipped.verdict == "erratum" and flipped.edits[0][0] == "sign"
    chen = (r"\mathbf{v}_{\nabla B} = -\frac{1}{2} v_\perp r_L "
            r"\frac{1}{B}\frac{\partial B}{\partial y}\hat{x}")
    found = verdict(chen)
    assert found.verdict == "holds-with-condition", found
    assert "varying along y only" in found.condition and "q > 0" in found.condition
    wrong = verdict(chen.replace(r"\frac{1}{B}", r"\frac{1}{B^2}"))
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "exponent", wrong


def test_components_print_as_components():
    """x-hat . E prints as E_x (LaTeX E_{x}, v_{E,x}) and reads back the same."""
    value = statement(r"v_{E,y} = -E_x/B + m(\dot v_z)")
    assert sp.sstr(value.rhs) == "m*dv_dt_z - E_x/B"
    printed = sp.latex(value)
    assert "E_{x}" in printed and "v_{E,y}" in printed
    assert statement(printed) == value


# --- component equations --------------------------------------------------------------------

@pytest.mark.parametrize("right, wrong, kind", [
    (r"m\dot v_x = q v_y B", r"m\dot v_x = -q v_y B", "sign"),
    (r"m\dot v_y = -q v_x B", r"m\dot v_y = q v_x B", "sign"),
    (r"m\dot v_y = -q v_x B", r"m\dot v_y = -q v_y B", "symbol"),
    (r"m\dot v_z = 0", r"m\dot v_z = q v_x B", None),
    (r"\dot{v}_x = \frac{q}{m}E_x \pm \omega_c v_y", r"\dot{v}_x = \frac{q}{m}E_x - \omega_c v_y",
     "sign"),
    (r"\frac{dv_y}{dt} = \frac{q}{m}E_y - \omega_c v_x",
     r"\frac{dv_y}{dt} = \frac{q}{m}E_y - \omega_c^2 v_x", "exponent"),
    (r"v_{E,x} = E_y/B", r"v_{E,x} = -E_y/B", "sign"),
    (r"(\mathbf{v}_E)_y = -E_x/B", r"(\mathbf{v}_E)_y = E_x/B", "sign"),
    (r"v_{E,y} = -E_x/B", r"v_{E,y} = -2E_x/B", "factor"),
    (r"v_x = E_y/B", r"v_x = E_x/B", "symbol"),
])
def test_a_component_relation_is_judged_against_that_component(right, wrong, kind):
    found = verdict(right)
    assert found.verdict == "holds", (right, found)
    refused = verdict(wrong)
    assert refused.verdict == "erratum", (wrong, refused)
    if kind is not None:
        edit = refused.edits[0] if isinstance(kind, tuple) else refused.edits[0][0]
        assert edit == kind, (wrong, refused.edits, refused.diagnosis)


def test_component_equations_in_one_display_are_judged_one_by_one():
    display = r"m\dot v_x = q v_y B,\quad m\dot v_y = -q v_x B,\quad m\dot v_z = 0"
    assert [v.verdict for v in verdicts(display)] == ["holds"] * 3
    for joined in (display.replace(",\\quad", "\\quad"),
                   display.replace(",\\quad", r"\quad\mathrm{;}\quad")):
        assert [v.verdict for v in verdicts(joined)] == ["holds"] * 3, joined
    slipped = verdicts(display.replace("= -q v_x B", "= q v_x B"))
    assert [v.verdict for v in slipped] == ["holds", "erratum", "holds"]
    assert slipped[1].edits[0] == ("component-sign", 1)          # of the vector they state
    assert "of the y component" in slipped[1].diagnosis
    alone = verdict(r"m\dot v_y = q v_x B")                      # one relation: its sign
    assert alone.edits[0] == ("sign",)
    chen = (r"\frac{dv_x}{dt} = \frac{q}{m}E_x \pm \omega_c v_y \qquad "
            r"\frac{dv_y}{dt} = 0 \pm \omega_c v_x")
    assert [v.edits[:1] for v in verdicts(chen)] == [(), (("component-sign", 1),)]
    # v_z = const says nothing the toolkit derives: no erratum (it once was the energy's)
    assert all(v.verdict != "erratum" for v in verdicts(
        r"\dfrac{dv_x}{dt}=\omega_c v_y \quad \dfrac{dv_y}{dt}=-\omega_c v_x \quad "
        r"v_z=v_\parallel=const"))


def test_a_gyration_by_its_components():
    right = r"\vec v_\perp = v_\perp(\cos\omega_c t, -\sin\omega_c t)"
    assert verdict(right).verdict == "holds"
    assert verdict(right.replace("-\\sin", "\\sin")).verdict == "erratum"
    full = r"(v_x, v_y, v_z) = (v_\perp\cos(\omega_c t), -v_\perp\sin(\omega_c t), v_\parallel)"
    assert verdict(full).verdict == "holds"
    assert verdict(full.replace("v_\\parallel)", "2v_\\parallel)")).verdict == "erratum"


@pytest.mark.parametrize("text", [
    r"(,)", r"(a,,b)", r"[,a]", r"(\mathbf{E}, \mathbf{B}, 0)", r"(a, b, c)^{(1,2,3)}",
    r"\sqrt{(a, b, c)}", r"\frac{(a,b,c)}{(a,b,c)}", r"|(a, b)|", r"(a, b)\cdot(a, b)",
    r"\mathbf{v}_E = (E_y, -E_x, 0)_{x}", r"(\vec v)_{w} = 1", r"\mathbf{v} = (v_x, v_y)_y",
    r"\mathbf{v}_E = (E_y, -E_x, 0) = (1, 2)", r"\int_0^1 (a, b, c)\, dx",
    r"\sin(a, b, c)", r"\exp[(1, 2, 3)]", r"\vec v = (0, 0, 0)", r"(0, 0, 0) = (0, 0, 0)"])
def test_odd_component_lists_give_a_verdict_or_a_parse_error(text):
    try:
        found = check_text(text)
    except ParseError:
        return
    assert found and all(v.verdict for v in found)
