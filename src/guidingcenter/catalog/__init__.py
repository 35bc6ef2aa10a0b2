"""The catalogue of the four lecture notes: every formula and quantitative claim.

Data (one module per note: ``notes_000`` ... ``notes_004``) is kept apart from
the checking code (``evaluate``, which uses ``guidingcenter.check``).  The
notes themselves travel with the package (``seeds/``, byte-identical copies of
the originals; titles and authors in ``guidingcenter.bibliography``), so every
quote can be found again anywhere.
"""

from importlib import resources

from guidingcenter.catalog.model import Entry
from guidingcenter.catalog.notes_000 import ENTRIES as _E000
from guidingcenter.catalog.notes_002 import ENTRIES as _E002
from guidingcenter.catalog.notes_003 import ENTRIES as _E003
from guidingcenter.catalog.notes_004 import ENTRIES as _E004

ENTRIES = tuple(_E000) + tuple(_E002) + tuple(_E003) + tuple(_E004)
SOURCES = ("000_c8fd257ad00e115c.txt", "002_8a6d4af2dfb28493.txt",
           "003_f67432745c87b10e.txt", "004_a7b92d7295368eeb.txt")

__all__ = ["Entry", "ENTRIES", "SOURCES", "seed_text"]


def seed_text(source):
    """The text of a lecture note, as ``open(path).read()`` gives it."""
    if source not in SOURCES:
        raise ValueError(f"source: unknown note {source!r}; choose from: {', '.join(SOURCES)}")
    with resources.files(__name__).joinpath("seeds", source).open(encoding="utf-8") as stream:
        return stream.read()
