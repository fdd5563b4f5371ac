"""The article domain classifier (war / climate / other) and its packaged model."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.corpus import iter_corpus
from framing.domains import (
    DOMAINS,
    DomainClassifier,
    load_domain_documents,
    load_domain_model,
    measure_domains,
    save_domain_model,
)

from conftest import ROOT, shared_file

SHELLING = ("Russian forces shelled Kharkiv overnight, Ukraine's military said. Missiles struck residential "
            "buildings and the front line near Bakhmut saw heavy fighting as Kyiv asked its allies for more "
            "air defence.")
GLACIER = ("Alpine glaciers lost a record share of their ice this summer, scientists reported, as greenhouse gas "
           "emissions keep warming the planet. The researchers urged governments to cut carbon dioxide emissions "
           "faster to meet the Paris climate targets.")
COUNCIL = ("The city council approved next year's budget on Tuesday after a long debate over school funding, "
           "road repairs and a new library. The mayor said property taxes would stay flat, while two council "
           "members voted against the plan.")

# Toy training texts written for these tests (not from any data set).
TOY = [("tanks crossed the front and artillery shelled the town", "war"),
       ("the army fired missiles at the front line", "war"),
       ("soldiers retreated as shelling hit the town", "war"),
       ("emissions of carbon warm the climate", "climate"),
       ("the glacier melted as the climate warmed", "climate"),
       ("carbon emissions and rising seas", "climate"),
       ("the council voted on the school budget", "other"),
       ("the mayor cut taxes and the budget for roads", "other"),
       ("a school board debated the library budget", "other")]


@pytest.fixture(scope="module")
def model():
    return load_domain_model()


@pytest.mark.parametrize("text, expected", [(SHELLING, "war"), (GLACIER, "climate"), (COUNCIL, "other")])
def test_packaged_model_on_written_texts(model, text, expected):
    proba = model.predict_proba([text])[0]
    assert model.predict([text])[0] == expected
    assert proba.sum() == pytest.approx(1.0)
    assert proba.argmax() == DOMAINS.index(expected)


def test_prediction_is_deterministic_and_order_invariant(model):
    texts = [SHELLING, GLACIER, COUNCIL]
    first = model.predict_proba(texts)
    assert np.array_equal(first, model.predict_proba(texts))
    assert np.array_equal(first[::-1], model.predict_proba(texts[::-1]))
    assert np.array_equal(load_domain_model().predict_proba(texts), first)


def test_estimator_contract():
    texts, labels = zip(*TOY)
    estimator = DomainClassifier(ngram_range=(1, 1), min_df=1, C=10.0)
    with pytest.raises(NotFittedError):
        estimator.predict(["anything"])
    fitted = estimator.fit(texts, labels)
    assert fitted is estimator
    assert list(estimator.get_feature_names_out()) == ["domain__war", "domain__climate", "domain__other"]
    again = clone(estimator).fit(texts, labels)
    assert np.array_equal(again.predict_proba(texts), estimator.predict_proba(texts))
    reordered = clone(estimator).fit(texts[::-1], labels[::-1])
    np.testing.assert_allclose(reordered.predict_proba(texts), estimator.predict_proba(texts), atol=1e-6)
    restored = pickle.loads(pickle.dumps(estimator))
    assert np.array_equal(restored.predict_proba(texts), estimator.predict_proba(texts))
    assert list(estimator.predict(["artillery shelled the front", "the budget of the council"])) == ["war", "other"]
    with pytest.raises(ValueError, match="every domain"):
        clone(estimator).fit(texts[:6], labels[:6])
    with pytest.raises(ValueError, match="ngram_range"):
        DomainClassifier(ngram_range=(1, 3)).fit(texts, labels)


def test_artefact_round_trip(tmp_path):
    texts, labels = zip(*TOY)
    estimator = DomainClassifier(ngram_range=(1, 2), min_df=1).fit(texts, labels)
    save_domain_model(estimator, tmp_path / "m")
    loaded = load_domain_model(tmp_path / "m")
    assert loaded.version() == estimator.version()
    assert np.array_equal(loaded.predict_proba(texts), estimator.predict_proba(texts))
    assert loaded.get_params() == estimator.get_params()
    # the stored vocabulary holds single words and word pairs only
    assert max(len(term.split()) for term in loaded.vocabulary_) == 2
    # arrays from another run are refused
    config = json.loads((tmp_path / "m" / "domains.json").read_text())
    config["weights_sha256"] = "0" * 64
    (tmp_path / "m" / "domains.json").write_text(json.dumps(config))
    with pytest.raises(ValueError, match="digest"):
        load_domain_model(tmp_path / "m")
    with pytest.raises(FileNotFoundError):
        load_domain_model(tmp_path / "missing")


def test_packaged_artefact_holds_no_long_ngrams_and_a_stable_version(model):
    assert max(len(term.split()) for term in model.vocabulary_) <= 2
    config = json.loads((ROOT / "framing" / "models" / "domains" / "domains.json").read_text())
    assert model.version().startswith("domains-tfidf-1+")
    assert config["weights_sha256"].startswith(model.version().split("+")[1])


def test_measure_domains():
    assert measure_domains("roles") == ("war", "climate")

    class Narratives:
        domain = "URW"

    assert measure_domains("narratives", Narratives()) == ("war",)
    Narratives.domain = "CC"
    assert measure_domains("narratives", Narratives()) == ("climate",)
    with pytest.raises(ValueError):
        measure_domains("frames")


SAMPLE_WAR = 65
"""Articles of data/sample-corpus (65, all written about the Russia–Ukraine war) classed ``war``."""


def test_sample_corpus_articles_come_out_war(model):
    articles = [a for a in iter_corpus(ROOT / "data" / "sample-corpus") if a.ok]
    assert len(articles) == 65
    predicted = model.predict([f"{a.title}\n\n{a.text}" for a in articles])
    assert int((predicted == "war").sum()) == SAMPLE_WAR


def test_training_documents_and_held_out_scores_match_the_card(model):
    documents = load_domain_documents(shared_file())
    assert set(documents["domain"]) == set(DOMAINS)
    assert not documents["doc_id"].duplicated().any()
    assert "article729700539" not in set(documents["doc_id"])  # kept out of "other" (climate science)
    config = json.loads((ROOT / "framing" / "models" / "domains" / "domains.json").read_text())
    held = documents[documents["held_out"]]
    assert len(held) == config["report"]["held_out"]["n"]
    accuracy = float((model.predict(held["text"].tolist()) == held["domain"].to_numpy()).mean())
    assert accuracy == pytest.approx(config["report"]["held_out"]["accuracy"], abs=1e-4)
