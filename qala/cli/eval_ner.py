"""`qala eval ner TEST.conll [--json] [--predictions OUT.conll] [--model DIR]`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from qala.errors import ExitCode, QalaError

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command("ner")
    def eval_ner(
        test: Annotated[Path, typer.Argument(help="CoNLL file: `token TAG` per line, blank line between sentences.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
        predictions: Annotated[
            Path | None, typer.Option("--predictions", help="Write the predicted tags here, same format.")
        ] = None,
        model: Annotated[Path | None, typer.Option("--model", help="A model directory (default: the shipped one).")] = None,
    ) -> None:
        """Tag the given tokens with the NER model; span-level P/R/F1 per type and micro, tokens/s."""
        from qala.eval.ner import evaluate_ner

        try:
            result = evaluate_ner(test, predictions, model)
        except QalaError as exc:
            err_console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(ExitCode.USAGE) from None
        if result.seen_in_training:
            err_console.print(
                f"[yellow]warning:[/] {result.seen_in_training:,} of {result.sentences:,} sentences of {test} are in "
                "this model's training data: these scores are not held-out (score a model trained without them: "
                "`qala train ner --dev-block N` or `--cross-validate N`)"
            )
        if as_json:
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        table = Table(title=f"NER on {test} ({result.sentences:,} sentences, {result.tokens:,} tokens)")
        for col in ("type", "precision", "recall", "F1", "gold", "predicted"):
            table.add_column(col, justify="right" if col != "type" else "left")
        rows = [*result.scores.per_type.items(), ("micro", result.scores.micro)]
        for name, s in rows:
            table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp + s.fn), str(s.tp + s.fp))
        console.print(table)
        per_cpu = result.to_dict()["tokens_per_cpu_second"]
        console.print(
            f"{result.tokens_per_second:,.0f} tokens/s wall ({per_cpu:,} per CPU-second, one process), "
            f"model load {result.load_seconds:.2f} s"
        )
