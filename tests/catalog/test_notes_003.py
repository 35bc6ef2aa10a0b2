"""Note 003 (Hebrew notes with the Earth's numbers) in the catalogue: quotes and pinned verdicts.

Every quote is a verbatim substring of the seed file, and every verdict the
checker (or the numeric recomputation) gives is pinned in a table of quote
prefix -> verdict: for an erratum with a key word of its diagnosis, for a verdict
under a condition with the condition.  Each row is an independent regression
guard: a change in the checker, a derivation or an entry that changes a verdict
shows up as one failing row.
"""

import os
import pathlib

import pytest

from guidingcenter.catalog.evaluate import verify
from guidingcenter.catalog.notes_003 import ENTRIES, SOURCE

SEEDS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "seeds"

# (quote prefix, verdict, key word of the diagnosis / the condition, or None)
EXPECTED = [
    ('F = qE + q(\\mathbf{v} \\times \\mathbf{B})',
     'definition', None),
    ('\\frac{d\\mathbf{v}}{dt} = \\frac{q}{m}(\\mathbf{E}',
     'definition', None),
    ('\\frac{dv_z}{dt} &= 0 \\\\ \\frac{d\\mathbf{v}_\\perp}{dt}',
     'holds', None),
    ('$$v_x = v_\\perp \\cos(\\omega_g t + \\phi)$$\n\n$$v_y',
     'erratum', 'flipped sign of component 2'),
    ('$$x - x_0 = \\frac{v_\\perp}{\\omega_g} \\sin(\\omega_g',
     'erratum', 'flipped sign of the term'),
    ('$$z - z_0 = v_\\parallel t$$',
     'not-checkable', None),
    ('\\omega_g = qB/m.',
     'holds', None),
    ('r_g = \\frac{v_\\perp}{\\omega_g}',
     'holds-with-condition', 'a positive charge (q > 0)'),
    ('r_g = \\frac{v_\\perp}{\\omega_g} = \\frac{mv_\\perp}{|q|B}.',
     'holds-with-condition', 'non-relativistic speeds'),
    ('\\alpha = \\tanh^{-1} \\frac{v_\\perp}{v_\\parallel}',
     'erratum', 'wrong function: atanh where atan'),
    ('\\frac{d\\mathbf{v}_{\\perp}}{dt} = \\frac{q\\mathbf{E}_{\\perp}}{m}',
     'definition', None),
    ('\\mathbf{v}_{\\perp} = \\mathbf{u} + \\mathbf{w}',
     'definition', None),
    ('\\frac{d\\mathbf{u}}{dt} = \\frac{q\\mathbf{E}_{\\perp}}{m}',
     'definition', None),
    ('\\frac{q\\mathbf{E}_{\\perp}}{m} + \\frac{q}{m}\\mathbf{v}_E',
     'definition', None),
    ('\\mathbf{v}_E = \\frac{\\mathbf{E} \\times \\mathbf{B}}{B^2}',
     'holds', None),
    ('\\mathbf{v}_F = \\frac{\\mathbf{F} \\times \\mathbf{B}}{qB^2}',
     'holds', None),
    ('\\frac{m}{qB^2} \\frac{dV}{dt} \\times B = \\frac{q}{qB^2}',
     'definition', None),
    ('\\frac{m}{qB^2} \\frac{d\\mathbf{v}}{dt} \\times',
     'not-checkable', None),
    ('E = -v \\times B',
     'definition', None),
    ('\\mathbf{v}_D = \\mathbf{w}_E + \\frac{1}{\\omega_g',
     'holds', None),
    ('$$\\mathbf{v}_P = \\frac{1}{\\omega_g B} \\frac{d\\mathbf{E}_\\perp}{dt}$$',
     'holds', None),
    ('\\mathbf{B} = \\mathbf{B}_0 + \\mathbf{r} \\cdot \\nabla \\mathbf{B}_0',
     'definition', None),
    ('\\frac{d\\mathbf{v}}{dt} = \\frac{q}{m}(\\mathbf{v}',
     'definition', None),
    ('\\mathbf{v} = \\mathbf{v}_g + \\mathbf{v}_\\nabla',
     'definition', None),
    ('m \\frac{d\\mathbf{v}_g}{dt} = \\frac{\\mathbf{v}_g}{c}',
     'erratum', 'dimensionally inconsistent'),
    ('\\frac{d\\mathbf{v}_\\nabla}{dt} = \\frac{q}{m}(\\mathbf{v}_\\nabla',
     'definition', None),
    ('$(d\\mathbf{v}/dt=0)$  ובכן  $\\frac{d\\mathbf{v}_\\nabla}{dt}',
     'definition', None),
    ('\\mathbf{v}_\\nabla = \\frac{1}{B^2} \\langle',
     'not-checkable', None),
    ('\\mathbf{v}_{\\nabla} = \\frac{1}{B_0} \\left\\langle',
     'not-checkable', None),
    ('$$\\mathbf{v}_{\\nabla} = \\frac{mv_{\\perp}^2}{2qB^3}',
     'holds', None),
    ('Electric Field :  $\\mathbf{v}_E = \\frac{1}{B^2}',
     'holds', None),
    ('General Force :  $\\mathbf{v}_F = \\frac{1}{qB^2}',
     'holds', None),
    ('Polarisation :  $\\mathbf{v}_P = \\frac{m}{qB^2}',
     'holds', None),
    ('Curvature :  $\\mathbf{v}_C = \\frac{mv_{\\parallel}^2}{qB^4}',
     'holds', None),
    ('Gradient :  $\\mathbf{v}_{\\nabla} = \\frac{mv_{\\perp}^2}{2qB^3}',
     'holds', None),
    ('$$\\mu = \\frac{mv_{\\perp}^2}{2B}$$',
     'holds', None),
    ('\\mu = \\frac{mv^2 \\sin^2 \\alpha}{2B}',
     'holds', None),
    ('\\frac{\\sin^2 \\alpha_2}{\\sin^2 \\alpha_1} = \\frac{B_2}{B_1}',
     'holds', None),
    ('\\mathbf{B} = \\frac{\\mu_0}{4\\pi} \\frac{M_E}{r^3}',
     'erratum', 'flipped sign of component 2'),
    ('M_E = 8.05 \\times 10^{22} \\text{ A m}^2',
     'definition', None),
    ('\\vartheta = \\pi/2 - \\theta',
     'definition', None),
    ('r = r_{\\text{eq}} \\cos^2 \\vartheta',
     'holds', None),
    ('L = r_{\\text{eq}}/R_E',
     'definition', None),
    ('R_E = 6.37 \\times 10^6',
     'definition', None),
    ('B = \\frac{B_E}{L^3} \\frac{(1 + 3 \\sin^2 \\vartheta)^{1/2}}{\\cos^6',
     'holds', None),
    ('B_E = \\mu_0 M_E / (4\\pi R_E^3)',
     'definition', None),
    ('B_E = \\mu_0 M_E / (4\\pi R_E^3) = 3.11 \\times 10^{-5} \\text{ T}',
     'holds', None),
    ('B_{eq} = \\frac{B_E}{L^3}',
     'holds', None),
    ('\\Omega_p = \\frac{e B}{m_p}',
     'holds', None),
    ('\\Omega_p = \\frac{e B}{m_p} = 2.98 L^{-3} \\text{ kHz},',
     'holds', None),
    ('|\\Omega_e| = \\frac{e B}{m_e}',
     'holds', None),
    ('|\\Omega_e| = \\frac{e B}{m_e} = 5.46 L^{-3} \\text{ MHz},',
     'erratum', 'off by -0.2%'),
    ('\\frac{\\rho_p}{R_E} = \\frac{\\sqrt{2 \\mathcal{E} m_p}}{e B R_E}',
     'holds-with-condition', 'non-relativistic speeds'),
    ('= \\sqrt{\\mathcal{E}(\\text{MeV})} \\left( \\frac{L}{11.1} \\right)^3',
     'holds', None),
    ('\\frac{\\rho_e}{R_E} = \\frac{\\sqrt{2 \\mathcal{E} m_e}}{e B R_E}',
     'holds-with-condition', 'non-relativistic speeds'),
    ('= \\sqrt{\\mathcal{E}(\\text{MeV})} \\left( \\frac{L}{38.9} \\right)^3',
     'holds', None),
    ('\\alpha = \\tan^{-1}(v_{\\perp}/v_{\\parallel})',
     'holds-with-condition', 'motion along B (v_par > 0)'),
    ('\\frac{\\sin^2 \\alpha}{\\sin^2 \\alpha_{\\text{eq}}}',
     'holds', None),
    ('B_{\\text{eq}} = B_E/L^3',
     'holds', None),
    ('\\alpha = 90^\\circ \\text{ (i.e., } v_{\\parallel} = 0\\text{)}',
     'holds', None),
    ('\\sin^2 \\alpha_{\\text{eq}} = \\frac{B_{\\text{eq}}}{B_m}',
     'holds', None),
    ('\\sin^2 \\alpha_{\\text{eq}} = \\frac{B_{\\text{eq}}}{B_m} =',
     'holds', None),
    ('\\tau_b = 4 \\int_0^{\\vartheta_m} \\frac{d\\vartheta}{v_{\\parallel}}',
     'holds', None),
    ('\\tau_b \\simeq \\frac{L R_E}{(\\mathcal{E}/m)^{1/2}}',
     'holds-with-condition', 'as an approximation'),
    ('(\\tau_b)_p \\simeq 2.41 \\frac{L}{\\sqrt{\\mathcal{E}(\\text{MeV})}}',
     'holds-with-condition', 'as an approximation'),
    ('(\\tau_b)_e \\simeq 5.62 \\times 10^{-2} \\frac{L}{\\sqrt{\\mathcal{E}(\\text{MeV})}}',
     'holds-with-condition', 'as an approximation'),
    ('מן המשוואות ניתן לראות שעבור לאלקטרונים עם',
     'not-checkable', None),
    ('$$\\mathbf{v}_\\nabla = \\frac{mv_\\perp^2}{2qB^3}',
     'holds', None),
    ('\\mathbf{v}_{1\\perp} \\simeq -\\text{sgn}(\\Omega)',
     'holds', None),
    ('B(\\hat{r}, \\hat{\\theta}, 0) \\times \\nabla',
     'not-checkable', None),
    ('\\langle v_d \\rangle \\simeq \\frac{6 \\mathcal{E}',
     'holds-with-condition', 'as an approximation'),
    ('\\langle \\tau_d \\rangle = \\frac{2\\pi L R_E}{\\langle',
     'holds-with-condition', 'as an approximation'),
    ('\\langle \\tau_d \\rangle_p = \\langle \\tau_d',
     'holds-with-condition', 'as an approximation'),
]


def seed_text():
    """The seed file; missing is a skip locally but a failure under CI=true."""
    path = SEEDS / SOURCE
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"seed file {path} is missing")
        pytest.skip(f"seed file {path} not available")
    return path.read_text(encoding="utf-8")


def test_every_quote_is_verbatim_in_the_seed():
    text = seed_text()
    assert [e.quote for e in ENTRIES if e.quote not in text] == []


def test_entries_are_complete():
    for entry in ENTRIES:
        assert entry.source == SOURCE
        if entry.kind in ("definition", "not-checkable"):
            assert entry.reason, entry.quote
        elif entry.kind == "number":
            assert entry.value is not None and entry.digits > 0, entry.quote
            assert entry.against or entry.compute is not None, entry.quote
        else:
            assert entry.claim is not None and entry.against, entry.quote


def owners(prefix, items, quote=lambda item: item.quote):
    """The items whose quote is ``prefix``, or else those that start with it."""
    return ([item for item in items if quote(item) == prefix]
            or [item for item in items if quote(item).startswith(prefix)])


def test_every_entry_is_pinned_exactly_once():
    assert len(EXPECTED) == len(ENTRIES)
    pinned = [owners(prefix, ENTRIES) for prefix, _, _ in EXPECTED]
    assert all(len(found) == 1 for found in pinned)
    assert {id(found[0]) for found in pinned} == {id(entry) for entry in ENTRIES}


@pytest.fixture(scope="module")
def rows():
    return verify(ENTRIES)


@pytest.mark.parametrize("prefix,verdict,words", EXPECTED,
                         ids=[f"entry{i:02d}" for i in range(len(EXPECTED))])
def test_verdict(rows, prefix, verdict, words):
    (row,) = owners(prefix, rows, quote=lambda row: row.entry.quote)
    assert row.verdict == verdict, row.diagnosis
    if verdict == "erratum":
        assert words in row.diagnosis
        assert row.corrected
    elif verdict == "holds-with-condition":
        assert words in row.condition

