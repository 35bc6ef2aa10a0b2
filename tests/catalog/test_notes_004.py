"""Catalogue of note 004 (German lecture): quotes are verbatim, verdicts are pinned.

Each row of ``VERDICTS`` is an independent regression guard: the verdict the
checker (or the numeric recomputation) gives an entry today, and for an
erratum a word its diagnosis must contain (for a conditional verdict, a word of
the condition).  The rows are in the order of the note.
"""

import dataclasses
import functools
import os
from pathlib import Path

import pytest
import sympy as sp

from guidingcenter.catalog.evaluate import judge
from guidingcenter.catalog.notes_004 import ENTRIES, SOURCE

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / SOURCE


@pytest.fixture(scope="module")
def seed_text():
    """The note as ``open(seed).read()`` gives it (missing: skip, or fail under CI)."""
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEED} is required under CI=true")
        pytest.skip(f"{SEED} not present")
    with open(SEED) as handle:
        return handle.read()


def test_every_quote_is_verbatim_in_the_seed(seed_text):
    missing = [entry.quote for entry in ENTRIES if entry.quote not in seed_text]
    assert missing == []


def test_a_quote_that_is_not_in_the_seed_is_seen(seed_text):
    # the check above can fail: a quote with the backslash sequence restored is not there
    assert "\\frac{1}{q}\\frac{\\vec{F} \\times\\vec{B}}{B^2}" not in seed_text
    assert "rac{1}{q}rac{ec{F} imesec{B}}{B^2}" in seed_text


def test_entries_are_of_this_note_and_explained():
    for entry in ENTRIES:
        assert entry.source == SOURCE
        if entry.kind in ("definition", "not-checkable"):
            assert entry.reason, entry.quote
        elif entry.kind == "formula":
            assert entry.claim is not None and entry.against, entry.quote
        else:
            assert entry.value is not None and entry.digits > 0, entry.quote


# (quote prefix, verdict, word of the diagnosis or condition)
VERDICTS = [
    ('Coulomb-Kraft: $F_C = q\\vec{',
     'definition', None),
    ('$$F_L = q\\vec{v} imes \\vec{B',
     'definition', None),
    ('$$\\nabla \\cdot \\vec{E} = \\si',
     'definition', None),
    ('$\\nabla \\times \\vec{B} = \\mu',
     'definition', None),
    ('$\\nabla \\times \\vec{E} = -\\p',
     'definition', None),
    ('$\\nabla \\cdot \\vec{B} = 0$ K',
     'definition', None),
    ('1. Elektrisches Feld: $E \\ne',
     'definition', None),
    ('$$m \\frac{\\mathrm{d}\\vec{v}}',
     'definition', None),
    ('$$m\\int_{1}^{2} \\frac{\\mathr',
     'not-checkable', None),
    ('$$m \\int_{1}^{2} \\frac{d\\vec',
     'not-checkable', None),
    ('$$q\\Phi_1 - q\\Phi_2$$',
     'not-checkable', None),
    ('Konstante der Bewegung: $W =',
     'definition', None),
    ('$$q\\Phi_1 + \\frac{1}{2}mv_1^',
     'holds', None),
    ('E = 1 eV: Energie einer Elem',
     'definition', None),
    ('$1 \\text{eV} = 1.602 \\times ',
     'holds', None),
    ('2. Statisches homogenes Magn',
     'definition', None),
    ('$$m\\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q \\; ',
     'definition', None),
    ('Sei $\\vec{B} = (0,0,B)$ in *',
     'definition', None),
    ('$$m\\dot{v}_x = qBv_y$$\n $m\\d',
     'holds', None),
    ('$$\\ddot{v}_x = \\frac{qB}{m}\\',
     'not-checkable', None),
    ('$$\\ddot{v}_y = -\\frac{qB}{m}',
     'not-checkable', None),
    ('$$v_{x,y} = v_{\\perp} \\exp(i',
     'definition', None),
    ('$$\\omega_c = \\frac{qB}{m}$$',
     'holds', None),
    ('Wähle x-Phase $\\theta_x \\equ',
     'definition', None),
    ('$$v_x = v_{\\perp} \\exp(i\\omega_c t)$',
     'holds', None),
    ('$$x = \\frac{1}{i\\omega_c} v_',
     'holds', None),
    ('r_L \\equiv rac{v_\\perp}{|\\om',
     'holds-with-condition', 'non-relativistic speeds'),
    ('= rac{mv_\\perp}{|q|B}',
     'holds-with-condition', 'non-relativistic speeds'),
    ('Ionen und Elektronen gyriere',
     'holds', None),
    ('Mit $W_i = W_e$: Ionen-Gyror',
     'holds-with-condition', 'non-relativistic'),
    ('3. Statisches homogenes elek',
     'definition', None),
    ('$$m\\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q\\left(\\vec{E',
     'definition', None),
    ('O.B.d.A.: $\\vec{B}||z, \\vec{',
     'definition', None),
    ('$$\\dot{v}_z = \\frac{q}{m} E_',
     'not-checkable', None),
    ('$$\\dot{v}_x = \\frac{q}{m} E_',
     'holds', None),
    ('$$v_x = v_{\\perp} \\exp(i\\omega_c t),',
     'erratum', 'symbol'),
    ('Gyrozentrum driftet in y-Ric',
     'not-checkable', None),
    ('\\vec{v}_{\\text{ExB}} = \\frac',
     'holds', None),
    ('Durch Bewegung im elektrosta',
     'not-checkable', None),
    ('Gleiche Richtung der $\\vec{E',
     'holds', None),
    ('ec{v}_F = rac{1}{q}rac{ec{F}',
     'holds', None),
    ('Beispiel: Gravitation $\\vec{',
     'definition', None),
    ('$$\\vec{v}_g = \\frac{m}{q} \\f',
     'holds', None),
    ('"Echte" Gravitationsdrift im',
     'not-checkable', None),
    ('$$\\vec{F}_R = m v_\\parallel^',
     'holds', None),
    ('lokaler Krümmungsradius, $\\v',
     'definition', None),
    ('ec{v}_R = rac{mv_\\parallel^2}{q}',
     'holds', None),
    ('rac{2W_\\parallel}{q}rac{ec{R',
     'holds', None),
    ('$$\\Rightarrow -\\nabla \\vec{B',
     'holds', None),
    ('$$\\vec{v}_R = \\frac{mv_\\parallel^2}{q} \\',
     'holds', None),
    ('= \\frac{v_\\parallel^2}{\\omeg',
     'holds', None),
    ('Bisherige Driften: Variation',
     'not-checkable', None),
    ('Ursache der ∇B -Drift: Varia',
     'not-checkable', None),
    ('$$\\vec{B}_0 \\equiv \\vec{B}(\\',
     'definition', None),
    ('$$\\vec{B} = \\vec{B_0} + (\\ve',
     'definition', None),
    ('$$B_z = B_0 + \\left(x\\frac{\\',
     'definition', None),
    ('$$m\\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q\\left(\\vec{v',
     'definition', None),
    ('Geschwindigkeit $\\vec{v} = \\',
     'definition', None),
    ('$$m\\frac{\\mathrm{d}\\vec{v}_0',
     'definition', None),
    ('$$m\\frac{\\mathrm{d}\\vec{v}_{',
     'not-checkable', None),
    ('$$\\approx q\\left(\\vec{v}_{1}',
     'not-checkable', None),
    ('- $v_1 \\ll v_0$',
     'definition', None),
    ('Betrachte $\\omega \\ll \\omega',
     'definition', None),
    ('(\\vec{v}_1 \\times \\vec{B}_0)',
     'not-checkable', None),
    ('$$\\vec{v}_1 = \\frac{1}{B_0^2',
     'not-checkable', None),
    ('$\\vec{B}_0 = (0, 0, B_0)$ va',
     'definition', None),
    ('$$v_{1,x} = -\\frac{1}{B_0} \\',
     'not-checkable', None),
    ('$$v_{1,x} = -\\frac{v_{\\perp}',
     'not-checkable', None),
    ('$$v_{1,y} = \\frac{v_{\\perp} ',
     'not-checkable', None),
    ('$$\\vec{v}_{\\nabla B} = \\frac',
     'holds', None),
    ('ec{v}_R = rac{mv_\\parallel^2}{qR',
     'holds', None),
    ('rac{mv_\\parallel^2}{qB^4} \\l',
     'holds', None),
    ('$$\\vec{v}_R = \\frac{mv_\\parallel^2}{qB^3',
     'holds', None),
    ('Selbe Richtung für Elektrone',
     'holds', None),
    ('Unterschiedliche Richtung\n\n ',
     'not-checkable', None),
    ('\\vec{j} = n_e e \\left(\\vec{v',
     'definition', None),
    ('= n_e \\left[\\frac{1}{2} \\lef',
     'erratum', 'sign'),
    ('Zylindersymmetrie, $\\vec{B} ',
     'definition', None),
    ('Gradient in z-Richtung: $\\pa',
     'definition', None),
    ('Kraft auf Teilchen: $\\vec{F}',
     'definition', None),
    ('$$F_r = q(\\underbrace{v_{\\th',
     'not-checkable', None),
    ('$$F_{\\theta} = q(-\\underbrac',
     'not-checkable', None),
    ('$$F_z = q(\\underbrace{v_r B_',
     'erratum', 'sign'),
    ('$$\\nabla \\cdot \\vec{B} = 0 =',
     'not-checkable', None),
    ('rB_r = -\\int_0^r r \\frac{\\pa',
     'holds', None),
    ('(Gyrozentrum auf der Achse, ',
     'definition', None),
    ('F_z = -\\frac{1}{2}qv_{\\perp}',
     'holds-with-condition', 'positive charge'),
    ('= -\\frac{1}{2}q\\frac{v_{\\per',
     'holds', None),
    ('= -q \\underbrace{\\frac{1}{2}',
     'erratum', 'factor q'),
    ('$$\\mu = \\frac{mv_{\\perp}^2}{',
     'holds', None),
    ('\\vec{F}_{\\parallel} = -\\mu \\',
     'holds', None),
    ('$$\\mu = I \\cdot A, \\quad',
     'holds', None),
    ('I = q \\frac{\\omega_c}{2\\pi}',
     'holds', None),
    ('A = \\pi r_L^2',
     'holds', None),
    ('= \\frac{\\pi v_\\perp}{\\omega_',
     'erratum', 'exponent'),
    ('\\Rightarrow \\mu = I \\cdot A ',
     'holds', None),
    ('$$m\\frac{\\mathrm{d}v_{\\paral',
     'holds', None),
    ('Mit $v_{\\parallel} = \\partia',
     'definition', None),
    ('$$mv_{\\parallel} \\frac{\\math',
     'not-checkable', None),
    ('= B \\frac{\\mathrm{d}\\mu}{\\ma',
     'holds', None),
    ('$$\\Rightarrow \\mu = \\text{co',
     'holds', None),
    ('Mit steigendem B-Feld steigt',
     'holds', None),
    ('Bei $W_{\\parallel}=0$ kehrt ',
     'definition', None),
    ('$$\\frac{1}{2} m v_{\\perp,m}^',
     'holds', None),
    ('$$\\mu B_m = \\frac{1}{2} m v_',
     'holds', None),
    ('$$v_{\\parallel,0}^2 = \\frac{2\\mu (B_m - B_0)}{m}',
     'holds', None),
    ('$$v_{\\parallel,0}^2 = \\frac{2\\mu (B_m - B_0)}{m} = v_{\\perp',
     'holds', None),
    ('yerloren\n$$v_{\\parallel,0}$$',
     'not-checkable', None),
    ('$$v_{\\parallel,0} = \\frac{2\\',
     'erratum', 'dimensionally inconsistent'),
    ('$v||/v_{\\perp} > \\sqrt{(B_{\\',
     'holds', None),
    ('Winkel zwischen Geschwindigk',
     'definition', None),
    ('$$\\alpha = 0^o$$\n: $\\vec{v} ',
     'holds', None),
    ('$\\alpha = 90^o$: $\\vec{v} \\p',
     'holds', None),
    ('$$\\tan \\alpha = \\frac{v_{\\pe',
     'holds', None),
    ('\\sin \\alpha = \\frac{v_{\\perp',
     'holds', None),
    ('= \\frac{mv^2}{2} \\frac{\\sin^',
     'holds', None),
    ('$$\\sin\\alpha = \\left(\\frac{B',
     'holds', None),
    ('- nur bei E = 0',
     'not-checkable', None),
    ('- nur für Bewegungen langsam',
     'not-checkable', None),
    ('- nur wenn Feld-Gradientenlä',
     'not-checkable', None),
    ('Longitudinale Invariante $J ',
     'definition', None),
    ('Drift-Invariante $\\Phi = \\oi',
     'not-checkable', None),
    ('$\\omega_c = qB/m$ (in unters',
     'holds', None),
    ('$r_L = v_\\perp/\\omega_c$',
     'holds-with-condition', 'positive charge'),
    ('tritt eine Drift der Gyrozen',
     'not-checkable', None),
    ('führen zu einer Drift senkre',
     'not-checkable', None),
    ('Die Driften senkrecht *B* si',
     'not-checkable', None),
    ('Ausnahme: $\\vec{E} \\times \\v',
     'holds', None),
    ('$\\mu=W_\\perp/B$',
     'holds', None),
    ('Im inhomogenen Magnetfeld ("',
     'not-checkable', None),
    ('$$|v||/v_{\\perp} = \\sqrt{(B_',
     'holds', None),
    ('$\\alpha = \\tan^{-1}(v_{\\perp',
     'holds-with-condition', 'v_par > 0'),
    ('$\\sin^2 \\alpha_1 = B_1/B_m$',
     'holds', None),
    ('(bis ca. 6 Erdradii',
     'not-checkable', None),
    ('$R_E = 6371$ km',
     'definition', None),
    ('$$M_e = 8.05 \\times 10^{22} ',
     'definition', None),
    ('$$\\vec{B} = \\frac{\\mu_0 M_e}',
     'holds', None),
    ('$$B = \\frac{\\mu_0 M_e}{4\\pi ',
     'holds', None),
    ('$$\\frac{\\mathrm{d}r}{r\\mathr',
     'definition', None),
    ('$$\\frac{\\mathrm{d}r}{r} = -\\',
     'holds', None),
    ('$$r = r_{\\rm eq} \\cos^2 \\lam',
     'holds', None),
    ('$(ds)^2 = (dr)^2 + r^2(d\\lam',
     'definition', None),
    ('$$\\frac{\\mathrm{d}s}{\\mathrm',
     'holds', None),
    ('L-Wert (L shell): $L \\equiv ',
     'definition', None),
    ('$B_E = \\mu_0 M_E / (4\\pi R_e',
     'definition', None),
    ('$$\\Rightarrow B(\\lambda, L) ',
     'holds', None),
    ('$$\\cos^2 \\lambda_E = \\frac{r',
     'holds', None),
    ('= \\frac{1}{L}$$',
     'holds', None),
    ('$$\\sin^2 \\alpha_{\\rm eq} = \\',
     'holds', None),
    ('$$\\frac{\\cos^6 \\lambda_m}{\\l',
     'holds', None),
    ('$$\\tau_b = 4 \\int_{eq}^{m} \\',
     'not-checkable', None),
    ('$v_{\\parallel} = v \\left[1 -',
     'holds', None),
    ('$$\\tau_b = 4 \\frac{r_{eq}}{v',
     'holds', None),
    ('\\tau_b \\approx 4 \\frac{r_{eq',
     'holds-with-condition', 'approximation: largest error 5.8%'),
    ('\\approx L \\underbrace{\\frac{',
     'holds-with-condition', 'approximation: largest error 5.2%'),
    ('\\alpha_{eq} = 30^0 \\rightarr',
     'erratum', '+2.6%'),
    ('Elektronen (1) $\\approx 0.4 ',
     'erratum', '-16.7%'),
    ('Protonen (1) $\\approx 20.5 \\',
     'erratum', '-0.4%'),
    ('rekombinieren sie schon durc',
     'not-checkable', None),
    ('$$\\sin^2 \\alpha_{\nm l} = rac',
     'holds', None),
    ('$$= rac{\\cos^6 \\lambda_m}{\\l',
     'holds', None),
    ('\\begin{array}{c} \\frac{1}{16',
     'not-checkable', None),
    ('$$\\Delta \\Psi = 4 \\int_0^{\\l',
     'not-checkable', None),
    ('$$2\\pi \\langle \\Omega_d \\ran',
     'not-checkable', None),
    ('$W = 1 \\text{ keV}, < \\tau_d',
     'not-checkable', None),
    ('$$\\langle \\tau_d \\rangle = \\',
     'not-checkable', None),
    ('= \\frac{\\pi q B_E R_E^2}{2IW',
     'erratum', 'approximation'),
    ('(für kleine Radien $< 6R_E$)',
     'not-checkable', None),
    ('$L = R_{eq}/R_E$',
     'definition', None),
    ('(Sekunden für Elektronen, Se',
     'not-checkable', None),
    ('Die geographische Breite des',
     'holds', None),
    ('Der kritische Wert α für Tei',
     'not-checkable', None),
    ('Westwärts für Ionen',
     'holds', None),
    ('ostwärts für Elektronen',
     'holds', None),
    ('mit Periodendauern von Tagen',
     'not-checkable', None),
]


def _find(key):
    """The one entry whose quote is ``key``, or else starts with it."""
    found = [e for e in ENTRIES if e.quote == key] or [e for e in ENTRIES
                                                        if e.quote.startswith(key)]
    assert len(found) == 1, (key, len(found))
    return found[0]


@functools.lru_cache(maxsize=None)
def _row(key):
    return judge(_find(key))


def test_the_table_covers_every_entry_once():
    assert sorted(id(_find(key)) for key, _, _ in VERDICTS) == sorted(map(id, ENTRIES))


@pytest.mark.parametrize("key, verdict, word", VERDICTS, ids=[k for k, _, _ in VERDICTS])
def test_verdict(key, verdict, word):
    row = _row(key)
    assert row.verdict == verdict
    if verdict == "erratum":
        assert word in row.diagnosis
        assert row.corrected or _find(key).kind == "number"
    elif verdict == "holds-with-condition":
        assert word in row.condition
    else:
        assert word is None


def test_a_wrong_transcription_changes_the_verdict():
    # the pins above could fail: the gyrofrequency with a stray factor 2 is an erratum
    entry = _find("$$\\omega_c = \\frac{qB}{m}$$")
    wrong = dataclasses.replace(entry, claim=sp.Eq(entry.claim.lhs, 2 * entry.claim.rhs,
                                                   evaluate=False))
    row = judge(wrong)
    assert row.verdict == "erratum" and "factor" in row.diagnosis
