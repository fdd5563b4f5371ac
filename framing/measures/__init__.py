"""Measures: what the pipeline computes, each in one module, found by the pipeline by registration.

A measure is a room: the tables it writes (with their schemas), how it fills them from a parsed
article, its outlet comparisons, its figures and its ``evaluate``/``train`` entry points live in
one class. :func:`framing.analyze`, ``framing compare``, ``framing figures`` and the command line
read the registry; none of them names a measure. The package's own measures are the modules of
this folder (each defines ``MEASURE``); a user's measure joins with :func:`register_measure`, or
from another package through the ``framing.measures`` entry-point group::

    [project.entry-points."framing.measures"]
    loaded_words = "mypackage.loaded:MEASURE"

How the pipeline runs a measure, per batch of articles:

1. each article's title and text are parsed once, with the spaCy components the chosen measures
   read (:meth:`Measure.reads_lemmas`), and actor mentions found once;
2. :meth:`Measure.field_rows` sees each parsed field (:class:`Field`: the spaCy ``Doc``, the
   article, its mentions and what the measures before it left in ``Field.shared``) and returns
   rows by table name; a name that starts with ``_`` is kept for step 3 and written nowhere;
3. :meth:`Measure.batch_rows` sees the batch's analysed articles (:class:`Batch`: the articles,
   the text an article-level model reads, each article's domain and every row of step 2) and
   returns rows by table name.

Measures run in the order of :attr:`Measure.position`; a measure that reads another's rows names
it in :attr:`Measure.after`. ``docs/measures.md`` shows a measure written outside the package.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

__all__ = ["Batch", "Field", "Measure", "Setup", "get_measure", "register_measure", "registered_measures",
           "unregister_measure",
           "table_schemas", "comparison_kinds", "ENTRY_POINT_GROUP", "ARTICLE_SCHEMA"]

ENTRY_POINT_GROUP = "framing.measures"

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("outlet", pa.string()), ("date", pa.date32()), ("title", pa.string()),
    ("url", pa.string()), ("status", pa.string()), ("skip_reason", pa.string()), ("warning", pa.string()),
    ("n_words", pa.int64()), ("n_mentions", pa.int64()), ("n_quotes", pa.int64()), ("domain", pa.string()),
    ("domain_score", pa.float64()),
])
"""The one table the pipeline writes itself: one row per input article, analysed or skipped."""

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Setup:
    """What a measure may use when it loads its tools: the spaCy pipeline, the actor inventory
    and the name of the stance scorer asked for."""

    nlp: Any
    inventory: Any
    stance: str


@dataclass
class Field:
    """One parsed field (``"title"`` or ``"text"``) of one article, as each measure sees it.

    ``mentions`` are the actor mentions found in it (:class:`framing.Mention`); ``shared`` holds
    what the measures before this one left for later ones (the quote measure leaves its
    :class:`framing.Quote` objects under ``"quotes"``); ``domain`` is the article's domain
    (``war``, ``climate``, ``other``; None without the domain model)."""

    doc: Any
    article: Any
    name: str
    mentions: list
    shared: dict = field(default_factory=dict)
    domain: str | None = None

    @property
    def base(self) -> dict:
        """The columns every field-level row starts with."""
        return {"article_id": self.article.id, "outlet": self.article.outlet, "field": self.name}


@dataclass
class Batch:
    """The analysed articles of one batch, for article-level measures.

    ``documents[i]`` is what an article-level model reads (title, a blank line, text);
    ``domains[i]`` the article's domain (``war``, ``climate``, ``other``; None without the
    domain model); ``rows[i]`` every row the measures returned for the article's fields, by
    table name (private ``_`` names included)."""

    articles: list
    documents: list[str]
    domains: list
    rows: list[dict[str, list]]


class Measure:
    """One measure of the pipeline. Subclass it and override what the measure has.

    Class attributes
    ----------------
    name
        Lower-case identifier, used in ``--measures`` and in ``run.json``.
    tables
        ``{table name: pyarrow schema}`` of the tables it writes; every table has ``article_id``.
    comparisons
        The kinds of outlet table :meth:`compare` returns; ``framing compare --by outlet`` writes
        each as ``outlet_<kind>.parquet``.
    position
        Run and display order (the package's measures use 0-60; a user measure defaults to 100).
    after
        Measures whose rows or shared objects this one reads; they run first when chosen.
    core
        Always computed (the stance toward actors); other measures are chosen with ``measures=``.
    validation
        Key of the measure's entry in ``framing/data/validation.yaml`` (None: not validated there).
    """

    name: str = ""
    description: str = ""
    tables: Mapping[str, pa.Schema] = {}
    comparisons: tuple[str, ...] = ()
    position: float = 100
    after: tuple[str, ...] = ()
    core: bool = False
    validation: str | None = None
    evaluate_help: str | None = None
    """Help for ``framing evaluate NAME --data DIR``; set it when :meth:`evaluate` is implemented."""

    # ------------------------------------------------------------------ set-up

    def available(self) -> bool:
        """Whether this installation can compute the measure (a learned one needs its model)."""
        return True

    def on_by_default(self) -> bool:
        """Whether ``analyze`` computes the measure when no measures are named: yes, unless its
        validation puts it off (``default: false`` in ``framing/data/validation.yaml``)."""
        if self.validation is None:
            return True
        from framing._validation import on_by_default

        return on_by_default(self.validation)

    def load(self, setup: Setup) -> Any:
        """Build what the measure applies to each field or batch (a model, an extractor); once a run."""
        return None

    def reads_lemmas(self, tool: Any) -> bool:
        """Whether the measure reads token lemmas (``token.lemma_``) with this tool. When no measure of
        a run does, the parse leaves spaCy's lemmatizer out (about a tenth of its time). A measure
        says no only when it is sure: the default is yes."""
        return True

    def version(self, tool: Any) -> str | None:
        """A string that changes when the tool's output can change (recorded in ``run.json``): the
        tool's own ``version()`` when it has one, else its class name; None without a tool."""
        if tool is None:
            return None
        own = getattr(tool, "version", None)
        return own() if callable(own) else type(tool).__name__

    # ------------------------------------------------------------------ rows

    def field_rows(self, tool: Any, field: Field) -> Mapping[str, list]:
        """Rows of one parsed field, by table name (``_`` names are kept for :meth:`batch_rows`)."""
        return {}

    def batch_rows(self, tool: Any, batch: Batch) -> Mapping[str, list]:
        """Rows of a batch of analysed articles, by table name. It may also complete the rows
        its :meth:`field_rows` returned (in ``batch.rows``), before the measures after it read
        them: the stance measure scores every mention of the batch in one call here."""
        return {}

    # ------------------------------------------------------------------ outlet tables and figures

    def compare(self, analysis, *, by, n_boot: int, level: float, seed: int) -> dict[str, Any]:
        """``{kind: table}`` for each kind of :attr:`comparisons`, with bootstrap intervals."""
        return {}

    def figures(self, tables: Mapping[str, Any], *, actor_labels: Mapping[str, str] | None = None,
                caveat: str | None = None) -> dict[str, Any]:
        """``{file stem: matplotlib Figure}`` from the outlet tables of :meth:`compare` (keyed by
        kind); an empty table draws nothing. ``caveat`` is the validation's caveat for the chart."""
        return {}

    def caveat(self) -> str | None:
        """What the measure's figures say under the chart (its validation's caveat)."""
        if self.validation is None:
            return None
        from framing._validation import caveat

        return caveat(self.validation)

    # ------------------------------------------------------------------ validation

    def evaluate(self, data: str, *, folds: int = 5, seed: int = 0) -> dict:
        """Scores against human annotations in ``data`` (``framing evaluate NAME --data DIR``)."""
        raise NotImplementedError(f"the {self.name} measure has no evaluation")

    gold_help: str | None = None
    """One line for ``framing evaluate NAME --gold FILE --corpus DIR``; set it with :meth:`evaluate_gold`."""
    gold_description: str = ""
    gold_task: str | None = None
    """The task name of ``framing evaluate TASK --gold FILE --corpus DIR`` (default: the measure's name;
    set it when the measure also has an :meth:`evaluate` under its name)."""

    def evaluate_gold(self, gold: str, corpus: str, *, split: str = "test", inventory=None) -> dict:
        """Scores against a hand-annotated gold set (``framing evaluate NAME --gold FILE --corpus DIR``):
        offsets in ``gold`` refer to the articles of ``corpus``; ``split`` is the part scored, as
        declared in the ``splits.yaml`` beside the gold file."""
        raise NotImplementedError(f"the {self.name} measure has no gold-set evaluation")

    def train(self, data: str, *, out: str, seed: int = 0) -> dict:
        """Fit the measure's model on ``data`` and write it to ``out`` (``framing train NAME``)."""
        raise NotImplementedError(f"the {self.name} measure has nothing to train")

    def has(self, method: str) -> bool:
        """Whether this measure overrides ``method`` of :class:`Measure` (evaluate, evaluate_gold, train, ...)."""
        return getattr(type(self), method) is not getattr(Measure, method)

    def __repr__(self) -> str:
        return f"<measure {self.name}: {', '.join(self.tables)}>"


# --------------------------------------------------------------------------- registry

_REGISTRY: dict[str, Measure] = {}
_LOADED = False


def register_measure(measure: Measure | type[Measure], *, replace: bool = False) -> Measure:
    """Add a measure to the pipeline: ``framing.analyze(..., measures=[name])`` computes it,
    ``framing compare`` writes its outlet tables and ``framing figures`` draws its figures.

    ``measure`` is a :class:`Measure` instance or subclass. Refused, with the reason: a name that is
    not a lower-case identifier or is taken (unless ``replace``), a table without ``article_id``
    or that another measure writes, an ``after`` measure that is unknown or runs later."""
    _load()
    return _register(measure, replace=replace)


def _register(measure, *, replace: bool = False) -> Measure:
    if isinstance(measure, type) and issubclass(measure, Measure):
        measure = measure()
    if not isinstance(measure, Measure):
        raise TypeError(f"register_measure expects a framing.measures.Measure, got {type(measure).__name__}")
    name = measure.name
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"measure name {name!r}: use a lower-case identifier such as 'loaded_words'")
    if name in _REGISTRY and not replace:
        raise ValueError(f"a measure named {name!r} is registered already; pass replace=True to replace it")
    if not measure.tables:
        raise ValueError(f"measure {name!r} declares no tables")
    others = {table: other.name for other in _REGISTRY.values() if other.name != name for table in other.tables}
    for table, schema in measure.tables.items():
        if not _NAME.match(table) or table == "articles":
            raise ValueError(f"measure {name!r}: table name {table!r} is not allowed")
        if table in others:
            raise ValueError(f"measure {name!r}: table {table!r} is written by measure {others[table]!r} already")
        if not isinstance(schema, pa.Schema) or "article_id" not in schema.names:
            raise ValueError(f"measure {name!r}: table {table!r} needs a pyarrow schema with an article_id column")
    kinds = {kind: other.name for other in _REGISTRY.values() if other.name != name for kind in other.comparisons}
    for kind in measure.comparisons:
        if not _NAME.match(kind) or "_" in kind:
            raise ValueError(f"measure {name!r}: comparison kind {kind!r} must be one lower-case word")
        if kind in kinds:
            raise ValueError(f"measure {name!r}: comparison kind {kind!r} belongs to measure {kinds[kind]!r}")
    for before in measure.after:
        if before not in _REGISTRY:
            raise ValueError(f"measure {name!r} runs after {before!r}, which is not registered")
        if _REGISTRY[before].position >= measure.position:
            raise ValueError(f"measure {name!r} runs after {before!r}: give it a position above "
                             f"{_REGISTRY[before].position}")
    _REGISTRY[name] = measure
    return measure


def unregister_measure(name: str) -> None:
    """Remove a measure registered with :func:`register_measure` (the package's own stay)."""
    _load()
    measure = _REGISTRY.get(name)
    if measure is None:
        raise ValueError(f"no measure named {name!r} is registered")
    if type(measure).__module__.startswith(f"{__name__}."):
        raise ValueError(f"{name!r} is one of the package's own measures and cannot be removed")
    dependants = [m.name for m in _REGISTRY.values() if name in m.after]
    if dependants:
        raise ValueError(f"measures {dependants} run after {name!r}; remove them first")
    del _REGISTRY[name]


def registered_measures() -> tuple[Measure, ...]:
    """Every registered measure, in run order: the package's own, then those of installed
    packages (entry points) and of :func:`register_measure`."""
    _load()
    return tuple(sorted(_REGISTRY.values(), key=lambda m: (m.position, m.name)))


def get_measure(name: str) -> Measure:
    """The registered measure called ``name``; the error lists the registered ones."""
    _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown measure {name!r}; choose from "
                         f"{[m.name for m in registered_measures() if not m.core]}") from None


def table_schemas(measures: Iterable[Measure] | None = None) -> dict[str, pa.Schema]:
    """``{table: schema}``: the articles table, then the tables of ``measures`` (default: all registered)."""
    chosen = registered_measures() if measures is None else measures
    return {"articles": ARTICLE_SCHEMA, **{table: schema for m in chosen for table, schema in m.tables.items()}}


def comparison_kinds() -> dict[str, str]:
    """``{kind: measure}`` of every outlet table ``framing compare`` can write."""
    return {kind: m.name for m in registered_measures() for kind in m.comparisons}


def _load() -> None:
    """Register the package's measures (the modules of this folder) and installed plug-ins, once."""
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    modules = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    own = [importlib.import_module(f"{__name__}.{module}").MEASURE for module in modules]
    # positions, not file names, order the package's measures: register those run first first
    for measure in sorted(own, key=lambda m: (m.position, m.name)):
        _register(measure)
    for entry in _entry_points():
        try:
            _register(entry.load())
        except Exception as exc:  # a broken plug-in must not stop the package's own measures
            warnings.warn(f"framing: the measure {entry.name!r} of entry point {entry.value!r} was not "
                          f"registered: {type(exc).__name__}: {exc}", stacklevel=2)


def _entry_points() -> list:
    from importlib.metadata import entry_points

    return sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)


def learned_model_available(name: str) -> bool:
    """Whether the packaged model folder ``framing/models/<name>`` is installed."""
    from importlib.resources import files

    return files("framing").joinpath("models", name).is_dir()

