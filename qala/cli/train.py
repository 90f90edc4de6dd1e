"""`qala train ner`: train the CRF tagger that qala ships (see README, Named-entity recognition)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from qala.errors import ExitCode, QalaError

app = typer.Typer(no_args_is_help=True)
console = Console()
err_console = Console(stderr=True, soft_wrap=True)


@app.command("ner")
def train_ner(
    train: Annotated[Path, typer.Option("--train", help="Training CoNLL file (e.g. ANERcorp).")],
    out: Annotated[Path, typer.Option("--out", help="Model directory to write.")],
    dev: Annotated[Path | None, typer.Option("--dev", help="Dev CoNLL file (else a block of --train is held out).")] = None,
    dev_fraction: Annotated[float, typer.Option(help="Without --dev: share of --train held out as dev.")] = 0.1,
    dev_block: Annotated[
        int, typer.Option(help="Without --dev: which contiguous block is held out (0 = first; -1 = last).")
    ] = -1,
    c1: Annotated[float | None, typer.Option(help="L1 regularization.")] = None,
    c2: Annotated[float | None, typer.Option(help="L2 regularization.")] = None,
    max_iterations: Annotated[int | None, typer.Option(help="L-BFGS iterations.")] = None,
) -> None:
    """Train the NER tagger; prints dev span F1 per type when a dev set is given or held out."""
    from qala.ner import train as tr
    from qala.ner.conll import read_conll

    try:
        sentences = read_conll(train)
        if dev is not None:
            train_sents, dev_sents = sentences, read_conll(dev)
            split = {"dev_file": str(dev)}
        elif dev_fraction > 0:
            if not 0 < dev_fraction < 1:
                raise QalaError("--dev-fraction must be between 0 and 1")
            blocks = round(1 / dev_fraction)
            block = dev_block if dev_block >= 0 else blocks - 1
            train_sents, dev_sents = tr.contiguous_split(sentences, dev_fraction, block)
            split = {"dev_split": f"contiguous block {block} of {blocks} (sentences)", "dev_fraction": dev_fraction}
        else:
            train_sents, dev_sents, split = sentences, [], {"dev_split": "none"}
        console.print(f"training on {len(train_sents):,} sentences, dev {len(dev_sents):,} …")
        result = tr.train(
            train_sents,
            out,
            dev_sents,
            c1=tr.DEFAULT_C1 if c1 is None else c1,
            c2=tr.DEFAULT_C2 if c2 is None else c2,
            max_iterations=tr.DEFAULT_MAX_ITERATIONS if max_iterations is None else max_iterations,
            meta={"train_file": train.name, **split},
        )
    except QalaError as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    console.print(f"model written to {result.model_dir} in {result.seconds:.0f} s")
    if result.dev is not None:
        for typ, s in [*result.dev.per_type.items(), ("micro", result.dev.micro)]:
            console.print(f"  {typ:5} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
