"""Incremental runs: batch boundaries follow the articles' content, so adding, changing or removing
an article changes its own batch only; ``update`` takes every other batch from the cache the last
run left, and its tables equal those of a run from scratch. A run's result reads its tables from
disk when asked, and refuses tables that another run has since replaced."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

import framing
from framing import _version
from framing._runfolder import RunFolderError
from framing.analysis import _batches
from framing.corpus import Article

from conftest import ARTICLES, write_corpus

MORE = {
    ("wire", "w3"): ("2023-03-01", "Talks in Geneva", "Diplomats from Ukraine and the EU met in Geneva. NATO sent an observer."),
    ("state", "s3"): ("2023-03-02", "Moscow responds", "The Kremlin said Kyiv had rejected every offer of talks."),
    ("wire", "w4"): ("2023-03-03", "Aid package", "Washington announced new aid for Ukraine; Russia condemned it."),
}
OPTIONS = {"stance": "lexicon", "measures": ["quotes", "wording"], "batch_size": 2, "progress": False}


def _articles(n: int, prefix: str = "a") -> list[Article]:
    return [Article(f"{prefix}{i}", "o", f"title {i}", f"text number {i} of the corpus") for i in range(n)]


def _boundaries(articles: list[Article], size: int) -> list[tuple[str, ...]]:
    return [tuple(a.id for a in batch) for batch, _ in _batches(articles, size)]


def test_batches_end_where_the_content_says_and_keep_every_article_in_order():
    articles = _articles(300)
    batches = _boundaries(articles, 8)
    assert [i for batch in batches for i in batch] == [a.id for a in articles]
    assert max(map(len, batches)) <= 32
    assert 15 < len(batches) < 75  # about 300 / 8 = 38 batches of 8 on average
    assert _boundaries(articles, 1) == [(a.id,) for a in articles]


def test_inserting_an_article_changes_its_own_batch_only():
    articles = _articles(300)
    inserted = articles[:150] + [Article("new", "o", "a new title", "a new text")] + articles[150:]
    before, after = set(_boundaries(articles, 8)), set(_boundaries(inserted, 8))
    changed = after - before
    assert len(changed) <= 2  # the batch that holds the new article (and the cap can shift one more)
    assert any("new" in batch for batch in changed)
    assert len(before - after) <= 2


def _tables(result) -> dict[str, pd.DataFrame]:
    return {name: table.reset_index(drop=True) for name, table in result.tables.items()}


def _assert_same_tables(result, reference) -> None:
    assert set(result.tables) == set(reference.tables)
    for name, table in _tables(reference).items():
        pd.testing.assert_frame_equal(_tables(result)[name], table, obj=name)


def test_update_analyses_only_the_new_articles_and_equals_a_run_from_scratch(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    first = framing.analyze(corpus, out=run, **OPTIONS)
    assert first.run["reused"]["articles"] == 0
    n_entries = len(list((run / ".cache").iterdir()))
    assert n_entries == first.run["progress"]["batches_done"]

    write_corpus(corpus, MORE)
    updated = framing.analyze(corpus, out=run, update=True, **OPTIONS)
    scratch = framing.analyze(corpus, out=tmp_path / "scratch", **OPTIONS)
    _assert_same_tables(updated, scratch)
    reused = updated.run["reused"]
    assert reused["from_cache"]["articles"] > 0
    assert reused["articles"] == reused["from_cache"]["articles"]
    # exactly the batches of the old corpus that the new one still has came from the cache
    from framing.corpus import iter_corpus

    old = {hashes for _, hashes in _batches(iter_corpus(write_corpus(tmp_path / "old")), 2)}
    new = list(_batches(iter_corpus(corpus), 2))
    assert reused["articles"] == sum(len(batch) for batch, hashes in new if hashes in old) > 0
    assert updated.run["counts"]["articles"] == len(ARTICLES) + len(MORE)
    assert updated.run["run_id"] == scratch.run["run_id"]  # the same configuration and corpus: the same run

    # nothing new: every batch comes from the cache
    again = framing.analyze(corpus, out=run, update=True, **OPTIONS)
    assert again.run["reused"]["from_cache"]["articles"] == len(ARTICLES) + len(MORE)
    _assert_same_tables(again, scratch)


def test_update_after_a_change_or_a_removal_recomputes_that_batch_and_drops_stale_cache(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {**ARTICLES, **MORE})
    run = tmp_path / "run"
    framing.analyze(corpus, out=run, **OPTIONS)
    (corpus / "wire" / "w3.txt").write_text("---\ndate: 2023-03-01\n---\nTalks in Geneva\n\nRussia walked out.\n",
                                            encoding="utf-8")
    (corpus / "state" / "s3.txt").unlink()
    updated = framing.analyze(corpus, out=run, update=True, **OPTIONS)
    scratch = framing.analyze(corpus, out=tmp_path / "scratch", **OPTIONS)
    _assert_same_tables(updated, scratch)
    assert "s3" not in set(updated.articles["article_id"])
    assert updated.run["reused"]["from_cache"]["articles"] < len(ARTICLES) + len(MORE) - 1
    keys = {json.loads((entry / "batch.json").read_text())["key"] for entry in (run / ".cache").iterdir()}
    assert len(keys) == updated.run["progress"]["batches_done"]  # entries of this run only


def test_update_with_another_configuration_reuses_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    framing.analyze(corpus, out=run, **OPTIONS)
    other = {**OPTIONS, "measures": ["quotes"]}
    updated = framing.analyze(corpus, out=run, update=True, **other)
    assert updated.run["reused"]["articles"] == 0
    _assert_same_tables(updated, framing.analyze(corpus, out=tmp_path / "scratch", **other))


def test_update_after_the_package_code_changed_reuses_nothing(tmp_path, monkeypatch):
    """An editable install whose rules changed within one version: the version is the same, the
    code digest is not, so no batch of the old rules is reused and a resume is refused."""
    from framing import analysis

    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    first = framing.analyze(corpus, out=run, **OPTIONS)
    assert first.run["models"]["framing"] == _version.code_digest()
    monkeypatch.setattr(analysis, "code_digest", lambda: "edited-rules")
    updated = framing.analyze(corpus, out=run, update=True, **OPTIONS)
    assert updated.run["reused"]["articles"] == 0
    assert updated.run["models"]["framing"] == "edited-rules"
    monkeypatch.setattr(analysis, "code_digest", lambda: "edited-again")
    with pytest.raises(RunFolderError, match="another configuration"):
        framing.analyze(corpus, out=run, resume=True, **OPTIONS)


def test_the_code_digest_follows_the_files_of_the_package_and_not_its_documentation(tmp_path, monkeypatch):
    package = tmp_path / "framing"
    (package / "data").mkdir(parents=True)
    (package / "quotes.py").write_text("RULE = 1\n", encoding="utf-8")
    (package / "data" / "validation.yaml").write_text("quotes: 0.9\n", encoding="utf-8")
    (package / "README.md").write_text("notes\n", encoding="utf-8")
    monkeypatch.setattr(_version, "_ROOT", package)
    before = _version.code_digest()
    (package / "data" / "validation.yaml").write_text("quotes: 0.8\n", encoding="utf-8")
    (package / "README.md").write_text("other notes\n", encoding="utf-8")
    assert _version.code_digest() == before
    (package / "quotes.py").write_text("RULE = 2\n", encoding="utf-8")
    assert _version.code_digest() != before
    (package / "quotes.py").write_text("RULE = 1\n", encoding="utf-8")
    assert _version.code_digest() == before


def test_an_interrupted_update_resumes_to_the_same_tables(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    framing.analyze(corpus, out=run, **OPTIONS)
    write_corpus(corpus, MORE)
    from framing import analysis

    calls = {"n": 0}
    original = analysis._analyze_batch

    def interrupted(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(analysis, "_analyze_batch", interrupted)
    try:
        framing.analyze(corpus, out=run, update=True, **OPTIONS)
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(analysis, "_analyze_batch", original)
    state = json.loads((run / "run.json").read_text())["state"]
    if calls["n"] >= 2:
        assert state == "interrupted"
        resumed = framing.analyze(corpus, out=run, resume=True, **OPTIONS)
    else:  # every batch but one came from the cache: nothing was left to interrupt
        resumed = framing.read_analysis(run)
    _assert_same_tables(resumed, framing.analyze(corpus, out=tmp_path / "scratch", **OPTIONS))


def test_overwrite_clears_the_cache_and_update_needs_a_folder_it_may_write(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    framing.analyze(corpus, out=run, **OPTIONS)
    again = framing.analyze(corpus, out=run, overwrite=True, **OPTIONS)
    assert again.run["reused"]["articles"] == 0
    with pytest.raises(ValueError, match="choose one of overwrite, resume and update"):
        framing.analyze(corpus, out=run, overwrite=True, update=True, **OPTIONS)
    with pytest.raises(framing.analysis.RunFolderError, match="--update"):
        framing.analyze(corpus, out=run, **OPTIONS)


def test_a_result_reads_its_tables_when_asked_and_refuses_those_of_a_later_run(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    first = framing.analyze(corpus, out=run, **OPTIONS)
    assert first.run["counts"]["mentions"] == len(first.mentions)  # counted without reading, then read
    second = framing.analyze(corpus, out=run, overwrite=True, **{**OPTIONS, "measures": []})
    with pytest.raises(RuntimeError, match="replaced by another run"):
        first.quotes
    assert len(second.quotes) == 0


def test_the_cli_says_what_it_reused(tmp_path, capsys):
    from framing.cli import main

    corpus = write_corpus(tmp_path / "corpus")
    run = tmp_path / "run"
    args = ["analyze", str(corpus), "--out", str(run), "--quiet", "--stance", "lexicon", "--batch-size", "2"]
    assert main(args) == 0
    write_corpus(corpus, MORE)
    assert main([*args, "--update"]) == 0
    out = capsys.readouterr().out
    assert "from the last run's cache" in out
    shutil.rmtree(run / ".cache")
    assert main([*args, "--update"]) == 0  # no cache: everything is analysed again
    assert "reused" not in capsys.readouterr().out.split("\n")[0]
