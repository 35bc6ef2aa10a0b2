r"""Formulas with numbers for their constants, as formularies print them.

The NRL Plasma Formulary, Chen's "useful numbers" and most lecture notes give
``omega_ce = 1.76e11 B`` (B in tesla, omega in rad/s), ``omega_ce = 1.76e7 B``
(B in gauss) or ``r_Le = 5.69e-12 v_perp/B``: the derived result with its constants
(e, m_e, c, mu_0) multiplied out for particular units.  Such a formula is not
dimensionally consistent as written, and is right when its coefficient is the derived
one for the units it is meant in.  :func:`judge_coefficient` finds those units: the ones
printed with the formula (``B[\text{T}]``, ``[\text{m}]``) where given, else SI, Gaussian
cgs (gauss, cm, g, erg) or either with energies in eV, keV or MeV (NRL's habit), for an
electron or a proton when the formula names no species.

A coefficient agrees when it is within :data:`ROUNDING` of the derived one: formularies
print three digits computed with rounded constants (1.76e11 for e/m_e = 1.7588e11).
"""

import math

import sympy as sp

from guidingcenter import constants
from guidingcenter import symbols as S
from guidingcenter.check.dimensions import dimension
from guidingcenter.check.documents.units import dimension as named_dimension
from guidingcenter.check.judge import Finding
from guidingcenter.vectors import is_vector

__all__ = ["judge_coefficient", "numbered", "power_of_ten", "ROUNDING"]

ROUNDING = 0.01          # three printed digits of rounded constants: within 1 %

_SPECIES = {"electron": {S.q: -constants.e, S.m: constants.m_e},
            "proton": {S.q: constants.e, S.m: constants.m_p}}
_CONSTANTS = {S.e: constants.e, S.m_e: constants.m_e, S.m_i: constants.m_p,
              S.c: constants.c, S.mu_0: constants.mu_0, S.R_E: constants.R_E,
              S.M_E: constants.M_E, S.B_E: constants.B_E}
_ION_NAMES = {S.mass_number: "mu (m_i/m_p)", S.charge_number: "Z"}
_FIELD = (1, 0, -2, -1)
_ELECTRIC = (1, 1, -3, -1)
_ENERGY = (1, 2, -2, 0)
_STATVOLT_PER_CM = constants.c * 1e-4    # V/m in one statvolt/cm (1 statV = c/10^6 V = 299.79 V)


def numbered(expr):
    """Does ``expr`` carry a constant multiplied out: a decimal number (1.76e11) or a
    coefficient of ten or more, or a tenth or less (10^8 E/B, 44/(L W))?"""
    expr = sp.sympify(expr)
    coefficient = abs(expr.as_coeff_Mul()[0])
    return bool(expr.atoms(sp.Float)) or coefficient >= 10 or 0 < coefficient <= sp.Rational(1, 10)


def power_of_ten(ratio, tolerance):
    """10^k when ``ratio`` is within ``tolerance`` of it (a slip of units: 1e-4, 1e3), else
    None."""
    power = round(math.log10(abs(ratio)))
    return sp.Integer(10) ** power if abs(abs(ratio) / 10.0 ** power - 1) <= tolerance \
        else None


def _cgs(dims):
    """SI value of the cgs unit of a quantity of dimension ``dims`` (kg, m, s, A), or None."""
    if dims == _FIELD:
        return 1e-4                                   # gauss
    if dims == (1, -1, -2, -1):
        return 1e-2                                   # gauss per cm
    if dims == _ELECTRIC:
        return _STATVOLT_PER_CM
    kg, metre, _, ampere = dims
    return None if ampere else 1e-3 ** float(kg) * 1e-2 ** float(metre)


def judge_coefficient(claim, truth, *, stated=(), printed=()):
    """The :class:`Finding` on a claim whose coefficient is a number for some units
    (``claim`` and the derived ``truth`` are equations in the toolkit's symbols whose left
    sides differ by a number at most, as f_ce and omega_c; ``printed`` are the units printed
    with the formula, :class:`~guidingcenter.check.documents.units.Unit`); None when the
    claim is not such a formula (no decimal number, or not the result times a number).
    """
    if not (isinstance(claim, sp.Equality) and isinstance(truth, sp.Equality)) or \
            not numbered(claim.rhs) or any(is_vector(side) or isinstance(side, sp.MatrixBase)
                                           for side in claim.args + truth.args):
        return None
    scale = sp.simplify(claim.lhs / truth.lhs)     # f_ce = omega_c/(2 pi): 1/(2 pi)
    if not scale.is_number or scale == 0:
        return None
    printed_number = abs(float(claim.rhs.as_coeff_Mul()[0]))      # the number as printed
    claim = sp.Eq(truth.lhs, claim.rhs / scale, evaluate=False)
    truth = _in_energies(truth, claim.rhs.free_symbols)
    # NRL's ion formulas: mu = m_i/m_p and Z = q/e as variables (omega_ci = 9.58e3 Z B/mu)
    ions = sorted({S.mass_number, S.charge_number} & claim.rhs.free_symbols, key=str)
    bare = claim.rhs.subs({x: 1 for x in ions})
    if not sp.simplify(bare / truth.rhs).free_symbols <= set(_CONSTANTS) | {S.q, S.m}:
        return None                     # not the derived result times a number
    variables = claim.rhs.free_symbols - set(_CONSTANTS) - set(ions)
    dimensional = [x for x in sorted(variables | {claim.lhs}, key=str)
                   if dimension(x) not in (None, (0, 0, 0, 0))]
    scale = abs(float(scale))
    coefficient = bare.subs(_CONSTANTS).subs({x: 1 for x in variables})
    if not coefficient.is_number or coefficient == 0:
        return None
    coefficient = abs(float(coefficient)) * scale
    # shown as printed: T_e^{1/2} read as (2 W_perp)^{1/2} makes 2.38 a 3.366; the
    # derived number is scaled alike
    shown = printed_number / coefficient
    species = ["proton"] if ions else [
        name for name, key in (("electron", "negative-charge"), ("proton", "positive-charge"))
        if key in stated] or list(_SPECIES)
    # a proton, and (to check the powers of mu and Z) a test ion of 16 proton masses, charge 2e
    ion_points = [{x: 1 for x in ions}, {S.mass_number: 16, S.charge_number: 2}] if ions \
        else [{}]
    given = {named_dimension(u.dimension): u.si for u in printed}
    found = []
    for system, unit in _SYSTEMS:
        units = {x: given.get(dimension(x), unit(dimension(x))) for x in dimensional}
        if None in units.values():
            continue
        at_units = {x: units.get(x, 1) for x in variables}
        for particle in species:
            errors = []
            for point in ion_points:
                ion = {S.q: _SPECIES[particle][S.q] * point.get(S.charge_number, 1),
                       S.m: _SPECIES[particle][S.m] * point.get(S.mass_number, 1)}
                value = truth.rhs.subs(at_units).subs({**_CONSTANTS, **ion})
                if not value.is_number or value == 0:
                    return None                              # T(y) at y = 1: not a number
                claimed = claim.rhs.subs(point).subs(_CONSTANTS).subs({x: 1 for x in variables})
                derived = abs(float(value)) / units.get(claim.lhs, 1.0) * scale
                errors.append((abs(abs(float(claimed)) * scale / derived - 1), derived))
            found.append((max(errors)[0], system, particle, errors[0][1], errors[0][0]))
    if not found:
        return None
    printed_all = all(dimension(x) in given for x in dimensional)

    def where(system, particle):
        return ("the units printed" if printed_all else system) + (
            f" for {'an' if particle == 'electron' else 'a'} {particle}"
            if len(species) > 1 else "") + (
            " for an ion of mu proton masses and charge Z e" if ions else "")
    error, system, particle, derived, proton = min(found, key=lambda f: f[0])  # SI on ties
    if error <= ROUNDING:
        return Finding("holds-with-condition", "",
                       condition=f"as an approximation: {printed_number:.4g} is the "
                                 f"derived {shown * derived:.5g} in {where(system, particle)}, "
                                 f"rounded "
                                 f"({100 * error:.2g}%)")
    if not given and len(species) > 1:
        return None                         # no units, no species: nothing to say better
    closest = min(found, key=lambda f: f[4])
    if ions and closest[4] <= ROUNDING:     # right for a proton, wrong for another ion
        return Finding("erratum", "", diagnosis=(
            f"wrong power of {' or '.join(_ION_NAMES[x] for x in ions)}: right for a proton "
            f"in {closest[1]}, off by {100 * closest[0]:.3g}% for an ion of 16 proton masses "
            f"and charge 2e"), edits=(("exponent",),))
    error, system, particle, derived, _ = found[0]                # SI, as the toolkit's
    off = coefficient / derived
    factor = power_of_ten(off, ROUNDING)
    return Finding("erratum", "",
                   diagnosis=f"coefficient {printed_number:.4g} where the derived one "
                             f"in {where(system, particle)} is {shown * derived:.5g}: off by "
                             f"a factor "
                             f"{sp.sstr(factor) if factor is not None else f'{off:.4g}'}",
                   edits=(("factor", factor if factor is not None else sp.Float(off, 4)),))


# Speeds a formulary writes through a kinetic energy (in eV): v = (2 W/m)^{1/2}
_SPEEDS = {S.W: S.v, S.W_perp: S.v_perp, S.W_par: S.v_par}


def _in_energies(truth, names):
    """The derived ``truth`` with each speed the claim gives by its kinetic energy written
    through that energy (non-relativistic): NRL's r_e = 2.38 T_e^{1/2}/B, v = 5.93e5 W^{1/2}."""
    speeds = {speed: sp.sqrt(2 * energy / S.m) for energy, speed in _SPEEDS.items()
              if energy in names and speed not in names}
    return sp.Eq(truth.lhs, truth.rhs.subs(speeds), evaluate=False) if speeds else truth


def _unit_systems():
    """(name, SI value of the unit of a dimension) for every system of units tried."""
    energies = (("", None), (" with energies in eV", constants.e),
                (" with energies in keV", 1e3 * constants.e),
                (" with energies in MeV", 1e6 * constants.e))
    return tuple((system + words, lambda dims, base=base, energy=energy:
                  energy if energy is not None and dims == _ENERGY else base(dims))
                 for system, base in (("SI units", lambda dims: 1.0), ("Gaussian units", _cgs))
                 for words, energy in energies)


_SYSTEMS = _unit_systems()
