"""Wording choices: naming variants, loaded labels and distancing marks.

Three measures of *how* a text words what it reports, each per occurrence:

* **Naming variants** (:class:`Term`): which of several competing words a text uses
  for the same thing: Kyiv or Kiev, "war", "full-scale invasion" or "special military
  operation", "government" or "regime", "annexation" or "reunification". The sets live
  in ``framing/data/naming.yaml``, each with the sources that document why the choice
  carries meaning; :func:`naming_rates` compares outlets. Counting competing names is
  the oldest tool of framing analysis (Entman 1993, "Framing: Toward clarification of a
  fractured paradigm"); the sets here are compiled for Russia-Ukraine war coverage.
* **Loaded labels** (the ``loaded_labels`` set and the label-like words of the other
  sets), tied to the actor they are applied to when the syntax makes it clear: "the
  Kiev regime" -> ukraine, "Russian occupiers" -> russia, "Kyiv is a puppet of NATO" ->
  ukraine.
* **Distancing marks** (:class:`Mark`): hedges ("reportedly", "so-called", "what
  Moscow calls"), vague sourcing ("according to some reports", "experts say") and scare
  quotes (Western "values"), from ``framing/data/distancing.yaml``. The hedge and
  vague-source cues follow the hedging literature (Lakoff 1973; Hyland 1998) and the
  "words to watch" of encyclopaedic style guides; the scare-quote rule follows the
  quotation guideline of this package's gold set (``docs/quotes_gold.md``): quoted
  words are a scare quote when nobody in the sentence is reported as saying them.

Everything works from a spaCy ``Doc`` already parsed by the analysis and the actor
mentions that :class:`framing.actors.MentionFinder` found in it; the matchers are built
once per :class:`WordingFinder` and cost about a millisecond per article. Formats,
rules, measured accuracy and limitations: ``docs/wording.md``.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

try:  # Python >= 3.11
    from importlib.resources.abc import Traversable
except ImportError:  # Python 3.10
    from importlib.abc import Traversable

__all__ = [
    "Lexicon",
    "Mark",
    "NamingSet",
    "ScareQuoteRules",
    "Term",
    "WordingFinder",
    "evaluate_terms",
    "find_scare_quotes",
    "naming_rates",
]

MarkKind = Literal["hedge", "vague_source", "scare_quote"]
PathLike = str | os.PathLike[str] | Traversable

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_GAP = "..."
_GAP_SIZE = 4  # a "..." gap spans one to this many tokens
_NAMING_TOP_KEYS = ("description", "sets")
_SET_KEYS = ("id", "description", "sources", "variants", "exclude", "relational", "governing", "about",
             "conflict_only", "not_bare", "sense", "notes")
_ABOUT_KEYS = ("actors", "places", "classifiers", "anchored", "began")
_DISTANCING_TOP_KEYS = ("description", "sources", "hedge", "vague_source", "scare_quotes")
_CUE_KINDS = ("hedge", "vague_source")
_SCARE_KEYS = ("max_words", "cues", "speech_verbs", "speech_nouns", "habitual")
_FRAME_COLUMNS = ("kind", "set", "variant", "pattern", "relational", "origin")
_RATE_COLUMNS = ("set", "variant", "n_articles", "n_words", "count", "n_articles_with",
                 "rate_per_1000_words", "share_within_set")

# Dependency labels of a noun's modifiers that name whom the noun is about:
# "the Kiev regime" (compound), "Russian occupiers" (amod), "Putin's regime" (poss).
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")
# Labels that keep a token in its head's noun phrase, for finding the actor of a phrase.
_NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "flat", "appos"})
_COPULAS = frozenset({"be", "become", "remain", "seem", "stay"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Opening and closing marks of double-quoted spans: straight or curly, in either order
# of style ("..." or “...”), never across a paragraph break.
_DOUBLE_RE = re.compile(r'["\u201c]([^"\u201c\u201d\n]+)["\u201d]')
# Single-quoted spans ('...' or ‘...’): the opening mark must not follow a letter or an
# apostrophe (Europeans' homes) and must precede a word character; an apostrophe
# followed by a letter may occur inside (Putin's); the closing mark is not followed by
# a letter (don't).
_SINGLE_RE = re.compile(
    r"(?<![\w'\u2019])['\u2018](?=\w)((?:[^'\u2018\u2019\n]|['\u2019](?=\w)){1,120}?)['\u2019](?!\w)"
)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Term:
    """One occurrence of a naming variant or loaded label.

    ``start``/``end`` are character offsets in ``doc.text`` and ``surface`` is
    ``doc.text[start:end]``; ``sentence_id`` counts the doc's sentences from 0.
    ``actor`` is the actor the word is applied to when the syntax makes it clear
    (rules in ``docs/wording.md``), else None.
    """

    set: str
    variant: str
    surface: str
    start: int
    end: int
    sentence_id: int
    actor: str | None


@dataclass(frozen=True)
class Mark:
    """One distancing mark: a ``hedge``, a ``vague_source`` or a ``scare_quote``.

    For a scare quote the span is the quoted words without the marks. ``actor`` is the
    actor the mark is attached to when clear ("the so-called Kiev regime" -> ukraine,
    so-called "referendums" -> None).
    """

    kind: MarkKind
    surface: str
    start: int
    end: int
    sentence_id: int
    actor: str | None


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Word:
    """One word of a pattern: alternatives for one position, or a gap."""

    alternatives: tuple[str, ...] = ()
    lemma: bool = False
    gap: bool = False


@dataclass(frozen=True)
class _Pattern:
    text: str
    words: tuple[_Word, ...]
    exact: bool = False

    @property
    def needs_lemma(self) -> bool:
        return any(word.lemma for word in self.words)


@dataclass(frozen=True)
class NamingSet:
    """A set of competing names for one thing, with the sources that document it.

    ``variants`` maps a variant id to its surface patterns (syntax: ``docs/wording.md``);
    ``exclude`` holds phrases that contain a variant without meaning it; ``relational``
    names the variants whose modifiers are a patron, not the labelled actor ("NATO's
    puppet"); ``governing`` lists lemmas of nouns that name a government, whose *in*
    phrase or possessor names its actor ("the regime in Kyiv"); ``about`` (None or an
    :class:`About`) makes the set name one conflict: its terms count only in an article
    that mentions one of its actors, and not where the context names another war
    (``docs/wording.md``); ``conflict_only`` names variants that are words of the conflict
    ("orcs", "collective West") and count only in an article that mentions an actor of
    a set's ``about``; ``not_bare`` names variants that name a body only with a determiner,
    possessor or modifier ("the Kremlin leadership", "its leadership"), since bare they
    name a quality ("a crisis of leadership"); ``sense`` (one of :data:`SENSES`, or None)
    says what the set's words name, so that the finder checks they are used in that sense:
    ``fighters`` (not a modifier of a government noun, not "defender of" an idea, not a
    sports team's players) or ``territory`` (outside coverage of the conflict, only where
    land changes hands).
    """

    id: str
    description: str
    sources: tuple[str, ...]
    variants: Mapping[str, tuple[str, ...]]
    exclude: tuple[str, ...] = ()
    relational: tuple[str, ...] = ()
    origin: str = "<lexicon>"
    governing: tuple[str, ...] = ()
    about: About | None = None
    conflict_only: tuple[str, ...] = ()
    not_bare: tuple[str, ...] = ()
    sense: str | None = None


SENSES = ("fighters", "territory")
"""Values of a naming set's ``sense`` key: what its words name, checked in context."""


@dataclass(frozen=True)
class About:
    """The conflict a naming set names (the ``about`` key of a set).

    ``actors``: inventory actor ids, one of which an article must mention for the set's
    terms to count there, and whose mention next to a term ("Russia's war", "the war in
    Ukraine") confirms it; ``places``: places of the conflict that are not actors of
    the inventory ("the war in Donbas", "the war in Europe"); ``classifiers``: lower-case
    adjectives that make a kind of war or crisis of the head noun ("civil war", "cold
    war", "nuclear war"); ``anchored``: variants that name the conflict only with one of
    its actors or places attached, in coverage of the conflict too ("the Ukraine crisis",
    "the crisis in Ukraine"; bare, "a crisis" is any crisis); ``began``: the year the
    conflict began, before which a date in a term's own phrase makes it another war ("the
    invasion of Crimea in September 1854"); ``None``: no such check.
    """

    actors: tuple[str, ...]
    places: tuple[str, ...] = ()
    classifiers: tuple[str, ...] = ()
    anchored: tuple[str, ...] = ()
    began: int | None = None


@dataclass(frozen=True)
class ScareQuoteRules:
    """What makes a short quoted fragment a scare quote (``docs/wording.md``).

    ``cues`` right before the opening mark make any fragment a scare quote; a fragment
    that depends on a verb in ``speech_verbs`` or a noun in ``speech_nouns`` (lemmas)
    is someone's wording and is not one, unless the verb depends on one of ``habitual``
    ("likes to speak of its "values"": a habit, not a report of words said).
    """

    max_words: int = 4
    cues: tuple[str, ...] = ()
    speech_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    habitual: frozenset[str] = frozenset()
    _cue_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.cues:
            alternatives = "|".join(
                re.escape(cue).replace(r"\ ", r"\s+").replace(r"\-", r"\s*[-\u2010\u2011]\s*")
                for cue in sorted(self.cues, key=len, reverse=True)
            )
            object.__setattr__(
                self, "_cue_re", re.compile(rf"(?<!\w)(?:{alternatives})\s*$", re.IGNORECASE)
            )

    def cue_before(self, text_before: str) -> bool:
        """Whether ``text_before`` (the text up to an opening mark) ends with a cue."""
        return bool(self._cue_re and self._cue_re.search(text_before[-40:]))


class Lexicon:
    """Naming sets and distancing cues, read from YAML.

    Build one with :meth:`default` (the packaged files) or :meth:`from_yaml` (your own
    files; either may be None for the packaged one). ``sets`` lists the naming set ids;
    :meth:`to_frame` gives one row per pattern for review.
    """

    def __init__(
        self,
        naming_sets: Iterable[NamingSet],
        *,
        hedge: Mapping[str, tuple[str, ...]] | None = None,
        vague_source: Mapping[str, tuple[str, ...]] | None = None,
        scare_quotes: ScareQuoteRules | None = None,
        distancing_origin: str = "<lexicon>",
    ) -> None:
        self.naming_sets: tuple[NamingSet, ...] = tuple(naming_sets)
        self.cues: dict[str, dict[str, tuple[str, ...]]] = {
            "hedge": dict(hedge or {}),
            "vague_source": dict(vague_source or {}),
        }
        self.scare_quotes = scare_quotes or ScareQuoteRules()
        self.distancing_origin = distancing_origin
        seen: dict[str, str] = {}
        for naming_set in self.naming_sets:
            if naming_set.id in seen:
                raise ValueError(
                    f"{naming_set.origin}: set {naming_set.id!r} is already defined in "
                    f"{seen[naming_set.id]}; set ids must be unique"
                )
            seen[naming_set.id] = naming_set.origin
        self._by_id = {naming_set.id: naming_set for naming_set in self.naming_sets}

    # -- construction ---------------------------------------------------------
    @classmethod
    def default(cls) -> Lexicon:
        """The packaged naming sets and distancing cues (cached)."""
        return _default_lexicon()

    @classmethod
    def from_yaml(
        cls,
        naming: PathLike | Sequence[PathLike] | None = None,
        distancing: PathLike | None = None,
    ) -> Lexicon:
        """Read and validate lexicon files; None means the packaged file.

        ``naming`` may be a list of files whose sets are combined, for instance
        ``[Lexicon.packaged("naming"), "my_sets.yaml"]`` to add sets to the packaged
        ones. Raises ``ValueError`` naming the file and the entry for unknown keys,
        missing fields, bad ids, duplicate ids and malformed patterns.
        """
        if naming is None:
            naming_files: list[PathLike] = [cls.packaged("naming")]
        elif isinstance(naming, (str, os.PathLike, Traversable)):
            naming_files = [naming]
        else:
            naming_files = list(naming)
        sets: list[NamingSet] = []
        for path in naming_files:
            origin, text = _read(path)
            sets.extend(_parse_naming(_load_yaml(text, origin), origin))
        origin, text = _read(distancing if distancing is not None else cls.packaged("distancing"))
        hedge, vague, rules = _parse_distancing(_load_yaml(text, origin), origin)
        return cls(sets, hedge=hedge, vague_source=vague, scare_quotes=rules,
                   distancing_origin=origin)

    @staticmethod
    def packaged(name: Literal["naming", "distancing"]) -> Traversable:
        """The packaged ``naming.yaml`` or ``distancing.yaml``."""
        if name not in ("naming", "distancing"):
            raise ValueError(f"name must be 'naming' or 'distancing', got {name!r}")
        return resources.files("framing").joinpath("data").joinpath(f"{name}.yaml")

    # -- access ---------------------------------------------------------------
    @property
    def sets(self) -> list[str]:
        """Naming set ids in file order."""
        return [naming_set.id for naming_set in self.naming_sets]

    def __getitem__(self, set_id: str) -> NamingSet:
        try:
            return self._by_id[set_id]
        except KeyError:
            raise KeyError(f"unknown naming set {set_id!r}; known: {', '.join(self.sets)}") from None

    def __contains__(self, set_id: object) -> bool:
        return set_id in self._by_id

    def __repr__(self) -> str:
        n_cues = sum(len(cues) for cues in self.cues.values())
        return f"Lexicon({len(self.naming_sets)} naming sets, {n_cues} distancing cues)"

    def to_frame(self):
        """One row per pattern, for review.

        Columns: ``kind`` (``naming``, ``exclude``, ``hedge``, ``vague_source`` or
        ``scare_quote_cue``), ``set`` (the naming set id, or the distancing kind),
        ``variant`` (variant or cue id; missing for exclusions and scare-quote cues),
        ``pattern`` (as written in the file), ``relational`` (bool) and ``origin`` (file).
        """
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for naming_set in self.naming_sets:
            base = {"set": naming_set.id, "origin": naming_set.origin}
            for variant, patterns in naming_set.variants.items():
                relational = variant in naming_set.relational
                rows += [base | {"kind": "naming", "variant": variant, "pattern": p,
                                 "relational": relational} for p in patterns]
            rows += [base | {"kind": "exclude", "variant": None, "pattern": p, "relational": False}
                     for p in naming_set.exclude]
        for kind, cues in self.cues.items():
            for cue, patterns in cues.items():
                rows += [{"kind": kind, "set": kind, "variant": cue, "pattern": p,
                          "relational": False, "origin": self.distancing_origin} for p in patterns]
        rows += [{"kind": "scare_quote_cue", "set": "scare_quote", "variant": None, "pattern": cue,
                  "relational": False, "origin": self.distancing_origin}
                 for cue in self.scare_quotes.cues]
        frame = pd.DataFrame(rows, columns=list(_FRAME_COLUMNS))
        frame["relational"] = frame["relational"].astype(bool)
        return frame


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return Lexicon.from_yaml()


def _read(path: PathLike) -> tuple[str, str]:
    """(origin for messages, text) of a file or packaged resource."""
    if isinstance(path, Traversable) and not isinstance(path, Path):
        return f"framing/data/{path.name}", path.read_text(encoding="utf-8")
    path = Path(path)
    if path.parent == Path(str(Lexicon.packaged("naming"))).parent:
        origin = f"framing/data/{path.name}"
    else:
        origin = str(path)
    try:
        return origin, path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"{origin}: no such lexicon file") from None


# ------------------------------------------------------------------------ validation


class _Loader(yaml.SafeLoader):
    """A SafeLoader (no code runs) that keeps "no", "on", "2022-02-24" as strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_yaml(text: str, origin: str) -> Mapping[str, Any]:
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise ValueError(f"{origin}: expected a mapping at the top of the file")
    return raw


def _check_keys(entry: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    unknown = [str(key) for key in entry if key not in allowed]
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; "
                         f"allowed: {', '.join(allowed)}")


def _strings(value: Any, where: str, *, allow_empty: bool = True) -> tuple[str, ...]:
    """A YAML string or list of strings as a tuple (None -> empty)."""
    if value is None:
        value = []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"{where}: expected a string or a list of non-empty strings, got {value!r}")
    if not items and not allow_empty:
        raise ValueError(f"{where}: must not be empty")
    return tuple(v.strip() for v in items)


def _check_id(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise ValueError(f"{where}: id {value!r} must match [a-z][a-z0-9_]* (used in column values)")
    return value


def _parse_pattern(text: str, where: str) -> _Pattern:
    """Check and split one pattern: ``=`` exact, ``~word`` lemma, ``a|b``, ``...`` gap."""
    body = text.strip()
    exact = body.startswith("=")
    if exact:
        body = body[1:].strip()
    if not body:
        raise ValueError(f"{where}: pattern {text!r} is empty")
    words: list[_Word] = []
    for raw in body.split():
        if raw == _GAP:
            if not words or words[-1].gap:
                raise ValueError(f"{where}: pattern {text!r}: '...' must stand between two words")
            words.append(_Word(gap=True))
            continue
        lemma = raw.startswith("~")
        alternatives = tuple((raw[1:] if lemma else raw).split("|"))
        bad = [a for a in alternatives if not a or a.startswith(("~", "=")) or _GAP in a]
        if bad:
            raise ValueError(
                f"{where}: pattern {text!r}: bad word {raw!r} (write ~ once before the word, "
                "= only at the start of the pattern, and no empty alternatives)"
            )
        words.append(_Word(alternatives=alternatives, lemma=lemma))
    if words[-1].gap:
        raise ValueError(f"{where}: pattern {text!r}: '...' must stand between two words")
    return _Pattern(text=text, words=tuple(words), exact=exact)


def _parse_naming(raw: Mapping[str, Any], origin: str) -> list[NamingSet]:
    _check_keys(raw, _NAMING_TOP_KEYS, f"{origin}: top level")
    entries = raw.get("sets")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{origin}: 'sets' must be a non-empty list of naming sets")
    sets: list[NamingSet] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries, 1):
        where = f"{origin}: set #{index}"
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where}: expected a mapping, got {type(entry).__name__}")
        if "id" in entry:
            where = f"{where} ({entry['id']!r})"
        _check_keys(entry, _SET_KEYS, where)
        set_id = _check_id(entry.get("id"), where)
        if set_id in seen:
            raise ValueError(f"{where}: duplicate set id {set_id!r} (first used by set #{seen[set_id]})")
        seen[set_id] = index
        description = entry.get("description")
        if not isinstance(description, str) or not description.strip():
            raise ValueError(f"{where}: missing or empty 'description'")
        sources = _strings(entry.get("sources"), f"{where}: sources", allow_empty=False)
        variants_raw = entry.get("variants")
        if not isinstance(variants_raw, Mapping) or len(variants_raw) < 2:
            raise ValueError(f"{where}: 'variants' must map at least two variant ids to patterns")
        variants: dict[str, tuple[str, ...]] = {}
        owner: dict[str, str] = {}
        for variant, patterns in variants_raw.items():
            vwhere = f"{where}, variant {variant!r}"
            _check_id(variant, vwhere)
            variants[variant] = _strings(patterns, vwhere, allow_empty=False)
            for pattern in variants[variant]:
                _parse_pattern(pattern, vwhere)
                key = pattern.lstrip("=").strip()
                if owner.setdefault(key, variant) != variant:
                    raise ValueError(f"{vwhere}: pattern {pattern!r} is also listed under "
                                     f"variant {owner[key]!r}; a pattern may belong to one variant")
        exclude = _strings(entry.get("exclude"), f"{where}: exclude")
        for pattern in exclude:
            _parse_pattern(pattern, f"{where}: exclude")
        relational = _variant_ids(entry.get("relational"), variants, f"{where}: relational")
        governing = tuple(w.lower() for w in _strings(entry.get("governing"), f"{where}: governing"))
        conflict_only = _variant_ids(entry.get("conflict_only"), variants, f"{where}: conflict_only")
        sense = entry.get("sense")
        if sense is not None and sense not in SENSES:
            raise ValueError(f"{where}: sense must be one of {', '.join(SENSES)}, got {sense!r}")
        not_bare = _variant_ids(entry.get("not_bare"), variants, f"{where}: not_bare")
        about = None
        if entry.get("about") is not None:
            raw_about = entry["about"]
            if not isinstance(raw_about, Mapping):
                raise ValueError(f"{where}: about: expected a mapping with keys {', '.join(_ABOUT_KEYS)}")
            _check_keys(raw_about, _ABOUT_KEYS, f"{where}: about")
            about = About(
                actors=_strings(raw_about.get("actors"), f"{where}: about: actors", allow_empty=False),
                places=_strings(raw_about.get("places"), f"{where}: about: places"),
                classifiers=tuple(w.lower() for w in _strings(raw_about.get("classifiers"),
                                                              f"{where}: about: classifiers")),
                anchored=_variant_ids(raw_about.get("anchored"), variants, f"{where}: about: anchored"),
                began=_year(raw_about.get("began"), f"{where}: about: began"),
            )
        sets.append(NamingSet(
            id=set_id, description=" ".join(description.split()), sources=sources,
            variants=variants, exclude=exclude, relational=relational, origin=origin,
            governing=governing, about=about, conflict_only=conflict_only, not_bare=not_bare, sense=sense,
        ))
    return sets


def _year(value: Any, where: str) -> int | None:
    """A year given in a naming file, or None when it is absent."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise ValueError(f"{where}: expected a four-digit year, got {value!r}")
    return value


def _variant_ids(raw: Any, variants: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """A list of variant ids of the set (``relational``, ``conflict_only``, ``not_bare``,
    ``about: anchored``); an id that is no variant of the set is an error."""
    ids = _strings(raw, where)
    unknown = [v for v in ids if v not in variants]
    if unknown:
        raise ValueError(f"{where} lists unknown variant(s) {', '.join(map(repr, unknown))}")
    return ids


def _parse_distancing(
    raw: Mapping[str, Any], origin: str
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], ScareQuoteRules]:
    _check_keys(raw, _DISTANCING_TOP_KEYS, f"{origin}: top level")
    _strings(raw.get("sources"), f"{origin}: sources", allow_empty=False)
    cues: dict[str, dict[str, tuple[str, ...]]] = {}
    for kind in _CUE_KINDS:
        section = raw.get(kind)
        if not isinstance(section, Mapping) or not section:
            raise ValueError(f"{origin}: '{kind}' must map cue ids to patterns")
        cues[kind] = {}
        for cue, patterns in section.items():
            where = f"{origin}: {kind} cue {cue!r}"
            _check_id(cue, where)
            cues[kind][cue] = _strings(patterns, where, allow_empty=False)
            for pattern in cues[kind][cue]:
                parsed = _parse_pattern(pattern, where)
                if parsed.exact:
                    raise ValueError(f"{where}: pattern {pattern!r}: '=' has no meaning here "
                                     "(distancing cues are matched ignoring case)")
    section = raw.get("scare_quotes")
    where = f"{origin}: scare_quotes"
    if not isinstance(section, Mapping):
        raise ValueError(f"{where}: expected a mapping with keys {', '.join(_SCARE_KEYS)}")
    _check_keys(section, _SCARE_KEYS, where)
    max_words = section.get("max_words", 4)
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
        raise ValueError(f"{where}: max_words must be a positive integer, got {max_words!r}")
    rules = ScareQuoteRules(
        max_words=max_words,
        cues=_strings(section.get("cues"), f"{where}: cues"),
        speech_verbs=frozenset(v.lower() for v in _strings(section.get("speech_verbs"),
                                                            f"{where}: speech_verbs")),
        speech_nouns=frozenset(v.lower() for v in _strings(section.get("speech_nouns"),
                                                            f"{where}: speech_nouns")),
        habitual=frozenset(v.lower() for v in _strings(section.get("habitual"), f"{where}: habitual")),
    )
    return cues["hedge"], cues["vague_source"], rules


# -------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Key:
    """What a matcher key stands for."""

    category: Literal["term", "exclude", "cue"]
    group: str  # naming set id, or the cue kind
    variant: str | None
    order: int


@dataclass(frozen=True)
class _Hit:
    key: _Key
    token_start: int
    token_end: int


_ORTH, _LOWER, _LEMMA, _PUNCT, _SPACE = range(5)  # columns of _PatternMatcher's token array


@dataclass(frozen=True)
class _Compiled:
    """A pattern ready to match: per token position, the column of the token array to
    compare and the accepted string hashes; ``None`` for a gap."""

    key: _Key
    elements: tuple[tuple[int, frozenset[int]] | None, ...]


class _PatternMatcher:
    """Match patterns against a doc's token attributes (``doc.to_array``).

    Patterns are indexed by the values their first token accepts, so a doc costs one
    dictionary look-up per token and attribute, plus a check of the few patterns that
    start there; no Python ``Token`` objects are made. (spaCy's ``Matcher`` tests every
    pattern at every token, which for a few hundred patterns cost about 20 ms per
    article; this costs well under 1 ms.) Case-sensitive matchers compare ``ORTH`` with
    the case variants of each pattern; case-insensitive ones compare ``LOWER``; ``~word``
    compares ``LEMMA``, so on a doc without lemmas (``nlp.make_doc``) those patterns
    simply find nothing.
    """

    def __init__(self, nlp, *, case: Literal["sensitive", "insensitive"]) -> None:
        self._nlp = nlp
        self._strings = nlp.vocab.strings
        self._case = case
        self._index: dict[tuple[int, int], list[_Compiled]] = defaultdict(list)
        self._columns: set[int] = set()

    def add(self, key: _Key, patterns: Iterable[str], where: str) -> None:
        seen: set[tuple] = set()
        for text in patterns:
            pattern = _parse_pattern(text, where)
            for words in self._case_variants(pattern):
                elements: list[tuple[int, frozenset[int]] | None] = []
                for word in words:
                    elements.extend(self._word_elements(word, pattern, where))
                signature = tuple(elements)
                if signature in seen:
                    continue
                seen.add(signature)
                compiled = _Compiled(key, signature)
                column, values = elements[0]  # type: ignore[misc]  # never a gap
                self._columns.add(column)
                for value in values:
                    self._index[(column, value)].append(compiled)

    def __call__(self, doc) -> list[_Hit]:
        if not self._index or not len(doc):
            return []
        from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH

        rows = doc.to_array([ORTH, LOWER, LEMMA, IS_PUNCT, IS_SPACE]).tolist()
        index, columns = self._index, self._columns
        found: set[_Hit] = set()
        for i, row in enumerate(rows):
            for column in columns:
                for compiled in index.get((column, row[column]), ()):
                    for end in _ends(compiled.elements, 1, i + 1, rows):
                        found.add(_Hit(compiled.key, i, end))
        return list(found)

    def _case_variants(self, pattern: _Pattern) -> list[tuple[_Word, ...]]:
        """The words of ``pattern`` as written, with the first letter capitalised (when
        written in lower case) and in capitals; only as written for ``=`` patterns and
        case-insensitive matching. Lemma words and gaps are left alone."""
        variants = [pattern.words]
        if self._case == "sensitive" and not pattern.exact:
            first = pattern.words[0]
            if not first.lemma and any(a[:1].islower() for a in first.alternatives):
                capitalised = tuple(a[:1].upper() + a[1:] for a in first.alternatives)
                variants.append((_Word(capitalised), *pattern.words[1:]))
            variants.append(tuple(
                w if w.gap or w.lemma else _Word(tuple(a.upper() for a in w.alternatives))
                for w in pattern.words
            ))
        return variants

    def _word_elements(self, word: _Word, pattern: _Pattern,
                       where: str) -> list[tuple[int, frozenset[int]] | None]:
        """The elements of one word: a gap, or one per token of the word."""
        if word.gap:
            return [None]
        column = _ORTH if self._case == "sensitive" else _LOWER

        def literal(value: str) -> int:
            return self._strings.add(value if self._case == "sensitive" else value.lower())

        tokenized = [[t.text for t in self._nlp.make_doc(a)] for a in word.alternatives]
        if len(tokenized) > 1:
            several = [a for a, toks in zip(word.alternatives, tokenized) if len(toks) != 1]
            if several:
                raise ValueError(
                    f"{where}: pattern {pattern.text!r}: alternative {several[0]!r} is several "
                    "tokens; alternatives (a|b) must be single tokens, write separate patterns instead"
                )
            tokens = [toks[0] for toks in tokenized]
            if word.lemma:
                forms = {self._strings.add(f) for t in tokens for f in _lemma_forms(t)}
                return [(_LEMMA, frozenset(forms))]
            return [(column, frozenset(literal(t) for t in tokens))]
        tokens = tokenized[0]
        elements: list[tuple[int, frozenset[int]] | None] = [
            (column, frozenset({literal(t)})) for t in tokens[:-1]
        ]
        if word.lemma:
            elements.append((_LEMMA, frozenset(self._strings.add(f) for f in _lemma_forms(tokens[-1]))))
        else:
            elements.append((column, frozenset({literal(tokens[-1])})))
        return elements


def _ends(elements, k: int, j: int, rows: list[list[int]]) -> list[int]:
    """End offsets (exclusive) at which ``elements[k:]`` matches from token ``j``.

    A gap (``None``) takes one to four tokens that are neither punctuation nor space,
    so a pattern such as "what ... called" may end at several places."""
    if k == len(elements):
        return [j]
    element = elements[k]
    n = len(rows)
    if element is None:
        ends = []
        for size in range(1, _GAP_SIZE + 1):
            last = j + size - 1
            if last >= n or rows[last][_PUNCT] or rows[last][_SPACE]:
                break
            ends += _ends(elements, k + 1, j + size, rows)
        return ends
    column, values = element
    if j < n and rows[j][column] in values:
        return _ends(elements, k + 1, j + 1, rows)
    return []


def _lemma_forms(word: str) -> list[str]:
    """Lemma values that count for a ``~word``: spaCy lower-cases the lemmas of common
    nouns and verbs but keeps the case of proper nouns."""
    return sorted({word, word.lower(), word[:1].upper() + word[1:]})


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Greedy overlap resolution: more tokens, then earlier, then pattern order."""
    ranked = sorted(hits, key=lambda h: (-(h.token_end - h.token_start), h.token_start, h.key.order))
    kept: list[_Hit] = []
    for hit in ranked:
        if all(hit.token_end <= k.token_start or k.token_end <= hit.token_start for k in kept):
            kept.append(hit)
    return kept


def _vetoed(hit: _Hit, exclusions: list[_Hit]) -> bool:
    """An exclusion vetoes a hit it overlaps but does not lie inside ("war crimes")."""
    for ex in exclusions:
        overlaps = hit.token_start < ex.token_end and ex.token_start < hit.token_end
        inside = hit.token_start <= ex.token_start and ex.token_end <= hit.token_end
        if overlaps and not inside:
            return True
    return False


def _sentence_of(doc):
    """token index -> sentence number (0 when the doc has no sentence boundaries)."""
    if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
        starts = [sent.start for sent in doc.sents]
    else:
        starts = [0]
    return lambda i: bisect_right(starts, i) - 1


def _mention_index(mentions) -> dict[int, Any]:
    """token index -> mention (the first one, if a token were in two)."""
    index: dict[int, Any] = {}
    for mention in mentions or ():
        for i in range(mention.token_start, mention.token_end):
            index.setdefault(i, mention)
    return index


class WordingFinder:
    """Find naming variants, loaded labels and distancing marks in parsed docs.

    The matchers are built once from ``lexicon`` (default: the packaged one) with
    ``nlp``'s tokenizer and vocabulary; pass docs made by the same pipeline, and the
    mentions that :class:`framing.actors.MentionFinder` found in each. Raises
    ``ValueError`` naming the file for a pattern the tokenizer cannot honour (an
    alternative ``a|b`` that is several tokens).
    """

    def __init__(self, lexicon: Lexicon | None = None, nlp=None) -> None:
        if nlp is None:
            from framing._nlp import load_nlp

            nlp = load_nlp()
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self._terms = _PatternMatcher(nlp, case="sensitive")
        self._cues = _PatternMatcher(nlp, case="insensitive")
        self._relational: set[tuple[str, str]] = set()
        self._set_order: dict[str, int] = {}
        self._governing = frozenset(w for naming_set in self.lexicon.naming_sets for w in naming_set.governing)
        self._about = {naming_set.id: naming_set.about for naming_set in self.lexicon.naming_sets
                       if naming_set.about is not None}
        self._conflict_actors = frozenset(a for about in self._about.values() for a in about.actors)
        self._conflict_places = frozenset(p for about in self._about.values() for p in about.places)
        self._conflict_only = {(naming_set.id, v) for naming_set in self.lexicon.naming_sets
                               for v in naming_set.conflict_only}
        self._not_bare = {(naming_set.id, v) for naming_set in self.lexicon.naming_sets for v in naming_set.not_bare}
        self._sense = {naming_set.id: naming_set.sense for naming_set in self.lexicon.naming_sets}
        order = 0
        for set_index, naming_set in enumerate(self.lexicon.naming_sets):
            self._set_order[naming_set.id] = set_index
            where = f"{naming_set.origin}: set {naming_set.id!r}"
            for variant, patterns in naming_set.variants.items():
                self._terms.add(_Key("term", naming_set.id, variant, order), patterns,
                                f"{where}, variant {variant!r}")
                order += 1
                if variant in naming_set.relational:
                    self._relational.add((naming_set.id, variant))
            if naming_set.exclude:
                self._terms.add(_Key("exclude", naming_set.id, None, order), naming_set.exclude,
                                f"{where}: exclude")
                order += 1
        for kind, cues in self.lexicon.cues.items():
            for cue, patterns in cues.items():
                self._cues.add(_Key("cue", kind, cue, order), patterns,
                               f"{self.lexicon.distancing_origin}: {kind} cue {cue!r}")
                order += 1

    def terms(self, doc, mentions=(), quotes=(), *, coverage: bool | None = None) -> list[Term]:
        """Naming variants and loaded labels in ``doc``, sorted by position.

        Within a set, overlapping matches are resolved longest first ("full-scale
        invasion" is not also "invasion"); different sets may overlap ("regime" is in
        ``government_naming`` and ``loaded_labels``). ``mentions`` (from
        :class:`~framing.actors.MentionFinder` on the same doc) tie each term to the
        actor it is applied to; ``quotes`` (from :class:`~framing.quotes.QuoteExtractor`
        on the same doc: anything with ``start``, ``end`` and ``speaker_actor``) tie "our
        soldiers" inside a quotation to its speaker's actor.

        ``coverage`` says whether the article is coverage of the conflict of the sets'
        ``about`` as decided outside the text's mentions (``framing analyze`` passes the
        article's domain: ``domain == "war"``); ``None`` leaves it to the mentions. With
        ``False``, a word of an ``about`` set counts only where a mention or place of the
        conflict is attached to it ("Russia's war in Ukraine"), and the article is not war
        coverage for the other rules (``conflict_only`` labels, territory words); with
        ``True`` it is, also in a field that names neither side (a headline).
        """
        by_set: dict[str, list[_Hit]] = defaultdict(list)
        exclusions: dict[str, list[_Hit]] = defaultdict(list)
        for hit in self._terms(doc):
            (exclusions if hit.key.category == "exclude" else by_set)[hit.key.group].append(hit)
        if not by_set:
            return []
        text = doc.text
        sentence_of = _sentence_of(doc)
        mention_at = _mention_index(mentions)
        parsed = doc.has_annotation("DEP")
        quoted = [(q.start, q.end, q.speaker_actor) for q in quotes or () if q.speaker_actor]
        # war coverage: as decided outside the text when it was (the article's domain), else by
        # the field's mentions (a headline of a war article need not name Russia or Ukraine)
        if coverage and parsed and _names_the_conflict_in_passing(doc, mentions, self._conflict_actors,
                                                                  self._conflict_places):
            coverage = False
        in_conflict = coverage if coverage is not None else any(
            getattr(m, "actor", None) in self._conflict_actors for m in mentions or ())
        out: list[tuple[int, Term]] = []
        for set_id, hits in by_set.items():
            kept = _longest_first([h for h in hits if not _vetoed(h, exclusions.get(set_id, []))])
            if parsed:
                kept = [h for h in kept if not _a_system_of_rules(doc, h, mention_at)
                        and not _governs_no_state(doc, h, self._governing)]
            if not in_conflict:
                kept = [h for h in kept if (set_id, h.key.variant) not in self._conflict_only]
                if parsed:
                    kept = [h for h in kept if not _regime_of_no_state(doc, h, mention_at)]
                if self._sense[set_id] == "territory" and parsed:
                    kept = [h for h in kept if _names_territory(doc, h, mention_at, self._conflict_places)]
            about = self._about.get(set_id)
            if about is not None:
                kept = _about_the_conflict(doc, kept, about, mentions, mention_at, parsed=parsed,
                                           anchored_only=coverage is False)
            if self._sense[set_id] == "fighters" and parsed:
                spoken = _quoted_spans(doc.text) if not in_conflict else []
                kept = [hit for hit in kept
                        if _names_fighters(doc, hit, mention_at, self._governing, in_conflict=in_conflict,
                                        places=self._conflict_places, spoken=spoken,
                                        off_topic=coverage is False)]
            if parsed:
                kept = [hit for hit in kept if (set_id, hit.key.variant) not in self._not_bare or _determined(doc, hit)]
            for hit in kept:
                span = doc[hit.token_start:hit.token_end]
                variant = hit.key.variant or ""
                actor = _term_actor(doc, hit.token_start, hit.token_end, mention_at, parsed=parsed,
                                    relational=(set_id, variant) in self._relational, quoted=quoted,
                                    governing=self._governing)
                out.append((self._set_order[set_id], Term(
                    set=set_id, variant=variant, surface=text[span.start_char:span.end_char],
                    start=span.start_char, end=span.end_char,
                    sentence_id=sentence_of(hit.token_start), actor=actor,
                )))
        out.sort(key=lambda item: (item[1].start, item[1].end, item[0]))
        return [term for _, term in out]

    def marks(self, doc, mentions=()) -> list[Mark]:
        """Hedges, vague sources and scare quotes in ``doc``, sorted by position.

        Needs a parsed doc (the scare-quote rule uses the dependency parse).
        """
        _require_parse(doc, "WordingFinder.marks")
        by_kind: dict[str, list[_Hit]] = defaultdict(list)
        for hit in self._cues(doc):
            by_kind[hit.key.group].append(hit)
        text = doc.text
        sentence_of = _sentence_of(doc)
        mention_at = _mention_index(mentions)
        marks: list[Mark] = []
        for kind, hits in by_kind.items():
            for hit in _longest_first(hits):
                span = doc[hit.token_start:hit.token_end]
                if kind == "hedge" and len(span) == 1 and _is_reporting_verb(span[0]):
                    continue
                marks.append(Mark(
                    kind=kind,  # type: ignore[arg-type]  # "hedge" or "vague_source"
                    surface=text[span.start_char:span.end_char],
                    start=span.start_char, end=span.end_char,
                    sentence_id=sentence_of(hit.token_start),
                    actor=_cue_actor(doc, hit.token_start, hit.token_end, mention_at),
                ))
        marks += _scare_quotes(doc, self.lexicon.scare_quotes, mention_at, sentence_of, text,
                               governing=self._governing)
        order = {"hedge": 0, "vague_source": 1, "scare_quote": 2}
        return sorted(marks, key=lambda m: (m.start, m.end, order[m.kind]))


# A text of at least this many sentences that mentions the conflict's sides in fewer than
# _COVERAGE_SENTENCES of them names the conflict in passing (a headline or a short field is
# left to the article's domain).
_PASSING_MIN_SENTENCES = 4
_COVERAGE_SENTENCES = 2


def _names_the_conflict_in_passing(doc, mentions, actors: frozenset[str], places: frozenset[str]) -> bool:
    """A body text that mentions the conflict's sides or places in one sentence only ("...
    prices rose after Russia's invasion of Ukraine") is not coverage of the conflict, whatever
    the article's domain: a story about a storm, a fort of 1814 or a tennis final that names
    the war once. Its war words then count only with the war attached, as outside war
    coverage. A feature on a family from Kharkiv that names Ukraine once is coverage: its
    places count ("Marchuk's brother is one of the soldiers defending Kharkiv")."""
    sentences = list(doc.sents)
    if len(sentences) < _PASSING_MIN_SENTENCES:
        return False
    starts = {token.sent.start for token in doc if token.text in places}
    starts |= {doc[m.token_start].sent.start for m in mentions or () if getattr(m, "actor", None) in actors}
    return len(starts) < _COVERAGE_SENTENCES


def _is_reporting_verb(token) -> bool:
    """A one-word hedge used as a finite verb reports a claim ("Kiev alleged genocide",
    "... and alleged that"); the choice of reporting verb is the quotes module's measure,
    not a hedge. As a participle ("the alleged massacre") it stays a hedge."""
    if token.pos_ != "VERB" or token.dep_ in ("amod", "acl", "compound"):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP") or any(
        child.dep_ in _SUBJECT_DEPS for child in token.children
    )


def _require_parse(doc, what: str) -> None:
    if not doc.has_annotation("DEP"):
        raise ValueError(f"{what} needs a parsed Doc (tagger and parser); this one has no "
                         "dependency parse (was it made with nlp.make_doc?)")


# ------------------------------------------------------------ naming one conflict

# Prepositions after a war word that give its target or topic: "war on drugs", "a war
# against poverty", "the war over abortion rights": figurative unless an actor of the
# conflict is named there ("Russia's war on Ukraine").
_TARGET_PREPS = frozenset({"on", "against", "over"})
# Prepositions that place or date a war: "the war in Yemen", "war with Mexico", "the war
# between Israel and Hamas", "the War of 1812", "the invasion of Iraq".
_PLACE_PREPS = frozenset({"in", "with", "between", "of", "among"})
# Prepositions that put a crisis or conflict at a site: "a crisis at our own border", "the
# conflict at the plant": another one unless the site is the conflict's own ("the crisis at
# the Zaporizhzhia plant").
_SITE_PREPS = frozenset({"at"})
# Nouns that size or time a war rather than classify it: "a full-scale war", "a large-scale
# invasion", "the four-year war".
_SIZE_NOUNS = frozenset({"scale", "year", "month", "week", "day", "decade"})
# Common nouns that name a way of fighting one war rather than another kind of war: "Russia's
# drone war against Ukraine" is part of this war; "Russia's price war with Saudi Arabia" is not.
_WARFARE_NOUNS = frozenset({"drone", "air", "ground", "land", "sea", "artillery", "trench", "missile",
                            "attrition", "tank"})
# Verbs whose participle says how a war goes rather than what kind of war it is: "the
# escalating war in Ukraine", "a grinding war", "a shooting war"; any other participle that
# classifies a war makes it another kind ("a streaming war", "a recruiting war").
_WAR_PROCESS_VERBS = frozenset({
    "escalate", "rage", "grind", "continue", "unfold", "drag", "loom", "widen", "deepen", "intensify",
    "worsen", "spread", "simmer", "smolder", "smoulder", "shoot", "fight", "grow", "expand", "spiral",
    "brew", "come", "emerge", "last", "go", "bleed", "mount", "devastate", "ravage", "stall", "wind",
    "approach", "threaten", "destroy", "kill", "end", "exhaust", "punish", "cripple", "drain", "linger",
    "crush", "bruise", "shatter", "terrify", "wear",
})
# Dependents that open a clause of their own: a mention inside one is not attached to the term
# ("a budget war over the spending bill, which includes $2 billion for Ukraine").
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
# Prepositions by which a word hangs inside an institution's name ("the Treatment of Prisoners
# of War", "the Institute for the Study of War").
_NAME_PREPS = frozenset({"of", "for"})
# Prepositions that put a conflict inside one body: "a conflict inside the alliance", "the
# crisis within the party" (unless the body is the conflict's own: "the war inside Ukraine").
_INSIDE_PREPS = frozenset({"inside", "within"})
# Parts and members of one body: a conflict *between* or *among* them is inside it ("the
# conflict between the two wings of the party", "among committee members").
_PARTS_OF_ONE_BODY = frozenset({
    "wing", "faction", "member", "camp", "caucus", "branch", "chamber", "house", "committee", "board",
    "agency", "department", "ministry", "office", "staff", "colleague", "leader", "partner", "ally",
    "shareholder", "union", "management", "team", "player", "coach", "family", "sibling", "brother", "sister",
})
# Nouns of parties that can fight a war between states: "the conflict between the two
# countries" may be this war; a war *between* other common nouns is another conflict ("a war
# of attrition between the speaker and a dozen hard-liners", "the conflict between dairy
# farmers and the processors").
_STATE_NOUNS = frozenset({
    "country", "nation", "state", "neighbour", "neighbor", "side", "power", "government", "army",
    "military", "force", "republic", "people", "region", "capital", "regime",
})
# Verbs whose complement says what the subject is or becomes: "every conversation turns
# into a war" calls a conversation a war; it does not name the war.
_BECOMING_VERBS = frozenset({"be", "become", "turn", "descend", "devolve", "grow", "spiral"})
# Subjects that can become a war in the literal sense ("the standoff turned into a war").
_FIGHTING_NOUNS = frozenset({
    "attack", "offensive", "invasion", "incursion", "operation", "fighting", "battle", "clash", "skirmish",
    "shelling", "bombardment", "standoff", "confrontation", "conflict", "war", "crisis", "hostility",
    "escalation", "campaign", "insurgency", "uprising", "rebellion", "occupation", "annexation",
})
# Modifier labels that classify the head noun: "price war", "the Iraq war", "Cold War".
_CLASSIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
# Entity types that name another place, people or period in a place/date phrase.
_ELSEWHERE_ENTS = frozenset({"GPE", "LOC", "NORP", "DATE", "EVENT", "FAC", "ORG"})


def _about_the_conflict(doc, hits: list[_Hit], about: About, mentions, mention_at, *,
                        parsed: bool, anchored_only: bool = False) -> list[_Hit]:
    """The hits of a set that names one conflict (``about``) that do name it.

    1. **Article**: none, unless the article mentions one of ``about.actors``;
    2. **context** (needs the parse), unless a mention of one of those actors or one of
       ``about.places`` is attached to the term ("Russia's war", "the Russian invasion",
       "the war in Ukraine", "the war in Donbas"): not a name of the conflict when the
       term modifies another noun ("war room", "war zone"), when a noun, a proper or
       capitalised adjective, or one of ``about.classifiers`` classifies it ("price war",
       "the Iraq war", "the Korean War", "Cold War", "civil war"), when it has a target
       or topic ("war on drugs", "war against poverty", "the war over abortion"), or
       when a place, people or date phrase names somewhere else ("the war in Yemen",
       "war with Mexico", "the War of 1812").

    With ``anchored_only`` (an article that is not coverage of the conflict), only the
    terms with such an attached mention or place count; so do the ``about.anchored``
    variants everywhere.
    """
    if not any(getattr(m, "actor", None) in about.actors for m in mentions or ()):
        return []
    if not parsed:
        return [] if anchored_only else [hit for hit in hits if hit.key.variant not in about.anchored]
    kept = [hit for hit in hits
            if _names_the_conflict(doc, hit, about, mention_at,
                                   anchored_only=anchored_only or hit.key.variant in about.anchored)]
    return _without_references_to_another_war(doc, kept, about, mention_at)


# Nouns that name a war and that a bare "the war" can take up: "the Korean War ... the war".
_WAR_NOUNS = frozenset({"war", "conflict", "invasion"})
# Determiners of a reference back to a war named before: "the war", "that conflict" ("this
# war" in a speaker's words is the war the speaker is in).
_REFERRING_DETERMINERS = frozenset({"the", "that"})
# Entity types of a people, place or event that mark a war of elsewhere: "the Korean War",
# "the war in Afghanistan", "the Gulf War".
_ANOTHER_WAR_ENTS = frozenset({"NORP", "GPE", "LOC", "EVENT"})


def _without_references_to_another_war(doc, kept: list[_Hit], about: About, mention_at) -> list[_Hit]:
    """Drop a bare definite war word ("the war", "that conflict", "the war's commanders") that
    takes up another war: the war last named before it in the text, read in order, is one
    that a proper name, a people, a year or a place of elsewhere marks as another ("the Korean
    War", "World War II", "the war in Afghanistan", "the invasion of Crimea in 1854"), not this
    one ("Russia's invasion", "the war in Ukraine", a variant that names this war only). A
    sentence that mentions one of the conflict's actors and names no other war brings the
    text back to this conflict, for itself and what follows ("The war has forced Ukraine to
    ..."; after a veteran's Vietnam, "Ukrainian soldiers arrive every month. The war ...")."""
    by_head = {doc[h.token_start:h.token_end].root.i: h for h in kept}
    out, last = [], None
    for token in doc:
        hit = by_head.get(token.i)
        if token.i == token.sent.start and last == "another" and _back_to_the_conflict(token.sent, about,
                                                                                       mention_at):
            last = "this"
        if hit is None:
            if token.lemma_.lower() in _WAR_NOUNS and _names_another_war(token, about, mention_at):
                last = "another"
            continue
        inside = set(range(hit.token_start, hit.token_end))
        if _attached_to_the_conflict(token, inside, about, mention_at) or hit.key.variant not in ("war", "conflict"):
            last = "this"
        elif last == "another" and _refers_back(token):
            continue
        out.append(hit)
    return out


def _back_to_the_conflict(sentence, about: About, mention_at) -> bool:
    """The sentence mentions one of the conflict's actors and names no other war."""
    return any(t.i in mention_at and mention_at[t.i].actor in about.actors for t in sentence) and not any(
        t.lemma_.lower() in _WAR_NOUNS and _names_another_war(t, about, mention_at) for t in sentence)


def _refers_back(head) -> bool:
    """A war word with a definite determiner and no modifier but adjectives ("the war", "the
    forgotten war", "that conflict"), or the possessor of a noun ("the war's commanders")."""
    determiners = [c for c in head.children if c.dep_ == "det"]
    return bool(determiners) and determiners[0].lower_ in _REFERRING_DETERMINERS and not any(
        c.dep_ in ("compound", "nmod", "nummod", "poss", "prep", "appos") for c in head.children)


def _names_another_war(head, about: About, mention_at) -> bool:
    """A war word that names a war of elsewhere or of another time, by a proper name, a people,
    a year or a place ("the Korean War", "World War II", "the Iraq war", "the War of 1812",
    "the war in Afghanistan", "the 1968 invasion"), with nothing of this conflict attached and
    no common noun that makes it a figurative war ("a turf war between the State Department
    and the Treasury")."""
    inside = {head.i}
    if _attached_to_the_conflict(head, inside, about, mention_at):
        return False
    if any(c.dep_ in _CLASSIFIER_DEPS and _another_kind(c) for c in head.children):
        return False
    if about.began is not None and _dated_before(head, inside, about.began):
        return True
    for child in head.children:
        if child.dep_ in _CLASSIFIER_DEPS and _names_a_people_place_or_year(child):
            return True
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS and any(
                _names_a_people_place_or_year(t) for o in _objects_of(child)
                for t in (o, *(c for c in o.children if c.dep_ == "compound"))):
            return True
    return False


def _names_a_people_place_or_year(token) -> bool:
    """A people, place or event entity, a year, a proper noun tagged as a place, or a
    capitalised adjective inside the sentence ("Korean", "Vietnam", "Afghanistan", "1812")."""
    return (_is_year(token) or token.ent_type_ in _ANOTHER_WAR_ENTS
            or (token.pos_ in ("ADJ", "PROPN") and token.text[:1].isupper() and token.i != token.sent.start))


def _attached_to_the_conflict(head, inside: set[int], about: About, mention_at) -> bool:
    """A mention of one of the conflict's actors, or one of its places, in a classifier,
    possessor, apposition or prepositional phrase of ``head`` ("Russia's war", "the war in
    Donbas"), outside the clauses that hang inside them."""
    return any(_confirms(c, inside, about, mention_at) for c in head.children if c.i not in inside
               and (c.dep_ in _CLASSIFIER_DEPS or c.dep_ in ("poss", "prep", "appos")))


def _confirms(token, inside: set[int], about: About, mention_at) -> bool:
    """A mention of the conflict's actors or places in the phrase of ``token``, outside the
    clauses that hang inside it."""
    if token.i not in inside:
        mention = mention_at.get(token.i)
        if (mention is not None and mention.actor in about.actors) or token.text in about.places:
            return True
    return any(_confirms(c, inside, about, mention_at) for c in token.children if c.dep_ not in _CLAUSE_DEPS)


def _names_the_conflict(doc, hit: _Hit, about: About, mention_at, *, anchored_only: bool = False) -> bool:
    inside = set(range(hit.token_start, hit.token_end))
    head = doc[hit.token_start:hit.token_end].root

    def confirms(token) -> bool:
        return _confirms(token, inside, about, mention_at)

    attached = [c for c in head.children if c.i not in inside
                and (c.dep_ in _CLASSIFIER_DEPS or c.dep_ in ("poss", "prep", "appos"))]
    at_war = head.dep_ == "pobj" and head.head.lower_ == "at"  # "we are at war with ..."
    if head.dep_ in ("dobj", "attr", "oprd", "npadvmod") and head.head.i != head.i:
        # "waging a war on the president", "declared war on drugs": the parse often hangs
        # the preposition right after the object on the verb
        attached += [c for c in head.head.children if c.dep_ == "prep" and c.i == head.right_edge.i + 1]
    elif at_war and head.head.head.i != head.head.i:
        # "at war with X": the parse hangs "with X" on the verb
        attached += [c for c in head.head.head.children if c.dep_ == "prep" and c.lower_ == "with"
                     and c.i == head.right_edge.i + 1]
    if _inside_a_name(head):
        return False  # "the Coordination Headquarters for the Treatment of Prisoners of War"
    if about.began is not None and _dated_before(head, inside, about.began):
        return False  # "the Allied invasion of Crimea in September 1854", "a 170-year-old war"
    if any(_another_kind(c) and not confirms(c) for c in attached if c.dep_ in _CLASSIFIER_DEPS):
        return False  # "a budget war over Ukraine aid", "Russia's price war with Saudi Arabia"
    if any(confirms(c) for c in attached):
        return True
    if anchored_only:
        return False
    if head.dep_ in ("compound", "nmod") and head.head.i not in inside and head.head.pos_ in ("NOUN", "PROPN"):
        return False  # "war room", "war zone", "crisis talks"
    if _before_a_noun(head):
        return False  # "red and gold war paint", where the parse missed the compound
    if _calls_something_else_a_war(head, confirms):
        return False  # "every conversation turns into a war"
    if _another_kind_of_war(head):
        return False  # "she fights a different kind of war, with paperwork"
    if _equates_with_another_war(head, about, confirms):
        return False  # "[a trade war with India] is a war that patients lose"
    for child in attached:
        if child.dep_ in _CLASSIFIER_DEPS:
            if _classifies(child, about):
                return False  # "price war", "the Iraq war", "World War", "civil war", "the Korean War"
        elif child.dep_ == "prep":
            preposition = child.lower_
            if preposition == "on" and _locates(child):
                continue  # "a war on the other side of the world", "a war on Europe's doorstep": where
            if preposition in _TARGET_PREPS or preposition in _SITE_PREPS or preposition in _INSIDE_PREPS:
                return False  # "war on drugs", "a crisis at our own border", "a conflict inside the alliance"
            if preposition in _PLACE_PREPS and _within_one_body(child):
                return False  # "the conflict between the two wings of the party"
            if preposition in ("between", "among") and _between_others(child):
                return False  # "a war of attrition between the speaker and a dozen hard-liners"
            if preposition == "with" and at_war and _between_others(child):
                return False  # "we are at war with a company that ..."
            if preposition == "of" and head.lemma_.lower() == "invasion" and _invades_no_land(child):
                return False  # "an invasion of spongy moths", "an invasion of privacy"
            if preposition == "of" and _of_plural_things(child):
                return False  # "a war of nerves", "a war of words"
            if preposition in _PLACE_PREPS:
                objects = _objects_of(child)
                if any(_elsewhere_or_earlier(t, about) for o in objects for t in o.subtree):
                    return False
    return True


def _elsewhere_or_earlier(token, about: About) -> bool:
    """A word of a war word's place phrase that puts the war elsewhere or earlier: a proper
    noun, a place or event entity, a year before the conflict began ("the invasion of 1968");
    a month of the conflict's own years is no such word ("the full-scale invasion of February
    2022"), nor a year from its start on."""
    if _is_year(token):
        return about.began is None or int(token.text) < about.began
    if token.pos_ == "PROPN" and token.ent_type_ == "DATE":
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in _ELSEWHERE_ENTS


# Prepositions after which a date is a point of comparison, not the war's own date: "the
# largest invasion in Europe since 1945", "a bigger war than that of 1939".
_COMPARISON_PREPS = frozenset({"since", "than", "before", "after", "until", "like", "unlike"})
# Ages that make a war a past one whenever the article was written: "a 170-year-old war",
# "the century-old conflict" (a war that began within a generation keeps its name).
_PAST_AGE_YEARS = 30
_PAST_AGE_WORDS = frozenset({"century", "centuries"})


def _dated_before(head, inside: set[int], began: int) -> bool:
    """The war word's own phrase dates it before the conflict began: a year before ``began``
    as a modifier or inside one of its prepositional phrases ("the 1968 invasion", "the
    invasion of Crimea in September 1854"), or an age of decades ("a 170-year-old war", "the
    century-old conflict"). Years after *since*, *than* and the like are points of comparison
    ("the largest invasion since 1945"); clauses hanging in the phrase are not its own ("the
    war, which reopened a front of 1944, ...")."""

    def dates(token) -> bool:
        if token.i in inside:
            return False
        if token.dep_ == "prep" and token.lower_ in _COMPARISON_PREPS:
            return False
        if _is_year(token) and int(token.text) < began and (
                token.ent_type_ in ("DATE", "EVENT") or token.head.lower_ in _PLACE_PREPS):
            return True
        return any(dates(c) for c in token.children if c.dep_ not in _CLAUSE_DEPS)

    for child in head.children:
        if child.i in inside or child.dep_ in _CLAUSE_DEPS:
            continue
        if child.dep_ in ("amod", "compound", "nmod", "nummod", "prep") and dates(child):
            return True
        if child.dep_ == "amod" and _past_age(child):
            return True
    return False


def _past_age(modifier) -> bool:
    """An age modifier of decades or more: "170-year-old", "century-old", "centuries-old"."""
    if modifier.lower_ != "old":
        return False
    units = [t for t in modifier.subtree if t.lemma_.lower() in ("year", "century") or t.lower_ in _PAST_AGE_WORDS]
    if any(t.lower_ in _PAST_AGE_WORDS or t.lemma_.lower() == "century" for t in units):
        return True
    numbers = [t for t in modifier.subtree if t.like_num and t.text.replace(",", "").isdigit()]
    return bool(units) and any(int(t.text.replace(",", "")) >= _PAST_AGE_YEARS for t in numbers)


def _classifies(child, about: About) -> bool:
    """A classifier of a war word that makes it a kind of war or another war: a noun ("price
    war", "the Iraq war", "World War"; not a size, "full-scale"), a year ("the 1991 war"),
    one of ``about.classifiers`` ("civil war") or a capitalised adjective inside the sentence
    ("the Korean War", "Allied invasion")."""
    if (child.pos_ in ("NOUN", "PROPN") and child.lemma_.lower() not in _SIZE_NOUNS) or _is_year(child):
        return True
    return child.pos_ == "ADJ" and (child.lower_ in about.classifiers
                                    or (child.text[:1].isupper() and child.i != child.sent.start))


def _another_kind(classifier) -> bool:
    """A common noun or a gerund that makes a war word another kind of war, whatever actor is
    attached: "a budget war", "a price war", "a streaming war" (not a size or time,
    "full-scale", "four-year"; not a way of fighting, "drone war"; not a participle of how a
    war goes, "the escalating war")."""
    lemma = classifier.lemma_.lower()
    if classifier.tag_ == "VBG":
        return lemma not in _WAR_PROCESS_VERBS
    return (classifier.pos_ == "NOUN" and classifier.ent_type_ != "DATE"
            and lemma not in _SIZE_NOUNS and lemma not in _WARFARE_NOUNS)


def _inside_a_name(head) -> bool:
    """The war word is a capitalised part of an institution's name: it hangs by *of*/*for* from
    a capitalised word inside a sentence that is not written in title case ("the Treatment of
    Prisoners of War", "the Institute for the Study of War", "the Department of War")."""
    if not head.text[:1].isupper() or head.i == head.sent.start or head.dep_ != "pobj":
        return False
    preposition = head.head
    holder = preposition.head
    if preposition.lower_ not in _NAME_PREPS or holder.i == preposition.i:
        return False
    if not holder.text[:1].isupper() or holder.i == holder.sent.start:
        return False
    from framing.actors import _is_title_case

    return not _is_title_case(head.sent.text)


def _before_a_noun(head) -> bool:
    """A lower-case war word right before a lower-case common noun that it modifies ("war
    paint", "crisis talks"), whatever the parse made of the pair."""
    doc = head.doc
    if head.i + 1 >= len(doc) or not head.text.islower() or head.tag_ != "NN":
        return False
    following = doc[head.i + 1]
    return following.tag_ in ("NN", "NNS") and following.text.islower() and following.head.i != head.i


def _of_plural_things(preposition) -> bool:
    """The *of* phrase of a war word names plural common nouns that are no places, states or
    people ("a war of nerves", "a war of words"): an idiom, not a war."""
    objects = _objects_of(preposition)
    return bool(objects) and all(
        o.tag_ == "NNS" and o.lemma_.lower() not in _HELD_PLACES and o.lemma_.lower() not in _PEOPLE_NOUNS
        for o in objects)


def _between_others(preposition) -> bool:
    """The objects of a *between*/*among* phrase are common nouns that are no states or sides
    ("between the speaker and a dozen hard-liners"): the war is another conflict. "Between the
    two countries" may be this one; named parties are handled as places ("between Israel and
    Hamas") and mentions of the conflict's actors confirm it before this is asked."""
    objects = _objects_of(preposition)
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in _STATE_NOUNS for o in objects)


def _invades_no_land(preposition) -> bool:
    """The objects of an invasion's *of* phrase are common nouns that name no land, state or
    place that fighters hold ("an invasion of moths", "of privacy"; not "of the country")."""
    objects = _objects_of(preposition)
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() not in _HELD_PLACES for o in objects)


def _objects_of(preposition) -> list:
    """The objects of a prepositional phrase with their conjuncts ("between the mayor and
    the council": [mayor, council])."""
    objects = [o for o in preposition.children if o.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.conjuncts]


def _within_one_body(preposition) -> bool:
    """The objects of a *between*/*among* phrase are parts or members of one body."""
    objects = _objects_of(preposition)
    return bool(objects) and all(o.pos_ == "NOUN" and o.lemma_.lower() in _PARTS_OF_ONE_BODY for o in objects)


def _subjects_of_complement(head) -> list:
    """The subjects of the verb when the term is the complement of "be"/"become"/"turn
    into" ("every conversation turns into a war": [conversation]); none otherwise."""
    if head.dep_ in ("attr", "oprd"):
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "into":
        verb = head.head.head
    else:
        return []
    if verb.lemma_.lower() not in _BECOMING_VERBS:
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _calls_something_else_a_war(head, confirms) -> bool:
    """The term is the complement of "be"/"become"/"turn into" with a common-noun subject
    that is no fighting and no part of the conflict: "every conversation turns into a
    war", "the hearing became a war". Not for "the standoff turned into a war" or
    "Russia's attack became a full-scale war"."""
    subjects = _subjects_of_complement(head)
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() not in _FIGHTING_NOUNS and not confirms(s) for s in subjects)


# Nouns after "on" that place a war rather than give its target: "a war on the other side of the
# world", "a war on Europe's doorstep", "the war on the ground".
_LOCATING_NOUNS = frozenset({"side", "doorstep", "ground", "border", "frontier", "edge", "continent", "soil",
                             "fringe", "periphery", "outskirts"})
# Adjectives and determiners that make "a … kind of war" another thing than a war: "a different
# kind of war", "another sort of war", "a whole other type of war".
_OTHER_KIND_WORDS = frozenset({"different", "other", "another", "whole"})


def _locates(preposition) -> bool:
    """An *on* phrase that says where a war is, not what it is waged on: its object is a
    locating noun (:data:`_LOCATING_NOUNS`)."""
    return any(o.lemma_.lower() in _LOCATING_NOUNS for o in preposition.children if o.dep_ == "pobj")


def _another_kind_of_war(head) -> bool:
    """The term is the object of "kind of", "sort of" or "type of" with "different", "other"
    or "another" on the kind: "she fights a different kind of war, with paperwork". Not "a new
    kind of war" or "the kind of war Russia wages"."""
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    kind = head.head.head
    return kind.lemma_.lower() in ("kind", "sort", "type") and any(
        c.lower_ in _OTHER_KIND_WORDS for c in kind.children if c.dep_ in ("amod", "det", "advmod"))


def _equates_with_another_war(head, about: About, confirms) -> bool:
    """The term is the complement of "be"/"become" whose subject is a fighting word of
    another war: "[a trade war with India] is a war that patients lose", "the civil war
    became a war of all against all". Not "Russia's invasion is a war of aggression" (the
    subject is confirmed) or "the invasion became a full-scale war"."""
    subjects = _subjects_of_complement(head)
    return bool(subjects) and all(
        s.lemma_.lower() in _FIGHTING_NOUNS and not confirms(s)
        and any(c.dep_ in _CLASSIFIER_DEPS and _classifies(c, about) for c in s.children) for s in subjects)


# --------------------------------------------------------------- naming fighters

# Nouns of places that fighters defend: "the defenders of the city" are fighters, "a
# defender of whistleblowers" is an advocate.
_DEFENDED_PLACES = frozenset({
    "city", "town", "village", "country", "homeland", "motherland", "fatherland", "land", "capital",
    "fortress", "plant", "factory", "bridge", "island", "region", "frontier", "border", "front", "line",
    "position", "trench", "base", "airport", "port", "coast", "sky", "skies", "hill", "height", "district",
})


# Nouns of land: outside war coverage, a territory word counts only with one of these (or a
# place or actor) as what changes hands: "the annexation of tribal land", not "students
# occupied the field" or "liberated floor space".
_LAND_NOUNS = frozenset({
    "territory", "land", "region", "province", "oblast", "state", "country", "nation", "city", "town",
    "village", "capital", "peninsula", "island", "coast", "border", "frontier", "republic", "colony",
    "county", "district", "area", "settlement", "homeland", "soil", "enclave", "bank", "strip", "heights",
})
# What an invasion by an army takes: a land, a state or a place that fighters hold ("the
# invasion of the country"; not "an invasion of moths").
_HELD_PLACES = _STATE_NOUNS | _LAND_NOUNS | _DEFENDED_PLACES


def _names_territory(doc, hit: _Hit, mention_at, places: frozenset[str] = frozenset()) -> bool:
    """Outside war coverage, a territory word ("annex", "occupation", "liberated") names a
    change of control over territory only when what changes hands is land: its object, its
    passive subject, its *of* phrase or a modifier is a place, an actor or a noun of land
    ("Massachusetts annexed the land", "the Israeli occupation of the West Bank",
    "Texas's annexation", "the liberation of Kherson": the places of the sets' ``about``
    count whatever the tagger calls them); not "students occupied the field", "her
    occupation as a nurse", "liberated floor space"."""
    head = doc[hit.token_start:hit.token_end].root
    candidates = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "poss", "amod", "compound")]
    candidates += [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "over")
                   for o in prep.children if o.dep_ == "pobj"]
    if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN"):
        candidates.append(head.head)  # "occupied territories", "annexed Crimea"
    return any(_is_land(c, mention_at, places) for c in candidates)


def _is_land(token, mention_at, places: frozenset[str] = frozenset()) -> bool:
    return (token.i in mention_at or token.text in places or token.ent_type_ in ("GPE", "LOC", "NORP")
            or (token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "ORG"))
            or token.lemma_.lower() in _LAND_NOUNS)


def _names_fighters(doc, hit: _Hit, mention_at, governing: frozenset[str], *, in_conflict: bool = True,
                    places: frozenset[str] = frozenset(), spoken: Sequence[Any] = (),
                    off_topic: bool = False) -> bool:
    """A fighter word used for fighters, not in another sense:

    * not as a modifier of a government noun ("a neo-Nazi regime", "the nationalist
      government"): that labels the government (a loaded label), not its fighters;
    * "defender of" with an object that is no place and no actor ("a longtime defender
      of government whistleblowers"): an advocate. "The defenders of Mariupol", "the
      defenders of the city" stay fighters;
    * not with a sports team as possessor ("the Hawkeyes' defenders": :func:`_is_team`);
    * outside war coverage (``in_conflict`` false), "defenders" only with a place it defends
      as possessor or *of* object ("the defenders of Mariupol", "the city's defenders"):
      otherwise they are advocates or players ("its defenders say the case ...", "the
      merger's defenders", "Veridian's defenders");
    * outside war coverage, not inside a quotation (``spoken``: the quoted spans of the text)
      whose sentence names no actor, no people and nothing military: a coach's "I told my
      troops at halftime", a nurse manager's "our nurses have been the front-line troops",
      "She's a fighter"; in an article whose domain says it is no war coverage
      (``off_topic``), not in such a sentence outside quotations either ("a few rebels tested
      the rules", "One of those rebels, Sen. Dale Huckins"), except "troops" and "terrorists"
      (:data:`_LITERAL_FIGHTER_WORDS`). Without that decision (a text whose mentions alone say
      it is no war coverage) fighter words outside quotations stay ("fighters held the town").
    """
    span = doc[hit.token_start:hit.token_end]
    head = span.root
    if head.dep_ in ("amod", "compound", "nmod") and head.head.lemma_.lower() in governing:
        return False
    if head.lemma_.lower() == "defender":
        if not in_conflict and not _defends_a_place(head, mention_at, places):
            return False
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if objects and not any(_is_place_or_actor(o, mention_at) for o in objects):
                return False
    if not in_conflict and head.lemma_.lower() != "defender" and not _military_context(head.sent, mention_at):
        quoted = any(q.start <= head.idx < q.end for q in spoken)
        if quoted or (off_topic and head.lower_ not in _LITERAL_FIGHTER_WORDS):
            return False
    return not any(_is_team(child, mention_at) for child in head.children if child.dep_ == "poss")


# Fighter words that outside quotations mean soldiers or terrorists even outside war coverage and
# without a military word in their sentence ("air traffic controllers and the troops working without
# pay"); other fighter words there are figurative ("a few rebels tested the rules", "loyal soldiers
# who did what they were told", "a group of rebel shareholders").
_LITERAL_FIGHTER_WORDS = frozenset({"troops", "terrorists", "terrorist"})
# Words that put fighter words in a sentence among real fighters ("the Army", "deployed",
# "a veteran"): outside war coverage a quoted fighter word needs one, an actor or a people, and so
# does any fighter word in an article whose domain is not the war (:func:`_names_fighters`).
_MILITARY_WORDS = frozenset({
    "army", "military", "war", "navy", "naval", "marine", "pentagon", "guard", "deploy", "deployment",
    "base", "combat", "battalion", "brigade", "regiment", "platoon", "veteran", "enlist", "serve",
    "battlefield", "missile", "artillery", "weapon", "gun", "rifle", "invasion", "occupation",
    "ceasefire", "cease-fire", "defense", "defence", "commander", "general", "officer", "iraq", "afghanistan",
    "vietnam", "korea", "syria", "sergeant", "corporal", "private", "infantry", "tank", "drone",
})


def _military_context(sentence, mention_at) -> bool:
    """A sentence that names an actor, a people, or something military (:data:`_MILITARY_WORDS`)."""
    return any(t.i in mention_at or t.ent_type_ == "NORP" or t.lemma_.lower() in _MILITARY_WORDS
               for t in sentence)


def _defends_a_place(head, mention_at, places: frozenset[str] = frozenset()) -> bool:
    """A possessor or *of* object of "defenders" that is a place or an actor: a mention, a
    place or people entity, one of the conflict's ``places``, or a place noun ("the
    defenders of Mariupol", "the city's defenders"); not a company or a person ("Veridian's
    defenders", "its defenders")."""
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for o in prep.children if o.dep_ == "pobj"]
    return any(o.i in mention_at or o.ent_type_ in ("GPE", "LOC", "NORP", "FAC") or o.text in places
               or o.lemma_.lower() in _DEFENDED_PLACES for o in owners)


def _is_team(token, mention_at) -> bool:
    """A possessor that names a sports team ("the Hawkeyes' defenders"): a proper noun in -s
    with a bare apostrophe (a plural name), that is no mention of an actor and no place or
    people ("the Netherlands' forces", "the Ukrainians' defenders" stay fighters)."""
    marker = [c for c in token.children if c.dep_ == "case"]
    return (token.tag_ in ("NNP", "NNPS") and token.text.endswith("s")
            and bool(marker) and marker[0].text in ("'", "\u2019")
            and token.i not in mention_at and token.ent_type_ not in ("GPE", "LOC", "NORP", "FAC"))


# Common nouns that classify a regime as a kind of government, not a system of rules: "a
# puppet regime", "the occupation regime", "the Kim family regime".
_RULING_CLASSIFIERS = frozenset({
    "puppet", "military", "terror", "terrorist", "occupation", "client", "proxy", "police", "army",
    "junta", "apartheid", "family", "clan", "mullah", "ayatollah", "cleric", "satellite", "vassal",
    "dictator", "dictatorship", "communist", "fascist", "nazi", "separatist", "war", "wartime",
})


def _a_system_of_rules(doc, hit: _Hit, mention_at) -> bool:
    """"Regime" in the sense of a system of rules or a practice, classified by a common noun or
    a gerund that names what is regulated or done ("a cost-cutting regime", "a dosing regime",
    "the chain's testing regime"; the named ones, "the sanctions regime", are also excluded in
    the naming file): no government. A proper noun, a mention, an adjective ("an
    authoritarian regime") or a ruling classifier ("a puppet regime") leaves it a government."""
    head = doc[hit.token_start:hit.token_end].root
    if head.lemma_.lower() != "regime":
        return False
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of" and _of_a_practice(child, mention_at):
            return True  # "a strict regime of 50 tactics puzzles a day"
        if child.dep_ not in ("compound", "amod", "nmod") or child.i in mention_at:
            continue
        if child.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") or child.lemma_.lower() in _RULING_CLASSIFIERS:
            continue
        if child.tag_ == "VBG" or (child.pos_ == "NOUN" and child.tag_ in ("NN", "NNS")):
            return True
    return False


def _of_a_practice(preposition, mention_at) -> bool:
    """Whether an *of* phrase names what is done or given, not who rules or where: objects that
    are common nouns with no actor, person, people, place or ruling classifier anywhere in them
    ("a regime of daily puzzles", "the administration of the pills", "the administration of a
    crop-insurance program"; not "the regime of Bashar al-Assad", "the administration of the
    occupied region")."""
    objects = _objects_of(preposition)
    if not objects:
        return False
    for obj in objects:
        if obj.pos_ != "NOUN" or obj.lemma_.lower() in _RULING_CLASSIFIERS | _PEOPLE_NOUNS | _GOVERNED_PLACES:
            return False
        for tok in obj.subtree:
            if tok.i in mention_at or tok.ent_type_ in ("GPE", "LOC", "NORP", "PERSON", "ORG", "FAC") \
                    or tok.lemma_.lower() in _GOVERNED_PLACES:
                return False
    return True


# Places and bodies that a government word's *of* phrase can name as governed ("the
# administration of the region", "the government of the republic").
_GOVERNED_PLACES = frozenset({
    "city", "town", "village", "country", "state", "nation", "region", "province", "oblast", "county",
    "district", "territory", "republic", "island", "area", "capital", "municipality", "colony", "kingdom",
    "people", "federation", "union", "land", "zone", "enclave",
})


# Adjectives that place a regime in time and say nothing of who rules: "the previous
# regime", "the new regime".
_TIME_ADJECTIVES = frozenset({
    "previous", "former", "old", "new", "current", "present", "last", "next", "prior", "outgoing",
    "incoming", "past", "earlier", "later", "latest",
})


def _regime_of_no_state(doc, hit: _Hit, mention_at) -> bool:
    """Outside war coverage, "regime" placed in time and given nothing that says who rules —
    no possessor, name, mention, people or place, no other classifier ("the previous regime",
    "under the new regime", of a coaching staff or a company's managers) — names no
    government. In the news of states a regime is named ("the Assad regime", "Iran's regime",
    "the regime in Tehran") or called what it is ("an authoritarian regime"). The sentence is
    read for a place or state too ("After the coup in Niger, the new regime ..."). A bare
    "the regime" is left a government: it usually takes up one named before."""
    head = doc[hit.token_start:hit.token_end].root
    if head.lemma_.lower() != "regime":
        return False
    timed = False
    for child in head.children:
        if child.dep_ in ("det", "case", "punct", "cc"):
            continue
        if child.dep_ == "amod" and child.lower_ in _TIME_ADJECTIVES:
            timed = True
            continue
        if child.dep_ == "prep" and not any(_is_place_or_actor(o, mention_at) for o in _objects_of(child)):
            continue
        return False
    return timed and not any(t.i in mention_at or t.ent_type_ in ("GPE", "NORP", "LOC") for t in head.sent)


# Bodies that are no state: their "administration", "government" or "leadership" is no
# government's ("the university administration", "the student government", "the union's
# leadership").
_NON_STATE_BODIES = frozenset({
    "university", "college", "school", "student", "campus", "faculty", "hospital", "clinic", "company",
    "corporation", "firm", "church", "diocese", "parish", "league", "team", "club", "museum", "library",
    "union", "hotel", "chain", "bank", "airline", "network", "studio", "newsroom", "fraternity", "sorority",
})
# People nouns that an *of* phrase of a war word can name ("a war of peoples").
_PEOPLE_NOUNS = frozenset({"people", "nation", "citizen", "soldier", "worker", "peasant", "class"})


def _governs_no_state(doc, hit: _Hit, governing: frozenset[str]) -> bool:
    """A government word of a body that is no state ("the university administration", "the
    student government", "the university's leadership"), or "authorities" as experts ("the
    leading authorities on tick-borne disease")."""
    head = doc[hit.token_start:hit.token_end].root
    lemma = head.lemma_.lower()
    if lemma not in governing:
        return False
    if lemma in ("authority", "authorities") and any(c.dep_ == "prep" and c.lower_ == "on" for c in head.children):
        return True
    if lemma == "administration" and any(c.dep_ == "prep" and c.lower_ == "of" and _of_a_practice(c, {})
                                         for c in head.children):
        return True  # "the administration of the third dose", "of the crop-insurance program"
    return any(c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "NOUN" and c.text.islower()
               and c.lemma_.lower() in _NON_STATE_BODIES for c in head.children)


def _determined(doc, hit: _Hit) -> bool:
    """A noun with a determiner, possessor, modifier or prepositional phrase ("the Kremlin
    leadership", "its own leadership", "the leadership in Moscow"), not bare ("a crisis of
    leadership"): for the ``not_bare`` variants, which bare name a quality, not a body."""
    head = doc[hit.token_start:hit.token_end].root
    return any(c.dep_ in ("det", "poss", "amod", "compound", "nmod", "prep") for c in head.children)


def _is_place_or_actor(token, mention_at) -> bool:
    return (token.i in mention_at or token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC")
            or token.lemma_.lower() in _DEFENDED_PLACES
            or any(t.i in mention_at or t.ent_type_ in ("GPE", "LOC", "FAC") for t in token.subtree))


def _is_year(token) -> bool:
    """A four-digit year ("the War of 1812", "the 2003 invasion"), not "one hand"."""
    return token.like_num and len(token.text) == 4 and token.text.isdigit()


# ----------------------------------------------------------------- tying to actors


def _term_actor(doc, start: int, end: int, mention_at: dict[int, Any], *, parsed: bool,
                relational: bool = False, quoted: Sequence[tuple[int, int, str]] = (),
                governing: frozenset[str] = frozenset()) -> str | None:
    """The actor a naming term or label is applied to, or None.

    0. a mention inside the term ("collective West", "the situation in Ukraine");
    1. a mention modifying the term's head noun: compound, adjective or possessor ("the
       Kiev regime", "Russian occupiers", "Putin's regime"), or an "in" phrase when the
       head names a government (``governing``: "the regime in Kyiv"; not "a terrorist
       attack in Washington", a place); skipped for relational labels, whose modifier is
       the patron;
    2. for a label that itself modifies a noun ("Nazi regime", "illegal annexation"),
       the same rules on that noun;
    3. the subject of a copula with the label as predicate ("Kyiv is a puppet of NATO"),
       the object of a naming verb ("called Ukraine a puppet") or an apposition
       ("Russia, the aggressor,"), when that noun phrase names the actor: its head is a
       mention or has one among its name parts ("the Ukrainian government"); a
       possessor counts only on a noun that names a government ("Ukraine's government"),
       not on an act or thing ("Trump's call was an illegal quid pro quo" -> None);
    4. a possessive pronoun on the term (or on the noun a label modifies): *its, their,
       his, her* go to the subject of the nearest verb above the term when that is a
       mention ("Ukraine withdrew its troops"), else to the nearest mention before the
       pronoun in its sentence ("a Russian manoeuvre to regroup its forces"); *our, my*
       inside a quotation go to the speaker's actor ("'our defenders stay', Zelensky
       said"). Skipped for relational labels.
    """
    for i in range(start, end):
        if i in mention_at:
            return mention_at[i].actor
    if not parsed:
        return None
    head = doc[start:end].root
    inside = set(range(start, end))
    actor = _applied_to(head, inside, mention_at, relational=relational, governing=governing)
    if actor is None and not relational:
        actor = _possessor_actor(doc, head, inside, mention_at, quoted)
    return actor


_THIRD_PERSON_POSSESSIVES = frozenset({"its", "their", "his", "her"})
_FIRST_PERSON_POSSESSIVES = frozenset({"our", "my"})


def _possessor_actor(doc, head, inside: set[int], mention_at, quoted) -> str | None:
    """Rule 4 of :func:`_term_actor`: the actor behind a possessive pronoun on the term."""
    owners = [head]
    if head.dep_ in ("amod", "compound") and head.head.i != head.i:  # "its illegal annexation"
        owners.append(head.head)
    pronoun = next((c for owner in owners for c in owner.children
                    if c.dep_ == "poss" and c.lower_ in _THIRD_PERSON_POSSESSIVES | _FIRST_PERSON_POSSESSIVES),
                   None)
    if pronoun is None:
        return None
    if pronoun.lower_ in _FIRST_PERSON_POSSESSIVES:
        char = pronoun.idx
        return next((actor for start, end, actor in quoted if start <= char < end), None)
    verb = head
    for _ in range(4):  # up to the nearest verb: "withdrew" in "Ukraine withdrew its troops"
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS and child.i not in inside:
                actor = _np_actor(child, inside, mention_at)
                if actor:
                    return actor
    sentence_start = pronoun.sent.start
    for i in range(pronoun.i - 1, sentence_start - 1, -1):
        if i in mention_at and i not in inside:
            return mention_at[i].actor
    return None


def _applied_to(head, inside: set[int], mention_at, *, relational: bool, governing: frozenset[str],
                depth: int = 0) -> str | None:
    if not relational:
        actor = _modifier_actor(head, inside, mention_at, governing)
        if actor:
            return actor
    noun = head.head
    if (head.dep_ in ("amod", "compound", "nmod") and noun.i != head.i
            and noun.pos_ in ("NOUN", "PROPN") and depth < 2):
        if noun.i in mention_at:
            return mention_at[noun.i].actor
        return _applied_to(noun, inside | {noun.i}, mention_at, relational=False, governing=governing,
                           depth=depth + 1)
    return _predicate_actor(head, inside, mention_at, governing)


def _modifier_actor(head, inside: set[int], mention_at, governing: frozenset[str]) -> str | None:
    """A mention among the head's modifiers, nearest first, then, for a noun that names a
    government, in an "in" phrase (for other nouns it is a place: "an attack in Kyiv")."""
    children = sorted((c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i not in inside),
                      key=lambda c: abs(c.i - head.i))
    for child in children:
        for token in sorted(child.subtree, key=lambda t: abs(t.i - head.i)):
            if token.i in mention_at and token.i not in inside:
                return mention_at[token.i].actor
    if head.lemma_.lower() not in governing:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    actor = _np_actor(obj, inside, mention_at)
                    if actor:
                        return actor
    return None


def _predicate_actor(head, inside: set[int], mention_at, governing: frozenset[str]) -> str | None:
    """Rule 3 of :func:`_term_actor`: the noun phrase the label is predicated of or in
    apposition to, when that noun phrase names an actor (:func:`_named_actor`)."""
    governor = head.head
    if head.dep_ in ("attr", "acomp") and governor.lemma_ in _COPULAS:
        for child in governor.children:
            if child.dep_ in _SUBJECT_DEPS and child.i not in inside:
                return _named_actor(child, inside, mention_at, governing)
    if head.dep_ in ("oprd", "attr", "xcomp") and governor.pos_ == "VERB":
        for child in governor.children:
            if child.dep_ == "dobj" and child.i not in inside:
                return _named_actor(child, inside, mention_at, governing)
    if head.dep_ == "appos" and governor.i not in inside:
        return _named_actor(governor, inside, mention_at, governing)
    for child in head.children:
        if child.dep_ == "appos" and child.i not in inside:
            return _named_actor(child, inside, mention_at, governing)
    return None


def _named_actor(token, inside: set[int], mention_at, governing: frozenset[str]) -> str | None:
    """The actor a noun phrase *is*: its head if a mention, else a mention among its
    name parts (compound, flat name, adjective, apposition: "the Ukrainian government",
    "President Trump"); a possessor only when the head names a government ("Ukraine's
    government"), since "Trump's call" or "Russia's invasion" is a thing of the actor,
    not the actor."""
    deps = _NP_DEPS if token.lemma_.lower() in governing else _NP_DEPS - {"poss", "nmod"}
    return _np_actor(token, inside, mention_at, deps=deps)


def _np_actor(token, inside: set[int], mention_at, *, deps: frozenset[str] = _NP_DEPS) -> str | None:
    """The actor of a noun phrase: its head if a mention, else the nearest mention
    among its noun-phrase modifiers of ``deps`` (not relative clauses or prepositional
    phrases)."""
    if token.i in mention_at and token.i not in inside:
        return mention_at[token.i].actor
    frontier = [token]
    for _ in range(4):
        children = sorted((c for t in frontier for c in t.children
                           if c.dep_ in deps and c.i not in inside),
                          key=lambda c: abs(c.i - token.i))
        for child in children:
            if child.i in mention_at:
                return mention_at[child.i].actor
        if not children:
            return None
        frontier = children
    return None


def _cue_actor(doc, start: int, end: int, mention_at: dict[int, Any]) -> str | None:
    """The actor a hedge or vague-source cue is attached to, or None.

    A mention inside the cue ("what Moscow calls"); for a cue that modifies a noun
    ("the so-called Kiev regime", "alleged Russian war crimes") the actor of that noun
    phrase; otherwise the subject of the clause it qualifies ("Russian troops
    reportedly withdrew", "Russia is said to have ...").
    """
    for i in range(start, end):
        if i in mention_at:
            return mention_at[i].actor
    inside = set(range(start, end))
    anchor = doc[start:end].root
    governor = anchor.head
    if (anchor.dep_ in ("amod", "compound", "advmod", "npadvmod", "nmod") and governor.i != anchor.i
            and governor.pos_ in ("NOUN", "PROPN")):
        return _np_actor(governor, inside, mention_at)
    # "according to ..." and adverbs qualify the clause they attach to.
    clausal = anchor.pos_ in ("VERB", "AUX") and anchor.dep_ not in ("prep", "advmod", "advcl")
    verb = anchor if clausal else governor
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.i not in inside:
            return _np_actor(child, inside, mention_at)
    return None


# --------------------------------------------------------------------- scare quotes


@dataclass(frozen=True)
class _Quoted:
    open: int  # offset of the opening mark
    start: int  # first character inside the marks
    end: int  # offset of the closing mark (end of the inside, exclusive)


def _quoted_spans(text: str) -> list[_Quoted]:
    found = [_Quoted(m.start(), m.start(1), m.end(1)) for m in _DOUBLE_RE.finditer(text)]
    found += [_Quoted(m.start(), m.start(1), m.end(1)) for m in _SINGLE_RE.finditer(text)]
    return sorted(found, key=lambda q: (q.start, -q.end))


def find_scare_quotes(doc, mentions=(), *, lexicon: Lexicon | None = None) -> list[Mark]:
    """Scare quotes in a parsed ``doc``: short quoted words that nobody in the sentence
    is reported as saying (``kind="scare_quote"``; span without the marks).

    A fragment in straight or curly, double or single quotation marks is a scare quote
    when (rules in ``docs/wording.md``): it has at most ``max_words`` words; a cue such
    as *so-called* stands right before it, or else it is not a clause with its own
    subject, not introduced by a colon, and does not depend, in the parse, on a speech
    verb or reporting noun (``said it was "unacceptable"``, ``what he called a
    "special military operation"``, ``described as a "fortress"``) or on *according
    to*. Inside a longer quotation only the words of that quotation are searched for
    such a verb, so the speaker's own scare quotes are found. Follows the gold-set
    guideline of ``docs/quotes_gold.md``; departs from it where the parse misattaches a
    fragment and for labels inside reported speech (Zelensky's "peace formula" after
    "noted that ..." counts as the speaker's wording here).
    """
    _require_parse(doc, "find_scare_quotes")
    lexicon = lexicon or Lexicon.default()
    governing = frozenset(w for naming_set in lexicon.naming_sets for w in naming_set.governing)
    return _scare_quotes(doc, lexicon.scare_quotes, _mention_index(mentions), _sentence_of(doc), doc.text,
                         governing=governing)


def _scare_quotes(doc, rules: ScareQuoteRules, mention_at, sentence_of, text: str, *,
                  governing: frozenset[str] = frozenset()) -> list[Mark]:
    from framing.quotes import is_quoted_title

    quoted = _quoted_spans(text)
    marks = []
    for q in quoted:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words or len(words) > rules.max_words:
            continue
        if is_quoted_title(doc, q.start, q.end):
            continue  # said on "Face the Nation": a title, not the writer's distance
        if not rules.cue_before(text[: q.open]):
            if _is_clause(span) or text[: q.open].rstrip().endswith(":"):
                continue
            enclosing = [o for o in quoted if o.start < q.start and q.end < o.end]
            if enclosing:
                outer = min(enclosing, key=lambda o: o.end - o.start)
                outer_span = doc.char_span(outer.start, outer.end, alignment_mode="expand")
                bounds = (outer_span.start, outer_span.end) if outer_span is not None else None
            else:
                bounds = None
            attribution = _attributed(span, rules, bounds)
            if attribution == "direct" or (attribution == "reported"
                                           and not _quotes_rule_says_scare(doc, q.start, q.end)):
                continue
        actor = _term_actor(doc, span.start, span.end, mention_at, parsed=True, governing=governing)
        marks.append(Mark(kind="scare_quote", surface=text[q.start:q.end], start=q.start, end=q.end,
                          sentence_id=sentence_of(span.start), actor=actor))
    return marks


def _quotes_rule_says_scare(doc, start: int, end: int) -> bool:
    """The quote extractor's own test (:func:`framing.quotes.is_scare_quote`), asked
    for fragments inside reported speech: a short fragment that no reporting verb
    governs directly is a label even there (establishing "justice" after "Lavrov
    reiterated that ..."), so a fragment the extractor leaves out as a scare quote
    is not also left out here."""
    from framing.quotes import is_scare_quote

    return is_scare_quote(doc, start, end)


def _is_clause(span) -> bool:
    """A fragment with its own subject and verb is a statement ("we promised")."""
    return any(t.dep_ in _CLAUSE_SUBJECT_DEPS and t.head.i != t.i and span.start <= t.head.i < span.end
               and t.head.pos_ in ("VERB", "AUX") for t in span)


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp"})


def _attributed(span, rules: ScareQuoteRules, bounds: tuple[int, int] | None) -> str | None:
    """Whether the fragment depends on a speech verb, a reporting noun or "according
    to", walking up the parse from the fragment (within ``bounds`` when nested in a
    longer quotation). A verb coordinated with the fragment's clause does not govern it
    ("X claimed "A", and media published headlines about a "B"").

    A parenthetical report attached to a word on that path counts as governing it
    (The act, he wrote, gives the power to "waive or modify" rules).

    Returns ``"direct"`` when the speech word governs the fragment within its own
    clause (spoke of "a great day"), ``"reported"`` when the path crosses a clause
    boundary (reiterated that Russia would establish "justice"), else None.
    """
    current = span.root
    crossed = False
    for _ in range(40):
        parent = current.head
        if parent.i == current.i:
            return None
        if bounds is not None and not (bounds[0] <= parent.i < bounds[1]):
            return None
        if current.dep_ != "conj" and _is_speech(parent, rules):
            return "reported" if crossed else "direct"
        if any(child.lower_ == "according" for child in parent.children):
            return "reported" if crossed else "direct"
        # a parenthetical report: The act, he wrote, gives the secretary power to "waive or modify" rules
        if any(child.dep_ == "parataxis" and child.i != current.i and _is_speech(child, rules)
               for child in parent.children):
            return "reported" if crossed else "direct"
        crossed = crossed or current.dep_ in _CLAUSE_DEPS
        current = parent
    return None


def _is_speech(token, rules: ScareQuoteRules) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        habit = token.dep_ == "xcomp" and token.head.lemma_.lower() in rules.habitual
        return lemma in rules.speech_verbs and not habit
    if token.pos_ in ("NOUN", "PROPN"):
        return lemma in rules.speech_nouns
    return False


# ------------------------------------------------------------------ outlet comparison


def naming_rates(terms, articles, *, by: str | Sequence[str] = "outlet",
                 lexicon: Lexicon | None = None):
    """How often each group (outlet, ...) uses each variant of each naming set.

    ``terms`` has one row per term with at least ``article_id``, ``set`` and
    ``variant`` (for instance ``pandas.DataFrame(finder.terms(doc, mentions))`` plus an
    ``article_id`` column); ``articles`` has ``article_id``, ``n_words``, ``status`` and
    the ``by`` columns (the ``articles`` table of :func:`framing.analyze`). Only
    articles with ``status == "analyzed"`` count, and the group columns are taken from
    ``articles``.

    Returns one row per group x set x variant, with the variants observed anywhere in
    ``terms`` (or every variant of ``lexicon`` when given) so that a variant a group
    never uses appears with count 0. Columns: the ``by`` columns, ``set``, ``variant``,
    ``n_articles`` and ``n_words`` (the group's analysed articles and their words),
    ``count``, ``n_articles_with`` (articles using the variant at least once),
    ``rate_per_1000_words`` (``count / n_words * 1000``; NaN when the group has no
    words) and ``share_within_set`` (``count`` / the group's count for the whole set;
    NaN when the group uses no variant of the set).
    """
    import numpy as np
    import pandas as pd

    by_cols = [by] if isinstance(by, str) else list(by)
    if not by_cols:
        raise ValueError("by must name at least one column")
    for name, frame, needed in (("articles", articles, ["article_id", "n_words", "status", *by_cols]),
                                ("terms", terms, ["article_id", "set", "variant"])):
        missing = [c for c in needed if c not in frame.columns]
        if missing:
            raise ValueError(f"{name} lacks column(s) {', '.join(missing)}")
    analysed = articles.loc[articles["status"] == "analyzed", ["article_id", "n_words", *by_cols]]
    duplicated = analysed["article_id"][analysed["article_id"].duplicated()]
    if len(duplicated):
        raise ValueError(f"articles has duplicate analysed article ids: {', '.join(map(str, duplicated[:5]))}")
    groups = (analysed.groupby(by_cols, dropna=False, sort=True)
              .agg(n_articles=("article_id", "size"), n_words=("n_words", "sum")).reset_index())

    pairs: list[tuple[str, str]] = []
    if lexicon is not None:
        pairs = [(s.id, v) for s in lexicon.naming_sets for v in s.variants]
    observed = terms[["set", "variant"]].drop_duplicates().sort_values(["set", "variant"])
    pairs += [p for p in observed.itertuples(index=False, name=None) if p not in set(pairs)]
    grid_pairs = pd.DataFrame(pairs, columns=["set", "variant"])
    grid_pairs["_order"] = np.arange(len(grid_pairs))

    rows = terms[["article_id", "set", "variant"]].merge(analysed[["article_id", *by_cols]],
                                                         on="article_id", how="inner")
    counts = (rows.groupby([*by_cols, "set", "variant"], dropna=False)
              .agg(count=("article_id", "size"), n_articles_with=("article_id", "nunique"))
              .reset_index())
    table = groups.merge(grid_pairs, how="cross").merge(counts, on=[*by_cols, "set", "variant"],
                                                          how="left")
    for col in ("count", "n_articles_with"):
        table[col] = table[col].fillna(0).astype("int64")
    table["n_articles"] = table["n_articles"].astype("int64")
    table["n_words"] = table["n_words"].astype("int64")
    words = table["n_words"].astype(float)
    table["rate_per_1000_words"] = (table["count"] / words.where(words > 0) * 1000).astype(float)
    set_total = table.groupby([*by_cols, "set"], dropna=False)["count"].transform("sum").astype(float)
    table["share_within_set"] = (table["count"] / set_total.where(set_total > 0)).astype(float)
    table = table.sort_values([*by_cols, "_order"], kind="stable").reset_index(drop=True)
    return table[[*by_cols, *_RATE_COLUMNS]]


# --------------------------------------------------------------------------- evaluation

# Sets whose actor tie is scored by evaluate_terms: who is called a regime, whose forces.
ACTOR_SETS = ("government_naming", "combatants", "loaded_labels")


def coverage_of_domain(domain: str | None) -> bool | None:
    """Whether an article of this domain (:mod:`framing.domains`: ``war``, ``climate``,
    ``other``) is coverage of the war the naming sets' ``about`` names, for
    :meth:`WordingFinder.terms`: None (decide by the mentions) without a domain."""
    return None if domain is None else domain == "war"


def evaluate_terms(gold: PathLike, corpus: PathLike, *, split: Literal["dev", "test", "all"] = "all",
                   nlp=None, lexicon: Lexicon | None = None, inventory=None,
                   actor_sets: Sequence[str] = ACTOR_SETS, splits: PathLike | None = None,
                   domains: Any = "packaged") -> dict:
    """Score :meth:`WordingFinder.terms` against a hand-annotated gold file of naming terms.

    ``gold`` is a JSONL file (format and guideline in ``docs/wording_gold.md``): one record per
    term in the ``text`` of an article of ``corpus``, with ``article_id, start, end, text, set,
    variant, actor`` and optionally ``split``, and one record with ``set`` null for an annotated
    article without any term. The split of each article comes from the split table ``splits``
    (default: ``splits.yaml`` beside ``gold``, if there is one; ``docs/gold_splits.md``), which
    refuses a record whose own ``split`` disagrees with it and a held-out score that the
    table's leakage rule forbids; without a table, from each record's ``split``. The gold is
    complete for its articles and for the sets that occur in it (or in ``actor_sets``); found
    terms of other sets are not scored. A found term matches a gold one
    of the same set and variant whose span it overlaps (one-to-one, largest overlap first).

    Returns ``split``, ``n_articles``, ``articles``, ``sets``; ``terms``: precision, recall and
    F1 over all scored sets and per set; ``actor``: over the matched terms of ``actor_sets``,
    the share whose found actor equals the gold one (``accuracy``; None = no actor), the share
    right among those given an actor (``precision``) and of the gold actors found
    (``recall``), with their counts (``n_right`` of ``n_given`` and of ``n_gold_named``), the
    counts of found None where the gold names an actor, of a wrong actor, and of an actor
    where the gold has none; and ``errors``: every missed and every
    extra term and every actor disagreement, with its context.

    As ``framing analyze`` does, each article's domain (``domains``: ``"packaged"`` for the
    packaged domain model when it is installed, a fitted model, or None for none) tells the
    finder whether the article is war coverage (:func:`coverage_of_domain`); the report's
    ``domains`` gives each article's.
    """
    from datetime import date as _date

    from framing._gold import context, gold_articles, pair_up, prf, read_gold, select_split
    from framing.actors import ActorInventory, MentionFinder
    from framing.quotes import QuoteExtractor

    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be 'dev', 'test' or 'all', got {split!r}")
    lexicon = lexicon if lexicon is not None else Lexicon.default()
    rows = read_gold(gold, ("article_id", "start", "end", "set", "variant", "actor"), "wording")
    for row in rows:
        if row["set"] is None:  # an annotated article without terms
            continue
        if row["set"] not in lexicon or row["variant"] not in lexicon[row["set"]].variants:
            raise ValueError(f"{gold}: {row['set']!r} / {row['variant']!r} ({row['article_id']}, {row['start']}) "
                             "is not a set and variant of the lexicon")
    sets = sorted({row["set"] for row in rows if row["set"] is not None} | set(actor_sets))
    rows = select_split(rows, gold, split, splits=splits)
    frame, ids, texts = gold_articles(rows, corpus, gold)
    rows = [r for r in rows if r["set"] is not None]
    if nlp is None:
        from framing._nlp import load_nlp

        nlp = load_nlp()
    finder = WordingFinder(lexicon, nlp)
    inventory = inventory if inventory is not None else ActorInventory.default()
    mentions, quotes = MentionFinder(inventory, nlp), QuoteExtractor(inventory, nlp)
    domain_of = _gold_domains(frame, ids, texts, domains)
    pairs: list[tuple[str, dict | None, Term | None]] = []
    for article_id, doc in zip(ids, nlp.pipe(texts)):
        day = frame.loc[article_id, "date"]
        day = day if isinstance(day, _date) else None
        found_mentions = mentions.find(doc, date=day)  # as framing.analyze ties terms: mentions and quotes
        found = [t for t in finder.terms(doc, found_mentions, quotes.extract(doc, date=day, mentions=found_mentions),
                                         coverage=coverage_of_domain(domain_of[article_id]))
                 if t.set in sets]
        golds = [r for r in rows if r["article_id"] == article_id]
        pairs += [(article_id, g, t)
                  for g, t in pair_up(found, golds, lambda t, g: (t.set, t.variant) == (g["set"], g["variant"]))]

    def scores(selected) -> dict:
        return prf(sum(g is not None and t is not None for _, g, t in selected),
                   sum(t is not None for _, _, t in selected), sum(g is not None for _, g, _ in selected))

    def set_of(gold_row, term) -> str:
        return gold_row["set"] if gold_row is not None else term.set

    terms = scores(pairs)
    terms["per_set"] = {s: scores([p for p in pairs if set_of(p[1], p[2]) == s])
                        for s in sets if any(set_of(g, t) == s for _, g, t in pairs)}
    matched = [(a, g, t) for a, g, t in pairs if g is not None and t is not None and g["set"] in actor_sets]
    named = [(g, t) for _, g, t in matched if t.actor is not None]
    gold_named = [(g, t) for _, g, t in matched if g["actor"] is not None]
    right = sum(t.actor == g["actor"] for g, t in named)  # = right among gold_named: None never equals an actor
    actor = {"n": len(matched),
             "accuracy": (sum(t.actor == g["actor"] for _, g, t in matched) / len(matched)) if matched else None,
             "precision": (right / len(named)) if named else None,
             "recall": (right / len(gold_named)) if gold_named else None,
             "n_right": right, "n_given": len(named), "n_gold_named": len(gold_named),
             "found_none": sum(t.actor is None and g["actor"] is not None for _, g, t in matched),
             "wrong_actor": sum(None not in (t.actor, g["actor"]) and t.actor != g["actor"] for _, g, t in matched),
             "found_where_gold_has_none": sum(g["actor"] is None and t.actor is not None for _, g, t in matched)}
    text_of = dict(zip(ids, texts))
    errors = []
    for article_id, g, t in pairs:
        row = g if g is not None else {"set": t.set, "variant": t.variant, "start": t.start, "end": t.end}
        if t is None or g is None or (g["set"] in actor_sets and t.actor != g["actor"]):
            errors.append({"error": "missed" if t is None else "not in gold" if g is None else "actor",
                           "article_id": article_id, "set": row["set"], "variant": row["variant"],
                           "gold_actor": None if g is None else g["actor"],
                           "found_actor": None if t is None else t.actor,
                           "context": context(text_of[article_id], row["start"], row["end"])})
    return {"split": split, "n_articles": len(ids), "articles": ids, "sets": sets, "n_gold": len(rows),
            "n_found": sum(t is not None for _, _, t in pairs), "domains": domain_of,
            "terms": terms, "actor": actor, "errors": errors}


def _gold_domains(frame, ids: list[str], texts: list[str], domains) -> dict[str, str | None]:
    """The domain of each gold article (``evaluate_terms``'s ``domains``), as ``framing
    analyze`` decides it from the title and text."""
    if isinstance(domains, str):
        if domains != "packaged":
            raise ValueError(f"domains must be 'packaged', a fitted domain model or None, got {domains!r}")
        from framing.domains import load_domain_model

        try:
            domains = load_domain_model()
        except FileNotFoundError:  # a copy of the package without its model folders
            return dict.fromkeys(ids)
    if domains is None or not ids:
        return dict.fromkeys(ids)
    from framing.domains import article_document

    titles = [frame.loc[i, "title"] for i in ids]
    documents = [article_document(None if t is None or t != t else str(t), text) for t, text in zip(titles, texts)]
    return dict(zip(ids, (str(d) for d in domains.predict(documents))))
