r"""Vectors written by their components, in the LaTeX grammar (a mixin of the parser).

Textbooks print a vector as a list of its Cartesian components,
``\mathbf{v}_E = (E_y B_z - E_z B_y,\ E_z B_x - E_x B_z,\ E_x B_y - E_y B_x)/B^2``
(Chen, *Introduction to Plasma Physics*, 2.2; Bellan, *Fundamentals of Plasma
Physics*, 3.2), ``\frac{1}{B}(E_y, -E_x, 0)`` in a field along z, or a column
``\begin{pmatrix} ... \end{pmatrix}``; and a component of a named vector as
``(\mathbf{v}_E)_y``.

* ``(a, b, c)``, ``[a, b, c]``, ``\left(a, b, c\right)``: the column vector
  (a, b, c) along x, y, z (an ``sp.ImmutableMatrix`` of shape (3, 1), as
  :meth:`matrix` gives one);
* ``(a, b)``: the components along x and y of a vector across a field along z
  (shape (2, 1); the checker compares it with the x and y components only).  A
  bracket right after a name is read first as the variables the name depends on
  (``B(r, \lambda)``, ``f(x, y)``: :meth:`skip_arguments`); an interval
  (``\alpha \in (0, \pi/2)``) is no equation and never reaches here;
* ``\begin{pmatrix} a & b & c \end{pmatrix}``, one row of three: the same column;
* ``(\vec{X})_y``: the component y-hat . X.
"""

import sympy as sp

from guidingcenter.vectors import Dot, is_vector

__all__ = ["Components", "AXES", "column"]

AXES = {axis: sp.ImmutableMatrix([int(axis == other) for other in "xyz"]) for axis in "xyz"}


def column(entries):
    """The column vector of ``entries`` (two or three scalar components)."""
    return sp.ImmutableMatrix(len(entries), 1, list(entries))


class Components:
    """Vectors written by their components (a mixin of the parser)."""

    def listed(self, opening, first):
        """After ``(a`` at a comma: the rest of the list ``, b, c)`` as a column vector (the
        closing bracket is left to the caller)."""
        entries = [first]
        while self.at("char", ","):
            comma = self.take()
            if self.at("close"):
                raise self.error("an empty component after ','", comma)
            entries.append(self.checked(self.expr()))
        if len(entries) > 3:
            raise self.error(f"a list of {len(entries)} entries: a vector has three "
                             "components (x, y, z)", opening)
        for entry in entries:
            if is_vector(entry):
                raise self.error("a component that is itself a vector", opening)
        return column(entries)

    def component_of(self, value):
        """``(\\vec{v}_E)_y``: the y component of the vector just read; else ``value``."""
        if not (self.at("char", "_") and is_vector(value)):
            return value
        end = self.group_end(self.index + 1)
        inner = [t for t in self.tokens[self.index + 1:end]
                 if not (t.kind == "char" and t.text in "{}")]
        if len(inner) != 1 or inner[0].kind != "letter" or inner[0].text not in AXES:
            return value
        self.index = end
        return Dot(AXES[inner[0].text], value)
