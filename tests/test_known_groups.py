"""Known-groups validation: directions between outlets, bootstrap intervals and verdicts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from framing._runfolder import RunFolderError
from framing.analysis import SCHEMAS, Analysis
from framing.cli import main
from framing.known_groups import KNOWN_GROUP_COLUMNS, VERDICTS, check_known_groups, load_known_groups

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "data" / "known_groups.yaml"
DATASHEET = ROOT / "data" / "DATASHEET.md"


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows of one analysis table, with the dtypes of a Parquet round trip."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name]).to_pandas(date_as_object=False)


def _analysis(measures=("quotes", "wording", "frames", "roles", "narratives")) -> Analysis:
    """Three outlets (K, V, W), three articles each, every value chosen by hand."""
    words = {"k1": 500, "k2": 1000, "k3": 250, "v1": 400, "v2": 400, "v3": 400, "w1": 300, "w2": 300, "w3": 300}
    dates = {"k1": "2022-04-03", "v1": "2022-04-04", "w1": "2022-04-03"}  # the rest: 2023
    articles = [{"article_id": a, "outlet": {"k": "kyiv", "v": "vest", "w": "wire"}[a[0]],
                 "date": pd.Timestamp(dates.get(a, "2023-01-10")).date(), "status": "analyzed", "n_words": n}
                for a, n in words.items()]
    outlet = {row["article_id"]: row["outlet"] for row in articles}
    russia = {"k1": -0.8, "k2": -0.6, "k3": -0.7, "v1": 0.4, "v2": 0.6, "v3": 0.5, "w1": -0.1, "w2": 0.1, "w3": 0.0}
    ukraine = {"k1": 0.3, "k2": -0.3, "k3": 0.0, "v1": 0.2, "v2": -0.2, "v3": 0.0}  # W never mentions Ukraine
    stance = [{"article_id": a, "outlet": outlet[a], "actor": actor, "stance": s, "n_mentions": 1}
              for actor, values in (("russia", russia), ("ukraine", ukraine)) for a, s in values.items()]
    # "occupiers": two in k1 (500 words), one in k2 (1000), none in k3 -> 4, 1, 0 per 1,000 words.
    # A third one in k3 lies inside a quotation (characters 10-40) and counts only without outside_quotes.
    terms = [{"article_id": a, "outlet": outlet[a], "field": "text", "set": "combatants", "variant": "occupiers",
              "actor": "russia", "start": start, "end": start + 9} for a, start in
             (("k1", 0), ("k1", 50), ("k2", 0), ("k3", 20))]
    quotes = [{"article_id": "k3", "outlet": "kyiv", "field": "text", "start": 10, "end": 40,
               "speaker_actor": "ukraine", "verb_class": "neutral"}]
    # Quotes: share by Russian speakers per article: v1 2/2, v2 1/2, v3 0/1 (mean 0.5); k1 0/1; w1 1/4.
    for a, speakers in (("v1", ["russia", "russia"]), ("v2", ["russia", None]), ("v3", ["ukraine"]),
                        ("k1", ["ukraine"]), ("w1", ["russia", None, None, "ukraine"])):
        quotes += [{"article_id": a, "outlet": outlet[a], "field": "text", "start": 100 + i, "end": 101 + i,
                    "speaker_actor": s, "verb_class": "neutral"} for i, s in enumerate(speakers)]
    frames = [{"article_id": a, "outlet": outlet[a], "frame": "Morality", "score": 0.5, "predicted": a == "k1"}
              for a in words]
    return Analysis(articles=_frame("articles", articles), mentions=_frame("mentions", []),
                    actor_stance=_frame("actor_stance", stance), quotes=_frame("quotes", quotes),
                    terms=_frame("terms", terms), frames=_frame("frames", frames),
                    run={"config": {"measures": list(measures)}})


def _spec(tmp_path, *directions: dict) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump({"outlets": {"K": "kyiv", "V": "vest", "W": "wire"},
                                    "directions": list(directions)}), encoding="utf-8")
    return path


STANCE = {"table": "actor_stance", "column": "stance", "unit": "article x actor", "value": "mean"}


def _row(table: pd.DataFrame, id_: str, lower: str | None = None) -> pd.Series:
    rows = table[(table["id"] == id_) & ((table["lower"] == lower) if lower else True)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_each_verdict_with_hand_computed_numbers(tmp_path):
    spec = _spec(
        tmp_path,
        {"id": "1", "measure": "stance toward Russia", **STANCE, "actor": "russia", "compare": ["V > K"]},
        {"id": "2", "measure": "stance toward Russia, backwards", **STANCE, "actor": "russia", "compare": ["K > V"]},
        {"id": "3", "measure": "stance toward Ukraine", **STANCE, "actor": "ukraine", "compare": ["K > V"]},
        {"id": "4", "measure": "persuasion", "status": "not measured", "reason": "no such measure"},
        {"id": "5", "measure": "stance toward Ukraine, W", **STANCE, "actor": "ukraine", "compare": ["W > K"]},
    )
    table = check_known_groups(_analysis(), spec, n_boot=500)
    assert list(table.columns) == list(KNOWN_GROUP_COLUMNS)
    assert set(table["verdict"]) == set(VERDICTS)

    up = _row(table, "1")  # V: 0.4, 0.6, 0.5 against K: -0.8, -0.6, -0.7
    assert (up["higher"], up["lower"], up["n_higher"], up["n_lower"]) == ("V", "K", 3, 3)
    assert up["mean_higher"] == pytest.approx(0.5) and up["mean_lower"] == pytest.approx(-0.7)
    assert up["difference"] == pytest.approx(1.2)
    # every resampled difference lies between 0.4 - (-0.6) and 0.6 - (-0.8)
    assert 1.0 <= up["ci_low"] < 1.2 < up["ci_high"] <= 1.4 and up["verdict"] == "recovered"

    down = _row(table, "2")
    assert down["difference"] == pytest.approx(-1.2) and down["ci_high"] < 0 and down["verdict"] == "reversed"

    flat = _row(table, "3")  # K: 0.3, -0.3, 0 against V: 0.2, -0.2, 0: both means 0
    assert flat["difference"] == pytest.approx(0.0)
    assert flat["ci_low"] < 0 < flat["ci_high"] and flat["verdict"] == "not separated"

    missing = _row(table, "4")
    assert missing["verdict"] == "not measured" and missing["reason"] == "no such measure"
    assert np.isnan(missing["difference"])

    no_units = _row(table, "5")  # W has no article that mentions Ukraine
    assert no_units["verdict"] == "not measured" and no_units["n_higher"] == 0 and "wire" in no_units["reason"]


def test_highest_lowest_and_chains_give_one_row_per_pair(tmp_path):
    spec = _spec(tmp_path,
                 {"id": "1", "measure": "m", **STANCE, "actor": "russia",
                  "compare": ["V highest", "K lowest", "V > W, K"]})
    table = check_known_groups(_analysis(), spec, n_boot=200)
    pairs = list(zip(table["expected"], table["higher"], table["lower"]))
    assert pairs == [("V highest", "V", "K"), ("V highest", "V", "W"), ("K lowest", "V", "K"),
                     ("K lowest", "W", "K"), ("V > W, K", "V", "W"), ("V > W, K", "V", "K")]
    # W: -0.1, 0.1, 0.0; the same outlet pair gives the same interval within a direction
    assert table.loc[1, "difference"] == pytest.approx(0.5)
    assert table.loc[0, ["ci_low", "ci_high"]].tolist() == table.loc[5, ["ci_low", "ci_high"]].tolist()


def test_rates_shares_quotes_and_events(tmp_path):
    rate = {"table": "terms", "column": "variant", "value": "rate", "where": {"variant": "occupiers"}}
    spec = _spec(
        tmp_path,
        {"id": "r1", "measure": "occupiers", **rate, "unit": "article", "outside_quotes": True,
         "compare": ["K > V"]},
        {"id": "r2", "measure": "occupiers, quoted too", **rate, "unit": "article", "compare": ["K > V"]},
        {"id": "r3", "measure": "occupiers for Russia", **rate, "unit": "article x actor", "actor": "russia",
         "outside_quotes": True, "compare": ["K > V"]},
        {"id": "s1", "measure": "quotes by Russia", "table": "quotes", "column": "speaker_actor", "unit": "article",
         "value": "share", "equals": ["Russia"], "compare": ["V highest"]},
        {"id": "e1", "measure": "Morality on one event", "table": "frames", "column": "predicted",
         "unit": "article", "value": "mean", "where": {"frame": "Morality"}, "events": ["2022-04-03"],
         "compare": ["K > V"]},
    )
    table = check_known_groups(_analysis(), spec, n_boot=200)
    assert _row(table, "r1")["mean_higher"] == pytest.approx((4 + 1 + 0) / 3)
    assert _row(table, "r2")["mean_higher"] == pytest.approx((4 + 1 + 4) / 3)  # k3: 1 in 250 words
    r3 = _row(table, "r3")  # the same units: every K article mentions Russia
    assert r3["mean_higher"] == pytest.approx(5 / 3) and r3["mean_lower"] == 0 and r3["n_higher"] == 3

    vs_k, vs_w = _row(table, "s1", "K"), _row(table, "s1", "W")
    # V: 2/2, 1/2, 0/1; K: only k1 has quotes besides the quoted k3 (0/1 and 0/1); W: only w1, 1/4
    assert vs_k["mean_higher"] == pytest.approx(0.5) and vs_k["mean_lower"] == 0 and vs_k["n_lower"] == 2
    assert vs_w["mean_lower"] == pytest.approx(0.25) and vs_w["n_lower"] == 1
    assert vs_w["verdict"] == "not separated" and np.isnan(vs_w["ci_low"]) and "one article" in vs_w["reason"]

    event = _row(table, "e1")  # k1 and v1 fall on the event's day or the day after; k1 has the frame
    assert (event["n_higher"], event["n_lower"], event["difference"]) == (1, 1, 1.0)


def test_a_measure_the_run_did_not_compute_is_not_measured(tmp_path):
    spec = _spec(tmp_path, {"id": "1", "measure": "occupiers", "table": "terms", "column": "variant",
                            "unit": "article", "value": "rate", "compare": ["K > V"]})
    row = check_known_groups(_analysis(measures=()), spec).iloc[0]
    assert row["verdict"] == "not measured" and "did not compute wording" in row["reason"]


def test_results_are_deterministic_for_a_seed(tmp_path):
    spec = _spec(tmp_path, {"id": "1", "measure": "m", **STANCE, "actor": "ukraine", "compare": ["K > V"]})
    first = check_known_groups(_analysis(), spec, n_boot=300, seed=4)
    pd.testing.assert_frame_equal(first, check_known_groups(_analysis(), spec, n_boot=300, seed=4))
    other = check_known_groups(_analysis(), spec, n_boot=300, seed=5)
    assert (first["ci_low"].iloc[0], first["ci_high"].iloc[0]) != (other["ci_low"].iloc[0], other["ci_high"].iloc[0])


def _write_run(directory: Path, analysis: Analysis, state: str = "complete") -> Path:
    directory.mkdir()
    for name, schema in SCHEMAS.items():
        frame = getattr(analysis, name)
        pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False),
                       directory / f"{name}.parquet")
    run = {"format": 2, "run_id": "r", "state": state, "config": analysis.run["config"],
           "counts": {"articles_analyzed": len(analysis.articles)}, "progress": {"articles_done": 4}}
    (directory / "run.json").write_text(json.dumps(run), encoding="utf-8")
    return directory


def test_an_incomplete_run_is_refused_with_the_run_folders_error(tmp_path):
    spec = _spec(tmp_path, {"id": "1", "measure": "m", **STANCE, "actor": "russia", "compare": ["V > K"]})
    run = _write_run(tmp_path / "run", _analysis(), state="interrupted")
    with pytest.raises(RunFolderError, match="interrupted run.*--resume"):
        check_known_groups(run, spec)
    with pytest.raises(FileNotFoundError, match="not an analysis folder"):
        check_known_groups(tmp_path / "nothing", spec)


def test_the_command_prints_the_table_and_writes_csv_or_json(tmp_path, capsys):
    spec = _spec(tmp_path, {"id": "1", "measure": "stance toward Russia", **STANCE, "actor": "russia",
                            "compare": ["V > K"]},
                 {"id": "2", "measure": "persuasion", "status": "not measured", "reason": "no such measure"})
    run = _write_run(tmp_path / "run", _analysis())
    out = tmp_path / "kg.csv"
    args = ["evaluate", "known-groups", "--run", str(run), "--spec", str(spec), "--n-boot", "200"]
    assert main([*args, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"\| 1 +\| stance toward Russia +\| V > K +\| V +\| K .*\| \+1\.200 .*\| recovered", printed)
    assert "2: no such measure" in printed and "1 recovered; 1 not measured" in printed
    written = pd.read_csv(out)
    assert written["verdict"].tolist() == ["recovered", "not measured"]
    assert main([*args, "--out", str(tmp_path / "kg.json")]) == 0
    assert json.loads((tmp_path / "kg.json").read_text())[0]["difference"] == pytest.approx(1.2)
    assert main([*args, "--out", str(tmp_path / "kg.txt")]) == 2
    assert "write a .csv or a .json file" in capsys.readouterr().err


def test_a_spec_naming_a_missing_column_or_outlet_is_refused(tmp_path):
    bad_column = _spec(tmp_path, {"id": "1", "measure": "m", **STANCE, "column": "tone", "compare": ["V > K"]})
    with pytest.raises(ValueError, match="no column 'tone'"):
        load_known_groups(bad_column)
    bad_outlet = _spec(tmp_path, {"id": "1", "measure": "m", **STANCE, "compare": ["V > X"]})
    with pytest.raises(ValueError, match="cannot read the comparison 'V > X'"):
        load_known_groups(bad_outlet)


# ---------------------------------------------------------------- the packaged spec


def _datasheet_directions() -> dict[str, str]:
    """Number -> expected-direction cell of the datasheet's known-groups table."""
    text = DATASHEET.read_text(encoding="utf-8")
    section = text.split("### Known groups", 1)[1].split("\n### ", 1)[0]
    cells = [line.strip().strip("|").split(" | ") for line in section.splitlines() if re.match(r"\| \d+ \|", line)]
    return {number.strip(): direction.strip() for number, _, direction, _ in cells}


def test_every_entry_of_the_spec_parses_and_names_an_existing_table_and_column():
    spec = load_known_groups(SPEC)
    assert set(spec["outlets"].values()) == {p.name for p in (ROOT / "data" / "sample-corpus").iterdir() if p.is_dir()}
    for entry in spec["directions"]:
        if entry.get("status") == "not measured":
            assert entry["reason"].strip(), entry["id"]
            continue
        schema = SCHEMAS[entry["table"]]
        assert entry["column"] in schema.names, entry["id"]
        assert set(entry.get("where", {})) <= set(schema.names), entry["id"]
        assert entry["compare"], entry["id"]


def test_the_spec_says_what_the_datasheet_table_says():
    datasheet = _datasheet_directions()
    assert sorted(datasheet, key=int) == [str(n) for n in range(1, 17)]
    entries = load_known_groups(SPEC)["directions"]
    numbers = {re.fullmatch(r"(\d+)[a-z]?", str(entry["id"])).group(1) for entry in entries}
    assert numbers == set(datasheet), "every number of the datasheet table has an entry, and no other"
    for entry in entries:
        number = re.match(r"\d+", str(entry["id"])).group(0)
        assert entry["datasheet"] == datasheet[number], entry["id"]


def test_role_rows_of_articles_outside_the_models_domain_do_not_count(tmp_path):
    # k1 is out of the role model's domain: its Antagonist reading of Russia must not count.
    base = _analysis()
    roles = [{"article_id": a, "outlet": {"k": "kyiv", "v": "vest"}[a[0]], "actor": "russia", "n_mentions": 1,
              "p_protagonist": 0.1, "p_antagonist": p, "p_innocent": 0.0, "main_role": "Antagonist",
              "fine_role": None, "p_fine_role": None, "in_domain": a != "k1"}
             for a, p in (("k1", 0.9), ("k2", 0.3), ("k3", 0.5), ("v1", 0.2), ("v2", 0.4))]
    analysis = base.replace(roles=_frame("roles", roles))
    spec = _spec(tmp_path, {"id": "11", "measure": "roles: Russia", "table": "roles", "column": "p_antagonist",
                            "unit": "article x actor", "value": "mean", "actor": "russia", "compare": ["K > V"]})
    row = _row(check_known_groups(analysis, spec, n_boot=200), "11")
    assert (row["n_higher"], row["n_lower"]) == (2, 2)
    assert row["mean_higher"] == pytest.approx(0.4) and row["difference"] == pytest.approx(0.1)
