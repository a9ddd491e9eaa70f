"""The validator never raises on input: 10,000 generated hostile or broken inputs per CI run.

Counts are fixed with @settings(max_examples=...) so the profile cannot shrink them:
2000 random byte strings + 1500 truncations + 3000 byte mutations + 2000 value mutations
+ 1000 deep nestings + 500 huge attributes = 10,000.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iwmo_ijw.namespaces import message_type
from iwmo_ijw.schemas import default_dir
from tests.conftest import reference_path
from tests.validators.make_xsd_fixtures import BASE
from validators.engine.pipeline import Options, validate
from validators.findings import FileReport
from validators.reporting import render


def examples(count: int) -> settings:
    """An explicit example count, independent of the dev/ci profile; no shrinking database on disk."""
    return settings(max_examples=count, deadline=None, suppress_health_check=list(HealthCheck), database=None)


DATA = BASE.encode()
NS = "http://www.istandaarden.nl/ijw/3_2/jw323/schema"


@pytest.fixture(scope="module")
def options() -> Options:
    # The project's own XSDs when they are there, else the official ones beside the repo.
    if (default_dir(message_type("JW323")) / "JW323.xsd").is_file():
        return Options()
    return Options(schema_dir=reference_path("ijw-3.2", "xsd"))


def check(data: bytes, options: Options) -> FileReport:
    report = validate(data, options, name="input.xml")
    assert isinstance(report, FileReport)
    for finding in report.findings:
        assert finding.code and finding.message
    json.dumps(report.as_dict())
    render_all(report)
    return report


def render_all(report: FileReport) -> None:
    from validators.findings import Report

    for fmt in ("text", "json", "junit", "sarif"):
        render(Report([report]), fmt)


def test_base_message_is_valid(options: Options) -> None:
    report = check(DATA, options)
    assert [f for f in report.findings if f.code.startswith(("RS", "CS0", "XSD", "XML", "BERICHT"))] == []


@examples(2000)
@given(st.binary(max_size=2000))
def test_random_bytes(options: Options, data: bytes) -> None:
    report = check(data, options)
    assert not report.valid or report.message_type is not None


@examples(1500)
@given(st.integers(min_value=0, max_value=DATA.rindex(b">")))  # any cut before the closing tag ends
def test_truncated(options: Options, cut: int) -> None:
    report = check(DATA[:cut], options)
    assert not report.valid


@examples(3000)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(DATA) - 1),
            st.sampled_from(["replace", "insert", "delete"]),
            st.binary(min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_bytes(options: Options, edits: list) -> None:
    data = bytearray(DATA)
    for pos, op, chunk in edits:
        pos = min(pos, len(data))
        if op == "replace":
            data[pos : pos + len(chunk)] = chunk
        elif op == "insert":
            data[pos:pos] = chunk
        else:
            del data[pos : pos + len(chunk)]
    check(bytes(data), options)


VALUES = [
    "<b:Bsn>999911120<",
    "<b:ToewijzingNummer>80451<",
    "<b:ProductCode>54001<",
    "<b:GeleverdVolume>12<",
    "<c:Begindatum>2026-09-01<",
    "<b:Eenheid>04<",
    "<c:Bedrag>31200<",
    "<b:BerichtCode>490<",
    "<c:Identificatie>DCL2026-0917<",
    "<b:Ontvanger>0599<",
    "<c:DebetCredit>D<",
]


@examples(2000)
@given(st.sampled_from(VALUES), st.text(max_size=40))
def test_mutated_values(options: Options, element: str, value: str) -> None:
    start = element[: element.index(">") + 1]
    escaped = value.replace("&", "&amp;").replace("<", "&lt;")
    check(BASE.replace(element, start + escaped + "<", 1).encode("utf-8", "surrogatepass"), options)


@examples(1000)
@given(st.integers(min_value=1, max_value=20000))
def test_deep_nesting(options: Options, depth: int) -> None:
    inner = "<b:X>" * depth + "</b:X>" * depth
    data = f'<b:Bericht xmlns:b="{NS}"><b:Header>{inner}</b:Header></b:Bericht>'.encode()
    assert not check(data, options).valid


@examples(500)
@given(st.integers(min_value=1, max_value=2_000_000), st.sampled_from(["Bericht", "Header", "Bsn"]))
def test_huge_attribute(options: Options, size: int, where: str) -> None:
    data = BASE.replace(f"<b:{where}", f'<b:{where} extra="{"a" * size}"', 1).encode()
    assert not check(data, options).valid


HOSTILE = {
    "billion-laughs": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<lolz>&lol3;</lolz>",
        "XML-UNSAFE",
    ),
    "external-entity": (
        b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY x SYSTEM "file:///etc/passwd">]><b>&x;</b>',
        "XML-UNSAFE",
    ),
    "utf16-no-declaration": (BASE.split("?>", 1)[1].strip().encode("utf-16-le"), None),
    "utf16-with-bom": (BASE.split("?>", 1)[1].strip().encode("utf-16"), None),
    "latin1-declared-utf8": (BASE.replace("DCL2026-0917", "DCL2026-é").encode("latin-1"), "XML"),
    "unknown-namespace": (BASE.replace(NS, "urn:example:other").encode(), "BERICHT"),
    "release-3.1": (BASE.replace("ijw/3_2/", "ijw/3_1/").encode(), "RELEASE"),
    "berichtcode-mismatch": (BASE.replace("<b:BerichtCode>490<", "<b:BerichtCode>486<").encode(), "RS047"),
    "empty": (b"", "XML"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_named_hostile_inputs(options: Options, name: str) -> None:
    data, code = HOSTILE[name]
    report = check(data, options)
    assert not report.valid or code is None
    if code is not None:
        assert [f.code for f in report.findings] == [code]
