"""The `newsevents` command line: thin wrappers that parse options and call the stages' functions."""

from __future__ import annotations

import time
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline import __version__
from pipeline.aggregate import aggregate_runs, read_split_ids
from pipeline.export import TableError
from pipeline.ingest import InputError
from pipeline.nlp import ModelNotFound
from pipeline.relevance import MIN_RELEVANCE
from pipeline.run import RunOptionError
from pipeline.run import run as run_pipeline
from pipeline.signals import RunInterrupted, stop_on_signals
from pipeline.schemas import ManifestRow, RunSummary

app = typer.Typer(
    help="Turn batches of English news articles into event data (facts, events, articles tables).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)  # never wrap a path in the middle


class TableFormat(str, Enum):
    """Formats the tables can be written in."""

    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="Format of the tables.")]
WorkersOption = Annotated[
    Optional[int], typer.Option(min=1, help="Run the shards on a local Dask cluster of N workers.")
]
SchedulerOption = Annotated[Optional[str], typer.Option(help="Run the shards on the Dask scheduler at this address.")]
FreshOption = Annotated[bool, typer.Option("--fresh", help="Redo every shard, even those an earlier run finished.")]
ReportOption = Annotated[bool, typer.Option("--report", help="Also write the audit report, OUT/report.html.")]
MinRelevanceOption = Annotated[
    float, typer.Option(min=0.0, max=1.0, help="Articles scoring below this relevance skip the NLP (0: none).")
]
MergeOption = Annotated[
    bool,
    typer.Option(
        "--merge/--no-merge",
        help="Merge the events of different articles that report one real-world event.",
    ),
]

# A progress bar only once a batch has run this long: short runs stay quiet.
PROGRESS_AFTER_SECONDS = 2.0
# Rows left out by `aggregate` that are named one by one on stderr (the rest are counted).
SHOWN_PROBLEMS = 20


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsevents {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """newsevents: who did what to whom, where, when, and how many were killed, injured or arrested."""


def summary_text(summary: RunSummary, fmt: str = "csv") -> str:
    """The one-paragraph summary printed at the end of a run."""
    skipped = f"; {summary.skipped} files skipped" if summary.skipped else ""
    copies = f", {summary.copies} copies of another" if summary.copies else ""
    copies += f" ({summary.not_relevant} not relevant)" if summary.not_relevant else ""
    resumed = f" ({summary.resumed} of {summary.shards} shards done by an earlier run)" if summary.resumed else ""
    return (
        f"Read {summary.read - summary.skipped} articles{resumed}: {summary.ok} ok{copies}, {summary.empty} empty, "
        f"{summary.failed} failed{skipped}. Extracted {summary.facts} facts and {summary.events} events "
        f"from {summary.words} words in {summary.seconds:.1f} s "
        f"({summary.articles_per_second:.1f} articles/s). Tables in {summary.out_dir}/: "
        f"facts.{fmt}, events.{fmt}, articles.{fmt}, merges.{fmt}, claims.{fmt}."
    )


class _LazyProgress:
    """A progress display that appears only when the batch takes more than a few seconds."""

    def __init__(self, console: Console, quiet: bool) -> None:
        self.console = console
        self.quiet = quiet
        self.started = time.perf_counter()
        self.progress: Progress | None = None
        self.task = None
        self.counts: Counter[str] = Counter()

    def __call__(self, row: ManifestRow) -> None:
        self.counts[row.status] += 1
        if row.status == "failed" and not self.quiet:
            self.console.print(f"[yellow]failed:[/] {row.error}", highlight=False)
        if self.quiet:
            return
        if self.progress is None and time.perf_counter() - self.started > PROGRESS_AFTER_SECONDS:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("articles"),
                BarColumn(bar_width=None),
                TextColumn("{task.completed} read, {task.fields[failed]} failed"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("run", total=None, failed=0)
        if self.progress is not None:
            self.progress.update(
                self.task, completed=sum(self.counts.values()), failed=self.counts["failed"]
            )

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _write_report(out: Path, quiet: bool) -> None:
    from pipeline.report import write_report  # the report needs nothing of a run's NLP

    path = write_report(out, out / "report.html")
    if not quiet:
        typer.echo(f"Audit report: {path}")


@app.command()
def run(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) or glob patterns.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the output tables.")] = Path("outputs"),
    model: Annotated[Optional[str], typer.Option(help="spaCy model to load (default: en_core_web_sm).")] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 64,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Stop after this many input records.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any article failed.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    fmt: FormatOption = TableFormat.csv,
    merge: MergeOption = True,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    fresh: FreshOption = False,
    report: ReportOption = False,
    min_relevance: MinRelevanceOption = MIN_RELEVANCE,
) -> None:
    """Extract facts and events from articles; write facts.csv, events.csv and articles.csv."""
    progress = _LazyProgress(err, quiet)
    try:
        with stop_on_signals():
            summary = run_pipeline(
                inputs, out, model=model, processes=processes, batch_size=batch_size, limit=limit,
                on_article=progress, fmt=fmt.value, merge=merge, workers=workers, scheduler=scheduler,
                fresh=fresh, min_relevance=min_relevance,
            )
    except (InputError, ModelNotFound, RunOptionError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    except RunInterrupted as exc:
        progress.stop()
        err.print(f"[red]stopped[/] by {exc.signal_name}: no table of this run was written", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    finally:
        progress.stop()
    if not quiet:
        typer.echo(summary_text(summary, fmt.value))
    if report:
        _write_report(out, quiet)
    if summary.ok == 0:
        err.print("[red]error:[/] no article could be processed (see articles.csv)", highlight=False)
        raise typer.Exit(1)
    if strict and summary.failed:
        err.print(f"[red]error:[/] {summary.failed} article(s) failed (--strict)", highlight=False)
        raise typer.Exit(1)


# ---- evaluate (issue 3): scoring rules in pipeline/evaluate.py, figures in docs/accuracy.md


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Annotated fixture files (FORMAT.md).")],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N articles of each file.")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the metrics as JSON here.")] = None,
    errors_out: Annotated[Optional[Path], typer.Option("--errors", help="Write one JSON line per miss here.")] = None,
    minimum: Annotated[
        Optional[list[str]],
        typer.Option("--min", help="[FILE.]FIELD[.KEY]=VALUE: exit 1 when the metric is below."),
    ] = None,
    maximum: Annotated[
        Optional[list[str]],
        typer.Option("--max", help="[FILE.]FIELD[.KEY]=VALUE: exit 1 when the metric is above (false_events)."),
    ] = None,
    predictions: Annotated[
        Optional[Path],
        typer.Option(help="Score the tables of an earlier `run --out DIR` instead of running."),
    ] = None,
    processes: Annotated[int, typer.Option("--processes", "-p", min=1, help="Worker processes.")] = 1,
) -> None:
    """Score the pipeline's events against annotated gold: per-file and overall metrics."""
    from pipeline import evaluate as ev

    specs = minimum or []
    max_specs = maximum or []
    missing = [str(p) for p in gold if not p.is_file()]
    if predictions is not None and not predictions.is_dir():
        missing.append(str(predictions))
    if missing:
        typer.echo(f"error: not found: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    try:
        ev.validate_minimums([*specs, *max_specs], ev.file_names(gold))
    except ev.GateError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    errors: list[dict] | None = [] if errors_out else None
    try:
        with stop_on_signals():
            report = ev.evaluate_files(
                gold, limit=limit, predictions=predictions, processes=processes, errors=errors,
                progress=lambda msg: typer.echo(f"scoring {msg}", err=True),
            )
    except RunInterrupted as exc:
        typer.echo(f"stopped by {exc.signal_name}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except (TableError, ev.GoldError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(ev.format_table(report))
    if json_out:
        ev.write_json(report, json_out)
    if errors_out and errors is not None:
        ev.write_jsonl(errors, errors_out)
    failures = ev.check_minimums(report, specs) + ev.check_maximums(report, max_specs)
    for failure in failures:
        typer.echo(f"gate: {failure}", err=True)
    if failures:
        raise typer.Exit(1)


# ---- aggregate (issue 8): merging policy in pipeline/events/


@app.command()
def aggregate(
    runs: Annotated[
        list[Path], typer.Argument(help="Output folders of earlier runs (with facts and articles tables).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the rebuilt tables.")] = Path(
        "aggregate"
    ),
    fmt: FormatOption = TableFormat.csv,
    merge: MergeOption = True,
    split: Annotated[
        Optional[list[str]],
        typer.Option("--split", help="A merged event (its event_id) to keep as its reports' own events; repeatable."),
    ] = None,
    split_file: Annotated[
        Optional[Path], typer.Option("--split-file", help="A file of event ids to split, one a line.")
    ] = None,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, help="Worker processes building each article's events.")
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Rebuild events and summary tables from the facts of earlier runs, without NLP.

    Writes events, merges and claims (the merge ledger: why each report joined its event; the
    claims ledger: what became of each report's counts), summary_country,
    summary_admin1, summary_day and summary_week (events, fatalities, injured, arrested,
    reports, first and last date)."""
    try:
        ids = frozenset(split or ()) | (read_split_ids(split_file) if split_file else frozenset())
        with stop_on_signals():  # Ctrl-C stops the worker processes too
            summary = aggregate_runs(runs, out, fmt=fmt.value, merge=merge, split=ids, processes=processes)
    except (FileNotFoundError, TableError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    except RunInterrupted as exc:
        err.print(f"[red]stopped[/] by {exc.signal_name}: the tables in {out} are missing or incomplete",
                  highlight=False)
        raise typer.Exit(exc.exit_code) from None
    for problem in summary.left_out[:SHOWN_PROBLEMS]:
        err.print(f"[yellow]warning:[/] left out {problem}", highlight=False)
    if len(summary.left_out) > SHOWN_PROBLEMS:
        err.print(f"[yellow]warning:[/] ... and {len(summary.left_out) - SHOWN_PROBLEMS} more fact rows left out",
                  highlight=False)
    unknown = sorted(ids - set(summary.split))
    if unknown:
        err.print(f"[yellow]warning:[/] not a merged event, nothing to split: {', '.join(unknown)}", highlight=False)
    if not quiet:
        typer.echo(
            f"Read {summary.facts} facts ({len(summary.left_out)} left out) of {summary.articles} articles "
            f"from {summary.runs} run(s): "
            f"{summary.article_events} article events became {summary.events} events in "
            f"{summary.seconds:.1f} s. Tables in {summary.out_dir}/: {', '.join(summary.tables)}."
        )


# ---- report (issue 17): the audit report, built by pipeline/report/


@app.command()
def report(
    run_dir: Annotated[Path, typer.Argument(help="Output folder of a run (facts, events and articles tables).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Write an audit report: one HTML file (no network needed) with an overview, a map, a
    timeline, the events table and, for each event, its articles with every fact highlighted."""
    from pipeline.report import write_report

    try:
        path = write_report(run_dir, out)
    except (FileNotFoundError, TableError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if not quiet:
        typer.echo(f"Wrote {path} ({path.stat().st_size / 1024:.0f} KB): open it in a browser.")
