"""Cyclotron frequency in hertz: gyrations per second.

The angular gyrofrequency omega_c = qB/(gamma m) of derivation gyration turns
through 2 pi per gyration, so the particle completes f_c = omega_c/(2 pi)
gyrations per second; the gyroperiod is 1/|f_c|.  Plasma formularies and
spacecraft wave instruments quote this cyclic frequency (e.g. 28 GHz per tesla
for electrons).

Sources: NRL Plasma Formulary (2019), "Frequencies"; Chen, Introduction to
Plasma Physics, sec. 2.2.1.
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.codegen import Arg, NumericSpec, Option
from guidingcenter.engine import DerivationBuilder, equation

NAME = "cyclotron_frequency"


def derive():
    d = DerivationBuilder(
        NAME, "Cyclotron frequency in hertz",
        summary="A gyration turns the velocity through $2\\pi$: the cyclic gyrofrequency is "
                "$f_c = \\omega_c/(2\\pi) = qB/(2\\pi\\gamma m)$ and the gyroperiod "
                "$1/|f_c|$.",
        assumptions=["Gyration in a uniform static magnetic field (derivation gyration), "
                     "relativistic with the Newtonian form as the rest-mass limit."],
        domains={S.v: (0, S.c)},
        references=["NRL Plasma Formulary (2019), Frequencies",
                    "Chen, Introduction to Plasma Physics, sec. 2.2.1"])
    for name, imported, description, conditions in [
            ("gyrofrequency_relativistic", "gyrofrequency_cyclic_relativistic",
             "cyclic gyrofrequency $qB/(2\\pi\\gamma m)$", ()),
            ("gyrofrequency", "gyrofrequency_cyclic", "cyclic gyrofrequency $qB/(2\\pi m)$, "
                                                      "rest mass", ("nonrelativistic",))]:
        angular = d.imported(registry.result(name), f"angular gyrofrequency (result {name} "
                                                    f"of derivation gyration)")
        cyclic = d.combine([angular], lambda w: equation(S.f_c, w.rhs / (2 * sp.pi)),
                           "one gyration is a turn of $2\\pi$: $f_c = \\omega_c/(2\\pi)$",
                           "division by $2\\pi$")
        d.result(imported, cyclic, description, conditions=conditions)
        if not conditions:
            d.define(S.gamma, 1 / sp.sqrt(1 - S.v**2 / S.c**2), "Lorentz factor")
            d.claim(equation(S.f_c, S.q * S.B / (2 * sp.pi * S.gamma * S.m)),
                    "with the Lorentz factor: $f_c = qB/(2\\pi\\gamma m)$", of=cyclic)

    d.numeric_function(NumericSpec(
        "gyrofrequency_hz", "Cyclotron frequency in hertz (gyrations per second).",
        "gyrofrequency_cyclic_relativistic",
        args=(Arg("B", S.B, "T", "Magnetic field strength", check="positive"),
              Arg("v", S.v, "m/s", "Particle speed (0 gives the rest-mass cyclotron "
                  "frequency)", check="nonnegative", default=0.0)),
        returns=("Hz", "Cyclic gyrofrequency; |q|B/(2 pi gamma m) unless signed"),
        particle=("q", "m"),
        options=(Option("relativistic", True, "Use gamma m (True) or the rest mass m.",
                        {True: "gyrofrequency_cyclic_relativistic",
                         False: "gyrofrequency_cyclic"}),
                 Option("signed", False, "Return qB/(2 pi gamma m) with the sign of the "
                        "charge.", kind="absolute")),
        light_speed=("v",),
        example={"B": 1.0, "particle": "e-"},
        notes="gyrofrequency / (2 pi); the gyroperiod is 1/f_c. Exact for a uniform "
              "static field.",
        references=("NRL Plasma Formulary (2019): f_ce = 2.80e6 B[G] Hz, "
                    "f_ci = 1.52e3 Z (m_p/m_i) B[G] Hz",)))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
