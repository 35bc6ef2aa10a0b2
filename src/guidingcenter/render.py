"""Renderers: LaTeX (fragment, standalone document, Jupyter), Markdown, JSON.

Every renderer is a pure function of :class:`~guidingcenter.engine.Derivation`
data; the output is deterministic (no dates, sorted keys), so the same
derivations give byte-identical files.  Reasons may contain inline math
between ``$...$``; the text around it is escaped for LaTeX.

In the documents a statement too wide for the page is broken into lines
(:mod:`guidingcenter.linebreak`): a column vector into its components, each
component at the signs of its sums; a piece that still does not fit is shown
shortened, and the JSON output always holds every statement whole.  A 1x1
matrix is shown as the scalar it holds, a zero vector as :math:`\\vec{0}`.
"""

import json
import re

import sympy as sp

from guidingcenter.linebreak import Unbreakable, break_lines, width
from guidingcenter.symbols import LATEX_NAMES

__all__ = [
    "latex", "latex_fragment", "latex_document", "latex_display", "markdown",
    "markdown_document", "to_json", "json_document",
]

_PROOF_WORDS = {
    "given": "given", "definition": "definition", "imported": "imported",
    "computed": "computed", "symbolic": "proved symbolically", "numeric": "proved numerically",
}


#: The \textwidth of :func:`latex_document` in points: letter paper (614.3 pt) less two
#: 2 cm margins.
TEXT_WIDTH = 500.0
# Lines are filled to 90 % of the text width: the width estimate is up to 8 % narrow
# on some formulas (tests/test_linebreak.py compares it with pdflatex's measure).
_MEASURE = 0.9 * TEXT_WIDTH
_EQUALS = width("{}={}")          # an = sign with its spaces
_INDENT_TEX = r"\qquad"           # continuation lines start this far right of the = sign
_INDENT = width(_INDENT_TEX)


def latex(expr):
    """LaTeX for one expression, with the project's symbol names."""
    return sp.latex(expr, symbol_names=LATEX_NAMES, mat_delim="(")


def _sides(statement):
    if isinstance(statement, sp.Equality):
        return latex(statement.lhs), latex(statement.rhs)
    return "", latex(statement)


def _unwrapped(side):
    """A 1x1 matrix as the scalar it holds."""
    return side[0] if isinstance(side, sp.MatrixBase) and side.shape == (1, 1) else side


def _shown(side):
    """LaTeX for one side of a statement as a physicist writes it."""
    side = _unwrapped(side)
    if isinstance(side, sp.MatrixBase) and side.shape[1] == 1 and side.is_zero_matrix:
        return r"\vec{0}"
    return latex(side)


def _rows(statement, left, right):
    """The statement as rows ``(lhs, [cell, ...])`` of an alignment: the left side goes
    in the left column if it is at most ``left`` points wide, and every cell of the
    right column is at most ``right`` points wide.  A statement is whole if it fits,
    else a column vector goes by components and each side is broken at the signs of
    its sums; a left side too wide for its column opens the right column instead,
    with ``=`` and the right side on the lines below it."""
    lhs, rhs = ((statement.lhs, statement.rhs) if isinstance(statement, sp.Equality)
                else (None, statement))
    if lhs is None:
        return [("", _lines(rhs, right))]
    name, whole = _shown(lhs), _shown(rhs)
    if width(name) <= left and width(whole) <= right - _EQUALS:
        return [(name, ["= " + whole])]
    rhs = _unwrapped(rhs)
    if isinstance(rhs, sp.MatrixBase) and rhs.shape[1] == 1 and rhs.shape[0] > 1:
        pairs = [(_component(lhs, i, rhs.shape[0]), element) for i, element in enumerate(rhs)]
    else:
        pairs = [(name, rhs)]
    rows = []
    for name, side in pairs:
        if width(name) <= left:
            first, *rest = _lines(side, right - _EQUALS)
            rows.append((name, ["= " + first, *rest]))
        else:
            named = _lines(_unwrapped(lhs), right) if len(pairs) == 1 else [name]
            first, *rest = _lines(side, right - _INDENT - _EQUALS)
            rows.append(("", [*named, rf"{_INDENT_TEX} = {first}",
                              *[rf"{_INDENT_TEX} {line}" for line in rest]]))
    return rows


def _component(lhs, i, count):
    """LaTeX for component ``i`` of the vector ``lhs``: F_x, (v_R + v_gradB)_y, x(t)."""
    if isinstance(lhs, sp.MatrixBase) and lhs.shape == (count, 1):
        return _shown(lhs[i])
    axis = "xyz"[i] if count == 3 else str(i + 1)
    name = latex(lhs)
    plain = re.fullmatch(r"\\vec\{(\w)\}", name)
    return f"{plain[1]}_{{{axis}}}" if plain else rf"\left({name}\right)_{{{axis}}}"


def _lines(expr, measure):
    """LaTeX lines for ``expr``: the first at most ``measure`` points wide, the others
    (which follow an indent) that less the indent."""
    tex = _shown(expr)
    if width(tex) <= measure:
        return [tex]
    try:
        first, *rest = break_lines(_unwrapped(expr), measure, measure - _INDENT, latex)
    except Unbreakable:
        return [_shortened(expr)]
    return [first] + [rf"{_INDENT_TEX} {line}" for line in rest]


def _shortened(expr):
    """What stands for an expression that cannot be broken to fit the page."""
    return (r"\text{[%d operations: too wide for the page; the JSON output holds it]}"
            % sp.count_ops(expr))


def _layout(derivation):
    """Each step's rows.  An alignment is as wide as its widest left side plus its
    widest right side, so the left column takes the widest left side up to a third
    of the measure, and the right-hand sides get the rest."""
    widest_left = _MEASURE / 3
    names = [width(_shown(s.statement.lhs)) for s in derivation.steps
             if isinstance(s.statement, sp.Equality)]
    left = max([w for w in names if w <= widest_left], default=0.0)
    for _ in range(3):   # component rows may have wider left sides: measure again
        rows = [_rows(step.statement, left, _MEASURE - left) for step in derivation.steps]
        used = max((width(name) for step_rows in rows for name, _ in step_rows), default=0.0)
        if used <= left:
            break
        left = min(used, widest_left)
    return rows


def _aligned(rows, end=r" \\"):
    """Lines of an align body for one step's rows."""
    lines = []
    for name, (first, *rest) in rows:
        lines.append(f"  {name} &{first}{end}")
        lines += [f"  &{cell}{end}" for cell in rest]
    return lines


_TEXT_ESCAPES = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
                 "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                 "\\": r"\textbackslash{}"}


def latex_text(text):
    """Escape prose for LaTeX, keeping ``$...$`` math as it is."""
    parts = text.split("$")
    if len(parts) % 2 == 0:
        raise ValueError(f"unbalanced $ in {text!r}")
    return "".join(f"${part}$" if i % 2 else
                   re.sub(r"[&%#_{}~^\\]", lambda m: _TEXT_ESCAPES[m[0]], part)
                   for i, part in enumerate(parts))


def _math_text(text):
    """Prose with inline math, for use inside a display environment."""
    parts = latex_text(text).split("$")
    return "".join(part if i % 2 else (r"\text{%s}" % part if part else "")
                   for i, part in enumerate(parts))


def _proof_note(step):
    return _PROOF_WORDS[step.proof.method]


def latex_fragment(derivation):
    """A section with the assumptions and the aligned, reasoned steps."""
    lines = [r"\section{%s}\label{sec:%s}" % (latex_text(derivation.title), derivation.name)]
    if derivation.summary:
        lines += [latex_text(derivation.summary), ""]
    if derivation.assumptions:
        lines += [r"\paragraph{Assumptions.}", r"\begin{itemize}"]
        lines += [r"  \item %s" % latex_text(a) for a in derivation.assumptions]
        lines += [r"\end{itemize}"]
    lines += [r"\begin{align*}"]
    for step, rows in zip(derivation.steps, _layout(derivation)):
        lines.append(r"  \intertext{(%d) %s \hfill [%s]}" % (
            step.index, latex_text(step.reason), _proof_note(step)))
        lines += _aligned(rows)
    lines += [r"\end{align*}"]
    if derivation.results:
        lines += [r"\paragraph{Results.}", r"\begin{itemize}"]
        for result in derivation.results:
            lines.append(r"  \item \texttt{%s} (step %d): %s" % (
                latex_text(result.name), result.step, latex_text(result.description)))
        lines += [r"\end{itemize}"]
    if derivation.references:
        lines += [r"\paragraph{References.} " + "; ".join(latex_text(r)
                                                           for r in derivation.references)]
    return "\n".join(lines) + "\n"


def latex_document(derivations, title="guidingcenter: derivations"):
    """A standalone document (compiles with pdflatex) holding the fragments."""
    head = [
        r"\documentclass[10pt]{article}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\usepackage{amsmath,amssymb}",
        r"\allowdisplaybreaks",
        r"\setlength{\emergencystretch}{3em}",
        r"\setcounter{MaxMatrixCols}{20}",
        r"\title{%s}" % latex_text(title),
        r"\author{generated by guidingcenter; every step proved by the engine}",
        r"\date{}",
        r"\begin{document}",
        r"\maketitle",
        r"\tableofcontents",
        "",
    ]
    body = [latex_fragment(d) for d in derivations]
    return "\n".join(head) + "\n".join(body) + "\n\\end{document}\n"


def latex_display(derivation):
    """LaTeX for Jupyter's ``_repr_latex_`` (MathJax-compatible ``aligned``)."""
    rows = []
    for step, step_rows in zip(derivation.steps, _layout(derivation)):
        lines = [line.strip() for line in _aligned(step_rows, end="")]
        lines[0] += r" && \text{(%d) }%s" % (step.index, _math_text(step.reason))
        rows += lines
    return "$$\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}$$"


def markdown(derivation):
    """Markdown with ``$$`` display math, one numbered item per step."""
    lines = [f"## {derivation.title}", ""]
    if derivation.summary:
        lines += [derivation.summary, ""]
    if derivation.assumptions:
        lines += ["**Assumptions**", ""] + [f"- {a}" for a in derivation.assumptions] + [""]
    for step, rows in zip(derivation.steps, _layout(derivation)):
        lines += [f"{step.index}. {step.reason} *[{_proof_note(step)}]*", ""]
        if len(rows) == 1 and len(rows[0][1]) == 1:
            left, (right,) = rows[0]
            lines += [f"   $$ {left} {right} $$" if left else f"   $$ {right} $$", ""]
        else:
            body = " \\\\ ".join(line.strip() for line in _aligned(rows, end=""))
            lines += [f"   $$ \\begin{{aligned}} {body} \\end{{aligned}} $$", ""]
    if derivation.results:
        lines += ["**Results**", ""]
        lines += [f"- `{r.name}` (step {r.step}): {r.description}" for r in derivation.results]
        lines.append("")
    if derivation.references:
        lines += ["**References:** " + "; ".join(derivation.references), ""]
    return "\n".join(lines)


def markdown_document(derivations, title="guidingcenter: derivations"):
    return f"# {title}\n\n" + "\n".join(markdown(d) for d in derivations)


def _step_data(step):
    lhs, rhs = _sides(step.statement)
    return {
        "index": step.index,
        "label": step.label,
        "reason": step.reason,
        "proof": {"method": step.proof.method, "detail": step.proof.detail},
        "latex": f"{lhs} = {rhs}" if lhs else rhs,
        "srepr": sp.srepr(step.statement),
    }


def to_json(derivation):
    """Plain data: steps, reasons, proof kinds, results as LaTeX and srepr."""
    return {
        "name": derivation.name,
        "title": derivation.title,
        "summary": derivation.summary,
        "assumptions": list(derivation.assumptions),
        "references": list(derivation.references),
        "steps": [_step_data(step) for step in derivation.steps],
        "results": [{
            "name": r.name,
            "description": r.description,
            "step": r.step,
            "latex": latex(r.statement),
            "srepr": sp.srepr(r.statement),
        } for r in derivation.results],
    }


def json_document(derivations):
    return json.dumps([to_json(d) for d in derivations], indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"
