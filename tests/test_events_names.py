"""events.names: the full personal names an article's facts hold."""

from __future__ import annotations

from event_builders import actor_fact, victims_fact
from pipeline.events import person_names
from pipeline.schemas import CasualtyFact, PlaceFact


def said(sentence: str) -> CasualtyFact:
    """A casualty fact whose sentence is `sentence`, without victim words."""
    return CasualtyFact(text="shot", sentence=sentence, char_start=0, char_end=4, outcome="injured",
                        count_low=1, count_best=1, count_high=1)  # fmt: skip


def test_person_names_keep_full_names_of_people_only() -> None:
    facts = [
        actor_fact("Orla Penhaligon"),  # a suspect
        actor_fact("Tobias Q. Wrenfield Jr."),  # initials and a suffix are part of a name
        actor_fact("Wrenfield"),  # a surname alone is too common to tell incidents
        actor_fact("Maribel Ostrova", actor_type="state_forces"),  # an official, quoted in many stories
        actor_fact("Harbour Police Department", actor_type="state_forces"),
        actor_fact("police", actor_type="state_forces", named=False),
        victims_fact("Dmitri Alvarado-Quist"),
        victims_fact("a 19-year-old man"),
    ]
    assert person_names(facts) == ["Dmitri Alvarado-Quist", "Orla Penhaligon", "Tobias Q. Wrenfield Jr."]


def test_person_names_read_casualty_sentences_but_not_institutions_titles_or_places() -> None:
    facts = [
        said("Orla Penhaligon, 23, was shot near her home and taken to Riverside Medical Center."),
        said("Sheriff Ingrid Tollefsen said a woman was shot in Port Halvard."),
        said("A man was wounded, according to Chief Anton Brisk."),
        said("Two men were wounded, said spokesman Tarquin Vell."),
        PlaceFact(text="Port Halvard", sentence="...", char_start=0, char_end=12, name="Port Halvard"),
    ]
    assert person_names(facts) == ["Orla Penhaligon"]


def test_photo_captions_and_bylines_are_no_person_names() -> None:
    # Web page furniture an outlet puts in every story: no incident's identity.
    facts = [
        said("Caption Close Image A man was shot on Elm Street, police said."),
        said("Updated 5:30 PM, By Dana Reporter. Orla Penhaligon, 23, was shot near her home."),
        said("Courtesy Of Harbour Daily Photo A teen was wounded."),
    ]
    assert person_names(facts) == ["Orla Penhaligon"]


def test_a_holiday_is_no_persons_name() -> None:
    # "Christmas Eve" read as a named actor would tie every report of that night.
    facts = [actor_fact("Christmas Eve"), actor_fact("Dana Kowalczyk"), victims_fact("Martin Luther King Day")]
    assert person_names(facts) == ["Dana Kowalczyk"]


def test_a_gazetteer_place_is_no_persons_name() -> None:
    # A city named in a casualty sentence ("a Baton Rouge man") is capitalised like a name; two
    # reports naming it share a place, which the merge compares by itself, not a person.
    facts = [
        said("A Baton Rouge man, Orla Penhaligon, was shot on Elm Street."),
        said("Salt Lake City police said Cedar Rapids resident Dana Kowalczyk was wounded."),
        actor_fact("Corpus Christi"),
    ]
    assert person_names(facts) == ["Dana Kowalczyk", "Orla Penhaligon"]


def test_a_place_after_a_locative_word_is_no_persons_name() -> None:
    # A place the gazetteer lacks, after "in", "near" or "outside", is capitalised like a name
    # ("Windmill Hollow"); a person after "at", "into", "toward", "of", or a possessive after
    # "in", is kept.
    facts = [
        said("A teen was shot in Windmill Hollow on Friday night."),
        said("Deputies found a wounded man near Quarry Bend and another outside Lantern Crossing."),
        said("The death of Orla Penhaligon is being investigated; Dana Kowalczyk was wounded."),
        said("A gunman fired at Tobias Wrenfield as he left."),
        said("Two men were charged in Maribel Ostrova's shooting death."),
        said("Police fired into Dmitri Alvarado's car, wounding him."),
    ]
    # (a possessive is the name's: "Dmitri Alvarado's car" names Dmitri Alvarado)
    assert person_names(facts) == ["Dana Kowalczyk", "Dmitri Alvarado", "Maribel Ostrova", "Orla Penhaligon",
                                   "Tobias Wrenfield"]
