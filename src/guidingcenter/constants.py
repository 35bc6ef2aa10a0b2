"""Physical constants (SI), from one place.

CODATA 2022 recommended values (NIST SP 961, May 2024; Mohr et al., Rev. Mod.
Phys. 97, 025002 (2025)); ``c`` and ``e`` are exact in the 2019 SI.  The Earth
constants are the ones the lecture notes use (German notes 004: M_E = 8.05e22
A m^2, R_E = 6371 km; Hebrew notes 003: R_E = 6.37e6 m, B_E = 3.11e-5 T); every
function that uses them accepts ``R_E=`` and ``B_E=`` overrides.
"""

import math

__all__ = ["c", "e", "m_e", "m_p", "m_alpha", "mu_0", "M_E", "R_E", "B_E", "eV"]

c = 299_792_458.0            # speed of light in vacuum, m/s (exact)
e = 1.602_176_634e-19        # elementary charge, C (exact)
m_e = 9.109_383_7139e-31     # electron mass, kg (CODATA 2022)
m_p = 1.672_621_925_95e-27   # proton mass, kg (CODATA 2022)
m_alpha = 6.644_657_3450e-27  # alpha-particle mass, kg (CODATA 2022)
mu_0 = 1.256_637_061_27e-6   # vacuum magnetic permeability, N/A^2 (CODATA 2022)
eV = e                       # electron volt, J

M_E = 8.05e22                # Earth's dipole moment, A m^2 (notes 003, 004)
R_E = 6.371e6                # Earth radius, m (notes 004; 003 uses 6.37e6)
B_E = mu_0 * M_E / (4 * math.pi * R_E**3)   # equatorial surface field, T (~3.11e-5)
