"""Cross-document entity merging after extraction: one row per `merge_key`, decided by counts.

Each partition's entities are counted (documents and mentions per key and per candidate name, type,
Latin form and Wikidata id), partial counts are summed up a Dask reduction tree, and every field takes
the value seen in the most documents (then most mentions, then the smallest string). Sums and that
rule do not depend on how the work was split, so the table is the same with any number of workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dask.bag as db
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from qala.scale.plan import Partition

MERGED_FILE = "entities_merged.parquet"
_FIELDS = ("type", "name", "latin", "kb")
# Partial count tables combined per reduction step: bounds the memory of one combine task.
_SPLIT_EVERY = 8
_COUNT_COLUMNS = ["merge_key", "field", "value", "documents", "mentions"]


def _empty_counts() -> pd.DataFrame:
    return pd.DataFrame({"merge_key": pd.Series(dtype=str), "field": pd.Series(dtype=str),
                         "value": pd.Series(dtype=str), "documents": pd.Series(dtype="int64"),
                         "mentions": pd.Series(dtype="int64")})


def partition_counts(paths: Any) -> pd.DataFrame:
    """Counts of the entities in some part files (long form: merge_key, field, value → counts)."""
    frames = []
    for path in paths:
        if not Path(path).exists():
            continue
        df = pq.read_table(path, columns=["part", "seq", "merge_key", *_FIELDS, "mentions"]).to_pandas()
        if df.empty:
            continue
        df["doc"] = df["part"] + ":" + df["seq"].astype(str)
        df["n"] = df["mentions"].map(len).astype("int64")
        total = df.groupby("merge_key").agg(documents=("doc", "nunique"), mentions=("n", "sum")).reset_index()
        total["field"], total["value"] = "*", ""
        frames.append(total)
        for f in _FIELDS:
            sub = df[df[f].notna()]
            c = sub.groupby(["merge_key", f]).agg(documents=("doc", "nunique"), mentions=("n", "sum")).reset_index()
            c = c.rename(columns={f: "value"})
            c["field"] = f
            frames.append(c)
    if not frames:
        return _empty_counts()
    return _combine(frames)


def _combine(frames: Any) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return _empty_counts()
    df = pd.concat(frames, ignore_index=True)
    return df.groupby(["merge_key", "field", "value"], sort=False)[["documents", "mentions"]].sum().reset_index()[_COUNT_COLUMNS]


def choose(counts: pd.DataFrame) -> pd.DataFrame:
    """One row per merge_key from summed counts (deterministic tie-breaking)."""
    if counts.empty:
        return pd.DataFrame(columns=["merge_key", "type", "name", "latin", "kb", "documents", "mentions", "names"])
    totals = counts[counts["field"] == "*"].set_index("merge_key")[["documents", "mentions"]]
    ranked = counts[counts["field"] != "*"].sort_values(
        ["merge_key", "field", "documents", "mentions", "value"], ascending=[True, True, False, False, True])
    best = ranked.drop_duplicates(["merge_key", "field"]).pivot(index="merge_key", columns="field", values="value")
    names = ranked[ranked["field"] == "name"].groupby("merge_key")["value"].agg(lambda s: sorted(s))
    out = totals.join(best.reindex(columns=list(_FIELDS))).join(names.rename("names"))
    out = out.reset_index().sort_values("merge_key", kind="stable")
    return out[["merge_key", "type", "name", "latin", "kb", "documents", "mentions", "names"]]


MERGED_SCHEMA = pa.schema([
    ("merge_key", pa.string()), ("type", pa.string()), ("name", pa.string()), ("latin", pa.string()),
    ("kb", pa.string()), ("documents", pa.int64()), ("mentions", pa.int64()), ("names", pa.list_(pa.string())),
])


def merge_entities(out: Path, plan: list[Partition], client: Any | None) -> Path:
    """Writes `entities_merged.parquet` from the entity part files of `plan` (on the cluster when a
    Dask client is given, else in this process)."""
    paths = [str(out / "entities" / f"{p.name}.parquet") for p in plan]
    if paths:
        bag = db.from_sequence(paths, npartitions=min(len(paths), 256))
        counts = bag.reduction(partition_counts, _combine, split_every=_SPLIT_EVERY)
        summed = client.compute(counts).result() if client is not None else counts.compute(scheduler="sync")
    else:
        summed = _empty_counts()
    merged = choose(summed)
    table = pa.Table.from_pandas(merged, schema=MERGED_SCHEMA, preserve_index=False)
    tmp = out / f".{MERGED_FILE}.tmp"
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(out / MERGED_FILE)
    return out / MERGED_FILE
