"""Quotations, speakers and reporting verbs (framing.quotes).

Every sentence here is written for the tests; none comes from a corpus or the gold set.
"""

from __future__ import annotations

import json
import textwrap
from datetime import date

import pytest

from conftest import write_corpus
from framing._nlp import load_nlp
from framing.corpus import load_corpus
from framing.actors import MentionFinder, load_actors
from framing.quotes import (
    VERB_CLASSES,
    Quote,
    QuoteExtractor,
    ReportingVerbs,
    evaluate_quotes,
    is_scare_quote,
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def inventory():
    return load_actors()


@pytest.fixture(scope="module")
def extractor(inventory, nlp) -> QuoteExtractor:
    return QuoteExtractor(inventory, nlp)


def quotes(extractor, nlp, text, day=None):
    """(text, kind, speaker, speaker_actor, verb, verb_class) per quote, in order."""
    return [(q.text, q.kind, q.speaker, q.speaker_actor, q.verb, q.verb_class)
            for q in extractor.extract(nlp(text), date=day)]


# text -> expected quotes as (text, kind, speaker, speaker_actor, verb, verb_class).
CASES = [
    ("straight quotes, attribution after",
     '"We will not retreat," Lavrov told reporters in Moscow.',
     [("We will not retreat,", "direct", "Sergey Lavrov", "russia", "tell", "neutral")]),
    ("curly quotes, inverted attribution",
     "\u201cThe sanctions have failed,\u201d said Dmitry Peskov.",
     [("The sanctions have failed,", "direct", "Dmitry Peskov", "russia", "say", "neutral")]),
    ("attribution before with a colon",
     'Sergey Lavrov said: "The West has declared total war on us."',
     [("The West has declared total war on us.", "direct", "Sergey Lavrov", "russia", "say", "neutral")]),
    ("split quote, same speaker",
     "\u201cIt's not true,\u201d Lavrov stressed, adding that \u201cnobody believes these stories\u201d.",
     [("It's not true,", "direct", "Sergey Lavrov", "russia", "stress", "endorsing"),
      ("nobody believes these stories", "direct", "Sergey Lavrov", "russia", "add", "neutral")]),
    ("quote continued after its attribution",
     '"I have seen the damage," Zelensky told reporters. "It will take years to rebuild."',
     [("I have seen the damage,", "direct", "Volodymyr Zelensky", "ukraine", "tell", "neutral"),
      ("It will take years to rebuild.", "direct", "Volodymyr Zelensky", "ukraine", "tell", "neutral")]),
    ("multi-sentence quote is one record",
     '"We are ready to talk. But nobody is listening," Peskov said.',
     [("We are ready to talk. But nobody is listening,", "direct", "Dmitry Peskov", "russia", "say",
       "neutral")]),
    ("nested single quotes stay inside",
     "\u201cHe told me: \u2018We will never give up.\u2019 I believed him,\u201d said Zelensky.",
     [("He told me: \u2018We will never give up.\u2019 I believed him,", "direct", "Volodymyr Zelensky",
       "ukraine", "say", "neutral")]),
    ("curly single quotes as quotation marks",
     "The minister\u2019s remarks were welcomed. \u2018We are grateful to our friends,\u2019 said Dmytro Kuleba.",
     [("We are grateful to our friends,", "direct", "Dmytro Kuleba", "ukraine", "say", "neutral")]),
    ("paragraph continues an unclosed quote",
     'Stoltenberg said: "The first part ends here.\n\n"The second paragraph goes on."',
     [("The first part ends here.", "direct", "Jens Stoltenberg", "nato", "say", "neutral"),
      ("The second paragraph goes on.", "direct", "Jens Stoltenberg", "nato", "say", "neutral")]),
    ("quote without attribution",
     '"Europe is waking up to the threat."',
     [("Europe is waking up to the threat.", "direct", None, None, None, None)]),
    ("short fragment governed by a reporting verb",
     'Peskov said the decision was "an internal European matter".',
     [("an internal European matter", "direct", "Dmitry Peskov", "russia", "say", "neutral")]),
    ("fragment after a naming verb",
     'Blinken called the strike "a war crime" and said Washington would respond.',
     [("a war crime", "direct", "Antony Blinken", "united_states", "call", "neutral"),
      ("Washington would respond", "indirect", "Antony Blinken", "united_states", "say", "neutral")]),
    ("pronoun speaker",
     'Russian Foreign Minister Sergey Lavrov arrived in Ankara. "We came with proposals," he said.',
     [("We came with proposals,", "direct", "Sergey Lavrov", "russia", "say", "neutral")]),
    ("title speaker",
     "Sergey Lavrov met his Turkish counterpart. Afterwards the foreign minister said the talks had "
     "been useful.",
     [("the talks had been useful", "indirect", "Sergey Lavrov", "russia", "say", "neutral")]),
    ("title from an appositive",
     'Dmitry Peskov, the Kremlin spokesman, met journalists. "Nothing has changed," the spokesman said.',
     [("Nothing has changed,", "direct", "Dmitry Peskov", "russia", "say", "neutral")]),
    ("indirect with that",
     "Kirby told reporters that the aid would arrive within days.",
     [("the aid would arrive within days", "indirect", "Kirby", None, "tell", "neutral")]),
    ("indirect without that",
     "Zelensky said the front line was holding.",
     [("the front line was holding", "indirect", "Volodymyr Zelensky", "ukraine", "say", "neutral")]),
    ("two clauses under one verb are one record",
     "Stoltenberg said the alliance was united and that it would defend every ally.",
     [("the alliance was united and that it would defend every ally", "indirect", "Jens Stoltenberg",
       "nato", "say", "neutral")]),
    ("parenthetical attribution",
     "The war will end soon, the Kremlin has announced.",
     [("The war will end soon", "indirect", "the Kremlin", "russia", "announce", "neutral")]),
    ("according to, before",
     "According to the UN, more than two million people have fled the country.",
     [("more than two million people have fled the country", "indirect", "the UN", "united_nations",
       "according to", "neutral")]),
    ("according to, after",
     "More than two million people have fled the country, according to the UN.",
     [("More than two million people have fled the country", "indirect", "the UN", "united_nations",
       "according to", "neutral")]),
    ("endorsing verb",
     "Ukrainian President Volodymyr Zelensky stressed that the counteroffensive would continue.",
     [("the counteroffensive would continue", "indirect", "Volodymyr Zelensky", "ukraine", "stress",
       "endorsing")]),
    ("distancing verb",
     "The Kremlin claimed that the strikes had hit only military targets.",
     [("the strikes had hit only military targets", "indirect", "the Kremlin", "russia", "claim",
       "distancing")]),
    ("phrasal verb",
     "Lavrov pointed out that the treaty had expired.",
     [("the treaty had expired", "indirect", "Sergey Lavrov", "russia", "point out", "endorsing")]),
    ("reporting noun with a possessor",
     "Zelensky repeated his accusation that Moscow was targeting hospitals.",
     [("Moscow was targeting hospitals", "indirect", "Volodymyr Zelensky", "ukraine", "accusation",
       "neutral")]),
    ("reporting noun without a speaker",
     "Kyiv rejected the allegation that its forces had shelled the plant.",
     [("its forces had shelled the plant", "indirect", None, None, "allegation", "distancing")]),
    ("passive report without an agent",
     "Kyiv was told that membership was still far away.",
     [("membership was still far away", "indirect", None, None, "tell", "neutral")]),
    ("body spokesman maps to its state",
     "A Pentagon spokesman said the aid would arrive within days.",
     [("the aid would arrive within days", "indirect", "a Pentagon spokesman", "united_states", "say",
       "neutral")]),
    ("demonym in an unnamed source",
     "A senior US official said the shipment was delayed.",
     [("the shipment was delayed", "indirect", "a senior US official", "united_states", "say", "neutral")]),
    ("officials from a capital",
     "Officials from Moscow said the talks were over.",
     [("the talks were over", "indirect", "officials from Moscow", "russia", "say", "neutral")]),
    ("speaker outside the inventory",
     '"We will host the talks," Turkish President Recep Tayyip Erdogan said.',
     [("We will host the talks,", "direct", "Recep Tayyip Erdogan", None, "say", "neutral")]),
    ("scare quote is not a quote",
     'Western leaders defended their "values" at the summit.',
     []),
    ("so-called label is not a quote",
     'Moscow staged so-called "referendums" in the occupied regions.',
     []),
    ("scare quote inside an indirect quote",
     'Kuleba said the so-called "ceasefire" was a trick.',
     [('the so-called "ceasefire" was a trick', "indirect", "Dmytro Kuleba", "ukraine", "say", "neutral")]),
    ("non-finite complement is not reported speech",
     "Moscow claimed to have shot down three drones and urged Kyiv to negotiate.",
     []),
    ("no quotation at all",
     "Troops crossed the river at dawn.",
     []),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quotes(extractor, nlp, text, expected):
    assert quotes(extractor, nlp, text) == expected


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_and_sentences(extractor, nlp, text):
    doc = nlp(text)
    sentence_starts = [s.start_char for s in doc.sents]
    for quote in extractor.extract(doc):
        assert isinstance(quote, Quote)
        assert doc.text[quote.start:quote.end] == quote.text
        assert sentence_starts[quote.sentence_id] <= quote.start
        assert quote.sentence_id == len(sentence_starts) - 1 or quote.start < sentence_starts[quote.sentence_id + 1]


SPEAKER_MENTIONS = [
    ("pronoun", 'Sergey Lavrov arrived. "We came with proposals," he said.', ["he"]),
    ("title", "Sergey Lavrov met the press. The foreign minister said the talks were useful.",
     ["The foreign minister"]),
    ("full noun phrase", "Kremlin spokesman Dmitry Peskov said the talks were over.",
     ["Kremlin spokesman Dmitry Peskov"]),
    ("appositive gives the name", "Moscow's ambassador to the UN, Vassily Nebenzia, said the vote was illegal.",
     ["Vassily Nebenzia"]),
    ("relative clause left out", "Recep Tayyip Erdogan, who hosted the talks, said progress was made.",
     ["Recep Tayyip Erdogan"]),
    ("split quote shares its attribution",
     '"It is false," Peskov said. "Completely false."', ["Peskov", "Peskov"]),
    ("no attribution", '"Nobody expected this."', [None]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in SPEAKER_MENTIONS], ids=[c[0] for c in SPEAKER_MENTIONS])
def test_speaker_mention(extractor, nlp, text, expected):
    assert [q.speaker_mention for q in extractor.extract(nlp(text))] == expected


def speakers(extractor, nlp, text):
    """(speaker, speaker_mention, speaker_actor) per quote, in order."""
    return [(q.speaker, q.speaker_mention, q.speaker_actor) for q in extractor.extract(nlp(text))]


# Generic role nouns ("the diplomat", "the minister", "the official") that no title word
# of a person matches go to the last person quoted whose role fits or is unknown, else to
# the last such person mentioned. text -> expected (speaker, mention, actor) per quote.
ROLE_NOUN_CASES = [
    ("diplomat -> quoted foreign minister",
     "Dmytro Kuleba said the talks had been difficult. The diplomat added that Kyiv would not give up "
     "any land.",
     [("Dmytro Kuleba", "Dmytro Kuleba", "ukraine"), ("Dmytro Kuleba", "The diplomat", "ukraine")]),
    ("diplomat -> secretary of state, only mentioned",
     "Antony Blinken landed in Kyiv. The diplomat said the aid would keep coming.",
     [("Antony Blinken", "The diplomat", "united_states")]),
    ("minister -> a British foreign secretary",
     "David Cameron said Britain would keep sending aid. The minister added that the package was ready.",
     [("David Cameron", "David Cameron", "united_kingdom"), ("David Cameron", "The minister", "united_kingdom")]),
    ("official fits anyone",
     "St\u00e9phane Dujarric said the convoy had reached the city. The official added that more trucks "
     "were waiting.",
     [("St\u00e9phane Dujarric", "St\u00e9phane Dujarric", "united_nations"),
      ("St\u00e9phane Dujarric", "The official", "united_nations")]),
    ("spokesman fits a press secretary",
     "Dmitry Peskov said the Kremlin had seen the report. The spokesman told reporters that it changed "
     "nothing.",
     [("Dmitry Peskov", "Dmitry Peskov", "russia"), ("Dmitry Peskov", "The spokesman", "russia")]),
    ("envoy -> ambassador",
     "Linda Thomas-Greenfield said the vote would go ahead. The envoy added that the council had to act.",
     [("Linda Thomas-Greenfield", "Linda Thomas-Greenfield", "united_states"),
      ("Linda Thomas-Greenfield", "The envoy", "united_states")]),
    ("senator -> a person of unknown role",
     "Lindsey Graham said the bill would pass this week. The senator added that the aid was overdue.",
     [("Lindsey Graham", "Lindsey Graham", None), ("Lindsey Graham", "The senator", None)]),
    ("prime minister -> a person of unknown role",
     "Petteri Orpo said the border would stay closed. The prime minister added that the decision was final.",
     [("Petteri Orpo", "Petteri Orpo", None), ("Petteri Orpo", "The prime minister", None)]),
    ("title logic first: chancellor skips the last speaker",
     "Olaf Scholz met Antony Blinken in Berlin. Blinken said the alliance stood firm. The chancellor added "
     "that Germany would do its part.",
     [("Antony Blinken", "Blinken", "united_states"), ("Olaf Scholz", "The chancellor", "germany")]),
    ("the last quoted person beats a later mention",
     "Dmytro Kuleba said the talks had been difficult. He later met Oleksandr Ivanov in Lviv. The diplomat "
     "added that the meeting went well.",
     [("Dmytro Kuleba", "Dmytro Kuleba", "ukraine"), ("Dmytro Kuleba", "The diplomat", "ukraine")]),
    ("incompatible role: a secretary of state is no prime minister",
     "Antony Blinken said the aid would arrive soon. The prime minister added that the decision was final.",
     [("Antony Blinken", "Antony Blinken", "united_states"), ("the prime minister", "The prime minister", None)]),
    ("incompatible qualifier: a foreign minister is no defence minister",
     "Russian Foreign Minister Sergey Lavrov arrived in Ankara. The defence minister said the army was ready.",
     [("the defence minister", "The defence minister", None)]),
    ("incompatible actor: the Ukrainian diplomat is not Lavrov",
     "Sergey Lavrov said the West was to blame. The Ukrainian diplomat replied that the claim was absurd.",
     [("Sergey Lavrov", "Sergey Lavrov", "russia"), ("the Ukrainian diplomat", "The Ukrainian diplomat", "ukraine")]),
    ("nobody before or after",
     '"We are ready to talk," the diplomat said.',
     [("the diplomat", "the diplomat", None)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in ROLE_NOUN_CASES], ids=[c[0] for c in ROLE_NOUN_CASES])
def test_generic_role_nouns(extractor, nlp, text, expected):
    assert speakers(extractor, nlp, text) == expected


# Hyphenated and other compound surnames stay whole, though the tokenizer splits
# "Thomas-Greenfield" into three tokens; a later bare surname links to the full name.
# Hyphenated words that are no names ("pro-Russian", "so-called") stay whole too, and a
# hyphenated adjective after a name is not glued to it.
# text -> expected (speaker, mention, actor) per quote.
HYPHEN_CASES = [
    ("member with a hyphenated surname",
     "Linda Thomas-Greenfield said the council would meet on Friday.",
     [("Linda Thomas-Greenfield", "Linda Thomas-Greenfield", "united_states")]),
    ("the hyphenated surname alone, later",
     "Linda Thomas-Greenfield arrived in New York. Thomas-Greenfield said the council had to act.",
     [("Linda Thomas-Greenfield", "Thomas-Greenfield", "united_states")]),
    ("the hyphenated surname alone, first",
     "Thomas-Greenfield told reporters that the vote would go ahead.",
     [("Linda Thomas-Greenfield", "Thomas-Greenfield", "united_states")]),
    ("person outside the inventory, surname repeated",
     "Marta Kowalska-Nowak arrived in Warsaw. Kowalska-Nowak told reporters that the border was calm.",
     [("Marta Kowalska-Nowak", "Kowalska-Nowak", None)]),
    ("hyphenated surname with a title",
     "UN envoy Ahmedou Ould-Abdallah said the talks had failed.",
     [("Ahmedou Ould-Abdallah", "Ahmedou Ould-Abdallah", "united_nations")]),
    ("surname taken for an organisation links to the full name",
     "Pierre Saint-Exup\u00e9ry said the talks had failed. Saint-Exup\u00e9ry added that the envoys would "
     "return.",
     [("Pierre Saint-Exup\u00e9ry", "Pierre Saint-Exup\u00e9ry", None),
      ("Pierre Saint-Exup\u00e9ry", "Saint-Exup\u00e9ry", None)]),
    ("hyphenated given name",
     "Jean-Yves Le Drian said France would help.",
     [("Jean-Yves Le Drian", "Jean-Yves Le Drian", "france")]),
    ("a member's surname inside another person's surname",
     "Anna Smith-Lavrov said the vote was fair.",
     [("Anna Smith-Lavrov", "Anna Smith-Lavrov", None)]),
    ("hyphenated title resolves to the person",
     "Antonio Guterres arrived in Istanbul. The Secretary-General said the deal must be saved.",
     [("Ant\u00f3nio Guterres", "The Secretary-General", "united_nations")]),
    ("hyphenated prefix in a descriptor",
     "A pro-Russian official said the vote was fair.",
     [("a pro-Russian official", "A pro-Russian official", None)]),
    ("so-called in a descriptor",
     "So-called experts said the sanctions had failed.",
     [("so-called experts", "So-called experts", None)]),
    ("hyphenated adjective after the name",
     "Dmitry Peskov said Western-made tanks would burn.",
     [("Dmitry Peskov", "Dmitry Peskov", "russia")]),
    ("hyphenated apposition after the name",
     "Olena Petrenko, a Kyiv-based analyst, said the offensive had stalled.",
     [("Olena Petrenko", "Olena Petrenko", None)]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in HYPHEN_CASES], ids=[c[0] for c in HYPHEN_CASES])
def test_hyphenated_names_stay_whole(extractor, nlp, text, expected):
    assert speakers(extractor, nlp, text) == expected


# A lead or standfirst that names its speaker by title only ("..., the foreign minister
# has said") and names the person in the next sentences.
CATAPHORA_CASES = [
    ("title named in the next paragraph",
     "Western weapons will not change the outcome of the conflict, the foreign minister has said.\n"
     "Russian Foreign Minister Sergey Lavrov said on Monday that talks were still possible.",
     [("Sergey Lavrov", "the foreign minister", "russia"),
      ("Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov", "russia")]),
    ("role noun that fits the role named next",
     "Kyiv will never trade territory for peace, the diplomat has said.\n"
     "Ukraine's Foreign Minister Dmytro Kuleba told reporters in Brussels that the front was holding.",
     [("Dmytro Kuleba", "the diplomat", "ukraine"),
      ("Dmytro Kuleba", "Ukraine's Foreign Minister Dmytro Kuleba", "ukraine")]),
    ("spokesman with the title in a compound",
     "The sanctions are failing, the spokesman has said.\n"
     "Kremlin spokesman Dmitry Peskov said on Monday that talks were still possible.",
     [("Dmitry Peskov", "the spokesman", "russia"),
      ("Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", "russia")]),
    ("too far ahead",
     "Kyiv will never trade territory for peace, the diplomat has said. The weather was cold. The streets "
     "were empty. Trains were late. Shops were closed.\n"
     "Ukraine's Foreign Minister Dmytro Kuleba told reporters in Brussels that the front was holding.",
     [("the diplomat", "the diplomat", None),
      ("Dmytro Kuleba", "Ukraine's Foreign Minister Dmytro Kuleba", "ukraine")]),
    ("title that does not match",
     "The sanctions are failing, the defence minister has said.\n"
     "Foreign Minister Sergey Lavrov said on Monday that talks were still possible.",
     [("the defence minister", "the defence minister", None),
      ("Sergey Lavrov", "Foreign Minister Sergey Lavrov", "russia")]),
    ("an official needs the title ahead",
     "The sanctions are failing, the official has said.\n"
     "Foreign Minister Sergey Lavrov said on Monday that talks were still possible.",
     [("the official", "the official", None),
      ("Sergey Lavrov", "Foreign Minister Sergey Lavrov", "russia")]),
    ("backwards first",
     "Dmytro Kuleba met reporters. The sanctions are failing, the foreign minister said.\n"
     "Russian Foreign Minister Sergey Lavrov said on Monday that talks were still possible.",
     [("Dmytro Kuleba", "the foreign minister", "ukraine"),
      ("Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov", "russia")]),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CATAPHORA_CASES], ids=[c[0] for c in CATAPHORA_CASES])
def test_title_named_after_the_quote(extractor, nlp, text, expected):
    assert speakers(extractor, nlp, text) == expected


def test_speaker_actor_follows_the_date(extractor, nlp):
    text = 'Prime Minister Boris Johnson said Britain would send more weapons.'
    assert quotes(extractor, nlp, text, date(2022, 3, 1))[0][3] == "united_kingdom"
    # out of office: the name is still the speaker, but no longer the UK government
    assert quotes(extractor, nlp, text, date(2024, 3, 1))[0][2:4] == ("Boris Johnson", None)


def test_given_mentions_are_used(extractor, inventory, nlp):
    doc = nlp("Lavrov said the talks were over.")
    mentions = MentionFinder(inventory, nlp).find(doc)
    assert extractor.extract(doc, mentions=mentions) == extractor.extract(doc)
    # without the mentions the speaker is still named, but has no actor
    assert extractor.extract(doc, mentions=[])[0].speaker_actor is None


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("Ukraine", []),
    ('"Yes."', [("Yes.", "direct", None, None, None, None)]),
    ("Le ministre a d\u00e9clar\u00e9 : \u00ab Nous ne c\u00e9derons pas \u00bb.", []),
    ('He said "', []),
], ids=["empty", "one word", "quote only", "non-English", "unpaired mark"])
def test_edge_cases(extractor, nlp, text, expected):
    assert quotes(extractor, nlp, text) == expected


def test_unparsed_doc_is_refused(extractor, nlp):
    with pytest.raises(ValueError, match="parsed"):
        extractor.extract(nlp.make_doc('Lavrov said "no".'))


# ----------------------------------------------------------------- scare quotes


@pytest.mark.parametrize("text, fragment, expected", [
    ('Europe likes to speak of its "values" these days.', "values", True),
    ('Moscow held so-called "referendums" last week.', "referendums", True),
    ('Peskov said the step was "an internal matter".', "an internal matter", False),
    ('"We will win."', "We will win.", False),
    ('Kuleba said the plan was "dead on arrival, like every plan from Moscow before it".',
     "dead on arrival, like every plan from Moscow before it", False),
])
def test_is_scare_quote(nlp, text, fragment, expected):
    doc = nlp(text)
    start = text.index(fragment)
    assert is_scare_quote(doc, start, start + len(fragment)) is expected


# ------------------------------------------------------------- reporting verbs


def test_default_verb_classes():
    verbs = ReportingVerbs.default()
    assert set(verbs.classes) == set(VERB_CLASSES)
    for lemma, expected in [
        ("say", "neutral"), ("tell", "neutral"), ("according to", "neutral"), ("warn", "neutral"),
        ("accuse", "neutral"), ("accusation", "neutral"), ("argue", "neutral"), ("describe", "neutral"),
        ("stress", "endorsing"), ("point out", "endorsing"), ("admit", "endorsing"),
        ("concede", "endorsing"), ("emphasise", "endorsing"), ("emphasize", "endorsing"),
        ("claim", "distancing"), ("allege", "distancing"), ("allegation", "distancing"),
        ("insist", "distancing"), ("Claim", "distancing"), ("point  out", "endorsing"),
        ("walk", None), ("", None),
    ]:
        assert verbs.classify(lemma) == expected, lemma
    assert "call" in verbs.fragment_only and "say" not in verbs.fragment_only
    assert verbs.sources and any("Bergler" in s for s in verbs.sources)


def test_custom_verb_file(tmp_path, inventory, nlp):
    path = tmp_path / "verbs.yaml"
    path.write_text(textwrap.dedent("""\
        classes:
          neutral: [say]
          distancing: [stress]
    """), encoding="utf-8")
    verbs = ReportingVerbs.from_yaml(path)
    assert verbs.classes == {"neutral": ("say",), "distancing": ("stress",)}
    extractor = QuoteExtractor(inventory, nlp, verbs=verbs)
    found = extractor.extract(nlp("Lavrov stressed that the talks were over. Peskov claimed that they went on."))
    # "claim" is not in this file: only the stressed clause is reported speech
    assert [(q.text, q.verb, q.verb_class) for q in found] == [("the talks were over", "stress", "distancing")]


@pytest.mark.parametrize("content, message", [
    ("classes:\n  neutral: [say]\n  endorsing: [say]\n", "one class only"),
    ("classes:\n  positive: [say]\n", "unknown class"),
    ("classes:\n  neutral: [say]\nextra: 1\n", "unknown keys"),
    ("classes:\n  neutral: [say]\nfragment_only: [call]\n", "without a class"),
    ("- say\n", "'classes' mapping"),
    ("classes: {neutral: [say]\n", "not valid YAML"),
])
def test_bad_verb_file(tmp_path, content, message):
    path = tmp_path / "verbs.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        ReportingVerbs.from_yaml(path)


# ------------------------------------------------------------------ evaluation


def _write_eval_data(root):
    """Two articles (a1: dev, b1: test, as the split table beside the gold file declares) and a gold
    file with known outcomes."""
    texts = {
        "a1": ("2022-03-01", '"We will not give up," Zelensky said. Lavrov claimed that the talks had failed.'),
        "b1": ("2023-05-01", "Peskov said the decision was final. Officials in Kyiv were silent."),
    }
    write_corpus(root / "corpus", {("wire", a): (day, "A title", text) for a, (day, text) in texts.items()})

    def record(article_id, fragment, kind, speaker, actor, verb_class, *, widen=0):
        text = texts[article_id][1]
        start = text.index(fragment) - widen
        return {"article_id": article_id, "start": start, "end": start + widen + len(fragment),
                "text": text[start:start + widen + len(fragment)], "kind": kind, "speaker": speaker,
                "speaker_mention": None, "speaker_actor": actor, "verb": None, "verb_class": verb_class}

    gold = [
        # matched exactly; speaker, actor and verb class right
        record("a1", "We will not give up,", "direct", "Volodymyr Zelensky", "ukraine", "neutral"),
        # gold includes "that ": an overlap match only; the verb class differs
        record("a1", "the talks had failed", "indirect", "Sergey Lavrov", "russia", "endorsing", widen=5),
        # matched exactly; the actor differs (name matches on the last word)
        record("b1", "the decision was final", "indirect", "Peskov", "ukraine", "neutral"),
        # never predicted
        record("b1", "Officials in Kyiv were silent", "direct", None, None, None),
    ]
    gold_path = root / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    (root / "splits.yaml").write_text(textwrap.dedent("""\
        measures: {mentions: {}, quotes: {reads: [mentions]}}
        gold_sets:
          quotes: {file: gold.jsonl, measure: quotes, dev: [a1], test: [b1]}
        """), encoding="utf-8")
    return gold_path, root / "corpus"


def test_evaluate_quotes_numbers(tmp_path, nlp):
    gold, corpus = _write_eval_data(tmp_path)
    result = evaluate_quotes(gold, corpus, nlp=nlp)
    assert result["n_articles"] == 2 and result["split"] == "all"
    exact, overlap = result["exact"], result["overlap"]
    # predictions: a1 direct + indirect, b1 indirect (3); gold: 4
    assert exact["all"] == pytest.approx(
        {"precision": 2 / 3, "recall": 2 / 4, "f1": 4 / 7, "tp": 2, "n_pred": 3, "n_gold": 4})
    assert exact["direct"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "tp": 1, "n_pred": 1, "n_gold": 2})
    assert exact["indirect"] == pytest.approx(
        {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "n_pred": 2, "n_gold": 2})
    assert overlap["all"] == pytest.approx(
        {"precision": 1.0, "recall": 0.75, "f1": 6 / 7, "tp": 3, "n_pred": 3, "n_gold": 4})
    assert overlap["indirect"]["f1"] == pytest.approx(1.0)
    assert result["n_matched"] == 3
    assert result["speaker_actor_accuracy"] == pytest.approx(2 / 3)
    assert result["speaker_name_accuracy"] == pytest.approx(1.0)
    assert result["verb_class_accuracy"] == pytest.approx(2 / 3)
    assert result["kind_accuracy"] == pytest.approx(1.0)


@pytest.mark.parametrize("predicted, gold, same", [
    ("Linda Thomas-Greenfield", "Thomas-Greenfield", True),
    ("Greenfield", "Linda Thomas-Greenfield", False),  # half a surname is the wrong name
    ("Peskov", "Dmitry Peskov", True),
    ("a pro-Russian official", "the official", True),
    (None, None, True),
])
def test_speaker_name_compares_whole_surnames(predicted, gold, same):
    from framing.quotes import _last_word

    assert (_last_word(predicted) == _last_word(gold)) is same


def test_evaluate_quotes_splits(tmp_path, nlp):
    gold, corpus = _write_eval_data(tmp_path)
    dev = evaluate_quotes(gold, corpus, split="dev", nlp=nlp)
    test = evaluate_quotes(gold, corpus, split="test", nlp=nlp)
    assert dev["articles"] == ["a1"] and test["articles"] == ["b1"]
    assert dev["exact"]["all"]["f1"] == pytest.approx(0.5)
    assert dev["overlap"]["all"]["f1"] == pytest.approx(1.0)
    assert test["exact"]["all"] == pytest.approx(
        {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "tp": 1, "n_pred": 1, "n_gold": 2})
    only = evaluate_quotes(gold, corpus, articles=["b1"], nlp=nlp)
    assert only["articles"] == ["b1"]
    # The table decides, not the date: declared the other way round, the splits swap.
    table = gold.parent / "splits.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace("dev: [a1], test: [b1]", "dev: [b1], test: [a1]"),
                     encoding="utf-8")
    assert evaluate_quotes(gold, corpus, split="test", nlp=nlp)["articles"] == ["a1"]


def test_evaluate_quotes_bad_input(tmp_path, nlp):
    gold, corpus = _write_eval_data(tmp_path)
    with pytest.raises(ValueError, match="split"):
        evaluate_quotes(gold, corpus, split="train", nlp=nlp)
    with pytest.raises(ValueError, match="without gold"):
        evaluate_quotes(gold, corpus, articles=["zz"], nlp=nlp)
    with pytest.raises(FileNotFoundError):
        evaluate_quotes(tmp_path / "missing.jsonl", corpus, nlp=nlp)


# -- US domestic news shapes: titles, colons, texts, media nouns, continued titles ---------------

US_CASES = [
    ("a TV show after 'on' is a title, not a quote",
     'Speaking on "Face the Nation" on Sunday, Senator Ann Ruiz said the bill would pass.',
     [("the bill would pass", "indirect", "Ann Ruiz", None, "say", "neutral")]),
    ("a show after a network's possessive",
     'Mr. Hale appeared on Fox\'s "Sunday Morning Futures" two days earlier.',
     []),
    ("a book title after 'memoir,'",
     'Ms. Dunn wrote in her memoir, "The Long Ballot," that Iowa "picks corn, not presidents."',
     [("picks corn, not presidents.", "direct", "Dunn", None, "write", "neutral")]),
    ("an op-ed titled ...",
     'In an op-ed titled "Why We Must Stay Out," Senator Ann Ruiz argued that the money would be "gone within a year."',
     [("gone within a year.", "direct", "Ann Ruiz", None, "argue", "neutral")]),
    ("a finite 'called' still reports wording in title case",
     'Senator Ann Ruiz called the plan "Operation Cover-Up" on Tuesday.',
     [("Operation Cover-Up", "direct", "Ann Ruiz", None, "call", "neutral")]),
    ("speaker before a colon without a reporting verb",
     'Senator Walt Kimball was equally blunt: "Our adversaries were watching."',
     [("Our adversaries were watching.", "direct", "Walt Kimball", None, None, None)]),
    ("a colon speaker is not replaced by the previous quote's speaker",
     'Senator Ann Ruiz said the Senate had "answered the call." The Republican leader, Senator Walt Kimball, '
     'had one reply: "We were ready."',
     [("answered the call.", "direct", "Ann Ruiz", None, "say", "neutral"),
      ("We were ready.", "direct", "Walt Kimball", None, None, None)]),
    ("a code is not a speaker",
     "The U.S. code says the president may draw weapons from existing stocks.",
     [("the president may draw weapons from existing stocks", "indirect", None, None, "say", "neutral")]),
    ("a named act is not a speaker",
     "The Antideficiency Act, which dates to 1884, says officials may not spend money Congress has not approved.",
     [("officials may not spend money Congress has not approved", "indirect", None, None, "say", "neutral")]),
    ("rules after 'according to' are not a speaker",
     "The chamber cannot pass bills, according to House rules.",
     [("The chamber cannot pass bills", "indirect", None, None, "according to", "neutral")]),
    ("'said in a statement that': the person speaks, the verb is say",
     "The state's attorney general, Owen Pratt, said in a statement that taxpayers \"should not pay other "
     "people's bills.\"",
     [("should not pay other people's bills.", "direct", "Owen Pratt", None, "say", "neutral")]),
    ("parenthetical 'he wrote' governs a fragment in the clause",
     'Chief Justice Harold Wren wrote the opinion. The act, he wrote, gives the secretary power to '
     '"waive or modify" rules in an emergency.',
     [("waive or modify", "direct", "Harold Wren", None, "write", "neutral")]),
    ("'the paper' is the newspaper named before",
     "The Harbor Sentinel reported on Saturday that the mayor had resigned. The paper, citing two officials, "
     "said the council would meet on Monday.",
     [("the mayor had resigned", "indirect", "the Harbor Sentinel", None, "report", "neutral"),
      ("the council would meet on Monday", "indirect", "the Harbor Sentinel", None, "say", "neutral")]),
    ("a title no one carries continues the previous sentence's speaker",
     'In Iowa, Senator Ruth Calloway said a shutdown would hit farmers first. The former governor told '
     'reporters that loan offices "close the day the money stops."',
     [("a shutdown would hit farmers first", "indirect", "Ruth Calloway", None, "say", "neutral"),
      ("close the day the money stops.", "direct", "Ruth Calloway", None, "tell", "neutral")]),
    ("'the senator' is the last person carrying that title anywhere in the text",
     'Senator Alan Brody praised the vote. Ms. Calloway, a senator since 2019, pressed for more. '
     '"We must refill the stocks," the senator said.',
     [("We must refill the stocks,", "direct", "Calloway", None, "say", "neutral")]),
    ("a person in apposition to a role noun",
     'Her colleague Senator Dale Voss of Montana called the package "a blank check."',
     [("a blank check.", "direct", "Dale Voss", None, "call", "neutral")]),
    ("promise and predict report partial quotations",
     'The senator promised "a fair hearing." Mr. Brody predicted that the bill would pass with '
     '"well over 60 votes."',
     [("a fair hearing.", "direct", "the senator", None, "promise", "neutral"),
      ("well over 60 votes.", "direct", "Brody", None, "predict", "neutral")]),
    ("a promised noun phrase keeps its relative clause out of the records",
     "Ms. Lee promised the toughest package the council has ever adopted.",
     []),
    ("the subject of 'was quoted as saying' is the speaker",
     'Mr. Dunn was quoted in The Boston Ledger last week as saying that the merger was "a bad deal for riders."',
     [("a bad deal for riders.", "direct", "Dunn", None, "say", "neutral")]),
    ("a show title between the verb and 'that' stays out of the reported clause",
     'The mayor said on "Meet the Press" that property taxes were far too high.',
     [("property taxes were far too high", "indirect", "the mayor", None, "say", "neutral")]),
    ("a show title before partial quotations is no quotation",
     'The mayor said on "Meet the Press" that taxes were "far too high" and that the council was '
     '"asleep at the wheel."',
     [("far too high", "direct", "the mayor", None, "say", "neutral"),
      ("asleep at the wheel.", "direct", "the mayor", None, "say", "neutral")]),
    ("a question or a report not given is no quotation",
     "Ms. Lowe did not say whether she would run again. Asked whether he would endorse her, Mr. Dunn "
     "said he had not decided.",
     [("he had not decided", "indirect", "Dunn", None, "say", "neutral")]),
    ("a clause the parser split after its subject stays one clause",
     "Senator Ann Lowe said proposals agreed at the summit would be passed to the council through aides.",
     [("proposals agreed at the summit would be passed to the council through aides", "indirect", "Ann Lowe",
       None, "say", "neutral")]),
    ("'he' takes up an unnamed speaker before the last named person",
     'Governor Ann Lowe said talks would resume. One trucking executive, who spoke on the condition of '
     'anonymity, said firms were cutting routes. "Every week this goes on, we lose drivers," he said.',
     [("talks would resume", "indirect", "Ann Lowe", None, "say", "neutral"),
      ("firms were cutting routes", "indirect", "one trucking executive", None, "say", "neutral"),
      ("Every week this goes on, we lose drivers,", "direct", "one trucking executive", None, "say", "neutral")]),
    ("'the president' does not continue the previous speaker",
     'The chair of the board, Lena Marsh, said the board was "in no hurry." A day earlier the president '
     'had said that rates were "far too high."',
     [("in no hurry.", "direct", "Lena Marsh", None, "say", "neutral"),
      ("far too high.", "direct", "the president", None, "say", "neutral")]),
    ("the author of an estimate is the source of 'according to'",
     "The strike has cost the city about $40 million, according to an estimate by the Greater Boston "
     "Chamber of Commerce.",
     [("The strike has cost the city about $40 million", "indirect", "the Greater Boston Chamber of Commerce",
       None, "according to", "neutral")]),
    ("a dateline is not part of the reported lede",
     "Ferry Fares To Rise\n\nPORTLAND, Maine — The ferry service will raise fares by 8 percent in March, "
     "its director said on Monday.",
     [("The ferry service will raise fares by 8 percent in March", "indirect", "its director", None, "say",
       "neutral")]),
    ("a dateline before a lede whose attribution is set off by commas; the writer's tail stays out",
     "Hospital Closes Wing\n\nDENVER — The hospital will close its maternity wing on June 1, the county said "
     "on Tuesday, in the third such closure this year.",
     [("The hospital will close its maternity wing on June 1", "indirect", "the county", None, "say",
       "neutral")]),
    ("a title speaker named in the next sentences",
     "Ferry Fares To Rise\n\nThe ferry service will raise fares in March, its executive director told the "
     "board.\n\n\u201cWe have no other choice,\u201d the executive director, Paula Brandt, said.",
     [("The ferry service will raise fares in March", "indirect", "Paula Brandt", None, "tell", "neutral"),
      ("We have no other choice,", "direct", "Paula Brandt", None, "say", "neutral")]),
    ("an organisation in apposition to a descriptor is the speaker",
     "The mill\u2019s owner, Cascade Timber, said it had \u201cno plans to reopen.\u201d",
     [("no plans to reopen.", "direct", "Cascade Timber", None, "say", "neutral")]),
    ("'the institute' is the organisation named before, not a person whose title names it",
     "A spokeswoman for the National Grain Institute, Rita Oyelaran, did not return calls. In a filing last "
     "week, the institute argued that the rule was \u201cunworkable.\u201d",
     [("unworkable.", "direct", "the National Grain Institute", None, "argue", "neutral")]),
    ("a conference call is the medium of the verb that reports",
     "Its president, Gary Lund, told reporters on a conference call that the agency had \u201cfolded.\u201d",
     [("folded.", "direct", "Gary Lund", None, "tell", "neutral")]),
    ("a report declined or not given by a wh-clause is no quotation",
     "Mr. Dunn declined to say when the plant would reopen. Ms. Lowe would not say how much it cost. "
     "Mr. Hale said when the vote came, he was ready.",
     [("when the vote came, he was ready", "indirect", "Hale", None, "say", "neutral")]),
    ("a title with a possessive, named later by a bare definite",
     "Mill Sues Over Timber Rule\n\nThe company\u2019s chief executive said the rule would close the mill. "
     "The executive, Nora Falk, founded the company in 1998.",
     [("the rule would close the mill", "indirect", "Nora Falk", None, "say", "neutral")]),
    ("an organisation's proper name in apposition without an entity tag",
     "The teachers\u2019 union, Local 12 of the American Federation of Teachers, said the offer was "
     "\u201can insult.\u201d",
     [("an insult.", "direct", "Local 12 of the American Federation of Teachers", None, "say", "neutral")]),
    ("the clause of a conference call is reported by the verb",
     "Its president, Gary Lund, told reporters on a conference call that the union would go to court.",
     [("the union would go to court", "indirect", "Gary Lund", None, "tell", "neutral")]),
    ("a final participle reports for the main clause's subject",
     "Harlow Foods sued the state on Monday over the fee the agency will charge, arguing that the fee "
     "was a tax.",
     [("the fee was a tax", "indirect", "Harlow Foods", None, "argue", "neutral")]),
    ("the object of a verb inside a reported clause is the outer speaker's wording",
     "Senator Ann Ruiz argued that the agency had written \u201cblank checks\u201d for years.",
     [("blank checks", "direct", "Ann Ruiz", None, "argue", "neutral")]),
    ("a book after 'the author of' is a title",
     "Ms. Dunn, the author of \u201cThe Long Ballot,\u201d said the count would take a week.",
     [("the count would take a week", "indirect", "Dunn", None, "say", "neutral")]),
    ("a comparative's 'than' phrase hung elsewhere stays in the clause",
     "The vote ended a standoff that Democrats said had more to do with aid than with the nominee.",
     [("had more to do with aid than with the nominee", "indirect", "Democrats", None, "say", "neutral")]),
    ("a comparative clause is part of the content, not another report",
     "Mr. Dunn said the state had already given the agency more than it asked for.",
     [("the state had already given the agency more than it asked for", "indirect", "Dunn", None, "say",
       "neutral")]),
    ("a reporting verb in a clause of reason or time that reports nothing stays in the content",
     "The group argued that 600 ballots were set aside because voters wrote the wrong date. Ms. Dunn said "
     "she changed her mind after the committee added money for clinics.",
     [("600 ballots were set aside because voters wrote the wrong date", "indirect", "the group", None,
       "argue", "neutral"),
      ("she changed her mind after the committee added money for clinics", "indirect", "Dunn", None, "say",
       "neutral")]),
    ("a clause of time set off by a comma is the writer's, not the content",
     "Ukrainian commanders said on Sunday that their troops still held the western districts, a day after "
     "the Wagner chief claimed full control of the city.",
     [("their troops still held the western districts", "indirect", "Ukrainian commanders", "ukraine", "say",
       "neutral")]),
    ("a clause of time whose verb reports a clause is another report",
     "Mr. Hale said the deal collapsed after Ms. Dunn told reporters that the talks were over.",
     [("the deal collapsed", "indirect", "Hale", None, "say", "neutral"),
      ("the talks were over", "indirect", "Dunn", None, "tell", "neutral")]),
    ("a report inside a relative clause has the relative's noun as the content's subject",
     "The city approved a levy, a step the mayor said would fund two new schools.",
     [("would fund two new schools", "indirect", "the mayor", None, "say", "neutral")]),
    ("an anonymity clause hung on a nearer noun is not part of the speaker's description",
     "Regulators had been inside the bank since Wednesday, according to a person familiar with the "
     "bank’s finances who was not authorized to speak publicly.",
     [("Regulators had been inside the bank since Wednesday", "indirect",
       "a person familiar with the bank’s finances", None, "according to", "neutral")]),
    ("a clause after a show title or a phrase is the verb's, wherever the parser hangs it",
     "Ms. Pelletier said on WCAP’s “Morning Line” that the first tenants could move in by 2029. "
     "Mr. Tran, the assistant secretary, acknowledged under questioning that no monitor would be sent. "
     "The senator denied reports that he had resigned.",
     [("the first tenants could move in by 2029", "indirect", "Pelletier", None, "say", "neutral"),
      ("no monitor would be sent", "indirect", "Tran", None, "acknowledge", "endorsing")]),
    ("'A, and B, according to X' closes both clauses",
     "The mill has been empty since 2011, and part of its roof fell in last winter, according to a report "
     "by the city’s building department.",
     [("The mill has been empty since 2011, and part of its roof fell in last winter", "indirect",
       "the city’s building department", None, "according to", "neutral")]),
    ("a report set off by commas after a subordinator reports the clause after it",
     "Ms. Brandvold delayed the rule because, she wrote in a memo to state agencies, fewer than half of the "
     "districts had found low-sodium bread.",
     [("fewer than half of the districts had found low-sodium bread", "indirect", "Brandvold", None, "write",
       "neutral")]),
    ("a resolution is a text, and an organisation named before a summary is its author",
     "The War Powers Resolution says the president must report to Congress within 48 hours. The talks "
     "lasted an hour, according to a State Department summary of the talks.",
     [("the president must report to Congress within 48 hours", "indirect", None, None, "say", "neutral"),
      ("The talks lasted an hour", "indirect", "State Department", "united_states", "according to",
       "neutral")]),
    ("an identifying relative clause stays in an unnamed speaker's name, an anonymity clause does not",
     "A person who attended the call said the directors wanted five more years. A senior official, who "
     "spoke on condition of anonymity, said the plan was dead.",
     [("the directors wanted five more years", "indirect", "a person who attended the call", None, "say",
       "neutral"),
      ("the plan was dead", "indirect", "a senior official", None, "say", "neutral")]),
    ("'he' skips the last speaker whom a courtesy title makes a woman",
     "“Nobody expected a deal,” Ms. Denning told reporters. On Monday she met Andrii Kovalchuk, "
     "the foreign minister. “We are not leaving without a date,” he said afterward. She said the next "
     "round could begin in December.",
     [("Nobody expected a deal,", "direct", "Denning", None, "tell", "neutral"),
      ("We are not leaving without a date,", "direct", "Andrii Kovalchuk", None, "say", "neutral"),
      ("the next round could begin in December", "indirect", "Denning", None, "say", "neutral")]),
    ("'said A, although, she added, B' is two reports",
     "Ms. Charron said the district would add ten days in June, although, she added, the state had not yet "
     "agreed to waive its rules.",
     [("the district would add ten days in June", "indirect", "Charron", None, "say", "neutral"),
      ("the state had not yet agreed to waive its rules", "indirect", "Charron", None, "add", "neutral")]),
    ("an unnamed title does not continue an unnamed speaker of another title",
     "The mayor said the bill would pass. The governor warned it would not.",
     [("the bill would pass", "indirect", "the mayor", None, "say", "neutral"),
      ("it would not", "indirect", "the governor", None, "warn", "neutral")]),
]


@pytest.mark.parametrize("name, text, expected", US_CASES, ids=[c[0] for c in US_CASES])
def test_us_news_shapes(extractor, nlp, name, text, expected):
    got = [(t, k, s, v, vc) for t, k, s, _, v, vc in quotes(extractor, nlp, text)]
    assert got == [(t, k, s, v, vc) for t, k, s, _, v, vc in expected]


def test_a_surname_two_people_share_gives_neither_a_gender(extractor, nlp):
    """"Mr. Kovalenko" (the son) must not make "she" skip his mother, who shares the surname: her
    quotation stays a Kovalenko's instead of going to the last speaker of no known gender. (Names
    are still merged by surname, so her record carries the first full name seen; the evaluation
    compares surnames.)"""
    text = ("\u201cThe lists are final,\u201d a Western diplomat said. Among those freed was Serhiy Kovalenko, "
            "a marine. His mother, Nadiya Kovalenko, waited outside the hospital. \u201cI did not recognize "
            "him at first,\u201d she said. Mr. Kovalenko said he was tired.")
    found = quotes(extractor, nlp, text)
    speakers = {t: s for t, _, s, *_ in found}
    assert speakers["I did not recognize him at first,"].split()[-1] == "Kovalenko"
    assert speakers["he was tired"].split()[-1] == "Kovalenko"


# Speakers that a parse alone leaves to the wrong person (text, the quotation, its expected
# speaker): descriptions named later, an organisation in apposition, a given name of a couple,
# a name the entity recogniser missed, and fragments inside someone's report.
SPEAKER_SHAPES = [
    ("an opening participle clause before the named speaker",
     "Asked about the strike by a reporter from the newspaper Kommersant, Dmitry Peskov, the Kremlin "
     "spokesman, said the campaign would go on.",
     "the campaign would go on", "Dmitry Peskov"),
    ("officials there after a place named as a subject with a place noun in apposition",
     "Millbrook Falls, a neighboring town, built a similar plant in 2023. Officials there said it had "
     "cost far more than planned.",
     "it had cost far more than planned", "officials in Millbrook Falls"),
    ("a described person named later as the man",
     "A retired welder who has lived on Canal Street since 1980 said he had stopped drinking the water. "
     "The man, Walter Brzezinski, added that his neighbours had too.",
     "he had stopped drinking the water", "Walter Brzezinski"),
    ("a generic noun takes up the organisation headed by it, with the rest of its name",
     "Inspectors from the Department of Environmental Quality visited the plant. The department said the "
     "levels were safe.",
     "the levels were safe", "the Department of Environmental Quality"),
    ("a hyphenated generic noun takes up the organisation of its kind",
     "The fire started in a bin owned by the Prairie Grain Cooperative. The co-op said the bin had passed "
     "an inspection in June.",
     "the bin had passed an inspection in June", "the Prairie Grain Cooperative"),
    ("a ministry named in full with an of phrase",
     "Teams from Ukraine\u2019s Ministry of Veterans Affairs visited the town. The ministry said 300 families "
     "had applied.",
     "300 families had applied", "Ukraine\u2019s Ministry of Veterans Affairs"),
    ("an organisation's name continues after and",
     "Customers oppose an increase sought by Granite Power and Light. The company said the money would pay "
     "for new lines.",
     "the money would pay for new lines", "Granite Power and Light"),
    ("officials there are the officials of the place named last",
     "The buses crossed into the Kharkiv region at noon. Officials there said the children were safe.",
     "the children were safe", "officials in the Kharkiv region"),
    ("a definite description named later by apposition",
     "Senators questioned a senior Pentagon official on Tuesday. The official told the panel that the "
     "shells were late. The official, Maria Tenney, declined to say when.",
     "the shells were late", "Maria Tenney"),
    ("a pronoun for the described subject of the sentence before, named later",
     "A farmer who lost two barns stood by the road. \u201cWe start again,\u201d she said. The farmer, Ruth "
     "Keller, said the insurer had paid.",
     "We start again,", "Ruth Keller"),
    ("a description named by the person who opens a later paragraph",
     "\u201cWe carried soup up four flights,\u201d said a retired teacher who lives on the block.\n\n"
     "The landlord did not answer calls.\n\nMarta Greaves, 68, has lived on Elm Street since 1990. She "
     "said the heat had failed three winters in a row.",
     "We carried soup up four flights,", "Marta Greaves"),
    ("a description with a title that the person named next carries",
     "A Democratic senator who flew transports in Iraq called the cut \u201ca gift to the enemy.\u201d\n\n"
     "Senator Paula Ostrander of Nevada has fought the plan since March.",
     "a gift to the enemy.", "Paula Ostrander"),
    ("an anonymous description stays unnamed",
     "The plant will close in May, said an official who was not authorized to speak publicly.\n\n"
     "Dan Whitley, 52, has worked at the plant since 1995.",
     "The plant will close in May", "an official"),
    ("a description is not a person of another office named next",
     "\u201cNobody checked on them,\u201d said a retired nurse who lives nearby.\n\nMayor Tom Ellis said the city "
     "would inspect every building.",
     "Nobody checked on them,", "a retired nurse who lives nearby"),
    ("the company: the organisation that spoke last",
     "Harbor Point Holdings, which owns six marinas, said it would appeal. The docks had passed an "
     "inspection in May, the company said in a statement.",
     "The docks had passed an inspection in May", "Harbor Point Holdings"),
    ("the short form of an organisation named in full",
     "The judge wrote that the owner, Lakeview Crest Properties, had ignored the orders. Lakeview Crest "
     "said it would appeal.",
     "it would appeal", "Lakeview Crest Properties"),
    ("the service: the armed service named in the sentence",
     "The Coast Guard will close its station in Rockland in March, the service said on Monday.",
     "The Coast Guard will close its station in Rockland in March", "the Coast Guard"),
    ("a body's statement is the body's",
     "The Coast Guard will close its station in Rockland in March. The service\u2019s statement said the "
     "crews would move to Portland.",
     "the crews would move to Portland", "the Coast Guard"),
    ("a document a body sent is the body's",
     "The base trained 90 crews last year, according to a fact sheet the Navy sent to Congress.",
     "The base trained 90 crews last year", "the Navy"),
    ("a description named later by apposition",
     "A Salem man sued the city on Monday, saying officers had towed his truck without notice. The man, "
     "Carlos Ruiz, 40, told reporters that he had paid every ticket.",
     "officers had towed his truck without notice", "Carlos Ruiz"),
    ("a possessive description named later",
     "The dairy asked a judge to let it keep its cows, a plan that its lender said would leave it worse "
     "off. The lender's lawyer, Tom Reed, questioned Ms. Lund for an hour. The lender, Prairie Farm "
     "Credit, which holds a lien on the cows, said in a filing that the herd would fetch less at auction.",
     "would leave it worse off", "Prairie Farm Credit"),
    ("an organisation in apposition before an earlier bearer of the title",
     "The lender's lawyer, Tom Reed, questioned Ms. Lund for an hour. The lender, Prairie Farm Credit, "
     "which holds a lien on the cows, said in a filing that the herd would fetch less at auction.",
     "the herd would fetch less at auction", "Prairie Farm Credit"),
    ("a given name of a couple",
     "Tom and Ellen Brandt filed for bankruptcy in May. Tom said the farm had lost money for three years.",
     "the farm had lost money for three years", "Tom Brandt"),
    ("a name after a courtesy title that the recogniser missed",
     "Oksana Pylypets grows sunflowers with her cousin, Halyna Marchuk. Ms. Marchuk sold her crop in "
     "August, and Ms. Pylypets stored hers in a rented barn.\n\n\u201cNow the price is fair,\u201d she said.",
     "Now the price is fair,", "Oksana Pylypets"),
    ("a clause after the closing mark is no attribution",
     "Mayor Ana Soler said in her address that the plan was \u201ca start, not an end,\u201d and that the "
     "city would answer any lawsuit.",
     "a start, not an end,", "Ana Soler"),
    ("an office before a full name is no part of the name",
     "Mayor Curtis Rahn said the city could lend the co-op money. \u201cA town without a store is a town "
     "people drive through,\u201d he said.",
     "A town without a store is a town people drive through,", "Curtis Rahn"),
    ("a fragment of a report under a modal is the reporter's",
     "The ministry's spokesman, Ivan Petrov, called the vote \u201ctheft\u201d and said Russia would "
     "respond \u201cin kind.\u201d",
     "in kind.", "Ivan Petrov"),
    ("a given name alone names the person introduced in full with it",
     "Marta Quinlan, 58, testified beside her daughter, Jess Quinlan. Marta said the ward had saved her "
     "life in 1994.", "the ward had saved her life in 1994", "Marta Quinlan"),
    ("a given name of brothers named together",
     "The crew is led by two brothers, Ostap and Taras Kovalyshyn. Ostap said the line would be fixed "
     "by Friday.", "the line would be fixed by Friday", "Ostap Kovalyshyn"),
    ("a name in apposition to a kinship noun",
     "The boy's father, Wade Brunner, sat in the front row. Outside the courtroom, Wade said the family "
     "had refused a settlement.", "the family had refused a settlement", "Wade Brunner"),
    ("the person questioned answers next",
     "Senator Ruth Alder pressed Ms. Okafor on why the agency had waited a year.\n\n\u201cWe moved as "
     "soon as the data came in,\u201d she said.", "We moved as soon as the data came in,", "Okafor"),
    ("the questioner who acts on speaks next",
     "The lawyer, Dana Whitfield, questioned Ms. Okafor for an hour, then turned to the judge.\n\n"
     "\u201cI have heard no plan, Your Honor,\u201d she said.", "I have heard no plan, Your Honor,",
     "Dana Whitfield"),
    ("a year the parse made the subject is no speaker",
     "A teacher whose school has stood on the hill since 1908 said she had lost every book in the flood.",
     "she had lost every book in the flood", "a teacher"),
    ("a statement speaks for its author",
     "In Moscow, a Russian Foreign Ministry statement called the sanctions \u201can act of theft.\u201d",
     "an act of theft.", "Russian Foreign Ministry"),
    ("a given name beside a named relative takes the relative's surname",
     "Not everyone wants to move. Dana Verhoef and her husband, Luke, bought a house on Elm Street in "
     "2019. Luke said they would rather raise the house than sell it.",
     "they would rather raise the house than sell it", "Luke Verhoef"),
    ("a statement of its body",
     "The Interior Ministry claimed that the bridge had been mined in May. Its statement called the "
     "flood \u201can act of sabotage.\u201d", "an act of sabotage.", "the Interior Ministry"),
    ("a fragment in a that clause the parse hung elsewhere",
     "The woman, Maria Lopez, told reporters outside the courthouse that she had called the jail "
     "\u201cevery single morning\u201d to ask about him.",
     "every single morning", "Maria Lopez"),
    ("a given name the tagger reads as a common noun",
     "The player, Caden Thorsrud, moved to Mitchell from Sioux Falls in June.\n\nBrock Thorsrud and his "
     "wife, Renee, sat behind their son in the courtroom. Brock said he had taken a job running a grain "
     "elevator outside Mitchell in April, two months before the school hired its new football coach.",
     "he had taken a job running a grain elevator outside Mitchell in April, two months before the school "
     "hired its new football coach", "Brock Thorsrud"),
    ("a full name whose surname family members share stays whole",
     "The player, Caden Thorsrud, moved to Mitchell in June. His father, Brock Thorsrud, said the "
     "family had moved for work.", "the family had moved for work", "Brock Thorsrud"),
    ("he is the subject of the sentence before, named by a given name alone",
     "The player, Caden Thorsrud, moved to Mitchell from Sioux Falls in June.\n\nThe coach, Lance "
     "Ferebee, coached Caden at a Sioux Falls high school for two seasons.\n\n\u201cI asked Brock if he "
     "knew anybody on the school board,\u201d Mr. Ferebee said.\n\nCaden, who made 94 tackles last "
     "season, spoke to reporters on the courthouse steps.\n\n\u201cPeople I grew up with think I left "
     "for football,\u201d he said.", "People I grew up with think I left for football,", "Caden Thorsrud"),
    ("she is the subject of the sentence before when the last speaker is a man",
     "Representative Dwayne Kittredge, a Texas Republican who voted no, said two-year extensions had "
     "become \u201ca permanent status.\u201d\n\n\u201cEvery two years we call it temporary again,\u201d Mr. "
     "Kittredge said.\n\nOleksandra Bondarenko, 43, fled Kharkiv with her son, Danylo, in 2022 and now "
     "works as a dental hygienist in Spokane, Wash. She said by phone that her sponsor had offered to "
     "let them move back into her basement.",
     "her sponsor had offered to let them move back into her basement", "Oleksandra Bondarenko"),
    ("it is the organisation that is the subject of the sentence before",
     "\u201cThe bill is sound,\u201d the Congressional Research Service said.\n\nThe Department of "
     "Homeland Security, which runs the program, took no position on the bill. \u201cWe will carry out "
     "the law,\u201d it said in a statement.", "We will carry out the law,",
     "the Department of Homeland Security"),
    ("it is the organisation that is the subject of its own sentence",
     "Ukrainian officials said their troops still held the city's edges. The Kremlin said the army "
     "had taken the city, in what it called the \u201cliberation\u201d of Bakhmut.", "liberation",
     "the Kremlin"),
    ("a one-word short form of a company named in full with its seat",
     "The county hired Ashgrove Behavioral Health of Louisville in 2022 to run the clinic. Two "
     "counselors quit in March.\n\nAshgrove said in a statement that it had filled both jobs.",
     "it had filled both jobs", "Ashgrove Behavioral Health"),
    ("the company: a name the recogniser misses, in apposition to an owner",
     "The mill's owner, Cold Creek Lumber, did not return calls. In a statement, the company said the "
     "layoffs would be temporary.",
     "the layoffs would be temporary", "Cold Creek Lumber"),
    ("a relative named by a first name in apposition",
     "Ruiz, 41, died in the fire. Her brother, Mateo, said the family had not been told for two days.",
     "the family had not been told for two days", "Mateo"),
    ("officials there: the named place, not the border it lies near",
     "In Sumy, near the Russian border, classes moved online. Officials there said two schools had been "
     "hit overnight.",
     "two schools had been hit overnight", "officials in Sumy"),
    ("a question put in an opening participle is not the report",
     "The treasurer, Alma Reyes, told the board that the fund was short. Asked whether the county would "
     "borrow, she said, \u201cWe have no other choice.\u201d",
     "We have no other choice.", "Alma Reyes"),
    ("a description of a county official named later in apposition",
     "A review by the county auditor said the vendor had billed for visits that never happened. "
     "The vendor disputed it. The board met on Monday. The auditor, Grace Whitfield, told the board "
     "that the losses ran past $1 million.",
     "the vendor had billed for visits that never happened", "Grace Whitfield"),
    ("a lawsuit is the report of those who filed it",
     "Ruiz had asked for a new heater twice, according to a lawsuit her family filed in May.",
     "Ruiz had asked for a new heater twice", "her family"),
    ("a union named later by its whole name, local number included",
     "Nurses at two hospitals walked out on Friday, their union said. The union, Allied Care Workers "
     "Local 402, said talks had stalled over staffing.",
     "Nurses at two hospitals walked out on Friday", "Allied Care Workers Local 402"),
    ("a programme described in apposition is no second subject of the person",
     "Mr. Brandt, appearing on \u201cCapitol Hour,\u201d a cable news show, on Tuesday night, said the "
     "county would reopen the shelter.",
     "the county would reopen the shelter", "Brandt"),
    ("the firm: the one organisation described as a firm, paragraphs before",
     "The cargo belonged to Tillman Grain Partners, a trading firm based in Omaha, the port said.\n\n"
     "Two cranes were damaged.\n\nLena Ortiz, the harbor master, said repairs would take a week.\n\nThe firm "
     "lost about $3 million in the fire, according to its annual report.",
     "The firm lost about $3 million in the fire", "Tillman Grain Partners"),
    ("an office speaking before its director is named is no person, and is named without its description",
     "A report by the Office of Pipeline Oversight, a state agency, said the valve had failed twice. "
     "\u201cWe saw it coming,\u201d the office\u2019s director, Victor Amaral, told reporters.",
     "the valve had failed twice", "the Office of Pipeline Oversight"),
    ("an office the recogniser leaves untagged is no earlier office's director either",
     "A report by the Office of Pipeline Oversight, a state agency, said the valve had failed twice. "
     "\u201cWe saw it coming,\u201d the office\u2019s director, Victor Amaral, told reporters.\n\nThe "
     "Westbrook County Sheriff\u2019s Office said in a statement that it would review the findings.",
     "it would review the findings", "the Westbrook County Sheriff\u2019s Office"),
    ("the report: the author of the report named before",
     "A review by the Bureau of Pipeline Safety found that the valve had failed twice. The company "
     "disputed it.\n\nAccording to the review, inspectors had flagged the valve in 2023.",
     "inspectors had flagged the valve in 2023", "the Bureau of Pipeline Safety"),
    ("a relative named before, taken up as 'his mother'",
     "Ortega\u2019s mother, Rosa Ortega, waited outside the courthouse.\n\n\u201cHe never hurt "
     "anyone,\u201d his mother said.",
     "He never hurt anyone,", "Rosa Ortega"),
    ("a relative named by a first name the recogniser takes for a place is a person 'he' takes up",
     "Brynn Holt, 29, gave birth to her second child at Aldridge Memorial in May after a long drive in "
     "the dark. Her husband, Dallas, said they would think hard about a third child if the unit "
     "closed.\n\n\u201cI will not do that drive again,\u201d he said.",
     "I will not do that drive again,", "Dallas"),
    ("the company: a short name the recogniser took for a person, inside the reported clause",
     "Velmar Systems, which builds the drones in Decatur, Ala., said in a statement that each unit "
     "costs about $6,000.\n\nThe Russian Ministry of Defense claimed Tuesday that its air defenses "
     "had destroyed 62 drones.\n\nVelmar has hired 230 workers since June, the company said.",
     "Velmar has hired 230 workers since June", "Velmar Systems"),
    ("the company: no town the recogniser took for a person, nor its state taken for an organisation",
     "The club is owned by Kestrel Ballclub Partners LLC, which has said it will move the team to "
     "Dover, Delaware, if the city does not pay.\n\nThe council met on Monday.\n\nKestrel Ballclub "
     "Partners has not ruled out Dover. The company said in an email that it had bargained in good faith.",
     "it had bargained in good faith", "Kestrel Ballclub Partners LLC"),
    ("the company is never the lawyer named later 'for the company'",
     "The suit names Harwick Residential Holdings of Stamford.\n\nA tenant, Rosa Diaz, said the heat "
     "failed for weeks. The city\u2019s housing office said it had sent inspectors.\n\nThe company insisted in a "
     "court filing that the outages were a utility\u2019s fault. In a letter, a lawyer for the company, "
     "Joan Pratt, contended that the fees were legal.",
     "the outages were a utility\u2019s fault", "Harwick Residential Holdings"),
    ("a lede's title named in the next sentence after 'by'",
     "HARTFORD, Conn. \u2014 A landlord left hundreds of tenants without heat for weeks, the state\u2019s "
     "attorney general said in a lawsuit filed Thursday.\n\nThe suit, brought by Attorney General "
     "Maria Lindqvist, names four companies.",
     "A landlord left hundreds of tenants without heat for weeks", "Maria Lindqvist"),
    ("the railroad's manifest is the railroad's, and the railroad is no board that spoke in between",
     "The train, operated by the Prairie & Northern Railway, derailed near the crossing.\n\nIt carried "
     "80 cars, according to the railroad\u2019s manifest.\n\nFire Chief Dale Novak said the fire was out. "
     "The National Transportation Safety Board said it would send a team. The railroad maintained in a "
     "statement that the crew had followed every rule.",
     "the crew had followed every rule", "the Prairie & Northern Railway"),
    ("'argued the appeal before the judges ... said': the judges are no subject of a clause of time",
     "A lawyer who argued the county\u2019s appeal before the judges in April said on Friday that the county "
     "would close the bridge for a month.\n\nThe lawyer, Hollis Vantreese, said the deck had rusted through.",
     "the county would close the bridge for a month", "Hollis Vantreese"),
    ("an agency's spokeswoman is not the next person, who comes with her own description",
     "A Labor Department spokeswoman declined to discuss the fines but said the agency would publish its "
     "findings by March.\n\nRoberta Quist, who owns a bakery in Duluth, said she had paid twice.",
     "the agency would publish its findings by March", "a Labor Department spokeswoman"),
    ("a schoolteacher named later as 'the teacher'",
     "A retired schoolteacher whose porch was torn off by the wind said she had not slept at home since "
     "Sunday. \u201cThey told me the roof was next,\u201d said the teacher, Imogen Halvard, 68.",
     "she had not slept at home since Sunday", "Imogen Halvard"),
    ("a lede's title named by an apposition that the recogniser took for an organisation",
     "CORDOVA, Mass. \u2014 Forty homes along Salt Pond Road are still without heat eight days after the "
     "flood, and some may stay cold until February, the town\u2019s emergency management director said on "
     "Tuesday.\n\nThe director, Wendell Osterbrook, said crews would reach the last houses by Friday.",
     "Forty homes along Salt Pond Road are still without heat eight days after the flood, and some may "
     "stay cold until February", "Wendell Osterbrook"),
    ("a company's first word alone, which the recogniser took for a person, is the company",
     "The complaint was filed in June by Ridgeback Tile, which makes floor tiles in Ashby Falls, Ga., and "
     "by two of its suppliers. Ridgeback said in a statement that it would reopen its second kiln.",
     "it would reopen its second kiln", "Ridgeback Tile"),
    ("'the union' is the one organisation described as a union in apposition",
     "The complaint was filed by Ridgeway Glass, which makes bottles in Elmira, and by Glassworkers Local "
     "2231, the union that represents its furnace crews. Ridgeway said in a statement that it would hire "
     "60 people. The union called the ruling \u201ca lifeline for the valley.\u201d",
     "a lifeline for the valley.", "Glassworkers Local 2231"),
    ("'the utility' is the organisation coordinated with officials in the sentence before",
     "Three residents who attended a meeting on Monday between county officials and Harbor Point Electric "
     "said no date had been set for restoring power. The utility said in a statement that its crews "
     "\u201care working around the clock.\u201d",
     "are working around the clock.", "Harbor Point Electric"),
    ("a lede's 'the company behind' a project is the company that speaks a little later",
     "LINDSTROM, Minn. \u2014 Pine County supervisors voted on Thursday to halt solar permits for a year, "
     "a pause that the company behind a 300-acre project said could cost it its only buyer.\n\nThe pause "
     "takes effect in March.\n\nNorthwind Solar Partners, a Denver developer, said in a statement that it "
     "had spent $4 million on the project.",
     "could cost it its only buyer", "Northwind Solar Partners"),
    ("a woman described is named by the next sentence's 'the farmer, [Name],'",
     "A woman who grows wheat and corn on 2,000 acres south of Larned said the order would force her to "
     "idle a third of her fields. The farmer, Odessa Brinkhaus, said her bank had asked for a new budget.",
     "the order would force her to idle a third of her fields", "Odessa Brinkhaus"),
    ("a legal opinion speaks for its author, a title named in the next sentence",
     "A legal opinion from the town counsel, written in May, said the board could hire its own "
     "investigator. The counsel, Marguerite Osei, did not respond to a request for comment.",
     "the board could hire its own investigator", "Marguerite Osei"),
    ("according to a disclosure filed by a college: the college",
     "According to a disclosure filed by Harwood College with its lenders in October, the college had "
     "cash for 38 days.", "the college had cash for 38 days", "Harwood College"),
    ("'the group' is the organisation described as a trade group in apposition",
     "The National Association of Grain Shippers, a trade group, argued in comments filed last year that "
     "the fee would drive barges to other ports. The group said on Thursday that it was studying the final "
     "rule \"with our lawyers at the table.\"",
     "with our lawyers at the table.", "the National Association of Grain Shippers"),
    ("a title before a full name that the recogniser took for an organisation, with 'of' and a state",
     "Later, Representative Dolores Iturbe of Colorado said the delays fell hardest on veterans.",
     "the delays fell hardest on veterans", "Dolores Iturbe"),
    ("a company in apposition without the city of its seat",
     "The operator, Hollowell Senior Living of Duluth, said in a statement that the home would close in "
     "May.", "the home would close in May", "Hollowell Senior Living"),
    ("'the report' speaks for the one who reported in it, named later by title",
     "Half of the county's bridges need repair, the state's transportation auditor said in a report on "
     "Monday.\n\nThe report said the county had spent its repair money on new roads.\n\n\u201cThe "
     "bridges were not a priority,\u201d Auditor Philippa Crane told reporters.",
     "the county had spent its repair money on new roads", "Philippa Crane"),
    ("'the letter' speaks for the company that sent it",
     "Its owner, Tamsin Health Partners, told residents in a letter on Friday that the clinic would close. "
     "\u201cWe held on as long as we could,\u201d the letter said.",
     "We held on as long as we could,", "Tamsin Health Partners"),
    ("a report requested by a committee does not speak for the committee",
     "WASHINGTON \u2014 The Coast Guard has 40 cutters past their service life, according to a report "
     "released on Monday by the Government Accountability Office.\n\nThe report, requested by the House "
     "Transportation Committee, said the service had no plan to replace them.",
     "the service had no plan to replace them", "the Government Accountability Office"),
    ("a subject the parser hung on an opening phrase's noun",
     "In a complaint filed on Monday in federal court in Fresno, the Valley Growers Alliance, which "
     "represents 300 farms, said the district had broken its contract.",
     "the district had broken its contract", "the Valley Growers Alliance"),
    ("a content clause that the parser gave to a noun of the verb's phrase",
     "The state veterinarian, Dr. Anselm Kovac, said in a written response included in the report that "
     "his office had hired two inspectors.", "his office had hired two inspectors", "Anselm Kovac"),
    ("an office that a possessive office-holder identifies is no office named before",
     "The Office of Child Advocacy said the agency had lost track of 30 children. The mayor's budget "
     "office said the plan would add money for caseworkers.",
     "the plan would add money for caseworkers", "the mayor's budget office"),
    ("a lede's 'the company' named through the notice it filed",
     "ALDEN, Iowa \u2014 A meatpacking plant will lay off 200 of its 900 workers in March, the company said "
     "in a notice filed with the state on Monday.\n\nThe notice, filed by Northfield Pork Processors, said "
     "the cuts would begin on March 3.",
     "A meatpacking plant will lay off 200 of its 900 workers in March", "Northfield Pork Processors"),
    ("a judge described, then named by the title in the next sentence",
     "A federal judge in Omaha ruled on Friday that the company must pay its drivers for the storm days. "
     "In her ruling, Judge Rosalind Achebe wrote that the contracts made no exception.",
     "the company must pay its drivers for the storm days", "Rosalind Achebe"),
    ("a body described in a lede is the organisation named later in a person's title, not the person",
     "The bridge over the Ashby River must close to trucks by March, the state's bridge inspection office "
     "said in an order on Monday.\n\nThe four-page order said cracks had grown in two steel beams.\n\n"
     "\"We cannot wait for spring,\" said Odile Farrant, the director of the Office of Bridge Inspection.",
     "cracks had grown in two steel beams", "the Office of Bridge Inspection"),
    ("'it' after a report's clause is the report's author",
     "Ferry service to the islands fell by a third last year, the state's transportation inspector said in "
     "a report on Friday.\n\nThe report said the agency had cut crews, and it called the agency's "
     "schedules \u201cfiction on paper.\u201d\n\nInspector Gwendolyn Marsh said the cuts were avoidable.",
     "fiction on paper.", "Gwendolyn Marsh"),
    ("an organisation in the possessive keeps no 's",
     "The Forest Service closed two campgrounds. Wildfires burned 40,000 acres last year, according to "
     "the Forest Service's own figures.",
     "Wildfires burned 40,000 acres last year", "the Forest Service"),
    ("a business in apposition to 'the dealer' drops the city of its seat",
     "The dealer, Prairie Gold Tractor of Watertown, sells machines in 12 counties. The company said it "
     "would appeal.", "it would appeal", "Prairie Gold Tractor"),
    ("a centre is named without the university that hosts it",
     "According to a count by the Institute for Small Farm Studies at Dunmore State University, 400 dairies "
     "closed last year.", "400 dairies closed last year", "the Institute for Small Farm Studies"),
    ("a judge described in a lede is named by title two paragraphs on",
     "PIERRE, S.D. \u2014 A state judge on Monday ordered a grain elevator to reopen its scales, ruling that "
     "the closure broke its contracts with farmers.\n\nThe elevator buys wheat from about 900 farms. Its "
     "owners bought it in 2019.\n\nIn her order, Judge Maren Ostby wrote that the farmers had no other "
     "buyer within 60 miles.",
     "the closure broke its contracts with farmers", "Maren Ostby"),
    ("an organisation's name without the relative clause on it",
     "The Minnesota Department of Safety and Professional Services, which licenses plumbers, said it "
     "would review the records.", "it would review the records",
     "the Minnesota Department of Safety and Professional Services"),
    ("a verb after 'to' that the parser made the subject is no speaker",
     "A janitor who was mopping the floor when the roof began to groan said he heard \u201ca crack like "
     "a rifle shot\u201d and ran out.\n\nThe janitor, Emil Vasquez, 52, has worked there since 2001.",
     "a crack like a rifle shot", "Emil Vasquez"),
    ("'its' for a body whose name the recogniser missed",
     "The county board approved the plan. The board said in a statement that the plan was sound. Sauk "
     "Prairie Public Power District, which sells electricity in the county, would need to build a new "
     "substation, according to its filing with the state.",
     "Sauk Prairie Public Power District, which sells electricity in the county, would need to build a new "
     "substation", "Sauk Prairie Public Power District"),
    ("'the two senators' are the last two senators named",
     "Senator Mabel Oduya, Democrat of Ohio, called the fine \u201ca start,\u201d while Senator Frank "
     "Halloran, Republican of Idaho, said it was too small. In a letter in May, the two senators wrote that "
     "airlines had \u201cno reason to be careful.\u201d",
     "no reason to be careful.", "Mabel Oduya and Frank Halloran"),
    ("a note signed by a group that calls itself a name speaks, and 'it' after it, for that name",
     "A ransom note signed by a group that calls itself Grey Lantern said the records would be sold unless "
     "the county paid, and it described the county's firewall as \u201ca paper fence.\u201d",
     "a paper fence.", "Grey Lantern"),
    ("'her lawsuit' speaks for the woman who sued",
     "Marta Keel sued the company in March. Her lawsuit says the company \u201cignored every warning\u201d "
     "about the boiler.", "ignored every warning", "Marta Keel"),
    ("figures a body presented speak for that body",
     "Halden State University will close its north campus. Closing the campus would save the university "
     "$3 million a year, according to figures the university presented to the board.",
     "Closing the campus would save the university $3 million a year", "the Halden State University"),
    ("two people named together in apposition speak together",
     "The two trustees who voted against the plan, Rosalind Maki and Peter Jandreau, said in a joint "
     "statement that the board had never considered a proposal.",
     "the board had never considered a proposal", "Rosalind Maki and Peter Jandreau"),
]


@pytest.mark.parametrize("text, quotation, expected", [c[1:] for c in SPEAKER_SHAPES],
                         ids=[c[0] for c in SPEAKER_SHAPES])
def test_speakers_named_elsewhere_in_the_text(extractor, nlp, text, quotation, expected):
    found = {q.text: q.speaker for q in extractor.extract(nlp(text))}
    assert found[quotation] == expected


@pytest.mark.parametrize("text, content, speaker, verb", [
    # a report at the end of its sentence that the parser hangs on the clause's last noun as a
    # relative clause ("hurt domestic mills [that] a panel said")
    ("WASHINGTON \u2014 Imported steel pipe from three countries has hurt domestic mills, a divided "
     "federal trade panel said on Tuesday, opening the way for new duties.",
     "Imported steel pipe from three countries has hurt domestic mills",
     "a divided federal trade panel", "say"),
    # ... or under the clause as an adverbial clause; "rule" reports a court's decision
    ("BOSTON \u2014 A county\u2019s zoning change is void because the board never held a public hearing, "
     "the state\u2019s highest court ruled on Friday.",
     "A county\u2019s zoning change is void because the board never held a public hearing",
     "the state\u2019s highest court", "rule"),
    ("A federal judge ruled on Thursday that the county had drawn its districts to weaken the votes of "
     "farmworkers.", "the county had drawn its districts to weaken the votes of farmworkers",
     "a federal judge", "rule"),
])
def test_reports_at_the_end_of_a_lede_and_court_rulings(extractor, nlp, text, content, speaker, verb):
    found = {q.text: (q.speaker, q.verb, q.verb_class) for q in extractor.extract(nlp(text))}
    assert found[content] == (speaker, verb, "neutral")


def test_a_relative_clause_without_a_comma_is_no_final_report(extractor, nlp):
    """"the officials who the governor said would run the fund": a report inside a relative clause
    reports its own clause, not the sentence before it."""
    text = "The mayor met the officials who the governor said would run the fund."
    assert [q.text for q in extractor.extract(nlp(text))] == ["would run the fund"]


def test_a_that_clause_whose_subject_the_parser_lost_is_reported(extractor, nlp):
    """"told the committee that about one in five families ... had skipped": the parse hangs the
    clause's subject on a preposition; the clause after "that" is still the report."""
    text = ("A nurse who runs a clinic in Toledo told the panel that about one in four patients she sees "
            "had skipped a dose because of cost.")
    found = [q.text for q in extractor.extract(nlp(text))]
    assert found == ["about one in four patients she sees had skipped a dose because of cost"]


def test_a_clause_joined_by_and_that_after_a_fragment_is_reported(extractor, nlp):
    """'said the plan "goes nowhere" and that he would ask the board ...': the second clause is
    reported too, though its verb ("ask") is a reporting verb of its own."""
    text = ("Mr. Pryor said the plan \u201cgoes nowhere\u201d and that he would ask the board to vote "
            "again in May.")
    found = [(q.text, q.kind) for q in extractor.extract(nlp(text))]
    assert found == [("goes nowhere", "direct"), ("he would ask the board to vote again in May", "indirect")]


def test_a_programme_title_in_apposition_is_no_quotation(extractor, nlp):
    """'told "The Sunday Docket," a public affairs program, that ...': the quoted title of a show
    described in apposition is not a quotation; a slogan's description is no title noun."""
    text = ("Mr. Hale told \u201cMorning Ledger,\u201d a public affairs program, last weekend that he had "
            "the votes. \u201cWe Will Win,\u201d a new slogan of the campaign, said nothing new.")
    found = [q.text for q in extractor.extract(nlp(text))]
    assert "Morning Ledger," not in found
    assert "he had the votes" in found
    assert "We Will Win," in found


def test_a_description_named_by_the_next_sentence_with_a_matching_title(extractor, nlp):
    """A lede's official described by title and named by the next sentence's subject, whose
    title shares a word with the description beyond its head noun; a person of another title is
    not taken for the one described."""
    text = ("The Commerce Department\u2019s top export official told the committee that 40 more firms "
            "would be listed. Priya Natarajan, the director of the department\u2019s export office, said "
            "the list was ready.\n\nThe city\u2019s lead negotiator said the budget was late. John Ortiz, "
            "a retired teacher, said the schools needed money.")
    found = {q.text: q.speaker for q in extractor.extract(nlp(text))}
    assert found["40 more firms would be listed"] == "Priya Natarajan"
    assert found["the budget was late"] == "the city\u2019s lead negotiator"


def test_given_names_tell_he_from_she_without_courtesy_titles(extractor, nlp):
    """AP-style copy names people without "Mr." or "Ms.": a given name that tells the gender keeps
    "she" off the man quoted last, and makes a person of a full name the entity recogniser took
    for an organisation ("Tamara Gaines")."""
    text = ("Gulf Shore Power said crews had restored half of its customers. Its chief executive, Roy "
            "Dempsey, said the rest would wait a week.\n\nIn Pine Hollow, Tamara Gaines sat on the steps "
            "of what was left of her house. \u201cThis time the roof just left,\u201d she said.")
    found = {q.text: q.speaker for q in extractor.extract(nlp(text))}
    assert found["This time the roof just left,"] == "Tamara Gaines"


def test_packaged_given_names_are_one_gender_each():
    from framing.quotes import given_name_genders

    names = given_name_genders()
    assert names["tamara"] == "f" and names["roy"] == "m"
    assert "jordan" not in names and "sasha" not in names  # used for both: left unknown


def test_a_lone_surname_is_no_short_form_of_a_company(extractor, nlp):
    """A company that begins with a person's surname ("Hartley Freight Lines") does not capture
    that person's later quotations ("Hartley said")."""
    text = ("Dana Hartley founded Hartley Freight Lines in 1998. The firm now runs 40 trucks. "
            "Hartley said the drivers had earned the raise.")
    found = {q.text: q.speaker for q in extractor.extract(nlp(text))}
    assert found["the drivers had earned the raise"] == "Dana Hartley"


def test_an_organisation_in_apposition_to_a_possessive_description(extractor, nlp):
    """"Its contractor, Prairie Ordnance Systems, which the Army said ..., said": the company in
    apposition speaks, although the entity recogniser does not tag it (a dev article of the
    US-news set, where the speaker had been "its contractor")."""
    from conftest import ROOT

    path = ROOT / "tests/data/us-news/quotes/corpus/capitol-courier/capitol-courier-2026-11-18-army-artillery-shell-delays.txt"
    text = load_corpus(path).loc[0, "text"]
    found = {q.text: q.speaker for q in extractor.extract(nlp(text))}
    assert found["both problems had been fixed"] == "Prairie Ordnance Systems"


def test_a_participle_set_off_by_commas_reports_no_clause(extractor, nlp):
    """'Mr. Dunn, asked whether he would debate, was blunt: "..."': the parser makes "asked"
    the main verb with "was blunt" as its clause; neither the question nor "was blunt" is a
    quotation, and the quotation after the colon is Mr. Dunn's."""
    text = 'Mr. Dunn, asked whether he would debate, was blunt: "Not before the primary."'
    found = quotes(extractor, nlp, text)
    assert [(t, k, s) for t, k, s, *_ in found] == [("Not before the primary.", "direct", "Dunn")]


@pytest.mark.parametrize("text, fragment, expected", [
    ('Speaking on "Meet the Press," Mr. Hale said the deal was dead.', "Meet the Press,", False),
    ('In his book "Winning Back America," Mr. Hale wrote that debates matter.', "Winning Back America,", False),
    ('Smith called the plan "a disaster" on Monday.', "a disaster", False),
    ('What Harris described as "a turning point" will be tested.', "a turning point", False),
    ('The senator promised "a fair hearing" to the nominee.', "a fair hearing", False),
    ('Mr. Blinken rejected talk of a "stalemate" in the east.', "stalemate", True),
    ('The so-called "laddered" approach drew scorn.', "laddered", True),
    ('The "liberation" of the city left few buildings standing.', "liberation", True),
])
def test_titles_and_partial_quotations_are_not_scare_quotes(nlp, text, fragment, expected):
    doc = nlp(text)
    start = text.index(fragment)
    assert is_scare_quote(doc, start, start + len(fragment)) is expected


# Shapes of the errors read on rounds 29 to 58 (each case fails with the rules before them): the
# content and the speaker of one report in each text.
REPORT_SHAPES = [
    ("a company named in a company's own report does not become 'the company'",
     "Norvell Health, a pharmacy benefit manager based in Ohio, sets the rates. Norvell said in a "
     "statement that its rates were \u201ccompetitive and fully disclosed\u201d and that it had offered "
     "Haskell Drug the same terms as other pharmacies. The company said patients could get their "
     "medicines by mail \u201cat no extra cost.\u201d",
     "at no extra cost.", "Norvell Health", "say"),
    ("an object predicate the parser hung on a noun is the verb's",
     "The board's chairwoman, Mara Lindgren, said the fee would apply. She called the worry about "
     'delayed calls "a fair point, but not a reason to do nothing."',
     "a fair point, but not a reason to do nothing.", "Mara Lindgren", "call"),
    ("two clauses before one report, split by the parser at their conjunction",
     "She asked the board on Friday to let the food trucks stay on the square through October, and the "
     "board turned her down on Monday, she said.",
     "She asked the board on Friday to let the food trucks stay on the square through October, and the "
     "board turned her down on Monday", None, "say"),
    ("an adverbial clause between a lede's content and its report belongs to the content",
     "The county shut the Elm Street garage on Thursday afternoon, hours after engineers found that a "
     "support column had buckled, the city\u2019s public works department said in a notice posted on its "
     "website.",
     "The county shut the Elm Street garage on Thursday afternoon, hours after engineers found that a "
     "support column had buckled", "the city\u2019s public works department", "say"),
    ("'calling 911' is no second report",
     "Karen Vos, a supervisor who voted against the rule, warned that hikers in trouble would put off "
     "calling 911 while they tried to walk out on their own.",
     "hikers in trouble would put off calling 911 while they tried to walk out on their own",
     "Karen Vos", "warn"),
    ("nor is 'nobody had called her back'",
     "Ms. Dunleavy said she had written to the council twice and nobody had called her back.",
     "she had written to the council twice and nobody had called her back", "Dunleavy", "say"),
    ("a report in a relative clause whose noun is the subject of what was said",
     "The district plans to close two schools, a move that parents said on Monday would force some "
     "children onto hourlong bus rides.",
     "would force some children onto hourlong bus rides", "parents", "say"),
    ("... up to the comma that closes the relative clause",
     "The rule, which the board said in 2025 would cut waiting times by a third, was to take effect in May.",
     "would cut waiting times by a third", "the board", "say"),
    ("'described as part of' gives the describer's words",
     "The Harwell Water Authority sent a letter to customers on Monday. It described the rate increase as "
     "part of a \u201clong-overdue investment in our pipes.\u201d",
     "long-overdue investment in our pipes.", "the Harwell Water Authority", "describe"),
    # the errors read on round 30
    ("a that-clause hung on the document's noun, before a second 'and that' clause of the verb",
     "Judge Harriet Cole of Bristol Superior Court wrote in a 31-page decision that the council had held "
     "four such meetings in 2026 to compare sites and that its public vote in November was \"a formality "
     "staged for an audience that had already been told the ending.\"",
     "the council had held four such meetings in 2026 to compare sites", "Harriet Cole", "write"),
    ("an 'and that' clause hung deep in the first clause still splits it from a quoted second one",
     "A report by the Maritime Safety Office, released on Monday, said the ferry's engine had stalled only "
     "once when the captain tried to dock and that a fuel line had been \"cut too short at the yard.\"",
     "the ferry's engine had stalled only once when the captain tried to dock",
     "the Maritime Safety Office", "say"),
    ("a lede's report that the parser made a second statement, with the hearer as object",
     "DALTON, Ohio \u2014 The Dalton City School District will hire a private bus company to carry about "
     "200 students starting in April, after losing a third of its drivers since the fall and cutting five "
     "routes, the superintendent told the school board on Tuesday night.",
     "The Dalton City School District will hire a private bus company to carry about 200 students starting "
     "in April, after losing a third of its drivers since the fall and cutting five routes",
     "the superintendent", "tell"),
    ("'the decision says' speaks for the judge who wrote it",
     "Judge Mara Quill wrote in a 12-page decision that the trustees had met three times. None of those "
     "meetings, the decision says, was announced in advance.",
     "None of those meetings, the decision says, was announced in advance", "Mara Quill", "say"),
    ("the body that posted a document, named after it",
     "The Federal Aviation Administration ordered two airlines to inspect their engines. Each engine must be "
     "checked within 10 days, according to the order, which the agency posted on its website.",
     "Each engine must be checked within 10 days", "the Federal Aviation Administration", "according to"),
    ("the rest of a list after its first item is no comment of the writer's",
     "The jury found that Mr. Dorn took $80,000 from the parks fund, money that prosecutors said he spent "
     "on a fishing boat, a hunting cabin and his son's car.",
     "he spent on a fishing boat, a hunting cabin and his son's car", "prosecutors", "say"),
    ("a purpose clause ('so that') with a reporting verb is no second report",
     "The board's chairman, Olaf Brekke, said the town had recovered about $30,000 by selling the truck and "
     "the plow, and that it had changed its rules so that no one clerk can both write and sign a check.",
     "the town had recovered about $30,000 by selling the truck and the plow, and that it had changed its "
     "rules so that no one clerk can both write and sign a check", "Olaf Brekke", "say"),
    # the errors read on round 31
    ("a hyphenated short name is the company named in full before",
     "The lender, Blue-Creek Savings Bank of Dayton, Ohio, refused 900 loans. Blue-Creek said in a "
     "statement that it \"strongly disagrees\" with the findings.",
     "strongly disagrees", "Blue-Creek Savings Bank", "say"),
    ("a relative clause set off by commas is no part of a body's name",
     "The Coalition for Rural Schools, which represents 40 districts, claimed in written testimony that "
     "the formula \"punishes small towns.\"",
     "punishes small towns.", "the Coalition for Rural Schools", "claim"),
    ("two people named together after a plural, the first missed by the recogniser",
     "Two bus drivers who led the walkout, Renata Alves and Deshawn Marsh, said they had asked for heaters "
     "in May. \"We wanted heat,\" Ms. Alves said.",
     "they had asked for heaters in May", "Renata Alves and Deshawn Marsh", "say"),
    ("a surname before 'and' is no given name shared with the next person",
     "Two forklift operators who helped lead the drive, Renata Souza and Deshawn Pritchett, said they had "
     "first called the union in May. \"We were not asking for the moon,\" Ms. Souza said.",
     "We were not asking for the moon,", "Renata Souza", "say"),
    ("'She' after 'X pressed her on why' is the one pressed",
     "Dr. Felicia Amankwah, the agency's administrator, said more penalties were likely. Senator Margaret "
     "Olufsen, a Minnesota Democrat, pressed her on why the agency had waited. She acknowledged that "
     "auditors had flagged the rates in 2024.",
     "auditors had flagged the rates in 2024", "Felicia Amankwah", "acknowledge"),
    ("'they' after two people named together as a subject",
     "Senator Ruth Akers spoke first. Ms. Akers and Senator Dale Horn, a Kansas Republican, have introduced "
     "a bill. In a joint statement after the hearing, they said the fine was \"a start, not a finish.\"",
     "a start, not a finish.", "Ruth Akers and Dale Horn", "say"),
    ("a colon introduction whose clause ends in 'what came next'",
     "Ms. Greer said the tank had five hours left.\n\nShe was blunt about what came next: \"I called 911 "
     "four times.\"",
     "I called 911 four times.", "Greer", None),
    ("'her husband' of a Mrs. named by surname is the man named in full with it",
     "\"She could not walk,\" said the machinist, Gordon Pell. Mrs. Pell fell at home two weeks later and "
     "broke her wrist, her husband said.",
     "Mrs. Pell fell at home two weeks later and broke her wrist", "Gordon Pell", "say"),
    ("forms a company filed speak for the company",
     "The company, Brannock Home Furnishings, opposed the union. Brannock paid a consulting firm $312,000 "
     "last year, according to disclosure forms the company filed with the Labor Department.",
     "Brannock paid a consulting firm $312,000 last year", "Brannock Home Furnishings", "according to"),
    ("a report that interrupts its sentence before a subordinate clause",
     "Ms. Souza disputed that. The fans arrived in September, she said, after the heat was gone.",
     "The fans arrived in September, she said, after the heat was gone", "Souza", "say"),
    # the errors read on round 32
    ("a subject whose relative clause the parser hung on the place in its phrase",
     "A woman in Paducah, Ky., whose husband collapsed in their kitchen shortly after midnight told the "
     "state board on Wednesday that she had dialed 911 nine times before a neighbor drove them to the "
     "hospital.\n\nThe woman, Loretta Vance, said her husband survived.",
     "she had dialed 911 nine times before a neighbor drove them to the hospital", "Loretta Vance", "tell"),
    ("'testified' reports",
     "The carrier's chief technology officer, Priya Raghunathan, testified that the company had fixed the "
     "routing software.",
     "the company had fixed the routing software", "Priya Raghunathan", "testify"),
    ("two people named together as the subject speak together; a purpose clause is no second report",
     "Senator Howard Beckwith spoke. Senator Elise Marchetti spoke too. Mr. Beckwith and Ms. Marchetti "
     "said after the hearing that they would introduce a bill this spring to write the deadline into law.",
     "they would introduce a bill this spring to write the deadline into law",
     "Howard Beckwith and Elise Marchetti", "say"),
    ("an apposition of two people that the parser read as 'and'",
     "In Cedar Bend, two sisters who own a bakery drove to Lansing to watch the vote. The sisters, Dana "
     "and Michelle Kurek, said their sales fell by nearly half during the 2025 construction season.",
     "their sales fell by nearly half during the 2025 construction season",
     "Dana Kurek and Michelle Kurek", "say"),
    ("a body described in a lede is the one named by 'The cooperative, Name,' next",
     "HAYWOOD, Kan. \u2014 An electric cooperative that serves about 14,000 homes in southwest Kansas will "
     "switch off parts of its system on days of high wind this spring, the cooperative said on Tuesday."
     "\n\nThe cooperative, Sandhollow Electric, approved the plan after a fire.",
     "An electric cooperative that serves about 14,000 homes in southwest Kansas will switch off parts of "
     "its system on days of high wind this spring", "Sandhollow Electric", "say"),
    # the errors read on round 33
    ("a lede's first clause that the parser coordinated with the report at its end",
     "DENVER \u2014 About 1,900 mail ballots in a Pike County levy election were sent to a post office box "
     "that the county closed last year, and most of them may never be counted unless a judge steps in, the "
     "county's clerk said on Wednesday.",
     "About 1,900 mail ballots in a Pike County levy election were sent to a post office box that the "
     "county closed last year, and most of them may never be counted unless a judge steps in",
     "the Pike County clerk", "say"),
    ("a description by the body whose office it is, named by the next paragraph",
     "DENVER \u2014 About 1,900 mail ballots in a Pike County levy election were sent to a post office box "
     "that the county closed last year, and most of them may never be counted unless a judge steps in, the "
     "county's clerk said on Wednesday.\n\nThe clerk, Renata Vasquez-Lund, a Democrat in her second term, "
     "acknowledged that her office had printed the old box number on the return envelopes.",
     "her office had printed the old box number on the return envelopes", "Renata Vasquez-Lund",
     "acknowledge"),
    ("figures 'it filed' speak for the body described in apposition before",
     "Pathline Connect, the Memphis company that runs the calls, kept about $900,000 of the $2 million "
     "that families paid last year, according to figures it filed with the state.",
     "Pathline Connect, the Memphis company that runs the calls, kept about $900,000 of the $2 million "
     "that families paid last year", "Pathline Connect", "according to"),
    ("a quoted name before 'program' is a programme's name inside the report",
     "Dr. Ames said the hospital's \"Grow Our Own\" program, which pays tuition for local students, would "
     "train four nurses by 2029.",
     "the hospital's \"Grow Our Own\" program, which pays tuition for local students, would train four "
     "nurses by 2029", "Ames", "say"),
    # the errors read on round 34
    ("a hyphenated surname keeps its hyphen when a pronoun takes it up",
     "The board's president, Lydia Crane-Whitford, said the building needed about $2 million in "
     "work.\n\n\"We cannot wait another winter,\" she said.",
     "We cannot wait another winter,", "Lydia Crane-Whitford", "say"),
    ("a possessive after s with a typographic apostrophe is no apposition",
     "Col. Dana Whitcomb, the commander of the Corps\u2019 Omaha District, said the levee had "
     "held.\n\n\u201cWe were lucky this time,\u201d she said.",
     "We were lucky this time,", "Dana Whitcomb", "say"),
    ("'the Corps\u2019 statement' speaks for the Corps named in full before",
     "The U.S. Army Corps of Engineers closed the lock on Friday.\n\nThe Corps\u2019 statement "
     "said repairs would take three weeks.",
     "repairs would take three weeks", "the U.S. Army Corps of Engineers", "say"),
    ("a name in apposition at the end of an according-to phrase the parser cut short",
     "Seven barges were tied up below the lock on Friday, according to the Port Amberly harbor "
     "master, Ruth Kettunen.",
     "Seven barges were tied up below the lock on Friday", "Ruth Kettunen", "according to"),
    ("an audit commissioned from a firm speaks for the firm",
     "Mr. Hale was referring to an internal audit that the district commissioned last spring from "
     "the accounting firm Pell Larkin. The audit says a third of the bus inspections were never "
     "done.",
     "a third of the bus inspections were never done", "Pell Larkin", "say"),
    ("a report 'prepared ... by' a firm, parsed as the sentence's verb, speaks for the firm",
     "The council voted to end the route. A consultant's report prepared for the council by "
     "Brightwater Transit Advisors, a Denver firm, said the route had too few riders and no "
     "shelter at its stops.",
     "the route had too few riders and no shelter at its stops", "Brightwater Transit Advisors", "say"),
    ("a town's bid speaks for the town",
     "Harwell's bid says the town will pay for new stands and a larger parking lot.",
     "the town will pay for new stands and a larger parking lot", "Harwell", "say"),
    ("a label a record gave is no quotation inside the report",
     "Ms. Ruiz testified that her complaint was marked \"resolved\" in the city's system within "
     "an hour.",
     "her complaint was marked \"resolved\" in the city's system within an hour", "Ruiz", "testify"),
    ("a law's name in quotation marks is no quotation inside the report",
     "Senator Amos Pruett noted that Congress had passed the \"Fair Rent Act\" in 2019 to cap "
     "fees.",
     "Congress had passed the \"Fair Rent Act\" in 2019 to cap fees", "Amos Pruett", "note"),
    ("'she' after a sentence whose only person gave something",
     "\"We need the money,\" said the director, Joan Pike.\n\nThe painting was given to the town "
     "in 1902 by Harriet Coyle Brandt, a mill owner's widow. In her will, she wrote that the "
     "painting should \"never leave the building.\"",
     "never leave the building.", "Harriet Coyle Brandt", "write"),
    ("a date between 'statement' and 'that', and a verb in the content's tense after 'and'",
     "The attorney general's office, which oversees charities, said in a statement on Monday that "
     "it was reviewing the sale and had asked the museum for its records.",
     "it was reviewing the sale and had asked the museum for its records", "the attorney general's office", "say"),
    ("a described speaker is the 'she' of the next paragraph",
     "Maj. Gen. Loretta Spurlock told the panel that the Army had withheld fees from the company. "
     "She added that inspectors would visit every home by June.\n\nA third spouse, who asked that "
     "her name not be used because her husband's commander had told families not to speak to "
     "reporters, said she had paid $2,400 for a dehumidifier.\n\n\"They told us to open a "
     "window,\" she said.",
     "They told us to open a window,", "a third spouse", "say"),
    # the errors read on round 35
    ("a fragment of a passive with no agent inside someone's report is that speaker's",
     "The mill's owner, Dana Pruitt, claimed that the rule had been written \"with one buyer in "
     "mind.\"",
     "with one buyer in mind.", "Dana Pruitt", "claim"),
    ("an abbreviation stands for the name written out before it",
     "The rail line needs approval from the Surface Transportation Board. The S.T.B. said in a "
     "statement that it was reviewing the plan.",
     "it was reviewing the plan", "the Surface Transportation Board", "say"),
    ("'the company' after a sentence whose subject is an untagged company name",
     "The county board voted on Tuesday.\n\nBirchfield Freight runs six trucks a night out of the "
     "depot. The company said in a statement that a curfew would cost 80 jobs.",
     "a curfew would cost 80 jobs", "Birchfield Freight", "say"),
    ("'its' report after a sentence whose subject is an airport",
     "Residents of Elm Hollow say the jets are louder.\n\nThe airport logged 900 complaints last "
     "year, according to its annual noise report.",
     "The airport logged 900 complaints last year", "the airport", "according to"),
    ("a lawsuit speaks for the one who sued just before",
     "On Friday, the family's company, Lindgren Marine, sued the state. The lawsuit claims that "
     "the state changed its rules after the bids were opened.",
     "the state changed its rules after the bids were opened", "Lindgren Marine", "claim"),
    ("a lawsuit speaks for the one by whom it was brought, named in the next sentence",
     "A paving contract went to a firm that did not submit the lowest bid, according to a lawsuit "
     "filed on Friday.\n\nThe lawsuit was brought by Ridgeway Paving & Sealing of Dover, which "
     "offered to do the work for less.",
     "A paving contract went to a firm that did not submit the lowest bid", "Ridgeway Paving & Sealing", "according to"),
    ("a court's docket speaks for the court",
     "The family sued the department in the Ohio Court of Claims.\n\nA hearing is set for June 2, "
     "according to the court's docket.",
     "A hearing is set for June 2", "the Ohio Court of Claims", "according to"),
    ("'one of the workers' is a person a later 'he' takes up",
     "A plant spokesman, Dale Hobart, declined to comment.\n\nOne of the mill's night workers, "
     "who asked that his name not be used, said the plant had told them nothing.\n\n\"We found "
     "out from the radio,\" he said.",
     "We found out from the radio,", "one of the mill's night workers", "say"),
    ("'said A but argued that B' is two reports",
     "Ms. Brandt said the raise was a start but argued that pay was only part of the problem.",
     "pay was only part of the problem", "Brandt", "argue"),
    ("a description set off inside a speaker's phrase is no part of the name",
     "Residents of Birch Hollow, a subdivision of about 600 homes two miles off the end of the "
     "runway, say a longer runway will bring more cargo jets over their roofs after midnight.",
     "a longer runway will bring more cargo jets over their roofs after midnight", "residents of Birch Hollow", "say"),
    ("a naming verb's predicate set in apposition to its object",
     "Luann Ortiz spoke next. She called the district's pledge \"a promise nobody can keep.\"",
     "a promise nobody can keep.", "Luann Ortiz", "call"),
    ("a described speaker named as 'the neighbor, Name,' by the next quotation",
     "The church's pastor, the Rev. Alden Brook, said the roof was failing. The boiler was "
     "installed in 1988, he said.\n\nNeighbors on Elm and Chapel streets filled the Town Hall "
     "auditorium. A woman who has lived across the street from the church for 30 years said the "
     "apartments would bring traffic to a block where children walk to the Harlow Street School "
     "every morning.\n\n\"I was married in that church. I don't want to look out at 30 parked "
     "cars where the lawn used to be,\" said the neighbor, Edna Malloy, 80.",
     "the apartments would bring traffic to a block where children walk to the Harlow Street "
     "School every morning", "Edna Malloy", "say"),
    # the errors read on round 36
    ("a report 'prepared ... by' a firm, with 'by' hung on the noun before it",
     "The district plans to assess landowners about $2 million. An engineering report prepared "
     "for the trustees by Brandvold & Ness, a firm in Ames, said nearly half of the main tile had "
     "collapsed.",
     "nearly half of the main tile had collapsed", "Brandvold & Ness", "say"),
    ("a schedule a body posted speaks for the body",
     "Tuition will rise to $10,948 a year, according to a fee schedule the university posted "
     "after the vote.",
     "Tuition will rise to $10,948 a year", "the university", "according to"),
    ("'the county' is the county, not the county engineer named before",
     "The county engineer, Rosalind Tjaden, acknowledged that the basins would cover 640 "
     "acres.\n\nThe county said in a notice mailed to landowners last week that the assessment "
     "could be paid over 10 years.",
     "the assessment could be paid over 10 years", "the county", "say"),
    ("'his brother' is the other person of the speaker's surname",
     "Dale and Curtis Brekke, brothers who farm 1,200 acres north of Lenning, said they would pay "
     "twice.\n\n\"They want our ground to hold the water,\" Dale Brekke said.\n\nHis brother "
     "insisted that nobody from the county had talked to the farmers upstream.",
     "nobody from the county had talked to the farmers upstream", "Curtis Brekke", "insist"),
    # the errors read on round 37
    ("an abbreviated rank before a name keeps the name in its sentence",
     "A sheen stretched about nine miles downstream by Sunday, according to Lt. Cmdr. Nadia "
     "Okafor, a Coast Guard spokeswoman.",
     "A sheen stretched about nine miles downstream by Sunday", "Nadia Okafor", "according to"),
    ("'He and Councilor X said': the two together",
     "Councilor Frank Dwyer argued that the city had let the pools fall apart.\n\nHe and "
     "Councilor Maria Morado said they would ask the council to delay any closing for a year.",
     "they would ask the council to delay any closing for a year", "Frank Dwyer and Maria Morado", "say"),
    ("a programme's name before a compound of 'program' is no quotation inside the report",
     "Ms. Morado said the city could apply for money from the state's \"Summer Splash\" grant "
     "program, which pays for lifeguards.",
     "the city could apply for money from the state's \"Summer Splash\" grant program, which pays "
     "for lifeguards", "Morado", "say"),
    ("'its' application is the company's, not that of a company described differently later",
     "The authority awarded the grant in April to the Hollin Valley Telephone Company, which has "
     "served the county since 1911. The company plans to string 500 miles of line, according to "
     "its application.\n\nThe cable company, Ridgecrest Communications, filed a formal challenge "
     "in May.",
     "The company plans to string 500 miles of line", "the Hollin Valley Telephone Company", "according to"),
    ("a challenge speaks for the company that filed it",
     "The cable company, Ridgecrest Communications, filed a formal challenge with the authority "
     "in May. The challenge says about 1,200 of the addresses already have service.",
     "about 1,200 of the addresses already have service", "Ridgecrest Communications", "say"),
    ("a transport company's seat is no part of its name",
     "The towboat belongs to Marlow River Transport of Peoria, which moves grain on the river. "
     "Marlow River Transport of Peoria said in a statement that the captain had reported the "
     "strike at once.",
     "the captain had reported the strike at once", "Marlow River Transport", "say"),
    ("'The Army said' is the Army, not an officer named after it",
     "Dunmore Defense said in a statement that it was reviewing the decision.\n\nThe Army said it "
     "would study the decision. A spokeswoman for Army Contracting Command, Maj. Tessa Ruiz, said "
     "the service would respond in 60 days.",
     "it would study the decision", "the Army", "say"),
    # the errors read on round 38
    ("a broadcaster's call letters are no company for 'the company'",
     "The mayor argued that Brightline had \u201cgambled with the summer\u201d by putting off a "
     "$140 million substation upgrade that regulators approved in 2024.\n\nOn WKRB\u2019s "
     "\u201cBay State Noon\u201d on Monday, Ms. Okafor said the city had asked the company twice "
     "in June for a list of the streets that would be cut first and had never received an "
     "answer.\n\nThe company said in a statement that the substation work had been delayed by a "
     "national shortage of large transformers.",
     "the substation work had been delayed by a national shortage of large transformers", "Brightline", "say"),
    ("a rule's name in quotation marks inside a report is no quotation",
     "Under the state's \"Medical Priority Customer\" rule, utilities must keep a list of "
     "customers who rely on oxygen machines, the commission said.",
     "Under the state's \"Medical Priority Customer\" rule, utilities must keep a list of "
     "customers who rely on oxygen machines", "the commission", "say"),
    ("'The audit, titled ...,' is the audit named before",
     "The network paid $6.8 million to companies its founder controls, according to an audit "
     "released on Monday by State Auditor Lorena Whitfield.\n\nThe audit, titled \"Follow the "
     "Lease,\" said the board had approved only three of the 29 payments.",
     "the board had approved only three of the 29 payments", "Lorena Whitfield", "say"),
    ("'a spokesman named X' in apposition names the speaker",
     "The witness, a department spokesman named Terrence Hollis, replied that charters are "
     "renewed on the advice of each school's sponsor.",
     "charters are renewed on the advice of each school's sponsor", "Terrence Hollis", "reply"),
    ("'The Record' is the newspaper named in full before",
     "The paper, The Marten County Record, filed the lawsuit on Friday. The Record reported in "
     "May that one of the deputies had been disciplined in 2023.",
     "one of the deputies had been disciplined in 2023", "the Marten County Record", "report"),
    # the errors read on round 39
    ("a ferry company's name ending in 'Lines' is a company for 'the company'",
     "HYANNIS, Mass. \u2014 Ferry service to Nantuck Rock will run on a reduced schedule through "
     "Labor Day, its operator, Pollock Sound Lines, said on Sunday.\n\nThe boat failed a hull "
     "inspection on July 30. Repairs will take ten weeks. Shops on the island have lost half "
     "their customers.\n\nThe island's clinic director, Nalini Desai, warned that patients could "
     "lose their seats.\n\nThe company said in a statement on Monday that passengers with medical "
     "appointments would board first.",
     "passengers with medical appointments would board first", "Pollock Sound Lines", "say"),
    ("a letter named by who received it speaks for the sender the next sentence names",
     "The nursing program at Harlow Community College will lose its accreditation on Dec. 31, "
     "according to a letter the college received on Thursday.\n\nThe letter, from the Council on "
     "Associate Nursing Education, said fewer than two-thirds of its graduates had passed the "
     "exam.",
     "The nursing program at Harlow Community College will lose its accreditation on Dec. 31", "the Council on Associate Nursing Education", "according to"),
    ("a lede attributed by 'according to' starts after its dateline",
     "HARLOW, Mich. \u2014 The nursing program at Harlow Community College will lose its "
     "accreditation on Dec. 31, according to a state official.",
     "The nursing program at Harlow Community College will lose its accreditation on Dec. 31", "a state official", "according to"),
    ("a memo named by the body's noun is the body's",
     "The Larchmont Valley School District will close two elementary schools in June. The closings "
     "will save about $2 million a year, according to a district memo sent to parents on Tuesday.",
     "The closings will save about $2 million a year", "the Larchmont Valley School District", "according to"),
    ("a petition is its starters'",
     "Two nurses at the clinic, Irene Castellano and Boris Whitmore, started a petition the week the "
     "clinic cut its evening hours. The petition says the nearest other clinic is 40 miles away.",
     "the nearest other clinic is 40 miles away", "Irene Castellano and Boris Whitmore", "say"),
    ("'its' after a family that was the last sentence's subject is the family",
     "The Okafor family has also asked the Nebraska Department of Environment and Energy to deny the "
     "permit. Its letter argues that the county never tested the soil near the creek.",
     "the county never tested the soil near the creek", "the Okafor family", "argue"),
    ("'its' after 'the family' is the family, not the family's lawyer",
     "The family\u2019s lawyer, Dana Pruitt of Omaha, wrote to the board in May. The family has also "
     "asked the state to deny the permit. Its letter argues that the creek has flooded every spring.",
     "the creek has flooded every spring", "the family", "argue"),
    ("'the team' is the club named before, not its owner",
     "The Tri-City Ironmen will play at Dunmore Park for ten more years under a lease the council "
     "approved on Monday.\n\nThe team\u2019s owner, Harlan Pryce, a Scranton developer, did not "
     "attend the vote.\n\nThe city will pay for new lights, which the team says the league requires "
     "of every park.",
     "the league requires of every park", "the Tri-City Ironmen", "say"),
    ("a town in a description of a person is no speaker",
     "A retired mail carrier from Greenbrook told the Ledger she had not been sent a bill for months.",
     "she had not been sent a bill for months", "a retired mail carrier from Greenbrook", "tell"),
    ("a season-ticket holder described is named by the next quotation's speaker",
     "A season-ticket holder who has sat behind home plate since 1991 said he had written to the "
     "mayor twice.\n\n\u201cI would drive to Ohio for them, but I would hate it,\u201d said the fan, "
     "Oscar Lindqvist, 70.",
     "he had written to the mayor twice", "Oscar Lindqvist", "say"),
    ("an according-to phrase with a relative clause closes both conjuncts before it",
     "Under the contract, the company will pay $90,000 a year in fees, up from $20,000, and will "
     "repair the pier, according to Councilman Marcus Baptiste, who negotiated the deal.",
     "Under the contract, the company will pay $90,000 a year in fees, up from $20,000, and will repair the pier", "Marcus Baptiste", "according to"),
    ("a clause whose subject the parser hung on an auxiliary is still content",
     "Ms. Ruiz acknowledged that no member of the board had seen the farm before the vote. But she "
     "claimed that any of the other three sites would have cost taxpayers at least $6 million more.",
     "any of the other three sites would have cost taxpayers at least $6 million more", "Ruiz", "claim"),
    ("a firm in apposition at the end of an according-to phrase is the author",
     "The reservoir will run dry by 2031, according to a 2025 study by the district\u2019s "
     "engineering firm, Hollis & Marr.",
     "The reservoir will run dry by 2031", "Hollis & Marr", "according to"),
    ("figures a body filed, misparsed, are the body's",
     "Lindell Memorial Hospital raised its prices twice last year. The hospital\u2019s appeals took "
     "an average of 80 days last year, according to figures the hospital filed with the state.",
     "The hospital\u2019s appeals took an average of 80 days last year", "the Lindell Memorial Hospital", "according to"),
    ("a firm's short name with '&' is the firm named in full before",
     "The town signed a contract with the builder, Marsh & Tully Paving Company, in March.\n\nMarsh "
     "& Tully said in a statement that its crews had finished the work on time.",
     "its crews had finished the work on time", "Marsh & Tully Paving Company", "say"),
    ("a lawsuit that people filed, misparsed, speaks for them without the filing",
     "A lawsuit that three tenants filed in state court in Dover in June says the landlord ignored "
     "the broken boiler for a month.",
     "the landlord ignored the broken boiler for a month", "three tenants", "say"),
    ("a plan a department released is the department's",
     "The state will close two lanes of Route 9 for the whole summer, according to a plan the Ohio "
     "Department of Transportation released on Monday.",
     "The state will close two lanes of Route 9 for the whole summer", "the Ohio Department of Transportation", "according to"),
    ("'the agency' after a body described as a branch is that body",
     "Fisheries Services, a branch of the state Department of Conservation, will stock the lake. The "
     "agency said in a statement that its crews had stocked four other lakes since 2020.",
     "its crews had stocked four other lakes since 2020", "Fisheries Services", "say"),
    ("'the company' after a firm's first word alone, which the recogniser took for a person",
     "The ruling sends the case back to decide how much the county owes the quarry\u2019s owner, "
     "Ironwood Aggregates, for lost sales.\n\nIn a dissent, Judge Paula Greer argued that Ironwood "
     "had never obtained the permit it needed.\n\nIronwood has dug gravel from the quarry since "
     "1990. In 2024, after the company asked the state for a permit, the board rezoned the "
     "land.\n\nThe company\u2019s lawsuit says Ironwood had spent about $3 million on new scales by "
     "the time of the vote.",
     "Ironwood had spent about $3 million on new scales by the time of the vote", "Ironwood Aggregates", "say"),
    ("a judge's dissent speaks for the judge",
     "In a dissent, Judge Samuel Okonjo argued that the town had acted in good faith.\n\nThe "
     "majority, his dissent said, had \u201cgiven a quarry a veto over the zoning map.\u201d",
     "given a quarry a veto over the zoning map.", "Samuel Okonjo", "say"),
    ("a notice a body mailed is the body's",
     "The Larchmont Valley School District will close two schools in June. The closings will save "
     "about $2 million a year, according to a notice the district mailed to parents this month.",
     "The closings will save about $2 million a year", "the Larchmont Valley School District", "according to"),
    ("a person and her husband named in apposition speak together",
     "Marta Quinlan and her husband, Peter Quinlan, whose farm sits next to the pit, told the "
     "Courier that dust from the trucks covers their barn every afternoon.",
     "dust from the trucks covers their barn every afternoon", "Marta Quinlan and Peter Quinlan", "tell"),
    ("'the laboratory' is the laboratories named before",
     "Samples were sent to the state\u2019s Animal Disease Diagnostic Laboratories in Ames. The "
     "laboratory\u2019s email to the county said none of the samples held the virus.",
     "none of the samples held the virus", "the Animal Disease Diagnostic Laboratories", "say"),
    ("a lede the parser hung on its report as an adverbial clause, after a dateline with an apostrophe",
     "O\u2019NEILL\u2019S MILL, Va. \u2014 The village of Bailey\u2019s Gap acted unlawfully when it "
     "denied a permit for a barn near the creek to keep the farm from growing, the Supreme Court of "
     "Virginia ruled on Monday.",
     "The village of Bailey\u2019s Gap acted unlawfully when it denied a permit for a barn "
     "near the creek to keep the farm from growing", "the Supreme Court of Virginia", "rule"),
    ("'The lawsuit' three sentences after the one party that sued is that party's",
     "The former fire chief of Ashby Hollow sued the town in federal court on Monday, claiming that "
     "he was fired for reporting a safety lapse.\n\nThe chief, Leonard Haskell, 58, had led the "
     "department for nine years. The council voted 4 to 1 in May to fire him. Two members were "
     "absent.\n\nThe lawsuit says the council turned against Mr. Haskell after he reported a broken "
     "ladder truck.",
     "the council turned against Mr. Haskell after he reported a broken ladder truck", "Leonard Haskell", "say"),
    ("a complaint far after the one party that sued is that party's",
     "A retired teacher sued the county school board on Friday over a pension error.\n\nThe teacher, "
     "Margaret Olsen, 67, taught for thirty years. The board has not commented. Its lawyer was out "
     "of the office.\n\nAccording to the complaint, the board cut her pension by a fifth without "
     "notice.",
     "the board cut her pension by a fifth without notice", "Margaret Olsen", "according to"),
    ("an announcement speaks for the body whose it is",
     "Patients at the Kellogg County clinic will no longer be seen without an appointment from May 1, the "
     "county health department said on Tuesday.\n\nWalk-in hours will end at all three sites, according to "
     "the department\u2019s announcement.",
     "Walk-in hours will end at all three sites", "the county health department", "according to"),
    ("a log speaks for the body whose it is",
     "According to the clinic\u2019s intake log, 41 of the 300 patients waited longer than an hour.",
     "41 of the 300 patients waited longer than an hour", "the clinic", "according to"),
    ("'the agency' after a named department is the department, not a company quoted between",
     "The Vermont Department of Labor opened an inquiry into the mill on Monday. A spokesman for Halvard "
     "Textiles, Owen Pruitt, said the company would cooperate.\n\nThe inquiry could take six months, the "
     "agency\u2019s notice said.",
     "The inquiry could take six months", "the Vermont Department of Labor", "say"),
    ("'the agency' after a news agency stays the news agency",
     "The Ohio Department of Commerce fined the casino $2 million last year. The Interfax news agency "
     "reported the fine. The agency said the casino had paid.",
     "the casino had paid", "Interfax", "say"),
    ("'he' after an unnamed person who spoke last is that person, not a newspaper he told",
     "Three roofers in Hastings have closed this year.\n\nA roofer who has worked in Hastings for 30 years "
     "told The Ledger that he had turned away 40 jobs since May.\n\n\u201cI cannot find shingles,\u201d the "
     "roofer said. Most of his crew has left for Omaha, he said.",
     "Most of his crew has left for Omaha", "a roofer who has worked in Hastings for 30 years", "say"),
    ("a document of 'the cooperative' paragraphs after the cooperative was named is the cooperative's",
     "The cooperative, Sand Prairie Grocers, hopes to open the store by October.\n\nThe building needs a new "
     "roof. Volunteers have painted the front. A bakery has offered to sell bread there.\n\nAccording to the "
     "cooperative\u2019s business plan, the store will need 300 shoppers a day.",
     "the store will need 300 shoppers a day", "Sand Prairie Grocers", "according to"),
    ("a that-clause after a show and its description set off by commas is the report",
     "State Rep. Gloria Ventner said on \u201cCapitol Hour,\u201d a Lincoln radio program, that she would vote "
     "against the bill.",
     "she would vote against the bill", "Gloria Ventner", "say"),
    ("'the hospital' is the organisation named in its sentence, not its president named after it",
     "Larchmont Regional Medical Center will close its birthing center on Oct. 1, the hospital said on "
     "Friday.\n\n\u201cWe tried every schedule we could think of,\u201d said the hospital\u2019s president, "
     "Dr. Nadia Fenwick.",
     "Larchmont Regional Medical Center will close its birthing center on Oct. 1",
     "the Larchmont Regional Medical Center", "say"),
    ("'the company' is never the city, even when the company's short name reads as a person's",
     "Neighbors sued the city on Monday over the permits.\n\nAccording to the city\u2019s permit records, "
     "four permits belong to Skyline Stays LLC, a company based in Raleigh.\n\nSkyline Stays said in a "
     "statement that it had followed every step the city asked of it.\n\nThe company claimed that its "
     "guests had drawn no complaints.",
     "its guests had drawn no complaints", "Skyline Stays LLC", "claim"),
    ("a question put to the subject before a colon is no report of the answer",
     "Dr. Helen Marsh runs the college.\n\nDr. Marsh, asked on Monday whether she would meet the "
     "students before the vote, was brief: \u201cWhenever they like, wherever they like.\u201d",
     "Whenever they like, wherever they like.", "Helen Marsh", None),
    ("a document a person sent, in a relative clause without 'that', is that person's",
     "The provost, Dr. Colette Ambrose, remains in her post.\n\nThe institute will admit no one "
     "next fall. Students already enrolled will be allowed to finish, according to a memo the "
     "provost sent to the chemistry department on Oct. 2.",
     "Students already enrolled will be allowed to finish", "Colette Ambrose", "according to"),
    ("the same document taken up again speaks for its sender",
     "The provost, Dr. Colette Ambrose, remains in her post.\n\nThe institute will admit no one "
     "next fall. Students already enrolled will be allowed to finish, according to a memo the "
     "provost sent to the chemistry department on Oct. 2.\n\nThe memo said the institute cost $2 "
     "million a year.",
     "the institute cost $2 million a year", "Colette Ambrose", "say"),
    ("'they' after a sentence about a group of people that no one has quoted is that group",
     "The hospital cut its night shift in May. Mayor Ellis Drummond has said little about "
     "it.\n\nTwelve of the hospital\u2019s nurses signed a petition delivered to the board on "
     "Tuesday. In it, they wrote that the cuts had left one nurse for 14 patients.",
     "the cuts had left one nurse for 14 patients", "twelve of the hospital\u2019s nurses", "write"),
    ("a service's name in quotation marks before its kind is no quotation",
     "Odile Brandt, the victim\u2019s aunt, said the family had registered for the county\u2019s "
     "\u201cRing Me Early\u201d warning system in 2021.",
     "the family had registered for the county\u2019s \u201cRing Me Early\u201d warning system in 2021",
     "Odile Brandt", "say"),
    ("a board's written ruling, taken up again, speaks for the board",
     "The Marbury Zoning Board rejected the permit in April.\n\nAccording to the board\u2019s "
     "written ruling, the tower would stand too close to the school.\n\nThe ruling said the "
     "company could apply again in a year.",
     "the company could apply again in a year", "the Marbury Zoning Board", "say"),
    ("a body's chairman is not its spokeswoman named the sentence before",
     "A spokeswoman for the board, Rhiannon Feld, said the notice had gone to the wrong "
     "address.\n\nThe board\u2019s chairman, speaking on Friday, insisted that the decision was "
     "sound.",
     "the decision was sound", "the board\u2019s chairman", "insist"),
    ("two people described together and named together later are both the speakers",
     "Two sisters who run a bakery on Mill Street said they had closed for the week.\n\nThe "
     "sisters, Mara and Lena Voss, said the smoke had driven off their customers.",
     "they had closed for the week", "Mara Voss and Lena Voss", "say"),
    ("'the airline' is the company its sentence describes so, not the dateline's town",
     "BRAMBLE RIDGE, Okla. \u2014 Prairie Wind Express, the only airline serving Bramble Ridge "
     "Municipal Airport, will end service on May 1, the airline told regulators on Monday.",
     "Prairie Wind Express, the only airline serving Bramble Ridge Municipal Airport, will end service on May 1",
     "Prairie Wind Express", "tell"),
    ("a spokesman by his body's noun speaks for the body named before",
     "The Idaho Department of Lands closed the trail in July.\n\nA department spokesman said the "
     "trail would reopen in the spring.",
     "the trail would reopen in the spring", "a spokesman for the Idaho Department of Lands", "say"),
    ("'department data' are the department's named before",
     "The Idaho Department of Lands closed the trail in July.\n\nTwo hikers were hurt there last "
     "year, according to department data.",
     "Two hikers were hurt there last year", "the Idaho Department of Lands", "according to"),
    ("a that-clause after the gathering someone told is the report",
     "Mayor Ines Kowalczyk told a special meeting of the Village Council on Thursday that she had "
     "heard of the decision from a reporter.",
     "she had heard of the decision from a reporter", "Ines Kowalczyk", "tell"),
    ("a that-clause after a committee's name is the testimony, without the committee",
     "The president of the Harlan Chamber of Commerce, Maureen Ostrowski, testified on Friday "
     "before the Legislature\u2019s Agriculture and Natural Resources Committee that at least 20 "
     "farms depended on the bridge.",
     "at least 20 farms depended on the bridge", "Maureen Ostrowski", "testify"),
    ("the text a body approved speaks for the body",
     "The Harrow County Commission passed an emergency rule on Friday.\n\nThe rule covers every "
     "quarry in the county, according to the text the commission approved.",
     "The rule covers every quarry in the county", "the Harrow County Commission", "according to"),
    ("a document the city sent, in a relative clause without 'that' after 'of', is the dateline city's",
     "BRISTOW FALLS, Ore. \u2014 The city fired its paving contractor on Friday.\n\nAccording to a notice "
     "of default the city sent the firm on May 2, Harlan Paving had finished 40 of the 90 blocks.",
     "Harlan Paving had finished 40 of the 90 blocks",
     "the city of Bristow Falls", "according to"),
    ("an answer's owner speaks after a colon, not the people of a relative clause inside the subject",
     "The league\u2019s director, Wanda Pettibone, spoke on Monday.\n\nMs. Pettibone\u2019s answer to the "
     "coaches who had written to her office was short: \u201cThe rule stays.\u201d",
     "The rule stays.",
     "Wanda Pettibone", None),
    ("a report named by its act is the actor's of the sentence before",
     "The Occupational Safety and Health Administration opened an inquiry on Monday.\n\nOSHA inspected the "
     "mill in 2025 after a complaint. The inspection report, which the Herald obtained through a records "
     "request, said inspectors had found dust on the ledges.",
     "inspectors had found dust on the ledges",
     "the Occupational Safety and Health Administration", "say"),
    ("'agency records' are the agency's named by its abbreviation, though a newspaper is named between",
     "The Occupational Safety and Health Administration opened an inquiry on Monday.\n\nOSHA inspected the "
     "mill in 2025 after a complaint. The inspection report, which the Herald obtained through a records "
     "request, said inspectors had found dust on the ledges.\n\nThe mill paid a $9,000 fine, according to "
     "agency records.",
     "The mill paid a $9,000 fine",
     "the Occupational Safety and Health Administration", "according to"),
    ("a lede's subject that the parser hung on the dateline's town is the subject",
     "MARLBURY, Kan. \u2014 The Kansas Interscholastic Athletics League suspended Marlbury High "
     "School\u2019s head football coach for the rest of the season on Monday, saying that he had ignored "
     "its heat rules.",
     "he had ignored its heat rules",
     "the Kansas Interscholastic Athletics League", "say"),
    ("a that-clause the parser hung on the statement it was made in is the report",
     "The coach, Emil Brandt, was suspended on Monday. Mr. Brandt, 51, acknowledged in a statement "
     "released by his lawyer that the drill had run long.",
     "the drill had run long",
     "Emil Brandt", "acknowledge"),
    ("a statement taken up again is his who spoke in it, not the lawyer who released it",
     "The coach, Emil Brandt, was suspended on Monday. Mr. Brandt, 51, acknowledged in a statement "
     "released by his lawyer that the drill had run long.\n\n\u201cI never put a player at risk,\u201d the "
     "statement said.",
     "I never put a player at risk,",
     "Emil Brandt", "say"),
    ("'whenever they asked for it' inside a content clause is no second report",
     "Mr. Brandt claimed that players had been given water whenever they asked for it and that a trainer "
     "had been on the field the whole time.",
     "players had been given water whenever they asked for it and that a trainer had been on the field the "
     "whole time",
     "Brandt", "claim"),
    ("a policy's name inside a reported clause is no quotation, and the clause keeps its closing mark",
     "The union\u2019s president, Gabe Pell, said the board had ignored its own \u201cOpen Stacks Policy,\u201d "
     "adopted in 2019, which gives the director the final say.",
     "the board had ignored its own \u201cOpen Stacks Policy,\u201d adopted in 2019, which gives the director the "
     "final say", "Gabe Pell", "say"),
    ("a clause's last noun described by a participle after it keeps the participle",
     "The union\u2019s president, Gabe Pell, wrote that the board had ignored its own \u201cOpen Stacks "
     "Policy,\u201d adopted in 2019, which gives the director the final say.",
     "the board had ignored its own \u201cOpen Stacks Policy,\u201d adopted in 2019, which gives the "
     "director the final say",
     "Gabe Pell", "write"),
    ("'The opinion' is the judge's who wrote for the majority",
     "The court ruled 3 to 2 for the older district. Justice Mara Quell wrote for the majority that the "
     "law was clear.\n\nThe opinion noted that the district had used the water since 1891.",
     "the district had used the water since 1891",
     "Mara Quell", "note"),
    ("a clause set off by a comma the parser hung on the clause itself is the report",
     "The Occupational Safety and Health Administration has opened an inspection at the plant, an agency "
     "spokesman, Curtis Vale, told the Ledger.",
     "The Occupational Safety and Health Administration has opened an inspection at the plant",
     "Curtis Vale", "tell"),
    ("a that-clause the parser took for a relative clause on the letter it was written in is the report",
     "Ms. Halvorsen said in a letter to the board that her father had given the field to the town and had "
     "paid for its lights.",
     "her father had given the field to the town and had paid for its lights", "Halvorsen", "say"),
    ("a verb the parser hung on the relative clause of its own subject reports for that subject",
     "The three trustees who voted no said they objected to the timing, not to the plan.",
     "they objected to the timing, not to the plan", "the three trustees who voted no", "say"),
    ("a company's short form is its full name, though the recogniser missed that name",
     "HALLORAN, Md. \u2014 The Tessmer County jail has not used its two scanners since May 9, when the "
     "company that leases them shut off their software in a dispute over unpaid bills, county officials "
     "said on Friday.\n\nQuillmark Scanning Systems, the Dayton, Ohio, company that supplies the machines, "
     "said in a statement that the county had ignored six invoices.\n\nQuillmark sued the county on "
     "Nov. 20. The lawsuit says the county owes $386,412 plus interest.",
     "the county owes $386,412 plus interest", "Quillmark Scanning Systems", "say"),
    ("a group's name keeps a last word the tagger took for an adverb",
     "Ms. Kelso and a retired welder, Amos Pike, have formed a group, Harbor Members First, and have "
     "gathered about 900 signatures on a petition.\n\nThe group also claims that fees would rise after "
     "the merger.",
     "fees would rise after the merger", "Harbor Members First", "claim"),
    ("a spokeswoman for a credit union named by its short form speaks for its full name",
     "Members will vote on joining Pine Ridge Credit Union of Grand Rapids. A spokeswoman for Pine Ridge "
     "said fees would not change.",
     "fees would not change", "a spokeswoman for Pine Ridge Credit Union", "say"),
    ("'the credit union' is the one the text names last, by its full name or its first word",
     "Members of Dockside Federal Credit Union will vote on joining Pine Ridge Credit Union of Duluth. "
     "Dockside's chief executive, Ana Ruiz, backs the merger, and Dockside members have until May 2 to "
     "vote.\n\nBallots will be counted on May 3, the credit union said.",
     "Ballots will be counted on May 3", "the Dockside Federal Credit Union", "say"),
    ("a notice mailed to members is their organisation's",
     "Members of Dockside Federal Credit Union have until May 2 to vote. According to a notice mailed to "
     "members in April, two branches would close.",
     "two branches would close", "Dockside Federal Credit Union", "according to"),
    ("a report is the writer's whom the next sentence names",
     "A safety report dated March 3 said the beams had cracked in two places.\n\nThe inspector who wrote "
     "it, Alma Rusk, told the board on Tuesday that she had closed the pier.",
     "the beams had cracked in two places", "Alma Rusk", "say"),
    ("the owner of a hope speaks after a colon",
     "Evert Dahl has run the bait shop since 1990.\n\nMr. Dahl\u2019s hope for the season is a simple one: "
     "\u201cThat the ice holds until March.\u201d",
     "That the ice holds until March.", "Evert Dahl", None),
    ("two names set off before the verb name the plural description they close",
     "Two neighbors whose dogs use the park, Ruth and Omar Castile, said the gate had been locked for a week.",
     "the gate had been locked for a week", "Ruth Castile and Omar Castile", "say"),
    ("two people who spoke together are no title's bearer",
     "Ray and Colleen Dubois, who run a guide service, said their bookings fell by a quarter.\n\nThe "
     "chairman of the Carraway Select Board, which has taken no position, said the town could not "
     "afford to lose either.",
     "the town could not afford to lose either", "the chairman of the Carraway Select Board", "say"),
    ("'the resort' is the named subject an earlier sentence described",
     "BRISTOW, Vt. \u2014 Larch Hollow, the oldest ski area in southern Vermont, has asked the state "
     "for more water.\n\nThe request would let the resort pump at night. According to the "
     "resort\u2019s application, the larger withdrawals would let it open every trail by Christmas.",
     "the larger withdrawals would let it open every trail by Christmas", "Larch Hollow", "according to"),
    ("'The anglers' club' is the club named in apposition before",
     "A fly-fishing club, the Wending River Anglers, has asked the department to refuse the "
     "permit.\n\nThe anglers\u2019 club said the figure hid the worst days.",
     "the figure hid the worst days", "the Wending River Anglers", "say"),
    ("results a body certified are the body's, and the body's name stops before its act",
     "The race went to Curtis Lemaster by 11 votes, according to results the county commission "
     "certified on Nov. 20.",
     "The race went to Curtis Lemaster by 11 votes", "the county commission", "according to"),
    ("a description in a lede is the one person named later with its noun as a title",
     "A circuit judge ruled on Friday that the ballots must be counted again by hand.\n\nThe race went"
     " to Curtis Lemaster by 11 votes.\n\nThe clerk, Deborah Tomblin, said the count would take three "
     "days.\n\nThe ballots have sat in sealed bins since Election Day.\n\nMr. Lemaster insisted that "
     "the election had been fair.\n\nJudge Harriet Calvo wrote in her order that the law was plain.",
     "the ballots must be counted again by hand", "Harriet Calvo", "rule"),
    ("a petition is the one's who asked for something in it",
     "The losing candidate, Dale Haught, a Democrat, asked for a recount in a petition filed on Nov. "
     "27. The petition says that at least 27 of the copies do not match the originals.",
     "at least 27 of the copies do not match the originals", "Dale Haught", "say"),
    ("a person and a described companion named in apposition speak together",
     "Mr. Haught and his lawyer, Rebecca Shingleton, said in a joint statement that the ruling "
     "belonged to the voters.",
     "the ruling belonged to the voters", "Haught and Rebecca Shingleton", "say"),
    ("a companion's name hung on the first person still joins the pair",
     "Ms. Kessling and another nurse, Janelle Oberholtzer, wrote in a letter to the trustees that the "
     "nurses had offered to take a pay cut.",
     "the nurses had offered to take a pay cut", "Kessling and Janelle Oberholtzer", "write"),
    ("'For X,' before a colon: X's words",
     "Rhonda Kessling has delivered babies for 22 years.\n\nFor Ms. Kessling, the arithmetic is "
     "simple: \u201cSixty-one babies is 61 families.\u201d",
     "Sixty-one babies is 61 families.", "Rhonda Kessling", None),
    ("asked to help is no question that the one asked answers",
     "Rhonda Kessling, a nurse, spoke first.\n\nSupervisor Marlys Deering, whose district includes the"
     " hospital, has asked Ms. Kessling to help the county plan checkups.\n\n\u201cAt least the "
     "checkups can stay home,\u201d she said.",
     "At least the checkups can stay home,", "Marlys Deering", "say"),
    ("'The superintendent' is the one person titled so before",
     "Superintendent Gail Rensvold said the schedule would save money.\n\nAnother board member, Orrin "
     "Vetsch, claimed that the survey had missed older families. The superintendent insisted that a "
     "paper copy had gone home with every student.",
     "a paper copy had gone home with every student", "Gail Rensvold", "insist"),
    ("'the Solheims' are the two Solheims named before",
     "Brent and Kari Solheim, who milk 180 cows, have three children in the "
     "district.\n\n\u201cWe\u2019d love an extra day with them,\u201d the Solheims wrote in an email.",
     "We\u2019d love an extra day with them,", "Brent Solheim and Kari Solheim", "write"),
    ("a name in quotation marks after 'under the name' is a title, inside a reported clause too",
     "The county said in a statement that its drone policy, adopted in March under the name \u201cSky "
     "Watch Plan B,\u201d bars flights over homes.",
     "its drone policy, adopted in March under the name \u201cSky Watch Plan B,\u201d bars flights over homes", "the county", "say"),
    ("a report described by what it was written for is still the report named before",
     "The barn fire started in a dry bearing, according to an insurance adjuster\u2019s report made "
     "public on Friday.\n\nThe report, written for the co-op\u2019s insurer, says the bearing was "
     "running hot.\n\nThe adjuster, Wendell Orcutt, wrote that the bearing had not been greased since "
     "June.",
     "the bearing was running hot", "Wendell Orcutt", "say"),
    ("a full name followed by 'of' and a firm is a person, whatever the recogniser made of it",
     "The adjuster, Delmar Schoonover of Flint Hills Claims Services in Marlow Springs, wrote that the"
     " co-op had skipped the greasing.",
     "the co-op had skipped the greasing", "Delmar Schoonover", "write"),
    ("two names set off after a plural description, the first a conjunct of it, speak together",
     "Two members of the co-op\u2019s board, Arlen Fike and Nadine Vogler, wrote in a letter to "
     "members last week that the co-op would rebuild the headhouse.",
     "the co-op would rebuild the headhouse", "Arlen Fike and Nadine Vogler", "write"),
    ("a body's resolution is the body's words, though a resolution is a text",
     "The trustees voted on Friday, two days after the Student Senate passed a resolution asking the "
     "board to wait a year.\n\nPassed 31 to 2, the Student Senate\u2019s resolution calls the increase"
     " \u201ca tax on the students who can least afford it.\u201d",
     "a tax on the students who can least afford it.", "the Student Senate", "call"),
    ("a lede that asks voters for something is content, though 'ask' can report",
     "DELLWOOD, Mass. \u2014 Dellwood will ask voters on May 2 to approve $1.8 million in borrowing "
     "for a new pumper truck, replacing a 30-year-old truck whose pump failed twice last winter, town "
     "officials said on Monday.",
     "Dellwood will ask voters on May 2 to approve $1.8 million in borrowing for a new pumper truck, "
     "replacing a 30-year-old truck whose pump failed twice last winter",
     "town officials", "say"),
    ("a clause goes on over an apposition the parser hung across its other words",
     "Chief Nora Quill said the department had spent $96,000 on repairs to Engine 2 since 2025, nearly"
     " half of what a good used engine would cost.",
     "the department had spent $96,000 on repairs to Engine 2 since 2025, nearly half of what a good "
     "used engine would cost",
     "Nora Quill", "say"),
    ("a consequence after ', so' goes on with the content",
     "The town\u2019s purchasing director told the board that builders of fire engines were running "
     "about 30 months behind on orders, so an engine ordered this spring would probably not arrive "
     "before 2031.",
     "builders of fire engines were running about 30 months behind on orders, so an engine ordered "
     "this spring would probably not arrive before 2031",
     "the town\u2019s purchasing director", "tell"),
    ("a grievance is the union's that filed it",
     "The union that represents the town\u2019s firefighters, Dellwood Firefighters Local 902, filed a"
     " grievance on March 3. The grievance says crews were sent up a ladder that had failed an "
     "inspection.",
     "crews were sent up a ladder that had failed an inspection",
     "Dellwood Firefighters Local 902", "say"),
    ("a that-clause on a statement is the content unless its verb gives the statement out",
     "Bayfield Mutual said in a statement that Corvane had asked for payment increases of 19 percent "
     "over two years.",
     "Corvane had asked for payment increases of 19 percent over two years",
     "Bayfield Mutual", "say"),
    ("'The mayor' is the one who carries the title before the name, not the spokeswoman for her",
     "A spokeswoman for Mayor Ellen Brandt, Corinne Vasquez, said the light had been set off by a "
     "faulty sensor.\n\nMr. Farrow said the chief had done what he could.\n\nThe mayor acknowledged "
     "that the town should have saved for a new truck a decade ago.",
     "the town should have saved for a new truck a decade ago",
     "Ellen Brandt", "acknowledge"),
    ("the chairman of a named body is no one who spoke before without that body's name",
     "Ms. Quintero said her group would ask the commissioners to review the policy.\n\nThe chairman of"
     " the Vell County Board of Commissioners said the board would take up the budget in August.",
     "the board would take up the budget in August",
     "the chairman of the Vell County Board of Commissioners", "say"),
    ("a lede's content the parser hung on the dateline's town",
     "ASHBY FALLS, Neb. \u2014 The Brenner County Library District will start charging overdue fines "
     "again on May 1 for the first time in four years, the library\u2019s director said on "
     "Friday.\n\nThe director, Joanne Pruett, told the board that one in nine books came back late.",
     "The Brenner County Library District will start charging overdue fines again on May 1 for the "
     "first time in four years",
     "Joanne Pruett", "say"),
    ("a verb after a relative clause set off by commas reports for the sentence's subject",
     "The Harlow Riders Union, which about 300 bus riders formed in August, argued in a letter to the "
     "board that the new fines would fall hardest on the poor.",
     "the new fines would fall hardest on the poor",
     "the Harlow Riders Union", "argue"),
    ("a company's seat after its name is a town and its state",
     "The clinic\u2019s operator, Larchmont Family Health of Hartford, Conn., said in a "
     "statement that it would reopen the clinic in June.",
     "it would reopen the clinic in June",
     "Larchmont Family Health", "say"),
    ("a company named before its plant is the company its short name stands for",
     "The Redfern Valley Poultry plant in Morrow was cited for 14 violations, inspectors said "
     "on Monday.\n\nRedfern Valley said in a statement that it had fixed most of them.",
     "it had fixed most of them",
     "Redfern Valley Poultry", "say"),
    ("a sentence whose verb the parser hung deep in the relative clause on its subject",
     "A retired pipefitter who drove to Scranton every other weekend to see his grandchildren "
     "said he had bought a ticket for the last flight.\n\n\u201cI had no idea,\u201d said the "
     "pipefitter, Walter Osgood, 77.",
     "he had bought a ticket for the last flight",
     "Walter Osgood", "say"),
    ("a clause that says no answer came is still what the speaker reported",
     "Senator Ruth Alvarez said she had asked the agency to extend the deadline. The agency "
     "has not answered, her office said.",
     "The agency has not answered",
     "Ruth Alvarez's office", "say"),
    ("two companies speaking together, a relative clause on the first",
     "Ardent Marine Services, which repairs ferries at a yard on the harbor, and Lund Tank & "
     "Boiler said in a joint letter to the board that they had hired 41 of the program\u2019s "
     "graduates.",
     "they had hired 41 of the program\u2019s graduates",
     "Ardent Marine Services and Lund Tank & Boiler", "say"),
    ("a subject with a participle taken for a clause of its own before 'according to'",
     "The board will vote on the rules on June 3. Patients now enrolled will be allowed to "
     "keep their doctors, according to the insurer.",
     "Patients now enrolled will be allowed to keep their doctors",
     "the insurer", "according to"),
    ("a lede's body named in the next sentence, and the act it reports in the clause before "
     "the verb",
     "HOLBROOK, Mass. \u2014 The state board that oversees ferry lines has fined the Quarry "
     "Bay Ferry Company $80,000 and ordered that its oldest boat be inspected within 10 days, "
     "the board said in a ruling released on Friday.\n\nThe ruling, from the Massachusetts "
     "Board of Harbor Safety, says the boat\u2019s hull had not been inspected since 2021.",
     "The state board that oversees ferry lines has fined the Quarry Bay Ferry Company "
     "$80,000 and ordered that its oldest boat be inspected within 10 days",
     "the Massachusetts Board of Harbor Safety", "say"),
    ("a survey is the body's that completed it",
     "The pier was rebuilt in 1998. Since then, the tide has cut the channel to less than "
     "eight feet, according to a study the state Department of Transportation completed in "
     "March.",
     "Since then, the tide has cut the channel to less than eight feet",
     "the state Department of Transportation", "according to"),
    ("a participle that says how, with no comma, stays in the content",
     "State Representative Ruth Holm said the closing would hurt the town.\n\nMs. Holm\u2019s "
     "office said on Tuesday that she had also written to the department asking it to delay "
     "the closing.",
     "she had also written to the department asking it to delay the closing",
     "Ruth Holm\u2019s office", "say"),
    ("a person's aide by a pronoun is written out with the person's name",
     "Senator Ruth Alvarez said she had asked the agency for more time.\n\nHer spokesman said "
     "on Friday that the agency had not replied.",
     "the agency had not replied",
     "Ruth Alvarez's spokesman", "say"),
    ("a letter someone sent is that person's, for the fragments it holds",
     "Dana Pruitt, a lawyer for the tenants, argued that the city had ignored the problem. A "
     "letter she sent the city on March 3 says the boiler had \u201cfailed twice in one "
     "week\u201d and that tenants were cold.",
     "failed twice in one week",
     "Dana Pruitt", "say"),
    ("an officer of a named body is the person named later with that title, the two words "
     "parsed either way",
     "A memo from the Legislature\u2019s auditor general to the Government Operations and "
     "Audit Committee, dated May 9, says the fund had run dry in April.\n\n\u201cThe "
     "fund\u2019s controls depend on luck,\u201d the memo says.\n\nThe auditor general, Alan "
     "Moyer, wrote that the shortfall had been foreseen.",
     "the fund had run dry in April",
     "Alan Moyer", "say"),
    ("an abbreviation's point that ends the sentence is no part of the clause",
     "The sheriff said the deputies arrived at 2 a.m.\n\nThe fire was out by dawn.",
     "the deputies arrived at 2 a.m",
     "the sheriff", "say"),
    ("a lease is a text, and what it does after ', and it' is the writer's",
     "The lease, signed in 2027, says the rent must be paid by the fifth of each month, and "
     "it lets the landlord charge a late fee after that.",
     "the rent must be paid by the fifth of each month",
     None, "say"),
    ("a complementiser that the parser took for a determiner opens no content",
     "The college\u2019s president, Lorna Ames, told the board that enrollment at the campus "
     "had fallen to 188 students and that the roof needed repairs.",
     "enrollment at the campus had fallen to 188 students and that the roof needed repairs",
     "Lorna Ames", "tell"),
    ("a document someone's staff gave is theirs, and the clause after it is the content",
     "According to a budget memo the mayor\u2019s staff gave councilors this week, the pool "
     "would close in July and the library would open later on Saturdays.",
     "the pool would close in July and the library would open later on Saturdays",
     "the mayor\u2019s staff", "according to"),
    ("a clause after the one told, taken for a relative clause on them, is the content, with "
     "its reason",
     "Two students who take classes at the campus, Maya Ruiz and Jolene Park, told the "
     "trustees they had chosen Carrick Valley because they could not afford to move away or "
     "to drive to Halstead every day.",
     "they had chosen Carrick Valley because they could not afford to move away or to drive "
     "to Halstead every day",
     "Maya Ruiz and Jolene Park", "tell"),
    ("a lede's report the parser coordinated with the clause, its subject hung on the last "
     "noun",
     "CARBURY, Kan. \u2014 Members of the Plainsview Farmers Cooperative voted 412 to 298 on "
     "Saturday to merge with a Hutchinson grain company that will take over the co-op\u2019s "
     "four elevators and retire its 71-year-old name, the co-op\u2019s general manager said "
     "on Sunday.\n\nThe manager, Todd Brunner, said the vote had been close.",
     "Members of the Plainsview Farmers Cooperative voted 412 to 298 on Saturday to merge "
     "with a Hutchinson grain company that will take over the co-op\u2019s four elevators and "
     "retire its 71-year-old name",
     "Todd Brunner", "say"),
    ("a spokeswoman quoted before is no officer of another body",
     "The vendor, Parcelwise Systems, sells the software to 31 counties. Its spokeswoman, "
     "Tara Boyce, said the update had worked as designed. Asked about the lawsuit, Ms. Boyce "
     "declined to comment.\n\nThe county\u2019s finance director said the interest would be "
     "paid from the reserve fund.",
     "the interest would be paid from the reserve fund",
     "the county\u2019s finance director", "say"),
    ("a past tense with the form of a bare verb after 'says' is no request",
     "The inspector\u2019s report says a latch on the lap bar, worn well past the "
     "maker\u2019s limit, let the bar swing open about four inches while the car spun.",
     "a latch on the lap bar, worn well past the maker\u2019s limit, let the bar swing open "
     "about four inches while the car spun",
     "the inspector", "say"),
    ("'according to the report' after 'The inspector's report' is the inspector's",
     "The inspector, Dale Amsel, closed the ride on Friday. The inspector\u2019s report says "
     "a bolt had worn through. According to the report, the ride had passed its last "
     "inspection on June 2.",
     "the ride had passed its last inspection on June 2",
     "Dale Amsel", "according to"),
    ("the office of a named person is that person's office",
     "The office of State Senator Ruth Kessler, whose district includes the fairground, said "
     "she would introduce a bill in the fall.",
     "she would introduce a bill in the fall",
     "Ruth Kessler's office", "say"),
    ("a description named later through a second description",
     "A man who had been waiting at the gate said he heard the boy shout on the first turn. "
     "The man, the boy\u2019s father, Carl Wendt, said the operator did not stop the ride.",
     "he heard the boy shout on the first turn",
     "Carl Wendt", "say"),
    ("a report set off inside a clause that goes on with a second verb of its subject",
     "Among those still waiting is Mae Dorsey, 80. A crew marked her curb with white paint in "
     "2027, she said, and never came back.",
     "A crew marked her curb with white paint in 2027, she said, and never came back",
     "Mae Dorsey", "say"),
    ("a possessive that stands for its noun ends the clause",
     "The general manager, Ingrid Olsen, told the agency\u2019s board that Sunday ridership "
     "had fallen to about 1,900 trips, less than a third of a weekday\u2019s.",
     "Sunday ridership had fallen to about 1,900 trips, less than a third of a weekday\u2019s",
     "Ingrid Olsen", "tell"),
    ("a memo its staff sent is the staff's, and the clause before 'according to' is the "
     "content",
     "The authority faces a $2 million gap in next year\u2019s budget, according to a memo "
     "its finance staff sent the board in May.",
     "The authority faces a $2 million gap in next year\u2019s budget",
     "its finance staff", "according to"),
    ("a schedule posted on a body's website is the body's",
     "The agency, the Kettle Lakes Transit Authority, runs 12 routes. According to the "
     "schedule posted on the agency\u2019s website, buses will come every 90 minutes on "
     "Sundays.",
     "buses will come every 90 minutes on Sundays",
     "the Kettle Lakes Transit Authority", "according to"),
    ("'It says' after a petition that people delivered is theirs",
     "A petition that neighbors of the park delivered to City Hall last week asks the council "
     "to put the sale on the ballot. It says the city never held a public hearing on the "
     "sale.",
     "the city never held a public hearing on the sale",
     "neighbors of the park", "say"),
    ("a group's seat after its name is no part of it",
     "The buyer, Heartwood, plans 240 houses. Heartwood Residential Group of Omaha has built "
     "similar neighborhoods in Papillion, according to its website.",
     "Heartwood Residential Group of Omaha has built similar neighborhoods in Papillion",
     "Heartwood Residential Group", "according to"),
    ("a full name written with 'who' is a person's, whatever the recogniser made of it",
     "Harlan Voth said he had borrowed $27,000 for the system.\n\nNadine Kroeker, who raises "
     "wheat and cattle east of town and has no panels, said she was tired of \u201cpaying for "
     "my neighbor\u2019s roof.\u201d\n\n\u201cI have nothing against solar,\u201d she said.",
     "I have nothing against solar,",
     "Nadine Kroeker", "say"),
    ("a clause before its verb ends with a comma hung on its last noun, right before the "
     "subject",
     "The 23 dispatchers who work in the three centers will all be offered jobs at the new "
     "one, their union, the Bexley County Emergency Communicators Association, said in a "
     "statement.",
     "The 23 dispatchers who work in the three centers will all be offered jobs at the new "
     "one",
     "the Bexley County Emergency Communicators Association", "say"),
    ("a second verb phrase with a modal, as the content has, that the parser hung on 'says'",
     "A June 30 memo from the county attorney\u2019s office says Greyling may keep its center "
     "open after the merger but would then have to pay for it without county money.",
     "Greyling may keep its center open after the merger but would then have to pay for it "
     "without county money",
     "the county attorney\u2019s office", "say"),
    ("a person named by a second description after a newsletter the parser made the subject",
     "In the co-op\u2019s July newsletter, the board\u2019s chairwoman, Marjorie Teague, "
     "wrote in her column, \u201cAlong the Line,\u201d that the board had \u201cwaited three "
     "years for a better answer, and there isn\u2019t one.\u201d",
     "waited three years for a better answer, and there isn\u2019t one.",
     "Marjorie Teague", "write"),
    ("a study a body paid a firm to prepare is the firm's",
     "According to a study the county paid Harrow Public Safety Group of Richmond $86,000 to "
     "prepare, one center would cost about $400,000 a year less than the three town centers "
     "cost now.",
     "one center would cost about $400,000 a year less than the three town centers cost now",
     "Harrow Public Safety Group", "according to"),
    ("a spokesman for a group is written out with the group the text described",
     "The Hollis County Crop Growers Association, a farm group with about 340 members, "
     "disputed that. A spokesman for the group said farmers had planted cover crops on more "
     "than 9,000 acres.",
     "farmers had planted cover crops on more than 9,000 acres",
     "a spokesman for the Hollis County Crop Growers Association", "say"),
    ("a short company name is the full name the next sentence gives",
     "SunHarvest, the Wichita company that installed most of the solar systems on the "
     "co-op\u2019s lines, said the new rate would double the payback time. The owner of "
     "SunHarvest Energy Systems, Raylene Ortiz, said the company had stopped selling systems "
     "there.",
     "the new rate would double the payback time",
     "SunHarvest Energy Systems", "say"),
    ("'The order' is the body's that ruled before it",
     "The Kansas Corporation Commission, which regulates the co-op\u2019s rates, ruled in May "
     "that co-ops may pay members the wholesale cost. The order says a co-op must give "
     "members 60 days\u2019 notice before changing the rate.",
     "a co-op must give members 60 days\u2019 notice before changing the rate",
     "the Kansas Corporation Commission", "say"),
    ("a letter a named officer sent is that officer's",
     "Any closing must also be approved by the Virginia Board for Two-Year Colleges. A letter "
     "its executive director, Harriet Vance, sent the college on May 9 says the board will "
     "hold a public hearing before it votes.",
     "the board will hold a public hearing before it votes",
     "Harriet Vance", "say"),
    ("a firm set off after the described author of an according-to report is the author",
     "According to a study by the town\u2019s engineering consultant, Marlowe Civil "
     "Associates of Nashua, N.H., the culvert under Mill Road can carry half the water of a "
     "50-year storm.",
     "the culvert under Mill Road can carry half the water of a 50-year storm",
     "Marlowe Civil Associates", "according to"),
    ("a petition is the one's who gathered signatures on it",
     "The Eastgate Renters Union, which represents tenants in 14 buildings, has collected 900 "
     "signatures on a petition to the council. The petition says the increases are \u201cmore "
     "than any family here can absorb.\u201d",
     "more than any family here can absorb.",
     "the Eastgate Renters Union", "say"),
    ("the office of an officer whose name the recogniser missed is the officer's",
     "The office of Delegate Ruth Kessler, whose district includes the fairground, said she "
     "would introduce a bill in the fall.",
     "she would introduce a bill in the fall",
     "Ruth Kessler's office", "say"),
    ("a group a body hired, named in a relative clause without a pronoun",
     "The Pell State Department of Transportation closed the bridge on Monday. The bridge "
     "needs $2 million in repairs, according to a review by inspectors the department hired.",
     "The bridge needs $2 million in repairs",
     "inspectors the Pell State Department of Transportation hired", "according to"),
    ("a county's officer is no person of another office named before, and is written with the "
     "county",
     "DORSET FALLS, Maine \u2014 A fire burned 300 acres of woods in Oxbury County last week. "
     "Maine\u2019s conservation commissioner, Ada Pelkey, called the fire \u201ca "
     "warning.\u201d The county\u2019s parks director said the trails would reopen in May.",
     "the trails would reopen in May",
     "the Oxbury County parks director", "say"),
    ("an officer's spokesman is written with the officer named before",
     "The mayor, Dana Holm, said the pool would open on June 1. A lifeguard, Trevor Maki, "
     "said he had not been told. The mayor\u2019s spokesman said the city had hired 12 "
     "guards.",
     "the city had hired 12 guards",
     "Dana Holm\u2019s spokesman", "say"),
    ("a mayor's office is written with the mayor named before",
     "The mayor, Dana Holm, said the pool would open on June 1. The mayor\u2019s office said "
     "later that the city had hired 12 guards.",
     "the city had hired 12 guards",
     "Dana Holm\u2019s office", "say"),
    ("a county officer's office stays the county's, not the officer's",
     "The county clerk, Renata Vale, said the count would end on Friday. The clerk\u2019s office "
     "said later that 40 ballots had been set aside.",
     "40 ballots had been set aside",
     "the clerk\u2019s office", "say"),
    ("the content's verb with a modal after a comma, which the parser made the main verb",
     "A woman who expects twins in late May and lives in Oakfield, a mill town 12 miles east "
     "of the hospital, told state health officials at a hearing on Friday that her drive to "
     "the closest remaining labor unit, in Ashby, would take more than an hour in good "
     "weather.",
     "her drive to the closest remaining labor unit, in Ashby, would take more than an hour "
     "in good weather",
     "a woman who expects twins in late May and lives in Oakfield, a mill town 12 miles east "
     "of the hospital", "tell"),
    ("an organisation's officer named in the next sentence is that person, not the "
     "organisation's title",
     "Callister Health said on Friday that it would close the unit. Callister\u2019s chief "
     "executive told the trustees in June that the unit had lost $2 million over two years. "
     "The executive, Dr. Ruth Amsel, said the money would go to a new clinic.",
     "the unit had lost $2 million over two years",
     "Ruth Amsel", "tell"),
    ("a pronoun and a person named in apposition to a description speak together",
     "Its president, Ana Ruiz, said the club had never been asked. She and the club\u2019s "
     "secretary, Dale Munro, told reporters that the members would vote on Friday.",
     "the members would vote on Friday",
     "Ana Ruiz and Dale Munro", "tell"),
    ("a lede's body of the organisation named in it is written out with the organisation",
     "BRISTOW, Okla. \u2014 Redbud State University will cut six programs next year, its "
     "board of trustees said on Monday.",
     "Redbud State University will cut six programs next year",
     "the board of trustees of Redbud State University", "say"),
    ("a memo sent by a title named in the next sentence is that person's",
     "A budget memo his chief of staff sent the council on May 2 says the city faces a $4 "
     "million gap next year. The chief of staff, Owen Pratt, wrote that the gap would grow.",
     "the city faces a $4 million gap next year",
     "Owen Pratt", "say"),
    ("a resolution is the body's that passed it",
     "The Carlow County Board of Supervisors passed a resolution on Tuesday opposing the "
     "plan. The resolution says the plan would \u201cput every well in the county at "
     "risk.\u201d",
     "put every well in the county at risk.",
     "the Carlow County Board of Supervisors", "say"),
    ("a lawsuit is the one's who filed it, not the dateline's",
     "MILTON, Iowa \u2014 A group of farmers sued the county on Monday over a new drainage "
     "fee. The group, the Milton Drainage Alliance, filed the lawsuit in district court. The "
     "lawsuit says the fee is \u201ca tax by another name.\u201d",
     "a tax by another name.",
     "the Milton Drainage Alliance", "say"),
    ("a road the recogniser took for an organisation is no company",
     "Harmon Rock & Sand Co. of Fort Dodge, Iowa, bought the land in 2027. Work at the site "
     "has not started, and no trucks have yet used the new entrance the company cut from Pell "
     "Creek Road in July. The company has said it hopes to begin digging next spring.",
     "it hopes to begin digging next spring",
     "Harmon Rock & Sand Co.", "say"),
    ("a term in quotation marks inside the writer's noun phrase is no quotation",
     "The Planning Board\u2019s chairman, Ray Olund, defended the vote. He said the board had "
     "required a 50-foot \u201cbuffer\u201d of trees along the river.",
     "the board had required a 50-foot \u201cbuffer\u201d of trees along the river",
     "Ray Olund", "say"),
    ("a courtesy title picks the one of two people of a surname with its gender",
     "The patient, Aaron Lindqvist, 52, died on May 3. His sister, Carla Lindqvist, said he "
     "had waited four hours for a doctor. \u201cNobody came,\u201d Ms. Lindqvist said.",
     "Nobody came,",
     "Carla Lindqvist", "say"),
    ("the family alone is the family of the one whose surname relatives share",
     "The driver, Paul Brandt, 44, was killed when his truck left the bridge. His brother, "
     "Mark Brandt, said the rail had been loose for a year. The family sued the state on "
     "Monday. The lawsuit says the rail was \u201cbolted to nothing.\u201d The family\u2019s "
     "lawyer, Irene Cole, said the state had been warned.",
     "bolted to nothing.",
     "Paul Brandt\u2019s family", "say"),
    ("a firm described by its short name is the full name a later sentence gives",
     "The count of lead lines comes from Kettle, the engineering firm the town hired in 2026 "
     "to map them. According to the firm\u2019s inventory, 940 homes are served by lead "
     "lines, most of them near the river. Kettle & Marsh Engineering, a Duluth firm, wrote in "
     "the inventory that another 200 lines could not be identified.",
     "940 homes are served by lead lines, most of them near the river",
     "Kettle & Marsh Engineering", "according to"),
    ("records of an organisation named before by the last word of its name are its records",
     "The Iowa State Fair will drop its goat show next year, the fair\u2019s board said on "
     "Monday. The show drew 90 entries this year, according to the fair\u2019s entry records.",
     "The show drew 90 entries this year",
     "the Iowa State Fair", "according to"),
    ("a participle that opens the content's subject, taken for the verb's complement",
     "An advisory put out in May by the state Department of Agriculture\u2019s Animal Health "
     "Division says lactating dairy goats should test negative for the virus before any show.",
     "lactating dairy goats should test negative for the virus before any show",
     "the state Department of Agriculture\u2019s Animal Health Division", "say"),
    ("a report taken up by the report is the body named for its author",
     "A 2027 report by the district\u2019s auditor, the Prairie State Audit Group, said the "
     "fund was short. According to the report, the fund would run out of money in 2030.",
     "the fund would run out of money in 2030",
     "the Prairie State Audit Group", "according to"),
    ("a possessive plural before the speaker is no quotation mark",
     "DORSET, Vt. \u2014 A Boston developer has asked the town for leave to build 40 homes "
     "along the river, and the town\u2019s planning commissioners will vote on the plan in "
     "March, the commissioners\u2019 chairwoman said on Friday.",
     "A Boston developer has asked the town for leave to build 40 homes along the river, and "
     "the town\u2019s planning commissioners will vote on the plan in March",
     "the commissioners\u2019 chairwoman", "say"),
    ("a speaker set off before the verb that the parser hung on the content's last noun",
     "KESWICK, Maine \u2014 The town will close its Elm Street fire station on May 1 and move "
     "the station\u2019s engine and its three firefighters to the central station downtown, "
     "the town\u2019s fire chief said on Monday, ending 80 years of service on the street.",
     "The town will close its Elm Street fire station on May 1 and move the station\u2019s "
     "engine and its three firefighters to the central station downtown",
     "the town\u2019s fire chief", "say"),
    ("a document a named officer sent, the parser making its clause the sentence",
     "According to the budget Mayor Ruth Adler sent the council on Nov. 2, closing the pool "
     "would save the town $90,000 a year.",
     "closing the pool would save the town $90,000 a year",
     "Ruth Adler", "according to"),
    ("two names before a plural description are the two",
     "Carl and Ellen Voss, farmers who raise sheep on the hill above the dam, said the water "
     "had never been so low.",
     "the water had never been so low",
     "Carl Voss and Ellen Voss", "say"),
    ("the subject of a relative clause that the parser hung on the verb is not its subject",
     "The rule takes effect in May. Tom and Ada Keller, who rent out a cottage on Pine Point "
     "that Ms. Keller\u2019s father built in 1960, said the rentals pay for the new dock.",
     "the rentals pay for the new dock",
     "Tom Keller and Ada Keller", "say"),
    ("a relative clause opened by whose is no content",
     "State Senator Ruth Kessler, a Republican from Dover whose 2027 bill told the agency to "
     "write the rule, said towns had waited long enough.",
     "towns had waited long enough",
     "Ruth Kessler", "say"),
    ("a study a body paid a firm named in apposition to prepare is the firm's",
     "According to a study the group paid a Lansing consulting firm, Birch Analytics, to "
     "prepare, visitors spent $12 million in the county last year.",
     "visitors spent $12 million in the county last year",
     "Birch Analytics", "according to"),
    ("a survey a body sent, the parser making its clause the sentence",
     "The Dorset Chamber of Commerce said in a statement that 20 of its members used the "
     "highway daily. According to a survey the chamber sent its members in March, 40 percent "
     "of the firms that answered rely on the highway to bring in customers.",
     "40 percent of the firms that answered rely on the highway to bring in customers",
     "the Dorset Chamber of Commerce", "according to"),
    ("the it that takes up a document with an author is the author's",
     "The Friends of the Elm Street Pool began a petition drive in May and collected 900 "
     "signatures. The petition asks the council to keep the pool open. It says the pool is "
     "\u201cthe only place in town where children learn to swim.\u201d",
     "the only place in town where children learn to swim.",
     "the Friends of the Elm Street Pool", "say"),
    ("a report the parser made a third verb of the content, its speaker an apposition",
     "MILFORD, Conn. \u2014 Milford\u2019s only public middle school will drop the name of a "
     "19th-century shipbuilder next fall and become Grace Hollis Middle School, the president "
     "of the town\u2019s school board said on Monday night, after a 5-to-2 vote that drew 200 "
     "people.",
     "Milford\u2019s only public middle school will drop the name of a 19th-century "
     "shipbuilder next fall and become Grace Hollis Middle School",
     "the president of the town\u2019s school board", "say"),
    ("a campaign's name in quotation marks is a title inside the content",
     "The club\u2019s president, Ray Dunn, spoke first. The club has raised about $4,000 for "
     "its \u201cKeep the Field\u201d campaign and may ask a court to block the sale, Mr. Dunn "
     "said.",
     "The club has raised about $4,000 for its \u201cKeep the Field\u201d campaign and may "
     "ask a court to block the sale",
     "Ray Dunn", "say"),
    ("a verb joined to a relative clause's verb stays in the content",
     "Its president, Ray Dunn, argued that the council had rejected a plan that would have "
     "kept the pool and added a splash pad for children.",
     "the council had rejected a plan that would have kept the pool and added a splash pad "
     "for children",
     "Ray Dunn", "argue"),
    ("a verb joined by or stays in the content",
     "The woman, Ada Ruiz, 61, said no one from the town had knocked on her door or called "
     "her phone.",
     "no one from the town had knocked on her door or called her phone",
     "Ada Ruiz", "say"),
    ("calling a number is no naming of the words after it",
     "Its spokesman, Dan Roy, said in an email that workers had called 911 \u201cwithin "
     "minutes\u201d of the leak and that they had named the gas in that first call.",
     "within minutes",
     "Dan Roy", "say"),
    ("a document no one wrote is identified by its relative clause",
     "A memo that circulated among the board\u2019s members in May says the fee \u201cwould "
     "need to double by 2032.\u201d",
     "would need to double by 2032.",
     "a memo that circulated among the board\u2019s members in May", "say"),
    ("a source's apposition with a relative clause of its own is no clause",
     "About 38,000 trucks cross the bridge on a weekday, according to a freight study by "
     "Ostrow, the Green Bay engineering firm the state Department of Transportation hired "
     "last year.",
     "About 38,000 trucks cross the bridge on a weekday",
     "Ostrow", "according to"),
    ("a senior described is the student named next",
     "A senior who proposed the new name in a speech to the board said she had first read "
     "about the flood in a history class. The student, Maya Lind, 17, said the name honors a "
     "teacher.",
     "she had first read about the flood in a history class",
     "Maya Lind", "say"),
    ("lawyers are not the one lawyer quoted before",
     "RIPLEY, Kan. \u2014 A cooperative sent a teenager into a bin of wet corn without a "
     "harness, a lawyer for the boy\u2019s parents told a jury on Tuesday. The lawyer, Ed "
     "Hart, showed jurors the manual, which the cooperative\u2019s lawyers said had been "
     "revised in 2024.",
     "had been revised in 2024",
     "the cooperative\u2019s lawyers", "say"),
    ("a subject taken for the verb of a relative clause on the letter's addressee",
     "The Halden Firefighters Association, which represents the town\u2019s 60 firefighters, said "
     "in a letter to the board that subpoenas for their pay records would break its contract.",
     "subpoenas for their pay records would break its contract",
     "the Halden Firefighters Association", "say"),
    ("a relative clause on the letter with a subject of its own is the content",
     "The Ardmore Nurses Union, which represents the hospital\u2019s 300 nurses, said in a letter "
     "to the board that audits of nurses\u2019 overtime records would violate its contract.",
     "audits of nurses\u2019 overtime records would violate its contract",
     "the Ardmore Nurses Union", "say"),
    ("a source named after its noun closes the sentence and both clauses",
     "Parents have started a petition, \u201cSave Elm Street School,\u201d and had collected 800 "
     "signatures by Friday, according to its organizer, Rosa Delgado.",
     "Parents have started a petition, \u201cSave Elm Street School,\u201d and had collected 800 "
     "signatures by Friday",
     "Rosa Delgado", "according to"),
    ("someone's spokeswoman is not the legislator quoted before",
     "State Senator Ray Dunmore, a Democrat from Ellis, wrote to the board on Monday that the "
     "cuts were unfair.\n\nThe mayor\u2019s spokeswoman said the city had no plans to sue.",
     "the city had no plans to sue",
     "the mayor\u2019s spokeswoman", "say"),
    ("an order belongs to the one who told what it will cover",
     "The state fire marshal, Owen Pratt, said the order would cover every grain elevator in 12 "
     "counties until June.\n\nAccording to the order, owners who ignore it may be fined $1,000 a day.",
     "owners who ignore it may be fined $1,000 a day",
     "Owen Pratt", "according to"),
    ("a surname with a generational suffix",
     "\u201cWe cannot keep patching it,\u201d said Councilman Edward T. Lamont Jr., who chairs the roads "
     "committee.\n\nMr. Lamont said the bridge would close in June.",
     "the bridge would close in June",
     "Edward T. Lamont Jr.", "say"),
    ("a name set off after the source that opens the sentence",
     "The club runs the town\u2019s only ice rink.\n\nAccording to its treasurer, Nadia Farrell, the club "
     "learned of the rate increase from a neighbor.",
     "the club learned of the rate increase from a neighbor",
     "Nadia Farrell", "according to"),
    ("a bare verb after the content's infinitive goes on with it",
     "The county\u2019s election director, Anna Brill, told the commissioners before the vote that her "
     "office would need at least 12 weeks to test the new machines, train 300 poll workers and mail "
     "sample ballots.",
     "her office would need at least 12 weeks to test the new machines, train 300 poll workers and "
     "mail sample ballots",
     "Anna Brill", "tell"),
    ("the couple are the two of one surname named last",
     "Among the crowd were Hal and Irene Brandvold, who farm south of town.\n\nThe couple told the "
     "board that the new road would split their farm.",
     "the new road would split their farm",
     "Hal Brandvold and Irene Brandvold", "tell"),
    ("words that the next sentence gives by a line from someone",
     "Greta Lindqvist said the library had been her second home.\n\n\u201cClose it and you close the "
     "town!\u201d\n\nThe line, from Ms. Lindqvist, drew a standing ovation.",
     "Close it and you close the town!",
     "Greta Lindqvist", None),
    ("a condition after but, hung on the report, is content",
     "OSWEGO FALLS, N.Y. \u2014 A bakery that supplies schools across the county plans to add a second "
     "shift and hire 90 workers, but only if the town extends its sewer line, its owner told the "
     "planning board on Monday.\n\nThe owner, Lucia Marchetti, has run the bakery since 2009.",
     "A bakery that supplies schools across the county plans to add a second shift and hire 90 "
     "workers, but only if the town extends its sewer line",
     "Lucia Marchetti", "tell"),
    ("a report in a relative clause on an object, its verb hung apart",
     "Residents of Orchard Park, the neighborhood across Mill Street from the plant, filled the room. "
     "Many complained of trucks idling before dawn and of a whining noise from the paint shop that "
     "they said carried half a mile on still nights.",
     "carried half a mile on still nights",
     "residents of Orchard Park", "say"),
    ("the second participle of a passive is content, not a report",
     "Mr. Havel claimed that the logs had been kept but written in the wrong binder.",
     "the logs had been kept but written in the wrong binder",
     "Havel", "claim"),
    ("a closing part of a sum and its participle is content",
     "The mayor, Tom Reyes, testified that the new roof had cost $2.1 million, most of it borrowed.",
     "the new roof had cost $2.1 million, most of it borrowed",
     "Tom Reyes", "testify"),
    ("a warning from someone with a that clause",
     "The board voted 3 to 2 on Monday to buy the buses, despite a warning from the district\u2019s "
     "transportation director that the buses might not be ready for the fall term.\n\nThe "
     "transportation director, Omar Haddad, declined to comment.",
     "the buses might not be ready for the fall term",
     "Omar Haddad", "warning"),
    ("an order's signer named in a relative clause on it",
     "The barn had been \u201cunsafe for animals by any reasonable measure,\u201d according to the "
     "order, which the board\u2019s chairwoman, Ruth A. Kessler, signed on May 2.",
     "unsafe for animals by any reasonable measure,",
     "Ruth A. Kessler", "according to"),
    ("a company's officer taken up next as the executive",
     "Lakeline Cruises said in a statement that it would review its schedule. The company\u2019s vice "
     "president for marine operations told WDLH\u2019s Harbor Talk on Monday that the line had already "
     "asked two other ports about adding stops.\n\n\u201cPeople come for the town, not the dock,\u201d the "
     "executive, Corinne Abernathy-Wolfe, said.",
     "the line had already asked two other ports about adding stops",
     "Corinne Abernathy-Wolfe", "tell"),
    ("a report by a firm hung on the one it was for",
     "A report for the board by Kessel Economics of Duluth, Minn., titled \u201cShips and the Old "
     "Waterfront,\u201d says each passenger spends about $41 ashore, most of it in the five blocks "
     "nearest the pier.",
     "each passenger spends about $41 ashore, most of it in the five blocks nearest the pier",
     "Kessel Economics", "say"),
    ("that before a noun pointing back is its determiner",
     "The audit counted 1,200 visitors.\n\nMs. Dunmore said that number left out everyone who came by "
     "boat.",
     "that number left out everyone who came by boat",
     "Dunmore", "say"),
    ("a relative that with a subject of its own after a letter's addressee",
     "Ted and Nora Lundquist, who rent kayaks from a shed next to the pier, wrote in a letter to the "
     "commission that cruise passengers made up about 40 percent of their summer business.",
     "cruise passengers made up about 40 percent of their summer business",
     "Ted Lundquist and Nora Lundquist", "write"),
    ("the ones written to read as an infinitive",
     "The Ostrowski family, who farm 900 acres north of town, wrote in an email to board members that "
     "their daughter was entered in a state music contest on one of the Saturdays.",
     "their daughter was entered in a state music contest on one of the Saturdays",
     "the Ostrowski family", "write"),
    ("a question the next paragraph gives as someone's",
     "The calendar had two spare days.\n\n\u201cWho is going to drive my kids on a Saturday when I\u2019m "
     "at work?\u201d\n\nThat was Nora Lindgren, a mother of two who works weekends at the mill.",
     "Who is going to drive my kids on a Saturday when I\u2019m at work?",
     "Nora Lindgren", None),
    ("an according-to source with a suffix at the end of a sentence",
     "State law asks for 180 days of school. The district had fallen four days short of that, "
     "according to Superintendent Harold J. Brandt Jr.",
     "The district had fallen four days short of that",
     "Harold J. Brandt Jr.", "according to"),
    ("two sisters who speak together",
     "Alma Brezny, who raises goats east of town with her sister, Vera, asked the board to wait. "
     "\u201cWe sold them our milk for thirty years,\u201d Vera Brezny said.\n\nThe sisters said after the "
     "vote that they would ask other members to sign a recall petition.",
     "they would ask other members to sign a recall petition",
     "Alma Brezny and Vera Brezny", "say"),
    ("a bare quotation after a paragraph of one report",
     "Mara Kessel, 17, who has worked the snack stand at Lindell Pool for two summers, said she was "
     "coming back only because her best friend had signed up, too.\n\n\u201cThe fryer is hot and the "
     "line is long, and it is still the best job in town!\u201d\n\nA spokesman for the parks "
     "department, Oren Platt, said the pool would open on June 1.",
     "The fryer is hot and the line is long, and it is still the best job in town!",
     "Mara Kessel", None),
    ("a quoted term before a noun deep in the content",
     "The state utilities board said in a statement that towns may not cut off water to renters, but "
     "that it had approved \u201cshared meter\u201d programs in six cities, which bill each unit "
     "separately.",
     "towns may not cut off water to renters, but that it had approved \u201cshared meter\u201d programs "
     "in six cities, which bill each unit separately",
     "the state utilities board", "say"),
    ("a reason whose verb adds a thing",
     "The chief engineer of the water district told the county board on Tuesday that the district "
     "would not move its new main off Ridge Road, because the only other route would add a year and "
     "about $9 million to the work.",
     "the district would not move its new main off Ridge Road, because the only other route would add a "
     "year and about $9 million to the work",
     "the chief engineer of the water district", "tell"),
    ("figures someone gave",
     "The marina\u2019s manager, Lois Carrow-Dunn, spoke after the vote. Slip rentals brought in $2.4 "
     "million in 2029, according to figures she gave the council.",
     "Slip rentals brought in $2.4 million in 2029",
     "Lois Carrow-Dunn", "according to"),
    ("a noun taken for a bare verb after the content",
     "The Pellers told KWBN\u2019s \u201cNoon Hour\u201d last week that they would work at a lemonade "
     "stand themselves if the fair let them.",
     "they would work at a lemonade stand themselves if the fair let them",
     "the Pellers", "tell"),
    ("a subject made a second complement of the report",
     "Several dairy farmers told the board that six to eight weeks was a long wait for a herd that "
     "needs its feed every morning.",
     "six to eight weeks was a long wait for a herd that needs its feed every morning",
     "several dairy farmers", "tell"),
    ("a title with a rank word taken up without it",
     "MILLBROOK, Ohio \u2014 The chief fire marshal of Dace County told the county\u2019s trustees on "
     "Monday that his office would stop inspecting private barns on July 1.\n\n\u201cWe are not "
     "walking away,\u201d the fire marshal, Harlan Voss, said after the meeting.",
     "his office would stop inspecting private barns on July 1",
     "Harlan Voss", "tell"),
    ("a scientist described and named two sentences on",
     "The council met on Monday.\n\nA hydrologist hired by the council told residents that the "
     "spring is fed from the east, where the quarry lies. Her study said the pit could lower the "
     "water table by a foot.\n\nThe consultant, Marisol Tenney, conceded that her firm had drilled "
     "only two test wells.",
     "the spring is fed from the east, where the quarry lies",
     "Marisol Tenney", "tell"),
    ("a description set off after a partitive, taken up by its noun",
     "The board voted 5 to 2.\n\nOne of the three members who voted to keep the route, a retired "
     "teacher who drove the Pell Creek bus for 30 years, warned that the town would lose its doctor. "
     "The member, Opal Renner, recalled that the clinic had closed once before.",
     "the town would lose its doctor",
     "Opal Renner", "warn"),
    ("a sister named by her given name after her sister",
     "Lena Thorsby, a forward, told the board that she and her sister had played together since "
     "they were six. Her sister, Mira, who plays defense, spoke next.\n\n\u201cWe have never worn "
     "another jersey,\u201d she said.",
     "We have never worn another jersey,",
     "Mira Thorsby", "say"),
    ("a bare quotation after a paragraph about one person",
     "The board met on Tuesday.\n\nAmong those who spoke was Hilde Marchetti, 80, who lives beside "
     "the old mill. She recalled that the river flooded her kitchen in 1996.\n\n\u201cI am not here to "
     "stop anybody. I want to know whether my basement stays dry. Is that too much to ask?\u201d\n\n"
     "The vote was 4 to 1.",
     "I am not here to stop anybody. I want to know whether my basement stays dry. Is that too much "
     "to ask?",
     "Hilde Marchetti", None),
    ("a lawsuit's words given to the one who sued in the same sentence",
     "The River Towns Tenant Union, a nonprofit group in Dayton, sued the city in state court in "
     "March on behalf of 40 families who, the lawsuit says, have gone a winter without heat.",
     "have gone a winter without heat",
     "the River Towns Tenant Union", "say"),
    ("a fragment after a report received inside someone's content",
     "A lawyer for the tenants, Rosa Quill, said the landlord had been warned about the boilers in "
     "two inspections and had \u201ctreated every notice like a parking ticket.\u201d",
     "treated every notice like a parking ticket.",
     "Rosa Quill", "say"),
    ("a fragment after a verb of speech used for a thing",
     "Cole County\u2019s school chief, Dana Pruett, wrote in a letter to parents on Friday that the "
     "district had already called two bus companies about the routes and that \u201cno child will be "
     "left standing at the curb.\u201d",
     "no child will be left standing at the curb.",
     "Dana Pruett", "write"),
    ("a clause before a relative word a parenthetical report took",
     "Ada Birch, who keeps the farm\u2019s records, argued that the county had never tested the water "
     "at two old wells south of the barn, where, she said, drums of solvent were buried in 1980.",
     "the county had never tested the water at two old wells south of the barn",
     "Ada Birch", "argue"),
    ("a resolution's words given to the body that adopted it",
     "The Harlow Township board adopted a resolution that calls the quarry plan \u201ca hole in the "
     "town\u2019s future.\u201d",
     "a hole in the town\u2019s future.",
     "the Harlow Township board", "call"),
    ("an owner's records with the owner's mark read as an adjective",
     "The Hallorans had been fined $25 a day since March, according to the township\u2019s own records.",
     "The Hallorans had been fined $25 a day since March",
     "the township", "according to"),
    ("their lawsuit after a couple who sued",
     "The ruling is a win for Alma and Roy Pruitt, who keep two goats behind their garage and who sued "
     "the village in May 2029.\n\nTheir lawsuit claimed that the trustees had written the rule \u201cfor one "
     "neighbor\u201d and that no one else had ever complained about a goat.",
     "no one else had ever complained about a goat",
     "Alma Pruitt and Roy Pruitt", "claim"),
    ("a reason whose verb reports nothing inside the content",
     "The village\u2019s brief had argued that the permit rule never applied, because the ban was written "
     "into the health code rather than the zoning code, a point the judge set aside.",
     "the permit rule never applied, because the ban was written into the health code rather than the "
     "zoning code",
     "the village", "argue"),
    ("a reason after a comma hung on the report",
     "Ms. Farrow said she had never been fined, because nobody on her street had ever complained.",
     "she had never been fined, because nobody on her street had ever complained",
     "Farrow", "say"),
    ("a clause that does not end on the reason a parenthetical report took",
     "Her husband, Roy, said he had stopped opening the village\u2019s letters after the third one, "
     "because, he explained, each one was the same bill with a bigger number on it.",
     "he had stopped opening the village\u2019s letters after the third one",
     "Roy", "say"),
    ("a show's name before the content's that, with a clause of its own at the end",
     "Trustee Neil Ambrose, who cast the lone vote against the rule in 2028, told KWPL\u2019s \u201cVillage "
     "Hour\u201d on Saturday that the appeal would cost the village more than the Pruitts\u2019 fines ever "
     "could.",
     "the appeal would cost the village more than the Pruitts\u2019 fines ever could",
     "Neil Ambrose", "tell"),
    ("a subject whose relative clause the parser made the main one",
     "Dana Kessler, who runs 500 cow-calf pairs with her brother, Will, on land their great-grandfather "
     "homesteaded south of Pawnee Rock, recalled that the vet had once driven 30 miles through an ice "
     "storm.",
     "the vet had once driven 30 miles through an ice storm",
     "Dana Kessler", "recall"),
    ("a description named in apposition to the same words paragraphs later",
     "DALTON, Pa. \u2014 A judge on Thursday struck down the ban, and the borough\u2019s lawyer said within "
     "the hour that it would appeal.\n\nThe ruling is a victory for the Hallorans. They had been fined "
     "since March.\n\nThe borough still has two dairies.\n\n\u201cThey are goats,\u201d Ada Halloran said.\n\n"
     "Her goat was fine.\n\nThe borough\u2019s lawyer, Martin K. Ostrander, who has been the solicitor "
     "since 2011, did not hide his irritation.",
     "it would appeal",
     "Martin K. Ostrander", "say"),
    ("an according-to clause whose subject's title the parser made the sentence",
     "A petition titled \u201cLet Upper Dalton Keep Its Goats\u201d has drawn 610 signatures since April, "
     "according to its organizer, Bettina Rusk, a retired kindergarten teacher who keeps three hives of "
     "her own on Mill Road.",
     "A petition titled \u201cLet Upper Dalton Keep Its Goats\u201d has drawn 610 signatures since April",
     "Bettina Rusk", "according to"),
    ("an agenda's owner",
     "The Harwick Select Board met on Monday. The board will take up the bond question at a hearing on "
     "Aug. 4 at 7 p.m., according to the board\u2019s agenda.",
     "The board will take up the bond question at a hearing on Aug. 4 at 7 p.m.",
     "the Harwick Select Board", "according to"),
    ("a county that sued, not the court named after it",
     "Marlow County sued a Delaware freight company on Friday over the wreck of the Tannery Road bridge, "
     "claiming that a driver steered past three warning signs.\n\nThe lawsuit, filed in the Marlow County "
     "Court of Common Pleas, seeks at least $1.8 million.",
     "a driver steered past three warning signs",
     "Marlow County", "claim"),
    ("an according-to source named with an age and a relative clause",
     "Neighbors have started a petition to save the mill. It had 1,480 signatures by Sunday, according "
     "to its organizer, Edna R. Folwell, 81, whose great-grandfather built the dam.",
     "It had 1,480 signatures by Sunday",
     "Edna R. Folwell", "according to"),
    ("figures a named officer gave",
     "The board voted 5 to 2 on Wednesday night to cancel the pull. It sold 2,100 grandstand tickets at "
     "$12 apiece last year and brought in nearly a fifth of the fair\u2019s income, according to figures "
     "the treasurer, Lucille Brandvold, gave the board.",
     "It sold 2,100 grandstand tickets at $12 apiece last year and brought in nearly a fifth of the "
     "fair\u2019s income",
     "Lucille Brandvold", "according to"),
    ("a subject after that read as a determiner, its preposition hung on the report",
     "Board member Alvin Rusch, one of the three who voted to keep the pull, warned that attendance at "
     "the rest of the fair would fall off without it.",
     "attendance at the rest of the fair would fall off without it",
     "Alvin Rusch", "warn"),
    ("a reason inside what the source says",
     "MILL CREEK, Wis. \u2014 Hail flattened 300 acres of sweet corn east of Mill Creek on "
     "Friday, because the county\u2019s warning sirens never sounded, according to a letter the "
     "growers\u2019 association sent to the county board.",
     "Hail flattened 300 acres of sweet corn east of Mill Creek on Friday, because the "
     "county\u2019s warning sirens never sounded",
     "the growers\u2019 association", "according to"),
    ("a wife named with her own given name",
     "The man, Tobias Lindqvist Jr., said he had stopped calling the harbor office years "
     "ago.\n\nHis wife, Marguerite Lindqvist, who kept every receipt in a folder, said the "
     "couple had never once been shown the list.",
     "the couple had never once been shown the list",
     "Marguerite Lindqvist", "say"),
    ("a resolution adopted by a body",
     "Growers have asked the railroad for more cars.\n\nA resolution adopted by the Walsh County "
     "Commission on Monday said that the shortage threatened the harvest, and it urged the "
     "federal board to act.",
     "the shortage threatened the harvest",
     "the Walsh County Commission", "say"),
    ("a bare quotation after a split quotation",
     "Kjell Aamodt, who farms 900 acres with his brother, was more measured.\n\n\u201cNobody "
     "likes hearing it,\u201d he said, \u201cbut I\u2019d rather hear it in August than in "
     "October.\u201d\n\n\u201cWe can\u2019t eat the fifth row, and the bank can\u2019t "
     "either.\u201d\n\nThe brothers have planted less this year.",
     "We can\u2019t eat the fifth row, and the bank can\u2019t either.",
     "Kjell Aamodt", None),
    ("a bare exclamation after a report that ends in quoted words",
     "More than 40 people crowded into the hearing room on Tuesday.\n\nOne of them, Osvaldo "
     "Pereira, said he had stopped asking about his place on the list because \u201cevery year "
     "the answer was the same.\u201d\n\n\u201cTwenty-two! I went backward on a list for a space "
     "in the water.\u201d\n\nThe harbor master did not attend.",
     "Twenty-two! I went backward on a list for a space in the water.",
     "Osvaldo Pereira", None),
    ("a judge named again by office and a hyphenated surname the recogniser took for a body, past a "
     "lawyer of her gender",
     "Judge Ruth A. Adebayo-Kline wrote in her opinion that the county had turned a lost "
     "signal into an eviction.\n\nA lawyer for the county, Priya Castell, told WKTN\u2019s "
     "\u201cNoon Report\u201d on Friday that the county would comply with the order while it "
     "weighed an appeal. She insisted that the video hearings had been \u201ca lifeline, not a "
     "trap,\u201d for tenants.\n\nJudge Adebayo-Kline was unmoved by that argument. The county, "
     "she noted, had spent nothing on a phone line for tenants whose screens froze.",
     "The county, she noted, had spent nothing on a phone line for tenants whose screens froze",
     "Ruth A. Adebayo-Kline", "note"),
    ("an order of a judge who ruled in the lede",
     "HALLORAN, Pa. \u2014 Marden County must stop holding eviction hearings only by video by "
     "Oct. 1, a Common Pleas judge ruled on Thursday, because tenants who lost their connection "
     "were marked absent.\n\nJudge Corinne Vasquez-Hale wrote in her opinion that a frozen "
     "screen was no tenant who had walked away.\n\nThe county\u2019s lawyer, Dan Ruppert, said "
     "the county would comply with the order while it weighed an appeal.\n\nLandlords were less "
     "pleased. Their association said in a statement that hearings in person would add weeks to "
     "cases.\n\nAn aide to Commissioner Ray Dunmore said the commissioner had asked for a "
     "briefing.\n\nAccording to the order, the county must also reopen any judgment entered "
     "after a disconnection since Jan. 1.",
     "the county must also reopen any judgment entered after a disconnection since Jan. 1",
     "Corinne Vasquez-Hale", "according to"),
    ("a son who shares his father's name but for the suffix",
     "The veteran, Harold Brummett Sr., died in June.\n\nHis son, Harold Brummett Jr., who drove "
     "up from Dayton every Sunday, said the family had learned of the fall from a chaplain.",
     "the family had learned of the fall from a chaplain",
     "Harold Brummett Jr.", "say"),
    ("a show's name before a 'that' the parser took for a relative pronoun",
     "Her brother, Dennis Marchbank, told WKOV\u2019s \u201cCapital Hour\u201d that the family "
     "had learned of the fall from a chaplain.",
     "the family had learned of the fall from a chaplain",
     "Dennis Marchbank", "tell"),
    ("a body whose report's title the parser made the subject",
     "The town\u2019s Board of Health, in a report it circulated before the meeting, "
     "\u201cFluoride and Pell River: Sixty Years of Data,\u201d noted that the share of children "
     "with untreated decay had fallen by two thirds.",
     "the share of children with untreated decay had fallen by two thirds",
     "the town\u2019s Board of Health", "note"),
    ("a second relative clause joined by 'and who', hung on the main verb",
     "The only vote against it came from Supervisor Lyle D. Haskamp, who noted that the county "
     "had no say over a private bank, and who warned that the letter would go unread in Lincoln.",
     "the letter would go unread in Lincoln",
     "Lyle D. Haskamp", "warn"),
    ("a resolution a body adopted, in a relative clause without 'that'",
     "The Wendover County Board of Supervisors met on Monday.\n\nA resolution the board adopted "
     "4 to 1 on Monday said that the closing would leave the north of the county without a bank.",
     "the closing would leave the north of the county without a bank",
     "the Wendover County Board of Supervisors", "say"),
    ("a programme's name before the nouns it names",
     "Ms. Oyelowo acknowledged that the closing would be hard on older customers, but she argued "
     "that the bank\u2019s \u201cPrairie Line\u201d farm loans had been written in town for "
     "years.",
     "the bank\u2019s \u201cPrairie Line\u201d farm loans had been written in town for years",
     "Oyelowo", "argue"),
    ("a participle set off after a named subject whose later verb the parser made the main one",
     "The home\u2019s administrator, Warren D. Pelletier, acknowledged in a letter to "
     "residents\u2019 families on Thursday that Ward B had been short on \u201csome "
     "nights,\u201d and he wrote that he had asked the department for help.",
     "some nights,",
     "Warren D. Pelletier", "acknowledge"),
    ("a described person's second relative clause that reports, named in the next sentence",
     "A pediatric dentist who has practiced on Elm Lane since 1994, and who said she had counted "
     "14 cavities in the mouth of a single 5-year-old last winter, spoke against the article for "
     "ten minutes. The dentist, Dr. Nadia Ferrante, warned the meeting that the children would "
     "pay for the vote.",
     "she had counted 14 cavities in the mouth of a single 5-year-old last winter",
     "Nadia Ferrante", "say"),
    ("a district's figures after a team's name",
     "Harlan Bluff High School has canceled its football season, the district\u2019s "
     "superintendent, Margaret L. Oyelaran, said on Friday.\n\nThe Hawks, who won a state title "
     "in 1988, had 46 players on the roster four years ago, according to figures the district "
     "gave the school board in July.",
     "The Hawks, who won a state title in 1988, had 46 players on the roster four years ago",
     "the district", "according to"),
    ("a bare quotation after a paragraph that sets the scene before the person",
     "Two generations of Kessel drivers have known the fenced lot by the river simply as "
     "\u201cthe pound.\u201d One of the drivers in the controller's sample, a night-shift nurse "
     "whose car was towed in a January storm, told the council that she had paid $385 in cash. "
     "The nurse, Renata Vogelsang, said nobody had offered her a receipt.\n\n\u201cWho walks "
     "around with $385 in cash at two in the morning?\u201d\n\nThe council voted 5 to 2.",
     "Who walks around with $385 in cash at two in the morning?",
     "Renata Vogelsang", None),
    ("a quoted time clause under a verb inside someone's report",
     "Ingrid Saltonstall, who opened the shop with her husband in 2024, recalled that the town "
     "had asked for the fee \u201cbefore we had sold a single loaf,\u201d and that nobody had "
     "ever sent a bill.",
     "before we had sold a single loaf,",
     "Ingrid Saltonstall", "recall"),
    ("a lede's company named next after a description",
     "PETOSKEY, Mich. \u2014 The only dialysis clinic within an hour\u2019s drive of Petoskey "
     "will close on Dec. 13, because its operator has not been able to hire a nurse in more than "
     "a year, the company told its 38 patients in a letter last week.\n\nThe operator, Lakemont "
     "Kidney Care, which runs 14 clinics in Michigan, said in the letter that patients would be "
     "offered chairs in Traverse City.",
     "The only dialysis clinic within an hour\u2019s drive of Petoskey will close on Dec. 13, "
     "because its operator has not been able to hire a nurse in more than a year",
     "Lakemont Kidney Care", "tell"),
    ("a wife's full name, unrecognised, never stands for her husband's",
     "Greta Holloway, who opened the bakery with her husband in a former tire shop on Route 9, "
     "recalled that the town had asked for the fee early, and that nobody at Town Hall had ever "
     "sent a bill. Her husband, Amos Holloway, who keeps the books, said the couple had paid on "
     "time every quarter. \u201cWhat were we supposed to do, say no?\u201d he asked. She added "
     "that she had offered to pay for a crossing guard instead.",
     "she had offered to pay for a crossing guard instead",
     "Greta Holloway", "add"),
    ("a nephew named in apposition is a man",
     "Helvi Saarinen, 84, no longer drives. Her brother, Arvo Saarinen, has dialysis three times "
     "a week. A nephew, Kalle Rautio, has offered to drive the two of them, but he works nights "
     "at the mill. She said she would sooner sell the house than ask him to give up the job.",
     "she would sooner sell the house than ask him to give up the job",
     "Helvi Saarinen", "say"),
    ("a survey that the next sentence says a body released",
     "Motel rooms in Kerrick sat half empty on Saturday, because, according to the state\u2019s "
     "annual brood survey, a dry spring left 41 percent fewer birds along the county\u2019s "
     "roads.\n\nThe survey, which the Dakota Wildlife Division released in August, said that its "
     "counters had seen 1.9 pheasants per mile.",
     "a dry spring left 41 percent fewer birds along the county\u2019s roads",
     "the Dakota Wildlife Division", "according to"),
    ("a relative clause without 'that' closing the content, taken for a verb of its own",
     "The Kerrick Area Chamber of Commerce, which counts 60 members, predicted that the opener "
     "would bring roughly half of the $1.2 million a normal year brings into town.",
     "the opener would bring roughly half of the $1.2 million a normal year brings into town",
     "the Kerrick Area Chamber of Commerce", "predict"),
    ("a filing after a complaint filed by a named company",
     "The complaint, filed in federal court in Springfield by Tarrow Mobile LLC, argues that the "
     "vote violated federal law. According to the filing, the company spent 19 months looking "
     "for another site.",
     "the company spent 19 months looking for another site",
     "Tarrow Mobile LLC", "according to"),
    ("a programme's name before a participle and the noun it names",
     "Aaro Niskanen has a mortgage. He said he would sign up for the county\u2019s \u201cWork "
     "Ready\u201d welding course this winter.",
     "he would sign up for the county\u2019s \u201cWork Ready\u201d welding course this winter",
     "Aaro Niskanen", "say"),
    ("a study a firm was paid to write, the sum and its infinitive hung together",
     "A study the two boards paid a Topeka firm, Harmon Schools Consulting, $38,000 to write "
     "says a merged district would save about $610,000 a year.",
     "a merged district would save about $610,000 a year",
     "Harmon Schools Consulting", "say"),
    ("a report in a relative clause whose content's verb the parser hung elsewhere",
     "HARTWELL, Mass. \u2014 A wireless carrier sued the town of Hartwell in federal court on "
     "Friday, because its zoning board would not let the company hide nine antennas inside the "
     "white steeple of the First Parish Church, a decision that the lawsuit says has left four "
     "miles of Route 9 and most of the town\u2019s north end without a dependable cell signal.",
     "has left four miles of Route 9 and most of the town\u2019s north end without a dependable "
     "cell signal",
     "a wireless carrier", "say"),
    ("a summary's title set off far after its relative clause",
     "A summary the Department of Public Health sent to local boards of health on Nov. 14, "
     "\u201cSalmonella Cluster, South Berkshire County,\u201d says that all nine patients drank "
     "raw milk from one farm.",
     "all nine patients drank raw milk from one farm",
     "the Department of Public Health", "say"),
    ("an according-to source's name in apposition that the recogniser missed",
     "The second of the two postponed trials, a burglary case, has been moved to April, "
     "according to the district attorney, Hollis Yeager.",
     "The second of the two postponed trials, a burglary case, has been moved to April",
     "Hollis Yeager", "according to"),
    ("a described person whose phrase holds a place the recogniser took for a person",
     "One of the few people in it, a roofer from the borough of Sayre Hollow who had been "
     "summoned twice before, told a court officer that he had come only because his neighbor had "
     "read about the warrants. The roofer, Dale Kowalik, 44, said he could not afford to lose a "
     "week of wages.",
     "he had come only because his neighbor had read about the warrants",
     "Dale Kowalik", "tell"),
    ("'it' after a sentence in which someone signed a document",
     "The judge, Franklin D. Aldermoor III, signed the order on Nov. 26. It says that anyone who "
     "misses a summons without a written excuse may be fined up to $500.",
     "anyone who misses a summons without a written excuse may be fined up to $500",
     "Franklin D. Aldermoor III", "say"),
    ("a pronoun in a lede for the person its own sentence describes, named in the next",
     "LACKAWEN, Pa. \u2014 The county\u2019s president judge has ordered deputies to start "
     "serving bench warrants on residents who ignore jury summonses, because, he told the county "
     "commissioners on Monday, fewer than one in three of the people called this fall came to "
     "the courthouse.\n\nThe judge, Franklin D. Aldermoor III, signed the order on Nov. 26.",
     "fewer than one in three of the people called this fall came to the courthouse",
     "Franklin D. Aldermoor III", "tell"),
]


@pytest.mark.parametrize("text, content, speaker, verb", [c[1:] for c in REPORT_SHAPES],
                         ids=[c[0] for c in REPORT_SHAPES])
def test_report_shapes_of_rounds_29_to_80(extractor, nlp, text, content, speaker, verb):
    found = {q.text: (q.speaker, q.verb) for q in extractor.extract(nlp(text))}
    assert found[content] == (speaker, verb)


def test_a_petition_named_in_quotation_marks_is_no_quotation(extractor, nlp):
    """A petition's name set off by commas after "a petition" ('circulate a petition, "Keep the Cars
    Rolling," that asks') is a title, no quotation."""
    text = ("The brothers have helped circulate a petition, \u201cKeep the Cars Rolling,\u201d that asks the "
            "state\u2019s senators to press the railroad.")
    found = [q.text for q in extractor.extract(nlp(text))]
    assert "Keep the Cars Rolling," not in found


def test_a_petition_named_at_the_end_of_its_sentence_is_no_quotation(extractor, nlp):
    """A petition's name set off by a comma that ends its sentence inside the marks ('a petition against
    the tower, "Keep Our Common Green."') is a title, no quotation, however like a short sentence it looks."""
    text = ("His wife sees it differently. Dana Ashworth was among the first to sign a petition against the "
            "tower, \u201cKeep Our Common Green.\u201d The petition had 611 signatures by Friday.")
    found = [q.text for q in extractor.extract(nlp(text))]
    assert "Keep Our Common Green." not in found


def test_a_title_set_off_after_its_column_is_no_quotation(extractor, nlp):
    """A title in quotation marks set off by commas after the phrase of its column ('wrote in his
    column for The Dorset Courier, "View From the Courthouse," that') is no quotation."""
    text = ("The county\u2019s former treasurer, Ed Marsh, wrote in his column for The Dorset Courier, "
            "\u201cView From the Courthouse,\u201d that the levy would \u201cdrive the last farms out of "
            "the county.\u201d")
    found = [(q.text, q.speaker) for q in extractor.extract(nlp(text))]
    assert found == [("drive the last farms out of the county.", "Ed Marsh")]


def test_shows_and_agenda_items_in_quotation_marks_are_titles(extractor, nlp):
    """A show after a station's possessive under "told" ('told WBNX's "Valley Morning" that') and an
    item listed on an agenda under its name ('appeared on the agenda as "... Tax Abatement."') are
    titles, no quotations."""
    text = ("Fares would rise, she added.\n\nMs. Okafor told WBNX\u2019s \u201cValley Morning\u201d on "
            "Friday that the new fareboxes would cost about $2 million.\n\nThe request appeared on "
            "Tuesday\u2019s agenda as \u201cEastbrook Foundry Phase II Tax Abatement.\u201d The council has "
            "until April 2 to vote on it.")
    found = [q.text for q in extractor.extract(nlp(text))]
    assert found == ["Fares would rise", "the new fareboxes would cost about $2 million"]


def test_a_title_after_titled_that_ends_its_sentence_is_no_quotation(extractor, nlp):
    """A title right after "titled" whose sentence ends inside its marks ('a report ... titled
    "Contraband Trends 2029."') is a title, no quotation, however like a short sentence it looks."""
    text = ("Guards found 2,210 phones in county jails last year, according to a report by the sheriff\u2019s "
            "office titled \u201cJail Contraband Review 2029.\u201d The sheriff said most of them came in "
            "over the fences.")
    found = [q.text for q in extractor.extract(nlp(text))]
    assert found == ["Guards found 2,210 phones in county jails last year",
                     "most of them came in over the fences"]


def test_a_clause_that_runs_into_its_quoted_words_gives_them_alone(extractor, nlp):
    """'insisted that A "B"', the quoted words going on from the clause under the same verb: the
    quotation alone is recorded, as for a clause that holds its quoted words."""
    text = ("A spokesman for the company, Roy Adler, insisted that Veritrak would have every scanner "
            "delivered and tested \u201cwell before the first mail ballot goes out.\u201d He declined to "
            "say more.")
    found = [(q.text, q.speaker, q.kind) for q in extractor.extract(nlp(text))]
    assert found == [("well before the first mail ballot goes out.", "Roy Adler", "direct")]


def test_a_description_cut_at_an_adjective_read_as_a_verb_is_no_content(extractor, nlp):
    """A person described and named in apposition before the verb ("A woman who has sold smoked
    whitefish ... since 2001, Ruth Kallio, said"), the relative clause cut where the parser read
    "smoked" as a verb: the description is no report of hers."""
    text = ("A woman who has sold smoked whitefish from a stand at the foot of the dock since 2001, Ruth "
            "Kallio, said she would not miss the buses.")
    found = [(q.text, q.speaker) for q in extractor.extract(nlp(text))]
    assert found == [("she would not miss the buses", "Ruth Kallio")]


def test_a_relative_clause_subject_hung_on_the_verb_is_not_its_subject(nlp):
    """The parser may hang the subject of a relative clause on the reporting verb, with the clause's
    "that" as the verb's mark ("Tom and Ada Keller, who rent a cottage that Ms. Keller's father built,
    said"): the verb's subject is the name that opens the sentence."""
    from spacy.tokens import Doc

    from framing.quotes import _nearest

    words = ["Tom", "and", "Ada", "Keller", ",", "who", "rent", "a", "cottage", "that", "Ms.", "Keller",
             "\u2019s", "father", "built", ",", "said", "it", "pays", "."]
    heads = [16, 0, 3, 0, 3, 6, 0, 8, 6, 16, 11, 13, 11, 16, 13, 16, 16, 18, 16, 16]
    deps = ["nsubj", "cc", "compound", "conj", "punct", "nsubj", "relcl", "det", "dobj", "mark", "compound",
            "poss", "case", "nsubj", "acl", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    ents = ["B-PERSON", "O", "B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-PERSON"] + ["O"] * 8
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    assert _nearest(doc[16], ("nsubj", "csubj")).text == "Tom"


def test_a_that_clause_after_a_lede_report_is_the_noun_s(extractor, nlp):
    """A lede's report whose content came before it: a that-clause on the noun of a phrase set off
    after it ('after a board vote that riders had spent two months trying to head off') is a
    relative clause of that noun, no second report."""
    text = ("BRENNOCK, Wis. \u2014 The regional bus agency serving Brennock and four "
            "neighboring towns will stop running Sunday buses on nine of its 12 routes "
            "starting Sept. 7, its general manager said on Monday, after a board vote that "
            "riders and drivers had spent two months trying to head off.")
    assert [q.text for q in extractor.extract(nlp(text))] == ["The regional bus agency "
                                                              "serving Brennock and four "
                                                              "neighboring towns will stop "
                                                              "running Sunday buses on nine "
                                                              "of its 12 routes starting "
                                                              "Sept. 7"]


def test_a_report_that_no_one_gave_is_no_quotation(extractor, nlp):
    """"Neither side said when ..." withholds the answer, as "would not say when" does."""
    text = "Neither side said when the next round of talks would take place."
    assert [q.text for q in extractor.extract(nlp(text))] == []


def test_a_scare_quote_with_a_relative_clause_and_a_named_policy_are_no_quotations(extractor, nlp):
    """A relative clause describes the quoted noun ('two full-time “auditors” who also answer'), and a
    policy's name in quotation marks is a title, inside the reported clause or not."""
    texts = ["The commission\u2019s budget pays for two full-time \u201cauditors\u201d who also answer the "
             "office\u2019s telephones.",
             "The coach kept the team out an hour past the limit in the league\u2019s \u201cSummer Heat Practice "
             "Policy,\u201d the decision says."]
    found = [q.text for text in texts for q in extractor.extract(nlp(text))]
    assert "auditors" not in found
    assert "Summer Heat Practice Policy," not in found


def test_a_display_title_after_its_noun_is_no_quotation(extractor, nlp):
    """'The display, “Shelf Life: ...,” had stood': a title set off after the noun of its kind."""
    text = ("The display, \u201cShelf Life: Books They Tried to Take Away,\u201d had stood beside the circulation "
            "desk since Sept. 22.")
    assert [q.text for q in extractor.extract(nlp(text))] == []


# Shapes where the small English pipeline, not a missing rule, lost the speaker: names the
# recogniser tagged wrongly or not at all, sentences the parser cut where none can end, and reports
# the parser hung inside the speaker's own relative clause.
PARSE_SHAPES = [
    ("a hyphenated surname the recogniser took for an organisation is a person's, for 'he' after it",
     "The defendant\u2019s daughter, Ottilie Brzezinska-Hale, sat in the second row with her husband. She "
     "told reporters during the lunch break that her father \u201cloves this country more than anyone I "
     "know.\u201d\n\nOutside the Dirksen courthouse, Andriy Lysenko-Fair, who leads the Ukrainian Heritage "
     "Council of Illinois in the city\u2019s Ukrainian Village, said members would attend every day of the "
     "trial.\n\n\u201cWe are here,\u201d he said.",
     "We are here,", "Andriy Lysenko-Fair", "say"),
    ("a name that modifies a noun in the subject is not the one 'he' refers to",
     "The government\u2019s first witness, a former Harwood shipping clerk named Liam Okonkwo-Hart, told "
     "jurors that he had printed hundreds of shipping labels for addresses in Yerevan.\n\n\u201cI never "
     "once met a customer,\u201d he said.",
     "I never once met a customer,", "Liam Okonkwo-Hart", "say"),
    ("a full name the recogniser left untagged is the subject 'he' refers to",
     "The state veterinarian, Dr. Leland Okafor, confirmed that the hold had been lifted. But he warned "
     "that one clean result \u201cis a snapshot, not a promise.\u201d\n\nA market lamb brought about "
     "$150 at the sale barn last week, according to the extension office.\n\nCurtis Vanderwal, the only "
     "board member who voted against the closing, said the board should have waited for the lab. He "
     "added that no one had called the state before the vote.",
     "no one had called the state before the vote", "Curtis Vanderwal", "add"),
    ("a show's title after a possessive starts no sentence that takes the report",
     "Senator Ingrid Halvorsen, a Minnesota Democrat, said on Fox News\u2019s \u201cSunday Morning "
     "Futures\u201d that Congress had given the Navy \u201cevery dollar it asked for and then some.\u201d",
     "every dollar it asked for and then some.", "Ingrid Halvorsen", "say"),
    ("a description whose relative clause the parser gave the report ends before the report",
     "A retired couple from Flint who have camped at site 8 every June since 1992 said they learned of the "
     "closing from an email canceling their booking.",
     "they learned of the closing from an email canceling their booking",
     "a retired couple from Flint who have camped at site 8 every June since 1992", "say"),
    ("a report the parser hung on a clause of time ends the description before it",
     "A congressional aide who sat in on a closed briefing before the vote said the agency had asked the "
     "government in Juba for 12 waivers and had received two.",
     "the agency had asked the government in Juba for 12 waivers and had received two",
     "a congressional aide who sat in on a closed briefing before the vote", "say"),
    ("a subject with 'whose' is a relative clause's; the speaker is the noun it describes",
     "A man from Dresher Township whose mother\u2019s certificate was among those the state reviewed said he "
     "had written to the office four times.",
     "he had written to the office four times", "a man from Dresher Township", "say"),
    ("a name in apposition that the parser hung on the verb names 'one of them'",
     "Two brothers from Alpena have fished the bay since the 1970s.\n\n\u201cForty summers, and we got a form "
     "letter,\u201d said one of them, Walter Brzezinski, 71.",
     "Forty summers, and we got a form letter,", "Walter Brzezinski", "say"),
    ("a subject the parser hung on a participle clause set off before the verb speaks for the verb",
     "The shipment was due in April.\n\nNadia Brennan-Holt, asked about the delay, said the parts had not "
     "arrived.",
     "the parts had not arrived", "Nadia Brennan-Holt", "say"),
    ("the same after a name in apposition",
     "The shipment was due in April.\n\nThe plant manager, Nadia Holt, asked about the delay, said the parts "
     "had not arrived.",
     "the parts had not arrived", "Nadia Holt", "say"),
    ("two names set off after a partitive subject speak together",
     "Neighbors on Quarry Lane have complained since the blasting began. Two of them, Delphine and Rupert "
     "Achterberg, said cracks had opened in their foundation in March.",
     "cracks had opened in their foundation in March", "Delphine Achterberg and Rupert Achterberg", "say"),
    ("a description set off after a partitive subject is its speaker",
     "Dozens of residents spoke at the hearing.\n\nOne of them, a retired teacher who lives beside the quarry, "
     "told the board that the blasting had cracked her chimney.",
     "the blasting had cracked her chimney", "a retired teacher who lives beside the quarry", "tell"),
    ("an aside that counts part of the subject is no second speaker",
     "Opponents of the plan, many of them in matching shirts, argued that the new road would flood their "
     "fields.",
     "the new road would flood their fields", "opponents of the plan", "argue"),
    ("a partner whose hyphenated surname the recogniser took for a place speaks too",
     "Two sisters who run a bakery on Front Street have asked for a loan. Ruth Calder and Margo Calder-Voss "
     "said the oven had failed twice in May.",
     "the oven had failed twice in May", "Ruth Calder and Margo Calder-Voss", "say"),
    ("an owner with a curly apostrophe that the parser made a subject owns the report",
     "Sheriff Dana Whitford has asked for $2 million. \u201cWe are out of beds,\u201d Sheriff Whitford "
     "said.\n\nThe sheriff\u2019s warning that the jail would close its east wing drew a reply from the "
     "state.",
     "the jail would close its east wing", "Dana Whitford", "warning"),
]


@pytest.mark.parametrize("text, content, speaker, verb", [c[1:] for c in PARSE_SHAPES],
                         ids=[c[0] for c in PARSE_SHAPES])
def test_speakers_the_pipeline_lost_are_found(extractor, nlp, text, content, speaker, verb):
    found = {q.text: (q.speaker, q.verb) for q in extractor.extract(nlp(text))}
    assert found[content] == (speaker, verb)


@pytest.mark.parametrize("text, inside", [
    ("Ms. Ekwueme spoke on Channel Nine\u2019s \u201cWeekend Ledger\u201d about the budget.", "\u201c"),
    ("The van would help with her youngest but not with her oldest.", "but"),
    ("He thanked the mayor, Councilor Grady and the clerk.", "Councilor"),
])
def test_no_sentence_starts_where_none_can(nlp, text, inside):
    """The line-break rule marks the token after a possessive ending, after a comma, or a
    lower-case word after a word as inside a sentence before the parser runs, whatever the
    parser would have made of it."""
    from framing._nlp import mark_line_breaks

    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "parser":
            break
        doc = component(doc)
    doc = mark_line_breaks(doc)
    token = next(t for t in doc if t.text == inside)
    assert token.is_sent_start is False
    assert doc[0].is_sent_start is not False
    assert all(not s.text.startswith(inside) for s in nlp(text).sents)


def test_an_office_the_recogniser_took_alone_is_no_crash(extractor, nlp):
    """"Councilwoman" alone as an organisation, the name after it as a person: the office is no
    person's name, and the speaker is the person (this shape raised an IndexError)."""
    text = "The team will pay more rent, according to Councilwoman Loretta Albright, who negotiated the terms."
    assert [q.speaker for q in extractor.extract(nlp(text))] == ["Loretta Albright"]


def test_a_request_is_no_report(extractor, nlp):
    """"asked that her name not be used": a request in the subjunctive, no content."""
    text = ("A nurse, who asked that her name not be used because she feared losing her job, said the ward "
            "had no heat.")
    assert [(q.text, q.speaker) for q in extractor.extract(nlp(text))] == [("the ward had no heat", "a nurse")]


@pytest.mark.parametrize("text", [
    "The Garrow painting, \"Morning Fog Over Cutler Pier,\" was given to the library in 1901 by a ship owner.",
    "The orchard was named a Vermont \u201cCentury Farm\u201d orchard in 2015, an honor for land kept by one family.",
], ids=["a painting's title", "a name in quotation marks before a noun"])
def test_a_title_or_name_in_quotation_marks_is_no_quotation(extractor, nlp, text):
    assert extractor.extract(nlp(text)) == []


def test_a_show_after_call_letters_the_tagger_took_for_a_noun_is_a_title(nlp):
    """'on WMRL's "Main Street Hour"': the recogniser names the station, the tagger calls it a common
    noun; the title after it is still a title, no quotation."""
    from framing.quotes import is_quoted_title

    text = "Ms. Oduya, appearing on WMRL\u2019s \u201cMain Street Hour\u201d on Thursday, said talks would resume."
    doc = nlp(text)
    station = next(t for t in doc if t.text == "WMRL")
    assert (station.pos_, station.ent_type_) == ("NOUN", "ORG"), "the parse this test is about"
    start = text.index("Main")
    assert is_quoted_title(doc, start, start + len("Main Street Hour"))
    # a station named before a verb gives no title: the verb ends the search
    text = "Workers outside WMRL chanted \u201cFair Pay Now\u201d at the gate."
    start = text.index("Fair")
    assert not is_quoted_title(nlp(text), start, start + len("Fair Pay Now"))


def test_a_name_after_known_as_is_a_title(extractor, nlp):
    """'a policy known as "Home Field First"' names the policy; nobody says it."""
    text = ("The rule, part of a 2021 policy known as \u201cHome Field First,\u201d says a player who moves must "
            "sit out 60 days.")
    assert [q.text for q in extractor.extract(nlp(text))] == ["a player who moves must sit out 60 days"]


def test_a_show_that_ends_its_sentence_inside_the_marks_is_a_title(extractor, nlp):
    """'on KRVN’s “Morning Ag Report.”': the sentence's period inside the marks does not make the
    show's title a short quoted sentence; a chant after no owner still is one."""
    text = ("Mr. Haldane announced his retirement last week on KRVN\u2019s \u201cMorning Ag Report.\u201d\n\n"
            "He had farmed for 50 years.")
    assert [q.text for q in extractor.extract(nlp(text))] == []
    chant = "He said on Tuesday: \u201cWe Will Win.\u201d"
    assert [q.text for q in extractor.extract(nlp(chant))] == ["We Will Win."]


def test_an_office_word_that_opens_a_company_name_is_no_office(extractor, nlp):
    text = "General Motors Company said on Monday that it would cut 900 jobs."
    assert [q.speaker for q in extractor.extract(nlp(text))] == ["General Motors Company"]


def test_a_question_asked_is_no_report(extractor, nlp):
    text = ("The committee's chairman, Senator Howard Beckwith, asked why the carrier had waited more than "
            "two hours to tell 911 centers what was happening.")
    assert extractor.extract(nlp(text)) == []


def test_a_book_described_in_apposition_is_no_quotation(extractor, nlp):
    text = ("The board will decide, said Howard Lindqvist, who teaches labor law in Boston and wrote \"The "
            "Shop Floor and the Law,\" a history of organizing in the mills.")
    assert [q.text for q in extractor.extract(nlp(text))] == ["The board will decide"]


def test_a_speakers_act_after_and_is_no_content(extractor, nlp):
    """"and called for a review": what the speaker did, not what she said; and a group of people
    who said something is no news agency for a later "the agency"."""
    text = "The mayor said she was saddened by the fire and called for a review of the building code."
    assert [q.text for q in extractor.extract(nlp(text))] == ["she was saddened by the fire"]
    text = ("The Postal Service plans to close two branches, a move that residents said on Monday would "
            "force some people onto hourlong drives. The agency said the branches had lost money for years.")
    found = {q.text: q.speaker for q in extractor.extract(nlp(text))}
    assert found == {"would force some people onto hourlong drives": "residents",
                     "the branches had lost money for years": "the Postal Service"}


# Scores of the US-news held-out split (round 81: four articles with a lawsuit, a complaint, a filing, a
# state advisory, a board's docket, a railroad's notice and a state rail plan as speakers or texts,
# officials quoted by title alone and named later, people described and named after, middle initials and
# suffixes, two-word surnames, spouses sharing a surname, split quotations, bare quotations named by the
# paragraph before, and petitions, shows and reports in quotation marks), measured once with the rules
# frozen (docs/quotes.md, "US domestic news"); the gold set and its split are in tests/data/us-news/quotes/.
US_HELD_OUT = {"named_speaker_accuracy": 0.8947, "speaker_name_accuracy": 0.8947, "exact_f1": 0.9610,
               "overlap_f1": 0.9870}


def test_us_news_held_out_scores(nlp):
    from conftest import ROOT

    root = ROOT / "tests" / "data" / "us-news" / "quotes"
    result = evaluate_quotes(root / "quotes_gold.jsonl", root / "corpus", split="test", nlp=nlp)
    assert result["n_articles"] == 4 and result["n_named"] == 76
    assert result["named_speaker_accuracy"] == pytest.approx(US_HELD_OUT["named_speaker_accuracy"], abs=0.01)
    assert result["speaker_name_accuracy"] == pytest.approx(US_HELD_OUT["speaker_name_accuracy"], abs=0.01)
    assert result["exact"]["all"]["f1"] == pytest.approx(US_HELD_OUT["exact_f1"], abs=0.01)
    assert result["overlap"]["all"]["f1"] == pytest.approx(US_HELD_OUT["overlap_f1"], abs=0.01)
