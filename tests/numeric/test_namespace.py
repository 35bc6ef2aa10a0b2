"""guidingcenter.numeric's public namespace holds the functions and nothing else."""

import inspect
import types

import guidingcenter.numeric as numeric
from guidingcenter import codegen


def test_public_names_are_the_functions():
    public = [name for name in dir(numeric) if not name.startswith("_")]
    assert sorted(public) == sorted(numeric.__all__)
    for name in public:
        assert inspect.isfunction(getattr(numeric, name)), name
    # tab completion once offered the module gradb_drift beside the function gradB_drift
    assert not hasattr(numeric, "gradb_drift") and callable(numeric.gradB_drift)


def test_the_check_sees_a_module_among_the_functions():
    names = [n for n in dir(numeric) if not n.startswith("_")] + ["gyration"]
    values = {n: getattr(numeric, n, types.ModuleType(n)) for n in names}
    assert not all(inspect.isfunction(v) for v in values.values())


def test_generated_modules_have_private_names():
    files = codegen.generated_files()
    assert "__init__.py" in files
    assert all(name.startswith("_") for name in files)
    assert codegen.module_name("gyration") == "_gyration"
