"""The HTTP API, version 1. Reports are the CLI's renderers' output, byte for byte.

curl -F files=@declaratie.xml 'http://127.0.0.1:8000/api/v1/validate?today=2026-04-01'
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from productcodes.protocol import ProtocolError
from productcodes.web import auth, registry_ops, work
from productcodes.web.uploads import (
    parse_bool,
    parse_codes,
    parse_format,
    parse_lang,
    parse_today,
    uploaded_files,
)

router = APIRouter(prefix="/api/v1")
# Repeatable and comma-separated, like the CLI's --select and --ignore (?select=TR3&select=CS015)
Codes = Annotated[list[str] | None, Query()]
MEDIA = {"json": "application/json", "sarif": "application/sarif+json", "junit": "application/xml"}


async def _files(request: Request) -> list[tuple[str, bytes]]:
    """Multipart files, or the raw body as one message (Content-Type application/xml or text/xml)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form(max_files=1000)
        files = await uploaded_files(form)
    else:
        body = await request.body()
        files = [(request.query_params.get("name") or "<body>", body)] if body else []
    if not files:
        raise HTTPException(
            400,
            "geen bericht ontvangen: stuur bestanden als multipart (veld 'files') "
            "of één bericht als XML-body",
        )
    return files


def _job(request: Request, files, *, today, select, ignore, registry, fmt="json", lang=None) -> work.Job:
    settings = request.app.state.settings
    return work.Job(
        files=tuple(files),
        today=parse_today(today),
        select=parse_codes(select),
        ignore=parse_codes(ignore),
        registry=parse_bool(registry),
        db_url=settings.db_url,
        fmt=fmt,
        lang=parse_lang(lang),
    )


def _may_validate(request: Request) -> None:
    if request.app.state.settings.validation_open:
        return
    if auth.signed_in(request) is None and auth.basic_user(request, request.app.state.engine) is None:
        raise HTTPException(401, "valideren vraagt om een aangemelde gebruiker op deze server")


@router.post("/validate", tags=["validatie"], summary="Validate one or more messages")
async def validate(
    request: Request,
    today: str | None = None,
    select: Codes = None,
    ignore: Codes = None,
    registry: str | None = None,
    format: str | None = None,
    lang: str | None = None,
) -> Response:
    """The report of `productcodes validate --format FORMAT` for the uploaded files (multipart field
    `files`, repeatable) or one raw XML body, in `lang` (nl, the default, or en) as `--lang`.
    Header `X-Productcodes-Valid` says whether all are valid."""
    _may_validate(request)
    fmt = parse_format(format)
    job = _job(
        request,
        await _files(request),
        today=today,
        select=select,
        ignore=ignore,
        registry=registry,
        fmt=fmt,
        lang=lang,
    )
    outcome = await request.app.state.pool.run(work.validate_job, job)
    return Response(
        outcome.text,
        media_type=MEDIA[fmt],
        headers={"X-Productcodes-Valid": "true" if outcome.valid else "false"},
    )


@router.post("/respond", tags=["validatie"], summary="The answer message of a message")
async def respond(
    request: Request,
    today: str | None = None,
    ignore: Codes = None,
    registry: str | None = None,
    lang: str | None = None,
) -> Response:
    """The answer message (JW302 … JW325) of the first uploaded message, as XML (texts in `lang`)."""
    from validators import NoAnswer

    _may_validate(request)
    job = _job(
        request,
        (await _files(request))[:1],
        today=today,
        select=None,
        ignore=ignore,
        registry=registry,
        lang=lang,
    )
    try:
        xml, code = await request.app.state.pool.run(work.respond_job, job)
    except NoAnswer as exc:
        raise HTTPException(422, f"geen antwoordbericht: {exc}") from None
    stem = job.files[0][0].rsplit(".", 1)[0]
    return Response(
        xml,
        media_type="application/xml",
        headers={"Content-Disposition": f'attachment; filename="{stem}.{code}.xml"'},
    )


@router.get("/rules", tags=["regels"])
def rules(message: str | None = None, level: str | None = None, lang: str | None = None) -> list[dict]:
    """The rule catalogue as implemented, as `productcodes rules list --format json [--lang LANG]`."""
    from productcodes.errors import UserError
    from validators.cli.rules import rule_rows

    try:
        with work.in_language(parse_lang(lang)) as chosen:
            return rule_rows(message, level, chosen)
    except UserError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/rules/{code}", tags=["regels"])
def rule(code: str, lang: str | None = None) -> dict:
    """One rule with its good and bad example (where this installation has them)."""
    from validators.cli.rules import rule_rows
    from validators.rules.docs import fixture_text

    with work.in_language(parse_lang(lang)) as chosen:
        rows = [r for r in rule_rows(lang=chosen) if r["code"] == code.upper()]
    if not rows:
        raise HTTPException(404, f"geen regel {code!r}")
    return {
        **rows[0],
        "good_example": fixture_text(rows[0]["code"], "good"),
        "bad_example": fixture_text(rows[0]["code"], "bad"),
    }


def _day(on: str | None) -> date:
    return parse_today(on)


@router.get("/registry/lookup", tags=["register"])
def lookup(request: Request, gemeente: str, code: str, on: str | None = None) -> dict:
    """What a gemeente's product code means on a date (default today)."""
    try:
        return registry_ops.lookup(request.app.state.engine, gemeente, code, _day(on))
    except ProtocolError as exc:
        raise HTTPException(404, str(exc)) from None


@router.get("/registry/report", tags=["register"])
def report(request: Request, on: str | None = None) -> dict:
    """The reduction report: coverage per jeugdregio and productcategorie, codes per national product."""
    return registry_ops.reduction(request.app.state.engine, _day(on)).as_dict()


@router.get("/registry/report.png", tags=["register"], response_class=Response)
def report_png(request: Request, on: str | None = None) -> Response:
    """The reduction chart (PNG)."""
    return Response(registry_ops.chart_png(request.app.state.engine, _day(on)), media_type="image/png")


def api_user(request: Request) -> tuple[str, str]:
    """The caller: HTTP Basic, or the session cookie together with the X-CSRF-Token header."""
    found = auth.basic_user(request, request.app.state.engine)
    if found is None and auth.signed_in(request) is not None:
        if request.method != "GET":
            auth.check_csrf(request, request.headers.get("x-csrf-token"))
        found = auth.signed_in(request)
    if found is None:
        raise HTTPException(401, "aanmelden vereist (HTTP Basic of een sessie)")
    return found


def maintainer(user: tuple[str, str] = Depends(api_user)) -> str:
    """The signed-in user's name when they may change the registry; 403 otherwise."""
    if user[1] != "maintainer":
        raise HTTPException(403, "alleen beheerders (rol maintainer) mogen het register wijzigen")
    return user[0]


@router.get("/registry/proposals", tags=["register"])
def proposals(
    request: Request,
    gemeente: str | None = None,
    jeugdregio: str | None = None,
    min_confidence: float | None = None,
    zoek: str | None = None,
    sort: str = "confidence",
    limit: int = 200,
    user: tuple[str, str] = Depends(api_user),
) -> list[dict]:
    """Open proposals as `productcodes review` lists them (with their `version`, needed to approve or
    reject them); `sort` is one of confidence, gemeente, jeugdregio, code, nationale_code, nieuwste."""
    return registry_ops.proposals(
        request.app.state.engine,
        gemeente=gemeente,
        jeugdregio=jeugdregio,
        min_confidence=min_confidence,
        zoek=zoek,
        sort=sort,
        limit=min(limit, 5000),
    )


class Decision(BaseModel):
    """Besluit over een voorstel: de versie waarop het slaat en, bij afwijzen, de reden."""

    version: int
    reden: str | None = None


def _decide(action, *args) -> dict | JSONResponse:
    try:
        return action(*args)
    except registry_ops.Stale as exc:
        return JSONResponse({"detail": str(exc), "current": exc.current}, 409)
    except ProtocolError as exc:
        raise HTTPException(422, str(exc)) from None


@router.post("/registry/proposals/{mapping_id}/approve", tags=["register"])
def approve(request: Request, mapping_id: int, decision: Decision, door: str = Depends(maintainer)):
    """Approve at the version read; 409 with the current state when someone changed it since."""
    return _decide(registry_ops.approve, request.app.state.engine, door, mapping_id, decision.version)


@router.post("/registry/proposals/{mapping_id}/reject", tags=["register"])
def reject(request: Request, mapping_id: int, decision: Decision, door: str = Depends(maintainer)):
    """Reject at the version read, with a required reason; 409 when someone changed it since."""
    return _decide(
        registry_ops.reject,
        request.app.state.engine,
        door,
        mapping_id,
        decision.version,
        decision.reden or "",
    )
