"""The `qala` command line: a thin Typer layer over importable library functions."""

from __future__ import annotations

import typer

from qala.cli import evaluate, extract, kb, serve, train

app = typer.Typer(
    name="qala",
    help="qala — who said what, to whom, where and when, in Arabic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
extract.register(app)
kb.register(app)
serve.register(app)
app.add_typer(evaluate.app, name="eval", help="Score qala against gold data.")
app.add_typer(train.app, name="train", help="Train the models qala ships.")


def main() -> None:
    app()
