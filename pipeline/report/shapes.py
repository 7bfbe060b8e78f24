"""Country outlines for the report's map, as SVG path data in degrees.

The map is a plain equirectangular projection: x is the longitude, y the latitude negated
(SVG's y grows downwards), so the page places an event at (longitude, -latitude) and zooms by
changing the viewBox. The outlines are Natural Earth's 1:110m countries (models/report/).
"""

from __future__ import annotations

from pipeline.resources import read_json

SHAPES = "report/countries_110m.json"
# Antarctica takes a fifth of an equirectangular world and holds no news events.
LEFT_OUT = frozenset({"Antarctica"})


def _number(value: float) -> str:
    """A coordinate as short as it can be written (2 decimals at most)."""
    return f"{round(value, 2):g}"


def ring_path(ring: list[float]) -> str:
    """One closed ring of flat longitude/latitude pairs as SVG path data."""
    points = " ".join(f"{_number(ring[i])} {_number(-ring[i + 1])}" for i in range(0, len(ring), 2))
    return f"M{points}Z"


def country_paths() -> list[dict[str, str]]:
    """Every country's name and outline (SVG path data), Antarctica left out."""
    data = read_json(SHAPES)
    return [
        {"name": c["name"], "d": "".join(ring_path(r) for r in c["rings"])}
        for c in data["countries"]
        if c["name"] not in LEFT_OUT
    ]
