"""Atomic writes: the permissions a plain open() gives, errors that name the user's file."""

import os
import stat

import pytest

from guidingcenter.io import write_atomic


@pytest.fixture
def umask():
    """Set the process umask for one test, then put the old one back."""
    old = os.umask(0o022)
    yield lambda value: os.umask(value)
    os.umask(old)


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_a_new_file_gets_what_open_gives_under_the_umask(tmp_path, umask, mask):
    umask(mask)
    write_atomic(tmp_path / "atomic.txt", "x\n")
    with open(tmp_path / "plain.txt", "w") as stream:
        stream.write("x\n")
    assert mode(tmp_path / "atomic.txt") == mode(tmp_path / "plain.txt") == 0o666 & ~mask


def test_text_gets_newlines_as_they_are_and_bytes_are_written_as_given(tmp_path):
    write_atomic(tmp_path / "a.txt", "x\ny\n")
    write_atomic(tmp_path / "b.bin", b"\x00\r\n\xff")
    assert (tmp_path / "a.txt").read_bytes() == b"x\ny\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\r\n\xff"


@pytest.mark.parametrize("old_mode", [0o644, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path, umask, old_mode):
    umask(0o077)   # a plain open(..., "w") of an existing file keeps its mode, whatever the umask
    target = tmp_path / "out.tex"
    target.write_text("old\n")
    target.chmod(old_mode)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n" and mode(target) == old_mode


def test_an_error_names_the_file_asked_for_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "derivations.tex"
    target.mkdir()   # a directory where the file should go: the rename fails
    with pytest.raises(IsADirectoryError) as raised:
        write_atomic(target, "x")
    assert str(target) in str(raised.value) and ".tmp-" not in str(raised.value)
    assert [p.name for p in tmp_path.iterdir()] == ["derivations.tex"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not stop the superuser")
def test_a_read_only_folder_names_the_file(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PermissionError) as raised:
            write_atomic(folder / "x.tex", "x")
    finally:
        folder.chmod(0o755)
    assert str(folder / "x.tex") in str(raised.value) and ".tmp-" not in str(raised.value)
