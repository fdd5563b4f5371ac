"""The installed version of framing and a digest of its code (a leaf module, so that any module may
record them)."""

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

_ROOT = Path(__file__).resolve().parent


def code_digest() -> str:
    """A short hash of the package's own files: its code, lexicons and packaged models.

    A run's fingerprint holds it beside the version, so that an editable install whose rules changed
    within one version does not reuse tables the old rules wrote (``framing analyze --update`` and
    ``--resume``), and a Dask worker with other code refuses to work for the run. Documentation
    (``*.md``) and the file of published scores (``data/validation.yaml``) do not change a table and
    are left out. Computed on every call (about 0.1 s): a notebook that edits the package sees the
    change at once."""
    digest = hashlib.sha256()
    paths = sorted(path for path in _ROOT.rglob("*")
                   if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".md")
                   and path.relative_to(_ROOT).as_posix() != "data/validation.yaml")
    for path in paths:
        digest.update(path.relative_to(_ROOT).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
