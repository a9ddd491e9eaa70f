"""The Dutch pages: server-rendered, usable without JavaScript, forms protected by a CSRF token."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from productcodes.protocol import ProtocolError
from productcodes.web import auth, registry_ops, work
from productcodes.web.uploads import parse_bool, parse_codes, parse_lang, parse_today, uploaded_files

router = APIRouter(include_in_schema=False)


def render(
    request: Request, template: str, context: dict | None = None, status_code: int = 200
) -> HTMLResponse:
    """A page with what every page needs: the user, the CSRF token, the settings."""
    base = {
        "request": request,
        "user": auth.signed_in(request),
        "csrf": auth.csrf_token(request),
        "open": request.app.state.settings.validation_open,
    }
    return request.app.state.templates.TemplateResponse(
        request, template, {**base, **(context or {})}, status_code=status_code
    )


async def _form(request: Request):
    form = await request.form(max_files=1000)
    auth.check_csrf(request, form.get("csrf"))
    return form


def _need_user(request: Request, role: str | None = None) -> tuple[str, str]:
    user = auth.signed_in(request)
    if user is None:
        raise HTTPException(401, "Meld u eerst aan.")
    if role and user[1] != role:
        raise HTTPException(403, "Alleen beheerders (rol maintainer) mogen dit.")
    return user


@router.get("/", response_class=HTMLResponse)
def upload_page(request: Request):
    """The start page: choose messages to check."""
    return render(request, "upload.html", {"today": date.today().isoformat()})


@router.post("/valideren", response_class=HTMLResponse)
async def validate_page(request: Request):
    """Check the uploaded files and show the verdicts."""
    form = await _form(request)
    if not request.app.state.settings.validation_open:
        _need_user(request)
    files = await uploaded_files(form)
    if not files:
        raise HTTPException(400, "Kies ten minste één bestand om te controleren.")
    job = work.Job(
        files=tuple(files),
        today=parse_today(form.get("today")),
        select=parse_codes(form.getlist("select")),
        ignore=parse_codes(form.getlist("ignore")),
        registry=parse_bool(form.get("registry")),
        db_url=request.app.state.settings.db_url,
        lang=parse_lang(form.get("lang")),
    )
    outcome = await request.app.state.pool.run(work.validate_job, job, details=True)
    return render(
        request,
        "resultaat.html",
        {"outcome": outcome, "today": job.today.isoformat(), "lang": job.lang or "nl"},
    )


@router.get("/lezen", response_class=HTMLResponse)
def read_form(request: Request):
    """The form to read a message."""
    return render(request, "lezen.html", {"view": None})


@router.post("/lezen", response_class=HTMLResponse)
async def read_page(request: Request):
    """One message as a readable page."""
    from iwmo_ijw.parsing import MessageError

    form = await _form(request)
    files = await uploaded_files(form)
    if not files:
        raise HTTPException(400, "Kies een bericht om te lezen.")
    name, data = files[0]
    try:
        view = await request.app.state.pool.run(work.read_job, name, data)
    except MessageError as exc:
        return render(request, "lezen.html", {"view": None, "error": f"{name}: {exc}"}, status_code=422)
    return render(request, "lezen.html", {"view": view, "name": name})


@router.get("/regels", response_class=HTMLResponse)
def rules_page(request: Request, q: str = "", lang: str = ""):
    """The rule catalogue, filtered by a search text, its descriptions in `lang`."""
    from validators.cli.rules import rule_rows

    with work.in_language(parse_lang(lang)) as chosen:
        rows = rule_rows(lang=chosen)
    needle = q.strip().lower()
    if needle:
        rows = [
            r
            for r in rows
            if needle in " ".join([r["code"], r["description"], r["target"], " ".join(r["messages"])]).lower()
        ]
    return render(request, "regels.html", {"rows": rows, "q": q, "lang": chosen})


@router.get("/regels/{code}", response_class=HTMLResponse)
async def rule_page(request: Request, code: str, lang: str = ""):
    """One rule with its good example and its bad one, the fault marked."""
    from validators.cli.rules import rule_rows
    from validators.rules.docs import fixture_text

    with work.in_language(parse_lang(lang)) as chosen:
        rows = [r for r in rule_rows(lang=chosen) if r["code"] == code.upper()]
    if not rows:
        raise HTTPException(404, f"Er is geen regel {code}.")
    row = rows[0]
    good, bad = fixture_text(row["code"], "good"), fixture_text(row["code"], "bad")
    marked = await request.app.state.pool.run(work.marked_example, row["code"], bad) if bad else []
    return render(
        request,
        "regel.html",
        {"rule": row, "good": work.mask_bsns(good) if good else None, "bad_lines": marked},
    )


@router.get("/register", response_class=HTMLResponse)
def registry_page(request: Request, gemeente: str = "", code: str = "", on: str = ""):
    """Look up what a gemeente's code means."""
    result = error = None
    if gemeente and code:
        try:
            result = registry_ops.lookup(request.app.state.engine, gemeente, code, parse_today(on))
        except ProtocolError as exc:
            error = str(exc)
    return render(
        request,
        "register.html",
        {
            "gemeente": gemeente,
            "code": code,
            "on": on or date.today().isoformat(),
            "result": result,
            "error": error,
        },
    )


@router.get("/register/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, on: str = ""):
    """Reduction figures and chart on a date."""
    day = parse_today(on)
    return render(
        request,
        "dashboard.html",
        {"r": registry_ops.reduction(request.app.state.engine, day), "on": day.isoformat()},
    )


FILTERS = ("gemeente", "jeugdregio", "zekerheid", "zoek", "sort")


def _confidence(value: str) -> float | None:
    try:
        return float(value.replace(",", ".")) if value.strip() else None
    except ValueError:
        raise HTTPException(400, f"Minimale zekerheid {value!r} is geen getal (bijv. 0,8).") from None


def _proposals_view(request: Request, chosen: dict, results: list[dict] | None, status_code: int = 200):
    """The proposals page with the list filtered and sorted as `chosen` says."""
    rows = registry_ops.proposals(
        request.app.state.engine,
        gemeente=chosen["gemeente"],
        jeugdregio=chosen["jeugdregio"],
        min_confidence=_confidence(chosen["zekerheid"]),
        zoek=chosen["zoek"],
        sort=chosen["sort"],
    )
    context = {
        **chosen,
        "rows": rows,
        "sorts": list(registry_ops.SORTS),
        "regios": registry_ops.jeugdregios(request.app.state.engine),
        "results": results,
    }
    return render(request, "voorstellen.html", context, status_code=status_code)


@router.get("/register/voorstellen", response_class=HTMLResponse)
def proposals_page(
    request: Request,
    gemeente: str = "",
    jeugdregio: str = "",
    zekerheid: str = "",
    zoek: str = "",
    sort: str = "confidence",
):
    """Open proposals, for signed-in users: filtered by gemeente, jeugdregio, minimal confidence, a text."""
    _need_user(request)
    chosen = dict(gemeente=gemeente, jeugdregio=jeugdregio, zekerheid=zekerheid, zoek=zoek, sort=sort)
    return _proposals_view(request, chosen, None)


@router.post("/register/voorstellen", response_class=HTMLResponse)
async def decide_page(request: Request):
    """Approve or reject the checked proposals (maintainers)."""
    form = await _form(request)
    door, _ = _need_user(request, "maintainer")
    action, reden = form.get("actie"), (form.get("reden") or "").strip()
    chosen = form.getlist("kies")
    results: list[dict] = []
    if action not in ("goedkeuren", "afwijzen"):
        raise HTTPException(400, "Kies goedkeuren of afwijzen.")
    if not chosen:
        results.append({"ok": False, "text": "Er is geen voorstel gekozen."})
    elif action == "afwijzen" and not reden:
        results.append({"ok": False, "text": "Een afwijzing heeft een reden nodig; er is niets opgeslagen."})
    else:
        results = [_decide(request, door, action, item, reden) for item in chosen]
    # The list as the maintainer had filtered and sorted it, now without the decided ones.
    kept = {name: str(form.get(name) or "") for name in FILTERS}
    kept["sort"] = kept["sort"] or "confidence"
    status = 409 if any(r.get("conflict") for r in results) else 200
    return _proposals_view(request, kept, results, status_code=status)


def _decide(request: Request, door: str, action: str, item: str, reden: str) -> dict:
    """One checked proposal, sent as "ID:VERSION" so a stale page cannot overwrite a newer state."""
    mapping_id, _, version = item.partition(":")
    if not (mapping_id.isdigit() and version.isdigit()):
        return {"ok": False, "text": f"onbekende keuze {item!r}"}
    engine = request.app.state.engine
    try:
        if action == "goedkeuren":
            registry_ops.approve(engine, door, int(mapping_id), int(version))
            return {"ok": True, "text": f"Voorstel {mapping_id} is goedgekeurd."}
        registry_ops.reject(engine, door, int(mapping_id), int(version), reden)
        return {"ok": True, "text": f"Voorstel {mapping_id} is afgewezen."}
    except registry_ops.Stale as exc:
        return {"ok": False, "conflict": True, "text": f"Conflict: {exc}."}
    except ProtocolError as exc:
        return {"ok": False, "text": f"Voorstel {mapping_id}: {exc}"}


@router.get("/register/audit", response_class=HTMLResponse)
def audit_page(request: Request, sleutel: str = "", gemeente: str = "", door: str = ""):
    """The newest audit entries, for signed-in users: a text in the key, a gemeente, who."""
    _need_user(request)
    rows = registry_ops.audit_log(request.app.state.engine, sleutel=sleutel, gemeente=gemeente, door=door)
    return render(
        request, "audit.html", {"rows": rows, "sleutel": sleutel, "gemeente": gemeente, "door": door}
    )


@router.get("/inloggen", response_class=HTMLResponse)
def login_form(request: Request, error: str | None = None):
    """The sign-in form."""
    return render(request, "inloggen.html", {"error": error})


@router.post("/inloggen", response_class=HTMLResponse)
async def login(request: Request):
    """Sign in: a new session with name, role and CSRF token."""
    form = await _form(request)
    naam, password = (form.get("naam") or "").strip(), form.get("wachtwoord") or ""
    role = auth.check_password(request.app.state.engine, naam, password) if naam else None
    if role is None:
        return render(request, "inloggen.html", {"error": "Naam of wachtwoord klopt niet."}, status_code=401)
    request.session.clear()  # a new session at sign-in: a planted cookie gains nothing
    request.session.update({"user": naam, "role": role})
    auth.csrf_token(request)
    return RedirectResponse("/register/voorstellen", status_code=303)


@router.post("/uitloggen")
async def logout(request: Request) -> Response:
    """Sign out: the session is emptied."""
    await _form(request)
    request.session.clear()
    return RedirectResponse("/", status_code=303)
