"""The derivations: one readable SymPy script per topic.

Each module defines ``derive() -> Derivation`` and, run as a script, prints
its LaTeX.  This directory is installed as the package
``guidingcenter.derivations``, so a plain ``pip install .`` can run them all.
"""
