"""The tabulate stage: pydantic records into DataFrames with a fixed column order and dtypes.

Column order is the field order of the models in `pipeline.schemas`; facts.csv holds the union
of the fact kinds' columns (common columns first, then each kind's own, in the order
place, actor, casualty, date, trigger), blank where a column does not apply to a row's kind.

Dtypes: integers are pandas `Int64` (nullable), floats `Float64`, booleans `boolean`, text
`string`, dates `datetime64[s]` (written to CSV as ISO days).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable, Sequence

import pandas as pd
from pydantic import BaseModel

from pipeline.schemas import (
    ActorFact,
    CasualtyFact,
    ClaimRow,
    DateFact,
    Event,
    FactBase,
    ManifestRow,
    MergeRow,
    PlaceFact,
    TriggerFact,
)

FACT_MODELS: tuple[type[FactBase], ...] = (PlaceFact, ActorFact, CasualtyFact, DateFact, TriggerFact)


def _base_type(annotation: object) -> object:
    """The non-None type of an annotation (`int | None` -> int; Literal[...] -> str)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _base_type(args[0]) if args else str
    if origin is typing.Literal:
        return type(typing.get_args(annotation)[0])
    return annotation


_DTYPES: dict[object, str] = {
    int: "Int64",
    float: "Float64",
    bool: "boolean",
    str: "string",
    dt.date: "datetime64[s]",
}


def schema_dtypes(models: Sequence[type[BaseModel]]) -> dict[str, str]:
    """Column name -> pandas dtype for the union of the models' fields, in declaration order."""
    columns: dict[str, str] = {}
    for model in models:
        for name, field in model.model_fields.items():
            columns.setdefault(name, _DTYPES.get(_base_type(field.annotation), "string"))
    return columns


FACT_DTYPES = schema_dtypes(FACT_MODELS)
EVENT_DTYPES = schema_dtypes([Event])
ARTICLE_DTYPES = schema_dtypes([ManifestRow])
MERGE_DTYPES = schema_dtypes([MergeRow])
CLAIM_DTYPES = schema_dtypes([ClaimRow])


def frame(rows: Iterable[dict], dtypes: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly the given columns, in order, cast to their dtypes."""
    df = pd.DataFrame.from_records(list(rows), columns=list(dtypes))
    for column, dtype in dtypes.items():
        if dtype.startswith("datetime"):
            df[column] = pd.to_datetime(df[column], errors="coerce").astype(dtype)
        else:
            df[column] = df[column].astype(dtype)
    return df


def facts_frame(facts: Iterable[FactBase]) -> pd.DataFrame:
    """facts.csv: one row per fact, tidy."""
    return frame((f.model_dump() for f in facts), FACT_DTYPES)


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """events.csv: one row per event."""
    return frame((e.model_dump() for e in events), EVENT_DTYPES)


def merges_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """merges.csv: the merge ledger, one row per report joined to a merged event (each row
    validated as `MergeRow`)."""
    return frame((MergeRow(**r).model_dump() for r in rows), MERGE_DTYPES)


def claims_frame(rows: Iterable[dict]) -> pd.DataFrame:
    """claims.csv: the claims ledger, one row per report and outcome of a merged event (each
    row validated as `ClaimRow`)."""
    return frame((ClaimRow(**r).model_dump() for r in rows), CLAIM_DTYPES)


def manifest_frame(rows: Iterable[ManifestRow]) -> pd.DataFrame:
    """articles.csv: one row per input article (or unreadable input)."""
    return frame((r.model_dump() for r in rows), ARTICLE_DTYPES)
