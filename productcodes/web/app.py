"""The FastAPI application: API under /api/v1, Dutch pages at /, OpenAPI at /docs.

`create_app(settings)` builds one; uvicorn's factory mode (`productcodes.web.app:from_env`)
builds one per worker process from PRODUCTCODES_* variables set by `productcodes serve`.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from productcodes.errors import UserError
from productcodes.web.headers import SecurityHeaders
from productcodes.web.pool import WorkerPool
from productcodes.web.settings import Settings
from productcodes.web.uploads import SizeLimit

HERE = Path(__file__).resolve().parent


def create_app(settings: Settings | None = None) -> FastAPI:
    """A new application with its own worker pool and database engine."""
    from productcodes.db import make_engine
    from productcodes.web import api, docs, pages

    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.pool.close()
        app.state.engine.dispose()

    app = FastAPI(
        title="productcodes",
        version="1",
        lifespan=lifespan,
        docs_url=None,  # served by productcodes.web.docs from local files
        openapi_url="/api/v1/openapi.json",
        redoc_url=None,
        description="Validatie van iJw/iWmo 3.2-berichten en het productcoderegister.",
    )
    app.state.settings = settings
    app.state.pool = WorkerPool(settings.pool_size)
    app.state.engine = make_engine(settings.db_url)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="productcodes_sessie",
        same_site="strict",
        https_only=settings.https_only,
        max_age=8 * 3600,
    )
    app.add_middleware(SizeLimit, limit=settings.max_upload)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    docs.install(app)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)
    app.add_exception_handler(UserError, _user_error)

    @app.get("/healthz", tags=["service"])
    def healthz() -> dict:
        """Alive: the process answers (the database is not touched)."""
        return {"status": "ok"}

    return app


def from_env() -> FastAPI:
    """uvicorn factory: one application per worker process, configured by PRODUCTCODES_* variables."""
    return create_app(Settings.from_env())


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


async def _http_error(request: Request, exc: HTTPException):
    if _wants_html(request):
        from productcodes.web.pages import render

        return render(
            request,
            "fout.html",
            {"status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
        )
    return JSONResponse({"detail": exc.detail}, exc.status_code, headers=getattr(exc, "headers", None))


async def _bad_request(request: Request, exc: RequestValidationError):
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors()
    )
    return await _http_error(request, HTTPException(400, f"ongeldig verzoek: {problems}"))


async def _user_error(request: Request, exc: UserError):
    """The CLI's one-line errors (database behind on migrations, unreachable, a conflict) as HTTP answers."""
    from productcodes.db import ConflictError, DatabaseError

    status = 409 if isinstance(exc, ConflictError) else 503 if isinstance(exc, DatabaseError) else 400
    return await _http_error(request, HTTPException(status, str(exc)))
