"""Issue 17.6: chart targets are checked before any work.

Charts with little data keep an axis and their values.
"""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from productcodes.chart import _axis_limit, check_target, impact_figure, impact_rows, reduction_figure
from productcodes.cli import cli
from productcodes.errors import UserError
from productcodes.report import Coverage, Reduction


def run(url: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", url, *args])
    assert result.exit_code == code, result.output
    return result.output


def test_report_chart_to_a_missing_folder_or_unknown_extension(filled, db_url, tmp_path):
    out = run(db_url, "registry", "report", "--chart", str(tmp_path / "nergens" / "r.png"), code=2)
    assert out.startswith("fout:") and "bestaat niet" in out and "Traceback" not in out
    out = run(db_url, "registry", "report", "--chart", str(tmp_path / "r.gif"), code=2)
    assert out.startswith("fout:") and "'.gif'" in out
    assert "Reductie op" in run(db_url, "registry", "report", "--chart", str(tmp_path / "r.svg"))
    assert (tmp_path / "r.svg").read_text().lstrip().startswith("<?xml")


def test_check_target():
    with pytest.raises(UserError, match="geen"):
        check_target("zonder-extensie")


def test_a_chart_of_almost_nothing_keeps_an_axis_and_shows_values():
    tiny = Reduction(
        on=date(2026, 6, 1),
        municipal_codes=1,
        gemeenten=1,
        national_products=1,
        national_in_use=1,
        mapped=1,
        proposed=0,
        per_jeugdregio={"Regio Test": Coverage(1, 1)},
        per_categorie={"45": Coverage(1, 1)},
        codes_per_national={"45N01": 1},
    )
    fig = reduction_figure(tiny)
    left, right = fig.axes
    assert left.get_xlim()[1] >= 1.15 and right.get_xlim() == (0, 110)
    assert [t.get_text() for t in left.texts] == ["1"] and [t.get_text() for t in right.texts] == ["100,0%"]
    assert all(float(tick) == int(tick) for tick in left.get_xticks())  # no 0.2 of a code on the axis
    empty = Reduction(
        on=date(2026, 6, 1),
        municipal_codes=0,
        gemeenten=0,
        national_products=0,
        national_in_use=0,
        mapped=0,
        proposed=0,
        per_jeugdregio={},
        per_categorie={},
        codes_per_national={},
    )
    assert reduction_figure(empty).axes[0].get_xlim() == (0, 1.0)
    assert _axis_limit(0) == 1.0


def test_an_impact_chart_of_one_product_shows_its_value():
    from productcodes.impact import Impact, ProductImpact

    impact = Impact()
    row = ProductImpact("45N01", "Ambulante begeleiding", "04")
    row.per_gemeente["7001"].add(1, 8200, 8200)
    impact.producten[("45N01", "04")] = row
    fig = impact_figure(impact_rows(impact))
    [axis] = fig.axes
    assert [t.get_text() for t in axis.texts] == ["82.00"] and axis.get_xlim()[1] > 82
