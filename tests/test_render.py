"""Renderers: LaTeX (compiles with pdflatex), Markdown, JSON; deterministic output."""

import json
import re
import subprocess

import sympy as sp

from guidingcenter import registry, render
from guidingcenter.vectors import Cross, Grad, VectorSymbol


def all_derivations():
    return [registry.derivation(name) for name in registry.names()]


def test_fragment_has_aligned_steps_with_reasons():
    derivation = registry.derivation("gradb_drift")
    text = render.latex_fragment(derivation)
    assert text.count(r"\intertext{") == len(derivation.steps)
    assert r"\begin{align*}" in text and r"\paragraph{Assumptions.}" in text
    for assumption in derivation.assumptions[:1]:
        assert render.latex_text(assumption) in text


def test_latex_text_escapes_prose_but_keeps_math():
    assert render.latex_text("50% of a_b & $x_1$") == r"50\% of a\_b \& $x_1$"


def compile_twice(folder, text, pdflatex):
    """pdflatex twice (the second pass sets the table of contents); the log's text."""
    (folder / "derivations.tex").write_text(text)
    for _ in range(2):
        run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error",
                              "derivations.tex"], cwd=folder, capture_output=True, text=True)
        assert run.returncode == 0, run.stdout[-2000:]
    return (folder / "derivations.log").read_text(errors="replace")


def overfull(log, tolerance=10.0):
    """The overfull boxes of a pdflatex log that stick out more than ``tolerance`` pt."""
    found = re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\) (.*)", log)
    return [(float(points), where) for points, where in found if float(points) > tolerance]


def test_document_compiles_with_pdflatex_and_fits_the_page(tmp_path, pdflatex):
    log = compile_twice(tmp_path, render.latex_document(all_derivations()), pdflatex)
    assert (tmp_path / "derivations.pdf").stat().st_size > 10_000
    assert overfull(log) == []
    # the second pass filled the table of contents, one line per derivation
    toc = (tmp_path / "derivations.toc").read_text()
    assert toc.count(r"\contentsline {section}") == len(registry.names())


def test_the_page_check_sees_a_formula_run_off_the_page(tmp_path, pdflatex, monkeypatch):
    monkeypatch.setattr(render, "_MEASURE", 10_000.0)   # nothing is broken into lines
    text = render.latex_document([registry.derivation("gradb_drift")])
    found = overfull(compile_twice(tmp_path, text, pdflatex))
    assert found and max(points for points, _ in found) > 500


def test_long_statements_are_broken_and_shown_as_a_physicist_writes_them():
    gradb = render.latex_fragment(registry.derivation("gradb_drift"))
    # the field expanded to second order: by components, each over several lines
    assert "  F_{x} &= q \\left(v_{y} \\left(B_{0} + " in gradb
    assert gradb.count(r"\left.\left.{} + ") >= 6
    dipole = render.latex_fragment(registry.derivation("dipole_field"))
    assert r"r{\left(\lambda \right)} &= r_{eq} \cos^{2}{\left(\lambda \right)}" in dipole
    assert r"\left(\begin{matrix}r{\left(\lambda" not in dipole   # no 1x1 matrix
    period = render.latex_fragment(registry.derivation("drift_period"))
    assert r"\nabla \times \vec{B} &= \vec{0} \\" in period
    # the JSON output keeps every statement whole, on one line
    statement = registry.derivation("gradb_drift").steps[1].statement
    step = render.to_json(registry.derivation("gradb_drift"))["steps"][1]
    assert step["latex"] == f"{render.latex(statement.lhs)} = {render.latex(statement.rhs)}"


def test_markdown_uses_display_math():
    text = render.markdown(registry.derivation("exb_drift"))
    assert text.startswith("## E cross B drift")
    assert text.count("$$") == 2 * len(registry.derivation("exb_drift").steps)
    assert r"$$ \vec{v}_E = \frac{\vec{E} \times \vec{B}}{B^{2}} $$" in text
    long = render.markdown(registry.derivation("gradb_drift"))
    assert r"$$ \begin{aligned} F_{x} &= q \left(v_{y}" in long and "= =" not in long


def test_json_holds_steps_proofs_and_results():
    data = json.loads(render.json_document(all_derivations()))
    gradb = next(d for d in data if d["name"] == "gradb_drift")
    assert {s["proof"]["method"] for s in gradb["steps"]} >= {"given", "computed", "symbolic"}
    result = next(r for r in gradb["results"] if r["name"] == "gradB_drift")
    assert r"\nabla B" in result["latex"]
    namespace = {**vars(sp), "VectorSymbol": VectorSymbol, "Cross": Cross, "Grad": Grad}
    assert eval(result["srepr"], namespace) == registry.result("gradB_drift").statement


def test_output_is_deterministic():
    first = render.latex_document(all_derivations()) + render.json_document(all_derivations())
    second = render.latex_document(all_derivations()) + render.json_document(all_derivations())
    assert first == second


def test_repr_latex_for_jupyter():
    text = registry.derivation("gyration")._repr_latex_()
    assert text.startswith("$$\\begin{aligned}") and r"\omega_c" in text


def test_a_left_side_too_wide_for_its_column_opens_the_right_one():
    # curvature_drift step 10: a 260 pt left side would leave the right sides no room
    derivation = registry.derivation("curvature_drift")
    (name, cells), = render._layout(derivation)[9]
    assert name == "" and len(cells) == 2
    assert cells[0] == render.latex(derivation.steps[9].statement.lhs)
    assert cells[1] == r"\qquad = " + render.latex(derivation.steps[9].statement.rhs)
