"""clean: each step on small hand-made text, and the seed's must-drop / must-keep strings."""

from __future__ import annotations

from pathlib import Path

from pipeline.clean import (
    clean_article,
    clean_text,
    collapse_blank_lines,
    drop_caps_links,
    drop_chrome_lines,
    drop_photo_credits,
    drop_repeated_paragraphs,
    drop_section_labels,
    find_byline,
    fix_mojibake,
    guess_title,
    is_byline,
    normalize_whitespace,
)
from pipeline.ingest import read_inputs

ROOT = Path(__file__).resolve().parent.parent


def test_mojibake_is_repaired() -> None:
    assert fix_mojibake("the cityâ€™s mayor") == "the city’s mayor"
    assert fix_mojibake("plain ascii") == "plain ascii"


def test_whitespace_is_normalised() -> None:
    text = "A\u00a0 b\u200b\r\n\tC  d \r\n"
    assert normalize_whitespace(text) == "A b\nC d\n"


def test_chrome_lines_go_but_prose_that_mentions_them_stays() -> None:
    text = "Advertisement\nPublished 10:32 AM EST\nShe published a report on Monday.\nShare this article"
    assert drop_chrome_lines(text) == "She published a report on Monday."


def test_section_labels_only_above_the_story() -> None:
    text = "World\nHeadline of the story\nA man in Asia was arrested on Friday by the local police.\nWorld"
    assert drop_section_labels(text).split("\n") == [
        "",
        "Headline of the story",
        "A man in Asia was arrested on Friday by the local police.",
        "World",
    ]


def test_bylines() -> None:
    assert is_byline("By Jane Q. Doe")
    assert is_byline("AP Newsroom")
    assert is_byline("Maria Lopez, Associated Press")
    assert not is_byline("By the time police arrived, two men had been shot and the crowd had left.")
    assert not is_byline("Reuters reported the attack.")
    assert find_byline("Headline\nBy John Smith and Ann Lee\nBody text here.") == "John Smith and Ann Lee"


def test_photo_credits() -> None:
    text = "Crowds in the square on Monday. (AP Photo/Jane Roe) (Reuters photo) Next sentence."
    assert drop_photo_credits(text) == "Crowds in the square on Monday. Next sentence."
    # A parenthesis that is not a credit stays.
    assert drop_photo_credits("the party (PRI) said") == "the party (PRI) said"


def test_caps_links_dropped_only_in_mixed_case_articles() -> None:
    mixed = "Police said two people were hurt.\nREAD MORE: MAYOR RESIGNS AFTER VOTE\nThe mayor spoke."
    assert "MAYOR RESIGNS" not in drop_caps_links(mixed)
    wire = "SAN SALVADOR, 3 JAN 90 -- TWO SOLDIERS WERE KILLED.\nTHE ARMY SAID THE REBELS ATTACKED."
    assert drop_caps_links(wire) == wire


def test_repeated_paragraphs_keep_the_first_copy() -> None:
    caption = "Riot police stand ready to stop demonstrators during a protest in the city centre."
    text = f"{caption}\n\n{caption}\n\nShort\n\nShort"
    assert drop_repeated_paragraphs(text).count(caption) == 1
    assert drop_repeated_paragraphs(text).count("Short") == 2  # short lines may repeat


def test_blank_lines_collapse() -> None:
    assert collapse_blank_lines("\n\nA\n\n\n\nB  \n\n") == "A\n\nB"


def test_guess_title() -> None:
    assert guess_title("Two killed in riot\n\nBody.") == "Two killed in riot"
    assert guess_title("This is a sentence.\n\nBody.") is None


def test_seed_must_drop_and_must_keep(seed_gold: dict) -> None:
    [article] = list(read_inputs([ROOT / "seeds"]))
    cleaned = clean_article(article)
    gold = seed_gold["facts"]["clean"]
    for text in gold["must_drop"]:
        assert text not in cleaned.text
    for text in gold["must_keep"]:
        assert text in cleaned.text
    caption = "Riot police officers stand ready to stop demonstrators"
    assert cleaned.text.count(caption) == 1
    assert cleaned.byline == "AP Newsroom"
    assert cleaned.title == seed_gold["title"]
    assert "Asia" not in cleaned.text.split("\n")  # the section label
    assert clean_text(cleaned.text) == cleaned.text  # cleaning is idempotent


def _old_clean_reader(path: Path) -> tuple[frozenset[str], tuple[str, ...]]:
    # The reader clean.py had before its lexicons moved to pipeline.resources.
    plain, patterns = set(), []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("re:"):
            patterns.append(line[3:])
        else:
            plain.add(line.casefold())
    return frozenset(plain), tuple(patterns)


def test_lexicons_read_through_resources_keep_their_entries() -> None:
    from pipeline import resources
    from pipeline.clean import _read_lexicon

    for name in ("bylines.txt", "chrome_lines.txt", "section_labels.txt"):
        plain, patterns = _read_lexicon(name)
        old_plain, old_patterns = _old_clean_reader(resources.data_path(f"clean/{name}"))
        assert plain == old_plain
        assert tuple(p.pattern for p in patterns) == old_patterns
    assert len(_read_lexicon("chrome_lines.txt")[1]) == 7  # the `re:` lines survive


def test_codec_repair_sees_through_invisible_characters() -> None:
    from pipeline.clean import clean_article
    from pipeline.schemas import Article

    # A zero-width space inside a badly decoded apostrophe, a word joiner inside an accent.
    for text, expected in (("Kazakhstan\u00e2\u200b\u20ac\u2122s oil", "Kazakhstan\u2019s oil"),
                           ("cafe\u2060\u0301 open", "caf\u00e9 open"), ("plain text", "plain text")):
        assert clean_article(Article(id="a", source="s", text=text)).text == expected
        assert clean_text(text) == expected
