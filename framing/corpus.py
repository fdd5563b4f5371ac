"""Reading a corpus of news articles from a folder of text files or a table.

Two layouts are supported:

* **A folder of ``.txt`` files** where the sub-folder names the outlet
  (``corpus/<outlet>/<id>.txt``). The file stem is the article id, the first
  non-empty line is the title and the rest is the body. An optional front-matter
  block of ``key: value`` lines between two ``---`` lines at the top of the file
  may give ``date``, ``url``, and override ``id``, ``outlet`` or ``title`` (a
  title given there leaves the whole body as text)::

      ---
      date: 2022-02-24
      url: https://example.org/2022/02/24/invasion
      ---
      Headline on the first non-empty line after the closing ---

      First paragraph of the body...

  Leading ``date:``/``url:``/... lines without the ``---`` lines, or with only the
  opening one, are read as front matter too, and so is a block with an unknown
  key (which is ignored); each such article carries a ``warning``. A block whose
  end cannot be told (an opening ``---`` followed by no ``key: value`` line, a
  line inside that is not ``key: value``) skips the article with the reason.
  A single ``.txt`` file is read as a one-article corpus.
* **A table** (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``) with the columns
  ``id, outlet, date, title, text`` and optionally ``url``. Other column names are
  mapped with ``columns={"body": "text", ...}`` (``--column body=text`` on the
  command line).

Reading is lazy (:func:`iter_corpus`) so that a large corpus is never held in
memory at once. Nothing is dropped silently: an article that cannot be analysed
(empty text, duplicate id, unparseable date, bytes that are not UTF-8, front
matter that cannot be read) is still yielded, with ``skip_reason`` saying why, and
every output table of the analysis accounts for it. An article that is read but
whose input was irregular (front matter without ``---`` delimiters, an unknown
front-matter key) carries a ``warning`` saying what was assumed.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import json
import os
import re
import shlex
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

__all__ = ["Article", "CorpusError", "iter_corpus", "load_corpus", "CORPUS_COLUMNS"]

CORPUS_COLUMNS = ("id", "outlet", "date", "title", "text", "url")
"""Columns of the table returned by :func:`load_corpus`, before ``skip_reason`` and ``warning``."""

TABLE_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
UNKNOWN_OUTLET = "unknown"
_FRONT_MATTER_KEYS = ("date", "id", "outlet", "title", "url")
_KEY_VALUE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*:(.*)$")
_TEXT_COLUMN_NAMES = ("text", "body", "content", "article", "article_text", "articletext", "article_body",
                      "articlebody", "full_text", "fulltext", "body_text", "text_body", "main_text", "maintext",
                      "story", "raw_text", "document", "doc")
"""Names (compared lower-cased, spaces and hyphens as ``_``) that probably hold the article text, best
first; after them, a name with one of the words text, body, content, article, story; then the column with the
longest strings."""
_TABLE_CHUNK = 2_000


class CorpusError(ValueError):
    """The corpus as a whole cannot be read (missing file, missing column...)."""


@dataclass(frozen=True)
class Article:
    """One input article.

    ``skip_reason`` is set when it cannot be analysed. ``warning`` is set when it
    can, but its input was irregular and something had to be assumed (e.g. front
    matter without ``---`` delimiters); it is a human-readable sentence, several
    joined with ``"; "``, or ``None``.
    """

    id: str
    outlet: str
    title: str
    text: str
    date: _dt.date | None = None
    url: str | None = None
    skip_reason: str | None = None
    warning: str | None = None

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

    Columns: ``id, outlet, date, title, text, url, skip_reason, warning``
    (``skip_reason`` is missing for articles that can be analysed; ``warning`` is
    missing unless the input was irregular, see :class:`Article`). Use
    :func:`iter_corpus` for corpora too large for memory; :func:`framing.analyze`
    streams by itself when given a path.

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
    frame = pd.DataFrame(rows, columns=[*CORPUS_COLUMNS, "skip_reason", "warning"])
    # dates as datetime64 (missing: NaT), as in every table of an analysis
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ms]")
    return frame.astype({"id": "string", "outlet": "string", "title": "string", "text": "string",
                         "url": "string", "skip_reason": "string", "warning": "string"})


def iter_corpus(
    source: str | os.PathLike | pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    outlet: str | None = None,
    date_format: str | None = None,
) -> Iterator[Article]:
    """Yield every input article lazily, with duplicates and bad records marked.

    See :func:`load_corpus` for the parameters. Raises :class:`CorpusError`, naming
    the file and the option that fixes it, when the source itself is unusable: it
    does not exist, a folder holds no ``.txt`` file, a table file is empty or not
    well-formed, a table lacks a text column, or the column mapping does not fit it.
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
        yield from _rows(_map_columns(source, columns, "the DataFrame", cli=False), "row", outlet, date_format)
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
        line = raw.count(b"\n", 0, exc.start) + 1
        return Article(id=path.stem, outlet=default_outlet, title="", text="",
                       skip_reason=f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}, "
                                   f"line {line})")
    meta, body, warnings, problem = _split_front_matter(content)
    if problem:
        return Article(id=path.stem, outlet=default_outlet, title="", text="", skip_reason=problem)
    if "title" in meta:  # the front matter gives the title, so the whole body is text
        title, text = meta["title"], body.strip()
    else:
        title, text = _split_title(body)
    record = {"id": path.stem, "outlet": default_outlet, **meta, "title": title, "text": text}
    article = _article(record, date_format)
    return replace(article, warning="; ".join(warnings)) if warnings else article


def _split_front_matter(content: str) -> tuple[dict, str, list[str], str | None]:
    """Split the front matter from the body; returns ``(meta, body, warnings, problem)``.

    The front matter is a block of ``key: value`` lines between two ``---`` lines,
    the first of them being the first non-empty line of the file. Keys are
    ``date, id, outlet, title, url`` (case-insensitive); values may be quoted; blank
    lines and ``#`` comments inside the block are ignored; a key with an empty value
    counts as absent, and the last of a repeated key wins. The title is the first
    non-empty line after the closing ``---``, unless the front matter gives one.

    Irregular front matter is read when what the author meant is unambiguous, with a
    warning for :attr:`Article.warning`, and otherwise makes ``problem`` (the skip
    reason):

    * leading ``key: value`` lines of known keys without any ``---``: read as front
      matter, warning ``"front matter without '---' delimiters (read date, url)"``;
    * an opening ``---`` without a closing one, followed by ``key: value`` lines of
      known keys: those lines are read, warning ``"front matter opened with '---'
      on line 1 but never closed (read date)"``; followed by anything else: skipped;
    * an unknown key inside a closed block (``author: ...``): ignored, with a warning
      naming it and its line;
    * a line inside a closed block that is not ``key: value`` at all (e.g. the
      title put inside the block): skipped, with the line number.
    """
    lines = content.splitlines(keepends=True)
    start = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines) or lines[start].strip() != "---":
        meta, end = _leading_key_lines(lines, start)
        if not meta:
            return {}, content, [], None
        return (_non_empty(meta), "".join(lines[end:]),
                [f"front matter without '---' delimiters (read {', '.join(meta)})"], None)

    close = next((index for index in range(start + 1, len(lines)) if lines[index].strip() == "---"), None)
    if close is None:
        meta, end = _leading_key_lines(lines, start + 1)
        opened = f"front matter opened with '---' on line {start + 1} but never closed"
        if not meta:
            return {}, content, [], f"{opened}; add a '---' line after the last 'key: value' line"
        return _non_empty(meta), "".join(lines[end:]), [f"{opened} (read {', '.join(meta)})"], None

    meta: dict[str, str] = {}
    warnings: list[str] = []
    for index in range(start + 1, close):
        line, number = lines[index], index + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            return {}, content, [], (f"front matter line {number} is not 'key: value': {line.strip()!r} "
                                     "(the title goes on the first line after the closing '---')")
        key = match.group(1).lower()
        if key not in _FRONT_MATTER_KEYS:
            warnings.append(f"front matter key {match.group(1)!r} on line {number} ignored "
                            f"(known keys: {', '.join(_FRONT_MATTER_KEYS)})")
            continue
        meta[key] = _unquote(match.group(2))
    return _non_empty(meta), "".join(lines[close + 1:]), warnings, None


def _leading_key_lines(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """Read consecutive ``key: value`` lines of known keys from ``start``; (meta, next index)."""
    meta: dict[str, str] = {}
    index = start
    while index < len(lines):
        match = _KEY_VALUE.match(lines[index])
        if not match or match.group(1).lower() not in _FRONT_MATTER_KEYS:
            break
        meta[match.group(1).lower()] = _unquote(match.group(2))
        index += 1
    return meta, index


def _unquote(value: str) -> str:
    return value.strip().strip('"').strip("'")


def _non_empty(meta: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in meta.items() if value}


def _split_title(body: str) -> tuple[str, str]:
    """The first non-empty line is the title; the rest, stripped, is the text."""
    lines = body.strip().splitlines()
    if not lines:
        return "", ""
    return lines[0].strip(), "\n".join(lines[1:]).strip()


def _read_table(path: Path, kind: str, columns, outlet, date_format) -> Iterator[Article]:
    readers = {"csv": _read_csv, "jsonl": _read_jsonl, "parquet": _read_parquet}
    count = 0
    for article in readers[kind](path, columns, outlet, date_format):
        count += 1
        yield article
    if count == 0:
        why = {"csv": "a header but no rows", "jsonl": "no non-empty line", "parquet": "0 rows"}[kind]
        raise CorpusError(f"{path}: the table holds no articles ({why})")


def _read_csv(path: Path, columns, outlet, date_format) -> Iterator[Article]:
    # Undecodable bytes become lone surrogates so that one bad row is skipped
    # with a reason instead of the whole file failing to load.
    try:
        chunks = pd.read_csv(path, dtype=object, keep_default_na=False, chunksize=_TABLE_CHUNK,
                             encoding="utf-8", encoding_errors="surrogateescape")
    except pd.errors.EmptyDataError:
        raise CorpusError(f"{path}: the file is empty; a CSV corpus needs a header row "
                          f"({', '.join(CORPUS_COLUMNS)}) and one row per article") from None
    except pd.errors.ParserError as exc:
        raise CorpusError(f"{path}: not a well-formed CSV table ({str(exc).strip()})") from None
    with chunks:
        offset = 0
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except pd.errors.ParserError as exc:
                raise CorpusError(f"{path}: not a well-formed CSV table ({str(exc).strip()}); a field that holds "
                                  "commas, quotes or line breaks must be in double quotes") from None
            yield from _rows(_map_columns(chunk, columns, path), "row", outlet, date_format, offset)
            offset += len(chunk)


def _read_parquet(path: Path, columns, outlet, date_format) -> Iterator[Article]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise CorpusError(f"{path}: not a readable Parquet file ({exc})") from None
    offset = 0
    for batch in table.iter_batches(batch_size=_TABLE_CHUNK):
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
            except UnicodeDecodeError as exc:
                yield _bad_line(path, number, outlet,
                                f"not valid UTF-8 on line {number} (byte 0x{raw[exc.start]:02x} at "
                                f"column {exc.start + 1})")
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
    first, last = records[0]["_line"], records[-1]["_line"]
    where = f"{path} (lines {first}-{last})" if first != last else f"{path} (line {first})"
    yield from _rows(_map_columns(frame, columns, where), "line", outlet, date_format)


def _bad_line(path: Path, number: int, outlet, reason: str) -> Article:
    return Article(id=f"{path.name}:line{number}", outlet=outlet or UNKNOWN_OUTLET, title="", text="",
                   skip_reason=reason)


def _map_columns(frame: pd.DataFrame, columns, where, *, cli: bool = True) -> pd.DataFrame:
    """Rename the table's columns with the mapping and check that a text column results.

    Every error names the table (``where``), the columns it has, and the fix both as
    the command-line option (``--column THEIRS=OURS``, unless ``cli`` is false) and
    as the API keyword (``columns={THEIRS: OURS}``).
    """
    found = [name for name in frame.columns if name != "_line"]
    if columns:
        for theirs, ours in columns.items():
            if ours not in CORPUS_COLUMNS:
                close = difflib.get_close_matches(str(ours), CORPUS_COLUMNS, n=1)
                target = close[0] if close else "text"
                raise CorpusError(f"{where}: the column mapping sends {theirs!r} to {ours!r}, which is not one of "
                                  f"{', '.join(CORPUS_COLUMNS)}; did you mean {_fix(theirs, target, cli)}?")
        missing = [name for name in columns if name not in frame.columns]
        if missing:
            name = missing[0]
            hint = _closest(str(name), found)
            fix = (f"did you mean {_fix(hint, columns[name], cli)}?" if hint
                   else f"map one of these onto {columns[name]!r} instead")
            raise CorpusError(f"{where}: column {name!r} named in the column mapping is not in the table "
                              f"(columns: {found}); {fix}")
        renamed = [columns.get(name, name) for name in frame.columns]
        twice = sorted({name for name in renamed if renamed.count(name) > 1})
        if twice:
            target = twice[0]
            sources = [name for name in frame.columns if columns.get(name, name) == target]
            raise CorpusError(f"{where}: the column mapping gives two {target!r} columns (from {sources}); "
                              f"map only one column onto {target!r}, or rename the other in the table")
        frame = frame.rename(columns=dict(columns))
    if "text" not in frame.columns:
        candidate = _text_candidate(frame.drop(columns=["_line"], errors="ignore"), set(columns or {}))
        if candidate is None:
            fix = f"map the column holding the article text with {_fix('NAME', 'text', cli)}"
        else:
            fix = f"map one with {_fix(candidate, 'text', cli)}"
        raise CorpusError(f"{where}: no 'text' column (columns: {found}); {fix}")
    return frame


def _fix(theirs, ours, cli: bool) -> str:
    """The option that maps column ``theirs`` onto ``ours``, as a flag and as a keyword."""
    keyword = f"columns={{{theirs!r}: {ours!r}}}"
    return f"--column {shlex.quote(f'{theirs}={ours}')} (API: {keyword})" if cli else keyword


def _closest(name: str, found: list) -> str | None:
    by_case = [column for column in found if str(column).strip().lower() == name.strip().lower()]
    if by_case:
        return by_case[0]
    close = difflib.get_close_matches(name, [str(column) for column in found], n=1, cutoff=0.75)
    return close[0] if close else None


def _text_candidate(frame: pd.DataFrame, mapped: set) -> str | None:
    """The column most likely to hold the article text: a telling name, else the longest strings."""
    free = [name for name in frame.columns if name not in mapped and name not in CORPUS_COLUMNS]

    def normal(name) -> str:
        return re.sub(r"[\s-]+", "_", str(name).strip().lower())

    for known in _TEXT_COLUMN_NAMES:
        for name in free:
            if normal(name) == known:
                return name
    for name in free:
        if {"text", "body", "content", "article", "story"} & set(normal(name).split("_")):
            return name
    lengths = {}
    for name in free:
        values = frame[name].dropna()
        values = values[values.map(lambda value: isinstance(value, str))]
        if len(values):
            lengths[name] = values.str.len().mean()
    if not lengths:
        return None
    best = max(lengths, key=lengths.get)
    return best if lengths[best] >= 40 else None


def _rows(frame: pd.DataFrame, unit: str, outlet, date_format, offset: int = 0) -> Iterator[Article]:
    has_line = "_line" in frame.columns
    for position, record in enumerate(frame.to_dict(orient="records")):
        number = record.pop("_line") if has_line else offset + position + 1
        earlier_reason = _cell(record.get("skip_reason"))
        earlier_warning = _cell(record.get("warning"))
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
        if earlier_reason and article.ok:
            article = _skip(article, earlier_reason)
        yield replace(article, warning=earlier_warning) if earlier_warning else article


def _cell(value) -> str | None:
    if value is None or (not isinstance(value, (str, bytes)) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, _dt.date):
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
    if date_format:
        return None, (f"unparseable date {value!r} (expected the format {date_format!r} given with "
                      "--date-format / date_format=)")
    return None, (f"unparseable date {value!r} (expected ISO 8601, e.g. 2024-01-23; give another format "
                  "with --date-format, e.g. '%d/%m/%Y' (API: date_format='%d/%m/%Y'))")


def _skip(article: Article, reason: str) -> Article:
    return replace(article, skip_reason=reason)


def count_articles(source: str | os.PathLike | pd.DataFrame | Iterable) -> int | None:
    """Number of articles :func:`iter_corpus` will yield, for progress bars.

    Counted without holding the texts: ``.txt`` files in a folder, records of a CSV
    (read one column at a time, so quoted line breaks count right), non-empty lines
    of a JSONL file (malformed ones are yielded too), rows in a Parquet file's
    metadata. ``None`` when the source is not a path or cannot be counted (the
    reader then raises the error that says why).
    """
    if isinstance(source, pd.DataFrame):
        return len(source)
    try:
        path = Path(source)
    except TypeError:
        return None
    try:
        if path.is_dir():
            return sum(1 for p in path.rglob("*.txt") if p.is_file())
        kind = TABLE_SUFFIXES.get(path.suffix.lower())
        if path.suffix.lower() == ".txt":
            return 1 if path.is_file() else None
        if kind == "csv":
            with pd.read_csv(path, usecols=[0], dtype=object, keep_default_na=False, chunksize=10 * _TABLE_CHUNK,
                             encoding="utf-8", encoding_errors="surrogateescape") as chunks:
                return sum(len(chunk) for chunk in chunks)
        if kind == "jsonl":
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if kind == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # noqa: BLE001 - the total is a convenience; the reader reports what is wrong
        return None
    return None
