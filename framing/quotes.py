"""Direct and indirect quotations, their speakers and the verbs that report them.

Who gets to speak in an article, in their own words or paraphrased, and how the
reporter introduces them ("said", "stressed", "claimed") are classic framing signals.
:class:`QuoteExtractor` finds, in a parsed spaCy ``Doc``:

* **direct quotations**: words between quotation marks (straight, curly double, and
  curly single ones used as quotation marks), including quotes split by their
  attribution and paragraphs that open a new quotation mark without closing the
  previous one (news convention). Short quoted labels that nobody is reported as
  saying (*scare quotes*: Western "values", so-called "referendums") are left out;
  :func:`is_scare_quote` exposes that decision.
* **indirect quotations**: a reporting verb with a finite content clause ("Kirby told
  reporters that [the aid would arrive]"), a reporting noun with a *that*-clause ("the
  allegation that [...]"), and *according to X* attached to a clause.

Each quotation gets its speaker (the subject of the reporting verb with pronouns,
definite titles and surnames resolved within the document), the actor the speaker
speaks for (through :class:`framing.actors.MentionFinder` mentions inside the speaker's
noun phrase), and the class of the reporting verb (neutral, endorsing, distancing) from
``framing/data/reporting_verbs.yaml``.

The approach is the rule-based one of quotation extractors for news built on a
dependency parse, such as the Stanford QuoteAnnotator (Muzny, Fang, Chang & Jurafsky
2017, "A Two-stage Sieve Approach for Quote Attribution", EACL) and textacy's
``direct_quotations`` (which looks for a speech verb next to the quotation marks), and
the content-clause rules of Pareti (2016, "PARC 3.0: A Corpus of Attribution Relations",
LREC). It departs from them in three ways: indirect speech and *according to* are
extracted as well as direct quotes; the speaker is mapped to a political actor with the
package's actor inventory; and reporting verbs carry an evaluative class after Bergler
(1992), Caldas-Coulthard (1994) and Thompson & Yiyun (1991). The rules and their
accuracy on the hand-annotated gold set are documented in ``docs/quotes.md``.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date as _date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from framing._gold import gold_articles, prf, read_gold, select_split
from framing.actors import ActorInventory, Member, Mention, MentionFinder

__all__ = [
    "Quote",
    "QuoteExtractor",
    "ReportingVerbs",
    "SCARE_MAX_WORDS",
    "VERB_CLASSES",
    "evaluate_quotes",
    "is_scare_quote",
    "is_quoted_title",
]

VERB_CLASSES = ("neutral", "endorsing", "distancing")
"""The evaluative classes of reporting verbs, in the order used for reports."""

# --------------------------------------------------------------------------- quote marks

_STRAIGHT = '"'
_OPEN_SINGLE, _CLOSE_SINGLE = "\u2018", "\u2019"
_ALL_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\'')
_DOUBLE_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')  # the marks no apostrophe shares
# Words right before a quotation mark that make it a label the writer keeps at a
# distance, never someone's statement: so-called "referendums".
_SCARE_PREFIX_RE = re.compile(
    r"(?:so[- ]called|self[- ](?:styled|proclaimed|declared))\s*$", re.IGNORECASE
)
_WORD_RE = re.compile(r"\w+(?:['\u2019-]\w+)*")
# Hyphens that join the parts of one word ("Thomas-Greenfield", "pro-Russian"); the
# tokenizer splits them off as tokens of their own.
_WORD_HYPHENS = frozenset("-\u2010\u2011\u2013")
# A name or descriptor's last word with its hyphenated parts kept together.
_LAST_WORD_RE = re.compile(r"\w+(?:[-\u2010\u2011\u2013]\w+)*")
# Places that speak as bodies ("The county said in a notice"): no bearer of a title with the word
# ("the county engineer") is one of them.
_LOCAL_GOVERNMENT_NOUNS = frozenset({"county", "city", "town", "village", "township", "borough"})
# Function words that an abbreviation leaves out ("the Department of Health and Human Services",
# HHS).
_ABBREVIATION_SKIPPED = frozenset({"of", "and", "for", "the", "on", "&"})
# Verbs by which a record, a form or a list labels something ('was marked "completed"', 'listed
# as "resolved"'): a short quotation they label is a scare quote, whoever reports the labelling.
_LABELLING_VERBS = frozenset({"mark", "label", "list", "stamp", "tag", "classify", "code", "flag", "grade",
                              "rate", "log", "file"})
# A quotation of at most this many words that no reporting verb governs is a scare quote.
SCARE_MAX_WORDS = 4

# Titles of shows, books, articles and columns ('said on "Face the Nation"', 'in his book
# "The Long Ballot"', 'an op-ed titled "Why We Must Stay"') are names, not quotations and
# not scare quotes. A title is in title case and follows one of these words (possessives,
# proper nouns, articles and commas may stand between: 'on Fox's "Sunday Morning
# Futures"', 'her memoir, "The Long Ballot,"').
_TITLE_PREPOSITIONS = frozenset({"on", "in"})
_TITLE_NOUNS = frozenset(
    {"show", "programme", "program", "broadcast", "podcast", "series", "episode", "interview",
     "book", "memoir", "novel", "biography", "autobiography", "column", "op-ed", "essay",
     "editorial", "article", "piece", "headline", "report", "film", "documentary", "movie",
     "play", "song", "album", "newsletter", "speech", "letter", "bill", "history", "guide", "textbook",
     "painting", "portrait", "mural", "sculpture", "photograph", "poem", "exhibit", "exhibition", "opera",
     "musical", "rule", "policy", "exemption", "scholarship", "initiative", "bonus",
     # services, tools and displays with names of their own ('the state’s "Notify Me First" alert
     # system', 'The display, "Shelf Life: ...," had stood')
     "system", "app", "registry", "hotline", "portal", "database", "display",
     # what a thing goes by ('a package Prairieland sells under the name “Harvest Shield,”')
     "name",
     # what people sign ('circulate a petition, “Move the Beets,” that asks')
     "petition",
     # documents with titles of their own ('A summary the department sent ..., “Campylobacter Cluster,
     # North Worcester County,” says')
     "summary", "study", "survey", "audit", "review"})
# Nouns of a campaign, a title's when they follow it directly ('its “Keep the Name” campaign'), not when
# they describe a quotation in apposition ('“We Will Win,” a new slogan of the campaign,').
_CAMPAIGN_NOUNS = frozenset({"campaign", "drive"})
# Last words of a law's or a measure's name in quotation marks ('Congress passed the "Safe Base
# Homes Act"'): a title, not anyone's words.
_LAW_NAME_WORDS = frozenset({"Act", "Law", "Bill", "Amendment", "Ordinance", "Initiative", "Resolution",
                             "Policy", "Program", "Programme", "Plan", "Code"})
# participles that introduce a title ("an op-ed titled ..."); "called"/"named"/"dubbed"
# only as a participle after a noun ("a show called ..."), not as a finite verb ("what he
# called ...", which reports someone's wording)
_TITLE_PARTICIPLES = frozenset({"titled", "entitled", "headlined", "subtitled"})
# The same as lemmas: "The audit, titled 'Follow the Lease,' said" is still the audit named before.
_TITLE_PARTICIPLE_LEMMAS = frozenset({"title", "entitle", "headline", "subtitle"})
# people whose work is named by a title after "of" ('the author of "The Price of a Pill"')
_AUTHOR_NOUNS = frozenset({"author", "co-author", "host", "co-host", "creator", "editor", "director",
                           "producer", "anchor"})
_NAMING_PARTICIPLES = frozenset({"called", "named", "dubbed"})
# Entities that own a show or a publication between its preposition and its title ('on WMRL's
# "Morning Line"'), when the tagger did not make them proper nouns
_TITLE_OWNER_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "nor", "by", "with",
     "as", "from", "vs", "per", "via", "into", "up", "off", "out"})
# Heads of noun phrases that name a text (a law, a code, a rule, a book): the text says what
# it says, but it is not a speaker ('The U.S. code says ...', 'according to House rules').
# The entity recogniser's LAW label counts too ('The Antideficiency Act ... says').
_DOCUMENT_HEADS = frozenset(
    {"code", "law", "act", "statute", "constitution", "rule", "rules", "regulation", "clause",
     "section", "article", "amendment", "treaty", "charter", "ordinance", "provision", "bill",
     "legislation", "title", "subsection", "paragraph", "book", "memoir", "manual", "handbook",
     "resolution", "directive", "convention", "contract", "lease"})

# --------------------------------------------------------------------------- syntax

_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Edges through which a quoted fragment cannot be the reported words of a verb: the
# fragment modifies the verb ("'categorically' rejected") or is its subject.
_NOT_REPORTED_EDGES = frozenset(
    {"advmod", "npadvmod", "neg", "aux", "auxpass", "nsubj", "nsubjpass", "csubj", "mark",
     "punct", "cc", "prt", "det", "expl"}
)
# Edges through which a fragment-only verb (call, describe, reject...) governs a quote:
# its object or the predicate of the object ("called the liberation 'a defeat'").
_OBJECT_EDGES = frozenset({"dobj", "oprd", "attr", "prep", "pobj", "xcomp", "ccomp", "acomp",
                           "obj", "dative", "appos", "conj"})
# Passive verbs whose subject is the speaker of the report they carry: "X was quoted as
# saying", "X was cited as saying".
_QUOTED_AS = frozenset({"quote", "cite"})
# Nouns through whose "of" a fragment-only verb still governs a quote ('described the closures
# as part of a "modernization"'): the noun is a part or a kind of the quoted thing.
_PART_NOUNS = frozenset({"part", "kind", "sort", "form", "type", "example"})
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "relcl", "acl", "parataxis", "pcomp",
                         "prep", "pobj", "dep", "ROOT"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it"})
_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "its": "thing", "their": "group"}
_PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_COURTESY_GENDERS = {"mr.": "m", "mr": "m", "ms.": "f", "ms": "f", "mrs.": "f", "mrs": "f", "miss": "f"}
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Participles after a comma at the end of a content clause that comment on the whole
# sentence rather than report it ("..., prompting international calls for...").
_COMMENT_PARTICIPLES = frozenset(
    {"prompt", "spark", "trigger", "raise", "cause", "fuel", "leave", "mark", "underscore",
     "highlight", "signal", "bring", "draw", "send", "deepen", "renew", "reignite"}
)
# Conjunctions of a clause of reason, time or condition inside reported content.
_CIRCUMSTANCE_MARKS = frozenset({"because", "since", "after", "before", "when", "if", "unless", "until",
                                 "once", "although", "though", "so"})
# Acts of the speaker that the parser sometimes coordinates with the content clause
# instead of the reporting verb ("alleged that A and requested a meeting").
_SPEAKER_ACTS = frozenset(
    {"request", "urge", "call", "ask", "demand", "appeal", "propose", "invite", "thank",
     "welcome", "promise", "vow", "pledge", "deny", "refuse", "condemn", "criticise",
     "criticize", "decline", "dismiss", "praise", "express", "voice", "reiterate", "offer",
     "sign", "order", "threaten", "plead", "add", "announce", "accuse", "reject"}
)
# A clause after "the claim that" with none of these is a relative clause ("the claim
# that officials dismissed"), not the content of the claim.
_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "agent", "oprd",
                              "advcl", "dative", "auxpass", "nsubjpass", "advmod", "npadvmod"})
# "X, who heads the Ukrainian delegation": a relative clause that gives affiliation.
_HEADING_VERBS = frozenset({"head", "lead", "chair", "represent", "run", "command"})
# nouns for a person who speaks for an organisation
_VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "official", "aide"})
# subordinators of time that the parser may take to open a reporting clause
_TIME_MARKS = frozenset({"before", "after", "until", "since"})
# Verbs that let the subject of a reporting noun be its speaker ("repeated his accusation
# that", "made the claim that"); otherwise a noun report without a possessor has no speaker.
_NOUN_REPORT_CARRIERS = frozenset(
    {"make", "repeat", "issue", "reiterate", "voice", "level", "renew", "publish", "deliver"}
)


# Generic role nouns that a definite description ("the diplomat stated", "the minister
# said") uses for a person named or quoted before. Each maps to the title words of the
# people it fits, as alternatives (all words of one set must be among the person's
# title words); None fits anyone ("the official", "the spokesman").
_DIPLOMAT_TITLES = (frozenset({"foreign"}), frozenset({"ambassador"}), frozenset({"envoy"}),
                    frozenset({"diplomat"}), frozenset({"representative"}), frozenset({"consul"}),
                    frozenset({"emissary"}), frozenset({"secretary", "state"}))
_ROLE_NOUNS: dict[str, tuple[frozenset[str], ...] | None] = {
    "diplomat": _DIPLOMAT_TITLES,
    "envoy": _DIPLOMAT_TITLES,
    "ambassador": (frozenset({"ambassador"}), frozenset({"envoy"}), frozenset({"representative"})),
    "minister": (frozenset({"minister"}), frozenset({"premier"}), frozenset({"foreign", "secretary"}),
                 frozenset({"defence", "secretary"}), frozenset({"defense", "secretary"}),
                 frozenset({"home", "secretary"})),
    "premier": (frozenset({"premier"}), frozenset({"prime", "minister"})),
    "chancellor": (frozenset({"chancellor"}),),
    "senator": (frozenset({"senator"}), frozenset({"sen"})),
    "official": None,
    "spokesman": None,
    "spokeswoman": None,
    "spokesperson": None,
}
# Modifiers of a role noun that narrow it ("the foreign minister", "the prime minister"):
# a person with a known role must carry one of the listed title words for each.
_ROLE_QUALIFIERS: dict[str, frozenset[str]] = {
    "foreign": frozenset({"foreign"}),
    "defence": frozenset({"defence", "defense"}),
    "defense": frozenset({"defence", "defense"}),
    "prime": frozenset({"prime", "premier", "pm"}),
    "deputy": frozenset({"deputy"}),
    "vice": frozenset({"vice", "vice-president"}),
    "home": frozenset({"home"}),
    "interior": frozenset({"interior"}),
    "finance": frozenset({"finance"}),
}
# Courtesy titles say nothing of a person's office: "Mr. Albers" is still "the official" named
# just before.
_COURTESY_TITLES = frozenset(_COURTESY_GENDERS) | {"dr.", "dr"}
# Offices written before a full name ("Mayor Curtis Rahn", "Sen. Dale Whitcomb"): the name after
# one is a person's even where the entity recogniser misses it.
_NAME_OFFICES = frozenset(
    {"mayor", "senator", "sen", "representative", "rep", "governor", "gov", "judge", "justice", "sheriff",
     "councilman", "councilwoman", "councilor", "councillor", "commissioner", "superintendent", "coach",
     "chief", "president", "minister", "ambassador", "secretary", "director", "general", "gen", "colonel",
     "col", "lt", "sgt", "capt", "captain", "lieutenant", "sergeant", "major", "admiral", "adm", "dr",
     "professor", "prof", "pastor", "rev", "father", "bishop", "deputy", "assemblyman", "assemblywoman",
     "delegate", "alderman", "trustee", "chairman", "chairwoman", "treasurer", "auditor", "prosecutor",
     "detective", "officer", "trooper", "warden", "principal"})
# Words that may stand before a person's name and are no given name.
_WORDS_BEFORE_NAMES = _NAME_OFFICES | _COURTESY_TITLES
# Title words that make a person's role known. A person with none of them (a name
# without a title, or with a nationality only) has an unknown role and fits every role
# noun.
_ROLE_WORDS = frozenset(
    {"minister", "premier", "president", "vice-president", "chancellor", "ambassador", "envoy",
     "diplomat", "representative", "consul", "emissary", "secretary", "secretary-general",
     "spokesman", "spokeswoman", "spokesperson", "press", "senator", "sen", "general", "gen.",
     "commander", "commander-in-chief", "chief", "head", "adviser", "advisor", "commissioner",
     "governor", "mayor", "chairman", "chairwoman", "chair", "speaker", "king", "queen", "prince",
     "admiral", "colonel", "lieutenant", "officer", "director", "leader", "lawmaker",
     "congressman", "congresswoman", "mp", "pm", "prosecutor", "judge", "ombudsman", "deputy",
     "pope", "patriarch", "lord"}
)
# Offices with one holder at a time: "the president" is that holder, not a title that continues
# the previous speaker.
_SOLE_OFFICES = frozenset({"president", "pope", "king", "queen"})
# Head nouns of a descriptor of one person ("one shipping executive", "a department
# spokeswoman"): a later "he" or "she" may take the speaker up ("the press" is no one person).
_PERSON_NOUNS = (_ROLE_WORDS - {"press"}) | frozenset(
    {"executive", "official", "lawyer", "attorney", "aide", "staffer", "analyst", "economist", "expert",
     "priest", "pastor", "resident", "farmer", "worker", "voter", "witness", "strategist", "activist",
     "organizer", "organiser", "doctor", "nurse", "teacher", "student", "owner", "manager", "employee",
     "lobbyist", "consultant", "researcher", "scholar", "historian", "professor", "man", "woman",
     "soldier", "officer", "volunteer", "mother", "father", "veteran", "principal", "neighbor", "neighbour",
     "tenant", "parent", "driver", "pilot", "firefighter", "paramedic", "instructor", "coach", "mechanic",
     "engineer", "clerk", "librarian", "pharmacist", "shopkeeper", "grower", "rancher", "retiree", "survivor",
     "customer", "shopper", "passenger", "commuter", "supporter", "opponent", "critic", "homeowner",
     "auditor", "comptroller", "treasurer", "sheriff", "inspector", "superintendent", "coroner", "administrator",
     "trustee", "investigator", "regulator", "dean", "provost", "assessor", "chaplain", "physician",
     "surgeon", "scientist", "accountant", "caseworker", "negotiator", "spouse", "patient",
     "caregiver", "bystander", "shareholder", "plaintiff", "defendant", "juror", "donor", "parishioner",
     "holder", "fan", "hunter", "angler", "fisherman", "chef", "cook", "waitress", "waiter", "cashier",
     "bartender", "custodian", "electrician", "plumber", "carpenter", "welder", "machinist", "trucker",
     "miner", "logger", "beekeeper", "landowner", "renter", "subscriber"})
# Endings of nouns for a person by trade or science ("hydrogeologist", "statistician", "photographer").
_PERSON_NOUN_ENDINGS = ("ologist", "ician", "ographer")


def _names_a_person(noun: str) -> bool:
    """Whether a lower-case noun is one for a person: in :data:`_PERSON_NOUNS`, or ending as a trade
    or a science's practitioner does (:data:`_PERSON_NOUN_ENDINGS`)."""
    return noun in _PERSON_NOUNS or noun.endswith(_PERSON_NOUN_ENDINGS)


# Verbs of questioning: the person questioned in one sentence answers in the next ("pressed
# Ms. Castellanos on why ... . '...,' she said").
_QUESTIONING_VERBS = frozenset({"ask", "press", "question", "quiz", "grill", "challenge", "push"})
# Nouns that take up any described person ("A deputy mayor ... said the official, Oleksandr
# Hnatiuk"; "A retired machinist ... The man, Walter Kowalczyk,").
_GENERIC_PERSON_NOUNS = frozenset({"man", "woman", "official", "person"})
# Nouns of a group of people that "it" and "its" take up ("The family has asked ... . Its
# petition argues"), and that a sports team goes by ("the team said").
_COLLECTIVE_NOUNS = frozenset({"family", "household", "team", "club", "crew", "band"})
_TEAM_NOUNS = frozenset({"team", "club", "franchise"})
# Nouns that describe a body as part of another ("a branch of the U.S. Department of Agriculture").
_BODY_PART_NOUNS = frozenset({"branch", "division", "unit", "arm", "subsidiary", "affiliate"})
# Nouns of kinship: a name in apposition to one is a person's ("his older son, Colton Reinholt").
_KIN_NOUNS = frozenset({
    "son", "daughter", "brother", "sister", "wife", "husband", "cousin", "uncle", "aunt", "nephew",
    "niece", "grandson", "granddaughter", "grandmother", "grandfather", "parent", "child", "widow", "mother",
    "father",
    "widower", "fiancé", "fiancée", "stepfather", "stepmother", "stepson", "stepdaughter",
})
# The gender a noun of kinship gives the person named in apposition to it ("A nephew, Kalle Rautio,").
_KIN_GENDERS = {
    **dict.fromkeys(("son", "brother", "husband", "uncle", "nephew", "grandson", "grandfather", "father",
                     "widower", "stepfather", "stepson"), "m"),
    **dict.fromkeys(("daughter", "sister", "wife", "aunt", "niece", "granddaughter", "grandmother", "mother",
                     "widow", "stepmother", "stepdaughter"), "f"),
}
# Commissive and predictive verbs take a noun object more often than a clause: after such an
# object, a clause without "that" is a relative clause of the object the parser misread.
_OBJECT_FIRST = frozenset({"promise", "pledge", "vow", "predict"})
# Nouns for a news organisation; "the paper said" goes to the outlet named just before.
_NEWS_NOUNS = frozenset(
    {"paper", "newspaper", "daily", "weekly", "tabloid", "broadsheet", "outlet", "network",
     "broadcaster", "magazine", "station", "channel", "publication", "wire", "agency"})
# Generic nouns for an organisation named just before ("the company", "the service" for an armed
# service, "the chain"): see :meth:`_Context._recent_organisation`.
_GENERIC_ORGANISATION_NOUNS = frozenset(
    {"company", "firm", "corporation", "chain", "retailer", "service", "operator", "manufacturer",
     "developer", "insurer", "carrier", "landlord", "owner", "lender", "dealer", "co-op", "cooperative", "nonprofit",
     "charity", "employer", "contractor", "supplier", "distributor", "utility", "railroad", "railway", "union",
     "group", "airline", "resort", "club"})
# Nouns for a business ("the company", "the railroad"), which no public body stands for: the
# organisation nouns above but those a public body, a charity or a union also goes by.
_BUSINESS_NOUNS = _GENERIC_ORGANISATION_NOUNS - {"service", "owner", "co-op", "cooperative", "nonprofit", "charity",
                                                 "utility", "union", "group", "club"}
# Prepositions and nouns of a place that "officials there" points back to ("crossed into the Sumy
# region", "a hearing in Springfield").
_PLACE_PREPOSITIONS = frozenset({"in", "into", "to", "at", "from", "near", "outside", "across", "through"})
_PLACE_NOUNS = frozenset({"region", "city", "town", "village", "county", "oblast", "province", "district",
                          "state", "country", "capital", "area", "port", "base", "camp", "border", "crossing"})
# Other words for an institution noun: "the co-op" is the cooperative named before.
_INSTITUTION_SYNONYMS = {"co-op": "cooperative", "coop": "cooperative", "dept.": "department"}
# Last words of a railway company's name ("the Great Lakes & Western Railway"), for "the railroad".
_RAILWAY_WORDS = frozenset({"railroad", "railway", "railways", "railroads"})
# Head nouns of a public body's name ("the National Transportation Safety Board").
_PUBLIC_BODY_NOUNS = frozenset({"board", "agency", "department", "ministry", "bureau", "office", "administration",
                                "commission", "committee", "council", "court", "legislature", "senate", "house"})
# Head nouns of a government agency's name, which "the agency" may stand for.
_AGENCY_NOUNS = frozenset({"department", "bureau", "office", "administration", "commission", "ministry",
                           "authority"})
# Head nouns of an armed service's name ("the Air Force", "the Coast Guard").
_ARMED_SERVICE_NOUNS = frozenset({"force", "guard", "army", "navy", "corps"})
# Head nouns of an institution: "the institute argued" is the organisation named before
# ("the American Petroleum Institute"), never a person whose title mentions it ("a spokesman
# for the American Petroleum Institute, Dale Hutchins").
_INSTITUTION_NOUNS = frozenset(
    {"institute", "association", "union", "company", "corporation", "firm", "group", "coalition",
     "alliance", "foundation", "federation", "council", "committee", "commission", "department",
     "ministry", "agency", "bureau", "office", "administration", "authority", "board", "fund",
     "bank", "university", "center", "centre", "campaign", "party", "caucus", "court", "league",
     "network", "organization", "organisation", "society", "chamber", "institution", "utility",
     "cooperative", "hospital", "corps", "airport", "museum", "library", "school", "college", "district",
     "church", "lottery", "jail", "laboratory", "lab"})
# Prepositions that make a call the medium of a report ("told reporters on a conference call
# that ..."), beside "in" / "through" / "via" for any reporting noun ("said in a statement").
_CALL_PREPOSITIONS = frozenset({"on", "during", "over"})
# Verbs under which a report is not given: "declined to say when", "refused to say how".
_WITHHOLDING_VERBS = frozenset({"decline", "refuse"})
# A dateline before a lede: "WASHINGTON — ", "DES MOINES, Iowa — ", "KYIV (Reuters) — ".
_DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'\u2019\-]+(?: [A-Z][A-Z.'\u2019\-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
    r"(?: \([A-Za-z .]+\))?\s*(?:\u2014|\u2013|--)\s*")
# How many sentences after a title speaker a lead may name the person ("..., the foreign
# minister has said" / "Russian Foreign Minister Sergey Lavrov said on Tuesday").
CATAPHORA_SENTENCES = 3

# =========================================================================== data


@dataclass(frozen=True)
class Quote:
    """One quotation in a document.

    ``start``/``end`` are character offsets into ``doc.text`` of the quoted content:
    inside the quotation marks for a direct quote; the content clause without *that*
    and final punctuation for an indirect one. ``text == doc.text[start:end]``.
    ``speaker`` is the canonical name (the inventory member's full name, or the fullest
    form of the name in the document) or, for an unnamed source, the descriptor ("a
    senior Western official"); ``speaker_mention`` the words of the attribution that
    point at the speaker ("he", "the foreign minister", "Lavrov"); ``speaker_actor`` the
    actor id the speaker speaks for. ``verb`` is the lemma of the reporting verb or
    noun ("say", "point out", "according to", "allegation") and ``verb_class`` its
    class. All five are None when nothing attributes the words. ``sentence_id`` is the
    index among ``doc.sents`` of the sentence holding ``start``.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_mention: str | None
    speaker_actor: str | None
    verb: str | None
    verb_class: str | None
    sentence_id: int


class ReportingVerbs:
    """Reporting verbs and nouns in evaluative classes (``neutral``, ``endorsing``,
    ``distancing``), read from a YAML file.

    The packaged file ``framing/data/reporting_verbs.yaml`` cites its sources (Bergler
    1992; Caldas-Coulthard 1994; Thompson & Yiyun 1991) and follows the gold guideline
    of ``docs/quotes_gold.md``; pass your own with :meth:`from_yaml`. Format::

        classes:
          neutral: [say, tell, according to, ...]
          endorsing: [stress, note, point out, ...]
          distancing: [claim, allege, ...]
        fragment_only: [call, describe, ...]   # optional, see below
        sources: [...]                         # optional, free text
        description: ...                       # optional
        note: ...                              # optional

    ``fragment_only`` lemmas (call, describe, reject, ...) introduce someone's wording
    as an object ("what he called a 'special military operation'") and never a
    content clause: they make a quoted fragment a direct quotation but start no
    indirect one. Every lemma must be in one class only; multi-word entries are
    written with single spaces ("point out").
    """

    _KEYS = ("classes", "fragment_only", "sources", "description", "note")

    def __init__(
        self,
        classes: Mapping[str, Iterable[str]],
        *,
        fragment_only: Iterable[str] = (),
        sources: Sequence[str] = (),
        origin: str = "<reporting verbs>",
    ) -> None:
        self.origin = origin
        self.sources = tuple(sources)
        self._classes: dict[str, tuple[str, ...]] = {}
        self._lookup: dict[str, str] = {}
        for name, lemmas in classes.items():
            if name not in VERB_CLASSES:
                raise ValueError(f"{origin}: unknown class {name!r}; expected one of {VERB_CLASSES}")
            if isinstance(lemmas, str) or not isinstance(lemmas, Iterable):
                raise ValueError(f"{origin}: class {name!r} must be a list of lemmas")
            cleaned = []
            for lemma in lemmas:
                if not isinstance(lemma, str) or not lemma.strip():
                    raise ValueError(f"{origin}: class {name!r} holds an empty or non-string entry")
                key = _norm_lemma(lemma)
                if key in self._lookup and self._lookup[key] != name:
                    raise ValueError(
                        f"{origin}: {key!r} is listed as {self._lookup[key]!r} and as {name!r}; "
                        "a lemma belongs to one class only"
                    )
                self._lookup[key] = name
                cleaned.append(key)
            self._classes[name] = tuple(dict.fromkeys(cleaned))
        if not self._lookup:
            raise ValueError(f"{origin}: no reporting verbs given")
        self.fragment_only = frozenset(_norm_lemma(x) for x in fragment_only)
        unknown = sorted(self.fragment_only - self._lookup.keys())
        if unknown:
            raise ValueError(f"{origin}: fragment_only lemmas without a class: {', '.join(unknown)}")
        # first words of multi-word entries, to find phrasal verbs quickly
        self._phrasal_heads = frozenset(k.split()[0] for k in self._lookup if " " in k)

    @classmethod
    def from_yaml(cls, path: str | os.PathLike[str]) -> ReportingVerbs:
        """Read a reporting-verb file (format in the class docstring)."""
        path = Path(path)
        return cls._from_text(path.read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def default(cls) -> ReportingVerbs:
        """The packaged ``framing/data/reporting_verbs.yaml``."""
        text = resources.files("framing").joinpath("data/reporting_verbs.yaml").read_text(encoding="utf-8")
        return cls._from_text(text, origin="framing/data/reporting_verbs.yaml")

    @classmethod
    def _from_text(cls, text: str, *, origin: str) -> ReportingVerbs:
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ValueError(f"{origin}: not valid YAML: {exc}") from exc
        if not isinstance(raw, Mapping) or not isinstance(raw.get("classes"), Mapping):
            raise ValueError(f"{origin}: expected a mapping with a 'classes' mapping at the top")
        unknown = sorted(set(raw) - set(cls._KEYS))
        if unknown:
            raise ValueError(f"{origin}: unknown keys {unknown}; allowed: {list(cls._KEYS)}")
        return cls(
            {name: lemmas or () for name, lemmas in raw["classes"].items()},
            fragment_only=raw.get("fragment_only") or (),
            sources=[str(s) for s in raw.get("sources") or ()],
            origin=origin,
        )

    @property
    def classes(self) -> dict[str, tuple[str, ...]]:
        """Class name -> lemmas, in file order."""
        return dict(self._classes)

    def classify(self, lemma: str) -> str | None:
        """The class of a reporting lemma ("stress" -> "endorsing"), None if unlisted."""
        return self._lookup.get(_norm_lemma(lemma)) if lemma else None

    def __contains__(self, lemma: object) -> bool:
        return isinstance(lemma, str) and _norm_lemma(lemma) in self._lookup

    def __len__(self) -> int:
        return len(self._lookup)

    def __repr__(self) -> str:
        counts = ", ".join(f"{k}: {len(v)}" for k, v in self._classes.items())
        return f"ReportingVerbs({counts})"

    def entry(self, token) -> str | None:
        """The lexicon entry a spaCy token stands for, phrasal forms first
        ("pointed" + particle "out" -> "point out"), or None."""
        lemma = token.lemma_.lower()
        if lemma in self._phrasal_heads:
            for child in token.children:
                if child.i > token.i and child.i - token.i <= 3 and child.dep_ in (
                    "prt", "prep", "acomp", "oprd", "advmod", "ccomp", "xcomp", "dobj"
                ):
                    key = f"{lemma} {child.lower_}"
                    if key in self._lookup:
                        return key
        if lemma in self._lookup and " " not in lemma:
            return lemma
        lower = token.lower_
        return lower if lower in self._lookup else None


def _norm_lemma(lemma: str) -> str:
    return " ".join(lemma.lower().split())


# =========================================================================== quote marks


@dataclass(frozen=True)
class _Marked:
    """Content between quotation marks: [start, end) excludes the marks."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended first (news convention)
    continued: bool = False  # opened a paragraph while the previous quote was still open


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _opens(text: str, i: int) -> bool:
    """A straight or single mark at ``i`` looks like an opening mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-/:" or before in _ALL_MARKS) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


_MARK_RE = re.compile("[\"'\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019]")
# opening mark -> the mark that closes it
_CLOSER = {_STRAIGHT: _STRAIGHT, "\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c",
           _OPEN_SINGLE: _CLOSE_SINGLE, "'": "'"}
_DOUBLE_CLOSERS = frozenset({_STRAIGHT, "\u201d", "\u00bb", "\u201c"})


def _quote_spans(text: str) -> list[_Marked]:
    """Top-level quotations in ``text`` (nested ones stay inside their parent).

    Double marks (straight, curly, guillemets) pair within a paragraph; a quotation
    still open at the end of a paragraph ends there, and a paragraph that opens with a
    mark while the previous one is unclosed continues the quotation (one record per
    paragraph). Curly single marks act as quotation marks outside double ones (British
    style) unless they sit between two letters (apostrophes); straight single marks
    only when they clearly open and close around words.
    """
    spans: list[_Marked] = []
    pending = False  # the previous paragraph ended inside a quotation
    for p_start, p_end in _paragraphs(text):
        first = p_start
        while first < p_end and text[first].isspace():
            first += 1
        if first == p_end:
            continue  # a blank line between paragraphs
        continued = pending and first < p_end and text[first] in _ALL_MARKS
        pending = False
        stack: list[tuple[str, int]] = []  # (expected closing mark, content start)
        for match in _MARK_RE.finditer(text, p_start, p_end):
            i = match.start()
            ch = text[i]
            expected = [closer for closer, _ in stack]
            if ch in _DOUBLE_CLOSERS and (ch in expected or (ch != _STRAIGHT and _STRAIGHT in expected
                                                               and ch != "\u201c")):
                # close the innermost quotation this mark can close, dropping unclosed
                # single-mark candidates (apostrophes) above it
                target = ch if ch in expected else _STRAIGHT
                while stack and stack[-1][0] != target:
                    stack.pop()
                if ch == "\u201c" and not _closes(text, i) and target == "\u201d":
                    stack.append(("\u201d", i + 1))
                    continue
                _, start = stack.pop()
                if not stack:
                    spans.append(_Marked(start, i, closed=True, continued=continued))
                    continued = False
            elif ch in (_STRAIGHT, "\u201c", "\u00ab", "\u201e"):
                if ch == _STRAIGHT and stack and not _opens(text, i):
                    continue
                stack.append((_CLOSER[ch], i + 1))
            elif ch == _CLOSE_SINGLE:
                if stack and stack[-1][0] == _CLOSE_SINGLE and not _is_apostrophe(text, i):
                    _, start = stack.pop()
                    if not stack:
                        spans.append(_Marked(start, i, closed=True, continued=continued))
                        continued = False
            elif ch == _OPEN_SINGLE:
                if _opens(text, i):
                    stack.append((_CLOSE_SINGLE, i + 1))
            elif ch == "'":
                if stack and stack[-1][0] == "'" and _closes(text, i) and not _is_apostrophe(text, i):
                    _, start = stack.pop()
                    if not stack:
                        spans.append(_Marked(start, i, closed=True, continued=continued))
                        continued = False
                elif _opens(text, i) and i + 1 < p_end and text[i + 1].isalpha():
                    stack.append(("'", i + 1))  # a candidate, dropped if it never closes
        # a double quotation still open at the end of the paragraph ends there
        while stack and stack[0][0] not in _DOUBLE_CLOSERS:
            stack.pop(0)
        if stack:
            start = stack[0][1]
            end = p_end
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append(_Marked(start, end, closed=False, continued=continued))
                pending = True
    return [s for s in spans if text[s.start:s.end].strip()]



# =========================================================================== extractor


@dataclass
class _Person:
    """A named person seen in the document (for pronouns and titles)."""

    pos: int  # character offset of the mention
    name: str  # canonical
    actor: str | None
    titles: frozenset[str]
    subject: bool  # the mention is (inside) a subject or a speaker


@dataclass
class _Speaker:
    name: str | None
    mention: str | None
    actor: str | None
    pos: int = -1
    head: str | None = None  # lower-cased head noun of a descriptor ("official")
    plural: bool = False
    person: bool = False


@dataclass
class _Record:
    start: int
    end: int
    kind: str
    gov: Any = None  # the reporting token (verb, noun, "according")
    entry: str | None = None
    source: str = "verb"  # verb | noun | according | continued | none
    subject: Any = None  # explicit subject token (textual attribution)
    speaker: _Speaker | None = None
    inherit_from: _Record | None = None
    follows: _Record | None = None  # a report whose speaker a bare quotation after it takes, verb none
    conjuncts: list[tuple[int, int]] = field(default_factory=list)
    np_limit: int | None = None  # last token the speaker's noun phrase may use


class QuoteExtractor:
    """Find direct and indirect quotations, their speakers and reporting verbs.

    Parameters
    ----------
    inventory
        The actor inventory used to map speakers to actors
        (:class:`framing.ActorInventory`).
    nlp
        The spaCy pipeline that parsed the docs; needed only to build a
        :class:`MentionFinder` when :meth:`extract` is called without ``mentions``
        (loaded with :func:`framing._nlp.load_nlp` when None).
    verbs
        The reporting-verb classes; :meth:`ReportingVerbs.default` when None.

    :meth:`extract` works on the given parsed ``Doc`` (tagger, parser, NER) and never
    re-parses. The rules are described in ``docs/quotes.md``.
    """

    def __init__(self, inventory: ActorInventory, nlp=None, *, verbs: ReportingVerbs | None = None):
        self.inventory = inventory
        self.nlp = nlp
        self.verbs = verbs if verbs is not None else ReportingVerbs.default()
        self._finder: MentionFinder | None = None
        forms: dict[str, str] = {}
        for actor in inventory:
            for form in (*actor.names, *actor.demonyms):
                forms.setdefault(form, actor.id)
        self._forms = forms
        self._forms_re = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?!\w)"
        ) if forms else None
        self._members: dict[str, tuple[str, Member]] = {}
        for actor in inventory:
            for member in actor.members:
                self._members.setdefault(member.name, (actor.id, member))

    # -- public ---------------------------------------------------------------
    def extract(self, doc, *, date: _date | None = None, mentions: list[Mention] | None = None) -> list[Quote]:
        """The quotations in ``doc``, sorted by ``start``.

        ``date`` is the article's publication date (dated members of the inventory);
        ``mentions`` the :class:`MentionFinder` output for this doc, computed here when
        None.
        """
        if len(doc) == 0:
            return []
        if not doc.has_annotation("DEP"):
            raise ValueError("QuoteExtractor needs a parsed Doc (tagger, parser and NER): "
                             "pass nlp(text), not nlp.make_doc(text)")
        if mentions is None:
            mentions = self._mention_finder().find(doc, date=date)
        ctx = _Context(self, doc, date, mentions)
        records = self._direct(ctx) + self._indirect(ctx)
        records = _resolve_overlaps(records, ctx)
        records.sort(key=lambda r: r.start)
        for before, record in zip(records, records[1:]):
            if record.source == "none" and (before.kind == "indirect" or before.source != "none") \
                    and _bare_paragraph_after(ctx, before, record):
                record.follows = before
        quotes = []
        for record in records:
            speaker = ctx.speaker_of(record)
            entry = record.entry
            quotes.append(Quote(
                start=record.start,
                end=record.end,
                text=ctx.text[record.start:record.end],
                kind=record.kind,
                speaker=speaker.name if speaker else None,
                speaker_mention=speaker.mention if speaker else None,
                speaker_actor=speaker.actor if speaker else None,
                verb=entry,
                verb_class=self.verbs.classify(entry) if entry else None,
                sentence_id=ctx.sentence_id(record.start),
            ))
        return quotes

    def _name_actor(self, text: str) -> str | None:
        """The actor of the first inventory name or demonym in ``text`` (a fallback for
        noun phrases whose mention the finder merged into a longer one)."""
        match = self._forms_re.search(text) if self._forms_re else None
        return self._forms[match.group(1)] if match else None

    def _mention_finder(self) -> MentionFinder:
        if self._finder is None:
            if self.nlp is None:
                from framing._nlp import load_nlp

                self.nlp = load_nlp()
            self._finder = MentionFinder(self.inventory, self.nlp)
        return self._finder

    # -- direct quotations ----------------------------------------------------
    def _direct(self, ctx: _Context) -> list[_Record]:
        records: list[_Record] = []
        previous: _Record | None = None
        previous_close = -1
        for marked in ctx.marked:
            tokens = ctx.tokens_in(marked.start, marked.end)
            if not tokens:
                continue
            if _is_title(ctx.doc, ctx.text, marked.start, marked.end, tokens):
                continue
            gov, subject = self._attribution(ctx, marked, tokens)
            if _scare(ctx.text, marked.start, marked.end, tokens, gov, self.verbs):
                continue
            record = _Record(marked.start, marked.end, "direct")
            if gov is not None:
                record.gov, record.entry, record.subject = gov, self.verbs.entry(gov), subject
            elif subject is not None:  # 'Kimball was blunt: "..."': a speaker, no reporting verb
                record.subject, record.source = subject, "colon"
            elif (owner := _line_owner_after(ctx, marked.end)) is not None:
                # '"We are asking them to be neighbors!" / The line, from Ms. Kettunen, drew ...'
                record.subject, record.source = owner, "colon"
            elif previous is not None and (
                marked.continued
                or (ctx.same_paragraph(previous_close, marked.start)
                    and ctx.sentences_between(previous_close, marked.start) <= 1)
            ):
                record.inherit_from = previous
                record.source = "continued"
            else:
                record.source = "none"
            records.append(record)
            previous = record if record.source != "none" else None
            # where the quotation and its attribution end ('"A?" Zelensky asked.')
            previous_close = max(marked.end, gov.idx if gov is not None else 0)
        # a paragraph-long quotation whose attribution comes with its continuation in
        # the next paragraph ('"A ...\n\n"B," Stoltenberg said.')
        for record, nxt, marked in zip(records, records[1:], ctx.marked):
            if record.source == "none" and nxt.source != "none" and ctx.continues(record.start, nxt.start):
                record.inherit_from, record.source = nxt, "continued"
        return records

    def _attribution(self, ctx: _Context, marked: _Marked, tokens: list) -> tuple[Any, Any]:
        """The reporting token governing a quotation and, for textual attributions
        whose subject the parser missed, the subject token."""
        verbs = self.verbs
        inside = {t.i for t in tokens}
        first, last = tokens[0], tokens[-1]
        content = ctx.text[marked.start:marked.end].rstrip()
        # 1. after the closing mark: '"...," Lavrov said' / '"...," said Lavrov'
        after_ok = marked.closed and (
            content.endswith((",", "\u2014", "\u2013"))
            or ctx.text[marked.end + 1:marked.end + 2] == ","
            or content.endswith(("?", "!"))
        )
        if after_ok:
            found = _verb_after(ctx, last.i + 1, verbs)
            if found is not None:
                return found
        # 2. the parse: a reporting word among the ancestors of the quote
        gov = _fragment_governor(tokens, verbs)
        if gov is not None:
            return gov, None
        # ... or a reporting verb outside the quote hanging from a word inside it (not an
        # infinitive: '"every single morning" to ask about him')
        for tok in tokens:
            for child in tok.children:
                if child.i not in inside and _is_speech(child, verbs) and not _infinitive(child) and (
                    child.i > last.i or child.i < first.i
                ) and not _opening_participle(child) and child.dep_ != "relcl":
                    # (a relative clause describes the quoted noun: 'two full-time “auditors” who
                    # also answer the telephones')
                    return child, None
        # ... or a report whose *that* clause the quotation sits in, where the parse hung the
        # quotation elsewhere ('told reporters that she had called the jail "every morning"')
        reporter = _reporter_of_that_clause(ctx, first, verbs)
        if reporter is not None:
            return reporter, None
        # 3. before the opening mark: 'Lavrov said: "..."'
        found = _verb_before(ctx, first.i - 1, verbs)
        if found is not None:
            return found, None
        # 4. a clause ending in a colon, without a reporting verb: 'Kimball was blunt: "..."'
        return None, _colon_subject(ctx, first.i - 1)

    # -- indirect quotations --------------------------------------------------
    def _indirect(self, ctx: _Context) -> list[_Record]:
        verbs = self.verbs
        records: list[_Record] = []
        for tok in ctx.doc:
            if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
                record = _according(ctx, tok)
                if record is not None:
                    records.append(record)
                continue
            entry = verbs.entry(tok)
            if entry in verbs.fragment_only and tok.pos_ == "NOUN" and _carrier_verb(tok, verbs) is not None:
                # "told reporters on a conference call that A": the verb reports A
                record = _noun_clause(ctx, tok, entry)
                if record is not None:
                    records.append(record)
                continue
            if entry is None or entry in verbs.fragment_only or entry == "according to":
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                records.extend(_verb_clauses(ctx, tok, entry, verbs))
            elif tok.pos_ in ("NOUN", "PROPN"):
                record = _noun_clause(ctx, tok, entry)
                if record is not None:
                    records.append(record)
        return records


# =========================================================================== context


class _Context:
    """Per-document look-ups: text, sentences, mentions, persons, speakers so far."""

    def __init__(self, extractor: QuoteExtractor, doc, date, mentions: list[Mention]) -> None:
        self.extractor = extractor
        self.verbs = extractor.verbs
        self.doc = doc
        self.text = doc.text
        self.date = date
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.sent_starts = [s.start_char for s in doc.sents]
        self.para_breaks = [m.start() for m in re.finditer(r"\n", self.text)]
        self.tok_starts = doc.to_array("IDX").tolist()
        self.mention_at: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.token_start, m.token_end):
                self.mention_at.setdefault(i, m)
        self.marked = _quote_spans(self.text)
        self.quote_starts = [m.start for m in self.marked]
        self.shared_surnames = self._shared_surnames()
        self.persons = self._persons()
        self.genders = self._genders()
        self.speakers: list[_Speaker] = []  # resolved speakers, in text order of the quotes
        self.reported: list[tuple[int, int, str]] = []  # (start, end, speaker's name) of each quote
        self._resolved: dict[int, _Speaker | None] = {}

    # -- positions ------------------------------------------------------------
    def in_quote(self, char: int) -> bool:
        """Whether ``char`` lies between quotation marks."""
        k = bisect_right(self.quote_starts, char) - 1
        return k >= 0 and char < self.marked[k].end

    def sentence_id(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def tokens_in(self, start: int, end: int) -> list:
        return _tokens_in(self.doc, self.tok_starts, start, end)

    def continues(self, start: int, next_start: int) -> bool:
        """Whether the quotation at ``next_start`` continues the unclosed one at ``start``."""
        marks = {m.start: m for m in self.marked}
        first, second = marks.get(start), marks.get(next_start)
        return bool(first and second and not first.closed and second.continued)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The character range [start, end) of the paragraph (line) holding ``pos``."""
        k = bisect_left(self.para_breaks, pos)
        return (self.para_breaks[k - 1] + 1 if k > 0 else 0,
                self.para_breaks[k] if k < len(self.para_breaks) else len(self.text))

    def same_paragraph(self, a: int, b: int) -> bool:
        return bisect_right(self.para_breaks, a) == bisect_right(self.para_breaks, b)

    def sentences_between(self, a: int, b: int) -> int:
        return self.sentence_id(b) - self.sentence_id(a)

    def span_text(self, tokens) -> str:
        tokens = sorted(tokens, key=lambda t: t.i)
        return self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]

    # -- persons --------------------------------------------------------------
    def _persons(self) -> list[_Person]:
        """Named people in the document with their canonical name, actor and titles."""
        doc = self.doc
        members = self.extractor._members
        by_last: dict[str, str] = {}
        for m in self.mentions:
            if m.via == "member" and m.member in members and members[m.member][1].kind == "person":
                for word in {m.member.split()[-1], m.surface.split()[-1]}:
                    by_last[word.lower()] = m.member
        for ent in doc.ents:
            if not (ent.label_ == "PERSON" or _mislabelled_person(ent)) or any(
                    t.i in self.mention_at and self.mention_at[t.i].via != "member" for t in ent):
                continue
            name = _strip_poss(_whole_words_text(_person_words(ent)))
            key = _surname_key(name)
            if key and (key not in by_last or (by_last[key] not in members and len(name) > len(by_last[key]))):
                by_last[key] = name
        # a given name alone ("Carol said") names the one person introduced in full with it
        # ("her mother, Carol Tessier"; "Mykola and Petro Hnatiuk")
        given_names = _given_names(doc)
        for given, full in given_names.items():
            if " " not in by_last.get(given, given):
                by_last[given] = full
        titled = self.titled = self._titled_names()  # surnames after a courtesy title or an office
        for surname in titled:
            # "Ms. Pylypets" after "Oksana Pylypets", which the recogniser took for an organisation
            key = surname.text.lower()
            if " " in by_last.get(key, "") or self.mention_at.get(surname.i) is not None:
                continue
            by_last[key] = _full_name(surname)
        self.by_last = by_last
        persons: list[_Person] = []
        seen_tokens: set[int] = set()
        for m in self.mentions:
            if m.via == "member" and m.member in members and members[m.member][1].kind == "person":
                actor, member = members[m.member]
                head = doc[m.token_end - 1]
                titles = _title_words(head) | {w.lower() for t in member.titles or () for w in t.split()}
                if member.role:
                    titles |= {w.lower() for w in re.findall(r"[A-Za-z-]+", member.role)}
                persons.append(_Person(m.start, m.member, actor, frozenset(titles), _in_subject(head)))
                seen_tokens.update(range(m.token_start, m.token_end))
        for ent in doc.ents:
            if not (ent.label_ == "PERSON" or _mislabelled_person(ent)) or any(t.i in seen_tokens for t in ent):
                continue
            if any(self.mention_at.get(t.i) is not None for t in ent):
                continue  # a place or body the NER took for a person ("Kyiv")
            if _newspaper_as_person(ent):
                continue  # "told The Gazette": a newspaper the recogniser took for a person
            if _in_dateline(doc, ent.end_char):
                continue  # "CUTLER FALLS, Neb. —": a town the recogniser took for a person
            name = _strip_poss(_whole_words_text(_person_words(ent)))
            if not name.split() or (len(name.split()) > 2 and name.split()[-1].lower() in _PLACE_AND_BODY_WORDS):
                continue  # ("Ada Quinlan High School": a school named for a person)
            canonical = self.canonical_person(name)
            head = ent.root
            np = _np_tokens(head, keep_appos=True)
            if head.dep_ == "appos":  # "the head of the Russian delegation, ... Vladimir Medinsky"
                np = np + _np_tokens(head.head)
            actor = self._np_actor(np, prefer_member=True)
            if actor is None:  # "David Arakhamia, who heads the Ukrainian delegation"
                for rel in head.children:
                    if rel.dep_ == "relcl" and rel.lemma_.lower() in _HEADING_VERBS:
                        actor = self._np_actor(list(rel.subtree), prefer_member=False)
                        break
            if actor is None:  # "ministry spokesman Igor Konashenkov": the ministry named before
                for t in [t for x in head.lefts for t in x.subtree]:
                    if t.dep_ == "compound" and t.pos_ == "NOUN":
                        actor = self._earlier_np_actor(t)
                        if actor is not None:
                            break
            if actor is None:
                actor = self.extractor.inventory.member_actor(canonical, on=self.date)
            persons.append(_Person(ent.start_char, canonical, actor, frozenset(_title_words(head)),
                                   _in_subject(head)))
            seen_tokens.update(range(ent.start, ent.end))
        for tok in doc:
            # "Curtis Dehaan, the only board member who voted against it, said": a full name the
            # recogniser left untagged
            if tok.pos_ != "PROPN" or (tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN"):
                continue
            tokens = _name_tokens(tok)
            if any(t.i in seen_tokens or self.mention_at.get(t.i) is not None for t in tokens):
                continue
            if _unrecognised_full_name(tokens):
                persons.append(_Person(tokens[0].idx, self.canonical_person(_whole_words_text(tokens)), None,
                                       frozenset(_title_words(tok)), _in_subject(tok)))
                seen_tokens.update(t.i for t in tokens)
        for surname in titled:
            # "Ms. Horobets kept hers": a courtesy title makes a person of a name the
            # entity recogniser missed
            if surname.i in seen_tokens or surname.text.lower() not in by_last:
                continue
            if self.mention_at.get(surname.i) is not None:
                continue
            persons.append(_Person(surname.idx, by_last[surname.text.lower()], None,
                                   frozenset(_title_words(surname)), _in_subject(surname)))
        for tok in doc[:-1]:
            # "Judge Adebayo-Stiles was unmoved" after "Judge Lorraine K. Adebayo-Stiles": an office
            # before the surname alone of someone named in full, which the recogniser took for an
            # organisation
            if not tok.text[:1].isupper() or tok.lower_.rstrip(".") not in _NAME_OFFICES:
                continue
            end = tok.i + 1
            while end + 2 < len(doc) and _word_hyphen(doc[end + 1]):
                end += 2  # (the whole of a hyphenated surname)
            surname = doc[tok.i + 1:end + 1]
            full = by_last.get(surname.text.lower(), "")
            if " " not in full or surname[0].pos_ != "PROPN" or any(
                    t.i in seen_tokens or self.mention_at.get(t.i) is not None for t in surname) \
                    or (end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN"):
                continue
            persons.append(_Person(surname[0].idx, full, None, frozenset(_title_words(surname.root)),
                                   _in_subject(surname.root)))
            seen_tokens.update(t.i for t in surname)
        for tok in doc:
            # "Caden, who made 94 tackles, spoke to reporters": a given name of someone introduced
            # in full, which the recogniser took for an organisation or missed
            if tok.i in seen_tokens or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.lower_ not in given_names or self.mention_at.get(tok.i) is not None:
                continue
            if tok.ent_type_ not in ("", "ORG", "PERSON") or by_last.get(tok.lower_) != given_names[tok.lower_]:
                continue
            persons.append(_Person(tok.idx, given_names[tok.lower_], None, frozenset(), _in_subject(tok)))
            seen_tokens.add(tok.i)
        persons.sort(key=lambda p: p.pos)
        return persons

    def _titled_names(self) -> list:
        """The last word of each name after a courtesy title ("Ms. Horobets", "Mr. Van
        Tassel"), whatever the entity recogniser made of it, and of each full name after a
        capitalised office ("Mayor Curtis Rahn", "Sheriff Dana Pruitt"), which the recogniser
        may miss as a person."""
        doc = self.doc
        found = []
        for tok in doc[:-1]:
            if tok.nbor(1).pos_ != "PROPN":
                continue
            if tok.lower_ not in _COURTESY_TITLES and not _office_before_full_name(tok):
                continue
            surname = tok.nbor(1)
            while surname.i + 1 < len(doc) and surname.dep_ in ("compound", "flat") \
                    and surname.head.i == surname.i + 1 and surname.head.pos_ == "PROPN":
                surname = surname.head
            found.append(surname)
        for tok in doc[1:-3]:
            # "Doreen Marchetti, 71, has lived on Wendell Avenue": a full name with an age in
            # apposition is a person's
            aged = tok.nbor(1).text == "," and tok.nbor(2).text.isdigit() and len(tok.nbor(2).text) <= 3 \
                and tok.nbor(3).text == ","
            if aged and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.nbor(-1).pos_ == "PROPN" \
                    and tok.nbor(-1).text[:1].isupper() and tok.i not in self.mention_at and tok not in found:
                found.append(tok)
        return found

    def _titled_bearer(self, name: str, tokens) -> str | None:
        """"Ms. Dufresne" when two people of the text share the surname ("Kevin Dufresne", "Renee
        Dufresne"): the one whose given name has the courtesy title's gender, when one only has;
        None for anything else."""
        words = _strip_poss(name).split()
        if len(words) != 1 or words[0].lower() not in self.shared_surnames or not tokens:
            return None
        first = min(tokens, key=lambda t: t.i)
        title = first if first.lower_ in _COURTESY_GENDERS else (first.nbor(-1) if first.i > 0 else None)
        gender = _COURTESY_GENDERS.get(title.lower_) if title is not None else None
        if gender is None:
            return None
        given = given_name_genders()
        bearers = {p.name for p in self.persons if len(p.name.split()) >= 2
                   and p.name.split()[-1].lower() == words[0].lower() and given.get(p.name.split()[0].lower()) == gender}
        return bearers.pop() if len(bearers) == 1 else None

    def _genders(self) -> dict[str, str]:
        """The gender a courtesy title gives a person in this text ("Ms. Denning": "f"; "Mr.
        Tran": "m"), by canonical name; people with titles of both kinds, and surnames that two
        people share, are left out."""
        found: dict[str, set[str]] = defaultdict(set)
        shared = self.shared_surnames
        for tok in self.doc[:-1]:
            gender = _COURTESY_GENDERS.get(tok.lower_)
            following = tok.nbor(1)
            if gender is not None and following.pos_ == "PROPN":
                surname = following
                while surname.i + 1 < len(self.doc) and surname.nbor(1).pos_ == "PROPN" \
                        and surname.nbor(1).ent_iob_ == "I":
                    surname = surname.nbor(1)
                name = self.by_last.get(surname.text.lower())
                if name is not None and surname.text.lower() not in shared:
                    found[name].add(gender)
        for tok in self.doc:
            # "A nephew, Kalle Rautio,", "Helmi Tervo, his sister,": a noun of kinship in apposition
            kin = _KIN_GENDERS.get(tok.lower_) if tok.pos_ == "NOUN" else None
            if kin is None:
                continue
            for word in [tok.head] if tok.dep_ == "appos" else [c for c in tok.children if c.dep_ == "appos"]:
                person = next((p for p in self.persons if p.pos == _name_tokens(word)[0].idx), None)
                if person is not None:  # (a full name, though another person shares the surname)
                    found[person.name].add(kin)
        given = given_name_genders()
        for person in self.persons:
            # "Tamara Gaines", "Roy Dempsey": a given name that tells the gender, where no title does
            words = person.name.split()
            if len(words) >= 2 and words[0].lower() in given:
                found[person.name].add(given[words[0].lower()])
        return {name: next(iter(kinds)) for name, kinds in found.items() if len(kinds) == 1}

    def _shared_surnames(self) -> set[str]:
        """Surnames that two people named in the text share ("Nadiya Kovalenko" and "Serhiy
        Kovalenko"): "Mr. Kovalenko" says nothing of the mother's gender."""
        full: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # surname -> (given names, suffixes...)
        for ent in self.doc.ents:
            words = _strip_poss(_whole_words_text(ent)).split() if ent.label_ == "PERSON" else []
            couple = _couple_surname(ent[0]) if len(words) == 1 else None
            if couple:
                words = [*words, couple]  # "Dennis" of "Dennis and Karla Halvorsen"
            suffixes: list[str] = []
            while len(words) > 2 and words[-1].lower() in _NAME_SUFFIXES:
                # ("Aurelio Santos Jr." shares "Santos" with his wife, "Walter Oxley Jr." with his
                # father, "Walter Oxley Sr.")
                suffixes.insert(0, words[-1].lower().rstrip("."))
                words = words[:-1]
            if len(words) >= 2:
                full[words[-1].lower()].add((" ".join(words[:-1]).lower(), *suffixes))
        return {surname for surname, given in full.items() if len(given) > 1}

    def canonical_person(self, name: str) -> str:
        """The canonical name of a person named ``name``: the full name its last word stands for
        ("Ferebee" -> "Lance Ferebee"; a given name alone, "Brock" -> "Brock Thorsrud"). A full
        name whose surname several people of the text share stays as it is ("Brock Thorsrud"
        is not "Caden Thorsrud")."""
        words = _strip_poss(name).split()
        if not words:
            return name
        surname = _surname_key(" ".join(words))  # (past a suffix: "... Brandt Jr.")
        if len(words) >= 2 and surname in self.shared_surnames:
            return " ".join(words)
        full = self.by_last.get(surname, " ".join(words))
        given = words[0]
        if len(words) == 2 and len(full.split()) >= 2 and given.isalpha() and given[:1].isupper() \
                and given.lower() not in {w.lower() for w in full.split()} \
                and given.lower() not in _WORDS_BEFORE_NAMES:
            return " ".join(words)  # "Nadia Lockhart" is not "Caleb Lockhart", recognised or not
        return full

    # -- actors ---------------------------------------------------------------
    def _np_actor(self, tokens, *, prefer_member: bool = True) -> str | None:
        found = []
        for t in sorted(tokens, key=lambda t: t.i):
            m = self.mention_at.get(t.i)
            if m is not None and m not in found:
                found.append(m)
        if not found:
            return None
        if prefer_member:
            for m in found:
                if m.via == "member":
                    return m.actor
        return found[0].actor

    def member_of(self, tokens) -> Mention | None:
        for t in sorted(tokens, key=lambda t: t.i):
            m = self.mention_at.get(t.i)
            if m is not None and m.via == "member":
                return m
        return None

    # -- speakers -------------------------------------------------------------
    def speaker_of(self, record: _Record) -> _Speaker | None:
        """Resolve (once) and return the speaker of a record, in text order."""
        key = id(record)
        if key in self._resolved:
            return self._resolved[key]
        speaker: _Speaker | None
        if record.inherit_from is not None:
            speaker = self.speaker_of(record.inherit_from)
            record.entry = record.inherit_from.entry
            record.gov = record.inherit_from.gov
        elif record.source == "colon":
            speaker = self._speaker_from(record.subject, record)
        elif record.follows is not None:
            speaker = self.speaker_of(record.follows)
            if speaker is None or speaker.name is None or not speaker.person \
                    or not self._paragraph_about(record.follows.start, speaker.name):
                speaker = None
        elif record.source == "none" or record.gov is None:
            speaker = None
        else:
            subject = record.subject if record.subject is not None else _subject(record, self.doc, self.verbs)
            if subject is not None and self.in_quote(subject.idx) \
                    and (owner := self._owner_of_title(subject)) is not None:
                subject = owner
                comma = next((t.i for t in self.doc[owner.i:] if t.text == ","), owner.i + 1)
                record.np_limit = comma - 1  # (the title hung on the name is none of it)
            if subject is not None and _unauthored_text(subject):
                subject = None  # 'The U.S. code says ...': a text, not a speaker
            if subject is not None and (_is_number(subject) or _is_infinitive(subject)):
                # "A rancher whose family has farmed here since 1911 said": the parser made the
                # year the subject; the speaker is the verb's other subject ("A retired welder who
                # has lived there since 1980 said"), else the noun whose clause holds the verb; the
                # same for a verb after "to" ("An employee who ... when the roof began to groan said")
                other = next((c for c in record.gov.children if c.dep_ in ("nsubj", "nsubjpass")
                              and c.i != subject.i and not _is_number(c)), None)
                subject = other if other is not None else _noun_above(record.gov)
            if subject is not None and subject.left_edge.lower_ == "whose" and subject.left_edge.i < subject.i:
                # "A woman from Lobach Township whose father's certificate was among those ... said":
                # the parser made the relative clause the main one; the speaker is its other subject
                subject = next((c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass")
                                and c.i < subject.left_edge.i), subject)
            if subject is not None and subject.dep_ in ("nsubj", "nsubjpass"):
                # "..., said one of them, Gene Wojcik, 74.": the parser hung the name in apposition
                # on the verb (a second subject, a modifier); the speaker is the one it names
                named = next((c for c in subject.head.children
                              if c.dep_ in (subject.dep_, "npadvmod", "appos", "dep") and c.i > subject.i
                              and c.ent_type_ == "PERSON" and c.left_edge.i > 0
                              and self.doc[c.left_edge.i - 1].text == ","), None) \
                    if subject.ent_type_ != "PERSON" else None
                if named is None and subject.ent_type_ != "PERSON" and subject.pos_ not in ("NOUN", "PROPN") \
                        and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
                    # "Two of them, Marisol and Hector Fairbanks, said": the names set off after a
                    # partitive, which the parser made its conjunct
                    # ("One of them, a retired teacher who ..., told": the description set off after it)
                    named = next((c for c in subject.children
                                  if ((c.dep_ in ("conj", "appos") and c.ent_type_ == "PERSON")
                                      or (c.dep_ == "appos" and c.pos_ == "NOUN"))
                                  and self.doc[c.left_edge.i - 1].text == ","), None)
                subject = named if named is not None else subject
            if subject is not None and subject.dep_ == "nsubj" and _partitive_of_pronoun(subject):
                # "Opponents of the plan, many of them in matching shirts, argued": the parser gave the
                # verb the aside as a second subject; the speaker is the noun it describes
                subject = next((c for c in subject.head.children if c.dep_ == "nsubj" and c.i < subject.i
                                and not _partitive_of_pronoun(c)), subject)
            if subject is not None and _subordinated_report(record.gov):
                # "A lawyer who argued the case before the justices in September said ...": the
                # parser read "before the justices ... said" as a clause of time, left the
                # sentence without a main verb, and made the justices the speaker
                subject = record.gov.sent.root
            if subject is not None and subject.pos_ == "NOUN":
                subject = _author_of(subject)  # "a Defense Ministry statement called": the ministry
                if subject.lemma_.lower() in _AUTHORED_REPORTS:
                    # "Its statement called": the body that "its" stands for; "The ministry's
                    # statement said": the ministry, resolved as a speaker of its own
                    # ("the township’s own records", the owner's "’s" read as an adjective)
                    subject = next((c for c in subject.children if (c.dep_ == "poss" or (
                                        c.dep_ == "nmod" and c.i + 1 < subject.i
                                        and self.doc[c.i + 1].lower_ in ("\u2019s", "'s")))
                                    and (c.lower_ in ("its", "their", "his", "her") or c.pos_ in ("NOUN", "PROPN"))),
                                   subject)
            speaker = self._speaker_from(subject, record) if subject is not None else _Speaker(None, None, None)
            if speaker is not None and speaker.name is None and speaker.mention is None:
                speaker = _Speaker(None, None, None)
        self._resolved[key] = speaker
        if speaker is not None and speaker.name is not None:
            self.speakers.append(speaker)
            self.reported.append((record.start, record.end, speaker.name))
        return speaker

    def _owner_of_title(self, subject):
        """For a subject inside a title in quotation marks ("The town’s Board of Health, in a report it
        circulated, “Sixty Years of Data,” noted that", the parser's subject "Years"): the verb's other
        subject before the title ("A summary the department sent ..., “Cluster, North County,” says"),
        else the noun that opens the sentence before the title with no verb of its own (where the parser
        ended a sentence there); None otherwise."""
        k = bisect_right(self.quote_starts, subject.idx) - 1
        marked = self.marked[k]
        tokens = self.tokens_in(marked.start, marked.end)
        if not tokens or not _is_title(self.doc, self.text, marked.start, marked.end, tokens):
            return None
        doc, opening = self.doc, tokens[0].i
        other = next((c for c in subject.head.children if c.dep_ in _SUBJ_DEPS and c.i < opening - 1), None)
        if other is not None:  # ("A summary the department sent ..., “Cluster, North County,” says")
            return other
        first = opening  # (the parser may have ended a sentence before the title)
        while first > 0 and doc[first - 1].text not in (".", "!", "?") and "\n" not in doc[first - 1].text:
            first -= 1
        return next((t for t in doc[first:opening] if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")), None)

    def _paragraph_about(self, pos: int, name: str) -> bool:
        """Whether the paragraph around ``pos`` is about the person ``name``: every sentence names or
        quotes them or opens with "he" or "she" ("Among the residents who spoke was Marguerite Fonseca,
        71, ... . She recalled that ..."; "“Nobody likes hearing it,” he said, “but ...”"), past
        sentences that open the paragraph with no one in them when two sentences or more about the
        person follow ("Two generations of drivers have known the yard as “the pound.” One of the
        drivers ..., a night-shift nurse ..., told the council ... . The nurse, Theresa Culhane, said")."""
        start, end = self.paragraph_at(pos)
        about = scene = 0
        for sentence in self.doc.char_span(start, end, alignment_mode="expand").sents:
            named = any(sentence.start_char <= p.pos < sentence.end_char and p.name == name for p in self.persons) \
                or any(sentence.start_char <= s < sentence.end_char and said == name for s, _, said in self.reported)
            if named or sentence[0].lower_ in ("he", "she"):
                about += 1
                continue
            if about or any(sentence.start_char <= p.pos < sentence.end_char for p in self.persons) \
                    or any(sentence.start_char <= s < sentence.end_char for s, _, _ in self.reported):
                return False
            scene += 1
        return about >= (2 if scene else 1)

    def _speaker_from(self, tok, record: _Record) -> _Speaker:
        if tok.pos_ == "PROPN" and _in_dateline(self.doc, tok.idx + len(tok.text)):
            # "DUNLOW, Kan. — The Kansas Interscholastic Activities League suspended": the parser
            # made the dateline's town the subject and the subject its apposition
            after = next((c for c in tok.children if c.dep_ == "appos"
                          and not _in_dateline(self.doc, c.idx + len(c.text))), None)
            if after is not None:
                return self._speaker_from(after, record)
        pos = tok.idx
        lower = tok.lower_
        # pronouns ----------------------------------------------------------
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "WP"):
            clause = tok.head
            if lower in _RELATIVE_PRONOUNS and clause.dep_ == "conj" and tok.i > 0 \
                    and self.doc[tok.i - 1].lower_ == "and":
                # "Supervisor Thomas E. Kroeger, who noted that A, and who warned that B": the second
                # relative clause, however the parser hung it, is on the noun of the first
                clause = next((t for t in reversed(self.doc[tok.sent.start:tok.i]) if t.dep_ in ("relcl", "acl")
                               and any(c.dep_ in _SUBJ_DEPS and c.lower_ == lower for c in t.children)), clause)
            if lower in _RELATIVE_PRONOUNS and clause.dep_ in ("relcl", "acl") and clause.head is not None:
                noun = clause.head
                if noun.pos_ == "NOUN" and noun.lemma_.lower() == "resolution" and (
                        body := _body_answering_with(noun)) is not None:
                    # "The board adopted a resolution that calls the plan “...”": the board's
                    return replace(self._speaker_from(body, record), mention=tok.text, pos=pos)
                return self._speaker_from(noun, record)
            kind = _POSSESSIVE_PRONOUNS.get(lower)
            pronoun = {"person": "he", "thing": "it", "group": "they"}.get(kind, lower)
            gender = _PRONOUN_GENDERS.get(lower)
            antecedent = None
            if lower == "it" and self._text_before(pos):
                # "The contract says A. It also says that B": a text, as the contract is
                return _Speaker(None, None, None)
            if lower == "it" and (authored := self._authored_text_before(pos) or self._signer_before(pos)) is not None:
                # "The petition asks the City Council to strike the closing. It says": the petition's,
                # and so its author's ("The judge, Franklin D. Aldermoor III, signed the order on Nov. 26.
                # It says": the order's, and so the judge's)
                return replace(self._speaker_from(authored, record), mention=tok.text, pos=pos)
            if pronoun in _THING_PRONOUNS:
                antecedent = self._previous_organisation(pos, record)
            if lower == "they" and (group := self._group_subject_before(pos)) is not None:
                # "Ten of the program's doctoral students signed an open letter ... . In it, they
                # wrote": the people the sentence before was about, though no one quoted them yet
                return replace(self._speaker_from(group, record), mention=tok.text, pos=pos)
            if antecedent is None:
                antecedent = self.antecedent(pronoun, pos, gender=gender)
            if antecedent is None and pronoun in ("he", "she") and (described := next((
                    c for c in tok.sent.root.children if c.dep_ == "nsubj" and c.i < tok.i
                    and (c.pos_ == "NOUN" or c.is_lower) and c.lemma_.lower() in _PERSON_NOUNS), None)) is not None:
                # "The county’s president judge has ordered ..., because, he told the commissioners, A": no
                # one named before, the person its own sentence describes (named later, as the case may be)
                return replace(self._speaker_from(described, record), mention=tok.text, pos=pos)
            if antecedent is None:
                return _Speaker(None, tok.text, None, pos)
            if gender is not None and antecedent.person and antecedent.name \
                    and _surname_key(antecedent.name) not in self.shared_surnames:
                self.genders.setdefault(antecedent.name, gender)  # "he said": Sybiha is "he" from now
            partner = next((c for c in tok.children if c.dep_ == "conj" and _person_name(c)), None) \
                if tok.dep_ in _SUBJ_DEPS and antecedent.person and antecedent.name else None
            if partner is None and tok.dep_ in _SUBJ_DEPS and antecedent.person and antecedent.name:
                # "She and the union’s treasurer, Oscar Bellweather, told": the one named in apposition
                partner = next((a for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                                for a in c.children if a.dep_ == "appos" and _person_name(a)), None)
            if partner is not None:  # "He and Councilor Marisol Solorio said": the two together
                words = _after_titles(_name_tokens(partner))
                other = _whole_words_text(words) if len(words) > 1 else self.canonical_person(partner.text)
                return _Speaker(f"{antecedent.name} and {other}", tok.text, antecedent.actor, pos, None, True, True)
            return _Speaker(antecedent.name, tok.text, antecedent.actor, pos, antecedent.head,
                            antecedent.plural, antecedent.person)
        if tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in _AUTHORED_REPORTS:
            # "according to a district memo": the district named before, else the memo itself
            org = self._earlier_org(tok)
            if org is None and tok.lower_ == "agency" and (body := self._public_body_before(tok)) is not None:
                # "according to agency records" after "OSHA inspected the elevator"
                return replace(body, mention=self.span_text(_np_tokens(tok.head)), pos=pos)
            if org is None:
                return self._speaker_from(tok.head, record)
            name = "the " + self._organisation_text(org)
            return _Speaker(name, self.span_text(_np_tokens(tok.head)), self._np_actor(list(org), prefer_member=False),
                            pos, tok.lower_, False, False)
        np, name_tokens = _speaker_np(tok, self)
        limit = record.np_limit if record.np_limit is not None and tok.i <= record.np_limit else None
        if tok.left_edge.i > 0 and self.doc[tok.left_edge.i - 1].lemma_.lower() in _AUTHORED_REPORTS and any(
                c.dep_ == "acl" and c.i == tok.i + 1 and c.tag_ in ("VBD", "VBN")
                and c.lemma_.lower() in _SENDING_VERBS | _ADOPTING_VERBS for c in tok.children):
            limit = tok.i  # "results the county commission certified on Nov. 20": the sender, not its act
        if limit is not None:  # (not an author named after it)
            np = [t for t in np if t.i <= limit] or [tok]
            name_tokens = [t for t in name_tokens if t.i <= limit] or [tok]
        mention = self.span_text(name_tokens)
        family = self._family_pair(tok)
        if family is not None:  # "the Solheims wrote" after "Brent and Kari Solheim"
            return _Speaker(family, mention, None, pos, None, True, True)
        # a member of the inventory ---------------------------------------
        member = self.member_of(name_tokens)
        if member is not None and not (member.token_start <= name_tokens[-1].i < member.token_end
                                       or member.token_start <= tok.i < member.token_end):
            member = None  # "a senior official in President Zelensky's office"
        if member is not None:
            return _Speaker(member.member, mention, member.actor, pos, person=True)
        # the short form of an organisation named in full before ("Berkshire Crest said" after
        # "the owner, Berkshire Crest Properties"), whatever the recogniser made of it
        full = self._organisation_short_form(name_tokens)
        if full is not None:
            if full[0].lower_ == "the" and len(full) > 1 and full.end < len(self.doc) \
                    and self.doc[full.end].lemma_.lower() in _WORKS_NOUNS:
                full = full[1:]  # "The Redfern Valley Poultry plant": the plant's article
            return _Speaker(_strip_poss(self.span_text(full)), mention, self._np_actor(list(full), prefer_member=False),
                            pos, full.root.lower_, False, False)
        full = self._organisation_by_last_word(tok)
        if full is not None:  # "The Record reported" after "The Marten County Record"
            return _Speaker(("the " if full[0].lower_ == "the" else "") + self._organisation_text(full), mention,
                            self._np_actor(list(full), prefer_member=False), pos, tok.lower_, False, False)
        expanded = self._expanded_abbreviation(tok)
        if expanded is not None:  # "The F.A.A. said" after "a Federal Aviation Administration grant"
            return _Speaker("the " + self.span_text(expanded), mention,
                            self._np_actor(list(expanded), prefer_member=False), pos, tok.lower_, False, False)
        # a group named by what it calls itself
        own_name = _name_it_calls_itself(tok)
        if own_name is not None:  # "a group that calls itself Quiet Harbor"
            return _Speaker(self.span_text(own_name), mention, self._np_actor(own_name, prefer_member=False), pos,
                            tok.lower_, False, False)
        # a person named in the text -----------------------------------------
        # a capitalised word the recogniser calls a person, whatever the tagger made of it
        # ("Brock said", tagged as a common noun at the start of a sentence)
        partner = None  # the second of two people named together
        person_tokens = [t for t in name_tokens if t.ent_type_ == "PERSON"
                         and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text[:1].isupper()))]
        if tok.pos_ == "NOUN":
            # "A retired bus driver from Winchendon", "a spokesman for Mayor Ruth Adler": the object
            # of a preposition on a described person is someone else (or a town the recogniser
            # took for a person); a name in apposition inside it still counts ("A lawyer for the
            # family, Jane Ross,")
            # ("The office of Delegate Miriam Birchfield" is hers: the person whose office it is)
            # (however deep in the phrase: "a roofer from the borough of Sayre Hollow who ...")
            objects = {w.i for c in tok.children if c.dep_ == "prep"
                       and not (c.lower_ == "of" and tok.lower_ in ("office", "campaign"))
                       for o in c.children if o.dep_ == "pobj" for w in [*_name_tokens(o), *(
                           t for t in o.subtree if t.dep_ == "pobj" and t.i > o.i for t in _name_tokens(t))]}
            person_tokens = [t for t in person_tokens if t.i not in objects]
        head = name_tokens[-1] if name_tokens else tok
        ids = {t.i for t in name_tokens}
        # the head of the name's own phrase ("Senator Dale Voss of Montana" -> "Voss", in
        # apposition to "Her colleague")
        root = next((t for t in name_tokens if t.head.i not in ids or t.head.i == t.i), head)
        if tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and tok.lower_ in _AGENCY_NOUNS and tok.ent_iob_ == "I":
            # "the South Dakota Department of Game, Fish and Parks": the last word of a department's
            # name that the recogniser took for a person is none
            person_tokens = []
        if person_tokens and (head.ent_type_ == "PERSON" or tok.ent_type_ == "PERSON" or root.ent_type_ == "PERSON"):
            person_tokens = [t for t in person_tokens if t.head.i == root.i or t.i == root.i] or person_tokens
            # two people named together: after a plural description, or as the subject itself ("Mr.
            # Beckwith and Ms. Marchetti said") or set off after it ("Two of them, Marisol and Hector
            # Fairbanks, said")
            subject_like = tok.dep_ in _SUBJ_DEPS or (tok.dep_ in ("conj", "appos") and tok.head.dep_ in _SUBJ_DEPS)
            together = tok.tag_ in ("NNS", "NNPS") or (subject_like and any(
                c.dep_ == "conj" and (_partner_name(c) or c.lemma_.lower() in _KIN_NOUNS | _PERSON_NOUNS)
                for c in tok.children))
            partner = _joint_partner(root) if together else None
            if partner is not None:  # "The two trustees ..., Rosalind Maki and Peter Jandreau, said"
                first = [t for t in person_tokens if t.i < partner.left_edge.i]
                if not first and root.pos_ == "PROPN":  # the first name missed by the recogniser
                    first = [t for t in _name_tokens(root) if t.i < partner.left_edge.i]
                person_tokens = first or person_tokens
            person_name = _whole_words_text(person_tokens)
        elif self._known_surname(name_tokens) or _unrecognised_full_name(name_tokens) \
                or _full_name_with_who(tok, name_tokens):
            # "Saint-Exupéry added", taken for an organisation; "Curtis Dehaan said", left untagged
            person_name = _whole_words_text(name_tokens)
        elif name_tokens and (after_office := _name_after_office(name_tokens[0])) is not None:
            # "Representative Carmen Iturbe of New Mexico said", taken for an organisation
            person_name = _whole_words_text(after_office)
        elif (holder := _office_holder(tok)) is not None:
            # "The office of Delegate Ruth Kessler said", the name taken for an organisation's
            person_name = _whole_words_text(holder)
        else:
            person_name = None
        couple = self._pair_of(list(name_tokens)) if person_name is not None and partner is None \
            and len(name_tokens) >= 4 else None
        if couple is not None:  # "Carl and Ellen Voss, farmers who ..., said", the given names hung on the surname
            return _Speaker(couple, mention, self._np_actor(np), pos, None, True, True)
        if person_name is not None:
            name = self._titled_bearer(person_name, name_tokens) or self.canonical_person(person_name)
            if partner is not None:
                name = f"{name} and {self.canonical_person(_whole_words_text(_name_tokens(partner)))}"
            actor = self._np_actor(np) or self._person_actor(name, pos)
            if actor is None:
                actor = self.extractor.inventory.member_actor(name, on=self.date)
            if tok.pos_ == "NOUN" and tok.lower_ in ("office", "campaign") and partner is None \
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                # "The office of State Senator Gail Hornberger said": her office, written as the
                # guideline writes a person's office
                return _Speaker(self._owned(name, tok.lower_), mention, actor, pos, tok.lower_, False, False)
            return _Speaker(name, mention, actor, pos, person=True)
        # a descriptor: "the foreign minister", "a senior Western official" ------
        actor = self._np_actor(np, prefer_member=False)
        head_word = tok.lower_ if tok.pos_ in ("NOUN", "PROPN") or (
            tok.lower_ in _STUDENT_NOUNS and tok.dep_ in _SUBJ_DEPS) else None  # ("A senior who ...", an adjective)
        plural = tok.tag_ in ("NNS", "NNPS")
        first = min(np, key=lambda t: t.i) if np else tok
        has_name = any(self.mention_at.get(t.i) is not None and self.mention_at[t.i].via in ("name", "member")
                       for t in np)
        # "The lender, Driftless Farm Credit, said", "Its contractor, Prairie Ordnance Systems,":
        # the organisation in apposition is the speaker, before any bearer of the title
        in_apposition = bool(name_tokens) and name_tokens[0].i > tok.i \
            and not any(t.ent_type_ == "PERSON" for t in name_tokens)
        if plural and tok.lemma_.lower() in _PERSON_NOUNS | _KIN_NOUNS | {"brother", "sister"} \
                and (pair := self._pair_before(tok)) is not None:
            # "Earl and Dwight Hostetler, brothers who raise beef cattle ..., said": the two named
            return _Speaker(pair, mention, actor, pos, head_word, True, True)
        if head_word in ("city", "town", "village") and first.lower_ == "the" and not has_name and not in_apposition \
                and all(t.i == tok.i or t.dep_ == "det" or t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s") for t in np):
            place = _dateline_place(self.doc)
            if place is not None:  # "QUESSETT, Mass. — ... the city sent": the city of the dateline
                return _Speaker(f"the {head_word} of {place}", mention, actor, pos, head_word, False, False)
        if head_word in _SPOKESPERSON_NOUNS and not has_name and not in_apposition and first.lower_ in ("a", "an"):
            org = self._spokespersons_body(tok)
            if org is not None:  # "A department spokesman said": for the department named before
                return _Speaker(f"a {head_word} for {org[0]}", mention, actor or org[1], pos, head_word, False, True)
        if head_word and not has_name and not plural and not in_apposition \
                and (first.lower_ in _CATAPHORIC_DETERMINERS or (head_word in _PERSON_NOUNS and any(
                    c.dep_ == "poss" and (c.pos_ in ("NOUN", "PROPN") or c.is_lower or c.ent_type_ == "ORG")
                    for c in tok.children))):
            # (also "the county's clerk", "the Legislature’s auditor general", a description by the
            # body whose office it is)
            # "A Fall River woman sued ... . The woman, Lorraine Medina, told": named later
            named = self._named_by_apposition(tok)
            if named is not None:
                return _Speaker(named[0], mention, actor or named[1], pos, head_word, False, named[2])
            person = (self._introduced_next(np, tok, pos) or self._sole_bearer_later(tok, pos)) \
                if first.lower_ in ("a", "an") else None
            if person is not None:
                return _Speaker(person.name, mention, actor or person.actor, pos, head_word, False, True)
        if first.i > 0 and first.nbor(-1).lower_ == "the" and _compound_word(tok) != tok.lower_:
            first = first.nbor(-1)  # "The co-op said": the tokenizer's pieces took no determiner
        if first.lower_ in ("his", "her", "their") and head_word in _KIN_NOUNS and not has_name \
                and not plural and not in_apposition:
            # "Hewitt's mother, Lorraine Hewitt, sat in the front row. ... his mother said": the
            # relative of that kind named before
            relative = self._named_relative(tok, first.lower_) or self._same_surname_relative(tok, first.lower_)
            if relative is not None:
                return _Speaker(relative, mention, actor or self._person_actor(relative, pos), pos, head_word,
                                False, True)
        if first.lower_ == "the" and has_name and head_word in _PERSON_NOUNS and not plural and not in_apposition:
            # "The State Department's top official for Europe told ... . Gideon Ashcombe, the
            # assistant secretary for European affairs, said"
            person = self._named_next_sentence(np, tok, pos)
            if person is not None:
                return _Speaker(person.name, mention, actor or person.actor, pos, head_word, False, True)
        if plural and not has_name and not in_apposition and first.lower_ in ("two", "a", "an") \
                and tok.lemma_.lower() in _PERSON_NOUNS | _KIN_NOUNS:
            # "Two parents whose children ride the route, Jake and Amber Lindeman, said"; "Two
            # brothers who run ... said" ... "The brothers, Tomas and Erik Sundquist,"
            pair = self._pair_set_off(tok) or self._pair_named_later(tok)
            if pair is not None:
                return _Speaker(pair, mention, actor, pos, head_word, True, True)
        if first.lower_ == "the" and plural and not has_name and not in_apposition \
                and any(c.dep_ == "nummod" and c.lower_ == "two" for c in tok.children):
            pair = self._last_two_titled(tok, pos)  # "the two senators wrote"
            if pair is not None:
                return _Speaker(f"{pair[0].name} and {pair[1].name}", mention, actor or pair[0].actor, pos,
                                head_word, True, True)
        if first.lower_ == "the" and not has_name and not in_apposition and not plural \
                and tok.lemma_.lower() in _GENERIC_ORGANISATION_NOUNS and (kind := self._kind_named_before(tok)):
            # "The anglers’ club" after "A fly-fishing club, the Oxbane Valley Anglers,"
            return _Speaker(kind.name, mention, actor or kind.actor, pos, head_word, False, False)
        if first.lower_ == "the" and not has_name and head_word and not in_apposition \
                and not _organisation_name(tok) and not _office_of_a_person(tok):
            if tok.lemma_.lower() in _INSTITUTION_NOUNS and not plural and len(np) == 2 \
                    and (body := self._body_subject_before(tok)) is not None:
                return _Speaker(body.name, mention, actor or body.actor, pos, head_word, False, False)
            if tok.lemma_.lower() in _TEAM_NOUNS and not plural and all(
                    t.i == tok.i or t.dep_ == "det" or t.tag_ == "POS" for t in np):
                team = self._team_named_before(tok)  # "the team says": the club, not its owner
                if team is not None:
                    return _Speaker(team, mention, actor, pos, head_word, False, False)
            generic = tok.lemma_.lower() in _GENERIC_ORGANISATION_NOUNS \
                or _compound_word(tok) in _GENERIC_ORGANISATION_NOUNS
            resolved = self._definite(np, tok, pos)
            if resolved is not None and (resolved.person or resolved.plural) and generic:
                resolved = None  # "The railroad maintained": a body, not the people who spoke of it last
            if (resolved is None or (resolved.name or "")[:1].islower()) and head_word in _PERSON_NOUNS \
                    and not plural:
                # "a senior State Department official ... The official told the committee ... The
                # official, Karen Lindqvist, declined": a description the text names later
                named = self._named_by_apposition(tok)
                if named is not None and named[2]:
                    known = actor or (resolved.actor if resolved is not None else None) or named[1] \
                        or self._earlier_np_actor(tok)
                    resolved = _Speaker(named[0], mention, known, pos, head_word, False, True)
                elif named is None and (person := self._named_next_sentence(np, tok, pos)) is not None:
                    # "The Treasury Department's top sanctions official told the committee ... .
                    # Priya Castellanos, the director of the department's Office of ...,"
                    resolved = _Speaker(person.name, mention, actor or person.actor, pos, head_word, False, True)
            if resolved is None and generic and not plural:
                # "..., the cooperative said on Tuesday. The cooperative, Sandhollow Electric, approved"
                named = self._named_by_apposition(tok)
                if named is not None and not named[2]:
                    resolved = _Speaker(named[0], mention, named[1], pos, head_word, False, False)
            if resolved is not None:
                return _Speaker(resolved.name, mention, resolved.actor if actor is None else actor, pos,
                                resolved.head, resolved.plural, resolved.person)
            earlier = self._earlier_np(tok)  # "the ministry" -> "The Russian Defence Ministry"
            if earlier is not None:
                name = _descriptor(self.span_text(earlier[0]), min(earlier[0], key=lambda t: t.i))
                return _Speaker(name, mention, actor or earlier[1], pos, head_word, plural, False)
            org = self._earlier_org(tok)  # "the institute" -> "the American Petroleum Institute"
            if org is None and first.lower_ == "the":
                org = self._later_org(tok)  # a lede's "the board", named in the next sentence
            if org is not None:
                words = [t for t in org if t.tag_ != "POS" and t.lower_ != "the"]
                if org[0].pos_ == "PROPN" or org[0].lower_ == "the":
                    name = "the " + _strip_poss(self.span_text(words))
                else:
                    name = _descriptor(_strip_poss(org.text), org[0])
                return _Speaker(name, mention, actor or self._np_actor(list(org), prefer_member=False),
                                pos, head_word, plural, False)
            bare = len([t for t in np if t.tag_ != "POS" and t.dep_ != "det"]) == 1  # "the company", no modifier
            if generic and not plural and bare:
                # "Berkshire Crest ... said it would appeal. ..., the company said": the
                # organisation named or quoted last, in this or the two sentences before
                recent = self._described_organisation(tok) \
                    or self._company_subject_before(tok) \
                    or self._recent_organisation(pos, business=tok.lemma_.lower() in _BUSINESS_NOUNS) \
                    or self._last_company(tok) \
                    or self._apposition_before(tok) \
                    or self._described_name_before(tok)
                if recent is not None:
                    return _Speaker(recent.name, mention, actor or recent.actor, pos, head_word, False, False)
            if generic and not plural and (later := self._next_speaking_company(tok)) is not None:
                return _Speaker(later.name, mention, actor or later.actor, pos, head_word, False, False)
            institution = tok.lemma_.lower() in _INSTITUTION_NOUNS and tok.lower_ not in _PERSON_NOUNS
            if not plural and institution:
                org = self._organisation_named_later(np, tok, pos)  # "the state's dam safety office"
                if org is not None:
                    return _Speaker("the " + self._organisation_text(org), mention,
                                    actor or self._np_actor(list(org), prefer_member=False), pos, head_word,
                                    False, False)
                recent = self._recent_organisation(pos) if bare and tok.lemma_.lower() not in _PUBLIC_BODY_NOUNS \
                    | _LOCAL_GOVERNMENT_NOUNS else None
                named = self.doc.char_span(recent.pos, recent.pos + 1, alignment_mode="expand") \
                    if recent is not None and len(recent.name.split()) == 1 else None
                if named is not None and named[0].idx == recent.pos and named[0].tag_ == "NNPS":
                    recent = None  # ("The Wolverines ..., according to figures the district gave": a team)
                if recent is not None and self.sentence_id(recent.pos) >= self.sentence_id(pos) - 1:
                    # "Quinnet Valley Medical Center will stop delivering babies ..., the hospital
                    # said": the organisation named in the same sentence or the one before
                    return _Speaker(recent.name, mention, actor or recent.actor, pos, head_word, False, False)
            # "the diplomat stated": the last fitting person quoted, else mentioned;
            # then a lead's "..., the foreign minister has said" named just after (never for "the
            # company": "a lawyer for the company, Ellen Cavanaugh," is no company)
            # "The Army said": no major in it; "the hospital said": not its president, named after it
            body = tok.lower_ in _ARMED_SERVICE_NOUNS | _LOCAL_GOVERNMENT_NOUNS or institution \
                or tok.lower_ == "family"  # ("The family sued": not "The family’s lawyer" named next)
            owned = None if generic or body else self._person_owner(tok, sorted(np, key=lambda t: t.i))
            if owned is not None:  # "The superintendent’s spokeswoman": hers, not whoever spoke last
                return _Speaker(owned, mention, actor, pos, head_word, False, True)
            person = None if generic or body else (self._role_antecedent(np, tok, pos, actor)
                                                   or self._cataphor(np, tok, pos, actor)
                                                   or self._sole_bearer_before(tok, pos))
            if person is None and head_word in _ROLE_WORDS and not plural and _role_of(np, tok)[0] is None \
                    and not _sole_office(np, tok):
                # "Senator Calloway said ... . The former governor told ...": a title that no
                # one carries continues the person who spoke in the previous sentence
                # (a generic role noun that no one fits stays unresolved: "the defence
                # minister" after a foreign minister)
                person = self._previous_person(pos)
                if person is not None and actor is not None and person.actor not in (None, actor):
                    person = None
                if person is not None and (person.name[:1].islower() or " and " in person.name):
                    person = None  # an unnamed "the mayor" is not "the governor" who speaks next, nor are
                    # two people who spoke together "The chairman of the Carraway Select Board"
                body = {g.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.subtree if g.pos_ == "PROPN"}
                if person is not None and body and not body & person.titles:
                    person = None  # "The chairman of the Brenner County Board of Commissioners": a body
                    # the one who spoke before is not named with
                owners = {c.lower_ for c in tok.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")}
                if person is not None and owners and any(
                        t in _ROLE_WORDS and t != head_word for t in person.titles - owners):
                    person = None  # "A spokeswoman for the board, Teresa Quiñones, ... The board’s chairman";
                    # "Wisconsin’s agriculture secretary, Helena Brzezinski, ... The county’s economic
                    # development director": someone of another office
                if person is not None and self._titles_of(person.name) & _SPOKESPERSON_NOUNS \
                        and head_word not in _SPOKESPERSON_NOUNS:
                    person = None  # "Its spokeswoman, Tara Boyce, ... The county’s finance director": a
                    # spokeswoman holds no other office
            if person is not None:
                return _Speaker(person.name, mention, actor or person.actor, pos, head_word, False, True)
            if head_word == "agency" and not plural and (body := self._public_body_before(tok)) is not None:
                # "The department has until Feb. 1 to rule, the agency's statement said": a
                # government agency, not the company quoted before it
                return _Speaker(body.name, mention, actor or body.actor, pos, head_word, False, False)
            if head_word == "agency" and not plural and (named := self._apposition_before(tok)) is not None:
                # "The agency, the Kettle Lakes Regional Transit Authority, faces a gap ... the
                # agency’s website": the body named for it, not a news agency
                return replace(named, mention=mention, pos=pos)
            if head_word in _NEWS_NOUNS and not plural:
                # "The New York Sentinel reported ... . The paper, citing two officials, said"
                outlet = self._previous_outlet(pos)
                if outlet is not None:
                    return _Speaker(outlet.name, mention, outlet.actor, pos, head_word, False, False)
        elif first.lower_ in ("its", "their") and not has_name and head_word in _PERSON_NOUNS and not plural \
                and not in_apposition:
            # "..., its general manager told the board. [...] the general manager, Teresa
            # Aldana, said": a title named in the next sentences
            person = self._cataphor(np, tok, pos, actor)
            if person is not None:
                return _Speaker(person.name, mention, actor or person.actor, pos, head_word, False, True)
        if first.lower_ == "its" and not has_name and not in_apposition and (
                tok.lemma_.lower() in _GOVERNING_BODY_NOUNS or (plural and tok.lemma_.lower() in _PERSON_NOUNS)):
            # "Tamarack State University will raise tuition ..., its board of trustees said": the
            # body or the people of the organisation named last, written out as the guideline writes
            # a description that points back
            org = self._recent_organisation(pos)
            if org is not None:
                words = sorted((t for t in np if t.i > first.i), key=lambda t: t.i)
                noun = self.span_text(words)
                owner = org.name
                at = self.doc.text.rfind(owner[4:], 0, org.pos + len(owner)) if owner.startswith("the ") else -1
                if at >= 0 and not self.doc.text[:at].rstrip().lower().endswith("the"):
                    owner = owner[4:]  # as the text writes it: "Tamarack State University"
                name = f"the {noun} of {owner}" if any(t.lower_ == "of" for t in words) else self._owned(owner, noun)
                return _Speaker(name, mention, actor or org.actor, pos, head_word, plural, False)
        if actor is None:
            poss = [t for t in np if t.dep_ == "poss" and t.lower_ in _POSSESSIVE_PRONOUNS]
            if poss:
                actor = self.possessor_actor(poss[0])
        if actor is None and head_word and not has_name and plural and len(np) == 1:
            earlier = self._earlier_np_actor(tok)
            if earlier is not None:
                actor = earlier
        if in_apposition:  # "The owner, Birchline Senior Living [of Milwaukee], said"
            name = self.span_text(list(_without_seat(self.doc[name_tokens[0].i:name_tokens[-1].i + 1])))
        elif _organisation_name(tok) and tok.ent_type_ == "ORG" and (
                any(t.dep_ in ("appos", "relcl") for t in np) or _hosted(tok)
                or _has_seat(_whole_name(_entity_of(tok)))):
            # "the Office of Correctional Oversight, a state agency,": the name, not its description
            # or a clause on it ("..., which licenses building inspectors,"); "the Center for Rural
            # Education Policy at Cascade State University": not its host; "Piedmont Asphalt &
            # Grading of Warrenton": not its seat
            name = ("the " if first.lower_ == "the" else "") + self._organisation_text(_entity_of(tok))
        else:
            clause = _identifying_clause(tok) if np else None
            words = sorted({*np, *clause.subtree}, key=lambda t: t.i) if clause is not None else np
            if tok.i > 0 and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].lower_ in ("that", "which"):
                # "A lawsuit that four inmates filed in federal court says": the parser made the
                # author the subject and its verb a participle on it; the author is "four inmates"
                filed = {t.i for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                         and c.lemma_.lower() in _SENDING_VERBS for t in c.subtree}
                words = [t for t in words if t.i not in filed]
            if record.gov is not None and any(t.i == record.gov.i for t in words):
                # "A retired couple from Lansing who have camped there since 1988 said they ...": the
                # parser hung the report on the relative clause; the description ends before it
                words = [t for t in words if t.i < record.gov.i]
                while len(words) > 1 and (words[-1].lower_ in _RELATIVE_PRONOUNS or words[-1].is_punct):
                    words = words[:-1]  # "tenants who [called the owner's "emergency" line]"
            if tok.ent_type_ == "ORG" and words:  # "Ridgeway Paving & Sealing [of Dover]": not its seat
                kept = _without_seat(self.doc[words[0].i:words[-1].i + 1])
                words = [t for t in words if t.i < kept.end]
            name = _descriptor(self.span_text(words) if words else tok.text, first)
            hirer = _hiring_clause(tok) if clause is None else None
            if hirer is not None and limit is not None and hirer[0].right_edge.i > limit:
                hirer = None
            if hirer is not None:
                # "a study by engineers the department hired": the engineers the body named before
                # hired, the body written out as the guideline writes a description that points back
                body = self._earlier_org(hirer[1])
                said = [t for t in words if t.i < hirer[0].left_edge.i] + list(hirer[0].subtree)
                name = _descriptor(self.span_text(said), first)
                if body is not None:
                    owner = self.span_text(list(hirer[1].subtree))
                    name = name.replace(owner, "the " + self._organisation_text(body), 1)
            if tok.dep_ == "poss":
                name = _strip_poss(name)  # "Sandover's bid says": Sandover
            owner = self._person_owner(tok, words)
            if owner is not None:  # "Her office said", "Mr. Lachance’s office said": whose office
                name = owner
            elif (county := self._county_owned(tok, words)) is not None:
                name = county  # "The county’s finance director": of the county the text names
            elif (kin := self._family_by_surname(tok, words)) is not None:
                name = kin  # "The family sued": the family of the one whose surname relatives share
            there = next((t for t in np if t.lower_ == "there" and t.head.i == tok.i), None)
            place = self._place_before(tok) if there is not None and plural else None
            if place is not None:
                # "Officials there said": the officials of the place named last
                here = _descriptor(self.span_text([t for t in words if t.i != there.i]), first)
                name = f"{here} in {place}"
        joined = next((c for c in tok.children if c.dep_ == "conj" and c.ent_type_ == "ORG" and tok.pos_ == "PROPN"
                       and c.i not in {t.i for t in np} and tok.doc[c.left_edge.i - 1].lower_ == "and"), None)
        if joined is not None and tok.dep_ in _SUBJ_DEPS:
            # "Bessemer Bay Shipbuilding, which builds ferries ..., and Voss Tank & Boiler said": the
            # two together, the clause on the first left out
            name += " and " + self._organisation_text(_entity_of(joined))
        # a lone proper noun that is no actor, place or organisation: a person ("said Olena");
        # a singular descriptor of one person ("one shipping executive", "a department
        # spokeswoman"), whom a later "he" or "she" can take up
        person = len(name_tokens) == 1 and tok.pos_ == "PROPN" and actor is None and (
            tok.ent_type_ in ("", "PERSON") or (tok.ent_type_ == "ORG" and not tok.is_upper))
        person = person or (head_word in _PERSON_NOUNS | _KIN_NOUNS and not plural)  # "Her husband, Tyler,"
        person = person or (lower == "one" and any(  # "One of the store's seasonal workers"
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in _PERSON_NOUNS
                                                          for g in c.children) for c in tok.children))
        return _Speaker(name, mention, actor, pos, head_word, plural, person)

    def _known_surname(self, tokens) -> bool:
        """Whether ``tokens`` are proper nouns only (hyphenated words allowed), none of
        them an actor's name, ending in the surname of a person named in the document:
        the entity recogniser may take a lone surname for an organisation."""
        words = [t for t in tokens if not _word_hyphen(t)]
        if not words or any(t.pos_ != "PROPN" or t.i in self.mention_at for t in words):
            return False
        return _whole_words_text(tokens).split()[-1].lower() in self.by_last

    def _person_actor(self, name: str, pos: int) -> str | None:
        for person in reversed(self.persons):
            if person.name == name and person.actor is not None:
                return person.actor
        return None

    def _last_speaker(self, pos: int, keep=None) -> _Speaker | None:
        """The speaker mentioned last before ``pos`` (optionally of a kind)."""
        found = [s for s in self.speakers if s.pos < pos and (keep is None or keep(s))]
        return max(found, key=lambda s: s.pos) if found else None

    def antecedent(self, pronoun: str, pos: int, *, gender: str | None = None) -> _Speaker | None:
        """The last plausible speaker before ``pos`` for a pronoun; for "he" or "she"
        (``gender``) no one whom a courtesy title gives the other gender ("Ms. Denning" is not
        "he")."""
        last_speaker = self._last_speaker(pos)
        if pronoun in _PERSON_PRONOUNS:
            def fits(name) -> bool:
                known = self.genders.get(name)
                return gender is None or known is None or known == gender

            persons = [p for p in self.persons if p.pos < pos and not self.in_quote(p.pos) and fits(p.name)]
            described = self._described_subject(pos)
            if described is not None and fits(described.name):
                # "A mother who had waited 14 months stood at the crossing. '...,' she said. The
                # mother, Iryna Bondar, said": the described subject of the sentence before
                return _Speaker(described.name, None, described.actor, described.pos, person=True)
            questioned = self._questioned(pos, persons)
            if questioned is not None:
                # "Rep. Nakamura pressed Ms. Castellanos on why ... . '...,' she said": the answer
                return _Speaker(questioned.name, None, questioned.actor, questioned.pos, person=True)
            sole = self._sole_person_before(pos, persons)
            if sole is not None:
                # "The painting was given to the Athenaeum in 1896 by Abigail Thorne Macy. In her
                # will, she wrote": the one person of the sentence before, though no subject
                return _Speaker(sole.name, None, sole.actor, sole.pos, person=True)
            subjects = [p for p in persons if p.subject]
            person = subjects[-1] if subjects else (persons[-1] if persons else None)
            last = self._last_speaker(pos, lambda s: s.person)
            if last is not None and not fits(last.name) and persons:
                # the last speaker is of the other gender: the subject of the sentence before, else
                # the last person of this gender mentioned ("Ms. Denning told reporters ... she met
                # Andrii Sybiha ... 'We ...,' he said"; "Oleksandra Bondarenko fled Kharkiv with
                # her son, Danylo, ... She said")
                person = self._previous_subject(pos, persons) or persons[-1]
            person_speaker = self._last_speaker(pos, lambda s: s.person and fits(s.name))
            if _described_person(last_speaker) and all(
                    other is None or last_speaker.pos > other.pos for other in (person, person_speaker)):
                # "An insurance broker ... told The Gazette ... . '...,' the broker said. Most of the
                # rest ..., she said": the unnamed person who spoke last, no one named since
                return last_speaker
            if person_speaker is not None and (person is None or person_speaker.pos >= person.pos):
                return person_speaker
            if person is not None:
                return _Speaker(person.name, None, person.actor, person.pos, person=True)
            return last_speaker
        if pronoun in _GROUP_PRONOUNS:
            pair = self._coordinated_subject(pos)
            if pair is not None:
                return pair
            group = self._last_speaker(pos, lambda s: s.plural)
            return group or last_speaker
        if pronoun in _THING_PRONOUNS:
            return self._last_speaker(pos, lambda s: not s.person)
        return None

    def _coordinated_subject(self, pos: int) -> _Speaker | None:
        """For "they": two people named together as the subject of the sentence before ``pos`` ("Ms.
        Olufsen and Senator Clay Rudd have introduced a bill. In a joint statement, they said"), as
        one speaker "A and B"; None otherwise."""
        previous = self._previous_sentence(pos)
        if previous is None:
            return None
        subject = _main_subject(previous)
        if subject is None or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subject.children):
            return None
        names = list(dict.fromkeys(p.name for p in _named_in(subject, self.persons)))
        if len(names) != 2:
            return None
        return _Speaker(f"{names[0]} and {names[1]}", None, None, subject.idx, None, True, True)

    def _group_subject_before(self, pos: int):
        """The people named by a plural noun as the subject of the sentence before ``pos`` ("Ten
        of the program's doctoral students signed a letter"), when that sentence reports no one's
        words and the subject names no person; None otherwise."""
        previous = self._previous_sentence(pos)
        if previous is None or any(previous.start_char <= s.pos < previous.end_char for s in self.speakers):
            return None
        top = subject = _main_subject(previous)
        if subject is not None and subject.pos_ == "NUM":  # "Ten of the program's doctoral students"
            of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            subject = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if subject is None or subject.tag_ != "NNS" or subject.lemma_.lower() not in _PERSON_NOUNS:
            return None
        if any(t.ent_type_ == "PERSON" for t in top.subtree):
            return None
        return top

    def _previous_sentence(self, pos: int):
        """The sentence before the one at character ``pos``, or None."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or span[0].sent.start == 0:
            return None
        return self.doc[span[0].sent.start - 1].sent

    def _subject_before(self, tok, deps=("nsubj",)):
        """The subject (of one of ``deps``) of the main verb of the sentence just before ``tok``'s,
        or None."""
        previous = self._previous_sentence(tok.idx)
        return _main_subject(previous, deps) if previous is not None else None

    def _described_subject(self, pos: int) -> _Person | None:
        """The person described, not named, as the subject of the sentence before ``pos`` ("A
        mother who had waited 14 months stood at the crossing"), when no one is named in that
        sentence and the text names the description later ("The mother, Iryna Bondar,"): that
        person, else None."""
        previous = self._previous_sentence(pos)
        if previous is None:
            return None
        subject = _main_subject(previous)
        if subject is None or subject.pos_ != "NOUN" or subject.tag_ != "NN":
            return None
        if subject.lower_ not in _PERSON_NOUNS:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
            return None
        if any(t.ent_type_ == "PERSON" for t in previous):
            return None
        named = self._named_by_apposition(subject)
        if named is None or not named[2]:
            return None
        return _Person(subject.idx, named[0], named[1], frozenset(), True)

    def _previous_subject(self, pos: int, persons: list[_Person]) -> _Person | None:
        """Among ``persons``, the last one that is the subject of the sentence before ``pos``:
        the antecedent a reader takes for "he" or "she" by default."""
        previous = self._previous_sentence(pos)
        if previous is None:
            return None
        start, end = previous.start_char, previous.end_char
        inside = [p for p in persons if start <= p.pos < end and p.subject]
        return inside[-1] if inside else None

    def _sole_person_before(self, pos: int, persons: list[_Person]) -> _Person | None:
        """The one person named in the sentence before ``pos``, when that sentence names no
        other and reports no one's words, and has a subject that is no person (a thing, as in
        "The painting was given ... by Abigail Thorne Macy"); else None."""
        previous = self._previous_sentence(pos)
        if previous is None or any(previous.start_char <= s.pos < previous.end_char for s in self.speakers):
            return None
        inside = [p for p in persons if previous.start_char <= p.pos < previous.end_char]
        if len({p.name for p in inside}) != 1 or any(p.subject for p in inside):
            return None
        subject = _main_subject(previous, ("nsubj", "nsubjpass"))
        if subject is None or subject.pos_ != "NOUN" or subject.lower_ in _PERSON_NOUNS | _KIN_NOUNS \
                or subject.ent_type_ == "PERSON":
            return None
        return inside[-1]

    def _reported_noun_before(self, pos: int):
        """The one subject of the sentence before ``pos`` when it is a common noun and the
        sentence's main verb reports ("The contract says ...", "The petition asks ..."), for an
        "it" that takes it up; None otherwise."""
        sentence = self._previous_sentence(pos)
        if sentence is None or self.verbs.entry(sentence.root) is None:
            return None
        subjects = _main_subjects(sentence)
        return subjects[0] if len(subjects) == 1 and subjects[0].pos_ == "NOUN" else None

    def _text_before(self, pos: int) -> bool:
        """Whether the sentence before ``pos`` reports what a text says ("The contract says ...",
        "The law requires ..."): its one subject is a text that speaks for no one
        (:func:`_unauthored_text`)."""
        subject = self._reported_noun_before(pos)
        return subject is not None and _unauthored_text(subject)

    def _signer_before(self, pos: int):
        """The subject of the sentence before ``pos`` when that sentence's main verb signs, issues or
        files a document ("The judge, Franklin D. Aldermoor III, signed the order on Nov. 26."), which
        "it" then stands for; None otherwise."""
        previous = self._previous_sentence(pos)
        root = previous.root if previous is not None else None
        if root is None or root.lemma_.lower() not in _SENDING_VERBS | _ADOPTING_VERBS or not any(
                c.dep_ == "dobj" and c.lemma_.lower() in _AUTHORED_REPORTS for c in root.children):
            return None
        return next((c for c in root.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)

    def _authored_text_before(self, pos: int):
        """The author of the document that the sentence before ``pos`` reports with ("The petition
        asks ..."); None when there is none or the document has no author the text gives."""
        subject = self._reported_noun_before(pos)
        if subject is None or subject.lemma_.lower() not in _AUTHORED_REPORTS:
            return None
        author = _author_of(subject)
        return author if author.i != subject.i else None

    def _previous_organisation(self, pos: int, record: _Record) -> _Speaker | None:
        """The organisation that is the subject of the main clause before ``pos``, for "it": of
        its own sentence when "it" hangs inside it ("The Kremlin said ... on what it called the
        'liberation'"), else of the sentence before ("The Department of Homeland Security, which
        runs the program, took no position on the bill. '...,' it said"; not the body quoted
        last, two paragraphs up)."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            return None
        own = span[0].sent
        before = [t for t in own if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == own.root.i and t.idx < pos]
        sentence = own if before else self._previous_sentence(pos)
        if sentence is None:
            return None
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == sentence.root.i
                    and (sentence is not own or t.idx < pos)]
        if len(subjects) != 1:
            return None
        subject = subjects[0]
        if subject.pos_ == "PRON" or subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ == "PERSON":
            return None
        if subject.pos_ == "NOUN" and subject.lemma_.lower() in _AUTHORED_REPORTS:
            author = _author_of(subject)  # "The report said ..., and it called ...": the report's author
            if author is not subject:
                speaker = self._speaker_from(author, record)
                return speaker if speaker.name is not None else None
        named = subject.ent_type_ == "ORG" or (
            subject.i in self.mention_at and self.mention_at[subject.i].via in ("name", "member")) or (
            # "Loup Prairie Public Power District": a name the recogniser missed, ending in a body's word
            subject.pos_ == "PROPN" and subject.lower_ in _NO_PERSONS_LAST_WORDS and subject.ent_type_ == ""
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in subject.lefts)) or (
            # "Clearpath Connect, the Nashville company that runs the calls,": described as a body
            subject.pos_ == "PROPN" and subject.ent_type_ in ("", "ORG") and any(
                c.dep_ == "appos" and c.lemma_.lower() in _GENERIC_ORGANISATION_NOUNS | _INSTITUTION_NOUNS
                for c in subject.children))
        if not named and subject.lemma_.lower() not in _INSTITUTION_NOUNS | _COLLECTIVE_NOUNS:
            return None  # ("The family has asked the department ... . Its petition argues")
        speaker = self._speaker_from(subject, record)
        return speaker if speaker.name is not None and not speaker.person else None

    def _questioned(self, pos: int, persons: list[_Person]) -> _Person | None:
        """The person a questioning verb of the previous sentence takes as its object
        ("pressed Ms. Castellanos on why ...", "asked the minister whether ...", "pressed her on why"), among
        ``persons`` (those the pronoun fits): the one who answers next, unless the questioner
        goes on to do something else in that sentence."""
        previous = self._previous_sentence(pos)
        if previous is None:
            return None
        root = previous.root
        if root.lemma_.lower() not in _QUESTIONING_VERBS:
            return None
        if any(c.dep_ in ("conj", "dep") and c.pos_ == "VERB" and c.i > root.i for c in root.children):
            return None  # "questioned Mr. Halvorsen ..., then turned to the judge": the questioner acts on
        if any(c.dep_ == "xcomp" and _infinitive(c) for c in root.children):
            return None  # "has asked Ms. Kessling to help the county": a request, which no answer follows
        for obj in (c for c in root.children if c.dep_ == "dobj"):
            if obj.lower_ in ("her", "him"):
                # "Senator Olufsen pressed her on why ... . She acknowledged": the last person
                # named before that sentence who is not the questioner
                asking = {p.name for c in root.children if c.dep_ == "nsubj" for p in _named_in(c, persons)}
                earlier = [p for p in persons if p.pos < previous.start_char and p.name not in asking]
                return earlier[-1] if earlier and asking else None
            inside = _named_in(obj, persons)
            if inside:
                return inside[-1]
        return None

    def _person_owner(self, tok, words) -> str | None:
        """A person's office or aide with the person written out, as the guideline writes a
        description that points back ("Her office" -> "Gail Swanson’s office", "Mr. Lachance’s
        spokeswoman" -> "Evan Lachance’s spokeswoman"): for a possessive pronoun, the person
        "he" or "she" would be; for a surname, its full name; None for anything else."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or not words or owner.i != words[0].i and not (
                words[0].tag_ == "NNP" and words[0].head.i == owner.i) and not (
                words[0].lower_ == "the" and words[0].head.i == owner.i and owner.i == words[0].i + 1) \
                or tok.lemma_.lower() not in _PERSON_NOUNS | {"office", "campaign"}:
            return None
        if owner.lower_ in ("his", "her"):
            person = self.antecedent("he", owner.idx, gender=_PRONOUN_GENDERS[owner.lower_])
            name = person.name if person is not None and person.person and person.name \
                and all(w[:1].isupper() for w in person.name.split()) else None  # a name, not "her aide"
        elif owner.pos_ == "PROPN" and owner.ent_type_ == "PERSON":
            full = self.canonical_person(owner.text)
            name = full if " " in full else None
        elif owner.pos_ == "NOUN" and words[0].lower_ == "the" and owner.lemma_.lower() in _PERSON_NOUNS \
                and (tok.lemma_.lower() in _PERSON_NOUNS or owner.lower_ not in _COUNTY_OFFICERS):
            # "The superintendent’s spokeswoman" after "The superintendent, Marla Dietz,": the one
            # person named before with that title (not "the clerk's office", a county's office)
            holders = {p.name for p in self.persons if p.pos < tok.idx and not self.in_quote(p.pos)
                       and owner.lower_ in self._titles_of(p.name)}
            name = holders.pop() if len(holders) == 1 and " " in next(iter(holders)) else None
        else:
            return None
        if name is None:
            return None
        rest = [t for t in words if t.i > owner.i and t.tag_ != "POS"]
        return self._owned(name, self.span_text(rest)) if rest else None

    def _county_owned(self, tok, words) -> str | None:
        """"the county’s finance director" written out with the one county the text names
        before it, outside quotation marks ("the Ostrum County finance director"); None for
        anything else, and when the text names no county or more than one."""
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ == "county"), None)
        if owner is None or not words or words[0].lower_ != "the" or words[0].head.i != owner.i \
                or tok.lemma_.lower() in _AUTHORED_REPORTS:
            return None
        names = set()
        for t in self.doc[:words[0].i]:
            if t.text != "County" or self.in_quote(t.idx):
                continue
            parts = []
            for w in reversed(self.doc[max(t.i - 3, 0):t.i]):
                if w.pos_ != "PROPN" or not w.text[:1].isupper() or w.is_sent_start and w.lower_ == "the":
                    break
                parts.insert(0, w.text)
            if parts:
                names.add(" ".join(parts))
        rest = [t for t in words if t.i > owner.i and t.tag_ != "POS"]
        if len(names) != 1 or not rest:
            return None
        return f"the {names.pop()} County {self.span_text(rest)}"

    def _family_by_surname(self, tok, words) -> str | None:
        """"The family" alone, written out with the person named first before it whose surname
        another person of the text shares ("The inmate, Kevin Dufresne, ... The woman, Renee
        Dufresne, ... The family sued": "Kevin Dufresne’s family"); None for anything else."""
        if tok.lower_ != "family" or [w.lower_ for w in words] != ["the", "family"]:
            return None
        for person in sorted(self.persons, key=lambda p: p.pos):  # (named people of the inventory come first)
            names = person.name.split()
            if person.pos < tok.idx and len(names) >= 2 and _surname_key(person.name) in self.shared_surnames:
                return self._owned(person.name, "family")
        return None

    def _owned(self, name: str, noun: str) -> str:
        """"Gail Swanson’s office": a person's office or aide, with the text's own apostrophe."""
        mark = "\u2019" if "\u2019" in self.doc.text else "'"
        return f"{name}{mark}s {noun}"

    def possessor_actor(self, tok) -> str | None:
        kind = _POSSESSIVE_PRONOUNS.get(tok.lower_)
        pos = tok.idx
        if kind == "person":
            antecedent = self.antecedent("he", pos)
            return antecedent.actor if antecedent else None
        # its / their: the actor named last
        for m in reversed(self.mentions):
            if m.start < pos and m.via in ("name", "member", "anaphor"):
                return m.actor
        return None

    def _definite(self, np, head, pos) -> _Speaker | None:
        """Resolve "the foreign minister" / "the official" to someone seen earlier."""
        words = [t.lower_ for t in np if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i < head.i]
        hw = head.lower_
        if head.tag_ in ("NN", "NNP") and hw not in _INSTITUTION_NOUNS | _LOCAL_GOVERNMENT_NOUNS \
                | _ARMED_SERVICE_NOUNS | _COLLECTIVE_NOUNS:
            # ("the county said" is the county, not its engineer; "The Army said", not a major in it;
            # "the family", not "the family's lawyer")
            best = None
            for person in self.persons:
                if person.pos >= pos:
                    break
                titles = self._titles_of(person.name)  # every title the name carries in the text
                if hw in titles and all(w in titles for w in words):
                    best = person
            if best is not None:
                return _Speaker(best.name, None, best.actor, best.pos, hw, False, True)
        plural = head.tag_ in ("NNS", "NNPS")  # ("the family’s lawyers" are not the one lawyer quoted before)
        return self._last_speaker(pos, lambda s: s.head is not None and _same_head(s.head, hw)
                                  and (s.plural or not plural))

    def _earlier_np(self, head) -> tuple[list, str] | None:
        """The last earlier noun phrase with the same head noun and an actor
        ("Leaders said" -> "European Union leaders"; "the ministry" -> "The Russian
        Defence Ministry"), with that actor. The title of a named person ("Foreign
        Minister" in "Foreign Minister Sergey Lavrov") is no such noun phrase: titles are
        matched to people by :meth:`_definite` and :meth:`_role_antecedent`."""
        for i in range(head.i - 1, -1, -1):
            tok = self.doc[i]
            if tok.lower_ == head.lower_:
                if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
                    continue
                left = [t for x in tok.lefts for t in x.subtree] + [tok]
                if tok.pos_ == "PROPN":  # "Ukraine's Ministry [of Social Policy]": the rest of the name
                    left += [t for x in tok.rights if x.dep_ == "prep" and x.lower_ in ("of", "for")
                             and any(o.pos_ == "PROPN" for o in x.children if o.dep_ == "pobj")
                             for t in x.subtree]
                start = _after_dateline(self.doc, min(t.i for t in left), tok.i)
                left = [t for t in left if t.i >= start]  # "KYIV, Ukraine — Russia's Defense Ministry"
                actor = self._np_actor(left, prefer_member=False)
                if actor is None:
                    actor = self.extractor._name_actor(self.span_text(left))
                if actor is not None:
                    return left, actor
        return None

    @staticmethod
    def _role_fits(titles: frozenset[str], actor: str | None, role: str, qualifiers: list[str],
                   np_actor: str | None, *, known_only: bool = False) -> bool:
        """Whether a person fits a generic role noun: their actor agrees with the noun
        phrase's ("the Ukrainian diplomat"), and their role, when known, is compatible
        ("the diplomat" fits a foreign minister or an ambassador, "the official" anyone).
        With ``known_only`` an unknown role does not fit."""
        if np_actor is not None and actor is not None and np_actor != actor:
            return False
        known = bool(titles & _ROLE_WORDS)
        if not known:
            return not known_only
        alternatives = _ROLE_NOUNS.get(role)
        if alternatives is not None and not any(alt <= titles for alt in alternatives):
            return False
        if role == "minister" and "prime" in qualifiers:
            qualifiers = [q for q in qualifiers if q != "prime"]
            if not ({"prime", "minister"} <= titles or titles & {"premier", "pm"}):
                return False
        return all(titles & _ROLE_QUALIFIERS[q] for q in qualifiers)

    def _titles_of(self, name: str) -> frozenset[str]:
        """Every title word seen with a person's name in the document."""
        words: set[str] = set()
        for person in self.persons:
            if person.name == name:
                words |= person.titles
        return frozenset(words)

    def _role_antecedent(self, np, head, pos: int, np_actor: str | None) -> _Person | None:
        """"the diplomat stated", "the minister said": the last person quoted before
        ``pos`` whose role fits the role noun (or is unknown), else the last such person
        mentioned outside quotation marks."""
        role, qualifiers = _role_of(np, head)
        if role is None:
            return None
        # someone's aide ("The governor’s spokesman") is only a person the text gave that title
        owned = any(c.dep_ == "poss" and c.pos_ == "NOUN" and c.lemma_.lower() in _PERSON_NOUNS for c in head.children)

        def fits(titles, actor) -> bool:
            return (role in titles if owned else True) and self._role_fits(titles, actor, role, qualifiers, np_actor)

        speakers = sorted((s for s in self.speakers if s.pos < pos and s.person and s.name),
                          key=lambda s: s.pos, reverse=True)
        for s in speakers:
            titles = self._titles_of(s.name)
            if fits(titles, s.actor):
                return _Person(s.pos, s.name, s.actor, titles, True)
        for person in reversed(self.persons):
            if person.pos >= pos or self.in_quote(person.pos):
                continue
            if fits(self._titles_of(person.name), person.actor):
                return person
        return None

    def _cataphor(self, np, head, pos: int, np_actor: str | None) -> _Person | None:
        """A title speaker that nothing before resolves, named in the next few sentences
        (a standfirst "..., the foreign minister has said" followed by "Russian Foreign
        Minister Sergey Lavrov said ..."): the first person after ``pos`` within
        :data:`CATAPHORA_SENTENCES` sentences whose title words hold the title, or whose
        known role fits a role noun narrower than "official"/"spokesman"."""
        if head.tag_ not in ("NN", "NNP"):
            return None
        # the title's own words, not its holder's employer in the possessive ("the state's attorney
        # general" is an attorney general)
        words = [t.lower_ for t in np if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i < head.i
                 and not (t.dep_ == "poss" and t.pos_ == "NOUN")]
        hw = head.lower_
        role, qualifiers = _role_of(np, head)
        last_sentence = self.sentence_id(pos) + CATAPHORA_SENTENCES
        for person in self.persons:
            if person.pos <= pos or self.in_quote(person.pos):
                continue
            if self.sentence_id(person.pos) > last_sentence:
                break
            if np_actor is not None and person.actor is not None and np_actor != person.actor:
                continue
            titles = self._titles_of(person.name)
            if hw in titles and (all(w in titles or w in _RANK_WORDS for w in words) or titles == {hw}):
                # "the company's chief executive ... The executive, Anil Varghese,"; "The chief public
                # defender of Vellamy County told ... the public defender, Lucinda Ten Eyck, said"
                return person
            if "executive" in titles and hw in _OFFICER_TITLES and any(
                    t.dep_ == "poss" and t.lemma_.lower() in _BUSINESS_NOUNS for t in np):
                # "The company’s vice president for port operations told ... . ..., the executive,
                # Sandra Oyelowo-Hart, said": a company's officer taken up as "the executive"
                return person
            if role is not None and _ROLE_NOUNS[role] is not None and self._role_fits(
                    titles, person.actor, role, qualifiers, np_actor, known_only=True):
                return person  # "the diplomat" -> a foreign minister; "the official" needs the title
        return self._same_description_later(np, head, pos)

    def _same_description_later(self, np, head, pos: int) -> _Person | None:
        """The person named later anywhere in the text in apposition to the very same description
        ("the township’s lawyer said within the hour that ..." in the lede, "The township’s lawyer,
        Franklin T. Cadwell III, ..." paragraphs on), when exactly one person is so named."""
        words = [t.lower_ for t in np if t.dep_ != "det" and not t.is_punct]
        if len(words) < 2:
            return None  # (not a bare "the lawyer")
        found = []
        for person in self.persons:
            if person.pos <= pos or self.in_quote(person.pos):
                continue
            span = self.doc.char_span(person.pos, person.pos + 1, alignment_mode="expand")
            if span is None:
                continue
            name = span[0] if span[0].dep_ == "appos" else span[0].head
            if name.dep_ != "appos" or name.head.lemma_ != head.lemma_ or name.head.i == head.i:
                continue
            other = [t.lower_ for t in name.head.subtree if t.i <= name.head.i and t.dep_ != "det" and not t.is_punct]
            if other == words and person.name not in {p.name for p in found}:
                found.append(person)
        return found[0] if len(found) == 1 else None

    def _last_two_titled(self, head, pos: int) -> tuple[_Person, _Person] | None:
        """For "the two senators": the last two people named before ``pos``, outside quotation
        marks, whose titles hold the noun ("Senator Corinne Delacroix ... Senator Wade Strandberg"),
        in the order the text names them; None unless there are two."""
        title = head.lemma_.lower()
        found: list[_Person] = []
        for person in reversed(self.persons):
            if person.pos >= pos or self.in_quote(person.pos) or any(p.name == person.name for p in found):
                continue
            if title in self._titles_of(person.name):
                found.append(person)
                if len(found) == 2:
                    return found[1], found[0]
        return None

    def _organisation_named_later(self, np, head, pos: int):
        """An organisation named in the next :data:`CATAPHORA_SENTENCES` sentences, outside
        quotation marks, whose name holds a description's head noun and its other nouns and
        adjectives ("the state's dam safety office ... Priya Venkataraman, the chief engineer of
        the Office of Dam Safety"): its entity, or None. Such a body is not the person whose title
        names it."""
        words = {t.lemma_.lower() for t in np if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")
                 and t.i < head.i and not (t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children))}
        if not words:
            return None
        want = words | {head.lemma_.lower()}
        last = self.sentence_id(pos) + CATAPHORA_SENTENCES
        for ent in self.doc.ents:
            if ent.start <= head.i or ent.label_ != "ORG" or self.in_quote(ent.start_char):
                continue
            if self.sentence_id(ent.start_char) > last:
                break
            if want <= {t.lemma_.lower() for t in ent}:
                return ent
        return None

    def _named_by_apposition(self, head) -> tuple[str, str | None, bool] | None:
        """The name a description is given later in the text by a definite noun phrase of the
        same head noun with a proper name in apposition ("a Fall River woman" ... "The
        woman, Lorraine Medina, 52,"; "their lender" ... "The lender, Driftless Farm
        Credit,"), or, for a description of a person, by "the man", "the woman", "the official"
        or "the person" within two sentences ("A retired machinist who has lived on Mill Pond
        Road ... The man, Walter Kowalczyk,"): (name, actor, whether a person), or None."""
        generic = head.tag_ == "NN" and (head.lower_ in _PERSON_NOUNS or any(
            t.lower_ == "who" and t.head.dep_ == "relcl" for t in head.subtree))  # "a retired machinist who ..."
        last = self.sentence_id(head.idx) + 2
        for later in self.doc[head.i + 1:]:
            if later.pos_ != "NOUN":
                continue
            names_head = (
                later.lower_ == head.lower_
                # "a retired schoolteacher" ... "the teacher"
                or (len(later.lower_) >= 4 and head.lower_.endswith(later.lower_))
                # "the Legislature’s auditor general" ... "The auditor general, Marcy Tvedten,": the
                # same two words, parsed with the other as head
                or (later.lower_ in {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
                    and any(c.dep_ in ("amod", "compound") and c.lower_ == head.lower_ for c in later.children))
                # "A retired machinist ... The man, Walter Kowalczyk,": within two sentences
                or (generic and later.lower_ in _GENERIC_PERSON_NOUNS and self.sentence_id(later.idx) <= last)
                # "A woman who grows wheat ... said ... The farmer, Carla Mendenhall,": a man or a woman
                # described is named by the next sentence's person of any kind
                or (head.lower_ in ("man", "woman") and later.lower_ in _PERSON_NOUNS
                    and self.sentence_id(later.idx) <= self.sentence_id(head.idx) + 1)
                # "A senior who proposed the new name ... The student, Priya Natarajan,"
                or (head.lower_ in _STUDENT_NOUNS and later.lower_ == "student"
                    and self.sentence_id(later.idx) <= self.sentence_id(head.idx) + 1))
            if not names_head:
                continue
            own = {t.lower_ for t in head.subtree}
            if not any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.lower_ in own)
                       for c in later.children):
                continue  # ("The senate’s chairwoman, Prof. Ruth Nakashima," for "the senate’s chairwoman")
            if any(c.dep_ in ("amod", "compound") and c.i < later.i and c.lower_ not in own for c in later.children):
                continue  # "the company" is not "The cable company, Summitview Communications," named later
            # (through a second description: "The woman, the girl’s mother, Amber Kostelnik,")
            described = [g for c in later.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                         for g in c.children if g.dep_ == "appos" and g.pos_ == "PROPN" and _person_name(g)]
            for appos in [c for c in later.children if c.dep_ == "appos" and c.pos_ == "PROPN"] + described:
                words = _name_tokens(appos)
                if self.mention_at.get(appos.i) is not None and self.mention_at[appos.i].via != "member":
                    continue  # a place or state, not a name for this speaker
                if _person_name(appos):
                    name = self.canonical_person(_whole_words_text(words))
                    return name, self._person_actor(name, appos.idx), True
                if appos.lower_ == "local" and appos.i + 1 < len(self.doc) and self.doc[appos.i + 1].like_num:
                    words = words + [self.doc[appos.i + 1]]  # a union's "Local 311"
                return self.span_text(words), self._np_actor(words, prefer_member=False), False
        return None

    def _spokespersons_body(self, tok) -> tuple[str, str | None] | None:
        """For "a department spokesman" or "a spokesman for the department": the organisation
        named before whose name that institution noun heads ("the U.S. Department of
        Transportation"), as (its name, its actor); None otherwise."""
        nouns = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i]
        nouns += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                  if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.is_lower
                  and any(d.dep_ == "det" and d.lower_ == "the" for d in g.children)]
        if not nouns:  # "a spokeswoman for Lakes Crossing" after "Lakes Crossing Credit Union of Grand Rapids"
            named = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                     if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            full = self._organisation_short_form(_name_tokens(named[0])) if len(named) == 1 else None
            if full is None or full.end > named[0].left_edge.i:
                return None  # (not the name itself: "a spokeswoman for the Michigan Department of ...")
            return self._organisation_text(full), self._np_actor(list(full), prefer_member=False)
        if len(nouns) != 1:
            return None
        org = self._earlier_org(nouns[0])
        if org is None:
            # "A spokesman for the group" after "The Hollis County Crop Growers Association, a farm
            # group with about 340 members,": the organisation the noun described
            described = self._described_organisation(nouns[0]) if nouns[0].i > tok.i else None
            if described is None:
                return None
            # (with "the" where the text writes the name with it)
            the = not described.name.lower().startswith("the ") and f"the {described.name}".lower() in self.text.lower()
            return ("the " if the else "") + described.name, described.actor
        the = org[0].lower_ == "the" or (org.start > 0 and self.doc[org.start - 1].lower_ == "the")
        name = ("the " if the else "") + self._organisation_text(org)
        return name, self._np_actor(list(org), prefer_member=False)

    def _pair_named_later(self, head) -> str | None:
        """"A and B" for a plural description that a later "the" phrase of the same noun names
        by two coordinated names ("Two brothers who run a roofing company" ... "The brothers,
        Tomas and Erik Sundquist,": "Tomas Sundquist and Erik Sundquist"); None otherwise."""
        for later in self.doc[head.i + 1:]:
            if later.pos_ != "NOUN" or later.lower_ != head.lower_ \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in later.children):
                continue
            one = next((c for c in later.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN"
                        and c.i > later.i), None)
            if one is None and later.i + 2 < len(self.doc) and self.doc[later.i + 1].text == ",":
                # "The sisters, Mara and Lena Voss, said", when the parser made the names the subject
                one = self.doc[later.i + 2] if self.doc[later.i + 2].ent_type_ == "PERSON" else None
                one = one.head if one is not None and one.dep_ == "compound" else one
            other = next((c for c in one.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None) \
                if one is not None else None
            if other is None:
                return None
            return self._pair_text(_name_tokens(one), _name_tokens(other))
        return None

    def _pair_set_off(self, head) -> str | None:
        """"A and B" for a plural description whose two names close it, set off by commas right
        before its verb, which the parser hung elsewhere ("Two parents whose children ride the
        route, Jake and Amber Lindeman, said": "Jake Lindeman and Amber Lindeman"); None otherwise."""
        doc, verb = self.doc, head.head
        if head.dep_ not in _SUBJ_DEPS or verb.i < head.i + 4 or doc[verb.i - 1].text != ",":
            return None
        lo = verb.i - 2
        while lo > head.i and (doc[lo].pos_ == "PROPN" and doc[lo].text[:1].isupper() or doc[lo].lower_ == "and"):
            lo -= 1
        if doc[lo].text != "," or lo <= head.i:
            return None
        return self._pair_of(list(doc[lo + 1:verb.i - 1]))

    def _pair_before(self, head) -> str | None:
        """"A and B" for two names that open a plural description, set off from it by a comma
        ("Earl and Dwight Hostetler, brothers who raise beef cattle", however the parser hung the
        names on it): "Earl Hostetler and Dwight Hostetler"; None otherwise."""
        doc = self.doc
        comma = next((t for t in reversed(doc[head.left_edge.i:head.i]) if t.text == ","), None)
        if comma is None or head.left_edge.i >= comma.i:
            return None
        return self._pair_of(list(doc[head.left_edge.i:comma.i]))

    def _pair_of(self, run: list) -> str | None:
        """"A and B" for a run of capitalised proper nouns with one "and" among them and a person's
        name in it ("Jake and Amber Lindeman", "Helen Vantassel and Carlos Pimentel"); None
        otherwise."""
        words = [t.lower_ for t in run]
        if words.count("and") != 1 or not any(t.ent_type_ == "PERSON" for t in run) or not all(
                (t.pos_ == "PROPN" and t.text[:1].isupper()) or t.lower_ == "and" for t in run):
            return None
        cut = words.index("and")
        left, right = run[:cut], run[cut + 1:]
        return self._pair_text(left, right) if left and right else None

    def _pair_text(self, one: list, other: list) -> str:
        """"A and B" for two people named together, the first given name alone taking the second's
        surname ("Jake and Amber Lindeman": "Jake Lindeman and Amber Lindeman")."""
        names = [_whole_words_text(one), _whole_words_text(other)]
        surname = _couple_surname(one[-1]) if len(one) == 1 else None
        if surname is not None:
            names[0] = f"{names[0]} {surname}"
        return " and ".join(self.canonical_person(n) for n in names)

    def _apposition_before(self, tok) -> _Speaker | None:
        """"the cooperative" paragraphs after its name: the organisation that an earlier "the
        cooperative" was named by in apposition ("The cooperative, Pike Hollow Community Market,
        hopes to lease the building"), outside quotation marks; the last such, or None."""
        for earlier in reversed(self.doc[:tok.i]):
            if earlier.pos_ != "NOUN" or earlier.lower_ != tok.lower_ or self.in_quote(earlier.idx) \
                    or earlier.i == 0 or earlier.nbor(-1).lower_ != "the" \
                    or any(c.dep_ in ("amod", "compound") for c in earlier.children):
                continue
            names = [c for c in earlier.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if earlier.dep_ in ("amod", "compound") and earlier.head.pos_ == "PROPN" and earlier.i + 1 < len(self.doc) \
                    and self.doc[earlier.i + 1].text == "," and earlier.head.i > earlier.i + 1:
                names.append(earlier.head)  # (the parser made the noun a modifier of the name set off after it)
            for appos in names:
                if _person_name(appos) or (self.mention_at.get(appos.i) is not None
                                           and self.mention_at[appos.i].via != "member"):
                    continue  # a person or a place, not this organisation's name
                words = _name_tokens(appos)
                return _Speaker(self.span_text(words), None, self._np_actor(words, prefer_member=False),
                                earlier.idx, tok.lower_, False, False)
        return None

    def _sole_bearer_before(self, tok, pos: int) -> _Person | None:
        """For "The superintendent insisted": the one person named before ``pos`` with that noun
        as a title ("Superintendent Gail Rensvold"), when no one else named before carries it;
        None otherwise (a role the package knows is resolved by :meth:`_role_antecedent`)."""
        if tok.tag_ != "NN" or tok.lower_ not in _PERSON_NOUNS or tok.lower_ in _ROLE_WORDS \
                or any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
            return None  # ("The defence minister" is no "Foreign Minister Sergey Lavrov")
        bearers = [p for p in self.persons if p.pos < pos and not self.in_quote(p.pos)
                   and (tok.lower_ in self._titles_of(p.name) or self._titled(p, tok.lower_))]
        return bearers[-1] if len({p.name for p in bearers}) == 1 else None

    def _sole_bearer_later(self, tok, pos: int) -> _Person | None:
        """For "A circuit judge ruled" that no sentence names: the one person the text names later
        with that noun as a capitalised title before the name ("Judge Harriet Calvo wrote"), when no
        one else carries the title and the description does not withhold a name ("who asked not
        to be named"); None otherwise."""
        if tok.tag_ != "NN" or tok.lower_ not in _PERSON_NOUNS \
                or any(t.lower_ in ("anonymity", "named", "identified") for t in tok.subtree):
            return None
        bearers = [p for p in self.persons if self._titled(p, tok.lower_)]
        if len({p.name for p in bearers}) != 1 or bearers[0].pos <= pos \
                or any(tok.lower_ in self._titles_of(p.name) for p in self.persons if p.name != bearers[0].name):
            return None
        return bearers[0]

    def _titled(self, person: _Person, word: str) -> bool:
        """Whether a mention of ``person`` carries ``word`` as a capitalised title before the
        name ("Judge Harriet Calvo", "Superintendent Gail Rensvold")."""
        i = bisect_left(self.tok_starts, person.pos)
        return any(0 <= k < len(self.doc) and self.doc[k].lower_ == word and self.doc[k].is_title
                   for k in (i - 1, i))

    def _kind_named_before(self, tok) -> _Speaker | None:
        """For an organisation noun with a modifier ("The anglers’ club"): the name set off in
        apposition to an earlier noun phrase of the same noun that holds the modifier's word ("A
        fly-fishing club, the Oxbane Valley Anglers,"), outside quotation marks; None otherwise."""
        words = {_stem(c.lower_) for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.i < tok.i}
        if not words:
            return None
        for earlier in reversed(self.doc[:tok.i]):
            if earlier.pos_ != "NOUN" or earlier.lemma_ != tok.lemma_ or self.in_quote(earlier.idx):
                continue
            for appos in (c for c in earlier.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                names = _name_tokens(appos)
                if not _person_name(appos) and words & {_stem(t.lower_) for t in names}:
                    the = any(c.dep_ == "det" and c.lower_ == "the" for c in appos.children)
                    return _Speaker(("the " if the else "") + self.span_text(names), None,
                                    self._np_actor(names, prefer_member=False), earlier.idx, tok.lower_, False, False)
        return None

    def _described_name_before(self, tok) -> _Speaker | None:
        """For "the resort" that no organisation's name resolves: the proper name that an earlier
        sentence makes its subject and describes in apposition by a noun for no person ("Tallis
        Mountain, the largest ski area in western Massachusetts, has asked"), outside quotation
        marks, when it is no person's or actor's name; the last such, or None."""
        for subject in reversed(self.doc[:tok.i]):
            if subject.dep_ != "nsubj" or subject.pos_ != "PROPN" or self.in_quote(subject.idx) \
                    or not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ not in _PERSON_NOUNS
                               for c in subject.children):
                continue
            words = _name_tokens(subject)
            if any(t.ent_type_ in ("PERSON", "GPE", "NORP") or t.i in self.mention_at for t in words) \
                    or words[0].lower_ in given_name_genders():
                continue
            name = self.span_text(words)
            return _Speaker(name, name, None, subject.idx, tok.lemma_.lower(), False, False)
        return None

    def _named_next_sentence(self, np, head, pos: int) -> _Person | None:
        """A definite description of one official that the next sentence names, as news ledes
        do ("The State Department's top official for Europe told the committee that ... . Gideon
        Ashcombe, the assistant secretary for European affairs, said"): the first person named
        after ``pos``, when that person is the subject of the next sentence or opens it, is new
        to the text, carries a title that shares a word other than the head noun with the
        description (or a military rank, for "the officer"), and no one speaks in between. Not
        for an office with one holder ("the president")."""
        if head.tag_ != "NN" or head.lower_ in _SOLE_OFFICES:
            return None
        later = [p for p in self.persons if p.pos > pos and not self.in_quote(p.pos)]
        if not later:
            return None
        person = later[0]
        if self.sentence_id(person.pos) != self.sentence_id(head.idx) + 1:
            return None
        span = self.doc.char_span(person.pos, person.pos + 1, alignment_mode="expand")
        if span is None or not (person.subject or span[0].i - span[0].sent.start <= 2):
            return None  # the subject, or the first words ("Col. Adam Pell, the commander of ...,")
        if any(p.name == person.name for p in self.persons if p.pos < pos):
            return None
        if any(pos < s.pos < person.pos and s.name for s in self.speakers):
            return None
        described = {_stem(t.lower_) for t in np if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != head.i} \
            - _UNTELLING_TITLE_STEMS  # the head noun alone tells nothing ("the defence minister")
        titles = self._titles_of(person.name)
        if described & {_stem(w) for w in titles}:
            return person
        if head.lower_ == "officer" and titles & _MILITARY_RANKS:
            return person
        return None

    def _introduced_next(self, np, head, pos: int) -> _Person | None:
        """A described speaker whom a following paragraph names, as news reports do ("... said a
        retired nurse who lives across the street. [...] Doreen Marchetti, 71, has lived on
        Wendell Avenue since 1983"): the first person named after ``pos``, when that person is
        new to the text, opens one of the next two paragraphs as the subject of its first
        sentence, carries no title that the description does not, and no one speaks in between;
        or, in the same or the next two paragraphs and with no one speaking in between, bears the
        description's noun as a title ("a federal judge" and "Judge Ann Ruiz"); or is named in
        apposition to "the" and a noun for a person as the next speaker ('said the neighbor,
        Beatrice Kowalski'). A description of
        one person only ("a retired nurse", not "officials"), without an anonymity clause ("who
        was not authorized to speak")."""
        if not _names_a_person(head.lower_) or head.tag_ != "NN":
            return None
        clause = _identifying_clause(head)
        if clause is not None and any(t.lower_ in _ANONYMITY_WORDS for t in clause.subtree):
            return None
        if any(t.lower_ in _ANONYMITY_WORDS for t in head.subtree):
            return None
        # (not a name inside the description itself: "a retired teacher who coached the Brennick Falls
        # boys", a town the recogniser took for a person)
        own = range(head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
        later = [p for p in self.persons if p.pos > pos and not self.in_quote(p.pos) and p.pos not in own]
        titled = next((p for p in later if len(re.findall(r"\n+", self.doc.text[pos:p.pos])) <= 2
                       and head.lower_ in self._titles_of(p.name)), None)
        if titled is not None and not any(p.name == titled.name for p in self.persons if p.pos < pos) \
                and not any(pos < s.pos < titled.pos and s.name for s in self.speakers):
            return titled  # "A federal judge ... ruled that ... In her ruling, Judge Ann Ruiz wrote"
        if not later or len(re.findall(r"\n+", self.doc.text[pos:later[0].pos])) > 2:
            return None  # the first person named later opens one of the next two paragraphs
        person = later[0]
        if any(p.name == person.name for p in self.persons if p.pos < pos):
            return None  # named before: not the one described now
        if any(s.pos > pos and s.pos < person.pos and s.name for s in self.speakers):
            return None
        span = self.doc.char_span(person.pos, person.pos + 1, alignment_mode="expand")
        if span is None:
            return None
        name = span[0] if span[0].dep_ == "appos" else span[0].head if span[0].dep_ in ("compound", "flat") else span[0]
        words = {t.lower_ for t in np if t.pos_ in ("NOUN", "PROPN")}
        if head.dep_ == "appos":
            # "One of the three members who voted ..., a retired teacher ..., warned ... The member,
            # Arne Eklund Jr.,": the noun of the partitive the description is set off after
            words |= {t.lemma_.lower() for p in head.head.children if p.dep_ == "prep" and p.lower_ == "of"
                      for t in p.children if t.dep_ == "pobj" and t.pos_ == "NOUN"}
        # '"...," said the neighbor, Beatrice Kowalski, 76.': named in apposition to "the" and a
        # noun for a person (or the description's own noun), as the speaker of the next quotation
        named_as_the = name.dep_ == "appos" and (name.head.lemma_.lower() in _PERSON_NOUNS
                                                 or name.head.lemma_.lower() in words) \
            and name.head.dep_ in _SUBJ_DEPS and any(c.dep_ == "det" and c.lower_ == "the" for c in name.head.children) \
            and not any(t.dep_ in _SUBJ_DEPS and t.lemma_.lower() in _PERSON_NOUNS and t.i != head.i
                        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
                        for t in self.doc[head.i + 1:name.head.i])  # (not after another person described)
        if not named_as_the:
            if not person.subject:
                return None
            sentence = span[0].sent
            opens_paragraph = sentence.start == 0 or "\n" in self.doc[sentence.start - 1].text_with_ws \
                or self.doc.text[:sentence.start_char].rstrip(" ").endswith("\n")
            if not opens_paragraph or span[0].i - sentence.start > 2:
                return None
        titles = self._titles_of(person.name) & _ROLE_WORDS
        if titles and not titles <= words:
            return None  # "a retired nurse" is not "Mayor Curtis Rahn"
        if head.lower_ in _VOICE_NOUNS and _own_description(span[0], words):
            return None  # "a department spokeswoman" is not "X, who runs a countertop shop"
        return person

    def _previous_person(self, pos: int) -> _Person | None:
        """The person who spoke, or was the subject of a main clause, last before ``pos``
        in the same or the previous sentence (the antecedent of a continuing title)."""
        first = self.sentence_id(pos) - 1
        speakers = [s for s in self.speakers if s.pos < pos and s.person and s.name
                    and self.sentence_id(s.pos) >= first]
        persons = [p for p in self.persons if p.pos < pos and p.subject and not self.in_quote(p.pos)
                   and self.sentence_id(p.pos) >= first]
        speaker = max(speakers, key=lambda s: s.pos) if speakers else None
        person = persons[-1] if persons else None
        if speaker is not None and (person is None or speaker.pos >= person.pos):
            return _Person(speaker.pos, speaker.name, speaker.actor, self._titles_of(speaker.name), True)
        return person

    def _previous_outlet(self, pos: int) -> _Speaker | None:
        """"the paper": the speaker that is no person (a newspaper, a network) last before
        ``pos`` in the same or the previous two sentences, else the organisation named
        last there outside quotation marks."""
        first = self.sentence_id(pos) - 2
        found = [s for s in self.speakers if s.pos < pos and not s.person and not s.plural and s.name
                 and self.sentence_id(s.pos) >= first]  # ("lawmakers of both parties" is no outlet)
        if found:
            return max(found, key=lambda s: s.pos)
        for ent in reversed(self.doc.ents):
            if ent.start_char < pos and ent.label_ in ("ORG", "WORK_OF_ART") and not self.in_quote(ent.start_char) \
                    and self.sentence_id(ent.start_char) >= first:
                return _Speaker(_descriptor(ent.text, ent[0]), None, self._np_actor(list(ent), prefer_member=False),
                                ent.start_char, ent.root.lower_, False, False)
        return None

    def _tokens_before(self, i: int, *, sentences: int):
        """The tokens before token ``i``, the nearest first, outside quotation marks, in its
        sentence and the ``sentences`` sentences before it."""
        first = self.sentence_id(self.doc[i].idx) - sentences
        for t in reversed(self.doc[:i]):
            if self.sentence_id(t.idx) < first:
                return
            if not self.in_quote(t.idx):
                yield t

    def _public_body_before(self, tok) -> _Speaker | None:
        """For "the agency": the government body last referred to in this or the two previous
        sentences, outside quotation marks: an organisation whose name ends in or is headed by a
        word of :data:`_AGENCY_NOUNS` ("the Massachusetts Department of Public Utilities"), or "the
        department" standing for one named earlier. None when a news organisation is named
        there first ("the Interfax news agency", an outlet's name): then "the agency" is it."""
        for t in self._tokens_before(tok.i, sentences=2):
            ent = _entity_of(t) if t.ent_type_ else None
            # (a wire's name, not a newspaper's: "the Tribune obtained the report" leaves "the agency" alone)
            wire = ent is not None and _is_outlet_name(ent) and any(w.lower_ in ("press", "wire", "news") for w in ent)
            if t.lemma_.lower() in _NEWS_NOUNS - {"agency"} or wire \
                    or (t.lower_ == "agency" and t.i > 0 and t.nbor(-1).lower_ in ("news", "press", "wire")):
                return None
            expanded = self._expanded_abbreviation(t) if t.dep_ != "compound" else None
            if expanded is not None and expanded.root.lemma_.lower() in _AGENCY_NOUNS:
                # "OSHA inspected the elevator": the Occupational Safety and Health Administration
                return _Speaker("the " + self.span_text(expanded), None,
                                self._np_actor(list(expanded), prefer_member=False), t.idx,
                                expanded.root.lemma_.lower(), False, False)
            if t.lemma_.lower() not in _AGENCY_NOUNS or t.dep_ == "compound":
                continue
            if ent is not None and ent.label_ == "ORG" and t.i in (ent[-1].i, ent.root.i):
                name = _whole_name(ent)
            elif t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.children):
                name = self._earlier_org(t)
            else:
                continue
            if name is None:
                continue
            words = [w for w in name if w.tag_ != "POS" and w.lower_ != "the"]
            return _Speaker("the " + _strip_poss(self.span_text(words)), None,
                            self._np_actor(list(name), prefer_member=False), t.idx, t.lemma_.lower(), False, False)
        return None

    def _body_subject_before(self, tok) -> _Speaker | None:
        """For "The agency said" opening its sentence: the subject of the sentence just before, when
        it is a capitalised name that an apposition describes as a body ("Wildlife Services, a
        branch of the U.S. Department of Agriculture, will supply the marksmen"), not a person, a
        place or an actor's name; else None."""
        if tok.dep_ not in _SUBJ_DEPS or tok.i - tok.sent.start > 1:
            return None
        subject = self._subject_before(tok, ("nsubj", "nsubjpass"))
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ in ("PERSON", "GPE", "NORP", "LOC"):
            return None
        if not any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in _INSTITUTION_NOUNS | _BODY_PART_NOUNS
                   for c in subject.children):
            return None
        ent = _entity_of(subject)
        words = list(ent) if ent is not None and ent.label_ == "ORG" else _name_tokens(subject)
        if any(w.i in self.mention_at for w in words):
            return None
        name = self.span_text([w for w in words if w.lower_ != "the"])
        if ent is not None and ent.label_ == "ORG":  # "The Dakota Propane Dealers Association, a trade group,"
            name = ("the " if ent[0].lower_ == "the" else "") + self._organisation_text(ent)
        return _Speaker(name, name, self._np_actor(words, prefer_member=False), tok.idx, tok.lemma_.lower(),
                        False, False)

    def _team_named_before(self, tok) -> str | None:
        """For "the team" or "the club": the sports team named last before ``tok``, outside
        quotation marks: "the" and a name of two or more capitalised words whose last is a plural
        ("the Port Ellery Forgemen", "the Cedar Rapids Kernels") and that names no actor, place,
        company or body; None when there is none."""
        found = None
        for t in self.doc[:tok.i]:
            low = t.lower_
            if t.pos_ != "PROPN" or not t.is_title or self.in_quote(t.idx) or t.ent_type_ in ("GPE", "LOC", "NORP") \
                    or not (low.endswith("s") or low.endswith("men")) or low.endswith("ss") \
                    or low in _NO_PERSONS_LAST_WORDS or t.dep_ in ("compound", "flat"):
                continue
            words = [w for w in _name_tokens(t) if w.lower_ != "the"]
            before = words[0].i - 1
            if len(words) < 2 or before < 0 or self.doc[before].lower_ != "the" \
                    or any(not w.is_title or w.i in self.mention_at for w in words):
                continue
            found = "the " + self.span_text(words)
        return found

    def _end_of_sentences_after(self, i: int, n: int) -> int:
        """The index after the last token of the ``n``-th sentence after the one that holds token
        ``i`` (of the last sentence, when the text ends sooner)."""
        sentences = list(self.doc.sents)
        k = next(m for m, s in enumerate(sentences) if s.start <= i < s.end)
        return sentences[min(k + n, len(sentences) - 1)].end

    def _earlier_org(self, head):
        """The organisation named last before an institution noun, outside quotation marks,
        whose name ends in that noun or is headed by it ("the institute" -> "the American
        Petroleum Institute"; "the department" -> "the Department of Public Utilities"; "the
        co-op" -> "the Sand Creek Farmers Cooperative"), with the words that continue its name
        ("Wachusett Power [and Light]"), or None."""
        word = _institution_word(head)
        if word is None:
            return None
        alone = None  # "the Corps" taken up before: the full name, when one is given earlier
        # "the laboratory": "the National Veterinary Services Laboratories" (not "the co-op": "the Kansas
        # Electric Cooperatives", an association of them)
        plural = "laboratories" if word == "laboratory" else None
        named = []
        for ent in reversed(self.doc.ents):
            if ent.end <= head.i and ent.label_ in ("ORG", "FAC") and (_headed_by(ent, word) or plural in (
                    ent[-1].lower_, ent.root.lower_)) and not self.in_quote(ent.start_char):
                if _name_length(ent) > 1:
                    named.append(_whole_name(ent))
                alone = alone or _whole_name(ent)
        if not named:
            return alone
        # of two such organisations, the one the text names last, by its full name or by the first
        # word of it ("Shipwrights" for "Shipwrights Community Credit Union" after "Lakes Crossing
        # Credit Union of Grand Rapids": the credit union is the one spoken of last)
        def last_named(ent):
            first = next(t for t in ent if t.lower_ != "the").text
            return max((t.i for t in self.doc[ent.start:head.i] if t.text == first and not self.in_quote(t.idx)),
                       default=ent.start)
        return max(named, key=last_named)  # (the later name on a tie: max keeps the first found)

    def _later_org(self, head):
        """The organisation named first after an institution noun that no name came before, in
        the next two sentences, outside quotation marks, whose name ends in that noun or is
        headed by it ("..., the board said in an order. The order, from the Massachusetts Board
        of Long-Term Care Licensure, says"), or None."""
        word = _institution_word(head)
        if word is None:
            return None
        kinds = [c.lower_ for c in head.children if c.dep_ == "compound"]  # "the town's water department"
        end = self._end_of_sentences_after(head.i, 2)
        for ent in self.doc.ents:
            if head.i < ent.start < end and ent.label_ == "ORG" and _headed_by(ent, word) \
                    and not self.in_quote(ent.start_char) and _name_length(ent) > 1 \
                    and all(kind in ent.text.lower().split() for kind in kinds):
                return _whole_name(ent)
        return None

    def _place_before(self, head) -> str | None:
        """The place named last before token ``head``, outside quotation marks, in the same or the
        previous sentence, as the text names it ("the Sumy region", "Springfield"), for
        "officials there": a place entity or a place noun after a preposition of place ("crossed
        into the Sumy region"), or a proper noun as subject that is a place entity or has a place
        noun in apposition ("Hollis Falls, a neighboring town, built"); None when there is none."""
        for tok in self._tokens_before(head.i, sentences=1):
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN" and (
                    tok.ent_type_ in ("GPE", "LOC") or any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS
                                                           for c in tok.children)):
                # "Hollis Falls, a neighboring town, built a similar plant": a place as subject
                return self.span_text(_name_tokens(tok))
            if tok.dep_ != "pobj" or tok.head.lower_ not in _PLACE_PREPOSITIONS:
                continue
            if tok.ent_type_ not in ("GPE", "LOC", "FAC") and tok.lemma_.lower() not in _PLACE_NOUNS:
                continue
            named = self.doc[tok.head.i - 2] if tok.head.i >= 2 else None
            if tok.ent_type_ == "" and named is not None and self.doc[tok.head.i - 1].text == "," \
                    and named.pos_ == "PROPN" and (named.ent_type_ in ("GPE", "LOC", "FAC") or (
                        named.dep_ == "pobj" and named.head.lower_ in _PLACE_PREPOSITIONS)):
                # "In Kharkiv, near the Russian border, ...": the named place, not where it lies
                return self.span_text(_name_tokens(named))
            words = [t for t in tok.subtree if t.dep_ not in ("punct", "appos", "relcl", "acl", "prep")
                     and (t.i <= tok.i or t.ent_type_ == tok.ent_type_ != "")]
            words = [t for t in words if t.head.i == tok.i or t.i == tok.i or t.head.dep_ == "compound"
                     or t.head.head.i == tok.i]
            text = self.span_text(sorted(words, key=lambda t: t.i))
            return text[0].lower() + text[1:] if text[:4] == "The " else text
        return None

    def _organisation_short_form(self, tokens, *, recognised_person: bool = False):
        """The organisation named in full before ``tokens`` whose name begins with them, when
        ``tokens`` are capitalised proper nouns that are no actor's name ("Berkshire Crest" after
        "Berkshire Crest Properties"; one word, "Ridgeline", when it is no person's name), without
        the place of a company's seat (:func:`_without_seat`), else None. A word the recogniser
        took for a person counts only with ``recognised_person`` (where "the company" has to be
        someone), and never a surname of a person named in the text."""
        # (a hyphen inside a word is no word of its own: "Tri-River" after "Tri-River Health Plans")
        words = [t for t in tokens if t.tag_ != "POS" and t.lower_ != "the" and not _word_hyphen(t)]
        # a capitalised word the tagger took for a common noun ("Corvane has hired 230 workers")
        # counts when the full name has it as a proper noun or the recogniser calls it an organisation
        if not words or any(t.text != "&" and (t.pos_ not in ("PROPN", "NOUN") or not t.text[:1].isupper()
                                               or t.i in self.mention_at) for t in words):
            return None  # ("&" joins a firm's names: "Corrigan & Daly" after "Corrigan & Daly Utility Construction")
        full = self.by_last.get(words[0].text.lower(), "")
        if len(words) == 1 and " " in full and not any(e.label_ == "ORG" and e.text == full for e in self.doc.ents):
            # "Brock said": the surname of a person named in full, not a company's first word (the
            # recogniser may take a company's first word alone for a person: "Bluestone spent")
            return None
        texts = [t.text for t in words]
        for ent in self.doc.ents:
            if ent.start >= words[0].i:
                break
            named = [t for t in ent if t.lower_ != "the" and not _word_hyphen(t)]
            names = [t.text for t in named]
            if any(t.text == "," for t in ent) and ent[-1].lower_ not in _COMPANY_WORDS:
                continue  # "Nashua, New Hampshire": a town and its state taken for an organisation
            if ent.label_ == "ORG" and len(names) > len(texts) and names[:len(texts)] == texts and all(
                    w.pos_ == "PROPN" or n.pos_ == "PROPN" or w.ent_type_ == "ORG" for w, n in zip(words, named)):
                return _without_seat(ent)
        return self._unrecognised_company(words) or self._full_name_next(words)

    def _full_name_next(self, words):
        """An organisation's full name that the sentence after a short form's gives ("SunHarvest,
        the Wichita company that installed most of the systems, said ... . The owner of SunHarvest
        Energy Systems, Raylene Ortiz, said"), when no name came before: the first organisation
        there whose name begins with ``words`` and is longer, without its seat; else None."""
        texts = [t.text for t in words]
        if words[0].i > 0 and self.doc[words[0].i - 1].lower_ == "the":
            return None  # ("The Army said" is no short form of "Army Contracting Command")
        if words[-1].lower_ in _LOCAL_PLACE_WORDS:
            return None  # ("Brandywell County sued" is no short form of "the Brandywell County Court")
        end = self._end_of_sentences_after(words[0].i, 1)
        for ent in self.doc.ents:
            named = [t for t in ent if t.lower_ != "the"]
            if words[-1].i < ent.start < end and ent.label_ == "ORG" and len(named) > len(texts) \
                    and [t.text for t in named[:len(texts)]] == texts and not self.in_quote(ent.start_char):
                return _without_seat(ent)
        return None

    def _unrecognised_company(self, words):
        """A company's full name that the recogniser did not take for an organisation, written
        before ``words`` outside quotation marks: a run of capitalised proper nouns that begins
        with ``words`` and ends in a company word ("Veritrace Scanning Systems, the Dayton, Ohio,
        company that supplies the machines" before "Veritrace sued the county"); None otherwise."""
        doc, texts = self.doc, [t.text for t in words]
        def capital(t):
            return t.pos_ == "PROPN" and t.text[:1].isupper()
        for tok in doc[:words[0].i]:
            if tok.text != texts[0] or not capital(tok) or (tok.i > 0 and capital(doc[tok.i - 1])) \
                    or self.in_quote(tok.idx):
                continue
            end = tok.i
            while end + 1 < words[0].i and capital(doc[end + 1]):
                end += 1
            run = doc[tok.i:end + 1]
            works = end + 1 < len(doc) and doc[end + 1].lemma_.lower() in _WORKS_NOUNS \
                and run[-1].head.i == end + 1  # "The Sandhill Prime Beef plant": the company that runs it
            if len(run) > len(texts) and [t.text for t in run[:len(texts)]] == texts \
                    and (run[-1].lower_ in _COMPANY_WORDS or works):
                return run
        return None

    def _organisation_by_last_word(self, tok):
        """The organisation named in full before ``tok`` whose name ends in it, when ``tok`` is one
        capitalised proper noun after "the" and no actor's or person's name ("The Record" after
        "The Marten County Record", "the Authority" after "the Culpford Regional Airport
        Authority"): the last such organisation, or None."""
        if tok.pos_ != "PROPN" or not tok.is_title or tok.i in self.mention_at or tok.ent_type_ == "PERSON" \
                or tok.i == 0 or tok.nbor(-1).lower_ != "the" \
                or any(c.dep_ in ("compound", "amod", "poss") for c in tok.children) \
                or tok.lower_ in self.by_last:
            return None
        for ent in reversed([e for e in self.doc.ents if e.end <= tok.i and (
                e.label_ in ("ORG", "FAC") or _is_outlet_name(e))]):  # (a paper the recogniser took for a place)
            words = [t for t in ent if t.lower_ != "the" and not t.is_punct]
            if len(words) >= 2 and ent[-1].text == tok.text and not self.in_quote(ent.start_char):
                return _whole_name(ent)
        return None

    def _expanded_abbreviation(self, tok):
        """The name that an abbreviation in capitals stands for, written out before it outside
        quotation marks: "The F.A.A." (or "The FAA") after "a Federal Aviation Administration
        grant" is the Federal Aviation Administration. The name's capitalised words, function
        words aside, give the abbreviation's letters in order. None when no name does."""
        letters = tok.text.replace(".", "")
        if tok.pos_ != "PROPN" or not 2 <= len(letters) <= 6 or not letters.isalpha() or not letters.isupper() \
                or tok.i in self.mention_at:
            return None  # (an actor's own abbreviation, "the U.N.", stays as written)
        doc = self.doc
        for start in range(tok.i - 1, -1, -1):
            first = doc[start]
            if first.text[:1] != letters[0] or not first.is_title or self.in_quote(first.idx):
                continue
            found, k = "", start
            while k < tok.i and len(found) < len(letters):
                word = doc[k]
                if word.lower_ in _ABBREVIATION_SKIPPED and found:
                    k += 1
                    continue
                if not word.is_title or word.text[0] != letters[len(found)]:
                    break
                found += word.text[0]
                k += 1
            if found == letters and (k == len(doc) or not doc[k].is_title):
                while start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].is_title:
                    start -= 2  # "HHS": the Department of Health and Human Services
                return doc[start:k]
        return None

    def _same_surname_relative(self, tok, possessive: str) -> str | None:
        """For "his brother", "her sister", "his wife" or "her husband" that no apposition names: the
        one other person of the text before it who shares the surname of the person "his" or "her"
        stands for ("Merle and Vernon Aasland ... Merle Aasland said. His brother insisted": Vernon
        Aasland); None when there is no such person or more than one."""
        if tok.lemma_.lower() not in ("brother", "sister", "wife", "husband"):
            return None
        gender = _PRONOUN_GENDERS.get(possessive)
        owner = self.antecedent("he" if gender == "m" else "she", tok.idx, gender=gender) if gender else None
        if owner is None or not owner.name or not owner.person or len(owner.name.split()) < 2:
            return None
        others = {name for name in self._full_names_with_surname(owner.name.split()[-1], tok.idx)
                  if name != owner.name and " and " not in name}
        return next(iter(others)) if len(others) == 1 else None

    def _family_pair(self, tok) -> str | None:
        """For a family named by its plural surname ("the Solheims"), or for "the couple", "the
        sisters" or "the brothers" after the last person named before: the two people of that
        surname named before it ("Brent and Kari Solheim": "Brent Solheim and Kari Solheim"), in the
        order the text names them; None unless there are exactly two."""
        if tok.i == 0 or tok.nbor(-1).lower_ != "the":
            return None
        if (tok.lemma_.lower() == "couple" and tok.tag_ == "NN") or (
                tok.lemma_.lower() in _SIBLING_NOUNS and tok.tag_ == "NNS"):
            # "The couple wrote" after "Dale and Rosemary Kettunen": the last person named before
            # whose surname two people carry; "The sisters said" after "Ruth Ostermann ... Carmen
            # Ostermann said"
            last = next((p for p in reversed(self.persons) if p.pos < tok.idx and " " in p.name
                         and not self.in_quote(p.pos)), None)
            surname = last.name.split()[-1] if last is not None else ""
        elif tok.pos_ != "PROPN" or not tok.text.endswith("s"):
            return None
        else:
            surname = tok.text[:-2] if tok.text.endswith("es") and tok.text[-3:-2] in "sxz" else tok.text[:-1]
        names = self._full_names_with_surname(surname, tok.idx)
        if len(names) != 2:
            return None
        first = {p.name: p.pos for p in reversed(self.persons)}  # where the text first names each
        return " and ".join(sorted(names, key=first.__getitem__))

    def _full_names_with_surname(self, surname: str, before: int) -> set[str]:
        """The full names (of two or more words) of the persons named before character ``before``
        whose last word is ``surname``."""
        return {p.name for p in self.persons if p.pos < before and " " in p.name and p.name.split()[-1] == surname}

    def _named_relative(self, tok, possessive: str) -> str | None:
        """The person last named, before ``tok``, in apposition to a relative of the same kind
        ("Hewitt's mother, Lorraine Hewitt," or "Lorraine Hewitt, his mother,"), outside quotation
        marks, unless that relative is another pronoun's ("her father" is not "his father"): the
        canonical name, or None."""
        lemma = tok.lemma_.lower()
        for t in reversed(self.doc[:tok.i]):
            if t.lemma_.lower() != lemma or t.tag_ != "NN" or self.in_quote(t.idx):
                continue
            if any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ != possessive for c in t.children):
                continue
            named = [c for c in t.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.pos_ == "PROPN"]
            if t.dep_ == "appos" and t.head.ent_type_ == "PERSON" and t.head.pos_ == "PROPN":
                named.append(t.head)
            if named:
                return self.canonical_person(_whole_words_text(_name_tokens(named[0])))
        if lemma in ("husband", "wife"):
            # "Mrs. Pell fell at home, her husband said": the one person named in full with the
            # surname of the spouse named by a courtesy title earlier in the sentence
            for surname in self.titled:
                if tok.sent.start <= surname.i < tok.i:
                    full = self._full_names_with_surname(surname.text, tok.idx)
                    if len(full) == 1:
                        return full.pop()
        return None

    def _organisation_text(self, ent) -> str:
        """An organisation's name as a speaker: its whole name (:func:`_whole_name`) without the
        city of its seat, a leading "the" or a possessive ending."""
        words = [w for w in _without_seat(_whole_name(ent)) if w.tag_ != "POS" and w.lower_ != "the"]
        return _strip_poss(self.span_text(words))

    def _last_company(self, tok) -> _Speaker | None:
        """For "the company" (or "the firm", "the corporation") far from any organisation's name:
        the organisation named last before it, outside quotation marks, whose name ends in a
        company word ("Greystone Residential Holdings"); for "the railroad" or "the railway", one
        whose name ends in either ("the Great Lakes & Western Railway"); None when there is none."""
        lemma = tok.lemma_.lower()
        if lemma in ("company", "firm", "corporation"):
            endings = _COMPANY_WORDS
        elif lemma in ("railroad", "railway"):
            endings = _RAILWAY_WORDS
        else:
            return None
        # (an organisation's name the recogniser took for a person's counts: "Harwick Residential Holdings")
        for ent in reversed([e for e in self.doc.ents if e.end <= tok.i and e.label_ in ("ORG", "PERSON")]):
            if ent[-1].lower_ in endings and not self.in_quote(ent.start_char) and not _is_outlet_name(ent):
                name = ("the " if ent[0].lower_ == "the" else "") + self._organisation_text(ent)
                # no actor: a word of the name ("Western") is no mention of one
                return _Speaker(name, name, None, tok.idx, lemma, False, False)
        return None

    def _next_speaking_company(self, tok) -> _Speaker | None:
        """For "the company" that no company named before resolves, as in a lede ("..., a
        pause that the company behind a 74-turbine project said could cost it its tax credits"):
        the first organisation named in the next :data:`CATAPHORA_SENTENCES` sentences, outside
        quotation marks, that is itself the subject of a reporting verb there ("Prairie Crest
        Renewables, a Minneapolis developer, said in a statement") or the named author of a
        document that is ("The notice, filed by Prairie Sun Egg Farms, said"): a name the recogniser calls
        an organisation, or a capitalised name it missed that ends in a company word or is
        described as a business in apposition. None when there is none."""
        if tok.lemma_.lower() not in _BUSINESS_NOUNS or any(
                e.end <= tok.i and e.label_ in ("ORG", "PERSON") and e[-1].lower_ in _COMPANY_WORDS
                for e in self.doc.ents):
            return None  # a company named before is the one meant
        last = self.sentence_id(tok.idx) + CATAPHORA_SENTENCES
        for later in self.doc[tok.i + 1:]:
            if self.sentence_id(later.idx) > last:
                break
            if later.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(later.idx) \
                    or self.verbs.entry(later.head) is None:
                continue
            if later.pos_ == "NOUN" and later.lemma_.lower() in _AUTHORED_REPORTS:
                # "The notice, filed by Prairie Sun Egg Farms ..., said": the document's author
                later = _named_author(later) or later
            elif later.pos_ == "NOUN":
                # "The operator, Northlake Renal Partners, which runs 22 clinics, said": the name set
                # off after a description
                later = next((c for c in later.children if c.dep_ == "appos" and c.pos_ == "PROPN"), later)
            if later.pos_ != "PROPN":
                continue
            words = _name_tokens(later)
            if later.ent_type_ == "ORG":
                ent = _entity_of(later)
                if _is_outlet_name(ent):
                    continue
                words = [t for t in ent if t.tag_ != "POS"]
            elif later.ent_type_ or not (words[-1].lower_ in _COMPANY_WORDS or any(
                    c.dep_ == "appos" and c.lemma_.lower() in _BUSINESS_NOUNS for c in later.children)):
                continue
            name = _strip_poss(self.span_text(words))
            return _Speaker(name, name, self._np_actor(words, prefer_member=False), tok.idx,
                            tok.lemma_.lower(), False, False)
        return None

    def _described_organisation(self, tok) -> _Speaker | None:
        """For "the firm" far from any organisation's name: the one organisation the text has
        described, outside quotation marks, by a phrase of the same noun in apposition
        ("Calumet Commodities Group, a grain trading firm based in Chicago"; "a trading firm,
        Calumet Commodities Group"); None when there is none or more than one."""
        lemma = tok.lemma_.lower()
        found = {}
        for t in self.doc[:tok.i]:
            if t.lemma_.lower() != lemma or t.tag_ != "NN" or self.in_quote(t.idx):
                continue
            named = [t.head] if t.dep_ == "appos" else []
            named += [c for c in t.children if c.dep_ == "appos"]
            before = t.left_edge.i - 2  # "Stoneworkers Local 7719, the union that ...", however parsed
            if before >= 0 and self.doc[before + 1].text == ",":
                named.append(self.doc[before])
            for n in named:
                ent = _entity_of(n)
                if ent is None and n.pos_ == "PROPN":
                    # "Sandhill Air Link, the only airline serving ...": a name the recogniser
                    # missed, described by the noun
                    words = _name_tokens(n)
                    if len(words) >= 2 and all(w.is_title and w.i not in self.mention_at for w in words) \
                            and words[0].lower_ not in given_name_genders():
                        found[self.span_text(words)] = None
                    continue
                if ent is None or _is_outlet_name(ent) or not (ent.root.i == n.i or ent.end == n.i + 1):
                    continue
                if ent.label_ != "ORG" and not (ent.label_ == "PERSON" and any(w.like_num for w in ent)):
                    continue  # a union known by its number may be taken for a person
                found[self._organisation_text(ent)] = self._np_actor(list(ent), prefer_member=False)
        if len(found) != 1:
            return None
        (name, actor), = found.items()
        if " " not in name:
            # "Harlow, the engineering firm the city hired ... . According to the firm’s inventory, A.
            # Harlow & Quist Engineering, a Rochester firm, wrote": the full name given by the next
            # sentence
            end = self._end_of_sentences_after(tok.i, 1)
            full = next((e for e in self.doc.ents if e.label_ == "ORG" and len(e) > 1 and e[0].text == name
                         and e.end <= end and not self.in_quote(e.start_char)), None)
            if full is not None:
                name = self._organisation_text(_without_seat(full))
        return _Speaker(name, name, actor, tok.idx, lemma, False, False)

    def _recent_organisation(self, pos: int, *, business: bool = False) -> _Speaker | None:
        """For "the company" or "the service": the organisation quoted or named last before
        ``pos``, outside quotation marks, in the same or the previous two sentences, as a
        speaker, a subject or an object (not a modifier: "an Air National Guard base"); None
        when there is none (a news outlet, a person or a group is no such organisation). With
        ``business`` ("the company", "the railroad"), a public body ("the National Transportation
        Safety Board") or a local government ("the city") is none either."""
        first = self.sentence_id(pos) - 2
        skip = _NEWS_NOUNS | (_PUBLIC_BODY_NOUNS | _LOCAL_GOVERNMENT_NOUNS if business else frozenset())
        found = [s for s in self.speakers if s.pos < pos and not s.person and not s.plural and s.name
                 and self.sentence_id(s.pos) >= first and (s.head or "") not in skip]
        best = max(found, key=lambda s: s.pos) if found else None
        start = self.sent_starts[max(first, 0)]
        for tok in self.doc[bisect_left(self.tok_starts, start):]:
            if tok.idx >= pos:
                break
            if self.in_quote(tok.idx) or (best is not None and tok.idx <= best.pos):
                continue
            if business and best is not None and any(
                    start <= tok.idx < end and name == best.name for start, end, name in self.reported):
                # "Corvane said that it had offered Ahlberg Drug the same terms. The company said":
                # a company named in a company's own report does not take its place
                continue
            role = tok.head.dep_ if tok.dep_ == "conj" else tok.dep_  # "between town officials and X"
            if role not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss"):
                continue
            ent = _entity_of(tok) if tok.ent_type_ == "ORG" else None
            if ent is not None and ent.root.i != tok.i:
                ent = None
            short = self._organisation_short_form(_name_tokens(tok), recognised_person=True) \
                if tok.pos_ in ("PROPN", "NOUN") else None
            if short is None and ent is None and self._unrecognised_organisation(tok):
                # "The plant's owner, High Plains Protein, did not admit wrongdoing. ..., the
                # company maintained": a name the recogniser missed, put beside a company noun
                short = self.doc[_name_tokens(tok)[0].i:tok.i + 1]
            if short is not None:
                ent = short
            elif ent is None or ent.label_ != "ORG" or _is_outlet_name(ent) or ent.root.lower_ in skip:
                continue
            if business and ent.root.lower_ in skip | _STREET_WORDS:
                continue  # "the city" (short for the city named before) is no company, nor is a road
                # the recogniser took for one ("the entrance the company cut from Pell Creek Road")
            if business and ent.end + 1 < len(self.doc) and self.doc[ent.end].text == "," \
                    and self.doc[ent.end + 1].ent_type_ == "GPE" and tok.dep_ == "pobj":
                continue  # nor a town with its state ("... Co. of Fort Dodge, Iowa")
            name = self._organisation_text(ent)
            if ent[0].lower_ == "the" or ent.root.lower_ in _INSTITUTION_NOUNS | _ARMED_SERVICE_NOUNS:
                name = "the " + name  # "The Air Force will stop ..., the service said": "the Air Force"
            best = _Speaker(name, None, self._np_actor(list(ent), prefer_member=False), tok.idx,
                            ent.root.lower_, False, False)
        return best

    def _company_subject_before(self, tok) -> _Speaker | None:
        """For "the company" (a business noun) opening its sentence: the proper name of two or more
        capitalised words that is the subject of the sentence just before, when the recogniser
        left it untagged and it is no actor's or person's name, nor the short form of a name given
        before ("Skyway Parcel flies nine cargo flights a night out of Culpford. The company
        said"); else None."""
        if tok.lemma_.lower() not in _BUSINESS_NOUNS or tok.dep_ not in _SUBJ_DEPS:
            return None
        subject = self._subject_before(tok)
        words = _name_tokens(subject) if subject is not None and subject.pos_ == "PROPN" else []
        if len(words) < 2 or any(not t.is_title or t.ent_type_ != "" or t.i in self.mention_at for t in words) \
                or self._known_surname(words) or words[0].lower_ in given_name_genders() \
                or self._organisation_short_form(words) is not None:
            return None  # (a name the recogniser knows, or the short form of one, is found otherwise)
        name = self.span_text(words)
        return _Speaker(name, name, None, subject.idx, tok.lemma_.lower(), False, False)

    def _unrecognised_organisation(self, tok) -> bool:
        """Whether ``tok`` heads a capitalised proper name that the recogniser left untagged, in
        apposition to a noun for a company or an institution ("the plant's owner, High Plains
        Protein"), and that is no actor's name and no person's."""
        return (tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.ent_type_ == "" and tok.text[:1].isupper()
                and tok.head.lemma_.lower() in _GENERIC_ORGANISATION_NOUNS | _INSTITUTION_NOUNS
                and not any(t.i in self.mention_at or t.ent_type_ for t in _name_tokens(tok))
                and not self._known_surname(_name_tokens(tok)))

    def _earlier_np_actor(self, head) -> str | None:
        found = self._earlier_np(head)
        return found[1] if found else None


# =========================================================================== helpers


# Determiners of a description that the text may name later ("a Fall River woman", "their
# lender"): see :meth:`_Context._named_by_apposition`.
_CATAPHORIC_DETERMINERS = frozenset({"a", "an", "its", "their", "his", "her"})


def _main_subject(sentence, deps=("nsubj",)):
    """The subject (of one of ``deps``) of ``sentence``'s main verb, or None."""
    return next((t for t in sentence if t.dep_ in deps and t.head.i == sentence.root.i), None)


def _main_subjects(sentence) -> list:
    """Every subject, active or passive, of ``sentence``'s main verb."""
    return [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == sentence.root.i]


def _name_length(ent) -> int:
    """The words of an organisation's name, its "the" and punctuation aside."""
    return sum(t.lower_ != "the" and not t.is_punct for t in ent)


def _headed_by(ent, word: str) -> bool:
    """Whether an organisation's name ends in, or is headed by, the noun ``word`` ("the Department
    of Public Utilities" by "department")."""
    return word in (ent[-1].lemma_.lower(), ent.root.lemma_.lower())


def _named_in(tok, persons: list[_Person]) -> list[_Person]:
    """The ``persons`` named inside the phrase that ``tok`` heads (its subtree's characters)."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return [p for p in persons if start <= p.pos < end]


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """The packaged given names that tell a gender (``framing/data/given_names.yaml``), lower-cased
    name -> "f" or "m"; names used for both genders are not in the file (a name listed under both
    is dropped). Read once; do not modify the returned dict."""
    raw = yaml.safe_load(resources.files("framing").joinpath("data/given_names.yaml").read_text(encoding="utf-8"))
    female = {str(n).lower() for n in raw["female"]}
    male = {str(n).lower() for n in raw["male"]}
    return {n: "f" for n in female - male} | {n: "m" for n in male - female}


# Nouns of a student by year, which "the student" takes up.
_STUDENT_NOUNS = frozenset({"senior", "junior", "sophomore", "freshman", "pupil"})
# Nouns of the body that governs an organisation ("its board of trustees").
_GOVERNING_BODY_NOUNS = frozenset({"board", "council", "committee", "commission", "senate"})
# Last words of the name of a street or a road ("Pell Creek Road").
_STREET_WORDS = frozenset({"street", "avenue", "road", "drive", "lane", "boulevard", "highway", "route",
                           "parkway", "turnpike", "trail"})
# Last words of a name that is no person's, whatever its first word ("Grace Church", "Warren
# County"): a given name does not make a person of it.
_PLACE_AND_BODY_WORDS = frozenset(
    {"church", "school", "street", "avenue", "road", "park", "county", "city", "center", "centre",
     "hall", "bridge", "river", "lake", "island", "valley", "village", "heights", "district", "station",
     "airport", "museum", "library", "square", "cathedral", "chapel", "parish", "diocese", "academy",
     "clinic", "stadium", "arena", "mall", "plaza", "township", "fire", "act", "law", "bill"})


def _mislabelled_person(ent) -> bool:
    """Whether a span the entity recogniser calls an organisation, a place or a group is a
    person's full name: two or three capitalised proper nouns (a hyphenated surname is one), the
    last no word of a body or a place, and either the first a given name that tells a gender
    ("Tamara Gaines" in "In Lynn Haven, Tamara Gaines sat on the steps") or the whole in
    apposition to a noun for a person ("The director, Wendell Osterhout,"); or a capitalised
    office before a full name ("Representative Carmen Iturbe"), whose name is the words after the
    office (:func:`_person_words`)."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return False
    if 1 < len(ent) <= 4 and _name_after_office(ent[0]) is not None:
        return True  # "Representative Carmen Iturbe [of New Mexico]": an office before a full name
    words = _full_name_words([t for t in ent if t.tag_ != "POS"])
    if words is None:
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lower_ in _PERSON_NOUNS \
            and root.head.lower_ not in _GENERIC_ORGANISATION_NOUNS:  # "the owner" may be a company
        return True  # "The director, Wendell Osterhout,": the name of the person described
    return words[0].lower_ in given_name_genders()


def _full_name_words(tokens) -> list | None:
    """The words of ``tokens`` when they have the shape of a person's full name, else None: two or
    three capitalised proper nouns of letters (a hyphenated surname is one word: "Taras
    Melnychuk-Boyle", four tokens with the hyphen, is a name of two words), the last no word of a
    body or a place."""
    words = [t for t in tokens if not _word_hyphen(t)]
    n_hyphens = len(tokens) - len(words)
    if not 2 <= len(words) - n_hyphens <= 3:
        return None
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.is_alpha for t in words):
        return None
    return words if words[-1].lower_ not in _NO_PERSONS_LAST_WORDS else None


def _unrecognised_full_name(tokens) -> bool:
    """Whether ``tokens`` are a person's full name that the entity recogniser left untagged
    ("Curtis Dehaan, the only board member who voted against it, said"): the shape of a full name
    (:func:`_full_name_words`), none of its words tagged, the first a given name that tells a
    gender."""
    words = _full_name_words(tokens) if not any(t.ent_type_ for t in tokens) else None
    return words is not None and words[0].lower_ in given_name_genders()


def _full_name_with_who(tok, tokens) -> bool:
    """Whether ``tokens`` have the shape of a full name (:func:`_full_name_words`) that a relative
    clause opened by "who" describes ("Nadine Kroeker, who raises wheat and cattle, said"), whatever
    the entity recogniser made of it: "who" is said of people."""
    return _full_name_words(tokens) is not None and any(
        c.dep_ == "relcl" and c.left_edge.lower_ == "who" and c.left_edge.i > tok.i for c in tok.children)


def _person_words(ent):
    """The words of a person's name in ``ent``: without a capitalised office that the entity
    recogniser put before the full name ("[Representative] Carmen Iturbe"; "[Councilman] Marcus
    Baptiste", taken into the person's name)."""
    return ent[1:] if (len(ent) > 2 or (ent.label_ != "PERSON" and len(ent) > 1)) \
        and _name_after_office(ent[0]) is not None else ent


def _name_after_office(tok) -> list | None:
    """The full name after ``tok`` when ``tok`` is a capitalised office before a given name and a
    surname ("Representative [Carmen Iturbe] of New Mexico"), whatever the entity recogniser
    made of them; None when the words after the office start with no given name or end in a
    word of a body or a place ("General Motors Company")."""
    words = _words_after_office(tok)
    if len(words) < 2 or words[0].lower_ not in given_name_genders() \
            or words[-1].lower_ in _NO_PERSONS_LAST_WORDS:
        return None
    return words


def _name_it_calls_itself(tok):
    """The name in "a group that calls itself Quiet Harbor" / "a group calling itself ...": the
    proper-noun words after "itself", or None."""
    for clause in tok.children:
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() == "call" \
                and any(c.lower_ in ("itself", "themselves") for c in clause.children):
            name = [t for t in clause.subtree if t.i > clause.i and t.pos_ == "PROPN"]
            if name and all(b.i - a.i == 1 for a, b in zip(name, name[1:])):
                return name
    return None


def _joint_partner(person):
    """The second of two people named together ("Rosalind Maki and [Peter Jandreau]"): a
    person coordinated by "and" with ``person`` or a word of its name, or None."""
    for word in person.subtree:
        if (word.ent_type_ == "PERSON" or word.pos_ == "PROPN" and word.text[:1].isupper()) \
                and any(c.dep_ == "cc" and c.lower_ == "and" for c in word.children):
            # (a partner with a hyphenated surname the recogniser took for a place: "Ellen Haugland
            # and Margo Haugland-Pike")
            partner = next((c for c in word.children if c.dep_ == "conj" and _partner_name(c)), None)
            if partner is None:  # "Alma Reyes-Teague and her husband, Glen Teague,", "Mr. Haught and his
                # lawyer, Rebecca Shingleton,", "Ms. Kessling and another nurse, Janelle Oberholtzer,"
                nouns = [c for c in word.children
                         if c.dep_ == "conj" and c.lemma_.lower() in _KIN_NOUNS | _PERSON_NOUNS]
                # (the name on the noun, or hung on the first person after the noun)
                partner = next((a for c in nouns for a in list(c.children) + list(word.children)
                                if a.dep_ == "appos" and a.ent_type_ == "PERSON" and a.i > c.i), None)
            if partner is not None:
                return partner
    return None


def _partner_name(tok) -> bool:
    """Whether ``tok``, coordinated with a person's name, is the second person's name: a person
    entity, or an entity of the shape of a full name (:func:`_full_name_words`) whatever the
    recogniser called it ("Ellen Haugland and [Margo Haugland-Pike]", taken for a place)."""
    if _person_name(tok):
        return True
    ent = _entity_of(tok) if tok.ent_type_ else None
    return ent is not None and ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC") \
        and _full_name_words([t for t in ent if t.tag_ != "POS"]) is not None


def _office_of_a_person(tok) -> bool:
    """Whether ``tok`` heads a body that a possessive office-holder identifies ("the governor's
    budget office", "the Worcester County district attorney's office"): a body of its own, not
    the organisation of that kind named before."""
    return tok.lower_ not in _PERSON_NOUNS and any(
        c.dep_ == "poss" and c.pos_ == "NOUN" and c.lemma_.lower() in _PERSON_NOUNS for c in tok.children)


# Officers whose office is a county's standing office, named for the county, not the person
# ("the Garnet County clerk's office").
_COUNTY_OFFICERS = frozenset({"clerk", "sheriff", "assessor", "treasurer", "auditor", "coroner", "recorder",
                              "prosecutor", "registrar", "surveyor"})


def _hiring_clause(tok):
    """(clause, its subject) for a relative clause without "who" or "that" on a described
    person or group, whose subject is a body by a common noun ("engineers [the department
    hired]", "a consultant [the county paid]"); None otherwise."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _PERSON_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ != "relcl" or c.tag_ != "VBD" or c.left_edge.i != tok.i + 1 or c.left_edge.lower_ != "the":
            continue
        subject = next((g for g in c.children if g.dep_ == "nsubj" and g.pos_ == "NOUN"), None)
        if subject is not None and subject.left_edge.i == c.left_edge.i and subject.right_edge.i == c.i - 1:
            return c, subject
    return None


def _office_holder(tok) -> list | None:
    """The full name after the office word in "The office of Delegate Ruth Kessler" (or "the
    campaign of ..."), whatever the entity recogniser made of it; None for anything else."""
    if tok.pos_ != "NOUN" or tok.lower_ not in ("office", "campaign"):
        return None
    for o in (o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
              if o.dep_ == "pobj" and o.pos_ == "PROPN"):
        words = _name_tokens(o)
        return _name_after_office(words[0]) if words else None
    return None


def _office_before_full_name(tok) -> bool:
    """Whether ``tok`` is a capitalised office directly before a given name and a surname
    ("Mayor Curtis Rahn said"), all proper nouns and none of them an office."""
    return len(_words_after_office(tok)) >= 2


def _words_after_office(tok) -> list:
    """The capitalised proper nouns, up to three and none of them an office, right after ``tok``
    when ``tok`` is a capitalised office ("Mayor [Curtis Rahn]"); [] otherwise."""
    if not tok.text[:1].isupper() or tok.lower_.rstrip(".") not in _NAME_OFFICES:
        return []
    words = []
    for t in tok.doc[tok.i + 1:tok.i + 4]:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lower_.rstrip(".") in _NAME_OFFICES:
            break
        words.append(t)
    if any(t.lower_ in _COMPANY_WORDS | _INSTITUTION_NOUNS for t in words):
        return []  # "General Motors Company": an organisation's name, no office before a person's
    return words


# Last words of a newspaper's or a wire's name ("The Housatonic Ledger", "the Cedar Valley
# Sentinel"): such a name is no company that "the company" takes up.
_MASTHEAD_WORDS = frozenset(
    {"times", "post", "tribune", "ledger", "herald", "journal", "gazette", "reflector", "sentinel", "courier",
     "news", "press", "examiner", "register", "star", "chronicle", "observer", "globe", "inquirer",
     "bulletin", "dispatch", "telegraph", "monitor", "reporter", "wire", "beacon", "democrat", "republican",
     "free", "citizen", "clarion", "leader", "mercury", "standard", "enquirer", "banner", "eagle", "record"})


def _compound_word(tok) -> str:
    """A word with the hyphenated parts the tokenizer split off it, lower-cased ("co-op")."""
    doc, lo, hi = tok.doc, tok.i, tok.i
    while lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 1].whitespace_ and not doc[lo - 2].whitespace_:
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not tok.doc[hi].whitespace_ \
            and not doc[hi + 1].whitespace_:
        hi += 2
    return doc[lo:hi + 1].text.lower()


# Entity types of a word that does not continue an organisation's name ("Acme and [Ohio]").
_NOT_IN_A_NAME = frozenset({"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})


def _whole_name(ent):
    """An organisation's name with the capitalised words that continue it after "and", "of",
    "for" or "&" where the entity recogniser stopped ("Wachusett Power [and Light]")."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc) and doc[end].lower_ in ("and", "of", "for", "&") \
            and doc[end + 1].text[:1].isupper() and doc[end + 1].pos_ == "PROPN" \
            and doc[end + 1].ent_type_ not in _NOT_IN_A_NAME:
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and doc[end].ent_type_ not in _NOT_IN_A_NAME:
            end += 1
    return doc[ent.start:end]


# Last words of a company's name that a place of its seat may follow ("Ridgeline Correctional
# Health of Nashville"): the place is no part of the name that the text takes up later.
_COMPANY_WORDS = frozenset(
    {"health", "healthcare", "properties", "holdings", "partners", "solutions", "services", "systems",
     "industries", "foods", "energy", "logistics", "technologies", "capital", "inc", "inc.", "corp",
     "corp.", "llc", "co.", "ltd", "ltd.", "enterprises", "brands", "pharmaceuticals", "manufacturing",
     "construction", "farms", "meats", "protein", "motors", "airlines", "communications", "media",
     "transport", "transportation", "freight", "shipping", "towing", "company", "lines",
     "living", "care", "homes", "group", "associates", "consulting", "consultants", "engineering"})
# Nouns for the works a company runs, after its name ("the Sandhill Prime Beef plant").
_WORKS_NOUNS = frozenset({"plant", "mill", "factory", "refinery", "smelter", "warehouse", "shipyard", "mine"})
# Every last word that makes a name no person's (:func:`_mislabelled_person`), gathered once.
_NO_PERSONS_LAST_WORDS = _PLACE_AND_BODY_WORDS | _INSTITUTION_NOUNS | _COMPANY_WORDS | _MASTHEAD_WORDS | _NEWS_NOUNS


def _without_seat(span):
    """An organisation's name without the place of its seat that follows a company word
    ("Ridgeline Correctional Health [of Nashville]") or a firm's name joined by "&" ("Piedmont
    Asphalt & Grading [of Warrenton]"), or ends the name of a business in apposition
    to a noun for one ("The dealer, Dakota Heartland Propane [of Mitchell],"); other names keep
    their "of" ("the University of Michigan", "Bank of America", "the Department of Public
    Utilities")."""
    doc = span.doc
    root = span.root
    business = root.dep_ == "appos" and root.head.lemma_.lower() in _BUSINESS_NOUNS | {"owner"}
    for k in range(span.start + 2, span.end - 1):
        before = doc[k - 1].lower_
        if doc[k].lower_ == "of" and (k + 3 >= span.end or _town_and_state(doc[k + 1:span.end])) \
                and (before in _COMPANY_WORDS or any(t.text == "&" for t in doc[span.start:k])
                     # ("Lakes Crossing Credit Union [of Grand Rapids]", not "Credit Union of Texas")
                     or (k >= span.start + 3 and doc[k - 2:k].text.lower() == "credit union")
                     or (business and before not in _INSTITUTION_NOUNS
                         and before not in _PLACE_AND_BODY_WORDS)) \
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() or t.text == ","
                        for t in doc[k + 1:span.end]):
            return doc[span.start:k]
    return span


def _institution_word(head) -> str | None:
    """The institution noun ``head`` stands for ("the co-op" -> "cooperative"), or None when it is
    none (:data:`_INSTITUTION_NOUNS`)."""
    word = _INSTITUTION_SYNONYMS.get(_compound_word(head), head.lemma_.lower())
    return word if word in _INSTITUTION_NOUNS else None


def _town_and_state(tokens) -> bool:
    """Whether ``tokens`` have the shape of a town and its state set off by a comma ("Providence,
    R.I.", "New Bedford, Massachusetts"): one comma between words, the state one or two words (the
    caller checks that the words are capitalised proper nouns)."""
    words = [t.text for t in tokens]
    if words.count(",") != 1 or words[0] == "," or words[-1] == ",":
        return False
    return len(words) - words.index(",") - 1 <= 2 and len(words) <= 6


def _has_seat(span) -> bool:
    """Whether an organisation's name ends in the place of its seat (:func:`_without_seat`)."""
    return len(_without_seat(span)) < len(span)


def _hosted(tok) -> bool:
    """Whether an organisation's name is followed by the organisation that hosts it ("the Center
    for Rural Education Policy [at Cascade State University]")."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in c.children) for c in tok.children)


def _is_outlet_name(ent) -> bool:
    """Whether an organisation's name reads as a newspaper's or a wire's, or a broadcaster's call
    letters ("WTRF", "KDKA-TV")."""
    return ent.root.lower_ in _MASTHEAD_WORDS or ent[-1].lower_ in _MASTHEAD_WORDS \
        or _CALL_LETTERS_RE.fullmatch(_strip_poss(ent.text)) is not None


def _described_person(speaker) -> bool:
    """Whether a speaker is one unnamed person given by a description ("an insurance broker who has
    sold policies for 22 years"): no name ("the Kremlin"), singular, its head noun written in
    lower case and no word of a body, a newspaper or a document."""
    words = (speaker.name or "").split() if speaker is not None else []
    return speaker is not None and not speaker.person and not speaker.plural and len(words) > 1 \
        and words[0] in ("a", "an", "the") and speaker.head is not None and speaker.head in words \
        and speaker.head not in _INSTITUTION_NOUNS | _GENERIC_ORGANISATION_NOUNS \
        | _NEWS_NOUNS | _PUBLIC_BODY_NOUNS | _AUTHORED_REPORTS | _LOCAL_GOVERNMENT_NOUNS | _ARMED_SERVICE_NOUNS


def _newspaper_as_person(ent) -> bool:
    """Whether a person entity is a newspaper's one-word name after "the" ("told The Gazette"):
    a masthead word alone, which no person's name is."""
    words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS"]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return len(words) == 1 and words[0].lower_ in _MASTHEAD_WORDS and words[0].text[:1].isupper() and (
        ent[0].lower_ == "the" or (before is not None and before.lower_ == "the"))


# A broadcaster's call letters: "WTRF", "KQED", "WBZ-TV".
_CALL_LETTERS_RE = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?")


def _after_titles(words: list) -> list:
    """A name's words after its last courtesy title or office ("State Treasurer Ptolemy Garrity":
    Ptolemy Garrity); the last word counts as a name word whatever it is."""
    titled = [k for k, t in enumerate(words[:-1]) if t.lower_ in _COURTESY_TITLES
              or t.lower_.rstrip(".") in _NAME_OFFICES]
    return words[titled[-1] + 1:] if titled else words


# Generational suffixes after a surname ("Walter P. Grissom Jr."): "Mr. Grissom" is still that person.
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surname_key(name: str) -> str:
    """The lower-cased surname of a full name, a generational suffix passed over ("Walter P.
    Grissom Jr." -> "grissom"); "" for an empty name."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in _NAME_SUFFIXES:
        words.pop()
    return words[-1].lower() if words else ""


def _full_name(surname) -> str:
    """The fullest form of a surname in the text: the first occurrence with given names
    before it ("Nataliya Horobets" for "Horobets"), else the surname alone."""
    for tok in surname.doc:
        if tok.text != surname.text:
            continue
        words = _after_titles(_name_tokens(tok))
        if len(words) > 1:
            return _whole_words_text(words)
    return surname.text


def _given_names(doc) -> dict[str, str]:
    """Given names that name one person in the text, lower-cased, with that person's full
    name: the first word of each two- or three-word person name ("Carol" of "Carol
    Tessier"), and a given name coordinated with a full name, which takes its surname
    ("Dennis" of "Dennis and Karla Halvorsen", "Mykola" of "Mykola and Petro Hnatiuk").
    A given name of two people names neither."""
    found: dict[str, set[str]] = defaultdict(set)
    for ent in doc.ents:
        words = _strip_poss(_whole_words_text(ent)).split() if ent.label_ == "PERSON" else []
        if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            found[words[0].lower()].add(" ".join(words))
    for tok in doc:
        # a name in apposition to a person or kinship noun, whatever the recogniser made of it
        # ("Mason's father, Troy Reinholt,")
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.lemma_.lower() not in _PERSON_NOUNS | _KIN_NOUNS:
            continue
        words = _name_tokens(tok)
        if 2 <= len(words) <= 3 and all(t.text[:1].isupper() for t in words):
            found[words[0].lower_].add(_whole_words_text(words))
        elif len(words) == 1 and tok.head.lemma_.lower() in _KIN_NOUNS:
            # a given name alone beside a named relative takes the relative's surname: "Amber
            # Rensink and her husband, Kyle," is Kyle Rensink (and Amber is Amber Rensink)
            relative = _relative(tok.head)
            if relative is not None:
                found[tok.lower_].add(f"{tok.text} {relative[-1].text}")
                found[relative[0].lower_].add(_whole_words_text(relative))
    for tok in doc[:-3]:
        couple = _couple_surname(tok)
        if couple:
            found[tok.lower_].add(f"{tok.text} {couple}")
    return {given: next(iter(full)) for given, full in found.items() if len(full) == 1}


def _relative(kin) -> list | None:
    """The full name (given names and surname, as tokens) of the person a kinship noun is
    relative to: its possessor when named in full ("Mason Reinholt's father"), or, for
    "her"/"his", the last name in full before it in the sentence that is a subject or a
    conjunct ("Amber Rensink and her husband"), whatever the entity recogniser made of it; when
    "Her sister" (or "His brother") opens its sentence, the name in full that is the subject of the
    sentence before ("Maddie Kallevig ... told the board ... . Her sister, Josie, ... spoke next."; not
    a son, a daughter or a husband, who may carry another surname)."""
    for poss in (c for c in kin.children if c.dep_ == "poss"):
        if poss.pos_ == "PROPN":
            name = _name_tokens(poss)
            return name if len(name) >= 2 else None
        if poss.lower_ in ("her", "his"):
            candidates = list(reversed(kin.sent[:poss.i - kin.sent.start]))
            if not candidates and kin.sent.start > 0 and kin.lemma_.lower() in _SIBLING_NOUNS:
                before = kin.doc[kin.sent.start - 1].sent
                candidates = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
            for tok in candidates:
                if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass", "conj", "appos"):
                    name = _name_tokens(tok)
                    return name if len(name) >= 2 and tok.ent_type_ not in ("GPE", "LOC", "ORG", "FAC") else None
    return None


def _name_tokens(head) -> list:
    """A proper name's words: its proper-noun compounds, theirs in turn, and the head ("Amber
    Rensink"; "United Transit Workers Local", where "United" and "Transit" hang on "Workers")."""
    words = []
    for t in head.lefts:
        if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN":
            words += _name_tokens(t)
    doc = head.doc
    last = next((t for t in head.rights if t.i == head.i + 1), None)
    if last is not None and last.is_title and last.pos_ in ("ADV", "ADJ") and last.dep_ in ("advmod", "amod") \
            and (last.i + 1 == len(doc) or doc[last.i + 1].is_punct):
        return words + [head, last]  # "a group, Shipwrights Members First,": a word the tagger took for an adverb
    return words + [head]


# Last words of a local government's own name ("Brandywell County", "Lower Tenmile Township").
_LOCAL_PLACE_WORDS = _LOCAL_GOVERNMENT_NOUNS | {"parish"}
# Words of rank that a title may drop when it is taken up again ("the chief public defender" ... "the
# public defender, Lucinda Ten Eyck,").
_RANK_WORDS = frozenset({"chief", "head", "top", "senior", "lead", "principal"})
# Words for two people of one family who speak together ("The sisters said").
_SIBLING_NOUNS = frozenset({"sister", "brother", "twin"})


def _couple_surname(tok) -> str | None:
    """The surname a capitalised given name alone shares with the full name it is
    coordinated with: "Dennis" in "Dennis and Karla Halvorsen" is Dennis Halvorsen. None
    for anything else."""
    doc, i = tok.doc, tok.i
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or i + 3 >= len(doc) or doc[i + 1].lower_ != "and":
        return None
    if i > 0 and doc[i - 1].pos_ == "PROPN" and (
            doc[i - 1].ent_iob_ != "O" or (doc[i - 1].dep_ in ("compound", "flat") and doc[i - 1].head.i == i)):
        return None  # the end of a longer name ("Sen. Mark Kelly and Jane Doe", "Renata Souza and ...")
    given, surname = doc[i + 2], doc[i + 3]
    if not (given.pos_ == "PROPN" and surname.pos_ == "PROPN" and given.text[:1].isupper()
            and surname.text[:1].isupper()):
        return None
    by_entity = given.ent_type_ == "PERSON" and given.ent_iob_ == "B" and surname.ent_type_ == "PERSON" \
        and surname.ent_iob_ == "I"
    by_parse = surname.dep_ == "conj" and surname.head.i == i and given.dep_ in ("compound", "flat") \
        and given.head.i == surname.i
    if not (by_entity or by_parse):
        return None
    if i + 4 < len(doc) and doc[i + 4].pos_ == "PROPN" and doc[i + 4].text[:1].isupper():
        return None  # a longer name: the surname is not the next word
    return surname.text


def _strip_poss(text: str) -> str:
    return re.sub(r"['\u2019]s?$", "", text.strip())


# Heads of a company officer's title, whom the text may take up as "the executive".
_OFFICER_TITLES = frozenset({"president", "chairman", "chairwoman", "officer", "director", "manager",
                             "executive", "chief", "owner", "founder"})


def _role_of(np, head) -> tuple[str | None, list[str]]:
    """The generic role noun of a singular definite description and its narrowing
    modifiers: "the diplomat" -> ("diplomat", []), "the prime minister" -> ("minister",
    ["prime"]); (None, []) for other heads and for plurals."""
    role = head.lower_
    if head.tag_ not in ("NN", "NNP") or role not in _ROLE_NOUNS:
        return None, []
    qualifiers = [t.lower_ for t in np if t.i < head.i and t.lower_ in _ROLE_QUALIFIERS]
    return role, qualifiers


def _sole_office(np, head) -> bool:
    """"The president", "the pope": an office with one holder at a time names that holder,
    not the person who spoke before under another title ("the former president" may)."""
    return head.lower_ in _SOLE_OFFICES and not any(t.lower_ in ("former", "then", "ex", "vice") for t in np)


def _same_head(a: str, b: str) -> bool:
    return a == b or a.rstrip("s") == b.rstrip("s")


def _entity_of(tok):
    """The entity span that holds ``tok``, or None."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def _organisation_name(tok) -> bool:
    """Whether ``tok`` is the proper-noun head of an organisation's name of two or more words ("The
    Office of Correctional Oversight said", "The Norfield County Sheriff's Office said"): a name
    that speaks for itself, not a description to resolve to a person whose title holds its head
    noun ("the office's director")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    if tok.ent_type_ == "ORG":
        ent = _entity_of(tok)
        return ent is not None and ent.root.i == tok.i and _name_length(ent) >= 2
    # a name the recogniser missed: a capitalised institution noun after capitalised name words
    return tok.lower_ in _INSTITUTION_NOUNS and any(
        c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and c.text[:1].isupper() for c in tok.lefts)


def _descriptor(text: str, first) -> str:
    """Lower-case the first letter of a descriptor unless it starts with a name."""
    text = text.strip()
    if text and (first.tag_ in ("DT", "CD", "PRP$") or (first.pos_ != "PROPN" and first.ent_type_ == "")):
        return text[0].lower() + text[1:]
    return text


# Words of a description that any official's title may share ("top", "senior"): they do not tell
# that a person named next is the one described (see :meth:`_Context._named_next_sentence`).
_UNTELLING_TITLE_STEMS = frozenset({"top", "senio", "offic", "forme", "new", "chief", "deput", "assis"})
# Ranks that name an officer ("Col. Adam Pell" for "the Army officer in charge of the project").
_MILITARY_RANKS = frozenset({"col", "col.", "colonel", "gen", "gen.", "general", "lt.", "lieutenant", "maj.",
                             "major", "capt.", "captain", "adm.", "admiral", "sgt.", "sergeant", "cmdr.",
                             "commander", "brig."})


def _stem(word: str) -> str:
    """The first five letters of a word, enough to match "Europe" with "European"."""
    return word[:5]


def _title_words(head) -> set[str]:
    """Title words around a person's name: compounds before it ("Kremlin spokesman
    Dmitry Peskov"), an appositive title ("Dmitry Peskov, the Kremlin spokesman") or the
    title noun the name is in apposition to."""
    words: set[str] = set()
    for t in head.lefts:
        if t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ != "PERSON":
            words.update(w.lower_ for w in t.subtree if w.pos_ in ("NOUN", "PROPN", "ADJ"))
    for t in head.children:
        if t.dep_ == "appos":
            words.update(w.lower_ for w in t.subtree if w.pos_ in ("NOUN", "PROPN", "ADJ") and w.ent_type_ != "PERSON")
    if head.dep_ == "appos":
        h = head.head
        # (not another person's title: "A spokeswoman for Mayor Ellen Marchetti, Corinne Baptiste,")
        words.update(w.lower_ for w in h.subtree if w.i < head.i and w.pos_ in ("NOUN", "PROPN", "ADJ")
                     and w.ent_type_ != "PERSON" and not (w.dep_ in ("compound", "flat") and w.head.i == head.i)
                     and not (w.head.ent_type_ == "PERSON" and w.head.i != head.i))
    return words - _COURTESY_TITLES


def _in_subject(tok) -> bool:
    """Whether ``tok`` is (in) the subject of a main clause, the likely antecedent of a
    later pronoun ("Kherson was 'ours'" inside a report does not count)."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("nsubj", "nsubjpass"):
            verb = node.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head
            return verb.dep_ == "ROOT"
        if node.dep_ not in ("compound", "appos", "flat", "poss") or node.head is node:
            return False
        if node.dep_ == "compound" and node.pos_ == "PROPN" and node.head.pos_ == "NOUN":
            return False  # "a former Northfield shipping clerk": a name that modifies a noun names no subject
        node = node.head
    return False


def _np_tokens(head, *, keep_appos: bool = False) -> list:
    """The noun phrase of ``head`` without relative clauses, comma-set participles,
    and (unless ``keep_appos``) appositives."""
    drop: set[int] = set()
    for child in head.children:
        if _word_hyphen(child):
            continue  # "Thomas-Greenfield": the hyphen is inside the name
        if child.dep_ in ("relcl", "punct", "cc") and child.dep_ != "cc":
            drop.update(t.i for t in child.subtree)
        elif child.dep_ in ("acl", "advcl") and child.i > head.i and child.nbor(-1).text == ",":
            drop.update(t.i for t in child.subtree)
        elif child.dep_ == "acl" and child.i > head.i and head.pos_ == "PROPN":
            drop.update(t.i for t in child.subtree)  # "the Air Force [sent to Congress]"
        elif child.dep_ == "acl" and child.i == head.i + 1 and child.lemma_.lower() in _SENDING_VERBS \
                and head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].lemma_.lower() in _AUTHORED_REPORTS:
            drop.update(t.i for t in child.subtree)  # "a memo the provost [sent to the department]"
        elif child.dep_ == "appos" and not keep_appos:
            drop.update(t.i for t in child.subtree)
        elif child.dep_ == "prep" and any(
                g.ent_type_ in ("DATE", "TIME") for g in child.children if g.dep_ == "pobj"):
            drop.update(t.i for t in child.subtree)  # "the leaders on Friday"
    for tok in head.subtree:
        if tok.dep_ == "relcl" and tok.i > head.i and (
                tok.left_edge.lower_ in ("who", "whom") or head.doc[tok.left_edge.i - 1].text == ","):
            # a relative clause about a person that the parser hung on a nearer noun: "a person
            # familiar with the bank's finances [who was not authorized to speak publicly]"; any
            # set off by a comma ("The Alliance for Medicare Choice, [which represents insurers],")
            drop.update(t.i for t in tok.subtree)
        elif tok.dep_ == "appos" and tok.i != head.i and tok.head.i != head.i and tok.head.dep_ == "pobj" \
                and head.doc[tok.left_edge.i - 1].text == "," and tok.pos_ == "NOUN":
            # a description set off inside the phrase: "Residents of Oak Hollow[, a subdivision of
            # about 600 homes]"
            drop.update(t.i for t in tok.subtree)
    tokens = [t for t in head.subtree if t.i not in drop]
    if head.dep_ == "amod" and head.i > 0 and any(c.dep_ == "case" for c in head.children) \
            and head.nbor(-1).dep_ == "det" and head.nbor(-1).head.i == head.head.i:
        # "the cooperative’s business plan": the parser made the owner a modifier and gave its
        # article to the noun owned
        tokens = [head.nbor(-1)] + tokens
    if tokens:  # "KYIV, Ukraine — Russia's Defense Ministry said": the dateline is no part of the name
        start = _after_dateline(head.doc, tokens[0].i, head.i)
        tokens = [t for t in tokens if t.i >= start]
    # trim punctuation at the edges
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    # keep the contiguous block around the head
    ids = [t.i for t in tokens]
    if not ids:
        return [head]
    lo = hi = ids.index(head.i) if head.i in ids else 0
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi < len(ids) - 1 and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    return _whole_words(tokens[lo:hi + 1])


# Words of a relative clause that says why a source is not named ("who was not authorized to
# speak publicly", "who spoke on condition of anonymity", "who asked not to be named").
_ANONYMITY_WORDS = frozenset({"anonymity", "anonymously", "named", "identified", "authorized", "authorised",
                              "permitted", "allowed"})


def _identifying_clause(head):
    """The *who*-clause that identifies an unnamed speaker and belongs in its name ("a person [who
    attended the call]", "a European diplomat [who was briefed on the talks]"), on the head noun
    or hung by the parser on a nearer one; ``None`` for a clause that only says why the source is
    not named ("who was not authorized to speak publicly"), one set off by commas, or one inside
    an apposition."""
    if head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() in _AUTHORED_REPORTS and head.i > 0 and head.doc[head.i - 1].lower_ in ("a", "an"):
        # "A memo that circulated among the authority’s board members in November says": a document
        # no one is named as the author of, identified by what happened to it
        for tok in head.children:
            if tok.dep_ == "relcl" and tok.left_edge.lower_ in ("that", "which") and tok.left_edge.dep_ == "nsubj" \
                    and tok.left_edge.i == head.i + 1 and tok.tag_ in ("VBD", "VBN"):
                return tok
    for tok in head.subtree:
        if tok.dep_ != "relcl" or tok.i <= head.i or tok.left_edge.lower_ not in ("who", "whom"):
            continue
        if any(t.dep_ == "appos" for t in _path_up(tok, head)):
            continue  # "Olena, a retired teacher who gave only her first name": the apposition's
        if any(t.lower_ in _ANONYMITY_WORDS for t in tok.subtree) or head.doc[tok.left_edge.i - 1].text == ",":
            return None  # why the source is not named, or a clause set off by commas
        return tok
    return None


def _path_up(tok, top) -> list:
    """The tokens from ``tok`` up to (not including) ``top``, which governs it."""
    path = []
    while tok.i != top.i and tok.head.i != tok.i:
        path.append(tok)
        tok = tok.head
    return path


def _word_hyphen(tok) -> bool:
    """Whether ``tok`` is a hyphen inside a word ("Thomas-Greenfield", "so-called"):
    no space on either side and letters on both."""
    doc = tok.doc
    if tok.text not in _WORD_HYPHENS or tok.whitespace_ or not 0 < tok.i < len(doc) - 1:
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    return not before.whitespace_ and before.text[-1:].isalpha() and after.text[:1].isalpha()


def _whole_words(tokens) -> list:
    """Contiguous ``tokens`` extended at either edge over hyphenated words that the
    tokenizer split ("Greenfield" -> "Thomas-Greenfield"), so that no word is cut."""
    if not tokens:
        return list(tokens)
    doc = tokens[0].doc
    lo, hi = tokens[0].i, tokens[-1].i
    while lo >= 2 and _word_hyphen(doc[lo - 1]):
        lo -= 2
    while hi + 2 < len(doc) and _word_hyphen(doc[hi + 1]):
        hi += 2
    return list(doc[lo:hi + 1])


def _whole_words_text(tokens) -> str:
    """The text from the first to the last of ``tokens`` (in any order), with the
    hyphenated words at its edges whole: a name the entity recogniser or the parse cut
    at a hyphen ("Thomas" of "Thomas-Greenfield") stays one name."""
    tokens = sorted(tokens, key=lambda t: t.i)
    doc = tokens[0].doc
    span = _whole_words(list(doc[tokens[0].i:tokens[-1].i + 1]))
    return doc.text[span[0].idx:span[-1].idx + len(span[-1].text)]


def _speaker_np(tok, ctx: _Context) -> tuple[list, list]:
    """(noun phrase for the actor look-up, words of the speaker mention).

    With an appositive, the mention is the person's name: "Moscow's ambassador to the
    UN, Vassily Nebenzia" -> "Vassily Nebenzia"; "Josep Borrell, the EU's foreign
    policy chief" -> "Josep Borrell"."""
    np = _np_tokens(tok, keep_appos=True)
    name = _np_tokens(tok)
    is_name = tok.ent_type_ == "PERSON" or ctx.mention_at.get(tok.i) is not None and ctx.mention_at[tok.i].via == "member"
    if not is_name:
        for child in tok.children:
            if child.dep_ == "conj" and tok.tag_ == "NNS" and child.i > tok.i and child.ent_type_ == "PERSON" \
                    and tok.doc[child.left_edge.i - 1].text == ",":
                name = _np_tokens(child)  # "The sisters, Dana and Michelle Kurek,": an apposition parsed as "and"
                break
            if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or (
                    ctx.mention_at.get(child.i) is not None and ctx.mention_at[child.i].via == "member")
                    or (tok.tag_ == "NNS" and child.pos_ == "PROPN" and any(
                        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in child.children))):
                # (two people named together after a plural, the first missed by the recogniser:
                # "Two forklift operators ..., Renata Souza and Deshawn Pritchett, said")
                name = _np_tokens(child)
                break
            named = next((g for c in child.children if c.dep_ == "acl" and c.lower_ in ("named", "called")
                          for g in c.children if g.dep_ in ("oprd", "dobj", "attr") and g.ent_type_ == "PERSON"),
                         None) if child.dep_ == "appos" and child.pos_ == "NOUN" else None
            if named is not None:  # "The witness, a department spokesman named Terrence Hobart,"
                name = _np_tokens(named)
                break
            chained = next((g for g in child.children if g.dep_ == "appos" and g.ent_type_ == "PERSON"), None) \
                if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > tok.i else None
            if chained is not None:
                # "the co-op’s July newsletter, the board’s chairwoman, Marjorie Teague, wrote": the
                # person a second description names (the parser took the opening "In" elsewhere)
                name = _np_tokens(chained)
                break
            if child.dep_ == "appos" and child.i > tok.i and tok.pos_ == "NOUN" and _person_of_firm(child):
                name = _name_tokens(child)  # "The adjuster, Delmar Schoonover of Flint Hills Claims Services,"
                break
            if child.dep_ == "appos" and child.i > tok.i and tok.pos_ == "NOUN" and _names_organisation(child) \
                    and ctx.mention_at.get(child.i) is None:
                name = _np_tokens(child)  # "The plant's owner, Heartland Meats,": the company
                break
            if child.dep_ == "appos" and child.i > tok.i and tok.lemma_.lower() in _KIN_NOUNS \
                    and child.pos_ == "PROPN" and child.text[:1].isupper() and ctx.mention_at.get(child.i) is None:
                name = _np_tokens(child)  # "His sister, Tanya, said": a relative by first name
                break
    return np, name


def _person_of_firm(tok) -> bool:
    """Whether ``tok`` heads a full name followed by "of" and a firm's name ("Delmar Schoonover of
    Flint Hills Claims Services"): a person named with the firm, whatever the recogniser made of
    the name."""
    if _full_name_words(_name_tokens(tok)) is None:
        return False
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    firm = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return firm is not None and firm.pos_ == "PROPN" and firm.lower_ in _COMPANY_WORDS


def _names_organisation(tok) -> bool:
    """Whether an appositive names an organisation: tagged as one ("Heartland Meats"), or a
    proper noun that is no person, place or date with one in its phrase ("Local 61 of the
    American Federation of ...")."""
    if tok.ent_type_ == "ORG":
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "CARDINAL") and any(
        t.ent_type_ == "ORG" for t in tok.subtree)


def _is_speech(tok, verbs: ReportingVerbs) -> bool:
    if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
        return False
    entry = verbs.entry(tok)
    return entry is not None and entry not in verbs.fragment_only


def _verb_after(ctx: _Context, i: int, verbs: ReportingVerbs):
    """'"...," Lavrov said' / '"...," said Lavrov' / '"...," the official told reporters':
    the first reporting verb within a few words after the closing mark, with the
    subject token when the parser missed it."""
    doc = ctx.doc
    n = len(doc)
    j = i
    while j < n and (doc[j].is_punct and doc[j].text not in ".;"):
        j += 1
    start = j
    limit = min(n, start + 9)
    for k in range(start, limit):
        t = doc[k]
        if t.text in (".", ";", "!", "?") or (len(t.text) == 1 and t.text in _ALL_MARKS):
            return None
        if t.pos_ in ("CCONJ", "SCONJ") or t.dep_ in ("cc", "mark"):
            return None  # '"a test, not a truce," and that Ukraine would answer': another clause
        if _is_speech(t, verbs):
            if t.tag_ == "VBG":  # '"...", claiming that': a participle, not an attribution
                return None
            if any(c.dep_ == "ccomp" and c.i > t.i for c in t.children):
                return None  # '"Why?" Peskov asked whether ...' starts a report of its own
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return t, None
            words = [w for w in doc[start:k] if not w.is_punct]
            if words:
                head = next((w for w in words if w.head.i < start or w.head.i >= k), words[-1])
                return t, head
            for w in doc[k + 1:min(n, k + 8)]:
                if w.pos_ in ("PROPN", "NOUN", "PRON"):
                    while w.dep_ in ("compound", "amod", "det", "poss") and w.head.i > w.i:
                        w = w.head
                    return t, w
            return t, None
    return None


def _reporter_of_that_clause(ctx: _Context, first, verbs: ReportingVerbs):
    """The reporting verb of a *that* clause that runs, within the sentence, up to the
    quotation starting at ``first``: 'X told reporters that she had called the jail
    "every single morning"'. Nothing between the clause and the quotation may end a
    clause (no semicolon, dash or colon), and the *that* must follow its verb closely
    (a few words: "told reporters outside the courthouse that")."""
    doc = ctx.doc
    sentence_start = first.sent.start
    i = first.i - 1
    while i >= sentence_start and (doc[i].is_space or doc[i].text in _ALL_MARKS):
        i -= 1  # the opening mark
    that = None
    for k in range(i, sentence_start - 1, -1):
        t = doc[k]
        if t.text in (";", ":", "\u2014", "\u2013") or (len(t.text) == 1 and t.text in _ALL_MARKS):
            return None
        if t.lower_ == "that" and t.dep_ == "mark":
            that = t
            break
    if that is None:
        return None
    for k in range(that.i - 1, max(sentence_start - 1, that.i - 8), -1):
        t = doc[k]
        if _is_speech(t, verbs) and t.tag_ != "VBG":
            return t
        if t.is_punct:
            return None
    return None


def _verb_before(ctx: _Context, i: int, verbs: ReportingVerbs):
    """'Lavrov said: "..."' / 'Lavrov said, "..."': a reporting verb right before the
    opening mark (possibly in the previous sentence when that one ends in a colon)."""
    doc = ctx.doc
    j = i
    while j >= 0 and (doc[j].is_space or doc[j].text in _ALL_MARKS):
        j -= 1
    if j < 0 or doc[j].text not in (":", ","):
        return None
    colon = doc[j].text == ":"
    for k in range(j - 1, max(-1, j - (40 if colon else 6)), -1):
        t = doc[k]
        if t.text in (".", ";", "!", "?") or (len(t.text) == 1 and t.text in _ALL_MARKS):
            return None
        if _is_speech(t, verbs) and not (colon and (_put_question(t) or t.dep_ == "relcl")):
            return t  # (not "the parents who had written to her office" before "was short:")
        if not colon and t.pos_ not in ("ADV", "ADP", "PRON", "PROPN", "NOUN", "DET", "NUM", "ADJ"):
            return None
    return None


def _put_question(tok) -> bool:
    """Whether ``tok`` is a passive participle on the subject, without an agent, that puts a
    question to the speaker ("Dr. Okonkwo, asked on Friday whether he would meet them, was brief:
    '...'"): the answer after the colon is the subject's, not a report of the asking."""
    return tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and tok.head.dep_ in ("nsubj", "nsubjpass") \
        and not any(c.dep_ == "agent" for c in tok.children)


# Nouns for words someone said, which the sentence after a quotation gives with their speaker ("The
# line, from Ms. Kettunen, drew the loudest applause").
_LINE_NOUNS = frozenset({"line", "remark", "comment", "word", "quote", "quip", "plea", "retort", "question"})


def _line_owner_after(ctx: _Context, end: int):
    """For a quotation that nothing attributes: the person the next sentence names as its speaker
    by "from" on a word for it, opening that sentence ("The line, from Ms. Kettunen,", "Those words,
    from the mayor,"), or as the one it was ("That was Tracy Huebner, ..."); None otherwise."""
    doc = ctx.doc
    k = next((t.i for t in doc[bisect_left(ctx.tok_starts, end):]
              if not (t.is_space or t.is_punct or t.text in _ALL_MARKS)), None)
    if k is None or k + 2 >= len(doc):
        return None
    if doc[k].lower_ in ("that", "this") and doc[k + 1].lemma_ == "be" and doc[k + 2].ent_type_ == "PERSON":
        # '"Who is going to watch my kids?" / That was Tracy Huebner, a mother of three, ...'
        name = _entity_of(doc[k + 2])
        return doc[name.end - 1] if name is not None and name.start == k + 2 else None
    noun = doc[k + 1] if doc[k].lower_ in ("the", "that", "those", "these", "this") and k + 1 < len(doc) else None
    if noun is None or noun.lemma_.lower() not in _LINE_NOUNS or noun.pos_ != "NOUN":
        return None
    if k + 3 >= len(doc) or doc[k + 2].text != "," or doc[k + 3].lower_ != "from":
        return None
    owner = next((c for c in doc[k + 3].children if c.dep_ == "pobj"), None)
    return owner if owner is not None and owner.pos_ in ("PROPN", "NOUN") else None


def _colon_subject(ctx: _Context, i: int):
    """'Kimball was equally blunt: "..."' / 'He had one answer: "..."': the subject of the
    clause that a colon right before the opening mark ends, when that clause has no
    reporting verb (None otherwise, and when the subject is a text or an expletive)."""
    doc = ctx.doc
    j = i
    while j >= 0 and (doc[j].is_space or doc[j].text in _ALL_MARKS):
        j -= 1
    if j < 1 or doc[j].text != ":":
        return None
    node = doc[j - 1]
    for _ in range(12):  # up to the verb of the clause before the colon
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT")
                                                for c in node.children):
            break  # (not the verb of "what came next" inside "She was blunt about what came next:")
        if node.head.i == node.i or node.head.i > j:
            return None
        node = node.head
    else:
        return None
    subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > j or ctx.in_quote(subj.idx) or _is_document(subj):
        return None
    if subj.lower_ in ("there", "this", "that", "what", "which") or subj.dep_ == "expl":
        return None
    if subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    viewer = next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "for" and c.i == c.sent.start
                   and c.right_edge.i + 1 < subj.i and doc[c.right_edge.i + 1].text == ","
                   for g in c.children if g.dep_ == "pobj" and _person_name(g)), None)
    if viewer is not None:
        return viewer  # "For Ms. Kessling, the arithmetic is simple:": the person it is so for
    owner = next((c for c in subj.children if c.dep_ == "poss"), None)
    if subj.lemma_.lower() in _ANSWER_NOUNS and owner is not None:
        return owner  # "Ms. Sturdevant’s answer to the parents was short:", "Her reply was one line:"
    return subj


# Nouns for what someone answers, says, hopes or fears, whose owner is the speaker after a colon
# ("Ms. Ekstrom’s hope for the spring thaw is a simple one:").
_ANSWER_NOUNS = frozenset({"answer", "reply", "response", "retort", "message", "verdict", "advice", "comment",
                           "hope", "wish", "plea", "request", "prediction", "warning", "promise", "complaint",
                           "explanation", "argument", "worry", "fear", "view", "position"})


def _is_document(tok) -> bool:
    """Whether a speaker candidate names a text (a law, a code, rules, a book), not someone
    who speaks: 'The U.S. code', 'The Antideficiency Act', 'House rules'."""
    if tok.ent_type_ == "LAW":
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in _DOCUMENT_HEADS


def _unauthored_text(tok) -> bool:
    """Whether a speaker candidate is a text that speaks for no one (:func:`_is_document`): not a
    body's own document ("The Student Senate’s resolution calls" is the senate's)."""
    return _is_document(tok) and not (tok.lemma_.lower() in _AUTHORED_REPORTS and any(
        (c.dep_ == "poss" and c.ent_type_ == "ORG")
        # ("A resolution adopted by the Barnes County Commission on Monday said": the commission's)
        or (c.dep_ == "acl" and c.lemma_.lower() not in _ASKING_VERBS and any(g.dep_ == "agent" for g in c.children))
        for c in tok.children)) \
        and _maker_before(tok) is None \
        and not (tok.lemma_.lower() in _AUTHORED_REPORTS and _contact_relative_sender(tok) is not None)
    # ("The resolution" a body passed just before is the body's, as is "A resolution the board adopted 4 to 1")


def _modifying_noun(tok) -> bool:
    """A lower-case noun, or a participle the tagger made of one ("welding" in "welding course"),
    that modifies a noun after a name in quotation marks."""
    return tok.is_lower and (tok.pos_ == "NOUN" or (tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound")))


def _is_title(doc, text: str, start: int, end: int, tokens: list) -> bool:
    """Whether the quotation-mark content ``text[start:end]`` is the title of a show, a
    book, an article or a column ('on "Face the Nation"', 'his memoir, "The Long
    Ballot,"', 'an op-ed titled "Why We Must Stay"'): title case, after a title word."""
    words = _WORD_RE.findall(text[start:end])
    if not words or not words[0][:1].isupper():
        return False
    if any(not (w[:1].isupper() or w[:1].isdigit()) for w in words[1:] if w.lower() not in _TITLE_SMALL_WORDS):
        return False
    stripped = text[start:end].rstrip(" ,\u2019\u201d'\"")
    if stripped.endswith(".") and len(words) > 1:
        # a short sentence ("We Will Win."), unless a show's owner and a preposition of titles
        # stand before it: 'on WPHW’s “Northwoods Morning.”' ends its sentence inside the marks (or a
        # title noun, set off by a comma: 'a petition against the antennas, “Keep Our Steeple a Steeple.”')
        return _owned_show_before(doc, tokens) or _listed_as(doc, tokens) or _after_title_participle(doc, tokens) \
            or _set_off_after_title_noun(doc, tokens)
    if _listed_as(doc, tokens) or _described_as_title(doc, tokens) or _set_off_after_title_noun(doc, tokens):
        return True
    if len(words) > 1 and words[-1] in _LAW_NAME_WORDS:
        return True  # 'the "Safe Base Homes Act"'
    last, k = _after_quotation(doc, tokens)
    if any(j < len(doc) and doc[j].lower_ in _TITLE_NOUNS | _CAMPAIGN_NOUNS and doc[j].pos_ == "NOUN"
           and all(t.pos_ in ("NOUN", "ADJ") and t.is_lower for t in doc[k:j]) for j in (k, k + 1)):
        # 'the hospital's "Grow Our Own" program', 'the "Summer Splash" grant program', 'the
        # state’s "Notify Me First" alert system' (the tagger's adjective)
        return True
    if k < len(doc) and _modifying_noun(doc[k]) and doc[last].head.i in (k, k + 1) \
            and doc[last].dep_ in ("compound", "nmod", "amod") and doc[doc[last].head.i].pos_ == "NOUN" \
            and all(_modifying_noun(t) for t in doc[k:doc[last].head.i + 1]):
        # a name that modifies the noun after it: 'an Iowa "Heritage Acres" farm', 'the bank’s "Harvest
        # Line" farm loans', 'the state’s “Range Ready” welding course'
        return True
    first = tokens[0]
    k = first.i - 1
    owned = False  # (passed a possessive: 'told WCVR’s “Valley Morning” that')
    for _ in range(6):
        if k < 0:
            return False
        t = doc[k]
        low = t.lower_
        if t.is_space or (len(t.text) == 1 and t.text in _ALL_MARKS) or t.text == ",":
            pass
        elif owned and t.lemma_.lower() == "tell" and t.pos_ == "VERB":
            return True  # a station's or a paper's show told something, not a quotation
        elif low in _TITLE_PREPOSITIONS or low in _TITLE_NOUNS or low in _TITLE_PARTICIPLES:
            return True
        elif low == "of":
            return k > 0 and doc[k - 1].lower_ in _AUTHOR_NOUNS
        elif low == "as" and k > 0 and doc[k - 1].lower_ == "known":
            return True  # 'a policy known as "Residence First"': a name
        elif low in _NAMING_PARTICIPLES:
            return t.tag_ == "VBN" and t.dep_ in ("acl", "amod") and t.head.pos_ in ("NOUN", "PROPN")
        elif t.pos_ in ("PROPN", "DET", "PRON") or t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s") \
                or (t.ent_type_ in _TITLE_OWNER_ENTITIES and t.text[:1].isupper()) \
                or low in _MEDIUM_WORDS or (t.text == "-" and k > 0 and doc[k - 1].pos_ == "PROPN"):
            # 'on WMRL's "Morning Line"', whatever part of speech the call letters got ('on KNVM-TV’s')
            owned = owned or t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s")
        else:
            return False
        k -= 1
    return False


# Where an item is listed under its name ('appeared on the agenda as “...”', 'listed on the ballot as').
_LISTING_NOUNS = frozenset({"agenda", "ballot", "docket", "calendar", "warrant", "schedule", "menu", "list"})


def _listed_as(doc, tokens: list) -> bool:
    """Whether a quotation is the name an item is listed under: right after "as", with a listing
    noun among the five words before ('The item appeared on Tuesday’s agenda as “Northshore
    Composites Phase II Tax Abatement.”')."""
    k = _before_marks(doc, tokens)
    return k > 0 and doc[k].lower_ == "as" and any(
        t.lemma_.lower() in _LISTING_NOUNS and t.pos_ == "NOUN" for t in doc[max(0, k - 5):k])


def _before_marks(doc, tokens: list) -> int:
    """The index of the last token before a quotation's ``tokens`` that is neither a space nor a
    quotation mark (-1 when there is none)."""
    k = tokens[0].i - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in _ALL_MARKS):
        k -= 1
    return k


def _after_title_participle(doc, tokens: list) -> bool:
    """Whether a quotation follows "titled" (or "entitled", "headlined", "subtitled") directly ('a
    report ... titled “Contraband Trends 2029.”', the sentence ending inside the marks)."""
    k = _before_marks(doc, tokens)
    return k >= 0 and doc[k].lower_ in _TITLE_PARTICIPLES


def _owned_show_before(doc, tokens: list) -> bool:
    """Whether a quotation follows a title preposition and a possessive owner directly ('on
    WPHW’s “...”', 'on Channel Nine’s “...”', 'on KNVM-TV’s “...”', 'on WKRW radio’s “...”'): the
    owner's words are proper nouns, call letters or a word for the medium."""
    k = _before_marks(doc, tokens)
    if k < 1 or doc[k].lower_ not in ("'s", "\u2019s") and doc[k].tag_ != "POS":
        return False
    k -= 1
    owner = 0
    while k >= 0 and (doc[k].pos_ == "PROPN" or _CALL_LETTERS_RE.fullmatch(doc[k].text)
                      or doc[k].lower_ in _MEDIUM_WORDS or (doc[k].text == "-" and owner > 0)) and owner < 5:
        k -= 1
        owner += 1
    return owner > 0 and k >= 0 and doc[k].lower_ in _TITLE_PREPOSITIONS


# Words for the medium in the name of a station ("KNVM-TV", "WKRW radio").
_MEDIUM_WORDS = frozenset({"tv", "radio", "television", "fm", "am"})


def _after_quotation(doc, tokens: list, *, commas: bool = False) -> tuple[int, int]:
    """(the quotation's last word, the first token after its closing mark): the index of the last
    token of ``tokens`` that is no punctuation, and of the first token after it that is no
    quotation mark (nor, with ``commas``, a comma)."""
    last = max((t.i for t in tokens if not t.is_punct), default=tokens[-1].i)
    k = last + 1
    while k < len(doc) and (doc[k].text in _ALL_MARKS or (commas and doc[k].text == ",")):
        k += 1
    return last, k


def _described_as_title(doc, tokens: list) -> bool:
    """Whether a quotation is followed by a description of a show or a text in apposition
    ('told "The Sunday Docket," a public affairs program, that ...'): after the closing mark, a
    comma, an article and at most four more words, a title noun."""
    last, k = _after_quotation(doc, tokens, commas=True)
    if k >= len(doc) or doc[k].lower_ not in ("a", "an", "the") or not any(t.text == "," for t in doc[last + 1:k]):
        return False
    return any(t.lower_ in _TITLE_NOUNS and t.pos_ == "NOUN" for t in doc[k + 1:min(k + 6, len(doc))])


def _set_off_after_title_noun(doc, tokens: list) -> bool:
    """Whether a quotation set off by commas follows a phrase headed by a title noun, with no verb
    between ('wrote in his column for The Millbank Dispatch, “View From the Ridge,” that'): the
    column's title."""
    first = tokens[0].i
    opening = first - 1
    if opening < 1 or doc[opening - 1].text != ",":
        return False
    for t in reversed(doc[max(0, opening - 14):opening - 1]):
        if t.pos_ == "VERB" and t.dep_ in ("relcl", "acl") and t.head.i < t.i and t.head.pos_ == "NOUN" \
                and t.head.lower_ in _TITLE_NOUNS and any(c.dep_ in ("poss", "det") for c in t.head.children):
            return True  # ('in a report it circulated before the meeting, “Sixty Years of Data,” noted')
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";"):
            return False
        if t.lower_ in _TITLE_NOUNS and t.pos_ == "NOUN" and any(c.dep_ in ("poss", "det") for c in t.children):
            return True
    return False


def _under_modal(verb) -> bool:
    """A verb with a modal auxiliary ("would answer", "will respond", "could retaliate")."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _infinitive(tok) -> bool:
    """A verb with *to* and no subject of its own ("to ask about him")."""
    children = list(tok.children)
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children) and not any(
        c.dep_ in _SUBJ_DEPS for c in children)


# Reporting verbs that state and never request ("says that the city pay" is no English), and
# verbs whose past tense has the form of the bare verb, which the tagger may take for one.
_PLAIN_REPORTS = frozenset({"say", "write", "state", "report", "note", "find", "show", "conclude"})
_SAME_FORM_PASTS = frozenset({"let", "put", "set", "cut", "hit", "shut", "cost", "spread", "hurt", "quit",
                              "split", "burst", "cast", "read"})


def _mandative(clause) -> bool:
    """Whether a content clause is in the mandative subjunctive, a request and no statement:
    "(asked) that her name not be used", "(demanded) that the city pay": a bare *be* with no
    modal, or a bare verb whose subject is a singular noun or *he*, *she* or *it* (so that a
    plural present, "that they pay", is not taken for one)."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("MD", "TO") or a.lower_ in ("do", "does", "did") for a in auxes):
        return False
    if any(a.lower_ == "be" and a.tag_ == "VB" for a in auxes) or (clause.lower_ == "be" and clause.tag_ == "VB"):
        return True
    subject = next((c for c in clause.children if c.dep_ in _SUBJ_DEPS), None)
    return clause.tag_ == "VB" and not auxes and subject is not None and (
        subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it"))


def _finite(tok) -> bool:
    if tok.tag_ in _FINITE_TAGS:
        return True
    for child in tok.children:
        if child.dep_ in _SUBJ_DEPS:
            return True
        if child.dep_ in ("aux", "auxpass") and (child.tag_ in _FINITE_TAGS or any(
                g.dep_ in _SUBJ_DEPS or (g.dep_ in ("aux", "auxpass") and g.tag_ in _FINITE_TAGS)
                for g in child.children)):
            return True  # (also "would have cost", with "would" and the subject hung on "have")
    return False


def _governor(tok, verbs: ReportingVerbs):
    """The reporting word that a quoted fragment is the reported words of.

    Walk up the dependency tree from the fragment; a reporting verb counts when the
    fragment hangs from its content or object (not from an adverb: "'categorically'
    rejected"); a fragment-only verb (call, describe, ...) only through its object; a
    reporting noun through any modifier ("his lecture about 'gratitude'"). The walk stops
    at a clause coordinated with a report (a separate statement) unless that clause
    opens with *that* ("said A and that 'B'")."""
    child, node = tok, tok.head
    in_noun_complement = False  # the walk went through a noun's prepositional phrase
    for _ in range(40):
        if child.dep_ == "oprd" and node.pos_ in ("NOUN", "PROPN"):
            # 'called the worry about delayed calls "a fair point"': a verb's object predicate,
            # which the parser hung on the object's last noun; it is the verb's
            verb = next((a for a in node.ancestors if _is_verb(a)), None)
            return verb if verb is not None and verbs.entry(verb) is not None else None
        entry = verbs.entry(node) if node.i != child.i else None
        if entry is not None and child.dep_ == "conj" and node.dep_ == "ccomp" and _is_speech(node.head, verbs) \
                and (_object_not_words(node) or (any(c.dep_ == "auxpass" for c in node.children)
                                                 and not any(c.dep_ == "agent" for c in node.children))):
            # 'said the county had been warned about the caseloads and had "treated every one of them
            # like junk mail"': a report received, in someone's content, is no statement of its own;
            # nor is a verb of speech with a thing for its object ('wrote that the district had called
            # three other schools ... and that "no Okemaw girl ..."')
            entry = None
        if entry is not None and entry != "according to":
            is_verb = node.pos_ in ("VERB", "AUX") or node.tag_.startswith("VB")
            edge = child.dep_
            if is_verb:
                if edge == "conj":
                    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                        return None
                    return node
                # a fragment-only verb governs its own object ('called the plan "a
                # disaster"', 'described him as "a steady hand"'), not words deeper in it
                # ('rejected talk of a "stalemate"': the talk is someone else's)
                # the object of a verb inside someone's reported clause is that speaker's wording
                # ('argued that Congress had written "blank checks"'), and so is any fragment of a
                # report under a modal, which is no utterance yet ('said Russia would answer "in
                # kind"': the spokesman's words): walk on up
                # (and so is the fragment of a passive with no one by whom: 'claimed that the category
                # had been written "with one company in mind"')
                # (and so is a fragment that says when or why, under a verb inside someone's clause:
                # 'recalled that the town had asked for the fee "before we had sold a single gram"')
                nested = entry not in verbs.fragment_only and node.dep_ == "ccomp" and _is_speech(node.head, verbs) \
                    and (edge in ("dobj", "advcl") or (edge not in _NOT_REPORTED_EDGES and _under_modal(node))
                         or (any(c.dep_ == "auxpass" for c in node.children)
                             and not any(c.dep_ == "agent" for c in node.children)))
                # (calling a number is no naming: 'workers had called 911 "within minutes"' are the
                # words of whoever reported the call)
                circumstance = entry == "call" and edge == "prep" and any(
                    c.dep_ == "dobj" and c.like_num for c in node.children)
                if edge not in _NOT_REPORTED_EDGES and not nested and not circumstance and (
                    entry not in verbs.fragment_only
                    or (edge in _OBJECT_EDGES and not in_noun_complement)
                ):
                    return node
            elif node.pos_ in ("NOUN", "PROPN") and edge not in ("det", "amod", "compound", "poss", "punct"):
                if edge == "appos" and node.dep_ == "dobj" and verbs.entry(node.head) in verbs.fragment_only:
                    # 'called the district's pledge "a promise ..."': the object predicate of a naming
                    # verb, which the parser set in apposition to the object (a reporting noun itself)
                    return node.head
                carrier = _carrier_verb(node, verbs)
                return carrier if carrier is not None else node
        if node.head.i == node.i:
            return None
        if (child.dep_ == "prep" and node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() not in _PART_NOUNS) \
                or (node.dep_ == "prep" and node.head.pos_ in ("NOUN", "PROPN")
                    and node.head.lemma_.lower() not in _PART_NOUNS):
            # (not through "part of", "a kind of": 'described the closures as part of a
            # "modernization"' gives the words of whoever described them)
            in_noun_complement = True
        child, node = node, node.head
    return None


def _scare(text: str, start: int, end: int, tokens: list, gov, verbs: ReportingVerbs) -> bool:
    """The scare-quote rule, see :func:`is_scare_quote`."""
    content = text[start:end]
    before = text[max(0, start - 30):max(0, start - 1)]
    if _SCARE_PREFIX_RE.search(before) and len(_WORD_RE.findall(content)) <= SCARE_MAX_WORDS:
        return True
    n_words = len(_WORD_RE.findall(content))
    if n_words > SCARE_MAX_WORDS:
        return False
    stripped = content.strip()
    if stripped[:1].isupper() and stripped.rstrip("\"'\u2019\u201d")[-1:] in ".!?":
        return False  # a short sentence: "We will win."
    if gov is None:
        return True
    if _term_before_noun(tokens, gov):
        return True  # 'said ... that it had approved “managed access” systems in nine states'
    if len(tokens) == 1 and _term_in_noun_phrase(tokens[0]):
        return True  # 'a 200-foot “buffer” of planted pines': a term inside the writer's own noun phrase
    inside = {t.i for t in tokens}
    labelled = [t.head.head if t.dep_ == "pobj" and t.head.lower_ == "as" else t.head for t in tokens
                if t.head.i not in inside and t.dep_ in ("oprd", "acomp", "xcomp", "pobj")]
    if any(v.lemma_.lower() in _LABELLING_VERBS and v.pos_ == "VERB" for v in labelled):
        return True  # 'a repair request ... was marked "completed"': a record's label, no one's words
    # a label that belongs to someone else: Zelensky's "peace formula" in Zakharova's words
    for t in tokens:
        if t.head.i not in inside:
            head = t.head if t.dep_ in ("compound", "amod") else t
            for child in list(head.children) + list(t.children):
                if child.dep_ == "poss" and child.i not in inside and child.ent_type_ == "PERSON":
                    subject = _subject(_Record(0, 0, "direct", gov=gov), gov.doc, verbs)
                    if subject is None or subject.i != child.i:
                        return True
            break
    return False


def _term_before_noun(tokens: list, gov) -> bool:
    """Whether lower-case quoted words end in a noun that names a kind of the noun right after the
    closing mark ('approved “managed access” systems'), a noun that is not the reporting verb's own
    object but sits deeper in its content: a term, not the speaker's words ('declared a “no limits”
    partnership' is the speaker's)."""
    last = tokens[-1]
    if any(t.text[:1].isupper() for t in tokens) or last.pos_ != "NOUN" or last.dep_ not in ("nmod", "compound"):
        return False
    noun = last.head
    return noun.pos_ == "NOUN" and noun.i == last.i + 2 and noun.head.i != gov.i and gov.is_ancestor(noun)


def _term_in_noun_phrase(tok) -> bool:
    """Whether a one-word quotation is the head noun of a noun phrase that goes on outside its
    marks on both sides, with a determiner and a modifier of the writer's before and an "of"
    phrase after ('a 200-foot “buffer” of planted pines'); not the name something is called or
    described as ('calls a “data center”', 'described the plan as a “consolidation” of'), nor a
    word with the determiner alone ('on the “liberation” of the city', the speaker's word)."""
    return tok.pos_ == "NOUN" and tok.dep_ not in ("oprd", "attr") \
        and not (tok.dep_ == "pobj" and tok.head.lower_ == "as") \
        and any(c.dep_ == "det" and c.i < tok.i - 1 for c in tok.children) \
        and any(c.dep_ in ("amod", "nmod", "nummod", "compound") and c.i < tok.i - 1 for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i + 1 for c in tok.children)


def is_quoted_title(doc, start: int, end: int) -> bool:
    """Whether the quotation-mark content ``doc.text[start:end]`` is the title of a show,
    a book, an article or a column ('said on "Face the Nation"', 'an op-ed titled "Why
    We Must Stay"'): title case after a title word. Such a title is neither a quotation
    nor a scare quote."""
    tokens = _tokens_in(doc, doc.to_array("IDX").tolist(), start, end)
    return bool(tokens) and _is_title(doc, doc.text, start, end, tokens)


def is_scare_quote(doc, start: int, end: int, *, verbs: ReportingVerbs | None = None) -> bool:
    """Whether the quotation-mark content ``doc.text[start:end]`` is a scare quote.

    A scare quote is a short quoted label (at most :data:`SCARE_MAX_WORDS` words) that
    nobody in the sentence is reported as saying: the writer's distancing marks
    (Western "values"), terms after *so-called*, and labels owned by someone other than
    the speaker (Zelensky's "peace formula" in Zakharova's statement). A short fragment
    that a reporting verb governs (Peskov said it was "an internal European matter")
    is a quotation, and so is a short full sentence ("We will win.").
    """
    verbs = verbs if verbs is not None else ReportingVerbs.default()
    tokens = _tokens_in(doc, doc.to_array("IDX").tolist(), start, end)
    if not tokens or _is_title(doc, doc.text, start, end, tokens):
        return False
    return _scare(doc.text, start, end, tokens, _fragment_governor(tokens, verbs), verbs)


def _fragment_governor(tokens: list, verbs: ReportingVerbs):
    """The reporting word governing the quoted tokens through the parse, or None; failing
    that, a parenthetical report in the fragment's clause ('The act, he wrote, gives the
    secretary power to "waive or modify" rules')."""
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in inside and tok.head.i != tok.i:
            gov = _governor(tok, verbs)
            if gov is not None and gov.i not in inside:
                return gov
            return _parenthetical(tok, inside, verbs)
    return None


def _parenthetical(tok, inside: set[int], verbs: ReportingVerbs):
    """A reporting verb with its own subject set into the clause of ``tok`` as a
    parenthetical (the parser's ``parataxis``): 'The law, he wrote, gives ...'."""
    node = tok
    for _ in range(40):
        for child in node.children:
            if child.dep_ == "parataxis" and child.i not in inside and _is_speech(child, verbs) \
                    and any(c.dep_ == "nsubj" for c in child.children):
                return child
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _carrier_verb(noun, verbs: ReportingVerbs):
    """The reporting verb of 'said in a statement that ...' / 'wrote in a letter': a
    reporting noun in a prepositional phrase of a reporting verb is the medium; the verb
    reports, and its subject speaks. A call is a medium after "on" or "during" too ('told
    reporters on a conference call that ...')."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    medium = prep.lower_ in ("in", "through", "via") or (
        noun.lemma_.lower() == "call" and prep.lower_ in _CALL_PREPOSITIONS)
    return prep.head if medium and _is_speech(prep.head, verbs) else None


def _tokens_in(doc, tok_starts: list[int], start: int, end: int) -> list:
    """Tokens overlapping [start, end), quotation-mark tokens left out."""
    out = []
    for i in range(max(0, bisect_right(tok_starts, start) - 1), len(doc)):
        t = doc[i]
        if t.idx >= end:
            break
        if t.idx + len(t.text) > start and not (len(t.text) == 1 and t.text in _ALL_MARKS):
            out.append(t)
    return out


def _subject(record: _Record, doc, verbs: ReportingVerbs):
    """The token naming who speaks: the subject of the reporting verb, climbing
    through participles and coordinations ("..., adding that") to the verb that has
    one; the agent of a passive ("was told by X"; None without one); the possessor of a
    reporting noun; the object of *according to*."""
    gov = record.gov
    if gov is None:
        return None
    if record.source == "according":
        to = next((c for c in gov.children if c.lower_ == "to"), None)
        if to is None and gov.i + 1 < len(doc):
            to = doc[gov.i + 1]
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None and to is not None and to.i + 1 < len(doc):
            # "according to Superintendent Raymond L. Oberle Jr.": a name the parser hung elsewhere,
            # its suffix taken for the head
            name = _entity_of(doc[to.i + 1])
            words = [t for t in name if not t.is_space and t.lower_ not in _NAME_SUFFIXES] \
                if name is not None and name.label_ == "PERSON" and name.start == to.i + 1 else []
            if words:
                source = words[-1]  # (its surname: the name it stands for is the one named in full)
        if source is None:
            return None
        if source.lemma_.lower() in _AUTHORED_REPORTS and not list(source.children):
            # "according to figures the hospital filed": the parser hung the filer, with its verb
            # as a participle on it, elsewhere (as a second object of "according", or of the verb)
            filer = next((c for c in doc[source.i + 1:min(source.i + 6, len(doc))]
                          if c.pos_ in ("NOUN", "PROPN") and c.left_edge.i == source.i + 1 and any(
                              a.dep_ in ("acl", "relcl") and a.lemma_.lower() in _SENDING_VERBS and a.i > c.i
                              for a in c.children)), None)
            if filer is not None:
                return filer
        named = next((c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > source.i
                      and not c.ent_type_ and source.lemma_.lower() in _PERSON_NOUNS
                      and _full_name_words(_name_tokens(c)) is not None), None)
        if named is not None:
            return named  # ("according to the district attorney, Hollis Yeager": a name the recogniser missed)
        return _stranded_apposition(source) or _name_set_off_after(source) or _author_of(source)
    is_verb = gov.pos_ in ("VERB", "AUX") or gov.tag_.startswith("VB")
    if not is_verb:
        # (or a noun with its "'s" that the parser took for a subject: "The sheriff’s warning that")
        poss = next((c for c in gov.children if c.dep_ == "poss" or (
            c.i < gov.i and c.pos_ in ("NOUN", "PROPN") and any(a.dep_ == "case" for a in c.children))), None)
        if poss is not None:
            return poss
        source = next((g for c in gov.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > gov.i
                       for g in c.children if g.dep_ == "pobj"), None)
        if source is not None and record.source == "noun":
            return source  # "a warning from the county’s election director that A"
        if gov.dep_ in ("dobj", "pobj") and gov.head.lemma_.lower() in _NOUN_REPORT_CARRIERS:
            return _verb_subject(gov.head, verbs)
        verb = _reporting_verb_above(gov, verbs)
        if verb is not None:
            # "X said in a written response included in the report that ...": the parser gave the
            # content clause to the last noun of the verb's phrase; the reporter is the verb's subject
            return _verb_subject(verb, verbs)
        return None
    return _verb_subject(gov, verbs)


# Nouns of a report whose author is the source: "according to an estimate by the Chamber of
# Commerce" has the Chamber as its speaker.
_AUTHORED_REPORTS = frozenset({
    "estimate", "report", "study", "survey", "analysis", "summary", "count", "tally", "poll", "review",
    "assessment", "calculation", "projection", "forecast", "audit", "statement", "filing", "memo", "data",
    "figure", "figures", "record", "records", "log", "logs", "sheet", "letter", "document", "release", "notice", "email",
    "memorandum", "transcript", "presentation", "briefing", "complaint", "manifest", "announcement",
    "lawsuit", "suit", "petition", "motion", "brief", "opinion", "disclosure", "order", "inventory", "note",
    "decision", "ruling", "form", "bid", "proposal", "docket", "schedule", "application", "challenge",
    "plan", "dissent", "concurrence", "advisory", "bulletin", "text", "datum",  # ("data", as lemmatised)
    "result", "results", "return", "returns",  # ("results the county commission certified")
    "resolution", "grievance", "website", "budget",
    "agenda",  # ("according to the board’s agenda": the board's)
})


def _partitive_of_pronoun(tok) -> bool:
    """Whether ``tok`` heads "many of them", "some of whom", "most of us": a part of a group a
    pronoun names."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lower_ in ("them", "us", "whom", "those") for g in c.children) for c in tok.children)


def _is_infinitive(tok) -> bool:
    """A verb after "to" that the parser made a subject ("An employee who was flooding the ice when
    the roof began [to groan] said"): no speaker."""
    return tok.is_lower and any(c.dep_ == "aux" and c.lower_ == "to" and c.i == tok.i - 1 for c in tok.children)


def _is_number(tok) -> bool:
    """A date or a number in digits, which names no speaker ("since 1911"); not a partitive
    ("one of them", "two of the officials")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    return tok.ent_type_ in ("DATE", "TIME") or tok.text[:1].isdigit()


def _own_description(tok, words: set[str]) -> bool:
    """Whether the name at ``tok`` comes with a description of its own, a relative clause or an
    apposition, that uses none of ``words`` (the nouns of an earlier description): "Marisa Tejeda,
    who runs a countertop shop in Knoxville" is not "a Commerce Department spokeswoman", while
    "Andriy Kulyk, who runs the district's military administration" may be "a district official"."""
    node = tok
    while node.dep_ in ("compound", "flat") and node.head.i != node.i:
        node = node.head
    own = [c for c in node.children if c.dep_ in ("relcl", "appos", "acl")]
    return any(any(t.pos_ == "NOUN" for t in c.subtree) for c in own) and not any(
        t.lower_ in words for c in own for t in c.subtree)


def _subordinated_report(verb) -> bool:
    """Whether a reporting verb is the parser's clause of time ("before the justices ... said")
    inside the relative clause of a sentence whose root is a noun: the sentence has no main verb
    but this one, so its subject is the noun the relative clause describes."""
    root = verb.sent.root
    if verb.dep_ != "advcl" or root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children):
        return False
    node = verb.head
    while node.i != root.i:
        if node.dep_ == "relcl":  # on the noun, or on a noun of its phrase ("A woman in Paducah, Ky., whose")
            return True
        node = node.head
    return False


def _noun_above(verb):
    """The nearest noun above ``verb`` in the parse (the noun whose clause holds it), or None."""
    node = verb
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            return node
    return None


def _person_name(tok) -> bool:
    """Whether ``tok`` is in a person's name: a person entity, or one the recogniser called an
    organisation or a place (:func:`_mislabelled_person`: "Greta Lunde")."""
    if tok.ent_type_ == "PERSON":
        return True
    ent = _entity_of(tok) if tok.ent_type_ else None
    return ent is not None and _mislabelled_person(ent)


def _name_set_off_after(source):
    """The person named between commas right after a person's noun that an *according to* phrase
    opens with, which the parser hung on the clause ("According to its president, Harriet Ocampo,
    the league learned"): the name's last word; None otherwise."""
    doc = source.doc
    comma = source.right_edge.i + 1
    if source.pos_ != "NOUN" or source.tag_ != "NN" or comma + 2 >= len(doc) or doc[comma].text != ",":
        return None
    name = _entity_of(doc[comma + 1])
    if name is None or name.label_ != "PERSON" or name.start != comma + 1 or name.end >= len(doc) \
            or doc[name.end].text != "," or any(a.i == source.i for a in doc[name.end - 1].ancestors):
        return None
    return doc[name.end - 1]


def _stranded_apposition(source):
    """The person named at the end of an *according to* phrase that the parser cut short:
    in "according to the Port Amberly harbor master, Evelyn Saari." the object is "Port" and
    the rest of the phrase hangs apart; the name in apposition at the sentence's end is the
    source (the parser may even start a sentence at "Amberly"). None unless the words between
    the object and the comma before the name are all nouns, proper nouns, adjectives or
    determiners, outside the object's phrase, or there are none and the object is a singular
    noun, and the name ends the sentence."""
    doc = source.doc
    words = []
    for t in doc[source.right_edge.i + 1:]:
        if t.text in (".", "!", "?", ";") or "\n" in t.text:
            break
        words.append(t)
    if not words or not _person_name(words[-1]):
        return None
    name = _entity_of(words[-1])
    if name is None or name.start < 2 or doc[name.start - 1].text != ",":
        return None
    between = doc[source.right_edge.i + 1:name.start - 1]
    if not len(between) and source.pos_ == "NOUN" and source.tag_ == "NN" and name.end - 1 == words[-1].i \
            and not any(a.i == source.i for a in words[-1].ancestors):
        # "..., according to its organizer, Pat Kerrigan.": the name set off after a person's noun,
        # which the parser hung on the clause
        return words[-1]
    if not len(between) or any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET") for t in between):
        return None
    return words[-1]


def _author_of(source):
    """The author of a report named as an *according to* source ("an estimate by the Greater
    Boston Chamber of Commerce", "a report from the inspector general", "a summary released
    by the committee", "a State Department summary"), or of the same kind of report named
    before ("According to the report" after "A 46-page report by the Office of Correctional
    Oversight"); the source itself otherwise."""
    if source.lemma_.lower() not in _AUTHORED_REPORTS:
        return source
    author = _named_author(source) or _relative_signer(source) or _plaintiff(source) or _sender_named_next(source) \
        or _doer_before(source) \
        or _majority_writer(source) or _sender_by_recipients(source) or _writer_named_next(source) \
        or _issuer_named_next(source) \
        or _ruler_before(source) or _maker_before(source) or _filer_before(source)
    if author is not None:
        return author
    if any(c.dep_ == "det" and c.lower_ == "the" for c in source.children) and not any(
            c.dep_ in ("poss", "prep", "relcl") or (c.dep_ == "compound" and c.pos_ == "PROPN")
            or (c.dep_ == "acl" and c.lemma_.lower() not in _ASKING_VERBS | _TITLE_PARTICIPLE_LEMMAS
                and any(g.dep_ == "agent" for g in c.children))
            for c in source.children):
        # "the report", "The 61-page report", "The report, requested by the committee,", "The
        # report, written for the co-op’s insurer,"; not "the GAO report" or "the report released
        # by the board"
        for earlier in reversed(source.doc[:source.i]):
            if earlier.lemma_.lower() == source.lemma_.lower() and earlier.pos_ == "NOUN":
                # "the state's inspector general said in a report ... The report said": the one who
                # reported in it or issued it, before the one who released it ("acknowledged in a
                # statement released by his lawyer"); else the author its words name
                author = _issuer(earlier) or _named_author(earlier) or _sender_by_recipients(earlier) \
                    or _scope_teller(earlier)
                if author is not None:
                    # ("A 2028 report by the college’s accreditor, the Midlands Commission on Colleges,
                    # said ... . According to the report": the body named for the author)
                    return _organisation_set_off(author) or author
    return source


# What an order or a plan does, told by the one who made it ("said the order would cover 38,000
# acres"); not what it would cost or do to someone, which anyone may say.
_SCOPE_VERBS = frozenset({"cover", "apply", "last", "run", "begin", "start", "end", "expire", "affect",
                          "limit", "require", "allow", "let", "take"})
_SCOPED_DOCUMENTS = frozenset({"order", "ruling", "decision", "plan", "rule", "proposal", "directive"})


def _scope_teller(document):
    """For an order or a plan that the text first gives in someone's report of what it will do
    ("The engineer, Linda Hovland, said the order would cover about 38,000 acres"): the subject of
    that report, when it is no pronoun; None otherwise, and when the document is named earlier."""
    clause = document.head
    if document.lemma_.lower() not in _SCOPED_DOCUMENTS or document.dep_ != "nsubj" \
            or clause.lemma_.lower() not in _SCOPE_VERBS or clause.dep_ != "ccomp" \
            or not any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in clause.children) \
            or any(t.lemma_ == document.lemma_ and t.pos_ == "NOUN" for t in document.doc[:document.i]):
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if clause.head.lemma_.lower() not in ("say", "tell", "announce", "explain") or subject is None \
            or subject.pos_ == "PRON":
        return None
    return subject


# Verbs by which someone makes a text theirs in a relative clause on it ("the order, which the
# executive director signed").
_SIGNING_VERBS = frozenset({"sign", "write", "issue", "draft", "author"})


def _relative_signer(source):
    """For a text with a relative clause "which X signed" (or wrote, issued, drafted) set off right
    after it ("according to the order, which the commission’s executive director, Samuel K. Oduya,
    signed on Oct. 14"): X, however the parser hung the clause; None otherwise."""
    doc = source.doc
    k = source.i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ("which", "that") or doc[k].tag_ != "WDT":
        return None
    for verb in doc[k + 1:source.sent.end]:
        if verb.pos_ in ("VERB", "AUX") or verb.text in (".", ";"):
            break
    else:
        return None
    if verb.lemma_.lower() not in _SIGNING_VERBS or verb.pos_ != "VERB":
        return None
    between = doc[k + 1:verb.i]
    subject = next((t for t in between if t.pos_ in ("NOUN", "PROPN") and not k < t.head.i < verb.i), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


# Nouns of an act that a report records, and the verb of the act ("The inspection report" after
# "OSHA inspected the elevator").
_ACT_NOUNS = {"inspection": "inspect", "investigation": "investigate", "audit": "audit", "review": "review",
              "examination": "examine", "evaluation": "evaluate", "assessment": "assess"}


def _doer_before(source):
    """For a report named by its act ("The inspection report", "the audit report"): the subject
    of the verb of that act in the same or the two sentences before ("OSHA inspected the elevator
    in 2025"), when it is no pronoun; None otherwise."""
    act = next((c for c in source.children if c.dep_ == "compound" and c.lemma_.lower() in _ACT_NOUNS
                and c.i < source.i), None)
    if act is None:
        return None
    verb = _ACT_NOUNS[act.lemma_.lower()]
    return _subject_of_verb_before(source, 2, lambda tok: tok.lemma_.lower() == verb)


# Verbs by which a court or a judge issues an order or a ruling.
_RULING_VERBS = frozenset({"rule", "order", "decide"})


def _ruler_before(source):
    """For "The order" or "The ruling" with no author of its own: the subject of "ruled" or
    "ordered" in the same or the two sentences before ("The Kansas Corporation Commission ...
    ruled in May that ... . The order says"), when it is no pronoun, else a judge who ruled earlier in
    the text ("..., a Common Pleas judge ruled on Thursday, ..." in the lede); None otherwise."""
    if source.lemma_.lower() not in ("order", "ruling", "decision") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in source.children):
        return None
    subject = _subject_of_verb_before(source, 2, lambda tok: tok.lemma_.lower() in _RULING_VERBS)
    if subject is None:  # ("According to the order" many paragraphs after the judge ruled)
        subject = next((c for tok in reversed(source.doc[:source.i])
                        if tok.pos_ == "VERB" and tok.lemma_.lower() in _RULING_VERBS
                        for c in tok.children if c.dep_ == "nsubj" and (
                            c.lemma_.lower() in ("judge", "justice")
                            or any(t.lower_ in ("judge", "justice") for t in c.lefts))), None)
    return subject


# Verbs of those who make a text theirs, by the text's noun: a petition they gathered signatures on
# or circulated, a resolution they passed.
_MAKING_VERBS = {
    "petition": frozenset({"gather", "collect", "circulate", "start", "begin", "launch", "file", "submit",
                           "deliver", "organize", "organise", "present"}),
    "resolution": frozenset({"pass", "adopt", "approve"}),
}


def _filer_before(source):
    """For "the filing" with no author of its own: whoever filed a document in the same or the two
    sentences before ("The complaint, filed in U.S. District Court in Worcester by Havelock Wireless LLC,
    argues ... . According to the filing"), when it is no pronoun; None otherwise."""
    if source.lemma_.lower() != "filing" or not any(c.dep_ == "det" and c.lower_ == "the" for c in source.children):
        return None
    for tok in reversed(source.doc[_first_of_sentences_before(source, 2):source.i]):
        if tok.lemma_.lower() != "file" or tok.pos_ != "VERB":
            continue
        by = next((c for c in tok.children if c.dep_ == "agent"), None) if tok.dep_ == "acl" else None
        filer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else \
            next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if filer is not None and filer.pos_ != "PRON":
            return filer
    return None


def _maker_before(source):
    """For "The petition" or "The resolution" with no author of its own: the subject of the verb
    that gathered or filed the petition, or passed the resolution, in the same or the two sentences
    before ("The ... Merchants Association ... has gathered 2,100 signatures on a petition against
    the meters. The petition says"; "The university’s Faculty Senate passed a resolution on
    Wednesday"), when it is no pronoun; None otherwise."""
    lemma = source.lemma_.lower()
    if lemma not in _MAKING_VERBS or not any(c.dep_ == "det" and c.lower_ == "the" for c in source.children):
        return None
    return _subject_of_verb_before(source, 2, lambda tok: tok.lemma_.lower() in _MAKING_VERBS[lemma] and any(
        t.lemma_.lower() == lemma and t.i != tok.i for t in tok.subtree))


def _body_answering_with(source):
    """For a resolution that a body adopted, answered with or voted for in the same sentence ("The
    Harlow Township board adopted a resolution that calls ...", "The commission answered with a
    resolution that calls ..."): the subject of that verb, when it is a noun or a name; None
    otherwise."""
    if source.lemma_.lower() != "resolution":
        return None
    verb = source.head.head if source.dep_ == "pobj" and source.head.lower_ in ("with", "for") else \
        source.head if source.dep_ == "dobj" else None
    if verb is None or not _is_verb(verb) or verb.i > source.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def _majority_writer(source):
    """For "The opinion" of a court: the judge who "wrote for the majority" (or "for the court")
    in the three sentences before ("Justice Evelyn Drummond wrote for the majority that ..."); None
    otherwise."""
    if source.lemma_.lower() != "opinion" or not any(c.dep_ == "det" and c.lower_ == "the" for c in source.children):
        return None
    return _subject_of_verb_before(source, 3, lambda tok: tok.lemma_.lower() == "write" and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in ("majority", "court", "panel") for g in c.children)
        for c in tok.children))


def _first_of_sentences_before(tok, sentences: int) -> int:
    """The index of the first token of the sentence ``sentences`` sentences before ``tok``'s own (of
    the text's first sentence when there are fewer)."""
    first = tok.sent.start
    for _ in range(sentences):
        if first > 0:
            first = tok.doc[first - 1].sent.start
    return first


def _subject_of_verb_before(source, sentences: int, fits):
    """The subject, when it is no pronoun, of the last verb that ``fits`` before ``source`` in its
    sentence and the ``sentences`` sentences before; None when there is none."""
    for tok in reversed(source.doc[_first_of_sentences_before(source, sentences):source.i]):
        if tok.pos_ == "VERB" and fits(tok):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
    return None


def _issuer_named_next(source):
    """For "the state’s annual brood survey" with no author in its own words: the body the next
    sentence names as issuing it ("The survey, which the South Dakota Department of Game, Fish and
    Parks released in August, said"); None otherwise."""
    doc, sent = source.doc, source.sent
    if sent.end >= len(doc):
        return None
    for noun in doc[sent.end].sent:
        if noun.lemma_ != source.lemma_ or noun.pos_ != "NOUN" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            continue
        issued = next((c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in _SENDING_VERBS), None)
        body = next((c for c in issued.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None) \
            if issued is not None else None
        if body is not None:
            name = _entity_of(body)  # (the name's head, where the parser made its last word the subject)
            return name.root if name is not None and name.label_ == "ORG" else body
    return None


def _writer_named_next(source):
    """For "a report" with no author in its own words: the person the next sentence names as
    the one who wrote it ("An inspection report dated Nov. 29 said ... The engineer who wrote it,
    Harold Ainsworth, told"); None otherwise."""
    doc, sent = source.doc, source.sent
    if sent.end >= len(doc) or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in source.children):
        return None
    for noun in doc[sent.end].sent:
        writes = next((c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in _WRITING_VERBS), None)
        if writes is None or not any(c.dep_ == "dobj" and (c.lower_ == "it" or c.lemma_ == source.lemma_)
                                     for c in writes.children):
            continue
        return next((c for c in noun.children if c.dep_ == "appos" and _person_name(c)), None)
    return None


# Verbs of writing a report: its writer is its author.
_WRITING_VERBS = frozenset({"write", "prepare", "sign", "draft", "author", "compile"})


def _sender_by_recipients(document):
    """For a document sent to people named by a plural noun alone ("a ballot notice mailed to
    members"): the organisation the text first names as theirs, by "of" or a possessive ("Members
    of Shipwrights Community Credit Union", "Corvane's customers"); None otherwise."""
    sent = next((c for c in document.children if c.dep_ == "acl" and c.lemma_.lower() in _SENDING_VERBS
                 and c.i > document.i), None)
    to = next((c for c in sent.children if c.dep_ == "prep" and c.lower_ == "to"), None) if sent is not None else None
    people = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if people is None or people.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "amod", "compound")
                                                     for c in people.children):
        return None
    for tok in document.doc[:document.i]:
        if tok.lemma_ != people.lemma_:
            continue
        for c in tok.children:
            owner = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "of" \
                else c if c.dep_ == "poss" else None
            if owner is not None and owner.ent_type_ == "ORG" and owner.pos_ == "PROPN":
                return owner
    return None


def _issuer(document):
    """The subject of the verb through which ``document`` was given out: "X said in a report",
    "X told families in a letter", "X released a report"; None otherwise."""
    head = document.head
    if document.dep_ == "pobj" and head.lower_ in ("in", "through"):
        verb = head.head
        if verb.dep_ == "pobj" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "asked for a recount in a petition": "in" hung on the recount
        if verb.pos_ not in ("VERB", "AUX"):
            return None
    elif document.dep_ == "dobj" and head.lemma_.lower() in _SENDING_VERBS:
        verb = head
    else:
        return None
    subject = _nearest(verb, ("nsubj",))  # ("Two nurses at the clinic, Irene Castellano and Boris Whitmore, started")
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBD":
        # "The losing candidate, Dale Haught, ..., asked for a recount in a petition": a sentence's
        # verb in the past tense that the parser hung on its subject
        return verb.head
    return subject


def _plaintiff(source):
    """Who brought a lawsuit, a complaint or a petition that has no author in its own words: the
    subject of *sue* in the two sentences before ("Lindahl Dune Outfitters sued the department. The
    lawsuit claims"), or the one by whom a lawsuit of the same word was brought or filed, in those
    sentences or the next ("according to a lawsuit filed on Friday. The lawsuit was brought by
    Piedmont Asphalt"); None otherwise."""
    lemma = source.lemma_.lower()
    if lemma not in _SUIT_NOUNS:
        return None
    doc, sent = source.doc, source.sent
    first = _first_of_sentences_before(source, 2)
    last = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    for tok in reversed(doc[first:sent.start]):
        if tok.lemma_.lower() in ("bring", "file") and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == lemma for c in tok.children):
            # "The group, the Pell Creek Neighbors Association, filed the lawsuit in ... . The lawsuit
            # says": the one who filed it last
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ != "PRON":
                return subject
    for tok in doc[first:last]:
        if tok.i >= sent.start and tok.sent.start == sent.start and not (
                tok.lemma_.lower() == "sue" and tok.i < source.i and tok.pos_ == "VERB"):
            continue  # (the same sentence's "sued" before it: "X sued the county ... on behalf of five
            # men who, the lawsuit says, have waited ...")
        if tok.lemma_.lower() == "sue" and tok.i < source.i:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in ("who", "which", "that"):
                subject = _relative_antecedent(tok)  # "Nora and Peter Szalai, who ... and who sued"
            if subject is not None and subject.pos_ != "PRON" and not _in_dateline(doc, subject.idx + len(subject.text)):
                # (not "WEXLEY" of "WEXLEY, Iowa — A group of neighbors sued", made the subject)
                return subject
        if tok.lemma_.lower() in ("bring", "file") and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() == lemma for c in tok.children):
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            author = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if author is not None:
                return author
    # "The former police chief of Wendham Falls sued the town on Thursday. ... The lawsuit says":
    # the one who sued, earlier in the text, when one party only has sued
    suers = {c.i: c for tok in doc[:first] if tok.lemma_.lower() == "sue" and tok.pos_ == "VERB"
             for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"}
    if len(suers) == 1 and any(c.dep_ == "det" and c.lower_ == "the" for c in source.children):
        return next(iter(suers.values()))
    return None


def _relative_antecedent(verb):
    """The noun a relative clause's verb (or a verb coordinated with it) describes ("Nora and Peter
    Szalai, who keep six hens ... and who [sued] the township": "Szalai"), or None."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None


def _sender_named_next(source):
    """The sender of a letter or a notice that the next sentence gives, when the text first names it
    by who received it ("according to a letter the college received on Thursday. The letter, from
    the Council on Associate Nursing Education, said"): the object of "from" on the same noun
    with "the" there; None otherwise."""
    lemma = source.lemma_.lower()
    if lemma not in ("letter", "notice", "email", "memo", "memorandum") or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in source.children):
        return None
    sent = source.sent
    if sent.end >= len(source.doc):
        return None
    for tok in source.doc[sent.end].sent:
        if tok.lemma_.lower() == lemma and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            sender = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            return next((c for c in sender.children if c.dep_ == "pobj"), None) if sender is not None else None
    return None


# Documents by which someone goes to court: their author is the one who brought them.
_SUIT_NOUNS = frozenset({"lawsuit", "suit", "complaint", "petition"})


def _named_author(source):
    """The author that a report's own words name (see :func:`_author_of`), or None."""
    for child in source.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i < source.i \
                and child.lemma_.lower() in _INSTITUTION_NOUNS - {"court"} \
                and not any(c.dep_ == "poss" for c in source.children):  # ("the department's lab reports")
            return child  # "a district memo": the district, named before (a "court filing" is a party's)
        # (a noun with its "’s" that the parser made a modifier: "the cooperative’s business plan")
        possessive = child.dep_ == "poss" or (child.pos_ == "NOUN" and any(c.dep_ == "case" for c in child.children))
        if (child.dep_ in ("compound", "poss") or possessive) and child.i < source.i and (
                child.ent_type_ == "ORG" or (possessive and child.pos_ == "NOUN" and child.lemma_.lower()
                                             in _GENERIC_ORGANISATION_NOUNS | _INSTITUTION_NOUNS)):
            # "a State Department summary of the talks", "the Pentagon's estimate", "the
            # railroad's manifest", "the board’s written decision" (the railroad, the board,
            # resolved as speakers of their own)
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None:
                return author
        if child.dep_ == "prep" and child.lower_ == "for":
            # "A report for the commission by Bayfront Economics": "by" hung on the one it was for
            author = next((a for g in child.children if g.dep_ == "pobj" for b in g.children
                           if b.dep_ == "prep" and b.lower_ == "by" for a in b.children
                           if a.dep_ == "pobj" and a.pos_ == "PROPN"), None)
            if author is not None:
                return author
        if child.dep_ == "acl" and child.lemma_.lower() not in _ASKING_VERBS:  # "a summary released by the committee"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is None and child.lemma_.lower() in _SENDING_VERBS:
                # "a report prepared for the trustees by Halstead & Moe": "by" hung on "the trustees"
                agent = next((t for t in child.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.i > child.i
                              and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in t.children)), None)
            author = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if author is not None:
                return author
        if child.dep_ == "acl" and child.lemma_.lower() in ("post", "publish"):
            # "the schedule posted on the agency’s website": the website's owner
            site = next((g for c in child.children if c.dep_ == "prep" and c.lower_ == "on"
                         for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in ("website", "site")), None)
            owner = next((c for c in site.children if c.dep_ == "poss"), None) if site is not None else None
            if owner is not None:
                return owner
        if child.pos_ == "PROPN" and child.i > source.i and any(
                c.dep_ == "acl" and c.lemma_.lower() in _SENDING_VERBS for c in child.children):
            return child  # the same, parsed as a name with a participle after the noun
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in _ASKING_VERBS:
            # "an internal audit that the company commissioned from the accounting firm Kessler
            # Vance": the firm it was commissioned from wrote it
            source_prep = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            author = next((c for c in source_prep.children if c.dep_ == "pobj"), None) \
                if source_prep is not None else None
            if author is not None:
                return author
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in ("pay", "hire", "retain") and (any(
                c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _SENDING_VERBS for c in child.children)
                or any(t.i != child.i and t.lemma_.lower() in _SENDING_VERBS and t.tag_ == "VB" and any(
                    a.dep_ == "aux" and a.tag_ == "TO" for a in t.children) for t in child.subtree)):
            # (or "to write" hung on the sum: "A study the two boards paid a Wichita firm, Plainsbridge
            # Education Consulting, $38,000 to write says")
            # "a study the county paid Harrow Public Safety Group $86,000 to prepare": the firm paid
            # to write it, not the one who paid
            author = next((c for c in child.children if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN"), None)
            if author is None:  # "paid a Grand Rapids consulting firm, Harlow Economics, to prepare"
                author = next((a for c in child.children if c.dep_ in ("dobj", "dative") and c.pos_ == "NOUN"
                               for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
            if author is not None:
                return author
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in _SENDING_VERBS:
            # "a fact sheet the Air Force sent to Congress": the sender ("figures it filed": the one
            # "it" is; "A letter she sent the jail": the one "she" is; "a plan the department
            # released", parsed as a participle with a subject)
            author = next((c for c in child.children if c.dep_ == "nsubj"
                           and (c.pos_ != "PRON" or c.lower_ in ("it", "they", "he", "she"))), None)
            if author is not None:
                return author
    sender = _contact_relative_sender(source)
    if sender is not None:
        return sender
    verb = source.head
    if source.dep_ == "nsubj" and verb.i == source.i + 1 and verb.tag_ == "VBN" \
            and verb.lemma_.lower() in _SENDING_VERBS:
        # "A consultant's report prepared for the board by Halvorsen Venue Partners, ..., said":
        # the parser took the participle for the sentence's verb and hung "by" on "the board"
        by = next((t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.i > verb.i), None)
        author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if author is not None:
            return author
    # "an insurance adjuster’s report", "The inspector’s report", with no author named otherwise:
    # the one described, resolved as a speaker of its own (the adjuster the text names later, the
    # inspector named before)
    owner = next((named for c in source.children if c.i < source.i and c.pos_ == "NOUN" and c.i > 0
                  and c.doc[c.i - 1].lower_ == "the" and any(d.dep_ == "case" for d in c.children)
                  and (named := _named_before_as(c)) is not None), None)
    if owner is not None:
        return owner  # "the fair’s entry records" after "The Wisconsin State Fair" (however parsed)
    return next((c for c in source.children if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i < source.i
                 and any(d.dep_ == "det" and (d.lower_ in ("a", "an") or (
                     d.lower_ == "the" and c.lemma_.lower() in _PERSON_NOUNS)) for d in c.children)), None)


def _organisation_set_off(tok):
    """The root of an organisation's name set off by commas right after a described author,
    however the parser hung it ("a report by the college’s accreditor, the Midlands Commission on
    Colleges, said"), or None."""
    if tok.pos_ != "NOUN":
        return None
    doc, i = tok.doc, tok.right_edge.i + 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    ent = _entity_of(doc[i + 1]) or (_entity_of(doc[i + 2]) if i + 2 < len(doc) and doc[i + 1].lower_ == "the" else None)
    if ent is None or ent.label_ != "ORG" or ent.start > i + 2:
        return None
    last = max(_whole_name(ent).end - 1, ent.root.right_edge.i)  # ("... Commission [on Colleges]")
    if doc[last].text != ",":
        last += 1
    return ent.root if last < len(doc) and doc[last].text in (",", ".") else None


def _named_before_as(tok):
    """The last word of the last organisation named before ``tok`` whose name ends in ``tok``'s
    noun ("the fair’s entry records" after "The Wisconsin State Fair"), or None."""
    return next((e[-1] for e in reversed(tok.doc.ents) if e.label_ in ("ORG", "EVENT", "FAC") and e.end <= tok.i
                 and len(e) > 1 and e[-1].lower_ == tok.lower_), None)


# Nouns for a person who speaks for a body.
_SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Verbs by which a body makes a text its own ("the text the board approved").
_ADOPTING_VERBS = frozenset({"approve", "adopt", "pass", "sign", "enact", "certify"})


def _contact_relative_sender(source):
    """The subject of a relative clause without "that" right after a document, or after its "of"
    phrase ("a memo the provost sent to the department", "the text the board approved", "a notice of
    default the city sent"), its verb tagged as a past tense or a participle, however the parser
    hung it: "the provost"; None otherwise."""
    doc = source.doc
    i = source.i + 1
    if i < len(doc) and doc[i].dep_ == "prep" and doc[i].head.i == source.i and doc[i].lower_ == "of":
        i = doc[i].right_edge.i + 1  # "a notice of default the city sent the company"
    if i + 1 < len(doc) and doc[i].lower_ in ("he", "she", "they") and doc[i + 1].tag_ == "VBD" \
            and doc[i + 1].lemma_.lower() in _SENDING_VERBS:
        return doc[i]  # "figures she gave the board", however the parser hung "gave"
    if i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        # "the budget Mayor Gerald Fontaine sent the City Council": a name, with its office
        j = i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
            j += 1
        verb = doc[j + 1] if j + 1 < len(doc) else None
        if verb is not None and verb.tag_ == "VBD" and verb.lemma_.lower() in _SENDING_VERBS | _ADOPTING_VERBS \
                and j > i and not doc[i].ent_type_ == "DATE":
            return doc[j]
        return None
    if i >= len(doc) or doc[i].dep_ == "punct" or doc[i].lower_ not in ("the", "its", "their", "his", "her"):
        return None
    if doc[i].lower_ in _POSSESSIVE_PRONOUNS:
        i += 1  # "a memo its finance staff sent the board"
    while i < len(doc) and (doc[i].pos_ in ("DET", "ADJ", "PROPN", "NOUN") or doc[i].tag_ == "POS"
                            or (doc[i].lower_ == "of" and i + 1 < len(doc) and doc[i + 1].pos_ == "NOUN"
                                and doc[i - 1].pos_ == "NOUN")) and not (
            i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX")):
        i += 1  # (an owner's "’s" too: "a planning memo the president’s staff gave trustees"; a title
        # with "of": "A budget memo her chief of staff sent the trustees")
    named = None
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ == "PERSON":
        # "A letter its executive director, Harriet Vance, sent the college": the title's name
        named = doc[i + 1].head if doc[i + 1].dep_ == "compound" else doc[i + 1]
        i = named.right_edge.i + 1
        if i >= len(doc) or doc[i].text != ",":
            return None
    if i + 1 >= len(doc) or (named is None and doc[i].pos_ not in ("NOUN", "PROPN")):
        return None
    verb = doc[i + 1]
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in _SENDING_VERBS | _ADOPTING_VERBS \
            or (i + 2 < len(doc) and doc[i + 2].lower_ == "by"):
        return None
    if named is None and doc[i].dep_ == "pobj" and doc[i].head.lower_ == "of" and doc[i].head.head.pos_ == "NOUN":
        return doc[i].head.head  # "her chief of staff": the chief
    return named if named is not None else doc[i]


# Verbs by which someone asks for or pays for a document that another writes ("The report,
# requested by the House committee, said": the committee is not its author).
_ASKING_VERBS = frozenset({"request", "commission", "order", "seek", "demand", "ask", "fund", "sponsor",
                           "require", "mandate"})
# Verbs by which a body issues a document ("a fact sheet the Air Force sent to Congress", "a survey
# the Army Corps of Engineers completed in November"), or starts one that others sign ("started an
# online petition").
_SENDING_VERBS = frozenset({"send", "release", "issue", "publish", "file", "submit", "circulate", "post",
                            "prepare", "write", "give", "provide", "distribute", "present", "start", "launch",
                            "draft", "mail", "complete", "conduct", "compile", "produce", "deliver"})


def _nearest(node, deps):
    """The child with one of ``deps`` nearest to ``node`` ("BUCHA, Ukraine — Ukrainian
    officials said": the dateline is a second subject for the parser)."""
    found = [c for c in node.children if c.dep_ in deps]
    if not found:
        return None
    nearest = min(found, key=lambda c: abs(c.i - node.i))
    first = min(found, key=lambda c: c.i)
    if first.i < nearest.i < node.i and nearest.pos_ == "NOUN" and first.ent_type_ == "PERSON" \
            and nearest.left_edge.i > 0 and nearest.doc[nearest.left_edge.i - 1].text in (",", "\u201d", '"'):
        # "Mr. Soto, appearing on 'North Shore Now,' a cable news program, said": the
        # programme's description, set off by commas, is no second subject of a named person
        return first
    if first.i < nearest.i < node.i and first.ent_type_ == "PERSON" and any(
            c.dep_ == "mark" and c.lower_ == "that" and first.i < c.i < nearest.left_edge.i for c in node.children):
        # "Gary and Lynn Westbrook, who rent out a cabin that Ms. Westbrook’s grandfather built in
        # 1951, said": the subject of a relative clause the parser hung on the verb is not its subject
        return first
    return nearest


def _reporting_verb_above(noun, verbs: ReportingVerbs):
    """The reporting verb whose prepositional phrase holds ``noun`` ("said [in a response
    included in the report]"), through prepositions, their objects and participles, when that
    verb has no content clause of its own; None otherwise."""
    node = noun
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "acl") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "acl":
            if verbs.entry(node) is None or any(c.dep_ in ("ccomp", "parataxis") for c in node.children):
                return None
            return node
    return None


def _closing_apposition_subject(verb):
    """For a report at the end of a sentence that the parser coordinated with the sentence's verb
    and left without a subject: the noun phrase set off by a comma right before it, which the
    parser hung in apposition to the last noun of the clause ("... and retire its 71-year-old name,
    the co-op’s general manager said on Sunday"); None otherwise."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(c.dep_ in _SUBJ_DEPS for c in verb.children):
        return None
    t = doc[verb.i - 1] if verb.i > 0 else None
    while t is not None and t.dep_ != "appos" and t.head.i != t.i and t.head.i > t.i and t.head.i < verb.i:
        t = t.head  # from the last word of the phrase up to its head
    if t is None or t.dep_ != "appos" or t.pos_ not in ("NOUN", "PROPN") or t.right_edge.i != verb.i - 1 \
            or t.left_edge.i < 1 or doc[t.left_edge.i - 1].text != ",":
        return None
    return t


def _subject_in_apposition_before(verb):
    """For a verb the parser left without a subject: a noun phrase set off by commas right
    before it that the parser hung in apposition to the last noun of an opening phrase ("In a
    lawsuit filed last month in Denver, the Rural Hospital Coalition, which represents 140
    hospitals, said"); None otherwise."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.dep_ != "ROOT" or verb.tag_ in ("VBG", "VBN"):
        return None  # not ", adding that": a participle reports for its clause's subject
    for t in reversed(doc[verb.sent.start:verb.i - 1]):
        if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN") and t.right_edge.i == verb.i - 2 \
                and t.left_edge.i > verb.sent.start and doc[t.left_edge.i - 1].text == ",":
            return t
    return None


def _subject_on_participle_before(verb):
    """For a verb the parser left without a subject: the subject it hung on a participle clause
    set off by commas before the verb ("Board President Ellen Vasquez-Reed, appearing on a radio
    show on Friday, said", with the name as the subject of "appearing"; "Ms. Varga, asked about the
    delay, said"); None otherwise. A clause with its own conjunction or auxiliary ("while she was
    appearing") keeps its subject."""
    doc = verb.doc
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i < verb.i
                   and c.tag_ in ("VBG", "VBN", "VBD")):
        if any(c.dep_ in ("mark", "aux", "auxpass") for c in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i - 1), None)
        after = clause.right_edge.i + 1
        if subj is not None and doc[clause.i - 1].text == "," and after < verb.i and doc[after].text == ",":
            return subj
    return None


def _verb_subject(verb, verbs: ReportingVerbs):
    fallback = None
    described = verb.head
    if verb.dep_ in ("npadvmod", "dobj", "advmod") and described.dep_ == "relcl" \
            and described.i < verb.i and described.head.dep_ == "ROOT" \
            and described.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in _SUBJ_DEPS for c in verb.children):
        # "The four councilors who voted no said they objected": a sentence whose main verb the
        # parser took into the relative clause that describes its subject
        return described.head
    root = verb.sent.root
    inside = next((a for a in verb.ancestors if a.dep_ == "relcl" and a.head.i == root.i), None)
    own = next((c for c in verb.children if c.dep_ in _SUBJ_DEPS), None)
    if inside is not None and root.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("ccomp", "conj") and (
            own is None or any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in own.children)):
        # "A retired engineer who flew to Charlotte every other month to see his grandchildren
        # said he had booked a seat": the sentence's main verb taken for a clause deep in the
        # relative clause on its subject, its subject for the object before it
        return root
    named = described.head if described.dep_ == "appos" else described
    if verb.dep_ == "relcl" and named.dep_ == "ROOT" and named.pos_ in ("NOUN", "PROPN") \
            and verb.i > 0 and verb.nbor(-1).text == "," and described.i < verb.i:
        # "The Merrow Valley Riders Union, which about 300 bus riders formed in August, argued",
        # "Brenner County Reads, a volunteer group that tutors ..., said": the sentence's main verb,
        # after a relative clause set off by commas, taken for that clause's
        return named
    if verb.dep_ == "acl" and verb.head.i < verb.i and (
            verb.head.dep_ == "ROOT" or (verb.head.dep_ == "nsubj" and verb.head.head.i > verb.i)) \
            and verb.head.pos_ in ("PROPN", "NOUN") and verb.i > 0 and verb.nbor(-1).text == ",":
        # "Michael Tran, the assistant secretary ..., acknowledged that": a sentence whose main
        # verb, after its subject's apposition, the parser took for a participle on the subject
        # (and made a later verb the main one: "The home’s administrator, Gregory T. Sandell,
        # acknowledged in a letter ... that A, and he wrote that B")
        return verb.head
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj"] if verb.dep_ == "conj" else []
    if len(subjects) == 2 and verb.i > 0 and verb.nbor(-1).text == "," and subjects[1].i < verb.i and any(
            c.dep_ == "relcl" and c.i < subjects[1].i for c in subjects[0].children):
        # "Shelby Brauner, who runs 600 cow-calf pairs ... on land their great-grandfather homesteaded
        # north of Kessington, recalled": the parser made the relative clause's own clause the main one,
        # and the report a verb coordinated with it; the speaker is the sentence's first subject
        return subjects[0]
    if verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children):
        # "when asked whether ...": a passive participle; the asker is its agent, if any
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    # ", arguing that ...": a participle set off at the end reports for the main clause's
    # subject, even when the parser hangs it on a clause inside the object ("X sued over the
    # price Medicare will pay, arguing that ...")
    outermost = verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","
    node = verb
    for _ in range(12):
        subj = _nearest(node, ("nsubj", "csubj"))
        passive = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and node.i == verb.i:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            return None
        if passive is not None and node.lemma_.lower() in _QUOTED_AS:
            return passive  # "Mr. Dunn was quoted in the Ledger as saying that ..."
        if subj is not None and subj.tag_ in ("VBN", "VBG") and node.i == verb.i:
            # "Asked about the strike by a reporter from Izvestia, Dmitry Peskov, the Kremlin
            # spokesman, said": the parse makes the participle the subject; the speaker is the
            # person named last before the verb
            subj = _person_before(verb, subj) or subj
        elif subj is None and node.i == verb.i:
            opening = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                            and c.tag_ in ("VBN", "VBG") and c.i == c.sent.start), None)
            subj = _person_before(verb, opening) if opening is not None else None
            if subj is None:
                subj = _subject_in_apposition_before(verb) or _closing_apposition_subject(verb)
            if subj is None:
                subj = _subject_on_participle_before(verb)
            if subj is None:
                subj = next((w for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i
                             for w in [_whose_clause_subject(c)] if w is not None), None)
        if node.i == verb.i and (subj is None or subj.dep_ == "csubj"):
            subj = _document_of_sending_clause(verb) or subj
        if subj is not None:
            if node.i == verb.i or verbs.entry(node) is not None:
                return subj
            if fallback is None or outermost:
                fallback = subj
        if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
            break
        node = node.head
    return fallback


def _document_of_sending_clause(verb):
    """For "A budget memo her chief of staff sent the trustees says": the parser made the
    document a second subject of the relative clause's verb, and that verb a clause (or the
    clausal subject) before the reporting verb; the document, or None."""
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "csubj") and c.i < verb.i
                   and c.lemma_.lower() in _SENDING_VERBS), None)
    if clause is None:
        return None
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subjects) == 2 and subjects[0].lemma_.lower() in _AUTHORED_REPORTS and subjects[0].pos_ == "NOUN":
        return subjects[0]
    return None


def _opening_participle(tok) -> bool:
    """Whether ``tok`` is a passive participle that opens its sentence without a subject ("Asked
    whether the county would sue, she said, '...'"): the question put to the speaker, not the
    report of the quotation."""
    return tok.tag_ == "VBN" and tok.i == tok.sent.start and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _person_before(verb, clause):
    """The person named at the end of an opening participle clause, right before ``verb``
    (with a title in apposition between): the root of the last person entity in ``clause``'s
    words whose phrase runs up to the verb; None when there is none."""
    doc = verb.doc
    end = verb.i - 1
    while end > clause.i and doc[end].is_punct:
        end -= 1
    for ent in reversed([e for e in doc.ents if e.label_ == "PERSON" and clause.left_edge.i <= e.start
                         and e.end <= verb.i]):
        tail = [t for t in doc[ent.end:end + 1] if not t.is_punct]
        if all(t.head.i == ent.root.i or any(a.i == ent.root.i for a in t.ancestors) for t in tail):
            return ent.root
    return None


# -- indirect clauses -----------------------------------------------------------


def _is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _has_subject(clause) -> bool:
    """Whether a clause has a subject: its own, or one the parser hung on its auxiliary ("that any
    of the older sites would [have] cost taxpayers more", with "that" and "any" on "have")."""
    return any(x.dep_ in _SUBJ_DEPS or (x.dep_ == "aux" and any(a.dep_ in _SUBJ_DEPS for a in x.children))
               for x in clause.children)


def _subject_lost(clause, verb) -> bool:
    """Whether a "that" clause after ``verb`` has a subject the parser hung elsewhere: a noun
    between "that" and the clause's verb ("told the committee that about one in five families
    she sees had skipped a refill", where "about one in five families" became a preposition)."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if mark is None or not verb.i < mark.i < clause.i:
        return False
    return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in clause.doc[mark.i + 1:clause.i])


def _subject_hung_beside(clause, verb):
    """The noun right before a clause with no subject that the parser made a complement of ``verb``
    beside it ("told the board that three to five [years] was a long time"), or its object after
    "that" read as a determiner, with the noun's prepositions hung on ``verb`` too ("warned that
    [attendance] at the rest of the fair would fall off"); None otherwise."""
    doc = verb.doc
    for k in verb.children:
        if k.pos_ not in ("NOUN", "PROPN", "NUM") or not verb.i < k.i < clause.i:
            continue
        if k.dep_ == "ccomp" and k.right_edge.i + 1 == clause.left_edge.i:
            return k
        if k.dep_ == "dobj" and doc[k.left_edge.i].lower_ == "that" and k.left_edge.i == verb.i + 1:
            between = [t for t in doc[k.right_edge.i + 1:clause.left_edge.i]]
            if between and all(any(a.dep_ == "prep" and a.head.i == verb.i and a.i > k.i for a in [t, *t.ancestors])
                               for t in between):
                return k
    return None


def _content_taken_for_relative(verb, subjectless) -> list[tuple[object, int]]:
    """Content after ``verb`` opened by "that" right after a noun of the verb's prepositions, which the
    parser took for a relative pronoun on that noun ("said in a letter to the council that
    subpoenas for officers’ files would violate its contract"): the content's verb and the first
    word after "that", either a clause of the verb with no subject whose subject the parser made the
    verb of the relative clause ("[subpoenas]"), or the relative clause itself when it has a second
    subject ("that audits of overtime records would violate": "audits")."""
    doc = verb.doc
    found = []
    for rel in doc[verb.i + 1:verb.sent.end]:
        if rel.dep_ != "relcl" or rel.head.pos_ not in ("NOUN", "PROPN") or not verb.i < rel.head.i < rel.i \
                or not _in_prepositions_of(rel.head, verb):
            continue
        that = doc[rel.left_edge.i]
        noun = doc[that.i - 1]  # (the noun, or the last noun of its phrase: "a letter to the board that")
        if that.lower_ != "that" or that.dep_ != "nsubj" or noun.pos_ not in ("NOUN", "PROPN") \
                or not (noun.i == rel.head.i or any(a.i == rel.head.i for a in noun.ancestors)):
            continue
        if any(c.dep_ in _SUBJ_DEPS and c.i > that.i for c in rel.children) and _finite(rel):
            # (however the parser hung "that" inside it: "that cruise passengers made up", with "that"
            # on "cruise" read as a verb)
            found.append((rel, that.i + 1))
            continue
        if that.head.i != rel.i:
            continue
        # (the subject taken for the relative's verb is a plural noun read as a verb in "-s":
        # "subpoenas", "cuts", "requests")
        clause = next((c for c in subjectless if c.left_edge.i == rel.right_edge.i + 1
                       and not _has_mark(c, ("that",))), None) \
            if rel.tag_ == "VBZ" and rel.lower_.endswith("s") else None
        if clause is not None:
            found.append((clause, that.i + 1))
    return found


def _in_prepositions_of(noun, verb) -> bool:
    """Whether ``noun`` hangs on ``verb`` through prepositions alone ("said [in a letter to the
    council]")."""
    tok = noun
    while tok.i != verb.i:
        if tok.dep_ not in ("prep", "pobj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _has_mark(tok, words: Iterable[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in words for c in tok.children)


def _circumstance(verb) -> bool:
    """A reporting verb in a clause of reason, time or condition that reports no content of its
    own is part of the content around it: "set aside because voters [wrote] the wrong date",
    "changed his mind after the committee [added] money" (not "after Smith told reporters that
    the talks were over"). A clause set off by a comma is the writer's ("..., a day after
    Prigozhin [claimed] full control")."""
    left = verb.left_edge.i
    # (or opened by "whenever" or "when" that the parser made an adverb: "given water whenever
    # they [asked] for it")
    opened = _has_mark(verb, _CIRCUMSTANCE_MARKS) or (
        verb.doc[left].lower_ in ("whenever", "when", "wherever") and verb.doc[left].head.i == verb.i)
    return (verb.dep_ == "advcl" and opened
            and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
            and not (left > 0 and verb.doc[left - 1].text == ","))


def _clause_drop(ctx: _Context, head) -> set[int]:
    """Tokens of a content clause's subtree that do not belong to the reported content:
    coordinated reports ("..., adding that" / "and X alleged that"), acts of the speaker
    misattached to the clause ("... and requested a meeting"), the writer's comments
    ("..., prompting calls for"; "..., while X did Y"; "..., a claim dismissed as ..."),
    and a trailing *according to* (the source of the report, not its content)."""
    doc, verbs = ctx.doc, ctx.verbs
    drop: set[int] = set()
    right = head.right_edge.i
    for tok in head.subtree:
        if tok.i <= head.i or tok.i in drop:
            continue
        comma = doc[tok.left_edge.i - 1].text == "," if tok.left_edge.i > 0 else False
        dep = tok.dep_
        own_subject = any(c.dep_ in _SUBJ_DEPS for c in tok.children)
        if dep in ("advcl", "conj", "parataxis") and _is_verb(tok) and verbs.entry(tok) is not None \
                and not _has_mark(tok, ("than", "as")) and not _circumstance(tok) \
                and not (dep == "advcl" and _has_mark(tok, ("because",)) and _reports_nothing(tok)) \
                and not (dep == "advcl" and _infinitive(tok)) \
                and not (dep == "advcl" and tok.tag_ == "VBG" and not comma
                         and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)) \
                and not (dep == "conj" and _has_mark(tok, ("that",))) \
                and not (dep == "conj" and not own_subject and not any(c.dep_ == "ccomp" for c in tok.children)
                         and (_joined_by_or(tok) or tok.head.dep_ == "relcl")) \
                and not (dep == "conj" and not own_subject and not any(c.dep_ == "ccomp" for c in tok.children)
                         and any(c.dep_ == "aux" and c.lemma_.lower() != "do" for c in tok.children)) \
                and not (dep == "conj" and not own_subject and _shares_passive(tok)) \
                and not (verbs.entry(tok) in verbs.fragment_only and not comma
                         and (dep == "advcl" or dep == "conj" and own_subject)
                         and not any(t.text in _ALL_MARKS for t in tok.subtree)):
            # another report ("more than it asked for" is none, nor a reason whose verb reports nothing
            # of its own: "..., because the only other landing site would add two years", "..., because
            # nobody on her road had ever complained", nor a clause joined by
            # "and that", which goes on with the content: "... and that no one had asked families",
            # nor a purpose: "would introduce a bill to write the deadline into law", nor a
            # participle that says how, with no comma and no clause of its own: "had written to the
            # corps asking it to move the deadline",
            # nor a verb in the content's own tense with nothing reported under it: "it was
            # reviewing the sale and had asked the trustees for copies" (not "but did not say"),
            # nor a verb joined by "or", or to a verb of a relative clause, with no subject or clause
            # of its own: "had knocked on her door or called her phone", "a compromise that would
            # have kept the name and added a plaque", nor a second participle of a passive: "had been
            # done but written on the wrong forms",
            # nor a verb that reports only quoted words, with none and no comma before it, in an
            # adverbial or a clause of its own: "would put off calling 911 while they tried ...",
            # "... and nobody had called her back"; "and called for an inquiry" is the speaker's act)
            drop.update(t.i for t in tok.subtree)
        elif dep == "conj" and tok.head.i == head.i and comma is False and _document_goes_on(tok, head):
            # "The contract says the dredging must be finished by June 15, and it lets the authority
            # charge ...": what the document itself does, in the writer's words
            drop.update(t.i for t in tok.subtree)
        elif dep == "conj" and tok.head.i == head.i and not own_subject and tok.tag_ == "VBD" \
                and tok.lemma_.lower() in _SPEAKER_ACTS and not head.i < head.head.i and not _joined_by_or(tok):
            # (not in a clause before its reporting verb, all of which is said: "The board has
            # suspended the license and ordered that its residents be moved, the board said")
            drop.update(t.i for t in tok.subtree)
        elif dep == "advcl" and comma and (
                (tok.tag_ == "VBG" and tok.lemma_.lower() in _COMMENT_PARTICIPLES)
                or _has_mark(tok, ("while", "whereas"))):
            drop.update(t.i for t in tok.subtree)
        elif dep in ("appos", "npadvmod", "dep", "dobj", "attr") and comma \
                and tok.left_edge.lower_ in ("a", "an") and tok.right_edge.i >= right - 1 \
                and not (dep == "appos" and any(c.dep_ == "conj" for c in tok.children)
                         and all(tok.head.is_ancestor(doc[k])
                                 for k in range(tok.head.i + 1, tok.left_edge.i))) and (
                    dep != "dobj" and dep != "attr" or any(
                        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "advmod", "prep")
                        and c.i < tok.left_edge.i for c in tok.head.children)):
            # "..., a claim dismissed in Kyiv as ..." (not the rest of a list right after its
            # first item: "spent it on a horse trailer, a lake cabin and a boat")
            drop.update(t.i for t in tok.subtree)
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" \
                and comma and tok.right_edge.i >= right - 1:
            drop.update(t.i for t in tok.subtree)
    return drop


def _reports_nothing(verb) -> bool:
    """Whether a reporting verb has no clause and no quoted words under it ("would add two years and
    about $180 million to the project", "had ever complained", "was written into the code")."""
    return not any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children) \
        and not any(t.text in _ALL_MARKS for t in verb.subtree)


def _object_not_words(verb) -> bool:
    """Whether a reporting verb takes a noun for its direct object and no clause ("had called three
    other schools")."""
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM") for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "parataxis", "xcomp") for c in verb.children)


def _shares_passive(conj) -> bool:
    """Whether a verb coordinated with no subject, object or clause of its own is a second participle
    under the passive auxiliaries of the verb before it ("had been done but [written] on the wrong
    forms")."""
    head = conj.head
    if any(c.dep_ == "ccomp" for c in conj.children) or head.tag_ != "VBN":
        return False
    return conj.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in conj.children) \
        and any(c.dep_ == "auxpass" for c in head.children)


def _joined_by_or(conj) -> bool:
    """Whether a coordinated verb is joined by "or" ("had knocked on her door or called her
    phone"): an alternative inside the content, never a second act of the speaker."""
    return any(c.dep_ == "cc" and c.lower_ in ("or", "nor") and c.i < conj.i for c in conj.head.children)


def _document_goes_on(conj, clause) -> bool:
    """Whether a clause joined by ", and" to a document's content says what the document itself
    does: its subject is "it", and the document ("The contract", "The report") is the subject of
    the reporting verb that the content hangs on."""
    doc = conj.doc
    if conj.left_edge.i < 2 or doc[conj.left_edge.i - 1].lower_ != "and" or doc[conj.left_edge.i - 2].text != ",":
        return False
    subject = next((c for c in conj.children if c.dep_ in _SUBJ_DEPS), None)
    if subject is None or subject.lower_ != "it" or clause.dep_ != "ccomp":
        return False
    source = next((c for c in clause.head.children if c.dep_ in _SUBJ_DEPS), None)
    return source is not None and source.pos_ == "NOUN" and source.i < clause.head.i and (
        source.lower_ in _DOCUMENT_HEADS or source.lemma_.lower() in _AUTHORED_REPORTS)


def _trim(doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Strip a leading complementiser or conjunction and edge punctuation."""
    while lo <= hi and (
        doc[lo].is_punct or doc[lo].is_space
        or (doc[lo].lower_ == "that" and (doc[lo].dep_ == "mark" or doc[lo].tag_ in ("IN", "WDT"))
            and not _determiner_taken(doc, lo))
        or (doc[lo].dep_ == "cc" and doc[lo].lower_ in ("and", "but", "or"))
    ):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space or doc[hi].dep_ == "cc"
                        or (doc[hi].lower_ in ("where", "which", "when", "who", "because") and hi > lo
                            and doc[hi - 1].text == ",")):
        hi -= 1  # (and a relative word or "because" whose clause a parenthetical report took: "north of
        # the well, [where], she said, rusted drums ... were buried")
    return (lo, hi) if hi >= lo else None


# Nouns that "that" points back with, as a determiner, to something the text gave before ("said that
# number left out what the passengers spend").
_ANAPHORIC_NOUNS = frozenset({"number", "figure", "estimate", "amount", "sum", "count", "total", "plan",
                              "option", "idea", "proposal", "decision", "vote", "deal", "argument", "rule",
                              "change", "claim", "report", "study", "survey", "schedule"})


def _determiner_taken(doc, i: int) -> bool:
    """Whether the "that" at ``i``, which the parser made a complementiser, is the determiner of the
    singular noun after it, with no determiner of its own, that points back ("said [that] number
    left out ..."): such a noun cannot stand bare as the subject."""
    if i + 1 >= len(doc):
        return False
    noun = doc[i + 1]
    return noun.tag_ == "NN" and noun.lemma_.lower() in _ANAPHORIC_NOUNS and noun.dep_ in ("nsubj", "nsubjpass") \
        and not any(c.dep_ in ("det", "poss") for c in noun.children)


# Words for a part of a whole ("most of it borrowed").
_PART_WORDS = frozenset({"most", "much", "all", "some", "half", "part", "none", "many", "each", "both"})


def _clause_range(ctx: _Context, head, reporter) -> tuple[int, int] | None:
    """Token range [lo, hi] of a content clause: its subtree on the reporter's side,
    less the parts of :func:`_clause_drop`, as the contiguous run around its head."""
    drop = _clause_drop(ctx, head)
    ids = [t.i for t in head.subtree if t.i not in drop]
    if reporter is not None and reporter.i != head.i:
        ids = [i for i in ids if (i > reporter.i) == (head.i > reporter.i)]
    if head.i not in ids:
        return None
    k = ids.index(head.i)
    lo = hi = k
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi < len(ids) - 1 and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    lo_i, hi_i = ids[lo], ids[hi]
    subject = next((c for c in head.children if c.dep_ in _SUBJ_DEPS and c.i < lo_i), None)
    if subject is not None and all(i in ids for i in range(subject.left_edge.i, lo_i)):
        # "each passenger spends about $38 ashore, [most of it ...]": with "most" hung on the subject,
        # the crossing arc put the subject's words out of the run; the clause starts with its subject
        lo_i = subject.left_edge.i
    doc = ctx.doc
    # a crossing arc leaves the subtree out of order ("had spent $184,000 on repairs ..., nearly half
    # of what a good used truck would cost", the apposition hung on the sum): the clause goes on over
    # the rest of its words, unless a report of its own stands among them
    rest = sorted(i for i in ids if i > hi_i)
    end = hi_i
    for i in rest:
        if i != end + 1:
            break
        end = i
    if end > hi_i and not any(_nested_report(t, ctx.verbs) for t in doc[hi_i + 1:end + 1]):
        hi_i = end
    after = next((c for c in reporter.children if c.dep_ == "conj" and c.left_edge.i == hi_i + 1 and _is_verb(c)
                  and ctx.verbs.entry(c) is None), None) if reporter is not None and reporter.i < head.i else None
    if after is not None and doc[hi_i].pos_ in ("NOUN", "PROPN", "NUM") and any(
            c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.left_edge.i == hi_i + 1 for c in after.children):
        # "predicted that the opener would bring half of the $1.2 million [a normal year brings into
        # town]": a relative clause without "that" that the parser made a verb coordinated with the
        # report, with no "and" or comma before it
        hi_i = max(t.i for t in after.subtree if not t.is_punct)
    that = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < head.i), None)
    if that is not None and that.i > lo_i:
        lo_i = that.i  # "before the Legislature’s committee that A": what the parser put before "that" is not said
    first = doc[lo_i]
    if first.lower_ == "that" and first.head.i == head.i and reporter is not None and reporter.i < lo_i and (
            (first.dep_ in ("nsubj", "dobj") and head.dep_ == "relcl")
            or (first.dep_ == "dobj" and any(c.dep_ in _SUBJ_DEPS and c.i > first.i for c in head.children))):
        # "said in a letter to the board that audits ... would violate", "told WOHC’s “Capital Hour” that the
        # family had learned": no relative pronoun, nor an object before the clause's subject
        lo_i += 1
    if reporter is not None and first.lower_ == "that" and first.dep_ == "det" and first.head.dep_ in _SUBJ_DEPS \
            and lo_i > 0 and reporter.i < lo_i and reporter.i in (doc[lo_i - 1].i, doc[lo_i - 1].head.i) \
            and first.head.lemma_.lower() not in _ANAPHORIC_NOUNS:
        # "told the board that enrollment had fallen": the complementiser taken for "that enrollment"
        # (not a noun that points back: "said that number left out ...")
        lo_i += 1
    if hi_i + 1 < len(doc) and doc[hi_i + 1].lower_ == "than" and not lo_i <= doc[hi_i + 1].head.i <= hi_i \
            and any(t.tag_ in ("JJR", "RBR") for t in doc[lo_i:hi_i + 1]):
        hi_i = doc[hi_i + 1].right_edge.i  # "had more to do with aid [than with the nominee]", hung elsewhere
    if reporter is not None and reporter.i < lo_i:
        lo_i = _rejoin_quoted_subject(doc, reporter.i, lo_i)
    lo_i = _after_dateline(doc, lo_i, hi_i)
    # "testified that the new surface had cost $1.3 million, [most of it borrowed]": a closing
    # absolute phrase of a part and its participle, which the parser may make the sentence's root
    if reporter is not None and head.i > reporter.i and hi_i + 5 < len(doc) and doc[hi_i + 1].text == "," \
            and doc[hi_i + 2].lower_ in _PART_WORDS and doc[hi_i + 3].lower_ == "of" \
            and doc[hi_i + 4].lower_ in ("it", "them") and doc[hi_i + 5].tag_ == "VBN" \
            and (hi_i + 6 >= len(doc) or doc[hi_i + 6].text in (".", ";")):
        hi_i += 5
    # "told the station that they would sit on a lifeguard [stand] themselves if the city let them": a
    # noun the tagger took for a bare verb, right after the content's last noun, that the parser hung
    # on the reporting verb (a report takes no bare verb)
    if reporter is not None and head.i > reporter.i and hi_i + 1 < len(doc) and doc[hi_i].tag_ == "NN" \
            and doc[hi_i + 1].tag_ == "VB" and doc[hi_i + 1].head.i == reporter.i \
            and doc[hi_i + 1].dep_ in ("xcomp", "conj", "dep", "advcl") \
            and not any(c.dep_ in ("aux", "mark", "nsubj") for c in doc[hi_i + 1].children):
        hi_i = doc[hi_i + 1].right_edge.i
    # "... told the council that A, so B": a consequence the parser made a sentence of its own, or
    # hung on the reporting verb, goes on with the content
    if reporter is not None and head.i > reporter.i and hi_i + 3 < len(doc) and doc[hi_i + 1].text == "," \
            and doc[hi_i + 2].lower_ == "so" and doc[hi_i + 2].dep_ in ("advmod", "mark", "cc"):
        then = doc[hi_i + 2].head
        if then.i > hi_i + 2 and _finite(then) and (then.dep_ == "ROOT" or then.head.i == reporter.i) \
                and any(c.dep_ in _SUBJ_DEPS for c in then.children) and then.sent.start <= reporter.i:
            hi_i = then.right_edge.i
    # "told the trustees they had chosen the college because they could not afford to move": a
    # reason right after the content, with or without a comma ("said she had never been fined,
    # because nobody on her road had ever complained"), that the parser hung on the reporting verb
    # (not one with a report of its own: "..., because, he explained, B")
    k = hi_i + 2 if hi_i + 2 < len(doc) and doc[hi_i + 1].text == "," else hi_i + 1
    if reporter is not None and head.i > reporter.i and k < len(doc) and doc[k].lower_ == "because" \
            and doc[k].dep_ == "mark" and doc[k].head.dep_ == "advcl" \
            and doc[k].head.head.i == reporter.i and doc[k].head.i > hi_i \
            and (k == hi_i + 1 or _reports_nothing(doc[k].head)):
        hi_i = doc[k].head.right_edge.i
    # "says Greyling may keep its center open but would then have to pay for it": a second verb
    # phrase of the content's subject with a modal, as the content has, that the parser hung on
    # the reporting verb
    if reporter is not None and head.i > reporter.i and hi_i + 2 < len(doc) and doc[hi_i + 1].dep_ == "cc" \
            and doc[hi_i + 1].head.i == reporter.i and any(a.tag_ == "MD" for a in head.children):
        more = next((c for c in reporter.children if c.dep_ == "conj" and c.i > hi_i + 1), None)
        if more is not None and not any(c.dep_ in _SUBJ_DEPS for c in more.children) \
                and any(a.dep_ == "aux" and a.tag_ == "MD" for a in more.children):
            hi_i = more.right_edge.i
    # "told state health officials ... that her drive to the nearest ward, in Pittsworth, would take
    # more than an hour": the content's verb phrase with a modal, after a comma, that the parser made
    # the sentence's main verb, with the report as a clause beside it
    if reporter is not None and head.i > reporter.i and reporter.dep_ == "parataxis" \
            and reporter.head.i > hi_i + 2 and doc[hi_i + 1].text == "," and doc[hi_i + 2].tag_ == "MD" \
            and doc[hi_i + 2].head.i == reporter.head.i and not any(c.dep_ in _SUBJ_DEPS for c in reporter.head.children):
        hi_i = reporter.head.right_edge.i
    # "... said that A, but only in exchange for B": an elliptical tail the parser hung
    # on the reporting verb still belongs to the content
    if reporter is not None and head.i > reporter.i and hi_i + 2 < len(doc):
        j = hi_i + 1
        if doc[j].text == ",":
            j += 1
        tail = doc[j]
        if tail.dep_ == "cc" and tail.lower_ == "but" and tail.head.i == reporter.i:
            rest = [c for c in reporter.children if c.i > j and c.dep_ in ("prep", "advmod", "npadvmod")]
            if rest and not any(c.dep_ in ("ccomp", "conj", "advcl") and c.i > j for c in reporter.children):
                hi_i = max(t.right_edge.i for t in rest)
    return _trim(doc, lo_i, hi_i)


def _nested_report(tok, verbs: ReportingVerbs) -> bool:
    """Whether ``tok`` is a reporting verb used as one inside another report's words: with a clause
    of its own ("which a contractor told them [would cost $90,000]") or set off by commas ("a fleet
    that, the Treasury Department says, carries"), not a verb that only shares the lemma ("so
    often that his teacher called home")."""
    if not _is_verb(tok) or verbs.entry(tok) is None:
        return False
    doc = tok.doc
    set_off = tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," \
        and tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text == ","
    return set_off or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)


def _after_dateline(doc, lo: int, hi: int) -> int:
    """A content clause that opens a paragraph starts after its dateline ("WASHINGTON —
    The agency will close ..., its director said"): the place belongs to the report's
    form, not to what was said."""
    start = doc[lo].idx
    end = _dateline_end(doc, start)
    if end is None or end <= start:
        return lo  # no dateline, or the clause starts after it ("PORTLAND, Maine — " may be cut)
    for tok in doc[lo:hi + 1]:
        if tok.idx >= end:
            return tok.i
    return lo


def _dateline_end(doc, char: int) -> int | None:
    """Where the dateline that opens the paragraph of character ``char`` ends ("CUTLER FALLS,
    Neb. — "), or None when the paragraph opens with none."""
    match = _DATELINE_RE.match(doc.text, doc.text.rfind("\n", 0, char) + 1)
    return match.end() if match is not None else None


def _dateline_place(doc) -> str | None:
    """The town of the dateline that opens the text, in title case ("CALVERT SPRINGS, Va. —":
    "Calvert Springs"), or None without one."""
    match = _DATELINE_RE.match(doc.text)
    if match is None:
        return None
    place = match.group(0).split(",")[0].strip(" \u2014\u2013-")
    if not place or not place.isupper():
        return None
    return " ".join(w[:1] + w[1:].lower() for w in place.split())


def _in_dateline(doc, end: int) -> bool:
    """Whether the text ending at character ``end`` lies in the dateline that opens its
    paragraph ("CUTLER FALLS, Neb. —")."""
    dateline_end = _dateline_end(doc, end)
    return dateline_end is not None and end <= dateline_end


def _rejoin_quoted_subject(doc, reporter_i: int, lo: int) -> int:
    """'said the so-called "de-escalation" was a trick': when the parser hangs the
    start of a quoted subject on the reporting verb, the clause starts at that noun
    phrase (its determiners and modifiers included)."""
    if doc[lo].dep_ == "mark":
        return lo  # 'said on "Meet the Press" that A': the clause opens with "that", after the marks
    gap = range(reporter_i + 1, lo)
    marks = [i for i in gap if doc[i].text in _ALL_MARKS and doc[i].is_punct and doc[i].tag_ != "POS"]
    if not marks or any(doc[i].lower_ == "that" and (doc[i].dep_ == "mark" or i == lo - 1)
                        for i in gap if i > marks[-1]):
        return lo  # (nor a show named before another clause's "that": 'told WDCR’s “Township Line” on
        # Saturday that A ... ever could', where "could" is a clause of its own)
    start = marks[0]
    while start - 1 > reporter_i and doc[start - 1].dep_ in (
            "det", "amod", "advmod", "compound", "punct", "poss", "nummod", "case") \
            and doc[start - 1].text not in (",", ":", ";"):
        start -= 1
    return start


def _record_from_range(ctx: _Context, lo: int, hi: int, **kw) -> _Record:
    doc = ctx.doc
    start = doc[lo].idx
    end = doc[hi].idx + len(doc[hi].text)
    if hi + 2 < len(doc) and doc[hi + 1].lower_ in ("\u2019s", "'s") and not doc[hi].whitespace_ \
            and doc[hi + 2].text in (".", "!", "?"):
        hi += 1  # "less than a third of a weekday’s": a possessive standing for its noun, taken for a mark
        end = doc[hi].idx + len(doc[hi].text)
    last = doc[hi]
    if len(last.text) > 1 and last.text.endswith(".") and not last.is_punct \
            and (hi + 1 == len(doc) or doc[hi + 1].is_space or doc[hi + 1].is_sent_start) \
            and (hi + 1 == len(doc) or doc[hi + 1].text != "."):
        end -= 1  # "... due at 5 a.m.": the abbreviation's point also ends the sentence, no part of it
    for m in ctx.marked:
        if m.closed and start < m.start <= end <= m.end and not ctx.text[end:m.end].strip(" ,.;"):
            end = m.end + 1  # a name in quotation marks that ends the clause keeps its closing mark
    return _Record(start, end, "indirect", **kw)


def _verb_clauses(ctx: _Context, verb, entry: str, verbs: ReportingVerbs) -> list[_Record]:
    """Content clauses of a reporting verb: its finite ``ccomp`` (plus a coordinated
    "and that B", one record for both), or the clause a parenthetical attribution
    interrupts ("Air defence, officials say, is now the most urgent need")."""
    doc = ctx.doc
    clauses = []
    children = list(verb.children)
    if " " in entry:  # "made clear he will veto": the clause may hang from "clear"
        second = entry.split()[1]
        for c in verb.children:
            if c.lower_ == second and c.i > verb.i:
                children += [x for x in c.children if x.dep_ == "ccomp"]
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    displaced = _displaced_clause(verb, verbs)
    if displaced is None:
        displaced = _told_clause(verb)
    if displaced is None:
        displaced = _stranded_relative_content(verb)
    if displaced is not None:
        children.append(displaced)
    # "ASHBY FALLS, Neb. — The district will start charging fines ..., the library’s director said":
    # the parser made the dateline's town a subject of the verb and the content its apposition
    in_dateline = [a for s in verb.children if s.dep_ == "nsubj" and s.i < verb.i
                   and _in_dateline(doc, s.idx + len(s.text))
                   for a in s.children if a.dep_ == "appos" and _is_verb(a) and a.i < verb.i]
    children += in_dateline
    taken = _speaker_taken_for_apposition(verb)
    if taken is not None:
        # "The city will close its branch ... and move ... its two librarians to the main library
        # downtown, the city’s library director said": the parser made a noun of the content the
        # verb's subject and the speaker an apposition on the content's last noun
        rng = _trim(doc, _after_dateline(doc, verb.sent.start, taken.left_edge.i - 2), taken.left_edge.i - 2)
        if rng is not None:
            record = _record_from_range(ctx, *rng, gov=verb, entry=entry, source="verb")
            record.subject = taken
            return [record]
    subjectless = []
    extend_to: dict[int, int] = {}  # a clause before the verb: the last token of its adverbial
    extend_from: dict[int, int] = {}  # ... or the first token of the clause coordinated before it
    gerund = _gerund_taken_for_content(verb)
    if gerund is not None:
        # "says lactating dairy cows should test negative": the parser took the subject's participle
        # for the verb's complement and hung the clause on it; the clause starts with the participle
        children.append(gerund[1])
        extend_from[gerund[1].i] = gerund[0].i
    for c in children:
        if (c.dep_ != "ccomp" and c is not displaced and c not in in_dateline) or not _finite(c) \
                or _free_relative(c):
            continue
        if _has_mark(c, ("whether", "if")):
            continue  # "asked whether he would run", "did not say whether": a question, not content
        if _mandative(c) and not (verb.lemma_.lower() in _PLAIN_REPORTS and c.tag_ == "VB" and not any(
                a.dep_ in ("aux", "auxpass") for a in c.children) and c.lower_ in _SAME_FORM_PASTS):
            # "asked that her name not be used", "demanded that the city pay": a request (not a past
            # tense with the form of a bare verb after a plain report: "The report says a latch ...
            # let the bar swing open")
            continue
        if c.i > verb.i and verbs.entry(c) is not None and not any(x.dep_ in _SUBJ_DEPS for x in c.children) \
                and any(x.dep_ == "ccomp" for x in c.children) and c.i > 0 and doc[c.i - 1].lower_ in ("but", "and"):
            continue  # "said A but argued that B": a second report of the same speaker, not content
        if c.i > verb.i and _reported_inside(c, verbs):
            continue  # "said A, although, she added, B": B is the added report's
        noun = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if c.i > verb.i and _has_mark(c, ("that",)) and noun is not None and noun.dep_ == "pobj" \
                and noun.pos_ == "NOUN" and noun.head.i > 0 and doc[noun.head.i - 1].text == "," \
                and any(x.dep_ == "ccomp" and x.i < verb.i and doc[x.right_edge.i + 1].text == ","
                        for x in verb.children):
            continue  # "A, its general manager said on Monday, after a board vote [that riders had
            # spent two months trying to head off]": the content came before; this clause is the noun's
        if (_withheld(verb) or entry == "ask") and c.left_edge.tag_ in ("WRB", "WP", "WDT"):
            continue  # "declined to say when a decision would come", "asked why": no content given
        if entry in _OBJECT_FIRST and objects and objects[0].i < c.i and not _has_mark(c, ("that",)):
            continue  # "promised the toughest package [the bloc has ever adopted]": a relative clause
        if c.i < verb.i and _whose_clause_subject(c) is not None:
            continue  # "Janice Oberlin, a Democrat whose bill told the office to write the rule, said"
        if c.i < verb.i and _description_taken_for_clause(c, verb):
            continue  # "A woman who has sold smoked whitefish ... since 1998, Lorna Beckett, said"
        if c.i < verb.i:
            # "A, the US has announced": the clause must be set off by a comma
            right = c.right_edge.i
            split = _split_coordination(verb, c)
            # (a reporting verb before the verb is another report, unless it reports nothing of its
            # own: "Hartsbury will ask voters on April 7 to approve $2.3 million ..., city officials
            # said" asks for a vote; nor one that says no report was given: "The department has
            # not answered, her office said")
            reports = any(x.dep_ in ("ccomp", "parataxis") for x in c.children) \
                or not (any(x.dep_ in ("dobj", "xcomp") for x in c.children) or _withheld(c))
            if any(t.text == ";" or (t.text in _ALL_MARKS and t.tag_ != "POS") for t in doc[right:verb.i]) \
                    or (verbs.entry(c) is not None and reports and not split):
                continue
            if (right + 1 >= verb.i or doc[right + 1].text not in (",", "\u2014", "\u2013")) and not split:
                interposed = _interposed_adverbial(verb, c)
                if interposed is not None:
                    extend_to[c.i] = interposed
                elif not (doc[right].text == "," and right > c.i and (doc[right].head.i == c.i or any(
                        x.dep_ in _SUBJ_DEPS and x.left_edge.i == right + 1 for x in verb.children))):
                    continue  # (a comma hung on the clause itself sets it off too: "A, an agency
                    # spokesman, Derek Ammons, told the Tribune"; so does one hung on its last noun
                    # right before the verb's subject: "... jobs at the new one, their union, ..., said")
            first = _first_coordinated_clause(verb, c, verbs)
            if first is not None:
                extend_from[c.i] = first
        elif any(t.text in (".", "!", "?") for t in doc[verb.i + 1:c.left_edge.i]):
            continue  # a new sentence the segmenter glued on after a quotation
        (clauses if _has_subject(c) else subjectless).append(c)
    # a clause without a subject continues the clause with a subject just before it, which the
    # parser split ("said proposals agreed at the summit [would be passed to Russia]"), or,
    # under a report inside a relative clause, has the relative's noun as its subject ("a change
    # the department's top official said [would save growers $2 billion]"); otherwise it is no
    # content ("Mr. Hadley, asked whether he would debate, [was blunt]")
    clauses += [c for c in subjectless
                if any(k.i < c.i and k.right_edge.i + 1 >= c.left_edge.i for k in clauses)
                or (verb.dep_ == "relcl" and c.i > verb.i) or _subject_lost(c, verb)]
    for c in subjectless:
        noun = _subject_hung_beside(c, verb)
        if noun is not None and c not in clauses:
            # "told the board that three to five years [was] a long time": the subject a second
            # complement of the verb
            clauses.append(c)
            extend_from[c.i] = noun.left_edge.i + (noun.left_edge.lower_ == "that")
    for c, first in _content_taken_for_relative(verb, subjectless):
        if c not in clauses:
            clauses.append(c)
            extend_from[c.i] = first
    # "said A and that B": B may hang from the verb as a conjunct opening with "that"
    # (only after a clause A of the verb's own: "whenever they asked for it and that B" is no report
    # of the asking)
    for c in verb.children:
        if c.dep_ == "conj" and c.i > verb.i and _has_mark(c, ("that",)) and verbs.entry(c) is None \
                and (clauses or entry != "ask"):
            clauses.append(c)
    title = _title_split(ctx, verb, clauses)
    if title is not None:
        clauses.append(title)
    if clauses:
        records = []
        for side in (True, False):  # clauses before / after the verb
            group = [c for c in clauses if (c.i < verb.i) == side]
            ranges = [r for r in (_clause_range(ctx, c, verb) for c in group) if r]
            ranges += [(r[0], extend_to[c.i]) for c, r in zip(group, ranges) if c.i in extend_to] \
                + [(extend_from[c.i], r[1]) for c, r in zip(group, ranges) if c.i in extend_from]
            if not ranges:
                continue
            lo = min(r[0] for r in ranges)
            hi = max(r[1] for r in ranges)
            if not side:
                hi = _participle_tail(verb, hi, verbs)
            record = _record_from_range(ctx, lo, hi, gov=verb, entry=entry, source="verb")
            record.conjuncts = _conjunct_ranges(ctx, group, lo, hi, starts=extend_from)
            records.append(record)
        return records
    final = _final_report_misattached(verb) or _relative_report(verb) or _relative_report_hung_apart(verb)
    if final is not None:
        return [_record_from_range(ctx, *final, gov=verb, entry=entry, source="verb")]
    if verb.dep_ == "parataxis" and verb.head.i != verb.i and verb.i > verb.head.left_edge.i \
            and any(c.dep_ in _SUBJ_DEPS for c in verb.children):
        # "Air defence, officials say, is ...": a parenthetical report has its own subject
        # ("Mr. Hadley, asked whether he would debate, was blunt" has none)
        head = verb.head
        if _finite(head):
            drop = _clause_drop(ctx, head)
            ids = [t.i for t in head.subtree if t.i not in drop]
            rng = _trim(doc, ids[0], ids[-1]) if ids else None
            while rng and doc[rng[0]].tag_ in ("WRB", "WDT", "WP") and rng[0] < rng[1]:
                rng = _trim(doc, rng[0] + 1, rng[1])  # "where, she said, his body had lain"
            if head.dep_ == "advcl" and head.head.i < verb.left_edge.i <= head.left_edge.i + 1 \
                    and _finite(head.head) and any(t.dep_ == "mark" and t.lower_ in _CIRCUMSTANCE_MARKS
                                                   for t in doc[verb.right_edge.i + 1:head.i]):
                # "The fans arrived in September, she said, after the heat was gone": the parser hung
                # the report on the adverbial clause after it; the content is the whole sentence
                rng = _trim(doc, head.head.left_edge.i, head.right_edge.i)
            elif rng and verb.left_edge.i <= rng[0] + 1 and verb.right_edge.i < rng[1]:
                rng = _trim(doc, verb.right_edge.i + 1, rng[1])
            elif rng and head.i < verb.left_edge.i <= rng[1] and not _clause_goes_on(verb, rng[1]):
                # "A detained 41 workers on Wednesday, the department said, in the largest raid
                # in a decade": the clause is whole before the report; the writer adds the rest
                rng = _trim(doc, rng[0], verb.left_edge.i - 1)
            if rng:
                rng = _trim(doc, _after_dateline(doc, rng[0], rng[1]), rng[1])
            if rng:
                return [_record_from_range(ctx, *rng, gov=verb, entry=entry, source="verb")]
    rng = _after_subordinator(doc, verb)
    if rng is not None:
        return [_record_from_range(ctx, *rng, gov=verb, entry=entry, source="verb")]
    return []


def _interposed_adverbial(verb, clause) -> int | None:
    """The last token of adverbials that the parser hung on a report between its content and its
    subject, set off by commas: "The state closed the bridge on Monday, [hours after inspectors
    found rust], the department said" reports the bridge closed hours after that. The
    adverbials (clauses, noun phrases of time, prepositional phrases) must fill the gap from
    the content's comma to the comma before the subject; ``None`` for any other shape."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in _SUBJ_DEPS and c.i < verb.i), None)
    if subject is None or subject.i < clause.i:
        return None
    at = clause.right_edge.i + 1
    if doc[at - 1].text != ",":  # the clause's comma may be its own last token, or the next one
        if doc[at].text != ",":
            return None
        at += 1
    mods = sorted((c for c in verb.children if c.dep_ in ("advcl", "npadvmod", "prep")
                   and at <= c.left_edge.i and c.right_edge.i < subject.left_edge.i), key=lambda c: c.i)
    end = None
    for mod in mods:
        if mod.left_edge.i != at:
            return None
        end = mod.right_edge.i
        at = end + 1
    if end is None or doc[at].text != "," or at + 1 != subject.left_edge.i:
        return None
    return end


def _first_coordinated_clause(verb, clause, verbs: ReportingVerbs) -> int | None:
    """The first token of a clause that a report at the end of the sentence also reports, which the
    parser coordinated with the report ("[About 2,600 ballots were sent to a closed box], and most
    of them may never be counted, the county's clerk said": the report is a conjunct of "sent"):
    the report's content clause opens right after that clause's ", and". ``None`` for any other
    shape, and when that clause is itself a report."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "conj" or head.i > clause.i or not _finite(head) or verbs.entry(head) is not None:
        return None
    cc = clause.left_edge.i - 1
    if cc < 1 or doc[cc].dep_ != "cc" or doc[cc].lower_ != "and" or doc[cc].head.i != head.i \
            or doc[cc - 1].text != ",":
        return None
    return _after_dateline(doc, head.left_edge.i, cc - 1)


def _split_coordination(verb, clause) -> bool:
    """Whether ``clause`` is the first of two content clauses before a report that the parser
    split at their conjunction ("[She asked the department to let ambulances cross], and [the
    department turned her down], she said"): its subtree ends with the conjunction, and the next
    token opens another content clause of the same verb."""
    doc = verb.doc
    right = clause.right_edge
    if right.dep_ != "cc" or right.i + 1 >= verb.i:
        return False
    return any(c.dep_ == "ccomp" and c.left_edge.i == right.i + 1 for c in verb.children)


# Reporting verbs that take a clause and no noun for what was said: the noun of a relative
# clause they head ("a change that lawmakers said would ...") is no object of theirs ("the plan
# that the mayor announced" is).
_CLAUSE_REPORTS = frozenset({"say", "claim", "argue", "contend", "insist", "warn", "predict", "estimate",
                             "believe", "fear", "expect"})


def _relative_report(verb) -> tuple[int, int] | None:
    """The content of a report in a relative clause whose noun is the subject of what was said,
    which the parser made the subject of the sentence: "a change that lawmakers said on Tuesday
    [would leave elderly Americans hours from help]". The report has a subject of its own and no
    clause; the noun's verb follows it with only auxiliaries, a negation or adverbs between.
    ``None`` for any other shape."""
    doc = verb.doc
    noun = verb.head
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in _CLAUSE_REPORTS \
            or noun.dep_ not in ("nsubj", "nsubjpass") or _withheld(verb) \
            or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) \
            or not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    predicate = noun.head
    start = verb.right_edge.i + 1
    if predicate.i < start or not _finite(predicate) or any(
            t.head.i != predicate.i or t.dep_ not in ("aux", "auxpass", "neg", "advmod")
            for t in doc[start:predicate.i]):
        return None
    # not a verb set off by a comma after it, which goes on with the sentence ("The rule, which the
    # department said would cut sodium by 15 percent, [was to take effect next July]")
    end = predicate.i
    for c in predicate.rights:
        if c.dep_ == "conj" and any(t.text == "," for t in doc[end + 1:c.left_edge.i]):
            break
        if c.dep_ not in ("punct", "cc"):
            end = c.right_edge.i
    return _trim(doc, start, end)


def _relative_report_hung_apart(verb) -> tuple[int, int] | None:
    """The content of a report in a relative clause on an object ("a grinding noise from the shop
    that they said [carried half a mile on still nights]"), whose verb the parser hung elsewhere in
    the sentence: the finite verb right after the report, with no subject of its own, up to its
    last word. The report has a subject of its own, "that" for its relative word and no clause.
    ``None`` for any other shape."""
    doc = verb.doc
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in _CLAUSE_REPORTS or _withheld(verb) \
            or any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) \
            or not any(c.dep_ == "nsubj" and c.lower_ == "that" and c.i < verb.i for c in verb.children) \
            or not any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children):
        return None
    start = verb.right_edge.i + 1
    if start >= len(doc):
        return None
    content = doc[start]
    if content.pos_ != "VERB" or content.tag_ not in ("VBD", "VBZ", "VBP", "VBN") or content.head.i == verb.i \
            or content.dep_ not in ("advcl", "conj", "ccomp") or content.sent.start != verb.sent.start \
            or any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("aux", "auxpass", "mark") for c in content.children) \
            or content.left_edge.i != start:
        return None
    return _trim(doc, start, content.right_edge.i)


def _clause_goes_on(verb, end: int) -> bool:
    """Whether the words after a parenthetical report, up to token ``end``, open with the
    subordinator of a clause of its own, or with "and" before a second verb of the content's
    subject: the report interrupts its content, which goes on ("The fans arrived in September, she
    said, [after the heat was gone]"); a phrase without a verb is the writer's ("..., the
    department said, in the largest raid in a decade")."""
    doc = verb.doc
    k = verb.right_edge.i + 1
    while k <= end and doc[k].text == ",":
        k += 1
    if k <= end and doc[k].dep_ == "cc" and doc[k].lower_ in ("and", "but") and doc[k].head.i == verb.head.i:
        # "A crew spray-painted an X on her sidewalk, she said, and never came back": a second verb
        # of the same subject
        return any(c.dep_ == "conj" and c.i > k and not any(g.dep_ in _SUBJ_DEPS for g in c.children)
                   for c in verb.head.children)
    return k <= end and doc[k].dep_ == "mark" and _finite(doc[k].head)


# Subordinators of a condition ("but only if the city grants it a tax break").
_CONDITION_MARKS = frozenset({"if", "unless", "provided"})


def _final_report_misattached(verb) -> tuple[int, int] | None:
    """The clause before a report set off by a comma at the end of its sentence, which the parser
    hung on that clause's last noun as a relative clause ("Imports have injured American
    manufacturers, a divided trade panel said on Wednesday": manufacturers [whom] a panel said),
    under it as an adverbial clause ("The ban is void because the town never sent it for
    review, the state's highest court ruled") or beside it as a second statement with no
    conjunction ("The district will hire vans ..., the superintendent told the board"). None
    opens with a comma and a subject of its own with no relative word or subordinator, so such a
    report, with nothing reported after it, reports the sentence up to the comma. ``None`` for
    any other shape."""
    doc = verb.doc
    # "The town acted unlawfully when it rezoned the land, the Court of Appeals ruled": the parser
    # made the report the root and the clause before it an adverbial clause of it, with its own
    # subject and no subordinator
    content = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and _finite(c)
                    and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
                    and not any(x.dep_ == "mark" for x in c.children)), None) if verb.dep_ == "ROOT" else None
    if content is None and (verb.dep_ not in ("relcl", "advcl", "conj") or verb.i < verb.head.i) or _withheld(verb):
        return None
    if verb.dep_ == "conj" and any(
            c.dep_ == "cc" and verb.head.i < c.i < verb.i and not any(
                o.dep_ == "conj" and c.i < o.i < verb.i for o in verb.head.children)
            and not any(a.dep_ == "advcl" and c.i < a.i < verb.i and _has_mark(a, _CONDITION_MARKS)
                        and a.left_edge.i <= c.i + 3 for a in verb.children)
            for c in verb.head.children):
        # "A, and the superintendent told the board": two statements (not an "and" that joins
        # another verb before the report: "voted to merge ... and retire its name, the manager said";
        # nor a "but" that opens a condition the parser hung on the report: "plans to double its
        # plant, but only if the city grants it a tax break, its chief executive told the council")
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJ_DEPS and c.i < verb.i), None) \
        or _closing_apposition_subject(verb)
    # (the hearer of "told the board" is no content)
    objects = ("dobj", "dative") if verb.lemma_.lower() != "tell" else ()
    if subject is None or any(c.dep_ in ("mark", "ccomp", "xcomp", *objects) for c in verb.children):
        return None
    left = subject.left_edge.i
    if left == 0 or doc[left - 1].text != "," or any(
            t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in doc[left:verb.i]):
        return None
    sent = verb.sent
    root = sent.root if content is None else content
    if not (root.i < left - 1 and _finite(root)) or any(
            t.text in _DOUBLE_MARKS or t.text in (";", ":") for t in doc[sent.start:left]):
        return None
    rng = _trim(doc, sent.start, left - 1)
    if rng is None:
        return None
    return _trim(doc, _after_dateline(doc, *rng), rng[1])


def _reported_inside(clause, verbs: ReportingVerbs) -> bool:
    """A report with its own subject set off inside the clause, before its head ("although, she
    added, [the state had not yet agreed]"): the clause is that report's content."""
    return any(x.dep_ == "parataxis" and x.i < clause.i and verbs.entry(x) is not None
               and any(y.dep_ in _SUBJ_DEPS for y in x.children) for x in clause.children)


def _after_subordinator(doc, verb) -> tuple[int, int] | None:
    """A report set off by commas right after a subordinator reports the clause after it:
    "because, she wrote in a memo, [fewer than half of the districts had found ...]", which the
    parser hangs elsewhere. ``None`` for any other shape."""
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    if mark is None or mark.i + 1 >= verb.i or doc[mark.i + 1].text != ",":
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    # the comma that closes the report (the parser may hang the clause after it on the verb)
    comma = 1 + max([t.i for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")
                     for t in c.subtree] or [verb.i])
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    clause = doc[comma + 1]
    while not (_is_verb(clause) and _finite(clause)) and clause.head.i != clause.i:
        clause = clause.head
    if clause.i <= comma or not _finite(clause):
        return None
    return _trim(doc, comma + 1, clause.right_edge.i)


# Labels on the way from a reporting verb down to a "that" clause that the parser hung on a
# phrase between them ("said on the podcast "Lunch Line" that", "acknowledged under questioning
# that"): prepositional phrases, their objects and the words of a name.
_MEDIUM_DEPS = frozenset({"prep", "pobj", "pcomp", "compound", "npadvmod", "poss", "amod", "det", "nummod"})
# Verbs whose object is the one told, not what is told.
_TELLING_VERBS = frozenset({"tell", "inform", "assure", "remind", "notify", "brief", "advise"})


def _participle_tail(verb, hi: int, verbs: ReportingVerbs) -> int:
    """The last token of a content clause that ends at ``hi``, taken on through a past participle
    that the parser hung on the reporting verb right after it ("wrote that the board had ignored its
    own “Open Shelves Policy,” [adopted in 2019, which gives ...]"): it describes the clause's last
    noun, not the report; or through a bare verb coordinated with the clause's infinitive that the
    parser hung on the report ("to test the machines, [train 400 poll workers]")."""
    doc = verb.doc
    k = hi + 1
    while k < len(doc) and (doc[k].text == "," or doc[k].text in _ALL_MARKS):
        k += 1
    if k == hi + 1 or k >= len(doc):
        return hi
    tail = doc[k]
    if tail.tag_ == "VB" and tail.dep_ == "conj" and tail.head.i == verb.i and verb.tag_ in ("VBD", "VBZ") \
            and doc[hi + 1].text == "," and not any(c.dep_ in _SUBJ_DEPS or c.dep_ in ("aux", "mark") for c in tail.children) \
            and doc[hi].head.tag_ == "VB" and doc[hi].head.dep_ in ("xcomp", "conj") \
            and verbs.entry(tail) is None and tail.right_edge.i < verb.sent.end:
        # "told the board that it would need 14 weeks to test the machines, [train 400 poll workers
        # and mail sample ballots]": a bare verb after the content's infinitive, which the parser
        # hung on the past-tense report, goes on with the infinitive
        end = tail.right_edge.i
        while end > tail.i and doc[end].is_punct:
            end -= 1
        return end
    if tail.tag_ == "VBN" and tail.dep_ in ("advcl", "acl", "ccomp") and tail.head.i == verb.i \
            and not any(c.dep_ in _SUBJ_DEPS or c.dep_ == "aux" for c in tail.children) \
            and verbs.entry(tail) is None and tail.right_edge.i < verb.sent.end:
        end = tail.right_edge.i
        while end > tail.i and doc[end].is_punct:
            end -= 1
        return end
    return hi


def _title_split(ctx: _Context, verb, clauses: list):
    """The rest of a content clause that the parser cut off at a title in quotation marks and
    hung on the reporting verb as a clause of its own ("said the family had signed up for the
    city’s [“Call Me First” alert system]"): that clause, when it opens with the title right
    after the content clause (a possessive ending between); None otherwise."""
    after = [c for c in clauses if c.i > verb.i]
    if not after:
        return None
    doc = ctx.doc
    end = max(c.right_edge.i for c in after)
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i <= end or c in clauses:
            continue
        mark = c.left_edge
        if mark.text not in _ALL_MARKS or any(
                not (t.is_punct or t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s")) or t.text in _ALL_MARKS
                for t in doc[end + 1:mark.i]):
            return None
        marked = next((m for m in ctx.marked if m.start == mark.idx + len(mark.text)), None)
        tokens = ctx.tokens_in(marked.start, marked.end) if marked is not None else []
        if tokens and _is_title(doc, ctx.text, marked.start, marked.end, tokens):
            return c
        return None
    return None


def _whose_clause_subject(clause):
    """For a relative clause opened by "whose" that the parser took for a clause of the reporting
    verb, with the described person as a second subject ("State Representative Janice Oberlin, a
    Democrat from Harlan Bay whose 2028 bill told the office to write the rule, said"): that person;
    None otherwise."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or not any(p.lower_ == "whose" for p in subjects[1].children):
        return None
    return subjects[0] if subjects[0].pos_ == "PROPN" else None


def _speaker_taken_for_apposition(verb):
    """The speaker of "A, the city’s library director said" when the parser hung the speaker's
    phrase, set off by a comma right before the verb, on the content's last noun as an apposition
    and made a noun inside the content the verb's subject: that phrase's head, or None. The content
    must open the sentence with a clause the verb governs."""
    doc = verb.doc
    if verb.i < 3 or verb.dep_ not in ("ROOT", "conj"):
        return None
    taken = next((t for t in doc[verb.sent.start:verb.i] if t.dep_ == "appos" and t.right_edge.i == verb.i - 1
                  and t.pos_ in ("NOUN", "PROPN") and t.head.i < t.left_edge.i), None)
    if taken is None or doc[taken.left_edge.i - 1].text != "," or doc[taken.left_edge.i].lower_ not in ("the", "a", "an"):
        return None
    subjects = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
    # the content's clause: the verb's own, or one the parser hung on a dateline taken for the subject
    clause = next((c for c in doc[verb.sent.start:taken.left_edge.i] if _is_verb(c) and _finite(c) and (
        (c.dep_ == "ccomp" and c.head.i == verb.i) or (c.dep_ in ("acl", "appos") and c.head.dep_ in _SUBJ_DEPS
                                                       and c.head.head.i == verb.i
                                                       and _in_dateline(doc, c.head.idx + len(c.head.text))))),
                  None)
    if verb.dep_ == "conj":
        # ("... will drop the name ... and become Ada Quinlan High School, the president of the town’s
        # school board said": the report taken for a third verb of the content, with no subject)
        clause = verb.head if verb.head.i < taken.left_edge.i and _finite(verb.head) and not subjects else None
        subjects = [clause] if clause is not None else []
    if clause is None or not subjects or any(s.i > taken.left_edge.i for s in subjects):
        return None
    return taken


def _gerund_taken_for_content(verb):
    """(participle, clause) when the parser took a participle that opens the content's subject for
    the reporting verb's complement, right after the verb, and hung the content clause on it, its
    subject right after the participle ("says lactating dairy cows should test"); None otherwise."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1), None)
    if gerund is None:
        return None
    clause = next((c for c in gerund.children if c.dep_ == "ccomp" and _finite(c)), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in _SUBJ_DEPS and c.i < clause.i), None)
    if subject is None or subject.left_edge.i != gerund.i + 1:
        return None
    return gerund, clause


def _told_clause(verb):
    """The content clause of a verb of telling that the parser took for a relative clause on the
    one told, with no "that" before it ("told the trustees [they had chosen Carrick Valley because
    ...]"): a clause right after the object whose subject is a personal pronoun and that has an
    object or a complement of its own, so that no word of it is missing; None otherwise."""
    if verb.lemma_.lower() not in _TELLING_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    for told in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
        for clause in (c for c in told.children if c.dep_ == "relcl" and c.i > told.i):
            subject = clause.left_edge
            if subject.dep_ == "nsubj" and subject.head.i == clause.i and subject.tag_ == "PRP" \
                    and subject.i == told.i + 1 and any(
                        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd") for c in clause.children):
                return clause
    return None


def _stranded_relative_content(verb):
    """The content of a reporting verb inside a relative clause whose own subject is the relative
    pronoun ("a decision that the lawsuit says [has left four miles of Route 9 without a signal]"),
    when the parser hung the content's verb elsewhere: the finite verb right after the reporting one,
    with no subject of its own; None otherwise."""
    doc = verb.doc
    if verb.dep_ != "relcl" or verb.i + 1 >= len(doc) or doc[verb.left_edge.i].lower_ not in ("that", "which") \
            or any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children):
        return None
    nxt = doc[verb.i + 1]
    clause = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
    if clause.i <= verb.i or not _is_verb(clause) or not _finite(clause) or clause in verb.subtree \
            or any(c.dep_ in _SUBJ_DEPS and c.i > verb.i for c in clause.children):
        return None
    return clause


def _displaced_clause(verb, verbs: ReportingVerbs):
    """The content clause of a reporting verb that the parser hung on a phrase between the verb
    and the clause: a finite clause opened by the complementiser *that* (not the relative
    pronoun) after a prepositional phrase or a proper name ("said on WCAP's "Merrimack Morning"
    that [the first tenants could move in]", "acknowledged under questioning that [no monitor
    would be sent]"). ``None`` when the verb has a clause of its own (other than a second one
    opened by *that* after this one: "wrote in a decision that [A] and that B"), or when the way down
    passes a verb, a reporting word ("responded by announcing that": the announcement's) or a
    common-noun object ("denied reports that he had resigned": the reports' content), unless the
    object is the one told ("told a special meeting of the council that")."""
    own = [c for c in verb.children if c.dep_ == "ccomp"]
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.lower_ != "that" or not (tok.dep_ == "mark" or _complementiser_taken(tok)):
            continue
        clause = tok.head
        # ("testified on Friday before the Legislature’s committee that [A]": taken for an adverbial
        # clause of the verb, after a name; or of a noun read as a verb after "to": "wrote in an email
        # to [board] members that [A]")
        adverbial = clause.dep_ == "advcl" and tok.i > 0 and (
            (clause.head.i == verb.i and verb.doc[tok.i - 1].pos_ == "PROPN")
            or (_addressee_taken_for_verb(clause.head, verb) and verb.doc[tok.i - 1].head.i == clause.head.i))
        if clause.i < tok.i or (clause.dep_ not in ("relcl", "acl", "ccomp") and not adverbial) \
                or not _finite(clause):
            return None
        if any(c.i == clause.i or c.i < tok.i or not _has_mark(c, ("that",)) for c in own):
            return None  # a clause of its own, unless only "and that B" after this one
        node = clause.head
        doc = verb.doc
        while node.i != verb.i:
            # (a description set off by commas, which the parser took for an object: 'said on "Farm
            # and Ranch Hour," a Grand Island radio program, that [he would ask ...]')
            set_off = node.dep_ == "dobj" and node.pos_ == "NOUN" and node.left_edge.i > 0 \
                and doc[node.left_edge.i - 1].text in (",", "\u201d", '"') and doc[tok.i - 1].text == ","
            # (the audience of a verb of telling: "told a special meeting of the City Council on
            # Thursday that [she had learned ...]")
            audience = node.dep_ == "dobj" and (node.head.i == verb.i and verb.lemma_.lower() in _TELLING_VERBS
                                                or _addressee_taken_for_verb(node.head, verb))
            # (the medium of the report itself: "acknowledged in a statement released by his lawyer that")
            medium = node.dep_ == "pobj" and node.head.lower_ in ("in", "through") and node.head.head.i == verb.i
            if _addressee_taken_for_verb(node, verb):
                node = node.head
                continue
            if _is_verb(node) and node.tag_ != "VBG" or (verbs.entry(node) is not None and not medium) or not (
                    node.dep_ in _MEDIUM_DEPS or (node.dep_ == "dobj" and node.pos_ == "PROPN") or set_off
                    or audience):
                return None
            node = node.head
        between = doc[verb.i + 1:tok.i]
        if any(_finite(t) or t.text in (".", ";", ":") for t in between):
            return None
        return clause
    return None


def _description_taken_for_clause(clause, verb) -> bool:
    """Whether a clause before ``verb`` is the description of a person named in apposition right
    before the verb, whose relative clause the parser cut at an adjective it read as a verb ("A woman
    who has sold [smoked] whitefish from a stand since 1998, Lorna Beckett, said"): the clause's
    subject has a relative clause that ends right before the clause's verb, and the verb's subject is
    a name set off by commas."""
    doc = verb.doc
    subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    named = next((c for c in verb.children if c.dep_ == "nsubj" and clause.i < c.i < verb.i), None)
    if subject is None or named is None or named.ent_type_ != "PERSON" or named.left_edge.i < 1 \
            or doc[named.left_edge.i - 1].text != "," or doc[verb.i - 1].text != ",":
        return False
    return any(r.dep_ == "relcl" and r.right_edge.i + 1 == clause.i for r in subject.children)


def _addressee_taken_for_verb(node, verb) -> bool:
    """Whether ``node`` is a noun of the ones addressed that the parser read as an infinitive after
    "to" ("wrote in an email to [board] members that"): a bare verb form with "to" right before it
    and a plural noun right after it, hung on the reporting verb as an adverbial clause."""
    doc = node.doc
    return node.tag_ == "VB" and node.dep_ == "advcl" and node.head.i == verb.i and node.i > 0 \
        and doc[node.i - 1].lower_ == "to" and doc[node.i - 1].head.i == node.i \
        and any(c.dep_ == "dobj" and c.tag_ == "NNS" and c.i == node.i + 1 for c in node.children)


def _complementiser_taken(tok) -> bool:
    """Whether a *that* the parser made a relative pronoun is the complementiser of the clause it
    opens: the clause has a subject and an object of its own, so *that* stands for nothing in it
    ("said in a joint letter to the council that [their grandfather had given the land to the city]")."""
    clause = tok.head
    return tok.dep_ in ("dative", "dobj") and clause.dep_ == "relcl" and tok.i == clause.left_edge.i \
        and any(c.dep_ in _SUBJ_DEPS for c in clause.children) \
        and (any(c.dep_ in ("dobj", "attr") and c.i != tok.i for c in clause.children)
             or clause.lemma_.lower() not in _ISSUING_VERBS)


# Verbs by which a statement or a letter is given out: after a medium, "that" with one of them opens
# a relative clause ("said in a statement that she issued through her lawyer"); with another verb
# and no object missing, the content ("said in a statement that Northmark had asked for 19 percent").
_ISSUING_VERBS = _SENDING_VERBS | {"make", "read", "deliver", "sign", "email", "receive"}


def _withheld(verb) -> bool:
    """Whether a reporting verb says that a report was not given: negated ("would not say"), with
    no one as its subject ("Neither side said") or under a verb of withholding ("declined to say",
    "refused to explain")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.dep_ in _SUBJ_DEPS and (c.lower_ in ("nobody", "none", "neither") or any(
            d.dep_ == "det" and d.lower_ in ("neither", "no") for d in c.children)) for c in verb.children):
        return True  # "Neither side said when the talks would resume": no one reported it
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _WITHHOLDING_VERBS


def _free_relative(clause) -> bool:
    """"said what had happened ..." / "announced what he called ...": an object
    clause opened by *what* is a noun phrase, not a content clause."""
    first = clause.left_edge
    return first.lower_ == "what" and first.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj")


def _conjunct_ranges(ctx: _Context, clauses, lo: int, hi: int,
                     starts: dict[int, int] | None = None) -> list[tuple[int, int]]:
    """Character ranges of the coordinated parts of a content clause ("A and that B"),
    used to keep the parts without a direct quotation; ``starts`` gives the first word of a
    clause that begins before its subtree (its subject hung elsewhere)."""
    doc = ctx.doc
    cuts = set()
    for clause in clauses:
        cuts.add(min(clause.left_edge.i, (starts or {}).get(clause.i, clause.left_edge.i)))
        # a clause coordinated with a subject of its own, or opened by "that" at any depth ("said
        # the brakes had applied only partly when the engineer pulled the handle and that a valve
        # ...": the parser hung the second clause on the first one's "when" clause)
        for c in clause.subtree:
            if c.dep_ == "conj" and lo < c.left_edge.i <= hi and (
                    _has_mark(c, ("that",))
                    or c.head.i == clause.i and any(x.dep_ in _SUBJ_DEPS for x in c.children)):
                cut = c.left_edge.i
                while cut - 1 > lo and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                    cut -= 1
                cuts.add(cut)
    bounds = sorted(i for i in cuts if lo < i <= hi)
    parts = []
    start = lo
    for cut in bounds + [hi + 1]:
        rng = _trim(doc, start, cut - 1)
        if rng:
            parts.append((doc[rng[0]].idx, doc[rng[1]].idx + len(doc[rng[1]].text)))
        start = cut
    return parts


def _noun_clause(ctx: _Context, noun, entry: str) -> _Record | None:
    """"the allegation that A": a reporting noun with a finite *that*-clause."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos", "relcl") and child.i > noun.i and _finite(child):
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
            source = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for t in c.subtree}
            if mark is None or mark.i <= noun.i or not all(
                    t.ent_type_ in ("DATE", "TIME") or (t.dep_ == "prep" and t.head.i == noun.i) or t.i in source
                    for t in noun.doc[noun.i + 1:mark.i]):
                continue  # (a date may stand between: "said in a statement on Monday that A"; so may
                # the source: "a warning from the county’s election director that A")
            if not any(c.dep_ in _COMPLEMENT_DEPS for c in child.children):
                continue  # "an assertion that officials dismissed": a relative clause
            rng = _clause_range(ctx, child, noun)
            if rng:
                carrier = _carrier_verb(noun, ctx.verbs)
                if carrier is not None:  # 'said in a statement that A': the verb reports A
                    return _record_from_range(ctx, *rng, gov=carrier, entry=ctx.verbs.entry(carrier),
                                              source="verb")
                return _record_from_range(ctx, *rng, gov=noun, entry=entry, source="noun")
    return None


def _according_phrase(doc, according) -> tuple[int, int]:
    """Token range of "according to X", ending at the comma that closes it."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    named = _name_set_off_after(source) if source is not None else None
    if named is not None:  # "According to its president, Harriet Ocampo, A"
        return according.i, named.i
    hi = according.right_edge.i
    for t in doc[according.i:hi + 1]:
        if t.text in (",", ";", "\u2014") and t.i > according.i + 2:
            nxt = doc[t.i + 1] if t.i + 1 <= hi else None
            while nxt is not None and nxt.dep_ == "compound" and nxt.pos_ == "PROPN" and nxt.head.i > nxt.i:
                nxt = nxt.head  # ("Corbell Transportation Group": the name's head)
            if nxt is not None and (nxt.ent_type_ == "PERSON" or (  # "..., Iryna Venediktova,"
                    nxt.dep_ == "appos" and nxt.pos_ == "PROPN" and according.i < nxt.head.i < t.i)):
                continue  # (or a firm's name: "by the district's engineering firm, Hollis & Marr")
            if any(r.dep_ == "relcl" and r.right_edge.i > t.i and r.head.i > according.i
                   for r in doc[according.i:t.i]):
                continue  # "a study the association paid a consulting firm, Harlow Economics, to prepare,"
            return according.i, t.i - 1
    return according.i, hi


def _according(ctx: _Context, according) -> _Record | None:
    """"According to X, A" / "A, according to X": the clause the phrase attaches to."""
    doc = ctx.doc
    head = according.head
    if head.i == according.i:
        return None
    while not _is_verb(head) and head.head.i != head.i:
        head = head.head
    if ctx.verbs.entry(head) is not None and any(c.dep_ == "ccomp" for c in head.children):
        return None  # "Peskov stated that A, according to agencies": the source of a report
    if head.dep_ == "ccomp" and head.head.dep_ == "ROOT" and head.head.i < head.left_edge.i < according.i \
            and ctx.verbs.entry(head.head) is None and not any(c.dep_ in _SUBJ_DEPS for c in head.children) \
            and any(c.dep_ in _SUBJ_DEPS for c in head.head.children) and head.head.tag_ == "VBD" \
            and not any(t.is_punct for t in doc[head.head.i:head.left_edge.i]):
        # "Students now enrolled will be allowed to finish, according to the college": a subject
        # with a participle taken for a clause of its own, the rest for its content
        head = head.head
    if head.head.i < head.i and ctx.in_quote(head.head.idx) and not any(c.dep_ in _SUBJ_DEPS for c in head.children) \
            and _after_title_participle(doc, ctx.tokens_in(head.head.idx, head.head.idx + 1)):
        # "A petition titled “Let Lower Tenmile Keep Its Hens” has drawn 860 signatures, according to
        # ...": the parser made the title the sentence and the clause its complement; the clause
        # starts with the title's noun
        head = head.head
    p_lo, p_hi = _according_phrase(doc, according)
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    sender = _contact_relative_sender(source) if source is not None else None
    # (the sender's verb, after a name's closing comma too: "figures the treasurer, Lucille Vandeventer,
    # gave the board")
    sent_by = sender.i + 2 if sender is not None and sender.i + 1 < len(doc) and doc[sender.i + 1].text == "," \
        else sender.i + 1 if sender is not None else -1
    if sender is not None and head.i == sent_by and _is_verb(head.head) and head.head.i != head.i:
        # "According to a notice the city sent the company on Sept. 12, A": the relative clause
        # belongs to the source, whatever the parser made of it; A is the clause it hung on
        p_hi = max(p_hi, head.right_edge.i)
        head = head.head
    elif sender is not None and head.i == sent_by and head.dep_ == "ROOT":
        # "According to the budget Mayor Gerald Fontaine sent the City Council on Oct. 28, A": the
        # parser made the relative clause the sentence and A a verb coordinated with it
        content = next((c for c in head.children if c.dep_ == "conj" and c.i > head.i and _finite(c)
                        and doc[c.left_edge.i - 1].text == ","), None)
        if content is not None:
            p_hi = max(p_hi, content.left_edge.i - 1)
            head = content
        else:  # ("According to a survey the chamber sent its members in October, A", A hung anywhere)
            comma = next((t for t in doc[head.i:head.sent.end] if t.text == "," and t.head.i == head.i), None)
            if comma is not None:
                p_hi = max(p_hi, comma.i)
    if head.dep_ == "conj" and head.head.i < p_lo and _is_verb(head.head) \
            and any(c.dep_ in _SUBJ_DEPS and p_lo < c.i <= p_hi for c in head.children):
        # "It had 2,140 signatures by Sunday, according to its organizer, Wilma J. Gensemer, 77, whose
        # great-great-grandfather ran the mill.": the parser made the source's name, with its age and
        # relative clause, a clause coordinated with A; all of it belongs to the source
        p_hi = max(p_hi, head.right_edge.i)
        head = head.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if head.dep_ == "conj" and head.head.i < according.i and len(subjects) == 2 and p_lo > 0 \
            and doc[p_lo - 1].text == "," and subjects[0].left_edge.i == p_hi + 2 and doc[p_hi + 1].text == ",":
        # "A, according to a traffic study by Ostlund, the Madison engineering firm the state
        # Department of Transportation hired last year.": the source's apposition, with a relative
        # clause of its own, taken for a clause coordinated with A
        p_hi = head.right_edge.i
        head = head.head
    sent = according.sent
    tail = doc[max(p_hi, according.right_edge.i) + 1:sent.end]
    name = [t for t in tail if not (t.is_punct or t.is_space)]
    if name and tail[0].text == "," and all(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in name) \
            and name[-1].i - name[0].i == len(name) - 1:
        tail = []  # (the source's name set off after it: "..., according to its organizer, Pat Kerrigan.")
    if head.i < p_lo and all(t.is_punct or t.is_space for t in tail):
        # (a relative clause on the source closes the sentence: "..., according to Councilman
        # Idris Baptiste, who negotiated the deal.")
        while head.dep_ == "conj" and head.head.i < head.i and _is_verb(head.head):
            head = head.head  # "A, and B, according to X.": the phrase closes both clauses
    if head.i < p_lo and head.dep_ == "advcl" and doc[head.left_edge.i].lower_ == "because" \
            and head.head.i < head.left_edge.i and _is_verb(head.head) and doc[head.left_edge.i - 1].text == ",":
        # "A squall capsized 14 boats, because officials started the heat anyway, according to
        # parents.": the reason is the source's as much as what it explains (whichever verb of the
        # clause the parser gave the "because")
        head = head.head
    ids = sorted({t.i for t in head.subtree} | set(range(p_hi + 1, according.right_edge.i + 1)))
    ids = [i for i in ids if not (p_lo <= i <= p_hi) and sent.start <= i < sent.end]
    left = [i for i in ids if i < p_lo]
    right = [i for i in ids if i > p_hi]
    if head.i < p_lo or not right:
        part = left  # "A, according to X[, comment]"
    elif left and any(doc[i].dep_ in _SUBJ_DEPS for i in left):
        part = left + right  # "A, according to X, B": the clause is interrupted
    else:
        part = right  # "According to X, A"
    if not part:
        return None
    if part is left:  # the run that ends at the phrase
        run = [part[-1]]
        for i in reversed(part[:-1]):
            if i != run[0] - 1:
                break
            run.insert(0, i)
    elif left and right and part == left + right:
        run = part
    else:  # the run that starts after the phrase
        run = [part[0]]
        for i in part[1:]:
            if i != run[-1] + 1:
                break
            run.append(i)
    rng = _trim(doc, run[0], run[-1])
    if rng is None:
        return None
    rng = (_after_dateline(doc, *rng), rng[1])  # "KESSLER FALLS, Mich. — A, according to X": not the dateline
    record = _record_from_range(ctx, *rng, gov=according, entry="according to", source="according")
    record.np_limit = p_hi
    return record


def _bare_paragraph_after(ctx: _Context, report: _Record, record: _Record) -> bool:
    """Whether an unattributed quotation fills a paragraph of its own right after a paragraph whose
    last sentence is the ``report`` ('Jonah Whitfield, 18, ... said he was coming back this year ...
    / “The chair is hot, ...!”'): the reported speaker may go on in their own words
    (:meth:`_Context._paragraph_about` decides)."""
    text = ctx.text
    para_start, para_end = ctx.paragraph_at(record.start)[0], ctx.paragraph_at(record.end)[1]
    outside = text[para_start:record.start] + text[record.end:para_end]
    if any(c.isalnum() for c in outside):
        return False
    before_end = para_start - 1
    while before_end > 0 and text[before_end - 1] == "\n":
        before_end -= 1
    previous_start = ctx.paragraph_at(before_end)[0]
    return previous_start <= report.start < report.end <= before_end \
        and ctx.sentence_id(report.start) == ctx.sentence_id(before_end - 1) \
        and not ctx.in_quote(before_end - 1)


# -- overlaps -------------------------------------------------------------------


def _resolve_overlaps(records: list[_Record], ctx: _Context) -> list[_Record]:
    """Records never overlap. A direct quotation wins over an indirect clause that
    contains it (the clause's other coordinated parts are kept); an indirect clause
    wins over a report nested in it, except an *according to* clause, which yields to
    the reports inside it."""
    direct = [r for r in records if r.kind == "direct"]
    indirect: list[_Record] = []

    def goes_on(d, record, end: int) -> bool:
        # a quotation that goes on right after the clause, under the same verb, is part of it
        # ('insisted that Veritrak would have every machine delivered and tested “well before ...”')
        return record.source == "verb" and d.gov is not None and record.gov is not None \
            and d.gov.i == record.gov.i and d.start >= end and not ctx.text[end:d.start].strip(" \u201c\"")

    for record in (r for r in records if r.kind == "indirect"):
        hits = [d for d in direct if d.start < record.end and record.start < d.end or goes_on(d, record, record.end)]
        if not hits:
            indirect.append(record)
            continue
        if record.source == "according":
            for d in hits:
                if d.source == "none" and d.gov is None:
                    # 'The dirt had been “inconsistent in depth,” according to the order': the words
                    # quoted inside the clause are the source's
                    d.inherit_from, d.source = record, "continued"
        if record.source != "verb":
            continue
        for start, end in record.conjuncts:
            if start < record.start or end > record.end:
                continue
            if not any(d.start < end + 1 and start - 1 < d.end or goes_on(d, record, end) for d in direct):
                indirect.append(_Record(start, end, "indirect", gov=record.gov, entry=record.entry,
                                        source=record.source))
    # nested indirect records
    indirect.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[_Record] = []
    for record in indirect:
        clash = [k for k in kept if k.start < record.end and record.start < k.end]
        if not clash:
            kept.append(record)
            continue
        if all(k.source == "according" for k in clash) and record.source != "according":
            for k in clash:
                kept.remove(k)
            kept.append(record)
        # otherwise the outer (earlier, longer) record stays
    return direct + kept


# =========================================================================== evaluation


def evaluate_quotes(
    gold: str | os.PathLike[str],
    corpus: str | os.PathLike[str],
    *,
    articles: list[str] | None = None,
    split: Literal["dev", "test", "all"] = "all",
    nlp=None,
    inventory: ActorInventory | None = None,
    verbs: ReportingVerbs | None = None,
    splits: str | os.PathLike[str] | None = None,
) -> dict:
    """Score :class:`QuoteExtractor` against a hand-annotated gold file.

    ``gold`` is a JSONL file of quotations (``article_id, start, end, kind, speaker,
    speaker_actor, verb_class, ...``; format in ``docs/quotes_gold.md``) with offsets
    into the ``text`` of ``corpus`` (anything :func:`framing.load_corpus` reads). Only
    articles that have gold records are scored (the gold set is complete for them),
    restricted to ``articles`` when given and to the articles of ``split`` (``"all"``:
    every annotated article). The split of each article comes from the split table
    ``splits`` (default: ``splits.yaml`` beside ``gold``, if there is one; see
    ``docs/gold_splits.md``), which refuses a record whose own ``split`` disagrees with it
    and a held-out score that the table's leakage rule forbids; without a table, from each
    record's ``split``. A gold article missing from the corpus, or a record whose ``text``
    is not what the corpus has at its offsets, is a ``ValueError``.

    Returns a dict with ``split``, ``n_articles``, ``articles``; ``exact`` and
    ``overlap`` span scores, each ``{"direct"|"indirect"|"all": {"precision",
    "recall", "f1", "tp", "n_pred", "n_gold"}}`` (exact: same start and end; overlap:
    the shared characters are at least half of the longer span, matched one-to-one,
    greedily by overlap; per-kind scores compare predictions and gold of that kind,
    ``all`` ignores the kind); and, over the quotes matched under ``overlap``/``all``,
    ``speaker_actor_accuracy`` (same actor id, None included),
    ``speaker_name_accuracy`` (same last word of the speaker, case-insensitive, a
    hyphenated surname as one word, or both None), ``verb_class_accuracy`` and
    ``kind_accuracy``, with ``n_matched``; ``named_speaker_accuracy``, the speaker-name
    accuracy over the ``n_named`` matched quotes whose gold speaker is not None.
    """
    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be 'dev', 'test' or 'all', got {split!r}")
    gold_rows = read_gold(gold, ("article_id", "start", "end", "kind"), "quote")
    if articles is not None:
        unknown = sorted(set(articles) - {r["article_id"] for r in gold_rows})
        if unknown:
            raise ValueError(f"articles without gold records: {', '.join(unknown)}")
    gold_rows = select_split(gold_rows, gold, split, splits=splits)
    if articles is not None:
        gold_rows = [r for r in gold_rows if r["article_id"] in set(articles)]
    frame, ids, _ = gold_articles(gold_rows, corpus, gold)
    if nlp is None:
        from framing._nlp import load_nlp

        nlp = load_nlp()
    extractor = QuoteExtractor(inventory if inventory is not None else ActorInventory.default(), nlp,
                               verbs=verbs)
    predicted: dict[str, list[dict]] = {}
    texts = [str(frame.loc[i, "text"]) for i in ids]
    for article_id, doc in zip(ids, nlp.pipe(texts)):
        day = frame.loc[article_id, "date"]
        day = day if isinstance(day, _date) else None
        predicted[article_id] = [asdict(q) | {"article_id": article_id}
                                 for q in extractor.extract(doc, date=day)]
    gold_by = {i: [r for r in gold_rows if r["article_id"] == i] for i in ids}
    return _score(gold_by, predicted, split=split)


def _overlap_match(pred: list[dict], gold: list[dict], *, exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index)."""
    if exact:
        where = {(g["start"], g["end"]): j for j, g in enumerate(gold)}
        return [(i, where[(p["start"], p["end"])]) for i, p in enumerate(pred)
                if (p["start"], p["end"]) in where]
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            shared = min(p["end"], g["end"]) - max(p["start"], g["start"])
            longer = max(p["end"] - p["start"], g["end"] - g["start"])
            if shared > 0 and longer > 0 and shared >= 0.5 * longer:
                pairs.append((shared, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _last_word(name) -> str | None:
    """The last word of a name, a hyphenated surname whole ("Thomas-Greenfield")."""
    if name is None:
        return None
    words = _LAST_WORD_RE.findall(str(name))
    return words[-1].casefold() if words else ""


def _score(gold_by: dict[str, list[dict]], pred_by: dict[str, list[dict]], *, split: str) -> dict:
    result: dict[str, Any] = {"split": split, "n_articles": len(gold_by), "articles": sorted(gold_by)}
    for mode in ("exact", "overlap"):
        scores = {}
        for kind in ("direct", "indirect", "all"):
            tp = n_pred = n_gold = 0
            for article_id, gold in gold_by.items():
                pred = pred_by.get(article_id, [])
                if kind != "all":
                    gold = [g for g in gold if g["kind"] == kind]
                    pred = [p for p in pred if p["kind"] == kind]
                tp += len(_overlap_match(pred, gold, exact=mode == "exact"))
                n_pred += len(pred)
                n_gold += len(gold)
            scores[kind] = prf(tp, n_pred, n_gold)
        result[mode] = scores
    matched = []
    for article_id, gold in gold_by.items():
        pred = pred_by.get(article_id, [])
        matched += [(pred[i], gold[j]) for i, j in _overlap_match(pred, gold, exact=False)]
    n = len(matched)

    def accuracy(same) -> float | None:
        return sum(bool(same(p, g)) for p, g in matched) / n if n else None

    result["n_matched"] = n
    result["speaker_actor_accuracy"] = accuracy(lambda p, g: p.get("speaker_actor") == g.get("speaker_actor"))
    result["speaker_name_accuracy"] = accuracy(
        lambda p, g: _last_word(p.get("speaker")) == _last_word(g.get("speaker")))
    # the speaker over the matched quotes whose gold speaker is named (not None): how often the
    # extractor names the right person or organisation when the annotator could name one
    named = [(p, g) for p, g in matched if g.get("speaker") is not None]
    result["n_named"] = len(named)
    result["named_speaker_accuracy"] = (
        sum(_last_word(p.get("speaker")) == _last_word(g.get("speaker")) for p, g in named) / len(named)
        if named else None)
    result["verb_class_accuracy"] = accuracy(lambda p, g: p.get("verb_class") == g.get("verb_class"))
    result["kind_accuracy"] = accuracy(lambda p, g: p.get("kind") == g.get("kind"))
    return result
