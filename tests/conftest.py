"""Shared fixtures."""

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def pdflatex():
    """Path of pdflatex; missing is a skip locally but a failure under CI=true."""
    path = shutil.which("pdflatex")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdflatex is required under CI=true (install texlive-latex-base)")
        pytest.skip("pdflatex not installed")
    return path
