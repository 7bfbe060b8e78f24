"""Make models/report/countries_110m.json, the country outlines of the audit report's map.

Source: the `world-atlas` npm package (version 2.0.2, ISC licence), a TopoJSON redistribution
of Natural Earth's 1:110m Admin 0 country boundaries (public domain). Get it and run:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_report_shapes.py package/countries-110m.json

The TopoJSON arcs are decoded into plain rings of longitude/latitude pairs rounded to
0.01 degree (far finer than the 1:110m lines), so the report needs no TopoJSON reader; rings
that cross the antimeridian are unwrapped (see `unwrap`) for a flat map.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipeline.resources import data_path

OUT = data_path("report/countries_110m.json")
DIGITS = 2  # 0.01 degree: about 1 km, below what a 1:110m outline can show


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized topology as absolute longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    """One ring joined from its arcs (a negative index ~i is arc i reversed), flattened."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # each arc starts where the last ended
    return [value for point in points for value in point]


def unwrap(ring: list[float]) -> list[list[float]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) jumps from 180 to -180 and would
    draw a line across the whole map: its longitudes are made continuous, and a ring that then
    reaches past +-180 gets a copy shifted by 360 degrees for the other edge of the map."""
    xs = ring[0::2]
    for i in range(1, len(xs)):
        while xs[i] - xs[i - 1] > 180:
            xs[i] -= 360
        while xs[i] - xs[i - 1] < -180:
            xs[i] += 360
    out = [_flat(xs, ring[1::2])]
    if max(xs) > 180:
        out.append(_flat([x - 360 for x in xs], ring[1::2]))
    if min(xs) < -180:
        out.append(_flat([x + 360 for x in xs], ring[1::2]))
    return out


def _flat(xs: list[float], ys: list[float]) -> list[float]:
    return [round(v, DIGITS) for point in zip(xs, ys) for v in point]


def countries(topology: dict) -> list[dict]:
    """Every country of the topology: name, numeric ISO id and rings."""
    arcs = decode_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [part for polygon in polygons for r in polygon for part in unwrap(ring(r, arcs))]
        out.append({"name": geometry["properties"]["name"], "id": geometry.get("id"), "rings": rings})
    return out


def main(path: str) -> None:
    """Write the outlines file from the TopoJSON at `path`."""
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    data = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2",
        "countries": countries(topology),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['countries'])} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
