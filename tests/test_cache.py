"""The disk cache of proved results: found only when fresh, never trusted when damaged."""

import hashlib
import os
import subprocess
import sys

import pytest
import sympy as sp

from guidingcenter import cache, registry
from guidingcenter import symbols as S


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GUIDINGCENTER_CACHE_DIR", str(tmp_path))
    return tmp_path


def sample_table():
    return {name: registry.result(name) for name in ("magnetic_moment", "gradB_drift",
                                                     "bounce_period")}


def test_round_trip_keeps_equations_unevaluated(folder):
    table = sample_table()
    cache.store_results(table, key="k" * 64)
    loaded = cache.load_results(key="k" * 64)
    assert loaded.keys() == table.keys()
    for name, result in table.items():
        assert loaded[name].statement == result.statement
        assert loaded[name].step == result.step
    assert isinstance(loaded["magnetic_moment"].statement, sp.Equality)
    # an equation that SymPy would evaluate to False on construction stays as written
    odd = {"odd": sp.Eq(S.B, 2 * S.B, evaluate=False)}
    cache.store_results(odd, key="o" * 64)
    assert cache.load_results(key="o" * 64)["odd"] == odd["odd"]


def test_a_stale_key_is_not_found(folder):
    cache.store_results(sample_table(), key="a" * 64)
    assert cache.load_results(key="b" * 64) is None


def test_the_key_changes_with_the_sources(tmp_path, monkeypatch):
    script = tmp_path / "gyration.py"
    script.write_text("x = 1\n")
    monkeypatch.setattr(cache, "_source_files", lambda: [str(script)])
    before = cache.source_key()
    assert cache.source_key() == before
    script.write_text("x = 2\n")                    # one derivation script edited
    assert cache.source_key() != before


@pytest.mark.parametrize("damage", ["flip", "truncate", "header", "junk"])
def test_a_damaged_cache_is_rebuilt_not_trusted(folder, damage):
    key = "d" * 64
    cache.store_results(sample_table(), key=key)
    (path,) = folder.iterdir()
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-10] ^= 0xFF
    elif damage == "truncate":
        data = data[:len(data) // 2]
    elif damage == "header":
        data[:5] = b"XXXXX"
    else:                                          # a valid digest over a payload that is junk
        payload = b"not a pickle at all"
        data = bytearray(cache._MAGIC + hashlib.sha256(payload).hexdigest().encode() + payload)
    path.write_bytes(bytes(data))
    assert cache.load_results(key=key) is None
    assert not path.exists()                        # discarded, so the next run rebuilds it


def test_a_payload_that_is_not_a_table_is_refused(folder):
    key = "e" * 64
    cache.store_results(["not", "a", "dict"], key=key)
    assert cache.load_results(key=key) is None


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GUIDINGCENTER_CACHE_DIR", str(blocker / "below-a-file"))
    cache.store_results(sample_table(), key="f" * 64)      # no exception
    assert cache.load_results(key="f" * 64) is None


def test_a_fresh_process_reads_the_results_from_the_cache(folder):
    """The first process builds and stores every result; the next one only reads them
    (it would have to prove 13 derivations otherwise: the builder is made to fail)."""
    env = dict(os.environ, GUIDINGCENTER_CACHE_DIR=str(folder))
    registry.results()          # this session's results (built or read)
    cache.store_results(registry.results())
    script = ("import guidingcenter.registry as r\n"
              "r.derivation = lambda name: (_ for _ in ()).throw(AssertionError(name))\n"
              "print(len(r.results()), r.result('gradB_drift').derivation)")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    assert int(out[0]) == len(registry.results()) and out[1] == "gradb_drift"


def test_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("GUIDINGCENTER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == os.path.join(str(tmp_path), "guidingcenter")


def test_the_first_check_on_an_empty_cache_is_decided_within_its_budget(tmp_path):
    """Building the derivations (seconds) is not charged to the first formula's budget."""
    env = {**os.environ, "GUIDINGCENTER_CACHE_DIR": str(tmp_path / "empty"),
           "GUIDINGCENTER_CHECK_BUDGET": "2"}
    run = subprocess.run([sys.executable, "-m", "guidingcenter", "check", "--latex",
                          r"\omega_c = \frac{|q|B}{m}"], env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0 and run.stdout.startswith("holds"), run.stdout + run.stderr
