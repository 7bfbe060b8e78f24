"""Finding triggers in whole hand-written texts: negation, overlapping matches, disaster vetoes,
an article led by a disaster."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc


def _kinds(doc: Doc) -> list[tuple[str, str | None, bool]]:
    return [(t["event_type"], t["text"], t["vetoes"]) for t in doc._.ne_triggers]


def test_negated_trigger_is_dropped(annotate: Callable[..., Doc]) -> None:
    assert not [k for k in _kinds(annotate("The gang did not kidnap the children.")) if not k[2]]
    assert [k for k in _kinds(annotate("The gang kidnapped the children.")) if not k[2]]


def test_longest_match_wins(annotate: Callable[..., Doc]) -> None:
    kinds = _kinds(annotate("A suicide bomber blew himself up at the gate of the base."))
    assert ("explosions_remote_violence", "suicide bomber", False) in kinds
    assert not any(text == "bomber" for _, text, _ in kinds)


def test_disaster_vetoes_weak_triggers_but_not_strong_ones(annotate: Callable[..., Doc]) -> None:
    flood = _kinds(annotate("Floods killed twelve people in the valley."))
    assert all(vetoes for _, _, vetoes in flood) and flood
    strong = _kinds(annotate("Gunmen kidnapped twelve farmers in the valley. A flood hit the town later."))
    assert ("violence_against_civilians", "kidnapped", False) in strong


def test_article_led_by_a_disaster_keeps_only_strong_triggers(annotate: Callable[..., Doc]) -> None:
    kinds = _kinds(annotate("An earthquake hit the region. Looters attacked shops in the town."))
    assert kinds and all(vetoes for _, _, vetoes in kinds)
