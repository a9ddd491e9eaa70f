"""Uploads: the size limit, safe file names and the options of a validation request.

Uploaded bytes stay in memory (Starlette spools large multipart parts to anonymous temporary
files, which the operating system removes when they are closed at the end of the request).
"""

from __future__ import annotations

import re
from datetime import date

from fastapi import HTTPException
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from validators.cli.options import split_codes

FORMATS = ("json", "sarif", "junit")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


class TooLarge(Exception):
    """The body passed the configured limit while it was being received."""


def too_large_text(limit: int) -> str:
    """The message (Dutch, shown to the user) for a file over the limit of `limit` bytes."""
    return (
        f"Het bestand is te groot: de grens is {limit // (1024 * 1024)} MB per verzoek. "
        "Splits het bericht of vraag de beheerder de grens te verhogen."
    )


class SizeLimit:
    """ASGI middleware: 413 for a body over `limit` bytes, by Content-Length or while it streams in."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, or answer 413 once the body is over the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send)
            return
        received, started = 0, False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except TooLarge:
            if started:
                raise
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        from starlette.responses import JSONResponse, PlainTextResponse

        text = too_large_text(self.limit)
        wants_json = scope.get("path", "").startswith("/api/")
        response = JSONResponse({"detail": text}, 413) if wants_json else PlainTextResponse(text, 413)
        await response(scope, _drain, send)


async def _drain() -> Message:
    return {"type": "http.disconnect"}


def safe_name(filename: str | None, fallback: str = "bericht.xml") -> str:
    """The last part of an uploaded file name, without folders or control characters (never a path)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    return name[:120] or fallback


async def uploaded_files(form) -> list[tuple[str, bytes]]:
    """(safe name, bytes) of every file field of a multipart form, in order; empty file fields skipped."""
    files = []
    for _, value in form.multi_items():
        if isinstance(value, UploadFile) and (value.filename or value.size):
            files.append((safe_name(value.filename), await value.read()))
    return files


def parse_today(value: str | None) -> date:
    """The system date for date rules (YYYY-MM-DD), default today; 400 on anything else."""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(400, f"today: {value!r} is geen datum (JJJJ-MM-DD)") from None


def parse_codes(values: list[str] | None) -> tuple[str, ...]:
    """select/ignore as the CLI reads them: repeatable, comma-separated, upper-cased."""
    return split_codes(tuple(values or ()))


def parse_format(value: str | None) -> str:
    """The report format asked for (default json); 400 for an unknown one."""
    fmt = (value or "json").lower()
    if fmt not in FORMATS:
        raise HTTPException(400, f"format: {value!r} is onbekend; kies json, sarif of junit")
    return fmt


def parse_bool(value: str | None) -> bool:
    """A form flag: 1, true, yes, ja or on mean true."""
    return (value or "").lower() in ("1", "true", "yes", "ja", "on")


def parse_lang(value: str | None) -> str | None:
    """`lang` as the CLI's --lang: nl or en (any case); empty means the CLI's default."""
    from validators.reporting.texts import LANGS, check_lang

    if value is None or not value.strip():
        return None
    try:
        return check_lang(value)
    except ValueError:
        raise HTTPException(400, f"lang: {value!r} is onbekend; kies {' of '.join(LANGS)}") from None
