"""What the worker processes do: validate, answer and read messages held in memory.

These functions run in a process pool (see `pool.py`), so they take and return plain data
(bytes, strings, dicts) that pickle cheaply; nothing here writes a message to disk or a log.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

# Rule snapshots of the registry, per process, reloaded after this many seconds so approvals show.
SNAPSHOT_TTL = 30.0
_snapshots: dict[str | None, tuple[float, object]] = {}


@dataclass(frozen=True)
class Job:
    """One validation request: the files as (name, bytes) and the options of `productcodes validate`."""

    files: tuple[tuple[str, bytes], ...]
    today: date
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    registry: bool = False
    db_url: str | None = None
    fmt: str = "json"
    show_bsn: bool = False
    lang: str | None = None  # nl or en; None: as the CLI without --lang (PRODUCTCODES_LANG, else nl)


@dataclass
class Outcome:
    """The rendered report, plus (for the pages) each file's verdict, grouped findings and answer."""

    text: str
    valid: bool
    files: list[dict] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)


def _registry(db_url: str | None):
    cached = _snapshots.get(db_url)
    if cached is not None and time.monotonic() - cached[0] < SNAPSHOT_TTL:
        return cached[1]
    from productcodes.db import make_engine
    from productcodes.migrate import require_current
    from validators.sources.snapshot_db import snapshot_from_engine

    engine = make_engine(db_url)
    try:
        require_current(engine)
        snapshot = snapshot_from_engine(engine)
    finally:
        engine.dispose()
    _snapshots[db_url] = (time.monotonic(), snapshot)
    return snapshot


@contextmanager
def in_language(lang: str | None) -> Iterator[str]:
    """The job's language chosen for what it renders, as the CLI's --lang does for one command; reset
    afterwards because a pool process serves the next request, which may want the other language."""
    from validators.reporting.texts import current_lang, set_lang

    if lang is None:
        yield current_lang()
        return
    set_lang(lang)
    try:
        yield current_lang()
    finally:
        set_lang(None)


def options_of(job: Job):
    """The engine options the CLI would build from the same flags (every level, as the command line)."""
    from validators import Options
    from validators.engine.pipeline import EVERY_LEVEL
    from validators.rules.registry import RuleSet

    return Options(
        today=job.today,
        ruleset=RuleSet(select=job.select, ignore=job.ignore),
        registry=_registry(job.db_url) if job.registry else None,
        levels=EVERY_LEVEL,
    )


def validate_job(job: Job, *, details: bool = False) -> Outcome:
    """The report in the asked format, exactly as `productcodes validate --format FMT` renders it."""
    from validators import validate
    from validators.reporting import render

    with in_language(job.lang) as lang:
        options = options_of(job)
        report = validate(job.files, options)
        outcome = Outcome(text=render(report, job.fmt, show_bsn=job.show_bsn, lang=lang), valid=report.valid)
        if options.registry is not None:
            from validators.engine.needs import registry_gaps

            outcome.missing = {k: list(v) for k, v in registry_gaps(options.registry).items()}
        if details:
            for (name, data), file_report in zip(job.files, report.files, strict=True):
                outcome.files.append(_page_view(name, data, file_report, job, lang))
    return outcome


def _page_view(name: str, data: bytes, file_report, job: Job, lang: str) -> dict:
    from validators.findings import Report
    from validators.reporting import render

    single = Report(files=[file_report])
    view = file_report.as_dict(job.show_bsn, lang)
    view["not_run"] = not_run(file_report)
    view["groups"] = group_findings(view["findings"], _client_labels(data, file_report))
    view["json"] = render(single, "json", lang=lang)
    view["sarif"] = render(single, "sarif", lang=lang)
    view["answer"], view["answer_type"], view["no_answer"] = _answer_of(data, name, file_report, job)
    return view


def not_run(file_report) -> list[dict]:
    """The rules that did not run, grouped by reason: [{"reason", "codes"}]; a --select skips hundreds."""
    per_reason: dict[str, list[str]] = {}
    for entry in file_report.skipped_entries():
        codes = per_reason.setdefault(file_report.mask(entry.reason) or "", [])
        if entry.code not in codes:
            codes.append(entry.code)
    return [{"reason": reason, "codes": sorted(codes)} for reason, codes in per_reason.items()]


def _answer_of(data: bytes, name: str, file_report, job: Job) -> tuple[str | None, str | None, str | None]:
    """The answer offered for download beside the verdict; it takes a number of its own, so it never
    repeats the identification of another answer (a number left unused is only a gap)."""
    from validators import NoAnswer, answer

    try:
        with _answer_numbers(job) as numbers:
            # The verdict is there already: no options needed to reach it again.
            result = answer(
                (name, data), identificatie=numbers.next(), dagtekening=job.today, report=file_report
            )
    except NoAnswer as exc:
        return None, None, str(exc)
    return result.data.decode("utf-8"), result.code, None


def respond_job(job: Job) -> tuple[bytes, str]:
    """The answer message of the first file, and its message code; NoAnswer says why not.

    Built as `productcodes respond` builds it: the same rules, the same conforming bytes, and an
    identification from the sequence kept in the database, so no two answers share one.
    """
    from validators import answer
    from validators.engine.pipeline import CONTENT_LEVELS

    name, data = job.files[0]
    with in_language(job.lang):
        # `productcodes respond` checks the content only (no technical level): the same answer here.
        options = replace(options_of(job), levels=CONTENT_LEVELS)
        with _answer_numbers(job) as numbers:
            result = answer((name, data), options, identificatie=numbers.next(), dagtekening=job.today)
        # As `productcodes respond` writes it: OP192's layout (one element per line, CR/LF).
        return result.data, result.code


@contextmanager
def _answer_numbers(job: Job):
    from validators.answers.sequence import StoreSequence

    if job.db_url is None:
        raise RuntimeError("the web service answers only with a database to keep its answer numbers in")
    from productcodes.db import make_engine

    engine = make_engine(job.db_url)
    try:
        with StoreSequence(engine, job.today) as numbers:
            yield numbers
    finally:
        engine.dispose()


# Report paths leave out [1] when an element occurs once: /Clienten/Client/Prestaties/Prestatie[2]/...
_CLIENT = re.compile(r"/Client(?:\[(\d+)\])?(?=/|$)")
_PRESTATIE = re.compile(
    r"/(Prestatie|ToegewezenProduct|Product|Aanvraag|Verzoek\w*|Mutatie)(?:\[(\d+)\])?(?=/|$)"
)


def _client_labels(data: bytes, file_report) -> dict[int, str]:
    """Client position -> "Client 2 (BSN ******120)": who a group of findings is about, masked."""
    from iwmo_ijw.parsing import MessageError, load
    from validators.findings import mask_bsn

    try:
        root = load(data).root
    except MessageError:
        return {}
    labels = {}
    clients = [el for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("}Client")]
    for number, client in enumerate(clients, 1):
        bsn = next(
            (el.text for el in client.iter() if isinstance(el.tag, str) and el.tag.endswith("}Bsn")), None
        )
        labels[number] = f"Client {number} (BSN {mask_bsn(bsn.strip())})" if bsn else f"Client {number}"
    return labels


def group_findings(findings: list[dict], clients: dict[int, str]) -> list[dict]:
    """Findings grouped by Client and then by Prestatie (or product), in the order they occur."""
    groups: dict[str, dict] = {}
    for finding in findings:
        xpath = finding.get("xpath") or ""
        client = _CLIENT.search(xpath)
        if client:
            number = int(client.group(1) or 1)
            title = clients.get(number, f"Client {number}")
        else:
            title = "Bericht (header en algemeen)"
        part = _PRESTATIE.search(xpath[client.end() :] if client else "")
        subtitle = f"{part.group(1)} {part.group(2) or 1}" if part else ""
        element = xpath.rstrip("/").rpartition("/")[2].split("[")[0] if xpath else ""
        group = groups.setdefault(title, {"title": title, "parts": {}})
        group["parts"].setdefault(subtitle, []).append({**finding, "element": element})
    return [
        {"title": g["title"], "parts": [{"title": t, "findings": f} for t, f in g["parts"].items()]}
        for g in groups.values()
    ]


def read_job(name: str, data: bytes, show_bsn: bool = False) -> dict:
    """A message as a tree of Dutch-labelled sections and fields (BSNs masked), for the reading page."""
    from iwmo_ijw.parsing import load
    from productcodes.web.reader import tree_view

    message = load(data, name=name)
    return tree_view(message, show_bsn)


def marked_example(code: str, xml: str) -> list[dict]:
    """The bad example's lines, those where the rule reports marked: [{"number", "text", "fault"}].

    Validated as the rule's fixture test does (the folder's today.txt, history/ and registry.json),
    so the marks are where the rule really reports; BSNs are masked in the lines shown.
    """
    from validators import validate

    report = validate([(f"{code}-fout.xml", xml.encode("utf-8"))], _fixture_options(code))
    faults = {f.line for f in report.files[0].findings if f.code == code and f.line}
    return [
        {"number": n, "text": mask_bsns(line), "fault": n in faults}
        for n, line in enumerate(xml.splitlines(), 1)
    ]


_BSN_ELEMENT = re.compile(r"(<(?:\w+:)?Bsn>)\s*(\d+)\s*(<)")


def mask_bsns(xml: str) -> str:
    """Every Bsn element's value masked (the last three digits stay), for XML shown on a page."""
    from validators.findings import mask_bsn

    return _BSN_ELEMENT.sub(lambda m: m.group(1) + mask_bsn(m.group(2)) + m.group(3), xml)


def _fixture_options(code: str):
    import json

    from validators import Options
    from validators.rules.docs import FIXTURES
    from validators.rules.registry import RuleSet

    folder = FIXTURES / code
    today_file = folder / "today.txt"
    today = date.fromisoformat(today_file.read_text().strip()) if today_file.exists() else date(2026, 12, 1)
    history = registry = None
    if (folder / "history").is_dir():
        from validators.sources.history import History

        history = History.from_paths(sorted((folder / "history").glob("*.xml")))
    if (folder / "registry.json").is_file():
        from validators.sources.snapshot import RegistrySnapshot

        registry = RegistrySnapshot.from_dict(
            json.loads((folder / "registry.json").read_text(encoding="utf-8"))
        )
    return Options(today=today, ruleset=RuleSet(select=(code,)), history=history, registry=registry)
