"""The proved results, cached on disk so that a check does not re-prove 13 derivations.

Building and proving every derivation takes seconds; the checker needs only
their published results.  :func:`store_results` writes them (pickled, with a
SHA-256 digest of the payload) into the user's cache folder under a name that
is a hash of everything they depend on (:func:`source_key`): the derivation
scripts, the engine and notation modules, the package, SymPy and Python
versions.  :func:`load_results` returns them only when that key matches and
the digest verifies: a stale cache is simply not found, and a damaged one is
deleted and reported as missing, so the caller rebuilds it.  Nothing here is
ever trusted without its digest.

The folder is ``$GUIDINGCENTER_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/guidingcenter``, else ``~/.cache/guidingcenter``.
"""

import hashlib
import io
import os
import pickle
import sys

import sympy

import guidingcenter
from guidingcenter.io import write_atomic

__all__ = ["cache_dir", "source_key", "load_results", "store_results"]

# Modules whose code shapes the published results besides the derivation scripts.
_CORE = ("engine.py", "proof.py", "vectors.py", "symbols.py", "registry.py", "codegen.py",
         "constants.py", "units.py")
_MAGIC = b"guidingcenter-results\n"


def cache_dir():
    """The folder that holds the cached results."""
    explicit = os.environ.get("GUIDINGCENTER_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "guidingcenter")


def _source_files():
    package = os.path.dirname(os.path.abspath(guidingcenter.__file__))
    import guidingcenter.derivations as derivations
    scripts = os.path.dirname(os.path.abspath(derivations.__file__))
    files = [os.path.join(package, name) for name in _CORE]
    files += [os.path.join(scripts, name) for name in sorted(os.listdir(scripts))
              if name.endswith(".py")]
    return files


def source_key():
    """Hex digest of everything the results depend on (sources and versions)."""
    digest = hashlib.sha256()
    for part in (guidingcenter.__version__, sympy.__version__, sys.version.split()[0],
                 str(pickle.HIGHEST_PROTOCOL)):
        digest.update(part.encode() + b"\0")
    for path in _source_files():
        digest.update(os.path.basename(path).encode() + b"\0")
        with open(path, "rb") as stream:
            digest.update(stream.read() + b"\0")
    return digest.hexdigest()


def _path(key):
    return os.path.join(cache_dir(), f"results-{key[:32]}.pickle")


def load_results(key=None):
    """The cached ``{name: Result}`` for ``key`` (default: :func:`source_key`), or None."""
    path = _path(key or source_key())
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError:
        return None
    header = len(_MAGIC) + 64
    payload = data[header:]
    if data[:len(_MAGIC)] != _MAGIC or \
            data[len(_MAGIC):header].decode("ascii", "replace") != \
            hashlib.sha256(payload).hexdigest():
        _discard(path)
        return None
    try:
        table = pickle.loads(payload)
    except Exception:        # a payload that verifies but does not load: rebuild, never trust
        _discard(path)
        return None
    return table if isinstance(table, dict) else None


def _equation(lhs, rhs):
    return sympy.Eq(lhs, rhs, evaluate=False)


class _Pickler(pickle.Pickler):
    """Equations are stored as their two sides and rebuilt unevaluated: SymPy's own
    reduction re-evaluates ``Eq`` on loading, which costs most of a second."""

    def reducer_override(self, obj):
        if isinstance(obj, sympy.Equality):
            return _equation, (obj.lhs, obj.rhs)
        return NotImplemented


def store_results(table, key=None):
    """Write ``table`` into the cache (atomically); a cache that cannot be written is
    silently skipped: the results are still correct, only slower next time."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(table)
    payload = buffer.getvalue()
    data = _MAGIC + hashlib.sha256(payload).hexdigest().encode("ascii") + payload
    try:
        write_atomic(_path(key or source_key()), data)
    except OSError:
        pass


def _discard(path):
    try:
        os.unlink(path)
    except OSError:
        pass
