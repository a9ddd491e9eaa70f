"""Findings and reports: plain data that renderers and answer-message builders only read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"  # the message (or line) is rejected; carries a retourcode where the standard has one
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # "TR346", "CD007", "RS017", "XSD", "XML"
    severity: Severity
    retourcode: str | None
    message: str
    xpath: str | None = None  # /Bericht/Client[2]/Prestaties/Prestatie[3]/IngediendBedrag
    line: int | None = None
    file: str | None = None
    message_type: str | None = None
    # The catalogue key ("TR346", "TR314.earlier") and its values: `message` is their rendering
    # (default language, BSNs masked); renderers ask `text()` for another language or full BSNs.
    key: str | None = None
    values: tuple[tuple[str, Any], ...] = ()
    lang: str | None = None  # the language `message` was rendered in (BSNs masked)

    def text(self, lang: str | None = None, show_bsn: bool = False) -> str:
        """The message in a language (default: the chosen one); free-text findings keep `message`."""
        if self.key is None:
            return self.message
        from validators.texts import current_lang, render

        if not show_bsn and (lang or current_lang()) == self.lang:
            return self.message  # rendered once already, in this language
        return render(self.key, dict(self.values), lang, show_bsn) or self.message

    def hint(self, lang: str | None = None) -> str | None:
        """What to do about this finding, in a language."""
        from validators.texts import hint

        return hint(self.code, self.key, lang)

    def retourcode_description(self, lang: str | None = None) -> str | None:
        """A short description of the retourcode in a language (own words), None without one."""
        from validators.texts import retourcode_description

        return retourcode_description(self.retourcode, lang)

    def as_dict(self, lang: str | None = None, show_bsn: bool = False) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "retourcode": self.retourcode,
            "retourcode_description": self.retourcode_description(lang),
            "message": self.text(lang, show_bsn),
            "hint": self.hint(lang),
            "xpath": self.xpath,
            "line": self.line,
        }


def mask_bsn(bsn: str) -> str:
    """Keep the last three digits so a person can still tell two clients apart."""
    return "*" * max(len(bsn) - 3, 0) + bsn[-3:]


@dataclass(slots=True)
class FileReport:
    """The verdict on one file. `secrets` are values (BSNs) masked in every rendering unless asked."""

    file: str | None
    standard: str | None = None
    release: str | None = None
    message_type: str | None = None
    findings: list[Finding] = field(default_factory=list)
    secrets: frozenset[str] = frozenset()
    skipped: list[str] = field(default_factory=list)  # rules not evaluated, and why
    afzender: str | None = None  # Header/Afzender, for summaries per sender (not rendered)

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def mask(self, text: str | None, show_bsn: bool = False) -> str | None:
        if text is None or show_bsn or not self.secrets:
            return text
        pattern = _secrets_pattern(self.secrets)
        return pattern.sub(lambda m: mask_bsn(m.group(0)), text)

    def message_of(self, finding: Finding, show_bsn: bool = False, lang: str | None = None) -> str:
        """A finding's message as every format shows it: in the language, BSNs masked twice over
        (by their type in catalogue values, and by value in free text)."""
        return self.mask(finding.text(lang, show_bsn), show_bsn) or ""

    def as_dict(self, show_bsn: bool = False, lang: str | None = None) -> dict:
        findings = []
        for f in self.findings:
            record = f.as_dict(lang, show_bsn)
            record["message"] = self.mask(record["message"], show_bsn)  # second defence: free text
            findings.append(record)
        return {
            "file": self.file,
            "standard": self.standard,
            "release": self.release,
            "message_type": self.message_type,
            "valid": self.valid,
            "findings": findings,
        }


def _secrets_pattern(secrets: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(s) for s in secrets if s), key=len, reverse=True))
    return re.compile(rf"(?<!\d)(?:{alternatives})(?!\d)")


@dataclass(slots=True)
class Report:
    files: list[FileReport] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)

    def as_dict(self, show_bsn: bool = False, lang: str | None = None) -> dict:
        return {"files": [f.as_dict(show_bsn, lang) for f in self.files]}
