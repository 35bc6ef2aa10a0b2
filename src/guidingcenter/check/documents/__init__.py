"""Verify whole documents: every formula of a user's notes, paper or textbook chapter.

Modules: :mod:`~guidingcenter.check.documents.extract` (the formulas of Markdown,
LaTeX and plain text) with :mod:`~guidingcenter.check.documents.relations` (a
formula split into the relations it states),
:mod:`~guidingcenter.check.documents.context` (what a document says about its
notation: definitions in formulas and in words, values, stated conditions) with
:mod:`~guidingcenter.check.documents.macros` (``\\newcommand`` and friends),
:mod:`~guidingcenter.check.documents.formulas` (a formula's pieces, sides, numbers and
names) and :mod:`~guidingcenter.check.documents.names` (how the checker reads a name),
:mod:`~guidingcenter.check.documents.numbers` (worked numbers recomputed from the
derived results) with :mod:`~guidingcenter.check.documents.quoted` (what a relation
quotes), :mod:`~guidingcenter.check.documents.vocabulary` and
:mod:`~guidingcenter.check.documents.units` (the words and units they read, as data in
``vocabulary.toml`` and ``units.toml``), :mod:`~guidingcenter.check.documents.verify`
(relations to verdict rows), :mod:`~guidingcenter.check.documents.report` (the errata
sheet), :mod:`~guidingcenter.check.documents.table` (the terminal table) and
:mod:`~guidingcenter.check.documents.batch` (many files, in processes or on Dask).
"""
