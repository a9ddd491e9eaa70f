"""The reduction report and its charts speak Dutch by default, with a decimal comma; English on request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from productcodes.chart import draw
from productcodes.report import Coverage, Reduction, render_text


def _reduction() -> Reduction:
    return Reduction(
        on=date(2026, 6, 1),
        municipal_codes=3,
        gemeenten=1,
        national_products=2,
        national_in_use=1,
        mapped=2,
        proposed=0,
        per_jeugdregio={"Duinstreek": Coverage(codes=3, mapped=2)},
        per_categorie={"45": Coverage(codes=3, mapped=2)},
        codes_per_national={"45N01": 2},
        unmapped=[
            {
                "gemeentecode": "7003",
                "productcategorie": "45",
                "productcode": "45Z27",
                "omschrijving": "Begeleiding",
                "voorstel": True,
            }
        ],
    )


def test_text_report_dutch_with_decimal_comma_by_default() -> None:
    text = render_text(_reduction())
    assert text.startswith("Reductie op 01-06-2026\n")
    assert "66,7%" in text and "66.7" not in text
    assert "gemapt (goedgekeurd)" in text and "[voorstel wacht]" in text


def test_text_report_in_english_on_request() -> None:
    text = render_text(_reduction(), lang="en")
    assert text.startswith("Reduction on 2026-06-01\n") and "66.7%" in text and "[proposal waiting]" in text


def test_html_chart_in_dutch_and_english(tmp_path: Path) -> None:
    dutch = draw(_reduction(), tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in dutch and "Dekking per jeugdregio" in dutch and "66,7% van 3" in dutch
    english = draw(_reduction(), tmp_path / "e.html", lang="en").read_text(encoding="utf-8")
    assert "Coverage per jeugdregio" in english and "66.7% of 3" in english
