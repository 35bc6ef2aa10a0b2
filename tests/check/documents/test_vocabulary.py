"""The data the documents read: vocabulary.toml (phrases -> symbols, particles, conditions)
and units.toml (spellings -> SI).  Each file is checked by a validator that is shown to
refuse a broken copy."""

import copy
import math

import pytest

from guidingcenter import constants
from guidingcenter import symbols as S
from guidingcenter.check.conditions import CONDITION_KEYS
from guidingcenter.check.documents import units as U
from guidingcenter.check.documents import vocabulary as V
from guidingcenter.particles import PARTICLES


def vocabulary_problems(data):
    """What is wrong with a vocabulary table (empty when nothing is)."""
    problems = []
    seen = {}
    for name, phrases in data["quantities"].items():
        if S.by_name().get(name) is None and getattr(S, name, None) is None:
            problems.append(f"{name}: not a symbol of guidingcenter.symbols")
        for phrase in phrases:
            other = seen.setdefault(phrase.casefold(), name)
            if other != name:
                problems.append(f"{phrase!r} names both {other} and {name}")
    problems += [f"{particle}: not a particle" for particle in data["species"]
                 if particle not in PARTICLES]
    problems += [f"{key}: not a condition" for key in data["conditions"]
                 if key not in CONDITION_KEYS]
    return problems


def units_problems(data):
    """What is wrong with a units table (empty when nothing is)."""
    problems = []
    spellings = {}
    for name, spec in data["unit"].items():
        if spec["dimension"] not in data["dimensions"]:
            problems.append(f"{name}: unknown dimension {spec['dimension']}")
        if ("si" in spec) == ("of" in spec):
            problems.append(f"{name}: give exactly one of si and of")
        for spelling in spec["spellings"]:
            other = spellings.setdefault(U.canonical(spelling), name)
            if other != name:
                problems.append(f"{spelling!r} spells both {other} and {name}")
    return problems


def test_the_vocabulary_is_sound_and_the_check_refuses_a_broken_copy():
    data = V.vocabulary()
    assert vocabulary_problems(data) == []
    broken = copy.deepcopy(data)
    broken["quantities"]["R_curv"] = ["radius of curvature"]
    broken["conditions"]["relativistic"] = ["fast"]
    assert vocabulary_problems(broken) == [
        "R_curv: not a symbol of guidingcenter.symbols",
        "'radius of curvature' names both R_c and R_curv",
        "relativistic: not a condition"]


def test_the_units_are_sound_and_the_check_refuses_a_broken_copy():
    data = U._data()
    assert units_problems(data) == []
    broken = copy.deepcopy(data)
    broken["unit"]["kelvin"] = {"si": 1.0, "of": "J", "dimension": "temperature",
                                "spellings": ["K", "keV"]}
    assert units_problems(broken) == ["kelvin: unknown dimension temperature",
                                      "kelvin: give exactly one of si and of",
                                      "'keV' spells both keV and kelvin"]


@pytest.mark.parametrize("spelling, si", [
    ("MeV", 1e6 * constants.e), (r"\text{ keV}", 1e3 * constants.e), ("eV", constants.e),
    ("kHz", 1e3), (r"\mathrm{rad/s}", 1.0), ("h", 3600.0), ("Stunden", 3600.0),
    ("secs", 1.0), ("min", 60.0), ("nT", 1e-9), ("G", 1e-4), ("gauss", 1e-4),
    ("km", 1e3), ("R_E", constants.R_E), (r"^\circ", math.pi / 180), ("A m^2", 1.0),
])
def test_units_in_si(spelling, si):
    assert U.unit(spelling).si == pytest.approx(si, rel=1e-15)


def test_a_unit_that_does_not_exist_is_none():
    assert U.unit("parsec") is None
    assert U.unit("S") is None                   # seconds are "s": case matters for short ones
    assert U.unit_at_start(" at L = 4") == (None, 0)


def test_phrases_match_whole_words_in_any_spelling():
    found = V.find_phrases("Pitch-Winkel, the L shell, Larmor radius and gyroradiuses")
    assert [(p.meaning, p.text) for p in found] == [
        ("alpha", "Pitch-Winkel"), ("L", "L shell"), ("r_L", "Larmor radius")]
    assert V.find_phrases("השדה בכדור הארץ")[0].meaning == "B_E"
    assert V.find_phrases("והשדה בכדור הארץ")[0].meaning == "B_E"     # with a prefix


def test_particles_and_conditions_in_words():
    assert V.species_in("Elektronen (1) 0.4 s, Protonen (1) 20.5 s", 0) == "e-"
    assert V.species_in("Elektronen (1) 0.4 s, Protonen (1) 20.5 s", 30) == "p+"
    assert V.species_in("a field line") is None
    assert V.conditions_in("im Vakuum (j = 0) und nichtrelativistisch") == (
        "vacuum", "nonrelativistic")
    assert V.conditions_in("a relativistic particle") == ()
