"""Readers of the released SemEval files (framing.semeval): offsets counted in UTF-16 code units,
with line ends as two characters or without a byte-order mark, shifted or matching nothing;
BOMs, CRLF files and trailing tabs; the multilingual folders. Offline on hand-written
fixtures; the shared-data tests skip when ../shared/data is absent."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from framing import semeval
from framing.frames import load_semeval_frames
from framing.narratives import load_semeval_narratives
from framing.roles import evaluate_roles, load_semeval_roles
from framing.semeval import (
    Located,
    domain_of,
    label_files,
    load_entity_roles,
    locate_mention,
    offset_counts,
    read_document,
    read_tsv,
    roles_files,
)

from conftest import shared_file

EMOJI = "\U0001F1FA\U0001F1E6"  # a flag: two characters outside the Basic Multilingual Plane


def utf16_offset(text: str, index: int) -> int:
    """The offset of ``text[index]`` counted in UTF-16 code units."""
    return len(text[:index].encode("utf-16-le")) // 2


def crlf_offset(text: str, index: int) -> int:
    """The offset of ``text[index]`` with each line end counted as two characters."""
    return index + text[:index].count("\n")


def write_task(root, documents: dict[str, bytes | str], lines: list[str], *, annotation_bytes: bytes | None = None):
    """A SemEval-2025 Task 10 folder: raw-documents/<id>.txt and subtask-1-annotations.txt."""
    (root / "raw-documents").mkdir(parents=True)
    for doc_id, content in documents.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (root / "raw-documents" / f"{doc_id}.txt").write_bytes(data)
    body = annotation_bytes if annotation_bytes is not None else ("\n".join(lines) + "\n").encode("utf-8")
    (root / "subtask-1-annotations.txt").write_bytes(body)
    return root


def line(doc_id: str, mention: str, start: int, roles: str = "Antagonist\tInstigator") -> str:
    """An annotation line with the file's inclusive end (offset of the last character)."""
    return f"{doc_id}.txt\t{mention}\t{start}\t{start + len(mention) - 1}\t{roles}"


# ------------------------------------------------------------------------ one mention


TEXT = "Talks fail\n\nMoscow blamed Kyiv.\nKyiv blamed Moscow."


@pytest.mark.parametrize("text, mention, start, end, expected", [
    # as given
    (TEXT, "Kyiv", 26, 30, Located(26, 30, "as_given")),
    # an emoji before the mention: the offsets count it as two UTF-16 code units each
    (f"Praise {EMOJI} for Kyiv", "Kyiv", 16, 20, Located(14, 18, "utf16")),
    # each LF counted as two characters: the offsets drift by one per line break
    (TEXT, "Kyiv", crlf_offset(TEXT, 32), crlf_offset(TEXT, 32) + 4, Located(32, 36, "crlf")),
    # offsets counted without the byte-order mark the text opens with
    ("\ufeffNATO met.", "NATO", 0, 4, Located(1, 5, "bom")),
    # a byte-order mark counted as a character is as given
    ("\ufeffNATO met.", "NATO", 1, 5, Located(1, 5, "as_given")),
    # both at once: an emoji and line breaks before the mention
    (f"{EMOJI}\nUS aid\nKyiv", "Kyiv", 14, 18, Located(10, 14, "utf16+crlf")),
    # a few characters off: the nearest occurrence
    ("The Kremlin said the Kremlin", "Kremlin", 6, 13, Located(4, 11, "shifted")),
    # the end one too far (an exclusive end written as inclusive)
    ("NATO warned Moscow.", "NATO", 0, 5, Located(0, 4, "shifted")),
    # a line break or a no-break space inside the annotated span: equal up to whitespace
    ("the European\nUnion said", "European Union", 4, 18, Located(4, 18, "as_given")),
    ("the European\u00a0Union said", "European Union", 4, 18, Located(4, 18, "as_given")),
])
def test_locate_mention(text, mention, start, end, expected):
    found = locate_mention(text, mention, start, end)
    assert found == expected
    assert " ".join(text[found.start:found.end].split()) == " ".join(mention.split())


@pytest.mark.parametrize("text, mention, start, end", [
    ("NATO warned Moscow.", "Beijing", 0, 7),                 # not in the text at all
    ("NATO warned Moscow." + " " * 40 + "Kyiv", "Kyiv", 0, 4),  # too far away to be this mention
    ("NATO warned Moscow.", "nato", 0, 4),                    # case is not ignored
    ("NATO", "NATO", 100, 104),                               # outside the text
])
def test_locate_mention_matching_nothing(text, mention, start, end):
    assert locate_mention(text, mention, start, end) is None


def test_an_offset_inside_a_character_is_no_conversion():
    # offset 1 is the second code unit of the emoji under UTF-16: no character starts there
    assert locate_mention(f"{EMOJI}ab", "ab", 1, 3, max_shift=0) is None


def test_a_document_convention_wins_over_a_coincidence():
    # "ha" at CRLF-counted 5 is the first "ha" (index 3); read as given, 5 is the second one
    text = "T\n\nhaha Moscow"
    assert locate_mention(text, "ha", 5, 7) == Located(5, 7, "as_given")
    assert locate_mention(text, "ha", 5, 7, prefer=[("crlf",)]) == Located(3, 5, "crlf")


def test_offset_counts_have_every_key():
    assert offset_counts(["as_given", "crlf", None, "crlf", "utf16+crlf"]) == {
        "as_given": 1, "utf16": 0, "crlf": 2, "bom": 0, "shifted": 0, "skipped": 1, "utf16+crlf": 1}
    assert offset_counts([]) == dict.fromkeys(("as_given", "utf16", "crlf", "bom", "shifted", "skipped"), 0)


# ----------------------------------------------------------------------- whole files


def test_load_entity_roles_converts_each_convention_and_counts(tmp_path, caplog):
    emoji_doc = f"Flags {EMOJI} everywhere\n\nKyiv thanked NATO. Moscow protested."
    lf_doc = "Talks\n\nNATO met in Vilnius.\nRussia warned NATO.\nKyiv waited."
    bom_doc = "\ufeffTitle\n\nThe Kremlin denied it."
    documents = {"EN_UA_1": emoji_doc, "EN_UA_2": lf_doc, "EN_UA_3": bom_doc, "EN_CC_4": "Activists praised the city."}
    lines = [
        line("EN_UA_1", "Kyiv", utf16_offset(emoji_doc, emoji_doc.index("Kyiv")), "Protagonist\tVirtuous"),
        line("EN_UA_1", "Moscow", utf16_offset(emoji_doc, emoji_doc.index("Moscow"))),
        line("EN_UA_1", "Flags", 0, "Innocent\tVictim"),  # before the emoji: as given
        line("EN_UA_2", "Russia", crlf_offset(lf_doc, lf_doc.index("Russia"))),
        line("EN_UA_2", "Kyiv", crlf_offset(lf_doc, lf_doc.index("Kyiv")), "Innocent\tVictim"),
        line("EN_UA_2", "Talks", 0, "Protagonist\tPeacemaker"),  # before any line break: as given
        line("EN_UA_3", "Kremlin", bom_doc.index("Kremlin")),  # the BOM counted as a character
        line("EN_CC_4", "Activists", 2, "Protagonist\tVirtuous"),  # two characters off
        line("EN_CC_4", "Greenpeace", 0, "Protagonist\tVirtuous"),  # nowhere in the document
    ]
    root = write_task(tmp_path / "task", documents, lines)
    with caplog.at_level(logging.WARNING, logger="framing.semeval"):
        frame = load_entity_roles(root)
    assert frame.attrs["offsets"] == {"as_given": 3, "utf16": 2, "crlf": 2, "bom": 0, "shifted": 1, "skipped": 1}
    assert frame.attrs["skipped"] == [{"line": 9, "doc_id": "EN_CC_4", "mention": "Greenpeace", "start": 0, "end": 9}]
    assert frame["mention"].tolist() == ["Kyiv", "Moscow", "Flags", "Russia", "Kyiv", "Talks", "Kremlin", "Activists"]
    assert all(t[s:e] == m for t, s, e, m in frame[["text", "start", "end", "mention"]].itertuples(index=False))
    assert not frame["text"].str.startswith("\ufeff").any()  # the BOM goes, the offsets move with the text
    assert frame.loc[frame["mention"] == "Kremlin", "start"].item() == bom_doc.index("Kremlin") - 1
    assert frame["domain"].tolist() == ["UA"] * 7 + ["CC"]
    assert str(frame["start"].dtype) == "int64" and str(frame["end"].dtype) == "int64"
    # one line for the file, with the counts and the skipped annotation
    messages = [r.getMessage() for r in caplog.records if r.name == "framing.semeval"]
    assert len(messages) == 1
    assert "3 of 9 offsets as given" in messages[0] and "utf16 2, crlf 2, shifted 1" in messages[0]
    assert "skipped 1" in messages[0] and "'Greenpeace'" in messages[0]


def test_a_file_whose_offsets_are_all_as_given_logs_nothing(tmp_path, caplog):
    root = write_task(tmp_path / "task", {"EN_UA_1": "NATO met."}, [line("EN_UA_1", "NATO", 0)])
    with caplog.at_level(logging.DEBUG, logger="framing.semeval"):
        frame = load_entity_roles(root)
    assert frame.attrs["offsets"]["as_given"] == 1 and not caplog.records


def test_crlf_documents_and_annotation_files_with_bom_and_trailing_tabs(tmp_path):
    # a document with CRLF line ends whose offsets count both characters (the Bulgarian,
    # Portuguese and Hindi files): read without newline translation, the offsets hold
    crlf_doc = "Título\r\n\r\nPortugal ajudou a Ucrânia.\r\nA Rússia atacou."
    rows = [line("PT_1", "Ucrânia", crlf_doc.index("Ucrânia"), "Innocent\tVictim") + "\t",
            line("PT_1", "Rússia", crlf_doc.index("Rússia"), "Antagonist\tInstigator\t\t"),
            line("PT_1", "Portugal", crlf_doc.index("Portugal"), "Protagonist\tGuardian\tVirtuous")]
    annotation = ("\ufeff" + "\r\n".join(rows) + "\r\n\r\n").encode("utf-8")
    root = write_task(tmp_path / "pt", {"PT_1": crlf_doc}, [], annotation_bytes=annotation)
    (root / "subtask-2-annotations.txt").write_bytes(
        "PT_1.txt\tURW: Blaming the war on others rather than the invader\tURW: Blaming the war on others "
        "rather than the invader: Other\t\r\n".encode("utf-8"))
    frame = load_semeval_roles(root)
    assert frame.attrs["offsets"]["as_given"] == 3 and sum(frame.attrs["offsets"].values()) == 3
    assert frame["doc_id"].tolist() == ["PT_1"] * 3  # no BOM glued to the first id
    assert frame["fine_roles"].tolist() == [["Victim"], ["Instigator"], ["Guardian", "Virtuous"]]
    assert frame["text"][0] == crlf_doc  # line ends kept: the offsets count them
    assert all(t[s:e] == m for t, s, e, m in frame[["text", "start", "end", "mention"]].itertuples(index=False))
    # the id does not say the domain; the document's narrative labels do
    assert frame["domain"].tolist() == ["UA"] * 3
    narratives = load_semeval_narratives(root)
    assert narratives["domain"].tolist() == ["URW"]
    assert narratives["text"][0] == crlf_doc.replace("\r\n", "\n")


def test_malformed_lines_name_the_line(tmp_path):
    root = write_task(tmp_path / "a", {"EN_UA_1": "NATO met."}, ["EN_UA_1.txt\tNATO\t0\t3"])
    with pytest.raises(ValueError, match=r"subtask-1-annotations.txt:1: expected doc_id"):
        load_entity_roles(root)
    root = write_task(tmp_path / "b", {"EN_UA_1": "NATO met."}, ["EN_UA_1.txt\tNATO\tzero\t3\tAntagonist\tSpy"])
    with pytest.raises(ValueError, match=r":1: offsets 'zero', '3' are not integers"):
        load_entity_roles(root)
    root = write_task(tmp_path / "c", {"EN_UA_1": "NATO met."}, [line("EN_UA_2", "NATO", 0)])
    with pytest.raises(FileNotFoundError, match=r":1: no document .*EN_UA_2.txt"):
        load_entity_roles(root)
    root = write_task(tmp_path / "d", {"EN_UA_1": "NATO met."}, [line("EN_UA_1", "NATO", 0, "Hero\tGuardian")])
    with pytest.raises(ValueError, match=r":1: roles 'Hero'"):
        load_semeval_roles(root)


def test_read_tsv_and_read_document(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeffa\tb\t\t\r\n\r\n  \nc\t d \u2028e\n".encode("utf-8"))
    assert list(read_tsv(path)) == [(1, ["a", "b"]), (4, ["c", " d \u2028e"])]
    path.write_bytes("\ufeffTitle\r\n\r\nBody\r\n".encode("utf-8"))
    assert read_document(path) == "Title\r\n\r\nBody\r\n"
    assert read_document(path, normalize_newlines=True) == "Title\n\nBody\n"
    path.write_bytes(b"caf\xe9")
    with pytest.raises(ValueError, match="not UTF-8"):
        read_document(path)


@pytest.mark.parametrize("doc_id, labels, expected", [
    ("EN_UA_DEV_100012.txt", (), "URW"),
    ("EN_CC_100013", (), "CC"),
    ("RU-URW-1080.txt", (), "URW"),
    ("A9_BG_2566.txt", ("URW: Discrediting Ukraine",), "URW"),
    ("PT_161.txt", ("CC: Amplifying Climate Fears", "CC: Amplifying Climate Fears"), "CC"),
    ("HI_78.txt", ("Other",), None),
    ("HI_1.txt", ("URW: Praise of Russia", "CC: Amplifying Climate Fears"), None),
    ("UKRAINE_1", (), None),
])
def test_domain_of(doc_id, labels, expected):
    assert domain_of(doc_id, labels) == expected


def test_folders_of_the_multilingual_release(tmp_path):
    release = tmp_path / "release"
    for language in ("BG", "RU"):
        write_task(release / language, {f"{language}_1": "NATO met."}, [line(f"{language}_1", "NATO", 0)])
    for name in semeval.LABEL_FILES:
        (release / name).write_text("{}", encoding="utf-8")
    assert roles_files(release / "RU") == (release / "RU" / "subtask-1-annotations.txt", release / "RU" / "raw-documents")
    assert label_files(release / "RU") == tuple(release / name for name in semeval.LABEL_FILES)
    with pytest.raises(FileNotFoundError, match="pass one of its language folders: BG, RU"):
        roles_files(release)
    with pytest.raises(FileNotFoundError, match="subtask2_narratives.json"):
        label_files(tmp_path)


def test_frames_reader_takes_bom_crlf_and_trailing_tabs(tmp_path):
    root = tmp_path / "frames"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "article1.txt").write_bytes("\ufeffTitre\r\n\r\nLe corps.\r\nSuite.\r\n".encode("utf-8"))
    (root / "articles" / "article2.txt").write_bytes(b"Title\n\nBody.\n")
    (root / "labels.txt").write_bytes("\ufeff1\tPolitical,Economic\t\r\n2\t\r\n".encode("utf-8"))
    table = load_semeval_frames(root)
    assert table["id"].tolist() == ["1", "2"]
    assert table["title"].tolist() == ["Titre", "Title"]
    assert table["text"].tolist() == ["Le corps.\nSuite.", "Body."]
    assert table["frames"].tolist() == [["Economic", "Political"], []]


class _HashEncoder:
    """Hashed bag of words, 16 dimensions: deterministic and fast."""

    def encode(self, texts):
        out = np.zeros((len(texts), 16))
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, sum(word.encode()) % 16] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1.0)


def test_evaluate_roles_reports_the_offset_counts(tmp_path):
    documents, lines = {}, []
    for k in range(4):
        text = f"News {k} {EMOJI}\n\nRussian troops shelled the town. Volunteers rescued the civilians."
        documents[f"EN_UA_{k}"] = text
        for mention, roles in (("Russian troops", "Antagonist\tInstigator"), ("Volunteers", "Protagonist\tGuardian"),
                               ("civilians", "Innocent\tVictim")):
            lines.append(line(f"EN_UA_{k}", mention, utf16_offset(text, text.index(mention)), roles))
    root = write_task(tmp_path / "task", documents, lines)
    report = evaluate_roles(root, folds=2, encoder=_HashEncoder(), pool=False, bootstrap=10)
    assert report["offsets"] == {"EN": {"as_given": 0, "utf16": 12, "crlf": 0, "bom": 0, "shifted": 0, "skipped": 0}}
    scored = report["cv"]["all"]["n"] + report.get("held_out", {}).get("all", {}).get("n", 0)
    assert scored == 12


# ------------------------------------------------------------- the released files


# measured on the shared copies: (folder, mentions, offsets as given, converted by kind)
RELEASES = [
    ("semeval2025-roles-narratives-en", 341, 341, {}),
    ("semeval2025-multilingual/BG", 448, 448, {}),
    ("semeval2025-multilingual/PT", 745, 745, {}),
    ("semeval2025-multilingual/HI", 928, 924, {"utf16": 4}),
    ("semeval2025-multilingual/RU", 367, 64, {"crlf": 303}),
]


@pytest.mark.parametrize("folder, n, as_given, converted", RELEASES, ids=[r[0].split("/")[-1] for r in RELEASES])
def test_released_subtask1_offsets(folder, n, as_given, converted):
    root = shared_file(*folder.split("/"), "subtask-1-annotations.txt").parent
    frame = load_semeval_roles(root)
    expected = {"as_given": as_given, "utf16": 0, "crlf": 0, "bom": 0, "shifted": 0, "skipped": 0, **converted}
    assert frame.attrs["offsets"] == expected and len(frame) == n
    assert all(t[s:e] == m for t, s, e, m in frame[["text", "start", "end", "mention"]].itertuples(index=False))
    assert not frame["text"].str.startswith("\ufeff").any()
    assert (frame["domain"] == "UA").sum() > 0


def test_released_russian_offsets_count_line_ends_twice():
    root = shared_file("semeval2025-multilingual", "RU", "subtask-1-annotations.txt").parent
    annotations = [fields for _, fields in read_tsv(root / "subtask-1-annotations.txt")]
    frame = load_semeval_roles(root)
    given = np.array([int(f[2]) for f in annotations])
    # the shift is the number of line breaks before the mention (a BOM, counted, goes with the text)
    breaks = np.array([t[:s].count("\n") for t, s in zip(frame["text"], frame["start"])])
    boms = np.array([(root / "raw-documents" / f"{d}.txt").read_bytes().startswith(b"\xef\xbb\xbf")
                     for d in frame["doc_id"]])
    shift = given - frame["start"].to_numpy()
    assert ((shift == breaks + boms) | (shift == boms)).all()
    assert (shift == breaks + boms).sum() >= 303 and boms.any()
    assert set(frame["domain"]) == {"UA"}


def test_released_label_lists_sit_above_the_language_folders():
    ru = shared_file("semeval2025-multilingual", "RU")
    assert label_files(ru) == tuple(ru.parent / name for name in semeval.LABEL_FILES)
    english = shared_file("semeval2025-roles-narratives-en")
    assert label_files(english)[0].parent == english


@pytest.mark.parametrize("language, n, domains", [
    ("BG", 211, {"URW": 168, "CC": 33, "unknown": 10}),
    ("PT", 200, {"URW": 107, "CC": 77, "unknown": 16}),
    ("HI", 115, {"URW": 78, "CC": 13, "unknown": 24}),
    ("RU", 133, {"URW": 133}),
])
def test_released_multilingual_narratives(language, n, domains):
    frame = load_semeval_narratives(shared_file("semeval2025-multilingual", language))
    assert len(frame) == n and frame["domain"].value_counts().to_dict() == domains
    assert not frame["text"].str.contains("\r").any() and not frame["text"].str.startswith("\ufeff").any()


@pytest.mark.parametrize("folder, n, n_labels", [
    ("semeval2023-frames-en", 283, 1066),
    ("semeval2023-frames-multilingual/fr", 158, 474),
    ("semeval2023-frames-multilingual/ge", 132, 567),
    ("semeval2023-frames-multilingual/it", 227, 860),
    ("semeval2023-frames-multilingual/po", 145, 722),
    ("semeval2023-frames-multilingual/ru", 143, 360),
])
def test_released_frame_articles(folder, n, n_labels):
    table = load_semeval_frames(shared_file(*folder.split("/")))
    assert len(table) == n and table["frames"].map(len).sum() == n_labels
    assert table["title"].str.len().gt(0).all()
    for column in ("title", "text"):
        assert not table[column].str.contains("\r").any() and not table[column].str.startswith("\ufeff").any()


def test_stance_by_role_reports_the_offset_counts(tmp_path):
    from framing.evaluation import evaluate_stance_by_role
    from framing.stance import STANCE_LABELS

    class Fixed:
        """Scores a span by its text: NATO +0.5, Moscow -0.5."""

        def score(self, doc, spans):
            return np.array([{"NATO": 0.5, "Moscow": -0.5}[span.text] for span in spans])

        def label(self, scores):
            scores = np.asarray(scores)
            return np.where(scores > 0, STANCE_LABELS[2], np.where(scores < 0, STANCE_LABELS[0], STANCE_LABELS[1]))

    text = f"Summit {EMOJI}\n\nNATO sent aid while Moscow massed troops."
    root = write_task(tmp_path / "task", {"EN_UA_1": text}, [
        line("EN_UA_1", "NATO", utf16_offset(text, text.index("NATO")), "Protagonist\tGuardian"),
        line("EN_UA_1", "Moscow", utf16_offset(text, text.index("Moscow"))),
        line("EN_UA_1", "Minsk", 3)])
    report = evaluate_stance_by_role(root, scorer=Fixed(), n_boot=20, progress=False)
    assert report["offsets"] == {"as_given": 0, "utf16": 2, "crlf": 0, "bom": 0, "shifted": 0, "skipped": 1}
    assert report["n"] == 2 and report["by_role"]["UA"]["Antagonist"]["mean"] == -0.5
