"""Validation of iJw/iWmo messages: XSD, in-message, cross-message and registry rules.

The public API, the one entrance for the command line and the web service:

    from validators import Options, validate
    report = validate([("declaratie.xml", data)], Options(today=date(2026, 4, 1)))

    from validators import answer
    answered = answer("JW323.xml", Options(), identificatie="A-1", dagtekening=date(2026, 4, 1))

Names are resolved lazily so that importing a submodule (`validators.findings`) does not load the
engine, lxml and the rules.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from validators.answers.respond import Answered, NoAnswer
    from validators.engine.pipeline import Options
    from validators.findings import FileReport, Finding, Report

__all__ = ["Answered", "Finding", "NoAnswer", "Options", "Report", "answer", "validate"]

Item = str | os.PathLike | tuple[str, bytes]


def validate(items: Iterable[Item], options: Options | None = None) -> Report:
    """Validate messages in order: each a path, or a (name, bytes) pair for content held in memory.

    Never raises for bad input: a file that cannot be read as a message becomes a finding, as in
    `productcodes validate`. A path is read whole or a chunk of Clients at a time as
    `Options.stream` says (None: by its size); content held in memory is read whole.
    """
    from validators.engine.pipeline import Options
    from validators.engine.pipeline import validate as validate_whole
    from validators.engine.stream import validate_auto, validate_stream
    from validators.findings import Report

    options = options or Options()
    by_path = {None: validate_auto, True: validate_stream, False: validate_whole}[options.stream]
    report = Report()
    for item in items:
        if isinstance(item, tuple):
            name, data = item
            report.files.append(validate_whole(data, options, name=name))
        else:
            report.files.append(by_path(item, options))
    return report


def answer(
    item: Item,
    options: Options | None = None,
    *,
    identificatie: str,
    dagtekening: date,
    report: FileReport | None = None,
) -> Answered:
    """The official answer to one message (retour message or JW325), with the verdict it rests on.

    Raises NoAnswer, with the reason, when the message gets none (unreadable, refused by the XSD,
    or itself an answer). `report`: a verdict already reached on this content with these options.
    """
    from validators.answers.respond import answer_to

    name, source = item if isinstance(item, tuple) else (None, item)
    return answer_to(
        source, options, name=name, identificatie=identificatie, dagtekening=dagtekening, report=report
    )


def __getattr__(name: str) -> Any:
    if name == "Options":
        from validators.engine.pipeline import Options

        return Options
    if name in ("Finding", "Report"):
        from validators import findings

        return getattr(findings, name)
    if name in ("Answered", "NoAnswer"):
        from validators.answers import respond

        return getattr(respond, name)
    raise AttributeError(f"module 'validators' has no attribute {name!r}")
