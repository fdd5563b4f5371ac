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
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing._nlp import load_nlp, pipeline_version
from framing._progress import progress_bar
from framing._runfolder import RunFolder, RunFolderError, check_complete, digest, utc_now
from framing.actors import ActorInventory, MentionFinder, load_actors
from framing.corpus import Article, count_articles, iter_corpus
from framing.domains import load_domain_model, measure_domains
from framing.quotes import QuoteExtractor
from framing.stance import DEFAULT_STANCE, STANCE_LABELS, get_scorer, predict_stance
from framing.wording import WordingFinder

__all__ = ["Analysis", "AnalysisInterrupted", "analyze", "read_analysis", "MAX_CHARS"]

MAX_CHARS = 200_000
"""Articles longer than this (about 30,000 words) are skipped with a reason."""

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("date", pa.date32()), ("title", pa.string()),
    ("url", pa.string()), ("status", pa.string()), ("skip_reason", pa.string()), ("warning", pa.string()),
    ("n_words", pa.int64()), ("n_mentions", pa.int64()), ("n_quotes", pa.int64()), ("domain", pa.string()),
    ("domain_score", pa.float64()),
])
MENTION_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("actor", pa.string()), ("surface", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("via", pa.string()), ("member", pa.string()), ("stance", pa.float64()), ("stance_label", pa.string()),
    ("p_negative", pa.float64()), ("p_neutral", pa.float64()), ("p_positive", pa.float64()),
])
_PROBABILITY_COLUMNS = tuple(f"p_{label}" for label in STANCE_LABELS)
ACTOR_STANCE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("date", pa.date32()), ("actor", pa.string()),
    ("n_mentions", pa.int64()), ("n_title_mentions", pa.int64()), ("stance", pa.float64()),
    ("n_negative", pa.int64()), ("n_neutral", pa.int64()), ("n_positive", pa.int64()),
])
QUOTE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("n_words", pa.int64()),
    ("kind", pa.string()), ("speaker", pa.string()), ("speaker_mention", pa.string()),
    ("speaker_actor", pa.string()), ("verb", pa.string()), ("verb_class", pa.string()),
])
TERM_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("set", pa.string()), ("variant", pa.string()), ("surface", pa.string()), ("start", pa.int64()),
    ("end", pa.int64()), ("actor", pa.string()),
])
MARK_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("kind", pa.string()), ("surface", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
    ("actor", pa.string()),
])
FRAME_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("frame", pa.string()), ("score", pa.float64()),
    ("predicted", pa.bool_()),
])
PASSAGE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("frame", pa.string()), ("score", pa.float64()),
])
ROLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("actor", pa.string()), ("n_mentions", pa.int64()),
    ("p_protagonist", pa.float64()), ("p_antagonist", pa.float64()), ("p_innocent", pa.float64()),
    ("main_role", pa.string()), ("fine_role", pa.string()), ("p_fine_role", pa.float64()), ("in_domain", pa.bool_()),
])
NARRATIVE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("level", pa.string()), ("label", pa.string()),
    ("score", pa.float64()), ("predicted", pa.bool_()), ("in_domain", pa.bool_()),
])
PERSUASION_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("paragraph_id", pa.int64()),
    ("technique", pa.string()), ("score", pa.float64()), ("start", pa.int64()), ("end", pa.int64()),
    ("target", pa.string()), ("actors", pa.string()),
])
SCHEMAS = {"articles": ARTICLE_SCHEMA, "mentions": MENTION_SCHEMA, "actor_stance": ACTOR_STANCE_SCHEMA,
           "quotes": QUOTE_SCHEMA, "terms": TERM_SCHEMA, "marks": MARK_SCHEMA, "frames": FRAME_SCHEMA,
           "frame_passages": PASSAGE_SCHEMA, "roles": ROLE_SCHEMA, "narratives": NARRATIVE_SCHEMA,
           "persuasion": PERSUASION_SCHEMA}
MEASURES = ("quotes", "wording", "frames", "roles", "narratives", "persuasion")
"""Optional measures; mentions and stance are always computed."""


@dataclass
class Analysis:
    """The tables of one analysis run, plus its metadata (``run``)."""

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actor_stance: pd.DataFrame
    quotes: pd.DataFrame = field(default_factory=lambda: _frame([], QUOTE_SCHEMA))
    terms: pd.DataFrame = field(default_factory=lambda: _frame([], TERM_SCHEMA))
    marks: pd.DataFrame = field(default_factory=lambda: _frame([], MARK_SCHEMA))
    frames: pd.DataFrame = field(default_factory=lambda: _frame([], FRAME_SCHEMA))
    frame_passages: pd.DataFrame = field(default_factory=lambda: _frame([], PASSAGE_SCHEMA))
    roles: pd.DataFrame = field(default_factory=lambda: _frame([], ROLE_SCHEMA))
    narratives: pd.DataFrame = field(default_factory=lambda: _frame([], NARRATIVE_SCHEMA))
    persuasion: pd.DataFrame = field(default_factory=lambda: _frame([], PERSUASION_SCHEMA))
    run: dict = field(default_factory=dict)

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
    directory = Path(directory)
    run = check_complete(directory, SCHEMAS)
    result = _read_tables(directory)
    result.run = run
    return result


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
    batch_size: int = 32,
    progress: bool = True,
    nlp=None,
    columns: Mapping[str, str] | None = None,
    outlet: str | None = None,
    date_format: str | None = None,
    corpus_options: dict | None = None,
    measures: Iterable[str] | None = None,
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
    batch_size
        Articles parsed per spaCy batch; memory is bounded by it, not by corpus size.
    columns, outlet, date_format
        How to read a table or folder corpus, as in :func:`framing.load_corpus`.
    corpus_options
        The same options as one dict (kept for older code).
    measures
        Optional measures to compute, from :data:`MEASURES` (default: :func:`default_measures`,
        every installed one whose validation does not put it off by default). The tables of measures left
        out are written empty, and ``run.json`` lists the measures computed.

    Raises
    ------
    AnalysisInterrupted
        On Ctrl-C (or SIGTERM under the command line) while writing to ``out``;
        the folder then records how far the run got and resumes with ``resume=True``.
    """
    if overwrite and resume:
        raise ValueError("choose one of overwrite and resume")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    options = _corpus_options(corpus_options, columns=columns, outlet=outlet, date_format=date_format)
    started = time.perf_counter()
    inventory = actors if isinstance(actors, ActorInventory) else load_actors(actors)
    nlp = nlp or load_nlp()
    finder = MentionFinder(inventory, nlp)
    scorer = get_scorer(stance)
    chosen = tuple(default_measures() if measures is None else measures)
    unknown = sorted(set(chosen) - set(MEASURES))
    if unknown:
        raise ValueError(f"unknown measure(s) {unknown}; choose from {list(MEASURES)}")
    tools = _Tools(finder=finder, scorer=scorer, domains=load_domain_model(),
                   quotes=QuoteExtractor(inventory, nlp) if "quotes" in chosen else None,
                   wording=WordingFinder(nlp=nlp) if "wording" in chosen else None,
                   frames=_load_model("frames") if "frames" in chosen else None,
                   roles=_load_model("roles") if "roles" in chosen else None,
                   narratives=_load_model("narratives") if "narratives" in chosen else None,
                   persuasion=_load_model("persuasion") if "persuasion" in chosen else None)
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
        "stance": scorer.version(),
        "measures": list(chosen),
        "batch_size": batch_size,
        "max_chars": MAX_CHARS,
    }
    models = {"spacy": pipeline_version(nlp), "spacy_library": _module_version("spacy"),
              "stance": scorer.version(), **tools.model_versions()}
    fingerprint = digest({
        "framing_version": _package_version(), "models": models, "inventory": _inventory_digest(inventory),
        **{key: value for key, value in config.items() if key not in ("corpus", "actors")},
    })
    folder = None
    if out is not None:
        folder = RunFolder(out, SCHEMAS)
        mode = "resume" if resume else "overwrite" if overwrite else "new"
        done = folder.start(mode=mode, fingerprint=fingerprint, config=config, total=total,
                            resume_command=_resume_command(corpus, out, options, actors, stance, chosen,
                                                           batch_size, measures is None))
    else:
        done = []
    sink = _MemorySink()
    corpus_digest = hashlib.sha256()
    n_reused = 0
    try:
        with progress_bar(total=total, disable=not progress, desc="analyze", unit="article") as bar:
            index = -1
            for index, batch in enumerate(_batches(articles, batch_size)):
                ids = tuple(article.id for article in batch)
                hashes = tuple(digest(article.to_dict()) for article in batch)
                corpus_digest.update("".join(hashes).encode("ascii"))
                if index < len(done):
                    _check_same_batch(index, batch_size, done[index], ids, hashes, folder)
                    n_reused += len(batch)
                else:
                    rows = _analyze_batch(batch, nlp=nlp, tools=tools)
                    if folder is not None:
                        folder.write_batch(index, rows, ids, hashes)
                    else:
                        sink.write(rows)
                bar.update(len(batch))
            if index + 1 < len(done):
                raise RunFolderError(f"the corpus now has fewer articles than the interrupted run in {out} had "
                                     f"finished ({sum(len(b.ids) for b in done)}); resume with the same corpus "
                                     f"or pass --overwrite")
            run = {
                "framing_version": _package_version(),
                "created": folder.run["created"] if folder is not None else utc_now(),
                "config": config,
                "models": models,
                "environment": {"python": platform.python_version(), "platform": platform.platform()},
                "corpus_sha256": corpus_digest.hexdigest(),
                "reused": {"articles": n_reused, "batches": len(done)},
            }
            if folder is None:
                result = sink.close()
            else:
                folder.merge()
                result = _read_tables(folder.directory)
            run["counts"] = _counts(result)
            elapsed = time.perf_counter() - started
            computed = run["counts"]["articles"] - n_reused
            run["timing"] = {"seconds": round(elapsed, 3),
                             "articles_per_second": round(computed / elapsed, 2) if elapsed else None}
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
    return result


# --------------------------------------------------------------------------- internals


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class _Tools:
    """Everything built once per run and applied to each parsed field or batch."""

    finder: MentionFinder
    scorer: object
    domains: object | None = None
    quotes: QuoteExtractor | None = None
    wording: WordingFinder | None = None
    frames: object | None = None
    roles: object | None = None
    narratives: object | None = None
    persuasion: object | None = None

    def model_versions(self) -> dict:
        return {name: getattr(model, "version", lambda: type(model).__name__)()
                for name, model in (("domains", self.domains), ("frames", self.frames), ("roles", self.roles),
                                    ("narratives", self.narratives), ("persuasion", self.persuasion))
                if model is not None}


_LEARNED_MODELS = {"frames": "framing.frames", "roles": "framing.roles", "narratives": "framing.narratives",
                   "persuasion": "framing.persuasion"}


def available_measures() -> tuple[str, ...]:
    """The optional measures this installation can compute: all rule-based ones,
    and each learned one whose module and packaged model are installed."""
    import importlib.util
    from importlib.resources import files

    out = []
    for name in MEASURES:
        module = _LEARNED_MODELS.get(name)
        if module is None:
            out.append(name)
        elif importlib.util.find_spec(module) is not None and files("framing").joinpath("models", name).is_dir():
            out.append(name)
    return tuple(out)


def default_measures() -> tuple[str, ...]:
    """The optional measures ``analyze`` computes when none are named: the available ones
    (:func:`available_measures`) whose validation does not put them off by default. A measure
    whose validated score is within noise of its trivial baseline is off
    (``framing/data/validation.yaml``: ``default: false`` and the reason); name it in
    ``measures`` to compute it anyway."""
    from framing._validation import on_by_default

    return tuple(m for m in available_measures() if on_by_default(m))


def _load_model(name: str):
    if name == "frames":
        from framing.frames import load_frame_model

        return load_frame_model()
    if name == "roles":
        from framing.roles import load_role_model

        return load_role_model()
    if name == "persuasion":
        from framing.persuasion import load_persuasion_model

        return load_persuasion_model()
    from framing.narratives import load_narrative_model

    return load_narrative_model()


_PER_FIELD = ("mentions", "quotes", "terms", "marks", "roles", "sentences")


def _analyze_batch(batch: list[Article], *, nlp, tools: _Tools) -> dict[str, list[dict]]:
    checked = [a if not a.ok or len(a.text) + len(a.title) <= MAX_CHARS
               else _with_reason(a, f"text longer than {MAX_CHARS:,} characters") for a in batch]
    texts = [(value, (index, name)) for index, article in enumerate(checked) if article.ok
             for name, value in (("title", article.title), ("text", article.text))]
    per_article: dict[int, dict[str, list]] = {}
    for doc, (index, field_name) in nlp.pipe(texts, as_tuples=True, batch_size=max(8, 2 * len(batch))):
        rows = per_article.setdefault(index, {name: [] for name in _PER_FIELD})
        for name, values in _field_rows(doc, checked[index], field_name, tools).items():
            rows[name].extend(values)

    out: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    analysed = [index for index, article in enumerate(checked) if article.ok]
    # what the article-level models read (domain, frames, narratives): title and text, built once
    documents = [_document(checked[i]) for i in analysed]
    domains = _domains(documents, tools.domains)
    domain_of = {i: domains[k] for k, i in enumerate(analysed)}
    for index, article in enumerate(checked):
        rows = per_article.get(index, {name: [] for name in _PER_FIELD})
        domain, domain_score = domain_of.get(index, (None, None))
        for name in ("mentions", "quotes", "terms", "marks"):
            out[name].extend(rows[name])
        out["actor_stance"].extend(_aggregate(article, rows["mentions"]))
        out["roles"].extend(_aggregate_roles(article, rows["roles"], tools.roles,
                                             in_domain=_in_domain(domain, "roles", tools.roles)))
        out["articles"].append({
            "article_id": article.id, "outlet": article.outlet, "date": article.date, "title": article.title,
            "url": article.url, "status": "analyzed" if article.ok else "skipped",
            "skip_reason": article.skip_reason, "warning": article.warning,
            "n_words": len(article.text.split()) if article.ok else 0,
            "n_mentions": len(rows["mentions"]), "n_quotes": len(rows["quotes"]),
            "domain": domain, "domain_score": domain_score,
        })
    if analysed and tools.frames is not None:
        out["frames"], out["frame_passages"] = _frame_rows([checked[i] for i in analysed], documents,
                                                           [per_article[i]["sentences"] for i in analysed],
                                                           tools.frames)
    if analysed and tools.narratives is not None:
        out["narratives"] = _narrative_rows([checked[i] for i in analysed], documents, tools.narratives,
                                            [_in_domain(domain_of[i][0], "narratives", tools.narratives)
                                             for i in analysed])
    if analysed and tools.persuasion is not None:
        from framing.persuasion import analysis_rows

        out["persuasion"] = analysis_rows(tools.persuasion, [checked[i] for i in analysed],
                                          [per_article[i]["mentions"] for i in analysed],
                                          [per_article[i]["quotes"] for i in analysed])
    return out


def _document(article: Article) -> str:
    """The text an article-level model reads: the title, a blank line, the text."""
    return f"{article.title}\n\n{article.text}" if article.title else article.text


def _domains(documents: list[str], model) -> list[tuple[str | None, float | None]]:
    """``(domain, probability)`` of each document (:func:`_document`; :mod:`framing.domains`)."""
    if not documents or model is None:
        return [(None, None)] * len(documents)
    proba = model.predict_proba(documents)
    best = proba.argmax(axis=1)
    return [(str(model.classes_[j]), float(proba[i, j])) for i, j in enumerate(best)]


def _in_domain(domain: str | None, measure: str, model) -> bool:
    """Whether an article of ``domain`` is one ``measure`` was trained on (True when unknown)."""
    return domain is None or domain in measure_domains(measure, model)


def _field_rows(doc, article: Article, field_name: str, tools: _Tools) -> dict[str, list]:
    """Every per-item measure of one parsed field (title or text) of one article."""
    found = tools.finder.find(doc, date=article.date)
    base = {"article_id": article.id, "outlet": article.outlet, "field": field_name}
    mentions = []
    if found:
        spans = [doc[m.token_start:m.token_end] for m in found]
        scores, labels, proba = predict_stance(tools.scorer, doc, spans)
        sentence_starts = [sent.start for sent in doc.sents]
        for k, (mention, score, label) in enumerate(zip(found, scores, labels)):
            probabilities = dict(zip(_PROBABILITY_COLUMNS, [None] * 3 if proba is None else map(float, proba[k])))
            mentions.append({
                **base,
                "sentence_id": int(np.searchsorted(sentence_starts, mention.token_start, side="right") - 1),
                "actor": mention.actor, "surface": mention.surface, "start": mention.start, "end": mention.end,
                "via": mention.via, "member": mention.member, "stance": float(score), "stance_label": str(label),
                **probabilities,
            })
    extracted = tools.quotes.extract(doc, date=article.date, mentions=found) if tools.quotes else []
    quoted = {(q.start, q.end) for q in extracted if q.kind == "direct"}
    quotes = [{**base, "sentence_id": q.sentence_id, "start": q.start, "end": q.end, "text": q.text,
               "n_words": len(q.text.split()), "kind": q.kind, "speaker": q.speaker,
               "speaker_mention": q.speaker_mention, "speaker_actor": q.speaker_actor, "verb": q.verb,
               "verb_class": q.verb_class}
              for q in extracted]
    terms, marks = [], []
    if tools.wording is not None:
        terms = [{**base, "sentence_id": t.sentence_id, "set": t.set, "variant": t.variant, "surface": t.surface,
                  "start": t.start, "end": t.end, "actor": t.actor}
                 for t in tools.wording.terms(doc, found, extracted)]
        marks = [{**base, "sentence_id": m.sentence_id, "kind": m.kind, "surface": m.surface, "start": m.start,
                  "end": m.end, "actor": m.actor} for m in tools.wording.marks(doc, found)
                 # a fragment the quote extractor attributed to a speaker is a quote, not a scare quote
                 if not (m.kind == "scare_quote" and (m.start, m.end) in quoted)]
    roles = []
    if tools.roles is not None and found:
        from framing.roles import examples_from_doc

        examples = examples_from_doc(doc, [(m.start, m.end) for m in found])
        main = tools.roles.predict_proba(examples)
        fine = tools.roles.predict_fine_proba(examples)
        roles = [(m.actor, main[i], fine[i]) for i, m in enumerate(found)]
    sentences = [(field_name, i, sent.text.strip()) for i, sent in enumerate(doc.sents)
                 if field_name == "text" and sent.text.strip()]
    return {"mentions": mentions, "quotes": quotes, "terms": terms, "marks": marks, "roles": roles,
            "sentences": sentences}


def _aggregate_roles(article: Article, rows: list, model, *, in_domain: bool = True) -> list[dict]:
    """Mean mention-level role probabilities per actor of one article; the fine role is the most
    probable child of the most probable main role."""
    if not rows:
        return []
    from framing.roles import FINE_ROLES, MAIN_ROLES

    fine_names = list(model.fine_roles_)
    out = []
    for actor in sorted({actor for actor, _, _ in rows}):
        main = np.mean([m for a, m, _ in rows if a == actor], axis=0)
        fine = np.mean([f for a, _, f in rows if a == actor], axis=0)
        main_role = MAIN_ROLES[int(np.argmax(main))]
        children = [j for j, name in enumerate(fine_names) if name in FINE_ROLES[main_role]]
        best_fine = max(children, key=lambda j: fine[j])
        out.append({"article_id": article.id, "outlet": article.outlet, "actor": actor,
                    "n_mentions": sum(a == actor for a, _, _ in rows),
                    **{f"p_{role.lower()}": float(main[i]) for i, role in enumerate(MAIN_ROLES)},
                    "main_role": main_role, "fine_role": fine_names[best_fine],
                    "p_fine_role": float(fine[best_fine]), "in_domain": in_domain})
    return out


def _frame_rows(articles: list[Article], documents: list[str], sentences: list[list],
                model) -> tuple[list[dict], list[dict]]:
    from framing.frames import FRAMES

    proba = model.predict_proba(documents)
    thresholds = np.asarray(model.thresholds_, dtype=float)
    frames = [{"article_id": a.id, "outlet": a.outlet, "frame": frame, "score": float(proba[i, j]),
               "predicted": bool(proba[i, j] >= thresholds[j])}
              for i, a in enumerate(articles) for j, frame in enumerate(FRAMES)]
    flat = [(a, field_name, sentence_id, text) for a, rows in zip(articles, sentences)
            for field_name, sentence_id, text in rows]
    passages = []
    if flat:
        scores = model.attribute([text for *_, text in flat])
        best = scores.argmax(axis=1)
        for (a, field_name, sentence_id, _), j, row in zip(flat, best, scores):
            if row[j] >= thresholds[j]:
                passages.append({"article_id": a.id, "outlet": a.outlet, "field": field_name,
                                 "sentence_id": sentence_id, "frame": FRAMES[j], "score": float(row[j])})
    return frames, passages


def _narrative_rows(articles: list[Article], texts: list[str], model, in_domain: list[bool]) -> list[dict]:
    top = model.predict_proba(texts)
    sub = model.predict_sub_proba(texts)
    predicted = model.predict(texts)
    rows = []
    for i, a in enumerate(articles):
        chosen_top, chosen_sub = set(predicted[i][0]), set(predicted[i][1])
        rows += [{"article_id": a.id, "outlet": a.outlet, "level": "narrative", "label": label,
                  "score": float(top[i, j]), "predicted": label in chosen_top, "in_domain": in_domain[i]}
                 for j, label in enumerate(model.narratives_)]
        rows += [{"article_id": a.id, "outlet": a.outlet, "level": "subnarrative", "label": label,
                  "score": float(sub[i, j]), "predicted": label in chosen_sub, "in_domain": in_domain[i]}
                 for j, label in enumerate(model.subnarratives_)]
    return rows


def _aggregate(article: Article, mentions: list[dict]) -> list[dict]:
    by_actor: dict[str, list[dict]] = {}
    for row in mentions:
        by_actor.setdefault(row["actor"], []).append(row)
    rows = []
    for actor in sorted(by_actor):
        group = by_actor[actor]
        labels = Counter(row["stance_label"] for row in group)
        rows.append({
            "article_id": article.id, "outlet": article.outlet, "date": article.date, "actor": actor,
            "n_mentions": len(group), "n_title_mentions": sum(row["field"] == "title" for row in group),
            "stance": float(np.mean([row["stance"] for row in group])),
            "n_negative": labels["negative"], "n_neutral": labels["neutral"], "n_positive": labels["positive"],
        })
    return rows


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
    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}

    def write(self, rows: dict[str, list[dict]]) -> None:
        for name, values in rows.items():
            self.rows[name].extend(values)

    def close(self) -> Analysis:
        return Analysis(**{name: _frame(values, SCHEMAS[name]) for name, values in self.rows.items()})


def _read_tables(directory: Path) -> Analysis:
    return Analysis(**{name: _to_pandas(pq.read_table(directory / f"{name}.parquet")) for name in SCHEMAS})


def _counts(result: Analysis) -> dict:
    """The run summary's counts, from the final tables."""
    articles = result.articles
    skipped = articles.loc[articles["status"] != "analyzed", "skip_reason"]
    return {"articles": len(articles), "articles_analyzed": int((articles["status"] == "analyzed").sum()),
            "articles_skipped": len(skipped),
            "skip_reasons": dict(Counter(_reason_kind(reason) for reason in skipped)),
            "articles_with_warnings": int(articles["warning"].notna().sum()),
            "warnings": dict(Counter(_warning_kind(part) for warning in articles["warning"].dropna()
                                     for part in warning.split("; "))),
            **{name: len(getattr(result, name)) for name in SCHEMAS if name != "articles"}}


def _check_same_batch(index: int, batch_size: int, batch, ids: tuple, hashes: tuple, folder) -> None:
    """A resumed run skips a finished batch only if it holds the same articles, unchanged."""
    if batch.ids == ids and batch.hashes == hashes:
        return
    for position, (old, new) in enumerate(zip(batch.ids, ids)):
        if old != new:
            what = f"article {index * batch_size + position + 1} is {new!r} where the run had {old!r}"
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


def _resume_command(corpus, out, options: dict, actors, stance: str, measures: tuple, batch_size: int,
                    default_measures: bool) -> str:
    """The command line that resumes this run (for a corpus given by path)."""
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
    return " ".join(shlex.quote(part) for part in parts)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow -> pandas with dates as ``datetime64`` (not Python ``date`` objects)."""
    return table.to_pandas(date_as_object=False)


def _frame(rows: list[dict], schema: pa.Schema) -> pd.DataFrame:
    """Rows -> DataFrame with the same dtypes as a Parquet round trip."""
    return _to_pandas(pa.Table.from_pylist(rows, schema=schema))


def _package_version() -> str:
    from framing import __version__

    return __version__


def _module_version(name: str) -> str | None:
    module = sys.modules.get(name)
    return getattr(module, "__version__", None)
