"""The sentences of every finding, per language: Dutch first, English on request.

A rule supplies a catalogue key (its code, or "CODE.kind" where it reports several kinds of
finding) and named values; the catalogue of the chosen language supplies the sentence and the
hint. Values are typed where the type matters for output: a `Bsn` is masked when rendered
unless the caller asks for it in full, wherever the value came from (message, history, store
or registry), so masking does not depend on knowing the message's BSNs in advance.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from contextvars import ContextVar
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from importlib import import_module
from types import ModuleType
from typing import Any

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"
ENV_VAR = "PRODUCTCODES_LANG"

_chosen: ContextVar[str | None] = ContextVar("productcodes_lang", default=None)


class Bsn(str):
    """A burgerservicenummer as a finding value: rendered masked unless asked for in full."""

    __slots__ = ()


def mask_bsn(bsn: str) -> str:
    """Keep the last three digits so a person can still tell two clients apart."""
    return "*" * max(len(bsn) - 3, 0) + bsn[-3:]


def check_lang(lang: str) -> str:
    """The language code, lower-cased; a ValueError names the choices for anything else."""
    wanted = (lang or "").strip().lower()
    if wanted not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return wanted


def set_lang(lang: str | None) -> None:
    """Choose the language of every later rendering in this context (None: back to the default)."""
    _chosen.set(check_lang(lang) if lang is not None else None)


def current_lang() -> str:
    """--lang when set, else PRODUCTCODES_LANG when it names a known language, else Dutch."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    env = os.environ.get(ENV_VAR)
    if not env:
        return DEFAULT_LANG
    env = env.strip().lower()
    return env if env in LANGS else DEFAULT_LANG


def catalogue(lang: str | None = None) -> ModuleType:
    """The module with MESSAGES, HINTS, RETOURCODES, CODES and SCHEMA tables of a language."""
    wanted = lang if lang in LANGS else check_lang(lang or current_lang())
    return _catalogue(wanted)


@cache
def _catalogue(lang: str) -> ModuleType:
    return import_module(f"{__name__}.{lang}")


@lru_cache(maxsize=4096)
def _parsed(template: str) -> tuple[tuple[str, str | None, str], ...]:
    # Findings come by the hundred thousand on a large declaration: parse each sentence once.
    return tuple(
        (literal, field, spec or "") for literal, field, spec, _ in string.Formatter().parse(template)
    )


_PLAIN = frozenset({str, int})  # exact types: a Bsn is a str subclass and must not pass as plain


class _Formatter:
    def __init__(self, lang: str, show_bsn: bool) -> None:
        self.lang, self.show_bsn = lang, show_bsn

    def vformat(self, template: str, values: Mapping[str, Any]) -> str:
        parts = []
        for literal, field, spec in _parsed(template):
            parts.append(literal)
            if field is not None:
                value = values[field]
                # plain texts and counts are most values: no conversion, no format spec
                shown = value if type(value) in _PLAIN else self.shown(value)
                parts.append(format(shown, spec) if spec else str(shown))
        return "".join(parts)

    def shown(self, value: Any) -> Any:
        # Bsn before str: a Bsn is a str, and the order is what makes masking structural.
        if isinstance(value, Bsn):
            return str(value) if self.show_bsn else mask_bsn(str(value))
        if value is None:
            return "(leeg)" if self.lang == "nl" else "(empty)"
        if isinstance(value, date):
            return value.strftime("%d-%m-%Y") if self.lang == "nl" else value.isoformat()
        if isinstance(value, (float, Decimal)):
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            return shown.replace(".", ",") if self.lang == "nl" else shown
        if isinstance(value, (tuple, list, frozenset, set)):
            return ", ".join(str(self.shown(v)) for v in value)
        return value


def render(
    key: str, values: Mapping[str, Any], lang: str | None = None, show_bsn: bool = False
) -> str | None:
    """The sentence for a catalogue key in a language, or None when no catalogue knows the key."""
    if lang not in LANGS:
        lang = check_lang(lang) if lang else current_lang()
    extra = _schema_values(key, values, lang, show_bsn) if key.startswith(("XSD", "RS", "CS")) else None
    template = _lookup("MESSAGES", f"{key}.known" if extra and extra.get("uitleg") else key, lang)
    if template is None:
        return None
    try:
        return _FORMATTERS[lang, show_bsn].vformat(template, {**values, **extra} if extra else values)
    except (KeyError, IndexError, ValueError):
        # A rule that passes fewer values than its sentence names must not cost the report.
        return None


def _schema_values(key: str, values: Mapping[str, Any], lang: str, show_bsn: bool) -> dict[str, Any]:
    """Schema findings name what the XSD wants through the constraint's code, in the reader's language;
    libxml2's own detail is said in Dutch where its shape is known."""
    if key == "XSD.libxml2":
        return _libxml2_values(values, lang, show_bsn)
    code = values.get("constraint")
    if not code:
        return {}
    explain = catalogue(lang).SCHEMA.get(code)
    if explain is None and lang != DEFAULT_LANG:
        explain = values.get("explain")  # the constraint's own (English) wording
    return {"explain": explain or catalogue(DEFAULT_LANG).SCHEMA.get(code) or values.get("explain", "")}


_DIGITS = re.compile(r"\d{4,}")
_BSN_ELEMENT = re.compile(r"Element '(?:\{[^}]*\})?(?:\w+:)?Bsn'")


def _libxml2_values(values: Mapping[str, Any], lang: str, show_bsn: bool) -> dict[str, Any]:
    from validators.reporting.texts.libxml2 import in_dutch

    detail = str(values.get("detail", ""))
    if (values.get("element") == "Bsn" or _BSN_ELEMENT.search(detail)) and not show_bsn:
        # libxml2 quotes the offending value: for a Bsn that is the number itself.
        detail = _DIGITS.sub(lambda m: mask_bsn(m.group(0)), detail)
    said = in_dutch(detail) if lang == "nl" else None
    return {"detail": detail, "uitleg": said or ""}


_FORMATTERS = {(lang, show): _Formatter(lang, show) for lang in LANGS for show in (False, True)}


@lru_cache(maxsize=8192)
def _lookup(table: str, key: str, lang: str, fallback: bool = True) -> str | None:
    """The key, then the kind for any rule ("*.required"), then the rule code alone; in the
    language, then (with fallback) in the other language."""
    base, _, kind = key.partition(".")
    candidates = (key, f"*.{kind}", base) if kind else (key,)
    languages = (lang, *(other for other in LANGS if other != lang)) if fallback else (lang,)
    for name in languages:
        entries = getattr(catalogue(name), table)
        for candidate in candidates:
            if candidate in entries:
                return entries[candidate]
    return None


def hint(code: str, key: str | None = None, lang: str | None = None) -> str | None:
    """What to do about a finding: the hint of its key, else of its rule code."""
    lang = check_lang(lang or current_lang())
    # A hint in another language than the report's would be noise: no fallback between languages.
    found = _lookup("HINTS", key, lang, fallback=False) if key else None
    return found or (_lookup("HINTS", code, lang, fallback=False) if code else None)


def retourcode_description(retourcode: str | None, lang: str | None = None) -> str | None:
    """A short description of a retourcode in the project's own words, or None when unknown."""
    if not retourcode:
        return None
    return _lookup("RETOURCODES", retourcode, check_lang(lang or current_lang()), fallback=False)


def code_description(code: str, lang: str | None = None) -> str | None:
    """The description of a finding code that is no rule (XML, XML-UNSAFE, BERICHT, RELEASE, XSD, FILE)."""
    return _lookup("CODES", code.upper(), check_lang(lang or current_lang()))


def rule_description(code: str, fallback: str = "", lang: str | None = None) -> str:
    """A rule's one-line description in the language (the English docstring is the fallback)."""
    lang = check_lang(lang or current_lang())
    found = getattr(catalogue(lang), "DESCRIPTIONS", {}).get(code)
    return found or fallback


def explanation(finding: Any, lang: str | None = None, show_bsn: bool = False) -> str:
    """A finding as one explanation: what was found and what to do (for answer messages and pages)."""
    sentence = finding.text(lang, show_bsn)
    advice = finding.hint(lang)
    return f"{sentence} {advice}" if advice else sentence
