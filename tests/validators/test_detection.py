"""Message detection: what `iwmo_ijw.parsing.load` refuses, and with which finding code."""

from __future__ import annotations

import pytest

from iwmo_ijw.parsing import HostileXML, MalformedXML, UnknownMessage, UnsupportedRelease, load
from tests.validators.make_xsd_fixtures import BASE
from validators.engine.pipeline import validate

NS_323 = "http://www.istandaarden.nl/ijw/3_2/jw323/schema"


def _variant(old: str, new: str) -> bytes:
    assert old in BASE
    return BASE.replace(old, new).encode()


def test_base_message_is_detected_as_jw323() -> None:
    message = load(BASE.encode())
    assert message.message_type.code == "JW323"
    assert (message.standard, message.release) == ("iJw", "3.2")


def test_unknown_namespace() -> None:
    with pytest.raises(UnknownMessage, match="unknown namespace"):
        load(_variant(NS_323, "urn:example:not-a-message"))


def test_no_namespace() -> None:
    with pytest.raises(UnknownMessage, match="no namespace"):
        load(b"<Bericht><Header/></Bericht>")


def test_root_is_not_bericht() -> None:
    with pytest.raises(UnknownMessage, match="not <Bericht>"):
        load(f'<Factuur xmlns="{NS_323}"/>'.encode())


def test_release_3_1_is_unsupported() -> None:
    with pytest.raises(UnsupportedRelease, match=r"release 3\.1") as caught:
        load(_variant("ijw/3_2/", "ijw/3_1/"))
    assert caught.value.code == "RELEASE"


def test_berichtcode_contradicting_namespace_names_both() -> None:
    with pytest.raises(UnknownMessage, match="491.*JW325.*JW323") as caught:
        load(_variant("<b:BerichtCode>490<", "<b:BerichtCode>491<"))
    assert caught.value.code == "RS047"
    assert caught.value.line == 4


def test_not_xml() -> None:
    with pytest.raises(MalformedXML) as caught:
        load(b"this is not xml at all")
    assert caught.value.code == "XML"


def test_truncated_xml_reports_a_line() -> None:
    with pytest.raises(MalformedXML) as caught:
        load(BASE.encode()[: len(BASE) // 2])
    assert caught.value.line is not None and caught.value.line > 1


def test_doctype_is_refused_unread() -> None:
    hostile = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n' + BASE.encode().split(b"?>", 1)[1]
    with pytest.raises(HostileXML) as caught:
        load(hostile)
    assert caught.value.code == "XML-UNSAFE"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"garbage", "XML"),
        (b'<!DOCTYPE b [<!ENTITY e SYSTEM "file:///etc/passwd">]><b>&e;</b>', "XML-UNSAFE"),
        (b"<Bericht/>", "BERICHT"),
        (BASE.replace("ijw/3_2/", "ijw/3_1/").encode(), "RELEASE"),
    ],
)
def test_engine_turns_detection_errors_into_one_finding(data: bytes, code: str) -> None:
    report = validate(data, name="input.xml")
    assert [f.code for f in report.findings] == [code]
    assert report.file == "input.xml" and not report.valid


# A file is read whole below iwmo_ijw.parsing.MAP_FROM and memory-mapped from it: the two
# ways must load and refuse alike.
@pytest.fixture(params=["read whole", "memory map"])
def file_way(request, monkeypatch):
    import iwmo_ijw.parsing as parsing

    monkeypatch.setattr(parsing, "MAP_FROM", 10**12 if request.param == "read whole" else 0)
    return request.param


def test_a_file_loads_alike_either_way(tmp_path, file_way) -> None:
    path = tmp_path / "m.xml"
    path.write_bytes(BASE.encode())
    message = load(path)
    assert message.message_type.code == "JW323" and message.source == str(path)
    assert message.size == len(BASE.encode()) and message.plain is True


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", MalformedXML),
        (b"garbage", MalformedXML),
        (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<Bericht/>', HostileXML),
        (b"<!-- c -->" + BASE.encode().split(b"?>", 1)[1], None),
    ],
)
def test_a_file_is_refused_alike_either_way(tmp_path, file_way, data: bytes, error) -> None:
    path = tmp_path / "m.xml"
    path.write_bytes(data)
    if error is None:
        assert load(path).plain is False  # a comment: the tables read elements instead
        return
    with pytest.raises(error) as caught:
        load(path)
    assert str(path) in (caught.value.source or "")
