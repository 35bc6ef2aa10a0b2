"""Breaking long formulas into lines: the width estimate against pdflatex's measure,
lines that fit and lose nothing, and a piece that cannot be broken."""

import re
import subprocess

import pytest
import sympy as sp

from guidingcenter import registry, render
from guidingcenter.linebreak import Unbreakable, break_lines, width


def rendered_cells():
    """Every left side and every right-hand cell the document typesets."""
    cells = set()
    for name in registry.names():
        for rows in render._layout(registry.derivation(name)):
            for left, right in rows:
                cells.update(["{}" + cell for cell in right] + ([left] if left else []))
    return sorted(cells)


def test_the_estimate_is_never_far_below_what_pdflatex_sets(tmp_path, pdflatex):
    # render fills lines to _MEASURE = 0.9 x the text width, so an estimate may fall at
    # most 10 % short of the width pdflatex sets (in display style, as align does)
    cells = rendered_cells()
    body = "\n".join(r"\sbox0{$\displaystyle %s$}\typeout{W%d=\the\wd0}" % (cell, k)
                     for k, cell in enumerate(cells))
    (tmp_path / "w.tex").write_text(
        "\\documentclass[10pt]{article}\n\\usepackage{amsmath,amssymb}\n"
        "\\setcounter{MaxMatrixCols}{20}\n\\begin{document}\n" + body + "\n\\end{document}\n")
    run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error", "w.tex"],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    measured = {int(k): float(w) for k, w in re.findall(r"W(\d+)=([\d.]+)pt", run.stdout)}
    assert len(measured) == len(cells) > 300
    ratios = sorted((width(cell) / measured[k], cell) for k, cell in enumerate(cells)
                    if measured[k] > 30)   # narrow cells: a fixed error is a large ratio
    margin = render._MEASURE / render.TEXT_WIDTH
    assert ratios[0][0] >= margin, ratios[:3]
    # and not so wide that lines break much earlier than they need to
    assert ratios[len(ratios) // 2][0] < 1.06 and ratios[-1][0] < 1.3, ratios[-3:]


def long_component():
    """F_x with the field expanded to second order: about 1200 pt of LaTeX."""
    return registry.derivation("gradb_drift").steps[1].statement.rhs[0]


def test_lines_fit_and_lose_nothing():
    expr = long_component()
    whole = render.latex(expr)
    assert width(whole) > 1000
    lines = break_lines(expr, 300, 280, render.latex)
    assert len(lines) >= 4
    assert width(lines[0]) <= 300 and all(width(line) <= 280 for line in lines[1:])
    for line in lines:   # each line is valid LaTeX on its own: \left and \right pair up
        assert line.count(r"\left") == line.count(r"\right")
    joined = "".join(lines).replace(r"\right.", "").replace(r"\left.", "").replace("{}", "")
    assert joined == whole


def test_breaks_fall_at_the_signs_of_sums_at_any_depth():
    x, y = sp.symbols("x y")
    expr = x * (sum(sp.Symbol(f"a_{k}") for k in range(40)) + y)
    lines = break_lines(expr, 200, 180, render.latex)
    assert lines[0].startswith(r"x \left(a_{0} + ")
    assert all(line.startswith(r"\left.{} + ") for line in lines[1:])
    assert lines[-1].endswith(r"\right)")


def test_a_piece_too_wide_to_break_is_refused_and_shown_shortened():
    inside = sp.sin(sum(sp.Symbol(f"a_{k}") for k in range(60)))   # no sign outside sin
    with pytest.raises(Unbreakable, match="does not fit"):
        break_lines(inside, 300, 280, render.latex)
    assert render._lines(inside, 300) == [render._shortened(inside)]
    assert "JSON output" in render._shortened(inside)


@pytest.mark.parametrize("tex,narrower", [
    (r"\frac{a}{bc}", r"\frac{a}{b}"),                # the wider of numerator and denominator
    (r"a + b", r"ab"),                                 # a binary sign brings its spaces
    (r"\left(\frac{a}{b}\right)", r"\left(ab\right)"), # parentheses grow around a fraction
    (r"\sqrt{x}", r"x"),
])
def test_width_rules(tex, narrower):
    assert width(tex) > width(narrower)


def test_scripts_overlap_and_signs_at_the_start_are_unary():
    assert width(r"x^{2}_{i}") == width(r"x^{2}") < width(r"x^{2}_{ii}")
    assert width("- a") < width("b - a") - width("b")
