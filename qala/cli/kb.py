"""`qala ingest` and `qala search`: the knowledge base from the command line (thin: parse, call, print)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from qala.errors import ExitCode

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (sqlite:///file, postgresql+psycopg://user@host/db) or an SQLite file path. "
                 "Default: qala.sqlite in the user's data directory.", envvar="QALA_DB"),
]


def _open(db: str | None):  # -> Engine
    from qala.store.db import open_db

    try:
        return open_db(db)
    except Exception as exc:  # a wrong URL, an unreachable server: say so, no traceback
        err_console.print(f"[red]error[/red] cannot open the knowledge base {db or '(default)'}: {type(exc).__name__}: {exc}")
        raise typer.Exit(int(ExitCode.FATAL)) from None


def _with_date(docs: Iterable[Any], date: str | None) -> Iterable[Any]:
    for d in docs:
        if date and not d.errors:
            d.date = d.date or date
        yield d


def _summary(counts: dict[str, int], where: str) -> None:
    console.print(
        f"[bold]{counts.get('added', 0)}[/bold] documents added, {counts.get('skipped', 0)} skipped (already stored), "
        f"{counts.get('failed', 0)} failed — {counts.get('quotations', 0)} quotations, {counts.get('entities', 0)} new "
        f"entities, {counts.get('events', 0)} events, {counts.get('duplicates', 0)} near-duplicates grouped → {where}"
    )


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        inputs: Annotated[list[str], typer.Argument(help="Files, directories (recursive), JSON Lines, HTML, RSS/Atom, WARC, or - for stdin.")],
        db: DbOption = None,
        batch_size: Annotated[int, typer.Option(help="Documents per transaction.", min=1)] = 50,
        date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD) for inputs that have none.")] = None,
        workers: Annotated[int | None, typer.Option(help="Extract on a local Dask cluster with N workers.", min=1)] = None,
        scheduler: Annotated[str | None, typer.Option(help="Extract on a running Dask cluster (tcp://host:8786).")] = None,
    ) -> None:
        """Extract and store articles in the knowledge base (idempotent: stored documents are skipped).

        Example: qala ingest articles/ --db postgresql+psycopg://qala@localhost/qala
        """
        if workers or scheduler:
            from qala.store.db import normalize_url

            try:
                from qala.scale import ingest_distributed  # type: ignore[attr-defined]
            except ImportError:
                err_console.print("[red]error[/red] distributed ingestion (qala.scale.ingest_distributed) is not available")
                raise typer.Exit(int(ExitCode.FATAL)) from None
            result = ingest_distributed(inputs, normalize_url(db), workers=workers, scheduler=scheduler)
            counts = result if isinstance(result, dict) else result.as_dict()
            _summary(counts, normalize_url(db))
            raise typer.Exit(int(ExitCode.PARTIAL if counts.get("failed") else ExitCode.OK))

        from qala.ingest.readers import read_inputs
        from qala.pipeline import default_pipeline
        from qala.store.db import describe_url
        from qala.store.load import LoadCounts, ingest

        engine = _open(db)
        pipe = default_pipeline()
        total = LoadCounts()
        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} documents"),
                            TimeElapsedColumn(), console=err_console, transient=False)

        def on_batch(c: LoadCounts) -> None:
            nonlocal total
            total += c
            progress.update(task, advance=c.added + c.skipped + c.failed,
                            description=f"ingesting: {total.added} added, {total.skipped} skipped, {total.failed} failed")

        with progress:
            task = progress.add_task("ingesting", total=None)
            try:
                ingest(engine, _with_date(read_inputs(inputs), date), process=pipe, batch_size=batch_size, on_batch=on_batch)
            except KeyboardInterrupt:
                err_console.print("[yellow]interrupted[/yellow]: the batches before this one are stored")
                _summary(total.as_dict(), describe_url(engine))
                raise typer.Exit(130) from None
        _summary(total.as_dict(), describe_url(engine))
        raise typer.Exit(int(ExitCode.PARTIAL if total.failed else ExitCode.OK))

    @app.command("search")
    def search_cmd(
        query: Annotated[str | None, typer.Argument(help="Words that must all occur in the quotation (any spelling or clitic form).")] = None,
        speaker: Annotated[str | None, typer.Option(help="Words of the speaker's name (Arabic, an alias, or Latin).")] = None,
        entity: Annotated[str | None, typer.Option(help="An entity (name or id) who said or is mentioned in the quotation.")] = None,
        source: Annotated[str | None, typer.Option(help="Part of the outlet's name.")] = None,
        since: Annotated[str | None, typer.Option(help="From this date (YYYY-MM-DD), inclusive.")] = None,
        until: Annotated[str | None, typer.Option(help="Up to this date (YYYY-MM-DD), inclusive.")] = None,
        quote_type: Annotated[str | None, typer.Option("--type", help="direct, indirect or mixed.")] = None,
        order: Annotated[str, typer.Option(help="relevance, date (newest first) or date_asc.")] = "relevance",
        limit: Annotated[int, typer.Option(help="Results per page.", min=1, max=200)] = 20,
        page: Annotated[int, typer.Option(help="Page number (1 = first).", min=1)] = 1,
        as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
        db: DbOption = None,
    ) -> None:
        """Search quotations in the knowledge base; a quotation carried by several outlets shows once.

        Example: qala search "العقوبات" --speaker "بوتين" --since 2022-01-01
        """
        import datetime as dt
        import json

        from qala.store.queries import search_quotations

        if order not in ("relevance", "date", "date_asc"):
            raise typer.BadParameter("--order must be relevance, date or date_asc")
        if quote_type and quote_type not in ("direct", "indirect", "mixed"):
            raise typer.BadParameter("--type must be direct, indirect or mixed")
        for name, value in (("--since", since), ("--until", until)):
            if value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise typer.BadParameter(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None
        engine = _open(db)
        ent: int | str | None = int(entity) if entity and entity.isdigit() else entity
        result = search_quotations(engine, query, speaker=speaker, entity=ent, source=source, since=since, until=until,
                                   quote_type=quote_type, order=order, limit=limit, offset=(page - 1) * limit)  # type: ignore[arg-type]
        if as_json:
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        if not result.items:
            console.print("no quotations found")
            return
        table = Table(title=f"{result.total} quotations (page {page})", show_lines=True)
        for col in ("date", "speaker", "quotation", "type", "sources"):
            table.add_column(col, overflow="fold")
        for hit in result.items:
            srcs = ", ".join(dict.fromkeys(s.source or s.doc_id for s in hit.sources))
            table.add_row(hit.date or "", hit.speaker or "", hit.text, hit.type, f"{hit.source_count}: {srcs}")
        console.print(table)
