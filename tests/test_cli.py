"""The command line: output, files, and one-line errors with exit status 2."""

import json
import math
import re
import shlex
import subprocess
import sys

import pytest

from guidingcenter import registry
from guidingcenter import cli
from guidingcenter.cli import main


def test_list(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in registry.names())
    assert main(["list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data] == registry.names()


def test_help_is_plain_words_with_common_invocations(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    out = capsys.readouterr().out
    assert stopped.value.code == 0 and "``" not in out and "common invocations:" in out
    assert ("Derive, machine-check and export the guiding-centre theory of charged "
            "particles.") in out.splitlines()
    # every invocation the epilog shows is one the parser accepts
    shown = [shlex.split(line.strip().split("   ")[0])   # the command, before its gloss
             for line in cli.EPILOG.splitlines() if line.strip().startswith("guidingcenter ")]
    assert len(shown) >= 5
    for argv in shown:
        assert argv[0] == "guidingcenter"
        cli._parser().parse_args(argv[1:])


def test_derive_help_says_what_each_run_writes(capsys):
    with pytest.raises(SystemExit):
        main(["derive", "--help"])
    out = capsys.readouterr().out
    for name in ("derivations.EXT", "derivations-NAME.EXT", "derivations-NAME+NAME.EXT",
                 "never replaces"):
        assert name in out


def test_list_titles_are_whole(capsys):
    # curvature_drift's summary runs over two docstring lines: it used to be cut after "and the"
    whole = ("Curvature drift, the vacuum identity (b.grad)b = grad_perp B / B, and the "
             "combined grad-B + curvature drift")
    assert main(["list"]) == 0
    assert re.search(rf"^curvature_drift +{re.escape(whole)}$", capsys.readouterr().out,
                     re.M)
    assert main(["list", "--json"]) == 0
    titles = {d["name"]: d["title"] for d in json.loads(capsys.readouterr().out)}
    assert titles["curvature_drift"] == whole
    assert not any(t.endswith((" and the", " the", ",")) for t in titles.values())


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


def test_a_subset_never_replaces_the_document_of_another_selection(tmp_path, capsys):
    assert main(["derive", "--all", "--format", "markdown", "--out", str(tmp_path)]) == 0
    everything = (tmp_path / "derivations.md").read_text()
    assert main(["derive", "gyration", "--format", "markdown", "--out", str(tmp_path)]) == 0
    assert main(["derive", "gyration", "exb_drift", "--format", "markdown",
                 "--out", str(tmp_path)]) == 0
    assert (tmp_path / "derivations.md").read_text() == everything
    assert everything.count("\n## ") == len(registry.names())
    one = (tmp_path / "derivations-gyration.md").read_text()
    two = (tmp_path / "derivations-gyration+exb_drift.md").read_text()
    assert one.count("\n## ") == 1 and two.count("\n## ") == 2
    printed = capsys.readouterr().out.split()
    assert printed[-3:] == [str(tmp_path / n) for n in ("gyration.md", "exb_drift.md",
                                                        "derivations-gyration+exb_drift.md")]


def test_a_name_given_twice_is_rendered_once(capsys, tmp_path):
    assert main(["derive", "gyration", "gyration", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.count("## Gyration") == 1
    assert main(["derive", "gyration", "gyration", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["derivations-gyration.tex",
                                                          "gyration.tex"]
    assert (tmp_path / "derivations-gyration.tex").read_text().count(r"\section{") == 1


def test_a_write_error_names_the_file(tmp_path, capsys):
    (tmp_path / "gyration.md").mkdir()   # a folder where the file should go
    assert main(["derive", "gyration", "--format", "markdown", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == f"guidingcenter: error: cannot write {tmp_path / 'gyration.md'}: " \
                  "Is a directory\n"


@pytest.mark.parametrize("argv,fragment", [
    (["derive", "gyration", "--out", ""], "--out: give a folder name"),
    (["derive", "gyration", "--out", " "], "--out: give a folder name"),
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


def test_check_sympy_and_latex(capsys):
    assert main(["check", "mu = m*v_perp**2/(2*B)"]) == 0
    assert capsys.readouterr().out.startswith("holds: equal to result magnetic_moment")
    latex = (r"\vec{v}_{\nabla B} = \frac{m v_{\perp}^2}{qB^3} "
             r"\left(\vec{B} \times \nabla B \right)")
    assert main(["check", "--latex", latex]) == 1              # an erratum exits 1
    out = capsys.readouterr().out
    assert out.startswith("erratum: constant factor 2") and r"\frac{m v_\perp^{2}" in out
    assert main(["check", "--json", "--against", "gyroradius", "r_L = m*v_perp/(q*B)"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "holds-with-condition" and "q > 0" in data["condition"]


def test_check_a_formula_typed_in_unicode(capsys):
    # without --latex: the LaTeX reader takes Unicode (v⊥ is v_perp, v_∇B is v_{∇B})
    assert main(["check", "μ = m v⊥²/(2B)"]) == 0
    assert capsys.readouterr().out.startswith("holds")
    assert main(["check", "v_∇B = (m v⊥²/(2qB²)) B × ∇B"]) == 1
    assert capsys.readouterr().out.startswith("erratum: wrong exponent")
    # a backslash is LaTeX too (SymPy syntax has none)
    assert main(["check", r"\mu = \frac{m v_\perp^2}{2B}"]) == 0
    assert capsys.readouterr().out.startswith("holds")
    assert main(["check", r"\mu = \frac{m v_\perp^2}{2B^2}"]) == 1
    capsys.readouterr()
    # plain text that SymPy cannot read (|q|, a Greek name spelled out) is read as LaTeX
    assert main(["check", "rho = m v_perp/(|q| B)"]) == 0
    assert "gyroradius" in capsys.readouterr().out
    assert main(["check", "rho = m v_perp/(2 |q| B)"]) == 1
    assert capsys.readouterr().out.startswith("erratum: constant factor 1/2")


def test_check_an_arithmetic_slip_has_no_derived_result_to_print(capsys):
    worked = r"v_g = \frac{(1.67\times 10^{-27})(274)}{(1.6\times 10^{-19})(10^{-3})} \approx 2.9"
    assert main(["check", "--latex", worked]) == 1
    out = capsys.readouterr().out
    assert "off by a factor 1000" in out and "derived:" not in out


@pytest.mark.parametrize("argv,fragment", [
    (["check", "--latex", r"\frac{m v^2}{\foo}"], "column"),
    (["check", "__import__('os')"], "guidingcenter: error:"),
    (["check", "--against", "nonsense", "mu = 1"], "unknown result 'nonsense'"),
    (["verify", "--source", "007"], "unknown note '007'"),
])
def test_check_and_verify_errors_are_one_line(argv, fragment, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err


def test_fits_table(capsys):
    assert main(["fits", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    notes = next(r for r in rows if r["name"] == "T_notes")
    # the notes' 1.30 - 0.56 y is worst at y -> 0, where T(0) = 1 + ln(2 + sqrt 3)/(2 sqrt 3)
    T0 = 1 + math.log(2 + math.sqrt(3)) / (2 * math.sqrt(3))
    assert notes["max_rel_error"] == pytest.approx(1 - 1.30 / T0, rel=1e-9)
