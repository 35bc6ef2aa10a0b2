"""Parsing user formulas (SymPy syntax and LaTeX) into the project's notation."""

import builtins
import random

import pytest
import sympy as sp

from guidingcenter import registry, render
from guidingcenter import symbols as S
from guidingcenter.engine import equation, prove_equal
from guidingcenter.check.parsing import ParseError, parse_latex, parse_sympy, read
from guidingcenter.check.latex.table import LATEX_ALIASES, latex_key, latex_table, table_conflicts
from guidingcenter.vectors import Cross, DirectionalDerivative, Div, Dot, Grad, Curl

# --- round trips of the published results --------------------------------------------

# Results whose LaTeX does not come back as the same statement, and why.  The test
# below checks that each still fails in the stated way, so the list cannot go stale.
LATEX_EXCEPTIONS = {
    # the derivation uses its own sp.Function("s") (no assumptions); the parser can only
    # name the functions declared in guidingcenter.symbols (s(t) there is real)
    "dipole_line_element": "same text, different function class s",
    # v_phi and beta are local to the derivation, not declared in guidingcenter.symbols
    "dipole_drift_speed": "unknown symbol v_{\\phi}",
    # the initial velocity (u_x, u_y) is local to derivation exb_drift
    "ExB_velocity": "unknown symbol u_{x}",
    # Cartesian components (symbols.components("E")) are not named in the LaTeX table
    "exb_equation_components": "unknown symbol E_{x}",
}


@pytest.fixture(scope="module")
def results():
    return registry.results()


def test_every_published_result_parses_back_from_its_latex(results):
    structural = []
    for name, result in results.items():
        text = render.latex(result.statement)
        if name in LATEX_EXCEPTIONS:
            reason = LATEX_EXCEPTIONS[name]
            if reason.startswith("unknown symbol"):
                with pytest.raises(ParseError, match=reason.replace("\\", "\\\\")
                                   .replace("{", "\\{").replace("}", "\\}")):
                    parse_latex(text)
            else:
                parsed = parse_latex(text)
                assert parsed != result.statement and str(parsed) == str(result.statement)
            continue
        parsed = parse_latex(text)
        if parsed == result.statement:
            structural.append(name)
            continue
        # printing changed the form (drift_period: Abs(1/q) -> 1/Abs(q)): prove it equal
        for ours, theirs in zip(parsed.args, result.statement.args):
            prove_equal(ours, theirs, result.frame)
    # the drift, mirror and gyration results come back exactly
    for name in ("gradB_drift", "curvature_drift", "curvature_drift_B4", "curvature_identity",
                 "ExB_drift", "polarization_drift", "polarization_drift_omega", "gyroradius",
                 "larmor_velocity", "mirror_ratio", "loss_cone_angle", "pitch_angle",
                 "mu_invariant", "bounce_integral_T", "drift_current_density"):
        assert name in structural, name


def test_every_published_result_parses_back_from_its_sympy_text(results):
    skipped = []
    for name, result in results.items():
        text = str(result.statement)
        if any(word in text for word in ("Matrix", "Integral", "Derivative", "v_phi")):
            skipped.append(name)            # not SymPy *input* syntax the checker accepts
            continue
        parsed = parse_sympy(text)
        if parsed != result.statement:      # Abs(1/q) is evaluated to 1/Abs(q)
            for ours, theirs in zip(parsed.args, result.statement.args):
                prove_equal(ours, theirs, result.frame)
    # results in components (Matrix), integrals and derivatives are not SymPy *input*
    # syntax; everything else (most results) must come back
    assert len(skipped) < 0.3 * len(results)


# --- formulas from the seed notes ------------------------------------------------------

v_perp, v_par, B, q, m = S.v_perp, S.v_par, S.B, S.q, S.m
SEED_FORMULAS = [
    (r"\vec{v}_{\nabla B} = \frac{m v_{\perp}^2}{2qB^3} \left(\vec{B} \times \nabla B \right)",
     equation(S.v_gradB, m * v_perp**2 / (2 * q * B**3) * Cross(S.B_vec, Grad(B)))),
    (r"\mathbf{v}_C = \frac{mv_{\parallel}^2}{qB^4} \mathbf{B} \times [(\mathbf{B} \cdot \nabla)"
     r" \mathbf{B}]",
     equation(S.v_R, m * v_par**2 / (q * B**4)
              * Cross(S.B_vec, DirectionalDerivative(S.B_vec, S.B_vec)))),
    (r"\alpha = \tanh^{-1} \frac{v_\perp}{v_\parallel}", equation(S.alpha, sp.atanh(v_perp / v_par))),
    (r"\alpha = \tan^{-1}(v_{\perp}/v_{\parallel})", equation(S.alpha, sp.atan(v_perp / v_par))),
    (r"\sin^2 \alpha_{eq} = \frac{B_{eq}}{B_m}", equation(sp.sin(S.alpha_eq)**2, S.B_eq / S.B_m)),
    (r"\sin^2 \alpha_{\rm eq} = \frac{B_{\rm eq}}{B_m}",
     equation(sp.sin(S.alpha_eq)**2, S.B_eq / S.B_m)),
    (r"\mu = \frac{mv_{\perp}^2}{2B}", equation(S.mu, m * v_perp**2 / (2 * B))),
    (r"\mu = \frac{m \ v_{\perp}^{2} \ / \ 2}{B}", equation(S.mu, m * v_perp**2 / (2 * B))),

    (r"\tau_b \simeq \frac{L R_E}{(\mathcal{E}/m)^{1/2}} (3.7 - 1.6 \sin \alpha_{eq})",
     equation(S.tau_b, S.L * S.R_E / sp.sqrt(S.W / m)
              * (sp.Float("3.7") - sp.Float("1.6") * sp.sin(S.alpha_eq)))),
    (r"\omega_g = qB/m.", equation(S.omega_c, q * B / m)),
    (r"\mathbf{v}_P = \frac{1}{\omega_g B} \frac{d\mathbf{E}_\perp}{dt}",
     equation(S.v_P, S.dEperp_dt / (S.omega_c * B))),
    (r"\vec{v}_P = -\frac{m}{qB^2}\frac{d\vec{v_F}}{dt}\times\vec{B}",
     equation(S.v_P, -m / (q * B**2) * Cross(S.dvF_dt, S.B_vec))),
    (r"\mathbf{v}_E = \frac{1}{B^2} \mathbf{E} \times \mathbf{B}",
     equation(S.v_E, Cross(S.E_vec, S.B_vec) / B**2)),
    (r"\vec{v}_g = \frac{m}{q} \frac{\vec{g} \times \vec{B}}{B^2}",
     equation(S.v_g, m / q * Cross(S.g_vec, S.B_vec) / B**2)),
    (r"\vec{F}_R = m v_\parallel^2 \frac{\vec{R}_c}{R_c^2}",
     equation(S.F_R, m * v_par**2 * S.R_c_vec / S.R_c**2)),
    (r"\vec{v}_R = \frac{mv^2_{\text{gc}\parallel}}{qB^2}\vec{B}\times\hat{B}\cdot\nabla\hat{B}",
     equation(S.v_R, m * v_par**2 / (q * B**2) * Cross(S.B_vec, S.kappa))),
    (r"\frac{\sin^2 \alpha_2}{\sin^2 \alpha_1} = \frac{B_2}{B_1}",
     equation(sp.sin(S.alpha_2)**2 / sp.sin(S.alpha_1)**2, S.B_2 / S.B_1)),
    (r"B = \frac{B_E}{L^3} \frac{(1 + 3 \sin^2 \vartheta)^{1/2}}{\cos^6 \vartheta}",
     equation(B, S.B_E / S.L**3 * sp.sqrt(1 + 3 * sp.sin(S.lam)**2) / sp.cos(S.lam)**6)),
    (r"\cos^2 \lambda_E = \frac{r_E}{r_{\rm eq}}", equation(sp.cos(S.lam_E)**2, S.R_E / S.r_eq)),
    (r"F_{//} \approx -\mu \ \nabla_{//} B", equation(S.F_parallel, -S.mu * S.dB_ds)),
    (r"m\frac{\mathrm{d}v_{\parallel}}{\mathrm{d}t} = -\mu \frac{\partial B}{\partial s}",
     equation(m * S.dvpar_dt, -S.mu * S.dB_ds)),
    (r"\frac{d\mu}{dt} \sim 0", equation(sp.Derivative(S.mu_t, S.t), 0)),
    (r"\vec{j} = n_e e \left(\vec{v}_i - \vec{v}_e \right)",
     equation(S.j_vec, S.n * S.e * (S.v_i - S.v_e))),
    (r"\tan \alpha = \frac{v_{\perp}}{v_{\parallel}}", equation(sp.tan(S.alpha), v_perp / v_par)),
    (r"\sin\alpha = \left(\frac{B}{B_m}\right)^{1/2}", equation(sp.sin(S.alpha), sp.sqrt(B / S.B_m))),
    (r"\mu = I \cdot A", equation(S.mu, S.I * S.A)),
    (r"\langle \tau_d \rangle = \langle \Omega_d \rangle^{-1}", equation(S.tau_d, 1 / S.Omega_d)),
    (r"$$\vec{v}_{\text{ExB}} = \frac{\vec{E} \times \vec{B}}{B^2}$$",
     equation(S.v_E, Cross(S.E_vec, S.B_vec) / B**2)),
    (r"\vec{v}_\nabla = \frac{\vec{F}_\nabla\times\vec{B}}{qB^2}",
     equation(S.v_gradB, Cross(S.F_gradB, S.B_vec) / (q * B**2))),
    (r"v_\parallel = v \left[1 - \left(B/B_{eq} \right) \sin^2 \alpha_{eq} \right]^{1/2}",
     equation(v_par, S.v * sp.sqrt(1 - B / S.B_eq * sp.sin(S.alpha_eq)**2))),
]


@pytest.mark.parametrize("text, expected", SEED_FORMULAS, ids=range(len(SEED_FORMULAS)))
def test_seed_formulas(text, expected):
    assert parse_latex(text) == expected


CHAINS = [
    (r"r_g = \frac{v_\perp}{\omega_g} = \frac{mv_\perp}{|q|B}.",
     [equation(S.r_L, v_perp / S.omega_c), equation(S.r_L, m * v_perp / (sp.Abs(q) * B))]),
    (r"\cos^2 \lambda_E = \frac{r_E}{r_{\rm eq}} = \frac{1}{L}",
     [equation(sp.cos(S.lam_E)**2, S.R_E / S.r_eq), equation(sp.cos(S.lam_E)**2, 1 / S.L)]),
    (r"\tau_b \approx 4 \frac{r_{eq}}{v} \left(1.30 - 0.56 \sin \alpha_{eq} \right) \approx L "
     r"\frac{R_E}{(W/m)^{1/2}} \left(3.7 - 1.6 \sin \alpha_{eq} \right)",
     [equation(S.tau_b, 4 * S.r_eq / S.v * (sp.Float("1.30") - sp.Float("0.56") * sp.sin(S.alpha_eq))),
      equation(S.tau_b, S.L * S.R_E / sp.sqrt(S.W / m)
               * (sp.Float("3.7") - sp.Float("1.6") * sp.sin(S.alpha_eq)))]),
]


@pytest.mark.parametrize("text, expected", CHAINS, ids=range(len(CHAINS)))
def test_chains_give_one_equation_per_later_side_only_when_asked(text, expected):
    assert parse_latex(text, chain=True) == expected
    with pytest.raises(ParseError, match="a chain of relations"):
        parse_latex(text)
    assert parse_latex(r"\mu", chain=True) == [S.mu]
    assert parse_latex(r"\mu = A I", chain=True) == [equation(S.mu, S.A * S.I)]


# --- notation and LaTeX details --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (r"v_{\|} + v_{||} + v_\| + v_{//} + v_{\parallel} + v_\parallel", 6 * v_par),
    (r"B_\text{max} + B_{\mathrm{max}} + B_{max} + B_{\rm max}", 4 * S.B_max),
    (r"\omega_c + \Omega + \omega_g + \omega_L", 4 * S.omega_c),
    (r"\vec B \cdot \boldsymbol{B} + \vec{B} \cdot \mathbf{B}", 2 * Dot(S.B_vec, S.B_vec)),
    (r"\hat{b} + \hat{B} + \vec{R}_c + \vec{R_c}", 2 * S.b_hat + 2 * S.R_c_vec),
    (r"qB", q * B), (r"2qB^3", 2 * q * B**3), (r"mv_\perp^2", m * v_perp**2),
    (r"x^{1/2}".replace("x", "B"), sp.sqrt(B)), (r"\sqrt[3]{B}", B**sp.Rational(1, 3)),
    (r"\dfrac{1}{2} + \tfrac12 + \frac12", sp.Rational(3, 2)),
    (r"\left[ q + B \right]\{ q + B \}", (q + B)**2),
    (r"\arctan y + \arcsin y + \sinh y + \ln y + \log y + \exp(y) + \pi",
     sp.atan(S.y) + sp.asin(S.y) + sp.sinh(S.y) + 2 * sp.log(S.y) + sp.exp(S.y) + sp.pi),
    (r"2\,q\;B^3\!c~m", 2 * q * B**3 * S.c * m),
    (r"\sin \omega_c t + \cos\lambda (1 + 3\sin^2\lambda)",
     sp.sin(S.omega_c * S.t) + sp.cos(S.lam) * (1 + 3 * sp.sin(S.lam)**2)),
    (r"\sin\alpha \, B", B * sp.sin(S.alpha)),
    # an angle, or a factor raised to a power, ends the argument written without brackets
    (r"\sin^2\alpha_{eq} L^3 + \cos\lambda R_E + \sin\omega_c t B^2",
     sp.sin(S.alpha_eq)**2 * S.L**3 + sp.cos(S.lam) * S.R_E + sp.sin(S.omega_c * S.t) * B**2),
    (r"5.62 \times 10^{-2}", sp.Float("0.0562")),
    (r"\nabla \cdot \vec{B} + \hat{b} \cdot \nabla \times \vec{B}",
     Div(S.B_vec) + Dot(S.b_hat, Curl(S.B_vec))),
    (r"\nabla_\perp B", Cross(S.b_hat, Cross(Grad(B), S.b_hat))),
    (r"(\hat{b}\cdot\nabla)\hat{b} - \hat{b}\cdot\nabla\hat{b}", 0),
    (r"(\vec{B}\cdot\nabla) B", Dot(S.B_vec, Grad(B))),
    (r"|\vec{B}| + |\vec{E}|", B + S.E),
    (r"\text{sgn}(q)", sp.sign(q)),
    (r"\operatorname{atan}_{2}{\left(v_\perp,v_\parallel \right)}", sp.atan2(v_perp, v_par)),
    (r"\alpha = 90^\circ", equation(S.alpha, sp.pi / 2)),
    (r"\mu \equiv \frac{W_\perp}{B}", equation(S.mu, S.W_perp / B)),
    (r"T(y) + Y(y) + Y", S.T_of(S.y) + S.Y_of(S.y) + S.Y),
    (r"\vec{F}' + \langle\vec{F}\rangle", S.F_left + S.F_avg),
    (r"\int_0^{\lambda_m} \cos\lambda \, d\lambda", sp.Integral(sp.cos(S.lam), (S.lam, 0, S.lam_m))),
    (r"\left(\begin{matrix} 1 & q \\ B & 2\end{matrix}\right)", sp.ImmutableMatrix([[1, q], [B, 2]])),
    ("μ = m v_⊥^2/(2B)", equation(S.mu, m * v_perp**2 / (2 * B))),
])
def test_latex_constructs(text, expected):
    assert parse_latex(text) == expected


def test_decimals_can_be_exact():
    assert parse_latex("3.7 q", rational=True) == sp.Rational(37, 10) * q
    assert parse_sympy("3.7*q", rational=True) == sp.Rational(37, 10) * q


# --- errors: one line, a column, an excerpt ----------------------------------------------

LATEX_ERRORS = [
    (r"\frac{m v^2}{\foo}", 14, r"unknown command \foo"),
    (r"\frac{1}{2", 9, "unclosed {"),
    (r"q}", 2, "unmatched }"),
    ("", 1, "empty formula"),
    (r"\Xi_p = 2.98 L^{-3} \text{ kHz}", 1, r"unknown symbol \Xi_{p}"),
    (r"\omega_c = 2.98 L^{-3} \text{ kHz}", 24, "unit"),
    (r"\tau_b = 2.41 \text{ s}", 15, "unit"),
    (r"\sqrt{\mathcal{E}(\text{MeV})}", 19, "unit"),
    (r"\mu = 1 \text{ magnetic moment}", 9, "text"),
    (r"F = q E", 1, r"did you mean \vec{F}?"),
    (r"\vec{E}\vec{B}", 8, "product of two vectors"),
    (r"\vec{E} + q", 9, "sum of a vector and a scalar"),
    (r"\frac{q}{\vec{B}}", 1, "division by a vector"),
    (r"\sin\vec{B}", 1, "sin of a vector"),
    (r"\vec{B}\times\nabla\hat{B}", 14, "gradient of a vector"),
    (r"\frac{d}{dt}\left(\mu B\right)", 1, "derivative of an expression"),
    (r"\frac{d^2 x}{dt^2}", 1, "higher derivatives"),
    (r"v < c", 3, "not supported"),
    (r"\mu = I \cdot A, \quad I = q", 16, "one formula at a time"),
    (r"= q", 1, "nothing before ="),
    (r"q =", 4, "nothing after"),
    (r"\langle v_x \rangle", 1, "gyro-averages"),
    (r"\left(q + B\right]", 12, "expected )"),
    (r"\sqrt", 6, "unexpected end"),
    # ds/dtheta: the table has ds/dlambda (along a dipole line), not ds/dtheta
    (r"\frac{\mathrm{d}s}{\mathrm{d}\theta} = r_{\mathrm{eq}}\cos\theta", 1,
     r"no symbol for the derivative d{s}/d{\theta}"),
    (r"\vec{Q}_0", 1, r"unknown symbol \vec{Q}_{0}"),     # (\vec{B}_0 is the field B_vec)
    (r"\left)q\right)", 1, r"\left needs an opening delimiter"),
]


@pytest.mark.parametrize("text, column, reason", LATEX_ERRORS)
def test_latex_errors_are_one_line_with_a_column(text, column, reason):
    with pytest.raises(ParseError) as caught:
        parse_latex(text)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"cannot parse LaTeX at column {column}: "), message
    assert reason in message
    assert caught.value.column == column


SYMPY_ERRORS = [
    ('__import__("os")', 1, "not allowed"),
    ("B.__class__", 2, "attribute access"),
    ("lambda: 1", 7, "':' is not allowed"),
    ("q; import os", 2, "';' is not allowed"),
    ("'abc'", 1, "strings are not allowed"),
    ("B[0]", 2, "brackets are not allowed"),
    ("getattr(q, 'x')", 12, "strings are not allowed"),
    ("globals()", 1, "unknown name globals"),
    ("exec", 1, "unknown name exec"),
    ("q // 2", 3, "'//' is not allowed"),
    ("", 1, "empty formula"),
    ("vpar", 1, "did you mean v_par"),
    ("2 q", 3, "missing operator"),
    ("q(1+B)", 1, "not a function"),
    ("sin(1, 2)", 1, "takes 1 argument"),
    ("(q + B", 7, "expected ')'"),
    ("q*B_vec*E_vec", 8, "product of two vectors"),
    ("Cross(m, E_vec)", 1, "needs a vector"),          # m has no vector
    ("10**10**10", 3, "exponent too large"),
]


@pytest.mark.parametrize("text, column, reason", SYMPY_ERRORS)
def test_sympy_errors_are_one_line_with_a_column(text, column, reason):
    with pytest.raises(ParseError) as caught:
        parse_sympy(text)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"cannot parse SymPy syntax at column {column}: "), message
    assert reason in message


def test_deep_nesting_is_a_parse_error_not_a_crash():
    for parse, text in ((parse_sympy, "(" * 5000 + "q" + ")" * 5000),
                        (parse_latex, "{" * 5000 + "q" + "}" * 5000)):
        with pytest.raises(ParseError, match="nested too deeply"):
            parse(text)


def test_sympy_syntax_is_never_evaluated(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("eval/exec called")
    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    assert parse_sympy("v_gradB = m*v_perp^2/(2*q*B^3) * Cross(B_vec, grad_B)") == equation(
        S.v_gradB, m * v_perp**2 / (2 * q * B**3) * Cross(S.B_vec, Grad(B)))


# --- SymPy syntax ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("m*v_perp**2/(2*q*B**3)*Cross(B_vec, Grad(B))",
     m * v_perp**2 / (2 * q * B**3) * Cross(S.B_vec, Grad(B))),
    ("alpha = atan(v_perp/v_par)", equation(S.alpha, sp.atan(v_perp / v_par))),
    ("v_parallel + v_perpendicular + omega + omega_g + r_g + rho_L + lam",
     v_par + v_perp + 2 * S.omega_c + 2 * S.r_L + S.lam),
    ("exp(1) + E + I + pi", sp.E + S.E + S.I + sp.pi),
    ("Abs(B_vec) + abs(q) + ln(B) + arctan(q) + sgn(q)",
     B + sp.Abs(q) + sp.log(B) + sp.atan(q) + sp.sign(q)),
    ("DirectionalDerivative(b_hat, b_hat)", S.kappa),
    ("T(y)*Y(y)/D(y) + Y", S.T_of(S.y) * S.Y_of(S.y) / S.D_of(S.y) + S.Y),
    ("Eq(mu, A*I)", equation(S.mu, S.A * S.I)),
    ("lambda + lambda_m", S.lam + S.lam_m),
])
def test_sympy_syntax(text, expected):
    assert parse_sympy(text) == expected


def test_sympy_chains():
    text = "mu == m*v_perp**2/(2*B) == A*I"
    assert parse_sympy(text, chain=True) == [equation(S.mu, m * v_perp**2 / (2 * B)),
                                             equation(S.mu, S.A * S.I)]
    with pytest.raises(ParseError, match="column 25: a chain of relations"):
        parse_sympy(text)


# --- the one table ---------------------------------------------------------------------------

def test_table_spellings_agree():
    table = latex_table()
    for spelling, name in LATEX_ALIASES.items():
        assert table[latex_key(spelling)] == S.by_name()[name], spelling
    for symbol, spelling in S.LATEX_NAMES.items():
        key = latex_key(spelling)
        if key is not None and (key, symbol) != ("F_{\\parallel}", S.F_par):
            assert table[key] == symbol, spelling
    assert latex_key(r"B_\text{max}") == latex_key(r"B_{\mathrm{max}}") == "B_{max}"
    assert latex_key(r"\vec{v_F}") == latex_key(r"\mathbf{v}_F") == r"\vec{v}_{F}"
    assert latex_key(r"\frac{\mathrm{d}v_\parallel}{\mathrm{d}t}") == r"d{v_{\parallel}}/d{t}"


def test_the_latex_table_has_no_conflicts():
    # every LaTeX spelling names one symbol (the vector F_par is \vec{F}_\parallel,
    # the scalar F_parallel is F_\parallel)
    assert table_conflicts() == ()
    assert parse_latex(r"\vec{F}_\parallel") == S.F_par
    assert parse_latex(r"F_\parallel") == S.F_parallel


# --- never a traceback -------------------------------------------------------------------------

def _mutations(texts, pieces, count, seed):
    rng = random.Random(seed)
    for _ in range(count):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(text) + 1)
            text = text[:k] + text[k + 1:] if rng.random() < 0.5 else \
                text[:k] + rng.choice(pieces) + text[k:]
        yield text


def test_mangled_input_gives_a_parse_error_or_a_result():
    """Seeded random edits of real formulas: a result, or a one-line ParseError that is
    not the parsers' internal-error safety net (which would mean a parser bug)."""
    latex_pieces = list("{}()[]^_|=+-*/,.'&\\ ") + [
        r"\frac", r"\left(", r"\right)", r"\vec", r"\nabla", r"\cdot", r"\times", r"\sqrt",
        r"\sin", r"\int", r"\begin{matrix}", r"\end{matrix}", r"\\", "d", r"\langle",
        r"\text{x}", r"\operatorname{atan}", "^{-1}", "2.5"]
    sympy_pieces = list("()*/+-=^,. _e12") + ["**", "Cross(", "Abs(", "B_vec", "Eq("]
    sympy_texts = ["m*v_perp**2/(2*q*B**3)*Cross(B_vec, Grad(B))", "mu == A*I == Abs(B_vec)",
                   "alpha = atan2(v_perp, v_par) + T(y)*sqrt(1 - y**2) + 1.5e3"]
    for parse, texts, pieces in ((parse_latex, [t for t, _ in SEED_FORMULAS], latex_pieces),
                                 (parse_sympy, sympy_texts, sympy_pieces)):
        for text in _mutations(texts, pieces, 300, seed=1):
            try:
                parse(text)
            except ParseError as error:
                assert "\n" not in str(error) and "internal error" not in str(error), text


def test_a_several_letter_subscript_typed_without_braces():
    # LaTeX reads B_max as B_m a x; the readers take the longest run of adjacent letters
    # that names a known quantity, and leave an unknown run alone
    assert parse_latex(r"R_m = B_max/B_min") == sp.Eq(S.R_m, S.B_max / S.B_min)
    assert parse_latex(r"\alpha_lc") == S.alpha_lc
    with pytest.raises(ParseError, match="needs braces"):
        parse_latex(r"\lambda_mj")


def test_plus_minus_is_the_sign_of_the_charge():
    # Chen's v_gradB = +-(1/2) v_perp r_L (B x grad B)/B^2: the upper sign for q > 0
    assert parse_latex(r"q \pm B") == S.q + sp.sign(S.q) * S.B
    assert parse_latex(r"\mp B") == -sp.sign(S.q) * S.B


def test_a_dot_between_names_is_a_module_or_a_multiplication_never_an_attribute():
    # code calls np.sqrt and math.pi; a plain-text docstring writes m.v_perp for m v_perp
    assert parse_sympy("np.sqrt(2*m*W) + math.pi") == sp.sqrt(2 * m * S.W) + sp.pi
    assert parse_sympy("m.v_perp/B") == m * v_perp / B
    with pytest.raises(ParseError, match="'.' is not allowed"):
        parse_sympy("B.__class__")


def test_a_sum_over_the_species_is_written_out_for_ions_and_electrons():
    # J = sum_s q_s n_s u_s (Bellan's alpha, s or j): the ions' term plus the electrons'
    statement = read(r"\rho = \sum_s m_s n_s")[0].statement
    assert statement.rhs == S.m_i * S.n + S.m_e * S.n
    statement = read(r"\rho_c = \sum_{\alpha} q_\alpha n_\alpha + 1")[0].statement
    assert statement.rhs.has(S.n) and len(statement.rhs.args) == 3
