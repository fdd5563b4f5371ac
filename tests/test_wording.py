"""Naming variants, loaded labels and distancing marks (framing.wording).

Every sentence here is written for the tests; none comes from a corpus.
"""

from __future__ import annotations

import json
import math
import re
import textwrap

import pandas as pd
import pytest

from conftest import write_corpus
from framing._nlp import load_nlp
from framing.actors import MentionFinder, load_actors
from framing.wording import (
    Lexicon,
    Mark,
    Term,
    WordingFinder,
    evaluate_terms,
    find_scare_quotes,
    naming_rates,
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def mention_finder(nlp) -> MentionFinder:
    return MentionFinder(load_actors(), nlp)


@pytest.fixture(scope="module")
def finder(nlp) -> WordingFinder:
    return WordingFinder(Lexicon.default(), nlp)


def parse(nlp, mention_finder, text):
    doc = nlp(text)
    return doc, mention_finder.find(doc)


def terms_of(finder, nlp, mention_finder, text, sets=None):
    """(set, variant, surface, actor) for every term, in document order."""
    doc, mentions = parse(nlp, mention_finder, text)
    return [(t.set, t.variant, t.surface, t.actor) for t in finder.terms(doc, mentions)
            if sets is None or t.set in sets]


def marks_of(finder, nlp, mention_finder, text, kinds=None):
    """(kind, surface, actor) for every mark, in document order."""
    doc, mentions = parse(nlp, mention_finder, text)
    return [(m.kind, m.surface, m.actor) for m in finder.marks(doc, mentions)
            if kinds is None or m.kind in kinds]


# ------------------------------------------------------------------ naming variants

# name, text, sets to look at, expected (set, variant, surface, actor) in order
TERM_CASES = [
    ("kiev and kyiv are one set", "Officials in Kiev and in Kyiv disagreed.", {"kyiv_spelling"},
     [("kyiv_spelling", "kiev", "Kiev", "ukraine"), ("kyiv_spelling", "kyiv", "Kyiv", "ukraine")]),
    ("headline capitals", "TALKS IN KIEV COLLAPSE", {"kyiv_spelling"},
     [("kyiv_spelling", "kiev", "KIEV", "ukraine")]),
    ("kievan is not kiev", "Kievan Rus was a medieval state.", {"kyiv_spelling"}, []),
    ("other place spellings", "Shells hit Kharkov and Odesa, then Artemovsk and Bakhmut.", None,
     [("kharkiv_spelling", "kharkov", "Kharkov", None), ("odesa_spelling", "odesa", "Odesa", None),
      ("bakhmut_naming", "artemovsk", "Artemovsk", None), ("bakhmut_naming", "bakhmut", "Bakhmut", None)]),
    ("three names for the war",
     "Moscow calls it a special military operation; Kyiv calls it a war and a full-scale invasion.",
     {"war_naming"},
     [("war_naming", "special_military_operation", "special military operation", None),
      ("war_naming", "war", "war", None),
      ("war_naming", "full_scale_invasion", "full-scale invasion", None)]),
    ("longest match wins", "The full-scale invasion of Ukraine began at dawn.", {"war_naming"},
     [("war_naming", "full_scale_invasion", "full-scale invasion", None)]),  # "of" names the victim
    ("lemma match", "In Ukraine, the wars and invasions never end.", {"war_naming"},
     [("war_naming", "war", "wars", None), ("war_naming", "invasion", "invasions", None)]),
    ("sentence-initial capital", "War returned to Ukraine.", {"war_naming"},
     [("war_naming", "war", "War", None)]),
    ("war crimes are not the war", "Investigators in Ukraine documented war crimes and a war criminal.",
     {"war_naming"}, []),
    ("fighter jets are not fighters", "Denmark sent fighter jets; fighters held the town.",
     {"combatants"}, [("combatants", "fighters", "fighters", None)]),
    ("militant inflections", "Militants attacked; one militant was caught.", {"combatants"},
     [("combatants", "militants", "Militants", None), ("combatants", "militants", "militant", None)]),
    ("lower-case russia is exact", "Officials said russia and Russia would both be named.",
     {"loaded_labels"}, [("loaded_labels", "russia_lowercase", "russia", "russia")]),  # a name of Russia too
    ("human rights defenders are not fighters", "Human rights defenders protested.", {"combatants"}, []),
    ("two sets may overlap", "The regime collapsed.", {"government_naming", "loaded_labels"},
     [("government_naming", "regime", "regime", None), ("loaded_labels", "regime", "regime", None)]),
]


# ------------------------------------------------ one war, not every war (war_naming)

# name, text, surfaces of the war_naming terms expected (in order)
WAR_CASES = [
    # the article gate: no mention of Russia or Ukraine, no name of the war
    ("no Russia or Ukraine: no war", "The war dragged on, and the invasion was a disaster.", []),
    ("domestic news", "Critics said the border crisis and the budget conflict hurt the president.", []),
    # figurative "war on / against / over X"
    ("war on X", "Kyiv aside, senators declared a war on drugs, a war on terror and a war on religion.", []),
    ("war against X", "Ukraine came up once; the mayor promised a war against poverty.", []),
    ("war over X", "Ukraine aid passed while the war over abortion rights raged in the House.", []),
    ("verb-attached war on", "Ukraine was mentioned, but Democrats had been waging a war on the president.", []),
    ("war on an actor of the war", "Russia's war on Ukraine entered its third year.", ["war"]),
    ("war against Ukraine", "Putin has said the war against Ukraine will go on.", ["war"]),
    # "X war" compounds and classifying adjectives
    ("noun compounds", "Ukraine aside, analysts saw a price war and a budget war.", []),
    ("other wars by place", "Blinken discussed Ukraine, recalled the Iraq war and the Vietnam War.", []),
    ("capitalised adjectives", "Unlike Ukraine, the Korean War and the Civil War were long.", []),
    ("classifying adjectives", "Ukraine is no civil war and no cold war, and a nuclear war is unlikely.", []),
    ("demonym of the war", "The Russian invasion and the Ukrainian war effort went on.", ["invasion"]),
    ("descriptive adjectives stay", "Russia calls it an operation, but it is a brutal and illegal war.",
     ["war"]),
    # war as a modifier of another noun
    ("war room, war zone", "Ukraine aides set up a war room; reporters entered a war zone.", []),
    # place and period phrases
    ("war elsewhere", "Ukraine is not alone: the civil war in Libya and the war in Yemen go on.", []),
    ("war with Mexico, of 1812", "Unlike Ukraine, the war with Mexico and the War of 1812 were short.", []),
    ("war in an actor of the war", "The war in Ukraine and the conflict in Donbas began in 2014.",
     ["war", "conflict"]),
    ("war in Europe", "Russia started the largest war in Europe since 1945.", ["war"]),
    ("not every number is a year", "Ukraine's allies are paying for the war with one hand.", ["war"]),
    ("names of the war stay", "Moscow calls it a special military operation; Kyiv calls it a war and a full-scale invasion.",
     ["special military operation", "war", "full-scale invasion"]),
]


@pytest.mark.parametrize("name,text,expected", WAR_CASES, ids=[c[0] for c in WAR_CASES])
def test_war_naming_names_one_war(finder, nlp, mention_finder, name, text, expected):
    assert [t[2] for t in terms_of(finder, nlp, mention_finder, text, {"war_naming"})] == expected


@pytest.mark.parametrize("name,text,sets,expected", TERM_CASES, ids=[c[0] for c in TERM_CASES])
def test_terms(finder, nlp, mention_finder, name, text, sets, expected):
    assert terms_of(finder, nlp, mention_finder, text, sets) == expected


# ---------------------------------------------------------------- labels -> actors

# name, text, set, variant, expected actor of that label (first occurrence)
LABEL_CASES = [
    ("modifier: the Kiev regime", "The Kiev regime shelled Donetsk.", "loaded_labels", "regime", "ukraine"),
    ("demonym: Russian occupiers", "Russian occupiers withdrew from the town.", "combatants", "occupiers",
     "russia"),
    ("possessor member", "Putin's regime jailed its critics.", "government_naming", "regime", "russia"),
    ("in phrase", "The regime in Kyiv refused.", "government_naming", "regime", "ukraine"),
    ("no actor", "The regime collapsed overnight.", "loaded_labels", "regime", None),
    # a label must be attached to or predicated of the actor, not share its sentence
    ("act label, actor nearby", "Trump has denied any illegal quid pro quo with Ukraine.", "loaded_labels",
     "illegal", None),
    ("act label predicated of an act", "Trump's call was an illegal quid pro quo, Democrats said.",
     "loaded_labels", "illegal", None),
    ("act label, naming verb on an act", "Biden called Russia's invasion an illegal war.", "loaded_labels",
     "illegal", None),
    ("attack in a place", "It was the worst terrorist attack in the United States.", "loaded_labels",
     "terrorists", None),
    ("attack on a date", "Since the terrorist attacks on Sept. 11, Washington has spent heavily.",
     "loaded_labels", "terrorists", None),
    ("label inside the act's phrase", "Leaders rejected Russia's illegal annexation of Crimea.",
     "loaded_labels", "illegal", "russia"),
    ("copula on the actor", "Russia is a terrorist state, the senator said.", "loaded_labels",
     "terrorist_state", "russia"),
    ("naming verb on the actor", "McCaul called Russia a terrorist state.", "loaded_labels", "terrorist_state",
     "russia"),
    ("possessor of a government", "Ukraine's government is a puppet of NATO, Moscow says.", "loaded_labels",
     "puppet", "ukraine"),
    ("name parts of the subject", "The Ukrainian government is a neo-Nazi regime, Russian television said.",
     "loaded_labels", "regime", "ukraine"),
    ("copula subject", "Kyiv is a puppet of NATO.", "loaded_labels", "puppet", "ukraine"),
    ("relational possessor is the patron", "NATO's puppet refused to negotiate.", "loaded_labels",
     "puppet", None),
    ("naming verb object", "Moscow called Ukraine a puppet of the West.", "loaded_labels", "puppet",
     "ukraine"),
    ("apposition", "Russia, the aggressor, must pay.", "loaded_labels", "aggressor", "russia"),
    ("adjective climbs to its noun", "They condemned Russia's illegal annexation of Crimea.",
     "loaded_labels", "illegal", "russia"),
    ("label containing an actor", "Pundits blamed the collective West.", "loaded_labels",
     "collective_west", "the_west"),
    ("war possessor", "Russia's war dragged on.", "war_naming", "war", "russia"),
    # rule 4: possessive pronouns
    ("its: subject of the verb", "Ukraine withdrew its troops from four regions.", "combatants", "troops",
     "ukraine"),
    ("its: subject of the nearest verb, not the main one", "NATO said Russia moved its troops to the border.",
     "combatants", "troops", "russia"),
    ("its: nearest mention when the verb has no subject",
     "It was another Russian manoeuvre to regroup its battered forces.", "combatants", "forces", "russia"),
    ("his: a member", "Putin praised his soldiers.", "combatants", "soldiers", "russia"),
    ("its on the noun a label modifies", "Moscow defended its illegal annexation.", "loaded_labels", "illegal",
     "russia"),
    ("our outside a quotation", "They said our soldiers were brave.", "combatants", "soldiers", None),
    ("its with no mention before it", "Its troops advanced.", "combatants", "troops", None),
]


def test_our_inside_a_quotation_goes_to_the_speaker(finder, nlp, mention_finder):
    from framing.quotes import QuoteExtractor

    doc, mentions = parse(nlp, mention_finder, '"Until the guns fall silent, our defenders stay where they are," '
                                               'Zelensky said.')
    quotes = QuoteExtractor(load_actors(), nlp).extract(doc, mentions=mentions)
    assert [q.speaker_actor for q in quotes] == ["ukraine"]
    defenders = [t for t in finder.terms(doc, mentions, quotes) if t.variant == "defenders"]
    assert [t.actor for t in defenders] == ["ukraine"]
    assert [t.actor for t in finder.terms(doc, mentions) if t.variant == "defenders"] == [None]  # no quotes given


@pytest.mark.parametrize("name,text,set_id,variant,actor", LABEL_CASES, ids=[c[0] for c in LABEL_CASES])
def test_label_actor(finder, nlp, mention_finder, name, text, set_id, variant, actor):
    found = [t for t in terms_of(finder, nlp, mention_finder, text) if t[:2] == (set_id, variant)]
    assert found, f"no {set_id}/{variant} term in {text!r}"
    assert found[0][3] == actor


def test_term_offsets_and_sentences(finder, nlp, mention_finder):
    doc, mentions = parse(nlp, mention_finder, "Talks failed. The Kiev regime blamed Moscow.")
    found = finder.terms(doc, mentions)
    assert all(isinstance(t, Term) for t in found)
    assert all(doc.text[t.start:t.end] == t.surface for t in found)
    assert {t.sentence_id for t in found} == {1}


def test_terms_without_parse_or_text(finder, nlp, mention_finder):
    assert finder.terms(nlp(""), []) == []
    doc = nlp.make_doc("Officials in Kiev counted the militants.")
    found = [(t.variant, t.actor) for t in finder.terms(doc, mention_finder.find(doc))]
    # no lemmas on a bare tokenised doc: "~militant" patterns are skipped, literals still match
    assert found == [("kiev", "ukraine")]


# ------------------------------------------------------------------ distancing marks

# name, text, expected (kind, surface, actor) in order
MARK_CASES = [
    ("reportedly", "Russian troops reportedly withdrew.", [("hedge", "reportedly", "russia")]),
    ("according to numerous reports", "According to numerous reports, Russian troops withdrew.",
     [("vague_source", "According to numerous reports", "russia")]),
    ("experts say", "Experts say the talks failed.", [("vague_source", "Experts say", None)]),
    ("it is claimed", "It is claimed that the talks failed.", [("vague_source", "It is claimed", None)]),
    ("so-called names its noun", "The so-called Kiev regime fell.", [("hedge", "so-called", "ukraine")]),
    ("what Moscow calls", "What Moscow calls a liberation was a retreat.",
     [("hedge", "What Moscow calls", "russia")]),
    ("so-called scare quote", 'Officials organised the so-called "referendums" in a week.',
     [("hedge", "so-called", None), ("scare_quote", "referendums", None)]),
    ("western values", 'Western "values" were invoked again.', [("scare_quote", "values", "the_west")]),
    ("curly marks", "The vote was a “triumph” for nobody.", [("scare_quote", "triumph", None)]),
    ("speaker's word is a quote", 'Peskov said it was "unacceptable".', []),
    ("what he called", 'Putin announced what he called a "special military operation".',
     [("hedge", "what he called", None)]),
    ("described as", 'The town, which generals described as a "fortress", fell.', []),
    ("alleged as a verb is no hedge", 'Kiev alleged "genocide" on Monday.', []),
    ("alleged as a participle", "The alleged massacre was investigated.", [("hedge", "alleged", None)]),
    ("single marks inside a quote", "“This is what their 'solidarity' looks like,” she said.",
     [("scare_quote", "solidarity", None)]),
    ("apostrophes are not quotes", "The Europeans' homes don't need gas, he said.", []),
    ("long quotes are statements", 'Crowds chanted "we will never give up our city" all night.', []),
    ("a quoted clause is a statement", 'Posters read "we won" across town.', []),
    ("colon introduces a statement", 'The banner had one word: "Victory".', []),
    ("habit, not a report", "Europe, which likes to speak of its 'values', must now act.",
     [("scare_quote", "values", None)]),
    ("speak of reports words", 'Macron spoke of "a great day" for Ukraine.', []),
    # titles of shows, books and columns are neither quotations nor the writer's distance
    ("show title", 'The senator repeated the claim on "Face the Nation" on Sunday.', []),
    ("book title", 'In his memoir, "The Long Ballot," the governor settles old scores.', []),
    ("op-ed title", 'She wrote an op-ed titled "Why We Must Stay" for the paper.', []),
    ("parenthetical report", 'The act, he wrote, gives the secretary power to "waive or modify" rules.', []),
    ("parenthetical report, so-called", 'The vote, she said, was a so-called "referendum".',
     [("hedge", "so-called", None), ("scare_quote", "referendum", None)]),
    ("a capitalised label is still a scare quote", 'The "Liberation" of the city left it in ruins.',
     [("scare_quote", "Liberation", None)]),
]


@pytest.mark.parametrize("name,text,expected", MARK_CASES, ids=[c[0] for c in MARK_CASES])
def test_marks(finder, nlp, mention_finder, name, text, expected):
    assert marks_of(finder, nlp, mention_finder, text) == expected


def test_scare_quote_span_excludes_marks(nlp):
    text = 'The "values" and the “solidarity” were gone.'
    found = find_scare_quotes(nlp(text))
    assert all(isinstance(m, Mark) and m.kind == "scare_quote" for m in found)
    assert [(m.surface, m.start, m.end) for m in found] == [("values", 5, 11), ("solidarity", 22, 32)]
    assert [(text[m.start - 1], text[m.end]) for m in found] == [('"', '"'), ("“", "”")]


def test_marks_need_a_parse(finder, nlp):
    doc = nlp.make_doc('Western "values" again.')
    with pytest.raises(ValueError, match="parsed Doc"):
        finder.marks(doc, [])
    with pytest.raises(ValueError, match="parsed Doc"):
        find_scare_quotes(doc)


# ---------------------------------------------------------------------- naming rates


def test_naming_rates():
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "b2"],
        "outlet": ["A", "A", "B", "B"],
        "n_words": [1000, 500, 2000, 300],
        "status": ["analyzed", "analyzed", "analyzed", "skipped"],
    })
    rows = ([("a1", "kyiv_spelling", "kyiv")] * 2 + [("a1", "kyiv_spelling", "kiev")]
            + [("a2", "kyiv_spelling", "kyiv")] + [("b1", "kyiv_spelling", "kiev")] * 4
            + [("b1", "war_naming", "war")] + [("b2", "kyiv_spelling", "kyiv")] * 5)  # b2 skipped
    terms = pd.DataFrame(rows, columns=["article_id", "set", "variant"])
    table = naming_rates(terms, articles, by="outlet")
    assert list(table.columns) == ["outlet", "set", "variant", "n_articles", "n_words", "count",
                                   "n_articles_with", "rate_per_1000_words", "share_within_set"]
    got = {(r.outlet, r.variant): (r.count, r.n_articles_with, r.rate_per_1000_words, r.share_within_set)
           for r in table.itertuples()}
    expected = {
        ("A", "kiev"): (1, 1, 1 / 1500 * 1000, 0.25),
        ("A", "kyiv"): (3, 2, 2.0, 0.75),
        ("A", "war"): (0, 0, 0.0, math.nan),  # A never names the war: share undefined
        ("B", "kiev"): (4, 1, 2.0, 1.0),
        ("B", "kyiv"): (0, 0, 0.0, 0.0),
        ("B", "war"): (1, 1, 0.5, 1.0),
    }
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert got[key][:2] == values[:2], key
        assert got[key][2:] == pytest.approx(values[2:], nan_ok=True), key
    assert table["n_words"].tolist() == [1500] * 3 + [2000] * 3
    assert table["count"].dtype == "int64"


def test_naming_rates_lexicon_lists_unused_variants():
    articles = pd.DataFrame({"article_id": ["a1"], "outlet": ["A"], "n_words": [100],
                             "status": ["analyzed"]})
    terms = pd.DataFrame({"article_id": ["a1"], "set": ["kyiv_spelling"], "variant": ["kyiv"]})
    table = naming_rates(terms, articles, lexicon=Lexicon.default())
    lexicon_pairs = Lexicon.default().to_frame().query("kind == 'naming'")[["set", "variant"]]
    assert len(table) == len(lexicon_pairs.drop_duplicates())
    row = table[(table["set"] == "kyiv_spelling") & (table["variant"] == "kyiv")].iloc[0]
    assert (row["count"], row["rate_per_1000_words"], row["share_within_set"]) == (1, 10.0, 1.0)


def test_naming_rates_missing_columns():
    with pytest.raises(ValueError, match="articles lacks column"):
        naming_rates(pd.DataFrame(columns=["article_id", "set", "variant"]),
                     pd.DataFrame(columns=["article_id", "outlet"]))


# --------------------------------------------------------------------------- lexicon


def test_default_lexicon_sets():
    lexicon = Lexicon.default()
    for required in ("kyiv_spelling", "kharkiv_spelling", "donbas_spelling", "odesa_spelling",
                     "bakhmut_naming", "mykolaiv_spelling", "zaporizhzhia_spelling", "luhansk_spelling",
                     "war_naming", "government_naming", "combatants", "territorial_change",
                     "loaded_labels"):
        assert required in lexicon.sets
        assert lexicon[required].sources
    frame = lexicon.to_frame()
    assert list(frame.columns) == ["kind", "set", "variant", "pattern", "relational", "origin"]
    assert set(frame["kind"]) == {"naming", "exclude", "hedge", "vague_source", "scare_quote_cue"}


USER_SETS = """\
description: my sets
sets:
  - id: navalny_naming
    description: How the opposition leader is introduced.
    sources: [news style guides]
    variants:
      opposition_leader: [opposition leader]
      blogger: [~blogger]
"""


def test_user_set(tmp_path, nlp, mention_finder):
    path = tmp_path / "my_sets.yaml"
    path.write_text(USER_SETS, encoding="utf-8")
    alone = Lexicon.from_yaml(naming=path)
    assert alone.sets == ["navalny_naming"]
    combined = Lexicon.from_yaml(naming=[Lexicon.packaged("naming"), path])
    assert combined.sets[-1] == "navalny_naming" and "kyiv_spelling" in combined.sets
    finder = WordingFinder(combined, nlp)
    found = terms_of(finder, nlp, mention_finder,
                     "State television called the opposition leader a blogger, as bloggers in Kiev noted.",
                     {"navalny_naming", "kyiv_spelling"})
    assert [(s, v, surface) for s, v, surface, _ in found] == [
        ("navalny_naming", "opposition_leader", "opposition leader"),
        ("navalny_naming", "blogger", "blogger"),
        ("navalny_naming", "blogger", "bloggers"),
        ("kyiv_spelling", "kiev", "Kiev"),
    ]


def _set(body: str) -> str:
    return "sets:\n" + textwrap.indent(textwrap.dedent(body), "  ")


GOOD_SET = """\
- id: city
  description: d
  sources: [s]
  variants: {a: [Alpha], b: [Beta]}
"""

# name, naming file text, fragment of the error message
NAMING_ERRORS = [
    ("not yaml", "sets: [unclosed", "not valid YAML"),
    ("not a mapping", "- a\n- b\n", "expected a mapping"),
    ("no sets", "description: x\n", "'sets' must be a non-empty list"),
    ("unknown top key", "set: []\n", "unknown key(s) 'set'"),
    ("unknown set key", _set(GOOD_SET + "  varients: {}\n"), "set #1 ('city'): unknown key(s) 'varients'"),
    ("bad id", _set(GOOD_SET.replace("id: city", "id: City-Names")), "id 'City-Names' must match"),
    ("duplicate id", _set(GOOD_SET + GOOD_SET), "duplicate set id 'city'"),
    ("no sources", _set(GOOD_SET.replace("sources: [s]", "sources: []")), "sources: must not be empty"),
    ("no description", _set(GOOD_SET.replace("description: d", "description: ''")),
     "missing or empty 'description'"),
    ("one variant", _set(GOOD_SET.replace("b: [Beta]", "")), "at least two variant ids"),
    ("empty variant", _set(GOOD_SET.replace("[Beta]", "[]")), "variant 'b': must not be empty"),
    ("pattern in two variants", _set(GOOD_SET.replace("[Beta]", "[Alpha]")),
     "is also listed under variant 'a'"),
    ("gap at start", _set(GOOD_SET.replace("[Beta]", "['... Beta']")), "'...' must stand between"),
    ("bare tilde", _set(GOOD_SET.replace("[Beta]", "['~']")), "bad word '~'"),
    ("empty alternative", _set(GOOD_SET.replace("[Beta]", "['Beta||Gamma']")), "bad word"),
    ("relational unknown", _set(GOOD_SET + "  relational: [c]\n"), "relational lists unknown variant(s) 'c'"),
    ("not_bare unknown", _set(GOOD_SET + "  not_bare: [c]\n"), "not_bare lists unknown variant(s) 'c'"),
    ("unknown sense", _set(GOOD_SET + "  sense: soldiers\n"), "sense must be one of fighters, territory"),
    ("anchored unknown", _set(GOOD_SET + "  about: {actors: [russia], anchored: [c]}\n"),
     "anchored lists unknown variant(s) 'c'"),
    ("began not a year", _set(GOOD_SET + "  about: {actors: [russia], began: spring}\n"),
     "about: began: expected a four-digit year, got 'spring'"),
]


@pytest.mark.parametrize("name,text,message", NAMING_ERRORS, ids=[c[0] for c in NAMING_ERRORS])
def test_naming_validation(tmp_path, name, text, message):
    path = tmp_path / "bad_naming.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        Lexicon.from_yaml(naming=path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


FIGHTERS_SET = """\
- id: guards
  description: d
  sources: [s]
  variants: {guards: [~guard], defenders: [~defender]}
"""


@pytest.mark.parametrize("sense, expected", [(None, ["defenders", "defenders"]), ("fighters", ["defenders"])])
def test_a_user_set_opts_into_the_fighter_checks(tmp_path, nlp, sense, expected):
    """The fighter checks (here: a sports team's players) apply to a set of a user's own
    naming file that says ``sense: fighters``, and not to one that does not."""
    path = tmp_path / "guards.yaml"
    path.write_text(_set(FIGHTERS_SET + (f"  sense: {sense}\n" if sense else "")), encoding="utf-8")
    finder = WordingFinder(Lexicon.from_yaml(naming=path), nlp)
    doc = nlp("The Badgers' defenders held firm, and the city's defenders ran out of shells.")
    assert [t.surface for t in finder.terms(doc)] == expected


def test_duplicate_set_across_files(tmp_path):
    first, second = tmp_path / "one.yaml", tmp_path / "two.yaml"
    for path in (first, second):
        path.write_text(_set(GOOD_SET), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(f"{second}: set 'city' is already defined in {first}")):
        Lexicon.from_yaml(naming=[first, second])


def test_multi_token_alternative_fails_when_matchers_are_built(tmp_path, nlp):
    path = tmp_path / "alt.yaml"
    path.write_text(_set(GOOD_SET.replace("[Beta]", "['so-called|Beta']")), encoding="utf-8")
    lexicon = Lexicon.from_yaml(naming=path)
    with pytest.raises(ValueError, match=re.escape(f"{path}: set 'city', variant 'b'")):
        WordingFinder(lexicon, nlp)


DISTANCING = Lexicon.packaged("distancing").read_text(encoding="utf-8")

DISTANCING_ERRORS = [
    ("unknown key", DISTANCING + "\nhedges: {}\n", "unknown key(s) 'hedges'"),
    ("max words", DISTANCING.replace("max_words: 4", "max_words: 0"), "max_words must be a positive"),
    ("exact cue", DISTANCING.replace("reportedly: [reportedly]", "reportedly: ['=reportedly']"),
     "'=' has no meaning here"),
    ("no hedges", DISTANCING.replace("\nhedge:\n", "\nold_hedge:\n"), "unknown key(s) 'old_hedge'"),
]


@pytest.mark.parametrize("name,text,message", DISTANCING_ERRORS, ids=[c[0] for c in DISTANCING_ERRORS])
def test_distancing_validation(tmp_path, name, text, message):
    path = tmp_path / "bad_distancing.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        Lexicon.from_yaml(distancing=path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such lexicon file"):
        Lexicon.from_yaml(naming=tmp_path / "nope.yaml")


# --------------------------------------------------------------------------- evaluation against a gold set


def _write_terms_gold(root):
    """Two articles (a1: dev, b1: test, annotated as having no term) and a gold file with known outcomes."""
    texts = {"a1": "The Kiev regime deployed the troops. Russian forces advanced.",
             "b1": "The regime stayed silent."}
    write_corpus(root / "corpus", {("wire", a): ("2023-05-01", "A title", text) for a, text in texts.items()})

    def record(surface, set_id, variant, actor):
        start = texts["a1"].index(surface)
        return {"article_id": "a1", "start": start, "end": start + len(surface), "text": surface, "set": set_id,
                "variant": variant, "actor": actor, "split": "dev"}

    gold = [
        record("regime", "government_naming", "regime", "ukraine"),   # found, same actor
        record("regime", "loaded_labels", "regime", "ukraine"),       # found, same actor
        record("troops", "combatants", "troops", "ukraine"),          # found; a bare "the troops": no actor
        # "Russian forces" is left out of the gold on purpose: found, so an extra term
        {"article_id": "b1", "start": None, "end": None, "text": None, "set": None, "variant": None,
         "actor": None, "split": "test"},                             # annotated: no term; both regimes are extra
    ]
    path = root / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return path, root / "corpus"


def test_evaluate_terms_numbers(tmp_path, nlp):
    gold, corpus = _write_terms_gold(tmp_path)
    report = evaluate_terms(gold, corpus, nlp=nlp)
    assert report["articles"] == ["a1", "b1"] and report["n_gold"] == 3 and report["n_found"] == 6
    assert report["sets"] == ["combatants", "government_naming", "loaded_labels"]
    terms = {k: report["terms"][k] for k in ("precision", "recall", "tp", "n_pred", "n_gold")}
    assert terms == pytest.approx({"precision": 0.5, "recall": 1.0, "tp": 3, "n_pred": 6, "n_gold": 3})
    assert {s: (v["tp"], v["n_pred"], v["n_gold"]) for s, v in report["terms"]["per_set"].items()} == {
        "combatants": (1, 2, 1), "government_naming": (1, 2, 1), "loaded_labels": (1, 2, 1)}
    assert report["actor"] == {"n": 3, "accuracy": pytest.approx(2 / 3), "precision": 1.0,
                               "recall": pytest.approx(2 / 3), "n_right": 2, "n_given": 2, "n_gold_named": 3,
                               "found_none": 1, "wrong_actor": 0, "found_where_gold_has_none": 0}
    kinds = sorted((e["error"], e["variant"]) for e in report["errors"])
    assert kinds == [("actor", "troops"), ("not in gold", "forces"), ("not in gold", "regime"),
                     ("not in gold", "regime")]
    dev = evaluate_terms(gold, corpus, split="dev", nlp=nlp)
    assert dev["articles"] == ["a1"] and dev["terms"]["n_pred"] == 4


def test_evaluate_terms_bad_input(tmp_path, nlp):
    gold, corpus = _write_terms_gold(tmp_path)
    with pytest.raises(ValueError, match="split"):
        evaluate_terms(gold, corpus, split="train", nlp=nlp)
    with pytest.raises(FileNotFoundError, match="wording gold file"):
        evaluate_terms(tmp_path / "missing.jsonl", corpus, nlp=nlp)
    first = json.loads(gold.read_text().splitlines()[0])
    bad = tmp_path / "bad.jsonl"
    for change, message in (({"variant": "tyranny"}, "not a set and variant"), ({"text": "Kyiv"}, "in the corpus"),
                            ({"article_id": "zz"}, "not in the corpus")):
        bad.write_text(json.dumps({**first, **change}) + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            evaluate_terms(bad, corpus, nlp=nlp)


# ------------------------------------------------------- held-out US news (tests/data/us-news)

US_NEWS = "tests/data/us-news/wording"


def _surfaces(finder, mention_finder, nlp, text: str, set_id: str, *, coverage=None) -> list[str]:
    """The terms of one set in ``text``, with its mentions, as ``framing analyze`` finds them
    (``coverage``: the article's war coverage as its domain decides it)."""
    doc = nlp(text)
    return [t.surface for t in finder.terms(doc, mention_finder.find(doc), coverage=coverage) if t.set == set_id]


def _us_news() -> tuple:
    """The US-news wording gold file and its corpus."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / US_NEWS
    return root / "wording_gold.jsonl", root / "corpus"


def test_us_news_held_out_precision(nlp):
    """Precision on the held-out split of the constructed US-news set (round 17: four non-war
    articles, two of them naming the war or Russia's invasion in passing, and two war articles),
    as measured once with the rules frozen (docs/wording_gold.md, "US news"): war names 9 of 9
    (2 of them in the non-war articles), labels 11 of 11; the one term missed is "occupied
    territories" without an occupier named; the one label actor missed is "The aggressor" in a
    senator's quotation."""
    report = evaluate_terms(*_us_news(), split="test", nlp=nlp, actor_sets=["loaded_labels"])
    per_set = report["terms"]["per_set"]
    assert report["n_articles"] == 6
    assert (per_set["war_naming"]["tp"], per_set["war_naming"]["n_pred"], per_set["war_naming"]["n_gold"]) == (9, 9, 9)
    assert (per_set["loaded_labels"]["tp"], per_set["loaded_labels"]["n_pred"]) == (11, 11)
    assert (per_set["government_naming"]["tp"], per_set["government_naming"]["n_pred"]) == (11, 11)
    assert (per_set["combatants"]["tp"], per_set["combatants"]["n_pred"]) == (11, 11)
    assert report["terms"]["precision"] == pytest.approx(45 / 45, abs=0.01)
    assert report["terms"]["recall"] == pytest.approx(45 / 46, abs=0.01)
    # label actors: two of the three gold label actors are found, both right
    assert (report["actor"]["n_right"], report["actor"]["n_given"], report["actor"]["n_gold_named"]) == (2, 2, 3)


def test_us_news_dev_articles(nlp):
    """The hundred and two dev articles (rounds 1-16) on which the rules were developed, with the
    errors left listed in docs/wording_gold.md."""
    report = evaluate_terms(*_us_news(), split="dev", nlp=nlp)
    assert report["n_articles"] == 102
    assert (report["terms"]["tp"], report["terms"]["n_pred"], report["terms"]["n_gold"]) == (606, 635, 622)


def test_us_news_without_the_domain_model(nlp):
    """With ``domains=None`` war coverage is decided by the mentions alone, as before the
    domain model was read. On the round-17 held-out six it finds the same war names as with
    the domain model (9 of 9), and one more fighter word and one more territory word; on round 16
    it found the same war names as with the domain model (7 right of 8); on round 15 it found 6 of 7 (with the domain model 5 of
    5: it added the hospital story's bare "the war", and "a grasshopper invasion" in a co-op
    story the domain model reads as ``climate``); on round 14 it found 11 of 15, adding two bare
    names of the war in stories read as ``other`` and ``climate``; on rounds 12 and 13 it found
    the same as with the domain model; on round 11 it added one more; on round 10 it added "a
    tug-of-war between deans" and "the warring co-founders" in stories the domain model reads as
    ``other`` and ``climate``; on round 8 "a war of attrition" about a trial, and on round 5 "We
    are not at war" in an election-security story read as ``other``."""
    report = evaluate_terms(*_us_news(), split="test", nlp=nlp, domains=None)
    assert set(report["domains"].values()) == {None}
    war = report["terms"]["per_set"]["war_naming"]
    assert (war["tp"], war["n_pred"]) == (9, 9)


@pytest.mark.parametrize("coverage, expected", [
    (None, ["war", "war", "conflict"]),
    (True, ["war", "war", "conflict"]),
    (False, ["war"]),
])
def test_coverage_decided_outside_the_text(finder, mention_finder, nlp, coverage, expected):
    """An article that is not war coverage keeps only the war names anchored to the war."""
    doc = nlp("Russia's war in Ukraine raised fuel prices. The board called the budget fight a war, "
              "and the chairman said the conflict had doubled the agency's costs.")
    terms = finder.terms(doc, mention_finder.find(doc), coverage=coverage)
    assert [t.surface for t in terms if t.set == "war_naming"] == expected


@pytest.mark.parametrize("coverage", [None, True, False])
def test_a_war_headline_keeps_its_territory_word(finder, nlp, coverage):
    """A headline names neither side ("Europe hails liberation of Kherson", where the tagger
    calls Kherson a person): a place of the war anchors the word, and in a war article
    (coverage True) it counts anyway."""
    doc = nlp("Europe hails liberation of Kherson but warns of a hard winter ahead")
    assert [t.surface for t in finder.terms(doc, (), coverage=coverage) if t.set == "territorial_change"] \
        == ["liberation"]


def test_coverage_of_domain():
    from framing.wording import coverage_of_domain

    assert [coverage_of_domain(d) for d in ("war", "climate", "other", None)] == [True, False, False, None]


def test_wording_measure_reads_the_article_domain(nlp, mention_finder):
    """framing analyze gives the wording measure the article's domain through its Field."""
    from framing.measures import Field, get_measure

    measure = get_measure("wording")
    tool = WordingFinder(nlp=nlp)
    doc = nlp("Sanctions on Russia raised costs, and the conflict doubled them.")
    article = type("A", (), {"id": "a", "outlet": "o"})()

    def conflict(domain):
        field = Field(doc=doc, article=article, name="text", mentions=mention_finder.find(doc), domain=domain)
        return [t["surface"] for t in measure.field_rows(tool, field)["terms"] if t["set"] == "war_naming"]

    assert conflict("war") == ["conflict"] and conflict(None) == ["conflict"]
    assert conflict("other") == []


@pytest.mark.parametrize("text, expected", [
    # outside war coverage a territory word needs land changing hands
    ("Students occupied the library for two days.", []),
    ("The startup liberated its engineers from meetings.", []),
    ("Texas annexed the disputed land in 1845.", ["annexed"]),
    ("The Israeli occupation of the West Bank continued.", ["occupation"]),
    # in war coverage it counts as before
    ("Russia said its troops occupied the school in Kupiansk.", ["occupied"]),
])
def test_territory_words_outside_war_coverage(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "territorial_change") == expected


@pytest.mark.parametrize("text, expected", [
    ("The game lets players lead armies of orcs.", []),
    ("The museum shows Anglo-Saxon England in gold and ink.", []),
    ("Moscow's envoy blamed the Anglo-Saxons for the war in Ukraine.", ["Anglo-Saxons"]),
    ("Kyiv's soldiers call the Russian invaders orcs.", ["orcs"]),
    ("Pundits blamed the collective West.", ["collective West"]),
])
def test_labels_of_the_conflict_with_older_senses(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "loaded_labels") == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia shelled Ukraine. The conflict between the two wings of the caucus flared again.", []),
    ("Russia shelled Ukraine. A crisis within the coalition delayed the vote.", []),
    ("Russia shelled Ukraine. The conflict between the two countries entered its fourth year.", ["conflict"]),
])
def test_conflicts_inside_one_body(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming") == expected


@pytest.mark.parametrize("text, expected", [
    # a crisis or conflict at a site is another one, unless the site is the conflict's own
    ("Russia shelled Ukraine again. \"We have a crisis at our hospitals,\" the mayor of Dayton said.", []),
    ("Russia shelled Ukraine again. The conflict at the port authority delayed the vote.", []),
    ("Russia shelled Ukraine again. The crisis at the Zaporizhzhia plant deepened.", ["crisis"]),
    # calling something else a war is not naming the war
    ("Russia shelled Ukraine again. In the statehouse every committee hearing turns into a war.", []),
    ("Russia shelled Ukraine again. The school board meeting became a war.", []),
    ("Russia shelled Ukraine again. The standoff turned into a war within weeks.", ["war"]),
    ("Russia shelled Ukraine again. Russia's attack became a full-scale war.", ["war"]),
])
def test_war_terms_at_a_site_or_as_a_predicate(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming") == expected


@pytest.mark.parametrize("text, expected", [
    # a war between parties that are no states or sides is another conflict
    ("Russia shelled Ukraine again. The budget fight became a war between the mayor and the council.", []),
    ("Russia shelled Ukraine again. The conflict between dairy farmers and processors dragged on.", []),
    ("Russia shelled Ukraine again. The conflict between the two countries entered its fourth year.", ["conflict"]),
    ("Russia shelled Ukraine again. The war between the two sides has no end in sight.", ["war"]),
    ("The war between Russia and Ukraine entered its fourth year.", ["war"]),
    # a war word equated with another war names that war
    ("Russia shelled Ukraine again. \"A price war with Walmart,\" he said, \"is a war nobody wins.\"", []),
    ("Russia shelled Ukraine again. The civil war in the party became a war of all against all.", []),
    ("Russia's invasion is a war of aggression.", ["invasion", "war of aggression"]),
    ("Russia shelled Ukraine again. The invasion became a full-scale war.", ["invasion", "war"]),
    # "at war with" a party that is no state or side; an invasion of no land
    ("Russia shelled Ukraine again. \"We are at war with a landlord who ignores us,\" she said.", []),
    ("Russia shelled Ukraine again. The country has been at war with Russia since 2022.", ["war"]),
    ("Russia shelled Ukraine again. An invasion of beetles killed the elms.", []),
    ("Russia shelled Ukraine again. He called it an invasion of privacy.", []),
    ("Russia shelled Ukraine again. The invasion of the country began at dawn.", ["invasion"]),
    ("Russia shelled Ukraine again. The firm lost a bidding war for the mill.", []),
])
def test_wars_between_others_and_wars_equated_with_another(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming") == expected

@pytest.mark.parametrize("text, expected", [
    # a common noun that makes another kind of war wins over a mention of the war's side nearby
    ("Russia shelled Ukraine again. Congress faces a budget war over the spending bill, which "
     "includes $2 billion for Ukraine.", []),
    ("Russia shelled Ukraine again. Lawmakers are locked in a budget war over Ukraine aid.", []),
    ("Russia's price war with Saudi Arabia ended in April.", []),
    # sizes, times and ways of fighting do not make another war
    ("Russia's four-year war has killed tens of thousands.", ["war"]),
    ("Russia shelled Ukraine again. Russia's drone war against Ukraine goes on.", ["war"]),
    ("Russia shelled Ukraine again. Russia's full-scale war began in 2022.", ["war"]),
    # a mention inside a clause hanging in the phrase is not attached to the war word
    ("Russia shelled Ukraine again. The war over the aid package, which Ukraine needs, split the House.", []),
    ("Russia shelled Ukraine again. The war in Ukraine entered its fourth winter.", ["war"]),
    # a gerund classifies a war as another kind; a participle of how a war goes does not
    ("Russia shelled Ukraine again. The deal is the biggest yet in a streaming war that has left few "
     "services.", []),
    ("Russia shelled Ukraine again. The escalating war in Ukraine raised prices.", ["war"]),
    ("Russia shelled Ukraine again. The grinding war has killed thousands.", ["war"]),
    # an idiom of plural things after "of", and a noun the war word modifies that the parse missed
    ("Russia shelled Ukraine again. \"It was a war of nerves out there,\" the coach said.", []),
    ("Russia shelled Ukraine again. The fans, in blue and white war paint, marched to the stadium.", []),
    # a year in the war word's "of" phrase: from the conflict's start on, its own date; before it,
    # another war
    ("Russia shelled Ukraine again. The war of 2022 changed everything for Kyiv.", ["war"]),
    ("Russia shelled Ukraine again. Families fled after the full-scale invasion of February 2022.",
     ["full-scale invasion"]),
    ("Russia shelled Ukraine again. The invasion of 1968 crushed the Prague Spring.", []),
    ("Russia shelled Ukraine again. A war of aggression against Ukraine goes on.", ["war of aggression"]),
    # "a different kind of war" is another thing than a war; "on" with a place says where the war is
    ("Russia shelled Ukraine again. Back home, she fights a different kind of war, with paperwork.", []),
    ("Russia shelled Ukraine again. Voters asked why they should pay for a war on the other side of the "
     "world.", ["war"]),
    ("Russia shelled Ukraine again. The senator said the country was fighting a war on too many fronts.",
     []),
])
def test_other_kinds_of_war_and_clauses_inside_the_phrase(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming") == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised war word inside an institution's name is part of the name
    ("Russia shelled Ukraine again. Ukraine's Coordination Headquarters for the Treatment of Prisoners "
     "of War confirmed the swap.", []),
    ("Russia shelled Ukraine again, according to the Institute for the Study of War.", []),
    ("Russia shelled Ukraine again. The Department of War sent more shells.", []),
    # not in a sentence written in title case, where every word is capitalised
    ("Russia Shelled Ukraine Again. Ukraine Counts The Cost Of War", ["War"]),
])
def test_war_words_inside_an_institutions_name(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming") == expected


@pytest.mark.parametrize("coverage", [None, True])
@pytest.mark.parametrize("text, expected", [
    # a date before the war began, in the war word's own phrase, makes it another war, even
    # with one of the war's places attached
    ("Russia seized Crimea in 2014. The Allied invasion of Crimea in September 1854 was meant to "
     "take Sevastopol.", []),
    ("Russia shelled Ukraine again. The 1968 invasion of Czechoslovakia is remembered in Prague.", []),
    ("Russia shelled Ukraine again. \"We did not want to turn a 170-year-old war into a comment on the "
     "news,\" she said.", []),
    ("Russia shelled Ukraine again. The century-old conflict over the border flared again.", []),
    # a date of comparison, a date of this war, or a war of a few years stays this war
    ("Russia's invasion of Ukraine, the largest in Europe since 1945, goes on.", ["invasion"]),
    ("Russia's invasion of Crimea in 2014 came first.", ["invasion"]),
    ("Russia's four-year-old war has killed tens of thousands.", ["war"]),
    # adjectives of scholarship, offices and business make a figurative war
    ("Russia shelled Ukraine again. The portrait has been at the center of a scholarly war of "
     "attribution for two decades.", []),
    ("Russia shelled Ukraine again. A bureaucratic war over permits slowed the plant.", []),
])
def test_war_words_dated_before_the_war_or_of_another_field(finder, mention_finder, nlp, coverage, text,
                                                             expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming", coverage=coverage) == expected


@pytest.mark.parametrize("coverage", [None, True])
@pytest.mark.parametrize("text, expected", [
    # a bare "the war" takes up the war named last: another one named in full ...
    ("Russia shelled Ukraine again. The museum opened an exhibit of Korean War letters. The war began "
     "in June 1950, and the conflict settled into trench fighting.", []),
    ("Russia shelled Ukraine again. Her father flew helicopters in the Vietnam War. The war's "
     "veterans met on Monday.", []),
    ("Russia shelled Ukraine again. The British held the fort in the War of 1812. The war ended in "
     "1815.", []),
    # ... until a sentence comes back to this war's sides
    ("Russia shelled Ukraine again. Her father flew helicopters in the Vietnam War. That war shaped "
     "him. Ukrainian soldiers now train with his son. The war has lasted four years.", ["war"]),
    # with no other war named, or after a figurative one, it is this war; so is "this war" in a
    # speaker's words
    ("Russia shelled Ukraine again. The war has killed thousands.", ["war"]),
    ("Russia's war in Ukraine goes on. A turf war between the State Department and the Treasury "
     "slowed the talks. \"We need the tools to end this war,\" the minister said.", ["war", "war"]),
])
def test_a_bare_war_takes_up_the_war_named_last(finder, mention_finder, nlp, coverage, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming", coverage=coverage) == expected


STORM = ("Crews worked through the night to restore power after the storm. About 400,000 customers were "
         "still in the dark on Tuesday. Transformer prices have doubled since Russia's invasion of Ukraine, "
         "the utility said. \"It's a war out there,\" a foreman said. The conflict between the utility "
         "and the county over tree trimming goes back years.")
KHARKIV = ("The diner opened in 2017. Its owner left Kharkiv in 2015. When the invasion began, the diner raised "
           "money for hospitals in Ukraine. \"The war is always on the television here,\" she said. Her "
           "brother is one of the soldiers defending Kharkiv.")
WAR_NEWS = ("Russia fired 40 drones at Kyiv overnight. Ukraine's air force said it shot down 35. The war has "
            "emptied the city's east bank. Officials in Kyiv said the strikes hit two power plants.")


@pytest.mark.parametrize("text, expected", [
    # a body that names the war's sides or places in one sentence only is no war coverage, whatever
    # the article's domain: its war words count only with the war attached
    (STORM, ["invasion"]),
    # places of the war count as naming it ...
    (KHARKIV, ["invasion", "war"]),
    # ... and war news names its sides in sentence after sentence
    (WAR_NEWS, ["war"]),
    # a short field (a headline, a lede) is left to the article's domain
    ("Crews restore power as Russia's war lifts prices. \"It's a war out there,\" a foreman said.",
     ["war", "war"]),
])
def test_a_text_that_names_the_war_in_passing_is_no_war_coverage(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "war_naming", coverage=True) == expected


@pytest.mark.parametrize("text, expected", [
    # outside war coverage, a regime that nothing says is a state's is a coaching staff or a
    # company's managers; a named or placed one stays a government
    ("Players recruited under the previous regime said the coach had lost the locker room.", []),
    ("Under the new regime, managers must sign off on every refund.", []),
    ("The Assad regime fell in December.", ["regime"]),
    ("Iran's regime jailed another critic.", ["regime"]),
    ("After the coup in Niger, the new regime expelled French troops.", ["regime"]),
    # bare, "the regime" takes up one named before
    ("The regime collapsed within days.", ["regime"]),
])
def test_a_regime_of_no_state_outside_war_coverage(finder, mention_finder, nlp, text, expected):
    doc = nlp(text)
    terms = finder.terms(doc, mention_finder.find(doc), coverage=False)
    assert [t.surface for t in terms if t.set == "loaded_labels"] == expected
    assert [t.surface for t in terms if t.set == "government_naming"] == expected



@pytest.mark.parametrize("text, expected", [
    ("Critics say the sanctions regime against Moscow leaks.", []),
    ("The bill tightens the visa regime for students.", []),
    ("Under the new tax regime, farmers pay less.", []),
    ("The non-proliferation regime is under strain.", []),
    ("The Kremlin regime jailed another critic.", ["regime"]),
    ("The military regime in Minsk held a parade.", ["regime"]),
    ("The coach credits a summer conditioning regime.", []),
    # a common noun or gerund of what is regulated or done, not only the listed ones
    ("Critics say the chain's cost-cutting regime left one pharmacist per store.", []),
    ("The company's hiring regime favours friends.", []),
    ("A weekly cleaning regime keeps the wards safe.", []),
    # an "of" phrase of what is done names a practice; of a ruler or a people, a government
    ("The 14-year-old keeps a strict regime of 40 endgame drills a night.", []),
    ("Patients follow a regime of daily walks and low-salt meals.", []),
    ("The regime of Bashar al-Assad fell in December.", ["regime"]),
    ("The regime of the ayatollahs jailed another critic.", ["regime"]),
    # a ruling classifier or a name leaves it a government
    ("The Kim family regime tested another missile.", ["regime"]),
    ("The Assad regime fell in December.", ["regime"]),
])
def test_regime_as_a_system_of_rules_is_no_government(finder, nlp, text, expected):
    terms = finder.terms(nlp(text))
    assert [t.surface for t in terms if t.set == "government_naming"] == expected
    assert [t.surface for t in terms if t.set == "loaded_labels"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Moscow calls the government in Kyiv a neo-Nazi regime.", []),
    ("The nationalist government in Warsaw objected.", []),
    ("Moscow claims neo-Nazis fight in the east.", ["neo-Nazis"]),
    ("The senator, a staunch defender of free speech, objected.", []),
    ("She works as a public defender in Ohio.", []),
    ("The defenders of Mariupol held out for 86 days.", ["defenders"]),
    ("The defenders of the city ran out of shells.", ["defenders"]),
    # "join forces" is to team up, whoever does it
    ("Two unions joined forces to fight the plan.", []),
    ("The mayors are joining forces with the governor.", []),
    ("Ukraine and Poland will combine forces against smuggling.", []),
    ("Ukrainian forces joined the counter-offensive near Kupiansk.", ["forces"]),
    # a sports team's defenders are players
    ("The Badgers' defenders held Michigan to two field goals.", []),
    # idioms of other senses
    ("Volunteers were the foot soldiers of the recount.", []),
    ("A Girl Scout troop planted 300 oaks along the creek.", []),
    ("Cheap land and new roads were the forces behind the sprawl.", []),
    ("Drivers must pass a terrorist background check every five years.", []),
    ("Russian soldiers dug in near the river.", ["soldiers"]),
    ("The Rangers' defenders blocked 23 shots in the third period.", []),
    ("Ukraine's defenders held the line near Bakhmut.", ["defenders"]),
    ("The city's defenders ran out of shells.", ["defenders"]),
    ("The Ukrainians' defenders dug in along the river.", ["defenders"]),
    # outside war coverage, defenders of no place are advocates or players
    ("Its defenders say the case blamed pharmacists for the losses.", []),
    ("The merger's defenders pointed to lower prices.", []),
    ("The defenders of Kharkiv held the line.", ["defenders"]),
])
def test_fighter_words_in_other_senses(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "combatants") == expected


@pytest.mark.parametrize("text, expected", [
    # outside war coverage, a fighter word needs an actor, a people or something
    # military in its sentence: a coach's or a nurse manager's "troops" are their people
    ("\u201cI told my troops at halftime that nothing had changed,\u201d the coach said.", []),
    ("\u201cOur nurses have been the front-line troops all winter,\u201d the director said.", []),
    ("\u201cShe is a fighter,\u201d her coach said.", []),
    ("\u201cOur soldiers in Iraq came home sick,\u201d the veteran said.", ["soldiers"]),
    ("\u201cThe Army sent its troops home in May,\u201d she said.", ["troops"]),
    # outside quotations the same holds for words whose everyday sense is another ("rebels" in a
    # caucus, "soldiers" for loyal staff); "troops" and "terrorists" stay fighters there;
    # "rally the troops" is an idiom
    ("One of those rebels, Sen. Dana Whitlock of Pierce, said she would vote no.", []),
    ("Prosecutors described the managers as loyal soldiers who did what they were told.", []),
    ("A group of rebel shareholders wants to sell the chain.", []),
    ("American troops left the base in May.", ["troops"]),
    ("The shutdown would leave air traffic controllers and the troops working without pay.", ["troops"]),
    ("The sheriff said he would rally the troops at a roll call on Friday.", []),
])
def test_fighter_words_outside_war_coverage(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "combatants", coverage=False) == expected


@pytest.mark.parametrize("text, expected", [
    # the administration, government or leadership of a body that is no state, and experts
    ("The faculty senate voted to censure the university administration.", []),
    ("The student government passed a resolution against the cuts.", []),
    ("The dean said the college's leadership had looked at every option.", []),
    ("She is one of the leading authorities on tick-borne disease.", []),
    ("The Trump administration has not said whether it will object.", ["administration"]),
    ("Federal authorities opened an inquiry.", ["authorities"]),
    # the administration of a thing given or run is no government; of a place or a person, one
    ("Nurses oversaw the administration of the second dose.", []),
    ("Growers complain about the administration of the drought-relief program.", []),
    ("The administration of the occupied region ordered an evacuation.", ["administration"]),
    ("The administration of President Obama had imposed the first sanctions.", ["administration"]),
])
def test_government_words_of_bodies_that_are_no_state(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "government_naming") == expected


@pytest.mark.parametrize("text, expected", [
    # bare, "leadership" is a quality; with a determiner, possessor or modifier, a government
    ("The union called the turnover a crisis of leadership.", []),
    ("Voters said the state lacked leadership on housing.", []),
    ("The Kremlin leadership rejected the plan.", ["leadership"]),
    ("Russia's leadership rejected the plan.", ["leadership"]),
    ("Diplomats met the leadership in Kyiv on Monday.", ["leadership"]),
    ("The alliance is uncertain about its own leadership.", ["leadership"]),
])
def test_leadership_as_a_quality_is_no_government(finder, mention_finder, nlp, text, expected):
    assert _surfaces(finder, mention_finder, nlp, text, "government_naming") == expected


@pytest.mark.parametrize("coverage", [None, True])
@pytest.mark.parametrize("text, expected", [
    # in war coverage too, "crisis" names the war only with the war's side or place attached
    ("Russia shelled Ukraine again. \"That was a crisis,\" the owner said of the 2020 floods.", []),
    ("Russia shelled Ukraine again. Hospitals say they manage a crisis every week.", []),
    ("Russia shelled Ukraine again. The Ukraine crisis began in 2014.", ["crisis"]),
    ("Russia shelled Ukraine again. The crisis in Donbas deepened.", ["crisis"]),
    # other war names are unchanged
    ("Russia shelled Ukraine again. The war has displaced millions.", ["war"]),
])
def test_crisis_names_the_war_only_when_anchored(finder, mention_finder, nlp, coverage, text, expected):
    doc = nlp(text)
    terms = finder.terms(doc, mention_finder.find(doc), coverage=coverage)
    assert [t.surface for t in terms if t.set == "war_naming"] == expected
