"""Parsing the next batch of articles while the current one is analysed (the local engine).

spaCy parses a text on one core. On a machine with two or more, the analysis keeps its networks
busy on the current batch while the next batch is parsed beside them, either on a second thread of
this process or, where the operating system can fork, in worker processes. Worker processes parse
in parallel with one another as well, which a thread cannot: on 2 cores, 1,000 articles with
mentions and stance took 73 s with two worker processes against 92 s with the thread
(docs/benchmark.md).

A worker is a fork of this process, so it holds the same spaCy pipeline without loading it again.
It returns its documents as a :class:`spacy.tokens.DocBin`, which keeps every token attribute the
measures read (text, whitespace, tags, part of speech, morphology, lemma, dependency tree, sentence
starts, entities) and the documents' user data; the tables are the same as with the thread
(``tests/test_runtime.py``). Processes are used only for a pipeline loaded by
:func:`framing._nlp.load_nlp` and only where the ``fork`` start method exists (Linux, not macOS
or Windows); otherwise the thread parses.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor

__all__ = ["ParseAhead", "parse_processes"]

_WORKER_NLP = None  # the pipeline of a worker process, inherited from its parent by the fork


def parse_processes(requested: int | None, nlp) -> int:
    """How many worker processes parse ahead: ``requested`` (``FRAMING_PARSE_PROCESSES`` when
    ``None``), or by default 2 on a machine with 2 or 3 cores and half the cores above that (at
    most 8); 0 (the thread) with one core, where fork is missing, in a daemonic process (a
    :class:`multiprocessing.pool.Pool` worker) or for a pipeline that :func:`framing._nlp.load_nlp`
    did not load."""
    from framing._nlp import is_packaged_pipeline

    if requested is None:
        value = os.environ.get("FRAMING_PARSE_PROCESSES", "").strip()
        if value:
            try:
                requested = int(value)
            except ValueError:
                raise ValueError(f"FRAMING_PARSE_PROCESSES must be a whole number, got {value!r}") from None
    if requested is not None and requested < 0:
        raise ValueError(f"the number of parse processes must be 0 or more, got {requested}")
    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin" \
            or multiprocessing.current_process().daemon or not is_packaged_pipeline(nlp):
        return 0  # a daemonic process (a multiprocessing.Pool worker) may not start processes
    if requested is not None:
        return int(requested)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(8, max(2, cores // 2))


class ParseAhead:
    """Parses batches of texts away from the analysing thread: ``submit(texts)`` returns a future
    of ``(docs, seconds)``, the documents in the order of ``texts`` and the seconds the parse took
    (summed over the processes that shared it). ``processes`` 0 parses on one thread; ``disable``
    names pipeline components to leave out (the lemmatizer when no measure reads lemmas)."""

    def __init__(self, nlp, *, processes: int, batch_size: int, disable: Sequence[str] = ()) -> None:
        self.nlp, self.processes, self.batch_size, self.disable = nlp, processes, batch_size, list(disable)
        if processes:
            self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_start_worker, initargs=(nlp,))
        else:
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="framing-parse")

    @property
    def mode(self) -> dict:
        """What parses, for ``run.json``: ``{"parse": "processes", "processes": N}`` or ``{"parse": "thread"}``."""
        return {"parse": "processes", "processes": self.processes} if self.processes else {"parse": "thread"}

    def submit(self, texts: Sequence[str]) -> "_Parsed | Future":
        if not self.processes:
            return self.pool.submit(_parse_here, self.nlp, list(texts), self.batch_size, self.disable)
        groups = [list(texts[k:k + self.batch_size]) for k in range(0, len(texts), self.batch_size)]
        return _Parsed([self.pool.submit(_parse_in_worker, group, self.batch_size, self.disable) for group in groups],
                       self.nlp)

    def close(self) -> None:
        """Stop parsing: batches not started are dropped; worker processes finish the group of
        texts they hold (a second or so) and end, so none outlives the run."""
        self.pool.shutdown(wait=bool(self.processes), cancel_futures=True)


class _Parsed:
    """The parse of one batch spread over the worker processes, gathered in order."""

    def __init__(self, futures: list[Future], nlp) -> None:
        self.futures, self.nlp = futures, nlp

    def result(self) -> tuple[list, float]:
        from spacy.tokens import DocBin

        docs, seconds = [], 0.0
        for future in self.futures:
            data, spent = future.result()
            docs.extend(DocBin().from_bytes(data).get_docs(self.nlp.vocab))
            seconds += spent
        return docs, seconds


def _parse_here(nlp, texts: list[str], batch_size: int, disable: list[str]) -> tuple[list, float]:
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=disable))
    return docs, time.perf_counter() - started


def _start_worker(nlp) -> None:
    global _WORKER_NLP
    _WORKER_NLP = nlp
    # Ctrl-C reaches the whole process group: the main process stops the run, the workers only end
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a main process killed outright (kill -9) cannot stop its workers, and a fork's copy of the
    # task queue keeps them waiting: each worker ends itself once its parent is gone
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()


def _end_with_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def _parse_in_worker(texts: list[str], batch_size: int, disable: list[str]) -> tuple[bytes, float]:
    from spacy.tokens import DocBin

    started = time.perf_counter()
    docs = list(_WORKER_NLP.pipe(texts, batch_size=batch_size, disable=disable))
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    return data, time.perf_counter() - started
