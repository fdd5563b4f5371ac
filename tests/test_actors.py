"""Actor inventory and mention detection (framing.actors).

Every sentence here is written for the tests; none comes from a corpus.
"""

from __future__ import annotations

import json
import os
import textwrap
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from conftest import write_corpus
from framing._nlp import load_nlp
from framing.actors import (
    Actor,
    ActorInventory,
    Member,
    Mention,
    MentionFinder,
    evaluate_mentions,
    load_actors,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def inventory() -> ActorInventory:
    return load_actors()


@pytest.fixture(scope="module")
def finder(inventory, nlp) -> MentionFinder:
    return MentionFinder(inventory, nlp)


def found(finder, nlp, text, day=None):
    """(actor, via, surface) for every mention, in document order."""
    return [(m.actor, m.via, m.surface) for m in finder.find(nlp(text), date=day)]


# text -> expected mentions as (actor, via, surface), in order; date None unless given.
CASES = [
    # spellings and metonyms
    ("kiev", "Officials in Kiev denied the report.", None, [("ukraine", "name", "Kiev")]),
    ("kyiv", "Kyiv rejected the offer on Friday.", None, [("ukraine", "name", "Kyiv")]),
    ("kremlin", "The Kremlin declined to comment.", None, [("russia", "name", "Kremlin")]),
    ("capital metonym", "Moscow and Beijing signed a trade pact.", None,
     [("russia", "name", "Moscow"), ("china", "name", "Beijing")]),
    ("headline capitals", "KREMLIN DENIES TALKS WITH KYIV", None,
     [("russia", "name", "KREMLIN"), ("ukraine", "name", "KYIV")]),
    ("member surname", "Lavrov spoke to reporters after the meeting.", None,
     [("russia", "member", "Lavrov")]),
    ("member spelling variant", "Sergei Lavrov and Volodymyr Zelenskyy spoke by phone.", None,
     [("russia", "member", "Sergei Lavrov"), ("ukraine", "member", "Volodymyr Zelenskyy")]),
    ("member body", "The State Duma passed the bill on Tuesday.", None,
     [("russia", "member", "State Duma")]),
    # Washington
    ("washington government", "Washington has announced new sanctions.", None,
     [("united_states", "name", "Washington")]),
    ("washington state", "Wildfires spread across Washington state this summer.", None, []),
    ("washington newspaper", "The Washington Post published the leaked memo.", None, []),
    ("george washington", "A statue of George Washington was restored.", None, []),
    ("washington dc", "Protesters gathered in Washington, D.C. on Sunday.", None,
     [("united_states", "name", "Washington, D.C.")]),
    # datelines: where the story was filed, not an actor
    ("dateline with agency", "BRUSSELS (CPW) \u2014 European Union leaders granted Ukraine candidate status.", None,
     [("european_union", "name", "European Union"), ("ukraine", "name", "Ukraine")]),
    ("dateline with region", "KYIV, Ukraine (AP) \u2014 Russia fired missiles overnight.", None,
     [("russia", "name", "Russia")]),
    ("dateline plain", "WASHINGTON - The US pledged more aid.", None, [("united_states", "name", "US")]),
    ("capitals acronym is not a dateline", "NATO \u2014 the alliance \u2014 met in Vilnius.", None,
     [("nato", "name", "NATO"), ("nato", "anaphor", "the alliance")]),
    ("capitals headline is not a dateline", "UKRAINE WAR \u2014 LIVE UPDATES", None,
     [("ukraine", "name", "UKRAINE")]),
    ("dateline only at the start", "Talks resumed. MOSCOW (AP) \u2014 Moscow agreed.", None,
     [("russia", "name", "MOSCOW"), ("russia", "name", "Moscow")]),
    # case
    ("us pronoun", "Let us hope the talks resume, she told us.", None, []),
    ("US acronym", "The US pledged more aid.", None, [("united_states", "name", "US")]),
    ("russia in lower case", "Two days ago russia fired a missile.", None, [("russia", "name", "russia")]),
    ("uppercase acronyms", "The EU and the UK disagreed at the UN.", None,
     [("european_union", "name", "EU"), ("united_kingdom", "name", "UK"),
      ("united_nations", "name", "UN")]),
    ("house style", "Nato allies met in Brussels.", None,
     [("nato", "name", "Nato"), ("european_union", "name", "Brussels")]),
    # demonyms
    ("demonym adjective", "Russian forces shelled the town.", None,
     [("russia", "demonym", "Russian")]),
    ("demonym plural", "Ukrainians queued for water.", None,
     [("ukraine", "demonym", "Ukrainians")]),
    ("demonym coordination", "Russian and Ukrainian negotiators met in Istanbul.", None,
     [("russia", "demonym", "Russian"), ("ukraine", "demonym", "Ukrainian")]),
    ("demonym group noun", "The French objected to the plan.", None,
     [("france", "demonym", "French")]),
    ("demonym language", "She speaks Russian at home.", None, []),
    ("demonym single person", "A Russian was detained at the border.", None, []),
    ("demonym fixed phrase", "The Russian language is taught in the school.", None, []),
    ("European is not EU", "European leaders met in Vienna.", None, []),
    # hyphens and prefixes
    ("pro prefix", "Pro-Russian separatists seized the building.", None, []),
    ("anti prefix", "Anti-NATO protesters marched through the centre.", None, []),
    ("speaking suffix", "Many Russian-speaking residents stayed.", None, []),
    ("born suffix", "The Ukrainian-born artist moved abroad.", None, []),
    ("led compound", "The US-led coalition expanded.", None, [("united_states", "name", "US")]),
    ("fused token", "The U.S.-led coalition expanded.", None, [("united_states", "name", "U.S.")]),
    ("pair compound", "The Russia-Ukraine war entered a new phase.", None,
     [("russia", "name", "Russia"), ("ukraine", "name", "Ukraine")]),
    ("member compound", "NATO-member Poland sent tanks.", None, [("nato", "name", "NATO")]),
    ("hyphenated member name", "Linda Thomas-Greenfield addressed the council.", None,
     [("united_states", "member", "Linda Thomas-Greenfield")]),
    ("hyphenated member surname", "Thomas-Greenfield addressed the council.", None,
     [("united_states", "member", "Thomas-Greenfield")]),
    ("half a hyphenated surname", "Greenfield addressed the council.", None, []),
    ("member surname inside another surname", "Anna Smith-Lavrov addressed the council.", None, []),
    # one noun phrase, one mention per actor
    ("title and name", "Russian Foreign Minister Sergey Lavrov arrived in Ankara.", None,
     [("russia", "member", "Sergey Lavrov")]),
    ("possessive title", "Ukraine's President Volodymyr Zelensky addressed parliament.", None,
     [("ukraine", "member", "Volodymyr Zelensky")]),
    ("appositive", "Sergey Lavrov, Russia's foreign minister, said nothing.", None,
     [("russia", "member", "Sergey Lavrov")]),
    ("two actors in one phrase",
     "US Secretary of State Antony Blinken met Russian diplomats.", None,
     [("united_states", "member", "Antony Blinken"), ("russia", "demonym", "Russian")]),
    ("body with demonym", "The Russian Defence Ministry released a video.", None,
     [("russia", "demonym", "Russian")]),
    # longest match and geographic look-alikes
    ("longest match", "The Russian Federation and the collective West traded accusations.", None,
     [("russia", "name", "Russian Federation"), ("the_west", "name", "the collective West")]),
    ("west bank", "Settlers in the West Bank ignored the West.", None,
     [("the_west", "name", "the West")]),
    ("western europe", "Gas prices rose in Western Europe as Western governments met.", None,
     [("the_west", "demonym", "Western")]),
    ("minsk agreements", "The Minsk agreements collapsed in 2022.", None, []),
    ("republic of china", "The Republic of China and the People's Republic of China.", None,
     [("china", "name", "People's Republic of China")]),
    # anaphors
    ("anaphor before name", "The alliance will meet next week.", None, []),
    ("anaphor after name", "NATO leaders met in Vilnius, and the alliance promised more aid.", None,
     [("nato", "name", "NATO"), ("nato", "anaphor", "the alliance")]),
    ("shared anaphor, NATO latest", "The EU met after NATO did, and the bloc agreed.", None,
     [("european_union", "name", "EU"), ("nato", "name", "NATO"), ("nato", "anaphor", "the bloc")]),
    ("shared anaphor, EU latest", "NATO met before the EU did, and the bloc agreed.", None,
     [("nato", "name", "NATO"), ("european_union", "name", "EU"),
      ("european_union", "anaphor", "the bloc")]),
    ("anaphor at sentence start", "Stoltenberg spoke. The alliance then voted.", None,
     [("nato", "member", "Stoltenberg"), ("nato", "anaphor", "The alliance")]),
    # dated membership
    ("johnson in office", "Boris Johnson visited Kyiv.", date(2022, 4, 9),
     [("united_kingdom", "member", "Boris Johnson"), ("ukraine", "name", "Kyiv")]),
    ("johnson out of office", "Boris Johnson visited Kyiv.", date(2023, 6, 1),
     [("ukraine", "name", "Kyiv")]),
    ("no date counts all members", "Boris Johnson visited Kyiv.", None,
     [("united_kingdom", "member", "Boris Johnson"), ("ukraine", "name", "Kyiv")]),
    ("former title kept when out of office", "Then-UK Prime Minister Boris Johnson met Zelensky.",
     date(2024, 1, 10), [("united_kingdom", "name", "UK"), ("ukraine", "member", "Zelensky")]),
    ("handover day counts both", "Liz Truss succeeded Boris Johnson.", date(2022, 9, 6),
     [("united_kingdom", "member", "Liz Truss"), ("united_kingdom", "member", "Boris Johnson")]),
    ("second term", "Donald Trump spoke to Putin.", date(2023, 3, 1),
     [("russia", "member", "Putin")]),
    # ambiguous surnames
    ("ambiguous surname alone", "Johnson said the talks had failed.", None, []),
    ("ambiguous surname after full name",
     "Boris Johnson arrived. Johnson said the talks had failed.", None,
     [("united_kingdom", "member", "Boris Johnson"), ("united_kingdom", "member", "Johnson")]),
    ("ambiguous surname after title", "Prime Minister Johnson said the talks had failed.", None,
     [("united_kingdom", "member", "Johnson")]),
    ("ambiguous surname after titled surname", "Lord Cameron arrived, and Cameron spoke.",
     date(2024, 2, 1),
     [("united_kingdom", "member", "Cameron"), ("united_kingdom", "member", "Cameron")]),
    ("ambiguous place name", "The company moved to Austin last year.", None, []),
    ("same surname, other person", "Hunter Biden testified before the committee.", None, []),
    ("plain surname", "Biden and Scholz spoke on Monday.", None,
     [("united_states", "member", "Biden"), ("germany", "member", "Scholz")]),
]


@pytest.mark.parametrize(
    ("text", "day", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_mentions(finder, nlp, text, day, expected):
    assert found(finder, nlp, text, day) == expected


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_match_text(finder, nlp, text):
    doc = nlp(text)
    mentions = finder.find(doc)
    assert mentions == sorted(mentions, key=lambda m: (m.start, m.end))
    for m in mentions:
        assert isinstance(m, Mention)
        assert doc.text[m.start : m.end] == m.surface
        token_span = doc[m.token_start : m.token_end]
        assert token_span.start_char <= m.start < m.end <= token_span.end_char
        assert (m.member is not None) == (m.via == "member")


@pytest.mark.parametrize(
    ("text", "surface", "end"),
    [
        ("NATO's summit ended early.", "NATO", 4),
        ("NATO\u2019s summit ended early.", "NATO", 4),
        ("Russia's army regrouped.", "Russia", 6),
        ("The Kremlin\u2019s line did not change.", "Kremlin", 11),
    ],
)
def test_possessive_excluded_from_span(finder, nlp, text, surface, end):
    (mention,) = finder.find(nlp(text))
    assert (mention.surface, mention.end) == (surface, end)
    assert text[mention.end] in ("'", "\u2019")


def test_member_mention_names_the_member(finder, nlp):
    (mention,) = finder.find(nlp("Lavrov spoke to reporters."))
    assert (mention.actor, mention.via, mention.member) == ("russia", "member", "Sergey Lavrov")


def test_unparsed_doc_still_finds_names(finder, nlp):
    """A tokenized-only doc (no parser) gets names; syntax-based rules are skipped."""
    doc = nlp.make_doc("Kyiv and Moscow traded accusations.")
    assert [(m.actor, m.surface) for m in finder.find(doc)] == [
        ("ukraine", "Kyiv"),
        ("russia", "Moscow"),
    ]


def test_empty_doc(finder, nlp):
    assert finder.find(nlp("")) == []


# ---------------------------------------------------------------- the inventory


def test_default_inventory_has_the_study_actors(inventory):
    required = {"nato", "russia", "ukraine", "united_states", "european_union", "united_kingdom",
                "the_west", "china", "united_nations", "germany", "france", "belarus"}
    assert required <= set(inventory.ids)
    assert len(inventory) == len(inventory.ids) == len(list(inventory))
    assert inventory["united_states"].label == "United States"
    assert inventory["the_west"].kind == "collective"
    assert "Kiev" in inventory["ukraine"].names and "Kyiv" in inventory["ukraine"].names
    assert "the alliance" in inventory["nato"].anaphoric
    assert "European" not in inventory["european_union"].demonyms
    assert "nato" in inventory and "atlantis" not in inventory
    with pytest.raises(KeyError, match="atlantis"):
        inventory["atlantis"]


def test_default_inventory_terms(inventory):
    uk = {m.name: m for m in inventory["united_kingdom"].members}
    assert uk["Boris Johnson"].end == date(2022, 9, 6) and uk["Boris Johnson"].ambiguous
    assert (uk["Liz Truss"].end, uk["Rishi Sunak"].start) == (date(2022, 10, 25),) * 2
    assert uk["Keir Starmer"].start == date(2024, 7, 5) and uk["Keir Starmer"].end is None
    nato = {m.name: m for m in inventory["nato"].members}
    assert nato["Jens Stoltenberg"].end == nato["Mark Rutte"].start == date(2024, 10, 1)
    for actor in inventory:
        for member in actor.members:
            assert member.source, f"{actor.id}: {member.name} has no source"
            if member.start and member.end:
                assert member.start <= member.end


def test_load_actors_default_is_packaged_file(inventory):
    assert load_actors() is ActorInventory.default()
    from_path = load_actors(REPO / "framing" / "data" / "actors.yaml")
    assert from_path.ids == inventory.ids


def test_to_frame(inventory):
    frame = inventory.to_frame()
    assert list(frame.columns) == ["actor", "label", "kind", "via", "surface", "member", "role",
                                   "start", "end", "requires_context"]
    assert set(frame["via"]) == {"name", "anaphor", "demonym", "member"}
    assert frame["start"].dtype == "datetime64[ns]" and frame["requires_context"].dtype == bool
    row = frame[(frame["actor"] == "russia") & (frame["surface"] == "Lavrov")].iloc[0]
    assert (row["via"], row["member"], bool(row["requires_context"])) == (
        "member",
        "Sergey Lavrov",
        False,
    )
    johnson = frame[frame["surface"] == "Johnson"].iloc[0]
    assert bool(johnson["requires_context"]) and johnson["end"] == pd.Timestamp("2022-09-06")
    assert not frame.duplicated(["actor", "via", "surface", "member", "start"]).any()


@pytest.mark.parametrize(
    ("name", "on", "expected"),
    [
        ("Lavrov", None, "russia"),
        ("Sergei Lavrov", None, "russia"),
        ("sergey lavrov", None, "russia"),
        ("Lavrov's", None, "russia"),
        ("Russian Foreign Minister Sergey Lavrov", None, "russia"),
        ("Blinken", date(2024, 1, 23), "united_states"),
        ("Blinken", date(2025, 6, 1), None),
        ("Boris Johnson", date(2021, 5, 1), "united_kingdom"),
        ("Boris Johnson", date(2023, 5, 1), None),
        ("Johnson", None, None),  # ambiguous surname without a title
        ("Prime Minister Johnson", date(2021, 5, 1), "united_kingdom"),
        ("Trump", date(2019, 1, 1), "united_states"),
        ("Trump", date(2023, 1, 1), None),
        ("Trump", date(2025, 3, 1), "united_states"),
        ("Xi", None, "china"),
        ("Nobody Special", None, None),
    ],
)
def test_member_actor(inventory, name, on, expected):
    assert inventory.member_actor(name, on) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (None, True),
        (date(2022, 9, 5), False),
        (date(2022, 9, 6), True),  # bounds are inclusive
        (date(2022, 10, 25), True),
        (date(2022, 10, 26), False),
        (pd.Timestamp("2022-09-06 18:30"), True),
        (pd.NaT, True),
    ],
)
def test_member_active_on(day, expected):
    truss = Member("Liz Truss", start=date(2022, 9, 6), end=date(2022, 10, 25))
    assert truss.active_on(day) is expected


def test_member_short_forms_are_derived():
    assert Member("Sergey Lavrov", variants=("Sergei Lavrov",)).short == ("Lavrov",)
    assert Member("Lloyd J. Austin III").short == ("Austin",)
    assert Member("Xi Jinping", short=("Xi",)).short == ("Xi",)
    assert Member("State Duma", kind="body").short == ()
    assert Member("Boris Johnson", role="Prime Minister").titles == ("Prime Minister",)


# ------------------------------------------------------------- validation errors


def write(tmp_path, body: str) -> Path:
    path = tmp_path / "inventory.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


BAD_INVENTORIES = [
    (
        "duplicate id",
        """
        actors:
          - {id: russia, label: Russia, kind: state, names: [Russia]}
          - {id: russia, label: Russian Federation, kind: state, names: [Russian Federation]}
        """,
        r"actor #2 \('russia'\): duplicate actor id 'russia'",
    ),
    (
        "alias claimed by two actors",
        """
        actors:
          - {id: russia, label: Russia, kind: state, names: [Russia, Moscow]}
          - {id: moscow_city, label: Moscow city, kind: organisation, names: [Moscow]}
        """,
        r"actor #2 \('moscow_city'\): alias 'Moscow' \(name\) is already claimed by actor 'russia'",
    ),
    (
        "member surname claimed by two actors",
        """
        actors:
          - id: uk
            label: UK
            kind: state
            names: [UK]
            members: [{name: Boris Johnson}]
          - id: us
            label: US
            kind: state
            names: [US]
            members: [{name: Lyndon Johnson}]
        """,
        r"alias 'Johnson' \(short form of member 'Lyndon Johnson'\) is already claimed"
        r" by actor 'uk'",
    ),
    (
        "bad date",
        """
        actors:
          - id: uk
            label: UK
            kind: state
            names: [UK]
            members:
              - {name: Liz Truss, start: 2022-09-31}
        """,
        r"actor #1 \('uk'\), member #1 \('Liz Truss'\): start: bad date '2022-09-31'",
    ),
    (
        "start after end",
        """
        actors:
          - id: uk
            label: UK
            kind: state
            names: [UK]
            members:
              - {name: Liz Truss, start: 2022-10-25, end: 2022-09-06}
        """,
        r"member #1 \('Liz Truss'\): .*start 2022-10-25 is after end 2022-09-06",
    ),
    (
        "unknown actor key",
        """
        actors:
          - {id: nato, label: NATO, kind: alliance, nmes: [NATO]}
        """,
        r"actor #1 \('nato'\): unknown key\(s\) 'nmes'",
    ),
    (
        "unknown member key",
        """
        actors:
          - id: nato
            label: NATO
            kind: alliance
            names: [NATO]
            members: [{name: Mark Rutte, began: 2024-10-01}]
        """,
        r"member #1 \('Mark Rutte'\): unknown key\(s\) 'began'",
    ),
    (
        "missing label",
        """
        actors:
          - {id: nato, kind: alliance, names: [NATO]}
        """,
        r"actor #1 \('nato'\): missing or empty 'label'",
    ),
    (
        "bad id",
        """
        actors:
          - {id: North Atlantic, label: NATO, kind: alliance, names: [NATO]}
        """,
        r"id must match",
    ),
    (
        "no actors",
        """
        description: empty
        """,
        r"'actors' must be a non-empty list",
    ),
    (
        "broken yaml",
        """
        actors: [
        """,
        r"not valid YAML",
    ),
]


@pytest.mark.parametrize(
    ("body", "message"), [b[1:] for b in BAD_INVENTORIES], ids=[b[0] for b in BAD_INVENTORIES]
)
def test_invalid_inventory(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(ValueError, match=message) as info:
        ActorInventory.from_yaml(path)
    assert str(path) in str(info.value)  # the message names the file


def test_shared_anaphor_is_allowed(tmp_path):
    path = write(
        tmp_path,
        """
        actors:
          - {id: nato, label: NATO, kind: alliance, names: [NATO], anaphoric: [the bloc]}
          - {id: eu, label: EU, kind: bloc, names: [EU], anaphoric: [the bloc]}
        """,
    )
    assert ActorInventory.from_yaml(path).ids == ["nato", "eu"]


def test_inventory_built_in_code_is_validated():
    russia = Actor(id="russia", label="Russia", kind="state", names=("Russia",))
    with pytest.raises(ValueError, match="duplicate actor id 'russia'"):
        ActorInventory([russia, russia])


# -------------------------------------------------------- an inventory for another domain

US_POLITICS = """
    description: US party politics (test inventory)
    actors:
      - id: democrats
        label: Democratic Party
        kind: party
        names: [Democrats, Democratic Party]
        demonyms: [Democratic]
        members:
          - name: Chuck Schumer
            role: Senate Majority Leader
            start: 2021-01-20
            end: 2025-01-03
      - id: republicans
        label: Republican Party
        kind: party
        names: [Republicans, Republican Party, GOP]
        demonyms: [Republican]
        members:
          - name: Mitch McConnell
            role: Senate Minority Leader
"""


def test_inventory_for_another_domain(tmp_path, nlp):
    inventory = load_actors(write(tmp_path, US_POLITICS))
    assert inventory.ids == ["democrats", "republicans"]
    assert inventory["democrats"].kind == "party"
    finder = MentionFinder(inventory, nlp)
    text = "Republicans blocked the bill, and Schumer accused the GOP of stalling Democratic plans."
    assert found(finder, nlp, text, date(2023, 5, 2)) == [
        ("republicans", "name", "Republicans"),
        ("democrats", "member", "Schumer"),
        ("republicans", "name", "GOP"),
        ("democrats", "demonym", "Democratic"),
    ]
    assert ("democrats", "member", "Schumer") not in found(finder, nlp, text, date(2025, 6, 1))
    assert inventory.member_actor("McConnell") == "republicans"
    assert inventory.member_actor("Lavrov") is None


# ------------------------------------------------------------------ reference article


def test_seed_article(finder, nlp):
    """Smoke test on a real article; skipped where the shared data are absent."""
    data = Path(os.environ.get("FRAMING_SHARED_DATA", REPO.parent / "shared" / "data"))
    path = data / "seed-article.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found (set FRAMING_SHARED_DATA)")
    lines = path.read_text(encoding="utf-8").split("\n")
    title, body = lines[0], "\n".join(lines[1:]).strip()
    doc = nlp(f"{title}\n\n{body}")
    mentions = finder.find(doc, date=date(2024, 1, 23))
    actors = {m.actor for m in mentions}
    assert {"nato", "russia", "ukraine", "united_states", "united_kingdom", "the_west"} <= actors
    members = {(m.member, m.actor) for m in mentions if m.via == "member"}
    assert ("Sergey Lavrov", "russia") in members
    assert ("Antony Blinken", "united_states") in members
    assert ("Boris Johnson", "united_kingdom") not in members  # PM until 2022-09-06
    assert any(m.surface == "Kiev" and m.actor == "ukraine" for m in mentions)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.surface


# -- evaluation against a gold set --------------------------------------------------


def _write_mention_gold(root):
    """Two articles (a1: dev, b1: test) and a gold file with known outcomes."""
    texts = {
        "a1": ("2022-03-01", "Moscow hosted the talks. The Kremlin said the country would respond, and Lavrov agreed."),
        "b1": ("2023-05-01", "NATO met in Brussels. Officials in Kyiv were silent."),
    }
    write_corpus(root / "corpus", {("wire", a): (day, "A title", text) for a, (day, text) in texts.items()})

    def record(article_id, surface, actor, kind, place=False):
        start = texts[article_id][1].index(surface)
        return {"article_id": article_id, "start": start, "end": start + len(surface), "text": surface,
                "actor": actor, "kind": kind, "place": place, "split": "dev" if article_id == "a1" else "test"}

    gold = [
        record("a1", "Moscow", "russia", "metonym", place=True),   # found; a place: wrong for a reader
        record("a1", "Kremlin", "russia", "metonym"),               # found
        record("a1", "the country", "russia", "outside"),           # beyond the definition; not found
        record("a1", "Lavrov", "russia", "member"),                 # found
        record("b1", "NATO", "nato", "name"),                       # found
        record("b1", "Kyiv", "russia", "name"),                     # found as Ukraine: a miss and a wrong actor
    ]                                                               # Brussels is found but not in the gold
    path = root / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return path, root / "corpus"


def test_evaluate_mentions_numbers(tmp_path, nlp, inventory):
    gold, corpus = _write_mention_gold(tmp_path)
    report = evaluate_mentions(gold, corpus, nlp=nlp, inventory=inventory)
    assert report["articles"] == ["a1", "b1"] and report["n_gold"] == 6 and report["n_found"] == 6
    by_definition = {k: report["inventory"][k] for k in ("precision", "recall", "tp", "n_pred", "n_gold")}
    assert by_definition == pytest.approx({"precision": 4 / 6, "recall": 4 / 5, "tp": 4, "n_pred": 6, "n_gold": 5})
    by_reader = {k: report["reference"][k] for k in ("precision", "recall", "tp", "n_pred", "n_gold")}
    assert by_reader == pytest.approx({"precision": 3 / 6, "recall": 3 / 5, "tp": 3, "n_pred": 6, "n_gold": 5})
    assert report["reference"]["outside_recall"] == 0.0
    assert report["inventory"]["per_kind_recall"] == {"name": 0.5, "metonym": 1.0, "member": 1.0, "outside": 0.0}
    assert report["inventory"]["per_actor"]["ukraine"]["n_pred"] == 1
    assert report["inventory"]["per_actor"]["russia"]["recall"] == pytest.approx(3 / 4)
    assert report["wrong_actor"] == 1
    errors = {(e["error"], e["actor"]) for e in report["errors"]}
    assert errors == {("missed", "russia"), ("not in gold", "european_union"), ("not in gold", "ukraine")}
    assert sum(e["error"] == "missed" for e in report["errors"]) == 2
    assert "[the country]" in next(e["context"] for e in report["errors"] if e.get("kind") == "outside")


def test_evaluate_mentions_splits_and_bad_input(tmp_path, nlp, inventory):
    gold, corpus = _write_mention_gold(tmp_path)
    dev = evaluate_mentions(gold, corpus, split="dev", nlp=nlp, inventory=inventory)
    assert dev["articles"] == ["a1"] and dev["inventory"]["recall"] == 1.0
    with pytest.raises(ValueError, match="split"):
        evaluate_mentions(gold, corpus, split="train", nlp=nlp)
    with pytest.raises(FileNotFoundError, match="mention gold file"):
        evaluate_mentions(tmp_path / "missing.jsonl", corpus, nlp=nlp)
    records = [json.loads(line) for line in gold.read_text().splitlines()]
    for change, message in (({"kind": "alias"}, "unknown kind"), ({"text": "Kiev"}, "in the corpus, not"),
                            ({"article_id": "zz"}, "not in the corpus")):
        bad = tmp_path / "bad.jsonl"
        bad.write_text(json.dumps({**records[0], **change}) + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            evaluate_mentions(bad, corpus, nlp=nlp)
    del records[0]["place"]
    bad.write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing 'place'"):
        evaluate_mentions(bad, corpus, nlp=nlp)


# -- title-case headlines (rule 13) ------------------------------------------------
# The NER runs one person or organisation over a whole title-case run ("Biden Heading Back"),
# and the longer-name guards used to drop the actor inside it.
HEADLINES = [
    ("surname then verb", "Biden Heading Back To Delaware After Rally", date(2024, 3, 1),
     [("united_states", "member", "Biden")]),
    ("full name then verb", "Joe Biden Weighs Veto Of Border Bill", date(2024, 3, 1),
     [("united_states", "member", "Joe Biden")]),
    ("surname in an organisation run", "Trump Scolds G.O.P. Rebels On Spending", date(2025, 3, 1),
     [("united_states", "member", "Trump")]),
    ("surname then particle", "Zelensky Rules Out Ceasefire As Kremlin Stiffens Demands", date(2024, 3, 1),
     [("ukraine", "member", "Zelensky"), ("russia", "name", "Kremlin")]),
    ("metonym then verb", "Kremlin Brushes Off Sanctions As Beijing Looks On", None,
     [("russia", "name", "Kremlin"), ("china", "name", "Beijing")]),
    ("capitals headline", "PENTAGON DENIES REPORT OF NEW KYIV PACKAGE", None,
     [("united_states", "name", "PENTAGON"), ("ukraine", "name", "KYIV")]),
    ("name, verb, then a place name in one run", "Minsk Plots Border Provocation Against Lithuania, Officials Warn",
     None, [("belarus", "name", "Minsk")]),
    # still another person's or place's name
    ("other person in a headline", "Jack Washington Wins Mayoral Primary In Ohio", None, []),
    ("other first name in a headline", "Rosa Biden Opens Bakery In Scranton", date(2024, 3, 1), []),
    ("place name in a headline", "Voters In British Columbia Head To Polls", None, []),
    ("sentence-case line is not re-parsed", "Biden Pulling ahead, the poll says.", date(2024, 3, 1),
     [("united_states", "member", "Biden")]),
]


@pytest.mark.parametrize(("text", "day", "expected"), [c[1:] for c in HEADLINES], ids=[c[0] for c in HEADLINES])
def test_title_case_headlines(finder, nlp, text, day, expected):
    assert found(finder, nlp, text, day) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Biden Pulling Out Of Debate", True),
    ("Trump Taunts G.O.P. Holdouts", True),
    ("KREMLIN DENIES TALKS WITH KYIV", True),
    ("Zelensky Rules out Talks as Kremlin Hardens Terms", True),  # lower-case function words
    ("Biden meets Putin in Geneva", False),                        # sentence case
    ("President Biden Met Voters In Ohio.", False),                # a sentence with a full stop
    ("Biden Speaks", False),                                       # too short to tell
])
def test_is_title_case(line, expected):
    from framing.actors import _is_title_case

    assert _is_title_case(line) is expected


# -- heritage compounds (rule 14) ----------------------------------------------------
HERITAGE = [
    ("hyphen, fused", "The African-American community rallied in Atlanta.", None, []),
    ("hyphen, both demonyms", "Members of the Ukrainian-American caucus met the senator.", None, []),
    ("hyphen, plural", "Chinese-Americans in Seattle held a vigil on Sunday.", None, []),
    ("open compound, NORP", "Many Korean American grocers raised prices last month.", None, []),
    ("open compound, inventory demonym", "Ukrainian American donors filled the hall.", None, []),
    ("open, Asian", "Asian American voters leaned toward the incumbent.", None, []),
    # still the actors
    ("relation noun keeps the pair", "Russian-American relations worsened after the vote.", None,
     [("russia", "demonym", "Russian"), ("united_states", "demonym", "American")]),
    ("trade talks keep the pair", "Chinese-American trade talks resumed in Geneva.", None,
     [("china", "demonym", "Chinese"), ("united_states", "demonym", "American")]),
    ("plain demonym", "American voters are split on tariffs.", None, [("united_states", "demonym", "American")]),
    ("coordinated demonyms", "Chinese and American officials met in Geneva.", None,
     [("china", "demonym", "Chinese"), ("united_states", "demonym", "American")]),
    ("sentence start is not a heritage word", "Senior American officials flew to Kyiv.", None,
     [("united_states", "demonym", "American"), ("ukraine", "name", "Kyiv")]),
]


@pytest.mark.parametrize(("text", "day", "expected"), [c[1:] for c in HERITAGE], ids=[c[0] for c in HERITAGE])
def test_heritage_compounds(finder, nlp, text, day, expected):
    assert found(finder, nlp, text, day) == expected


# -- names of other things built on a place name (rules 3 and 15) ----------------------
OTHER_NAMES = [
    ("sports club", "The Washington Nationals lost again on Sunday.", None, []),
    ("newspaper", "The Washington Post reported the leak first.", None, []),
    ("street", "The diner on Washington Street closed early.", None, []),
    ("namesake town", "She grew up in Paris, Texas, before moving east.", None, []),
    ("namesake town, abbreviated state", "Students in Moscow, Idaho, held a vigil.", None, []),
    ("namesake town, province", "A plant in London, Ontario, will close.", None, []),
    ("private body named with a demonym", "A spokesman for the American Petroleum Institute objected.", None, []),
    ("airline named with a demonym", "British Airways cancelled its morning flights.", None, []),
    ("firm named after a member's surname", "The audit by the accounting firm Kessler Vance found gaps.",
     date(2026, 5, 1), []),
    # still the actors
    ("state body named with a demonym", "The Russian Defence Ministry said its forces advanced.", None,
     [("russia", "demonym", "Russian")]),
    ("army of the state", "The US Army sent engineers to the border.", None, [("united_states", "name", "US")]),
    ("press office title", "White House Press Secretary Karine Jean-Pierre took questions.", None,
     [("united_states", "name", "White House")]),
    ("capital and country", "In Berlin, Poland's president urged more aid.", None, [("germany", "name", "Berlin")]),
    ("body of the state named after a member", "The Biden Administration said it would appeal.", None,
     [("united_states", "member", "Biden")]),
    ("capital as place", "Traffic stopped on a Washington street during the summit.", None,
     [("united_states", "name", "Washington")]),
]


@pytest.mark.parametrize(("text", "day", "expected"), [c[1:] for c in OTHER_NAMES], ids=[c[0] for c in OTHER_NAMES])
def test_names_of_other_things(finder, nlp, text, day, expected):
    assert found(finder, nlp, text, day) == expected


def test_inventory_without_the_new_lists_keeps_the_old_behaviour(nlp):
    russia = Actor(id="russia", label="Russia", kind="state", names=("Moscow",), demonyms=("Russian",))
    usa = Actor(id="united_states", label="United States", kind="state", demonyms=("American",))
    plain = MentionFinder(ActorInventory([russia, usa]), nlp)
    assert [m.surface for m in plain.find(nlp("Members of the Russian-American club met."))] == ["Russian", "American"]
    assert [m.surface for m in plain.find(nlp("She lives in Moscow, Idaho."))] == ["Moscow"]


def test_evaluate_mentions_headlines(tmp_path, nlp, inventory):
    title, text = "Biden Heading Back To Delaware", "The White House said the trip was private."
    write_corpus(tmp_path / "corpus", {("wire", "h1"): ("2024-03-01", title, text)})
    records = [
        {"article_id": "h1", "start": 0, "end": 5, "text": "Biden", "actor": "united_states", "kind": "member",
         "place": False, "field": "title"},
        {"article_id": "h1", "start": 4, "end": 15, "text": "White House", "actor": "united_states",
         "kind": "name", "place": False},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = evaluate_mentions(gold, tmp_path / "corpus", nlp=nlp, inventory=inventory)
    assert report["headline"]["recall"] == 1.0 and report["headline"]["n_gold"] == 1
    assert report["inventory"]["tp"] == 2 and report["inventory"]["n_gold"] == 2
    gold.write_text(json.dumps({**records[0], "text": "Biden!"[:5].lower()}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="title"):
        evaluate_mentions(gold, tmp_path / "corpus", nlp=nlp, inventory=inventory)
    gold.write_text(json.dumps({**records[0], "field": "body"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown field"):
        evaluate_mentions(gold, tmp_path / "corpus", nlp=nlp, inventory=inventory)
    gold.write_text(json.dumps(records[1]) + "\n", encoding="utf-8")  # no title record: headlines not scored
    assert evaluate_mentions(gold, tmp_path / "corpus", nlp=nlp, inventory=inventory)["headline"] is None


US_NEWS = REPO / "tests" / "data" / "us-news" / "mentions"


def test_us_news_held_out_scores(nlp, inventory):
    """The held-out articles of the constructed US-news set (round 3, tests/data/us-news/README.md),
    written after the round-2 rules and scored once with them unchanged: every headline mention
    found, and the measured precision/recall (the extras: demonyms and names inside private
    bodies, "Advancing American Freedom", "the American Chamber of Commerce in China", "British
    Mercantile Bank"; the miss: "Foreign Ministry spokesperson Lin Jian")."""
    report = evaluate_mentions(US_NEWS / "mentions_gold.jsonl", US_NEWS / "corpus", split="test",
                               nlp=nlp, inventory=inventory)
    assert report["n_articles"] == 6
    assert report["headline"]["recall"] == 1.0 and report["headline"]["n_gold"] == 8
    assert (report["inventory"]["tp"], report["inventory"]["n_pred"], report["inventory"]["n_gold"]) == (74, 77, 75)
    assert report["inventory"]["precision"] == pytest.approx(0.961, abs=0.01)
    assert report["inventory"]["recall"] == pytest.approx(0.987, abs=0.01)
    assert report["reference"]["precision"] == pytest.approx(0.844, abs=0.01)
    assert report["reference"]["recall"] == pytest.approx(0.793, abs=0.01)
    assert report["wrong_actor"] == 0
