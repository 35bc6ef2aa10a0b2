r"""Formulas typed in plain text without math delimiters.

Notes written as plain text (an e-mail, a README, notes typed without LaTeX) give
their formulas in Unicode in the sentence: "the magnetic moment μ = m v⊥²/(2B) is
conserved", "the loss cone: sin²α_lc = 1/R_m".  :func:`bare_relations` finds such a
relation on a line that holds no LaTeX: the words on either side of a relation sign
(``=``, ``≈``, ``≃``, ``∝``) that read as mathematics, up to the first English word;
it keeps the relation only when it looks like mathematics (a Greek letter, a Unicode
operator, a sub- or superscript, a fraction or a bracket), so "x = 5 apples" stays prose.
"""

import re
import unicodedata

__all__ = ["bare_relations"]

_RELATION = re.compile(r"(?<![=<>!:])(?:=|≈|≃|∝)(?![=>])")
_FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "exp", "ln",
              "log", "sqrt", "arcsin", "arccos", "arctan", "asin", "acos", "atan", "max", "min",
              "const", "sgn", "sign", "Re", "Im"}
_WORD = re.compile(r"[(\[]?([A-Za-z]{2,})[)\].,;:!?]*")
_DIFFERENTIAL = re.compile(r"d[A-Za-z\u0370-\u03ff]")
_MATH_SIGNS = set("⊥⟂∥∇×·⋅²³¹⁰⁴⁵⁶⁷⁸⁹⁻₀₁₂₃₄₅₆₇₈₉√∮∫∂±∓⟨⟩∞_^/()[]|")


def _english(token):
    """A word of prose (not a function name, a unit-free differential or a symbol)."""
    match = _WORD.fullmatch(token)
    if match is None:
        return False
    word = match.group(1)
    return word not in _FUNCTIONS and not _DIFFERENTIAL.fullmatch(word)


def _mathematical(text):
    return any(char in _MATH_SIGNS or unicodedata.name(char, "").startswith("GREEK")
               for char in text)


def _tokens(line):
    """(start, end) of each run of non-space characters of ``line``."""
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]


def bare_relations(text, taken=()):
    """``[(start, end)]``: the offsets in ``text`` of each relation typed in plain text,
    on lines holding no LaTeX (``$`` or a backslash) and outside the spans ``taken``."""
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        start_of_line, offset = offset, offset + len(line)
        if "$" in line or "\\" in line or not _RELATION.search(line):
            continue
        if any(s < offset and start_of_line < e for s, e in taken):
            continue
        tokens = _tokens(line)
        for match in _RELATION.finditer(line):
            span = _around(line, tokens, match.start(), match.end())
            if span is not None and _mathematical(line[span[0]:span[1]]):
                found.append((start_of_line + span[0], start_of_line + span[1]))
    return _merged(found)


def _around(line, tokens, sign_start, sign_end):
    """The span of the relation around the sign at ``line[sign_start:sign_end]``."""
    before = [t for t in tokens if t[1] <= sign_start]
    after = [t for t in tokens if t[0] >= sign_end]
    inside = [t for t in tokens if t[0] < sign_start and t[1] > sign_end or
              t[0] < sign_start < t[1] or t[0] < sign_end < t[1]]   # "R_m=B_max/B_min"
    start = min([t[0] for t in inside] + [sign_start])
    for token in reversed(before):
        text = line[token[0]:token[1]]
        if _english(text) or text.endswith(":"):
            break
        start = token[0]
    end = max([t[1] for t in inside] + [sign_end])
    for token in after:
        text = line[token[0]:token[1]]
        if _english(text):
            break
        end = token[1]
        if text[-1] in ",;:.":                       # the sentence goes on, or ends
            break
    while end > sign_end and line[end - 1] in ".,;: \t":
        end -= 1
    if start >= sign_start or end <= sign_end:
        return None
    return start, end


def _merged(spans):
    """Spans of one chain (a = b = c) merged into one."""
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
