r"""Vectors and equations written component by component, as the checker judges them.

A textbook writes the E x B drift in a field along z as ``\mathbf{v}_E = \frac{1}{B}(E_y,
-E_x, 0)`` and the equation of motion as ``m\dot v_x = q v_y B,\ m\dot v_y = -q v_x B,
\ m\dot v_z = 0`` (Chen, *Introduction to Plasma Physics*, eqs. 2-2 and 2-13; Bellan,
*Fundamentals of Plasma Physics*, 3.1; Baumjohann and Treumann, *Basic Space Plasma
Physics*, 2.1).  The readers give a component as ``x-hat . X`` (``Dot(AXES["x"], X)``) and a
list of components as a column ``sp.Matrix``; this module says

* :func:`axis_of` -- which axis a component relation is about (``m \dot v_y``: y);
* :func:`collapsed` -- a column of the three components of one vector, in order
  (``(v_x, v_y, v_z)``, ``m (\dot v_x, \dot v_y, \dot v_z)``), is that vector;
* :func:`component_swaps` -- a component written for another of the same vector
  (``E_x`` where ``E_y`` is right), the edits the diagnosis tries;
* :func:`named_component` -- a flipped sign of one of several component relations (a
  display that states a vector by its components) named as that component's sign
  (``("component-sign", axis)``).
"""

import dataclasses
import itertools
import re

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.latex.components import AXES
from guidingcenter.vectors import Dot

__all__ = ["AXES", "axis_of", "component", "collapsed", "component_swaps", "named_component"]

_NAMES = "xyz"
# the components of the derived orbit and velocity, functions of time
_FUNCTIONS = {S.v_x_t: 0, S.v_y_t: 1, S.v_z_t: 2, S.x_t: 0, S.y_t: 1, S.X: 0, S.Y: 1}


def component(node):
    """``(axis index, vector)`` of a component ``x-hat . X``; None for anything else."""
    if not isinstance(node, Dot):
        return None
    for axis, vector in (node.args, node.args[::-1]):
        if isinstance(axis, sp.MatrixBase) and _unit(axis) and \
                not isinstance(vector, sp.MatrixBase):
            return list(axis).index(1), vector
    return None


def axis_of(side):
    """The axis (0, 1, 2) a component relation is about: its side is a multiple of one
    component (``m \\dot v_y``, ``(\\mathbf{v}_E)_y``, ``m dv_y/dt``, ``v_y(t)``); else None."""
    side = sp.sympify(side)
    if isinstance(side, sp.Derivative):
        side = side.expr
    _, factor = side.as_coeff_Mul() if not isinstance(side, sp.MatrixBase) else (1, None)
    candidates = [factor] + (list(factor.args) if isinstance(factor, sp.Mul) else [])
    axes = {_axis(node) for node in candidates} - {None}
    return axes.pop() if len(axes) == 1 else None


def _axis(node):
    if isinstance(node, sp.Derivative):
        node = node.expr
    found = component(node)
    if found is not None:
        return found[0]
    return _FUNCTIONS.get(node)


def collapsed(column):
    """A column of the three components of one vector X, each times the same factor k
    (``m (\\dot v_x, \\dot v_y, \\dot v_z)``), as k X; anything else as it is.  (``v_z``
    alone reads as v_par; beside v_x and v_y it is the velocity's z component.)"""
    if not (isinstance(column, sp.MatrixBase) and column.shape == (3, 1)):
        return column
    found = []
    for index, entry in enumerate(column):
        entry = sp.sympify(entry)
        factor, rest = entry.as_independent(Dot, as_Add=False)
        part = component(rest)
        if part is None and index == 2 and entry.has(S.v_par):
            (factor, rest), part = entry.as_independent(S.v_par, as_Add=False), (2, S.v_par)
            part = part if rest == S.v_par else None
        if part is None or part[0] != index:
            return column
        found.append((factor, part[1]))
    vectors = {vector for _, vector in found} - {S.v_par}
    if len({factor for factor, _ in found}) != 1 or len(vectors) != 1 or \
            (found[2][1] == S.v_par and not _velocity(vectors)):
        return column
    return found[0][0] * vectors.pop()


def _velocity(vectors):
    """The velocity (v_z is read as v_par: in a list (v_x, v_y, v_z), its z component)."""
    vector, = vectors
    return vector == S.v_vec or str(vector) == r"\vec{v}"


def component_swaps(expr):
    """``(description, edit, edited)``: two components of one vector exchanged (``E_x`` and
    ``E_y`` swapped), or one written for another of the same vector (``E_x`` where
    ``E_y`` is right)."""
    parts = sorted({node for node in sp.preorder_traversal(expr) if component(node)},
                   key=lambda node: (str(component(node)[1]), component(node)[0]))
    for a, b in itertools.combinations(parts, 2):
        if component(a)[1] == component(b)[1]:
            yield (f"components {_shown(a)} and {_shown(b)} swapped", ("swap", a, b),
                   expr.xreplace({a: b, b: a}))
    for node in parts:
        index, vector = component(node)
        for other in range(3):
            right = Dot(AXES[_NAMES[other]], vector)
            if other != index and right not in parts:
                yield (f"wrong component: {_shown(node)} where {_shown(right)} is right",
                       ("symbol", node, right), expr.xreplace({node: right}))


def _shown(node):
    """``E_x`` for the component x-hat . E_vec."""
    index, vector = component(node)
    name = re.sub(r"^\\(?:vec|mathbf)\{(.+)\}$|_vec$", r"\1", str(vector))
    return f"{name}_{_NAMES[index]}"


def named_component(finding, lhs):
    """A flipped sign of a relation about one component (``m \\dot v_y = q v_x B`` beside
    ``m \\dot v_x = q v_y B``), named as the sign of that component: edit
    ``("component-sign", axis)``.  Any other ``finding`` (a Finding or a Verdict) is
    returned as it is."""
    if finding.verdict != "erratum" or not finding.edits or finding.edits[0] != ("sign",):
        return finding
    axis = axis_of(lhs)
    if axis is None:
        return finding
    diagnosis = finding.diagnosis.replace(
        "flipped sign", f"flipped sign of the {_NAMES[axis]} component", 1)
    return dataclasses.replace(finding, diagnosis=diagnosis,
                               edits=(("component-sign", axis),) + finding.edits[1:])


def _unit(axis):
    """x-hat, y-hat or z-hat (a column of two zeros and a one)."""
    entries = list(axis)
    return axis.shape == (3, 1) and entries.count(1) == 1 and entries.count(0) == 2
