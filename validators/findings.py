"""Findings and reports: plain data that renderers and answer-message builders only read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding weighs: an error rejects, a warning or information does not."""

    ERROR = "error"  # the message (or line) is rejected; carries a retourcode where the standard has one
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found: its code, weight, retourcode, sentence and where in which file."""

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
        texts = _texts()
        if not show_bsn and (lang or texts.current_lang()) == self.lang:
            return self.message  # rendered once already, in this language
        return texts.render(self.key, dict(self.values), lang, show_bsn) or self.message

    def hint(self, lang: str | None = None) -> str | None:
        """What to do about this finding, in a language."""
        return _texts().hint(self.code, self.key, lang)

    def retourcode_description(self, lang: str | None = None) -> str | None:
        """A short description of the retourcode in a language (own words), None without one."""
        return _texts().retourcode_description(self.retourcode, lang)

    def as_dict(self, lang: str | None = None, show_bsn: bool = False) -> dict:
        """The finding as JSON-ready data, its message in `lang` with BSNs masked unless asked."""
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


_TEXTS: Any = None


def _texts() -> Any:
    """The message catalogue package, bound on first use (it imports the reporting package, which
    imports this module); a finding asks it for every rendering."""
    global _TEXTS
    if _TEXTS is None:
        from validators.reporting import texts

        _TEXTS = texts
    return _TEXTS


@dataclass(frozen=True, slots=True)
class Skipped:
    """A rule that did not run on a file, and why (no history, no registry data, a filter, no coverage)."""

    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.code}: {self.reason}"

    def as_dict(self) -> dict:
        """The skipped rule as JSON-ready data."""
        return {"code": self.code, "reason": self.reason}

    @classmethod
    def of(cls, entry: Skipped | str) -> Skipped:
        """Entries written as "CODE: reason" (older callers) read as structured ones."""
        if isinstance(entry, Skipped):
            return entry
        code, _, reason = str(entry).partition(":")
        return cls(code.strip(), reason.strip() or "not evaluated")


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
    skipped: list[Skipped] = field(default_factory=list)  # rules not evaluated, and why
    afzender: str | None = None  # Header/Afzender, for summaries per sender (not rendered)

    @property
    def valid(self) -> bool:
        """Whether no finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> list[Finding]:
        """The findings that reject."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    def mask(self, text: str | None, show_bsn: bool = False) -> str | None:
        """Mask every secret in `text`; costs the length of the text, not the number of secrets."""
        if text is None or show_bsn or not self.secrets:
            return text
        return mask_secrets(text, self.secrets)

    def skip(self, code: str, reason: str) -> None:
        """Record that rule `code` did not run on this file, once per code and reason."""
        entry = Skipped(code, reason)
        if entry not in self.skipped:
            self.skipped.append(entry)

    def skipped_entries(self) -> list[Skipped]:
        """The skipped rules as structured entries, each once, by code: the order rules are recorded
        in depends on which rule modules a process had already imported, a report's must not."""
        return sorted(
            dict.fromkeys(Skipped.of(entry) for entry in self.skipped), key=lambda s: (s.code, s.reason)
        )

    def message_of(self, finding: Finding, show_bsn: bool = False, lang: str | None = None) -> str:
        """A finding's message as every format shows it: in the language, BSNs masked twice over
        (by their type in catalogue values, and by value in free text)."""
        return self.mask(finding.text(lang, show_bsn), show_bsn) or ""

    def as_dict(self, show_bsn: bool = False, lang: str | None = None) -> dict:
        """The verdict as JSON-ready data: findings masked and in `lang`, skipped rules with reasons."""
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
            "skipped": [entry.as_dict() for entry in self.skipped_entries()],
        }


def mask_secrets(text: str, secrets: frozenset[str]) -> str:
    """Mask each whole digit run of `text` that is a secret: one pass over the text and a set lookup per
    run of a secret's length (nine digits for a BSN), never a pattern made of the secrets themselves.

    The rare secret that is no digit run (a malformed Bsn of an invalid message) is replaced
    as a substring. A text met before with the same secrets is masked once: the findings of
    one rule share a few sentences, however many lines they are about.
    """
    runs, odd, done = _plan(secrets)
    masked = done.get(text)
    if masked is not None:
        return masked
    masked = text
    if runs is not None:
        masked = runs.sub(lambda m: mask_bsn(m.group(0)) if m.group(0) in secrets else m.group(0), text)
    for secret in odd:
        masked = masked.replace(secret, mask_bsn(secret))
    if len(done) < _MASKED_MAX:
        done[text] = masked
    return masked


_MASKED_MAX = 4096  # masked texts kept per set of secrets
_plans: dict[int, tuple[frozenset[str], re.Pattern[str] | None, tuple[str, ...], dict[str, str]]] = {}


def _plan(secrets: frozenset[str]) -> tuple[re.Pattern[str] | None, tuple[str, ...], dict[str, str]]:
    # Made once per distinct set of secrets (one per message), not per finding.
    cached = _plans.get(id(secrets))
    if cached is not None and cached[0] is secrets:
        return cached[1], cached[2], cached[3]
    lengths = sorted({len(s) for s in secrets if s.isdigit()}, reverse=True)
    alternatives = "|".join(rf"\d{{{n}}}" for n in lengths)
    runs = re.compile(rf"(?<!\d)(?:{alternatives})(?!\d)") if lengths else None
    odd = tuple(sorted((s for s in secrets if s and not s.isdigit()), key=len, reverse=True))
    if len(_plans) > 64:
        _plans.clear()
    _plans[id(secrets)] = (secrets, runs, odd, {})
    return runs, odd, _plans[id(secrets)][3]


@dataclass(slots=True)
class Report:
    """The verdicts of a validation, one FileReport per message in the order given."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether every file is free of errors."""
        return all(f.valid for f in self.files)

    def as_dict(self, show_bsn: bool = False, lang: str | None = None) -> dict:
        """Every file's verdict as JSON-ready data."""
        return {"files": [f.as_dict(show_bsn, lang) for f in self.files]}
