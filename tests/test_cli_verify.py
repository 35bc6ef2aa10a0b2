"""``guidingcenter verify``: documents and the catalogue, the table fitted to the terminal,
JSON, JSON Lines, the errata sheet, exit statuses and errors in one line."""

import io
import json
import os
import re
import shlex
import shutil

import pytest

from guidingcenter.cli import main

NOTES = r"""# Gyration

The gyrofrequency $\omega_c = qB/m$ and the radius
$$r_L = \frac{m v_\perp}{2|q|B}$$
of the orbit at the speed $v_\perp$ across $\vec{B}$; the drift
$\vec{v}_E = \frac{\vec{E} \times \vec{B}}{B^2}$ and the pitch angle
$\alpha = \tan^{-1}(v_\perp/v_\parallel)$.
"""


@pytest.fixture
def notes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "right.md").write_text("$\\omega_c = qB/m$\n", encoding="utf-8")
    return tmp_path


def run(argv, capsys):
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_table(notes, capsys):
    status, out, err = run(["verify", "notes.md"], capsys)
    assert status == 0
    assert err == "judging 4 relations in notes.md (2 fragments skipped)\n"
    lines = out.splitlines()
    assert lines[0].split() == ["3", "\\omega_c", "=", "qB/m", "holds"]
    assert lines[1].split()[:2] == ["4", "r_L"] and "erratum" in lines[1] and \
        lines[1].endswith("constant factor 1/2")
    assert lines[3].split()[0] == "7" and "holds-with-condition" in lines[3]
    assert lines[-1] == ("4 relations: 2 holds, 1 holds-with-condition, 1 erratum "
                         "(2 fragments skipped)")
    assert max(map(len, lines)) <= 100


def test_table_fits_the_terminal_and_wide_shows_all(notes, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = run(["verify", "notes.md"], capsys)
    assert max(map(len, out.splitlines())) <= 60 and "..." in out
    _, out, _ = run(["verify", "notes.md", "--wide"], capsys)
    assert r"\vec{v}_E = \frac{\vec{E} \times \vec{B}}{B^2}" in out
    assert "motion along B (v_par > 0)" in out


def test_json_and_strict(notes, capsys):
    status, out, err = run(["verify", "--json", "notes.md", "right.md", "--strict"], capsys)
    assert status == 1                                   # an erratum, and --strict
    rows = json.loads(out)
    assert [(r["source"], r["line"], r["verdict"]) for r in rows] == [
        ("notes.md", 3, "holds"), ("notes.md", 4, "erratum"), ("notes.md", 6, "holds"),
        ("notes.md", 7, "holds-with-condition"), ("right.md", 1, "holds")]
    assert rows[1]["quote"] == r"r_L = \frac{m v_\perp}{2|q|B}"
    assert rows[1]["diagnosis"] == "constant factor 1/2" and rows[1]["against"] == "gyroradius"
    assert err.splitlines()[-1].startswith("5 relations in 2 documents: 3 holds")
    assert run(["verify", "right.md", "--strict"], capsys)[0] == 0


def test_a_bad_file_is_one_line_and_the_rest_is_judged(notes, capsys):
    (notes / "bad.md").write_bytes(b"\x00\x01\x02")
    (notes / "odd.md").write_text("$$a = b\n\nand $\\omega_c = qB/m$\n")
    status, out, err = run(["verify", "missing.md", "bad.md", "odd.md", "right.md"], capsys)
    assert status == 2
    assert err.splitlines()[1:] == [
        "missing.md: cannot read: No such file or directory",
        "bad.md:1: a binary file, not a document (NUL bytes); not read",
        "odd.md:1: unbalanced $$: no closing $$ in its paragraph; read as text"]
    assert out.splitlines()[-1] == "2 relations in 4 documents: 2 holds"


@pytest.mark.parametrize("argv, message", [
    (["verify", "--source", "004", "notes.md"], "give FILEs or --source, not both"),
    (["verify", "--jsonl", "out.jsonl"], "--jsonl needs documents to judge"),
    (["verify", "--report", "errata.tex"], "--report needs documents to judge"),
    (["verify", "notes.md", "--report", "errata.pdf"], "must end in .tex"),
    (["verify", "notes.md", "--jobs", "0"], "--jobs: 0 is not a positive number"),
    (["verify", "empty"], "no documents found in empty"),
])
def test_usage_errors_are_one_line(notes, capsys, argv, message):
    (notes / "empty").mkdir()
    status, out, err = run(argv, capsys)
    assert status == 2 and out == "" and err.count("\n") == 1 and message in err


def test_json_lines_resume(notes, capsys):
    status, out, err = run(["verify", ".", "--jsonl", "out.jsonl"], capsys)
    assert status == 0 and err.startswith("judging 2 documents")
    first = (notes / "out.jsonl").read_bytes()
    assert first.count(b'"type": "document"') == 2
    status, again, _ = run(["verify", ".", "--jsonl", "out.jsonl"], capsys)
    assert (notes / "out.jsonl").read_bytes() == first and again == out
    assert out == "5 relations in 2 documents: 3 holds, 1 holds-with-condition, 1 erratum " \
                  "(2 fragments skipped)\n"


def test_report(notes, capsys, pdflatex):
    status, out, err = run(["verify", "notes.md", "--report", "errata.tex"], capsys)
    assert status == 0 and err.splitlines()[-1] == "wrote errata.tex and errata.pdf"
    tex = (notes / "errata.tex").read_text()
    assert r"\subsection*{notes.md, line 4}" in tex and "constant factor 1/2" in tex
    assert (notes / "errata.pdf").read_bytes().startswith(b"%PDF")


def test_scheduler(notes, capsys):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        status, out, err = run(["verify", "notes.md", "right.md", "--scheduler",
                                cluster.scheduler_address], capsys)
    assert status == 0 and err.startswith("judging 2 documents")
    assert out.splitlines()[-1].startswith("5 relations in 2 documents: 3 holds")


def test_progress_on_a_terminal_only(notes, capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["verify", "notes.md"]) == 0
    assert "\rnotes.md: relation 4/4 (document 1/1)" in terminal.getvalue().replace(
        "\033[K", "")
    monkeypatch.undo()
    _, _, err = run(["verify", "notes.md"], capsys)
    assert "\r" not in err


def test_catalogue(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    status, out, err = run(["verify", "--source", "000", "--strict"], capsys)
    assert status == 1                                # note 000 has an erratum
    assert err == "judging 22 entries of the catalogue of the lecture notes\n"
    lines = out.splitlines()
    assert max(map(len, lines)) <= 80
    assert lines[0].split()[:2] == ["1", "F_{z}"]       # the line in the note
    assert lines[-1] == "22 entries: 7 definition, 1 erratum, 8 holds, 6 not-checkable"


# --- README's examples ---------------------------------------------------------------------

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def readme_block(marker):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as stream:
        text = stream.read()
    return re.search(f"<!-- {marker} -->\n```sh\n(.*?)```", text, re.S).group(1)


def test_readme_verify_example(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    command, _, expected = readme_block("verify-example").partition("\n")
    argv = shlex.split(command.removeprefix("$ "))
    assert argv[0] == ".venv/bin/guidingcenter" and main(argv[1:]) == 0
    assert capsys.readouterr().out == expected


def test_readme_many_documents_example(capsys, monkeypatch, tmp_path):
    shutil.copytree(os.path.join(ROOT, "examples"), tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(readme_block("verify-many-example").strip())
    assert argv[0] == ".venv/bin/guidingcenter" and main(argv[1:]) == 0
    records = [json.loads(line) for line in (tmp_path / "results.jsonl").open()]
    assert {r["source"] for r in records if r["type"] == "document"} == {
        os.path.join("examples", "gyration.md")}
    assert main(argv[1:]) == 0                       # the rerun resumes: nothing to do
    assert capsys.readouterr().err.count("judging 1 document\n") == 2
