"""The committed numeric code is what the derivations generate now; no SymPy at import."""

import os
import subprocess
import sys

from guidingcenter import codegen


def test_committed_code_equals_generated():
    for name, text in codegen.generate().items():
        path = os.path.join(codegen.numeric_dir(), name)
        with open(path, encoding="utf-8") as stream:
            assert stream.read() == text, f"{name} is stale: run python -m guidingcenter.codegen"


def test_numeric_does_not_import_sympy():
    code = ("import sys, guidingcenter.numeric as n; n.gradB_drift([0,0,1],[1,0,0],1.0,'p+');"
            "print('sympy' in sys.modules, 'mpmath' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_doctest_values_are_cut_not_rounded():
    assert codegen._doctest_float(5.685630123456e-06) == "5.68563...e-06"
    assert codegen._doctest_float(-175882001076.0) == "-175882..."
    assert codegen._doctest_float(20.0) == "20.0"
