"""What each measure's validation says (``framing/data/validation.yaml``): one line per
measure for the messages of ``framing analyze``, and the caveat a figure carries when the
validation does not show that the measure separates outlets."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def validation() -> dict[str, dict]:
    """``{measure: {"readme", "score", "doc", "caveat"?, "default"?, "off_by_default"?}}`` from the
    packaged file."""
    text = resources.files("framing").joinpath("data/validation.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["measures"]


def validated_line(measure: str) -> str:
    """``measure: score (doc)``, or the measure alone when nothing is recorded for it."""
    entry = validation().get(measure)
    return f"{measure}: {entry['score']} ({entry['doc']})" if entry else measure


def on_by_default(measure: str) -> bool:
    """Whether ``framing analyze`` computes ``measure`` when no measures are named: every measure
    unless its validation entry says ``default: false`` (a validated score within noise of the
    measure's trivial baseline), with the reason in ``off_by_default``."""
    entry = validation().get(measure) or {}
    return bool(entry.get("default", True))


def off_reason(measure: str) -> str | None:
    """Why ``measure`` is off by default, or None when it is on."""
    entry = validation().get(measure) or {}
    return None if on_by_default(measure) else " ".join(str(entry.get("off_by_default", "")).split()) or None


def caveat(measure: str) -> str | None:
    """The caveat of ``measure``'s figure, or None."""
    entry = validation().get(measure)
    return " ".join(entry["caveat"].split()) if entry and entry.get("caveat") else None
