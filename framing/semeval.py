"""Readers of the SemEval annotation files the package is validated on, as they were released.

Two shared tasks supply the annotated data of :mod:`framing.roles`, :mod:`framing.narratives`
and :mod:`framing.frames`:

* SemEval-2025 Task 10, "Multilingual Characterization and Extraction of Narratives from
  Online News" (Piskorski et al. 2025): ``raw-documents/<ID>.txt``, subtask 1 (entity roles,
  ``subtask-1-annotations.txt``: ``doc_id \\t mention \\t start \\t end \\t main_role \\t
  fine_role...``, ``end`` the offset of the mention's last character) and subtask 2
  (narratives, ``subtask-2-annotations.txt``), with the label lists
  ``subtask2_narratives.json`` and ``subtask2_subnarratives.json`` beside the annotations
  (English release) or one folder up (the folder of language folders of the other releases);
* SemEval-2023 Task 3 subtask 2, frames (Piskorski, Stefanovitch, Da San Martino & Nakov
  2023): ``articles/article<ID>.txt`` and ``labels.txt``.

The released files are not uniform, and the readers here take them as they come:

* **Offsets in another unit.** Subtask 1 offsets are meant as character offsets into the
  document read as UTF-8 without newline translation, but some were counted otherwise:
  in UTF-16 code units, where a character outside the Basic Multilingual Plane (an emoji)
  counts twice (4 of the 928 Hindi mentions, in two documents; the same happens in war
  documents of the full English release); or with every line end counted as two
  characters, as if the document had CRLF line ends where the released file has LF (303 of the 367 Russian mentions: in 109 of the 133
  Russian documents the offsets drift by one character per line break before the
  mention; a byte-order mark, where there is one, is counted as a character). Offsets
  counted without a document's byte-order mark are handled too.
  :func:`locate_mention` tries the offsets as given and under each convention
  (:data:`CONVENTIONS`), then looks for the nearest occurrence of the mention within a
  few characters; one that matches nowhere is skipped and counted, not an error.
  :func:`load_entity_roles` reads a whole file, taking each document's offsets under the
  convention that fits most of its mentions, reports how many offsets each convention
  fixed (``attrs["offsets"]``) and logs one line for a file where any needed fixing.
* **Byte-order marks** at the start of documents (18 Russian documents, two English
  SemEval-2023 articles) and annotation files: removed (offsets are moved with the text).
* **CRLF line ends** in annotation files and documents (Bulgarian, Portuguese, Hindi;
  SemEval-2023 French, German, Polish and Russian articles): annotation lines are read
  without them; subtask 1 documents keep them (their offsets count them), other
  documents are read with LF line ends.
* **Trailing tabs and empty trailing fields** in annotation lines are dropped.
* **Document ids**: with or without ``.txt``; the domain comes from the id
  (``EN_UA_…``, ``RU-URW-…``, ``…_CC_…``) or, where the id does not say (``BG_670``,
  ``HI_29``, ``PT_13``), from the document's subtask 2 labels.

The NewsMTSC files read by :func:`framing.evaluation.load_newsmtsc` need none of this:
every target's ``sentence[from:to]`` equals its mention in the released train and dev files.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

__all__ = [
    "CONVENTIONS",
    "Located",
    "domain_of",
    "label_files",
    "load_entity_roles",
    "locate_mention",
    "offset_counts",
    "read_document",
    "read_tsv",
    "roles_files",
]

logger = logging.getLogger(__name__)

ROLES_ANNOTATIONS = "subtask-1-annotations.txt"
NARRATIVES_ANNOTATIONS = "subtask-2-annotations.txt"
DOCUMENTS = "raw-documents"
LABEL_FILES = ("subtask2_narratives.json", "subtask2_subnarratives.json")
ENGLISH_FOLDER = "semeval2025-roles-narratives-en"

BOM = "\ufeff"
# The ways the released offsets were counted, tried in this order after the offsets as given:
# in UTF-16 code units, with each LF line end counted as two characters (CRLF), without the
# byte-order mark that opens the document, and their combinations.
CONVENTIONS: tuple[tuple[str, ...], ...] = (
    ("utf16",), ("crlf",), ("bom",),
    ("utf16", "crlf"), ("crlf", "bom"), ("utf16", "bom"), ("utf16", "crlf", "bom"),
)
# How far (in characters, either way) the nearest occurrence of a mention is looked for when
# no convention places it.
MAX_SHIFT = 20
# The keys of the offset counts, always present; a combination of conventions that fixed an
# offset ("utf16+crlf") is added when it occurs.
COUNT_KEYS = ("as_given", "utf16", "crlf", "bom", "shifted", "skipped")


class Located(NamedTuple):
    """Where a mention is: ``text[start:end]`` (end exclusive), and how it was found:
    ``"as_given"``, a convention (``"utf16"``, ``"crlf"``, ``"bom"``, or several joined
    with ``+``) or ``"shifted"``."""

    start: int
    end: int
    kind: str


# ------------------------------------------------------------------------------ files


def _decode(path: str | os.PathLike) -> str:
    """The file's text, decoded as UTF-8 with nothing removed or translated."""
    path = Path(path)
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def read_document(path: str | os.PathLike, *, normalize_newlines: bool = False) -> str:
    """A document decoded as UTF-8, without the byte-order mark some files open with.

    Line ends are kept as in the file (the offsets of subtask 1 count a CRLF as two
    characters); ``normalize_newlines=True`` turns CRLF (and a lone CR) into LF. Raises
    ``ValueError`` naming the file if it is not UTF-8.
    """
    text = _decode(path).removeprefix(BOM)
    if normalize_newlines:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_tsv(path: str | os.PathLike) -> Iterator[tuple[int, list[str]]]:
    """``(line number, fields)`` for each non-blank line of a tab-separated annotation file.

    A byte-order mark, CR line ends, trailing tabs and empty trailing fields are dropped;
    fields are otherwise as in the file (a mention keeps its inner spaces).
    """
    # split on LF only: str.splitlines would also break a line at U+2028, U+0085 and the like
    for number, line in enumerate(_decode(path).removeprefix(BOM).split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        while fields and not fields[-1].strip():
            fields.pop()
        yield number, fields


def roles_files(path: str | os.PathLike) -> tuple[Path, Path]:
    """``(subtask-1-annotations.txt, raw-documents/)`` of a SemEval-2025 Task 10 folder.

    ``path`` is the folder, the annotation file, or the shared data folder holding
    ``semeval2025-roles-narratives-en``. Given the folder of language folders of the
    multilingual release, the error names the language folders to choose from.
    """
    path = Path(path)
    if path.is_dir() and not (path / ROLES_ANNOTATIONS).exists() and (path / ENGLISH_FOLDER).is_dir():
        path = path / ENGLISH_FOLDER
    annotations = path / ROLES_ANNOTATIONS if path.is_dir() else path
    documents = annotations.parent / DOCUMENTS
    if not annotations.is_file() or not documents.is_dir():
        languages = sorted(p.name for p in path.iterdir() if (p / ROLES_ANNOTATIONS).is_file()) \
            if path.is_dir() else []
        hint = f"; pass one of its language folders: {', '.join(languages)}" if languages else ""
        raise FileNotFoundError(f"expected {ROLES_ANNOTATIONS} and {DOCUMENTS}/ in {annotations.parent}{hint}")
    return annotations, documents


def label_files(path: str | os.PathLike) -> tuple[Path, Path]:
    """The label lists of subtask 2 (``subtask2_narratives.json``, ``subtask2_subnarratives.json``)
    for a task folder: in the folder itself (English release) or in its parent (multilingual
    release, where they sit above the language folders). Raises ``FileNotFoundError``."""
    folder = Path(path)
    folder = folder if folder.is_dir() else folder.parent
    for place in (folder, folder.parent):
        if all((place / name).is_file() for name in LABEL_FILES):
            return tuple(place / name for name in LABEL_FILES)  # type: ignore[return-value]
    raise FileNotFoundError(f"no {' and '.join(LABEL_FILES)} in {folder} or {folder.parent}")


_DOMAIN_IN_ID = re.compile(r"(?:^|[_-])(UA|URW|CC)(?=[_-]|$)")


def domain_of(doc_id: str, labels: Sequence[str] = ()) -> str | None:
    """``"URW"`` (Ukraine-Russia war) or ``"CC"`` (climate change) for a SemEval-2025 Task 10
    document: from its id (``EN_UA_…``, ``RU-URW-…``, ``EN_CC_…``), else from the prefixes
    of its narrative ``labels`` when they agree; ``None`` when neither says."""
    match = _DOMAIN_IN_ID.search(Path(doc_id).stem if doc_id.endswith(".txt") else doc_id)
    if match:
        return "CC" if match.group(1) == "CC" else "URW"
    prefixes = {label.split(":")[0].strip() for label in labels if ":" in label}
    return prefixes.pop() if len(prefixes) == 1 and prefixes <= {"URW", "CC"} else None


def _narrative_labels(folder: Path) -> dict[str, list[str]]:
    """doc_id (without ``.txt``) -> narrative labels, from the folder's subtask 2 file if any."""
    file = folder / NARRATIVES_ANNOTATIONS
    if not file.is_file():
        return {}
    out = {}
    for _, fields in read_tsv(file):
        name = fields[0].strip()
        out[name.removesuffix(".txt")] = [x for x in (fields[1] if len(fields) > 1 else "").split(";") if x.strip()]
    return out


# ---------------------------------------------------------------------------- offsets


def _same(found: str, mention: str) -> bool:
    """Equal, or equal once Unicode is NFC-normalised and runs of whitespace (line breaks,
    no-break spaces) are single spaces. Case is not ignored: "US" is not "us"."""
    if found == mention:
        return True

    def norm(s: str) -> str:
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s))

    return norm(found) == norm(mention)


def _counted_positions(text: str, convention: Sequence[str]) -> list[int] | None:
    """The offset, counted under ``convention``, of each position 0..len(text) of ``text``;
    ``None`` when the convention counts ``text`` as it is (nothing to convert)."""
    utf16, crlf, bom = "utf16" in convention, "crlf" in convention, "bom" in convention
    if utf16 and not any(ord(ch) > 0xFFFF for ch in text):
        return None
    if crlf and not re.search(r"(?:^|[^\r])\n", text):
        return None
    if bom and not text.startswith(BOM):
        return None
    positions = [0] * (len(text) + 1)
    count, previous = 0, ""
    for i, ch in enumerate(text):
        if bom and i == 0 and ch == BOM:
            width = 0
        elif (crlf and ch == "\n" and previous != "\r") or (utf16 and ord(ch) > 0xFFFF):
            width = 2
        else:
            width = 1
        count += width
        positions[i + 1] = count
        previous = ch
    return positions


def _convert(positions: list[int], start: int, end: int) -> tuple[int, int] | None:
    """Text positions of counted offsets ``start``/``end`` (end exclusive), or ``None`` when
    an offset falls inside a character (half a surrogate pair, between CR and LF) or outside."""
    i = bisect_right(positions, start) - 1  # past zero-width characters (an uncounted BOM)
    j = bisect_left(positions, end)
    if not (0 <= i < len(positions) and j < len(positions)) or positions[i] != start or positions[j] != end:
        return None
    return (i, j) if i < j else None


class _Document:
    """A document's text with the counted positions of each convention, computed once."""

    def __init__(self, text: str):
        self.text = text
        self._positions: dict[tuple[str, ...], list[int] | None] = {}

    def convert(self, convention: tuple[str, ...], start: int, end: int) -> tuple[int, int] | None:
        if not convention:
            return (start, end) if 0 <= start < end <= len(self.text) else None
        if convention not in self._positions:
            self._positions[convention] = _counted_positions(self.text, convention)
        positions = self._positions[convention]
        return None if positions is None else _convert(positions, start, end)

    def matches(self, convention: tuple[str, ...], mention: str, start: int, end: int) -> tuple[int, int] | None:
        span = self.convert(convention, start, end)
        return span if span is not None and _same(self.text[span[0]:span[1]], mention) else None


def _shift(text: str, mention: str, start: int, max_shift: int) -> tuple[int, int] | None:
    """The occurrence of ``mention`` that starts nearest to ``start``, at most ``max_shift``
    characters away (the earlier one of two equally near)."""
    if not mention.strip() or max_shift < 0:
        return None
    best = None
    low = max(0, start - max_shift)
    found = text.find(mention, low, start + max_shift + len(mention))
    while found != -1 and found <= start + max_shift:
        if best is None or abs(found - start) < abs(best - start):
            best = found
        found = text.find(mention, found + 1, start + max_shift + len(mention))
    return None if best is None else (best, best + len(mention))


def locate_mention(text: str, mention: str, start: int, end: int, *,
                   prefer: Sequence[tuple[str, ...]] = (), max_shift: int = MAX_SHIFT) -> Located | None:
    """Where ``mention``, annotated at ``start:end`` (end exclusive), is in ``text``.

    ``text`` is the document as released (with its byte-order mark and line ends). The
    offsets are tried under the conventions of ``prefer`` (say, the one that fits the rest
    of the document), as given, and under each of :data:`CONVENTIONS`, in that order; a
    place is accepted when the text there equals the mention up to NFC normalisation and
    runs of whitespace. Then the nearest occurrence of the mention starting within
    ``max_shift`` characters of ``start`` is taken (``"shifted"``). ``None`` when nothing
    fits. The kind is ``"as_given"`` whenever the place found is ``start:end`` itself.
    """
    return _locate(_Document(text), mention, start, end, prefer=prefer, max_shift=max_shift)


def _locate(document: _Document, mention: str, start: int, end: int, *,
            prefer: Sequence[tuple[str, ...]] = (), max_shift: int = MAX_SHIFT) -> Located | None:
    for convention in dict.fromkeys([*prefer, (), *CONVENTIONS]):
        span = document.matches(convention, mention, start, end)
        if span is not None:
            kind = "as_given" if span == (start, end) else "+".join(convention)
            return Located(span[0], span[1], kind)
    span = _shift(document.text, mention, start, max_shift)
    return None if span is None else Located(span[0], span[1], "shifted")


def _document_convention(document: _Document, annotations: Sequence[tuple[str, int, int]]) -> tuple[str, ...]:
    """The convention under which most of a document's annotations match (as given first on
    ties): one document's offsets were counted one way, so a mention that would match under
    two conventions is read under the document's."""
    best, best_count = (), -1
    for convention in ((), *CONVENTIONS):
        count = sum(document.matches(convention, m, s, e) is not None for m, s, e in annotations)
        if count > best_count:
            best, best_count = convention, count
        if best_count == len(annotations):
            break
    return best


def offset_counts(kinds: Sequence[str | None]) -> dict[str, int]:
    """Counts of :class:`Located` kinds (``None`` counts as ``"skipped"``), with every key of
    ``as_given``, ``utf16``, ``crlf``, ``bom``, ``shifted`` and ``skipped`` present."""
    counts = Counter("skipped" if kind is None else kind for kind in kinds)
    return {**{key: counts.pop(key, 0) for key in COUNT_KEYS}, **dict(sorted(counts.items()))}


# ------------------------------------------------------------------- subtask 1: entity roles


def load_entity_roles(path: str | os.PathLike, *, max_shift: int = MAX_SHIFT) -> pd.DataFrame:
    """SemEval-2025 Task 10 subtask 1 annotations, one row per located mention.

    ``path``: see :func:`roles_files`. Each annotation's offsets are checked against its
    document and converted where they were counted otherwise (see the module docstring
    and :func:`locate_mention`); an annotation that matches nowhere is left out.

    Columns: ``doc_id`` (file name without ``.txt``), ``domain`` (``"UA"``, ``"CC"`` or
    ``""`` when neither the id nor the subtask 2 labels tell), ``mention`` (as annotated),
    ``start``, ``end`` (int64 character offsets into ``text``, end exclusive, so
    ``text[start:end]`` is the mention), ``main_role``, ``fine_roles`` (list of str),
    ``text`` (the document without a byte-order mark; line ends as in the file).
    ``attrs["offsets"]`` counts the annotations by how they were located
    (:func:`offset_counts`); ``attrs["skipped"]`` lists those left out (``line``,
    ``doc_id``, ``mention``, ``start``, ``end`` as in the file).

    Raises ``FileNotFoundError`` for a missing folder or document and ``ValueError``
    naming the line for a line with fewer than five fields or offsets that are not
    integers. Roles are not checked against a taxonomy here (see
    :func:`framing.roles.load_semeval_roles`).
    """
    annotations, documents = roles_files(path)
    parsed: list[dict] = []
    for number, fields in read_tsv(annotations):
        if len(fields) < 5:
            raise ValueError(f"{annotations}:{number}: expected doc_id, mention, start, end, main role and "
                             f"fine roles separated by tabs, got {len(fields)} field(s)")
        name, mention, start, last, main_role, *fine_roles = fields
        try:
            start, end = int(start), int(last) + 1
        except ValueError:
            raise ValueError(f"{annotations}:{number}: offsets {start!r}, {last!r} are not integers") from None
        parsed.append({"line": number, "doc_id": name.strip().removesuffix(".txt"), "mention": mention,
                       "start": start, "end": end, "main_role": main_role.strip(),
                       "fine_roles": [f.strip() for f in fine_roles if f.strip()]})
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(parsed):
        by_document[row["doc_id"]].append(i)
    labels = _narrative_labels(annotations.parent)
    located: list[Located | None] = [None] * len(parsed)
    texts: dict[str, str] = {}
    for doc_id, members in by_document.items():
        file = documents / f"{doc_id}.txt"
        if not file.is_file():
            raise FileNotFoundError(f"{annotations}:{parsed[members[0]]['line']}: no document {file}")
        raw = _decode(file)  # the text as released, which the offsets index
        document = _Document(raw)
        spans = [(parsed[i]["mention"], parsed[i]["start"], parsed[i]["end"]) for i in members]
        prefer = [_document_convention(document, spans)]
        for i, (mention, start, end) in zip(members, spans):
            found = _locate(document, mention, start, end, prefer=prefer, max_shift=max_shift)
            if found is not None and raw.startswith(BOM):  # the text loses its byte-order mark
                found = found._replace(start=max(found.start - 1, 0), end=found.end - 1)
            located[i] = found
        texts[doc_id] = raw.removeprefix(BOM)
    rows, skipped = [], []
    for row, found in zip(parsed, located):
        if found is None:
            skipped.append({"line": row["line"], "doc_id": row["doc_id"], "mention": row["mention"],
                            "start": row["start"], "end": row["end"] - 1})
            continue
        domain = domain_of(row["doc_id"], labels.get(row["doc_id"], ()))
        rows.append({"doc_id": row["doc_id"], "domain": {"URW": "UA", "CC": "CC"}.get(domain, ""),
                     "mention": row["mention"], "start": found.start, "end": found.end,
                     "main_role": row["main_role"], "fine_roles": row["fine_roles"], "text": texts[row["doc_id"]]})
    frame = pd.DataFrame(rows, columns=["doc_id", "domain", "mention", "start", "end", "main_role",
                                        "fine_roles", "text"]).astype({"start": "int64", "end": "int64"})
    counts = offset_counts([None if found is None else found.kind for found in located])
    frame.attrs["offsets"] = counts
    frame.attrs["skipped"] = skipped
    _log_counts(annotations, counts, skipped)
    return frame


def _log_counts(file: Path, counts: dict[str, int], skipped: Sequence[dict]) -> None:
    """One line for a file whose offsets were not all usable as given."""
    total = sum(counts.values())
    if counts["as_given"] == total:
        return
    fixed = ", ".join(f"{kind} {n}" for kind, n in counts.items() if n and kind not in ("as_given", "skipped"))
    where = "; ".join(f"line {s['line']} {s['mention']!r}" for s in skipped[:5])
    more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    logger.warning("%s: %d of %d offsets as given%s%s", file, counts["as_given"], total,
                   f"; converted: {fixed}" if fixed else "",
                   f"; skipped {counts['skipped']} matching under no convention ({where}{more})" if skipped else "")
