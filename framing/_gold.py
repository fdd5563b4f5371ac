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
