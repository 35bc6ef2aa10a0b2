"""The command line: output, files, and one-line errors with exit status 2."""

import json
import subprocess
import sys

import pytest

from guidingcenter import registry
from guidingcenter.cli import main


def test_list(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in registry.names())
    assert main(["list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data] == registry.names()


def test_derive_to_stdout(capsys):
    assert main(["derive", "gyration", "--format", "markdown"]) == 0
    assert "$$" in capsys.readouterr().out
    assert main(["derive", "exb_drift", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "exb_drift"


def test_derive_all_writes_files_atomically_and_reproducibly(tmp_path, capsys):
    assert main(["derive", "--all", "--format", "latex", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted([f"{n}.tex" for n in registry.names()] + ["derivations.tex"])
    first = (tmp_path / "derivations.tex").read_bytes()
    assert main(["derive", "--all", "--format", "latex", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "derivations.tex").read_bytes() == first
    assert first.startswith(rb"\documentclass")


@pytest.mark.parametrize("argv,fragment", [
    (["derive", "nonsense"], "unknown derivation 'nonsense'"),
    (["derive"], "give derivation names or --all"),
    (["derive", "gyration", "--all"], "not both"),
    (["derive", "gyration", "--format", "pdf"], "invalid choice"),
    (["frobnicate"], "invalid choice"),
])
def test_errors_are_one_line_exit_2(argv, fragment, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err and err.startswith("guidingcenter: error:")


def test_module_entry_point_and_no_traceback():
    run = subprocess.run([sys.executable, "-m", "guidingcenter", "derive", "nope"],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1
