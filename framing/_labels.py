"""Label sets shared by the stance scorers, their training and their evaluation, and the 0/1 label
matrices of the multi-label measures (a leaf module)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

STANCE_LABELS = ("negative", "neutral", "positive")
"""The three stance classes, in the order of every probability array."""


def multi_hot(labels: Iterable[Sequence[str]], names: Sequence[str], what: str) -> np.ndarray:
    """0/1 matrix ``(n, len(names))`` in ``names`` order from one list of names per item.
    ``what`` names a label in the messages ("frame", "technique"): a string given where a list
    is due raises ``TypeError``, an unknown name ``ValueError``."""
    index = {name: j for j, name in enumerate(names)}
    labels = list(labels)
    out = np.zeros((len(labels), len(names)), dtype=np.int8)
    for i, row in enumerate(labels):
        if isinstance(row, str):
            raise TypeError(f"labels[{i}] is a string ({row!r}); give a list of {what} ids, e.g. [{row!r}]")
        unknown = [name for name in row if name not in index]
        if unknown:
            raise ValueError(f"labels[{i}] has unknown {what}(s) {unknown}; {what}s are {list(names)}")
        out[i, [index[name] for name in row]] = 1
    return out


def label_lists(matrix, names: Sequence[str]) -> list[list[str]]:
    """The inverse of :func:`multi_hot`: per row of a 0/1 (or boolean) matrix, the names of its
    set columns, in ``names`` order."""
    return [[names[j] for j in np.flatnonzero(row)] for row in matrix]
