"""Verify whole documents: every formula of a user's notes or paper.

Modules: :mod:`~guidingcenter.check.documents.context` (what a document says about
its notation: definitions in formulas and in words, macros, values, stated
conditions), :mod:`~guidingcenter.check.documents.numbers` (worked numbers
recomputed from the derived results), :mod:`~guidingcenter.check.documents.vocabulary`
and :mod:`~guidingcenter.check.documents.units` (the words and units they read, as
data in ``vocabulary.toml`` and ``units.toml``).
"""
