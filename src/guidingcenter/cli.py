"""The ``guidingcenter`` command.

``guidingcenter list [--json]`` names the derivations;
``guidingcenter derive NAME... | --all [--format latex|markdown|json] [--out DIR]``
prints or writes them (with ``--out``, one file per derivation and one document
named after the selection); ``guidingcenter verify [FILE...] [--json] [--report
ERRATA.tex]`` judges every formula of documents (with no FILE: of the lecture notes'
catalogue, ``--source NOTE`` for one); ``guidingcenter check FORMULA
[--latex] [--against NAME] [--json]`` judges a formula you type;
``guidingcenter fits [--json]`` measures the published dipole fits;
``guidingcenter confirm [NAME...] [--quick] [--json]`` confirms the guiding-centre
results against full orbits (exit 1 if a case fails).  Findings are not
failures (exit 0); errors print one line on stderr and exit with status 2.
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
  guidingcenter verify notes.md               judge every formula of a document
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

VERIFY_EPILOG = """\
examples:
  guidingcenter verify notes.md                 the table: line, quote, verdict, diagnosis
  guidingcenter verify --json paper.tex         one JSON entry per relation
  guidingcenter verify --report errata.tex notes.md
                                                an errata sheet (+ errata.pdf)
  guidingcenter verify course/ --jsonl out.jsonl --jobs 4
                                                many documents; a rerun resumes
  guidingcenter verify --source 004             the catalogue of one lecture note

exit status: 0; 1 with --strict when an erratum was found; 2 when a document could
not be read (the others are judged all the same) or on a usage error.
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
    verify = commands.add_parser(
        "verify", help="judge every formula of documents (or of the lecture notes)",
        description="Find every formula of Markdown, LaTeX or plain-text documents, split it "
                    "into the relations it states and judge each against the derived "
                    "results. With no FILE, judge the built-in catalogue of the lecture notes.",
        epilog=VERIFY_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    verify.add_argument("files", nargs="*", metavar="FILE",
                        help="documents, or folders searched for .md, .tex and .txt files")
    verify.add_argument("--json", action="store_true", help="one JSON entry per relation")
    verify.add_argument("--jsonl", metavar="OUT", help="stream the results to OUT as JSON "
                                                       "Lines; a rerun resumes")
    verify.add_argument("--report", metavar="ERRATA.tex", help="write an errata sheet (and "
                                                               "its PDF with pdflatex)")
    verify.add_argument("--jobs", metavar="N", type=int, default=1,
                        help="judge N documents at once (processes)")
    verify.add_argument("--scheduler", metavar="ADDRESS", help="judge on a Dask cluster "
                                                               "(guidingcenter[dask])")
    verify.add_argument("--strict", action="store_true", help="exit 1 when an erratum is "
                                                              "found")
    verify.add_argument("--wide", action="store_true", help="whole quotes in the table")
    verify.add_argument("--source", metavar="NOTE", help="the catalogue of one note (file "
                                                         "name or its number, e.g. 004)")
    fits = commands.add_parser("fits", help="measure the published bounce/drift fits "
                                            "against the exact dipole integrals")
    fits.add_argument("--json", action="store_true", help="machine-readable output")
    check = commands.add_parser(
        "check", help="judge a formula against the derivations",
        description="Judge a formula against the derived results.  Exit status, like a "
                    "linter: 0 every relation holds (with or without a condition), 1 an "
                    "erratum, 2 an error or nothing checkable.")
    check.add_argument("formula", metavar="FORMULA", help=(
        "SymPy syntax, or LaTeX with --latex (also without it when the formula has a "
        "backslash or is typed in Unicode: ω_c = qB/m, or is plain text SymPy cannot "
        "read: rho = m v_perp/(|q| B))"))
    check.add_argument("--latex", action="store_true", help="the formula is LaTeX (one "
                                                            "typed in Unicode is read so too)")
    check.add_argument("--against", metavar="NAME", help="a derived result (default: "
                                                         "whichever it matches; "
                                                         "'guidingcenter results' lists them)")
    check.add_argument("--units", choices=("SI", "Gaussian"), default="",
                       help="the units of the formula's source (default: SI, and Gaussian "
                            "too where the formula looks Gaussian)")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    results = commands.add_parser("results", help="list every derived result with its "
                                                  "statement")
    results.add_argument("--json", action="store_true", help="machine-readable output")
    confirm = commands.add_parser("confirm", help="confirm the guiding-centre results "
                                                  "against full Lorentz-force orbits")
    confirm.add_argument("names", nargs="*", metavar="NAME", help="cases or families (e.g. "
                         "gradB, drift_period); all if none")
    confirm.add_argument("--quick", action="store_true", help="the quick set (under 2 "
                                                              "minutes)")
    confirm.add_argument("--json", action="store_true", help="machine-readable output")
    confirm.add_argument("--list", action="store_true", help="list the case names")
    confirm.add_argument("--backend", choices=("auto", "numpy", "numba"), default="auto",
                         help="the pusher's path (auto: numba when installed)")
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


def _verify(args):
    if args.jobs < 1:
        raise CommandError(f"--jobs: {args.jobs} is not a positive number")
    if not args.files:
        needs = [flag for flag, given in (("--jsonl", args.jsonl), ("--report", args.report),
                                          ("--jobs", args.jobs != 1),
                                          ("--scheduler", args.scheduler)) if given]
        if needs:
            raise CommandError(f"{needs[0]} needs documents to judge (give FILE...)")
        return _verify_catalogue(args)
    if args.source:
        raise CommandError("--source picks a note of the catalogue; give FILEs or --source, "
                           "not both")
    return _verify_documents(args)


def _verify_catalogue(args):
    from guidingcenter.catalog import ENTRIES, seed_text
    from guidingcenter.catalog.evaluate import as_json, verify
    from guidingcenter.check.documents.table import closing_line, table, terminal_width
    source = _source(args.source) if args.source else None
    total = sum(1 for e in ENTRIES if source in (None, e.source))
    print(f"judging {total} entries of the catalogue of the lecture notes", file=sys.stderr)
    rows = verify(source=source, progress=lambda done, total: _progress(
        f"judging entry {done}/{total} ..." if done < total else ""))
    data = as_json(rows)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        texts = {s: seed_text(s) for s in {row["source"] for row in data}}
        for row in data:
            at = texts[row["source"]].find(row["quote"])
            row["line"] = texts[row["source"]].count("\n", 0, at) + 1 if at >= 0 else ""
            row["source"] = row["source"][:3]
        for line in table(data, wide=args.wide):
            print(line)
        counts = {}
        for row in rows:
            counts[row.verdict] = counts.get(row.verdict, 0) + 1
        print(closing_line(dict(sorted(counts.items())), "entries", width=terminal_width()))
    return 1 if args.strict and any(row.verdict == "erratum" for row in rows) else 0


def _verify_documents(args):
    from guidingcenter.check.documents import batch
    from guidingcenter.check.documents.report import PdfError, write_report
    from guidingcenter.check.documents.table import closing_line, table, terminal_width
    from guidingcenter.check.documents.verify import counts
    paths = batch.expand(args.files)
    if not paths:
        raise CommandError(f"no documents found in {', '.join(args.files)} (searched for "
                           f"{', '.join(batch.EXTENSIONS)})")
    if args.report and not args.report.endswith(".tex"):
        raise CommandError(f"--report: {args.report!r} must end in .tex (the PDF is written "
                           "beside it)")
    _announce(paths, args)
    _progress("building the derived results (read from the cache after the first run) ...")
    options = {"jobs": args.jobs, "scheduler": args.scheduler, "progress": _progress}
    if args.jsonl:
        written, skipped = batch.stream(paths, args.jsonl, **options)
        earlier = batch.read(args.jsonl) if skipped else {}
        judgements = [earlier[p] for p in skipped if p in earlier] + written
    else:
        judgements = list(batch.judge(paths, **options))
    _progress("")
    rows = [row for j in judgements for row in j.get("relations", ())]
    for judgement in judgements:
        for problem in judgement.get("problems", ()):
            print(f"{judgement['source']}:{problem['line']}: {problem['message']}",
                  file=sys.stderr)
        if "error" in judgement and not judgement.get("problems"):
            print(f"{judgement['source']}: {judgement['error']}", file=sys.stderr)
    closing = closing_line(counts(row["verdict"] for row in rows),
                           fragments=sum(j.get("fragments", 0) for j in judgements),
                           documents=len(judgements),
                           width=None if args.json or args.wide else terminal_width())
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        print(closing, file=sys.stderr)
    else:
        if not args.jsonl:
            for line in table(rows, wide=args.wide):
                print(line)
        print(closing)
    if args.report:
        try:
            written, overfull = write_report(judgements, args.report)
        except PdfError as error:
            raise CommandError(str(error)) from None
        for line in overfull:
            print(f"{args.report}: {line}", file=sys.stderr)
        print("wrote " + " and ".join(written), file=sys.stderr)
    if any("error" in j for j in judgements):
        return 2
    return 1 if args.strict and any(row["verdict"] == "erratum" for row in rows) else 0


def _announce(paths, args):
    """One line on stderr before the work: how much will be judged."""
    if args.jsonl or args.jobs > 1 or args.scheduler:
        print(f"judging {len(paths)} document{'s' if len(paths) != 1 else ''}",
              file=sys.stderr)
        return
    from guidingcenter.check.documents.extract import decode, extract
    relations = fragments = 0
    for path in paths:
        try:
            with open(path, "rb") as stream:
                text, _ = decode(stream.read(), path)
        except OSError:
            continue
        if text is not None:
            document = extract(text, path)
            relations += len(document.relations)
            fragments += document.fragments
    where = f"{len(paths)} documents" if len(paths) > 1 else paths[0]
    print(f"judging {relations} relation{'s' if relations != 1 else ''} in {where} "
          f"({fragments} fragment{'s' if fragments != 1 else ''} skipped)", file=sys.stderr)


def _check(args):
    import sympy as sp

    from guidingcenter.check.errors import ParseError
    from guidingcenter.check.formula import Context, check_text
    if args.against:
        registry.result(args.against)            # an unknown name fails at once, with the closest
    # the LaTeX reader knows Unicode; SymPy syntax has no backslash (\frac, \mu)
    latex = args.latex or not args.formula.isascii() or "\\" in args.formula
    try:
        verdicts = check_text(args.formula, latex=latex, against=args.against,
                              context=Context(units=args.units))
    except ParseError as error:
        if latex:
            raise CommandError(str(error)) from None
        try:                    # plain text that is no SymPy: rho = m v_perp/(|q| B)
            verdicts = check_text(args.formula, latex=True, against=args.against,
                                  context=Context(units=args.units))
            latex = True
        except ParseError:
            raise CommandError(str(error)) from None
    show = render.latex if latex else sp.sstr          # answer in the syntax of the question
    if args.json:
        rows = [_verdict_json(v, show) for v in verdicts]
        print(json.dumps({"formula": args.formula, **_worst(rows), "relations": rows},
                         indent=2, ensure_ascii=False))
    else:
        for verdict in verdicts:
            if len(verdicts) > 1:
                print(f"{show(verdict.statement)}:")
            _print_verdict(verdict, show)
    return _exit_status(verdicts)


def _print_verdict(verdict, show):
    where = ""
    if " + " in verdict.against:             # a sum of drifts: one result per term
        where = f"the sum of the results {verdict.against} (derivations {verdict.derivation})"
    elif verdict.against:
        where = f"result {verdict.against} (derivation {verdict.derivation}, step {verdict.step})"
    units = " in Gaussian units" if verdict.units == "Gaussian" else ""
    if verdict.verdict == "holds":
        note = f" ({verdict.note})" if verdict.note and where else verdict.note
        print(f"holds{units}: equal to {where}{note}" if where else f"holds: {note}")
    elif verdict.verdict == "holds-with-condition":
        condition = verdict.condition
        words = condition if condition.startswith("as an") else f"only for {condition}"
        print(f"holds{units} {words}: compared with {where}")
    elif verdict.verdict == "erratum":
        compared = f"; compared with {where}{units}" if where else ""
        print(f"erratum: {verdict.diagnosis}{compared}")
    elif verdict.verdict == "undecided":
        print(f"undecided (time budget): {verdict.reason}")
    else:
        print(f"{verdict.verdict.replace('-', ' ')}: {verdict.reason}")
    for reading in verdict.readings:
        print(f"  read: {reading}")
    if verdict.corrected is not None and verdict.verdict != "holds":
        print(f"corrected: {show(verdict.corrected)}")
        for name in filter(None, verdict.against.split(" + ")):   # none: an arithmetic slip
            print(f"derived:   {show(registry.result(name).statement)}")


def _verdict_json(verdict, show):
    import sympy as sp
    corrected = verdict.corrected
    return {"relation": sp.sstr(verdict.statement), "verdict": verdict.verdict,
            "against": verdict.against, "derivation": verdict.derivation,
            "step": verdict.step, "condition": verdict.condition,
            "diagnosis": verdict.diagnosis, "reason": verdict.reason,
            "corrected": sp.sstr(corrected) if corrected is not None else "",
            "corrected_latex": render.latex(corrected) if corrected is not None else "",
            "units": verdict.units, "readings": list(verdict.readings),
            "unknown": list(verdict.unknown), "note": verdict.note}


_SEVERITY = ("holds", "holds-with-condition", "refused", "undecided", "not-checkable", "erratum")


def _worst(rows):
    return dict(max(rows, key=lambda row: _SEVERITY.index(row["verdict"])))


def _exit_status(verdicts):
    """Like a linter: 0 every relation holds (with or without a condition), 1 an erratum,
    2 nothing checkable."""
    if any(v.verdict == "erratum" for v in verdicts):
        return 1
    return 0 if all(v.ok for v in verdicts) else 2


def _results(args):
    import sympy as sp
    rows = [{"name": r.name, "derivation": r.derivation, "step": r.step,
             "statement": sp.sstr(r.statement), "latex": render.latex(r.statement),
             "description": r.description, "conditions": list(r.conditions)}
            for r in registry.results().values()]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        statement = " ".join(row["statement"].split())
        print(f"{row['name']:<{width}}  {statement}")


def _fits(args):
    from guidingcenter.dipole.fits import fit_error_table, format_fit_error_table
    rows = fit_error_table()
    if args.json:
        print(json.dumps([row._asdict() for row in rows], indent=2))
    else:
        print(format_fit_error_table(rows))


def _confirm(args):
    from guidingcenter.orbits.confirm import case_names, passes, timed_confirm
    if args.list:
        print("\n".join(case_names(quick=args.quick)))
        return 0
    rows, seconds = timed_confirm(args.names, quick=args.quick, backend=args.backend,
                                  progress=lambda message: _progress(f"tracing {message} ..."))
    _progress("")
    failures = passes(rows)
    if args.json:
        print(json.dumps([row.as_dict() for row in rows], indent=2))
    else:
        width = max(len(row.case) for row in rows)
        print(f"{'case':<{width}}  {'eps':>8}  {'orbit':>14}  {'formula':>14}  "
              f"{'rel_diff':>9}  {'slope':>6}  {'c':>8}  expected offset")
        for row in rows:
            offset = f"  {row.offset:.4g}" if row.offset else ""
            print(f"{row.case:<{width}}  {row.eps:8.4g}  {row.orbit:14.8g}  "
                  f"{row.formula:14.8g}  {row.rel_diff:9.3e}  {row.slope:6.3f}  {row.c:8.3f}"
                  f"{offset}")
        cases = len(dict.fromkeys(row.case for row in rows))
        print(f"{cases} cases, {len(rows)} runs in {seconds:.1f} s: "
              + ("all confirmed" if not failures else f"{len(failures)} failed"))
    for failure in failures:
        print(f"guidingcenter: confirm: {failure}", file=sys.stderr)
    return 1 if failures else 0


def main(argv=None):
    """Entry point; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        status = {"list": _list, "derive": _derive, "verify": _verify, "check": _check,
                  "fits": _fits, "results": _results, "confirm": _confirm}[args.command](args)
    except BrokenPipeError:  # output piped into e.g. head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except CommandError as error:
        print(f"guidingcenter: error: {error}", file=sys.stderr)
        return 2
    except (registry.UnknownName, ValueError, OSError) as error:
        print(f"guidingcenter: error: {error}", file=sys.stderr)
        return 2
    return status or 0


if __name__ == "__main__":
    sys.exit(main())
