"""README's examples work as written after its two set-up commands: the check
examples print what the command prints now, the derivation examples run, and no
example calls a bare ``guidingcenter`` or ``python`` the set-up never put on PATH."""

import os
import pathlib
import re
import shlex
import subprocess
import sys

import pytest

from guidingcenter import registry
from guidingcenter.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def readme():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as stream:
        return stream.read()


def block(marker):
    """The ```sh block after ``<!-- marker -->``."""
    return re.search(rf"<!-- {marker} -->\n```sh\n(.*?)```", readme(), re.S).group(1)


def examples():
    runs = re.split(r"^\$ ", block("check-example"), flags=re.M)[1:]
    for run in runs:
        command, _, output = run.partition("\n")
        yield shlex.split(command), output


def test_check_examples_match(capsys):
    found = list(examples())
    assert len(found) >= 2
    for argv, expected in found:
        assert argv[0] == ".venv/bin/guidingcenter"
        status = 1 if "\nerratum" in "\n" + expected else \
            2 if any(word in "\n" + expected for word in ("\nnot checkable", "\nrefused")) else 0
        assert main(argv[1:]) == status                 # like a linter: 0, 1 erratum, 2
        assert capsys.readouterr().out == expected


def commands():
    """Every command line of README's sh blocks (the check examples' "$ " lines only)."""
    for text in re.findall(r"```sh\n(.*?)```", readme(), re.S):
        for line in text.splitlines():
            if text.lstrip().startswith("$ ") and not line.startswith("$ "):
                continue   # the output of a check example
            line = line.removeprefix("$ ")
            for command in line.split("&&"):
                if command.strip():
                    yield shlex.split(command, comments=True)


def test_no_example_calls_a_command_the_set_up_did_not_install():
    found = list(commands())
    assert len(found) >= 12
    for argv in found:
        assert argv[0] not in ("guidingcenter", "python"), argv
        if argv[0] == "python3":
            assert argv[1:3] == ["-m", "venv"], argv   # only to make the environment


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A folder that looks like the repository after the set-up: .venv is the
    environment running the tests, derivations/ the repository's."""
    if not os.access(os.path.join(sys.prefix, "bin", "guidingcenter"), os.X_OK):
        if os.environ.get("CI") == "true":
            pytest.fail("the tests must run in the environment README's set-up makes")
        pytest.skip("the tests do not run in a virtual environment with guidingcenter")
    (tmp_path / ".venv").symlink_to(sys.prefix)
    (tmp_path / "derivations").symlink_to(os.path.join(ROOT, "derivations"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_derivation_examples_run_as_written(checkout, capsys):
    lines = [shlex.split(line, comments=True)
             for line in block("derivation-examples").splitlines() if line.strip()]
    assert [argv[0] for argv in lines] == [".venv/bin/guidingcenter"] * 4 + [".venv/bin/python"]
    for argv in lines[:-1]:
        assert os.access(argv[0], os.X_OK)
        assert main(argv[1:]) == 0      # in this process: the derivations are built once
    script = subprocess.run(lines[-1], capture_output=True, text=True)
    assert script.returncode == 0, script.stderr[-2000:]
    assert script.stdout.startswith(r"\section{Grad-B drift}")
    out = checkout / "out"
    assert (out / "derivations.md").read_text().count("\n## ") == len(registry.names())
    assert (out / "derivations-gyration+exb_drift.tex").read_text().count(r"\section{") == 2
    printed = capsys.readouterr().out
    assert re.match(r"gyration +Gyration of a charged particle", printed)
    assert printed.endswith("out/derivations-gyration+exb_drift.tex\n")


def test_the_pdflatex_example_sets_the_table_of_contents(checkout, pdflatex, capsys):
    # README's main command wrote out/derivations.tex
    assert main(["derive", "--all", "--format", "latex", "--out", "out"]) == 0
    run = subprocess.run(["bash", "-c", block("pdflatex-example")], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    toc = (checkout / "out" / "derivations.toc").read_text()
    assert toc.count(r"\contentsline {section}") == len(registry.names())


def test_the_virtual_environment_is_not_tracked():
    ignored = pathlib.Path(ROOT, ".gitignore").read_text().split()
    assert ".venv/" in ignored or ".venv" in ignored
