"""Renderers: LaTeX (compiles with pdflatex), Markdown, JSON; deterministic output."""

import json
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


def test_document_compiles_with_pdflatex(tmp_path, pdflatex):
    source = tmp_path / "derivations.tex"
    source.write_text(render.latex_document(all_derivations()))
    run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error",
                          source.name], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    assert (tmp_path / "derivations.pdf").stat().st_size > 10_000


def test_markdown_uses_display_math():
    text = render.markdown(registry.derivation("exb_drift"))
    assert text.startswith("## E cross B drift")
    assert text.count("$$") == 2 * len(registry.derivation("exb_drift").steps)


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
