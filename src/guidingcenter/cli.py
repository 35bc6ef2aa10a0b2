"""The ``guidingcenter`` command.

``guidingcenter list [--json]`` names the derivations;
``guidingcenter derive NAME... | --all [--format latex|markdown|json] [--out DIR]``
prints or writes them (with ``--out``, one file per derivation and one document
named after the selection); ``guidingcenter verify [--json] [--source FILE]`` judges
every formula and number of the lecture notes; ``guidingcenter check FORMULA
[--latex] [--against NAME] [--json]`` judges a formula you type;
``guidingcenter fits [--json]`` measures the published dipole fits.  Findings are
not failures (exit 0); errors print one line on stderr and exit with status 2.
"""

import argparse
import json
import os
import sys

from guidingcenter import __version__, registry, render
from guidingcenter.io import write_atomic

__all__ = ["main", "CommandError"]


class CommandError(Exception):
    """A user error: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise CommandError(f"{message} (see '{self.prog} --help')")


DESCRIPTION = "Derive, machine-check and export the guiding-centre theory of charged particles."

EPILOG = """\
common invocations:
  guidingcenter list                          the derivations and their titles
  guidingcenter derive gradb_drift            one derivation, LaTeX on stdout
  guidingcenter derive --all --out out        every derivation into out/ (derivations.tex)
  guidingcenter check 'mu = m*v_perp**2/(2*B)'
                                              judge a formula (--latex for LaTeX)
  guidingcenter verify --source 004           judge the formulas of one lecture note
  guidingcenter fits                          the published dipole fits, measured

'guidingcenter COMMAND --help' tells more about each command. Errors print one
line on stderr and exit with status 2.
"""

DERIVE_EPILOG = """\
what a run writes:
  without --out   LaTeX: one \\section fragment per derivation; Markdown or JSON:
                  one document holding the derivations; all on stdout
  with --out DIR  NAME.EXT for each derivation (LaTeX: a fragment to \\input), and
                  one document holding the selection, named after it:
                    derivations.EXT              with --all
                    derivations-NAME.EXT         with one name
                    derivations-NAME+NAME.EXT    with several names
                  (EXT is tex, md or json; the LaTeX document compiles with pdflatex,
                  run twice for the table of contents).  A run never replaces the
                  document of another selection.
"""


def _parser():
    parser = _Parser(prog="guidingcenter", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    listing = commands.add_parser("list", help="list the derivations",
                                  description="The derivations, in dependency order, with "
                                              "their titles.")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    derive = commands.add_parser("derive", help="build, prove and render derivations",
                                 description="Build the derivations, prove every step and "
                                             "render them as LaTeX, Markdown or JSON.",
                                 epilog=DERIVE_EPILOG,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    derive.add_argument("names", nargs="*", metavar="NAME",
                        help="derivation names (see 'guidingcenter list'); a name given "
                             "twice is rendered once")
    derive.add_argument("--all", action="store_true", help="every derivation")
    derive.add_argument("--format", choices=("latex", "markdown", "json"), default="latex")
    derive.add_argument("--out", metavar="DIR", help="write files into DIR (created if "
                                                     "missing) instead of printing; see "
                                                     "below")
    verify = commands.add_parser("verify", help="judge the lecture notes' formulas")
    verify.add_argument("--json", action="store_true", help="machine-readable output")
    verify.add_argument("--source", metavar="FILE", help="one note (file name or its "
                                                         "number, e.g. 004)")
    fits = commands.add_parser("fits", help="measure the published bounce/drift fits "
                                            "against the exact dipole integrals")
    fits.add_argument("--json", action="store_true", help="machine-readable output")
    check = commands.add_parser("check", help="judge a formula against the derivations")
    check.add_argument("formula", metavar="FORMULA", help="SymPy syntax, or LaTeX with "
                                                          "--latex")
    check.add_argument("--latex", action="store_true", help="the formula is LaTeX")
    check.add_argument("--against", metavar="NAME", help="a derived result (default: "
                                                         "whichever it matches)")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def _progress(message):
    """Progress on a terminal only."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\033[K{message}")
        sys.stderr.flush()


def _build(names):
    derivations = []
    for i, name in enumerate(names, 1):
        _progress(f"deriving {name} ({i}/{len(names)}) ...")
        derivations.append(registry.derivation(name))
    _progress("")
    return derivations


def _list(args):
    rows = [(name, registry.module(name).derive.__module__, _title(name))
            for name in registry.names()]
    if args.json:
        print(json.dumps([{"name": n, "title": t} for n, _, t in rows], indent=2))
    else:
        width = max(len(n) for n, _, _ in rows)
        for name, _, title in rows:
            print(f"{name:<{width}}  {title}")


def _title(name):
    """The first paragraph of the derivation's docstring, whole, on one line."""
    paragraph = (registry.module(name).__doc__ or "").strip().split("\n\n")[0]
    return " ".join(paragraph.split()).rstrip(".") or name


_EXTENSIONS = {"latex": "tex", "markdown": "md", "json": "json"}


def _derive(args):
    if args.all and args.names:
        raise CommandError("give derivation names or --all, not both")
    if not args.all and not args.names:
        raise CommandError("give derivation names or --all "
                           f"(choose from: {', '.join(registry.names())})")
    if args.out is not None and not args.out.strip():
        raise CommandError("--out: give a folder name (an empty one was given); without "
                           "--out the output goes to stdout")
    names = registry.names() if args.all else list(dict.fromkeys(args.names))
    for name in names:
        registry.module(name)  # unknown names fail before any work
    derivations = _build(names)
    single = {"latex": render.latex_fragment, "markdown": render.markdown,
              "json": lambda d: json.dumps(render.to_json(d), indent=2, sort_keys=True,
                                           ensure_ascii=False) + "\n"}[args.format]
    combined = {"latex": render.latex_document, "markdown": render.markdown_document,
                "json": render.json_document}[args.format]
    if not args.out:
        if args.format == "latex":
            sys.stdout.write("\n".join(single(d) for d in derivations))
        else:
            sys.stdout.write(combined(derivations))
        return
    extension = _EXTENSIONS[args.format]
    outputs = {f"{d.name}.{extension}": single(d) for d in derivations}
    outputs[f"{_document_name(names)}.{extension}"] = combined(derivations)
    for filename, text in outputs.items():
        path = os.path.join(args.out, filename)
        try:
            write_atomic(path, text)
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror}") from None
        print(path)


def _document_name(names):
    """The combined document is named after the selection (see DERIVE_EPILOG), so a
    run never replaces the document of another selection."""
    if names == registry.names():
        return "derivations"
    return "derivations-" + "+".join(names)


def _source(text):
    from guidingcenter.catalog import SOURCES
    matches = [s for s in SOURCES if s == text or s.split("_")[0] == text]
    if not matches:
        raise CommandError(f"--source: unknown note {text!r}; choose from: "
                           f"{', '.join(SOURCES)}")
    return matches[0]


def _short(text, width):
    text = " ".join(text.replace("\t", " ").split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= width else text[:width - 3] + "..."


def _verify(args):
    from guidingcenter.catalog.evaluate import as_json, verify
    source = _source(args.source) if args.source else None
    rows = verify(source=source, progress=lambda done, total: _progress(
        f"judging entry {done}/{total} ..." if done < total else ""))
    if args.json:
        print(json.dumps(as_json(rows), indent=2, ensure_ascii=False))
        return
    for row in rows:
        print(f"{row.entry.source[:3]}  {_short(row.entry.quote, 48):48}  "
              f"{row.verdict:20}  {_short(row.diagnosis or row.condition, 90)}")
    counts = {}
    for row in rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    print(f"{len(rows)} entries: " + ", ".join(f"{n} {v}" for v, n in sorted(counts.items())))


def _check(args):
    import sympy as sp

    from guidingcenter import checker, parsing
    try:
        claim = (parsing.parse_latex if args.latex else parsing.parse_sympy)(args.formula)
    except parsing.ParseError as error:
        raise CommandError(str(error)) from None
    try:
        if args.against:
            finding = checker.compare(claim, registry.result(args.against))
        else:
            finding = checker.best_match(claim, registry.results().values())
    except checker.Uncheckable as error:
        raise CommandError(f"cannot check this formula: {error}") from None
    result = registry.result(finding.against)
    corrected = finding.corrected
    if args.json:
        print(json.dumps({
            "formula": args.formula, "verdict": finding.verdict, "against": finding.against,
            "derivation": result.derivation, "step": result.step,
            "condition": finding.condition, "diagnosis": finding.diagnosis,
            "corrected": sp.sstr(corrected) if corrected is not None else "",
            "corrected_latex": render.latex(corrected) if corrected is not None else "",
        }, indent=2))
        return
    where = f"result {finding.against} (derivation {result.derivation}, step {result.step})"
    if finding.verdict == "holds":
        print(f"holds: equal to {where}")
    elif finding.verdict == "holds-with-condition":
        print(f"holds only for {finding.condition}: compared with {where}")
    else:
        print(f"erratum: {finding.diagnosis}; compared with {where}")
    show = render.latex if args.latex else sp.sstr   # answer in the syntax of the question
    if corrected is not None and finding.verdict != "holds":
        print(f"corrected: {show(corrected)}")
        print(f"derived:   {show(result.statement)}")


def _fits(args):
    from guidingcenter.dipole.fits import fit_error_table, format_fit_error_table
    rows = fit_error_table()
    if args.json:
        print(json.dumps([row._asdict() for row in rows], indent=2))
    else:
        print(format_fit_error_table(rows))


def main(argv=None):
    """Entry point; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        {"list": _list, "derive": _derive, "verify": _verify, "check": _check,
         "fits": _fits}[args.command](args)
    except BrokenPipeError:  # output piped into e.g. head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except CommandError as error:
        print(f"guidingcenter: error: {error}", file=sys.stderr)
        return 2
    except (registry.UnknownName, ValueError, OSError) as error:
        print(f"guidingcenter: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
