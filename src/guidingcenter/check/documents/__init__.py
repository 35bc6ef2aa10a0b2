"""Verify whole documents: every formula of a user's notes, paper or textbook chapter.

Modules: :mod:`~guidingcenter.check.documents.extract` (the formulas of Markdown,
LaTeX and plain text, split into the relations they state),
:mod:`~guidingcenter.check.documents.verify` (relations to verdict rows),
:mod:`~guidingcenter.check.documents.report` (the errata sheet) and
:mod:`~guidingcenter.check.documents.batch` (many files, in parallel or on Dask).
"""
