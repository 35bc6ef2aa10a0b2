"""Every derivation builds, every step is proved, and each script runs on its own."""

import os
import subprocess
import sys

import pytest

from guidingcenter import registry

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
METHODS = {"given", "definition", "imported", "computed", "symbolic", "numeric"}


@pytest.mark.parametrize("name", registry.names())
def test_every_step_is_proved(name):
    derivation = registry.derivation(name)
    assert derivation.steps and derivation.assumptions and derivation.results
    for step in derivation.steps:
        assert step.proof.method in METHODS
        assert step.reason and "\n" not in step.reason
        if step.proof.method in ("symbolic", "numeric"):
            assert step.proof.detail.startswith("equal to step ")
    # typed forms are there, and were proved, not merely stated
    assert any(s.proof.method in ("symbolic", "numeric") for s in derivation.steps)


@pytest.mark.parametrize("name", registry.names())
def test_results_are_steps_of_their_derivation(name):
    derivation = registry.derivation(name)
    for result in derivation.results:
        assert derivation.steps[result.step - 1].statement == result.statement


def test_result_names_are_unique():
    names = [r.name for n in registry.names() for r in registry.derivation(n).results]
    assert len(names) == len(set(names))


def test_imported_steps_match_their_source():
    for name in registry.names():
        for step in registry.derivation(name).steps:
            if step.proof.method == "imported":
                source, result = step.proof.detail.split(":")
                assert registry.derivation(source).result(result).statement == step.statement


def test_scripts_run_on_their_own():
    # one interpreter for all scripts, run as files (as a reader would)
    code = ("import runpy, sys\n"
            "for path in sys.argv[1:]:\n"
            "    runpy.run_path(path, run_name='__main__')\n")
    paths = [os.path.join(ROOT, "derivations", f"{n}.py") for n in registry.names()]
    out = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True,
                         check=True).stdout
    assert out.count(r"\section{") == len(paths) and r"\begin{align*}" in out
