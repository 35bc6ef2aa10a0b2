"""The errata sheet: a LaTeX document a lecturer can act on (and its PDF).

For each erratum: the line, the formula as printed (verbatim) and as read,
what is wrong, the corrected formula and the derived result it was compared
with; then the formulas that hold only under a condition, with the condition;
then the counts per document (and what could not be read).  Formulas wider
than the line are scaled to fit, quotes break anywhere, so the sheet compiles
without overfull boxes.  The output is deterministic: the same judgements give
byte-identical ``.tex`` (and, compiled by :func:`compile_pdf`, ``.pdf``) files.
"""

import os
import re
import shutil
import subprocess
import tempfile

from guidingcenter.check.documents.table import closing_line
from guidingcenter.check.formula import VERDICTS
from guidingcenter.io import write_atomic

__all__ = ["errata_latex", "write_report", "compile_pdf", "PdfError"]

_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[margin=2.5cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\ifdefined\pdftrailerid\pdftrailerid{}\fi
\ifdefined\pdfinfoomitdate\pdfinfoomitdate=1\fi
\newsavebox{\erratabox}
% a formula on its own line, scaled down when it is wider than the line
\newcommand{\formula}[1]{\par\smallskip\noindent\hspace*{1em}%
  \sbox{\erratabox}{$\displaystyle #1$}%
  \ifdim\wd\erratabox>\dimexpr\linewidth-1em\relax
    \resizebox{\dimexpr\linewidth-1em\relax}{!}{\usebox{\erratabox}}%
  \else\usebox{\erratabox}\fi\par\smallskip}
\newcommand{\field}[1]{\par\noindent\textbf{#1}\ }
\setlength{\parindent}{0pt}
\raggedright
"""

_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
            "#": r"\#", "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\~{}",
            "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}", '"': "''"}


def _text(text):
    """Prose for LaTeX: specials escaped, characters outside Latin-1 named."""
    out = []
    for ch in " ".join(str(text).split()):
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 32:
            out.append(" ")
        elif ord(ch) > 255 or 127 <= ord(ch) < 160:
            out.append(rf"\textsf{{[U+{ord(ch):04X}]}}")
        else:
            out.append(ch)
    return "".join(out)


def _verbatim(text):
    """A quote in typewriter type that may break after any character but a letter."""
    pieces = []
    for ch in " ".join(str(text).split()):
        pieces.append(_text(ch) if ch != " " else " ")
        if not ch.isalnum() and ch != " ":
            pieces.append(r"\allowbreak{}")
    return r"\texttt{" + "".join(pieces) + "}"


def _formula(latex):
    return rf"\formula{{{latex}}}" if latex else ""


def _where(row):
    source = _text(row["source"])
    return rf"{source}, line {row['line']}"


def _erratum(row):
    lines = [rf"\subsection*{{{_where(row)}}}",
             r"\field{As printed:}" + _verbatim(row["quote"])]
    if row.get("judged_latex"):
        lines.append(r"\field{Read as:}" + _formula(row["judged_latex"]))
    lines.append(r"\field{What is wrong:}" + _text(row.get("diagnosis") or
                                                   "differs from the derived result"))
    if row.get("corrected"):
        lines.append(r"\field{Corrected:}" + _formula(row["corrected"]))
    lines.extend(_compared(row))
    return "\n".join(lines)


def _compared(row):
    if not row.get("against"):
        return []
    where = row["against"]
    if row.get("derivation"):
        where += f" (derivation {row['derivation']}, step {row.get('step')})"
    return [r"\field{Compared with:} the derived result " + _text(where) + _formula(
        row.get("derived", ""))]


def _conditional(row):
    return "\n".join([rf"\subsection*{{{_where(row)}}}",
                      r"\field{As printed:}" + _verbatim(row["quote"]),
                      r"\field{Holds only for:}" + _text(row.get("condition", ""))] +
                     _compared(row))


def _counts(judgements):
    lines = [r"\section*{Counts}", r"\begin{itemize}"]
    for judgement in judgements:
        counts = {v: judgement.get("counts", {}).get(v, 0) for v in VERDICTS
                  if judgement.get("counts", {}).get(v)}
        said = "not read" if "error" in judgement else closing_line(
            counts, fragments=judgement.get("fragments", 0))
        lines.append(rf"\item {_text(judgement['source'])}: {_text(said)}")
    lines.append(r"\end{itemize}")
    problems = [(j["source"], p["line"], p["message"]) for j in judgements
                for p in j.get("problems", ())]
    problems += [(j["source"], 1, j["error"]) for j in judgements if "error" in j]
    if problems:
        lines += [r"\subsection*{What could not be read}", r"\begin{itemize}"]
        lines += [rf"\item {_text(source)}, line {line}: {_text(message)}"
                  for source, line, message in problems]
        lines.append(r"\end{itemize}")
    return "\n".join(lines)


def errata_latex(judgements):
    """The errata sheet for ``judgements`` (plain data, one per document, as
    :meth:`Judgement.as_json` gives it) as a standalone LaTeX document."""
    judgements = list(judgements)
    rows = [row for judgement in judgements for row in judgement.get("relations", ())]
    errata = [row for row in rows if row["verdict"] == "erratum"]
    conditional = [row for row in rows if row["verdict"] == "holds-with-condition"]
    names = ", ".join(_text(os.path.basename(j["source"])) for j in judgements)
    body = [_PREAMBLE, r"\begin{document}", rf"\section*{{Errata: {names}}}",
            f"{len(errata)} {'erratum' if len(errata) == 1 else 'errata'} in {len(rows)} "
            "relations judged by guidingcenter against its derived results."]
    body += [_erratum(row) for row in errata] or [r"\par No erratum was found."]
    body.append(r"\section*{Formulas that hold only under a condition}")
    body += [_conditional(row) for row in conditional] or [r"\par None."]
    body += [_counts(judgements), r"\end{document}", ""]
    return "\n".join(body)


class PdfError(RuntimeError):
    """pdflatex failed on the errata sheet (the message names the first error)."""


def compile_pdf(tex_path, pdflatex=None, timeout=120):
    """Compile ``tex_path`` twice with pdflatex into the PDF beside it.

    Returns ``(pdf path, overfull)``: the ``Overfull \\hbox`` lines of the log
    (none expected).  The PDF appears atomically (compiled in a temporary folder
    beside it, then renamed) and is byte-identical from run to run
    (``SOURCE_DATE_EPOCH``, no trailer ID).
    """
    pdflatex = pdflatex or shutil.which("pdflatex")
    if pdflatex is None:
        raise PdfError("pdflatex is not installed")
    tex_path = os.path.abspath(tex_path)
    folder, name = os.path.split(tex_path)
    stem = os.path.splitext(name)[0]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}
    work = tempfile.mkdtemp(prefix=".errata-", dir=folder)
    try:
        shutil.copyfile(tex_path, os.path.join(work, "errata.tex"))
        for _ in range(2):                      # the second pass settles references
            run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error",
                                  "errata.tex"], cwd=work, env=environment,
                                 capture_output=True, timeout=timeout)
            log = _log(work)
            if run.returncode != 0:
                first = next((line for line in log.splitlines() if line.startswith("!")),
                             f"exit status {run.returncode}")
                raise PdfError(f"pdflatex failed on {tex_path}: {first}")
        overfull = [line for line in log.splitlines() if line.startswith("Overfull")]
        pdf = os.path.join(folder, stem + ".pdf")
        os.replace(os.path.join(work, "errata.pdf"), pdf)
        return pdf, overfull
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _log(work):
    try:
        with open(os.path.join(work, "errata.log"), encoding="latin-1") as stream:
            return stream.read()
    except OSError:
        return ""


def write_report(judgements, path, pdf=None):
    """Write the errata sheet to ``path`` (``.tex``) and, when pdflatex is there
    (or ``pdf`` is True; ``pdf=False`` never), compile it beside it.

    Returns the paths written and the overfull-box lines of the compilation.
    """
    if not str(path).endswith(".tex"):
        raise ValueError(f"--report: {path!r} must end in .tex (the PDF is written "
                         "beside it)")
    write_atomic(path, errata_latex(judgements))
    written, overfull = [str(path)], []
    if pdf or (pdf is None and shutil.which("pdflatex")):
        _, overfull = compile_pdf(path)
        written.append(re.sub(r"\.tex$", ".pdf", str(path)))
    return written, overfull
