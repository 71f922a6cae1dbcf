"""Speed of point-in-polygon location: N random points in the theatre's bounding box to district
P-codes in one vectorised call (:func:`ruydad.geo.locate_many`), median of several runs.

    python scripts/bench_locate.py [--points 1000000] [--runs 3] [--theatre afghanistan]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import shapely  # noqa: E402

from ruydad.geo import locate_many  # noqa: E402
from ruydad.geo.locate import load_boundaries  # noqa: E402
from ruydad.theatres import DEFAULT_THEATRE  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--theatre", default=DEFAULT_THEATRE)
    args = parser.parse_args()
    bounds = load_boundaries(args.theatre, 2)
    west, south, east, north = shapely.total_bounds(bounds.geometries)
    rng = np.random.default_rng(0)
    lats, lons = rng.uniform(south, north, args.points), rng.uniform(west, east, args.points)
    locate_many(lats[:1000], lons[:1000], args.theatre)  # warm: boundaries and index loaded
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        codes = locate_many(lats, lons, args.theatre)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    inside = float(np.mean(codes != None))  # noqa: E711 - elementwise on an object array
    print(f"{args.points:,} points, {args.runs} runs: median {median:.2f} s ({args.points / median:,.0f} points/s); "
          f"{inside:.0%} inside the theatre's districts")


if __name__ == "__main__":
    main()
