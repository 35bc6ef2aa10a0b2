r"""The guiding centre's equation of motion along B, written with the forces it names.

Every textbook writes the motion along the field line as Newton's law for the parallel
speed, its force the parallel parts of the electric force and of the gyro-averaged force
(Chen, *Introduction to Plasma Physics*, sec. 2.3.3, eq. 2-39; Baumjohann and Treumann,
*Basic Space Plasma Physics*, sec. 2.5; Bellan, *Fundamentals of Plasma Physics*, sec. 3.5;
Northrop, *The Adiabatic Motion of Charged Particles*, ch. 1)::

    m\frac{dv_\parallel}{dt} = -\mu\frac{\partial B}{\partial s},
    \qquad m\frac{dv_\parallel}{dt} = qE_\parallel - \mu\nabla_\parallel B,
    \qquad m\frac{dv_\parallel}{dt} = -q\frac{d\varphi}{ds}
        + \langle q\vec v_L\times(\vec r_L\cdot\nabla)\vec B\rangle_\parallel .

:func:`parallel_law` judges such a relation against the derived result
``parallel_equation_of_motion`` (m dv_par/dt = F . b-hat) with the force F that its terms
name: ``qE`` where a term has the electric field (``E_\parallel = \hat b\cdot\vec E``; the
potential's ``d\varphi/ds = \hat b\cdot\nabla\varphi = -E_\parallel``, E = -grad phi), and
the gyro-averaged force ``-\mu\nabla B`` (result ``gradB_force``; its parallel part is the
mirror force -mu dB/ds, dB/ds = b-hat . grad B) where a term has the field's variation
(mu, dB/ds, grad B, or the average written out on the Larmor orbit, in axes with z along
B).  ``m dv_par/dt = F_\parallel`` is the law itself: the force along B by its name.

The other parts of the guiding centre's motion as the same texts write them:

* :func:`rate` -- the rate of a sum along the path, term by term:
  ``d(\vec v_{gc\perp} + v_\parallel\hat b)/dt = d\vec v_{gc\perp}/dt + d(v_\parallel\hat b)/dt``,
  the last the derived ``parallel_velocity_rate`` (dv_par/dt b + v_par^2 (b.grad)b, since
  db/dt = v_par db/ds along the line and db/ds = (b.grad)b);
* :func:`rate_parts` -- the law of motion with the rate of v_gc written by its parts
  (``m d\vec v_{gc\perp}/dt + m dv_\parallel/dt\,\hat b + m v_\parallel^2(\hat b\cdot\nabla)
  \hat b = ...``): the part along B judged against ``parallel_velocity_rate``;
  :func:`cancelled` takes a rate that stands alike on both sides off both;
* :func:`across_b` -- the force across B of the perpendicular law written as a sum of
  derived forces, judged against the part across B of their sum.
"""

import re

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.dimensions import Inconsistent, dimension
from guidingcenter.check.algebra import replaced
from guidingcenter.check.conditions import CONDITION_KEYS
from guidingcenter.check.judge import Finding, Uncheckable, compare
from guidingcenter.check.lookup import ALONG_B
from guidingcenter.check.readings import every_reading
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad

__all__ = ["parallel_law", "across_b", "along_b", "rate", "rate_parts", "cancelled"]

# the rate of a velocity across B: d{\vec{v}_{gc\perp}}/d{t}, d{\vec{v}_{\perp}}/d{t}
_ACROSS_RATE = re.compile(r"d\{\\vec\{[vuV]\}_\{[^{}]*\\perp[^{}]*\}\}/d\{t\}")
# d(phi)/ds of the potential along the line, as the readers key it
_POTENTIAL_SLOPE = re.compile(r"d\{\\(?:varphi|phi|Phi)(?:_\{E\})?\}/d\{[sz]\}")
_E_PARALLEL = Dot(S.b_hat, S.E_vec)
_POTENTIAL = "d phi/ds read as b-hat . grad phi = -E_par (E = -grad phi)"
_ENERGY = "E_par read as the electric field along B, b-hat . E (not the energy W_par)"


def along_b(statement):
    r"""``(statement, readings)`` with the slope of the potential ``d\varphi/ds`` read as
    -b-hat . E (the statement unchanged when it has none)."""
    slopes = {node: -_E_PARALLEL for node in statement.free_symbols
              if is_spelled(node) and _POTENTIAL_SLOPE.fullmatch(key_of(node))}
    if not slopes:
        return statement, ()
    return statement.xreplace(slopes), (_POTENTIAL,)


def _field_along_b(statement):
    """``(statement, readings)``: ``q E_par`` read as the field along B where the energy
    W_par would be inconsistent, and dB/ds as b-hat . grad B."""
    readings = ()
    if statement.has(S.W_par) and _inconsistent(statement):
        energy = statement.xreplace({S.W_par: _E_PARALLEL})    # q E_par, not q W_par
        if not _inconsistent(energy):
            statement, readings = energy, (_ENERGY,)
    return statement.xreplace({S.dB_ds: Dot(S.b_hat, Grad(S.B))}), readings


def _inconsistent(statement):
    try:
        return dimension(statement.lhs) != dimension(statement.rhs)
    except Inconsistent:
        return True


def _field_variation(term):
    """A term of the gyro-averaged force: it has mu, grad B, or the field's derivatives."""
    return term.has(S.mu, S.B_vec) or bool(term.atoms(Grad, DirectionalDerivative))


def parallel_law(statement):
    """The verdict (a :class:`~guidingcenter.check.judge.Finding`) and the readings on
    ``m dv_par/dt = ...`` judged as the equation of motion along B (see the module
    docstring), its names read the first way that lets it be judged (a reading that holds
    before one that does not); None when the relation is not one, or names a force the
    toolkit does not derive (gravity, friction ...)."""
    if not isinstance(statement, sp.Equality):
        return None
    if statement.rhs.has(S.dvpar_dt) and not statement.lhs.has(S.dvpar_dt):
        statement = sp.Eq(statement.rhs, statement.lhs, evaluate=False)
    if not statement.lhs.has(S.dvpar_dt) or statement.rhs.has(S.dvpar_dt) or \
            statement.rhs.is_zero:
        return None
    statement, slope = along_b(statement)
    found = _first_reading(statement, _judged)
    return None if found is None else (found[0], slope + found[1])


def _first_reading(expr, judge):
    """``judge`` (giving ``(finding, readings)`` or None) on ``expr`` with its names read:
    the first reading that is no erratum, else the first erratum; None if none is judged."""
    found = None
    for substitution, words in every_reading(expr, per_name=2, limit=8):
        judged = judge(replaced(expr, substitution) if substitution else expr)
        if judged is not None:
            found = found or (judged[0], words + judged[1])
            if judged[0].verdict != "erratum":
                return judged[0], words + judged[1]
    return found


def _judged(statement):
    """:func:`parallel_law` on a relation whose names are all read."""
    if statement.lhs != S.m * S.dvpar_dt or \
            any(is_spelled(s) for s in statement.free_symbols):
        return None
    result = registry.result("parallel_equation_of_motion")
    if statement.rhs == S.F_parallel:                  # Newton's law along B: F_par by name
        return compare(sp.Eq(statement.lhs, Dot(S.F_vec, S.b_hat), evaluate=False),
                       result), ("F_par read as the force along B, b-hat . F",)
    claim, readings = _field_along_b(statement)
    terms = sp.Add.make_args(sp.expand(claim.rhs))
    electric = [t for t in terms if t.has(S.E_vec)]
    varying = [t for t in terms if not t.has(S.E_vec)]
    if not all(_field_variation(t) for t in varying):
        return None
    force = (S.q * S.E_vec if electric else 0) + \
        (registry.result("gradB_force").statement.rhs if varying else 0)
    # <...>_par written out on the Larmor orbit (its axes: z along B at the guiding centre)
    aligned = ("aligned",) if any(isinstance(node, sp.MatrixBase)
                                  for node in sp.preorder_traversal(claim)) else ()
    try:
        finding = compare(claim, result, specialize={S.F_vec: force}, stated=aligned)
    except Uncheckable:
        return None
    if finding.verdict == "holds-with-condition" and \
            finding.condition == CONDITION_KEYS["perpendicular"].name:
        finding = _slip(claim, result, force, aligned)  # E, grad B across B: no motion along B
    names = ["lorentz_force"] * bool(electric) + ["gradB_force"] * bool(varying)
    readings = readings + (f"F = {sp.sstr(force)}, the forces its terms name (results "
                           f"{', '.join(names)})",)
    if aligned:
        readings = readings + ("axes with z along B at the guiding centre (the average on "
                               "the Larmor orbit)",)
    return finding, readings


def _slip(claim, result, force, stated):
    """The erratum of a parallel law that holds only where E and grad B are across B (where
    it says 0 = 0): the term whose sign is flipped, when one is."""
    terms = sp.Add.make_args(claim.rhs)
    for term in terms:
        flipped = sp.Eq(claim.lhs, claim.rhs - 2 * term, evaluate=False)
        try:
            finding = compare(flipped, result, specialize={S.F_vec: force}, stated=stated)
        except Uncheckable:
            continue
        if finding.verdict == "holds":
            return Finding("erratum", result.name, f"flipped sign of the term {sp.sstr(term)}",
                           flipped, edits=(("term-sign", term),))
    return Finding("erratum", result.name, "differs from the derived result (it holds only "
                   "where E and grad B are across B, where nothing drives the motion along B)",
                   edits=(("differs",),))


def _along(speed):
    """The parallel speed: v_par, or a labelled speed along B (v_{gc\\parallel})."""
    return speed == S.v_par or is_spelled(speed) and bool(ALONG_B.fullmatch(key_of(speed)))


def rate(expr, named):
    r"""The time derivative of ``expr`` along the guiding centre's path, by linearity:
    ``d(\vec v_{gc\perp} + v_{gc\parallel}\hat b)/dt = d\vec v_{gc\perp}/dt +
    d(v_\parallel\hat b)/dt`` (the last the toolkit's ``dvparb_dt``, result
    ``parallel_velocity_rate``: dv_par/dt b-hat + v_par^2 (b-hat.grad)b-hat), constants of
    the particle (m, q, numbers) taken out; ``named(name)`` gives the rate of a name (or
    None).  None when a part has no rate the toolkit reads."""
    if isinstance(expr, sp.Add):
        parts = [rate(term, named) for term in expr.args]
        return None if any(part is None for part in parts) else sp.Add(*parts)
    if isinstance(expr, sp.Mul):
        constant = [f for f in expr.args if f.is_number or f in (S.m, S.q)]
        rest = sp.Mul(*[f for f in expr.args if f not in constant])
        if constant:
            found = rate(rest, named)
            return None if found is None else sp.Mul(*constant) * found
        if isinstance(rest, sp.Mul) and S.b_hat in rest.args and _along(rest / S.b_hat):
            return S.dvparb_dt                  # d(v_par b-hat)/dt: along the path
        return None
    return named(expr)


def _rate_of_across(term):
    """Whether ``term`` is (a constant times) the rate of a velocity across B."""
    return any(is_spelled(node) and _ACROSS_RATE.fullmatch(key_of(node))
               for node in term.free_symbols)


def rate_parts(statement):
    r"""``m\,d\vec v_{gc\perp}/dt + m\,dv_{gc\parallel}/dt\,\hat b - m v_\parallel^2
    \hat b\cdot\nabla\hat b = ...`` (the rate of v_gc written by its parts across and along
    B): ``(claim, law)``, the claim about the rate of v_par b-hat the parts along B state
    (``m d(v_par b)/dt = m dv_par/dt b + ...``, judged against parallel_velocity_rate) and
    the relation with those parts taken as that rate (the rate across B then stands for the
    whole rate, d v_gc_perp/dt + d(v_par b)/dt = d v_gc/dt); None when it is not one."""
    if not isinstance(statement, sp.Equality) or isinstance(statement.lhs, sp.MatrixBase):
        return None
    for side, other in ((statement.lhs, statement.rhs), (statement.rhs, statement.lhs)):
        terms = sp.Add.make_args(side)
        across = [t for t in terms if _rate_of_across(t)]
        along = [t for t in terms if t.has(S.dvpar_dt)]
        if len(across) != 1 or len(along) != 1 or other.has(S.dvpar_dt, S.dvparb_dt):
            continue
        coefficient = sp.simplify(along[0] / (S.dvpar_dt * S.b_hat))
        bending = [t for t in terms if t not in across + along and
                   t.has(S.kappa, DirectionalDerivative)]
        if coefficient.has(S.dvpar_dt, S.b_hat) or not bending or \
                len(across) + len(along) + len(bending) != len(terms):
            continue
        claim = sp.Eq(coefficient * S.dvparb_dt, along[0] + sp.Add(*bending), evaluate=False)
        law = sp.Eq(across[0], other, evaluate=False) if side is statement.lhs else \
            sp.Eq(other, across[0], evaluate=False)
        return claim, law
    return None


def cancelled(statement):
    """``statement`` with a rate that stands on both sides alike taken off both (m dv_perp/dt
    in m d(v_perp + v_par b)/dt = m dv_perp/dt + ...); the statement itself otherwise."""
    if not isinstance(statement, sp.Equality) or isinstance(statement.lhs, sp.MatrixBase):
        return statement
    left, right = sp.Add.make_args(sp.expand(statement.lhs)), \
        sp.Add.make_args(sp.expand(statement.rhs))
    common = [t for t in left if t in right and _rate_of_across(t)]
    if not common:
        return statement
    return sp.Eq(sp.Add(*[t for t in left if t not in common]),
                 sp.Add(*[t for t in right if t not in common]), evaluate=False)


# a force across B by its name: \vec{F}_\perp, \vec{F}_{\perp,gc}
_FORCE_ACROSS = re.compile(r"\\vec\{F\}_\{\\perp[^{}]*\}")
# the derived forces a term of F_perp may be, by what it has
_KINDS = (("curvature_force", lambda t: t.has(S.kappa) or any(
              d.args == (S.b_hat, S.b_hat) for d in t.atoms(DirectionalDerivative))),
          ("lorentz_force", lambda t: t.has(S.E_vec)),
          ("gradB_force", _field_variation))


def across_b(statement):
    r"""``\vec F_\perp = m v_\parallel^2\hat b\cdot\nabla\hat b + \langle q\vec v_L\times
    (\vec r_L\cdot\nabla)\vec B\rangle_\perp + q\vec E_\perp`` (the force across B of the
    perpendicular equation of motion, Northrop ch. 1, Chen sec. 2.3): ``(finding,
    readings)``, judged against the part across B of the derived forces its terms are --
    the centrifugal force -m v_par^2 (b.grad)b (curvature_force), the electric force qE,
    the gyro-averaged force -mu grad B (gradB_force); None when it is not such a sum."""
    if not isinstance(statement, sp.Equality) or not is_spelled(statement.lhs) or \
            not _FORCE_ACROSS.fullmatch(key_of(statement.lhs)):
        return None
    return _first_reading(statement.rhs, _across)


def _across(rhs):
    if any(is_spelled(s) for s in rhs.free_symbols):
        return None
    terms = sp.Add.make_args(rhs)
    kinds = [next((name for name, test in _KINDS if test(term)), None) for term in terms]
    if None in kinds or len(set(kinds)) < 2:          # a sum of two derived forces at least
        return None
    names = list(dict.fromkeys(kinds))
    force = sp.Add(*[S.q * S.E_vec if name == "lorentz_force" else
                     registry.result(name).statement.rhs for name in names])
    truth = sp.Eq(S.F_vec, Cross(S.b_hat, Cross(force, S.b_hat)), evaluate=False)
    aligned = ("aligned",) if any(isinstance(node, sp.MatrixBase)
                                  for node in sp.preorder_traversal(rhs)) else ()
    try:
        finding = compare(sp.Eq(S.F_vec, rhs, evaluate=False), truth, name=" + ".join(names),
                          stated=aligned)
    except Uncheckable:
        return None
    return finding, (f"F_perp read as the part across B of {sp.sstr(force)}, the forces "
                     f"its terms name (results {', '.join(names)})",)
