"""Speed and memory of the analysis and of the stance scorers on a CPU.

:func:`benchmark_analyze` times :func:`framing.analyze` on a corpus, or on corpora of
given sizes recombined from it (:func:`recombined_corpus`, for timing only), beside
two yardsticks on the same texts: the spaCy pipeline alone and a RoBERTa-base-sized
classifier over the sentences that mention an actor. It projects the hours for a
million articles. Method and fields: ``docs/benchmark.md``.

:func:`benchmark_stance` times the lexicon baseline (:class:`framing.stance.LexiconStanceScorer`),
the learned scorer (:class:`framing.stance_model.TransformerStanceScorer`, fp32 and
int8) and, as a yardstick, a RoBERTa-base-sized sequence classifier
(``RobertaForSequenceClassification(RobertaConfig(num_labels=3))``: 12 layers, 768
hidden, 125M parameters, random weights, nothing downloaded) on the same
``(sentence, start, end)`` inputs. Each scorer runs in a fresh process so that its
memory is measured alone. Numbers: ``docs/stance_model.md``.

Throughput counts inputs, one sentence with one target each. The RoBERTa classifier has
no tokenizer offline, so it reads the MiniLM WordPiece ids of the same marked
sentences (all < 30,522, inside RoBERTa's vocabulary): its cost depends on the
sequence lengths and the model's size, not on which ids they are, and WordPiece and
RoBERTa's BPE give sequences of about the same length for English news.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import re
import resource
import sys
import time
from pathlib import Path
from typing import Sequence

__all__ = ["benchmark_analyze", "benchmark_stance", "recombined_corpus"]

# News-like sentences written for this benchmark (no corpus text); [[...]] marks the target.
_SYNTHETIC = (
    "[[NATO]] leaders met in Vilnius on Tuesday to discuss long-term support for Kyiv.",
    "The minister praised [[Kenya]]'s courage but condemned Sudan's brutality.",
    "The minister praised Kenya's courage but condemned [[Sudan]]'s brutality.",
    "[[Russia]] warned the alliance against what it called reckless escalation near its borders.",
    "Critics accused [[the governor]] of mishandling the flood response and ignoring early warnings.",
    "[[The senator]] said the bill would lower drug prices for millions of families.",
    "Protesters gathered outside [[the embassy]] after the talks collapsed late on Sunday.",
    "Analysts said [[the central bank]] had acted decisively to contain inflation.",
    "[[The opposition leader]] was arrested hours before the vote, drawing condemnation abroad.",
    "Officials in [[Brussels]] welcomed the agreement as a breakthrough for energy security.",
    "[[The company]] denied wrongdoing and said it would cooperate fully with investigators.",
    "Residents blamed [[the city council]] for years of neglect of the housing estate.",
    "[[Ukraine]] thanked Washington for its steady support during a difficult winter.",
    "The report described [[the regime]] as corrupt, brutal and increasingly isolated.",
    "[[The president]] arrived in the capital on Monday for a two-day visit.",
    "Voters in the district rewarded [[the mayor]] for cutting crime and fixing roads.",
    "[[The union]] called the offer an insult and vowed to continue the strike.",
    "Human rights groups accused [[the army]] of killing civilians in the northern province.",
    "[[Beijing]] hailed the trade deal as a win for both countries.",
    "The court ruled that [[the ministry]] had acted unlawfully when it cancelled the permits.",
    "[[The prime minister]] faced a revolt from her own backbenchers over the tax plan.",
    "Experts credited [[the health agency]] with a swift and effective vaccination campaign.",
    "[[The rebels]] seized two towns and executed several prisoners, according to witnesses.",
    "The summit ended without a joint statement after [[Washington]] and Moscow failed to agree.",
    "[[The foreign minister]] insisted that the sanctions were illegal and would fail.",
    "Donors pledged new funding after [[the charity]] exposed abuses at the detention camp.",
    "[[The chancellor]] announced a modest increase in defence spending for next year.",
    "Lawmakers from both parties praised [[the negotiators]] for their patience and skill.",
    "[[The spokesman]] declined to comment on reports of a cabinet reshuffle.",
    "Markets fell sharply after [[the regulator]] warned of a looming credit crunch.",
    "Many farmers see [[the new trade pact]] as a betrayal of rural communities.",
    "[[The West]] has been accused of double standards in its response to the crisis.",
)
_TARGET = re.compile(r"\[\[(.+?)\]\]")


def _synthetic_items() -> list[tuple[str, int, int]]:
    items = []
    for marked in _SYNTHETIC:
        match = _TARGET.search(marked)
        text = marked[:match.start()] + match.group(1) + marked[match.end():]
        items.append((text, match.start(), match.start() + len(match.group(1))))
    return items


def benchmark_stance(
    sentences: Sequence[tuple[str, int, int]] | str | os.PathLike | None = None,
    *,
    n: int = 512,
    threads: int = 2,
    batch_size: int = 32,
    models: Sequence[str | os.PathLike] = (),
) -> dict:
    """Sentences per second and memory of the stance scorers on ``threads`` CPU threads.

    ``sentences``: ``(sentence, start, end)`` triples, a NewsMTSC JSONL path (one input
    per target, :func:`framing.evaluation.load_newsmtsc`) or ``None`` for the packaged
    synthetic news-like sentences. The inputs are repeated or cut to ``n``.

    Returns ``{"inputs", "threads", "machine", "results", "speedup_vs_roberta"}``.
    ``results`` has one row per scorer -- ``lexicon`` with the spaCy parse excluded
    (sentences parsed beforehand) and included, ``model-fp32`` and ``model-int8``
    (:class:`~framing.stance_model.TransformerStanceScorer`, batches sorted by length;
    the parse is not needed and not timed), ``roberta-base-random`` -- with
    ``sentences_per_second`` and ``seconds`` (wall clock), ``cpu_seconds`` (process CPU
    time, all threads), ``load_average`` (1-minute, at the start: other processes on a
    shared machine slow the wall clock), ``peak_rss_mb`` (the process's peak resident
    memory) and ``rss_delta_mb`` (peak growth from loading and running the scorer,
    after the libraries are imported and, for the lexicon, spaCy is loaded). Each
    scorer runs once on a warm-up slice before it is timed. The transformers are timed
    over three more passes after a first one, and the median pass is reported (steady
    state, as in a long corpus run: PyTorch's CPU kernels pay a first-call cost per new
    batch shape, and a shared machine adds noise); the first pass is reported as
    ``first_pass_sentences_per_second``.

    ``models``: folders written by ``framing train targeted-sentiment``, each timed in
    fp32 like the packaged model, in a row named ``model:FOLDER`` with its ``num_layers``
    (for example, to weigh a deeper encoder's accuracy against its speed).
    """

    from framing.stance_model import CONFIG_NAME

    if int(n) != n or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if int(threads) != threads or threads < 1:
        raise ValueError(f"threads must be a positive integer, got {threads!r}")
    if sentences is None:
        items, source = _synthetic_items(), "synthetic"
    elif isinstance(sentences, (str, os.PathLike)):
        from framing.evaluation import load_newsmtsc

        frame = load_newsmtsc(sentences)
        items, source = list(zip(frame["sentence"], frame["start"].astype(int), frame["end"].astype(int))), str(sentences)
    else:
        items, source = [(str(t), int(s), int(e)) for t, s, e in sentences], "given"
    if not items:
        raise ValueError("no sentences to benchmark")
    items = [items[k % len(items)] for k in range(n)]
    folders = [Path(m) for m in models]
    for folder in folders:
        if not (folder / CONFIG_NAME).is_file():
            raise ValueError(f"{folder}: not a model folder of `framing train targeted-sentiment` "
                             f"(no {CONFIG_NAME})")

    from framing._runtime import inference_runtime

    results = []
    context = multiprocessing.get_context("spawn")
    with context.Pool(1, maxtasksperchild=1) as pool:
        for kind in ("lexicon", "model-fp32", "model-int8", *(f"model:{f}" for f in folders),
                     "roberta-base-random"):
            results.extend(pool.apply(_measure, (kind, items, threads, batch_size)))
    rates = {row["scorer"] + ("" if row["parse"] != "included" else "+parse"): row["sentences_per_second"]
             for row in results}
    roberta = rates["roberta-base-random"]
    return {
        "inputs": {"source": source, "n": n, "distinct": len(set(items)),
                   "mean_characters": round(sum(len(t) for t, _, _ in items) / n, 1)},
        "threads": threads,
        "batch_size": batch_size,
        "inference_runtime": inference_runtime(),
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "results": results,
        "speedup_vs_roberta": {name: round(rate / roberta, 1) for name, rate in rates.items()
                               if name != "roberta-base-random"},
    }


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    scale = 1 / 1024 ** 2 if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(who).ru_maxrss * scale


class _Clock:
    """Wall and process CPU time of a block, with the load average when it starts."""

    def __enter__(self):
        self.load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def _passes(run, timed: int = 3) -> tuple[_Clock, _Clock]:
    """Clocks of a first pass and of the median of ``timed`` further passes."""
    with _Clock() as first:
        run()
    clocks = []
    for _ in range(timed):
        with _Clock() as clock:
            run()
        clocks.append(clock)
    return first, sorted(clocks, key=lambda c: c.wall)[len(clocks) // 2]


def _row(scorer, parse, clock, n, before, **extra) -> dict:
    peak = _peak_mb()
    return {"scorer": scorer, "parse": parse, "sentences_per_second": round(n / clock.wall, 1),
            "seconds": round(clock.wall, 3), "cpu_seconds": round(clock.cpu, 3),
            "load_average": None if clock.load is None else round(clock.load, 2),
            "peak_rss_mb": round(peak, 1), "rss_delta_mb": round(peak - before, 1), **extra}


def _measure(kind: str, items: list[tuple[str, int, int]], threads: int, batch_size: int) -> list[dict]:
    """Runs in a fresh process: load one scorer, warm it up, time it on ``items``."""
    warm = items[:8]
    if kind == "lexicon":  # single-threaded; torch is not imported, so not counted
        return _measure_lexicon(items, warm)
    import torch

    torch.set_num_threads(threads)
    if kind.startswith("model"):
        from framing.stance_model import TransformerStanceScorer

        before = _peak_mb()
        folder = kind.partition(":")[2] or None
        scorer = TransformerStanceScorer(folder, quantize=kind.endswith("int8"), batch_size=batch_size)
        scorer.predict_proba_texts(warm)
        first, clock = _passes(lambda: scorer.predict_proba_texts(items))
        extra = {}
        if folder is not None:
            import json

            from framing.stance_model import CONFIG_NAME

            extra["num_layers"] = json.loads((Path(folder) / CONFIG_NAME).read_text(encoding="utf-8"))["num_layers"]
        name = kind if folder is None else f"model:{Path(folder).name}"
        return [_row(name, "not needed", clock, len(items), before, version=scorer.version(), runtime=scorer.engine,
                     first_pass_sentences_per_second=round(len(items) / first.wall, 1), **extra)]
    return [_measure_roberta(items, warm, batch_size)]


def _measure_lexicon(items, warm) -> list[dict]:
    from framing._nlp import load_nlp
    from framing.stance import LexiconStanceScorer

    nlp = load_nlp()
    scorer = LexiconStanceScorer()
    before = _peak_mb()

    def run(batch, docs=None):
        docs = list(nlp.pipe(t for t, _, _ in batch)) if docs is None else docs
        for doc, (_, start, end) in zip(docs, batch):
            span = doc.char_span(start, end, alignment_mode="expand")
            scorer.score(doc, [span] if span is not None and len(span) else [])
        return docs

    run(warm)
    docs = list(nlp.pipe(t for t, _, _ in items))
    with _Clock() as clock:
        run(items, docs)
    rows = [_row("lexicon", "excluded", clock, len(items), before, version=scorer.version())]
    del docs
    with _Clock() as clock:
        run(items)
    rows.append(_row("lexicon", "included", clock, len(items), before, version=scorer.version()))
    return rows


def _measure_roberta(items, warm, batch_size) -> dict:
    import json

    import numpy as np
    import torch
    from transformers import RobertaConfig, RobertaForSequenceClassification

    from framing.stance_model import CONFIG_NAME, MODEL_DIR, _collate, _encode, _load_base

    config = json.loads((Path(MODEL_DIR) / CONFIG_NAME).read_text(encoding="utf-8"))
    _, tokenizer = _load_base(config["base"])
    before = _peak_mb()
    torch.manual_seed(0)
    model = RobertaForSequenceClassification(RobertaConfig(num_labels=3)).eval()
    pad = model.config.pad_token_id

    def run(batch):
        encoded = _encode(tokenizer, batch, config)
        order = np.argsort([len(ids) for ids, _ in encoded], kind="stable")
        with torch.inference_mode():
            for lo in range(0, len(order), batch_size):
                input_ids, attention, _, _ = _collate([encoded[i] for i in order[lo:lo + batch_size]], pad)
                torch.softmax(model(input_ids=input_ids, attention_mask=attention).logits, -1)

    run(warm)
    first, clock = _passes(lambda: run(items))
    return _row("roberta-base-random", "not needed", clock, len(items), before,
                parameters=sum(p.numel() for p in model.parameters()),
                first_pass_sentences_per_second=round(len(items) / first.wall, 1))


# --------------------------------------------------------------------------- analysis

SAMPLE_CORPUS = "data/sample-corpus"
"""The sample corpus of the source tree, the default input of ``framing benchmark analyze``."""
PROJECTED_ARTICLES = 1_000_000
PROJECTED_MACHINES = (1, 8, 64)
_ROBERTA_BATCH = 32


def parse_sizes(text: str) -> list[int]:
    """``--articles`` as a list of corpus sizes: ``"1000,10000"`` -> ``[1000, 10000]``."""
    parts = [part.strip() for part in str(text).split(",") if part.strip()]
    if not parts or not all(part.isdigit() and int(part) > 0 for part in parts):
        raise ValueError(f"--articles expects a comma list of positive integers, got {text!r}")
    return [int(part) for part in parts]


def recombined_corpus(n: int, *, seed: int = 0, source: str | os.PathLike = SAMPLE_CORPUS):
    """A corpus of ``n`` articles recombined from the paragraphs of ``source``, for timing only.

    The articles are not news and must not be analysed for their content: they exist so
    that :func:`benchmark_analyze` can time the analysis on corpora larger than the
    sample while keeping its language, paragraph lengths and actor mentions. Article
    ``k`` takes a template article of ``source`` drawn at random: its outlet, date,
    title and number of paragraphs. Its paragraph ``i`` is paragraph ``i`` of an article
    of the same outlet drawn at random among those that have one (leads stay leads).
    The same ``n``, ``seed`` and ``source`` give the same corpus.

    Returns the columns of :func:`framing.corpus.load_corpus` (``url`` is missing),
    with ids ``synthetic-000001``, ``synthetic-000002``, ...
    """
    import numpy as np
    import pandas as pd

    from framing.corpus import load_corpus

    if int(n) != n or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    frame = load_corpus(source)
    frame = frame[frame["skip_reason"].isna()].sort_values(["outlet", "id"]).reset_index(drop=True)
    paragraphs = [_paragraphs(text) for text in frame["text"]]
    usable = [k for k, found in enumerate(paragraphs) if found]
    if not usable:
        raise ValueError(f"the corpus to recombine holds no article with text: {source}")
    outlets = [str(outlet) for outlet in frame["outlet"]]
    donors: dict[str, list[list[int]]] = {}  # outlet -> position -> articles with a paragraph there
    for k in usable:
        positions = donors.setdefault(outlets[k], [])
        for i in range(len(paragraphs[k])):
            if i == len(positions):
                positions.append([])
            positions[i].append(k)
    rng = np.random.default_rng(seed)
    rows = []
    for number, template in enumerate(rng.choice(usable, size=int(n)), start=1):
        positions = donors[outlets[template]]
        picks = [positions[i][rng.integers(len(positions[i]))] for i in range(len(paragraphs[template]))]
        rows.append({"id": f"synthetic-{number:06d}", "outlet": outlets[template],
                     "date": frame["date"].iloc[template], "title": frame["title"].iloc[template],
                     "text": "\n\n".join(paragraphs[k][i] for i, k in enumerate(picks)),
                     "url": None, "skip_reason": None, "warning": None})
    out = pd.DataFrame(rows, columns=list(frame.columns))
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ms]")
    return out.astype({column: "string" for column in out.columns if column != "date"})


def _paragraphs(text) -> list[str]:
    return [part.strip() for part in str(text).split("\n\n") if part.strip()]


def benchmark_analyze(corpus: str | os.PathLike = SAMPLE_CORPUS, *, stance: str = "model", repeat: int = 1,
                      measures=None, articles: Sequence[int] | None = None, seed: int = 0,
                      threads: int | None = None, baselines: bool = True, roberta_sentences: int = 256,
                      batch_size: int = 32, write: str | os.PathLike | None = None,
                      progress: bool = False) -> dict:
    """Throughput and peak memory of :func:`framing.analyze`, per corpus size, beside two yardsticks.

    ``articles``: corpus sizes; each is a corpus recombined from ``corpus`` by
    :func:`recombined_corpus` (with ``seed``: for timing only, not news). ``None``
    times ``corpus`` as it is. Every measurement runs in a fresh process, so that its
    peak resident memory is its own:

    * ``analysis``: the models are loaded and warmed up on one article (not timed),
      then the corpus is analysed ``repeat`` times into a temporary output folder, as
      ``framing analyze --out`` does; the median pass is reported. When the run
      records the seconds of each stage (``run["timing"]["stages"]``) they are
      reported with their shares; otherwise ``null``.
    * ``spacy``: the spaCy pipeline the package uses (:func:`framing._nlp.load_nlp`)
      alone on the same texts (title and text of each article, as separate documents,
      as the analysis parses them); ``spacy_plain``: ``spacy.load`` of the same
      package, as installed, on the same texts.
    * ``roberta``: a RoBERTa-base-sized classifier with random weights (as in
      :func:`benchmark_stance`) on the sentences where the analysis found an actor
      mention, one input per sentence (marked at its first mention). At most
      ``roberta_sentences`` of them, evenly spaced, are timed; the rate is
      extrapolated to all of them as ``implied_articles_per_second``.

    ``threads`` sets the CPU threads of PyTorch in every process (default: its own
    default). ``baselines=False`` skips spaCy and RoBERTa. ``write`` names a JSON
    file that receives the report after every size (``"complete": false`` until the
    last). The ``projection`` block extrapolates the analysis rate of the largest size
    to :data:`PROJECTED_ARTICLES` articles on 1, 8 and 64 machines like this one,
    assuming linear scaling by partitioning the articles (see ``docs/benchmark.md``).
    """

    for name, value in (("repeat", repeat), ("roberta_sentences", roberta_sentences), ("batch_size", batch_size)):
        if int(value) != value or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if threads is not None and (int(threads) != threads or threads < 1):
        raise ValueError(f"threads must be a positive integer, got {threads!r}")
    sizes = [None] if articles is None else [int(n) for n in articles]
    if any(n < 1 for n in sizes if n is not None) or not sizes:
        raise ValueError(f"articles must be positive integers, got {articles!r}")
    if not Path(corpus).exists():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    from framing._runtime import inference_runtime
    from framing.analysis import PARSE_AHEAD, default_measures

    chosen = list(default_measures() if measures is None else measures)
    report = {
        "corpus": str(corpus),
        "recombined": None if articles is None else {"seed": seed, "note": "corpora recombined from the paragraphs "
                                                                           "of the corpus, for timing only"},
        "stance": stance, "measures": chosen, "repeat": repeat, "batch_size": batch_size, "threads": threads,
        "inference_runtime": inference_runtime(), "parse_ahead": PARSE_AHEAD,
        "parse_processes": None,  # as the timed analysis ran: read from its run.json below
        "machine": _machine(), "sizes": [], "projection": None, "complete": False,
    }
    pool = _FreshProcesses()
    for number, size in enumerate(sizes, start=1):
        spec = (str(corpus), size, seed)
        label = f"{size} articles" if size is not None else str(corpus)
        _say(progress, f"{label}: analysis")
        row = pool.apply(_measure_analysis, (spec, stance, chosen, repeat, batch_size, threads))
        sentences = row.pop("mention_sentences")
        report["parse_processes"] = row.pop("parse_processes")
        if baselines:
            _say(progress, f"{label}: spaCy alone")
            row["spacy"], items = pool.apply(_measure_spacy, (spec, "framing", sentences, threads))
            _say(progress, f"{label}: plain spaCy")
            row["spacy_plain"], _ = pool.apply(_measure_spacy, (spec, "plain", None, threads))
            _say(progress, f"{label}: RoBERTa-base classifier")
            row["roberta"] = _roberta_row(pool, items, row, roberta_sentences, threads)
        else:
            row["spacy"] = row["spacy_plain"] = row["roberta"] = None
        row["ratios"] = _ratios(row)
        report["sizes"].append(row)
        report["projection"] = _projection(report["sizes"])
        report["complete"] = number == len(sizes)
        if write is not None:
            _write_report(report, write)
    return report


class _FreshProcesses:
    """``apply(function, args)`` runs each call in a new spawned process, as ``Pool(1,
    maxtasksperchild=1)`` would, but not a daemonic one: the analysis it times may start its own
    parse workers (:mod:`framing._parse`), which a daemonic process may not."""

    @staticmethod
    def apply(function, args: tuple):
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as executor:
            return executor.submit(function, *args).result()


def _say(progress: bool, message: str) -> None:
    if progress:
        print(f"benchmark: {message}", file=sys.stderr, flush=True)


def _write_report(report: dict, path: str | os.PathLike) -> None:
    import json

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _machine() -> dict:
    return {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(), "python": sys.version.split()[0]}


def _benchmark_corpus(spec):
    """The corpus of one measurement: ``(path, None, _)`` as read, ``(path, n, seed)`` recombined."""
    from framing.corpus import load_corpus

    path, size, seed = spec
    return load_corpus(path) if size is None else recombined_corpus(size, seed=seed, source=path)


def _set_threads(threads: int | None) -> None:
    """PyTorch's CPU threads in this process, before or after it is imported."""
    if threads is None:
        return
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def _torch_threads() -> int | None:
    torch = sys.modules.get("torch")
    return None if torch is None else torch.get_num_threads()


def _rates(n_articles: int, n_words: int, clock: _Clock) -> dict:
    return {"seconds": round(clock.wall, 3), "cpu_seconds": round(clock.cpu, 3),
            "load_average": None if clock.load is None else round(clock.load, 2),
            "articles_per_second": round(n_articles / clock.wall, 3) if clock.wall else None,
            "words_per_second": round(n_words / clock.wall, 1) if clock.wall else None}


def _measure_analysis(spec, stance: str, measures: list[str], repeat: int, batch_size: int,
                      threads: int | None) -> dict:
    """Runs in a fresh process: load the models, warm up on one article, time the analysis."""
    import tempfile

    _set_threads(threads)
    from framing._nlp import load_nlp
    from framing.analysis import analyze

    frame = _benchmark_corpus(spec)
    nlp = load_nlp()
    options = {"stance": stance, "progress": False, "nlp": nlp, "measures": measures, "batch_size": batch_size}
    analyze(frame.head(1), **options)
    _set_threads(threads)
    passes = []
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory(prefix="framing-benchmark-") as folder:
        for _ in range(repeat):
            with _Clock() as clock:
                result = analyze(frame, out=Path(folder) / "run", overwrite=True, **options)
            passes.append((clock, result.run.get("timing", {}).get("stages")))
        peak = _peak_mb()  # the analysis's, before its tables are read back here
        workers = _peak_mb(resource.RUSAGE_CHILDREN)  # the largest parse worker's (pages shared by the fork included)
        ended = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_cpu = ended.ru_utime + ended.ru_stime - children.ru_utime - children.ru_stime
        articles = result.articles
        mentions = result.mentions
    words = int(articles["n_words"].sum())
    clock, stages = sorted(passes, key=lambda p: p[0].wall)[len(passes) // 2]
    row = {"articles": len(frame), "articles_analyzed": int((articles["status"] == "analyzed").sum()),
           "words": words, **_rates(len(frame), words, clock),
           "peak_rss_mb": round(peak, 1), "parse_workers_peak_rss_mb": round(workers, 1) or None,
           "parse_workers_cpu_seconds": round(worker_cpu / repeat, 3),
           "threads": _torch_threads(),
           **_stage_fields(stages),
           "passes": [{"seconds": round(c.wall, 3), "articles_per_second": round(len(frame) / c.wall, 3)}
                      for c, _ in passes],
           "mentions": len(mentions)}
    row["mention_sentences"] = _mention_sentences(mentions)
    parsing = result.run.get("environment", {}).get("parsing", {})
    row["parse_processes"] = parsing.get("processes", 0) if parsing.get("parse") in ("processes", "thread") else None
    return row


def _stage_fields(stages) -> dict:
    """Seconds of each stage the run recorded and each one's share of their sum (``None`` when absent)."""
    if not isinstance(stages, dict) or not stages:
        return {"stage_seconds": None, "stage_share": None}
    seconds = {str(name): float(value) for name, value in stages.items()}
    total = sum(seconds.values())
    return {"stage_seconds": {name: round(value, 3) for name, value in seconds.items()},
            "stage_share": {name: round(value / total, 3) if total else None for name, value in seconds.items()}}


def _mention_sentences(mentions) -> dict:
    """``{(article_id, field): {sentence_id: (start, end, n_mentions)}}``: the sentences
    with at least one mention, each with the character span of its first mention."""
    out: dict = {}
    columns = ("article_id", "field", "sentence_id", "start", "end")
    for article_id, field_name, sentence_id, start, end in mentions[list(columns)].itertuples(index=False):
        found = out.setdefault((str(article_id), str(field_name)), {})
        first_start, first_end, count = found.get(int(sentence_id), (int(start), int(end), 0))
        if start < first_start:
            first_start, first_end = int(start), int(end)
        found[int(sentence_id)] = (first_start, first_end, count + 1)
    return out


def _spacy_pipeline(kind: str):
    """The package's pipeline (``framing``) or ``spacy.load`` of the same package (``plain``)."""
    from framing._nlp import PIPELINES, load_nlp

    if kind == "framing":
        return load_nlp(), "framing._nlp.load_nlp()"
    import spacy

    for name in PIPELINES:
        if spacy.util.is_package(name):
            return spacy.load(name), f"spacy.load({name!r})"
    return spacy.load(PIPELINES[0]), f"spacy.load({PIPELINES[0]!r})"


def _measure_spacy(spec, kind: str, sentences: dict | None, threads: int | None):
    """Runs in a fresh process: time a spaCy pipeline alone on the texts the analysis parses.

    With ``sentences`` (from :func:`_mention_sentences`), also returns the
    ``(sentence, start, end)`` inputs of the RoBERTa classifier, cut from the parsed
    documents as they stream by (the documents themselves are not kept)."""
    _set_threads(threads)
    frame = _benchmark_corpus(spec)
    frame = frame[frame["skip_reason"].isna()]
    nlp, loaded = _spacy_pipeline(kind)
    texts = [(str(value), (str(article_id), name)) for article_id, title, text
             in frame[["id", "title", "text"]].itertuples(index=False)
             for name, value in (("title", title), ("text", text))]
    words = int(sum(len(str(text).split()) for text in frame["text"]))
    list(nlp.pipe(texts[:2], as_tuples=True))
    items: list[tuple[str, int, int]] = []
    with _Clock() as clock:
        for doc, key in nlp.pipe(texts, as_tuples=True, batch_size=64):
            wanted = (sentences or {}).get(key)
            if wanted:
                items.extend(_sentence_items(doc, wanted))
    row = {"pipeline": loaded, "components": list(nlp.pipe_names), "articles": len(frame), "words": words,
           **_rates(len(frame), words, clock), "peak_rss_mb": round(_peak_mb(), 1)}
    return row, items


def _sentence_items(doc, wanted: dict) -> list[tuple[str, int, int, int]]:
    """``(sentence, start, end, n_mentions)`` of the wanted sentences of ``doc``, the span
    of the first mention made relative to its sentence."""
    out = []
    for i, sent in enumerate(doc.sents):
        if i in wanted:
            start, end, count = wanted[i]
            lo = sent.start_char
            text = sent.text
            begin = min(max(start - lo, 0), max(len(text) - 1, 0))
            out.append((text, begin, max(begin + 1, min(end - lo, len(text))), count))
    return out


def _roberta_row(pool, items: list, row: dict, limit: int, threads: int | None) -> dict | None:
    """Times the RoBERTa-base-sized classifier on at most ``limit`` evenly spaced mention
    sentences and extrapolates its rate to all of them."""
    if not items:
        return None
    step = max(1, len(items) / limit)
    sample = [items[int(k * step)][:3] for k in range(min(limit, len(items)))]
    measured = pool.apply(_measure_classifier, (sample, threads))
    rate = measured["sentences_per_second"]
    n_mentions = sum(item[3] for item in items)
    return {"model": measured.pop("scorer"), "sentences": len(items), "mentions": n_mentions,
            "timed_sentences": len(sample), **{k: v for k, v in measured.items() if k != "parse"},
            "implied_articles_per_second": round(rate * row["articles"] / len(items), 3),
            "implied_articles_per_second_one_input_per_mention": round(rate * row["articles"] / n_mentions, 3)}


def _measure_classifier(items: list[tuple[str, int, int]], threads: int | None) -> dict:
    """Runs in a fresh process: the RoBERTa-base-sized classifier of :func:`benchmark_stance`."""
    _set_threads(threads)
    import torch

    if threads is not None:
        torch.set_num_threads(threads)
    row = _measure_roberta(items, items[:8], _ROBERTA_BATCH)
    row["threads"] = torch.get_num_threads()
    return row


def _ratios(row: dict) -> dict:
    """Analysis articles/s over each yardstick's articles/s (``None`` where one is missing)."""
    def ratio(other, key="articles_per_second"):
        rate = (other or {}).get(key)
        return round(row["articles_per_second"] / rate, 3) if rate and row["articles_per_second"] else None

    return {"analysis_vs_spacy": ratio(row["spacy"]), "analysis_vs_spacy_plain": ratio(row["spacy_plain"]),
            "analysis_vs_roberta": ratio(row["roberta"], "implied_articles_per_second")}


def _projection(sizes: list[dict]) -> dict | None:
    """Hours for :data:`PROJECTED_ARTICLES` articles at the rate of the largest size measured."""
    basis = max(sizes, key=lambda row: row["articles"])
    rate = basis["articles_per_second"]
    if not rate:
        return None
    hours = PROJECTED_ARTICLES / rate / 3600
    return {"articles": PROJECTED_ARTICLES, "basis_articles": basis["articles"],
            "articles_per_second": rate,
            "hours": {str(machines): round(hours / machines, 2) for machines in PROJECTED_MACHINES},
            "assumption": "linear scaling: the articles are split into equal parts, one per machine like this "
                          "one, each analysed at the measured rate; start-up, merging the outputs and "
                          "differences between machines are not counted"}
