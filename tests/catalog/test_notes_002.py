"""Note 002 (English derivation notes) in the catalogue: quotes and pinned verdicts.

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
from guidingcenter.catalog.notes_002 import ENTRIES, SOURCE

SEEDS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "seeds"

# (quote prefix, verdict, key word of the diagnosis / the condition, or None)
EXPECTED = [
    ('m\\frac{d\\vec{v}}{dt} = q\\left[\\vec{E} + \\vec{v}\\times\\vec{B}\\right]',
     'definition', None),
    ('m\\frac{d\\vec{v}}{dt} = q\\left[\\vec{E}(\\vec{x}_\\text{gc})',
     'definition', None),
    ('\\vec{v} = \\vec{v}_\\text{gc} + \\vec{v}_L',
     'definition', None),
    ('m\\frac{d(\\vec{v}_\\text{gc} + \\vec{v}_L)}{dt} = q\\left[',
     'definition', None),
    ('m\\frac{d\\vec{v}_\\text{gc}}{dt} = q\\left[\\vec{E}(\\vec{x}_\\text{gc})+ \\vec{v}_\\text{gc}\\times\\vec{B}(\\vec{x}_\\text{gc}) + \\langle\\vec{v}_L\\times(\\vec{r}_\\text{L}\\cdot\\nabla)\\vec{B}(\\vec{x}_\\text{gc})\\rangle\\right]',
     'not-checkable', None),
    ('\\vec{r}_L = r_L\\sin\\omega_L t\\hat{x} + r_L\\cos\\omega_L t\\hat{y}',
     'holds-with-condition', 'a positive charge (q > 0)'),
    ('\\vec{v}_L = r_L\\omega_L\\cos\\omega_L t\\hat{x}',
     'holds-with-condition', 'a positive charge (q > 0)'),
    ('\\vec{F}_\\nabla =  \\langle q(r_L\\omega_L\\cos\\omega_L',
     'not-checkable', None),
    ('\\vec{F}_\\nabla  =  qr_L^2\\omega_L\\left\\langle',
     'not-checkable', None),
    ('\\vec{F}_\\nabla  =  qr_L^2\\omega_L\\left[\\frac{1}{2} (\\hat{x}\\times(\\hat{y}\\cdot\\nabla)\\vec{B})',
     'not-checkable', None),
    ('\\vec{B} = B_x\\hat{x} + B_y\\hat{y} + B_z\\hat{z}',
     'definition', None),
    ('\\vec{F}_\\nabla  =  qr_L^2\\omega_L\\left[\\frac{1}{2} \\left(\\hat{x}\\times\\left(\\frac{dB_x}{dy}',
     'not-checkable', None),
    ('\\vec{F}_\\nabla  =  \\frac{qr_L^2\\omega_L}{2} \\left[\\left(\\frac{dB_y}{dy}\\hat{z}',
     'not-checkable', None),
    ('\\vec{F}_\\nabla  =  \\frac{qr_L^2\\omega_L}{2} \\left[\\left(\\frac{dB_y}{dy} +',
     'not-checkable', None),
    ('\\vec{F}_\\nabla  =  \\frac{qr_L^2\\omega_L}{2} \\left[-\\frac{dB_z}{dz}',
     'not-checkable', None),
    ('= -\\frac{mv_L^2}{2B}\\nabla B_z \\approx -\\frac{mv_L^2}{2B}\\nabla',
     'holds', None),
    ('\\vec{v}_\\nabla = \\frac{\\vec{F}_\\nabla\\times\\vec{B}}{qB^2}',
     'holds', None),
    ('\\vec{v}_\\text{gc} = \\vec{v}_{\\text{gc}\\perp}',
     'definition', None),
    ('m\\frac{d\\vec{v}_\\text{gc}}{dt} = q\\left[\\vec{E}(\\vec{x}_\\text{gc})+ \\vec{v}_\\text{gc}\\times\\vec{B}(\\vec{x}_\\text{gc}) + \\langle \\vec{v}_L\\times(\\vec{r}_\\text{L}\\cdot\\nabla)\\vec{B}(\\vec{x}_\\text{gc})\\rangle\\right]',
     'not-checkable', None),
    ('m\\frac{d(\\vec{v}_{\\text{gc}\\perp} + v_{\\text{gc}\\parallel}\\hat{B})}{dt}',
     'erratum', 'wrong symbol: v_perp where v_par'),
    ('m\\frac{d\\vec{v}_{\\text{gc}\\perp}}{dt} + m\\frac{d',
     'erratum', 'flipped sign of the term'),
    ('\\text{parallel : } \\qquad m\\frac{d v_{\\text{gc}\\parallel}}{dt}',
     'not-checkable', None),
    ('\\text{perpendicular : } \\qquad m\\frac{d\\vec{v}_{\\text{gc}\\perp}}{dt}',
     'erratum', 'dimensionally inconsistent'),
    ('m\\frac{d\\vec{v}_{\\text{gc}\\perp}}{dt} = \\vec{F}_\\perp',
     'erratum', 'dimensionally inconsistent'),
    ('\\vec{F}_\\perp = mv^2_{\\text{gc}\\parallel}\\hat{B}\\cdot\\nabla\\hat{B}',
     'erratum', 'flipped sign'),
    ('m\\frac{d\\vec{v}_{\\text{gc}\\perp}}{dt} =  0',
     'erratum', 'dimensionally inconsistent'),
    ('\\vec{v}_F = \\frac{\\vec{F}_\\perp \\times\\vec{B}(\\vec{x}_\\text{gc})}{qB^2}',
     'holds', None),
    ('\\vec{v}_{\\text{gc}\\perp} = \\vec{v}_F + \\vec{v}_P',
     'definition', None),
    ('m\\frac{d(\\vec{v}_F + \\vec{v}_P)}{dt} = m\\frac{d\\vec{v}_F}{dt}',
     'erratum', 'missing factor q'),
    ('\\vec{v}_P = -\\frac{m}{qB^2}\\frac{d\\vec{v_F}}{dt}\\times\\vec{B}',
     'holds', None),
    ('\\vec{F}_R = - mv^2_{\\text{gc}\\parallel}\\hat{B}\\cdot\\nabla\\hat{B}',
     'holds', None),
    ('\\vec{v}_R = \\frac{mv^2_{\\text{gc}\\parallel}}{qB^2}\\vec{B}\\times\\hat{B}\\cdot\\nabla\\hat{B}',
     'holds', None),
    ('= \\frac{mv^2_{\\text{gc}\\parallel}}{qB^3}\\vec{B}\\times\\nabla\\hat{B}',
     'not-checkable', None),
    ('m\\frac{d v_{\\text{gc}\\parallel}}{dt} = -q\\frac{d\\varphi}{ds}',
     'not-checkable', None),
    ('mv_{\\text{gc}\\parallel}\\frac{d v_{\\text{gc}\\parallel}}{dt}',
     'not-checkable', None),
    ('\\frac{d}{dt}\\left(\\frac{mv_{\\text{gc}\\parallel}^2}{2}',
     'holds', None),
    ('\\frac{mv_{\\text{gc}\\parallel}^2}{2} + q\\varphi',
     'holds-with-condition', 'varphi = 0'),
    ('We can see that particles with $$W_0 < \\mu',
     'not-checkable', None),
    ('\\mu = \\frac{mv_{L\\text{max}}^2}{2B_\\text{min}}',
     'holds', None),
    ('\\frac{mv_{L\\text{max}}^2}{2B_\\text{min}}B_\\text{max}',
     'holds', None),
    ('\\frac{B_\\text{min}}{B_\\text{max}} = \\frac{v_{L\\text{max}}^2}{v_0^2}',
     'holds', None),
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

