"""The output folder of one analysis: complete, or saying that it is not.

A folder written by ``framing analyze --out DIR`` is a unit::

    DIR/run.json           the run: configuration, fingerprints, counts and its ``state``
    DIR/<table>.parquet    the analysis tables, moved in only once every batch is written
    DIR/.partial/NNNNNN/   while the run lasts: one folder per finished batch, holding its
                           rows of every table and the ids and content hashes of its articles
    DIR/compare.json       written by ``framing compare`` after its tables: the run they come
                           from, their options and their files
    DIR/.cache/KEY/        the batches of the last complete run, by a content key (the run's
                           configuration fingerprint, the batch's article ids and content
                           hashes): ``framing analyze --update`` takes a batch from here instead
                           of computing it again

``run.json`` is written when a run starts (``state: running``) and rewritten as the
run's last act: ``complete``, ``interrupted`` (with how far it got) or ``failed``.
Every write is atomic (a temporary file, then :func:`os.replace`), and a batch is
finished exactly when its folder exists (a directory rename), so a run killed at any
instant, ``kill -9`` included, leaves a folder that either holds a complete run or
says that it does not. Readers (:func:`check_complete`, :func:`check_derived`)
refuse anything else with one sentence that names the command to run.

A resumed run skips the finished batches after checking that their articles are the
same (ids and content hashes), computes the rest with the same batch boundaries and
merges the parts in order, so its tables equal those of one straight run row for row.
An updated run (``--update``: the corpus grew or changed since the last complete run)
takes every batch whose key is in the cache from there and computes the others; batch
boundaries depend on the articles' content (:func:`framing.analysis`), so an article
added to a corpus changes its own batch only.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import socket
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.parquet as pq

RUN_FILE = "run.json"
COMPARE_FILE = "compare.json"
PARTIAL = ".partial"
CACHE = ".cache"
FORMAT = 2
"""Version of the folder layout; folders without it were written before runs had states."""

GROUPINGS = ("outlet", "year", "month")
"""The keys ``framing compare --by`` may combine."""

Mode = Literal["new", "overwrite", "resume", "update"]


class RunFolderError(ValueError):
    """An output folder that cannot be written or read as asked; the message says what to run."""


@dataclass(frozen=True)
class Batch:
    """The articles of one finished batch, as recorded in its folder."""

    ids: tuple[str, ...]
    hashes: tuple[str, ...]


def digest(record: Mapping) -> str:
    """A short content hash of a mapping: one input article (every field, skip reason
    included), or a run's configuration (what must not change across a resume)."""
    text = json.dumps(dict(record), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def derived_prefix(by: str) -> str:
    """The file-name prefix of ``framing compare --by BY``'s tables (``outlet,year`` -> ``outlet_year``)."""
    return "_".join(part.strip() for part in str(by).split(","))


def read_run(directory: Path) -> dict | None:
    """``run.json`` of ``directory``, or ``None`` when there is none."""
    path = Path(directory) / RUN_FILE
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RunFolderError(f"{path} is not valid JSON ({exc}); the folder does not hold a readable run: "
                             f"run `framing analyze CORPUS --out {directory} --overwrite`") from exc


def write_json(path: Path, value: dict) -> None:
    """Write JSON atomically: readers see the old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(value, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def write_table(path: Path, table: pa.Table) -> None:
    """Write one Parquet file atomically."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def derived_files(directory: Path) -> list[Path]:
    """Outlet tables written by ``framing compare`` (``<by>_<kind>.parquet``), listed or not."""
    from framing.measures import comparison_kinds

    kinds = comparison_kinds()
    found = []
    for path in Path(directory).glob("*_*.parquet"):
        *prefix, kind = path.stem.split("_")
        if kind in kinds and prefix and all(part in GROUPINGS for part in prefix):
            found.append(path)
    return sorted(found)


def _resume_hint(directory: Path, run: Mapping) -> str:
    if run.get("resume_command"):
        return run["resume_command"]
    corpus = run.get("config", {}).get("corpus") or "CORPUS"
    return f"framing analyze {corpus} --out {directory} --resume"


def describe_incomplete(directory: Path, run: Mapping) -> str:
    """One sentence: what state the run in ``directory`` is in and what to run."""
    state = run.get("state")
    progress = run.get("progress", {})
    done, total = progress.get("articles_done", 0), progress.get("articles_total")
    how_far = f"{done} of {total} articles" if total is not None else f"{done} articles"
    if state == "running" and _alive(run.get("process", {})):
        return (f"{directory} is being written by process {run['process']['pid']} ({how_far} so far); "
                f"wait for it to finish")
    if state == "running":
        what = f"a run that stopped without finishing (killed after {how_far})"
    elif state == "interrupted":
        what = f"an interrupted run ({how_far})"
    else:
        what = f"a failed run ({how_far}; {run.get('error', 'no reason recorded')})"
    return (f"{directory} holds {what}: finish it with `{_resume_hint(directory, run)}`, "
            f"or start again with --overwrite")


def check_complete(directory: str | os.PathLike, table_names: Iterable[str]) -> dict:
    """The ``run.json`` of a complete analysis in ``directory``; raises otherwise."""
    directory = Path(directory)
    run = read_run(directory)
    if run is None:
        if not directory.is_dir():
            raise FileNotFoundError(f"{directory} is not an analysis folder: it does not exist; "
                                    f"run `framing analyze CORPUS --out {directory}` first")
        raise FileNotFoundError(f"{directory} is not an analysis folder: it has no {RUN_FILE}; "
                                f"run `framing analyze CORPUS --out {directory}` first")
    if run.get("format") != FORMAT or "state" not in run:
        raise RunFolderError(f"{directory} was written by an older version of framing (no run state); "
                             f"run `framing analyze CORPUS --out {directory} --overwrite` again")
    if run["state"] != "complete":
        raise RunFolderError(describe_incomplete(directory, run))
    missing = [f"{name}.parquet" for name in table_names if not (directory / f"{name}.parquet").exists()]
    if missing:
        raise RunFolderError(f"{directory} is incomplete: {', '.join(missing)} missing although run.json says "
                             f"the run is complete; run `framing analyze CORPUS --out {directory} --overwrite`")
    if run.get("counts", {}).get("articles_analyzed", 0) == 0:
        raise RunFolderError(f"{directory} holds a run in which no article could be analysed "
                             f"(skip reasons: {run.get('counts', {}).get('skip_reasons') or 'none'}); "
                             f"fix the corpus and run `framing analyze CORPUS --out {directory} --overwrite`")
    return run


def read_derived(directory: Path, run: Mapping) -> dict | None:
    """The manifest of the outlet tables in ``directory`` when they belong to ``run``.

    ``None`` when ``framing compare`` has not been run; raises when outlet tables
    exist that do not come from this run (stale tables of an earlier run, or tables
    without a manifest). The manifest's ``tables`` lists every table it vouches for.
    """
    path = directory / COMPARE_FILE
    stray = derived_files(directory)
    if not path.exists():
        if stray:
            raise RunFolderError(f"{directory}: {stray[0].name} and other outlet tables do not say which run they "
                                 f"come from; run `framing compare {directory}` again")
        return None
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("run_id") != run.get("run_id"):
        raise RunFolderError(f"{directory}: the outlet tables come from another run than the analysis in "
                             f"{RUN_FILE}; run `framing compare {directory}` again")
    listed = {directory / name for name in manifest.get("tables", [])}
    missing = sorted(p.name for p in listed if not p.exists())
    if missing:
        raise RunFolderError(f"{directory}: outlet table {missing[0]} listed in {COMPARE_FILE} is missing; "
                             f"run `framing compare {directory}` again")
    unlisted = sorted(p.name for p in set(stray) - listed)
    if unlisted:
        raise RunFolderError(f"{directory}: outlet table {unlisted[0]} does not come from `framing compare` on "
                             f"this run; delete it or run `framing compare {directory}` again")
    return manifest


def write_derived(directory: Path, run: Mapping, tables: Mapping[str, object], options: Mapping) -> None:
    """Write ``framing compare``'s tables, then their manifest (last, atomically).

    The manifest is dropped first, so that an interrupted compare leaves tables
    that readers refuse rather than a manifest over mixed tables. Tables of another
    grouping of the same run (``--by outlet,year`` beside ``--by outlet``) stay listed.
    """
    path = directory / COMPARE_FILE
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    groups = dict(previous.get("groups", {})) if previous.get("run_id") == run.get("run_id") else {}
    path.unlink(missing_ok=True)
    for name, table in tables.items():
        if not isinstance(table, pa.Table):
            table = pa.Table.from_pandas(table, preserve_index=False)
        write_table(directory / f"{name}.parquet", table)
    groups[derived_prefix(options.get("by", "outlet"))] = {
        "options": dict(options), "tables": [f"{name}.parquet" for name in tables], "created": utc_now()}
    write_json(path, {"run_id": run.get("run_id"), "groups": groups,
                      "tables": sorted(name for group in groups.values() for name in group["tables"])})


FIGURES_FILE = "figures.json"


def record_figures(out: Path, run: Mapping, written: Sequence[Path]) -> list[Path]:
    """Record which run the figures in ``out`` show, and remove the figures that an
    earlier ``framing figures`` wrote there but this run does not draw (a run without
    frames leaves no frame chart of another run behind). Returns the removed files.

    Only files listed in the previous record are removed: nothing of the user's.
    """
    path = out / FIGURES_FILE
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    names = sorted(p.name for p in written)
    removed = []
    for name in previous.get("files", []):
        stale = out / name
        if name not in names and stale.name == name and stale.exists():
            stale.unlink()
            removed.append(stale)
    write_json(path, {"run_id": run.get("run_id"), "corpus": run.get("config", {}).get("corpus"),
                      "framing_version": run.get("framing_version"), "files": names})
    return removed


class RunFolder:
    """Writes one analysis run into ``directory`` batch by batch (see the module docstring)."""

    def __init__(self, directory: str | os.PathLike, schemas: Mapping[str, pa.Schema]) -> None:
        self.directory = Path(directory)
        self.schemas = dict(schemas)
        self.partial = self.directory / PARTIAL
        self.cache = self.directory / CACHE
        self.run: dict = {}

    # ----------------------------------------------------------------- start

    def start(self, *, mode: Mode, fingerprint: str, config: Mapping, total: int | None,
              resume_command: str | None = None) -> list[Batch]:
        """Claim the folder for a run; returns the batches already finished (resume).

        ``new`` refuses a folder that holds any run; ``overwrite`` clears every
        file of the old run (outlet tables and batch cache included) and nothing else;
        ``update`` does the same but keeps the batch cache; ``resume`` continues a run
        with the same configuration fingerprint.
        """
        old = read_run(self.directory) if self.directory.is_dir() else None
        leftovers = self._owned_files()
        if mode == "new" and (old is not None or leftovers):
            state = (old or {}).get("state", "unknown")
            raise RunFolderError(
                f"{self.directory} already holds an analysis ({state}); pass --overwrite to replace it"
                + (" or --resume to finish it" if state != "complete"
                   else " or --update to analyse only the articles that are new or changed since")
                + " (API: overwrite=True / resume=True / update=True)")
        if mode == "resume":
            done = self._resumable(old, fingerprint, config)
        else:
            done = []
        if old is not None and old.get("state") == "running" and _alive(old.get("process", {})):
            raise RunFolderError(f"{self.directory} is being written by process {old['process']['pid']}; "
                                 f"wait for it to finish or stop it first")
        self.directory.mkdir(parents=True, exist_ok=True)
        previous = old if mode == "resume" else None
        self.run = {
            "format": FORMAT,
            "run_id": previous["run_id"] if previous else uuid.uuid4().hex,
            "state": "running",
            "fingerprint": fingerprint,
            "created": previous["created"] if previous else utc_now(),
            "config": dict(config),
            "process": {"pid": os.getpid(), "host": socket.gethostname()},
            "progress": {"articles_done": sum(len(b.ids) for b in done), "articles_total": total,
                         "batches_done": len(done)},
            "resumed": (previous or {}).get("resumed", 0) + (1 if previous else 0),
            "resume_command": resume_command,
        }
        # run.json first: from here on the folder says it is not complete. Then the old
        # run's tables go (outlet tables and their manifest first, so no reader pairs
        # them with the new analysis).
        write_json(self.directory / RUN_FILE, self.run)
        (self.directory / COMPARE_FILE).unlink(missing_ok=True)
        for path in derived_files(self.directory):
            path.unlink()
        for name in self.schemas:
            (self.directory / f"{name}.parquet").unlink(missing_ok=True)
        if mode != "resume" and self.partial.exists():
            shutil.rmtree(self.partial)
        if mode == "overwrite" and self.cache.exists():
            shutil.rmtree(self.cache)
        self.partial.mkdir(exist_ok=True)
        for stale in self.partial.glob("tmp-*"):
            shutil.rmtree(stale)
        return done

    def _owned_files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        names = [RUN_FILE, COMPARE_FILE, PARTIAL, CACHE, *(f"{name}.parquet" for name in self.schemas)]
        return [self.directory / n for n in names if (self.directory / n).exists()] + derived_files(self.directory)

    def _resumable(self, old: dict | None, fingerprint: str, config: Mapping) -> list[Batch]:
        if old is None:
            if self._owned_files():
                raise RunFolderError(f"{self.directory} holds tables but no {RUN_FILE}: nothing to resume; "
                                     f"pass --overwrite to start again")
            return []  # nothing was started: resuming is starting
        if old.get("format") != FORMAT:
            raise RunFolderError(f"{self.directory} was written by an older version of framing and cannot be "
                                 f"resumed; pass --overwrite")
        if old.get("fingerprint") != fingerprint:
            before = old.get("config", {})
            # the engine is not part of the fingerprint, so it is never the change that refuses a resume
            changed = sorted(key for key in set(before) | set(config)
                             if key != "engine" and before.get(key) != config.get(key))
            raise RunFolderError(f"{self.directory} holds a run with another configuration "
                                 f"(changed: {', '.join(changed) or 'package or model versions'}); "
                                 f"resume it with the same options, or pass --overwrite")
        return self._finished_batches()

    def _finished_batches(self) -> list[Batch]:
        """The contiguous finished batches 0..k-1; later ones are dropped (recomputed)."""
        done: list[Batch] = []
        if not self.partial.is_dir():
            return done
        index = 0
        while (self.partial / f"{index:06d}").is_dir():
            record = json.loads((self.partial / f"{index:06d}" / "batch.json").read_text(encoding="utf-8"))
            done.append(Batch(tuple(record["ids"]), tuple(record["hashes"])))
            index += 1
        for path in self.partial.iterdir():
            if path.name.isdigit() and int(path.name) >= index:
                shutil.rmtree(path)
        return done

    # ----------------------------------------------------------------- batches

    def write_batch(self, index: int, rows: Mapping[str, Sequence[dict]], ids: Sequence[str],
                    hashes: Sequence[str], key: str | None = None) -> None:
        """Write one batch's rows of every table; the batch counts once its folder exists.
        ``key`` (its content key) files the batch in the cache when the run completes."""
        tmp = self._fresh_tmp(index)
        for name, schema in self.schemas.items():
            pq.write_table(pa.Table.from_pylist(list(rows.get(name, [])), schema=schema), tmp / f"{name}.parquet")
        self._finish_batch(tmp, index, ids, hashes, key)

    def take_cached(self, index: int, key: str, ids: Sequence[str], hashes: Sequence[str]) -> bool:
        """Write batch ``index`` from the cache entry ``key`` (the same configuration and articles)
        when there is a whole one; returns whether it did."""
        entry = self.cache / key
        files = [entry / f"{name}.parquet" for name in self.schemas]
        if not entry.is_dir() or not all(path.exists() for path in files):
            return False
        tmp = self._fresh_tmp(index)
        _share(files, tmp)  # the cache keeps its files; the batch shares them
        self._finish_batch(tmp, index, ids, hashes, key)
        return True

    def _fresh_tmp(self, index: int) -> Path:
        tmp = self.partial / f"tmp-{index:06d}"
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir()
        return tmp

    def _finish_batch(self, tmp: Path, index: int, ids: Sequence[str], hashes: Sequence[str],
                      key: str | None) -> None:
        record = {"ids": list(ids), "hashes": list(hashes), **({"key": key} if key else {})}
        (tmp / "batch.json").write_text(json.dumps(record), encoding="utf-8")
        os.replace(tmp, self.partial / f"{index:06d}")
        progress = self.run["progress"]
        progress["articles_done"] += len(ids)
        # batches may finish out of order (cached ones, a distributed engine): the merge reads 0..max
        progress["batches_done"] = max(progress["batches_done"], index + 1)

    # ----------------------------------------------------------------- end

    def merge(self) -> None:
        """Merge the finished batches, in order, into the final tables (atomically each).

        ``run.json`` still says ``running`` afterwards: until :meth:`complete`, the
        tables are not a run, and a resume merges again.
        """
        n_batches = self.run["progress"]["batches_done"]
        for name, schema in self.schemas.items():
            tmp = self.directory / f".{name}.parquet.{os.getpid()}.tmp"
            with pq.ParquetWriter(tmp, schema) as writer:
                for index in range(n_batches):
                    part = pq.read_table(self.partial / f"{index:06d}" / f"{name}.parquet", schema=schema)
                    if part.num_rows:
                        writer.write_table(part)
            os.replace(tmp, self.directory / f"{name}.parquet")

    def complete(self, run: Mapping) -> dict:
        """Write ``run.json`` as complete (the run's last act), then drop the batches.

        The complete run's ``run_id`` is a content id (configuration fingerprint and
        corpus hash): two complete runs with the same id have the same tables.
        """
        self._keep_batches()
        self.run.update(run)
        self.run["run_id"] = digest({"fingerprint": self.run["fingerprint"],
                                            "corpus": self.run.get("corpus_sha256")})
        self.run["state"] = "complete"
        self.run.pop("process", None)
        self.run.pop("resume_command", None)
        write_json(self.directory / RUN_FILE, self.run)
        shutil.rmtree(self.partial, ignore_errors=True)
        return self.run

    def _keep_batches(self) -> None:
        """File this run's batches in the cache by their content key (hard links to the batch files,
        which stay until the run is complete), and drop the entries it did not use (an earlier
        configuration's, articles since removed or changed). An interruption here leaves a run that
        is not complete and resumes as any other; a cache entry appears whole or not at all."""
        self.cache.mkdir(exist_ok=True)
        used = set()
        for index in range(self.run["progress"]["batches_done"]):
            batch = self.partial / f"{index:06d}"
            key = json.loads((batch / "batch.json").read_text(encoding="utf-8")).get("key")
            if not key:
                continue
            used.add(key)
            if (self.cache / key).exists():
                continue
            tmp = self.cache / f"tmp-{key}"
            if tmp.exists():
                shutil.rmtree(tmp)
            tmp.mkdir()
            _share(batch.iterdir(), tmp)
            os.replace(tmp, self.cache / key)
        for entry in self.cache.iterdir():
            if entry.name in used:
                continue
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()

    def stop(self, state: Literal["interrupted", "failed"], error: str | None = None) -> dict:
        """Record that the run stopped before finishing (its last act); returns run.json."""
        self.run["state"] = state
        self.run.pop("process", None)
        if error:
            self.run["error"] = error
        write_json(self.directory / RUN_FILE, self.run)
        return self.run


def _share(files: Iterable[Path], folder: Path) -> None:
    """Put each file into ``folder`` under its name: a hard link where the file system allows one
    (no second copy on disk), else a copy."""
    for path in files:
        try:
            os.link(path, folder / path.name)
        except OSError:
            shutil.copyfile(path, folder / path.name)


def _alive(process: Mapping) -> bool:
    """Whether the process that claimed a folder is still running on this host."""
    pid, host = process.get("pid"), process.get("host")
    if not pid or host != socket.gethostname() or pid == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
