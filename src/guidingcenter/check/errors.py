"""The errors of the formula readers: one-line :class:`ParseError` and the internal
:class:`NotationError` (an operation the vector notation does not allow)."""

__all__ = ["ParseError", "NotationError"]


class ParseError(ValueError):
    """A formula that cannot be read; the message is one line.

    Attributes
    ----------
    reason : str
        What is wrong, e.g. ``unknown command \\foo``.
    column : int
        1-based position of the problem in the text.
    excerpt : str
        The text up to and including the problem (shortened with ``...``).
    unsupported : bool
        The text is well-formed mathematics the checker does not evaluate (a power of
        an operator, nabla^2 acting on what follows): not checkable, rather than unreadable.
    """

    def __init__(self, reason, text="", position=0, end=None, language="formula",
                 unsupported=False):
        position = max(0, min(position, len(text)))
        end = position + 1 if end is None else max(end, position + 1)
        start = max(0, position - 30)
        excerpt = (("..." if start else "") + text[start:min(len(text), end)])
        self.reason = " ".join(str(reason).split())
        self.column = position + 1
        self.excerpt = " ".join(excerpt.split())
        self.unsupported = unsupported
        where = f' in "{self.excerpt}"' if self.excerpt else ""
        super().__init__(f"cannot parse {language} at column {self.column}: "
                         f"{self.reason}{where}")


class NotationError(Exception):
    """Internal: an operation the vector notation does not allow (turned into a
    :class:`ParseError` at the operator's column by the parsers)."""
