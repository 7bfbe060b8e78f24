"""events.build: one article's events from its facts (date basis, victims' ages, people)."""

from __future__ import annotations

import datetime as dt

import pytest
from event_builders import actor_fact, date_fact, victims_fact
from pipeline.dates import date_basis
from pipeline.events import build_article_events, victim_ages
from pipeline.events.build import victim_sexes
from pipeline.schemas import Article, CasualtyFact, DateFact


def test_date_basis_tells_the_incident_s_day_from_the_aftermath_s() -> None:
    published = dt.date(2023, 5, 12)
    shot = date_fact("Tuesday", "2023-05-09", "shoot")
    arraigned = date_fact("Thursday", "2023-05-11", "arraign")
    said = date_fact("Friday", "2023-05-12", "say", role="report")
    assert date_basis([shot, arraigned], published) == "incident"
    assert date_basis([arraigned], published) == "aftermath"
    assert date_basis([said], published) == "report"
    assert date_basis([], published) == "published"
    assert date_basis([], None) is None


def test_article_events_carry_their_date_basis() -> None:
    article = Article(id="k1", source="k1.txt", title="Teen arraigned in bakery case", text="",
                      published=dt.date(2023, 5, 12))  # fmt: skip
    wounded = CasualtyFact(text="wounded", sentence="A clerk was wounded.", char_start=0, char_end=7,
                           outcome="injured", count_low=1, count_best=1, count_high=1)  # fmt: skip
    (event,) = build_article_events(article, [wounded, date_fact("Thursday", "2023-05-11", "arraign")])
    assert event.date_basis == "aftermath" and event.event_date == dt.date(2023, 5, 11)


def test_an_event_dated_years_before_publication_is_not_built() -> None:
    article = Article(id="b1", source="b1.txt", title="Singer opens new tour", text="",
                      published=dt.date(2023, 5, 12))  # fmt: skip
    killed = CasualtyFact(text="shot dead", sentence="His brother was shot dead in 2016.", char_start=0,
                          char_end=9, outcome="killed", count_low=1, count_best=1, count_high=1)  # fmt: skip
    assert build_article_events(article, [killed, date_fact("June 2016", "2016-06-15", "shoot")]) == []
    # The same report dated this week is news.
    (event,) = build_article_events(article, [killed, date_fact("Tuesday", "2023-05-09", "shoot")])
    assert event.event_date == dt.date(2023, 5, 9)


def _casualty(outcome: str, victims: str, perpetrator: bool = False, count: int = 1) -> CasualtyFact:
    sentence = f"Police said {victims} was {outcome}."
    return CasualtyFact(
        article_id="x", text=victims, sentence=sentence, char_start=0, char_end=len(sentence),
        outcome=outcome, count_low=count, count_best=count, count_high=count, victims=victims, perpetrator=perpetrator,
    )


def test_victim_ages_come_from_the_victims_of_killed_and_injured_facts() -> None:
    facts = [
        _casualty("killed", "a 24-year-old man"),
        _casualty("injured", "the 3-year-old"),
        _casualty("arrested", "a 19-year-old suspect"),
        _casualty("killed", "the 40-year-old gunman", perpetrator=True),
        _casualty("injured", "two teenagers"),
    ]
    assert victim_ages(facts) == [3, 24]


@pytest.mark.parametrize(("facts", "expected"), [
    ([("killed", "a 24-year-old woman")], ["female"]),
    ([("injured", "the boy")], ["male"]),
    ([("injured", "she")], ["female"]),
    ([("killed", "her son")], ["male"]),  # whose son, not his sex
    ([("injured", "his wife")], ["female"]),
    ([("injured", "a man"), ("injured", "a woman")], ["female", "male"]),
    ([("injured", "the victim")], []),  # no word tells
    ([("injured", "the teenagers")], []),
    ([("arrested", "a woman")], []),  # a suspect is no victim
    ([("killed", "the gunman himself")], []),
    ([("injured", "a man"), ("injured", "a woman", 0)], ["male"]),  # "a woman with him was not hurt"
])
def test_victim_sexes_come_from_the_victim_words(facts: list[tuple], expected: list[str]) -> None:
    made = [_casualty(outcome, words, perpetrator="gunman" in words, count=rest[0] if rest else 1)
            for outcome, words, *rest in facts]
    assert victim_sexes(made) == expected


def test_build_article_events_carries_the_article_s_people() -> None:
    article = Article(id="p1", source="p1.txt", text="", title="Teen charged in bakery shooting",
                      published=dt.date(2023, 5, 12))  # fmt: skip
    facts = [victims_fact("Orla Penhaligon"), actor_fact("Tobias Wrenfield"), date_fact("Thursday", "2023-05-11", "charge")]
    (event,) = build_article_events(article, facts)
    assert event.persons == "Orla Penhaligon;Tobias Wrenfield"


def _claim(outcome: str, count: int, sentence: str) -> CasualtyFact:
    return CasualtyFact(text=sentence[:10], sentence=sentence, char_start=0, char_end=10, outcome=outcome,
                        count_low=count, count_best=count, count_high=count)  # fmt: skip


def _dated(text: str, day: str, sentence: str) -> DateFact:
    d = dt.date.fromisoformat(day)
    return DateFact(text=text, sentence=sentence, char_start=0, char_end=len(text), date=d, date_low=d,
                    date_high=d, time_precision=1, role="event", governor="shoot")  # fmt: skip


@pytest.mark.parametrize(("recalled_day", "injured"), [
    ("2023-05-01", 2),  # another fight nine days before: the story recalls it
    ("2023-05-08", 20),  # the day before: as likely the incident's own (a misread day)
    ("2023-05-11", 20),  # after it (an update): the event's
])
def test_a_toll_told_of_an_earlier_day_is_another_incident_s(recalled_day: str, injured: int) -> None:
    article = Article(id="p1", source="p1.txt", title="Two stabbed outside bakery", text="",
                      published=dt.date(2023, 5, 10))  # fmt: skip
    own = "Two men were stabbed outside a bakery on Tuesday."
    other = "On that day a brawl at the harbour left 20 sailors hurt and one dead."
    facts = [_claim("injured", 2, own), _dated("Tuesday", "2023-05-09", own),
             _claim("injured", 20, other), _claim("killed", 1, other), _dated("that day", recalled_day, other)]
    (event,) = build_article_events(article, facts)
    assert event.injured_best == injured
    # The recalled incident's outcome no other claim gives is kept (the story's only word on it).
    assert event.killed_best == 1


def test_an_earlier_day_in_a_story_dated_by_its_aftermath_keeps_its_toll() -> None:
    # An arraignment story: the incident's own day is the earlier one, the event's the news day.
    article = Article(id="p2", source="p2.txt", title="Man arraigned", text="", published=dt.date(2023, 5, 30))
    shooting = "He is accused of wounding three people on May 2."
    facts = [_claim("injured", 3, shooting), _dated("May 2", "2023-05-02", shooting),
             date_fact("Monday", "2023-05-29", "arraign")]
    (event,) = build_article_events(article, facts)
    assert event.injured_best == 3


def test_a_story_dated_by_a_death_keeps_the_toll_of_its_earlier_incident() -> None:
    # A victim died on Saturday, weeks after the bombing whose toll the story recalls: the
    # bombing is this event's own incident (a death or a body found comes days later).
    article = Article(id="p3", source="p3.txt", title="Bombing victim dies", text="", published=dt.date(2023, 5, 22))
    died = "A fourth victim of the market bombing died on Saturday."
    bombing = "Three people were killed and 12 wounded in the bombing in April."
    april = DateFact(text="in April", sentence=bombing, char_start=0, char_end=8, date=dt.date(2023, 4, 15),
                     date_low=dt.date(2023, 4, 1), date_high=dt.date(2023, 4, 30), time_precision=3,
                     role="event", governor="bombing")  # fmt: skip
    facts = [_claim("killed", 1, died), _dated("Saturday", "2023-05-20", died).model_copy(update={"governor": "die"}),
             _claim("killed", 3, bombing), _claim("injured", 12, bombing), april]
    (event,) = build_article_events(article, facts)
    assert event.event_date == dt.date(2023, 5, 20)
    assert event.injured_best == 12 and (event.killed_best or 0) >= 3  # (four by the story: no sum of claims)



@pytest.mark.parametrize(("shot_on", "built"), [("2021-03-15", False), ("2023-05-05", True)])
def test_casualties_whose_violence_is_told_years_ago_are_a_memory(shot_on: str, built: bool) -> None:
    # An obituary's death of old age beside a wound of long ago is no event; the same death from
    # a wound of last week is one. Each sentence is dated by its own day.
    article = Article(id="o1", source="o1.txt", title="Veteran dies at 98", text="",
                      published=dt.date(2023, 5, 12))  # fmt: skip
    died_in = "The veteran died at a care home on Sunday."
    shot_in = "He had been shot in the leg in a raid on his unit that month."
    died = CasualtyFact(text="died", sentence=died_in, char_start=0, char_end=4, outcome="killed",
                        count_low=1, count_best=1, count_high=1)  # fmt: skip
    shot = CasualtyFact(text="had been shot", sentence=shot_in, char_start=50, char_end=63,
                        outcome="injured", count_low=1, count_best=1, count_high=1)  # fmt: skip
    sunday = date_fact("Sunday", "2023-05-07", "die").model_copy(update={"sentence": died_in})
    then = date_fact("that month", shot_on, "shoot").model_copy(update={"sentence": shot_in})
    assert bool(build_article_events(article, [died, shot, sunday, then])) is built
