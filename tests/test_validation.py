"""What `framing analyze` and the figures say about each measure's validation
(framing/data/validation.yaml) agrees with the pinned scores, and reaches the user."""

from __future__ import annotations

import re

import pytest

from framing import cli
from framing._validation import caveat, validated_line, validation
from framing.analysis import MEASURES
from pinned import DECIMAL, load_pinned

PINNED = load_pinned()


def test_every_measure_has_a_line():
    assert set(validation()) == {"mentions", "domains", "stance", "stance_lexicon", *MEASURES}


@pytest.mark.parametrize("measure", sorted(validation()))
def test_each_number_is_a_pinned_score_of_its_readme_row(measure):
    entry = validation()[measure]
    values = [s.value for s in PINNED.scores if s.measure == entry["readme"]]
    assert values, f"{measure}: no pinned score for the README row {entry['readme']!r}"
    text = " ".join([entry["score"], entry.get("caveat") or ""])
    for number in DECIMAL.findall(text):
        decimals = len(number.split(".")[1])
        assert any(round(float(v), decimals) == float(number) for v in values), (
            f"{measure}: {number} is not a pinned score of {entry['readme']!r}")


def test_measures_without_demonstrated_separation_carry_a_caveat():
    # roles and narratives recover none of the known-group directions (docs/known_groups.md);
    # frames are validated out of domain
    assert {m for m in validation() if caveat(m)} == {"frames", "roles", "narratives", "persuasion"}
    assert "within noise" in caveat("roles") and "0.553" in caveat("roles")
    assert validated_line("roles").startswith("roles: main-role accuracy 0.553 held out")
    assert validated_line("nonexistent") == "nonexistent"


def test_analyze_prints_the_measures_that_ran_with_their_scores(capsys):
    cli._print_validation("lexicon", ["quotes", "roles"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("measures and their validated scores")
    assert [re.match(r"\s+([\w ()]+):", line).group(1) for line in lines[1:]] == [
        "mentions", "domains", "stance (lexicon)", "quotes", "roles"]
    assert "0.607" in lines[3] and "0.553" in lines[5]
    cli._print_validation("my/model", [])
    assert "the model in my/model" in capsys.readouterr().out


def test_save_figures_prints_the_caveat_under_the_role_figure(tmp_path):
    import pandas as pd
    from matplotlib.text import Text

    from framing import plots

    roles = pd.DataFrame({"outlet": ["a", "a", "a"], "actor": ["russia"] * 3,
                          "role": ["Protagonist", "Antagonist", "Innocent"],
                          "probability": [0.2, 0.7, 0.1], "n_articles": [3, 3, 3]})
    fig = plots.plot_roles(roles, caveat=caveat("roles"))
    texts = [t.get_text() for t in fig.findobj(Text)]
    assert any(t.startswith("Roles: held-out main-role accuracy 0.553") for t in texts)
    plain = plots.plot_roles(roles)
    assert not any("within noise" in t.get_text() for t in plain.findobj(Text))


def test_a_measure_off_by_default_says_why_and_its_figure_carries_a_caveat():
    from framing._validation import off_reason, on_by_default

    for measure, entry in validation().items():
        assert isinstance(entry.get("default", True), bool), f"{measure}: default must be true or false"
        if not on_by_default(measure):
            assert off_reason(measure), f"{measure} is off by default without a reason"
            assert caveat(measure), f"{measure} is off by default but its figure carries no caveat"
        else:
            assert off_reason(measure) is None


def test_default_measures_leave_out_those_off_by_default(monkeypatch, capsys):
    from framing import _validation
    from framing.analysis import available_measures, default_measures

    entries = {name: dict(entry) for name, entry in validation().items()}
    for entry in entries.values():
        entry.pop("default", None)
        entry.pop("off_by_default", None)
    monkeypatch.setattr(_validation, "validation", lambda: entries)
    assert default_measures() == available_measures()
    entries["roles"].update(default=False, off_by_default="within noise of the majority role")
    assert "roles" not in default_measures()
    assert [m for m in default_measures()] == [m for m in available_measures() if m != "roles"]

    cli._print_validation("lexicon", list(default_measures()))
    out = capsys.readouterr().out
    assert "off by default (compute with --measures NAME,...):\n  roles: within noise of the majority role" in out


def test_roles_are_off_by_default_and_the_others_on():
    # the main role is within noise of the majority on held-out documents (docs/roles.md)
    from framing._validation import on_by_default

    assert not on_by_default("roles")
    assert all(on_by_default(m) for m in validation() if m != "roles")
