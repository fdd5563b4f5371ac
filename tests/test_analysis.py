"""The one-call path on a tiny hand-written corpus."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import framing
from framing.corpus import load_corpus

from conftest import ARTICLES, shared_file


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    from conftest import write_corpus

    root = write_corpus(tmp_path_factory.mktemp("corpus"))
    return framing.analyze(root, progress=False)


def test_every_input_article_is_accounted_for(result):
    articles = result.articles.set_index("article_id")
    assert set(articles.index) == {article_id for _, article_id in ARTICLES}
    assert articles.loc["empty", "status"] == "skipped"
    assert articles.loc["empty", "skip_reason"] == "empty text"
    assert (articles.drop(index="empty")["status"] == "analyzed").all()
    assert result.run["counts"]["articles"] == 5
    assert result.run["counts"]["skip_reasons"] == {"empty text": 1}


def test_mentions_have_offsets_into_their_field(result):
    corpus = load_corpus_frame()
    for row in result.mentions.itertuples():
        source = corpus.loc[row.article_id, row.field]
        assert source[row.start:row.end] == row.surface


def load_corpus_frame():
    from conftest import write_corpus
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        return load_corpus(write_corpus(Path(folder))).set_index("id")


def test_aliases_members_and_ambiguity(result):
    mentions = result.mentions
    pairs = set(zip(mentions["surface"], mentions["actor"]))
    assert ("Kyiv", "ukraine") in pairs
    assert ("Kiev", "ukraine") in pairs
    assert ("Lavrov", "russia") in pairs or ("Sergey Lavrov", "russia") in pairs
    assert ("the Kremlin", "russia") in pairs or ("Kremlin", "russia") in pairs
    w2 = mentions[(mentions["article_id"] == "w2") & (mentions["actor"] == "united_states")]
    assert w2.empty, "'Washington state' is the US state, not the US government"


def test_stance_sign_on_clear_cases(result):
    stance = result.actor_stance.set_index(["article_id", "actor"])["stance"]
    assert stance.loc[("w2", "russia")] < 0  # condemned for brutal killing
    assert stance.loc[("s1", "nato")] < 0  # an aggressive bloc


def test_learned_stance_carries_class_probabilities(result):
    from framing.stance import STANCE_LABELS

    mentions = result.mentions
    assert result.run["models"]["stance"].startswith("minilm-tsc-1+")
    proba = mentions[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    assert proba.min() >= 0 and proba.sum(axis=1) == pytest.approx(1.0)
    assert mentions["stance"].to_numpy() == pytest.approx(proba[:, 2] - proba[:, 0])
    assert mentions["stance_label"].tolist() == [STANCE_LABELS[k] for k in proba.argmax(axis=1)]


def test_a_batch_of_articles_is_scored_in_one_call_as_each_field_alone(result, tiny_corpus, monkeypatch):
    """The learned scorer reads every mention of a batch in one call (full, length-sorted
    batches); a mention's probabilities are those of its field scored on its own."""
    import numpy as np

    from framing._nlp import load_nlp
    from framing.stance import get_scorer
    from framing.stance_model import TransformerStanceScorer

    calls = []
    original = TransformerStanceScorer.predict_proba_texts

    def counted(self, items):
        calls.append(len(items))
        return original(self, items)

    monkeypatch.setattr(TransformerStanceScorer, "predict_proba_texts", counted)
    again = framing.analyze(tiny_corpus, measures=(), batch_size=1000, progress=False)
    assert calls == [len(again.mentions)]
    pd.testing.assert_frame_equal(again.mentions, result.mentions)

    nlp, scorer = load_nlp(), get_scorer("model")
    corpus = load_corpus(tiny_corpus).set_index("id")
    for (article_id, field), rows in result.mentions.groupby(["article_id", "field"]):
        doc = nlp(corpus.loc[article_id, field])
        spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in zip(rows["start"], rows["end"])]
        np.testing.assert_allclose(rows[["p_negative", "p_neutral", "p_positive"]].to_numpy(),
                                   original(scorer, scorer.inputs(doc, spans)[0]), atol=1e-5)


def test_the_parser_holds_a_fixed_number_of_texts_however_large_the_batch(tiny_corpus):
    """The parser's working memory grows with the texts it holds at once, so a batch of many
    articles is parsed PARSE_BATCH texts at a time, and the tables do not depend on it."""
    from framing._nlp import load_nlp
    from framing.analysis import PARSE_BATCH

    nlp, asked = load_nlp(), []

    class Spy:
        def __getattr__(self, name):
            return getattr(nlp, name)

        def __call__(self, text):
            return nlp(text)

        def pipe(self, texts, **options):
            asked.append(options.get("batch_size"))
            return nlp.pipe(texts, **options)

    one_batch = framing.analyze(tiny_corpus, stance="lexicon", measures=("quotes",), batch_size=1000,
                                nlp=Spy(), progress=False)
    assert asked == [PARSE_BATCH]
    several = framing.analyze(tiny_corpus, stance="lexicon", measures=("quotes",), batch_size=1, progress=False)
    for name in ("mentions", "quotes"):
        pd.testing.assert_frame_equal(getattr(one_batch, name), getattr(several, name))


def test_lexicon_stance_has_no_probabilities(tiny_corpus):
    lexicon = framing.analyze(tiny_corpus, stance="lexicon", measures=(), progress=False)
    assert lexicon.run["models"]["stance"] == "lexicon-1"
    assert len(lexicon.mentions) and lexicon.mentions[["p_negative", "p_neutral", "p_positive"]].isna().all().all()


def test_article_actor_table_aggregates_mentions(result):
    table = result.actor_stance
    assert not table.duplicated(["article_id", "actor"]).any()
    counts = result.mentions.groupby(["article_id", "actor"]).size()
    merged = table.set_index(["article_id", "actor"])["n_mentions"]
    pd.testing.assert_series_equal(merged.sort_index(), counts.sort_index(), check_names=False)
    means = result.mentions.groupby(["article_id", "actor"])["stance"].mean()
    pd.testing.assert_series_equal(table.set_index(["article_id", "actor"])["stance"].sort_index(),
                                   means.sort_index(), check_names=False)


def test_streamed_output_equals_in_memory_and_batch_size_does_not_matter(result, tiny_corpus, tmp_path):
    streamed = framing.analyze(tiny_corpus, out=tmp_path / "run", batch_size=1, progress=False)
    for name in ("articles", "mentions", "actor_stance"):
        pd.testing.assert_frame_equal(getattr(streamed, name), getattr(result, name))
    run = json.loads((tmp_path / "run" / "run.json").read_text())
    assert run["counts"]["mentions"] == len(result.mentions)
    assert run["models"]["spacy"].startswith("en_")
    reread = framing.read_analysis(tmp_path / "run")
    pd.testing.assert_frame_equal(reread.mentions, result.mentions)


def test_empty_corpus_and_non_analysis_folder_are_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="no articles"):
        framing.analyze(pd.DataFrame(columns=["id", "outlet", "text"]), progress=False)
    with pytest.raises(FileNotFoundError, match="not an analysis folder"):
        framing.read_analysis(tmp_path)


def test_seed_article_finds_the_expected_actors_and_speakers(tmp_path):
    path = shared_file("seed-article.txt")
    result = framing.analyze(path, progress=False, corpus_options={"outlet": "seed"})
    actors = set(result.mentions["actor"])
    assert {"nato", "russia", "ukraine", "united_states", "united_kingdom", "the_west"} <= actors
    members = result.mentions.dropna(subset=["member"]).set_index("member")["actor"].to_dict()
    assert members.get("Sergey Lavrov") == "russia"
    assert members.get("Antony Blinken") == "united_states"


def test_seed_article_voice_and_wording():
    path = shared_file("seed-article.txt")
    result = framing.analyze(path, progress=False, corpus_options={"outlet": "seed"})
    quotes = result.quotes
    lavrov = quotes[quotes["speaker"] == "Sergey Lavrov"]
    assert (lavrov["kind"] == "direct").sum() >= 3
    assert set(lavrov["speaker_actor"]) == {"russia"}
    blinken = quotes[quotes["speaker"] == "Antony Blinken"]
    assert set(blinken["speaker_actor"]) == {"united_states"}
    assert set(blinken["verb_class"]) == {"distancing"}
    kiev = result.terms[(result.terms["set"] == "kyiv_spelling")]
    assert set(kiev["variant"]) == {"kiev"} and len(kiev) >= 3
    scare = result.marks[result.marks["kind"] == "scare_quote"]
    assert "justice" in set(scare["surface"])


def test_article_role_is_a_child_of_the_article_main_role():
    """Averaged over mentions, the best fine role overall can sit under another main role than the
    best main role ("Antagonist" with "Guardian"); the table keeps the pair consistent."""
    import numpy as np

    from framing.measures.roles import aggregate_roles as _aggregate_roles
    from framing.corpus import Article
    from framing.roles import FINE_ROLES, MAIN_ROLES

    class Model:
        fine_roles_ = tuple(fine for main in MAIN_ROLES for fine in FINE_ROLES[main])

    def fine(**probabilities):
        row = np.zeros(len(Model.fine_roles_))
        for name, p in probabilities.items():
            row[Model.fine_roles_.index(name.replace("_", " "))] = p
        return row

    rows = [("russia", np.array([0.45, 0.55, 0.0]), fine(Guardian=0.45, Instigator=0.2, Tyrant=0.35)),
            ("nato", np.array([0.1, 0.2, 0.7]), fine(Victim=0.5, Foreign_Adversary=0.2))]
    table = {row["actor"]: row for row in _aggregate_roles(Article("a", "o", "t", "x"), rows, Model())}
    assert (table["russia"]["main_role"], table["russia"]["fine_role"]) == ("Antagonist", "Tyrant")
    assert table["russia"]["p_fine_role"] == pytest.approx(0.35)
    assert (table["nato"]["main_role"], table["nato"]["fine_role"]) == ("Innocent", "Victim")


def test_irregular_input_is_a_recorded_warning(tmp_path):
    root = tmp_path / "corpus"
    (root / "desk").mkdir(parents=True)
    (root / "desk" / "a.txt").write_text("date: 2010-05-28\nurl: https://example.org/a\nNATO meets\n\n"
                                         "NATO ministers met in Tallinn.\n", encoding="utf-8")
    (root / "desk" / "b.txt").write_text("---\ndate: 2010-05-29\n---\nKyiv talks\n\nUkraine met the EU.\n",
                                         encoding="utf-8")
    result = framing.analyze(root, stance="lexicon", measures=[], progress=False)
    articles = result.articles.set_index("article_id")
    assert articles.loc["a", "title"] == "NATO meets"
    assert articles.loc["a", "date"] == pd.Timestamp("2010-05-28")
    assert "without '---' delimiters" in articles.loc["a", "warning"]
    assert pd.isna(articles.loc["b", "warning"])
    assert result.run["counts"]["articles_with_warnings"] == 1
    assert result.run["counts"]["warnings"] == {"front matter without '---' delimiters": 1}


# --------------------------------------------------------------------------- domains

_DOMAIN_ARTICLES = {
    ("wire", "war"): ("2023-02-20", "Shelling of Kharkiv",
                      "Russian forces shelled Kharkiv overnight and missiles hit homes near the front line. "
                      "Ukraine asked the United States for more air defence as fighting raged near Bakhmut."),
    ("wire", "council"): ("2023-02-21", "Council passes budget",
                          "The city council approved next year's budget after a long debate over school funding, "
                          "road repairs and a new library. The mayor said a grant from the United States "
                          "Department of Education would pay for part of the library, and property taxes stay flat."),
    ("wire", "blank"): ("2023-02-22", "Only a title", ""),
}


@pytest.fixture(scope="module")
def domain_run(tmp_path_factory):
    from conftest import write_corpus

    root = write_corpus(tmp_path_factory.mktemp("domains"), _DOMAIN_ARTICLES)
    return framing.analyze(root, stance="lexicon", measures=["roles", "narratives"], progress=False)


def test_every_article_gets_a_domain(domain_run):
    articles = domain_run.articles.set_index("article_id")
    assert list(domain_run.articles.columns[-2:]) == ["domain", "domain_score"]
    assert articles.loc["war", "domain"] == "war" and articles.loc["council", "domain"] == "other"
    assert 0.5 < articles.loc["council", "domain_score"] <= 1.0
    # a skipped article is still a row, without a domain
    assert articles.loc["blank", "status"] == "skipped" and pd.isna(articles.loc["blank", "domain"])
    assert domain_run.run["models"]["domains"].startswith("domains-tfidf-1+")


def test_off_domain_rows_are_written_and_marked(domain_run):
    roles = domain_run.roles.set_index(["article_id", "actor"])
    assert roles.loc[("council", "united_states"), "in_domain"] == False  # noqa: E712 (numpy bool)
    assert roles.loc[("war", "united_states"), "in_domain"] == True  # noqa: E712
    narratives = domain_run.narratives
    assert set(narratives["article_id"]) == {"war", "council"}
    assert not narratives.loc[narratives["article_id"] == "council", "in_domain"].any()
    assert narratives.loc[narratives["article_id"] == "war", "in_domain"].all()
    roles_table = framing.compare_roles(domain_run, seed=0)
    us = roles_table[roles_table["actor"] == "united_states"]
    assert set(us["n_articles"]) == {1} and set(us["n_out_of_domain"]) == {1}
    assert roles_table.attrs["n_out_of_domain"] == (domain_run.roles["in_domain"] == False).sum()  # noqa: E712
    narrative_table = framing.compare_narratives(domain_run, seed=0)
    assert set(narrative_table["n_articles"]) == {1} and set(narrative_table["n_out_of_domain"]) == {1}
    assert narrative_table.attrs["n_out_of_domain"] == 1


def test_domain_model_version_is_part_of_the_fingerprint(tmp_path, monkeypatch, tiny_corpus):
    from framing import analysis
    from framing._runfolder import RunFolderError
    from framing.domains import load_domain_model

    first = framing.analyze(tiny_corpus, stance="lexicon", measures=[], out=tmp_path / "run", progress=False)
    assert first.run["models"]["domains"] == load_domain_model().version()
    other = load_domain_model()
    other.coef_ = other.coef_ * 2
    assert other.version() != first.run["models"]["domains"]
    monkeypatch.setattr(analysis, "load_domain_model", lambda: other)
    with pytest.raises(RunFolderError, match="another configuration"):
        framing.analyze(tiny_corpus, stance="lexicon", measures=[], out=tmp_path / "run", resume=True,
                        progress=False)
