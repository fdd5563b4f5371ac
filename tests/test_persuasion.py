"""Persuasion techniques (framing.persuasion): reader, features, heads, spans, actor tie, evaluation."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from conftest import shared_file

from framing._heldout import is_held_out
from framing.persuasion import (
    TECHNIQUES,
    PersuasionClassifier,
    _dense_features,
    article_shares,
    evaluate_persuasion,
    label_matrix,
    load_persuasion_model,
    load_semeval_persuasion,
    sentence_examples,
    split_paragraphs,
    split_sentences,
    technique_descriptions,
    tie_actor,
    train_persuasion,
)

# Constructed paragraphs (written for these tests): a cue word per technique.
CUES = {
    "Name_Calling-Labeling": ["The senator is a spineless coward.", "Only a coward would say so."],
    "Doubt": ["Is the minister really telling the truth?", "Few believe the minister's account."],
    "Flag_Waving": ["Our great nation deserves patriots.", "Every patriot loves the nation."],
}
PLAIN = ["The council met on Tuesday.", "Rainfall was normal in March.", "The report has twelve pages.",
         "Trains ran on time.", "The bridge opened in June."]


def _write_folder(root, n_articles: int = 24, first_id: int = 1000):
    """A SemEval-2023 subtask 3 style folder of constructed articles: each article is a title
    and four paragraphs; paragraphs with a cue sentence carry that technique and a span."""
    (root / "articles").mkdir(parents=True)
    (root / "spans").mkdir()
    labels, names = [], list(CUES)
    for a in range(n_articles):
        article = str(first_id + a)
        technique = names[a % len(names)]
        cue = CUES[technique][a % 2]
        lines = [f"Title number {a}", "", f"{PLAIN[a % 5]} {cue}", "", PLAIN[(a + 1) % 5], "",
                 f"{cue} {PLAIN[(a + 2) % 5]}", "", PLAIN[(a + 3) % 5]]
        text = "\n".join(lines)
        (root / "articles" / f"article{article}.txt").write_text(text, encoding="utf-8")
        spans, offset = [], 0
        for number, line in enumerate(lines, start=1):
            if line:
                found = technique if cue in line else ""
                labels.append(f"{article}\t{number}\t{found}")
                if found:
                    start = offset + line.index(cue)
                    spans.append(f"{article}\t{technique}\t{start}\t{start + len(cue)}")
            offset += len(line) + 1
        (root / "spans" / f"article{article}-labels-subtask-3.txt").write_text("\n".join(spans) + "\n")
    (root / "labels-paragraphs.txt").write_text("\n".join(labels) + "\n", encoding="utf-8")
    return root


def test_technique_file_has_the_23_labels_with_descriptions():
    table = technique_descriptions()
    assert len(TECHNIQUES) == 23 == len(set(TECHNIQUES))
    assert table["description"].str.len().min() > 20
    assert set(table["family"]) == {"attack on reputation", "justification", "distraction", "simplification",
                                    "call", "manipulative wording"}
    assert sorted(table.loc[~table["english_training"], "technique"]) == [
        "Appeal_to_Time", "Appeal_to_Values", "Consequential_Oversimplification", "Questioning_the_Reputation"]


def test_technique_file_covers_the_shared_labels():
    folder = shared_file("semeval2023-persuasion-en")
    paragraphs, spans = load_semeval_persuasion(folder)
    seen = {t for row in paragraphs["techniques"] for t in row} | set(spans["technique"])
    assert seen <= set(TECHNIQUES)
    trained = set(technique_descriptions().query("english_training")["technique"])
    assert seen == trained


def test_split_sentences_and_paragraphs_offsets():
    text = 'He said "No." Then he left! Did she? 3 people came.'
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ['He said "No."', "Then he left!", "Did she?", "3 people came."]
    assert split_sentences("  one sentence only  ") == [(2, 19)]
    body = "First line.\n\n  Second para. \nThird"
    assert [body[a:b] for a, b in split_paragraphs(body)] == ["First line.", "Second para.", "Third"]


def test_reader_maps_spans_to_lines(tmp_path):
    folder = _write_folder(tmp_path / "data", n_articles=3)
    paragraphs, spans = load_semeval_persuasion(folder)
    assert len(paragraphs) == 3 * 5 and paragraphs["line"].tolist()[:5] == [1, 3, 5, 7, 9]
    assert paragraphs.loc[1, "techniques"] == ("Name_Calling-Labeling",)
    for row in spans.itertuples():
        text = paragraphs.set_index(["doc_id", "line"]).loc[(row.doc_id, row.line), "text"]
        assert text[row.start:row.end] in {c for cues in CUES.values() for c in cues}
    sentences, labels = sentence_examples(paragraphs, spans)
    positive = [s for s, row in zip(sentences, labels) if row.any()]
    assert positive and all(s in {c for cues in CUES.values() for c in cues} for s in positive)


def test_reader_refuses_a_folder_without_labels(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_semeval_persuasion(tmp_path)


def test_label_matrix_checks_names():
    Y = label_matrix([("Doubt",), (), ("Doubt", "Slogans")])
    assert Y.shape == (3, 23) and Y.sum() == 3 and Y[:, TECHNIQUES.index("Doubt")].tolist() == [1, 0, 1]
    with pytest.raises(ValueError):
        label_matrix([("Not_A_Technique",)])
    with pytest.raises(TypeError):
        label_matrix(["Doubt"])


def test_repetition_features_see_the_rest_of_the_article():
    texts = ["We will never surrender our freedom today.", "Markets were calm.",
             "Again: we will never surrender our freedom.", "Markets were calm."]
    D = _dense_features(texts, ["a", "a", "a", "b"], [True, False, False, True])
    # trigrams shared with another paragraph of the same article (column 8, log1p of the count)
    assert D[0, 8] > 0 and D[2, 8] > 0
    assert D[1, 8] == 0 and D[3, 8] == 0  # "Markets were calm." recurs only in another article


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    folder = _write_folder(tmp_path_factory.mktemp("persuasion") / "data")
    paragraphs, spans = load_semeval_persuasion(folder)
    model = PersuasionClassifier(char=False, word_features=None, threshold="global", inner_folds=2,
                                 min_positives=2).fit(paragraphs, spans)
    return folder, paragraphs, model


def test_heads_learn_constructed_cues(tiny_model):
    _, paragraphs, model = tiny_model
    table = pd.DataFrame({"doc_id": ["x", "x", "x"], "text": [
        "Honestly, the mayor is a spineless coward; only a coward would say so.", "The bridge opened in June.",
        "Our great nation deserves patriots like you."]})
    predicted = model.predict(table)
    assert "Name_Calling-Labeling" in predicted[0] and "Flag_Waving" not in predicted[0]
    assert predicted[1] == ()
    assert "Flag_Waving" in predicted[2]
    proba = model.predict_proba(table)
    assert proba.shape == (3, 23) and np.all((proba >= 0) & (proba <= 1))
    # techniques without training paragraphs are never predicted
    assert proba[:, TECHNIQUES.index("Slogans")].max() < 1e-6


def test_paragraph_vectors_join_the_features_and_survive_saving(tiny_model, tmp_path):
    """``vectors`` adds each paragraph's MiniLM vector (weighted) to the paragraph heads' features;
    a saved model with them encodes again when it predicts, with the same scores."""
    from framing.encoder import SentenceEncoder
    from framing.persuasion import save_persuasion_model

    folder, paragraphs, plain = tiny_model
    spans = load_semeval_persuasion(folder)[1]
    model = PersuasionClassifier(char=False, word_features=None, threshold=0.5, vectors=1.0).fit(paragraphs, spans)
    assert model.coef_.shape[1] == plain.coef_.shape[1] + 384
    texts = ["Only a coward would say so.", "The bridge opened in June."]
    features = model._features(texts, ["x", "x"], [True, False]).toarray()
    np.testing.assert_allclose(features[:, -384:], SentenceEncoder().encode(texts), atol=1e-5)
    save_persuasion_model(model, tmp_path / "m", training={"command": "test"})
    loaded = load_persuasion_model(tmp_path / "m")
    assert loaded.vectors == 1.0
    np.testing.assert_allclose(loaded.predict_proba(paragraphs), model.predict_proba(paragraphs), atol=2e-3)
    assert load_persuasion_model().vectors == 0.0  # the packaged model runs no encoder


def test_the_paragraph_vector_cache_is_emptied_before_it_grows_past_its_cap(monkeypatch):
    from framing import persuasion
    from framing.encoder import MemoEncoder, SentenceEncoder, shared_encoder

    assert persuasion._VECTORS_KEPT == 20_000
    monkeypatch.setattr(persuasion, "_VECTORS", MemoEncoder(shared_encoder(), keep=3))
    first, second = ["One.", "Two."], ["Three.", "Four.", "One."]
    persuasion._paragraph_vectors(first)
    assert set(persuasion._VECTORS.memory) == set(first)
    vectors = persuasion._paragraph_vectors(second)  # 2 kept + 2 new > 3: emptied, then this call's three
    assert set(persuasion._VECTORS.memory) == set(second)
    np.testing.assert_allclose(vectors, SentenceEncoder().encode(second), atol=1e-5)


def test_span_lexicon_scores_the_words_annotators_put_inside_spans(tiny_model, tmp_path):
    """A cue word scores above 0 for its technique and below for the others; a word never inside
    a span scores below 0 everywhere; the training paragraphs' features come from the other
    folds' lexicons, so they differ from the fitted lexicon's own; a saved model keeps it."""
    from framing.persuasion import _lexicon_features, save_persuasion_model, span_lexicon

    folder, paragraphs, plain = tiny_model
    spans = load_semeval_persuasion(folder)[1]
    model = PersuasionClassifier(char=False, word_features=None, threshold=0.5, lexicon=0.5).fit(paragraphs, spans)
    words, scores = span_lexicon(paragraphs, spans)
    row = {w: scores[i] for i, w in enumerate(words)}
    name_calling, doubt = TECHNIQUES.index("Name_Calling-Labeling"), TECHNIQUES.index("Doubt")
    assert row["coward"][name_calling] > 1 and row["coward"][doubt] < 0
    assert row["truth"][doubt] > 1 and row["truth"][name_calling] < 0
    assert (row["bridge"] < 0).all() and (row["rainfall"] < 0).all()
    features = _lexicon_features(["Only a coward.", "Zyx qwv.", ""], words, scores)
    assert features.shape == (3, 69)
    assert features[0, name_calling] == pytest.approx(row["coward"][name_calling])  # the highest word
    mean = np.mean([row[w][name_calling] for w in ("only", "a", "coward")])
    assert features[0, 23 + name_calling] == pytest.approx(mean)
    assert not features[1:].any()  # words the lexicon lacks score 0, and so does an empty paragraph
    assert model.coef_.shape[1] == plain.coef_.shape[1] + 69 and plain.lexicon == 0.0
    rows = model._fit_lexicon(paragraphs, spans)
    np.testing.assert_array_equal(model.lexicon_words_, words)
    assert not np.allclose(rows, _lexicon_features(paragraphs["text"].tolist(), words, scores))
    save_persuasion_model(model, tmp_path / "m", training={"command": "test"})
    loaded = load_persuasion_model(tmp_path / "m")
    assert loaded.lexicon == 0.5
    np.testing.assert_allclose(loaded.predict_proba(paragraphs), model.predict_proba(paragraphs), atol=2e-3)
    assert load_persuasion_model().lexicon == 0.0  # the packaged model has no lexicon
    with pytest.raises(ValueError, match="lexicon"):
        PersuasionClassifier(sentence_weight=0.0, threshold=0.5, lexicon=0.5).fit(paragraphs)


def test_locate_gives_the_sentence_with_the_cue(tiny_model):
    _, _, model = tiny_model
    paragraph = "The bridge opened in June. Is the minister really telling the truth? Trains ran on time."
    start, end, score = model.locate(paragraph, ["Doubt"])["Doubt"]
    assert paragraph[start:end] == "Is the minister really telling the truth?"
    assert 0 <= score <= 1


def test_word_span_takes_the_top_word_and_its_positive_neighbours():
    from framing.persuasion import _word_span, _word_spans

    text = "They called him a truly reckless, shameless, vile liar today."
    score_of = {"truly": 0.5, "reckless": 2.0, "shameless": 1.0, "vile": 1.5, "liar": 0.2, "today": -1.0}
    start, end, score = _word_span(_word_spans(text), score_of)
    # the top word, then the positive run to its left ("truly"), then to its right, four words at most
    assert text[start:end] == "truly reckless, shameless, vile" and score == 2.0
    start, end, _ = _word_span(_word_spans("A reckless move. Calm words."), {"reckless": 1.0, "calm": 1.0})
    assert (start, end) == (2, 10)  # the first of equal words; a non-scoring neighbour stops the span
    assert _word_span(_word_spans("Calm words only."), {"calm": -0.5, "words": 0.0}) is None
    assert _word_span(_word_spans(""), {"calm": 1.0}) is None


def test_locate_words_gives_the_cue_words_of_word_level_techniques(tiny_model, tmp_path):
    from framing.persuasion import WORD_SPAN_TECHNIQUES, save_persuasion_model, weights_digest

    _, _, model = tiny_model
    paragraph = "Trains ran on time. The mayor is a spineless coward, only a coward would say so."
    found = model.locate_words(paragraph, ["Name_Calling-Labeling", "Doubt"])
    assert set(found) == {"Name_Calling-Labeling"}  # Doubt is located by its sentence only
    start, end, score = found["Name_Calling-Labeling"]
    words = paragraph[start:end]
    assert "coward" in words and len(words.split()) <= 4 and score > 0
    assert start > paragraph.index("Trains ran on time.") + len("Trains ran on time.")
    assert model.locate_words("The bridge opened in June.", ["Name_Calling-Labeling"]) == {}
    assert set(model.span_words_) >= {"coward", "spineless"} and "bridge" not in set(model.span_words_)
    assert model.span_scores_.shape == (len(model.span_words_), len(WORD_SPAN_TECHNIQUES))
    save_persuasion_model(model, tmp_path / "m", training={"command": "test"})
    loaded = load_persuasion_model(tmp_path / "m")
    assert loaded.locate_words(paragraph, ["Name_Calling-Labeling"]) == {"Name_Calling-Labeling": (
        start, end, pytest.approx(score, abs=1e-2))}
    # a folder saved before word spans existed loads, and locates no words
    with np.load(tmp_path / "m" / "persuasion.npz") as stored:
        arrays = {k: v for k, v in stored.items() if not k.startswith("span_")}
    np.savez_compressed(tmp_path / "m" / "persuasion.npz", **arrays)
    config = json.loads((tmp_path / "m" / "persuasion.json").read_text())
    config["weights_sha256"] = weights_digest(arrays)
    (tmp_path / "m" / "persuasion.json").write_text(json.dumps(config))
    older = load_persuasion_model(tmp_path / "m")
    assert older.locate_words(paragraph, ["Name_Calling-Labeling"]) == {}
    assert older.predict(pd.DataFrame({"text": [paragraph]})) == model.predict(pd.DataFrame({"text": [paragraph]}))


def test_sentence_heads_read_characters_and_older_folders_keep_words(tmp_path):
    from framing.persuasion import save_persuasion_model

    folder = _write_folder(tmp_path / "data", n_articles=12)
    paragraphs, spans = load_semeval_persuasion(folder)
    both = PersuasionClassifier(word_features=None, char_features=None, threshold=0.5).fit(paragraphs, spans)
    words = PersuasionClassifier(word_features=None, char_features=None, threshold=0.5,
                                 sentence_char=False).fit(paragraphs, spans)
    n_words, n_chars = len(both.word_.vocabulary_), len(both.char_.vocabulary_)
    assert both.sentence_char and both.sentence_coef_.shape[1] == n_words + n_chars
    assert words.sentence_coef_.shape[1] == n_words
    texts = paragraphs["text"].tolist()
    for name, model in (("both", both), ("words", words)):
        save_persuasion_model(model, tmp_path / name, training={"command": "test"})
        loaded = load_persuasion_model(tmp_path / name)
        assert loaded.sentence_char == model.sentence_char
        np.testing.assert_allclose(loaded.sentence_proba(texts), model.sentence_proba(texts), atol=2e-3)
    # a folder written before the option has no such parameter: its sentence heads read words alone
    config = json.loads((tmp_path / "words" / "persuasion.json").read_text())
    del config["params"]["sentence_char"]
    (tmp_path / "words" / "persuasion.json").write_text(json.dumps(config))
    older = load_persuasion_model(tmp_path / "words")
    assert older.sentence_char is False
    np.testing.assert_allclose(older.sentence_proba(texts), words.sentence_proba(texts), atol=2e-3)


def test_saved_model_gives_the_same_scores(tiny_model, tmp_path):
    from framing.persuasion import save_persuasion_model

    _, paragraphs, model = tiny_model
    save_persuasion_model(model, tmp_path / "m", training={"command": "test"})
    loaded = load_persuasion_model(tmp_path / "m")
    # coefficients are stored as float16: probabilities agree to about 1e-3, decisions exactly here
    np.testing.assert_allclose(loaded.predict_proba(paragraphs), model.predict_proba(paragraphs), atol=2e-3)
    np.testing.assert_allclose(loaded.sentence_proba(paragraphs["text"]), model.sentence_proba(paragraphs["text"]),
                               atol=2e-3)
    assert loaded.predict(paragraphs) == model.predict(paragraphs)
    np.testing.assert_array_equal(loaded.thresholds_, model.thresholds_)
    config = json.loads((tmp_path / "m" / "persuasion.json").read_text())
    config["weights_sha256"] = "0" * 64
    (tmp_path / "m" / "persuasion.json").write_text(json.dumps(config))
    with pytest.raises(ValueError, match="digest"):
        load_persuasion_model(tmp_path / "m")
    with pytest.raises(FileNotFoundError):
        load_persuasion_model(tmp_path / "nothing")


# Constructed cases for the actor tie given mentions without their roles (no parse): (technique,
# sentence, mentions, quotes, expected target). Without roles the first actor that is not a quotation's
# speaker is taken, so the first case gives Moscow; with the parse it gives Kyiv, as a reader does
# (test_tie_actor_reads_the_parse).
_TIE_CASES = [
    ("Name_Calling-Labeling", "Moscow called the Kyiv leadership a gang of thugs.",
     [("russia", 0, 6), ("ukraine", 18, 22)], [], "russia"),
    ("Name_Calling-Labeling", "The spokesman of Moscow said the Kyiv leadership were thugs.",
     [("russia", 17, 23), ("ukraine", 33, 37)], [{"start": 0, "end": 60, "speaker_actor": "russia",
                                                   "verb_class": "neutral"}], "ukraine"),
    ("Doubt", "Kyiv claimed, without evidence, that the strike hit a depot.",
     [("ukraine", 0, 4)], [{"start": 0, "end": 61, "speaker_actor": "ukraine", "verb_class": "distancing"}],
     "ukraine"),
    ("Doubt", "NATO officials questioned whether Moscow's figures can be trusted.",
     [("nato", 0, 4), ("russia", 34, 40)], [{"start": 0, "end": 67, "speaker_actor": "nato",
                                              "verb_class": "neutral"}], "russia"),
    ("Loaded_Language", "The brutal regime in Moscow pressed on.", [("russia", 21, 27)], [], "russia"),
    ("Loaded_Language", "A shocking, disgraceful decision.", [], [], None),
    ("Slogans", "Moscow repeated its slogan.", [("russia", 0, 6)], [], None),
]


@pytest.mark.parametrize("technique, sentence, mentions, quotes, expected", _TIE_CASES)
def test_tie_actor_on_constructed_sentences(technique, sentence, mentions, quotes, expected):
    rows = [{"actor": actor, "start": start, "end": end} for actor, start, end in mentions]
    for row, (actor, start, end) in zip(rows, mentions):
        assert sentence[start:end]  # offsets point into the sentence
    target, actors = tie_actor(technique, 0, len(sentence), rows, quotes)
    assert target == expected
    assert actors == tuple(dict.fromkeys(actor for actor, _, _ in mentions))


def test_tie_actor_ignores_mentions_outside_the_span():
    rows = [{"actor": "russia", "start": 0, "end": 6}, {"actor": "ukraine", "start": 40, "end": 44}]
    assert tie_actor("Name_Calling-Labeling", 30, 60, rows) == ("ukraine", ("ukraine",))


def test_analysis_rows_count_every_paragraph(tiny_model):
    from framing.persuasion import analysis_rows

    _, _, model = tiny_model
    text = ("The bridge opened in June.\n\nTrains ran on time. The mayor is a spineless coward, only a coward would "
            "say so.\nTrains ran on time.")
    article = SimpleNamespace(id="a1", outlet="o", title="Council news", text=text)
    start = text.index("mayor")
    mentions = [{"field": "text", "actor": "mayor", "start": start, "end": start + 5}]
    rows = analysis_rows(model, [article], [mentions], [[]])
    table = pd.DataFrame(rows)
    assert set(zip(table["field"], table["paragraph_id"])) == {("title", 0), ("text", 0), ("text", 1), ("text", 2)}
    called = table[table["technique"] == "Name_Calling-Labeling"]
    assert len(called) == 1
    row = called.iloc[0]
    assert text[row["start"]:row["end"]].startswith("The mayor is a spineless coward")
    assert row["start"] > text.index("Trains")  # the sentence, not the whole paragraph
    assert row["target"] == "mayor" and row["actors"] == "mayor"
    # the few words, offsets in the field, inside the sentence
    assert row["start"] <= row["word_start"] < row["word_end"] <= row["end"]
    assert text[int(row["word_start"]):int(row["word_end"])] == row["words"] and "coward" in row["words"]
    assert row["words_score"] == pytest.approx(model.span_scores_[list(model.span_words_).index("coward"), 1])
    others = table[table["technique"].notna() & (table["technique"] != "Name_Calling-Labeling")]
    assert others["words"].isna().all() and table[table["technique"].isna()]["word_start"].isna().all()
    plain = table[table["paragraph_id"] == 0]
    assert plain["technique"].isna().all() or not plain["technique"].isin(["Name_Calling-Labeling"]).any()
    shares = article_shares(table)
    assert len(shares) == 23
    named = shares.set_index("technique").loc["Name_Calling-Labeling"]
    assert named["n_paragraphs"] == 4 and named["n_with"] == 1 and named["used"]


def test_compare_persuasion_intervals():
    from framing.analysis import Analysis, PERSUASION_SCHEMA, _frame
    from framing.comparison import compare_persuasion

    rows = []
    for k in range(6):
        outlet = "left" if k < 3 else "right"
        for p in range(4):
            technique = "Doubt" if (outlet == "left" and p == 0) else None
            rows.append({"article_id": f"a{k}", "outlet": outlet, "field": "text", "paragraph_id": p,
                         "technique": technique, "score": 0.9 if technique else None, "start": 0, "end": 5,
                         "target": "x" if technique else None, "actors": None})
    articles = pd.DataFrame({"article_id": [f"a{k}" for k in range(6)], "outlet": ["left"] * 3 + ["right"] * 3,
                             "status": "analyzed", "date": pd.NaT})
    analysis = Analysis(articles=articles, mentions=pd.DataFrame(), actor_stance=pd.DataFrame(),
                        persuasion=_frame(rows, PERSUASION_SCHEMA))
    table = compare_persuasion(analysis, n_boot=200).set_index(["outlet", "technique"])
    assert len(table) == 2 * 23
    left, right = table.loc[("left", "Doubt")], table.loc[("right", "Doubt")]
    assert left["prevalence"] == 1.0 and right["prevalence"] == 0.0
    assert left["paragraph_share"] == pytest.approx(0.25) and left["n_paragraphs_with"] == 3
    assert left["n_targeted"] == 3 and right["n_targeted"] == 0
    assert left["share_low"] <= left["paragraph_share"] <= left["share_high"]


def test_evaluate_and_train_on_a_constructed_folder(tmp_path):
    folder = _write_folder(tmp_path / "data", n_articles=30)
    ids = [f"article{1000 + a}" for a in range(30)]
    assert any(is_held_out(i) for i in ids) and not all(is_held_out(i) for i in ids)
    report = evaluate_persuasion(folder, folds=3, char=False, word_features=None, inner_folds=2, n_jobs=1)
    assert report["cv"]["n_articles"] + report["held_out"]["n_articles"] == 30
    assert report["held_out"]["n_articles"] == sum(map(is_held_out, ids))
    assert report["cv"]["micro_f1"] > report["cv"]["baseline"]["micro_f1"] - 0.2
    assert report["cv"]["micro_f1"] > 0.8  # the cues are unambiguous
    low, high = report["held_out"]["micro_f1_ci"]
    assert low <= report["held_out"]["micro_f1"] <= high
    assert set(report["cv"]["per_technique"]) == set(TECHNIQUES)
    assert report["held_out"]["spans"]["pairs"] > 0
    assert report["held_out"]["spans"]["located_sentence_hit"] >= report["held_out"]["spans"]["random_sentence_hit"]
    for part in ("cv", "held_out"):
        named = report[part]["spans"]["words"]["Name_Calling-Labeling"]
        assert named["pairs"] > 0 and named["with_word_span"] == named["pairs"]
        # the gold span is the whole cue sentence: the words lie inside it, the sentence is it
        assert named["words"]["char_precision"] == 1.0 and named["words"]["hit"] == 1.0
        assert 0 < named["words"]["char_recall"] < named["sentence"]["char_recall"] == 1.0
        assert sum(band["pairs"] for band in named["by_score"].values()) == named["with_word_span"]
        assert report[part]["spans"]["words"]["Loaded_Language"]["pairs"] == 0
        assert report[part]["spans"]["words"]["Loaded_Language"]["words"]["char_f1"] is None
    out = train_persuasion(folder, out=tmp_path / "model", char=False, word_features=None, inner_folds=2)
    assert out["training"]["n_articles"] == 30
    assert load_persuasion_model(tmp_path / "model").predict(pd.DataFrame({"text": ["Only a coward would."]}))


def test_packaged_model_loads():
    from framing.persuasion import MODEL_DIR

    if not (MODEL_DIR / "persuasion.json").is_file():
        pytest.skip("no packaged persuasion model")
    model = load_persuasion_model()
    assert model.coef_.shape[0] == 23 and np.all((model.thresholds_ > 0) & (model.thresholds_ < 1))
    assert model.sentence_coef_ is not None
    proba = model.predict_proba(pd.DataFrame({"doc_id": ["a", "a"], "text": [
        "The treacherous, corrupt regime lies to its people every single day!", "The meeting starts at noon."]}))
    assert proba.shape == (2, 23)


# The tie with the parse (mention_roles), on sentences of our own in the shapes of real coverage:
# headlines, speakers who attack another actor, doubt by "claimed", by a claim's owner and by
# "so-called", passives, media and private people, and a speaker who names only their own side.
_PARSED_TIE_CASES = [
    ("Name_Calling-Labeling", "Moscow called the Kyiv leadership a gang of thugs.", "ukraine"),
    ("Name_Calling-Labeling", "Kremlin Brands Kyiv Leadership 'Gang Of Thugs'", "ukraine"),
    ("Doubt", "Russia claimed its strikes hit only military depots.", "russia"),
    ("Doubt", "Analysts in London doubted Kyiv's version of the sinking.", "ukraine"),
    ("Doubt", "The so-called peacekeepers from Minsk crossed the border on Tuesday, a Ukrainian spokesman said.",
     "belarus"),
    ("Doubt", "Speaking on Rossiya-1, Foreign Ministry spokeswoman Maria Zakharova dismissed the Ukrainian "
                      "figures as a fairy tale.", "ukraine"),
    ("Loaded_Language", "Villages across the Donbas were flattened by Russian artillery in a barbaric night "
                                "of shelling, Ukrainian officials said.", "russia"),
    ("Name_Calling-Labeling", "Pro-government bloggers in Moscow mocked the volunteers as naive dreamers.", None),
    ("Appeal_to_Hypocrisy", "Washington, which flattened Fallujah, now lectures the world on the laws of war.",
     "united_states"),
    ("Exaggeration-Minimisation", "Not a single civilian was harmed, the Russian defence ministry said.",
     "russia"),
    ("Name_Calling-Labeling", '"This is a terrorist state," Ukraine\'s foreign minister said.', "russia"),
    ("Loaded_Language", '"What happened in the harbour is a disgrace," Ukraine\'s foreign minister said.', None),
    ("Appeal_to_Hypocrisy", "Minsk calls itself a bystander, yet its railways carried the tanks south.", "belarus"),
    ("Doubt", "The Kremlin said on Friday that 40 Ukrainian drones had been shot down, a tally that could not be "
              "verified.", "russia"),
    ("Doubt", "Lavrov assured reporters that Moscow had no plans to attack, and, as so often, he was not telling the "
              "truth.", "russia"),
    ("Name_Calling-Labeling", "Russia's consulate in London issued a statement calling the protesters \"paid "
                              "provocateurs.\"", None),
    ("Name_Calling-Labeling", "A congresswoman who represents the city's Ukrainian community said Putin was \"a "
                              "butcher.\"", "russia"),
    ("Name_Calling-Labeling", "A Russian talk-show host called the town's mayor a clown.", None),
    ("Doubt", 'Observers abroad have praised Minsk\'s "elections" for years.', "belarus"),
    ("Exaggeration-Minimisation", "Shoigu in Minsk: Kyiv Has Lost Its Best Brigades", "ukraine"),
    ("Loaded_Language", "China's envoy told the Security Council that Washington was pouring fuel on the fire.",
     "united_states"),
    ("Loaded_Language", "The sanctions are a cynical attempt by the West to starve Russian families.", "the_west"),
    ("Loaded_Language", "The occupiers shelled the market again on Sunday, the mayor said.", "russia"),
    ("Name_Calling-Labeling", "Lavrov accused the Anglo-Saxons of turning the Baltic into their private pond.",
     "the_west"),
    ("Name_Calling-Labeling", "The Puppet in Kyiv: Zelensky Begs Washington for More Cash", "ukraine"),
    ("Name_Calling-Labeling", "Vladimir Saldo, the Moscow-installed governor, blamed the blackout on \"Kyiv "
                              "saboteurs.\"", "ukraine"),
    ("Name_Calling-Labeling", "Zakharova described Western correspondents as \"agents with microphones.\"", None),
]


@pytest.mark.parametrize("technique, sentence, expected", _PARSED_TIE_CASES)
def test_tie_actor_reads_the_parse(technique, sentence, expected):
    from datetime import date

    from framing._nlp import load_nlp
    from framing.actors import ActorInventory, MentionFinder
    from framing.persuasion import mention_roles
    from framing.quotes import QuoteExtractor

    nlp, inventory = load_nlp(), ActorInventory.default()
    doc = nlp(sentence)
    found = MentionFinder(inventory, nlp).find(doc, date=date(2024, 5, 1))
    mentions = [{"actor": m.actor, "start": m.start, "end": m.end} for m in found]
    for mention, role in zip(mentions, mention_roles(doc, mentions)):
        mention["role"] = role
    quotes = [{"start": q.start, "end": q.end, "speaker_actor": q.speaker_actor, "verb_class": q.verb_class}
              for q in QuoteExtractor(inventory, nlp).extract(doc, date=date(2024, 5, 1), mentions=found)]
    assert tie_actor(technique, 0, len(sentence), mentions, quotes, sentence)[0] == expected


def test_analyze_ties_a_technique_with_the_roles_of_the_parse():
    # The pipeline path: the roles are computed in field_rows from the shared parse and read by the
    # tie in batch_rows, so "Moscow called ..." gives Kyiv, as the parse-level test does.
    import framing

    corpus = pd.DataFrame({"id": ["a1"], "outlet": ["o"], "date": ["2024-05-01"], "title": ["Bridge Opens"],
                           "text": ["Moscow called the Kyiv leadership a gang of thugs and liars on Monday.\n\n"
                                    "The bridge opened in June."]})
    table = framing.analyze(corpus, measures=["persuasion"], progress=False).persuasion
    called = table[table["technique"] == "Name_Calling-Labeling"]
    assert len(called) == 1 and called.iloc[0]["paragraph_id"] == 0
    assert called.iloc[0]["target"] == "ukraine" and called.iloc[0]["actors"] == "russia,ukraine"


def test_evaluate_targets_refuses_bad_records(tmp_path):
    from framing.persuasion import evaluate_targets

    corpus = tmp_path / "corpus" / "wire"
    corpus.mkdir(parents=True)
    (corpus / "wire-2024-05-01-a.txt").write_text("---\ndate: 2024-05-01\n---\nTalks Stall\n\n"
                                                  "Moscow called the Kyiv leadership a gang of thugs.\n")
    good = {"article_id": "wire-2024-05-01-a", "field": "text", "technique": "Name_Calling-Labeling",
            "sentence": "Moscow called the Kyiv leadership a gang of thugs.", "target": "ukraine"}
    (tmp_path / "splits.yaml").write_text("measures:\n  persuasion:\n    reads: []\ngold_sets:\n  t:\n"
                                          "    file: gold.jsonl\n    measure: persuasion\n    test: [wire-2024-05-01-a]\n")
    gold = tmp_path / "gold.jsonl"
    for bad, message in [({"technique": "Sarcasm"}, "is not a technique"), ({"target": "atlantis"}, "not an actor"),
                         ({"field": "lead"}, "field must be"), ({"sentence": "Kyiv said no."}, "occurs nowhere")]:
        gold.write_text(json.dumps({**good, **bad}) + "\n")
        with pytest.raises(ValueError, match=message):
            evaluate_targets(gold, tmp_path / "corpus", split="test")
    gold.write_text(json.dumps(good) + "\n")
    report = evaluate_targets(gold, tmp_path / "corpus", split="test")
    assert (report["n"], report["accuracy"], report["first_actor"], report["errors"]) == (1, 1.0, 0.0, [])
