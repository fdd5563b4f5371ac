"""Political actors and where a text mentions them.

An *actor inventory* lists the actors a study follows (states, alliances, blocs,
organisations, collectives such as "the West") with the surface forms that refer to
them: names and government metonyms ("the Kremlin"), context-dependent descriptions
("the alliance"), demonyms ("Russian forces") and the people and bodies that speak for
them ("Lavrov"), with dated terms of office. The default inventory for Russia-Ukraine
war coverage ships as ``framing/data/actors.yaml``; users load their own with
:func:`load_actors`.

:class:`MentionFinder` finds actor mentions in a parsed spaCy ``Doc``. Matching is
dictionary-based (spaCy ``PhraseMatcher``), in the tradition of event-data actor
dictionaries such as CAMEO/PETRARCH (Schrodt 2012) and the ICEWS actor dictionary, and
departs from them by using the dependency parse and named entities to settle the
ambiguities that matter for framing measures: one mention per noun phrase and actor,
demonyms only as modifiers, dated membership, and anaphors only after the actor was
named. Every rule is documented in ``docs/actors.md``.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

__all__ = [
    "Actor",
    "ActorInventory",
    "Member",
    "Mention",
    "MentionFinder",
    "evaluate_mentions",
    "load_actors",
]

Via = Literal["name", "anaphor", "demonym", "member"]

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_KEYS = ("description", "veto_prefixes", "veto_suffixes", "honorifics", "heritage_heads",
             "relation_nouns", "institution_words", "organisation_words", "namesake_regions", "actors")
_ACTOR_KEYS = ("id", "label", "kind", "names", "anaphoric", "demonyms", "exclude", "members",
               "source", "notes")
_MEMBER_KEYS = ("name", "variants", "short", "role", "titles", "start", "end", "ambiguous",
                "kind", "source", "notes")
_MEMBER_KINDS = ("person", "body")
# Words after a surname that belong to the name, not the surname: "Lloyd J. Austin III".
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# Dependency labels that keep a token inside the noun phrase of its head.
_NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "flat"})
# Dependency labels under which a demonym modifies a noun ("Russian forces",
# "Russian-backed", "Russians' homes").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
# Named-entity labels whose longer spans turn a contained name into another thing:
# "George Washington" (PERSON), "the West Bank" (GPE), "Western Europe" (LOC).
_GUARD_LABELS = frozenset({"PERSON", "GPE", "LOC"})
_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "PART", "PRON", "PUNCT"})
# Entities that make a longer name of a *name* of the inventory unless one of their words is a
# body of the state (``institution_words``): "Washington Post", "Washington Street", but "US Army".
_ORG_LABELS = frozenset({"ORG", "FAC"})
# Entity labels that count as evidence of a name in the sentence-case re-parse of a headline.
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_HYPHENS = "-\u2010\u2011\u2013"
_FRAME_COLUMNS = ("actor", "label", "kind", "via", "surface", "member", "role", "start", "end",
                  "requires_context")
_APOSTROPHES = ("'", "\u2019")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Member:
    """A person or body that speaks or acts for an actor.

    ``short`` holds the forms that refer to the member on their own (surnames). When
    left as ``None`` it is derived: the last word of ``name`` and of each variant for a
    ``kind="person"`` with a multi-word name, nothing for a ``kind="body"``.
    ``ambiguous=True`` means the short forms count only right after one of ``titles``
    ("Prime Minister Johnson") or once the member was identified earlier in the same
    document; ``titles`` defaults to ``(role,)``. ``start``/``end`` bound the role,
    both inclusive.
    """

    name: str
    variants: tuple[str, ...] = ()
    role: str | None = None
    start: date | None = None
    end: date | None = None
    short: tuple[str, ...] | None = None
    titles: tuple[str, ...] | None = None
    ambiguous: bool = False
    kind: str = "person"
    source: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name or not self.name.strip():
            raise ValueError("member name must be a non-empty string")
        if self.kind not in _MEMBER_KINDS:
            raise ValueError(
                f"member {self.name!r}: kind must be one of {_MEMBER_KINDS}, got {self.kind!r}"
            )
        if self.start and self.end and self.start > self.end:
            raise ValueError(
                f"member {self.name!r}: start {self.start.isoformat()} "
                f"is after end {self.end.isoformat()}"
            )
        if self.short is None:
            object.__setattr__(self, "short", self._derived_short())
        if self.titles is None:
            object.__setattr__(self, "titles", (self.role,) if self.role else ())

    def _derived_short(self) -> tuple[str, ...]:
        if self.kind != "person":
            return ()
        forms: list[str] = []
        for full in self.full_forms:
            words = full.split()
            while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
                words.pop()
            if len(words) > 1 and words[-1] not in forms:
                forms.append(words[-1])
        return tuple(forms)

    @property
    def full_forms(self) -> tuple[str, ...]:
        """The name and its variants (the forms that need no context)."""
        return (self.name, *self.variants)

    @property
    def given_names(self) -> frozenset[str]:
        """Words of the full forms that are not surnames ("Sergey", "Sergei")."""
        short_words = {w for s in self.short or () for w in s.split()}
        return frozenset(
            w for full in self.full_forms for w in full.split() if w not in short_words
        )

    def active_on(self, day: date | None) -> bool:
        """Whether the member held the role on ``day`` (bounds inclusive; True when None)."""
        if day is None:
            return True
        if isinstance(day, datetime):  # also pandas.Timestamp
            if day != day:  # pandas.NaT: date unknown, like None
                return True
            day = day.date()
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day > self.end)


@dataclass(frozen=True)
class Actor:
    """One actor of the inventory and every surface form that refers to it."""

    id: str
    label: str
    kind: str
    names: tuple[str, ...] = ()
    anaphoric: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()
    exclude: tuple[str, ...] = ()
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in a document.

    ``start``/``end`` are character offsets in ``doc.text`` (a possessive 's is not
    included) and ``token_start``/``token_end`` the token span (end exclusive). When a
    form sits inside a hyphenated token that spaCy keeps whole ("U.S.-led"), the
    character span covers the form only and the token span the whole token.
    """

    actor: str
    surface: str
    start: int
    end: int
    token_start: int
    token_end: int
    via: Via
    member: str | None = None


# ---------------------------------------------------------------------- inventory


class ActorInventory:
    """A validated, immutable collection of :class:`Actor`.

    Build one with :meth:`from_yaml`, :meth:`default` or :func:`load_actors`; the
    constructor validates actors built in code the same way.
    """

    def __init__(
        self,
        actors: Iterable[Actor],
        *,
        veto_prefixes: Sequence[str] = (),
        veto_suffixes: Sequence[str] = (),
        honorifics: Sequence[str] = (),
        heritage_heads: Sequence[str] = (),
        relation_nouns: Sequence[str] = (),
        institution_words: Sequence[str] = (),
        organisation_words: Sequence[str] = (),
        namesake_regions: Sequence[str] = (),
        description: str | None = None,
        origin: str = "<inventory>",
    ) -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self.veto_prefixes: tuple[str, ...] = tuple(veto_prefixes)
        self.veto_suffixes: tuple[str, ...] = tuple(veto_suffixes)
        self.honorifics: tuple[str, ...] = tuple(honorifics)
        self.heritage_heads: tuple[str, ...] = tuple(heritage_heads)
        self.relation_nouns: tuple[str, ...] = tuple(relation_nouns)
        self.institution_words: tuple[str, ...] = tuple(institution_words)
        self.organisation_words: tuple[str, ...] = tuple(organisation_words)
        self.namesake_regions: tuple[str, ...] = tuple(namesake_regions)
        self.description = description
        self.origin = origin
        _validate_actors(self.actors, origin)
        self._by_id = {actor.id: actor for actor in self.actors}
        self._full_index, self._short_index = _member_indexes(self.actors)

    # -- construction ---------------------------------------------------------
    @classmethod
    def from_yaml(cls, path: str | os.PathLike[str]) -> ActorInventory:
        """Read and validate an inventory file (format: ``docs/actors.md``).

        Raises ``ValueError`` naming the file and the entry for unknown keys, missing
        fields, bad dates, duplicate ids and a form claimed by two actors.
        """
        path = Path(path)
        return cls._from_text(path.read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def default(cls) -> ActorInventory:
        """The packaged inventory for Russia-Ukraine war coverage (cached)."""
        return _default_inventory()

    @classmethod
    def _from_text(cls, text: str, *, origin: str) -> ActorInventory:
        try:
            raw = yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no code runs
        except yaml.YAMLError as exc:
            raise ValueError(f"{origin}: not valid YAML: {exc}") from exc
        if not isinstance(raw, Mapping):
            raise ValueError(f"{origin}: expected a mapping with an 'actors' list at the top")
        _check_keys(raw, _TOP_KEYS, f"{origin}: top level")
        entries = raw.get("actors")
        if not isinstance(entries, list) or not entries:
            raise ValueError(f"{origin}: 'actors' must be a non-empty list")
        actors = [_parse_actor(entry, i, origin) for i, entry in enumerate(entries, 1)]
        return cls(
            actors,
            veto_prefixes=_str_tuple(raw.get("veto_prefixes"), f"{origin}: veto_prefixes"),
            veto_suffixes=_str_tuple(raw.get("veto_suffixes"), f"{origin}: veto_suffixes"),
            honorifics=_str_tuple(raw.get("honorifics"), f"{origin}: honorifics"),
            **{key: _str_tuple(raw.get(key), f"{origin}: {key}")
               for key in ("heritage_heads", "relation_nouns", "institution_words", "organisation_words",
                           "namesake_regions")},
            description=raw.get("description"),
            origin=origin,
        )

    # -- container protocol ---------------------------------------------------
    @property
    def ids(self) -> list[str]:
        """Actor ids in inventory order."""
        return [actor.id for actor in self.actors]

    def __getitem__(self, actor_id: str) -> Actor:
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"unknown actor id {actor_id!r}; known: {', '.join(self.ids)}") from None

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors)

    def __repr__(self) -> str:
        return f"ActorInventory({len(self)} actors: {', '.join(self.ids)})"

    # -- look-ups -------------------------------------------------------------
    def member_actor(self, name: str, on: date | None = None) -> str | None:
        """The id of the actor a person or body speaks for, or None.

        ``name`` may be a full form ("Sergei Lavrov"), a surname ("Lavrov") or either
        after a title ("Russian Foreign Minister Sergey Lavrov"); comparison ignores case
        and a trailing possessive. With ``on``, only members in office that day count.
        A surname flagged ``ambiguous`` resolves only after one of the member's titles
        ("Prime Minister Johnson"), never alone: for a bare "Johnson" use the
        :class:`MentionFinder` mentions, which see the document. None when nothing
        matches or when the name fits members of two different actors.
        """
        words = _strip_possessive(" ".join(name.split())).split()
        for i in range(len(words)):
            tail = " ".join(words[i:]).casefold()
            head = " ".join(words[:i]).casefold()
            found = {
                actor
                for actor, member in self._full_index.get(tail, ())
                if member.active_on(on)
            }
            if not found:
                found = {
                    actor
                    for actor, member in self._short_index.get(tail, ())
                    if member.active_on(on)
                    and (not member.ambiguous or _ends_with_title(head, member.titles or ()))
                }
            if found:
                return found.pop() if len(found) == 1 else None
        return None

    def to_frame(self):
        """One row per (actor, surface form, via), for documentation and notebooks.

        Columns: ``actor``, ``label``, ``kind``, ``via`` (name | anaphor | demonym |
        member), ``surface``, ``member`` (canonical member name or missing), ``role``,
        ``start``/``end`` (datetime64, NaT when open), ``requires_context`` (True for
        anaphors and the short forms of ``ambiguous`` members).
        """
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for actor in self.actors:
            base = {"actor": actor.id, "label": actor.label, "kind": actor.kind}
            no_member = {"member": None, "role": None, "start": None, "end": None}
            for via, forms in (
                ("name", actor.names),
                ("anaphor", actor.anaphoric),
                ("demonym", actor.demonyms),
            ):
                for form in forms:
                    rows.append(
                        base | no_member
                        | {"via": via, "surface": form, "requires_context": via == "anaphor"}
                    )
            for member in actor.members:
                about = {
                    "via": "member",
                    "member": member.name,
                    "role": member.role,
                    "start": member.start,
                    "end": member.end,
                }
                for form in member.full_forms:
                    rows.append(base | about | {"surface": form, "requires_context": False})
                for form in member.short or ():
                    rows.append(
                        base | about | {"surface": form, "requires_context": member.ambiguous}
                    )
        frame = pd.DataFrame(rows, columns=list(_FRAME_COLUMNS))
        for col in ("start", "end"):
            frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
        frame["requires_context"] = frame["requires_context"].astype(bool)
        return frame


def load_actors(path: str | os.PathLike[str] | None = None) -> ActorInventory:
    """Load an actor inventory from a YAML file; ``None`` gives the packaged default."""
    return ActorInventory.default() if path is None else ActorInventory.from_yaml(path)


@lru_cache(maxsize=1)
def _default_inventory() -> ActorInventory:
    resource = resources.files("framing").joinpath("data").joinpath("actors.yaml")
    return ActorInventory._from_text(
        resource.read_text(encoding="utf-8"), origin="framing/data/actors.yaml"
    )


# --------------------------------------------------------------------- validation


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so that a bad date such as 2022-09-31
    gets an error message naming the entry instead of failing inside the parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _check_keys(entry: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    unknown = [str(key) for key in entry if key not in allowed]
    if unknown:
        raise ValueError(
            f"{where}: unknown key(s) {', '.join(map(repr, unknown))}; "
            f"allowed: {', '.join(allowed)}"
        )


def _str_tuple(value: Any, where: str) -> tuple[str, ...]:
    """A YAML string or list of strings as a tuple (None -> empty)."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(
            f"{where}: expected a string or a list of non-empty strings, got {value!r}"
        )
    return tuple(v.strip() for v in items)


def _parse_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{where}: bad date {value!r} (expected an ISO date such as 2022-09-06)")


def _parse_actor(entry: Any, index: int, origin: str) -> Actor:
    where = f"{origin}: actor #{index}"
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: expected a mapping, got {type(entry).__name__}")
    if "id" in entry:
        where = f"{where} ({entry['id']!r})"
    _check_keys(entry, _ACTOR_KEYS, where)
    for key in ("id", "label", "kind"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ValueError(f"{where}: missing or empty {key!r}")
    members_raw = entry.get("members") or []
    if not isinstance(members_raw, list):
        raise ValueError(f"{where}: 'members' must be a list")
    members = tuple(
        _parse_member(raw, f"{where}, member #{i}") for i, raw in enumerate(members_raw, 1)
    )
    return Actor(
        id=entry["id"].strip(),
        label=entry["label"].strip(),
        kind=entry["kind"].strip(),
        names=_str_tuple(entry.get("names"), f"{where}: names"),
        anaphoric=_str_tuple(entry.get("anaphoric"), f"{where}: anaphoric"),
        demonyms=_str_tuple(entry.get("demonyms"), f"{where}: demonyms"),
        members=members,
        exclude=_str_tuple(entry.get("exclude"), f"{where}: exclude"),
        source=_str_tuple(entry.get("source"), f"{where}: source"),
    )


def _parse_member(entry: Any, where: str) -> Member:
    if not isinstance(entry, Mapping):
        raise ValueError(f"{where}: expected a mapping, got {type(entry).__name__}")
    if "name" in entry:
        where = f"{where} ({entry['name']!r})"
    _check_keys(entry, _MEMBER_KEYS, where)
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ValueError(f"{where}: missing or empty 'name'")
    role = entry.get("role")
    if role is not None and not isinstance(role, str):
        raise ValueError(f"{where}: 'role' must be a string")
    ambiguous = entry.get("ambiguous", False)
    if not isinstance(ambiguous, bool):
        raise ValueError(f"{where}: 'ambiguous' must be true or false")
    try:
        return Member(
            name=entry["name"].strip(),
            variants=_str_tuple(entry.get("variants"), f"{where}: variants"),
            role=role,
            start=_parse_date(entry.get("start"), f"{where}: start"),
            end=_parse_date(entry.get("end"), f"{where}: end"),
            short=_str_tuple(entry["short"], f"{where}: short") if "short" in entry else None,
            titles=_str_tuple(entry["titles"], f"{where}: titles") if "titles" in entry else None,
            ambiguous=ambiguous,
            kind=entry.get("kind", "person"),
            source=_str_tuple(entry.get("source"), f"{where}: source"),
        )
    except ValueError as exc:
        if str(exc).startswith(where):
            raise
        raise ValueError(f"{where}: {exc}") from exc


def _validate_actors(actors: Sequence[Actor], origin: str) -> None:
    """Ids unique and well formed; no surface form claimed by two actors."""
    if not actors:
        raise ValueError(f"{origin}: the inventory has no actors")
    seen_ids: dict[str, int] = {}
    claims: dict[str, tuple[str, str]] = {}  # form -> (actor id, what)
    for index, actor in enumerate(actors, 1):
        where = f"{origin}: actor #{index} ({actor.id!r})"
        if not isinstance(actor, Actor):
            raise ValueError(f"{origin}: actor #{index} is not an Actor")
        if not _ID_RE.match(actor.id):
            raise ValueError(f"{where}: id must match [a-z][a-z0-9_]* (used in column names)")
        if not _ID_RE.match(actor.kind):
            raise ValueError(f"{where}: kind must be a lower-case word, got {actor.kind!r}")
        if actor.id in seen_ids:
            first = seen_ids[actor.id]
            raise ValueError(
                f"{where}: duplicate actor id {actor.id!r} (first used by actor #{first})"
            )
        seen_ids[actor.id] = index
        if not (actor.names or actor.demonyms or actor.members):
            raise ValueError(f"{where}: needs at least one of names, demonyms or members")
        forms = [(f, "name") for f in actor.names] + [(f, "demonym") for f in actor.demonyms]
        for member in actor.members:
            forms += [(f, f"member {member.name!r}") for f in member.full_forms]
            forms += [(f, f"short form of member {member.name!r}") for f in member.short or ()]
        for form, what in forms:
            owner = claims.setdefault(form, (actor.id, what))
            if owner[0] != actor.id:
                raise ValueError(
                    f"{where}: alias {form!r} ({what}) is already claimed by actor "
                    f"{owner[0]!r} ({owner[1]}); a form may belong to one actor only"
                )
    for index, actor in enumerate(actors, 1):
        for form in actor.anaphoric:  # anaphors may be shared with other anaphors only
            owner = claims.get(form)
            if owner and owner[0] != actor.id:
                raise ValueError(
                    f"{origin}: actor #{index} ({actor.id!r}): anaphoric form {form!r} is "
                    f"claimed by actor {owner[0]!r} ({owner[1]})"
                )


def _member_indexes(
    actors: Sequence[Actor],
) -> tuple[dict[str, list[tuple[str, Member]]], dict[str, list[tuple[str, Member]]]]:
    full: dict[str, list[tuple[str, Member]]] = defaultdict(list)
    short: dict[str, list[tuple[str, Member]]] = defaultdict(list)
    for actor in actors:
        for member in actor.members:
            for form in member.full_forms:
                full[form.casefold()].append((actor.id, member))
            for form in member.short or ():
                short[form.casefold()].append((actor.id, member))
    return dict(full), dict(short)


def _strip_possessive(text: str) -> str:
    for apostrophe in _APOSTROPHES:
        if text.endswith(apostrophe + "s"):
            return text[:-2]
        if text.endswith(apostrophe):
            return text[:-1]
    return text


def _ends_with_title(text_before: str, titles: Iterable[str]) -> bool:
    """Whether ``text_before`` ends with one of ``titles`` as whole words (any case)."""
    text = text_before.rstrip().casefold()
    for title in titles:
        t = title.casefold()
        if text.endswith(t) and (len(text) == len(t) or not text[-len(t) - 1].isalnum()):
            return True
    return False


# ------------------------------------------------------------------------ finding


@dataclass(frozen=True)
class _Pattern:
    """What a matched form means: the actor, how it refers, and for members who."""

    order: int
    actor: str
    via: Via | Literal["exclude"]
    member: Member | None = None
    short: bool = False

    @property
    def contextual(self) -> bool:
        """Needs earlier context in the document: anaphors, ambiguous surnames."""
        return self.via == "anaphor" or (
            self.short and self.member is not None and self.member.ambiguous
        )


@dataclass(frozen=True)
class _Candidate:
    pattern: _Pattern
    token_start: int
    token_end: int
    start: int
    end: int
    fused: bool = False  # found inside a hyphenated token ("U.S.-led")

    @property
    def actor(self) -> str:
        return self.pattern.actor

    def overlaps(self, other: _Candidate) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class _DocContext:
    """Per-document look-ups shared by the filters."""

    doc: Any
    text: str  # doc.text is rebuilt on every access: read it once
    date: date | None
    parsed: bool
    ent_at: list[Any]
    covered: set[int]
    exclusions: dict[str, list[_Candidate]] = field(default_factory=dict)
    dateline_end: int = 0  # character offset where a leading dateline ends; 0 = none
    # Tokens of title-case lines: whether each counts as a name word for the entity guards,
    # judged on the line re-parsed in sentence case (rule 13).
    name_word: dict[int, bool] = field(default_factory=dict)


# A news-agency dateline opening the text: one to three capitalised words naming the place
# ("BRUSSELS", "RIO DE JANEIRO"), optionally ", region or date", optionally "(AGENCY)", then a dash
# and ordinary sentence-case text on the same line. "KYIV, Ukraine (AP) — ...", "MOSCOW, Jan 5
# (Reuters) - ...", "BRUSSELS (CPW) — ...".
_DATELINE_RE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Z.'\u2019]*(?:[ -][A-Z][A-Z.'\u2019]*){0,2})"
    r"(?:,[^\n()\u2014\u2013]{1,40}?)?\s*(?:\([^()\n]{1,40}\)\s*)?(?:\u2014|\u2013|--|-)\s+(?=[^\n]*[a-z])"
)


def _dateline_end(text: str, caps_forms: frozenset[str]) -> int:
    """End offset of a dateline opening ``text`` (0 when there is none). A place written in
    capitals that is itself an all-capitals form of the inventory ("NATO", "US") is not a
    dateline."""
    match = _DATELINE_RE.match(text)
    if match is None or match.group("place") in caps_forms:
        return 0
    return match.end()


# A word of a line, for the title-case test: starts with a letter ("G.O.P.", "F-16", "Ukrainian-American").
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.\-]*")
_SENTENCE_END_RE = re.compile(r"[a-z][.]\s*$")  # "... holdouts." ends a sentence; "G.O.P." does not


def _is_title_case(line: str) -> bool:
    """A headline in title case: at least three words, every content word (not an English stop
    word such as "of", "on", "out", "as") capitalised, at least two of them, and no full stop
    after a lower-case letter at the end ("Biden Pulling Out Of Debate", "Trump Taunts G.O.P.
    Holdouts")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if _SENTENCE_END_RE.search(line):
        return False
    words = _WORD_RE.findall(line)
    content = [w for w in words if len(w) > 1 and w.casefold() not in STOP_WORDS]
    return len(words) >= 3 and len(content) >= 2 and all(w[0].isupper() for w in content)


def _surface_variants(form: str) -> set[str]:
    """The spellings a form matches: as written, capitalised if it starts lower-case
    (sentence start), in capitals (headlines) and with either apostrophe."""
    variants = {form, form.upper()}
    if form[:1].islower():
        variants.add(form[0].upper() + form[1:])
    for variant in list(variants):
        for a, b in (_APOSTROPHES, _APOSTROPHES[::-1]):
            if a in variant:
                variants.add(variant.replace(a, b))
    return variants


class MentionFinder:
    """Find actor mentions in parsed spaCy documents.

    The matchers are built once from ``inventory`` with ``nlp``'s tokenizer; pass docs
    made by the same pipeline. Rules (longest match, noun-phrase de-duplication, dates,
    anaphors, exclusions): ``docs/actors.md``.
    """

    def __init__(self, inventory: ActorInventory, nlp) -> None:
        from spacy.matcher import PhraseMatcher

        self.inventory = inventory
        self.vocab = nlp.vocab
        self._nlp = nlp  # re-parses title-case headlines in sentence case (rule 13)
        self._heritage_heads = frozenset(inventory.heritage_heads)
        self._relation_nouns = frozenset(w.casefold() for w in inventory.relation_nouns)
        self._institution_words = frozenset(inventory.institution_words)
        self._organisation_words = frozenset(inventory.organisation_words)
        self._demonym_forms = frozenset(form for actor in inventory for form in actor.demonyms)
        self._namesake_re = (
            re.compile(r"^,\s*(?:" + "|".join(map(re.escape, inventory.namesake_regions)) + r")\b")
            if inventory.namesake_regions
            else None
        )
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._patterns: dict[int, _Pattern] = {}
        self._single_token: dict[str, list[_Pattern]] = defaultdict(list)
        self._honorifics = frozenset(inventory.honorifics)
        self._caps_forms = frozenset(
            form for actor in inventory
            for form in (*actor.names, *actor.anaphoric, *actor.demonyms,
                         *(f for m in actor.members for f in (*m.full_forms, *(m.short or ()))))
            if form.isupper())

        def add(pattern: _Pattern, forms: Iterable[str]) -> None:
            key = f"framing.actors:{pattern.order}:{pattern.actor}:{pattern.via}"
            self._patterns[self.vocab.strings.add(key)] = pattern
            docs = []
            for form in forms:
                for variant in sorted(_surface_variants(form)):
                    tokens = nlp.make_doc(variant)
                    docs.append(tokens)
                    if len(tokens) == 1 and pattern.via != "exclude":
                        self._single_token[variant].append(pattern)
            if docs:
                self._matcher.add(key, docs)

        order = 0
        for actor in inventory:
            for via, forms in (
                ("name", actor.names),
                ("anaphor", actor.anaphoric),
                ("demonym", actor.demonyms),
                ("exclude", actor.exclude),
            ):
                add(_Pattern(order, actor.id, via), forms)
                order += 1
            for member in actor.members:
                add(_Pattern(order, actor.id, "member", member), member.full_forms)
                add(_Pattern(order + 1, actor.id, "member", member, short=True), member.short or ())
                order += 2

        self._prefix_re = (
            re.compile(
                r"(?:^|\W)(?:" + "|".join(map(re.escape, inventory.veto_prefixes)) + r")"
                + rf"\s?[{_HYPHENS}]\s?$",
                re.IGNORECASE,
            )
            if inventory.veto_prefixes
            else None
        )
        self._suffix_re = (
            re.compile(
                rf"^\s?[{_HYPHENS}]\s?(?:"
                + "|".join(map(re.escape, inventory.veto_suffixes)) + r")\b",
                re.IGNORECASE,
            )
            if inventory.veto_suffixes
            else None
        )

    # -- public ---------------------------------------------------------------
    def find(self, doc, *, date: date | None = None) -> list[Mention]:
        """All actor mentions in ``doc``, sorted by start offset.

        With ``date`` (the article's publication date), members count only while in
        office; with None, every member counts.
        """
        raw = self._raw_candidates(doc)
        exclusions: dict[str, list[_Candidate]] = defaultdict(list)
        candidates: list[_Candidate] = []
        for cand in raw:
            if cand.pattern.via == "exclude":
                exclusions[cand.actor].append(cand)
            else:
                candidates.append(cand)
        ent_at: list[Any] = [None] * len(doc)
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                ent_at[i] = ent
        ctx = _DocContext(
            doc=doc,
            text=doc.text,
            date=date,
            parsed=doc.has_annotation("DEP"),
            ent_at=ent_at,
            covered={i for c in candidates for i in range(c.token_start, c.token_end)},
            exclusions=exclusions,
            dateline_end=_dateline_end(doc.text, self._caps_forms),
        )
        if ctx.parsed:
            ctx.name_word = self._title_case_name_words(doc, ctx.text, raw)
        admissible = [c for c in candidates if self._admissible(c, ctx)]
        chosen = _longest_first([c for c in admissible if not c.pattern.contextual])
        chosen = self._add_contextual(
            ctx.text, chosen, [c for c in admissible if c.pattern.contextual]
        )
        if ctx.parsed:
            chosen = _drop_nested(doc, chosen)
        text = ctx.text
        return [
            Mention(
                actor=c.actor,
                surface=text[c.start : c.end],
                start=c.start,
                end=c.end,
                token_start=c.token_start,
                token_end=c.token_end,
                via=c.pattern.via,  # type: ignore[arg-type]  # exclusions never get here
                member=c.pattern.member.name if c.pattern.member else None,
            )
            for c in sorted(chosen, key=lambda c: (c.start, c.end, c.pattern.order))
        ]

    # -- candidates -----------------------------------------------------------
    def _raw_candidates(self, doc) -> list[_Candidate]:
        out = []
        for key, start, end in self._matcher(doc):
            span = doc[start:end]
            out.append(_Candidate(self._patterns[key], start, end, span.start_char, span.end_char))
        # Forms inside hyphenated tokens that the tokenizer keeps whole ("U.S.-led").
        for token in doc:
            text = token.text
            if len(text) < 3 or not any(h in text for h in _HYPHENS):
                continue
            for part in re.finditer(rf"[^{_HYPHENS}]+", text):
                for pattern in self._single_token.get(part.group(), ()):
                    start, end = token.idx + part.start(), token.idx + part.end()
                    out.append(_Candidate(pattern, token.i, token.i + 1, start, end, fused=True))
        return out

    def _admissible(self, cand: _Candidate, ctx: _DocContext) -> bool:
        """Filters that need no other mention: datelines, dates, exclusions, affixes,
        entities, demonym syntax and the same-surname guard."""
        pattern = cand.pattern
        if cand.end <= ctx.dateline_end:  # "BRUSSELS (AP) —": where the story was filed
            return False
        if pattern.member is not None and not pattern.member.active_on(ctx.date):
            return False
        for ex in ctx.exclusions.get(cand.actor, ()):
            if ex.overlaps(cand) and not (cand.start <= ex.start and ex.end <= cand.end):
                return False
        text = ctx.text
        if self._prefix_re and self._prefix_re.search(text[max(0, cand.start - 12) : cand.start]):
            return False
        if self._suffix_re and self._suffix_re.search(text[cand.end : cand.end + 16]):
            return False
        if pattern.via in ("name", "demonym") and self._inside_longer_entity(cand, ctx):
            return False
        if pattern.via == "name" and self._namesake_re and self._namesake_re.match(text[cand.end : cand.end + 40]):
            return False  # "Paris, Texas", "Moscow, Idaho": a town named after the capital
        if pattern.via == "demonym" and self._heritage_compound(cand, ctx):
            return False
        if pattern.via == "demonym" and ctx.parsed and not cand.fused:
            if not _demonym_in_role(ctx.doc[cand.token_start : cand.token_end].root):
                return False
        if pattern.short and pattern.member is not None and pattern.member.kind == "person":
            if self._other_person(cand, ctx):
                return False
        return True

    def _inside_longer_entity(self, cand: _Candidate, ctx: _DocContext) -> bool:
        """A name inside a longer person or place name: "George Washington",
        "the West Bank", "Western Europe"; or a name inside the name of an organisation or
        facility that is not a body of the state: "Washington Post", "Washington Nationals",
        "Washington Street" (but "US Army", "White House Press Secretary" stay); or a
        demonym inside the name of an organisation whose head is one of
        ``organisation_words``: "the American Petroleum Institute", "British Airways" (but
        "the Russian Defence Ministry" stays)."""
        for ent in {ctx.ent_at[i] for i in range(cand.token_start, cand.token_end)} - {None}:
            if ent.label_ in _ORG_LABELS and cand.pattern.via == "demonym" \
                    and ent.root.i >= cand.token_end and ent.root.text in self._organisation_words:
                return True
            organisation = ent.label_ in _ORG_LABELS and cand.pattern.via == "name"
            if ent.label_ not in _GUARD_LABELS and not organisation:
                continue
            extra = [t for t in ent
                     if not (cand.token_start <= t.i < cand.token_end or t.i in ctx.covered)]
            if organisation and any(t.text in self._institution_words or t.text in self._honorifics
                                    for t in extra):
                continue
            if self._title_case_run_on(cand, ent, ctx):
                continue
            if any(self._name_word(t, ctx) for t in extra):
                return True
        return False

    def _title_case_run_on(self, cand: _Candidate, ent, ctx: _DocContext) -> bool:
        """In a title-case headline the recogniser can run an entity from a name over the verb
        after it ("Kyiv Prepares Armed Provocation Against Transnistria"): the entity is one name
        with the candidate only when a word next to the candidate inside it is a name word by the
        sentence-case re-parse ("Kyiv School ..."), so with neither neighbour one the candidate
        stands alone."""
        if not ctx.name_word:
            return False
        neighbours = [i for i in (cand.token_start - 1, cand.token_end) if ent.start <= i < ent.end]
        if not neighbours or any(i not in ctx.name_word for i in neighbours):
            return False
        return not any(ctx.name_word[i] for i in neighbours)

    @staticmethod
    def _name_word(token, ctx: _DocContext) -> bool:
        """:func:`_is_name_word`, with the sentence-case evidence for title-case lines."""
        return ctx.name_word.get(token.i, _is_name_word(token))

    def _title_case_name_words(self, doc, text: str, raw: list[_Candidate]) -> dict[int, bool]:
        """For the tokens of each title-case line of ``doc``: whether it is a name word.

        In title case every word is capitalised, so the NER runs a person or organisation
        over verbs and particles ("Biden Pulling Out", "Trump Taunts G.O.P."). The line is
        parsed again in sentence case (every capitalised word, or in an all-capitals line
        every word, lower-cased but the first and the words of inventory forms and
        exclusions), and a word counts as part of a longer name only when that parse still
        sees a proper noun or an entity there.
        """
        protected = {i for c in raw for i in range(c.token_start, c.token_end)}
        out: dict[int, bool] = {}
        offset = 0
        for line in text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not _is_title_case(line):
                continue
            words = [t for t in doc if start <= t.idx < end and not t.is_space]
            if not words:
                continue
            chars = list(line)
            capitals = all(t.is_upper for t in words if t.is_alpha and len(t) > 1)  # "KREMLIN DENIES TALKS"
            for token in words[1:]:
                lower = token.text.lower()
                cased = token.is_title or (capitals and token.is_alpha and token.is_upper)
                if cased and token.i not in protected and len(lower) == len(token.text):
                    chars[token.idx - start : token.idx - start + len(lower)] = lower
            sentence_case = "".join(chars)
            if sentence_case == line:
                continue
            again = {t.idx: t for t in self._nlp(sentence_case)}
            for token in words:
                other = again.get(token.idx - start)
                evidence = other is not None and (other.tag_ in ("NNP", "NNPS") or other.ent_type_ in _NAME_ENTS)
                out[token.i] = _is_name_word(token) and evidence
        return out

    def _heritage_compound(self, cand: _Candidate, ctx: _DocContext) -> bool:
        """A demonym inside an ethnic or heritage compound names people of a heritage, not a
        state: "African-American voters", "Ukrainian-Americans", "Chinese American families",
        "Korean American grocers" (both parts). A heritage head (``heritage_heads``: American)
        after a capitalised word joined by a hyphen, or by a space when that word is an
        ethnonym (a NORP entity or a demonym of the inventory); or a demonym before a heritage
        head joined the same way. A compound before a relation noun (``relation_nouns``) is a
        pair of states and stays: "Russian-American relations"."""
        if not self._heritage_heads:
            return False
        doc, text = ctx.doc, ctx.text
        surface = text[cand.start : cand.end]
        hyphen = rf"\s*[{_HYPHENS}]\s*"
        compound_end = None
        if surface in self._heritage_heads:  # "African-American", "Asian American"
            before = re.search(rf"(?:^|[^\w.])([A-Z][\w'\u2019]*)({hyphen}|\s)$", text[max(0, cand.start - 40) : cand.start])
            if before is not None:
                if before.group(2).strip():
                    compound_end = cand.end
                elif cand.token_start > 0 and not cand.fused:
                    prev = doc[cand.token_start - 1]
                    if prev.ent_type_ == "NORP" or prev.text in self._demonym_forms:
                        compound_end = cand.end
        if compound_end is None:  # "Ukrainian-American", "Chinese American"
            after = re.match(rf"({hyphen}|\s)([A-Z][\w'\u2019]*)", text[cand.end : cand.end + 40])
            if after is not None and after.group(2) in self._heritage_heads:
                joined = bool(after.group(1).strip())
                if not joined and cand.token_end < len(doc):
                    head = doc[cand.token_end]
                    joined = head.ent_type_ == "NORP" and (
                        doc[cand.token_start].ent_type_ == "NORP" or surface in self._demonym_forms)
                if joined:
                    compound_end = cand.end + after.end()
        if compound_end is None:
            return False
        following = re.match(r"\s+([A-Za-z]+)", text[compound_end : compound_end + 40])
        return not (following is not None and following.group(1).casefold() in self._relation_nouns)

    def _other_person(self, cand: _Candidate, ctx: _DocContext) -> bool:
        """A surname inside a person entity with another first name: "Hunter Biden"; or at the end
        of an organisation's name after other name words: the accounting firm "Kessler Vance"
        (not "the Vance campaign", nor a body of the state named after the surname)."""
        member = cand.pattern.member
        assert member is not None
        ent = ctx.ent_at[cand.token_start]
        if ent is None or ent.label_ not in ("PERSON", *_ORG_LABELS):
            return False
        allowed = member.given_names | self._honorifics
        allowed |= {w for title in member.titles or () for w in title.split()}
        for token in ent:
            if cand.token_start <= token.i < cand.token_end or token.i in ctx.covered:
                continue
            if ent.label_ != "PERSON" and (token.i > cand.token_start or token.text in self._institution_words):
                return False
            if self._name_word(token, ctx) and token.text not in allowed:
                return True
        return False

    # -- context-dependent forms -------------------------------------------------
    def _add_contextual(
        self, text: str, chosen: list[_Candidate], contextual: list[_Candidate]
    ) -> list[_Candidate]:
        """Add anaphors and ambiguous surnames whose context is satisfied, left to right.

        An anaphor goes to the claiming actor named (by name or member) most recently
        before it; an ambiguous surname needs an earlier mention of the same member (a
        full form, or the surname after a title) or one of its titles right before it.
        """
        groups: dict[tuple[int, int], list[_Candidate]] = defaultdict(list)
        for cand in contextual:
            groups[(cand.start, cand.end)].append(cand)
        chosen = list(chosen)
        for _span, group in sorted(groups.items(), key=lambda item: (item[0][0], -item[0][1])):
            if any(c.overlaps(group[0]) for c in chosen):
                continue
            best: tuple[int, _Candidate] | None = None
            for cand in group:
                score = self._context_score(text, cand, chosen)
                if score is not None and (best is None or score > best[0]):
                    best = (score, cand)
            if best is not None:
                chosen.append(best[1])
        return chosen

    @staticmethod
    def _context_score(text: str, cand: _Candidate, chosen: list[_Candidate]) -> int | None:
        """Where the supporting context ends (higher = more recent), or None."""
        pattern = cand.pattern
        earlier = [c for c in chosen if c.end <= cand.start and c.actor == cand.actor]
        if pattern.via == "anaphor":
            named = [c.end for c in earlier if c.pattern.via in ("name", "member")]
            return max(named) if named else None
        member = pattern.member
        assert member is not None
        # The member was identified earlier: by a full form, or by a surname accepted
        # after a title ("Lord Cameron ... Cameron said").
        identified = [c.end for c in earlier if c.pattern.member == member]
        if identified:
            return max(identified)
        if _ends_with_title(text[max(0, cand.start - 60) : cand.start], member.titles or ()):
            return cand.start
        return None


# ------------------------------------------------------------------------ helpers


def _is_name_word(token) -> bool:
    """A capitalised content word, such as a first name or the rest of a place name."""
    return (
        token.is_alpha
        and len(token) > 1
        and (token.is_title or token.is_upper)
        and not token.is_stop
        and token.pos_ not in _FUNCTION_POS
    )


def _demonym_in_role(token) -> bool:
    """A demonym counts as a modifier ("Russian forces", "Russian-backed"), a plural
    ("Russians") or a group noun with "the" ("the French"); not as a language ("speaks
    Russian", "in Russian") nor a single person ("a Russian")."""
    if token.tag_ in ("NNS", "NNPS"):
        return True
    # Position backs up the parse, which the small pipeline gets wrong in long
    # coordinations ("... and Western governments uniting"): directly before a noun or
    # a hyphen ("Russian-backed"), or a nationality conjunct ("US, German and NATO officials").
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and (
        following.pos_ in ("NOUN", "PROPN") or following.text in _HYPHENS
    ):
        return True
    if token.dep_ == "conj" and token.ent_type_ == "NORP":
        return True
    current = token
    for _ in range(10):  # walk up coordinations: "Russian and Ukrainian forces"
        if current.dep_ in _MODIFIER_DEPS:
            return True
        if any(child.dep_ == "det" and child.lower_ == "the" for child in current.children):
            return True
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Greedy overlap resolution: more tokens, then more characters, then earlier."""
    ranked = sorted(
        candidates,
        key=lambda c: (
            -(c.token_end - c.token_start),
            -(c.end - c.start),
            c.start,
            c.pattern.order,
        ),
    )
    kept: list[_Candidate] = []
    for cand in ranked:
        if not any(cand.overlaps(k) for k in kept):
            kept.append(cand)
    return kept


def _drop_nested(doc, chosen: list[_Candidate]) -> list[_Candidate]:
    """One mention per noun phrase and actor: drop a mention whose head chain
    (compound, amod, nmod, poss, appos, flat) reaches another mention of the same actor.

    "Russian Foreign Minister Sergey Lavrov" keeps Lavrov and drops "Russian";
    "Putin's Russia" keeps Russia.
    """
    owner: dict[int, int] = {}
    for idx, cand in enumerate(chosen):
        for i in range(cand.token_start, cand.token_end):
            owner.setdefault(i, idx)
    keep = []
    for idx, cand in enumerate(chosen):
        token = doc[cand.token_start : cand.token_end].root
        nested = False
        for _ in range(12):  # noun phrases are short; guards against odd parses
            if token.dep_ not in _NP_DEPS or token.head.i == token.i:
                break
            token = token.head
            other = owner.get(token.i)
            if other is not None and other != idx and chosen[other].actor == cand.actor:
                nested = True
                break
        if not nested:
            keep.append(cand)
    return keep


# -- evaluation against a hand-annotated gold set ---------------------------------

GOLD_KINDS = ("name", "metonym", "demonym", "member", "anaphor", "outside")


@dataclass(frozen=True)
class _GoldPair:
    """A gold mention and the found mention matched to it; either may be missing."""

    article_id: str
    gold: dict | None
    found: Mention | None
    wrong_actor: bool = False  # a found mention that overlaps only gold mentions of other actors
    field: str = "text"  # where the mention is: the article's "title" line or its "text"

    @property
    def actor(self) -> str:
        return self.gold["actor"] if self.gold is not None else self.found.actor  # type: ignore[union-attr]


GOLD_FIELDS = ("text", "title")


def evaluate_mentions(
    gold: str | os.PathLike[str],
    corpus: str | os.PathLike[str],
    *,
    split: Literal["dev", "test", "all"] = "all",
    nlp=None,
    inventory: ActorInventory | None = None,
    splits: str | os.PathLike[str] | None = None,
) -> dict:
    """Score :class:`MentionFinder` against a hand-annotated gold file of actor mentions.

    ``gold`` is a JSONL file (format and guideline in ``docs/mentions_gold.md``): one record
    per mention in the ``text`` of an article of ``corpus`` (anything
    :func:`framing.load_corpus` reads), with ``article_id, start, end, text, actor, kind,
    place`` and optionally ``split`` and ``field``. A record with ``"field": "title"`` is a
    mention in the article's title (its offsets are into the title); a gold file with any such
    record annotates the headlines of all its articles, which are then parsed on their own, as
    :func:`framing.analyze` does, and scored too. Only articles with gold records are scored (the
    gold set is complete for them), restricted to the articles of ``split`` unless it is
    ``"all"``. The split of each article comes from the split table ``splits`` (default:
    ``splits.yaml`` beside ``gold``, if there is one; see ``docs/gold_splits.md``), which refuses a
    record whose own ``split`` disagrees with it and a held-out score that the table's leakage rule
    forbids; without a table, from each record's ``split``.

    A found mention matches a gold one when the two share at least one character of the same
    field and name the same actor; pairs are formed one-to-one, largest overlap first. Two
    readings:

    * ``inventory``: the mentions the package's definition promises (``docs/actors.md``):
      every kind but ``outside``; a capital used as a place counts (rule 4). A found mention
      that matches an ``outside`` record is neither right nor wrong and is left out.
    * ``reference``: every reference a reader would count, ``outside`` ones included, but
      not a capital used as a place (``place``): finding one is a false positive.

    Returns ``split``, ``n_articles``, ``articles``, both readings as precision, recall, F1
    and counts (``inventory`` also per actor and per kind, ``reference`` with the recall of
    ``outside`` references), ``headline`` (the ``inventory`` reading on the titles alone, None
    when the gold file does not annotate headlines), ``wrong_actor`` (found mentions overlapping
    a gold mention of another actor and matching none) and the ``errors``: every missed gold
    mention and every found mention that matches none, with its field and context.
    """
    from framing._gold import context, gold_articles, pair_up, prf, read_gold, select_split

    if split not in ("dev", "test", "all"):
        raise ValueError(f"split must be 'dev', 'test' or 'all', got {split!r}")
    rows = read_gold(gold, ("article_id", "start", "end", "actor", "kind", "place"), "mention")
    for row in rows:
        if row["kind"] not in GOLD_KINDS:
            raise ValueError(f"{gold}: unknown kind {row['kind']!r} ({row['article_id']}, {row['start']}); "
                             f"expected one of {', '.join(GOLD_KINDS)}")
        if row.get("field", "text") not in GOLD_FIELDS:
            raise ValueError(f"{gold}: unknown field {row['field']!r} ({row['article_id']}, {row['start']}); "
                             f"expected one of {', '.join(GOLD_FIELDS)}")
    headlines = any(row.get("field") == "title" for row in rows)
    rows = select_split(rows, gold, split, splits=splits)

    def field_of(row: dict) -> str:
        return row.get("field", "text")

    # The text check of gold_articles is for the body; title records are checked here.
    frame, ids, texts = gold_articles([r if field_of(r) == "text" else {**r, "text": None} for r in rows],
                                      corpus, gold)
    titles = [t if isinstance(t := frame.loc[i, "title"], str) else "" for i in ids]
    title_of = dict(zip(ids, titles))
    for row in rows:
        if field_of(row) == "title" and title_of[row["article_id"]][row["start"]:row["end"]] != row["text"]:
            found = title_of[row["article_id"]][row["start"]:row["end"]]
            raise ValueError(f"{gold}: {row['article_id']} title [{row['start']}:{row['end']}] is {found!r} "
                             f"in the corpus, not {row['text']!r}")
    if nlp is None:
        from framing._nlp import load_nlp

        nlp = load_nlp()
    finder = MentionFinder(inventory if inventory is not None else ActorInventory.default(), nlp)
    fields = [("text", texts)] + ([("title", titles)] if headlines else [])
    pairs: list[_GoldPair] = []
    for field_name, strings in fields:
        for article_id, doc in zip(ids, nlp.pipe(strings)):
            day = frame.loc[article_id, "date"]
            found = finder.find(doc, date=day if isinstance(day, date) else None)
            golds = [r for r in rows if r["article_id"] == article_id and field_of(r) == field_name]
            for g, m in pair_up(found, golds, lambda m, g: m.actor == g["actor"]):
                wrong_actor = g is None and any(min(m.end, o["end"]) > max(m.start, o["start"])
                                                and o["actor"] != m.actor for o in golds)
                pairs.append(_GoldPair(article_id, g, m, wrong_actor=wrong_actor, field=field_name))

    def scores(pairs: list[_GoldPair], counts_gold, ignores_found) -> dict:
        """P/R/F1 over ``pairs``: gold records for which ``counts_gold`` holds are the target;
        found mentions matched to a record for which ``ignores_found`` holds are left out."""
        tp = sum(p.found is not None and p.gold is not None and counts_gold(p.gold) for p in pairs)
        n_gold = sum(p.gold is not None and counts_gold(p.gold) for p in pairs)
        n_found = sum(p.found is not None and not (p.gold is not None and ignores_found(p.gold)) for p in pairs)
        return prf(tp, n_found, n_gold)

    def in_definition(g: dict) -> bool:
        return g["kind"] != "outside"

    def outside(g: dict) -> bool:
        return g["kind"] == "outside"

    inventory_scores = scores(pairs, in_definition, outside)
    actors = sorted({p.actor for p in pairs})
    inventory_scores["per_actor"] = {a: scores([p for p in pairs if p.actor == a], in_definition, outside)
                                     for a in actors}
    kinds = [k for k in GOLD_KINDS if any(p.gold is not None and p.gold["kind"] == k for p in pairs)]
    inventory_scores["per_kind_recall"] = {
        k: scores([p for p in pairs if p.gold is not None and p.gold["kind"] == k], lambda g: True, outside)["recall"]
        for k in kinds}
    reference_scores = scores(pairs, lambda g: not g["place"], lambda g: False)
    outside_pairs = [p for p in pairs if p.gold is not None and outside(p.gold)]
    reference_scores["outside_recall"] = (sum(p.found is not None for p in outside_pairs) / len(outside_pairs)
                                          if outside_pairs else None)
    headline_scores = (scores([p for p in pairs if p.field == "title"], in_definition, outside)
                       if headlines else None)
    strings_of = {"text": dict(zip(ids, texts)), "title": title_of}

    def where(p: _GoldPair, start: int, end: int) -> dict:
        return {"field": p.field, "context": context(strings_of[p.field][p.article_id], start, end)}

    errors = [{"error": "missed", "article_id": p.article_id, "actor": p.gold["actor"], "kind": p.gold["kind"],
               "place": p.gold["place"], **where(p, p.gold["start"], p.gold["end"])}
              for p in pairs if p.gold is not None and p.found is None]
    errors += [{"error": "not in gold", "article_id": p.article_id, "actor": p.found.actor, "via": p.found.via,
                "wrong_actor": p.wrong_actor, **where(p, p.found.start, p.found.end)}
               for p in pairs if p.gold is None]
    return {"split": split, "n_articles": len(ids), "articles": ids, "n_gold": len(rows),
            "n_found": sum(p.found is not None for p in pairs), "inventory": inventory_scores,
            "reference": reference_scores, "headline": headline_scores,
            "wrong_actor": sum(p.wrong_actor for p in pairs), "errors": errors}
