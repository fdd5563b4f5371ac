"""Speed and memory of the stance scorers on a CPU.

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

import os
import platform
import re
import resource
import sys
import time
from pathlib import Path
from typing import Sequence

__all__ = ["benchmark_stance"]

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
    """
    import multiprocessing

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

    results = []
    context = multiprocessing.get_context("spawn")
    with context.Pool(1, maxtasksperchild=1) as pool:
        for kind in ("lexicon", "model-fp32", "model-int8", "roberta-base-random"):
            results.extend(pool.apply(_measure, (kind, items, threads, batch_size)))
    rates = {row["scorer"] + ("" if row["parse"] != "included" else "+parse"): row["sentences_per_second"]
             for row in results}
    roberta = rates["roberta-base-random"]
    return {
        "inputs": {"source": source, "n": n, "distinct": len(set(items)),
                   "mean_characters": round(sum(len(t) for t, _, _ in items) / n, 1)},
        "threads": threads,
        "batch_size": batch_size,
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "results": results,
        "speedup_vs_roberta": {name: round(rate / roberta, 1) for name, rate in rates.items()
                               if name != "roberta-base-random"},
    }


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    scale = 1 / 1024 ** 2 if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


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
        scorer = TransformerStanceScorer(quantize=kind.endswith("int8"), batch_size=batch_size)
        scorer.predict_proba_texts(warm)
        first, clock = _passes(lambda: scorer.predict_proba_texts(items))
        return [_row(kind, "not needed", clock, len(items), before, version=scorer.version(),
                     first_pass_sentences_per_second=round(len(items) / first.wall, 1))]
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


def benchmark_analyze(corpus="data/sample-corpus", *, stance: str = "model", repeat: int = 1,
                      measures=None) -> dict:
    """Articles per second and peak resident memory of :func:`framing.analyze` on
    ``corpus``, after loading the models once (a warm-up pass on one article is not
    timed). ``repeat`` runs the corpus several times and reports each pass."""
    import resource
    import time

    from framing._nlp import load_nlp
    from framing.analysis import analyze, default_measures
    from framing.corpus import load_corpus

    frame = load_corpus(corpus)
    nlp = load_nlp()
    chosen = list(default_measures() if measures is None else measures)
    analyze(frame.head(1), stance=stance, progress=False, nlp=nlp, measures=chosen)
    passes = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        result = analyze(frame, stance=stance, progress=False, nlp=nlp, measures=chosen)
        seconds = time.perf_counter() - started
        passes.append({"seconds": round(seconds, 3), "articles_per_second": round(len(frame) / seconds, 2)})
    words = int(result.articles["n_words"].sum())
    return {"corpus": str(corpus), "articles": len(frame), "words": words, "stance": stance,
            "measures": chosen, "passes": passes,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
