"""Reading a corpus of news articles from a folder of text files or a table.

Two layouts are supported:

* **A folder of ``.txt`` files** where the sub-folder names the outlet
  (``corpus/<outlet>/<id>.txt``). The file stem is the article id, the first
  non-empty line is the title and the rest is the body. An optional front-matter
  block at the top of the file (``---`` lines around ``key: value`` pairs) may give
  ``date``, ``url``, and override ``id``, ``outlet`` or ``title``. A single
  ``.txt`` file is read as a one-article corpus.
* **A table** (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``) with the columns
  ``id, outlet, date, title, text`` and optionally ``url``. Other column names are
  mapped with ``columns={"body": "text", ...}``.

Reading is lazy (:func:`iter_corpus`) so that a large corpus is never held in
memory at once. Nothing is dropped silently: an article that cannot be analysed
(empty text, duplicate id, unparseable date, bytes that are not UTF-8) is still
yielded, with ``skip_reason`` saying why, and every output table of the analysis
accounts for it.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import pandas as pd

__all__ = ["Article", "CorpusError", "iter_corpus", "load_corpus", "CORPUS_COLUMNS"]

CORPUS_COLUMNS = ("id", "outlet", "date", "title", "text", "url")
"""Columns of the table returned by :func:`load_corpus`, before ``skip_reason``."""

TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
UNKNOWN_OUTLET = "unknown"
_FRONT_MATTER_KEYS = {"id", "outlet", "date", "title", "url"}
_TABLE_CHUNK = 2_000


class CorpusError(ValueError):
    """The corpus as a whole cannot be read (missing file, missing column...)."""


@dataclass(frozen=True)
class Article:
    """One input article. ``skip_reason`` is set when it cannot be analysed."""

    id: str
    outlet: str
    title: str
    text: str
    date: _dt.date | None = None
    url: str | None = None
    skip_reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.skip_reason is None

    def to_dict(self) -> dict:
        return asdict(self)


def load_corpus(
    source: str | os.PathLike | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    outlet: str | None = None,
    date_format: str | None = None,
) -> pd.DataFrame:
    """Read a whole corpus into a DataFrame, one row per input article.

    Columns: ``id, outlet, date, title, text, url, skip_reason`` (``skip_reason``
    is missing for articles that can be analysed). Use :func:`iter_corpus` for
    corpora too large for memory; :func:`framing.analyze` streams by itself when
    given a path.

    Parameters
    ----------
    source
        A folder of ``<outlet>/<id>.txt`` files, one ``.txt`` file, a
        ``.csv``/``.jsonl``/``.parquet`` table, or a DataFrame with the same columns.
    columns
        Maps the table's own column names onto ``id, outlet, date, title, text, url``,
        e.g. ``{"body": "text", "source": "outlet"}``.
    outlet
        Outlet for articles whose outlet is not given by a sub-folder, front matter
        or column (e.g. a single file).
    date_format
        A ``strftime`` format for dates that are not ISO 8601.
    """
    rows = [a.to_dict() for a in iter_corpus(source, columns=columns, outlet=outlet, date_format=date_format)]
    frame = pd.DataFrame(rows, columns=[*CORPUS_COLUMNS, "skip_reason"])
    return frame.astype({"id": "string", "outlet": "string", "title": "string", "text": "string",
                         "url": "string", "skip_reason": "string"})


def iter_corpus(
    source: str | os.PathLike | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    outlet: str | None = None,
    date_format: str | None = None,
) -> Iterator[Article]:
    """Yield every input article lazily, with duplicates and bad records marked.

    See :func:`load_corpus` for the parameters. Raises :class:`CorpusError` when
    the source itself is unusable (it does not exist, a table lacks a text column).
    """
    seen: dict[str, str] = {}
    for article in _read(source, columns=columns, outlet=outlet, date_format=date_format):
        if article.ok and article.id in seen:
            article = _skip(article, f"duplicate id (first seen in outlet {seen[article.id]!r})")
        elif article.ok:
            seen[article.id] = article.outlet
        if article.ok and not article.text.strip():
            article = _skip(article, "empty text")
        yield article


# --------------------------------------------------------------------------- readers


def _read(source, *, columns, outlet, date_format) -> Iterator[Article]:
    if isinstance(source, pd.DataFrame):
        yield from _rows(_map_columns(source, columns, "the DataFrame"), "row", outlet, date_format)
        return
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"corpus not found: {path}")
    if path.is_dir():
        yield from _read_folder(path, outlet=outlet, date_format=date_format)
    elif path.suffix.lower() == ".txt":
        yield _read_text_file(path, root_outlet=None, outlet=outlet, date_format=date_format)
    elif path.suffix.lower() in TABLE_SUFFIXES:
        yield from _read_table(path, TABLE_SUFFIXES[path.suffix.lower()], columns, outlet, date_format)
    else:
        raise CorpusError(
            f"cannot read {path}: expected a folder, a .txt file or a table "
            f"({', '.join(sorted(TABLE_SUFFIXES))})"
        )


def _read_folder(root: Path, *, outlet, date_format) -> Iterator[Article]:
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    if not files:
        raise CorpusError(f"no .txt files under {root}")
    for path in files:
        relative = path.relative_to(root)
        folder_outlet = relative.parts[0] if len(relative.parts) > 1 else None
        yield _read_text_file(path, root_outlet=folder_outlet, outlet=outlet, date_format=date_format)


def _read_text_file(path: Path, *, root_outlet, outlet, date_format) -> Article:
    default_outlet = root_outlet or outlet or UNKNOWN_OUTLET
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Article(id=path.stem, outlet=default_outlet, title="", text="",
                       skip_reason=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})")
    meta, body, problem = _split_front_matter(content)
    if problem:
        return Article(id=path.stem, outlet=default_outlet, title="", text="", skip_reason=problem)
    title, text = _split_title(body)
    record = {"id": path.stem, "outlet": default_outlet, "title": title, "text": text, **meta}
    if root_outlet is None and "outlet" not in meta:
        record["outlet"] = default_outlet
    return _article(record, date_format)


def _split_front_matter(content: str) -> tuple[dict, str, str | None]:
    """Split ``---`` front matter from the body; returns (meta, body, problem)."""
    lines = content.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, content, None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            break
    else:
        return {}, content, "front matter opened with '---' but never closed"
    meta = {}
    for number, line in enumerate(lines[1:index], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in _FRONT_MATTER_KEYS:
            return {}, content, (f"front matter line {number} is not one of "
                                 f"{sorted(_FRONT_MATTER_KEYS)} as 'key: value': {line.strip()!r}")
        meta[key] = value.strip().strip('"').strip("'")
    return meta, "".join(lines[index + 1:]), None


def _split_title(body: str) -> tuple[str, str]:
    """The first non-empty line is the title; the rest, stripped, is the text."""
    lines = body.strip().splitlines()
    if not lines:
        return "", ""
    return lines[0].strip(), "\n".join(lines[1:]).strip()


def _read_table(path: Path, kind: str, columns, outlet, date_format) -> Iterator[Article]:
    if kind == "csv":
        # Undecodable bytes become lone surrogates so that one bad row is skipped
        # with a reason instead of the whole file failing to load.
        with pd.read_csv(path, dtype=object, keep_default_na=False, chunksize=_TABLE_CHUNK,
                         encoding="utf-8", encoding_errors="surrogateescape") as chunks:
            offset = 0
            for chunk in chunks:
                yield from _rows(_map_columns(chunk, columns, path), "row", outlet, date_format, offset)
                offset += len(chunk)
    elif kind == "jsonl":
        yield from _read_jsonl(path, columns, outlet, date_format)
    else:
        import pyarrow.parquet as pq

        offset = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=_TABLE_CHUNK):
            chunk = batch.to_pandas()
            yield from _rows(_map_columns(chunk, columns, path), "row", outlet, date_format, offset)
            offset += len(chunk)


def _read_jsonl(path: Path, columns, outlet, date_format) -> Iterator[Article]:
    buffer: list[dict] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except UnicodeDecodeError:
                yield _bad_line(path, number, outlet, "not valid UTF-8")
                continue
            except ValueError as exc:
                yield _bad_line(path, number, outlet, f"malformed JSON on line {number}: {exc}")
                continue
            record["_line"] = number
            buffer.append(record)
            if len(buffer) >= _TABLE_CHUNK:
                yield from _jsonl_chunk(buffer, path, columns, outlet, date_format)
                buffer = []
    if buffer:
        yield from _jsonl_chunk(buffer, path, columns, outlet, date_format)


def _jsonl_chunk(records, path, columns, outlet, date_format) -> Iterator[Article]:
    frame = pd.DataFrame.from_records(records)
    yield from _rows(_map_columns(frame, columns, path), "line", outlet, date_format)


def _bad_line(path: Path, number: int, outlet, reason: str) -> Article:
    return Article(id=f"{path.name}:line{number}", outlet=outlet or UNKNOWN_OUTLET, title="", text="",
                   skip_reason=reason)


def _map_columns(frame: pd.DataFrame, columns, where) -> pd.DataFrame:
    if columns:
        missing = [name for name in columns if name not in frame.columns]
        if missing:
            raise CorpusError(f"{where}: column(s) {missing} named in the column mapping are not in the table "
                              f"(columns: {list(frame.columns)})")
        frame = frame.rename(columns=dict(columns))
    if "text" not in frame.columns:
        raise CorpusError(f"{where}: no 'text' column (columns: {list(frame.columns)}); "
                          "map yours with columns={'your_column': 'text'} or --text-column")
    return frame


def _rows(frame: pd.DataFrame, unit: str, outlet, date_format, offset: int = 0) -> Iterator[Article]:
    has_line = "_line" in frame.columns
    for position, record in enumerate(frame.to_dict(orient="records")):
        number = record.pop("_line") if has_line else offset + position + 1
        earlier_reason = _cell(record.get("skip_reason"))
        record = {key: _cell(record.get(key)) for key in CORPUS_COLUMNS}
        record["id"] = record["id"] or f"{unit}{number}"
        record["outlet"] = record["outlet"] or outlet or UNKNOWN_OUTLET
        record["title"] = record["title"] or ""
        record["text"] = record["text"] or ""
        bad = [key for key in ("id", "outlet", "title", "text") if _has_surrogates(record[key])]
        if bad:
            yield Article(id=_clean(record["id"]), outlet=_clean(record["outlet"]), title="", text="",
                          skip_reason=f"not valid UTF-8 in {', '.join(bad)} ({unit} {number})")
            continue
        article = _article(record, date_format)
        yield _skip(article, earlier_reason) if earlier_reason and article.ok else article


def _cell(value) -> str | None:
    if value is None or (not isinstance(value, (str, bytes)) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, (_dt.date, pd.Timestamp)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _has_surrogates(text: str | None) -> bool:
    return bool(text) and any("\udc80" <= ch <= "\udcff" for ch in text)


def _clean(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8") if text else text


def _article(record: dict, date_format: str | None) -> Article:
    raw_date = record.get("date")
    date, problem = _parse_date(raw_date, date_format)
    article = Article(id=str(record["id"]), outlet=str(record["outlet"]), title=record.get("title") or "",
                      text=record.get("text") or "", date=date, url=record.get("url") or None)
    return _skip(article, problem) if problem else article


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ].*)?$")


def _parse_date(value: str | None, date_format: str | None) -> tuple[_dt.date | None, str | None]:
    if value is None or str(value).strip() == "":
        return None, None
    value = str(value).strip()
    try:
        if date_format:
            return _dt.datetime.strptime(value, date_format).date(), None
        if _ISO_DATE.match(value):
            return pd.Timestamp(value).date(), None
    except ValueError:
        pass
    expected = f"format {date_format!r}" if date_format else "ISO 8601, e.g. 2024-01-23"
    return None, f"unparseable date {value!r} (expected {expected})"


def _skip(article: Article, reason: str) -> Article:
    return Article(id=article.id, outlet=article.outlet, title=article.title, text=article.text,
                   date=article.date, url=article.url, skip_reason=reason)


def count_articles(source: str | os.PathLike | pd.DataFrame | Iterable) -> int | None:
    """Cheap total for progress bars; ``None`` when unknown without reading."""
    if isinstance(source, pd.DataFrame):
        return len(source)
    try:
        path = Path(source)
    except TypeError:
        return None
    if path.is_dir():
        return sum(1 for _ in path.rglob("*.txt"))
    if path.suffix.lower() == ".txt":
        return 1
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    return None
