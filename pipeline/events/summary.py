"""Summary tables of an events table: per country, admin1, day and week, the events, their
fatalities, injured, arrested, reports and first and last dates."""

from __future__ import annotations

import pandas as pd

# Summary tables: grouping columns of each, then the same measures.
SUMMARIES: dict[str, tuple[str, ...]] = {
    "summary_country": ("iso3", "country"),
    "summary_admin1": ("iso3", "country", "admin1"),
    "summary_day": ("iso3", "country", "event_date"),
    "summary_week": ("iso3", "country", "week_start"),
}
SUMMARY_MEASURES: dict[str, str] = {
    "events": "Int64",
    "fatalities": "Int64",
    "injured": "Int64",
    "arrested": "Int64",
    "reports": "Int64",
    "first_date": "datetime64[s]",
    "last_date": "datetime64[s]",
}
# Every column of the summary tables and its dtype (for reading them back).
SUMMARY_DTYPES: dict[str, str] = {
    "iso3": "string",
    "country": "string",
    "admin1": "string",
    "event_date": "datetime64[s]",
    "week_start": "datetime64[s]",
    **SUMMARY_MEASURES,
}
_DATE_KEYS = ("event_date", "week_start")


def summary_tables(events: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Per country, admin1, day and week: events, fatalities (sum of `fatalities`), injured and
    arrested (sums of `*_best`), reports (sum of `n_sources`: article reports of these events),
    first and last event date.
    Missing counts add nothing; events without a date are left out of the day and week tables."""
    df = events.copy()
    df["week_start"] = df["event_date"] - pd.to_timedelta(df["event_date"].dt.day_of_week, unit="D")
    df["_events"] = 1
    tables: dict[str, pd.DataFrame] = {}
    for name, keys in SUMMARIES.items():
        part = df.dropna(subset=[keys[-1]]) if keys[-1] in _DATE_KEYS else df
        grouped = part.groupby(list(keys), dropna=False, sort=True)
        table = grouped.agg(
            events=("_events", "sum"),
            fatalities=("fatalities", "sum"),
            injured=("injured_best", "sum"),
            arrested=("arrested_best", "sum"),
            reports=("n_sources", "sum"),
            first_date=("event_date", "min"),
            last_date=("event_date", "max"),
        ).reset_index()
        for column, dtype in SUMMARY_MEASURES.items():
            table[column] = table[column].astype(dtype)
        if keys[-1] in _DATE_KEYS:
            table[keys[-1]] = table[keys[-1]].astype("datetime64[s]")
        tables[name] = table
    return tables
