r"""Split one formula into the relations it states, and clean it for the parser.

A formula's text is cleaned (LaTeX comments removed; backslash sequences lost to
string escapes restored: ``\t`` of ``\times``, ``\f`` of ``\frac``, ``\v`` of
``\vec``, ``\n`` of ``\nabla``, ``\r`` of ``\right`` ..., so ``rac{1}{2}`` reads
``\frac{1}{2}`` as in note 004 of the catalogue) while every character remembers
where it stood in the document.  It is then split: rows of aligned environments
(``\\``; in ``align`` every second ``&`` of a row separates two equations), pieces
between separators (``,``, ``;``, ``\quad``, prose in ``\text{…}``, implications such
as ``\Rightarrow``) and the sides of a chain ``a = b \approx c``.  A row that begins
with a relation continues the chain of the row before (``a &= b \\ &= c``); a row
without one continues its expression.  :func:`statements` gives each statement's
sides and relations as cleaned LaTeX with their offsets in the document.
"""

import re
from dataclasses import dataclass

from guidingcenter.check.documents.units import unit

__all__ = ["Side", "statements", "restore_lost_escapes", "is_prose"]

#: Environments inside a formula whose rows are split at ``\\``.
_ROW_ENVIRONMENTS = frozenset({"aligned", "alignedat", "gathered", "split", "eqnarray",
                               "eqnarray*", "array"})
#: Environments whose rows hold several equations, every second "&" between them.
_COLUMNS = frozenset({"align", "flalign", "alignat", "aligned", "alignedat"})
_RELATION_COMMANDS = frozenset(r"""\approx \simeq \sim \equiv \cong \doteq \coloneqq
    \eqqcolon \propto \neq \ne \le \leq \ge \geq \leqslant \geqslant \ll \gg \lesssim \gtrsim
    \approxeq \triangleq \asymp \eqsim""".split())
_ARROWS = frozenset(r"""\Rightarrow \rightarrow \Longrightarrow \longrightarrow \implies \iff
    \Leftrightarrow \Longleftrightarrow \leftrightarrow \to \mapsto \Leftarrow \impliedby
    \xrightarrow \xRightarrow \xleftarrow""".split())
_SPACES = frozenset(r"\quad \qquad \hfill \hspace \enspace \medskip \bigskip".split())
_TEXT = frozenset(r"\text \textrm \textnormal \textit \textbf \mbox \intertext".split())
_DROPPED = frozenset(r"\label \tag \tag* \nonumber \notag \displaystyle \textstyle".split())
_WITH_ARGUMENT = frozenset(r"\label \tag \hspace \xrightarrow \xRightarrow \xleftarrow".split())
_BINARY = frozenset(r"+ - * / ( [ \cdot \times \pm \mp".split())
# Words that stand for a value (mu = \text{const}), not prose.
_VALUE_WORDS = frozenset({"const", "constant", "konst", "konstant", "min", "max"})



# --- cleaning: a string that remembers where each character came from ------------------

class _Mapped:
    """Text with, for each character, its offset in the document."""

    def __init__(self, text, origins):
        self.text, self.origins = text, origins

    @classmethod
    def of(cls, text, start, end):
        return cls(text[start:end], list(range(start, end)))

    def edit(self, pattern, replace):
        """Replace each match of ``pattern`` by ``replace(match)``; new characters
        take the offset of the first character replaced (or of the next one)."""
        pieces, origins, last = [], [], 0
        for match in pattern.finditer(self.text):
            new = replace(match)
            if new is None:
                continue
            pieces.append(self.text[last:match.start()])
            origins.extend(self.origins[last:match.start()])
            anchor = self.origins[match.start()] if match.start() < len(self.origins) else (
                self.origins[-1] + 1 if self.origins else 0)
            pieces.append(new)
            origins.extend([anchor] * len(new))
            last = match.end()
        if not pieces:
            return self
        pieces.append(self.text[last:])
        origins.extend(self.origins[last:])
        return _Mapped("".join(pieces), origins)


def _comments(mapped):
    """LaTeX comments (``%`` to the end of the line, not ``\\%``) removed."""
    return mapped.edit(re.compile(r"(?<!\\)%[^\n]*"), lambda m: "")


# Backslash sequences that a string escape ate: the control character that took the
# backslash and its letter (kept in some copies, dropped in others) and the rest of the
# command.  Restored only where the rest cannot be read otherwise.
_CONTROL = {"\a": "a", "\b": "b", "\f": "f", "\v": "v"}
_AFTER_TAB_OR_NEWLINE = {"\t": ("imes", "heta", "ext", "ilde", "extbf", "extrm"),
                         "\n": ("abla", "eq", "ewline", "onumber", "otag"),
                         "\r": ("ight", "ightarrow", "ho", "m")}
_LOST_BRACED = {"rac": "f", "ec": "v", "ext": "t", "extbf": "t", "extrm": "t", "ilde": "t",
                "oldsymbol": "b", "ar": "b", "ot": "d"}
_LOST = {"imes": "t", "abla": "n", "lpha": "a", "eta": "b", "heta": "t", "pprox": "a",
         "artheta": "v", "arphi": "v", "arepsilon": "v"}
_CONTROL_PATTERN = re.compile(r"[\a\b\f\v]([A-Za-z]+)|(\t|\r)(" + "|".join(
    sorted({w for k in "\t\r" for w in _AFTER_TAB_OR_NEWLINE[k]}, key=len, reverse=True)) +
    r")(?![A-Za-z])")
_BRACED_PATTERN = re.compile(r"(?<![\\A-Za-z])([A-Za-z]*?)(" + "|".join(
    sorted(_LOST_BRACED, key=len, reverse=True)) + r")(?=\{)")
_LOST_PATTERN = re.compile(r"(?<![\\A-Za-z])(" + "|".join(sorted(_LOST, key=len, reverse=True)) +
                           r")(?![A-Za-z])")
_RIGHT_PATTERN = re.compile(r"(?<=\n)(ight)(?=arrow|harpoon|[^A-Za-z])|(?<=\{\n)(m)(?=[\s{])")
_NABLA_PATTERN = re.compile(r"(?<=\n)(abla)(?![A-Za-z])")


def restore_lost_escapes(mapped):
    r"""Backslash sequences lost to string escapes put back (``rac{`` -> ``\frac{``)."""
    if not re.search(r"[\a\b\f\v]|rac\{|ec\{|imes|abla|ight|lpha|heta|pprox|ext\{|"
                     r"oldsymbol|ar\{|arphi|artheta|arepsilon|eta", mapped.text):
        return mapped
    mapped = mapped.edit(_CONTROL_PATTERN, lambda m: (
        "\\" + _CONTROL[m.group()[0]] + m.group(1) if m.group(1) else
        "\\" + {"\t": "t", "\r": "r"}[m.group(2)] + m.group(3)))
    mapped = mapped.edit(_BRACED_PATTERN, lambda m: (
        m.group(1) + "\\" + _LOST_BRACED[m.group(2)] + m.group(2)
        if not _known_command(m.group(1) + m.group(2)) else None))
    mapped = mapped.edit(_LOST_PATTERN, lambda m: "\\" + _LOST[m.group(1)] + m.group(1))
    mapped = mapped.edit(_NABLA_PATTERN, lambda m: "\\n" + m.group(1))
    return mapped.edit(_RIGHT_PATTERN, lambda m: "\\r" + m.group())


def _known_command(letters):
    # "\sec{x}" lost nothing; only a run that is not itself a word is restored
    return letters in ("sec", "arc")


# --- tokens and splitting -----------------------------------------------------------------

_TOKEN = re.compile(r"\\\\|\\[A-Za-z]+\*?|\\.|\s+|[A-Za-z]+|\d+|.", re.S)
_SPACING = frozenset({r"\,", r"\;", r"\:", r"\!", "\\ ", "~", r"\>"})
_ROW_BREAKS = frozenset({"\\\\", r"\cr", r"\newline"})


@dataclass
class _Token:
    text: str
    start: int              # offsets in the cleaned text
    end: int
    top: bool = False       # at the top level (outside groups, \left..\right, environments)
    dropped: bool = False   # not part of the cleaned LaTeX (&, \label{...}, \\ ...)
    gap: bool = False       # white space before it
    separates: bool = False  # the "&" between two equations of a row of align


def _tokens(text):
    result, gap = [], False
    for match in _TOKEN.finditer(text):
        if match.group().isspace():
            gap = True
            continue
        result.append(_Token(match.group(), match.start(), match.end(), gap=gap))
        gap = False
    return result


def _mark(tokens):
    """Mark the top-level tokens; parentheses count too, reset at every row so that a
    stray one cannot hide the rest of a formula."""
    braces = sizes = environments = parens = 0
    after_size = False
    for token in tokens:
        word = token.text
        token.top = braces + sizes + environments + parens == 0 and not after_size
        if after_size:                # the delimiter of \left( or \right.
            after_size = False
            continue
        if word == "{":
            braces += 1
        elif word == "}":
            braces = max(0, braces - 1)
        elif word in (r"\left", r"\right"):
            sizes = sizes + 1 if word == r"\left" else max(0, sizes - 1)
            after_size = True
        elif word == r"\middle":
            after_size = True
        elif word == r"\begin":
            environments += 1
        elif word == r"\end":
            environments = max(0, environments - 1)
        elif braces + sizes + environments == 0:
            if word in _ROW_BREAKS:
                parens = 0
            elif word in ("(", "["):
                parens += 1
            elif word in (")", "]"):
                parens = max(0, parens - 1)
                token.top = parens == 0
    return tokens


def _group_end(tokens, i):
    """Index after the brace group that starts at ``tokens[i]`` (after the token if
    it is not a group)."""
    if i >= len(tokens) or tokens[i].text != "{":
        return i + 1
    depth = 0
    for j in range(i, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[j].text, 0)
        if depth == 0:
            return j + 1
    return len(tokens)


def _group_text(tokens, i):
    return "".join((" " if t.gap and n else "") + t.text
                   for n, t in enumerate(tokens[i + 1:_group_end(tokens, i) - 1]))


def _unwrap(tokens):
    """The inside of a body that is one aligned/gathered/split/array environment, and
    that environment's name (``None`` if the body is not one)."""
    ends = [i for i, token in enumerate(tokens) if token.text == r"\end"]
    if not tokens or tokens[0].text != r"\begin" or not ends:
        return tokens, None
    after, last = _group_end(tokens, 1), ends[-1]
    name = _group_text(tokens, 1)
    if name not in _ROW_ENVIRONMENTS or _group_text(tokens, last + 1) != name or \
            _group_end(tokens, last + 1) != len(tokens):
        return tokens, None
    if name in ("alignedat", "array"):
        after = _group_end(tokens, after)              # the column argument
    inner = tokens[after:last]
    # the environment must close only at the end
    depth = 0
    for token in inner:
        depth += {r"\begin": 1, r"\end": -1}.get(token.text, 0)
        if depth < 0:
            return tokens, None
    return _mark(inner), name


def _drop_markup(tokens, columns):
    """Mark what the parser must not see: alignment ``&``, ``\\label{…}``, ``\\tag{…}``,
    ``\\nonumber``, the spacing argument of ``\\\\[2pt]``.  With ``columns`` (align and
    its kin) every second ``&`` of a row separates two equations."""
    i, ampersands = 0, 0
    while i < len(tokens):
        token = tokens[i]
        if token.text == "&" and token.top:
            token.dropped = True
            ampersands += 1
            token.separates = columns and ampersands % 2 == 0
        elif token.text in _DROPPED:
            end = _group_end(tokens, i + 1) if token.text in _WITH_ARGUMENT or \
                token.text.startswith(r"\tag") else i + 1
            for dropped in tokens[i:end]:
                dropped.dropped = True
            i = end
            continue
        elif token.text in _ROW_BREAKS and token.top:
            token.dropped = True
            ampersands = 0
            if i + 1 < len(tokens) and tokens[i + 1].text == "[":
                j = i + 1
                while j < len(tokens) and tokens[j].text != "]":
                    j += 1
                for dropped in tokens[i + 1:j + 1]:
                    dropped.dropped, dropped.top = True, False
                i = j
        i += 1
    return tokens


def _kept(tokens):
    return [t for t in tokens if not t.dropped]


def _relation_at(tokens, i):
    """Number of tokens of a top-level relation at ``tokens[i]`` (0 if none)."""
    token = tokens[i]
    if not token.top or token.dropped:
        return 0
    word = token.text
    following = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if word == ":" and following == "=":
        return 2
    if word == "=":
        return 2 if following == ":" else 1
    if word in ("<", ">") or word in _RELATION_COMMANDS:
        return 1
    if word == r"\not" and (following in ("=", "<", ">") or following in _RELATION_COMMANDS):
        return 2
    if word in (r"\stackrel", r"\overset", r"\underset"):
        first = _group_end(tokens, i + 1)
        second = _group_end(tokens, first)
        inner = tokens[first:second]
        if any(t.text in ("=", "<", ">") or t.text in _RELATION_COMMANDS for t in inner):
            return second - i
    return 0


def _separator_at(tokens, i, previous):
    """Number of tokens of a top-level separator at ``tokens[i]`` (0 if none):
    ``, ; \\quad``, an implication arrow, or prose in ``\\text{…}``."""
    token = tokens[i]
    if token.separates:
        return 1
    if not token.top or token.dropped:
        return 0
    word = token.text
    if word in (",", ";"):
        before = previous.text if previous is not None else ""
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if word == "," and before[-1:].isdigit() and after[:1].isdigit():
            return 0                                   # a decimal comma, 1,602
        return 1
    if word in _SPACES:
        end = _group_end(tokens, i + 1) if word == r"\hspace" else i + 1
        after = tokens[end].text if end < len(tokens) else ""
        if previous is None or previous.text in _BINARY or after in _BINARY:
            return 0                                   # "&\quad + y" continues a sum
        return end - i
    if word in _ARROWS:
        end = i + 1
        if word.startswith(r"\x"):
            if end < len(tokens) and tokens[end].text == "[":
                while end < len(tokens) and tokens[end].text != "]":
                    end += 1
                end += 1
            end = _group_end(tokens, end)
        return end - i
    before = previous.text if previous is not None else ""
    if word in _TEXT and before not in ("_", "^") and before not in _BINARY and \
            not _is_relation_word(before) and is_prose(_group_text(tokens, i + 1)):
        end = _group_end(tokens, i + 1)
        if end < len(tokens) and tokens[end].text == "^":
            return 0                                   # "\text{ A m}^2": a unit
        return end - i
    if word == "(" and i + 1 < len(tokens) and tokens[i + 1].text in _TEXT and \
            is_prose(_group_text(tokens, i + 2)):
        end = _group_end(tokens, i + 2)             # "(\text{magnetic moment})"
        if end < len(tokens) and tokens[end].text == ")":
            return end + 1 - i
    return 0


def _is_relation_word(word):
    return word in ("=", "<", ">") or word in _RELATION_COMMANDS


def is_prose(content):
    """Words, not a unit (``\text{ MHz}``, units.toml) or a value (``\text{const}``)."""
    words = re.findall(r"[^\W\d_]+", content)
    return bool(words) and unit(content) is None and not all(
        unit(w) is not None or w.lower() in _VALUE_WORDS for w in words)


def _is_punctuation(content):
    """Brackets and stops only (``\text{)}``, ``\text{).}``): the prose's, not the formula's."""
    return bool(content.strip()) and re.fullmatch(r"[\s()\[\].,;:!?]+", content) is not None


@dataclass
class _Statement:
    sides: list          # lists of tokens; the first is None when the formula begins
    operators: list      # with a relation (its left side stands before the formula)


def _pieces(row):
    """A row's tokens split at its top-level separators; with each piece the words of
    the separator before it (``""`` for the first)."""
    pieces, current, previous, i, words = [], [], None, 0, [""]
    while i < len(row):
        size = _separator_at(row, i, previous)
        if size:
            pieces.append(current)
            words.append("".join((" " if t.gap else "") + t.text for t in row[i:i + size]))
            current = []
            i += size
            previous = None
            continue
        current.append(row[i])
        if not row[i].dropped:
            previous = row[i]
        i += 1
    pieces.append(current)
    return list(zip(pieces, words))


# "alpha = 90^\circ (i.e., v_par = 0)", "T = 2 pi/omega \text{ for } v_par = 0": words that
# make the statement after them the condition of the one before, not a claim of its own
_CONDITION_CUE = re.compile(r"\b(?:i\s*\.\s*e|d\s*\.\s*h|for|at|when|whenever|if|"
                            r"f[üu]r|bei|wenn|pour|quand|si)\b", re.IGNORECASE)


def _is_condition(words, sides, operators):
    r"""A piece after a cue word (``\text{ for }``) that gives one name a plain value
    (``v_\parallel = 0``, ``L = 4``): the condition of the statement before."""
    if not _CONDITION_CUE.search(words) or len(sides) != 2 or \
            [t.text for t in _kept(operators[0])] != ["="]:
        return False
    name, value = _kept(sides[0]), _kept(sides[1])
    number = "".join(t.text for t in value)
    return bool(name) and name[0].text not in _BINARY and \
        not any(t.text in ("+", "-", "/", r"\frac", r"\cdot", r"\times") for t in name) and \
        re.fullmatch(r"[-+]?\d+(?:\.\d+)?(?:\^\\circ|\^\{\\circ\}|\^o|\^0)?", number) is not None


def _sides(piece):
    sides, operators, current, i = [], [], [], 0
    while i < len(piece):
        size = _relation_at(piece, i)
        if size:
            sides.append(current)
            operators.append(piece[i:i + size])
            current = []
            i += size
            continue
        current.append(piece[i])
        i += 1
    sides.append(current)
    return sides, operators


def _rows(tokens):
    rows, current = [], []
    for token in tokens:
        current.append(token)
        if token.text in _ROW_BREAKS and token.top:
            rows.append(current)
            current = []
    rows.append(current)
    return [row for row in rows if _kept(row)]


def _has_relation(tokens):
    return any(_relation_at(tokens, i) for i in range(len(tokens)))


def _statements(tokens, environment):
    """The statements of a formula body (in ``environment``): rows, pieces, chains."""
    tokens, inner = _unwrap(_mark(tokens))
    tokens = _drop_markup(tokens, (inner or environment).rstrip("*") in _COLUMNS)
    rows = []
    for row in _rows(tokens):
        if rows and not _has_relation(row):
            rows[-1] = rows[-1] + row                    # a continued expression
        else:
            rows.append(row)
    statements = []
    for row in rows:
        for n, (piece, words) in enumerate(_pieces(row)):
            sides, operators = _sides(piece)
            for side in sides:
                _drop_spacing(side)
            if statements and n > 0 and _is_condition(words, sides, operators):
                continue                                 # read as a value, not judged
            keep = [k for k, side in enumerate(sides) if _kept(side)]
            if not keep:
                continue
            if keep[0] > 0:                              # begins with a relation
                keep = [0] + keep
                sides[0] = None                          # "$\approx 0.4$ s" after prose
            operators = [operators[k - 1] for k in keep[1:]]
            sides = [sides[k] for k in keep]
            if sides[0] is None and n == 0 and statements:
                _drop_final_stop(sides[-1])              # "&= c" continues the chain
                statements[-1].sides.extend(sides[1:])
                statements[-1].operators.extend(operators)
                continue
            if len(sides) > 1:
                _drop_final_stop(sides[-1])
                statements.append(_Statement(sides, operators))
    return statements


def _drop_spacing(side):
    """Drop spacing at the ends of a side, and a side that is only prose
    (``\approx \text{see the slide}``)."""
    kept = _kept(side)
    if kept and kept[0].text in _TEXT and _group_end(kept, 1) == len(kept) and \
            is_prose(_group_text(kept, 1)):
        for token in kept:
            token.dropped = True
        return
    while kept and kept[0].text in _TEXT and _group_end(kept, 1) < len(kept) and \
            _is_punctuation(_group_text(kept, 1)):      # "\text{(}v = 0": the prose's
        end = _group_end(kept, 1)                         # bracket around a formula
        for token in kept[:end]:
            token.dropped = True
        kept = kept[end:]
    for k in range(len(kept) - 1, 0, -1):               # "v = 0\text{)}"
        if kept[k].text in _TEXT and _group_end(kept, k + 1) == len(kept):
            if _is_punctuation(_group_text(kept, k + 1)):
                for token in kept[k:]:
                    token.dropped = True
                kept = kept[:k]
            break
    spacing = _SPACING | _SPACES
    for token in kept:                  # leading "\," and "\quad"
        if token.text not in spacing:
            break
        token.dropped = True
    for token in reversed(kept):
        if token.text not in spacing:
            break
        token.dropped = True


def _drop_final_stop(side):
    kept = _kept(side)
    while kept and kept[-1].text in (".", ",", ";", ":") and len(kept) > 1:
        kept[-1].dropped = True
        kept = kept[:-1]


def _latex(mapped, tokens):
    """The cleaned LaTeX of some tokens (a space where the text had one)."""
    parts, previous = [], None
    for token in _kept(tokens):
        if previous is not None and previous.end != token.start:
            parts.append(" ")
        parts.append(mapped.text[token.start:token.end])
        previous = token
    return "".join(parts)


def _span(mapped, tokens):
    kept = _kept(tokens)
    return mapped.origins[kept[0].start], mapped.origins[kept[-1].end - 1] + 1


def _clean(text, start, end, fmt):
    mapped = _Mapped.of(text, start, end)
    if fmt == "latex":
        mapped = _comments(mapped)
    return restore_lost_escapes(mapped)


@dataclass(frozen=True)
class Side:
    """A side (or a relation) of a statement: cleaned LaTeX, offsets in the document."""

    latex: str
    start: int
    end: int


def statements(text, start, end, fmt, environment=""):
    """The formula ``text[start:end]`` cleaned, and its statements.

    Returns ``(cleaned LaTeX, [(sides, relations)...])``: per statement the
    :class:`Side` s of its chain (the first is None when the formula begins with a
    relation: its left side stands before the formula) and its relations.
    ``environment`` is the one the formula stands in (``align`` splits columns).
    """
    mapped = _clean(text, start, end, fmt)
    found = []
    for statement in _statements(_tokens(mapped.text), environment):
        found.append(tuple([None if part is None else Side(_latex(mapped, part),
                                                           *_span(mapped, part))
                            for part in parts]
                           for parts in (statement.sides, statement.operators)))
    return " ".join(mapped.text.split()), found
