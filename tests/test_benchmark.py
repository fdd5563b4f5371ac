"""The analysis benchmark: recombined corpora and `framing benchmark analyze --articles`."""

from __future__ import annotations

import json
import math

import pytest

from framing.benchmark import parse_sizes, recombined_corpus
from framing.cli import _parser, main
from framing.corpus import load_corpus

from conftest import ROOT

SAMPLE = ROOT / "data" / "sample-corpus"


@pytest.fixture(scope="module")
def sample():
    return load_corpus(SAMPLE)


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def test_recombined_corpus_is_deterministic_for_a_seed():
    first = recombined_corpus(50, seed=3, source=SAMPLE)
    assert first.equals(recombined_corpus(50, seed=3, source=SAMPLE))
    assert not first["text"].equals(recombined_corpus(50, seed=4, source=SAMPLE)["text"])


def test_recombined_corpus_has_n_unique_ids_and_the_corpus_columns(sample):
    frame = recombined_corpus(200, source=SAMPLE)
    assert len(frame) == 200 and frame["id"].is_unique
    assert frame["id"].iloc[0] == "synthetic-000001" and frame["id"].iloc[-1] == "synthetic-000200"
    assert list(frame.columns) == list(sample.columns)
    assert dict(frame.dtypes) == dict(sample.dtypes)
    assert frame["skip_reason"].isna().all()


def test_recombined_paragraphs_come_from_the_sample_articles_of_their_outlet(sample):
    pools = {outlet: {p for text in group["text"] for p in _paragraphs(text)}
             for outlet, group in sample.groupby("outlet")}
    frame = recombined_corpus(300, seed=1, source=SAMPLE)
    assert set(frame["outlet"]) <= set(pools)
    for outlet, text in zip(frame["outlet"], frame["text"]):
        paragraphs = _paragraphs(text)
        assert paragraphs and set(paragraphs) <= pools[outlet]
    # recombined, not copied: most articles differ from every sample article
    assert (~frame["text"].isin(set(sample["text"]))).mean() > 0.5


def test_articles_flag_parses():
    args = _parser().parse_args(["benchmark", "analyze", "--articles", "1000,10000", "--write", "out.json"])
    assert parse_sizes(args.articles) == [1000, 10000] and args.write == "out.json"
    assert _parser().parse_args(["benchmark", "analyze"]).articles is None
    with pytest.raises(ValueError, match="positive integers"):
        parse_sizes("10,ten")


def test_a_bad_articles_value_is_a_clear_error(capsys):
    assert main(["benchmark", "analyze", str(SAMPLE), "--articles", "0"]) == 2
    assert "--articles expects a comma list of positive integers" in capsys.readouterr().err


def test_tiny_run_reports_every_field(tmp_path, capsys):
    out = tmp_path / "bench.json"
    status = main(["benchmark", "analyze", str(SAMPLE), "--articles", "4", "--measures", "", "--stance", "lexicon",
                   "--roberta-sentences", "8", "--threads", "1", "--write", str(out)])
    assert status == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report == json.loads(capsys.readouterr().out)
    assert report["complete"] and report["recombined"]["seed"] == 0 and report["measures"] == []
    (row,) = report["sizes"]
    assert row["articles"] == 4 and row["words"] > 0 and row["mentions"] > 0
    for key in ("seconds", "articles_per_second", "words_per_second", "peak_rss_mb"):
        assert row[key] > 0, key
    # the stage seconds are reported when the run records them, else null
    assert row["stage_seconds"] is None or math.isclose(sum(row["stage_share"].values()), 1, abs_tol=0.01)
    # the analysis runs in a process that may start its parse workers (a daemonic one may not)
    from framing._nlp import load_nlp
    from framing._parse import parse_processes

    assert report["parse_processes"] == parse_processes(None, load_nlp())
    if report["parse_processes"]:
        assert row["parse_workers_cpu_seconds"] > 0 and row["parse_workers_peak_rss_mb"] > 0
    else:
        assert row["parse_workers_cpu_seconds"] == 0 and row["parse_workers_peak_rss_mb"] is None
    for name in ("spacy", "spacy_plain"):
        assert row[name]["articles"] == 4 and row[name]["articles_per_second"] > 0 and row[name]["peak_rss_mb"] > 0
    assert "framing_line_breaks" in row["spacy"]["components"]
    assert "framing_line_breaks" not in row["spacy_plain"]["components"]
    roberta = row["roberta"]
    assert roberta["parameters"] > 100_000_000 and roberta["threads"] == 1
    assert 0 < roberta["timed_sentences"] <= 8 and roberta["sentences"] <= roberta["mentions"] == row["mentions"]
    assert roberta["sentences_per_second"] > 0 and roberta["implied_articles_per_second"] > 0
    assert all(value > 0 for value in row["ratios"].values())
    projection = report["projection"]
    assert projection["articles"] == 1_000_000 and set(projection["hours"]) == {"1", "8", "64"}
    assert math.isclose(projection["hours"]["1"], 1e6 / row["articles_per_second"] / 3600, rel_tol=0.01)
    assert math.isclose(projection["hours"]["8"], projection["hours"]["1"] / 8, rel_tol=0.01)
    assert "linear" in projection["assumption"]


def test_the_stance_benchmark_times_a_trained_model_folder_beside_the_packaged_one(tmp_path):
    from framing.benchmark import _measure
    from framing.stance_training import train_stance_model

    from conftest import write_invented_sentences

    data = write_invented_sentences(tmp_path / "train.jsonl", 12)
    folder = tmp_path / "two-layers"
    train_stance_model(data, out=folder, part="all", num_layers=2, max_steps=1, epochs=1, batch_size=4,
                       num_threads=1, progress=False)
    items = [("Critics accused the governor of lying.", 16, 28)] * 3
    [row] = _measure(f"model:{folder}", items, 1, 2)
    assert row["scorer"] == "model:two-layers" and row["num_layers"] == 2
    assert row["sentences_per_second"] > 0 and row["first_pass_sentences_per_second"] > 0


def test_the_stance_benchmark_refuses_a_folder_that_is_no_model(tmp_path):
    from framing.benchmark import benchmark_stance

    with pytest.raises(ValueError, match="not a model folder"):
        benchmark_stance([("Critics accused the governor of lying.", 16, 28)], n=1, models=[tmp_path])
