"""Catalogue entries of note 002 (see guidingcenter.catalog.model.Entry)."""

import sympy as sp  # noqa: F401

from guidingcenter import symbols as S  # noqa: F401
from guidingcenter.catalog.model import Entry  # noqa: F401
from guidingcenter.vectors import Cross, Dot, Grad  # noqa: F401

SOURCE = "002_8a6d4af2dfb28493.txt"

ENTRIES = [
]
