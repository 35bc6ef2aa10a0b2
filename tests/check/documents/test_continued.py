r"""How a document's formulas are read beyond one relation: an expression displayed on its
own after an equation continues it; a chain whose slip is in an earlier link; a field
written at a point, ``\vec{E}(\vec{x}_\text{gc})``.  Each with a wrong variant refused."""

from guidingcenter.check.documents.extract import extract
from guidingcenter.check.documents.verify import verify_text

MIRROR = (r"The particle mirrors where" "\n\n"
          r"$$\sin^2 \alpha_{eq} = \frac{B_{eq}}{B_m}$$" "\n\n"
          r"$$\frac{\cos^{EXPONENT} \lambda_m}{(1 + 3\sin^2 \lambda_m)^{1/2}}$$" "\n\n"
          "which does not depend on L.\n")


def rows(text, source="notes.md"):
    return [(row.relation.quote, row.verdict.verdict, row.verdict.diagnosis)
            for row in verify_text(text, source).rows]


def test_an_expression_displayed_alone_continues_the_equation_before_it():
    text = MIRROR.replace("EXPONENT", "6")
    relations = extract(text, "notes.md").relations
    assert [r.quote for r in relations][1] == \
        r"\frac{\cos^{6} \lambda_m}{(1 + 3\sin^2 \lambda_m)^{1/2}}"
    assert relations[1].latex.startswith(r"\frac{B_{eq}}{B_m} = \frac{\cos^{6}")
    assert [verdict for _, verdict, _ in rows(text)] == ["holds", "holds"]


def test_a_continued_expression_with_a_wrong_exponent_is_refused():
    (_, first, _), (_, second, diagnosis) = rows(MIRROR.replace("EXPONENT", "3"))
    assert (first, second) == ("holds", "erratum")
    assert diagnosis == "wrong exponent: cos(lambda_m)**3 where cos(lambda_m)**6 is right"


def test_a_lone_name_or_words_after_an_equation_are_not_a_continuation():
    text = ("$$\\omega_c = \\frac{qB}{m}$$\n\n$$v_\\perp$$\n\n"
            "$$\\text{for every particle}$$\n")
    document = extract(text, "notes.md")
    assert [r.quote for r in document.relations] == [r"\omega_c = \frac{qB}{m}"]
    assert document.fragments == 2


def test_a_link_that_holds_is_not_blamed_for_a_slip_in_an_earlier_link():
    # the first link doubles the moment; the last one, B dmu/dt = 0, is right as printed
    text = (r"$$\frac{d}{dt}\left(\mu B\right) = 2 B \frac{d\mu}{dt} = B \frac{d\mu}{dt}"
            r" = 0$$" "\n")
    found = rows(text)
    assert found[-1][:2] == (r"B \frac{d\mu}{dt} = 0", "holds")


def test_a_wrong_last_link_is_still_an_erratum():
    found = rows(r"$$r_L = \frac{v_\perp}{|\omega_c|} = \frac{m v_\perp}{2|q|B}$$" "\n")
    assert found[0][1].startswith("holds") and found[1][1] == "erratum"
    assert found[1][2] == "constant factor 1/2"


def test_a_field_at_a_point_is_the_field_there():
    text = (r"The drift of the force is $\vec{v}_F = \frac{\vec{F}\times\vec{B}(\vec{x}_\text{gc})}"
            r"{qB^2}$ and with a slip $\vec{v}_F = \frac{\vec{B}(\vec{x}_\text{gc})\times"
            r"\vec{F}}{qB^2}$; the E x B drift $\vec{v}_E = \frac{\mathbf{E}(\mathbf{r})\times"
            r"\vec{B}}{B^2}$.")
    found = rows(text)
    assert [v for _, v, _ in found] == ["holds", "erratum", "holds"]
    assert "sign" in found[1][2]
