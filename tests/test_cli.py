"""The command line, called in-process through main(argv)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.cli import main


def test_analyze_compare_figures(tiny_corpus, tmp_path, capsys):
    run = tmp_path / "run"
    assert main(["analyze", str(tiny_corpus), "--out", str(run), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "5 articles: 4 analyzed, 1 skipped" in out
    for name in ("articles", "mentions", "actor_stance"):
        assert (run / f"{name}.parquet").exists()
    assert json.loads((run / "run.json").read_text())["counts"]["articles"] == 5

    assert main(["compare", str(run), "--by", "outlet"]) == 0
    table = pd.read_parquet(run / "outlet_actor.parquet")
    assert list(table.columns[:8]) == ["outlet", "actor", "n_articles", "n_mentions", "stance_mean",
                                       "ci_low", "ci_high", "n_group_articles"]
    assert set(table["outlet"]) == {"wire", "state"}
    assert "stance_mean" in capsys.readouterr().out
    for name in ("verbs", "voice", "naming", "marks"):
        assert (run / f"outlet_{name}.parquet").exists()

    figures = tmp_path / "figures"
    assert main(["figures", str(run), "--out", str(figures)]) == 0
    from framing.analysis import default_measures

    names = sorted(p.name for p in figures.iterdir())
    learned = {"frames": "frames.png", "roles": "roles.png", "narratives": "narratives.png",
               "persuasion": "persuasion.png"}
    expected = {"actor_coverage.png", "naming.png", "reporting_verbs.png", "stance_heatmap.png",
                "stance_intervals.png", "voice_share.png", "figures.json"} | {learned[m] for m in default_measures()
                                                                             if m in learned}
    assert set(names) == expected
    first = (figures / "stance_heatmap.png").read_bytes()
    assert main(["figures", str(run), "--out", str(figures)]) == 0
    assert (figures / "stance_heatmap.png").read_bytes() == first, "figures must rebuild byte for byte"


def test_table_input_with_column_mapping(tmp_path, capsys):
    table = tmp_path / "c.csv"
    pd.DataFrame({"doc": ["1", "2"], "source": ["A", "B"], "body": ["Moscow attacked Kyiv.", "NATO met."]}
                 ).to_csv(table, index=False)
    run = tmp_path / "run"
    args = ["analyze", str(table), "--out", str(run), "--quiet",
            "--column", "doc=id", "--column", "source=outlet", "--column", "body=text"]
    assert main(args) == 0
    mentions = pd.read_parquet(run / "mentions.parquet")
    assert {"russia", "ukraine", "nato"} <= set(mentions["actor"])


def test_errors_are_messages_not_tracebacks(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert "corpus not found" in capsys.readouterr().err
    assert main(["compare", str(tmp_path)]) == 2
    assert "not an analysis folder" in capsys.readouterr().err
    table = tmp_path / "t.csv"
    table.write_text("id,body\n1,x\n")
    assert main(["analyze", str(table), "--out", str(tmp_path / "o"), "--quiet"]) == 2
    assert "no 'text' column" in capsys.readouterr().err


def test_help_documents_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for command in ("analyze", "compare", "figures", "evaluate", "actors"):
        assert command in text


def test_actors_lists_the_inventory(capsys):
    assert main(["actors"]) == 0
    text = capsys.readouterr().out
    assert "Kremlin" in text and "Kiev" in text


def test_evaluate_quotes_on_the_repository_gold_set(capsys):
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    args = ["evaluate", "quotes", "--gold", str(root / "tests" / "data" / "quotes_gold.jsonl"),
            "--corpus", str(root / "data" / "sample-corpus"), "--split", "dev"]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["split"] == "dev"
    gold = [json.loads(line) for line in (root / "tests" / "data" / "quotes_gold.jsonl").read_text().splitlines()]
    # The dev split is the articles dated 2022; every one of their gold quotes is scored.
    assert report["exact"]["all"]["n_gold"] == sum("-2022-" in record["article_id"] for record in gold)
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= report["overlap"]["all"][key] <= 1.0


def _evaluate_repository_gold(task, capsys):
    """Run `framing evaluate TASK` on tests/data/TASK_gold.jsonl with its default split; the report
    and the gold records of the held-out split."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    gold_path = root / "tests" / "data" / f"{task}_gold.jsonl"
    args = ["evaluate", task, "--gold", str(gold_path), "--corpus", str(root / "data" / "sample-corpus")]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    held_out = [record for record in gold if record["split"] == "test"]
    assert report["split"] == "test"  # the default split is the held-out one
    assert report["articles"] == sorted({record["article_id"] for record in held_out})
    return report, held_out


def test_evaluate_mentions_on_the_repository_gold_set(capsys):
    report, held_out = _evaluate_repository_gold("mentions", capsys)
    assert report["n_gold"] == len(held_out)
    assert report["inventory"]["n_gold"] == sum(record["kind"] != "outside" for record in held_out)
    assert report["reference"]["n_gold"] == sum(not record["place"] for record in held_out)


def test_evaluate_wording_on_the_repository_gold_set(capsys):
    report, held_out = _evaluate_repository_gold("wording", capsys)
    assert report["n_gold"] == report["terms"]["n_gold"] == sum(record["set"] is not None for record in held_out)


def test_evaluate_targeted_sentiment_with_a_model_folder(tmp_path, capsys):
    from framing.stance_model import MODEL_DIR

    sentence = "Critics condemned the governor for lying."
    start = sentence.index("the governor")
    record = {"sentence_normalized": sentence,
              "targets": [{"from": start, "to": start + 12, "mention": "the governor", "polarity": 2.0}]}
    data = tmp_path / "tiny.jsonl"
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["evaluate", "targeted-sentiment", "--data", str(data), "--model", str(MODEL_DIR), "--quiet"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scorer"].startswith("minilm-tsc-1+") and report["n"] == 1
    assert report["per_class"]["negative"]["support"] == 1
    assert main(["evaluate", "targeted-sentiment", "--data", str(data), "--model", str(tmp_path / "none")]) == 2
    assert "no such model folder" in capsys.readouterr().err


def test_analyze_with_no_optional_measures(tiny_corpus, tmp_path):
    run = tmp_path / "run"
    assert main(["analyze", str(tiny_corpus), "--out", str(run), "--measures", "", "--quiet"]) == 0
    assert json.loads((run / "run.json").read_text())["config"]["measures"] == []
    assert len(pd.read_parquet(run / "mentions.parquet")) > 0
    assert pd.read_parquet(run / "quotes.parquet").empty


def test_a_closed_pipe_ends_quietly():
    """`framing actors | head -1`: the reader goes away; no BrokenPipe error or traceback."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written
    try:
        done = subprocess.run([sys.executable, "-m", "framing.cli", "actors"], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 141
