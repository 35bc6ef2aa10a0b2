"""Catalogue entries of note 000 (see guidingcenter.catalog.model.Entry)."""

import sympy as sp  # noqa: F401

from guidingcenter import symbols as S  # noqa: F401
from guidingcenter.catalog.model import Entry  # noqa: F401
from guidingcenter.vectors import Cross, Dot, Grad  # noqa: F401

SOURCE = "000_c8fd257ad00e115c.txt"

ENTRIES = [
]
