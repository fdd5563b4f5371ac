"""Shared fixtures: a tiny hand-written corpus and the optional shared data path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """The annotated reference data, from FRAMING_SHARED_DATA or ../shared/data."""
    return Path(os.environ.get("FRAMING_SHARED_DATA", ROOT.parent / "shared" / "data"))


def shared_file(*parts: str) -> Path:
    path = shared_data().joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared reference data not available: {path}")
    return path


ARTICLES = {
    ("wire", "w1"): ("2023-02-20", "Biden visits Kyiv",
                     "President Joe Biden arrived in Kyiv on Monday. Ukraine thanked Washington for its steady "
                     "support. The Kremlin said the visit changed nothing."),
    ("wire", "w2"): ("2022-04-04", "Outrage over killings",
                     "Western leaders condemned Russia for the brutal killing of civilians. Moscow denied it. "
                     "Officials in Washington state said refugees were welcome."),
    ("state", "s1"): ("2022-09-30", "Lavrov hails reunification",
                      "Foreign Minister Sergey Lavrov praised the wise decision. He said the Kiev regime had "
                      "committed terrible crimes and that NATO was an aggressive bloc."),
    ("state", "s2"): ("2023-07-11", "Summit in Vilnius",
                      "NATO leaders met in Vilnius. Russia warned the alliance against reckless escalation."),
    ("state", "empty"): ("2023-07-12", "Only a title", ""),
}


def write_corpus(root: Path, articles: dict = ARTICLES) -> Path:
    for (outlet, article_id), (date, title, text) in articles.items():
        path = root / outlet / f"{article_id}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ndate: {date}\n---\n{title}\n\n{text}\n", encoding="utf-8")
    return root


@pytest.fixture
def tiny_corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "corpus")


def newsmtsc_record(sentence: str, target: str, polarity: float) -> dict:
    """One NewsMTSC-format record with a single target (polarity 2 negative, 4 neutral, 6 positive)."""
    start = sentence.index(target)
    return {"sentence_normalized": sentence,
            "targets": [{"from": start, "to": start + len(target), "mention": target, "polarity": polarity}]}


def invented_sentences(n: int) -> list[dict]:
    """``n`` invented NewsMTSC records whose polarity follows the verb, for training tests."""
    subjects = ["the governor", "the mayor", "the senator", "the bank", "the agency", "the minister"]
    verbs = [("condemned", 2.0), ("praised", 6.0), ("met", 4.0)]
    rows = []
    for i in range(n):
        subject, (verb, polarity) = subjects[i % len(subjects)], verbs[i % len(verbs)]
        rows.append(newsmtsc_record(f"On day {i} critics {verb} {subject} in town {i % 17}.", subject, polarity))
    return rows


def write_invented_sentences(path: Path, n: int) -> Path:
    """Write :func:`invented_sentences` ``n`` to ``path`` as NewsMTSC JSONL."""
    import json

    path.write_text("\n".join(json.dumps(r) for r in invented_sentences(n)) + "\n", encoding="utf-8")
    return path


def rerun_recorded_command(folder: Path, out: Path) -> list[str]:
    """Run the ``framing train targeted-sentiment`` command recorded in ``folder``'s
    config again, writing to ``out``; return the command's words (``out`` in place)."""
    import json
    import shlex

    from framing.cli import main
    from framing.stance_model import CONFIG_NAME

    words = shlex.split(json.loads((folder / CONFIG_NAME).read_text(encoding="utf-8"))["training"]["command"])
    words[words.index("--out") + 1] = str(out)
    assert main(words[1:]) == 0
    return words
