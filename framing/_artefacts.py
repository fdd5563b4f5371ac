"""Helpers shared by the packaged model folders (``framing/models/<name>/``): a digest of the
learned arrays that does not depend on how the ``.npz`` file was zipped, the digest of a file, and
the form in which a path is recorded in a folder's training command."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np


def weights_digest(arrays: dict) -> str:
    """SHA-256 of the arrays' names, dtypes, shapes and bytes (the .npz file itself carries
    zip timestamps, so its own hash changes from one training run to the next)."""
    digest = hashlib.sha256()
    for name in sorted(arrays):
        value = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}|{value.dtype.str}|{value.shape}|".encode())
        digest.update(value.tobytes())
    return digest.hexdigest()


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def shown_path(path: str | os.PathLike) -> str:
    """A path as written in a recorded command: relative paths as given, absolute ones
    shortened to their last part (no user's directory layout in shipped files)."""
    path = Path(path)
    return path.as_posix() if not path.is_absolute() else f".../{path.name}"
