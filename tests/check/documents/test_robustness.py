"""Nothing a document holds makes the readers fail: seeded random documents built from the
checker corpus's formulas (mutated: characters dropped and inserted, braces and delimiters
broken) and from worked numbers with random names, values and units.  Every formula gets a
verdict or None; nothing raises."""

import glob
import pathlib
import random
import tomllib

from guidingcenter.check.documents.context import document_context
from guidingcenter.check.documents.numbers import judge_number
from guidingcenter.check.formula import VERDICTS

CORPUS = pathlib.Path(__file__).parents[1].parent / "checker" / "corpus"
BROKEN = list("{}()[]$^_\\=,.;:|&0123456789 ") + [
    r"\frac", r"\text{", r"\left(", r"\right)", r"\approx", r"\times 10^{", " MeV", " s", "(1)",
    r"\underbrace{", r"\newcommand{\x}[1]{#1", "θ"]


def corpus_formulas():
    found = []
    for path in sorted(glob.glob(str(CORPUS / "*.toml"))):
        with open(path, "rb") as stream:
            found += [f["text"] for f in tomllib.load(stream)["formula"] if f["syntax"] == "latex"]
    return found


def judged(text, formulas):
    context = document_context(text, formulas(text))
    verdicts = []
    for formula in formulas(text):
        verdict = judge_number(formula, context)
        assert verdict is None or verdict.verdict in VERDICTS
        context.at(formula.line), context.used(formula.latex, formula.line)
        verdicts.append(verdict)
    return verdicts


def test_mutated_textbook_formulas(formulas):
    texts = corpus_formulas()
    assert len(texts) > 100
    rng = random.Random(0)
    for _ in range(120):
        text = rng.choice(texts)
        for _ in range(rng.randrange(1, 6)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + text[at + 1:] if rng.random() < 0.5 else \
                text[:at] + rng.choice(BROKEN) + text[at:]
        judged(f"For 1 MeV protons at $L = 3$: $${text}$$ and $\\tau_b {text[-8:]}$ s, where "
               f"$x$ is the pitch angle.", formulas)


def test_random_worked_numbers(formulas):
    rng = random.Random(1)
    names = [r"\tau_b", r"\langle\tau_d\rangle", r"(\tau_b)_e", r"|\Omega_e|", r"\Omega_p",
             r"\frac{r_L}{R_E}", r"\alpha_{lc}", "B_E", "x", "(1)", "L"]
    values = ["0.4", "5.46 L^{-3}", r"3.11 \times 10^{-5}", r"5^\circ", "0", "-3.2",
              r"\sqrt{\mathcal{E}(\text{MeV})} (L/11.1)^3", r"7.0 \times 10^{3}"]
    units = ["s", "h", "kHz", "T", "deg", "km", "MeV", "", r"\text{ hours}"]
    relations = ["=", r"\approx"]
    kinds = set()
    for _ in range(12):
        lines = [f"For {rng.choice(['electrons', 'Protonen', 'particles'])} at "
                 f"$L = {rng.choice(['4', '6.6'])}$ with $W = {rng.choice(['1', '100'])}$ "
                 f"{rng.choice(['MeV', 'keV'])}: ${rng.choice(names)} "
                 f"{rng.choice(relations)} {rng.choice(values)}$ {rng.choice(units)}"
                 for _ in range(3)]
        kinds.update(v.verdict if v else None for v in judged("\n\n".join(lines), formulas))
    assert "not-checkable" in kinds and None in kinds      # the data gave both kinds
