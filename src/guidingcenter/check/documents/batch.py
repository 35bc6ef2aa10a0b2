"""Judge many documents: a folder or a list of files, streamed as JSON Lines.

:func:`judge` yields one judgement per document (plain data, as
:meth:`Judgement.as_json` gives it) in the order the documents were given,
whether they are judged here one after the other, by ``jobs`` processes of
this machine, or on a Dask cluster (``scheduler``: the address of a
``dask.distributed`` scheduler, or a ``Client``).  The driver reads each file
and sends its bytes, so the workers need no shared file system.  A document
that cannot be read gives a judgement with an ``error`` and the rest go on.

:func:`stream` writes the judgements to a JSON Lines file, one line per
relation (``"type": "relation"``) followed by one line for the document
(``"type": "document"``: counts, fragments, problems, definitions, or the
error).  A rerun on the same file resumes: documents whose ``document`` line
is there are skipped, and the lines of a document whose run was cut short are
dropped and written again.
"""

import concurrent.futures
import json
import os
import threading
from collections import deque

from guidingcenter.check.documents.verify import verify_bytes

__all__ = ["EXTENSIONS", "expand", "judge_data", "judge", "finished", "read", "stream",
           "json_line"]

#: Files a folder is searched for (files named explicitly are read whatever their name).
EXTENSIONS = (".md", ".markdown", ".tex", ".ltx", ".latex", ".txt", ".text")


def expand(paths):
    """The documents named by ``paths``: files as given, folders searched (recursively,
    in sorted order, hidden entries skipped) for :data:`EXTENSIONS`; each once."""
    found = []
    for path in paths:
        path = os.fspath(path)
        if os.path.isdir(path):
            for folder, folders, files in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                found.extend(os.path.join(folder, name) for name in sorted(files)
                             if name.lower().endswith(EXTENSIONS) and not name.startswith("."))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


# One document at a time in a process: judging is CPU-bound Python (threads do not run
# it in parallel) and the checker keeps per-process state (its time budget, its caches).
# A Dask worker with several threads judges their documents in turn; for parallelism,
# run workers as processes (dask worker --nworkers N --nthreads 1).
_ONE_AT_A_TIME = threading.Lock()


def judge_data(source, data, progress=None):
    """The judgement of one document given as bytes, as plain data (never raises:
    a failure is a judgement with an ``error``); ``progress(done, total)`` after
    each relation."""
    if isinstance(data, BaseException):
        return {"source": source, "error": f"cannot read: {_reason(data)}"}
    with _ONE_AT_A_TIME:
        try:
            return verify_bytes(data, source, progress=progress).as_json()
        except Exception as error:        # a bug must cost one document, not the run
            return {"source": source, "error": f"failed: {type(error).__name__}: {error}"}


def _reason(error):
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _read(path):
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError as error:
        return error


def judge(paths, *, jobs=1, scheduler=None, progress=None):
    """Judgements (plain data) of the documents ``paths``, in their order.

    Parameters
    ----------
    paths : list of str
        Files (see :func:`expand` for folders).
    jobs : int
        Processes on this machine (1: here, one after the other).
    scheduler : str or dask.distributed.Client, optional
        Judge on a Dask cluster instead (needs ``guidingcenter[dask]``).
    progress : callable, optional
        ``progress(message)``: which document and relation is being judged.
    """
    paths = list(paths)
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs: {jobs!r} is not a positive whole number")
    if scheduler is not None:
        results = _on_dask(paths, scheduler)
    elif jobs > 1 and len(paths) > 1:
        results = _in_processes(paths, jobs)
    else:
        results = _here(paths, progress)
    for done, result in enumerate(results, 1):
        if progress is not None:
            progress(f"judged {done}/{len(paths)} documents ({result['source']})")
        yield result


def _here(paths, progress):
    for number, path in enumerate(paths, 1):
        tell = None if progress is None else (
            lambda done, total: progress(f"{path}: relation {done}/{total} "
                                         f"(document {number}/{len(paths)})"))
        yield judge_data(path, _read(path), tell)


def _in_order(submit, paths, window, wait):
    """Submit at most ``window`` documents ahead; yield results in input order."""
    pending, waiting = deque(), iter(paths)
    for path in waiting:
        pending.append(submit(path))
        if len(pending) >= window:
            break
    while pending:
        yield wait(pending.popleft())
        path = next(waiting, None)
        if path is not None:
            pending.append(submit(path))


def _in_processes(paths, jobs):
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from _in_order(lambda path: pool.submit(judge_data, path, _read(path)),
                             paths, 2 * jobs, lambda future: future.result())


def _on_dask(paths, scheduler):
    try:
        from dask.distributed import Client
    except ImportError:
        raise ValueError("--scheduler needs Dask: pip install 'guidingcenter[dask]'") from None
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        workers = max(1, sum(client.nthreads().values()))
        yield from _in_order(
            lambda path: client.submit(judge_data, path, _read(path), pure=False),
            paths, 2 * workers, lambda future: future.result())
    finally:
        if client is not scheduler:
            client.close()


# --- JSON Lines ----------------------------------------------------------------------------

def json_line(data):
    """One JSON Lines record (sorted keys, no ASCII escaping, a final newline)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"


def _lines(judgement):
    rows = "".join(json_line({"type": "relation", **row})
                   for row in judgement.get("relations", ()))
    summary = {key: value for key, value in judgement.items() if key != "relations"}
    return rows + json_line({"type": "document", **summary})


def read(out):
    """The judgements of a JSON Lines file written by :func:`stream`, by source
    (the rows of a document cut short left out)."""
    judgements, rows = {}, []
    with open(out, encoding="utf-8") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                break
            kind = record.pop("type", None)
            if kind == "relation":
                rows.append(record)
            elif kind == "document":
                judgements[record["source"]] = {**record, "relations": rows}
                rows = []
    return judgements


def finished(out):
    """``(sources done, byte length of their lines)`` of a JSON Lines file written by
    :func:`stream` (nothing when it does not exist)."""
    done, length, position = set(), 0, 0
    try:
        stream = open(out, "rb")
    except FileNotFoundError:
        return done, 0
    with stream:
        for line in stream:
            position += len(line)
            try:
                record = json.loads(line)
            except ValueError:
                break                    # a line cut short: the run stopped here
            if isinstance(record, dict) and record.get("type") == "document":
                done.add(record.get("source"))
                length = position
    return done, length


def stream(paths, out, *, jobs=1, scheduler=None, progress=None):
    """Judge ``paths`` into the JSON Lines file ``out``, resuming a run cut short.

    Returns ``(judgements written, sources skipped)``; the judgements are plain
    data as :func:`judge` yields them.
    """
    done, length = finished(out)
    todo = [path for path in paths if path not in done]
    skipped = [path for path in paths if path in done]
    written = []
    with open(out, "r+b" if os.path.exists(out) else "wb") as sink:
        sink.seek(length)
        sink.truncate()                  # lines of a document whose run was cut short
        for judgement in judge(todo, jobs=jobs, scheduler=scheduler, progress=progress):
            sink.write(_lines(judgement).encode("utf-8"))
            sink.flush()
            written.append(judgement)
    return written, skipped
