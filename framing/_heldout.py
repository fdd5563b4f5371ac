"""The fixed held-out part of the shared annotated data.

Every measure trained on the shared data (``framing train …``) sets aside the same documents: one in
:data:`HELD_OUT_SHARE`, chosen by a hash of the document's id, so that the part does not depend on the
order of files, on the seed, or on which other documents a release contains. No model choice
(features, hyper-parameters, thresholds) looks at these documents; ``framing evaluate …`` scores them
once, with the model fitted on the rest, and reports that score beside the cross-validated one.

A document id is the stem of its file in the release: ``EN_UA_100864`` (SemEval-2025),
``article729700539`` (SemEval-2023 frames and persuasion techniques, which share article ids).
"""
from __future__ import annotations

import hashlib

HELD_OUT_SHARE = 5
"""One document in this many is held out."""


def is_held_out(doc_id: str) -> bool:
    """Whether the document with this id (its file's stem) belongs to the held-out part."""
    if not isinstance(doc_id, str) or not doc_id:
        raise ValueError(f"a document id is a non-empty string, got {doc_id!r}")
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % HELD_OUT_SHARE == 0
