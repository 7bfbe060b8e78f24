"""Lookup keys of place names."""

from __future__ import annotations

from pipeline.geo.keys import latin, norm, variants


def test_norm_folds_accents_case_periods_dashes_and_spaces() -> None:
    assert norm("  Saint-Étienne ") == "saint-etienne"
    assert norm("Ft.  Worth") == "ft worth"
    assert norm("O\u2019Fallon") == "o'fallon"


def test_variants_add_the_short_forms_english_writes() -> None:
    assert variants("Saint Paul") == {"saint paul", "st paul"}
    assert variants("Mount Vernon") == {"mount vernon", "mt vernon"}
    assert variants("The Hague") == {"the hague", "hague"}
    assert variants("Dayton") == {"dayton"}


def test_latin_script_only() -> None:
    assert latin("Zürich") and latin("Nur-Sultan")
    assert not latin("Москва")
