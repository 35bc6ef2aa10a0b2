"""Atomic, deterministic file output."""

import os
import tempfile

__all__ = ["write_atomic"]


def write_atomic(path, text):
    """Write ``text`` (str, or bytes written as they are) to ``path`` via a temporary
    file and a rename.

    Readers see the old file or the new one, never a half-written one.
    """
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-",
                                         suffix=os.path.basename(path))
    try:
        binary = isinstance(text, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8",
                       newline=None if binary else "\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
