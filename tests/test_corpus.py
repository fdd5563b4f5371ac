"""Reading corpora: layouts, column mapping, and every bad record accounted for."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from framing.corpus import CorpusError, iter_corpus, load_corpus


def write(path, content, *, binary=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    if binary:
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "corpus"
    write(root / "wire" / "a1.txt", "---\ndate: 2023-02-20\nurl: https://wire.example/a1\n---\n"
          "Leaders meet in Kyiv\n\nThe president arrived by train.\nTalks followed.\n")
    write(root / "wire" / "a2.txt", "\n\nHeadline without front matter\nBody line.\n")
    write(root / "daily" / "b1.txt", "---\ndate: 2022-13-45\n---\nBad date\n\nSome text.\n")
    write(root / "daily" / "b2.txt", "Only a headline\n")
    write(root / "daily" / "b3.txt", b"Title\n\nCaf\xe9 text in Latin-1\n", binary=True)
    write(root / "daily" / "a1.txt", "Duplicate id in another outlet\n\nText.\n")
    return root


def test_folder_layout_reads_outlet_title_text_and_front_matter(folder):
    frame = load_corpus(folder).set_index(["outlet", "id"])
    first = frame.loc[("wire", "a1")]
    assert first["title"] == "Leaders meet in Kyiv"
    assert first["text"] == "The president arrived by train.\nTalks followed."
    assert first["date"] == dt.date(2023, 2, 20)
    assert first["url"] == "https://wire.example/a1"
    second = frame.loc[("wire", "a2")]
    assert second["title"] == "Headline without front matter" and second["text"] == "Body line."
    assert pd.isna(second["date"]) and pd.isna(second["skip_reason"])


def test_every_bad_file_is_kept_with_its_reason(folder):
    articles = list(iter_corpus(folder))
    assert len(articles) == 6  # nothing dropped
    reasons = {(a.outlet, a.id): a.skip_reason for a in articles}
    assert reasons[("daily", "b1")].startswith("unparseable date '2022-13-45'")
    assert reasons[("daily", "b2")] == "empty text"
    assert reasons[("daily", "b3")] == "not valid UTF-8 (byte 0xe9 at offset 10)"
    # Folder order is sorted, so daily/a1.txt is read before wire/a1.txt.
    assert reasons[("daily", "a1")] is None
    assert reasons[("wire", "a1")] == "duplicate id (first seen in outlet 'daily')"


def test_single_text_file_is_a_one_article_corpus(tmp_path):
    path = write(tmp_path / "story.txt", "A title\nA date line\n\nBody.\n")
    (article,) = iter_corpus(path, outlet="Example Outlet")
    assert (article.id, article.outlet, article.title) == ("story", "Example Outlet", "A title")
    assert article.text == "A date line\n\nBody."
    (article,) = iter_corpus(path)
    assert article.outlet == "unknown"


def test_front_matter_can_override_outlet_and_rejects_unknown_keys(tmp_path):
    write(tmp_path / "c" / "x" / "one.txt", "---\noutlet: Real Name\nid: custom\n---\nT\n\nBody\n")
    write(tmp_path / "c" / "x" / "two.txt", "---\nauthor: Someone\n---\nT\n\nBody\n")
    write(tmp_path / "c" / "x" / "three.txt", "---\ndate: 2024-01-01\nT\n\nBody\n")
    articles = {a.id: a for a in iter_corpus(tmp_path / "c")}
    assert articles["custom"].outlet == "Real Name"
    assert "front matter line 2" in articles["two"].skip_reason
    assert articles["three"].skip_reason == "front matter opened with '---' but never closed"


def test_csv_with_mapped_columns_and_a_bad_byte_row(tmp_path):
    path = tmp_path / "table.csv"
    path.write_bytes(
        "doc,source,published,headline,body\n".encode()
        + "1,RT,2024-01-23,Talks,Moscow said talks were possible.\n".encode()
        + b"2,BBC,2024-01-24,Bad,caf\xe9\n"
        + "3,BBC,23/01/2024,Dates,Text here.\n".encode()
    )
    mapping = {"doc": "id", "source": "outlet", "published": "date", "headline": "title", "body": "text"}
    frame = load_corpus(path, columns=mapping).set_index("id")
    assert frame.loc["1", "outlet"] == "RT" and frame.loc["1", "date"] == dt.date(2024, 1, 23)
    assert frame.loc["2", "skip_reason"] == "not valid UTF-8 in text (row 2)"
    assert "unparseable date '23/01/2024'" in frame.loc["3", "skip_reason"]
    frame = load_corpus(path, columns=mapping, date_format="%d/%m/%Y").set_index("id")
    assert frame.loc["3", "date"] == dt.date(2024, 1, 23)
    assert pd.isna(frame.loc["3", "skip_reason"])


def test_missing_text_column_is_a_clear_error(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("id,outlet,body\n1,RT,hello\n")
    with pytest.raises(CorpusError, match=r"no 'text' column \(columns: \['id', 'outlet', 'body'\]\)"):
        load_corpus(path)
    with pytest.raises(CorpusError, match="named in the column mapping are not in the table"):
        load_corpus(path, columns={"content": "text"})


def test_jsonl_malformed_lines_are_reported_not_dropped(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a", "outlet": "X", "text": "Kyiv said so."}), "{not json", "[1, 2]",
             json.dumps({"id": "b", "outlet": "Y", "text": ""})]
    path.write_text("\n".join(lines) + "\n")
    frame = load_corpus(path).set_index("id")
    assert len(frame) == 4
    assert frame.loc["corpus.jsonl:line2", "skip_reason"].startswith("malformed JSON on line 2")
    assert frame.loc["corpus.jsonl:line3", "skip_reason"] == "malformed JSON on line 3: not a JSON object"
    assert frame.loc["b", "skip_reason"] == "empty text"


def test_parquet_and_dataframe_inputs(tmp_path):
    table = pd.DataFrame({"id": ["p1", "p2"], "outlet": ["A", "B"], "date": ["2022-02-24", None],
                          "title": ["t", "t"], "text": ["one", "two"]})
    table.to_parquet(tmp_path / "c.parquet")
    for source in (tmp_path / "c.parquet", table):
        frame = load_corpus(source)
        assert list(frame["id"]) == ["p1", "p2"]
        assert frame["date"].tolist()[0] == dt.date(2022, 2, 24) and pd.isna(frame["date"].tolist()[1])


def test_missing_or_unknown_source_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="corpus not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "file.docx").write_text("x")
    with pytest.raises(CorpusError, match="expected a folder, a .txt file or a table"):
        load_corpus(tmp_path / "file.docx")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no .txt files"):
        load_corpus(tmp_path / "empty")
