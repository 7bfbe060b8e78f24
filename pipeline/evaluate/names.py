"""The metric names of the report: other tools (bench scripts, CI gates) read them, so keep
them stable."""

from __future__ import annotations

COUNT_FIELDS = ("killed", "injured", "arrested")
FACT_KINDS = ("casualties", "places", "dates", "actors", "event_types")
DATE_FIELDS = ("date", "date_1d", "date_7d")
# Tally key suffix for the date metrics over articles that have a publication date.
_DATED = "@dated"
ACCURACY_FIELDS = (
    *COUNT_FIELDS,
    *DATE_FIELDS,
    "country",
    "admin1",
    "location_25km",
    "location_161km",
    "location_name",
    "event_type",
)
FIELDS = (
    "events",
    "false_events",
    "clusters",
    *ACCURACY_FIELDS,
    "sub_event_type",
    *(f"facts_{kind}" for kind in FACT_KINDS),
)
