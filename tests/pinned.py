"""The published scores and where they are published: reading ``tests/data/pinned_scores.yaml``,
running its evaluations in-process, and parsing the README's "Measures and their validation"
table and the score sections of the model cards. Used by ``tests/test_pinned_scores.py``.

Rules for the published text (the tests check them):

* In the README table, a score is a decimal written ``0.…`` or ``1.…`` (``0.832``, ``1.000``,
  ``0.80``; not ``13.8`` or a version) or a count ``a/b`` or ``a of b`` in the ``score`` column. Each must lie inside
  the ``readme`` text of a pinned score, or of an ``unpinned`` item, of that row's measure.
* In a model card (``framing/models/<name>/MODEL_CARD.md``), the score section is a heading
  whose title starts with "Scores" (down to the next heading of the same or a higher level)
  or a top-level list item that opens with ``**Scores**`` (down to the next top-level item or
  heading). The same numbers count as scores there. A number in a table cell is covered by an
  entry that names the cell (``row``: the first cell without ``**``; ``column``: the header,
  or its index when headers repeat); a number in prose by an entry whose ``text`` contains it.
  Lines outside the score section (speed, size, limitations) are not checked, but an entry may
  still point into them.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing._foldseeds import combine

ROOT = Path(__file__).resolve().parents[1]
PINNED = ROOT / "tests" / "data" / "pinned_scores.yaml"
README = ROOT / "README.md"
MODELS = ROOT / "framing" / "models"
README_SECTION = "Measures and their validation"
SHARED_PREFIX = "../shared/data/"
PATH_ARGS = ("gold", "corpus", "path", "quotes_gold")

# A score: a decimal written 0.… or 1.… (not part of a longer number such as 13.8 or a version
# 3.8.0); a count: "a/b" or "a of b".
DECIMAL = re.compile(r"(?<![\w.])[01]\.\d+(?![\d.]\d)")
COUNT = re.compile(r"(?<![\w./])\d+(?:/| of )\d+(?![\w/])")
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d])")


# --------------------------------------------------------------------------- the pinned file


@dataclass(frozen=True)
class Evaluation:
    """One evaluation run: the command a reader types, and the function the tests call."""

    key: str
    command: str
    function: str
    args: dict
    shared_data: bool
    seeds: list[int] | None = None

    def call(self, nlp=None, runs: dict | None = None) -> dict:
        """Run the evaluation in-process and return its JSON report. With ``seeds``, the
        function runs once per seed and the report is ``{"seed": {seed: report}, "mean":
        the mean of every number the reports share}``. ``runs`` caches the calls of the
        session (function and arguments -> report), so an evaluation repeated by another
        (the seed-0 run of a seed mean) runs once."""
        runs = {} if runs is None else runs
        if self.seeds is None:
            return self._run(self.args, nlp, runs)
        by_seed = {str(seed): self._run({**self.args, "seed": seed}, nlp, runs) for seed in self.seeds}
        return {"seed": by_seed, "mean": combine(list(by_seed.values()), statistics.fmean)}

    def _run(self, args: dict, nlp, runs: dict) -> dict:
        key = json.dumps([self.function, {"seed": 0, **args}], sort_keys=True)  # seed 0 is the default
        if key not in runs:
            runs[key] = self._call(args, nlp)
        return runs[key]

    def _call(self, args: dict, nlp) -> dict:
        module, _, name = self.function.rpartition(".")
        function = getattr(importlib.import_module(module), name)
        accepted = inspect.signature(function).parameters
        kwargs: dict[str, Any] = {}
        for key, value in args.items():
            if key == "stance":
                from framing.stance import get_scorer

                kwargs["scorer"] = get_scorer(value)
            elif key in PATH_ARGS:
                kwargs[key] = resolve(value)
            else:
                kwargs[key] = value
        if "nlp" in accepted and nlp is not None:
            kwargs["nlp"] = nlp
        if "progress" in accepted:
            kwargs["progress"] = False
        return json.loads(json.dumps(function(**kwargs), default=_plain))

    def shared_paths(self) -> list[str]:
        """The arguments that point into the shared data, relative to it."""
        return [value[len(SHARED_PREFIX):] for value in self.args.values()
                if isinstance(value, str) and (value + "/").startswith(SHARED_PREFIX)]


@dataclass(frozen=True)
class Score:
    """One published number, its measurement and where it is published."""

    id: str
    measure: str
    evaluation: str
    metric: str
    value: float
    tolerance: float
    shared_data: bool
    readme: str | None = None
    card: dict | list[dict] | None = None
    tolerance_reason: str | None = None
    """Why the tolerance is wider than the convention's (a measured cause, such as results that
    differ by machine); absent for the usual 0.01 / 0.02."""


@dataclass(frozen=True)
class Unpinned:
    """A number in a score column or score section that no test measures, with the reason."""

    id: str
    reason: str
    measure: str | None = None
    readme: str | None = None
    card: dict | list[dict] | None = None


@dataclass
class Pinned:
    evaluations: dict[str, Evaluation]
    scores: list[Score]
    unpinned: list[Unpinned] = field(default_factory=list)


def load_pinned(path: Path = PINNED) -> Pinned:
    import yaml

    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    evaluations = {key: Evaluation(key=key, **entry) for key, entry in raw["evaluations"].items()}
    scores = [Score(**entry) for entry in raw["scores"]]
    unpinned = [Unpinned(**entry) for entry in raw.get("unpinned") or ()]
    return Pinned(evaluations, scores, unpinned)


def resolve(value: str) -> Path:
    """A path of the pinned file: ``../shared/data/...`` is the shared data (``FRAMING_SHARED_DATA``
    when set), anything else is relative to the repository root."""
    from conftest import shared_data

    if (value + "/").startswith(SHARED_PREFIX):  # the folder itself, or a path inside it
        return shared_data() / value[len(SHARED_PREFIX):]
    return ROOT / value


def metric(report: dict, path: str):
    """The value at a dotted ``path`` of a report (an integer part indexes a list)."""
    value: Any = report
    for part in path.split("."):
        if isinstance(value, list):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(f"{path!r}: no {part!r} in the report (keys: {_keys(value)})")
    return value


def _keys(value) -> str:
    return ", ".join(map(str, value)) if isinstance(value, dict) else type(value).__name__


def _plain(value):
    """JSON for the numpy and pandas values a report may hold."""
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


# --------------------------------------------------------------------------- scare quotes


def scare_quote_agreement(gold: Path, quotes_gold: Path, corpus: Path, nlp=None) -> dict:
    """The scare-quote agreement of ``docs/wording.md`` ("Measured agreement with the gold
    set"), as its snippet computes it: every article of the quote gold set parsed alone,
    :func:`framing.wording.find_scare_quotes` against the records of ``gold``; a found span is
    correct when ``(article_id, start, end)`` equals a gold record."""
    import framing
    from framing._nlp import load_nlp
    from framing.wording import find_scare_quotes

    nlp = nlp if nlp is not None else load_nlp()
    texts = framing.load_corpus(corpus).set_index("id")["text"]
    with open(gold, encoding="utf-8") as handle:
        truth = {(g["article_id"], g["start"], g["end"]) for g in map(json.loads, filter(str.strip, handle))}
    with open(quotes_gold, encoding="utf-8") as handle:
        ids = sorted({json.loads(line)["article_id"] for line in handle if line.strip()})
    found = {(article_id, m.start, m.end) for article_id, doc in zip(ids, nlp.pipe(texts.loc[ids].tolist()))
             for m in find_scare_quotes(doc)}
    correct = len(found & truth)
    return {"n_articles": len(ids), "n_gold": len(truth), "n_found": len(found), "n_correct": correct,
            "precision": correct / len(found) if found else None,
            "recall": correct / len(truth) if truth else None}


# --------------------------------------------------------------------------- published text


def split_row(line: str) -> list[str]:
    """The cells of a markdown table row; a ``|`` inside backticks does not split."""
    cells, cell, in_code = [], [], False
    for char in line.strip().strip("|") if line.strip().startswith("|") else line.strip():
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append("".join(cell).strip())
            cell = []
        else:
            cell.append(char)
    cells.append("".join(cell).strip())
    return cells


def _tables(lines: list[str]) -> list[list[list[str]]]:
    """The markdown tables among ``lines``: rows of cells, header first, the rule row dropped."""
    tables, current = [], []
    for line in [*lines, ""]:
        if line.lstrip().startswith("|"):
            cells = split_row(line)
            if not all(re.fullmatch(r":?-*:?", c) for c in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


def readme_scores(text: str | None = None) -> dict[str, str]:
    """The README's "Measures and their validation" table: measure -> its score cell."""
    text = README.read_text(encoding="utf-8") if text is None else text
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if re.fullmatch(rf"#+\s+{README_SECTION}\s*", line)), None)
    if start is None:
        raise ValueError(f"README.md has no section {README_SECTION!r}")
    table = _tables(lines[start + 1:])[0]
    header = table[0]
    measure, score = header.index("measure"), header.index("score")
    return {row[measure]: row[score] for row in table[1:]}


def strip_emphasis(text: str) -> str:
    return text.replace("**", "").strip()


@dataclass
class ScoreSection:
    """The score section of a model card: its prose lines and its tables."""

    prose: str
    tables: list[list[list[str]]]

    def cell(self, row: str, column: str | int) -> str:
        """The cell of the row whose first cell (without ``**``) is ``row``, in the column whose
        header is ``column`` (or at that index)."""
        for table in self.tables:
            header = [strip_emphasis(c) for c in table[0]]
            for cells in table[1:]:
                if strip_emphasis(cells[0]) != row:
                    continue
                if isinstance(column, int):
                    return cells[column]
                if header.count(column) != 1:
                    raise KeyError(f"column {column!r} is not one header of {header}; give its index")
                return cells[header.index(column)]
        raise KeyError(f"no table row {row!r} in the score section")


def card_text(name: str) -> str:
    return (MODELS / name / "MODEL_CARD.md").read_text(encoding="utf-8")


def card_names() -> list[str]:
    return sorted(p.parent.name for p in MODELS.glob("*/MODEL_CARD.md"))


def score_section(text: str) -> ScoreSection:
    """The score section of a model card (the rule in this module's docstring)."""
    lines = text.splitlines()
    chosen: list[str] = []
    level = None
    inside = False
    for line in lines:
        heading = re.match(r"(#+)\s+(.*)", line)
        item = re.match(r"- (.*)", line)
        if heading:
            depth = len(heading.group(1))
            if inside and (level is None or depth <= level):
                inside = False
            if not inside and heading.group(2).startswith("Scores"):
                inside, level = True, depth
                continue
        elif item and inside and level is None:
            inside = False
        if not inside and item and item.group(1).startswith("**Scores**"):
            inside, level = True, None
        if inside:
            chosen.append(line)
    if not chosen:
        raise ValueError("the model card has no score section")
    prose = "\n".join(line for line in chosen if not line.lstrip().startswith("|"))
    return ScoreSection(prose=prose, tables=_tables(chosen))


def score_numbers(text: str) -> list[tuple[int, int, str]]:
    """The scores in ``text`` as (start, end, text): decimals in [0, 1] and counts."""
    found = [(m.start(), m.end(), m.group()) for m in COUNT.finditer(text)]
    found += [(m.start(), m.end(), m.group()) for m in DECIMAL.finditer(text)
              if not any(s <= m.start() < e for s, e, _ in found)]
    return sorted(found)


def uncovered(text: str, covering: list[str]) -> list[str]:
    """The scores of ``text`` that lie in no occurrence of any of the ``covering`` texts."""
    spans = [(m.start(), m.end()) for snippet in covering for m in re.finditer(re.escape(snippet), text)]
    return [number for start, end, number in score_numbers(text)
            if not any(s <= start and end <= e for s, e in spans)]


def states(text: str, value: float) -> bool:
    """Whether ``text`` shows ``value``: one of its numbers equals the value rounded to that
    number's decimals (0.9461 is shown by "0.946", 1.0 by "1.000" and "1.00", 11 by "11"); a
    count of 0 may be written "no" or "none"; a number after a minus sign (−) is negative."""
    if value == 0 and re.search(r"\b(no|none)\b", text):
        return True
    for match in NUMBER.finditer(text):
        number = match.group()
        decimals = len(number.split(".")[1]) if "." in number else 0
        sign = text[match.start() - 1] if match.start() else ""
        # a minus sign (U+2212) makes the number negative; a hyphen may be one or a dash
        readings = [-float(number)] if sign == "\u2212" else [float(number), -float(number)] if sign == "-" \
            else [float(number)]
        if round(float(value), decimals) in readings:
            return True
    return False


# --------------------------------------------------------------------------- re-pinning


def main(argv: list[str] | None = None) -> int:
    """Print each pinned number beside its measurement and wall time of its evaluation:
    ``python tests/pinned.py [EVALUATION ...]`` (default: every evaluation)."""
    import sys
    import time

    from framing._nlp import load_nlp

    pinned = load_pinned()
    keys = (sys.argv[1:] if argv is None else argv) or list(pinned.evaluations)
    unknown = sorted(set(keys) - set(pinned.evaluations))
    if unknown:
        print(f"unknown evaluation(s): {', '.join(unknown)}; known: {', '.join(pinned.evaluations)}")
        return 2
    nlp, runs = load_nlp(), {}
    for key in keys:
        evaluation = pinned.evaluations[key]
        started = time.perf_counter()
        report = evaluation.call(nlp, runs)
        print(f"{key}: {time.perf_counter() - started:.1f} s  ({evaluation.command})")
        for score in (s for s in pinned.scores if s.evaluation == key):
            measured = metric(report, score.metric)
            off = measured is None or abs(measured - score.value) > score.tolerance + 1e-9
            shown = f"{measured:.4f}" if isinstance(measured, float) else str(measured)
            print(f"  {score.id:55} measured {shown:8} pinned {score.value} ± {score.tolerance}"
                  + ("  OUT OF TOLERANCE" if off else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
