"""Catalogue entries of note 004 (see guidingcenter.catalog.model.Entry)."""

import sympy as sp  # noqa: F401

from guidingcenter import symbols as S  # noqa: F401
from guidingcenter.catalog.model import Entry  # noqa: F401
from guidingcenter.vectors import Cross, Dot, Grad  # noqa: F401

SOURCE = "004_a7b92d7295368eeb.txt"

ENTRIES = [
]
