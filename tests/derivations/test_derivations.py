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


def test_references_cite_the_notes_by_title_and_author_not_by_a_path():
    from guidingcenter.bibliography import LECTURE_NOTES
    cited = set()
    for name in registry.names():
        for reference in registry.derivation(name).references:
            assert "seeds" not in reference and "/" not in reference, (name, reference)
            cited.update(n for n, title in LECTURE_NOTES.items() if title in reference)
    assert cited == set(LECTURE_NOTES)
    assert any("W. Suttrop, Einführung in die Plasmaphysik" in r
               for r in registry.derivation("drift_current").references)


def test_a_note_that_does_not_exist_is_refused():
    from guidingcenter.bibliography import lecture_notes
    with pytest.raises(ValueError, match="numbers: unknown or uncited note '001'"):
        lecture_notes("000", "001")
    with pytest.raises(ValueError, match="'004'"):
        lecture_notes("003", where={"004": "sec. 4"})   # a section of a note not cited


def test_the_sense_of_gyration_is_said_so_that_it_cannot_be_misread():
    import sympy as sp

    from guidingcenter import symbols as S
    from guidingcenter.numeric import gyrofrequency
    # The derived orbit: the velocity's angle in the x-y plane (B = B z-hat, i.e. B points
    # toward a viewer looking down the z axis) turns at -omega_c: clockwise for q > 0.
    vx, vy, _ = registry.result("larmor_velocity").expression
    turning = sp.simplify(sp.diff(sp.atan2(vy, vx), S.t))
    assert turning == -S.omega_c
    texts = [step.reason for name in ("gyration", "magnetic_moment")
             for step in registry.derivation(name).steps if "clockwise" in step.reason]
    texts.append(" ".join(gyrofrequency.__doc__.split()))
    assert len(texts) == 3
    for text in texts:
        assert "seen along" not in text
        assert "left-handedly about" in text and "clockwise when" in text
        assert "points toward the viewer" in text


def test_no_step_only_reads_an_earlier_one_from_right_to_left():
    import sympy as sp
    for name in registry.names():
        steps = registry.derivation(name).steps
        equations = [s for s in steps if isinstance(s.statement, sp.Equality)
                     and s.statement.lhs != s.statement.rhs]
        for i, step in enumerate(equations):
            flipped = (step.statement.rhs, step.statement.lhs)
            assert all((e.statement.lhs, e.statement.rhs) != flipped for e in equations[:i]), \
                (name, step.index)


def test_the_pitch_angle_is_reached_without_rearrangement_steps():
    # the speed, the components (v_perp, v_par) = v (sin, cos), then one step each
    assert [registry.result(n).step for n in ("pitch_angle_sin", "pitch_angle_tan")] == [3, 4]
    assert registry.derivation("mirror").steps[3].proof.detail == (
        "quotient, simplified, sides exchanged of step 2")


def test_steps_whose_point_is_the_result_are_simplified():
    import sympy as sp
    steps = registry.derivation("drift_period").steps
    # curl B of the dipole: the step's point is that it vanishes (a vacuum field)
    assert steps[0].statement.rhs == sp.zeros(3, 1)
    assert steps[0].proof.detail == "components in frame, simplified (simplify)"
    # the combined drift in the dipole: only the eastward component, in a few dozen operations
    drift = steps[2].statement.rhs
    assert drift[0] == drift[2] == 0 and sp.count_ops(drift[1]) < 40
