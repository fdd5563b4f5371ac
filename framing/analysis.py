"""The one-call path: corpus -> sentences and actor mentions -> stance per mention
-> stance per article x actor.

:func:`analyze` streams articles through spaCy in batches, so memory does not grow
with the corpus: only the small per-mention and per-article rows are kept, and
with ``out=`` they are written to Parquet as they are produced.

Output tables (all carry ``article_id``):

``articles``
    one row per *input* article: ``article_id, outlet, date, title, url, status,
    skip_reason, warning, n_words, n_mentions, n_quotes, domain, domain_score``
    (``status`` is ``"analyzed"`` or ``"skipped"``; ``warning`` says what was assumed
    about irregular input, such as front matter without ``---`` lines; ``domain`` is
    ``war``, ``climate`` or ``other`` (:mod:`framing.domains`) and ``domain_score`` its
    probability, both null for a skipped article).
``mentions``
    one row per actor mention: ``article_id, outlet, field, sentence_id, actor,
    surface, start, end, via, member, stance, stance_label, p_negative, p_neutral,
    p_positive``. ``field`` is ``"title"`` or ``"text"``; ``start``/``end`` are
    character offsets into that field; ``sentence_id`` counts sentences within the
    field from 0. ``stance`` is -1..+1 (``p_positive - p_negative`` for the learned
    scorer); the ``p_*`` class probabilities are null for a scorer without them
    (the lexicon baseline).
``actor_stance``
    one row per article x actor mentioned: ``article_id, outlet, date, actor,
    n_mentions, n_title_mentions, stance, n_negative, n_neutral, n_positive``.
    ``stance`` is the mean of the mention scores (-1..+1).
``quotes``
    one row per direct or indirect quotation (:mod:`framing.quotes`):
    ``article_id, outlet, field, sentence_id, start, end, text, n_words, kind,
    speaker, speaker_mention, speaker_actor, verb, verb_class``.
``terms``
    one row per naming variant or loaded label (:mod:`framing.wording`):
    ``article_id, outlet, field, sentence_id, set, variant, surface, start, end, actor``.
``marks``
    one row per distancing mark (hedge, vague source, scare quote):
    ``article_id, outlet, field, sentence_id, kind, surface, start, end, actor``.
``frames``
    one row per article x frame (:mod:`framing.frames`): ``article_id, outlet,
    frame, score, predicted``.
``frame_passages``
    the sentences that carry a frame: ``article_id, outlet, field, sentence_id,
    frame, score`` (the sentence's best frame, kept when its score passes that
    frame's decision threshold).
``roles``
    one row per article x actor mentioned (:mod:`framing.roles`): ``article_id,
    outlet, actor, n_mentions, p_protagonist, p_antagonist, p_innocent, main_role,
    fine_role, p_fine_role, in_domain`` (mean mention probabilities; ``fine_role`` is
    the most probable child of ``main_role``; ``in_domain`` is False when the article's
    domain is not one the role model was trained on, war or climate).
``narratives``
    one row per article x narrative or sub-narrative (:mod:`framing.narratives`):
    ``article_id, outlet, level, label, score, predicted, in_domain`` (``in_domain`` is
    False when the article's domain is not the narrative model's, war for the packaged
    URW model).
``persuasion``
    one row per paragraph and persuasion technique predicted in it (:mod:`framing.persuasion`),
    and one row with ``technique`` null for a paragraph with none: ``article_id, outlet, field,
    paragraph_id, technique, score, start, end, target, actors``. The title is paragraph 0 of
    field ``title``; the text's non-empty lines are its paragraphs. ``start``/``end`` are the
    offsets in the field of the sentence that most likely carries the technique (the
    paragraph for a row without technique); ``target`` is the actor the technique is tied to
    and ``actors`` the actors mentioned in that sentence, comma-separated.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
import platform
import re
import shlex
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa

from framing._memory import release_memory
from framing._nlp import load_nlp, pipeline_version
from framing._progress import progress_bar
from framing._runfolder import RunFolder, RunFolderError, digest, utc_now
from framing._runtime import inference_runtime
from framing._tables import Tables, deferred_tables, frame as _frame, read_tables
from framing._version import __version__, code_digest
from framing.actors import ActorInventory, MentionFinder, load_actors
from framing.corpus import Article, count_articles, iter_corpus
from framing.domains import article_document, load_domain_model
from framing.engines import EngineError, get_engine
from framing.measures import Batch, Field, Measure, Setup, get_measure, registered_measures, table_schemas
from framing.stance import DEFAULT_STANCE

__all__ = ["Analysis", "AnalysisInterrupted", "analyze", "read_analysis", "MAX_CHARS", "available_measures",
           "default_measures"]

MAX_CHARS = 200_000
"""Articles longer than this (about 30,000 words) are skipped with a reason."""

PARSE_BATCH = 16
"""Texts spaCy parses together. A fixed number, not the article batch's: the parser's working
memory grows with the texts it holds at once (0.7 GB in the parse of a 128-article batch, whose
256 texts it held together; 0.12 GB for 16), while the parses and the speed are the same
(docs/benchmark.md)."""

PARSE_AHEAD = True
"""With the local engine, parse the next batch of articles while this one's measures run: in worker
processes (:data:`PARSE_PROCESSES`) or on a second thread. spaCy's parse uses about one core, so it
overlaps with the networks (ONNX Runtime or PyTorch) and the rules; the tables are the same either
way (tested). The cost is one more batch of parsed documents in memory. ``False`` parses each batch
when it is analysed, as the Dask workers do."""

PARSE_PROCESSES: int | None = None
"""Worker processes that parse ahead (:mod:`framing._parse`). ``None``: the environment variable
``FRAMING_PARSE_PROCESSES`` if set, else 2 on a machine with 2 or 3 cores and half the cores above
that (at most 8); ``0``: a thread of this process. Processes need the ``fork`` start method (Linux)
and a pipeline loaded by the package; elsewhere the thread parses."""

MEASURES = ("quotes", "wording", "frames", "roles", "narratives", "persuasion")
"""The package's own optional measures (kept for older code; :func:`framing.measures.registered_measures`
lists every measure, registered ones included). Mentions and stance are always computed."""

# Names older code imports from here; the schemas now live with their measures (framing/measures/).
_OLD_SCHEMA_NAMES = {"ARTICLE_SCHEMA": "articles", "MENTION_SCHEMA": "mentions", "ACTOR_STANCE_SCHEMA": "actor_stance",
                     "QUOTE_SCHEMA": "quotes", "TERM_SCHEMA": "terms", "MARK_SCHEMA": "marks",
                     "FRAME_SCHEMA": "frames", "PASSAGE_SCHEMA": "frame_passages", "ROLE_SCHEMA": "roles",
                     "NARRATIVE_SCHEMA": "narratives", "PERSUASION_SCHEMA": "persuasion"}


def __getattr__(name: str):
    """``SCHEMAS`` (every table's schema, :func:`framing.measures.table_schemas`) and the ``*_SCHEMA``
    names of older code, looked up in the registry when asked for."""
    if name == "SCHEMAS":
        return table_schemas()
    if name in _OLD_SCHEMA_NAMES:
        return table_schemas()[_OLD_SCHEMA_NAMES[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Analysis(Tables):
    """The tables of one analysis run by name, each also an attribute (``result.mentions``), plus
    its metadata (``run``). ``result.tables`` holds them all, those of registered measures
    included; ``result.replace(name=table)`` copies with a table replaced."""

    def compare(self, by: str | Iterable[str] = "outlet", **options) -> pd.DataFrame:
        """Outlet x actor comparison; see :func:`framing.compare`."""
        from framing.comparison import compare

        return compare(self, by=by, **options)

    def __repr__(self) -> str:
        counts = self.run.get("counts", {})
        return (f"Analysis({counts.get('articles_analyzed', '?')} analysed, "
                f"{counts.get('articles_skipped', '?')} skipped, {len(self.mentions)} mentions, "
                f"{self.actor_stance['actor'].nunique() if len(self.actor_stance) else 0} actors)")


def read_analysis(directory: str | os.PathLike) -> Analysis:
    """Load the tables that ``framing analyze --out DIR`` wrote.

    Refuses, with one sentence that says what to run, a folder whose run is not
    complete (interrupted, killed, failed or still running), one written by an
    older version, and one in which no article could be analysed.
    """
    return read_tables(directory, cls=Analysis)


class AnalysisInterrupted(KeyboardInterrupt):
    """``analyze`` was interrupted (Ctrl-C, SIGTERM) after writing part of its output.

    ``directory`` holds the finished batches and a ``run.json`` with state
    ``interrupted``; ``resume_command`` finishes the run.
    """

    def __init__(self, directory: Path, done: int, total: int | None, resume_command: str) -> None:
        self.directory, self.done, self.total, self.resume_command = directory, done, total, resume_command
        how_far = f"{done} of {total}" if total is not None else f"{done}"
        super().__init__(f"interrupted after {how_far} articles; {directory} holds the finished part. "
                         f"Resume with: {resume_command}")


def analyze(
    corpus: str | os.PathLike | pd.DataFrame | Iterable[Article],
    *,
    actors: str | os.PathLike | ActorInventory | None = None,
    stance: str = DEFAULT_STANCE,
    out: str | os.PathLike | None = None,
    overwrite: bool = False,
    resume: bool = False,
    update: bool = False,
    batch_size: int = 32,
    progress: bool = True,
    nlp=None,
    columns: Mapping[str, str] | None = None,
    outlet: str | None = None,
    date_format: str | None = None,
    corpus_options: dict | None = None,
    measures: Iterable[str] | None = None,
    engine: str = "local",
    scheduler=None,
    workers: int | None = None,
) -> Analysis:
    """Find actor mentions and score the stance toward each, article by article.

    Parameters
    ----------
    corpus
        A path or DataFrame accepted by :func:`framing.load_corpus`, or an iterable
        of :class:`framing.Article`.
    actors
        An actor inventory (YAML path or :class:`framing.ActorInventory`); the
        packaged default when ``None``.
    stance
        Name or model folder of the stance scorer (see :func:`framing.stance.get_scorer`;
        default: the learned scorer, ``"model"``).
    out
        When given, the tables are written to ``out/*.parquet`` with a ``run.json``
        and read back at the end. The folder is a unit: tables appear only when the
        run is complete, and ``run.json`` says whether it is (see
        :func:`read_analysis`). A folder that holds another run is refused unless
        ``overwrite`` or ``resume`` is given.
    overwrite
        Replace the run in ``out``: every table of the old run goes, the outlet
        tables of ``framing compare`` included.
    resume
        Finish an interrupted run in ``out``: the batches it finished are kept
        (after checking that their articles are unchanged) and the rest computed;
        the tables equal those of one uninterrupted run. The configuration must be
        the same.
    update
        Replace the complete run in ``out`` with one of the corpus as it is now, analysing only
        the batches whose articles are new or changed: every other batch is taken from the
        cache the last run left (``out/.cache``). The tables equal those of a run from scratch;
        ``run.json`` (``reused``) says how many articles and batches came from the cache.
    batch_size
        The mean number of articles per batch (parsed together, written together). Where a batch
        ends depends on the articles' content (a batch ends after an article whose content hash is
        divisible by ``batch_size``, and at ``4 * batch_size`` articles at most), so that an
        article added to a corpus changes its own batch only. Memory is bounded by it, not by
        corpus size.
    columns, outlet, date_format
        How to read a table or folder corpus, as in :func:`framing.load_corpus`.
    corpus_options
        The same options as one dict (kept for older code).
    measures
        Optional measures to compute, by name: the package's (:data:`MEASURES`) and any registered
        with :func:`framing.register_measure` (default: :func:`default_measures`, every available
        one whose validation does not put it off by default). The tables of measures left out are
        written empty, and ``run.json`` lists the measures computed and the seconds each took.
    engine
        Where the batches are computed (:mod:`framing.engines`, ``docs/scaling.md``): ``"local"``
        (default), in this process, or ``"dask"``, as tasks on a Dask distributed cluster
        (``pip install 'framing[dask]'``). The tables are the same whichever the engine, and a run
        started with one engine resumes with the other. Dask workers load the packaged spaCy
        pipeline (``nlp`` is used here only) and refuse to run when their models differ from
        this process's.
    scheduler
        With ``engine="dask"``: the address of a running Dask scheduler (``"tcp://host:8786"``),
        a ``distributed.Client`` or a cluster object such as dask-jobqueue's ``SLURMCluster``;
        default: a local cluster started for the run.
    workers
        With ``engine="dask"``: worker processes of the local cluster (default 2, one thread
        each); with ``scheduler``, how many workers to wait for before starting.

    Raises
    ------
    AnalysisInterrupted
        On Ctrl-C (or SIGTERM under the command line) while writing to ``out``;
        the folder then records how far the run got and resumes with ``resume=True``.
    """
    if sum(map(bool, (overwrite, resume, update))) > 1:
        raise ValueError("choose one of overwrite, resume and update")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    options = _corpus_options(corpus_options, columns=columns, outlet=outlet, date_format=date_format)
    engine = get_engine(engine, scheduler=scheduler, workers=workers)
    started = time.perf_counter()
    inventory = actors if isinstance(actors, ActorInventory) else load_actors(actors)
    nlp = nlp or load_nlp()
    chosen = _chosen_measures(measures)
    plan = _make_plan(nlp, inventory, stance, chosen)
    schemas = table_schemas()
    optional = [m.name for m in chosen if not m.core]
    if isinstance(corpus, (str, os.PathLike, pd.DataFrame)):
        articles = iter_corpus(corpus, **options)
        total = count_articles(corpus)
    else:
        articles, total = iter(corpus), None
    # Read the first article before the output folder is touched: a corpus that cannot
    # be opened, or holds nothing, leaves no trace.
    first = next(articles, None)
    if first is None:
        raise ValueError(f"the corpus holds no articles: {_describe(corpus)}")
    articles = itertools.chain([first], articles)

    config = {
        "corpus": _describe(corpus),
        "corpus_options": {k: v for k, v in options.items() if v is not None},
        "actors": str(actors) if isinstance(actors, (str, os.PathLike)) else "default",
        "actor_ids": list(inventory.ids),
        "actor_labels": {actor.id: actor.label for actor in inventory.actors},
        "stance": plan.version("stance"),
        "measures": optional,
        "batch_size": batch_size,
        "batching": "content",
        "max_chars": MAX_CHARS,
    }
    models = _models(nlp, plan)
    # the engine is not part of the fingerprint: a run started with one engine resumes with another
    fingerprint = digest({
        "framing_version": __version__, "models": models, "inventory": _inventory_digest(inventory),
        **{key: value for key, value in config.items() if key not in ("corpus", "actors", "engine")},
    })
    # the cluster starts (or the scheduler answers) before the folder is touched
    engine.start()
    config["engine"] = engine.describe()
    folder = None
    if out is not None:
        folder = RunFolder(out, schemas)
        mode = "resume" if resume else "overwrite" if overwrite else "update" if update else "new"
        try:
            done = folder.start(mode=mode, fingerprint=fingerprint, config=config, total=total,
                                resume_command=_resume_command(corpus, out, options, actors, stance, optional,
                                                               batch_size, measures is None, engine.command_args()))
        except BaseException:
            engine.close()
            raise
    else:
        done = []
    sink = _MemorySink(schemas)
    corpus_digest = hashlib.sha256()
    n_reused = n_batches = n_cached = n_cached_batches = n_seen = 0
    if engine.distributed:
        compute = _BatchTask(key=uuid.uuid4().hex, inventory=inventory, stance=stance, measures=chosen, models=models)

        def computed(jobs):
            return engine.map(compute, jobs)
    else:
        def computed(jobs):
            return _local_batches(jobs, nlp=nlp, plan=plan, ahead=PARSE_AHEAD)
    try:
        with progress_bar(total=total, disable=not progress, desc="analyze", unit="article") as bar:
            def pending() -> Iterator[tuple[tuple, list[Article]]]:
                """The batches to compute, keyed by index, ids and hashes; a resume's finished ones are checked."""
                nonlocal n_reused, n_batches, n_cached, n_cached_batches, n_seen
                for index, (batch, hashes) in enumerate(_batches(articles, batch_size)):
                    n_batches = index + 1
                    ids = tuple(article.id for article in batch)
                    corpus_digest.update("".join(hashes).encode("ascii"))
                    key = digest({"fingerprint": fingerprint, "ids": ids, "hashes": hashes})
                    before, n_seen = n_seen, n_seen + len(batch)
                    if index < len(done):
                        _check_same_batch(before, done[index], ids, hashes, folder)
                        n_reused += len(batch)
                        bar.update(len(batch))
                    elif folder is not None and folder.take_cached(index, key, ids, hashes):
                        n_cached += len(batch)
                        n_cached_batches += 1
                        bar.update(len(batch))
                    else:
                        yield (index, ids, hashes, key), batch

            for (index, ids, hashes, key), (rows, seconds) in computed(pending()):
                plan.seconds.update(seconds)  # the stages' seconds on the workers (none here for local)
                with plan.timed("write"):
                    if folder is not None:
                        folder.write_batch(index, rows, ids, hashes, key)
                    else:
                        sink.write(rows)
                bar.update(len(ids))
            if n_batches < len(done):
                raise RunFolderError(f"the corpus now has fewer articles than the interrupted run in {out} had "
                                     f"finished ({sum(len(b.ids) for b in done)}); resume with the same corpus "
                                     f"or pass --overwrite")
            run = {
                "framing_version": __version__,
                "created": folder.run["created"] if folder is not None else utc_now(),
                "config": config,
                "models": models,
                "environment": {"python": platform.python_version(), "platform": platform.platform(),
                                "inference_runtime": inference_runtime(),
                                "spacy_components": [c for c in nlp.pipe_names if c not in plan.skip],
                                **({"parsing": plan.parsing} if plan.parsing is not None else {})},
                "corpus_sha256": corpus_digest.hexdigest(),
                "reused": {"articles": n_reused + n_cached, "batches": len(done) + n_cached_batches,
                           "from_interrupted_run": {"articles": n_reused, "batches": len(done)},
                           "from_cache": {"articles": n_cached, "batches": n_cached_batches}},
            }
            if folder is None:
                result = sink.close()
            else:
                with plan.timed("write"):
                    folder.merge()
                result = deferred_tables(folder.directory, schemas, cls=Analysis)
            run["counts"] = _counts(result, schemas)
            elapsed = time.perf_counter() - started
            computed = run["counts"]["articles"] - n_reused - n_cached
            run["timing"] = {"seconds": round(elapsed, 3),
                             "articles_per_second": round(computed / elapsed, 2) if elapsed else None,
                             "stages": plan.stage_seconds()}
            run["tables"] = list(schemas)
            if folder is not None:
                run = folder.complete(run)
            result.run = run
    except KeyboardInterrupt:
        if folder is None:
            raise
        stopped = folder.stop("interrupted")
        progress_done = stopped["progress"]
        raise AnalysisInterrupted(folder.directory, progress_done["articles_done"],
                                  progress_done["articles_total"], stopped["resume_command"]) from None
    except BaseException as exc:
        if folder is not None:
            folder.stop("failed", error=f"{type(exc).__name__}: {exc}")
        raise
    finally:
        engine.close()
    return result


# --------------------------------------------------------------------------- internals


def _batches(items: Iterable[Article], size: int) -> Iterator[tuple[list[Article], tuple[str, ...]]]:
    """Batches of articles with their content hashes. A batch ends after an article whose hash is
    divisible by ``size`` (so ``size`` articles on average) or at ``4 * size`` articles: where a
    batch ends depends on the articles, not on their positions, so that inserting an article into
    a corpus changes its own batch only and ``update`` takes every other batch from the cache."""
    batch: list[Article] = []
    hashes: list[str] = []
    for item in items:
        batch.append(item)
        hashes.append(digest(item.to_dict()))
        if int(hashes[-1], 16) % size == 0 or len(batch) >= 4 * size:
            yield batch, tuple(hashes)
            batch, hashes = [], []
    if batch:
        yield batch, tuple(hashes)


class _Plan:
    """Everything built once per run (the mention finder, the domain model, each chosen measure's
    tool), and the seconds spent in each stage."""

    def __init__(self, *, finder: MentionFinder, domains, measures: tuple[Measure, ...], tools: dict,
                 skip: tuple[str, ...] = ()) -> None:
        self.finder, self.domains, self.measures, self.tools = finder, domains, measures, tools
        self.skip = skip  # spaCy components no chosen measure reads, left out of the parse
        self.seconds: Counter = Counter()
        self.parsing: dict | None = None  # how the local engine parsed (run.json "environment")

    def version(self, name: str) -> str | None:
        return get_measure(name).version(self.tools[name])

    def versions(self) -> dict:
        """Model versions for ``run.json``: the stance scorer, the domain model and each measure's."""
        out = {"stance": self.version("stance")}
        if self.domains is not None:
            out["domains"] = self.domains.version()
        for measure in self.measures:
            version = measure.version(self.tools[measure.name]) if not measure.core else None
            if version is not None:
                out[measure.name] = version
        return out

    def timed(self, stage: str):
        return _Stopwatch(self.seconds, stage)

    def stage_seconds(self) -> dict:
        return {stage: round(seconds, 3) for stage, seconds in self.seconds.items()}


def _make_plan(nlp, inventory: ActorInventory, stance: str, measures: tuple[Measure, ...]) -> _Plan:
    """The plan of a run: the mention finder, the domain model and each measure's tool, loaded once."""
    setup = Setup(nlp=nlp, inventory=inventory, stance=stance)
    tools = {m.name: m.load(setup) for m in measures}
    # the mention finder and the domain model read no lemma; a measure that does keeps the lemmatizer
    lemmas = any(m.reads_lemmas(tools[m.name]) for m in measures)
    skip = ("lemmatizer",) if "lemmatizer" in nlp.pipe_names and not lemmas else ()
    return _Plan(finder=MentionFinder(inventory, nlp), domains=load_domain_model(),
                 measures=measures, tools=tools, skip=skip)


def _models(nlp, plan: _Plan) -> dict:
    """The versions of everything whose output a run's tables depend on (``run.json`` ``models``): the
    package's own code and models by their digest (``framing``), which changes within a version when
    an editable install's rules change, then spaCy and each measure's model."""
    return {"framing": code_digest(), "spacy": pipeline_version(nlp), "spacy_library": _module_version("spacy"),
            **plan.versions()}


_WORKER_PLANS: dict[str, tuple] = {}
_WORKER_LOCK = threading.Lock()


@dataclasses.dataclass(frozen=True)
class _BatchTask:
    """What a Dask worker needs to analyse batches as the run does: the inventory, the stance scorer's
    name and the measure objects themselves (so that measures registered in the user's session run
    there too; cloudpickle sends them).

    Called with a batch on a worker, it returns the batch's rows and the seconds of each stage. The
    worker builds its plan (spaCy pipeline, mention finder, domain model, measure tools) once per
    process and run (``key``), and refuses to run when its model versions differ from the run's
    (``models``): the tables would then depend on which worker analysed an article."""

    key: str
    inventory: ActorInventory
    stance: str
    measures: tuple[Measure, ...]
    models: dict

    def __call__(self, batch: list[Article]) -> tuple[dict, dict]:
        nlp, plan = self._plan()
        rows = _analyze_batch(batch, nlp=nlp, plan=plan)
        return rows, dict(plan.seconds)

    def _plan(self) -> tuple:
        """The worker's spaCy pipeline and a fresh plan (its own stopwatch) around the cached tools."""
        with _WORKER_LOCK:
            if self.key not in _WORKER_PLANS:
                _WORKER_PLANS.clear()  # an earlier run's tools
                nlp = load_nlp()
                built = _make_plan(nlp, self.inventory, self.stance, self.measures)
                here = _models(nlp, built)
                if here != self.models:
                    keys = sorted(k for k in set(here) | set(self.models) if here.get(k) != self.models.get(k))
                    changed = "; ".join(f"{k} {here.get(k)} where the run has {self.models.get(k)}" for k in keys)
                    raise EngineError(f"a Dask worker has other models than the run ({changed}); install the same "
                                      f"framing, spaCy pipeline and models on every worker")
                _WORKER_PLANS[self.key] = (nlp, built)
            nlp, built = _WORKER_PLANS[self.key]
        return nlp, _Plan(finder=built.finder, domains=built.domains, measures=built.measures, tools=built.tools,
                          skip=built.skip)


class _Stopwatch:
    def __init__(self, totals: Counter, stage: str) -> None:
        self.totals, self.stage = totals, stage

    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.totals[self.stage] += time.perf_counter() - self.started


def available_measures() -> tuple[str, ...]:
    """The optional measures this installation can compute: every registered one (the package's
    rule-based measures, each learned one whose packaged model is installed, and those
    registered by the user or by installed packages)."""
    return tuple(m.name for m in registered_measures() if not m.core and m.available())


def default_measures() -> tuple[str, ...]:
    """The optional measures ``analyze`` computes when none are named: the available ones
    (:func:`available_measures`) whose validation does not put them off by default. A measure
    whose validated score is within noise of its trivial baseline is off
    (``framing/data/validation.yaml``: ``default: false`` and the reason); name it in
    ``measures`` to compute it anyway."""
    return tuple(m.name for m in registered_measures() if not m.core and m.available() and m.on_by_default())


def _chosen_measures(names: Iterable[str] | None) -> tuple[Measure, ...]:
    """The core measures and the named optional ones (default: :func:`default_measures`), in run order."""
    names = list(default_measures() if names is None else names)
    optional = [m.name for m in registered_measures() if not m.core]
    unknown = sorted(set(names) - set(optional))
    if unknown:
        raise ValueError(f"unknown measure(s) {unknown}; choose from {optional}")
    missing = [name for name in names if not get_measure(name).available()]
    if missing:
        raise ValueError(f"measure(s) {missing} cannot run here: their packaged model is not installed")
    return tuple(m for m in registered_measures() if m.core or m.name in names)


def _local_batches(jobs: Iterable[tuple], *, nlp, plan: _Plan, ahead: bool) -> Iterator[tuple]:
    """``(key, (rows, {}))`` for each ``(key, batch)`` job, in order, in this process. With ``ahead``
    worker processes or a second thread parse the next batch while this one is analysed
    (:data:`PARSE_AHEAD`, :data:`PARSE_PROCESSES`); the jobs themselves are drawn on this thread,
    so the cache and resume checks stay in order."""
    if not ahead:
        plan.parsing = {"parse": "in turn"}
        for key, batch in jobs:
            yield key, (_analyze_batch(batch, nlp=nlp, plan=plan), {})
        return
    from framing._parse import ParseAhead, parse_processes

    parser = ParseAhead(nlp, processes=parse_processes(PARSE_PROCESSES, nlp), batch_size=PARSE_BATCH,
                        disable=plan.skip)
    plan.parsing = parser.mode

    def submit(batch):
        return parser.submit([text for text, _ in _checked_texts(batch)[1]])

    try:
        jobs = iter(jobs)
        job = next(jobs, None)
        future = submit(job[1]) if job is not None else None
        while job is not None:
            following = next(jobs, None)
            with plan.timed("parse_wait"):
                docs, seconds = future.result()
            plan.seconds["parse"] += seconds
            if following is not None:
                future = submit(following[1])
            yield job[0], (_analyze_batch(job[1], nlp=nlp, plan=plan, docs=docs), {})
            job = following
    finally:
        parser.close()


def _checked_texts(batch: list[Article]) -> tuple[list[Article], list[tuple[str, tuple[int, str]]]]:
    """The batch with over-long articles marked skipped, and the texts to parse: the title and the
    text of each analysable article, with ``(position in batch, field name)``."""
    checked = [a if not a.ok or len(a.text) + len(a.title) <= MAX_CHARS
               else _with_reason(a, f"text longer than {MAX_CHARS:,} characters") for a in batch]
    texts = [(value, (index, name)) for index, article in enumerate(checked) if article.ok
             for name, value in (("title", article.title), ("text", article.text))]
    return checked, texts


def _analyze_batch(batch: list[Article], *, nlp, plan: _Plan, docs: list | None = None) -> dict[str, list[dict]]:
    """Every table's rows for a batch of articles. ``docs`` holds the parses of the batch's texts
    (:func:`_checked_texts`), in order, when the batch was parsed ahead; without it the fields are
    parsed here, one small group at a time."""
    checked, texts = _checked_texts(batch)
    per_article: dict[int, dict[str, list]] = {index: {} for index, article in enumerate(checked) if article.ok}
    analysed = sorted(per_article)
    # what the article-level models read (domain, frames, narratives): title and text, built once;
    # the domain is decided first, so that field-level measures may read it (wording does)
    documents = [_document(checked[i]) for i in analysed]
    with plan.timed("domains"):
        domains = _domains(documents, plan.domains)
    domain_of = {i: domains[k] for k, i in enumerate(analysed)}
    parsed = nlp.pipe(texts, as_tuples=True, batch_size=PARSE_BATCH, disable=list(plan.skip)) if docs is None \
        else zip(docs, (where for _, where in texts), strict=True)
    while True:
        with plan.timed("parse"):
            item = next(parsed, None)
        if item is None:
            break
        doc, (index, field_name) = item
        article = checked[index]
        with plan.timed("mentions"):
            found = plan.finder.find(doc, date=article.date)
        field = Field(doc=doc, article=article, name=field_name, mentions=found, domain=domain_of[index][0])
        rows = per_article[index]
        for measure in plan.measures:
            with plan.timed(measure.name):
                for name, values in measure.field_rows(plan.tools[measure.name], field).items():
                    rows.setdefault(name, []).extend(values)

    out: dict[str, list[dict]] = {}
    work = Batch(articles=[checked[i] for i in analysed], documents=documents,
                 domains=[domain for domain, _ in domains], rows=[per_article[i] for i in analysed])
    for measure in plan.measures:
        with plan.timed(measure.name):
            for name, values in measure.batch_rows(plan.tools[measure.name], work).items():
                per_table = out.setdefault(name, [])
                per_table.extend(values)
    for i in analysed:
        for name, values in per_article[i].items():
            if not name.startswith("_"):
                out.setdefault(name, []).extend(values)
    out["articles"] = []
    for index, article in enumerate(checked):
        rows = per_article.get(index, {})
        domain, domain_score = domain_of.get(index, (None, None))
        out["articles"].append({
            "article_id": article.id, "outlet": article.outlet, "date": article.date, "title": article.title,
            "url": article.url, "status": "analyzed" if article.ok else "skipped",
            "skip_reason": article.skip_reason, "warning": article.warning,
            "n_words": len(article.text.split()) if article.ok else 0,
            "n_mentions": len(rows.get("mentions", [])), "n_quotes": len(rows.get("quotes", [])),
            "domain": domain, "domain_score": domain_score,
        })
    release_memory()  # the batch's freed tensors and parses, so that memory does not creep up batch by batch
    return out


def _document(article: Article) -> str:
    """The text an article-level model reads: the title, a blank line, the text."""
    return article_document(article.title, article.text)


def _domains(documents: list[str], model) -> list[tuple[str | None, float | None]]:
    """``(domain, probability)`` of each document (:func:`_document`; :mod:`framing.domains`)."""
    if not documents or model is None:
        return [(None, None)] * len(documents)
    proba = model.predict_proba(documents)
    best = proba.argmax(axis=1)
    return [(str(model.classes_[j]), float(proba[i, j])) for i, j in enumerate(best)]


def _with_reason(article: Article, reason: str) -> Article:
    return dataclasses.replace(article, skip_reason=reason)


def _reason_kind(reason: str | None) -> str:
    """Group skip reasons for the run summary ("unparseable date '...'" -> "unparseable date")."""
    if not reason:
        return "unknown"
    for stop in (" (", " '", ":"):
        reason = reason.split(stop)[0]
    return reason


def _warning_kind(warning: str) -> str:
    """Group input warnings for the run summary: values, line numbers and details dropped
    ("front matter key 'author' on line 2 ignored (...)" -> "front matter key '…' on line N ignored")."""
    kind = re.sub(r"\s*\(.*$", "", warning)
    kind = re.sub(r"'[^']*\w[^']*'", "'…'", kind)
    return re.sub(r"\d+", "N", kind)


class _MemorySink:
    def __init__(self, schemas: Mapping[str, pa.Schema]) -> None:
        self.schemas = dict(schemas)
        self.rows: dict[str, list[dict]] = {name: [] for name in schemas}

    def write(self, rows: dict[str, list[dict]]) -> None:
        for name, values in rows.items():
            self.rows[name].extend(values)

    def close(self) -> Analysis:
        return Analysis(**{name: _frame(values, self.schemas[name]) for name, values in self.rows.items()})


def _counts(result: Analysis, schemas: Mapping[str, pa.Schema]) -> dict:
    """The run summary's counts, from the final tables."""
    articles = result.articles
    skipped = articles.loc[articles["status"] != "analyzed", "skip_reason"]
    return {"articles": len(articles), "articles_analyzed": int((articles["status"] == "analyzed").sum()),
            "articles_skipped": len(skipped),
            "skip_reasons": dict(Counter(_reason_kind(reason) for reason in skipped)),
            "articles_with_warnings": int(articles["warning"].notna().sum()),
            "warnings": dict(Counter(_warning_kind(part) for warning in articles["warning"].dropna()
                                     for part in warning.split("; "))),
            **{name: result.size(name) for name in schemas if name != "articles"}}


def _check_same_batch(before: int, batch, ids: tuple, hashes: tuple, folder) -> None:
    """A resumed run skips a finished batch only if it holds the same articles, unchanged
    (``before``: the articles of the corpus before this batch)."""
    if batch.ids == ids and batch.hashes == hashes:
        return
    for position, (old, new) in enumerate(zip(batch.ids, ids)):
        if old != new:
            what = f"article {before + position + 1} is {new!r} where the run had {old!r}"
            break
    else:
        changed = [i for i, (a, b) in enumerate(zip(batch.hashes, hashes)) if a != b]
        what = (f"article {ids[changed[0]]!r} changed since it was analysed" if changed
                else "the number of articles changed")
    raise RunFolderError(f"cannot resume {folder.directory}: {what}; resume with the same corpus, "
                         f"or pass --overwrite to start again")


def _corpus_options(given: dict | None, **options) -> dict:
    merged = dict(given or {})
    for key, value in options.items():
        if value is None:
            continue
        if merged.get(key) not in (None, value):
            raise ValueError(f"{key} given twice, as {key}= and in corpus_options, with different values")
        merged[key] = value
    unknown = sorted(set(merged) - {"columns", "outlet", "date_format"})
    if unknown:
        raise ValueError(f"unknown corpus option(s) {unknown}; choose from columns, outlet, date_format")
    return {"columns": dict(merged["columns"]) if merged.get("columns") else None,
            "outlet": merged.get("outlet"), "date_format": merged.get("date_format")}


def _describe(corpus) -> str:
    if isinstance(corpus, (str, os.PathLike)):
        return str(corpus)
    return f"<{type(corpus).__name__}>"


def _inventory_digest(inventory: ActorInventory) -> str:
    return digest({"inventory": inventory.to_frame().to_csv(index=False)})


def _resume_command(corpus, out, options: dict, actors, stance: str, measures: list, batch_size: int,
                    default_measures: bool, engine_args: Iterable[str] = ()) -> str:
    """The command line that resumes this run (for a corpus given by path); ``engine_args`` are the engine
    flags given (none for the default engine)."""
    if not isinstance(corpus, (str, os.PathLike)):
        return f"framing.analyze(<the same corpus>, out={str(out)!r}, resume=True, <the same options>)"
    parts = ["framing", "analyze", str(corpus), "--out", str(out), "--resume"]
    for theirs, ours in (options.get("columns") or {}).items():
        parts += ["--column", f"{theirs}={ours}"]
    if options.get("outlet"):
        parts += ["--outlet", options["outlet"]]
    if options.get("date_format"):
        parts += ["--date-format", options["date_format"]]
    if isinstance(actors, (str, os.PathLike)):
        parts += ["--actors", str(actors)]
    if stance != DEFAULT_STANCE:
        parts += ["--stance", stance]
    if batch_size != 32:
        parts += ["--batch-size", str(batch_size)]
    if not default_measures:
        parts += ["--measures", ",".join(measures)]
    parts += list(engine_args)
    return " ".join(shlex.quote(part) for part in parts)


def _module_version(name: str) -> str | None:
    module = sys.modules.get(name)
    return getattr(module, "__version__", None)
