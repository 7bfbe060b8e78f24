"""Article relevance (pipeline/relevance.py): other news against conflict reports in the same words.

Every sentence here was written for these tests; none comes from an evaluation corpus.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.relevance import (
    MIN_RELEVANCE,
    count_terms,
    evidence,
    is_relevant,
    load_lexicon,
    relevance,
)

# Negatives: sport, business, technology, entertainment, accidents, disasters, obituaries and
# metaphors, many of them using a violence word.
NEGATIVES = [
    ("sport", "The striker scored twice as the champions won the league match 3-1 in front of "
              "40,000 fans, and the coach praised his team after the clash."),
    ("sport", "The golfer shot an 8-under 64 to take a two-stroke lead into the final round of "
              "the tournament."),
    ("sport", "The pitcher struck out 14 batters over seven innings as the home team won the "
              "series opener."),
    ("sport", "Both clubs meet in the Champions League clash on Tuesday, with the winger "
              "sidelined by a hamstring injury."),
    ("business", "The two supermarket chains are locked in a price war that has cut profits and "
                 "sent shares down 5% as investors fear for the sector."),
    ("business", "The company agreed to buy its rival for $2.5bn, a takeover that analysts said "
                 "would hit quarterly earnings."),
    ("business", "Opposition leaders launched an attack on the budget, saying the tax rises would "
                 "hurt growth and push up prices for consumers."),
    ("tech", "A computer worm hit more than 40,000 websites, and security firms urged users to "
             "download the software update."),
    ("tech", "Banner ads and pop-up windows annoy internet users, a survey of online shoppers "
             "found, while broadband firms chase customers."),
    ("tech", "The new handset is expected to explode onto the market, with mobile phone makers "
             "betting on digital music downloads."),
    ("culture", "The war film topped the box office this weekend, and its star was nominated for "
                "an Oscar for best actress."),
    ("culture", "The band's new album shot to fame after the singer's concert, and the single "
                "went straight to the top of the charts."),
    ("accident", "Three people were killed when a bus collided with a truck on the motorway; "
                 "rescuers pulled passengers from the wreck after the crash."),
    ("accident", "A gas explosion at a factory injured eight workers, and firefighters fought the "
                 "blaze for hours before it was brought under control."),
    ("disaster", "The earthquake of magnitude 6.8 killed at least 40 people, and floods and "
                 "landslides cut off villages after heavy rains."),
    ("obituary", "The actor, who died peacefully at home aged 88 after a long illness, is "
                 "survived by his wife and three children."),
]

# Positives: real conflict, crime and protest reports, short ones included.
POSITIVES = [
    ("attack", "Gunmen shot dead two villagers and wounded three others in an attack on a market "
               "town on Sunday."),
    ("protest", "Police fired tear gas at protesters who blocked the main road to the capital."),
    ("bomb", "A car bomb exploded near the ministry, killing four people, officials said."),
    ("clash", "Troops clashed with rebels near the border, and at least 12 fighters were killed."),
    ("shooting", "A man was shot and killed outside a bar late Friday, and police are searching "
                 "for the shooter."),
    ("arrest", "Security forces arrested 15 opposition activists after a rally in the city."),
    ("strike", "An air strike hit a school in the rebel-held district, killing 9 civilians."),
    ("abduction", "Armed men abducted a priest from his home and demanded a ransom."),
    ("riot", "Rioters torched shops and cars as unrest spread to a second town."),
    ("agreement", "The government and the rebel group signed a ceasefire agreement after weeks of "
                  "fighting."),
    ("protest", "Thousands of protesters marched through the capital demanding the president's "
                "resignation."),
    ("stabbing", "A teenager was stabbed to death in a park, and a 17-year-old has been arrested "
                 "on suspicion of murder."),
]

# The same violence words, once in another topic's vocabulary and once in a report.
PAIRS = [
    ("The home side won the clash 2-0 after the striker hit a late goal in the league match.",
     "Two soldiers were killed in a clash with militants at a checkpoint."),
    ("Shares jumped as the firm announced a strike on prices to win customers in the market.",
     "Police fired on striking workers at a mine, killing three protesters."),
    ("He shot a 66 to take the lead into the final round of the golf tournament.",
     "He shot a police officer twice before fleeing, and the officer was wounded."),
]


@pytest.mark.parametrize(("topic", "text"), NEGATIVES)
def test_other_news_is_not_relevant(topic: str, text: str) -> None:
    score = relevance(text, None)
    assert not is_relevant(score), (topic, score, evidence(text).terms)


@pytest.mark.parametrize(("kind", "text"), POSITIVES)
def test_conflict_reports_are_relevant(kind: str, text: str) -> None:
    score = relevance(text, None)
    assert is_relevant(score), (kind, score, evidence(text).terms)


@pytest.mark.parametrize(("other", "report"), PAIRS)
def test_same_words_different_topic(other: str, report: str) -> None:
    assert relevance(report, None) > relevance(other, None)
    assert is_relevant(relevance(report, None)) and not is_relevant(relevance(other, None))


def test_score_range_and_empty_text() -> None:
    assert relevance("", None) == 0.0
    assert relevance("The weather will be mild this week.", None) == 0.0
    for _, text in NEGATIVES + POSITIVES:
        assert 0.0 <= relevance(text, None) <= 1.0


def test_title_counts_more_than_body() -> None:
    body = "The mayor spoke to residents on Monday about the town's new park and its budget."
    plain = relevance(body, None)
    titled = relevance(body, "Gunman kills two in shooting at town hall")
    assert titled > plain and is_relevant(titled)


def test_length_does_not_win_by_repetition() -> None:
    sport = ("The striker scored in the league match and the fans cheered the team's victory. " * 3
             + "The coach said the attack looked sharp.")
    longer = sport * 20
    assert abs(relevance(longer, None) - relevance(sport, None)) < 0.1
    assert not is_relevant(relevance(longer, None))


def test_threshold_is_a_parameter() -> None:
    assert is_relevant(MIN_RELEVANCE)
    assert not is_relevant(0.9, threshold=0.95)
    assert is_relevant(0.1, threshold=0.05)


def test_phrases_take_their_words() -> None:
    lexicon = load_lexicon()
    found = count_terms("a price war and tear gas, explosive devices, a rebel-held town", lexicon)
    assert found[("price", "war")] == 1 and found[("war",)] == 0
    assert found[("tear", "gas")] == 1
    assert found[("explosive", "devices")] == 1
    assert found[("rebel",)] == 1


def test_lexicon_files_are_consistent() -> None:
    lexicon = load_lexicon()
    classes = set(lexicon.terms.values())
    assert classes <= set(lexicon.weights)
    assert lexicon.prior > 0 and lexicon.repeat_cap >= 1


def test_module_does_not_import_spacy() -> None:
    code = "import sys, pipeline.relevance; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
