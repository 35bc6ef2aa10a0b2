"""The words of a document's prose that name quantities, particles and conditions.

The data is ``vocabulary.toml`` (phrases in English, German, French and Hebrew ->
the SymPy name of a symbol of :mod:`guidingcenter.symbols`, a particle, or a key of
:data:`guidingcenter.check.conditions.CONDITION_KEYS`); this module reads it once
and finds its phrases in text: case-insensitively, with ``-``, ``_`` and spaces
alike, longer phrases before shorter ones, and a Hebrew word with or without its
one-letter prefix (ה the, ב in, ל to, מ from, ו and, ש that).

>>> phrase = find_phrases("where r is the radius of curvature")[0]
>>> phrase.meaning, phrase.text
('R_c', 'radius of curvature')
>>> species_in("for 1 MeV Elektronen")
'e-'
"""

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from guidingcenter.check.latex.lexer import GREEK, unicode_command

__all__ = ["Phrase", "vocabulary", "find_phrases", "species_in", "conditions_in", "units_in",
           "unicode_name", "LINKS"]

_HEBREW_PREFIXES = "הבלמוש"
_HEBREW_PREFIX = f"[{_HEBREW_PREFIXES}]?"
_SEPARATOR = r"[\s\-_\u2010-\u2014]"


@dataclass(frozen=True)
class Phrase:
    """A vocabulary phrase found in text: what it means, where it stands."""

    meaning: str     # symbol name, particle ("p+", "e-") or condition key
    text: str        # the words as they stand in the text
    start: int
    end: int


@functools.lru_cache(maxsize=None)
def vocabulary():
    """The parsed ``vocabulary.toml`` (a dict of its tables)."""
    with resources.files(__package__).joinpath("vocabulary.toml").open("rb") as stream:
        return tomllib.load(stream)


def _word_pattern(word):
    escaped = re.escape(word)
    if any("\u0590" <= char <= "\u05ff" for char in word):
        return _HEBREW_PREFIX + escaped
    return escaped


def _phrase_pattern(phrase):
    """Regex of one phrase: words joined by any run of spaces or dashes."""
    words = [w for w in re.split(_SEPARATOR + "+", phrase.strip()) if w]
    parts = []
    for i, word in enumerate(words):
        if i:
            alnum = words[i - 1][-1].isalnum() and word[0].isalnum()
            parts.append(_SEPARATOR + ("+" if alnum else "*"))
        parts.append(_word_pattern(word))
    pattern = "".join(parts)
    if words[0][0].isalnum():
        pattern = r"(?<!\w)" + pattern
    if words[-1][-1].isalnum():
        pattern += r"(?!\w)"
    return pattern


@functools.lru_cache(maxsize=None)
def _matcher(table):
    """One regex for every phrase of ``table`` (longest first) and the meaning of each group."""
    data = vocabulary()[table]
    pairs = [(phrase, meaning) for meaning, phrases in data.items()
             if isinstance(phrases, list) for phrase in phrases]
    pairs.sort(key=lambda pair: -len(pair[0]))
    pattern = "|".join(f"(?P<g{i}>{_phrase_pattern(phrase)})"
                       for i, (phrase, _) in enumerate(pairs))
    return re.compile(pattern, re.IGNORECASE), [meaning for _, meaning in pairs]


@functools.lru_cache(maxsize=None)
def _first_words(table):
    """The first word of every phrase of ``table`` (casefolded; None if one has none)."""
    firsts = set()
    for phrases in vocabulary()[table].values():
        for phrase in phrases if isinstance(phrases, list) else ():
            words = re.findall(r"\w+", phrase.casefold())
            if not words:
                return None
            firsts.add(words[0])
    return frozenset(firsts)


def _may_hold(table, text):
    """A quick look before the regex: does ``text`` hold the first word of a phrase
    (a Hebrew word also without its one-letter prefix)?"""
    firsts = _first_words(table)
    if firsts is None:
        return True
    for word in re.findall(r"\w+", text.casefold()):
        if word in firsts or (word[:1] in _HEBREW_PREFIXES and word[1:] in firsts):
            return True
    return False


def _find(table, text):
    if not _may_hold(table, text):
        return []
    regex, meanings = _matcher(table)
    found = []
    for match in regex.finditer(text):
        index = int(match.lastgroup[1:])
        found.append(Phrase(meanings[index], match.group(), match.start(), match.end()))
    return found


def find_phrases(text):
    """Every quantity phrase in ``text``, in order: a list of :class:`Phrase` whose
    meaning is the SymPy name of a symbol."""
    return _find("quantities", text)


def species_in(text, nearest_to=None):
    """The particle a text speaks of (``"p+"``, ``"e-"``) or None; with several, the
    one nearest to the offset ``nearest_to`` (default: the last mentioned)."""
    found = _find("species", text)
    if not found:
        return None
    if nearest_to is None:
        return found[-1].meaning
    return min(found, key=lambda p: min(abs(p.start - nearest_to), abs(p.end - nearest_to)))\
        .meaning


def units_in(text):
    """The systems of units a text says it uses (``"SI"``, ``"Gaussian"``), in order."""
    return tuple(dict.fromkeys(phrase.meaning for phrase in _find("units", text)))


def conditions_in(text):
    """Keys of the conditions a text states, in order of first mention, each once."""
    keys = []
    for phrase in _find("conditions", text):
        if phrase.meaning not in keys:
            keys.append(phrase.meaning)
    return tuple(keys)


def unicode_name(char):
    r"""The LaTeX command of a Greek letter written in Unicode (``"θ"`` -> ``"\theta"``),
    or None."""
    command = unicode_command(char)
    return command if command and command[1:] in GREEK else None


class _Links:
    """The link words of ``[links]``, as regexes anchored where they are used."""

    @functools.cached_property
    def after(self):
        return _alternation(vocabulary()["links"]["after"])

    @functools.cached_property
    def before(self):
        return _alternation(vocabulary()["links"]["before"])

    @functools.cached_property
    def explains(self):
        return _alternation(vocabulary()["links"]["explains"])

    @functools.cached_property
    def defines(self):
        return _alternation(vocabulary()["links"]["defines"])


def _alternation(phrases):
    return "(?:" + "|".join(_phrase_pattern(p) for p in sorted(phrases, key=len,
                                                                reverse=True)) + ")"


LINKS = _Links()
