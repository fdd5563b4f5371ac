"""Behaviour of the packaged role and narrative models on hand-written war news.

The shape tests of ``test_roles.py`` and ``test_narratives.py`` show that the packaged models
answer; these show *what* they answer, on minimal pairs written for this file:

* roles (``framing/models/roles``): each scenario is one article with three slots, the
  aggressor (shells cities, invades, orders strikes), the victim (under attack, mourning its
  dead) and the mediator (brokers talks). Every assignment of Russia, Ukraine and Turkey to the
  slots is scored, so each name is in turn aggressor, victim and mediator of the *same* text: a
  comparison holds only if it holds for every name, and a model that reads the role from the
  name ("Russia" is always the antagonist) cannot pass. The score of a name in an article is the
  mean of its mentions' probabilities, as ``framing analyze`` reports it.
* narratives (``framing/models/narratives``): for each narrative of the URW taxonomy
  (``framing/data/narratives.yaml``) an article that carries it and a neutral report of the same
  event, sharing the title's event and the first sentence; a report that quotes a claim and
  rebuts it; two articles off the topic (a football match, a recipe).
* the documented cross-validated scores against the majority baselines, read from
  ``tests/data/pinned_scores.yaml`` (``test_pinned_scores.py`` ties them to the measurements).

The models are known to be weak (``docs/roles.md``, ``docs/narratives.md``). A behaviour a
model must have but the packaged one lacks is written as it should be and marked
``xfail(strict=True)`` with what was measured: the suite records the failure, and fails when a
better model passes, so the mark can be lifted.
"""

from __future__ import annotations

import itertools
import random
import re

import numpy as np
import pytest

from framing._nlp import load_nlp
from framing.narratives import OTHER, NarrativeTaxonomy, load_narrative_model
from framing.roles import FINE_ROLES, MAIN_ROLES, examples_from_doc, load_role_model
from pinned import load_pinned


def known_failure(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# =========================================================================== roles

ACTORS = ("Russia", "Ukraine", "Turkey")
SLOTS = ("aggressor", "victim", "mediator")

# One article per scenario; {aggressor}, {victim} and {mediator} are filled with every
# permutation of ACTORS.
SCENARIOS = {
    "shelling": (
        "{aggressor} shelled the border towns of {victim} overnight and ordered new missile strikes on its power "
        "stations. Officials in {victim} said dozens of civilians were killed and thousands fled. {victim} mourned "
        "the victims on Wednesday as rescuers searched the rubble. {mediator} offered to host talks and urged both "
        "sides to agree a ceasefire."),
    "invasion": (
        "{aggressor} invaded {victim} at dawn, sending tanks across the border and bombing airfields. Families in "
        "{victim} sheltered in basements as the attacks went on. {victim} buried its dead and appealed for help. "
        "Diplomats from {mediator} brokered a meeting between the two governments, hoping to end the fighting."),
    "ports": (
        "{aggressor} ordered drone strikes on the ports of {victim} and blockaded its grain ships. Sailors and dock "
        "workers in {victim} were wounded, and food prices soared. {victim} called the attack a crime against its "
        "people. {mediator} mediated a deal to reopen the shipping lanes and won praise for its patient diplomacy."),
}
EXPECTED_MAIN = {"aggressor": "Antagonist", "victim": "Innocent", "mediator": "Protagonist"}


def _mentions(text: str, name: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text)]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def role_model():
    return load_role_model()


@pytest.fixture(scope="module")
def role_articles(nlp):
    """[(scenario, {slot: actor}, doc, [(actor, slot, [examples of its mentions])])]."""
    out = []
    for scenario, template in SCENARIOS.items():
        for names in itertools.permutations(ACTORS):
            cast = dict(zip(SLOTS, names))
            text = template.format(**cast)
            doc = nlp(text)
            entities = [(actor, slot, examples_from_doc(doc, _mentions(text, actor))) for slot, actor in cast.items()]
            out.append((scenario, cast, doc, entities))
    return out


@pytest.fixture(scope="module")
def role_scores(role_model, role_articles):
    """(scenario, slot, actor) -> (mean main-role probabilities, mean fine-role probabilities),
    from one call of the packaged model over every mention of every article."""
    examples, keys = [], []
    for scenario, _, _, entities in role_articles:
        for actor, slot, found in entities:
            examples.extend(found)
            keys.extend([(scenario, slot, actor)] * len(found))
    main = role_model.predict_proba(examples)
    fine = role_model.predict_fine_proba(examples)
    out = {}
    for key in dict.fromkeys(keys):
        rows = [i for i, k in enumerate(keys) if k == key]
        out[key] = (main[rows].mean(axis=0), fine[rows].mean(axis=0))
    return out


def _compare(role_scores, scenario, column, high, low, score_of):
    """For every actor: its score as ``high`` in the scenario vs as ``low``; the failures."""
    failures = []
    for actor in ACTORS:
        a = score_of(role_scores[(scenario, high, actor)])
        b = score_of(role_scores[(scenario, low, actor)])
        if not a > b:
            failures.append(f"{actor}: p({column}) as {high} {a:.3f}, as {low} {b:.3f}")
    return failures


MAIN_PAIRS = [  # (role, slot where it should score higher, slot where it should score lower)
    ("Antagonist", "aggressor", "victim"),
    ("Antagonist", "aggressor", "mediator"),
    ("Innocent", "victim", "aggressor"),
    ("Innocent", "victim", "mediator"),
    ("Protagonist", "mediator", "aggressor"),
    ("Protagonist", "mediator", "victim"),
]
MAIN_FAILURES = {
    ("ports", "Antagonist", "aggressor", "mediator"):
        "p(Antagonist) as aggressor vs as mediator: Ukraine 0.357 vs 0.370",
}


def _cases(pairs, failures):
    """One case per scenario and (role, high slot, low slot); a known failure is marked."""
    for scenario in SCENARIOS:
        for role, high, low in pairs:
            reason = failures.get((scenario, role, high, low))
            yield pytest.param(scenario, role, high, low, id=f"{scenario}-{role}-{high}>{low}",
                               marks=[known_failure(reason)] if reason else [])


@pytest.mark.parametrize("scenario, role, high, low", list(_cases(MAIN_PAIRS, MAIN_FAILURES)))
def test_main_role_probability_follows_the_role_in_the_text(role_scores, scenario, role, high, low):
    """The same name scores higher on a role in the slot of the text that casts it so."""
    column = MAIN_ROLES.index(role)
    failures = _compare(role_scores, scenario, role, high, low, lambda s: s[0][column])
    assert not failures, "; ".join(failures)


FINE_PAIRS = [
    ("Instigator", "aggressor", "victim"),
    ("Victim", "victim", "aggressor"),
    ("Peacemaker", "mediator", "aggressor"),
]
FINE_FAILURES: dict = {}


@pytest.mark.parametrize("scenario, role, high, low", list(_cases(FINE_PAIRS, FINE_FAILURES)))
def test_fine_role_probability_follows_the_role_in_the_text(role_model, role_scores, scenario, role, high, low):
    column = list(role_model.fine_roles_).index(role)
    failures = _compare(role_scores, scenario, role, high, low, lambda s: s[1][column])
    assert not failures, "; ".join(failures)


PREDICTED_FAILURES = {  # the names that fail; the entity's identity outweighs the text
    ("shelling", "aggressor"): "aggressor -> Ukraine: Innocent",
    ("shelling", "victim"): "victim -> Russia: Antagonist, Turkey: Antagonist",
    ("shelling", "mediator"): "mediator -> Russia: Antagonist, Ukraine: Innocent, Turkey: Antagonist",
    ("invasion", "aggressor"): "aggressor -> Ukraine: Innocent",
    ("invasion", "victim"): "victim -> Russia: Antagonist, Turkey: Antagonist",
    ("invasion", "mediator"): "mediator -> Russia: Antagonist, Ukraine: Innocent, Turkey: Antagonist",
    ("ports", "aggressor"): "aggressor -> Ukraine: Innocent",
    ("ports", "victim"): "victim -> Russia: Antagonist, Turkey: Antagonist",
    ("ports", "mediator"): "mediator -> Turkey: Antagonist",
}


def _predicted_cases():
    for scenario in SCENARIOS:
        for slot in SLOTS:
            reason = PREDICTED_FAILURES.get((scenario, slot))
            yield pytest.param(scenario, slot, id=f"{scenario}-{slot}",
                               marks=[known_failure(reason)] if reason else [])


@pytest.mark.parametrize("scenario, slot", list(_predicted_cases()))
def test_most_probable_main_role_is_the_role_in_the_text(role_scores, scenario, slot):
    """Aggressor -> Antagonist, victim -> Innocent, mediator -> Protagonist, for every name."""
    wrong = {actor: {role: round(float(p), 3) for role, p in zip(MAIN_ROLES, role_scores[(scenario, slot, actor)][0])}
             for actor in ACTORS
             if MAIN_ROLES[int(np.argmax(role_scores[(scenario, slot, actor)][0]))] != EXPECTED_MAIN[slot]}
    assert not wrong, f"expected {EXPECTED_MAIN[slot]}; got {wrong}"


def test_predicted_fine_roles_sit_under_the_predicted_main_role(role_model, role_articles):
    examples = [ex for _, _, _, entities in role_articles for _, _, found in entities for ex in found]
    main = role_model.predict_proba(examples)
    fine = role_model.predict_fine_proba(examples)
    fine_roles = list(role_model.fine_roles_)
    for (role, fines), p, f in zip(role_model.predict(examples), main, fine):
        assert role == MAIN_ROLES[int(np.argmax(p))]
        assert fines and set(fines) <= set(FINE_ROLES[role])
        # p(fine) = p(main) x p(fine | main): never above its main role's probability
        for j, name in enumerate(fine_roles):
            parent = next(m for m in MAIN_ROLES if name in FINE_ROLES[m])
            assert f[j] <= p[MAIN_ROLES.index(parent)] + 1e-12
        # the predicted children are the best scored children of the predicted main role
        children = [fine_roles.index(name) for name in FINE_ROLES[role]]
        best = fine_roles[max(children, key=lambda j: f[j])]
        assert best in fines


def test_role_probabilities_are_deterministic_and_order_invariant(role_model, role_articles, nlp):
    examples = [ex for _, _, _, entities in role_articles for _, _, found in entities for ex in found]
    reference = role_model.predict_proba(examples)
    np.testing.assert_array_equal(role_model.predict_proba(list(examples)), reference)
    order = list(range(len(examples)))
    random.Random(0).shuffle(order)
    np.testing.assert_allclose(role_model.predict_proba([examples[i] for i in order]), reference[order], atol=1e-6)
    # one article at a time gives what the batch gives: a mention's score does not depend on
    # the other articles of the call
    start = 0
    for _, _, _, entities in role_articles[:4]:
        found = [ex for _, _, mentions in entities for ex in mentions]
        np.testing.assert_allclose(role_model.predict_proba(found), reference[start:start + len(found)], atol=1e-6)
        start += len(found)
    # a fresh parse of the same text gives the same scores
    _, cast, doc, entities = role_articles[0]
    again = nlp(doc.text)
    spans = [(ex.start, ex.end) for _, _, found in entities for ex in found]
    np.testing.assert_allclose(role_model.predict_proba(examples_from_doc(again, spans)),
                               role_model.predict_proba([ex for _, _, found in entities for ex in found]), atol=1e-6)


# =========================================================================== narratives

# For each narrative: (an article carrying it, a neutral report of the same event).
NARRATIVE_PAIRS = {
    "URW: Amplifying war-related fears": (
        "Missile test raises alarm across Europe\n\n"
        "Russia test-fired a new long-range missile on Tuesday. Commentators warned that the world now stands on the "
        "brink of nuclear war: one miscalculation could trigger a third world war, and nuclear warheads could fall on "
        "Warsaw, Berlin or London within minutes. If the West keeps sending weapons, they wrote, a nuclear "
        "catastrophe is only a matter of time.",
        "Missile test reported in Russia\n\n"
        "Russia test-fired a new long-range missile on Tuesday. The defence ministry said the launch had been planned "
        "for months and that neighbouring states were notified in advance under existing agreements. The missile "
        "landed in a test range in the far east of the country, and the ministry published a short video of the "
        "launch."),
    "URW: Blaming the war on others rather than the invader": (
        "Who started the war\n\n"
        "Diplomats met in Vienna on Wednesday to discuss the conflict. The West provoked this war: by expanding NATO "
        "eastward and arming Kyiv for years, Washington forced Moscow's hand, and Ukraine itself shelled the people "
        "of Donbas long before Russian troops crossed the border. The true aggressors are in Kyiv and in Washington, "
        "not in Moscow.",
        "Diplomats meet in Vienna\n\n"
        "Diplomats met in Vienna on Wednesday to discuss the conflict. The meeting took place at the headquarters of "
        "an international organisation and lasted three hours. Participants discussed the safety of nuclear power "
        "plants and the exchange of prisoners, and agreed to meet again next month."),
    "URW: Discrediting Ukraine": (
        "A state run from abroad\n\n"
        "The parliament in Kyiv passed a new budget on Tuesday. Ukraine's government is corrupt and incompetent, a "
        "puppet that takes its orders from Washington, and its officials steal the aid that the West sends. The "
        "country's army is badly led and throws its soldiers into pointless deaths, and the state itself is a "
        "failing, hopeless project.",
        "Ukrainian parliament passes budget\n\n"
        "The parliament in Kyiv passed a new budget on Tuesday. The budget raises spending on schools and hospitals "
        "and sets aside funds for rebuilding damaged bridges. It was approved by a large majority after two days of "
        "debate, and it now goes to the president for signature."),
    "URW: Discrediting the West, Diplomacy": (
        "EU summit ends in quarrel over Ukraine aid\n\n"
        "European leaders met in Brussels on Thursday to discuss a new aid package for Ukraine. The meeting showed "
        "once again how divided and weak the West has become: member states quarrelled for hours, accused each other "
        "of hypocrisy, and left with nothing. Western diplomacy is a farce, and its peace initiatives are empty words "
        "that nobody believes any more.",
        "EU summit discusses Ukraine aid\n\n"
        "European leaders met in Brussels on Thursday to discuss a new aid package for Ukraine. The meeting lasted "
        "six hours. Ministers reviewed the budget, agreed on a timetable for the next steps, and asked the commission "
        "to prepare a detailed proposal for their meeting in March. A final decision is expected in spring."),
    "URW: Distrust towards Media": (
        "What the evening news did not show\n\n"
        "Television channels reported on Monday that a town in the east had been shelled. But the footage was "
        "staged, and the mainstream media once again served as a propaganda machine: they censor every inconvenient "
        "fact, repeat government lies and hide the truth about the war from their audiences. Nothing these outlets "
        "say can be trusted.",
        "Town in the east shelled, officials say\n\n"
        "Television channels reported on Monday that a town in the east had been shelled. Local officials said two "
        "buildings were damaged and that emergency crews worked through the night. Reporters who visited the town in "
        "the morning spoke with residents, who described the explosions and showed the damage to their homes."),
    "URW: Hidden plots by secret schemes of powerful groups": (
        "Who really profits from this war\n\n"
        "Officials in Kyiv opened a new laboratory on Monday. Behind the war stand the secret schemes of a powerful "
        "global elite: shadowy financiers and intelligence services run hidden biolabs, plan covert operations and "
        "steer governments like puppets. The public is never told who pulls the strings, and the plan was drawn up "
        "long before the first shot was fired.",
        "New laboratory opens in Kyiv\n\n"
        "Officials in Kyiv opened a new laboratory on Monday. The laboratory will test drinking water and food "
        "samples for the city's health service and employs thirty staff. It was funded by the city budget and a loan "
        "from a development bank, and its director said the first results would be published in the autumn."),
    "URW: Negative Consequences for the West": (
        "Sanctions are ruining Europe's households\n\n"
        "Europe agreed a new package of sanctions against Russia on Friday. The sanctions are backfiring: energy "
        "bills in Germany and France have doubled, factories are closing, inflation is eating up wages, and families "
        "cannot heat their homes. The war and the endless aid to Ukraine are pushing Western economies into "
        "recession, and ordinary citizens pay the price.",
        "EU agrees new sanctions package\n\n"
        "Europe agreed a new package of sanctions against Russia on Friday. The measures add forty companies to the "
        "list of restricted firms and extend an existing ban on some exports. They take effect next month, after "
        "publication in the official journal, and will be reviewed by the member states in six months."),
    "URW: Overpraising the West": (
        "The free world stands united\n\n"
        "Western leaders gathered in Vilnius on Tuesday. History will remember that the West chose freedom: united, "
        "principled and unbeatable, it defends democracy against tyranny, and almost every nation on earth stands "
        "with it while Russia is left alone. NATO's strength will soon bring the Kremlin to its knees.",
        "Leaders gather in Vilnius\n\n"
        "Western leaders gathered in Vilnius on Tuesday. The two-day meeting began with a working dinner, and a joint "
        "statement is expected on Wednesday afternoon. Security in the city centre was tightened, and several "
        "streets were closed. Journalists were given access to a press centre near the venue."),
    "URW: Praise of Russia": (
        "A strong country with a wise leader\n\n"
        "President Putin addressed the nation on Wednesday. Under his wise and far-sighted leadership Russia has "
        "grown stronger than ever: its economy has shrugged off every sanction, its modern army is the most powerful "
        "in Europe, and people across the world admire its resolve. Its neighbours know that Moscow keeps the peace "
        "in the region.",
        "Putin gives annual address\n\n"
        "President Putin addressed the nation on Wednesday. The speech lasted about an hour and covered the budget, "
        "pensions, road building and the situation in the regions. Several ministers attended, and the text was "
        "published on the Kremlin website in the afternoon. Opposition politicians were not invited to comment."),
    "URW: Russia is the Victim": (
        "Russia had no choice\n\n"
        "Moscow marked another anniversary of the operation on Thursday. Russia only defended itself: for years NATO "
        "pushed toward its borders and threatened its security, and the West answered with hatred of everything "
        "Russian, banning its artists, seizing its property and cancelling its culture. Russia is the injured party "
        "in this conflict.",
        "Anniversary marked in Moscow\n\n"
        "Moscow marked another anniversary of the operation on Thursday. Flowers were laid at a memorial in the city "
        "centre, and a concert was held in a park in the evening. The mayor's office said streets near the square "
        "would be closed to traffic for several hours. The weather was cold and clear."),
    "URW: Speculating war outcomes": (
        "Russian front is crumbling\n\n"
        "Fighting continued near the eastern front line on Saturday. The Russian army is collapsing: its units "
        "suffer catastrophic losses, soldiers desert in large numbers, and ammunition is running out. Within months, "
        "analysts predict, Russia will be driven out of all the territories it occupies, and the war will end in its "
        "defeat.",
        "Fighting continues in the east\n\n"
        "Fighting continued near the eastern front line on Saturday. The general staff said its units repelled "
        "several attacks near two villages and that artillery exchanges went on through the night. The reports could "
        "not be independently verified. Civilians in the area were advised to stay in shelters."),
}

# A claim of the narrative reported at a distance and rebutted: the article does not carry it.
REPORTED_CLAIMS = {
    "URW: Russia is the Victim": (
        "Kremlin repeats its account of the war\n\n"
        "Moscow marked another anniversary of the operation on Thursday. In a speech, the Kremlin's spokesman claimed "
        "that Russia had only defended itself, that NATO had threatened its security for years and that the West "
        "hated everything Russian. Western governments rejected the claim, and historians interviewed for this "
        "report said it did not match the record."),
    "URW: Blaming the war on others rather than the invader": (
        "Moscow blames the West, diplomats reject it\n\n"
        "Diplomats met in Vienna on Wednesday to discuss the conflict. The Russian delegation argued that NATO "
        "expansion and Western arms had provoked the war and that Ukraine had attacked Donbas first. Most delegations "
        "rejected that account and restated that Russia had invaded its neighbour without provocation."),
    "URW: Praise of Russia": (
        "State television praises the president\n\n"
        "President Putin addressed the nation on Wednesday. State television presenters called him a wise leader and "
        "described the army as the strongest in Europe. Independent economists noted that growth had slowed and that "
        "the army had suffered heavy losses; the address did not mention either."),
}

OFF_TOPIC = {
    "football": (
        "United beat City 2-1 in a lively derby\n\n"
        "United came from behind to beat City 2-1 on Sunday afternoon. City took the lead after twenty minutes with a "
        "header from a corner, but United equalised just before half-time through a low shot from the edge of the "
        "box. The winner came in the eighty-fifth minute, when the substitute striker curled the ball into the top "
        "corner. The result lifts United to third place in the table, two points behind the leaders."),
    "recipe": (
        "Lemon and thyme roast chicken\n\n"
        "Heat the oven to 200 degrees. Rub the chicken with olive oil, salt and pepper, and push a halved lemon and a "
        "few sprigs of thyme into the cavity. Roast for about an hour and a quarter, basting twice, until the juices "
        "run clear. Let the bird rest for ten minutes before carving, and serve with roast potatoes and green beans."),
}


@pytest.fixture(scope="module")
def narrative_model():
    return load_narrative_model()


@pytest.fixture(scope="module")
def narrative_texts():
    texts = [text for pair in NARRATIVE_PAIRS.values() for text in pair]
    return texts + list(REPORTED_CLAIMS.values()) + list(OFF_TOPIC.values())


@pytest.fixture(scope="module")
def narrative_scores(narrative_model, narrative_texts):
    """text -> (narrative scores, predicted narratives), from one call per method."""
    proba = narrative_model.predict_proba(narrative_texts)
    predicted = narrative_model.predict(narrative_texts)
    return {text: (p, top) for text, p, (top, _) in zip(narrative_texts, proba, predicted)}


def test_the_pairs_cover_every_narrative_of_the_packaged_model(narrative_model):
    taxonomy = NarrativeTaxonomy.default().restrict("URW")
    assert set(NARRATIVE_PAIRS) == set(taxonomy.narratives) - {OTHER} == set(narrative_model.narratives_) - {OTHER}
    assert set(REPORTED_CLAIMS) <= set(NARRATIVE_PAIRS)
    for narrative, (carried, neutral) in NARRATIVE_PAIRS.items():  # a minimal pair: the same event
        assert carried.split("\n\n")[1].split(". ")[0] == neutral.split("\n\n")[1].split(". ")[0], narrative


def _score(narrative_model, narrative_scores, text, label):
    return float(narrative_scores[text][0][narrative_model.narratives_.index(label)])


HIGHER_FAILURES = {
    "URW: Hidden plots by secret schemes of powerful groups": "carried 0.068 vs neutral report 0.080",
}
BEST_FAILURES = {
    "URW: Blaming the war on others rather than the invader": "own 0.117; best: Amplifying war-related fears 0.194",
    "URW: Discrediting Ukraine": "own 0.117; best: Discrediting the West, Diplomacy 0.175",
    "URW: Hidden plots by secret schemes of powerful groups": "own 0.068; best: Discrediting the West 0.085",
    "URW: Negative Consequences for the West": "own 0.100; best: Discrediting the West 0.290",
    "URW: Overpraising the West": "own 0.051; best: Discrediting the West 0.306",
    "URW: Praise of Russia": "own 0.081; best: Discrediting the West 0.111",
    "URW: Russia is the Victim": "own 0.093; best: Discrediting the West 0.233",
}


@pytest.mark.parametrize("narrative", [
    pytest.param(n, marks=[known_failure(HIGHER_FAILURES[n])] if n in HIGHER_FAILURES else [])
    for n in NARRATIVE_PAIRS])
def test_narrative_scores_higher_in_the_article_that_carries_it(narrative_model, narrative_scores, narrative):
    carried, neutral = NARRATIVE_PAIRS[narrative]
    assert (_score(narrative_model, narrative_scores, carried, narrative)
            > _score(narrative_model, narrative_scores, neutral, narrative))


@pytest.mark.parametrize("narrative", [
    pytest.param(n, marks=[known_failure(BEST_FAILURES[n])] if n in BEST_FAILURES else [])
    for n in NARRATIVE_PAIRS])
def test_carried_narrative_is_the_best_scoring_narrative(narrative_model, narrative_scores, narrative):
    scores = narrative_scores[NARRATIVE_PAIRS[narrative][0]][0]
    assert narrative_model.narratives_[1 + int(np.argmax(scores[1:]))] == narrative


# Measured with the packaged lexical model (narratives-tfidf-1): words, not claims, decide.
CARRIED_FAILURES = {
    "URW: Hidden plots by secret schemes of powerful groups": "labelled Other",
    "URW: Negative Consequences for the West": "labelled Other",
    "URW: Overpraising the West": "labelled Discrediting the West, Diplomacy only",
    "URW: Praise of Russia": "labelled Other",
    "URW: Russia is the Victim": "labelled Blaming the war on others and Discrediting the West",
}
NEUTRAL_FAILURES = {
    "URW: Hidden plots by secret schemes of powerful groups":
        "the neutral report is labelled Amplifying war-related fears and Discrediting the West",
    "URW: Negative Consequences for the West": "the neutral report is labelled Discrediting the West",
}


@pytest.mark.parametrize("narrative", [
    pytest.param(n, marks=[known_failure(CARRIED_FAILURES[n])] if n in CARRIED_FAILURES else [])
    for n in NARRATIVE_PAIRS])
def test_article_carrying_a_narrative_is_labelled_with_it(narrative_scores, narrative):
    assert narrative in narrative_scores[NARRATIVE_PAIRS[narrative][0]][1]


@pytest.mark.parametrize("narrative", [
    pytest.param(n, marks=[known_failure(NEUTRAL_FAILURES[n])] if n in NEUTRAL_FAILURES else [])
    for n in NARRATIVE_PAIRS])
def test_neutral_report_of_the_same_event_is_other(narrative_scores, narrative):
    """The taxonomy's "Other": plain factual reporting of events carries no narrative."""
    assert narrative_scores[NARRATIVE_PAIRS[narrative][1]][1] == [OTHER]


REPORTED_FAILURES = {
    "URW: Blaming the war on others rather than the invader":
        "the rebutted report scores 0.125, the article making the claim 0.117",
    "URW: Praise of Russia": "the rebutted report scores 0.085 (the article making the claim 0.081) and is labelled "
                             "with the narrative",
    "URW: Russia is the Victim": "the rebutted report scores 0.094, the article making the claim 0.093",
}


@pytest.mark.parametrize("narrative", [
    pytest.param(n, marks=[known_failure(REPORTED_FAILURES[n])] if n in REPORTED_FAILURES else [])
    for n in REPORTED_CLAIMS])
def test_a_rebutted_claim_is_not_the_narrative(narrative_model, narrative_scores, narrative):
    """Reporting a claim at a distance is not carrying it (docs/narratives.md: a known weakness
    of description similarity)."""
    reported, carried = REPORTED_CLAIMS[narrative], NARRATIVE_PAIRS[narrative][0]
    assert (_score(narrative_model, narrative_scores, reported, narrative)
            < _score(narrative_model, narrative_scores, carried, narrative))
    assert narrative not in narrative_scores[reported][1]


OFF_TOPIC_FAILURES = {
    "football": "labelled Other (score 0.643), but articles carrying a narrative that the model labels Other "
                "score higher on Other",
    "recipe": "labelled Other (score 0.568), but articles carrying a narrative that the model labels Other "
              "score higher on Other",
}


@pytest.mark.parametrize("topic", [
    pytest.param(t, marks=[known_failure(OFF_TOPIC_FAILURES[t])] if t in OFF_TOPIC_FAILURES else [])
    for t in OFF_TOPIC])
def test_article_off_the_topic_is_other(narrative_model, narrative_scores, topic):
    proba, predicted = narrative_scores[OFF_TOPIC[topic]]
    assert predicted == [OTHER]
    assert (proba[1:] < 0.5).all()
    # less like any narrative than every article that carries one
    for carried, _ in NARRATIVE_PAIRS.values():
        assert proba[0] > _score(narrative_model, narrative_scores, carried, OTHER)


def test_narrative_decisions_follow_the_documented_rule(narrative_model, narrative_texts):
    """predict: "Other" when its score is >= 0.5 (its calibrated probability squashed around the
    threshold), else the narratives scoring at least ``relative_threshold_`` times the best
    narrative's score; sub-narratives only under predicted narratives, and never scoring above
    their narrative."""
    proba = narrative_model.predict_proba(narrative_texts)
    sub = narrative_model.predict_sub_proba(narrative_texts)
    labels, subs = narrative_model.narratives_, narrative_model.subnarratives_
    taxonomy = narrative_model.taxonomy_
    for p, s, (top, sub_labels) in zip(proba, sub, narrative_model.predict(narrative_texts)):
        passing = [label for label, v in zip(labels[1:], p[1:])
                   if v >= narrative_model.relative_threshold_ * p[1:].max()]
        assert top == ([OTHER] if p[0] >= 0.5 else passing)
        assert np.all(p[1:] <= 1.0 - p[0] + 1e-12)
        if top == [OTHER]:
            assert sub_labels == [OTHER]
        else:
            assert {taxonomy.parent(label) for label in sub_labels} == set(top)
        for j, label in enumerate(subs[1:], 1):
            assert s[j] <= p[labels.index(taxonomy.parent(label))] + 1e-12


def test_narrative_scores_are_deterministic_and_order_invariant(narrative_model, narrative_texts):
    reference = narrative_model.predict_proba(narrative_texts)
    np.testing.assert_array_equal(narrative_model.predict_proba(list(narrative_texts)), reference)
    order = list(range(len(narrative_texts)))
    random.Random(0).shuffle(order)
    np.testing.assert_allclose(narrative_model.predict_proba([narrative_texts[i] for i in order]),
                               reference[order], atol=1e-6)
    np.testing.assert_allclose(narrative_model.predict_proba(narrative_texts[:1]), reference[:1], atol=1e-6)
    assert narrative_model.predict([narrative_texts[i] for i in order]) == \
        [narrative_model.predict(narrative_texts)[i] for i in order]


# =========================================================================== documented scores
# What docs/roles.md and docs/narratives.md claim against their baselines, read from the pinned
# measurements (tests/data/pinned_scores.yaml, which test_pinned_scores.py holds to the evaluation):
# a gain is claimed only where its 95 % document-bootstrap interval lies above zero.

PINNED = {score.id: score for score in load_pinned().scores}


def _pinned(score_id: str) -> float:
    return PINNED[score_id].value


@pytest.mark.parametrize("part", ["cv.UA", "cv.CC", "cv.all", "held_out.UA", "held_out.all"])
def test_role_model_fine_roles_beat_the_majority_set(part):
    """docs/roles.md: fine-role exact match above the majority set's, the gain interval above zero."""
    assert _pinned(f"roles.{part}.fine_gain_ci95.low") > 0, (
        f"EMR {_pinned(f'roles.{part}.fine_emr')} vs majority {_pinned(f'roles.{part}.baseline_fine_emr')}")


@known_failure("climate held out: fine-role EMR 0.296 vs 0.148, gain interval [-0.063, 0.323] (27 mentions)")
def test_role_model_fine_roles_beat_the_majority_set_on_held_out_climate_documents():
    assert _pinned("roles.held_out.CC.fine_gain_ci95.low") > 0


def test_role_model_beats_the_majority_role_on_war_documents():
    """Fold seed 0, which chose the configuration (0.773 vs 0.682); the mean over fold seeds 0-4 is
    0.740, its lowest seed 0.709."""
    assert _pinned("roles.cv.UA.main_gain_ci95.low") > 0
    assert _pinned("roles.cv_seeds.UA.min") > _pinned("roles.cv_seeds.UA.baseline_main_accuracy")


def test_role_model_beats_the_majority_role_on_held_out_war_documents_of_the_other_languages():
    """419 held-out UA mentions in Bulgarian, Hindi, Portuguese and Russian: 0.668 vs 0.530."""
    assert _pinned("roles.held_out_pooled.UA.main_gain_ci95.low") > 0


@known_failure("UA held out: main-role accuracy 0.553 vs majority 0.553, gain interval [-0.087, 0.071]")
def test_role_model_beats_the_majority_role_on_held_out_war_documents():
    assert _pinned("roles.held_out.UA.main_gain_ci95.low") > 0


@known_failure("main-role accuracy 0.807 vs majority 0.843 on climate documents (CV)")
def test_role_model_is_at_least_as_accurate_as_the_majority_role_on_climate_documents():
    assert _pinned("roles.cv.CC.main_accuracy") >= _pinned("roles.cv.CC.baseline_main_accuracy")


@known_failure("main-role accuracy 0.740 on UA documents over fold seeds 0-4 (0.773 on seed 0, which chose "
               "the configuration); the target is 0.75")
def test_role_model_reaches_the_target_on_war_documents():
    assert _pinned("roles.cv_seeds.UA.main_accuracy") >= 0.75


@pytest.mark.parametrize("level", ["narratives", "subnarratives"])
def test_narrative_model_beats_always_other_on_held_out_translated_documents(level):
    """docs/narratives.md: on the 82 held-out translated documents the interval lies above "Other" always."""
    assert _pinned(f"narratives.held_out.translated.{level}_ci95.0") > \
        _pinned(f"narratives.held_out.translated.baselines.always_other.{level}")


def test_narrative_model_beats_three_frequent_narratives_on_held_out_translated_documents():
    assert _pinned("narratives.held_out.translated.narratives_ci95.0") > \
        _pinned("narratives.held_out.translated.baselines.top_3_narratives.narratives")


@known_failure("14 held-out English documents: samples F1 0.313 [0.142, 0.504] vs 0.214 for \"Other\" always")
def test_narrative_model_beats_always_other_on_held_out_english_documents():
    assert _pinned("narratives.held_out.english.narratives_ci95.0") > \
        _pinned("narratives.held_out.english.baselines.always_other.narratives")


@known_failure("samples F1 0.514 on English documents (CV); the target is 0.52")
def test_narrative_model_reaches_the_target_on_english_documents():
    assert _pinned("narratives.cv.english.narratives") >= 0.52
