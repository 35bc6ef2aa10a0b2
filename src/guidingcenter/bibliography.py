"""The four lecture notes the derivations and the catalogue draw on, cited by title and author.

The notes travel with the package (``guidingcenter/catalog/seeds/``, file names
starting with the note's number), so a citation names the note by title and
author and gives its number, never a path on the machine it was written on.
"""

__all__ = ["LECTURE_NOTES", "lecture_notes"]

#: note number -> "author, title, kind" as the note itself gives them
LECTURE_NOTES = {
    "000": "Magnetic moment, English lecture slides (author not named)",
    "002": "Single Particle Electrodynamics, English derivation notes (author not named)",
    "003": "Charged particle motion in electromagnetic fields, Hebrew lecture notes "
           "(author not named)",
    "004": "W. Suttrop, Einführung in die Plasmaphysik: Einzelteilchen-Bewegung, lecture, "
           "Max-Planck-Institut für Plasmaphysik, Garching",
}


def lecture_notes(*numbers, where=None):
    """References to the lecture notes ``numbers``, one string each.

    ``where`` maps a note number to the section cited in it.

    >>> lecture_notes("004", where={"004": "sec. 4"})
    ('W. Suttrop, Einführung in die Plasmaphysik: ..., Garching, sec. 4 [note 004]',)
    """
    where = where or {}
    unknown = sorted(set(numbers) - set(LECTURE_NOTES) | set(where) - set(numbers))
    if unknown:
        raise ValueError(f"numbers: unknown or uncited note {unknown[0]!r}; choose from "
                         f"{', '.join(LECTURE_NOTES)}")
    return tuple(f"{LECTURE_NOTES[n]}{', ' + where[n] if n in where else ''} [note {n}]"
                 for n in numbers)
