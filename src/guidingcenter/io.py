"""Atomic, deterministic file output."""

import os
import stat
import tempfile

__all__ = ["write_atomic"]


def write_atomic(path, text):
    """Write ``text`` (str, or bytes written as they are) to ``path`` via a temporary
    file and a rename.

    Readers see the old file or the new one, never a half-written one.  The
    file gets the permissions a plain ``open(path, "w")`` would give it: those
    of the file it replaces, or ``0o666`` less the process's umask for a new
    file.  An error names ``path``, never the temporary file.
    """
    directory = os.path.dirname(os.path.abspath(path))
    temporary = None
    try:
        os.makedirs(directory, exist_ok=True)
        mode = _mode_for(path)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-",
                                             suffix=os.path.basename(path))
        binary = isinstance(text, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8",
                       newline=None if binary else "\n") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        _discard(temporary)
        if error.errno is None:
            raise
        raise type(error)(error.errno, error.strerror, os.fspath(path)) from None
    except BaseException:
        _discard(temporary)
        raise


def _mode_for(path):
    """The permission bits ``open(path, "w")`` leaves ``path`` with."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)   # an existing file keeps its mode
    except FileNotFoundError:
        umask = os.umask(0o022)   # reading the umask means setting it; put it back at once
        os.umask(umask)
        return 0o666 & ~umask


def _discard(temporary):
    if temporary is not None and os.path.exists(temporary):
        os.unlink(temporary)
