"""Progress bars that show throughput (items/s) on a terminal and in notebooks."""

from __future__ import annotations

import os
import sys


def progress_bar(*, total: int | None, desc: str, unit: str, disable: bool = False):
    """A tqdm bar on stderr; disabled when ``FRAMING_PROGRESS=0`` is set."""
    from tqdm.auto import tqdm

    disable = disable or os.environ.get("FRAMING_PROGRESS", "1") == "0"
    return tqdm(total=total, desc=desc, unit=unit, disable=disable, file=sys.stderr,
                dynamic_ncols=True, mininterval=0.5)
