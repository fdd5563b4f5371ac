"""Which rows of a training set are one document, so that cross-validation never splits one.

The learned measures (:mod:`framing.frames`, :mod:`framing.roles`, :mod:`framing.narratives`)
are cross-validated with every fold made of whole documents. Two rows are the same document
when they share an id (compared without a ``.txt`` suffix) or when their texts are equal once
compared as :func:`document_key` does (Unicode compatibility forms, typographic quotes and
dashes, case and runs of whitespace ignored); the relation is transitive. The SemEval-2025
Task 10 English release, for instance, has one climate article under two ids whose texts
differ only in the quotation marks of the title (``EN_CC_200093`` and ``EN_CC_200107``).

Texts that differ in wording are different documents here, even when one is a revised version
of the other: finding those needs a similarity threshold, which this module does not choose.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

__all__ = ["document_groups", "document_key", "rows_of"]

_TYPOGRAPHY = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff"),  # invisible: removed
})


def document_key(text: str) -> str:
    """``text`` as compared for sameness: NFKC-normalised, curly quotes and dashes made
    ASCII, invisible characters (soft hyphen, zero-width space, byte-order mark) removed,
    case-folded, runs of whitespace (line ends included) one space, no space at either end."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold().split())


def _id(value) -> str:
    return str(value).strip().removesuffix(".txt")


def document_groups(texts: Sequence[str], ids: Sequence | None = None) -> np.ndarray:
    """The document of each row: an int array numbering the documents 0, 1, ... in the order
    of their first row. Rows sharing an id (without ``.txt``) or a :func:`document_key` are
    one document, and so is any chain of such links."""
    n = len(texts)
    if ids is not None and len(ids) != n:
        raise ValueError(f"{n} texts but {len(ids)} ids")
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i in range(n):
        names = [("text", document_key(texts[i]))] + ([("id", _id(ids[i]))] if ids is not None else [])
        for name in names:
            j = first.setdefault(name, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)  # a document is named by its first row
    roots = [root(i) for i in range(n)]
    number: dict[int, int] = {}
    return np.array([number.setdefault(r, len(number)) for r in roots], dtype=int)


def rows_of(groups: np.ndarray, chosen) -> np.ndarray:
    """The rows (ascending) whose document is one of ``chosen``."""
    return np.flatnonzero(np.isin(groups, np.asarray(chosen, dtype=int)))
