"""Particles by name and charge state: charges, AME2020/CODATA masses, bad names."""

import math

import pytest

from guidingcenter import constants
from guidingcenter.particles import ATOMIC_MASSES, ELEMENTS, charge_and_mass

U = 1.660_539_068_92e-27         # atomic mass constant, kg (CODATA 2022)
E_H = 13.598_434_599_702         # ionization energy of hydrogen, eV (NIST ASD)
E_HE = 24.587_389_011 + 54.417_765_486   # first and second of helium, eV (NIST ASD)
HARTREE = 27.211_386_245_981     # eV (CODATA 2022)


@pytest.mark.parametrize("name, charge, symbol, A", [
    ("He+", 1, "He", 4), ("O+", 1, "O", 16), ("O2+", 2, "O", 16), ("N+", 1, "N", 14),
    ("Fe-56 13+", 13, "Fe", 56), ("Fe13+", 13, "Fe", 56),
    ("He-3 2+", 2, "He", 3), ("H-", -1, "H", 1), ("O2-", -2, "O", 16), ("H-2 1+", 1, "H", 2),
])
def test_ions_are_atoms_less_their_electrons(name, charge, symbol, A):
    q, m = charge_and_mass(name)
    assert q == charge * constants.e
    # the atomic mass minus z electron masses; constants only: a few ulp
    expected = ATOMIC_MASSES[symbol, A] * 1e-6 * U - charge * constants.m_e
    assert m == pytest.approx(expected, rel=1e-15)
    assert m == pytest.approx(A * U, rel=2e-3)                  # roughly A u: a wrong row fails


def test_fully_stripped_hydrogen_and_helium_are_the_proton_and_the_alpha():
    assert charge_and_mass("H+") == charge_and_mass("p+") == (constants.e, constants.m_p)
    assert charge_and_mass("He2+") == charge_and_mass("He-4 2+") == charge_and_mass("alpha")
    # the subtraction would differ by the electrons' binding energy: CODATA and AME agree
    c2 = constants.c**2 / constants.e                  # kg -> eV
    hydrogen = ATOMIC_MASSES["H", 1] * 1e-6 * U - constants.m_e
    helium = ATOMIC_MASSES["He", 4] * 1e-6 * U - 2 * constants.m_e
    # tolerances: twice the AME2020 uncertainties of the atomic masses (1.4e-5 and 1.6e-4
    # micro-u: 0.013 and 0.15 eV); the CODATA masses of the proton, alpha and electron come
    # from one adjustment with m_u, their ratios to it known to 2e-11 (0.06 eV) or better
    assert (constants.m_p - hydrogen) * c2 == pytest.approx(E_H, abs=0.03)
    assert (constants.m_alpha - helium) * c2 == pytest.approx(E_HE, abs=0.3)
    # the relative sizes quoted in guidingcenter.particles
    assert E_H / (constants.m_p * c2) == pytest.approx(1.4e-8, rel=0.05)
    assert E_HE / (constants.m_alpha * c2) == pytest.approx(2.1e-8, rel=0.05)


def test_the_neglected_binding_energy_is_below_a_millionth():
    # Thomas-Fermi energy of all Z electrons, 0.7687 Z^(7/3) hartree, bounds the binding
    # energy (the Scott correction +Z^2/2 hartree lowers it); 50 keV for nickel
    c2 = constants.c**2 / constants.e
    for symbol, (Z, A) in ELEMENTS.items():
        bound = 0.7687 * Z**(7 / 3) * HARTREE
        _, m = charge_and_mass(f"{symbol}-{A} {Z}+" if Z > 1 else f"{symbol}+")
        assert bound / (m * c2) < 1e-6, symbol
    assert 0.7687 * 28**(7 / 3) * HARTREE == pytest.approx(50e3, rel=0.01)


def test_every_listed_isotope_has_a_mass_near_A_u():
    for (symbol, A), micro_u in ATOMIC_MASSES.items():
        assert abs(micro_u * 1e-6 - A) < 0.07, (symbol, A)   # mass excesses are < 0.07 u
        assert symbol in ELEMENTS


@pytest.mark.parametrize("name, words", [
    ("Xx+", "unknown element 'Xx'"), ("He3+", "removes 3 electrons, but He has 2"),
    ("He", "unknown 'He'"), ("He0+", "no charge"), ("Fe-54 13+", "no mass for Fe-54"),
    ("neutron", "unknown 'neutron'"), (12, "must be a name"), (True, "must be a name"),
])
def test_bad_names_are_refused(name, words):
    with pytest.raises(ValueError, match="^particle: .*" + words.replace("(", r"\(")):
        charge_and_mass(name)


def test_explicit_values_still_override_and_are_checked():
    assert charge_and_mass("O+", m=1.0) == (constants.e, 1.0)
    with pytest.raises(ValueError, match="^q: must be a real number"):
        charge_and_mass(q="1", m=1.0)
    with pytest.raises(ValueError, match="^m: must be finite"):
        charge_and_mass(q=1.0, m=math.inf)
