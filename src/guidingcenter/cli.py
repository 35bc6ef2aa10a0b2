"""The ``guidingcenter`` command.

``guidingcenter list [--json]`` names the derivations;
``guidingcenter derive NAME... | --all [--format latex|markdown|json] [--out DIR]``
prints or writes them; ``guidingcenter verify [FILE...] [--json] [--report ERRATA.tex]``
judges every formula of documents (with no FILE: of the lecture notes' catalogue,
``--source NOTE`` for one); ``guidingcenter check FORMULA
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
    parser = _Parser(prog="guidingcenter", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    listing = commands.add_parser("list", help="list the derivations")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    derive = commands.add_parser("derive", help="build, prove and render derivations")
    derive.add_argument("names", nargs="*", metavar="NAME", help="derivation names")
    derive.add_argument("--all", action="store_true", help="every derivation")
    derive.add_argument("--format", choices=("latex", "markdown", "json"), default="latex")
    derive.add_argument("--out", metavar="DIR", help="write files into DIR instead of "
                                                     "printing (LaTeX: fragments and a "
                                                     "standalone document)")
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
    doc = registry.module(name).__doc__ or ""
    return doc.strip().splitlines()[0].rstrip(".") if doc.strip() else name


_EXTENSIONS = {"latex": "tex", "markdown": "md", "json": "json"}


def _derive(args):
    if args.all and args.names:
        raise CommandError("give derivation names or --all, not both")
    if not args.all and not args.names:
        raise CommandError("give derivation names or --all "
                           f"(choose from: {', '.join(registry.names())})")
    names = registry.names() if args.all else args.names
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
    outputs[f"derivations.{extension}"] = combined(derivations)
    for filename, text in outputs.items():
        path = os.path.join(args.out, filename)
        write_atomic(path, text)
        print(path)


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

    from guidingcenter.check import judge, matching, parsing
    try:
        claim = (parsing.parse_latex if args.latex else parsing.parse_sympy)(args.formula)
    except parsing.ParseError as error:
        raise CommandError(str(error)) from None
    try:
        if args.against:
            finding = judge.compare(claim, registry.result(args.against))
        else:
            finding = matching.best_match(claim, registry.results().values())
    except judge.Uncheckable as error:
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
        status = {"list": _list, "derive": _derive, "verify": _verify, "check": _check,
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
    return status or 0


if __name__ == "__main__":
    sys.exit(main())
