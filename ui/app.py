"""The web app: REST API under /api, its docs at /docs, the widget (/widget.js, /embed) and the Gradio
chat mounted at "/", all over one shared service.

Everything is served from here (no CDN): the machines this runs on have no internet, and a page
embedded on a government site must not pull in third-party assets.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from index.settings import Settings
from qa.service import Service
from ui.api import UploadSizeGuard, api_router, upload_body_limit
from ui.audit_page import audit_router
from ui.feedback import FeedbackStore
from ui.guard import GuardedService
from ui.security import WebGuard

STATIC = Path(__file__).parent / "static"


def allowed_origins(settings: Settings) -> list[str]:
    """`REPORTQA_ALLOWED_ORIGINS` as a list: `*` or origins like https://www.example.gov.cn."""
    items = [o.strip().rstrip("/") for o in settings.allowed_origins.split(",") if o.strip()]
    return ["*"] if not items or "*" in items else items


def embed_csp(origins: list[str]) -> str:
    """The /embed page may only load from us, and only the allowed origins may frame it."""
    ancestors = "*" if origins == ["*"] else " ".join(["'self'", *origins])
    return ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            f"connect-src 'self'; frame-ancestors {ancestors}")


class ApiCors:
    """CORS for /api only: the allowed origins may call the API from their pages; the Gradio routes
    keep Gradio's own (stricter) CORS handling."""

    def __init__(self, app: ASGIApp, origins: list[str]):
        self.app = app
        self.cors = CORSMiddleware(app, allow_origins=origins, allow_methods=["GET", "POST", "DELETE"],
                                   allow_headers=["Content-Type", "X-API-Key"], max_age=600)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def create_app(settings: Settings, service: Service | None = None) -> FastAPI:
    """Build the whole app. Pass `service` to share one already open (tests, benchmarks)."""
    # Before Gradio is imported: no analytics call-home and no hub look-ups on a machine without internet.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gradio as gr

    from ui.chat import CSS, build_chat

    svc = GuardedService(service or Service(settings, background=True))
    feedback = FeedbackStore.in_dir(settings.data_dir)
    origins = allowed_origins(settings)
    app = FastAPI(
        title="reportqa API", version=_version(), docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Questions over Chinese government information-disclosure annual reports "
                    "(政府信息公开工作年度报告), every figure cited.",
    )
    app.state.service = svc
    app.state.feedback = feedback
    app.add_middleware(UploadSizeGuard, limit=upload_body_limit(settings))
    app.add_middleware(ApiCors, origins=origins)
    app.add_middleware(WebGuard, origins=origins, api_key=settings.api_key)
    app.include_router(api_router(svc, settings))
    app.include_router(audit_router(svc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": validation_message(exc)}, status_code=422)

    # Swagger UI from the assets the fastapi-offline package ships: interactive, and no CDN.
    app.mount("/docs-assets", StaticFiles(directory=_swagger_assets()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} – docs",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon.png")

    @app.get("/widget.js", include_in_schema=False)
    def widget() -> FileResponse:
        # served to other sites' pages: allow them to load it, and let them cache it briefly
        return FileResponse(STATIC / "widget.js", media_type="text/javascript; charset=utf-8",
                            headers={"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"})

    embed_headers = {"Content-Security-Policy": embed_csp(origins), "X-Content-Type-Options": "nosniff"}

    @app.get("/embed", include_in_schema=False)
    def embed() -> FileResponse:
        return FileResponse(STATIC / "embed.html", media_type="text/html; charset=utf-8", headers=embed_headers)

    @app.get("/embed.js", include_in_schema=False)
    def embed_js() -> FileResponse:
        return FileResponse(STATIC / "embed.js", media_type="text/javascript; charset=utf-8", headers=embed_headers)

    blocks = build_chat(svc, feedback, settings)
    # Gradio checks that an event's input files were uploaded (and not any path on the server) only
    # once it counts as launched; mounted in FastAPI it never is, so say it is.
    blocks.has_launched = True
    return gr.mount_gradio_app(
        app, blocks, path="/", max_file_size=f"{settings.max_upload_mb}mb", footer_links=[], css=CSS,
        ssr_mode=False, run_history=False, theme=gr.themes.Default(font=["Noto Sans CJK SC", "sans-serif"],
                                                                   font_mono=["monospace"]),
    )


def validation_message(exc: RequestValidationError, most: int = 5) -> str:
    """What was wrong with a request, field by field, without echoing what was sent (a question of a
    megabyte, or a whole file sent without a file name, would come back whole otherwise)."""
    parts = []
    for err in exc.errors()[:most]:
        where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "body"
        parts.append(f"{where[:80]}: {str(err.get('msg', 'invalid'))[:200]}")
    return "Invalid request: " + "; ".join(parts)


def _swagger_assets() -> str:
    import fastapi_offline

    return str(Path(fastapi_offline.__file__).parent / "static")


def _version() -> str:
    try:
        return version("reportqa")
    except PackageNotFoundError:
        return "dev"
