"""What a catalogue entry records (data only; the checking lives in ``evaluate``)."""

from dataclasses import dataclass, field

__all__ = ["Entry", "KINDS"]

KINDS = ("formula", "number", "definition", "not-checkable")


@dataclass(frozen=True)
class Entry:
    """One formula or quantitative claim of a lecture note.

    Attributes
    ----------
    source : str
        File name of the note in ``guidingcenter/catalog/seeds``.
    quote : str
        The formula or claim exactly as it stands there (a verbatim substring,
        control characters of the file included).
    kind : str
        ``formula`` (compared with a derived result), ``number`` (a worked
        value, recomputed), ``definition`` (nothing to derive) or
        ``not-checkable`` (``reason`` says why).
    claim : sympy expression or Eq
        The transcription, in the symbols of ``guidingcenter.symbols``.
    against : str
        Name of the derived result it is compared with.
    specialize : dict
        Substitutions applied to the derived result first (e.g. the mirror
        ratio from the equator to the mirror point: alpha_2 -> pi/2).
    stated : tuple
        Keys of ``checker.CONDITIONS`` that the note itself attaches.
    conditions : str
        The conditions the note attaches, in words.
    value, unit, scale, digits : float, str, float, int
        For numbers: the quoted value, its unit as quoted, the SI factor of
        that unit, and the number of significant digits quoted.
    inputs : dict
        For numbers: values of the symbols (SI); the note's own constants.
    compute : sympy expression, optional
        For numbers with no derived result to name (a constant such as 1 eV):
        what to evaluate instead of the result's right-hand side.
    relativistic : sympy expression, optional
        For a number the note computes with a Newtonian formula: the same quantity
        computed relativistically.  Where the two differ by more than the digits
        quoted, the number holds only for non-relativistic speeds.
    approximate : bool
        The note offers the formula as an approximation (a fit, "=~"): it is
        judged by its largest error over the domain rather than by identity.
    reason : str
        For ``definition`` and ``not-checkable``: why.
    note : str
        Anything else a reader should know (how the quote was read).
    """

    source: str
    quote: str
    kind: str = "formula"
    claim: object = None
    against: str = ""
    specialize: dict = field(default_factory=dict)
    stated: tuple = ()
    conditions: str = ""
    value: float = None
    unit: str = ""
    scale: float = 1.0
    digits: int = 0
    inputs: dict = field(default_factory=dict)
    compute: object = None
    relativistic: object = None
    approximate: bool = False
    reason: str = ""
    note: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind: {self.kind!r} is not one of {', '.join(KINDS)}")
