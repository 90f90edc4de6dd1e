"""`qala train ner`: train the CRF tagger that qala ships (see README, Named-entity recognition)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from qala.errors import ExitCode, QalaError

if TYPE_CHECKING:
    from qala.ner.conll import Sentence

app = typer.Typer(no_args_is_help=True)
console = Console()
err_console = Console(stderr=True, soft_wrap=True)


@app.command("ner")
def train_ner(
    train: Annotated[Path, typer.Option("--train", help="Training CoNLL file (e.g. ANERcorp).")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Model directory to write (with --cross-validate: trained on every sentence)."),
    ] = None,
    extra: Annotated[
        list[Path] | None,
        typer.Option(
            "--extra",
            metavar="<path>",
            help="More training sentences (repeatable: CoNLL, inline-annotated .txt, or a folder of them), always "
            "trained on, never held out or scored, brought to --train's name boundaries first: e.g. data/ner/qala-news.",
        ),
    ] = None,
    domain_offsets: Annotated[
        bool,
        typer.Option(
            help="--extra sentences get a copy of every feature of their own, so that where their conventions differ "
            "from --train's they do not pull the model away from --train's (tagging follows --train's).",
        ),
    ] = True,
    dev: Annotated[Path | None, typer.Option("--dev", help="Dev CoNLL file (else a block of --train is held out).")] = None,
    dev_fraction: Annotated[float, typer.Option(help="Without --dev: share of --train held out as dev.")] = 0.1,
    dev_block: Annotated[
        int, typer.Option(help="Without --dev: which contiguous block is held out (0 = first; -1 = last).")
    ] = -1,
    dev_seed: Annotated[
        int | None,
        typer.Option(
            help="Without --dev: hold out a random --dev-fraction of the sentences drawn with this seed instead of a "
            "contiguous block (optimistic: sentences of one article land on both sides).",
        ),
    ] = None,
    c1: Annotated[float | None, typer.Option(help="L1 regularization.")] = None,
    c2: Annotated[float | None, typer.Option(help="L2 regularization.")] = None,
    max_iterations: Annotated[int | None, typer.Option(help="L-BFGS iterations.")] = None,
    cross_validate: Annotated[
        int | None,
        typer.Option(
            "--cross-validate",
            help="Train N models, each with one of N contiguous blocks held out, and report each block's scores, "
            "their mean and spread; with --out, then train the model on every sentence and record the estimate "
            "in its meta.json.",
        ),
    ] = None,
    workers: Annotated[int | None, typer.Option(help="--cross-validate: parallel trainings (default: CPU count).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="--cross-validate: print the scores as JSON.")] = False,
) -> None:
    """Train the NER tagger; prints dev span F1 per type when a dev set is given or held out."""
    from qala.ner import train as tr
    from qala.ner.conll import read_conll

    params = {
        "c1": tr.DEFAULT_C1 if c1 is None else c1,
        "c2": tr.DEFAULT_C2 if c2 is None else c2,
        "max_iterations": tr.DEFAULT_MAX_ITERATIONS if max_iterations is None else max_iterations,
        "domain_offsets": domain_offsets,
    }
    try:
        extra_sents = tr.read_extra(extra or ())
    except QalaError as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    extra_meta = {"extra_files": [p.name for p in extra], "extra_sentences": len(extra_sents)} if extra else {}
    if cross_validate is not None:
        _cross_validate(train, cross_validate, workers, as_json, params, out, extra_sents, extra_meta)
        return
    if out is None:
        err_console.print("[red]error:[/] --out is required (or --cross-validate N)")
        raise typer.Exit(ExitCode.USAGE)
    try:
        sentences = read_conll(train)
        if dev is not None:
            train_sents, dev_sents = sentences, read_conll(dev)
            split = {"dev_file": str(dev)}
        elif dev_fraction > 0:
            if not 0 < dev_fraction < 1:
                raise QalaError("--dev-fraction must be between 0 and 1")
            if dev_seed is not None:
                train_sents, dev_sents = tr.random_split(sentences, dev_fraction, dev_seed)
                split = {"dev_split": f"random sentences, seed {dev_seed}", "dev_fraction": dev_fraction, "dev_seed": dev_seed}
            else:
                blocks = round(1 / dev_fraction)
                block = dev_block if dev_block >= 0 else blocks - 1
                train_sents, dev_sents = tr.contiguous_split(sentences, dev_fraction, block)
                split = {"dev_split": f"contiguous block {block} of {blocks} (sentences)", "dev_fraction": dev_fraction}
        else:
            train_sents, dev_sents, split = sentences, [], {"dev_split": "none"}
        console.print(f"training on {len(train_sents) + len(extra_sents):,} sentences, dev {len(dev_sents):,} …")
        result = tr.train(
            train_sents,
            out,
            dev_sents,
            extra=extra_sents,
            **params,  # type: ignore[arg-type]
            meta={"train_file": train.name, **extra_meta, **split},
        )
    except QalaError as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    console.print(f"model written to {result.model_dir} in {result.seconds:.0f} s")
    if result.dev is not None:
        for typ, s in [*result.dev.per_type.items(), ("micro", result.dev.micro)]:
            console.print(f"  {typ:5} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")


def _cross_validate(
    train: Path,
    folds: int,
    workers: int | None,
    as_json: bool,
    params: dict[str, float],
    out: Path | None,
    extra_sents: list[Sentence],
    extra_meta: dict[str, object],
) -> None:
    import json

    from rich.table import Table

    from qala.ner import train as tr
    from qala.ner.conll import read_conll

    try:
        sentences = read_conll(train)
        more = f" (+ {len(extra_sents):,} --extra sentences in every training)" if extra_sents else ""
        err_console.print(f"cross-validating on {len(sentences):,} sentences{more}: {folds} contiguous blocks …")
        cv = tr.cross_validate(
            sentences,
            folds,
            workers=workers,
            extra=extra_sents,
            on_block=lambda k, s: err_console.print(f"  block {k}: micro F1 {s.micro.f1:.3f}"),
            **params,  # type: ignore[arg-type]
        )
    except QalaError as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(ExitCode.USAGE) from None
    if out is not None:
        # The model that ships is trained on every sentence; its held-out estimate is the cross-validation.
        err_console.print(f"training on all {len(sentences) + len(extra_sents):,} sentences …")
        split = {"dev_split": "none: trained on every sentence (held-out estimate: cross_validation)"}
        result = tr.train(
            sentences,
            out,
            extra=extra_sents,
            **params,  # type: ignore[arg-type]
            meta={"train_file": train.name, **extra_meta, **split, "cross_validation": cv.to_dict()},
        )
        err_console.print(f"model written to {result.model_dir} in {result.seconds:.0f} s")
    if as_json:
        print(json.dumps(cv.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{folds}-fold contiguous cross-validation: {train.name}")
    for col in ("held-out block", "PER F1", "LOC F1", "ORG F1", "MISC F1", "micro P", "micro R", "micro F1"):
        table.add_column(col, justify="right")
    pooled = cv.pooled()
    for name, s in [*((str(k), b) for k, b in enumerate(cv.blocks)), ("pooled", pooled)]:
        m = s.micro
        table.add_row(name, *(f"{s.per_type[t].f1:.3f}" for t in ("PER", "LOC", "ORG", "MISC")), f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}")
    console.print(table)
    console.print(f"mean micro F1 over blocks {cv.mean_f1():.3f} ± {cv.stdev_f1():.3f} (sd)")
