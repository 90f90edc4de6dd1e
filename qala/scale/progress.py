"""A Rich progress bar on the client, advanced as partitions complete (with the dashboard link)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class RichProgress:
    """`on_start` / `on_progress` callbacks for `extract_distributed` drawing one bar on stderr."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, soft_wrap=True)
        self.progress = Progress(
            TextColumn("[bold]partitions"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[docs]:,} docs"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=self.console, transient=False,
        )
        self.task: Any = None
        self.docs = 0

    def on_start(self, dashboard: str | None, workers: int, todo: int) -> None:
        self.console.print(f"Dask: {workers} worker(s); dashboard: {dashboard or 'not available'}", highlight=False)
        self.task = self.progress.add_task("extract", total=todo, docs=0)

    def on_progress(self, done: int, todo: int, summary: dict[str, Any]) -> None:
        self.docs += int(summary.get("documents", 0))
        if "partition" in summary:  # a partition that failed for good
            self.console.print(f"[red]partition failed[/red] {summary['partition']}: {summary['errors'][0]['message']}",
                               highlight=False)
        self.progress.update(self.task, completed=done, docs=self.docs)


@contextmanager
def rich_progress(console: Console | None = None) -> Iterator[RichProgress]:
    bar = RichProgress(console)
    with bar.progress:
        yield bar
