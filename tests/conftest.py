"""Shared fixtures."""

import os
import shutil
import tempfile

import pytest

# A verdict must not depend on how busy the machine is: no 5 s budget in the tests.  Set
# on import, before a conftest below this one imports the checker (which reads it then).
os.environ.setdefault("GUIDINGCENTER_CHECK_BUDGET", "120")


def pytest_configure(config):
    """The proved-results cache of this test session lives in a folder of its own
    (hermetic: neither read from nor written to the user's cache)."""
    config._results_cache = tempfile.mkdtemp(prefix="guidingcenter-test-cache-")
    os.environ["GUIDINGCENTER_CACHE_DIR"] = config._results_cache


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "_results_cache", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def pdflatex():
    """Path of pdflatex; missing is a skip locally but a failure under CI=true."""
    path = shutil.which("pdflatex")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdflatex is required under CI=true (install texlive-latex-base)")
        pytest.skip("pdflatex not installed")
    return path
