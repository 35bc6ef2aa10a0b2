"""The verdict side: read a formula, find the derived result it is about, judge it.

Modules: :mod:`~guidingcenter.check.parsing` (LaTeX and SymPy syntax into the
project's notation; the LaTeX grammar in :mod:`guidingcenter.check.latex`, its
gyro-averages done by :mod:`~guidingcenter.check.gyro_average`),
:mod:`~guidingcenter.check.conditions` (the checking frame and the conditions
a formula may need), :mod:`~guidingcenter.check.sampling` (values at seeded
points), :mod:`~guidingcenter.check.dimensions`,
:mod:`~guidingcenter.check.diagnosis` (the single edits that name an erratum),
:mod:`~guidingcenter.check.components` (vectors and equations written by their components),
:mod:`~guidingcenter.check.judge` (one formula against one result) and
:mod:`~guidingcenter.check.matching` (which result a formula is about); forms rewritten
before they are judged: :mod:`~guidingcenter.check.fieldline` (integrals between the
mirror points, in the dipole), :mod:`~guidingcenter.check.frame_condition` (E + v x B = 0
solved for the drift), :mod:`~guidingcenter.check.orbit_coordinates` (x(t), y(t) of a
gyration) and :mod:`~guidingcenter.check.coefficients` (a formulary's numbers).
"""
