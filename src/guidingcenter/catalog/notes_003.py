"""Catalogue entries of note 003 (see guidingcenter.catalog.model.Entry)."""

import sympy as sp  # noqa: F401

from guidingcenter import symbols as S  # noqa: F401
from guidingcenter.catalog.model import Entry  # noqa: F401
from guidingcenter.vectors import Cross, Dot, Grad  # noqa: F401

SOURCE = "003_f67432745c87b10e.txt"

ENTRIES = [
]
