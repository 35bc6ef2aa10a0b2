"""Doctest collection of ``src/``: where numba is not installed, its modules (the optional
compiled paths) cannot be imported and are left out, as their NumPy twins are not."""

import importlib.util

collect_ignore_glob = [] if importlib.util.find_spec("numba") else ["*/_compiled.py"]
