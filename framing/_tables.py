"""The tables of one analysis, held by name: those of the pipeline (``articles``) and of every
measure that ran (:mod:`framing.measures`), plus the run's metadata. :class:`framing.Analysis`
adds the comparison methods; this base is what the outlet statistics read."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing._runfolder import check_complete
from framing.measures import registered_measures, table_schemas


class Deferred:
    """A table still on disk: read when first asked for, so that a run's result holds no table in
    memory that its user does not read."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.identity = self._identity()

    def _identity(self) -> tuple:
        stat = self.path.stat()
        return stat.st_ino, stat.st_size, stat.st_mtime_ns

    def load(self) -> pd.DataFrame:
        try:
            same = self._identity() == self.identity
        except FileNotFoundError:
            same = False
        if not same:
            raise RuntimeError(f"{self.path} was replaced by another run after this result was made; "
                               f"read the folder again with framing.read_analysis({str(self.path.parent)!r})")
        return to_pandas(pq.read_table(self.path))

    def __len__(self) -> int:
        return pq.ParquetFile(self.path).metadata.num_rows


class Tables:
    """Analysis tables by name, each also an attribute (``tables.mentions``). A table of a
    registered measure that the run did not write reads as an empty table of its schema. A table
    given as a :class:`Deferred` is read from its file when first asked for."""

    def __init__(self, articles: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
                 actor_stance: pd.DataFrame | None = None, *, run: dict | None = None, **tables: pd.DataFrame):
        given = {"articles": articles, "mentions": mentions, "actor_stance": actor_stance, **tables}
        object.__setattr__(self, "_tables", {name: value for name, value in given.items() if value is not None})
        object.__setattr__(self, "run", dict(run or {}))

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("__"):
            raise AttributeError(name)
        tables = self.__dict__.get("_tables", {})
        if name in tables:
            if isinstance(tables[name], Deferred):
                tables[name] = tables[name].load()
            return tables[name]
        schema = table_schemas().get(name)
        if schema is not None:
            return frame([], schema)
        raise AttributeError(f"the analysis has no table {name!r}; it has {sorted(tables)}")

    def __setattr__(self, name: str, value) -> None:
        if name == "run":
            object.__setattr__(self, name, value)
        elif isinstance(value, (pd.DataFrame, Deferred)):
            self._tables[name] = value
        else:
            raise AttributeError(f"{name!r}: an analysis holds tables (DataFrames) and run")

    @property
    def names(self) -> list[str]:
        """The names of the tables held, without reading any that is still on disk."""
        return list(self._tables)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table held, by name (tables still on disk are read)."""
        return {name: getattr(self, name) for name in self._tables}

    def size(self, name: str) -> int:
        """The rows of table ``name``, without reading a table that is still on disk."""
        value = self._tables.get(name)
        return len(value) if value is not None else len(getattr(self, name))

    def replace(self, *, run: dict | None = None, **tables: pd.DataFrame):
        """A copy with some tables (or ``run``) replaced."""
        return type(self)(**{**self._tables, **tables}, run=self.run if run is None else run)


def table_names(run: dict) -> list[str]:
    """The tables a complete run wrote: listed in its ``run.json``; for a folder written before the
    list was recorded, those of the package's own measures."""
    if run.get("tables"):
        return list(run["tables"])
    own = [m for m in registered_measures() if type(m).__module__.startswith("framing.measures.")]
    return list(table_schemas(own))


def read_tables(directory: str | os.PathLike, cls=Tables):
    """The tables of the complete run in ``directory`` (see :func:`framing.read_analysis`)."""
    from framing._runfolder import read_run

    directory = Path(directory)
    listed = table_names(read_run(directory) or {})
    run = check_complete(directory, listed)
    tables = {name: to_pandas(pq.read_table(directory / f"{name}.parquet")) for name in table_names(run)}
    return cls(**tables, run=run)


def deferred_tables(directory: str | os.PathLike, names, cls=Tables):
    """The tables ``names`` of ``directory``, each read from its file when first asked for (the end
    of :func:`framing.analyze`: memory stays bounded by the batch however large the corpus)."""
    return cls(**{name: Deferred(Path(directory) / f"{name}.parquet") for name in names})


def to_pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow -> pandas with dates as ``datetime64`` (not Python ``date`` objects)."""
    return table.to_pandas(date_as_object=False)


def frame(rows: list[dict], schema: pa.Schema) -> pd.DataFrame:
    """Rows -> DataFrame with the same dtypes as a Parquet round trip."""
    return to_pandas(pa.Table.from_pylist(rows, schema=schema))
