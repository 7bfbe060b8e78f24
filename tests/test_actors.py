"""Actors: typed participants from hand-written text, sources left out, event actor columns."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from pipeline.actors import event_actors
from pipeline.evaluate import normalise_name
from pipeline.schemas import ActorFact


def _actors(doc: Doc) -> dict[str, str | None]:
    return {a["actor_name"]: a["actor_type"] for a in doc._.ne_actors}


def test_state_forces_and_named_group(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Iraqi troops clashed with Islamic State militants near Mosul on Monday.")
    actors = _actors(doc)
    assert actors["Military Forces of Iraq"] == "state_forces"
    assert actors["Islamic State"] == "rebel_groups"


def test_generic_nouns_take_the_article_country(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Police in Kenya fired tear gas at demonstrators, and rioters looted shops.")
    actors = _actors(doc)
    assert actors["Police Forces of Kenya"] == "state_forces"
    assert actors["Protesters (Kenya)"] == "protesters"
    assert actors["Rioters (Kenya)"] == "rioters"


@pytest.mark.parametrize(
    "text,source",
    [
        ("Soldiers shelled the village, spokesman Ahmed Rahimi told the Daily Star newspaper.",
         "Ahmed Rahimi"),
        ("Rebels attacked a convoy, the state news agency Tarim-7 reported on Monday.", "Tarim-7"),
        ("Rebels attacked a convoy, Reuters reported.", "Reuters"),
        ("Protesters marched through the capital. (AP Photo/Lena Marsh)", "Lena Marsh"),
    ],
)
def test_sources_are_not_actors(annotate: Callable[..., Doc], text: str, source: str) -> None:
    doc = annotate(text)
    for actor in doc._.ne_actors:
        assert source not in actor["text"] and source not in actor["actor_name"]
    assert doc._.ne_actors, "the participants are still found"


def test_police_that_only_report_are_no_actors(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Police said a man was found dead in his car on Friday.")
    assert doc._.ne_actors == []


def test_titled_person_and_named_perpetrator(annotate: Callable[..., Doc]) -> None:
    doc = annotate("President Maria Olsen ordered troops to the border. "
                   "In another case, Tom Weller shot two neighbours before police arrested him.")
    actors = _actors(doc)
    assert actors["Maria Olsen"] == "state_forces"
    assert "Tom Weller" in actors and actors["Tom Weller"] is None


def test_attackers_in_a_riot_are_rioters(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Protesters gathered at dawn. Later, attackers set the town hall ablaze.")
    assert _actors(doc)["Rioters"] == "rioters"


def _actor(name: str, atype: str | None, start: int, named: bool = False) -> ActorFact:
    return ActorFact(text=name, sentence=name, char_start=start, char_end=start + 1,
                     actor_name=name, actor_type=atype, named=named)


def test_event_actors_protest_with_police() -> None:
    facts = [_actor("Police Forces of Chile", "state_forces", 0),
             _actor("Protesters (Chile)", "protesters", 10),
             _actor("Protesters (Chile)", "protesters", 20)]
    cols = event_actors(facts, "protests")
    assert cols == {"actor1": "Protesters (Chile)", "inter1": 6, "actor2": "Police Forces of Chile",
                    "inter2": 1, "interaction": 16}


def test_event_actors_attack_on_civilians_and_single_actor() -> None:
    facts = [_actor("Civilians (Mali)", "civilians", 0), _actor("Militia (Mali)", "political_militias", 5)]
    cols = event_actors(facts, "violence_against_civilians")
    assert (cols["actor1"], cols["actor2"], cols["interaction"]) == ("Militia (Mali)", "Civilians (Mali)", 37)
    alone = event_actors([_actor("Protesters (Chile)", "protesters", 0)], "protests")
    assert alone == {"actor1": "Protesters (Chile)", "inter1": 6, "interaction": 60}
    assert event_actors([], "battles") == {}


def test_seed_actors(annotate: Callable[..., Doc], seed_gold: dict) -> None:
    from pipeline.clean import clean_text

    doc = annotate(clean_text(seed_gold["text"]), published=seed_gold["published"])
    found = doc._.ne_actors
    keys = {normalise_name(a["actor_name"]) for a in found} | {normalise_name(a["text"]) for a in found}
    for gold in seed_gold["facts"]["actors"]:
        names = {normalise_name(n) for n in [gold["name"], *gold["mentions"]]}
        matching = [a for a in found
                    if normalise_name(a["actor_name"]) in names or normalise_name(a["text"]) in names]
        if gold.get("optional"):
            continue
        assert matching, gold["name"]
        assert all(a["actor_type"] == gold["type"] for a in matching), gold["name"]
    for source in seed_gold["facts"]["not_actors"]:
        assert normalise_name(source) not in keys
        assert not any(source in a["text"] for a in found)


def test_organisation_names(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The Nigerian Army said it repelled an attack by Boko Haram fighters on Monday. "
                   "Elsewhere, the National Liberation Army ambushed a patrol.")
    actors = _actors(doc)
    assert actors["Military Forces of Nigeria"] == "state_forces"  # a generic name: ACLED style
    assert actors["Boko Haram"] == "rebel_groups"
    assert actors["National Liberation Army"] == "rebel_groups"  # "Liberation" before "Army"


def test_event_actors_riot_protesters_are_rioters() -> None:
    facts = [_actor("Protesters (Chile)", "protesters", 0), _actor("Police Forces of Chile", "state_forces", 5)]
    cols = event_actors(facts, "riots")
    assert (cols["actor1"], cols["inter1"], cols["interaction"]) == ("Rioters (Chile)", 5, 15)
