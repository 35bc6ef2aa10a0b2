"""Every generated function agrees with 30-digit evaluation of its derived result.

Tolerance 1e-13 (relative, on the vector norm): the generated code evaluates a
few dozen double-precision operations (rounding ~1e-15 each); no approximation
enters, so anything larger is a bug.  Functions of scalars are called twice,
with plain floats (the fast path, math on floats) and with 1-element arrays
(NumPy): both must agree with the reference, and with each other to a few
units in the last place (the same expression, evaluated by libm and by NumPy).
"""

import importlib
import random
import warnings

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
        low, high = arg.sample or (-3, 1)
        return [rng.uniform(-2, 2) * 10 ** rng.uniform(low, high) for _ in range(3)]
    if arg.name in spec.light_speed:   # keep the combined speed below c
        return rng.uniform(0, 0.5) * constants.c * (1 if arg.check != "real" else
                                                     rng.choice((-1, 1)))
    if arg.sample is not None:         # the spec's typical (positive) magnitudes
        return 10 ** rng.uniform(*arg.sample)
    if arg.check == ">=1":
        return rng.uniform(1, 10)
    if arg.check == "latitude":
        return rng.uniform(-1, 1)
    if arg.check == "pitch":
        return rng.uniform(0, np.pi)
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
    if spec.particle:                  # (a kernel may take m itself as an argument)
        q, m = charge_and_mass(particle)
        exact.update({S.q: sp.Rational(q), S.m: sp.Rational(m)})
    exact.update({S.c: sp.Rational(constants.c), S.e: sp.Rational(constants.e)})
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
    module = codegen.module_name(derivation.name)
    function = getattr(importlib.import_module(f"guidingcenter.numeric.{module}"),
                       spec.function)
    if spec.function.startswith("_"):  # private kernels: every argument positional
        assert spec.function not in numeric.__all__
    for kwargs, result_name, absolute in variants(spec):
        result = derivation.result(result_name)
        for particle in ("p+", "e-") if spec.particle else (None,):
            for _ in range(6):
                for _attempt in range(20):   # redraw inputs the function refuses
                    values = {a.name: random_value(a, spec, rng) for a in spec.args}
                    kernel = spec.function.startswith("_")   # every argument positional
                    positional = [values[a.name] for a in spec.args
                                  if kernel or not codegen._optional(a)]
                    keywords = {a.name: values[a.name] for a in spec.args
                                if not kernel and codegen._optional(a)}
                    if particle:
                        keywords["particle"] = particle
                    try:
                        with warnings.catch_warnings():   # random inputs may break the ordering
                            warnings.simplefilter("ignore")
                            got = function(*positional, **keywords, **kwargs)
                        break
                    except ValueError as error:  # outside the domain (speed >= c, B_max < B_0)
                        assert any(words in str(error) for words in refusals(spec)), error
                        continue
                else:
                    pytest.fail(f"{spec.function}: 20 random inputs in a row refused")

                want = reference(spec, result, values, particle or "p+")
                want = np.abs(want) if absolute else want
                assert np.linalg.norm(np.subtract(got, want)) <= RTOL * np.linalg.norm(want), (
                    spec.function, kwargs, values)
                if not any(a.vector for a in spec.args):      # the array path too
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        arrays = function(*[np.array([v]) for v in positional],
                                          **{k: np.array([v]) for k, v in keywords.items()
                                             if k != "particle"},
                                          **({"particle": particle} if particle else {}),
                                          **kwargs)
                    assert arrays.shape == (1,)
                    # libm and NumPy may round transcendental functions differently in the
                    # last place; a few ulp through a dozen operations
                    assert arrays[0] == pytest.approx(got, rel=4e-15, abs=0), spec.function


def refusals(spec):
    """What a refusal of random input may say: a speed at or above c, or a requirement."""
    meanings = [r.meaning if isinstance(r, codegen.Requirement) else r[2]
                for r in spec.requires]
    return ("below c", "light", *meanings)


def test_variants_see_a_wrong_reference():
    # the comparison can fail: the non-relativistic radius is not the relativistic one
    derivation, spec = next((d, s) for d, s in SPECS if s.function == "gyroradius")
    values = {"B": 1.0, "v_perp": 0.5 * constants.c, "v_par": 0.0}
    got = numeric.gyroradius(1.0, 0.5 * constants.c, "e-")
    wrong = reference(spec, derivation.result("gyroradius"), values, "e-")
    assert abs(got - wrong) > 0.1 * wrong
