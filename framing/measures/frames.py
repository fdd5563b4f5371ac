"""Frames, the 14 dimensions of the Media Frames Corpus (:mod:`framing.frames`): one row per
article x frame with its score and decision, and the sentences that carry a frame. Outlet table
``frames`` (prevalence and mean score per frame); figure: frame profile, with its validation's
caveat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.comparison import _prevalence
from framing.measures import Batch, Field, Measure, Setup, learned_model_available
from framing.plots import _prevalence_heatmap

FRAME_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("frame", pa.string()), ("score", pa.float64()),
    ("predicted", pa.bool_()),
])
PASSAGE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("field", pa.string()), ("sentence_id", pa.int64()),
    ("frame", pa.string()), ("score", pa.float64()),
])


class FrameMeasure(Measure):
    name = "frames"
    description = "the 14 Media Frames Corpus frames per article, and the sentences that carry them"
    tables = {"frames": FRAME_SCHEMA, "frame_passages": PASSAGE_SCHEMA}
    comparisons = ("frames",)
    position = 30
    validation = "frames"
    evaluate_help = ("SemEval-2023 Task 3 folder with articles/ and labels.txt, "
                     "e.g. ../shared/data/semeval2023-frames-en")

    def reads_lemmas(self, tool) -> bool:
        return False  # the article's text, through the encoder

    def available(self) -> bool:
        return learned_model_available("frames")

    def load(self, setup: Setup):
        from framing.frames import load_frame_model

        return load_frame_model()

    def field_rows(self, model, field: Field) -> dict[str, list]:
        if field.name != "text":
            return {}
        rows = []
        for i, sent in enumerate(field.doc.sents):
            text = sent.text.strip()
            if text:
                start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
                rows.append((field.name, i, text, start, start + len(text)))
        return {"_sentences": rows}

    def batch_rows(self, model, batch: Batch) -> dict[str, list]:
        from framing.frames import FRAMES

        if not batch.articles:
            return {}
        # one encoder pass: the article chunks, and each body sentence read inside its chunk
        spans = []
        for a, document, rows in zip(batch.articles, batch.documents, batch.rows):
            at = len(document) - len(a.text)  # the text ends the document (title, blank line, text)
            spans.append([(at + start, at + end) for *_, start, end in rows.get("_sentences", [])])
        proba, sentence_scores = model.predict_and_attribute(batch.documents, spans)
        thresholds = np.asarray(model.thresholds_, dtype=float)
        frames = [{"article_id": a.id, "outlet": a.outlet, "frame": frame, "score": float(proba[i, j]),
                   "predicted": bool(proba[i, j] >= thresholds[j])}
                  for i, a in enumerate(batch.articles) for j, frame in enumerate(FRAMES)]
        flat = [(a, field_name, sentence_id) for a, rows in zip(batch.articles, batch.rows)
                for field_name, sentence_id, *_ in rows.get("_sentences", [])]
        passages = []
        if flat:
            scores = np.vstack(sentence_scores)
            best = scores.argmax(axis=1)
            for (a, field_name, sentence_id), j, row in zip(flat, best, scores):
                if row[j] >= thresholds[j]:
                    passages.append({"article_id": a.id, "outlet": a.outlet, "field": field_name,
                                     "sentence_id": sentence_id, "frame": FRAMES[j], "score": float(row[j])})
        return {"frames": frames, "frame_passages": passages}

    def compare(self, analysis, **options) -> dict:
        return {"frames": compare_frames(analysis, **options)}

    def figures(self, tables, *, actor_labels=None, caveat=None) -> dict:
        table = tables.get("frames")
        return {"frames": plot_frame_profile(table, caveat=caveat)} if table is not None and len(table) else {}

    def evaluate(self, data, *, folds=5, seed=0) -> dict:
        from framing.frames import evaluate_frames

        return evaluate_frames(data, folds=folds, seed=seed)

    def train(self, data, *, out, seed=0) -> dict:
        from framing.frames import train_frames

        return train_frames(data, out=out, seed=seed)


# --------------------------------------------------------------------------- outlet comparison


def compare_frames(analysis, *, by: str | Iterable[str] = "outlet", n_boot: int = 2000, level: float = 0.95,
                   seed: int = 0) -> pd.DataFrame:
    """Frame profile: per group x frame, the share of articles in which the frame is
    predicted (``prevalence``) and the mean frame score, each with an article-level
    bootstrap interval.

    Columns: the ``by`` columns, ``frame, n_articles, prevalence, prevalence_low,
    prevalence_high, score_mean, score_low, score_high``.
    """
    return _prevalence(analysis, analysis_table="frames", label="frame", by=by, n_boot=n_boot, level=level,
                       seed=seed)


# --------------------------------------------------------------------------- figures


def plot_frame_profile(frames: pd.DataFrame, *, outlets: Sequence[str] | None = None,
                       frames_shown: Sequence[str] | None = None, min_prevalence: float = 0.0,
                       title: str = "Frames by outlet (share of articles in which the frame is predicted)",
                       ax: Axes | None = None, caveat: str | None = None) -> Figure:
    """Outlet x frame heatmap of frame prevalence (:func:`framing.compare_frames`);
    with ``ax`` it goes into the given axes. ``caveat``: a line printed under the figure
    (:func:`save_figures` passes the measure's validation caveat)."""
    return _prevalence_heatmap(frames, "frame", outlets=outlets, labels=frames_shown, title=title,
                               min_prevalence=min_prevalence, ax=ax, caveat=caveat)


MEASURE = FrameMeasure()
