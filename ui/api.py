"""The REST API under /api: ask, list and upload reports, read a report's facts, health.

Thin: each endpoint calls the shared service and returns the same public JSON the CLI prints
(`Answer.to_json()`, `fact_json`). Errors are JSON `{"detail": "..."}` whose message says what
was wrong and what to do; the write endpoint takes an optional key in `X-API-Key`.
"""

from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Header, HTTPException, Query, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, Field
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from index.errors import ReportQAError, TooLargeError, UnknownReportError
from index.ingest import IngestResult
from index.models import Report
from index.report_ids import MAX_ID_CHARS, check_report_id
from index.settings import Settings
from qa.scope import Filters
from ui.cli import fact_json
from ui.guard import GuardedService
from ui.uploads import UploadRejected, check_upload, forget_upload, keep_upload, public_error

MAX_FILES = 20
MAX_EXPORT_ROWS = 500_000  # ~1 GB at its peak: a download past this is a job for `reportqa export`


def upload_body_limit(settings: Settings) -> int:
    """The most one upload request may carry: four full-size files and the multipart framing."""
    return 4 * settings.max_upload_mb * 2**20 + 2**20


class UploadSizeGuard:
    """Refuses an oversized upload from its Content-Length, before a byte of it is read, with the same
    JSON error shape as every other API error. (The route's own body limit still stops a sender
    that lies about or omits the length, with a plain 413.)"""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == "/api/reports":
            length = Headers(scope=scope).get("content-length", "")
            if length.isdigit() and int(length) > self.limit:
                detail = (f"Upload of {int(length) / 2**20:.1f} MB refused: one request may carry at most "
                          f"{self.limit / 2**20:.0f} MB, and each file at most "
                          f"{(self.limit - 2**20) / 4 / 2**20:.0f} MB (REPORTQA_MAX_UPLOAD_MB).")
                await JSONResponse({"detail": detail}, status_code=413)(scope, receive, send)
                return
        await self.app(scope, receive, send)


MAX_QUESTION = 1000
MAX_TURN = 4000
MAX_TURNS = 40


def _text_ok(value: str) -> str:
    """Text that can be stored and printed: no lone surrogates (「\\ud800」 in JSON) or NUL."""
    if any("\ud800" <= ch <= "\udfff" or ch == "\x00" for ch in value):
        raise ValueError("holds a character that is not valid text (a lone surrogate or NUL)")
    return value


Text = Annotated[str, AfterValidator(_text_ok)]


class Block(BaseModel):
    type: str = Field(default="text", max_length=20)
    text: Text = Field(default="", max_length=MAX_TURN)


class Message(BaseModel):
    role: Literal["user", "assistant", "system"]
    content: Annotated[Text, Field(max_length=MAX_TURN)] | Annotated[list[Block], Field(max_length=20)] = Field(
        description=f"Text (at most {MAX_TURN} characters), or Gradio-style content blocks.")


class FiltersIn(BaseModel):
    reports: list[Annotated[Text, Field(max_length=MAX_ID_CHARS)]] = Field(
        default_factory=list, max_length=200, description="Report ids to search within.")
    agency: Text | None = Field(default=None, max_length=100,
                                description="发布机关, e.g. 厚街镇人民政府 (or a short name: 厚街镇).")
    year: int | None = Field(default=None, ge=1949, le=2100, description="The year reported on.")


class AskIn(BaseModel):
    question: Text = Field(min_length=1, max_length=MAX_QUESTION, examples=["厚街镇2023年收到多少宗信息公开申请?"])
    history: list[Message] = Field(default_factory=list, max_length=MAX_TURNS,
                                   description="Earlier turns, for follow-ups like 「那企业呢？」.")
    filters: FiltersIn | None = None


def report_json(r: Report) -> dict:
    """A report's public JSON: its metadata, with the source reduced to a file name (no server paths)."""
    out = asdict(r)
    out["source"] = Path(r.source).name if r.source else None
    return out


def result_json(r: IngestResult, name: str, kept: Path | None = None) -> dict:
    """An ingest result's public JSON: the file as it was named, errors without server paths."""
    out = asdict(r)
    out.pop("path")
    out["file"] = name
    if r.error:
        out["error"] = public_error(r.error, kept or Path(r.path), name)
    return out


def api_router(svc: GuardedService, settings: Settings) -> APIRouter:
    """All /api routes over one service; the settings give the upload limits and the API key."""
    router = APIRouter(prefix="/api", tags=["api"])
    max_bytes = settings.max_upload_mb * 2**20

    def require_key(x_api_key: Annotated[str | None, Header()] = None) -> None:
        """Write endpoints need the key when one is configured (REPORTQA_API_KEY)."""
        if not settings.api_key:
            return
        if not x_api_key or not secrets.compare_digest(x_api_key.encode(), settings.api_key.encode()):
            raise HTTPException(401, "This endpoint needs an API key: send it in the X-API-Key header.")

    # Questions are answered by a few threads of their own, in the order they came: answering is
    # mostly Python, which runs one thread at a time, so twenty questions on twenty threads would
    # share it and each take as long as the slowest; in turn, each waits only for those before it.
    # (Uploads, exports and the other routes keep the framework's pool, so they never queue here.)
    answering = ThreadPoolExecutor(max_workers=settings.ask_threads, thread_name_prefix="reportqa-ask")

    def answer(body: AskIn) -> dict:
        f = body.filters or FiltersIn()
        filters = Filters(reports=tuple(f.reports), agency=f.agency or None, year=f.year)
        history = [m.model_dump() for m in body.history]
        return svc.ask(body.question, history, filters).to_json()

    @router.post("/ask", summary="Ask a question", response_description="The answer, its figures and citations")
    async def ask(body: AskIn) -> dict:
        """Answer one question over the stored reports (optionally scoped), citing every figure.

        `status` is answered, refused, ambiguous or needs_clarification; `figures` are the stored
        facts used, `citations` where they were printed, `table` the rows of a comparison or trend.
        """
        return await asyncio.get_running_loop().run_in_executor(answering, answer, body)

    @router.get("/reports", summary="List the stored reports")
    def reports() -> list[dict]:
        return [report_json(r) for r in svc.reports()]

    @router.post(
        "/reports", summary="Upload report files", dependencies=[Depends(require_key)],
        max_body_size=upload_body_limit(settings),
        responses={201: {"description": "At least one file added or replaced"},
                   401: {"description": "Missing or wrong X-API-Key"}, 413: {"description": "File too large"},
                   415: {"description": "Unsupported file type"},
                   422: {"description": "Empty file, no file, or no file could be read as a report"}},
    )
    async def upload(files: Annotated[list[UploadFile], File(description="One or more report files.")]
                     ) -> JSONResponse:
        """Ingest .txt .md .html .htm .pdf .docx files; the report id is the file name without extension.

        Every file is checked (type, size, emptiness) before any is ingested; then each is ingested
        on its own, and the per-file results say what was added and which template checks failed.
        """
        if len(files) > MAX_FILES:
            raise HTTPException(422, f"{len(files)} files in one upload; send at most {MAX_FILES} at a time.")
        try:
            for f in files:
                check_upload(f.filename or "", f.size, max_bytes)
            return await run_in_threadpool(_ingest_uploads, files)
        except UploadRejected as e:
            raise HTTPException(e.status, e.message) from None

    def _ingest_uploads(files: list[UploadFile]) -> JSONResponse:
        kept = [(f.filename or "", keep_upload(settings.data_dir, f.filename or "", f.file, max_bytes,
                                               stored=svc.stored_sha)) for f in files]
        results = svc.ingest([p for _, p in kept])
        for (_, path), r in zip(kept, results, strict=True):
            if r.status == "failed":
                forget_upload(path)
        body = {"results": [result_json(r, name, path) for (name, path), r in zip(kept, results, strict=True)]}
        statuses = {r.status for r in results}
        if statuses == {"failed"}:
            body["detail"] = "; ".join(x["error"] or "failed" for x in body["results"])
            return JSONResponse(body, status_code=422)
        return JSONResponse(body, status_code=201 if statuses & {"added", "replaced"} else 200)

    @router.delete("/reports/{report_id}", summary="Delete a stored report", dependencies=[Depends(require_key)],
                   responses={401: {"description": "Missing or wrong X-API-Key"},
                              404: {"description": "No report with that id"}})
    def delete(report_id: str) -> dict:
        """Remove a report with its facts, checks, passages and vectors (and its uploaded file)."""
        try:
            check_report_id(report_id)
            svc.delete(report_id)
        except UnknownReportError as e:
            raise HTTPException(404, str(e)) from None
        except ReportQAError as e:
            raise HTTPException(422, str(e)) from None
        return {"deleted": report_id}

    @router.get("/reports/{report_id}/facts", summary="The facts of one report",
                responses={404: {"description": "No report with that id"}})
    def facts(report_id: str, table: Annotated[str | None, Query(description="Only this table: t2, t3, t4, g1…, prose")]
              = None) -> dict:
        """Every number stored for a report, with where it was printed."""
        try:
            report = svc.report(report_id)
        except UnknownReportError as e:
            raise HTTPException(404, str(e)) from None
        rows = [fact_json(f) for f in svc.facts(report_id) if table is None or f.table == table]
        return {"report": report_json(report), "facts": rows}

    @router.get(
        "/facts", summary="The facts of many reports as one table (JSON, CSV, Parquet, Excel, JSON Lines)",
        responses={200: {"description": "The table; a file download for every format but json"},
                   404: {"description": "A report id that is not stored"},
                   413: {"description": "The selection holds too many facts"},
                   422: {"description": "A malformed cell key in `wide`"}},
    )
    def facts_table(
        report: Annotated[list[str], Query(description="Only these report ids (repeatable).")] = [],  # noqa: B006
        agency: Annotated[str | None, Query(description="Only reports whose agency contains this.")] = None,
        year: Annotated[int | None, Query(description="Only reports for this year.")] = None,
        kind: Annotated[str | None, Query(description="Only reports of this kind (e.g. disclosure).")] = None,
        table: Annotated[str | None, Query(description="Only this table: t2, t3, t4, g1…, prose")] = None,
        wide: Annotated[list[str], Query(description="Cell keys ROW_KEY:COLUMN_KEY: one row per report, "
                                                     "one column per key.")] = [],  # noqa: B006
        format: Annotated[Literal["json", "csv", "parquet", "xlsx", "jsonl"], Query()] = "json",
    ) -> Response:
        """Every fact of the selected reports, one row each with its report, agency, year, kind, table, row
        and column (as printed and as canonical keys), exact value, unit, status, page and source text;
        or, with `wide`, one row per report and one column per chosen cell."""
        from index.export import MEDIA_TYPES, frame_bytes
        from index.frame import Selection, parse_key, rows_frame, wide_frame

        keys = [k.strip() for w in wide for k in w.split(",") if k.strip()]
        try:
            for k in keys:  # a malformed key is refused before any fact is read
                parse_key(k)
        except ReportQAError as e:
            raise HTTPException(422, str(e)) from None
        try:
            chosen, rows = svc.fact_rows(Selection(tuple(report), agency, year, kind), table, MAX_EXPORT_ROWS)
        except TooLargeError as e:
            raise HTTPException(413, str(e)) from None
        except ReportQAError as e:
            raise HTTPException(404, str(e)) from None
        frame = rows_frame(rows)
        if keys:
            frame = wide_frame(frame, keys, chosen)
        if format == "json":
            records = frame.astype(object).where(frame.notna(), None).to_dict("records")
            return JSONResponse(records)
        name = f"reportqa-{'wide' if keys else 'facts'}.{format}"
        return Response(frame_bytes(frame, format), media_type=MEDIA_TYPES[format],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @router.get("/audit", summary="Every report whose numbers do not add up")
    def audit(
        report: Annotated[list[str], Query(description="Only these report ids (repeatable).")] = [],  # noqa: B006
        agency: Annotated[str | None, Query(description="Only reports whose agency contains this.")] = None,
        year: Annotated[int | None, Query(description="Only reports for this year.")] = None,
        kind: Annotated[str | None, Query(description="Only reports of this kind.")] = None,
        blanks: Annotated[bool, Query(description="Also template cells of printed tables that hold no number.")]
        = False,
        format: Annotated[Literal["json", "csv"], Query()] = "json",
    ) -> Response:
        """Each failed identity (within a report, and between an agency's consecutive years) with the
        cells involved and their pages; with `blanks`, also the template rows with cells left unread."""
        from index.audit import ISSUE_COLUMNS, issue_rows
        from index.frame import Selection

        try:
            result = svc.audit(Selection(tuple(report), agency, year, kind), blanks)
        except ReportQAError as e:
            raise HTTPException(404, str(e)) from None
        if format == "csv":
            import pandas as pd

            csv = pd.DataFrame(issue_rows(result.issues), columns=list(ISSUE_COLUMNS)).to_csv(index=False)
            return Response(csv.encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": 'attachment; filename="reportqa-audit.csv"'})
        return JSONResponse({"reports": len(result.reports), "checks": result.checks,
                             "issues": [i.to_json() for i in result.issues]})

    @router.get("/health", summary="Liveness and what is loaded")
    def health() -> dict:
        """`index` says how many passages wait for embedding (`queued`), how many the text index
        holds (`embedded`) and whether it can be reached (`available`)."""
        return {"status": "ok", "reports": len(svc.reports()), "text_index": svc.has_index,
                "index": svc.index_status()}

    return router
