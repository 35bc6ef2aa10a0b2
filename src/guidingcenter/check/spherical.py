r"""A field written in spherical unit vectors, judged component by component.

The dipole is printed as a vector in the unit vectors of spherical coordinates,
``\vec{B} = \frac{\mu_0 M_E}{4\pi r^3}(-2\sin\lambda\,\hat{e}_r + \cos\lambda\,\hat{e}_\lambda)``
in the latitude (Baumjohann and Treumann, *Basic Space Plasma Physics*, 3.1),
``\mathbf{B} = \frac{\mu_0 m}{4\pi r^3}(2\cos\theta\,\hat{\mathbf r} + \sin\theta\,
\hat{\boldsymbol\theta})`` in the colatitude (Griffiths, *Introduction to Electrodynamics*,
5.4; Kivelson and Russell, *Introduction to Space Physics*, 6.2), or as the list of its
spherical components ``(B_r, B_\theta, B_\phi)``.  :func:`by_components` writes such a
relation as the column of the components the toolkit derives, ``(B_r, B_lambda)``, with
``\hat{e}_\theta = -\hat{e}_\lambda`` (theta-hat points south, lambda-hat north) and theta
the colatitude pi/2 - lambda; the judge then compares component by component, so a flipped
sign of one component or two components swapped is named.
"""

import dataclasses
import re

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.line_functions import preference
from guidingcenter.check.matching import components
from guidingcenter.check.readings import component_results, options, placeholders
from guidingcenter.check.spelled import is_spelled, key_of

__all__ = ["by_components", "judged_by_components", "named", "UNIT_AXES"]

#: the axis each unit vector's name stands for (e_r, r-hat; e_theta, theta-hat; ...)
UNIT_AXES = {"r": "r", r"\theta": "theta", r"\vartheta": "theta", r"\lambda": "lambda",
             r"\varphi": "phi", r"\phi": "phi"}
_UNIT = re.compile(r"\\(?:hat|vec)\{(?:e\}_\{(?P<a>[^{}]+)\}|(?P<b>[^{}]+)\})")
_COLATITUDE = sp.pi / 2 - S.lam


def _axis(symbol):
    found = _UNIT.fullmatch(key_of(symbol)) if is_spelled(symbol) else None
    return UNIT_AXES.get(found["a"] or found["b"]) if found else None


def by_components(statement):
    r"""``(Eq((B_r, B_lambda), (...)), notes)`` for a relation that gives the magnetic field
    in spherical unit vectors or spherical components; None for any other.

    >>> from guidingcenter.check.parsing import read
    >>> claim, notes = by_components(read(
    ...     r"\vec{B} = k(2\cos\theta\,\hat{r} + \sin\theta\,\hat\theta)")[0].statement)
    >>> claim.rhs.T
    Matrix([[2*k*sin(lambda), -k*cos(lambda)]])
    """
    if not isinstance(statement, sp.Equality) or not _field(statement.lhs):
        return None
    rhs = statement.rhs
    if isinstance(rhs, sp.MatrixBase):
        if rhs.shape != (3, 1) or not any(_angle(entry) for entry in rhs):
            return None                    # Cartesian components: not this
        colatitude = any(_angle(entry) == "theta" for entry in rhs)
        found = dict(zip(("r", "theta" if colatitude else "lambda", "phi"), rhs))
        notes = ["components listed in spherical order (r, theta, phi)" if colatitude else
                 "components listed in spherical order (r, lambda, phi)"]
    else:
        units = {u: _axis(u) for u in sp.sympify(rhs).free_symbols if _axis(u)}
        if not units or len(set(units.values())) < len(units):
            return None
        expanded = sp.expand(rhs)
        found = {axis: expanded.coeff(unit) for unit, axis in units.items()}
        if sp.expand(expanded - sum(expanded.coeff(u) * u for u in units)) != 0:
            return None
        notes = ["a vector in spherical unit vectors, compared component by component"]
    if found.get("phi", 0) != 0 or ("theta" in found and "lambda" in found):
        return None
    colatitude = "theta" in found
    latitudinal = -found["theta"] if colatitude else found.get("lambda", 0)
    claim = sp.Eq(sp.Matrix([S.B_r, S.B_lam]), sp.Matrix([found.get("r", 0), latitudinal]),
                  evaluate=False)
    if colatitude:
        claim = claim.xreplace({p: _COLATITUDE for p in placeholders(claim)
                                if _angle(p) == "theta"})
        notes.append("theta read as the colatitude pi/2 - lambda; B_theta = -B_lambda")
    if claim.rhs.has(S.m) and not claim.rhs.has(S.M_E):
        # Griffiths and Jackson write the dipole moment m: a mass makes no field
        claim = claim.xreplace({S.m: S.M_E})
        notes.append("m read as the dipole moment")
    return claim, tuple(notes)


def _field(lhs):
    return lhs == S.B_vec or (is_spelled(lhs) and any(
        o.value == S.B_vec for o in options(lhs)))


def _angle(expr):
    """"theta" when ``expr`` holds a name read as the colatitude, "lambda" for the latitude."""
    if any(_COLATITUDE in [o.value for o in options(p)] and S.lam not in
           [o.value for o in options(p)][:1] for p in placeholders(expr)):
        return "theta"
    return "lambda" if sp.sympify(expr).has(S.lam) else None


def named(diagnosis, colatitude):
    """The judge's "component 2 (y)" of the column (B_r, B_lambda) named as the spherical
    component the formula wrote (the theta component in the colatitude)."""
    second = "theta" if colatitude else "lambda"
    return diagnosis.replace("component 1 (x)", "the r component").replace(
        "component 2 (y)", f"the {second} component")


def judged_by_components(statement, claim, notes, judge):
    """The verdict on a field in spherical unit vectors or components (``claim`` and
    ``notes`` of :func:`by_components`; ``judge(statement, against)`` gives a Verdict),
    against the result that gives those components; an erratum names the component."""
    found = [judge(claim, result) for result in component_results()
             if result.statement.lhs == claim.lhs]
    if not found:
        return judge(statement, None)
    best = min(found, key=preference)
    colatitude = any("colatitude" in note for note in notes)
    if best.verdict == "erratum" and best.edits == (("differs",),):
        best = _by_each_component(best, claim, judge, colatitude)
    if best.verdict == "erratum" and best.edits == (("sign",),):
        # every component flipped: Griffiths' dipole, moment along +z; the Earth's (and
        # the toolkit's M_E) points along -z
        best = dataclasses.replace(best, verdict="holds-with-condition", diagnosis="",
                                   corrected=None, edits=(), condition=(
                                       "a dipole moment along +z (the Earth's points "
                                       "along -z)"))
    return dataclasses.replace(best, statement=statement,
                               diagnosis=named(best.diagnosis, colatitude),
                               readings=tuple(note for note in best.readings
                                              if "axes with z along B" not in note) + notes)


def _by_each_component(verdict, claim, judge, colatitude):
    """An erratum of a field by its components that no edit of the column explains, judged
    component by component: the edit of the one component that is wrong, or the same edit
    in every component (a wrong power of r, sin for cos throughout)."""
    result = next(r for r in component_results() if r.statement.lhs == claim.lhs)
    parts = [judge(sp.Eq(left, right, evaluate=False), part)
             for left, right, part in zip(claim.lhs, claim.rhs, components(result))]
    wrong = [(index, part) for index, part in enumerate(parts) if part.verdict == "erratum"]
    kinds = {part.edits[0][0] for _, part in wrong if part.edits}
    if not wrong or len(kinds) != 1 or kinds == {"differs"} or \
            any(part.verdict not in ("holds", "erratum") for part in parts):
        return verdict
    if len(wrong) == 1:
        (index, part), = wrong
        where = "the r component" if index == 0 else \
            f"the {'theta' if colatitude else 'lambda'} component"
    else:
        part, where = wrong[0][1], "every component"
    return dataclasses.replace(verdict, diagnosis=f"in {where}: {part.diagnosis}",
                               edits=part.edits)
