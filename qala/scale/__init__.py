"""qala.scale: extraction on Dask (LocalCluster or an existing cluster) into Parquet, and bulk loading
of the knowledge base from it. See README "Scaling out with Dask"."""

from qala.scale.load import DistributedLoadCounts, documents_from_output, ingest_distributed
from qala.scale.plan import DEFAULT_PARTITION_BYTES, Partition, plan_partitions
from qala.scale.run import ExtractResult, extract_distributed, iter_jsonl_output

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "DistributedLoadCounts",
    "ExtractResult",
    "Partition",
    "documents_from_output",
    "extract_distributed",
    "ingest_distributed",
    "iter_jsonl_output",
    "plan_partitions",
]
