"""events.summary: summary tables of an events table."""

from __future__ import annotations

import pandas as pd

from event_builders import NEAR, ev, killed
from pipeline.events import merge_events, summary_tables
from pipeline.tabulate import events_frame


def test_summary_tables_count_events_and_fatalities() -> None:
    events = events_frame(
        merge_events(
            [
                ev("a", **killed(2, 2, 2)),
                ev("b", **killed(3, 3, 3)),  # same event as a: 3 killed, not 5
                ev("c", "2023-03-10", **NEAR, **killed(1, 1, 1)),
                ev("d", "2023-03-10", event_type="battles", admin1="Kano", location="Kano",
                   latitude=12.0, longitude=8.5),
                ev("e", "2023-03-10", event_type="protests", country="Chile", iso2="CL", iso3="CHL",
                   admin1=None, location="Santiago", latitude=-33.46, longitude=-70.65,
                   **killed(1, 1, 1)),
            ]
        )
    )
    tables = summary_tables(events)
    country = tables["summary_country"].set_index("iso3")
    assert country.loc["NGA", "events"] == 3 and country.loc["NGA", "fatalities"] == 4
    assert country.loc["NGA", "reports"] == 4 and country.loc["CHL", "events"] == 1
    admin1 = tables["summary_admin1"].set_index(["iso3", "admin1"])
    assert admin1.loc[("NGA", "Kaduna"), "events"] == 2 and admin1.loc[("NGA", "Kano"), "fatalities"] == 0
    day = tables["summary_day"]
    assert day[(day.iso3 == "NGA") & (day.event_date == "2023-03-10")].events.tolist() == [2]
    week = tables["summary_week"].set_index(["iso3", "week_start"])
    # 2023-03-04 is a Saturday: week of Monday 2023-02-27; 2023-03-10 a Friday: week of 03-06.
    assert week.loc[("NGA", pd.Timestamp("2023-02-27")), "events"] == 1
    assert week.loc[("NGA", pd.Timestamp("2023-03-06")), "fatalities"] == 1
