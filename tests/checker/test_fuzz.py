"""Never a traceback: any input, however odd, gets a verdict or a one-line ParseError.

Property-based (hypothesis): strings built from the pieces of the LaTeX and SymPy
grammars, and real formulas of the corpus with characters deleted, doubled or
replaced.  Reading is cheap and is fuzzed hard; the whole check (reading, matching,
judging) is fuzzed on fewer examples under a short time budget.
"""

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from guidingcenter.check.errors import ParseError  # noqa: E402
from guidingcenter.check.formula import Verdict, check_text  # noqa: E402
from guidingcenter.check.parsing import read  # noqa: E402

from scoring import load  # noqa: E402

LATEX_PIECES = [
    r"\frac{", "}{", "}", "{", "^", "_", "^{2}", "_{\\perp}", r"\vec{", r"\mathbf{", r"{\bf ",
    r"\hat{", r"\nabla", r"\times", r"\cdot", r"\left(", r"\right)", "(", ")", "[", "]", "|",
    r"\sqrt{", r"\sin", r"\cos", r"\arcsin", r"\int_0^{", r"\oint", "d", r"\partial", "=",
    r"\approx", r"\propto", r"\sim", r"\pm", r"\mp", "+", "-", "/", "*", ",", ".", "&", r"\\",
    r"\quad", r"\text{", r"\mathrm{", r"\langle", r"\rangle", r"\boxed{", r"\tag{1}", "2",
    "0.5", "3.7", r"\pi", r"\infty", "B", "E", "v", "q", "m", "c", "e", "r", "L", "y", "T(y)",
    r"\mu", r"\omega_c", r"\Omega_{ce}", r"\alpha", r"\lambda", r"v_\perp", r"v_\parallel",
    r"B_{max}", r"r_c", r"\rho", r"\xi", "𝐯", "²", "½", "α", "∇", "×", r"\begin{pmatrix}",
    r"\end{pmatrix}", r"\begin{aligned}", r"\end{aligned}", "$", "%", "\\", "'", " ",
]
SYMPY_PIECES = ["v_perp", "v_par", "B", "B_vec", "E_vec", "q", "m", "omega_c", "Cross(",
                "Dot(", "Grad(", "sqrt(", "sin(", "Abs(", "(", ")", ",", "+", "-", "*", "/",
                "**", "^", "=", "==", "2", "0.5", "pi", "T(y)", "y", "grad_p", "alpha0",
                "__import__", ".", "'", "[", ":", " ", "lambda", "Eq("]
FORMULAS = [entry["text"] for entry in load("corpus")]


def _outcome(text, latex, check):
    """The property: a list of verdicts (or relations), or a one-line ParseError."""
    try:
        found = check_text(text, latex=latex, budget=1.0) if check else read(text, latex=latex)
    except ParseError as error:
        message = str(error)
        assert "\n" not in message and message.startswith("cannot parse")
        return
    assert found and all(isinstance(v, Verdict) for v in found) if check else found


def _mutated(draw):
    text = draw(st.sampled_from(FORMULAS))
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["delete", "double", "replace"]))
        if action == "delete":
            text = text[:i] + text[i + 1:]
        elif action == "double":
            text = text[:i] + text[i] + text[i:]
        else:
            text = text[:i] + draw(st.sampled_from(LATEX_PIECES)) + text[i + 1:]
    return text


built_latex = st.lists(st.sampled_from(LATEX_PIECES), min_size=1, max_size=14).map("".join)
built_sympy = st.lists(st.sampled_from(SYMPY_PIECES), min_size=1, max_size=12).map("".join)
mutations = st.composite(_mutated)()
FAST = settings(max_examples=400, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(built_latex)
def test_reading_latex_never_raises_anything_else(text):
    _outcome(text, latex=True, check=False)


@FAST
@given(built_sympy)
def test_reading_sympy_never_raises_anything_else(text):
    _outcome(text, latex=False, check=False)


@FAST
@given(mutations)
def test_reading_mutated_formulas_never_raises_anything_else(text):
    _outcome(text, latex=True, check=False)


@SLOW
@given(st.one_of(built_latex, mutations))
def test_checking_never_raises_anything_else(text):
    _outcome(text, latex=True, check=True)


@SLOW
@given(built_sympy)
def test_checking_sympy_never_raises_anything_else(text):
    _outcome(text, latex=False, check=True)


def test_the_property_refuses_a_traceback(monkeypatch):
    """The check above can fail: a reader that raises anything but ParseError is caught."""
    import guidingcenter.check.formula as formula

    def broken(*args, **kwargs):
        raise KeyError("a parser bug")
    monkeypatch.setattr(formula, "read", broken)
    with pytest.raises(KeyError):
        _outcome(r"\mu = \frac{m v_\perp^2}{2B}", latex=True, check=True)
