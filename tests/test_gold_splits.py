"""The declared split table of the gold sets (tests/data/splits.yaml): every gold record's article is
in it, in one split per gold set, no held-out article of one measure was used to develop the rules
of a measure it reads, and the evaluations take their split from the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import write_corpus
from framing._gold import SPLITS, read_split_table, select_split
from framing.actors import evaluate_mentions
from framing.quotes import evaluate_quotes
from framing.wording import evaluate_terms

DATA = Path(__file__).resolve().parent / "data"
TABLE = read_split_table(DATA / "splits.yaml")


def records(name: str) -> list[dict]:
    return [json.loads(line) for line in TABLE.sets[name].file.read_text(encoding="utf-8").splitlines() if line]


# -- the repository's gold sets against the table ------------------------------------------


def test_every_gold_file_of_tests_data_has_a_gold_set():
    files = {s.file.name for s in TABLE.sets.values()}
    assert files == {p.name for p in DATA.glob("*_gold.jsonl")}
    assert set(TABLE.sets) == {"mentions", "quotes", "wording", "scare_quotes"}


@pytest.mark.parametrize("name", ["mentions", "quotes", "wording", "scare_quotes"])
def test_every_record_is_in_the_table_and_agrees_with_it(name):
    gold_set = TABLE.sets[name]
    for record in records(name):
        assert record["article_id"] in gold_set.split_of, record
        if "split" in record:
            assert record["split"] == gold_set.split_of[record["article_id"]], record
    # and the check the evaluations run says the same
    assert len(select_split(records(name), gold_set.file, "all")) == len(records(name))


@pytest.mark.parametrize("name", ["mentions", "quotes", "wording"])
def test_the_table_lists_exactly_the_annotated_articles(name):
    # An article listed without records would be silently left out of every score.
    assert set(TABLE.sets[name].split_of) == {r["article_id"] for r in records(name)}


def test_the_scare_quote_set_covers_the_articles_of_the_quote_set():
    # An article of the quote gold set without a scare quote has no record in scare_quotes_gold.jsonl.
    assert set(TABLE.sets["scare_quotes"].split_of) == set(TABLE.sets["quotes"].split_of)
    assert TABLE.sets["scare_quotes"].articles("test") == set()  # the rules were written on all of them


def test_the_dependencies_between_measures_are_declared():
    # Quote speakers are mentions; wording ties labels to mentions and, by rule 4, to quote speakers;
    # scare quotes are wording rules (they read the quote extractor's test and mentions).
    assert TABLE.reads == {"mentions": (), "quotes": ("mentions",), "wording": ("mentions", "quotes")}
    assert {name: s.measure for name, s in TABLE.sets.items()} == {
        "mentions": "mentions", "quotes": "quotes", "wording": "wording", "scare_quotes": "wording"}


def test_the_leakage_rule_holds():
    assert TABLE.leaks() == []
    for name, gold_set in TABLE.sets.items():
        for upstream in TABLE.reads[gold_set.measure]:
            assert not gold_set.articles("test") & TABLE.dev_articles(upstream), (name, upstream)


def test_every_measure_keeps_a_held_out_split():
    for name in ("mentions", "quotes", "wording"):
        assert TABLE.sets[name].articles("test"), name


def test_the_quote_split_is_by_date_but_for_one_excluded_article():
    quotes = TABLE.sets["quotes"]
    assert quotes.articles("dev") == {a for a in quotes.split_of if "-2022-" in a}
    assert quotes.articles("excluded") == {"kyiv-ledger-2024-07-10-washington-summit-f16"}


# -- the table's own rules ------------------------------------------------------------------


def _table(root: Path, gold_sets: dict, measures: dict | None = None) -> Path:
    measures = measures if measures is not None else {"mentions": {"reads": []},
                                                      "quotes": {"reads": ["mentions"]}}
    for entry in gold_sets.values():
        (root / entry["file"]).touch()
    path = root / "splits.yaml"
    path.write_text(yaml.safe_dump({"measures": measures, "gold_sets": gold_sets}), encoding="utf-8")
    return path


def test_an_article_sits_in_one_split_of_a_gold_set(tmp_path):
    path = _table(tmp_path, {"m": {"file": "m.jsonl", "measure": "mentions", "dev": ["a1"], "test": ["a1"]}})
    with pytest.raises(ValueError, match="a1 is in 'dev' and 'test'"):
        read_split_table(path)


@pytest.mark.parametrize("entry, message", [
    ({"file": "m.jsonl", "measure": "mentions", "train": ["a1"]}, "unknown key 'train'"),
    ({"file": "m.jsonl", "measure": "stance"}, "measure 'stance' is not under 'measures'"),
    ({"measure": "mentions"}, "needs a 'file'"),
])
def test_a_malformed_table_is_refused(tmp_path, entry, message):
    (tmp_path / "m.jsonl").touch()
    path = tmp_path / "splits.yaml"
    path.write_text(yaml.safe_dump({"measures": {"mentions": {}}, "gold_sets": {"m": entry}}), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_split_table(path)
    with pytest.raises(FileNotFoundError, match="split table not found"):
        read_split_table(tmp_path / "nope.yaml")


def test_a_dev_article_of_an_upstream_measure_cannot_be_held_out_downstream(tmp_path):
    path = _table(tmp_path, {
        "m": {"file": "m.jsonl", "measure": "mentions", "dev": ["a1"], "test": ["b1"]},
        "q": {"file": "q.jsonl", "measure": "quotes", "dev": ["b1"], "test": ["a1", "c1"]},
    }, {"mentions": {"reads": [], "developed_on": ["c1"]}, "quotes": {"reads": ["mentions"]}})
    table = read_split_table(path)
    # a1 (mention dev) and c1 (read to develop the mention rules) are held out for quotes: leaks.
    # b1 (quote dev, mention test) is the reverse direction, which the rule allows.
    assert table.leaks() == [
        "a1 is held out for q (quotes reads mentions), but the rules of mentions were developed on it",
        "c1 is held out for q (quotes reads mentions), but the rules of mentions were developed on it"]
    assert table.leaks("m") == []
    rows = [{"article_id": a, "start": 0, "end": 1} for a in ("a1", "b1", "c1")]
    with pytest.raises(ValueError, match="no held-out score for 'q'.*a1 is held out"):
        select_split(rows, tmp_path / "q.jsonl", "test")
    assert [r["article_id"] for r in select_split(rows, tmp_path / "q.jsonl", "dev")] == ["b1"]


def test_the_table_decides_the_split_not_the_record(tmp_path):
    _table(tmp_path, {"m": {"file": "m.jsonl", "measure": "mentions", "dev": ["a1"], "test": ["b1"],
                            "excluded": ["c1"]}})
    gold = tmp_path / "m.jsonl"
    rows = [{"article_id": "a1", "start": 0, "end": 6, "text": "Moscow"}, {"article_id": "b1", "start": 3, "end": 7},
            {"article_id": "c1", "start": 0, "end": 4, "split": "excluded"}]
    assert [r["article_id"] for r in select_split(rows, gold, "test")] == ["b1"]
    assert [r["article_id"] for r in select_split(rows, gold, "dev")] == ["a1"]
    assert [r["article_id"] for r in select_split(rows, gold, "all")] == ["a1", "b1", "c1"]  # excluded: only here
    disagrees = r"record a1 \[0:6\] 'Moscow' says split 'test', but .* puts the article in 'dev'"
    with pytest.raises(ValueError, match=disagrees):
        select_split([{**rows[0], "split": "test"}], gold, "all")
    with pytest.raises(ValueError, match=r"record z9 \[0:6\] 'Moscow': the article is not in gold set 'm'"):
        select_split([{**rows[0], "article_id": "z9"}], gold, "dev")
    other = tmp_path / "other.jsonl"
    other.touch()
    with pytest.raises(ValueError, match="no gold set with the file"):
        select_split(rows, other, "dev")
    with pytest.raises(ValueError, match="split must be"):
        select_split(rows, gold, "excluded")


def test_without_a_table_the_records_split_field_decides(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [{"article_id": "a1", "split": "dev"}, {"article_id": "b1", "split": "test"}]
    assert select_split(rows, gold, "test") == rows[1:]
    assert select_split([{"article_id": "a1"}], gold, "all") == [{"article_id": "a1"}]
    with pytest.raises(ValueError, match="record a1 has no split"):
        select_split([{"article_id": "a1"}], gold, "test")
    with pytest.raises(FileNotFoundError, match="split table not found"):
        select_split(rows, gold, "test", splits=tmp_path / "splits.yaml")


# -- the evaluations read the table ----------------------------------------------------------


def _gold_beside_a_table(root: Path, record: dict, declared: str) -> tuple[Path, Path]:
    corpus = write_corpus(root / "corpus", {("wire", "a1"): ("2023-05-01", "A title", "Moscow hosted the talks.")})
    gold = root / "gold" / "x_gold.jsonl"
    gold.parent.mkdir()
    gold.write_text(json.dumps({"article_id": "a1", "start": 0, "end": 6, "text": "Moscow", **record}) + "\n",
                    encoding="utf-8")
    _table(gold.parent, {"x": {"file": "x_gold.jsonl", "measure": "mentions", declared: ["a1"]}})
    return gold, corpus


@pytest.mark.parametrize("evaluate, record", [
    (evaluate_mentions, {"actor": "russia", "kind": "metonym", "place": False, "split": "test"}),
    (evaluate_terms, {"set": None, "variant": None, "actor": None, "split": "test"}),
    (evaluate_quotes, {"kind": "direct", "split": "test"}),
])
def test_every_evaluation_refuses_a_record_that_disagrees_with_the_table(tmp_path, evaluate, record):
    gold, corpus = _gold_beside_a_table(tmp_path, record, "dev")
    with pytest.raises(ValueError, match="says split 'test', but .*splits.yaml puts the article in 'dev'"):
        evaluate(gold, corpus, split="test", nlp=object())  # refused before anything is parsed


def test_split_values_are_the_documented_ones():
    assert SPLITS == ("dev", "test", "excluded")


# -- every split table of tests/data, the real-news-shape sets included ------------------------

ALL_TABLES = sorted(DATA.rglob("splits.yaml"))
ALL_GOLD_FILES = sorted(p for p in DATA.rglob("*_gold.jsonl"))


def test_every_gold_file_under_tests_data_sits_in_one_split_table():
    covered = {}
    for path in ALL_TABLES:
        for gold_set in read_split_table(path).sets.values():
            covered.setdefault(gold_set.file.resolve(), []).append(path)
    assert {p.resolve() for p in ALL_GOLD_FILES} <= set(covered), "a gold file without a split table"
    assert all(len(tables) == 1 for tables in covered.values()), covered


@pytest.mark.parametrize("path", ALL_TABLES, ids=lambda p: str(p.relative_to(DATA)))
def test_each_table_lists_exactly_its_annotated_articles_keeps_a_test_split_and_does_not_leak(path):
    table = read_split_table(path)
    assert table.leaks() == []
    for name, gold_set in table.sets.items():
        rows = [json.loads(line) for line in gold_set.file.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(select_split(rows, gold_set.file, "all")) == len(rows)  # every record agrees with the table
        if name == "scare_quotes":
            continue  # an article without a scare quote has no record
        assert set(gold_set.split_of) == {r["article_id"] for r in rows}, name
        assert gold_set.articles("test"), f"{path}: {name} keeps no held-out article"


@pytest.mark.parametrize("path", [p for p in ALL_TABLES if (p.parent / "corpus").is_dir()],
                         ids=lambda p: str(p.relative_to(DATA)))
def test_a_constructed_corpus_beside_a_table_is_wholly_annotated(path):
    # Every article written for a held-out set is in its table: none was read and quietly left out.
    from framing.corpus import load_corpus

    ids = set(load_corpus(path.parent / "corpus")["id"])
    listed = set().union(*(s.split_of for s in read_split_table(path).sets.values()))
    assert ids == listed
