"""The errata sheet: what it says, that it compiles without overfull boxes, and that it
is the same file from run to run (judgements given as data: no checker needed)."""

import os

import pytest

from guidingcenter.check.documents.report import PdfError, compile_pdf, errata_latex, \
    write_report

LONG = " + ".join(rf"\frac{{m_{{{i}}} v_\perp^{{2}}}}{{2 B^{{3}}}}" for i in range(60))


def row(line, quote, verdict, **fields):
    return {"source": "notes/gyration.md", "line": line, "quote": quote, "verdict": verdict,
            **fields}


JUDGEMENTS = [
    {"source": "notes/gyration.md", "format": "markdown", "fragments": 2,
     "problems": [{"line": 9, "message": "unbalanced $: no closing $ in its paragraph"}],
     "counts": {"holds": 1, "holds-with-condition": 1, "erratum": 2},
     "relations": [
         row(3, r"r_L = \frac{m v_\perp}{2|q|B}", "erratum", diagnosis="constant factor 1/2",
             judged_latex=r"r_L = \frac{m v_\perp}{2 B \left|{q}\right|}",
             corrected=r"r_L = \frac{m v_\perp}{B \left|{q}\right|}", against="gyroradius",
             derivation="gyration", step=9,
             derived=r"r_L = \frac{m v_\perp}{B \left|{q}\right|}"),
         row(5, r"\omega_c = qB/m", "holds"),
         row(7, r"\alpha = \tan^{-1}(v_\perp/v_\parallel)", "holds-with-condition",
             condition="motion along B (v_par > 0)", against="pitch_angle",
             derivation="mirror", step=10,
             derived=r"\alpha = \operatorname{atan}_{2}{\left(v_\perp,v_\parallel \right)}"),
         # a long formula, a quote without spaces, characters TeX must not see raw
         row(11, "x=" + "\\frac{a}{b}" * 40 + " % # & _ ^ ~ $ { } \\ < > | \"קבוע\"",
             "erratum", diagnosis="wrong sign of the term m_0 (100% off) & more",
             judged_latex=LONG, corrected=LONG, against="gradB_drift",
             derivation="gradb_drift", step=20, derived=LONG)]},
    {"source": "broken.bin", "error": "a binary file, not a document (NUL bytes); not read"},
]


def test_what_the_sheet_says():
    tex = errata_latex(JUDGEMENTS)
    assert tex.startswith(r"\documentclass") and tex.rstrip().endswith(r"\end{document}")
    errata = tex.index(r"\section*{Errata: gyration.md, broken.bin}")
    conditional = tex.index(r"\section*{Formulas that hold only under a condition}")
    counts = tex.index(r"\section*{Counts}")
    assert errata < conditional < counts
    first = tex[errata:conditional]
    assert r"\subsection*{notes/gyration.md, line 3}" in first
    assert r"\field{What is wrong:}constant factor 1/2" in first
    assert r"\field{Corrected:}\formula{r_L = \frac{m v_\perp}{B \left|{q}\right|}}" in first
    assert r"the derived result gyroradius (derivation gyration, step 9)" in first
    assert r"\texttt{r\_\allowbreak{}L" in first         # the quote, verbatim
    assert r"\omega_c" not in first                      # holds: not an erratum
    assert r"\%" in first and r"\#" in first and "[U+05E7]" in first
    assert "Holds only for:}motion along B (v\\_par \\textgreater{} 0)" in \
        tex[conditional:counts]
    assert (r"\item notes/gyration.md: 4 relations: 1 holds, 1 holds-with-condition, "
            r"2 errata (2 fragments skipped)") in tex[counts:]
    assert r"\item broken.bin: not read" in tex[counts:]
    assert r"\item notes/gyration.md, line 9: unbalanced \$" in tex[counts:]
    assert "2 errata in 4 relations" in tex


def test_sheet_compiles_without_overfull_boxes_and_is_reproducible(tmp_path, pdflatex):
    first, second = tmp_path / "a", tmp_path / "b"
    outputs = []
    for folder in (first, second):
        written, overfull = write_report(JUDGEMENTS, str(folder / "errata.tex"))
        assert written == [str(folder / "errata.tex"), str(folder / "errata.pdf")]
        assert overfull == []
        outputs.append([(folder / name).read_bytes() for name in ("errata.tex", "errata.pdf")])
        assert sorted(os.listdir(folder)) == ["errata.pdf", "errata.tex"]   # no leftovers
    assert outputs[0] == outputs[1]


def test_the_overfull_check_can_fail(tmp_path, pdflatex):
    tex = tmp_path / "wide.tex"
    tex.write_text("\\documentclass{article}\\begin{document}\\noindent\\hbox to 30cm{x}"
                   "\\end{document}\n")
    pdf, overfull = compile_pdf(str(tex))
    assert os.path.exists(pdf) and overfull and overfull[0].startswith("Overfull \\hbox")
    tex.write_text("\\documentclass{article}\\begin{document}\\undefinedcommand"
                   "\\end{document}\n")
    with pytest.raises(PdfError, match=r"pdflatex failed on .*wide.tex: ! Undefined control"):
        compile_pdf(str(tex))


def test_report_name_must_end_in_tex(tmp_path):
    with pytest.raises(ValueError, match="must end in .tex"):
        write_report(JUDGEMENTS, str(tmp_path / "errata.pdf"))
    written, _ = write_report([], str(tmp_path / "none.tex"), pdf=False)
    assert written == [str(tmp_path / "none.tex")]
    assert "No erratum was found." in (tmp_path / "none.tex").read_text()
