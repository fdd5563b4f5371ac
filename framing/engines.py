"""Engines: where :func:`framing.analyze` computes its batches of articles.

``local``
    The default: every batch in this process, one after the other.
``dask``
    Batches as tasks on a Dask distributed cluster (``pip install 'framing[dask]'``): a
    :class:`distributed.LocalCluster` of worker processes on this machine, or any running
    scheduler (``--scheduler ADDRESS``), such as one that ``dask-jobqueue`` starts on Slurm or
    PBS. Each worker process builds its own spaCy pipeline, mention finder and measure tools
    once, from what the run sends it (``docs/scaling.md``).

Whatever the engine, this process reads the corpus, cuts it into the same batches and writes
each finished batch to the output folder in batch order, so the tables, the resume after an
interruption and the folder's states are the same. The Dask engine keeps at most two batches
per worker thread in flight, so memory stays bounded by the batch size, not the corpus size.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["ENGINES", "DaskEngine", "EngineError", "LocalEngine", "get_engine"]

ENGINES = ("local", "dask")

INSTALL_HINT = "pip install 'framing[dask]'"

LOCAL_WORKERS = 2
"""Worker processes of the local Dask cluster when ``workers`` is not given."""

IN_FLIGHT_PER_THREAD = 2
"""Batches submitted per worker thread: one computing, one waiting, so no worker idles while the
driver writes; more would only hold more articles and rows in memory."""

Job = tuple[Any, list]
"""``(key, batch)``: the key comes back with the batch's result, unchanged."""


class EngineError(ValueError):
    """An engine that cannot run as asked (Dask not installed, a scheduler out of reach)."""


class LocalEngine:
    """Every batch in this process, in order (the default)."""

    name = "local"
    distributed = False

    def start(self) -> LocalEngine:
        return self

    def close(self) -> None:
        pass

    def describe(self) -> dict:
        """The engine as ``run.json`` records it."""
        return {"name": self.name}

    def command_args(self) -> list[str]:
        """The ``framing analyze`` flags that choose this engine: none, it is the default."""
        return []

    def map(self, compute: Callable[[list], Any], jobs: Iterable[Job]) -> Iterator[tuple[Any, Any]]:
        """``(key, compute(batch))`` for each job, computed as it is asked for."""
        for key, batch in jobs:
            yield key, compute(batch)


class DaskEngine:
    """Batches as tasks on a Dask distributed cluster, results back in batch order.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``), a
    :class:`distributed.Client` or a cluster object (``SLURMCluster``, ``PBSCluster``); without
    it a :class:`distributed.LocalCluster` of ``workers`` processes (default 2), one thread each,
    is started for the run and closed after it. With a scheduler, ``workers`` is how many
    workers to wait for before the run starts. A client or cluster passed in stays open.
    """

    name = "dask"
    distributed = True

    def __init__(self, scheduler: Any = None, workers: int | None = None) -> None:
        if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
            raise ValueError(f"workers must be a whole number of at least 1, got {workers!r}")
        self.scheduler, self.workers = scheduler, workers
        self.client = None
        self._cluster = None
        self._own_client = False
        self._n_workers: int | None = None
        self._window: collections.deque = collections.deque()

    # ----------------------------------------------------------------- cluster

    def start(self) -> DaskEngine:
        """Start the local cluster or connect to the scheduler; raises :class:`EngineError` if neither works."""
        distributed = _import_distributed()
        try:
            if self.scheduler is None:
                self._start_local(distributed)
            elif isinstance(self.scheduler, distributed.Client):
                self.client = self.scheduler
            else:
                self._connect(distributed)
            if self.scheduler is not None and self.workers is not None:
                self.client.wait_for_workers(self.workers)
            self._n_workers = len(self.client.nthreads())
        except BaseException:
            self.close()
            raise
        return self

    def _start_local(self, distributed) -> None:
        n = self.workers or LOCAL_WORKERS
        # one thread per worker, and no library inside a worker starting threads of its own:
        # the workers are the parallelism
        self._cluster = distributed.LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
            env={"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                 "TOKENIZERS_PARALLELISM": "false"})
        self.client = distributed.Client(self._cluster)
        self._own_client = True
        # Ctrl-C in a terminal reaches the worker processes too; the run stops from here, and the
        # workers stop when the cluster closes, without a traceback each
        self.client.run(_ignore_interrupts)

    def _connect(self, distributed) -> None:
        address = getattr(self.scheduler, "scheduler_address", self.scheduler)  # a cluster has one
        if not isinstance(address, str):
            raise EngineError(f"scheduler must be an address such as 'tcp://host:8786', a distributed.Client or "
                              f"a Dask cluster, got {type(self.scheduler).__name__}")
        try:
            self.client = distributed.Client(self.scheduler)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__}: {exc}); "
                              f"check the address and that the scheduler is running") from exc
        self._own_client = True

    def close(self) -> None:
        """Cancel the batches still in flight and close what this engine started: its client and local
        cluster (not a client or cluster passed in)."""
        self._cancel()
        client, cluster = self.client, self._cluster
        self.client, self._cluster = None, None
        if client is not None and self._own_client:
            client.close()
        if cluster is not None:
            cluster.close()

    def describe(self) -> dict:
        """The engine as ``run.json`` records it: its name and the workers the run started with."""
        return {"name": self.name, "workers": self._n_workers if self._n_workers is not None else self.workers}

    def command_args(self) -> list[str]:
        """The ``framing analyze`` flags that choose this engine again (for the resume command)."""
        args = ["--engine", self.name]
        address = self._address()
        if address is not None:
            args += ["--scheduler", address]
        if self.workers is not None:
            args += ["--workers", str(self.workers)]
        return args

    def _address(self) -> str | None:
        if self.scheduler is None:
            return None
        if isinstance(self.scheduler, str):
            return self.scheduler
        address = getattr(self.scheduler, "scheduler_address", None)  # a cluster
        if address is None and getattr(self.scheduler, "scheduler", None) is not None:  # a client
            address = getattr(self.scheduler.scheduler, "address", None)
        return address

    # ----------------------------------------------------------------- batches

    def map(self, compute: Callable[[list], Any], jobs: Iterable[Job]) -> Iterator[tuple[Any, Any]]:
        """``(key, compute(batch))`` for each job, in job order, computed on the workers.

        Jobs are taken from ``jobs`` only while fewer than :data:`IN_FLIGHT_PER_THREAD` batches per
        worker thread are in flight; a task's error is raised here, where its result is due, and
        the batches still in flight are cancelled."""
        if self.client is None:
            raise RuntimeError("start the engine before mapping batches over it")
        jobs = iter(jobs)
        window = self._window
        more = True
        try:
            while True:
                limit = self._in_flight()
                while more and len(window) < limit:
                    job = next(jobs, None)
                    if job is None:
                        more = False
                        break
                    key, batch = job
                    window.append((key, self.client.submit(_on_worker, compute, batch, pure=False)))
                if not window:
                    return
                key, future = window.popleft()
                result = future.result()
                future.release()
                yield key, result
        finally:
            self._cancel()

    def _cancel(self) -> None:
        if self._window and self.client is not None:
            self.client.cancel([future for _, future in self._window])
        self._window.clear()

    def _in_flight(self) -> int:
        """How many batches to keep submitted: two per worker thread now connected (at least two)."""
        threads = sum(self.client.nthreads().values())
        return IN_FLIGHT_PER_THREAD * max(1, threads)


def get_engine(engine: str | LocalEngine | DaskEngine = "local", *, scheduler: Any = None,
               workers: int | None = None) -> LocalEngine | DaskEngine:
    """The engine called ``engine`` (``"local"`` or ``"dask"``), or ``engine`` itself when it is one."""
    if isinstance(engine, (LocalEngine, DaskEngine)):
        if scheduler is not None or workers is not None:
            raise ValueError("pass scheduler and workers to the engine object, not beside it")
        return engine
    if engine == "local":
        if scheduler is not None or workers is not None:
            raise ValueError("scheduler and workers choose a Dask cluster: use them with engine='dask' "
                             "(--engine dask)")
        return LocalEngine()
    if engine == "dask":
        _import_distributed()
        return DaskEngine(scheduler=scheduler, workers=workers)
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


def _import_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise EngineError(f"the dask engine needs Dask distributed, which is not installed: "
                          f"run `{INSTALL_HINT}`") from exc
    return distributed


# --------------------------------------------------------------------------- on the workers

_THREADS_LIMITED = False


def _on_worker(compute: Callable[[list], Any], batch: list) -> Any:
    """One batch on a worker: PyTorch limited to one thread (once per process), then ``compute``."""
    _limit_threads()
    return compute(batch)


def _ignore_interrupts() -> None:
    """Leave SIGINT to the process that started the local cluster (run on each of its workers)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _limit_threads() -> None:
    global _THREADS_LIMITED
    if _THREADS_LIMITED:
        return
    _THREADS_LIMITED = True
    try:
        import torch
    except ImportError:
        return
    torch.set_num_threads(1)
