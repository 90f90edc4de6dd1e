"""`qala extract` and `qala demo`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape

from qala.document import Document, json_line
from qala.errors import ExitCode
from qala.ingest.readers import read_inputs
from qala.pipeline import DEFAULT_MAX_CHARS, default_pipeline

# soft_wrap: one error, one stderr line (Rich would otherwise wrap at 80 columns when piped).
err_console = Console(stderr=True, soft_wrap=True)


def write_jsonl(docs: Iterable[Document], out: TextIO) -> Iterator[Document]:
    for doc in docs:
        out.write(json_line(doc.to_dict()))
        yield doc


def report_errors(docs: Iterable[Document], stats: dict[str, int], errors_out: TextIO | None) -> Iterator[Document]:
    """Counts documents, prints one stderr line per bad one, and copies its record to --errors."""
    for doc in docs:
        stats["documents"] += 1
        if doc.errors:
            stats["failed"] += 1
            err = doc.errors[0]
            err_console.print(f"[red]error[/red] {escape(doc.id)}: {err.code}: {escape(err.message)}", highlight=False, markup=True)
            if errors_out is not None:
                errors_out.write(json_line({"id": doc.id, "errors": [e.to_dict() for e in doc.errors]}))
        yield doc


def run_extract(
    inputs: list[str],
    output: Path | None = None,
    pretty: bool = False,
    errors_file: Path | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    date: str | None = None,
) -> dict[str, int]:
    """Reads, extracts and writes; returns counts. The library entry point behind the command."""
    pipe = default_pipeline(max_chars=max_chars)
    stats = {"documents": 0, "failed": 0}
    with ExitStack() as stack:
        out: TextIO = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
        errors_out = stack.enter_context(errors_file.open("w", encoding="utf-8")) if errors_file else None
        docs: Iterable[Document] = read_inputs(inputs)
        if date:
            docs = (_with_date(d, date) for d in docs)
        processed = report_errors(pipe.pipe(docs), stats, errors_out)
        if pretty:
            from qala.cli.render import render_document

            console = Console(file=out) if output else Console()
            for doc in processed:
                render_document(doc, console)
        else:
            for _ in write_jsonl(processed, out):
                pass
    return stats


def _with_date(doc: Document, date: str) -> Document:
    doc.date = doc.date or date
    return doc


def exit_code(stats: dict[str, int]) -> ExitCode:
    return ExitCode.PARTIAL if stats["failed"] else ExitCode.OK


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        inputs: Annotated[list[str], typer.Argument(help="Files, directories (recursive), JSON Lines, or - for stdin.")],
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON Lines here (default: stdout).")] = None,
        pretty: Annotated[bool, typer.Option("--pretty", help="A readable who-said-what view instead of JSON.")] = False,
        errors: Annotated[Path | None, typer.Option("--errors", help="Also write one error record per bad document here.")] = None,
        max_chars: Annotated[int, typer.Option(help="Documents longer than this are reported `too_large`.")] = DEFAULT_MAX_CHARS,
        date: Annotated[str | None, typer.Option(help="Document date (YYYY-MM-DD) for inputs that have none.")] = None,
        workers: Annotated[int | None, typer.Option(help="Run on a local Dask cluster of N worker processes.")] = None,
        scheduler: Annotated[str | None, typer.Option(help="Run on an existing Dask cluster (tcp://host:8786).")] = None,
        fmt: Annotated[str, typer.Option("--format", help="jsonl, or parquet (tables in the -o directory; uses Dask).")] = "jsonl",
    ) -> None:
        """Extract quotations, speakers, entities and events as JSON Lines (schema 1).

        Example: qala extract article.txt --pretty
        """
        if workers is not None or scheduler or fmt != "jsonl":  # on Dask: README "Scaling out with Dask"
            from qala.scale.command import extract_command

            raise typer.Exit(extract_command(inputs, output, fmt, workers, scheduler, errors, max_chars, date, pretty))
        try:
            stats = run_extract(inputs, output, pretty, errors, max_chars, date)
        except OSError as exc:  # the output or --errors file cannot be written: nothing is processed
            err_console.print(f"[red]fatal[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(int(ExitCode.FATAL)) from None
        if stats["failed"]:
            err_console.print(f"{stats['documents'] - stats['failed']} of {stats['documents']} documents processed, {stats['failed']} reported as errors")
        raise typer.Exit(int(exit_code(stats)))

    @app.command("demo")
    def demo_cmd(
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Also write the JSON Lines here.")] = None,
    ) -> None:
        """Run qala on its bundled sample articles and show who said what."""
        from qala.cli.render import render_document
        from qala.lexicon import data_path

        samples = data_path("samples", "articles.jsonl")
        console = Console()
        pipe = default_pipeline()
        with ExitStack() as stack:
            out = stack.enter_context(output.open("w", encoding="utf-8")) if output else None
            for doc in pipe.pipe(read_inputs([str(samples)])):
                render_document(doc, console)
                if out:
                    out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
