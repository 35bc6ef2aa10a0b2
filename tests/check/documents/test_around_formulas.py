r"""Habits of lecture notes around a formula: a field at a point written with a space
(``B \ (0,z)``), the prose's brackets and glosses around a formula (``\alpha = 90^\circ
\text{ (i.e., } v_\parallel = 0\text{)}``).  Each with a variant of our own and a
planted wrong form that must be refused."""

import pytest

from guidingcenter.check.documents.extract import extract
from guidingcenter.check.documents.formulas import number_with_unit, split_relations
from guidingcenter.check.documents.verify import verify_text
from guidingcenter.check.errors import ParseError
from guidingcenter.check.formula import check_text


def verdicts(text):
    return [(row.relation.quote, row.verdict.verdict) for row in verify_text(text, "n.md").rows]


# --- a field at a point, typed with a space ------------------------------------------------

@pytest.mark.parametrize("latex", [
    # the note's spelling: "\ " before the point, on the axis (0, z)
    r"F_{z} \approx -\frac{m \ v_{\theta}^{2}}{2 \ B \ (0,z)} \frac{\partial B \ (0,z)}"
    r"{\partial z}",
    # a variant: the point (r, z) with a "~", the moment written out
    r"F_z = -\frac{m v_\perp^2}{2 B~(r, z)} \frac{\partial B~(r, z)}{\partial z}",
])
def test_a_field_at_a_point_typed_with_a_space_is_the_field(latex):
    assert [v.verdict for v in check_text(latex)] == ["holds"]


def test_a_field_at_a_point_with_a_wrong_factor_is_refused():
    wrong = r"F_z = -\frac{m v_\perp^2}{B \ (0,z)} \frac{\partial B \ (0,z)}{\partial z}"
    verdict, = check_text(wrong)
    assert (verdict.verdict, verdict.diagnosis) == ("erratum", "constant factor 2")


def test_a_spaced_parenthesis_that_is_not_a_point_stays_a_product():
    # B \ (1 + 1): one argument, an expression (a factor 2); B \ (1, 2): numbers only, no
    # coordinate (a vector, compared with a scalar)
    verdict, = check_text(r"\omega_c = \frac{q}{m} B \ (1 + 1)")
    assert (verdict.verdict, verdict.diagnosis) == ("erratum", "constant factor 2")
    verdict, = check_text(r"\omega_c = \frac{q}{m} B \ (1, 2)")
    assert verdict.verdict == "not-checkable" and "a vector" in verdict.reason


# --- the prose's brackets and glosses --------------------------------------------------------

def test_words_between_two_statements_separate_them_for_the_values_read():
    pieces = split_relations(r"\alpha = 90^\circ \text{ (i.e., } v_{\parallel} = 0\text{)}")
    assert [[side.strip() for side, _ in piece] for piece in pieces] == \
        [[r"\alpha", r"90^\circ"], [r"v_{\parallel}", r"0\text{)}"]]
    assert number_with_unit(r"0\text{)}")[0] == 0.0
    # a unit in \text is no prose: W = 1 \text{ keV} stays one statement
    assert len(split_relations(r"W = 1 \text{ keV}, \mu = \text{const}")) == 2


@pytest.mark.parametrize("text", [
    r"$$\alpha = 90^\circ \text{ (i.e., } v_{\parallel} = 0\text{)}$$",     # the note's
    r"$$\alpha = 90^\circ \quad \text{(that is, when } v_\parallel = 0 \text{).}$$",
])
def test_a_value_glossed_by_its_condition_is_judged_with_it(text):
    assert verdicts(text) == [(text.split("$$")[1].split(r" \text")[0].split(r" \quad")[0],
                               "holds")]


@pytest.mark.parametrize("text", [
    r"$$\alpha = 60^\circ \text{ (i.e., } v_{\parallel} = 0\text{)}$$",
    r"$$\alpha = 45^\circ \quad \text{(that is, when } v_\parallel = 0 \text{).}$$",
])
def test_a_value_that_contradicts_its_gloss_is_refused(text):
    assert [verdict for _, verdict in verdicts(text)] == ["erratum"]


def test_a_statement_after_a_gloss_word_that_is_no_plain_value_is_still_judged():
    relations = extract(r"$$\omega_c = qB/m \text{ for } r_L = v_\perp/\omega_c$$",
                        "n.md").relations
    assert [r.quote for r in relations] == [r"\omega_c = qB/m", r"r_L = v_\perp/\omega_c"]


# --- a value glossed by a vector along or across B ------------------------------------------

PITCH = ("Pitch angle\n\n$$\\alpha = FIRST$$\n: $\\vec{v} \\parallel \\vec{B}$, "
         "$\\alpha = SECOND$: $\\vec{v} \\perp \\vec{B}$\n")


def test_a_pitch_angle_glossed_by_v_along_or_across_b_holds():
    text = PITCH.replace("FIRST", "0^o").replace("SECOND", "90^o")     # the note's
    assert [verdict for _, verdict in verdicts(text)] == ["holds", "holds"]


def test_a_gloss_in_bold_with_the_unit_vector_b_and_degrees():
    # a variant: \mathbf{v} \perp \hat{b} after "i.e.", the angle in \circ
    text = r"At the mirror point $\alpha = 90^\circ$, i.e. $\mathbf{v} \perp \hat{b}$." "\n"
    assert verdicts(text) == [(r"\alpha = 90^\circ", "holds")]


@pytest.mark.parametrize("text", [
    PITCH.replace("FIRST", "90^o").replace("SECOND", "0^o"),        # the glosses swapped
    PITCH.replace("FIRST", "45^o").replace("SECOND", "45^o"),
])
def test_a_pitch_angle_that_contradicts_its_gloss_is_refused(text):
    assert [verdict for _, verdict in verdicts(text)] == ["erratum", "erratum"]


# --- the gradient of the field vector, read as the gradient of its strength ----------------

def test_the_gradient_of_the_field_vector_is_the_gradient_of_its_strength():
    # Chen's grad-B drift written with \nabla \vec{B}: the only vector it can be is grad|B|
    right = r"\vec{v}_{\nabla B} = \frac{m v_\perp^2}{2 q B^3} \vec{B} \times \nabla \vec{B}"
    assert [v.verdict for v in check_text(right)] == ["holds"]
    verdict, = check_text(right.replace("B^3", "B^2"))
    assert verdict.verdict == "erratum"


# --- an integral printed without its differential ------------------------------------------

BOUNCE = (r"\tau_b = FACTOR \frac{r_{eq}}{v} \int_0^{\lambda_m} \frac{\cos \lambda \sqrt{1 + 3 "
          r"\sin^2 \lambda}}{\sqrt{1 - \sin^2\alpha_{eq} \sqrt{1 + 3\sin^2\lambda}/\cos^6\lambda}}")


def test_an_integral_without_its_differential_integrates_over_the_limit_s_variable():
    # note 004 prints the bounce integral with no d lambda; here the same in fractions
    assert [v.verdict for v in check_text(BOUNCE.replace("FACTOR", "4"))] == ["holds"]
    verdict, = check_text(BOUNCE.replace("FACTOR", "2"))
    assert (verdict.verdict, verdict.diagnosis) == ("erratum", "constant factor 1/2")


def test_an_integral_whose_variable_the_limit_does_not_name_still_needs_its_differential():
    with pytest.raises(ParseError, match="expected d<variable>"):
        check_text(r"\tau_b = \int_0^{L} \cos \lambda")
