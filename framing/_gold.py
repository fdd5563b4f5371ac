"""Helpers shared by the evaluations against hand-annotated gold files (quotes, mentions, wording),
and the declared split table that says which gold articles are held out."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
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


# --------------------------------------------------------------------------- split table

SPLITS = ("dev", "test", "excluded")
"""The splits a gold article can sit in: ``dev`` (read while developing the rules of the gold set's
measure), ``test`` (held out: scored once, with the rules frozen) and ``excluded`` (in no score but
that of split "all": the article was not used to develop this measure, but cannot be held out
either, because the rules of a measure this one reads were developed on it)."""

SPLIT_TABLE = "splits.yaml"
"""The file name of the split table, looked for beside a gold file."""


@dataclass(frozen=True)
class GoldSet:
    """One gold set of a split table: its file, the measure whose rules it scores, and the split
    of each of its articles (``article id -> "dev" | "test" | "excluded"``)."""

    name: str
    file: Path
    measure: str
    split_of: dict[str, str]

    def articles(self, split: str) -> set[str]:
        return {a for a, s in self.split_of.items() if s == split}


@dataclass(frozen=True)
class SplitTable:
    """The declared dev/test split of every gold set, and what the leakage rule needs to check it:
    which measures' rules each measure reads, and the articles outside the gold sets on which a
    measure's rules were developed."""

    path: Path
    sets: dict[str, GoldSet]
    reads: dict[str, tuple[str, ...]]
    developed_on: dict[str, frozenset[str]] = field(default_factory=dict)

    def set_for(self, gold: str | os.PathLike[str]) -> GoldSet | None:
        """The gold set whose file is ``gold`` (None when the table has none)."""
        target = Path(gold).resolve()
        return next((s for s in self.sets.values() if s.file.resolve() == target), None)

    def dev_articles(self, measure: str) -> set[str]:
        """The articles on which ``measure``'s rules were developed: the ``dev`` articles of its
        gold sets and the articles listed under ``developed_on``."""
        found = set(self.developed_on.get(measure, ()))
        for gold_set in self.sets.values():
            if gold_set.measure == measure:
                found |= gold_set.articles("dev")
        return found

    def leaks(self, name: str | None = None) -> list[str]:
        """The breaches of the leakage rule, as sentences (empty: none), for one gold set or all:
        a held-out article of a gold set must not be an article on which the rules of a measure
        read by the set's measure were developed. (Only this direction: see docs/gold_splits.md.)"""
        problems = []
        for gold_set in self.sets.values():
            if name is not None and gold_set.name != name:
                continue
            held_out = gold_set.articles("test")
            for upstream in self.reads.get(gold_set.measure, ()):
                for article in sorted(held_out & self.dev_articles(upstream)):
                    problems.append(f"{article} is held out for {gold_set.name} ({gold_set.measure} reads "
                                    f"{upstream}), but the rules of {upstream} were developed on it")
        return problems


def read_split_table(path: str | os.PathLike[str]) -> SplitTable:
    """Read and check a split table (format: the comments of ``tests/data/splits.yaml``). A clear
    error for a missing file, an unknown key, split or measure, an article listed twice in one gold
    set, or a gold file that does not exist."""
    import yaml

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"split table not found: {path}")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict) or set(raw) - {"measures", "gold_sets"}:
        raise ValueError(f"{path}: expected the keys 'measures' and 'gold_sets'")
    measures = raw.get("measures") or {}
    reads: dict[str, tuple[str, ...]] = {}
    developed_on: dict[str, frozenset[str]] = {}
    for measure, entry in measures.items():
        entry = entry or {}
        unknown = set(entry) - {"reads", "developed_on"}
        if unknown:
            raise ValueError(f"{path}: measure {measure!r}: unknown key {min(unknown)!r}")
        reads[measure] = tuple(entry.get("reads") or ())
        developed_on[measure] = frozenset(entry.get("developed_on") or ())
        for upstream in reads[measure]:
            if upstream not in measures:
                raise ValueError(f"{path}: measure {measure!r} reads {upstream!r}, which is not a measure of the table")
    sets: dict[str, GoldSet] = {}
    for name, entry in (raw.get("gold_sets") or {}).items():
        entry = entry or {}
        unknown = set(entry) - {"file", "measure", *SPLITS}
        if unknown:
            raise ValueError(f"{path}: gold set {name!r}: unknown key {min(unknown)!r} "
                             f"(the splits are {', '.join(SPLITS)})")
        if "file" not in entry or "measure" not in entry:
            raise ValueError(f"{path}: gold set {name!r} needs a 'file' and a 'measure'")
        if entry["measure"] not in measures:
            raise ValueError(f"{path}: gold set {name!r}: measure {entry['measure']!r} is not under 'measures'")
        file = path.parent / entry["file"]
        if not file.is_file():
            raise FileNotFoundError(f"{path}: gold set {name!r}: no file {file}")
        split_of: dict[str, str] = {}
        for split in SPLITS:
            for article in entry.get(split) or ():
                if article in split_of:
                    raise ValueError(f"{path}: gold set {name!r}: {article} is in {split_of[article]!r} and "
                                     f"{split!r}; an article sits in one split")
                split_of[article] = split
        sets[name] = GoldSet(name, file, entry["measure"], split_of)
    return SplitTable(path, sets, reads, developed_on)


def select_split(rows: list[dict], gold: str | os.PathLike[str], split: str, *,
                 splits: str | os.PathLike[str] | None = None) -> list[dict]:
    """The gold ``rows`` of ``split`` ("dev", "test" or "all").

    The split comes from the split table: ``splits`` when given, else ``splits.yaml`` beside the
    gold file. With a table, a record whose article the table does not list, or whose own ``split``
    field disagrees with the table, is a ``ValueError`` naming the record, and so is asking for the
    held-out split when the table breaks the leakage rule for this gold set. Without a table each
    record's own ``split`` field decides (a record without one is an error unless ``split`` is
    "all")."""
    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be 'dev', 'test' or 'all', got {split!r}")
    gold = Path(gold)
    table_path = Path(splits) if splits is not None else gold.parent / SPLIT_TABLE
    if splits is None and not table_path.is_file():
        if split == "all":
            return rows
        for row in rows:
            if row.get("split") not in SPLITS:
                raise ValueError(f"{gold}: record {_name(row)} has no split ({row.get('split')!r}) and no "
                                 f"{SPLIT_TABLE} beside the gold file declares one")
        return [r for r in rows if r["split"] == split]
    table = read_split_table(table_path)
    gold_set = table.set_for(gold)
    if gold_set is None:
        raise ValueError(f"{table_path} has no gold set with the file {gold}; add one")
    for row in rows:
        declared = gold_set.split_of.get(row["article_id"])
        if declared is None:
            raise ValueError(f"{gold}: record {_name(row)}: the article is not in gold set "
                             f"{gold_set.name!r} of {table_path}")
        if "split" in row and row["split"] != declared:
            raise ValueError(f"{gold}: record {_name(row)} says split {row['split']!r}, but {table_path} puts "
                             f"the article in {declared!r}")
    if split == "test":
        problems = table.leaks(gold_set.name)
        if problems:
            raise ValueError(f"{table_path}: no held-out score for {gold_set.name!r}: " + "; ".join(problems))
    return rows if split == "all" else [r for r in rows if gold_set.split_of[r["article_id"]] == split]


def _name(row: dict) -> str:
    """A gold record as an error message names it: article, offsets and text."""
    where = f" [{row.get('start')}:{row.get('end')}]" if row.get("start") is not None else ""
    text = f" {row['text']!r}" if row.get("text") is not None else ""
    return f"{row.get('article_id')}{where}{text}"
