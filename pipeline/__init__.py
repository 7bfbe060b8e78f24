"""newsevents: English news articles in, event data out (package `pipeline`)."""

__version__ = "0.1.0"
