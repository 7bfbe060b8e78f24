"""The block index of merging: records (or their clusters) filed by day and place (name, grid
cell, country, first-level division), so that a record's candidates are looked up among the
events reported near one place in a few days, not among the whole batch (see
`pipeline.events.cluster`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.events.records import Record
from pipeline.events.rules import MergeRules

BlockIndex = dict[tuple, list[int]]
# Grid cells' entries by country, row, column and day: nested, so that a look-up builds no key
# for each of the many cells and days it visits.
CellIndex = dict[str, dict[int, dict[int, dict[int, list[int]]]]]

_KM_PER_DEGREE = 111.32
# Grid cells for blocking (a town searches the rows and columns of cells within `loose_km`).
CELL_DEGREES = 0.25
# A degree of longitude shrinks with latitude: the search widens toward the poles, up to here.
_MAX_LATITUDE = 89.0


def _cell(degrees: float) -> int:
    return math.floor(degrees / CELL_DEGREES)


def _block_keys(rec: Record, day: int) -> list[tuple]:
    """The blocks but grid cells a record is filed under for one day: its place name, its
    country and its first-level division (searched by wide-area records) and, when it is a
    wide area itself, the wide areas of its country (searched by every record)."""
    keys: list[tuple] = [("country", rec.country, day), ("admin1", rec.country, rec.admin1, day), ("day", day)]
    if rec.location:
        keys.append(("name", day, rec.location))
    if not rec.fine or not rec.country:
        keys.append(("wide", rec.country, day))
    return keys


def _lookup_keys(rec: Record, day: int) -> list[tuple]:
    """The blocks but grid cells that may hold a record's matches on one day: the same place
    name (a match without coordinates), the wide-area records of its country; a wide-area
    record searches its first-level division and the records of its country placed in none
    (its whole country when it names no division), one without a country the whole day. Two
    divisions apart are places apart (`place_relation`), linked only by rare words: the
    records sharing them come from the rare-word index."""
    if not rec.country:
        return [("day", day)]
    if not rec.fine:
        if rec.admin1:
            keys = [("admin1", rec.country, rec.admin1, day), ("admin1", rec.country, "", day), ("wide", "", day)]
        else:
            keys = [("country", rec.country, day), ("wide", "", day)]
        return keys + ([("name", day, rec.location)] if rec.location else [])
    return [("name", day, rec.location), ("wide", rec.country, day), ("wide", "", day)]


Cells = tuple[range, range]


def _near_cells(rec: Record, rules: MergeRules, radius_km: float | None = None) -> Cells | None:
    """The grid cells within `radius_km` (default `loose_km`) of a placed record's coordinates,
    as their rows and columns; None for a record that is no town with coordinates (unless a
    radius is given: then any record with coordinates and a country)."""
    if not rec.country or rec.lat is None or rec.lon is None or (radius_km is None and not rec.fine):
        return None
    radius = rules.loose_km if radius_km is None else radius_km
    # A degree of longitude shrinks with latitude: widen the search toward the poles.
    lat_bound = min(_MAX_LATITUDE, abs(rec.lat) + CELL_DEGREES * 2)
    lon_span = radius / (_KM_PER_DEGREE * math.cos(math.radians(lat_bound)))
    reach = math.ceil(lon_span / CELL_DEGREES)
    rows = math.ceil(radius / (_KM_PER_DEGREE * CELL_DEGREES))
    row, col = _cell(rec.lat), _cell(rec.lon)
    return range(row - rows, row + rows + 1), range(col - reach, col + reach + 1)


@dataclass
class Blocks:
    """The block index: entries (records or clusters) by block key (`_block_keys`), and by
    grid cell and day (`cells`)."""

    keys: BlockIndex = field(default_factory=lambda: defaultdict(list))
    cells: CellIndex = field(default_factory=dict)

    def file(self, rec: Record, n: int) -> None:
        """File entry `n` (a record or its cluster) under a record's blocks of each of its
        days, and under its grid cell when it has coordinates."""
        days = range(rec.low, rec.high + 1)
        for day in days:
            for key in _block_keys(rec, day):
                keyed = self.keys[key]
                if not keyed or keyed[-1] != n:
                    keyed.append(n)
        if rec.lat is None or rec.lon is None:
            return
        by_day = self.cells.setdefault(rec.country, {}).setdefault(_cell(rec.lat), {}).setdefault(_cell(rec.lon), {})
        for day in days:
            keyed = by_day.setdefault(day, [])
            if not keyed or keyed[-1] != n:
                keyed.append(n)

    def gather(self, rec: Record, rules: MergeRules,
               keys_of: Callable[[Record, int], list[tuple]], cells: Cells | None) -> set[int]:
        """The entries of a record's blocks (`keys_of(rec, day)`) on each day within
        `day_reach`, and of the grid `cells` on those days."""
        found: set[int] = set()
        first, last = rec.low - rules.day_reach, rec.high + rules.day_reach
        for day in range(first, last + 1):
            for key in keys_of(rec, day):
                found.update(self.keys.get(key, ()))
        by_row = self.cells.get(rec.country) if cells is not None else None
        if not by_row:
            return found
        rows, columns = cells  # type: ignore[misc]
        span = last - first + 1
        for row in rows:
            by_column = by_row.get(row)
            if not by_column:
                continue
            for column in columns:
                by_day = by_column.get(column)
                if not by_day:
                    continue
                # A busy cell holds entries on many days: look up the few days within reach.
                if len(by_day) > span:
                    for day in range(first, last + 1):
                        found.update(by_day.get(day, ()))
                    continue
                for day, keyed in by_day.items():
                    if first <= day <= last:
                        found.update(keyed)
        return found

    def look_up(self, rec: Record, rules: MergeRules) -> set[int]:
        """The entries of the blocks that may hold a record's matches, within `day_reach`."""
        return self.gather(rec, rules, _lookup_keys, _near_cells(rec, rules))

    def near_look_up(self, rec: Record, rules: MergeRules) -> set[int]:
        """The entries that may be near a placed record (`place_relation` "near") within
        `day_reach`: the same place name, coordinates within `merge_km` (grid cells), or no
        country to tell (a record without a country searches them all, `look_up`)."""
        if not rec.country:
            return self.look_up(rec, rules)
        return self.gather(rec, rules, _near_keys, _near_cells(rec, rules, rules.merge_km))


def _near_keys(rec: Record, day: int) -> list[tuple]:
    """The blocks of one day that may hold a placed record's near records besides grid cells:
    its place name, and the records without a country."""
    return [("name", day, rec.location), ("wide", "", day)]
