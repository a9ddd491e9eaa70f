"""The committed XSDs and model module are exactly what the spec produces."""

import pytest

from iwmo_ijw.models import generate as models_generate
from iwmo_ijw.schemas import generate as schemas_generate
from iwmo_ijw.spec import SpecError, load_standard, parse_spec


def test_committed_xsds_match_the_spec():
    assert schemas_generate.stale() == [], "run: python -m iwmo_ijw.schemas.generate"


def test_committed_models_match_the_spec():
    assert models_generate.TARGET.read_text(encoding="utf-8") == models_generate.render(), (
        "run: python -m iwmo_ijw.models.generate"
    )


def test_both_standards_describe_all_fourteen_messages():
    for name, prefix in (("iJw", "JW"), ("iWmo", "WMO")):
        spec = load_standard(name)
        assert sorted(spec.messages) == sorted(
            f"{prefix}{n}"
            for n in (
                "301",
                "302",
                "305",
                "306",
                "307",
                "308",
                "315",
                "316",
                "317",
                "318",
                "319",
                "320",
                "323",
                "325",
            )
        )


def test_iwmo_uses_its_own_productcategorie_list():
    ijw = load_standard("iJw").basis.simple["LDT_ProductCategorie"].facets.enum
    iwmo = load_standard("iWmo").basis.simple["LDT_ProductCategorie"].facets.enum
    assert "45" in ijw and "45" not in iwmo and "01" in iwmo


@pytest.mark.parametrize(
    "text, message",
    [
        ("complex A\n  B? C pattern=oops", "bad facet value"),
        ("    B C", "outside a complex type"),
        ("frobnicate X", "unknown statement"),
        ("complex A\n  B{x} C", "bad occurrence"),
    ],
)
def test_spec_errors_name_the_line(text, message):
    with pytest.raises(SpecError, match=message):
        parse_spec(text, "broken")
