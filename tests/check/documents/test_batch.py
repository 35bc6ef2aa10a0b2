"""Many documents: folders, JSON Lines with resume, processes and a Dask LocalCluster give
the same judgements in the same order."""

import json
import os

import pytest

from guidingcenter.check import sampling
from guidingcenter.check.documents import batch

DOCUMENTS = {
    "a.md": "The gyrofrequency $\\omega_c = qB/m$.\n",
    "b.tex": "\\begin{equation}\\mu = \\frac{m v_\\perp^2}{2B^2}\\end{equation}\n",
    "sub/c.txt": "$$r_L = \\frac{m v_\\perp}{2|q|B}$$ and $v_\\perp$\n",
    "sub/.hidden.md": "$x = y$\n",
    "sub/image.png": "not searched",
}


@pytest.fixture
def corpus(tmp_path):
    for name, text in DOCUMENTS.items():
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\x00\x00\x00binary")
    return tmp_path


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """The judgements of the corpus one after the other (builds the derivations here, so
    forked processes inherit them)."""
    folder = tmp_path_factory.mktemp("serial")
    for name in ("a.md", "b.tex", "sub/c.txt"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(DOCUMENTS[name], encoding="utf-8")
    paths = [str(folder / name) for name in ("a.md", "b.tex", "sub/c.txt")]
    return paths, list(batch.judge(paths))


def verdicts(judgements):
    return [(os.path.basename(j["source"]), [r["verdict"] for r in j.get("relations", ())],
             j.get("error", "")) for j in judgements]


def test_expand_searches_folders(corpus):
    found = batch.expand([corpus, corpus / "a.md", corpus / "missing.md"])
    names = [os.path.relpath(path, corpus) for path in found]
    assert names == ["a.md", "b.tex", "bad.md", "sub/c.txt", "missing.md"]


def test_serial(serial):
    paths, judgements = serial
    assert [j["source"] for j in judgements] == paths
    assert verdicts(judgements) == [("a.md", ["holds"], ""), ("b.tex", ["erratum"], ""),
                                    ("c.txt", ["erratum"], "")]
    assert judgements[2]["fragments"] == 1


def test_one_bad_file_and_the_rest_go_on(corpus, serial):
    paths = [str(corpus / "missing.md"), str(corpus / "bad.md"), str(corpus / "a.md")]
    judgements = list(batch.judge(paths))
    assert verdicts(judgements) == [
        ("missing.md", [], "cannot read: No such file or directory"),
        ("bad.md", [], "a binary file, not a document (NUL bytes); not read"),
        ("a.md", ["holds"], "")]


def test_processes_give_the_same(serial):
    paths, expected = serial
    assert list(batch.judge(paths, jobs=2)) == expected
    with pytest.raises(ValueError, match="jobs: 0 is not a positive whole number"):
        list(batch.judge(paths, jobs=0))


def test_dask_local_cluster_gives_the_same(serial):
    """Threads of one worker judge in turn: the checker's state (its time budget,
    mpmath's precision) is the process's, and two threads at once would spoil it."""
    distributed = pytest.importorskip("dask.distributed")
    paths, expected = serial
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=3,
                                  dashboard_address=None) as cluster:
        assert list(batch.judge(paths * 2, scheduler=cluster.scheduler_address)) == \
            expected * 2
        with distributed.Client(cluster) as client:
            assert list(batch.judge(paths[:1], scheduler=client)) == expected[:1]
    assert sampling._DEADLINE[0] is None          # no budget left behind by a thread


def test_json_lines_resume_where_a_run_stopped(corpus, serial, tmp_path):
    paths = [str(corpus / "a.md"), str(corpus / "bad.md"), str(corpus / "sub" / "c.txt")]
    fresh = tmp_path / "fresh.jsonl"
    written, skipped = batch.stream(paths, str(fresh))
    assert [w["source"] for w in written] == paths and skipped == []
    records = [json.loads(line) for line in fresh.read_text().splitlines()]
    assert [(r["type"], os.path.basename(r["source"])) for r in records] == [
        ("relation", "a.md"), ("document", "a.md"), ("document", "bad.md"),
        ("relation", "c.txt"), ("document", "c.txt")]
    assert records[2]["error"].startswith("a binary file")
    assert records[0]["quote"] == "\\omega_c = qB/m" and records[0]["line"] == 1

    # a run cut short in the middle of c.txt, with half a line written
    lines = fresh.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(b"".join(lines[:4]) + lines[4][:20])
    written, skipped = batch.stream(paths, str(cut))
    assert skipped == paths[:2] and [w["source"] for w in written] == paths[2:]
    assert cut.read_bytes() == fresh.read_bytes()            # byte-identical
    # a second rerun has nothing left to do
    assert batch.stream(paths, str(cut)) == ([], paths)
    assert cut.read_bytes() == fresh.read_bytes()
    assert set(batch.read(str(cut))) == set(paths)
    assert batch.read(str(cut))[paths[0]]["relations"][0]["verdict"] == "holds"
