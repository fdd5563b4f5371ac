"""Helpers shared by the evaluations against hand-annotated gold files (quotes, mentions)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path


def read_gold(path: str | os.PathLike[str], required: Sequence[str], what: str) -> list[dict]:
    """The records of a JSONL gold file; a clear error for a missing file, a line that is not
    JSON or a record without one of the ``required`` keys (``what`` names the file's kind)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{what} gold file not found: {path}")
    rows = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}, line {lineno}: not JSON: {exc}") from exc
            for key in required:
                if key not in row:
                    raise ValueError(f"{path}, line {lineno}: missing {key!r}")
            rows.append(row)
    return rows


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 with their counts (0.0 where undefined)."""
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def gold_articles(rows: list[dict], corpus, gold) -> tuple:
    """The corpus frame (indexed by id), the sorted ids of the articles with gold ``rows`` and their
    texts. A clear error for an article missing from the corpus or a record whose ``text`` is not
    what the corpus has at its offsets (a record with ``start`` null marks an annotated article)."""
    from framing.corpus import load_corpus

    frame = load_corpus(corpus).set_index("id")
    ids = sorted({r["article_id"] for r in rows})
    missing = [i for i in ids if i not in frame.index]
    if missing:
        raise ValueError(f"{len(missing)} gold articles are not in the corpus, e.g. {missing[0]!r}")
    texts = [str(frame.loc[i, "text"]) for i in ids]
    text_of = dict(zip(ids, texts))
    for row in rows:
        if row.get("start") is None or row.get("text") is None:
            continue
        found = text_of[row["article_id"]][row["start"]:row["end"]]
        if found != row["text"]:
            raise ValueError(f"{gold}: {row['article_id']} [{row['start']}:{row['end']}] is {found!r} "
                             f"in the corpus, not {row['text']!r}")
    return frame, ids, texts


def pair_up(found: Sequence, golds: Sequence[dict], same) -> list[tuple[dict | None, object]]:
    """``(gold record, found item)`` pairs: each gold record with the found item matched to it
    (or None), then each unmatched found item with None. Items match when their spans overlap
    and ``same(found_item, gold_record)`` holds, one-to-one, largest overlap first (ties: earlier
    items)."""
    ranked = sorted(((min(f.end, g["end"]) - max(f.start, g["start"]), i, j)
                     for i, f in enumerate(found) for j, g in enumerate(golds) if same(f, g)),
                    key=lambda x: (-x[0], x[1], x[2]))
    found_of: dict[int, int] = {}  # gold index -> found index
    for shared, i, j in ranked:
        if shared > 0 and j not in found_of and i not in found_of.values():
            found_of[j] = i
    matched = set(found_of.values())
    return ([(g, found[found_of[j]] if j in found_of else None) for j, g in enumerate(golds)]
            + [(None, f) for i, f in enumerate(found) if i not in matched])


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """The span in brackets with ``width`` characters either side, whitespace collapsed."""
    return " ".join(f"{text[max(0, start - width):start]}[{text[start:end]}]{text[end:end + width]}".split())
