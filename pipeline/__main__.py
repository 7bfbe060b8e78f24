"""`python -m pipeline` runs the newsevents command line."""

from pipeline.cli import app

app(prog_name="newsevents")
