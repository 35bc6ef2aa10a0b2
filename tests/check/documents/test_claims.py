r"""Claims made in words ("the E x B drift has the same direction for electrons and ions",
"westward for ions"): found in English and German prose, judged against the derived
results -- and the wrong claims refused."""

import pytest

from guidingcenter.check.documents.claims import find_claims, judge_claim
from guidingcenter.check.documents.verify import verify_text


def claims(text):
    return [(c.kind, c.subject, c.says, c.charge, text[c.start:c.end]) for c in find_claims(text)]


def verdicts(text):
    return [(text[c.start:c.end], judge_claim(c).verdict) for c in find_claims(text)]


@pytest.mark.parametrize("text, subject, says", [
    ("The E x B drift has the same direction for electrons and ions.", "ExB_drift", "same"),
    (r"The $\mathbf{E}\times\mathbf{B}$ drift is in the same direction for ions and electrons.",
     "ExB_drift", "same"),
    ("Die Gradientendrift hat entgegengesetzte Richtung für Elektronen und Ionen.",
     "gradB_drift", "opposite"),
    ("Protons and electrons gyrate in opposite directions.", "gyration_sense", "opposite"),
    ("The curvature drift: opposite directions for ions and electrons.", "curvature_drift",
     "opposite"),
])
def test_a_comparison_of_the_two_charges_is_found_with_its_quantity(text, subject, says):
    (kind, found, said, _, quote), = claims(text)
    assert (kind, found, said) == ("charges", subject, says)
    assert quote in text


def test_the_quantity_may_stand_in_a_heading_before_the_claim():
    text = "Drift currents\n\n $\\vec{E} \\times \\vec{B}$ -drift:\n\nsame direction for " \
           "electrons and\n\nions \\rightarrow no current.\n"
    (kind, subject, says, _, quote), = claims(text)
    assert (subject, says) == ("ExB_drift", "same")
    assert quote == "same direction for electrons and\n\nions"      # across the blank line


@pytest.mark.parametrize("text", [
    "Electrons and ions have the same temperature.",            # no direction
    "The same direction for electrons and ions.",               # no quantity named
    "The drifts are different for electrons and ions, except the same E x B drift.",  # both
    "Electrons and ions are heated in the same direction as before: see the E x B drift.",
])
def test_no_claim_without_a_direction_a_quantity_or_with_both_comparisons(text):
    assert claims(text) == []


def test_a_true_comparison_holds_and_a_false_one_is_refused():
    assert verdicts("The E x B drift has the same direction for electrons and ions.") == [
        ("same direction for electrons and ions", "holds")]
    assert verdicts("The grad-B drift has opposite directions for electrons and ions.") == [
        ("opposite directions for electrons and ions", "holds")]
    assert verdicts("Ions and electrons gyrate in the same direction.") == [
        ("Ions and electrons gyrate in the same direction", "erratum")]
    (_, wrong), = verdicts("The E x B drift has opposite directions for electrons and ions.")
    assert wrong == "erratum"
    claim, = find_claims("The polarization drift is the same for ions and electrons in "
                         "direction.")
    verdict = judge_claim(claim)
    assert verdict.verdict == "erratum" and "opposite" in verdict.diagnosis
    assert verdict.against == "polarization_drift"


def test_compass_directions_of_the_drift_per_particle():
    text = "The gradient-curvature drift is westward for ions and eastward for electrons."
    assert claims(text) == [
        ("compass", "drift_frequency", "west", 1, "westward for ions"),
        ("compass", "drift_frequency", "east", -1, "eastward for electrons")]
    assert [v for _, v in verdicts(text)] == ["holds", "holds"]
    swapped = "Die Driftbewegung ist ostwärts für Ionen und westwärts für Elektronen."
    found = [judge_claim(c) for c in find_claims(swapped)]
    assert [v.verdict for v in found] == ["erratum", "erratum"]
    assert "westward, not eastward" in found[0].diagnosis
    assert find_claims("The wind blows eastward for ions of the upper atmosphere.") == []


def test_verify_gives_a_row_per_claim_in_the_order_of_the_text():
    text = ("# Drifts\n\nThe drift $v_E = E/B$ in crossed fields.\n"
            "The E x B drift has the same direction for electrons and ions.\n"
            "The grad-B drift has the same direction for electrons and ions.\n")
    judged = verify_text(text, "drifts.md")
    rows = [(r.kind, r.relation.line, r.verdict.verdict) for r in judged.rows]
    assert rows == [("formula", 3, rows[0][2]), ("claim", 4, "holds"), ("claim", 5, "erratum")]
    row = judged.rows[2]
    assert text[row.relation.start:row.relation.end] == row.relation.quote
    assert row.as_json()["kind"] == "claim" and row.as_json()["against"] == "gradB_drift"


def test_what_a_quantity_depends_on():
    german = "Die geographische Breite des Umkehrpunkts hängt nur von α und nicht von L ab."
    (kind, subject, says, _, quote), = claims(german)
    assert (kind, subject, says) == ("depends", "lambda_m", "alpha not L")
    assert quote == "Breite des Umkehrpunkts hängt nur von α und nicht von L"
    english = "The mirror latitude depends only on the equatorial pitch angle, not on L."
    assert verdicts(german)[0][1] == verdicts(english)[0][1] == "holds"
    claim, = find_claims("The loss cone angle depends only on $\\alpha$, not on $L$.")
    verdict = judge_claim(claim)
    assert verdict.verdict == "erratum" and "depends on L" in verdict.diagnosis
    claim, = find_claims("The bounce period depends only on the pitch angle, not on L.")
    assert judge_claim(claim).verdict == "not-checkable"      # it depends on L, v, R_E
