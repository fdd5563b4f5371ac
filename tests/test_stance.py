"""The lexicon stance scorer: sign on clear target-dependent cases and its contract."""

from __future__ import annotations

import numpy as np
import pytest

from framing._nlp import load_nlp
from framing.stance import STANCE_LABELS, LexiconStanceScorer, get_scorer


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def scorer():
    return LexiconStanceScorer()


def spans_of(doc, *mentions):
    """Spans for the first occurrence of each mention string."""
    spans = []
    for mention in mentions:
        start = doc.text.index(mention)
        spans.append(doc.char_span(start, start + len(mention), alignment_mode="expand"))
    return spans


def scores(nlp, scorer, text, *mentions) -> dict[str, float]:
    doc = nlp(text)
    return dict(zip(mentions, scorer.score(doc, spans_of(doc, *mentions))))


def labels(nlp, scorer, text, *mentions) -> dict[str, str]:
    doc = nlp(text)
    return dict(zip(mentions, scorer.label(scorer.score(doc, spans_of(doc, *mentions)))))


# ----------------------------------------------------------------- target-dependent sign

SIGN_CASES = [
    # text, mention, expected label
    ("The minister praised Kenya for its courage but condemned Sudan for its brutality.", "Kenya", "positive"),
    ("The minister praised Kenya for its courage but condemned Sudan for its brutality.", "Sudan", "negative"),
    ("The senator was criticised by activists for the scandal.", "The senator", "negative"),
    ("Critics accused the governor of corruption.", "the governor", "negative"),
    ("The president praised the mayor.", "the mayor", "positive"),
    ("Activists hailed the judge as a hero.", "the judge", "positive"),
    ("The mayor is corrupt.", "The mayor", "negative"),
    ("Brazil brutally invaded its neighbour.", "Brazil", "negative"),
    ("The committee met in Geneva on Tuesday to discuss the budget.", "The committee", "neutral"),
    ("The committee met in Geneva on Tuesday to discuss the budget.", "Geneva", "neutral"),
    ("The committee met in Geneva on Tuesday to discuss the budget.", "Tuesday", "neutral"),
    ("The governor signed the bill on Friday.", "The governor", "neutral"),
]


@pytest.mark.parametrize(("text", "mention", "expected"), SIGN_CASES)
def test_label_on_clear_cases(nlp, scorer, text, mention, expected):
    assert labels(nlp, scorer, text, mention)[mention] == expected


def test_two_targets_of_opposite_stance_in_one_sentence(nlp, scorer):
    s = scores(nlp, scorer, "The minister praised Kenya for its courage but condemned Sudan for its brutality.",
               "Kenya", "Sudan")
    assert s["Kenya"] > 0 > s["Sudan"]


def test_agent_of_an_attack_is_more_negative_than_its_victim(nlp, scorer):
    s = scores(nlp, scorer, "Russia attacked Ukraine and killed dozens of civilians.", "Russia", "Ukraine")
    assert s["Russia"] < 0
    assert s["Russia"] < s["Ukraine"]
    passive = scores(nlp, scorer, "The village was attacked by the rebels.", "The village", "the rebels")
    assert passive["the rebels"] < passive["The village"]


def test_the_patient_of_criticism_is_more_negative_than_the_critic(nlp, scorer):
    s = scores(nlp, scorer, "Opposition leaders condemned the minister.", "Opposition leaders", "the minister")
    assert s["the minister"] < 0
    assert s["the minister"] < s["Opposition leaders"]


def test_negation_flips_the_sign(nlp, scorer):
    praised = scores(nlp, scorer, "The president praised the mayor.", "the mayor")["the mayor"]
    not_praised = scores(nlp, scorer, "The president did not praise the mayor.", "the mayor")["the mayor"]
    assert praised > 0 > not_praised
    corrupt = scores(nlp, scorer, "The mayor is corrupt.", "The mayor")["The mayor"]
    not_corrupt = scores(nlp, scorer, "The mayor is not corrupt.", "The mayor")["The mayor"]
    assert corrupt < 0 < not_corrupt


def test_without_negation_rule_the_negated_praise_stays_positive(nlp):
    plain = LexiconStanceScorer(negation=False)
    assert scores(nlp, plain, "The president did not praise the mayor.", "the mayor")["the mayor"] > 0


def test_a_speaker_is_not_the_target_of_what_it_says(nlp, scorer):
    quoted = labels(nlp, scorer, '"Jones is a liar," Smith said.', "Jones", "Smith")
    assert quoted == {"Jones": "negative", "Smith": "neutral"}
    reported = labels(nlp, scorer, "Smith said that the reforms were a disaster.", "Smith")
    assert reported["Smith"] == "neutral"
    # with the speaker rule switched off the opinion sticks to the speaker
    naive = LexiconStanceScorer(speaker_weight=1.0)
    assert scores(nlp, naive, "Smith said that the reforms were a disaster.", "Smith")["Smith"] < 0


def test_time_and_place_are_not_targets(nlp, scorer):
    assert labels(nlp, scorer, "The talks in Vienna collapsed in bitter acrimony.", "Vienna")["Vienna"] == "neutral"
    assert scores(nlp, LexiconStanceScorer(setting_weight=1.0),
                  "The talks in Vienna collapsed in bitter acrimony.", "Vienna")["Vienna"] < 0


def test_only_the_mention_sentence_counts(nlp, scorer):
    s = scores(nlp, scorer, "Kenya won praise. Sudan was condemned.", "Kenya", "Sudan")
    assert s["Kenya"] > 0 > s["Sudan"]


# ----------------------------------------------------------------------------- contract


def test_scores_are_floats_in_the_unit_interval(nlp, scorer):
    doc = nlp("The brutal, corrupt, murderous dictator Smith tortured, killed and terrorised innocent, "
              "peaceful, wonderful, heroic Jones, a great and beloved friend.")
    out = scorer.score(doc, spans_of(doc, "Smith", "Jones", "dictator"))
    assert out.dtype == float and out.shape == (3,)
    assert np.all(np.abs(out) <= 1.0)
    assert np.all(np.isfinite(out))


def test_empty_span_list_gives_empty_array(nlp, scorer):
    doc = nlp("Nothing happened.")
    out = scorer.score(doc, [])
    assert isinstance(out, np.ndarray) and out.shape == (0,) and out.dtype == float
    assert scorer.label(out).shape == (0,)


def test_empty_span_scores_zero(nlp, scorer):
    doc = nlp("The minister praised Kenya.")
    assert scorer.score(doc, [doc[2:2]]).tolist() == [0.0]


def test_deterministic_and_order_invariant(nlp):
    text = "The minister praised Kenya for its courage but condemned Sudan for its brutality."
    doc = nlp(text)
    spans = spans_of(doc, "Kenya", "Sudan", "The minister")
    first = LexiconStanceScorer().score(doc, spans)
    doc_again = nlp(text)
    again = LexiconStanceScorer().score(doc_again, spans_of(doc_again, "Kenya", "Sudan", "The minister"))
    reversed_ = LexiconStanceScorer().score(doc, spans[::-1])[::-1]
    np.testing.assert_array_equal(first, again)
    np.testing.assert_array_equal(first, reversed_)


def test_label_uses_the_neutral_band():
    scorer = LexiconStanceScorer(neutral_band=0.1)
    out = scorer.label([-0.5, -0.1, -0.05, 0.0, 0.05, 0.1, 0.5])
    assert out.tolist() == ["negative", "negative", "neutral", "neutral", "neutral", "positive", "positive"]
    assert set(out) <= set(STANCE_LABELS)
    # a zero-width band still calls a zero score neutral
    assert LexiconStanceScorer(neutral_band=0.0).label([-0.01, 0.0, 0.01]).tolist() == [
        "negative", "neutral", "positive"]


def test_get_scorer_and_version():
    from framing.stance import DEFAULT_STANCE
    from framing.stance_model import TransformerStanceScorer

    assert DEFAULT_STANCE == "model"
    assert isinstance(get_scorer(), TransformerStanceScorer)
    assert get_scorer("model-fp32").quantize is False and get_scorer("model-int8").quantize is True
    assert get_scorer("model-int8").version().endswith(".int8")
    scorer = get_scorer("lexicon")
    assert isinstance(scorer, LexiconStanceScorer)
    assert scorer.name == "lexicon"
    assert get_scorer("lexicon").version() == "lexicon-1"
    assert LexiconStanceScorer(neutral_band=0.1).version() == "lexicon-1(neutral_band=0.1)"
    with pytest.raises(ValueError, match="lexicon"):
        get_scorer("bert")


@pytest.mark.parametrize("kwargs", [{"neutral_band": -0.1}, {"decay": 0.0}, {"decay": 1.5},
                                    {"speaker_weight": 2.0}, {"max_distance": -1}, {"max_distance": 1.5}])
def test_invalid_parameters_are_rejected(kwargs):
    with pytest.raises(ValueError):
        LexiconStanceScorer(**kwargs)


def test_needs_a_parsed_doc_and_its_own_spans(nlp, scorer):
    import spacy

    blank = spacy.blank("en")("The minister praised Kenya.")
    with pytest.raises(ValueError, match="dependency parser"):
        scorer.score(blank, [blank[3:4]])
    doc, other = nlp("The minister praised Kenya."), nlp("Kenya won.")
    with pytest.raises(ValueError, match="does not belong"):
        scorer.score(doc, [other[0:1]])


def test_explain_lists_the_words_behind_a_score(nlp, scorer):
    doc = nlp("The president praised the mayor.")
    (span,) = spans_of(doc, "the mayor")
    table = scorer.explain(doc, span)
    assert list(table.columns) == ["token", "i", "valence", "weight", "contribution"]
    assert table["token"].iloc[0] == "praised"
    expected = scorer.score(doc, [span])[0]
    raw = table["contribution"].sum()
    assert expected == pytest.approx(raw / np.sqrt(raw**2 + 4.0))


def test_domain_lexicon_is_well_formed():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.stance import _domain

    domain = _domain()
    vader = SentimentIntensityAnalyzer().lexicon
    added = {word: value for group in domain["additions"].values() for word, value in group.items()}
    assert added and all(-4 <= value <= 4 for value in added.values())
    # additions only add: VADER words are changed in `overrides`, each for a stated reason
    assert not set(added) & set(vader)
    assert set(domain["overrides"]) <= set(vader)
    assert {"reporting", "evaluative", "harm"} <= set(domain["verb_classes"])
