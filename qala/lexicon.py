"""Language knowledge lives in data files under `qala/data/`; this module loads them once.

Lists are plain UTF-8 text (one entry per line, `#` starts a comment); tables are TSV with a header
row. Entries are returned as written; callers normalize with `qala.text.normalize.norm` so that
linguists can write lexicons in ordinary spelling.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources


def data_path(*parts: str):  # -> importlib.resources.abc.Traversable
    return resources.files("qala").joinpath("data", *parts)


def read_text(*parts: str) -> str:
    return data_path(*parts).read_text(encoding="utf-8")


@cache
def load_list(name: str) -> tuple[str, ...]:
    """`data/lexicons/<name>.txt` as a tuple of stripped, non-comment lines."""
    out = []
    for line in read_text("lexicons", f"{name}.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def load_table(*parts: str) -> tuple[dict[str, str], ...]:
    """A TSV file under `data/` (header row first) as a tuple of row dicts."""
    text = read_text(*parts)
    rows = csv.DictReader(
        (ln for ln in io.StringIO(text) if ln.strip() and not ln.startswith("#")),
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
    )
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in rows)
