"""Reading corpora: layouts, column mapping, and every bad record accounted for."""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import pytest

from framing.corpus import Article, CorpusError, count_articles, iter_corpus, load_corpus


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
    assert first["date"] == pd.Timestamp(2023, 2, 20)  # datetime64, as in every table
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
    assert reasons[("daily", "b3")] == "not valid UTF-8 (byte 0xe9 at offset 10, line 3)"
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


def test_front_matter_can_override_outlet_id_and_title(tmp_path):
    write(tmp_path / "c" / "x" / "one.txt", "---\noutlet: Real Name\nid: custom\n---\nT\n\nBody\n")
    write(tmp_path / "c" / "x" / "two.txt", "---\ntitle: 'From the front matter'\nid:\n---\nFirst line.\nSecond.\n")
    articles = {a.id: a for a in iter_corpus(tmp_path / "c")}
    assert articles["custom"].outlet == "Real Name" and articles["custom"].warning is None
    # A title in the front matter leaves the whole body as text; an empty value counts as absent.
    assert articles["two"].title == "From the front matter"
    assert articles["two"].text == "First line.\nSecond."


# Front matter that is not the documented ``---`` block: read with a warning when what
# was meant is clear, skipped with the reason when it is not.
FRONT_MATTER_CASES = [
    ("undelimited", "date: 2010-05-28\nurl: https://x.example/a\n\nThe title\n\nBody.\n",
     ("The title", "Body.", dt.date(2010, 5, 28), "https://x.example/a"),
     "front matter without '---' delimiters (read date, url)", None),
    ("undelimited_title_next_line", "Date: 2010-05-28\nThe title\nBody.\n",
     ("The title", "Body.", dt.date(2010, 5, 28), None),
     "front matter without '---' delimiters (read date)", None),
    ("unclosed", "---\ndate: 2024-01-01\nT\n\nBody\n", ("T", "Body", dt.date(2024, 1, 1), None),
     "front matter opened with '---' on line 1 but never closed (read date)", None),
    ("unclosed_no_keys", "---\nT\n\nBody\n", None, None,
     ("front matter opened with '---' on line 1 but never closed; add a '---' line after the last "
      "'key: value' line")),
    ("unknown_key", "---\nauthor: Someone\ndate: 2024-01-01\n---\nT\n\nBody\n",
     ("T", "Body", dt.date(2024, 1, 1), None),
     "front matter key 'author' on line 2 ignored (known keys: date, id, outlet, title, url)", None),
    ("title_inside", "---\ndate: 2024-01-01\nLeaders meet\n---\nBody\n", None, None,
     ("front matter line 3 is not 'key: value': 'Leaders meet' (the title goes on the first line after "
      "the closing '---')")),
    ("blank_lines_first", "\n\n---\ndate: 2024-01-01\n---\nT\n\nBody\n", ("T", "Body", dt.date(2024, 1, 1), None),
     None, None),
    ("headline_with_colon", "Breaking: talks in Minsk\nBody.\n", ("Breaking: talks in Minsk", "Body.", None, None),
     None, None),
]


@pytest.mark.parametrize(("name", "content", "expected", "warning", "skip_reason"), FRONT_MATTER_CASES,
                         ids=[case[0] for case in FRONT_MATTER_CASES])
def test_irregular_front_matter_is_read_with_a_warning_or_skipped_with_a_reason(
        tmp_path, name, content, expected, warning, skip_reason):
    (article,) = iter_corpus(write(tmp_path / f"{name}.txt", content))
    assert article.warning == warning
    assert article.skip_reason == skip_reason
    if expected is not None:
        assert (article.title, article.text, article.date, article.url) == expected


def test_warning_is_a_column_of_the_corpus_and_survives_a_round_trip(tmp_path):
    write(tmp_path / "c" / "x" / "plain.txt", "---\ndate: 2024-01-01\n---\nT\n\nBody\n")
    write(tmp_path / "c" / "x" / "bare.txt", "date: 2024-01-01\nT\n\nBody\n")
    frame = load_corpus(tmp_path / "c")
    assert list(frame.columns) == ["id", "outlet", "date", "title", "text", "url", "skip_reason", "warning"]
    frame = frame.set_index("id")
    assert pd.isna(frame.loc["plain", "warning"])
    assert frame.loc["bare", "warning"] == "front matter without '---' delimiters (read date)"
    again = {a.id: a for a in iter_corpus(load_corpus(tmp_path / "c"))}
    assert again["bare"].warning == "front matter without '---' delimiters (read date)"
    assert again["plain"].warning is None
    assert Article("a", "o", "t", "x", warning="w").to_dict()["warning"] == "w"


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
    assert frame.loc["1", "outlet"] == "RT" and frame.loc["1", "date"] == pd.Timestamp(2024, 1, 23)
    assert frame.loc["2", "skip_reason"] == "not valid UTF-8 in text (row 2)"
    assert "unparseable date '23/01/2024'" in frame.loc["3", "skip_reason"]
    frame = load_corpus(path, columns=mapping, date_format="%d/%m/%Y").set_index("id")
    assert frame.loc["3", "date"] == pd.Timestamp(2024, 1, 23)
    assert pd.isna(frame.loc["3", "skip_reason"])


def test_missing_text_column_names_the_file_the_columns_and_both_fixes(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("id,outlet,body\n1,RT,hello\n")
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value) == (f"{path}: no 'text' column (columns: ['id', 'outlet', 'body']); map one with "
                                "--column body=text (API: columns={'body': 'text'})")
    assert "--text-column" not in str(error.value)


@pytest.mark.parametrize(("header", "row", "candidate"), [
    ("id,Text", "1,hello", "--column Text=text (API: columns={'Text': 'text'})"),
    ("id,headline,article content", "1,Talks,hello",
     "--column 'article content=text' (API: columns={'article content': 'text'})"),
    ("id,titel,inhalt", "1,Gespräche,\"" + "Der Kreml sagte, Gespräche seien möglich. " * 3 + "\"",
     "--column inhalt=text (API: columns={'inhalt': 'text'})"),
    ("id,outlet,title", "1,RT,Talks", ("map the column holding the article text with --column NAME=text "
                                       "(API: columns={'NAME': 'text'})")),
])
def test_missing_text_column_suggests_the_likeliest_column(tmp_path, header, row, candidate):
    path = tmp_path / "corpus.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(candidate)):
        load_corpus(path)


def test_column_mapping_errors_name_the_file_and_the_fix(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("id,outlet,Body,text2\n1,RT,hello,x\n")
    with pytest.raises(CorpusError) as error:
        load_corpus(path, columns={"body": "text"})
    assert str(error.value) == (f"{path}: column 'body' named in the column mapping is not in the table "
                                "(columns: ['id', 'outlet', 'Body', 'text2']); did you mean "
                                "--column Body=text (API: columns={'Body': 'text'})?")
    with pytest.raises(CorpusError, match=re.escape("sends 'Body' to 'txt', which is not one of id, outlet, "
                                                    "date, title, text, url; did you mean --column Body=text")):
        load_corpus(path, columns={"Body": "txt"})
    with pytest.raises(CorpusError, match=r"gives two 'text' columns \(from \['Body', 'text2'\]\)"):
        load_corpus(path, columns={"Body": "text", "text2": "text"})
    path.write_text("id,body,text\n1,hello,x\n")
    with pytest.raises(CorpusError, match=r"gives two 'text' columns \(from \['body', 'text'\]\)"):
        load_corpus(path, columns={"body": "text"})
    # Swapping two columns is fine.
    frame = load_corpus(path, columns={"body": "text", "text": "title"})
    assert (frame.loc[0, "title"], frame.loc[0, "text"]) == ("x", "hello")


def test_dataframe_errors_give_the_api_keyword_only():
    table = pd.DataFrame({"id": ["1"], "content": ["hello"]})
    with pytest.raises(CorpusError) as error:
        load_corpus(table)
    assert str(error.value) == ("the DataFrame: no 'text' column (columns: ['id', 'content']); "
                                "map one with columns={'content': 'text'}")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.csv", b"", "the file is empty; a CSV corpus needs a header row (id, outlet, date, title, text, url)"),
    ("header.csv", b"id,outlet,text\n", "the table holds no articles (a header but no rows)"),
    ("ragged.csv", b"id,text\n1,a\n2,b,c\n", ("not a well-formed CSV table (Error tokenizing data. C error: "
                                             "Expected 2 fields in line 3, saw 3)")),
    ("empty.jsonl", b"\n\n", "the table holds no articles (no non-empty line)"),
    ("broken.parquet", b"not parquet", "not a readable Parquet file ("),
])
def test_empty_or_broken_tables_are_errors_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value).startswith(f"{path}: {message}")


def test_empty_parquet_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "empty.parquet"
    pd.DataFrame({"id": pd.Series([], dtype=object), "text": pd.Series([], dtype=object)}).to_parquet(path)
    with pytest.raises(CorpusError, match=re.escape(f"{path}: the table holds no articles (0 rows)")):
        load_corpus(path)


def test_jsonl_missing_text_names_the_lines(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "content": "x"}) for i in range(3)) + "\n")
    with pytest.raises(CorpusError) as error:
        load_corpus(path)
    assert str(error.value) == (f"{path} (lines 1-3): no 'text' column (columns: ['id', 'content']); "
                                "map one with --column content=text (API: columns={'content': 'text'})")


def test_unparseable_date_names_the_option_that_fixes_it(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("id,date,text\n1,23/01/2024,Body\n")
    (article,) = iter_corpus(path)
    assert article.skip_reason == ("unparseable date '23/01/2024' (expected ISO 8601, e.g. 2024-01-23; give "
                                   "another format with --date-format, e.g. '%d/%m/%Y' (API: "
                                   "date_format='%d/%m/%Y'))")
    (article,) = iter_corpus(path, date_format="%Y/%m/%d")
    assert article.skip_reason == ("unparseable date '23/01/2024' (expected the format '%Y/%m/%d' given with "
                                   "--date-format / date_format=)")


def test_count_articles_matches_what_is_read(tmp_path, folder):
    csv = tmp_path / "quoted.csv"
    csv.write_bytes(b'id,title,text\n1,T,"two\nlines, and a comma"\n\n2,T,"""quoted"""\n3,T,caf\xe9\n')
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text('{"id": "a", "text": "x"}\n\n{broken\n  \n{"id": "b", "text": "y"}\n')
    parquet = tmp_path / "c.parquet"
    pd.DataFrame({"id": ["p1", "p2"], "text": ["one", "two"]}).to_parquet(parquet)
    for source, expected in ((csv, 3), (jsonl, 3), (parquet, 2), (folder, 6), (folder / "wire" / "a1.txt", 1)):
        assert count_articles(source) == expected == len(list(iter_corpus(source))), source
    assert count_articles(str(csv)) == 3
    (tmp_path / "empty.csv").write_bytes(b"")
    for unknown in (tmp_path / "nope.csv", tmp_path / "empty.csv", [Article("a", "o", "t", "x")]):
        assert count_articles(unknown) is None


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
        assert frame["date"].tolist()[0] == pd.Timestamp(2022, 2, 24) and pd.isna(frame["date"].tolist()[1])


def test_missing_or_unknown_source_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="corpus not found"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "file.docx").write_text("x")
    with pytest.raises(CorpusError, match="expected a folder, a .txt file or a table"):
        load_corpus(tmp_path / "file.docx")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="no .txt files"):
        load_corpus(tmp_path / "empty")
