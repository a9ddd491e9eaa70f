"""JUnit XML: a testcase per file with a <failure> per error finding; a skipped testcase per rule not run."""

from __future__ import annotations

from lxml import etree

from validators.findings import FileReport, Report, Severity


def render(report: Report, *, show_bsn: bool = False, lang: str | None = None) -> str:
    """JUnit XML: a test case per file, failing on its errors; skipped checks as skipped cases."""
    suite = etree.Element("testsuite", name="productcodes validate")
    failures = skipped = 0
    for fr in report.files:
        failures += _testcase(suite, fr, show_bsn, lang)
        skipped += _skipped_cases(suite, fr)
    suite.set("tests", str(len(report.files) + skipped))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    suite.set("errors", "0")
    root = etree.Element("testsuites")
    root.append(suite)
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode()


def _testcase(suite: etree._Element, fr: FileReport, show_bsn: bool, lang: str | None = None) -> int:
    name, classname = fr.file or "<stdin>", fr.message_type or "bericht"
    case = etree.SubElement(suite, "testcase", name=name, classname=classname)
    errors = [f for f in fr.findings if f.severity is Severity.ERROR]
    for f in errors:
        failure = etree.SubElement(case, "failure", type=f.code, message=fr.message_of(f, show_bsn, lang))
        location = f"line {f.line}" if f.line is not None else "no line"
        failure.text = f"{f.code} retourcode={f.retourcode or '-'} {location} {f.xpath or ''}".rstrip()
    others = [f for f in fr.findings if f.severity is not Severity.ERROR]
    if others:
        out = etree.SubElement(case, "system-out")
        out.text = "\n".join(
            f"{f.severity.value}: {f.code} {fr.message_of(f, show_bsn, lang)}" for f in others
        )
    return len(errors)


def _skipped_cases(suite: etree._Element, fr: FileReport) -> int:
    """A rule that did not run on a file is a skipped test case, so CI shows the gap."""
    entries = fr.skipped_entries()
    for entry in entries:
        case = etree.SubElement(
            suite,
            "testcase",
            name=f"{fr.file or '<stdin>'} {entry.code}",
            classname=fr.message_type or "bericht",
        )
        etree.SubElement(case, "skipped", message=entry.reason)
    return len(entries)
