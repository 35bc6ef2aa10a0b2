"""Helpers for the documents tests: formulas found in a text (``$...$``, ``$$...$$``,
``\\(...\\)``, ``\\[...\\]``) as the objects document_context reads (line, column,
quote, latex), and the context of a text."""

import re
from types import SimpleNamespace

import pytest

from guidingcenter.check.documents.context import document_context

_MATH = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|(?<![\\$])\$([^$\n]+?)\$", re.S)


def formulas_of(text):
    """Every delimited formula of ``text``, in order."""
    found = []
    for match in _MATH.finditer(text):
        group = next(i for i in range(1, 5) if match.group(i) is not None)
        start = match.start(group)
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        found.append(SimpleNamespace(line=line, column=column, quote=match.group(group),
                                     latex=match.group(group).strip(), display=group < 3,
                                     start=start))
    return found


@pytest.fixture
def read():
    """``read(text)``: the DocumentContext of a text and its formulas."""
    def read(text):
        return document_context(text, formulas_of(text))
    return read


@pytest.fixture
def formulas():
    return formulas_of
