r"""The text of one formula, as the document readers take it apart.

Brace groups and macro arguments, the pieces a formula states (``W = 1 \text{ keV},
\alpha = 30^\circ \rightarrow (2) = 2.9``: three) and the sides of each, a side that is
a plain number with its unit, the names a formula spells, its ``\underbrace`` labels.

>>> for piece in split_relations(r"W = 1 \text{ keV}, \alpha_{eq} = 30^0 \rightarrow (2) = 2.9"):
...     print(piece)
(('W ', ''), (' 1 \\text{ keV}', '='))
((' \\alpha_{eq} ', ''), (' 30^0 ', '='))
((' (2) ', ''), (' 2.9', '='))
"""

import functools
import re

from guidingcenter.check.documents.relations import is_prose
from guidingcenter.check.documents.units import unit, unit_at_start
from guidingcenter.check.latex.table import latex_key

__all__ = ["DEFINING", "RELATIONS", "SEPARATORS", "group", "argument", "split_relations",
           "clean", "number_with_unit", "NAME", "name_keys", "underbraces"]

DEFINING = ("=", ":=", r"\equiv", r"\coloneqq", r"\doteq", r"\stackrel", r"\overset",
            r"\triangleq", r"\defeq")
RELATIONS = DEFINING + (r"\approx", r"\simeq", r"\sim", r"\cong")
SEPARATORS = (",", ";", r"\quad", r"\qquad", r"\rightarrow", r"\Rightarrow", r"\implies",
              r"\longrightarrow", r"\to", r"\text{and}", r"\text{ and }", r"\mathrm{and}")


def group(text, opening):
    """The contents of the brace group whose ``{`` is at ``opening``, and the end."""
    depth = 0
    for index in range(opening, len(text)):
        char = text[index]
        if char == "\\":
            continue
        if text[index - 1] == "\\" and index > opening:
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[opening + 1:index], index + 1
    return None, len(text)


def argument(latex, index):
    """One macro argument at ``index`` (after spaces): a brace group, a command or a
    character; ``(text, end)`` or ``(None, index)``."""
    while index < len(latex) and latex[index].isspace():
        index += 1
    if index >= len(latex):
        return None, index
    if latex[index] == "{":
        body, end = group(latex, index)
        return (body, end) if body is not None else (None, index)
    command = re.match(r"\\[A-Za-z]+|\\.", latex[index:])
    if command:
        return command.group(), index + command.end()
    return latex[index], index + 1


_TOKEN = re.compile(r"\\(?:left|right)(?![A-Za-z])|\\[A-Za-z]+|\\.|.", re.DOTALL)


def _top_level_split(latex, separators):
    """``latex`` cut at the top-level (outside braces, brackets, parentheses)
    occurrences of ``separators``: ``[(piece, separator before it or "")]``."""
    ordered = sorted(separators, key=len, reverse=True)
    firsts = {separator[0] for separator in ordered}
    pieces, depth, start, before, index = [], 0, 0, "", 0
    while index < len(latex):
        token = _TOKEN.match(latex, index).group()
        end = index + len(token)
        if token in (r"\left", r"\right"):
            pass                                  # the delimiter after it counts as usual
        elif token in ("{", "(", "[", r"\{"):
            depth += 1
        elif token in ("}", ")", "]", r"\}"):
            depth = max(0, depth - 1)
        elif depth == 0 and token[0] in firsts:
            found = next((sep for sep in ordered if latex.startswith(sep, index) and not (
                sep[-1].isalpha() and latex[index + len(sep):index + len(sep) + 1].isalpha())),
                None)
            if found is not None:
                end = index + len(found)
                if found in (r"\stackrel", r"\overset"):       # \stackrel{def}{=}
                    _, end = group(latex, end) if latex[end:end + 1] == "{" else (None, end)
                    _, end = group(latex, end) if latex[end:end + 1] == "{" else (None, end)
                pieces.append((latex[start:index], before))
                before, start = found, end
        index = end
    pieces.append((latex[start:], before))
    return pieces


@functools.lru_cache(maxsize=4096)
def split_relations(latex):
    r"""The assignments and chains of one formula: a tuple of pieces, each a tuple of
    ``(side, relation before it)`` (see the module's example).

    >>> split_relations(r"a = b \approx c")
    ((('a ', ''), (' b ', '='), (' c', '\\approx')),)
    """
    relations = []
    latex = _PROSE_TEXT.sub(lambda m: "; " if is_prose(m.group(1)) else m.group(), latex)
    for piece, _ in _top_level_split(latex, SEPARATORS):
        sides = _top_level_split(piece, RELATIONS)
        if len(sides) > 1:
            relations.append(tuple(sides))
    return tuple(relations)


_STRIP = re.compile(r"^(?:\s|\\[,;:!]|\\(?:left|right|big|Big)[(\[.]?|\\displaystyle)+|"
                    r"(?:\s|\\[,;:!]|[.,;]|\\quad|\\qquad)+$")


def clean(side):
    return _STRIP.sub("", side).strip().strip("$").strip()


def underbraces(latex):
    """``(braced LaTeX, label)`` of each ``\\underbrace{...}_{...}`` in ``latex``."""
    found = []
    for match in re.finditer(r"\\(?:underbrace|overbrace)\s*\{", latex):
        body, end = group(latex, match.end() - 1)
        rest = latex[end:].lstrip()
        if body is None or not rest[:1] in ("_", "^"):
            continue
        offset = len(latex) - len(rest) + 1
        label, _ = argument(latex, offset)
        if label is not None:
            found.append((body, label))
    return found


_NUMBER = re.compile(r"^\s*([-+\u2212]?\s*(?:\d+(?:\.\d*)?|\.\d+))(?:\s*[eE]([-+]?\d+))?"
                     r"(?:\s*(?:\\times|\\cdot|\*|×|·)\s*10\s*\^\s*\{?\s*"
                     r"([-+\u2212]?\d+)\s*\}?)?")


# "\alpha = 90^\circ \text{ (i.e., } v_\parallel = 0": words between two statements
_PROSE_TEXT = re.compile(r"\\(?:text|textrm|mbox)\s*\{([^{}]*)\}")
_PUNCTUATION_TEXT = re.compile(r"\\text\s*\{[\s()\[\].,;:!?]*\}")


def number_with_unit(latex, prose=""):
    r"""The number a formula side states, with its unit: ``(value in SI, digits, Unit or
    None, printed, reading)``, or None when the side is not a plain number.

    The unit may follow in the formula (``\text{ keV}``, ``^\circ``) or, when
    ``prose`` is given, in the words after it.

    >>> value, digits, unit, printed, reading = number_with_unit(r"3.11 \times 10^{-5} \text{ T}")
    >>> value, digits, unit.name, printed
    (3.11e-05, 3, 'T', '3.11 \\times 10^{-5}')
    """
    text = clean(latex)
    match = _NUMBER.match(text)
    if not match:
        return None
    mantissa = match.group(1).replace(" ", "").replace("\u2212", "-")
    exponent = int((match.group(2) or match.group(3) or "0").replace("\u2212", "-"))
    digits = len(re.sub(r"^0+", "", mantissa.lstrip("+-").replace(".", ""))) or 1
    value = float(f"{mantissa}e{exponent}")      # correctly rounded: 3.11e-05, not ...04e-05
    rest = _PUNCTUATION_TEXT.sub(" ", text[match.end():])    # "0\text{)}": the prose's bracket
    found, reading = None, ""
    if rest.strip():
        if re.fullmatch(r"\s*\^\s*\{?\s*0\s*\}?\s*", rest):
            found, reading = unit("deg"), "^0 read as degrees"
        else:
            found, length = unit_at_start(rest)
            if found is None or rest[length:].strip(" ,.;"):
                return None
    elif prose:
        found, _ = unit_at_start(prose)
    printed = text[:match.end()].strip()
    return value * (found.si if found else 1.0), digits, found, printed, reading


NAME = re.compile(r"(?:\\(?:vec|mathbf|boldsymbol|bm|hat|mathcal)\s*\{[^{}]*\}|"
                   r"\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|"
                   r"\\(?:mathrm|text|textrm|rm|mathit)\s*\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?")


def name_keys(latex):
    """Canonical keys of the names spelled in ``latex`` (a superset is fine)."""
    keys = set()
    for match in NAME.finditer(latex):
        key = latex_key(match.group())
        if key is not None:
            keys.add(key)
    return keys
