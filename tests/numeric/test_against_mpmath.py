"""Every generated function agrees with 30-digit evaluation of its derived result.

Tolerance 1e-13 (relative, on the vector norm): the generated code evaluates a
few dozen double-precision operations (rounding ~1e-15 each); no approximation
enters, so anything larger is a bug.
"""

import importlib
import random

import numpy as np
import pytest
import sympy as sp

import guidingcenter.numeric as numeric
from guidingcenter import codegen, constants, registry
from guidingcenter import symbols as S
from guidingcenter.particles import charge_and_mass

SPECS = [(registry.derivation(name), spec) for name in registry.names()
         for spec in registry.derivation(name).numeric]
RTOL = 1e-13


def random_value(arg, spec, rng):
    if arg.vector:
        return [rng.uniform(-2, 2) * 10 ** rng.uniform(-3, 1) for _ in range(3)]
    if arg.name in spec.light_speed:   # keep the combined speed below c
        return rng.uniform(0, 0.5) * constants.c * (1 if arg.check != "real" else
                                                     rng.choice((-1, 1)))
    if arg.sample is not None:         # the spec's typical (positive) magnitudes
        return 10 ** rng.uniform(*arg.sample)
    if arg.check == ">=1":
        return rng.uniform(1, 10)
    if arg.unit == "J":                # 1 eV to 6 MeV
        return 10 ** rng.uniform(-19, -12)
    magnitude = 10 ** rng.uniform(-3, 3)
    return magnitude if arg.check in ("positive", "nonnegative") else magnitude * rng.choice(
        (-1, 1))


def reference(spec, result, values, particle):
    symbols = codegen.input_symbols(spec)
    exact = {}
    for arg in spec.args:
        target = symbols[arg.name]
        if arg.vector:
            exact.update({s: sp.Rational(v) for s, v in zip(target, values[arg.name])})
        else:
            exact[target] = sp.Rational(values[arg.name])
    q, m = charge_and_mass(particle)
    exact.update({S.q: sp.Rational(q), S.m: sp.Rational(m), S.c: sp.Rational(constants.c)})
    value = codegen.explicit_result(spec, result)
    if isinstance(value, sp.MatrixBase):
        return np.array([float(sp.N(e.xreplace(exact), 30)) for e in value])
    return float(sp.N(value.xreplace(exact), 30))


def variants(spec):
    """(keyword arguments, result name, absolute value?) for every option setting."""
    selects = [o for o in spec.options if o.kind == "select"] or [None]
    absolute = [o for o in spec.options if o.kind == "absolute"]
    out = []
    for option in selects:
        for choice in ((True, False) if option else (None,)):
            kwargs = {option.name: choice} if option else {}
            name = option.results[choice] if option else spec.result
            out.append((kwargs, name, bool(absolute)))
            if absolute:
                out.append(({**kwargs, absolute[0].name: True}, name, False))
    return out


@pytest.mark.parametrize("derivation,spec", SPECS, ids=[s.function for _, s in SPECS])
def test_agrees_with_mpmath(derivation, spec):
    rng = random.Random(sum(map(ord, spec.function)))
    function = getattr(importlib.import_module(f"guidingcenter.numeric.{derivation.name}"),
                       spec.function)
    if spec.function.startswith("_"):  # private kernels: every argument positional
        assert spec.function not in numeric.__all__
    checked = refused = 0
    for kwargs, result_name, absolute in variants(spec):
        result = derivation.result(result_name)
        for particle in ("p+", "e-") if spec.particle else (None,):
            for _ in range(6):
                values = {a.name: random_value(a, spec, rng) for a in spec.args}
                positional = [values[a.name] for a in spec.args if a.default is None]
                keywords = {a.name: values[a.name] for a in spec.args if a.default is not None}
                if particle:
                    keywords["particle"] = particle
                try:
                    got = function(*positional, **keywords, **kwargs)
                except ValueError as error:  # inputs outside the domain (speed >= c, ...)
                    assert "below c" in str(error) or "cannot" in str(error)
                    refused += 1
                    continue
                checked += 1
                want = reference(spec, result, values, particle or "p+")
                want = np.abs(want) if absolute else want
                assert np.linalg.norm(np.subtract(got, want)) <= RTOL * np.linalg.norm(want), (
                    spec.function, kwargs, values)
    assert checked >= 4 * refused  # most samples are evaluated, not refused


def test_variants_see_a_wrong_reference():
    # the comparison can fail: the non-relativistic radius is not the relativistic one
    derivation, spec = next((d, s) for d, s in SPECS if s.function == "gyroradius")
    values = {"B": 1.0, "v_perp": 0.5 * constants.c, "v_par": 0.0}
    got = numeric.gyroradius(1.0, 0.5 * constants.c, "e-")
    wrong = reference(spec, derivation.result("gyroradius"), values, "e-")
    assert abs(got - wrong) > 0.1 * wrong
