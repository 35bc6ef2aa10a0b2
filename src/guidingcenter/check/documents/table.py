"""The verdict table of ``guidingcenter verify``, fitted to the terminal.

One line per row: the source (when there are several), the line, a short quote,
the verdict and what is wrong (the diagnosis, else the condition, else the
reason).  The quote and the note share the width the terminal leaves
(:func:`shutil.get_terminal_size`); ``wide`` shows them whole.
"""

import shutil
import textwrap

__all__ = ["table", "closing_line", "terminal_width", "short"]

_VERDICT = len("holds-with-condition")


def terminal_width():
    """Columns of the terminal (``COLUMNS`` if set; 100 when not a terminal)."""
    return shutil.get_terminal_size((100, 24)).columns


def short(text, width=None):
    """``text`` on one line, printable, cut to ``width`` with ``...``.

    >>> short("a  b\\n c", 5), short("abcdefgh", 6)
    ('a b c', 'abc...')
    """
    text = " ".join(str(text).replace("\t", " ").split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    if width is None or len(text) <= width:
        return text
    return text[:max(0, width - 3)] + "..."


def _note(row):
    return row.get("diagnosis") or row.get("condition") or row.get("reason") or ""


def table(rows, width=None, wide=False, sources=None):
    """The lines of the table for ``rows`` (dicts with ``line``, ``quote``,
    ``verdict`` and ``diagnosis``/``condition``/``reason``; ``source``).

    Parameters
    ----------
    width : int, optional
        Columns to fit (default :func:`terminal_width`).
    wide : bool
        Whole quotes and notes, whatever the width.
    sources : bool, optional
        Show the source column (default: when the rows come from several sources).

    >>> rows = [{"source": "a.md", "line": 3, "quote": r"\\omega_c = qB/m",
    ...          "verdict": "holds"},
    ...         {"source": "a.md", "line": 12, "quote": r"r_L = \\frac{m v_\\perp}{2|q|B}",
    ...          "verdict": "erratum", "diagnosis": "constant factor 1/2"}]
    >>> print("\\n".join(table(rows, width=80)))
     3  \\omega_c = qB/m                holds
    12  r_L = \\frac{m v_\\perp}{2|q|B}  erratum               constant factor 1/2
    >>> print("\\n".join(table(rows, width=72)))
     3  \\omega_c = qB/m            holds
    12  r_L = \\frac{m v_\\perp}...  erratum               constant factor 1/2
    """
    rows = list(rows)
    if not rows:
        return []
    width = width or terminal_width()
    if sources is None:
        sources = len({row.get("source") for row in rows}) > 1
    source_width = max(len(str(row.get("source", ""))) for row in rows) if sources else 0
    source_width = min(source_width, max(8, width // 5))
    line_width = max(len(str(row.get("line", ""))) for row in rows)
    quotes = [short(row.get("quote", "")) for row in rows]
    notes = [short(_note(row)) for row in rows]
    fixed = (source_width + 2 if sources else 0) + line_width + 2 + _VERDICT + 2
    room = max(24, width - fixed - 2)          # for the quote and the note
    quote_need, note_need = max(len(q) for q in quotes), max(len(n) for n in notes)
    if wide or quote_need + note_need <= room:
        quote_width = quote_need
    else:                                      # the quote gets at least 2/5 of the room
        quote_width = min(quote_need, max((room * 2) // 5, room - note_need))
    note_width = None if wide else room - quote_width
    lines = []
    for row, quote, note in zip(rows, quotes, notes):
        cells = [short(row.get("source", ""), source_width).ljust(source_width)] \
            if sources else []
        cells += [str(row.get("line", "")).rjust(line_width),
                  short(quote, None if wide else quote_width).ljust(quote_width),
                  row["verdict"].ljust(_VERDICT), short(note, note_width)]
        lines.append("  ".join(cells).rstrip())
    return lines


def closing_line(verdict_counts, what="relations", fragments=None, documents=None,
                 width=None):
    """``"12 relations: 8 holds, 1 erratum, 3 not-checkable"`` (+ fragments skipped),
    broken into lines of ``width`` when given.

    >>> closing_line({"holds": 8, "erratum": 1}, fragments=4, documents=2)
    '9 relations in 2 documents: 8 holds, 1 erratum (4 fragments skipped)'
    >>> closing_line({"erratum": 2}, fragments=1)
    '2 relations: 2 errata (1 fragment skipped)'
    >>> print(closing_line({"holds": 8, "erratum": 1}, fragments=4, width=30))
    9 relations: 8 holds, 1
    erratum (4 fragments skipped)
    """
    total = sum(verdict_counts.values())
    where = f" in {documents} documents" if documents and documents > 1 else ""
    parts = ", ".join(f"{n} {'errata' if v == 'erratum' and n != 1 else v}"
                      for v, n in verdict_counts.items()) or "nothing judged"
    skipped = f" ({fragments} fragment{'s' if fragments != 1 else ''} skipped)" \
        if fragments else ""
    line = f"{total} {what}{where}: {parts}{skipped}"
    return textwrap.fill(line, width, break_on_hyphens=False) if width else line
