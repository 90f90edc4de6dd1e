"""Reading gold files (JSON Lines, one annotated article per line) for every scorer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qala.errors import InputError


def gold_records(path: str | Path, list_field: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of each gold article. A malformed line is an InputError naming the
    line, so that a typo in gold data is never silently scored as a miss."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise InputError(f"{path}:{n}: a gold record needs a string `text`")
        if list_field and not isinstance(rec.get(list_field), list):
            raise InputError(f"{path}:{n}: a gold record needs a list `{list_field}`")
        yield n, rec
