"""The derivation engine: ordered steps, each computed or proved.

A :class:`Derivation` is data: a title, the assumptions it rests on, and an
ordered tuple of :class:`Step` (statement, one-line reason, :class:`Proof`).
Derivation scripts build one with a :class:`DerivationBuilder`:

* ``given`` / ``define`` / ``imported`` state the starting points (a law, a
  definition, a result proved by another derivation);
* ``substitute``, ``in_components``, ``average``, ``solve``, ``apply`` ...
  compute a new statement from earlier ones by a named operation;
* ``claim`` accepts a form typed by the author only if the prover shows it
  equal to what was computed: symbolically where SymPy decides, otherwise by
  a seeded high-precision numeric check on random points respecting the
  symbols' assumptions.  Either way the step records which proof it got; a
  step that cannot be proved raises :class:`StepNotProved`.
"""

import zlib
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter.proof import PROVERS, Proof, StepNotProved, prove_equal
from guidingcenter.vectors import Frame, FrameError, gyro_average

__all__ = ["Step", "Result", "Derivation", "DerivationBuilder", "equation",
           # the proof machinery, re-exported for derivation scripts (see guidingcenter.proof)
           "Proof", "StepNotProved", "prove_equal"]


def equation(lhs, rhs):
    """An unevaluated equation ``lhs = rhs`` (sides may be 3x1 matrices)."""
    return sp.Eq(_immutable(lhs), _immutable(rhs), evaluate=False)


def _immutable(value):
    return sp.ImmutableMatrix(value) if isinstance(value, sp.MatrixBase) else sp.sympify(value)


def _both_sides(statement, function):
    if isinstance(statement, sp.Equality):
        return equation(function(statement.lhs), function(statement.rhs))
    return _immutable(function(statement))


def _rhs(statement):
    return statement.rhs if isinstance(statement, sp.Equality) else statement


def _shortened(text, width=60):
    """``text`` on one line, cut to ``width`` characters with ``...``."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 3] + "..."


@dataclass(frozen=True, repr=False)
class Step:
    """One line of a derivation: statement, reason, proof."""

    index: int
    statement: sp.Basic
    reason: str
    proof: Proof
    label: str = ""

    def __repr__(self):
        return (f"<Step {self.index} ({self.proof.method}): {_shortened(self.reason, 50)}: "
                f"{_shortened(sp.sstr(self.statement))}>")


@dataclass(frozen=True, repr=False)
class Result:
    """A named result of a derivation, used by numeric code and the catalogue."""

    name: str
    statement: sp.Basic
    description: str
    derivation: str
    step: int
    frame: Frame = field(default=None, compare=False, repr=False)
    conditions: tuple = ()   # keys of checker conditions the result was derived under

    @property
    def expression(self):
        return _rhs(self.statement)

    def __repr__(self):
        return (f"<Result {self.name} (derivation {self.derivation}, step {self.step}): "
                f"{_shortened(sp.sstr(self.statement))}>")


@dataclass(frozen=True, repr=False)
class Derivation:
    """A finished, fully proved derivation (pure data)."""

    name: str
    title: str
    summary: str
    assumptions: tuple
    steps: tuple
    results: tuple
    references: tuple = ()
    numeric: tuple = ()

    def result(self, name):
        for result in self.results:
            if result.name == name:
                return result
        raise KeyError(f"derivation {self.name!r} has no result {name!r}")

    def __repr__(self):
        return (f"<Derivation {self.name} {self.title!r}: {len(self.steps)} steps; results "
                f"{', '.join(r.name for r in self.results) or 'none'}>")

    def _repr_latex_(self):
        from guidingcenter.render import latex_display
        return latex_display(self)


# --- building --------------------------------------------------------------------

class DerivationBuilder:
    """Builds a :class:`Derivation` one proved step at a time.

    Parameters
    ----------
    name : str
        Registry name (snake case).
    title, summary : str
        Human-readable title and one-paragraph summary.
    assumptions : sequence of str
        Everything the derivation rests on, shown in its output.
    frame : Frame, optional
        Meaning of the vector notation in components.
    domains : dict, optional
        Sampling intervals for numeric proofs, ``symbol -> (low, high)``.
    """

    def __init__(self, name, title, *, summary="", assumptions=(), frame=None,
                 domains=None, references=()):
        self.name, self.title, self.summary = name, title, summary
        self.assumptions = tuple(assumptions)
        self.references = tuple(references)
        self.frame = frame or Frame()
        self.domains = dict(domains or {})
        self.steps = []
        self.results = []
        self.numeric = []

    # -- starting points
    def given(self, statement, reason, label=""):
        """A law or assumption the derivation starts from."""
        return self._add(statement, reason, Proof("given", "stated"), label)

    def define(self, symbol, expression, reason, label=""):
        """Define ``symbol`` (scalar or vector) as ``expression``; later proofs expand it."""
        return self.meaning(self._add(equation(symbol, expression), reason,
                                      Proof("definition", "defined"), label))

    def imported(self, result, reason="", label=""):
        """A result proved by another derivation (a :class:`Result`)."""
        reason = reason or f"result {result.name} of derivation {result.derivation}"
        return self._add(result.statement, reason,
                         Proof("imported", f"{result.derivation}:{result.name}"), label)

    # -- computed steps
    def apply(self, step, function, reason, operation, label="", lhs=None, swap=False):
        """Apply ``function`` to both sides of ``step`` (a computed step).

        With ``lhs``, only the right-hand side is transformed and ``lhs`` names
        the new quantity (e.g. the average of a velocity is the drift).  With
        ``swap`` the new equation is written right to left, in the same step.
        """
        if lhs is not None:
            statement = equation(lhs, function(_rhs(step.statement)))
        else:
            statement = _both_sides(step.statement, function)
        statement, operation = _swapped(statement, operation, swap)
        return self._computed(statement, reason, operation, [step], label)

    def combine(self, steps, function, reason, operation, label=""):
        """A statement computed from several earlier steps' statements."""
        statement = function(*[s.statement for s in steps])
        return self._computed(_immutable(statement) if not isinstance(statement, sp.Equality)
                              else statement, reason, operation, steps, label)

    def substitute(self, step, mapping, reason, label="", lhs=None, swap=False):
        """Replace symbols (or sub-expressions) by what ``mapping`` gives
        (``swap``: write the result right to left)."""
        mapping = {k: _immutable(v) for k, v in mapping.items()}
        return self.apply(step, lambda side: _subs(side, mapping), reason,
                          "substitution", label, lhs, swap)

    def substitute_steps(self, step, sources, reason, label="", swap=False):
        """Substitute earlier equations ``lhs = rhs`` (each a step) into ``step``
        (``swap``: write the result right to left)."""
        mapping = {s.statement.lhs: s.statement.rhs for s in sources}
        statement = _both_sides(step.statement, lambda side: _subs(side, mapping))
        statement, operation = _swapped(statement, "substitution", swap)
        return self._computed(statement, reason, operation, [step, *sources], label)

    def in_components(self, step, reason="written in components", label="", at_origin=True,
                      how=None):
        """Expand vector notation into Cartesian components in this frame.

        With ``at_origin=False`` fields stay functions of the position
        (the frame's coordinates) instead of being evaluated at the origin.
        With ``how`` (e.g. ``sp.simplify``) each component is simplified in the
        same step, where the simplified form is the step's point.
        """
        evaluate = self.frame.explicit if at_origin else self.frame.field

        def expand(side):
            try:
                side = evaluate(side)
            except FrameError:
                return side  # e.g. a left-hand side naming the quantity being derived
            return _elementwise(side, how) if how else side
        return self.apply(step, expand, reason, _simplified("components in frame", how),
                          label)

    def evaluate(self, expr, reason, label="", how=None):
        """The equation ``expr = <its components at the origin>`` (computed), each
        component simplified with ``how`` if given."""
        value = self.frame.explicit(expr)
        statement = equation(expr, _elementwise(value, how) if how else value)
        return self._computed(statement, reason, _simplified("components in frame", how),
                              [], label)

    def truncate(self, step, coordinates, order, reason, label=""):
        """Keep terms up to total degree ``order`` in ``coordinates`` (a Taylor
        truncation: coordinates are scaled by a bookkeeping parameter)."""
        epsilon = sp.Dummy("epsilon")
        scale = {c: epsilon * c for c in coordinates}

        def cut(element):
            series = sp.expand(sp.sympify(element).xreplace(scale))
            return sum(series.coeff(epsilon, k) for k in range(order + 1))
        return self.apply(step, lambda side: _elementwise(side, cut), reason,
                          f"Taylor truncation at order {order}", label)

    def average(self, step, phase, reason, label="", lhs=None):
        """Average over the gyrophase ``phase`` (each side, or the right with ``lhs``)."""
        return self.apply(step, lambda side: gyro_average(side, phase), reason,
                          "gyro-average", label, lhs)

    def meaning(self, step):
        """Let the equation of ``step`` define its left-hand side in later proofs."""
        statement = step.statement
        key = "vectors" if statement.lhs.__class__.__name__ == "VectorSymbol" else "scalars"
        self.frame = self.frame.extended(**{key: {statement.lhs: statement.rhs}})
        return step

    def use_frame(self, frame):
        """Give the notation a new meaning in components for the steps that follow
        (e.g. a field of arbitrary orientation after a derivation in aligned axes)."""
        self.frame = frame

    def pull_constants(self, step, reason="constant factors taken out of the integrals",
                       label=""):
        """Move factors that do not depend on an integration variable out of it."""
        def pull(integral):
            inner, outer = integral.function.as_independent(*integral.variables,
                                                            as_Add=False)[::-1]
            return outer * integral.func(inner, *integral.limits)
        return self.apply(step, lambda side: side.replace(
            lambda e: isinstance(e, sp.Integral), pull), reason, "linearity of the integral",
            label)

    def simplify(self, step, reason="simplified", label="", how=sp.simplify):
        """Rewrite each side with a SymPy simplification (computed)."""
        return self.apply(step, lambda side: _elementwise(side, how), reason,
                          f"simplification ({how.__name__})", label)

    def solve(self, step, unknown, reason, label=""):
        """Solve an equation (scalar or 3-vector) for ``unknown``; result checked."""
        statement = step.statement
        difference = _as_matrix(statement.lhs) - _as_matrix(statement.rhs)
        solutions = sp.solve(list(difference), unknown, dict=True)
        if len(solutions) != 1:
            raise StepNotProved(f"derivation {self.name!r}: solving step {step.index} for "
                                f"{unknown}: {len(solutions)} solutions")
        solution = solutions[0]
        residual = difference.subs(solution).applyfunc(sp.simplify)
        if any(value != 0 for value in residual):
            raise StepNotProved(f"derivation {self.name!r}: solution does not satisfy "
                                f"step {step.index}: residual {list(residual)}")
        targets = unknown if isinstance(unknown, (list, tuple)) else [unknown]
        lhs = sp.Matrix(targets) if len(targets) > 1 else targets[0]
        rhs = sp.Matrix([solution[u] for u in targets]) if len(targets) > 1 else solution[lhs]
        return self._computed(equation(lhs, rhs), reason, "solve (solution substituted back)",
                              [step], label)

    def solve_ode(self, step, functions, initial, reason, label=""):
        """Solve the differential equations of ``step`` (one per component) for
        ``functions`` with initial values ``initial``; the solution is checked
        by substituting it back."""
        lhs, rhs = _as_matrix(step.statement.lhs), _as_matrix(step.statement.rhs)
        solutions = sp.dsolve([sp.Eq(a, b) for a, b in zip(lhs, rhs)], functions, ics=initial)
        solutions = solutions if isinstance(solutions, list) else [solutions]
        values = {solution.lhs: solution.rhs for solution in solutions}
        residual = (lhs - rhs).subs(values).doit().applyfunc(sp.simplify)
        if any(element != 0 for element in residual):
            raise StepNotProved(f"derivation {self.name!r}: ODE solution does not satisfy "
                                f"step {step.index}: residual {list(residual)}")
        statement = equation(sp.Matrix(functions), sp.Matrix([values[f] for f in functions]))
        return self._computed(statement, reason, "ODE solution (substituted back)", [step],
                              label)

    # -- typed forms
    def claim(self, statement, reason, of=None, label=""):
        """A form typed for readability, accepted only if proved equal to ``of``.

        ``of`` defaults to the previous step.  For equations the left-hand
        sides must agree and the right-hand sides are proved equal.
        """
        of = of or self.steps[-1]
        statement = (equation(statement.lhs, statement.rhs)
                     if isinstance(statement, sp.Equality) else _immutable(statement))
        index = len(self.steps) + 1
        seed = zlib.crc32(f"{self.name}:{index}".encode())
        try:
            proof = self._prove(statement, of.statement, seed)
        except StepNotProved as error:
            raise StepNotProved(f"derivation {self.name!r}, step {index} ({reason}): not proved "
                                f"equal to step {of.index}: {error}") from None
        proof = Proof(proof.method, f"equal to step {of.index}: {proof.detail}")
        return self._add(statement, reason, proof, label)

    def _prove(self, typed, computed, seed):
        if isinstance(typed, sp.Equality) != isinstance(computed, sp.Equality):
            raise StepNotProved("one is an equation, the other is not")
        pairs = ([(typed.lhs, computed.lhs), (typed.rhs, computed.rhs)]
                 if isinstance(typed, sp.Equality) else [(typed, computed)])
        pairs = [(a, b) for a, b in pairs if a != b] or pairs[-1:]
        # First with quantities defined by integrals (T(y), ...) kept opaque: cheap, and
        # enough when both sides contain them the same way; then fully expanded.
        opaque = Frame({**self.frame.vectors},
                       {k: v for k, v in self.frame.scalars.items()
                        if not sp.sympify(v).has(sp.Integral)},
                       self.frame.position, self.frame.point)
        frames = [self.frame]
        if len(opaque.scalars) < len(self.frame.scalars) and all(
                _same_opaque_parts(opaque, a, b) for a, b in pairs):
            frames.insert(0, opaque)
        attempts = [(prover, frame) for prover in PROVERS for frame in frames]
        for i, (prover, frame) in enumerate(attempts):
            try:
                proofs = [prove_equal(a, b, frame, self.domains, seed, (prover,))
                          for a, b in pairs]
            except StepNotProved:
                if i == len(attempts) - 1:
                    raise
                continue
            return proofs[-1]

    # -- results
    def result(self, name, step, description, conditions=()):
        """Publish ``step`` as the named result ``name``.

        ``conditions`` names special cases it was derived in ("vacuum",
        "nonrelativistic") where the toolkit also derives the general form.
        """
        self.results.append(Result(name, step.statement, description, self.name, step.index,
                                   self.frame, tuple(conditions)))
        return self.results[-1]

    def numeric_function(self, spec):
        """Ask for a generated NumPy function (a ``codegen.NumericSpec``)."""
        self.numeric.append(spec)

    def build(self):
        return Derivation(self.name, self.title, self.summary, self.assumptions,
                          tuple(self.steps), tuple(self.results), self.references,
                          tuple(self.numeric))

    # -- internals
    def _computed(self, statement, reason, operation, sources, label):
        origin = ", ".join(str(s.index) for s in sources)
        detail = f"{operation} of step {origin}" if sources else operation
        return self._add(statement, reason, Proof("computed", detail), label)

    def _add(self, statement, reason, proof, label):
        if not reason or "\n" in reason:
            raise ValueError(f"derivation {self.name!r}: a step needs a one-line reason")
        step = Step(len(self.steps) + 1, statement, reason, proof, label)
        self.steps.append(step)
        return step


def _same_opaque_parts(frame, a, b):
    """Whether both sides hold the same integrals and undefined functions in ``frame``
    (otherwise proving them equal with those kept opaque is hopeless)."""
    try:
        a, b = sp.sympify(frame.explicit(a)), sp.sympify(frame.explicit(b))
    except FrameError:
        return False
    return all(a.atoms(kind) == b.atoms(kind) for kind in (sp.Integral, AppliedUndef))


def _simplified(operation, how):
    return f"{operation}, simplified ({how.__name__})" if how else operation


def _swapped(statement, operation, swap):
    """The equation read right to left when ``swap`` (a rearrangement that needs no
    step of its own), and the operation's name saying so."""
    if not swap:
        return statement, operation
    if not isinstance(statement, sp.Equality):
        raise ValueError("swap: only an equation has sides to exchange")
    return equation(statement.rhs, statement.lhs), f"{operation}, sides exchanged"


def _subs(side, mapping):
    if isinstance(side, sp.MatrixBase):
        return side.applyfunc(lambda element: _subs(element, mapping))
    # Compound keys (e.g. ds/dlambda) are first replaced exactly, which reaches them
    # inside integrals too; subs then matches symbols, powers and products.
    compound = {key: value for key, value in mapping.items() if not key.is_Symbol}
    result = side.xreplace(compound).subs(mapping)
    return result.doit() if isinstance(result, sp.Derivative) else result


def _elementwise(side, function):
    if isinstance(side, sp.MatrixBase):
        return side.applyfunc(function)
    return function(side)


def _as_matrix(side):
    return sp.Matrix(side) if isinstance(side, sp.MatrixBase) else sp.Matrix([side])
