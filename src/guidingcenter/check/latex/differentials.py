r"""Relations between differentials, written as the derivatives they state.

Textbooks integrate a field line by separating its differentials: ``\frac{dr}{r} =
-\frac{2\sin\lambda}{\cos\lambda}\,d\lambda = \frac{2\,d(\cos\lambda)}{\cos\lambda}``
(Baumjohann and Treumann, *Basic Space Plasma Physics*, 3.1), ``dr/r = 2\cot\theta\,
d\theta`` in the colatitude (Kivelson and Russell, *Introduction to Space Physics*, 6.2),
``ds = r_{eq}\cos\lambda\,(1 + 3\sin^2\lambda)^{1/2}\,d\lambda``, and write the
field-line equation as a quotient with a factor beside a differential,
``\frac{dr}{r\,d\lambda} = \frac{B_r}{B_\lambda}``, ``\frac{r\,d\theta}{dr} =
\frac{B_\theta}{B_r}``.  :func:`as_derivatives` rewrites such a line as the derivative
it states, so the grammar reads ordinary derivatives:

* a relation whose every side holds a differential, one of them ending in ``d z``, is
  divided by ``dz``: the trailing ``dz`` goes, ``dX`` becomes ``\frac{dX}{dz}`` and
  ``d(f)`` becomes ``\frac{d}{dz}(f)`` (the grammar differentiates an explicit f); with
  a trailing differential on both sides (``B_r\,r\,d\theta = B_\theta\,dr``) the last
  side's is the one divided by;
* ``\frac{dX}{Y\,dz}`` is ``\frac{1}{Y}\frac{dX}{dz}`` and ``\frac{Y\,dX}{dz}`` is
  ``Y\frac{dX}{dz}``.

A line with an integral is left alone (its ``dz`` closes the integral).
"""

import re

__all__ = ["as_derivatives"]

# d, \mathrm{d}, \text{d}, {\rm d}: the differential's d (not the d ending \lambda, \ud)
_D = r"(?:\\mathrm\s*\{\s*d\s*\}|\\text\s*\{\s*d\s*\}|\{\\rm\s+d\}|(?<![A-Za-z\\])d)"
_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?"
_SPACE = r"(?:\s|\\[,;:!]|~)*"
_TRAILING = re.compile(rf"{_SPACE}{_D}\s*(?P<z>{_NAME})\s*[.,]?\s*$")
_RELATION = re.compile(r"=|\\approx(?![A-Za-z])|\\simeq(?![A-Za-z])")
_FACTOR_BELOW = re.compile(
    rf"\\frac\{{\s*{_D}\s*(?P<x>{_NAME})\s*\}}\{{(?P<y>[^{{}}]*?[^\s{{}}\\,;][^{{}}]*?){_SPACE}"
    rf"{_D}\s*(?P<z>{_NAME})\s*\}}")
_FACTOR_ABOVE = re.compile(
    rf"\\frac\{{(?P<y>[^{{}}]*?[^\s{{}}\\,;][^{{}}]*?){_SPACE}{_D}\s*(?P<x>{_NAME})\s*\}}"
    rf"\{{\s*{_D}\s*(?P<z>{_NAME})\s*\}}")


def as_derivatives(text):
    r"""``text`` with its differentials written as derivatives (see the module docstring).

    >>> as_derivatives(r"\frac{dr}{r} = 2\cot\theta\,d\theta")
    '\\frac{\\frac{dr}{d\\theta}}{r} = 2\\cot\\theta'
    >>> as_derivatives(r"\frac{dr}{r\,d\lambda} = \frac{B_r}{B_\lambda}")
    '\\frac{1}{r}\\frac{dr}{d\\lambda} = \\frac{B_r}{B_\\lambda}'
    """
    text = _FACTOR_BELOW.sub(lambda m: rf"\frac{{1}}{{{m['y'].strip()}}}"
                                       rf"\frac{{d{m['x']}}}{{d{m['z']}}}", text)
    text = _FACTOR_ABOVE.sub(lambda m: rf"{m['y'].strip()}\frac{{d{m['x']}}}{{d{m['z']}}}",
                             text)
    if r"\int" in text or r"\oint" in text:
        return text
    sides, relations = _sides(text)
    if len(sides) < 2:
        return text
    ending = [_TRAILING.search(side) for side in sides]
    ending = [m if m and side[:m.start()].strip() else None      # ds alone: a leading d
              for m, side in zip(ending, sides)]
    variables = [m["z"].replace(" ", "") for m in ending if m]
    if not variables or len(set(variables)) > 2:
        return text
    z = variables[-1]              # B_r r d theta = B_theta dr: divided by dr
    written = []
    for side, end in zip(sides, ending):
        if end is not None:
            other = end["z"].replace(" ", "")
            side = side[:end.start()] + (rf" \frac{{d{other}}}{{d{z}}}" if other != z else "")
            if side.strip() in ("-", "+"):
                side = side + "1"
        else:
            side = _divided(side, z)
            if side is None:
                return text             # a side without a differential: no such relation
        written.append(side)
    return "".join(side + relation for side, relation in zip(written, relations + [""]))


def _sides(text):
    """The sides of the relations at the top level of ``text`` and the relations between."""
    sides, relations, depth, start = [], [], 0, 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and not _RELATION.match(text, index):
            index += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        found = _RELATION.match(text, index) if depth == 0 else None
        if found:
            sides.append(text[start:index])
            relations.append(found.group())
            index = start = found.end()
            continue
        index += 1
    return sides + [text[start:]], relations


_LEADING = re.compile(rf"^(?P<lead>\s*-?\s*){_D}\s*(?P<x>{_NAME})(?P<rest>\s*(?:/.*)?)$")
_NUMERATOR = re.compile(rf"^(?P<lead>\s*-?\s*)\\frac\{{(?P<a>[^{{}}]*?){_SPACE}{_D}\s*"
                        rf"(?P<x>{_NAME}|\((?P<f>[^()]*)\)|\\left\((?P<g>.*?)\\right\))\s*\}}"
                        rf"(?P<rest>.*)$")


def _divided(side, z):
    r"""A side that starts with a differential, divided by ``dz``: ``dr/r`` as
    ``\frac{dr}{dz}/r``, ``\frac{2\,d(\cos z)}{\cos z}`` as ``\frac{2\frac{d}{dz}(\cos z)}
    {\cos z}``, ``ds`` as ``\frac{ds}{dz}``; None when it has none."""
    found = _LEADING.match(side)
    if found:
        return rf"{found['lead']}\frac{{d{found['x']}}}{{d{z}}}{found['rest']}"
    found = _NUMERATOR.match(side)
    if not found:
        return None
    inner = found["f"] if found["f"] is not None else found["g"]
    derivative = rf"\frac{{d{found['x']}}}{{d{z}}}" if inner is None else \
        rf"\frac{{d}}{{d{z}}}\left({inner}\right)"
    numerator = f"{found['a'].strip()} {derivative}" if found["a"].strip() else derivative
    return rf"{found['lead']}\frac{{{numerator}}}{found['rest']}"
