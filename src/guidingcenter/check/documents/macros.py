r"""Macros a document defines, and their expansion in its formulas.

``\newcommand``, ``\renewcommand``, ``\providecommand`` (with arguments and an optional
first argument's default), ``\def`` (``#1#2`` parameters) and ``\DeclareMathOperator``,
anywhere in the text outside comments; :func:`expand_macros` applies them to a formula,
a bounded number of times (a recursive ``\def`` stops).
"""

import re
from dataclasses import dataclass

from guidingcenter.check.documents.formulas import argument, group

__all__ = ["Macro", "read_macros", "expand_macros"]

_MACRO_PASSES = 64           # expansion stops after this many rounds (a recursive \def)
_MACRO_LIMIT = 100_000       # ... or when the formula grows past this many characters


@dataclass(frozen=True)
class Macro:
    """One macro: its command, replacement text, number of arguments, default of the
    optional first argument, and where the document defines it (line, quote)."""

    name: str
    body: str
    arguments: int = 0
    default: str = None
    line: int = 0
    quote: str = ""


_NEWCOMMAND = re.compile(r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*(\\[A-Za-z]+)\s*\}|"
                         r"(\\[A-Za-z]+))\s*(?:\[\s*(\d)\s*\])?\s*(?:\[([^\]]*)\])?\s*\{")
_DEF = re.compile(r"\\(?:g|e|x)?def\s*(\\[A-Za-z]+)\s*((?:#\d)*)\s*\{")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*\{\s*(\\[A-Za-z]+)\s*\}\s*\{")


def _without_comments(text):
    """``text`` with LaTeX comments blanked (offsets kept); ``\\%`` is not a comment."""
    return re.sub(r"(?<!\\)%[^\n]*", lambda m: " " * len(m.group()), text)


def read_macros(text):
    r"""The macros ``text`` defines, in order of definition.

    >>> [(m.name, m.arguments, m.line) for m in read_macros("\\newcommand{\\vb}[1]{\\mathbf{#1}}"
    ...                                                     "\n\\def\\Rc{R_c}")]
    [('\\vb', 1, 1), ('\\Rc', 0, 2)]
    """
    found = []
    clean = _without_comments(text)
    for pattern in (_NEWCOMMAND, _DEF, _OPERATOR):
        for match in pattern.finditer(clean):
            body, end = group(clean, match.end() - 1)
            if body is None:
                continue
            line = clean.count("\n", 0, match.start()) + 1
            quote = text[match.start():end]
            if pattern is _NEWCOMMAND:
                found.append(Macro(match.group(1) or match.group(2), body,
                                   int(match.group(3) or 0), match.group(4), line, quote))
            elif pattern is _DEF:
                found.append(Macro(match.group(1), body, len(match.group(2)) // 2, None, line,
                                   quote))
            else:
                found.append(Macro(match.group(1), rf"\operatorname{{{body}}}", 0, None, line,
                                   quote))
    return sorted(found, key=lambda m: (m.line, text.find(m.quote)))


def expand_macros(latex, macros):
    r"""Apply ``macros`` (``{command: Macro}``) to ``latex``.

    >>> vb = Macro(r"\vb", r"\mathbf{#1}", arguments=1)
    >>> expand_macros(r"\vb{v} \times \vb B", {r"\vb": vb})
    '\\mathbf{v} \\times \\mathbf{B}'
    """
    names = sorted(macros, key=len, reverse=True)
    pattern = re.compile("(" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])")
    for _ in range(_MACRO_PASSES):
        out, position, changed = [], 0, False
        for match in pattern.finditer(latex):
            if match.start() < position:
                continue
            macro = macros[match.group(1)]
            index, arguments = match.end(), []
            count = macro.arguments
            if macro.default is not None and count:
                rest = latex[index:].lstrip()
                if rest.startswith("["):
                    close = rest.find("]")
                    arguments.append(rest[1:close])
                    index += len(latex[index:]) - len(rest) + close + 1
                else:
                    arguments.append(macro.default)
                count -= 1
            for _ in range(count):
                found, index = argument(latex, index)
                if found is None:
                    break
                arguments.append(found)
            if len(arguments) < macro.arguments:
                continue
            body = re.sub(r"#(\d)", lambda m: arguments[int(m.group(1)) - 1]
                          if int(m.group(1)) <= len(arguments) else m.group(), macro.body)
            needs_space = body[-1:].isalpha() and body.lstrip().startswith("\\") and \
                re.search(r"\\[A-Za-z]+$", body) and latex[index:index + 1].isalpha()
            out.append(latex[position:match.start()] + body + (" " if needs_space else ""))
            position, changed = index, True
        if not changed:
            break
        latex = "".join(out) + latex[position:]
        if len(latex) > _MACRO_LIMIT:
            break
    return latex
