"""The audit report (issue 17): one self-contained HTML file that shows a run's overview, a
map, a timeline, a table of its events and, for each event, its counts, the claims behind
them and its articles' texts with every fact highlighted at its span.

    from pipeline.report import write_report
    write_report("outputs", "report.html")

spaCy-free (re-reading the run's inputs imports the ingest and clean stages when it runs).
"""

from pipeline.report.page import report_data, write_report

__all__ = ["report_data", "write_report"]
