"""Peak memory by batch size: does the NLP stage stay flat as the batch grows?

    python bench/memory.py [--source FILE.jsonl] [--sizes 1000,10000,50000]

For each size, a batch is made by repeating the source's records with new ids (each text gets
its copy number appended, so no record is a copy of another and every one is annotated); it is
written to a temporary folder, never committed. Each size runs `pipeline.run.run` in its own
process, where a thread samples the resident memory (VmRSS) every `SAMPLE_SECONDS` and notes
the peak while the shards are processed (the NLP stage) and while the parts are gathered into
the tables. Prints both peaks per size and the ratio of the largest batch's NLP peak to the
smallest's. Nothing is asserted: these are figures to report.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "eval" / "case2021_dev.jsonl"
SAMPLE_SECONDS = 0.2


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def make_batch(source: Path, size: int, path: Path) -> None:
    """`size` records cycled from `source`, each with a new id and a distinct text."""
    records = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(islice(cycle(records), size)):
            text = f"{rec['text']}\n\n(copy {i})"
            fh.write(json.dumps({"id": f"m{i}", "title": rec.get("title"), "text": text}) + "\n")


def child(batch: Path) -> dict:
    """Run the pipeline on `batch` in this process, sampling memory by phase."""
    import pipeline.run as run_module

    peaks = {"nlp": 0.0, "gather": 0.0}
    phase = ["nlp"]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peaks[phase[0]] = max(peaks[phase[0]], _rss_mib())
            time.sleep(SAMPLE_SECONDS)

    real_gather = run_module.gather

    def gather(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        phase[0] = "gather"
        return real_gather(*args, **kwargs)

    run_module.gather = gather
    threading.Thread(target=sample, daemon=True).start()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        summary = run_module.run([batch], out)
    stop.set()
    return {"articles": summary.read, "facts": summary.facts, "seconds": round(time.perf_counter() - started, 1),
            "nlp_peak_mib": round(peaks["nlp"]), "gather_peak_mib": round(peaks["gather"])}


def main() -> None:
    """Measure each size in its own process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            batch = Path(tmp) / "batch.jsonl"
            make_batch(args.source, size, batch)
            out = subprocess.run([sys.executable, __file__, "--child", str(batch)], check=True,
                                 capture_output=True, text=True).stdout
            rows.append(json.loads(out.strip().splitlines()[-1]))
    print(f"source: {args.source} (records repeated with new ids)")
    print(f"{'articles':>9}{'facts':>9}{'seconds':>9}{'NLP peak MiB':>14}{'gather peak MiB':>17}")
    for r in rows:
        print(f"{r['articles']:>9}{r['facts']:>9}{r['seconds']:>9}{r['nlp_peak_mib']:>14}{r['gather_peak_mib']:>17}")
    if len(rows) > 1:
        print(f"NLP peak, largest / smallest batch: {rows[-1]['nlp_peak_mib'] / rows[0]['nlp_peak_mib']:.2f}")


if __name__ == "__main__":
    main()
