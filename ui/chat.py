"""The web chat (Gradio Blocks, mounted at "/"): ask in Chinese, see each figure's source.

Left: the report picker (agency, year) that scopes every question, the chat, which streams its
answer with numbered citations, and example questions built from the reports present. Right: a
chart when the answer compares reports or years, the evidence (the source table with the cited
cell marked, or the cited sentence), and the upload box. 👍/👎 on an answer is stored with the
question and the answer JSON. Under the picker, the facts of the reports in scope download as CSV
or Excel, and the audit (/audit) opens for them.

Every piece of user or report text reaches the page through `ui.render`, which escapes it.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import gradio as gr
from gradio.utils import get_upload_folder

from index.errors import ReportQAError
from index.ingest import IngestResult
from index.parse import Overrides
from index.settings import Settings
from qa.scope import Filters
from ui import render
from ui.api import MAX_QUESTION
from ui.feedback import FeedbackStore
from ui.guard import GuardedService
from ui.messages_zh import zh_error
from ui.progress import StagedIndexer, files_in_stages
from ui.security import KEY_COOKIE
from ui.uploads import ALLOWED_SUFFIXES, UploadRejected, check_upload, forget_upload, keep_upload, public_error

ALL = "*"
TITLE = "政府信息公开工作年度报告问答"
CSS = """
.gradio-container{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",system-ui,sans-serif}
.rq-evidence h4{margin:.6rem 0 .3rem;font-size:.95rem}
.rq-scroll{max-height:440px;overflow:auto;border:1px solid var(--border-color-primary);border-radius:6px}
.rq-table{border-collapse:collapse;font-size:12px;width:100%}
.rq-table caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem}
.rq-table th,.rq-table td{border:1px solid var(--border-color-primary);padding:2px 6px;text-align:left}
.rq-table td{text-align:right;white-space:nowrap}
.rq-table tr.rq-hit-row th,.rq-table tr.rq-hit-row td{background:rgba(250,204,21,.15)}
.rq-table td.rq-hit,mark.rq-hit{background:#fde047;color:#111;font-weight:700;outline:2px solid #ca8a04}
.rq-passage{border-left:3px solid #3b82f6;margin:.3rem 0;padding:.3rem .6rem;line-height:1.7}
.rq-empty{color:var(--body-text-color-subdued);padding:1rem 0}
.rq-chart figcaption{font-size:.85rem;font-weight:600;margin-bottom:.2rem}
.rq-results td ul{margin:.2rem 0 0 1rem;padding:0;font-size:12px;text-align:left}
.rq-results td{text-align:left;white-space:normal}
.rq-download{display:flex;gap:1rem;flex-wrap:wrap;font-size:.9rem}
.rq-scroll{max-width:100%}
.rq-table th[scope=row]{white-space:normal;min-width:8em;max-width:18em}
.rq-table tr.rq-group th{background:var(--background-fill-secondary);font-weight:600;white-space:normal}
.rq-table td.rq-amb{color:#b45309;font-weight:700;cursor:help}
.rq-amb-note{font-size:12px;color:var(--body-text-color-subdued);margin:.3rem 0}
.rq-amb-note ul{margin:.2rem 0 0 1rem;padding:0}
@media (max-width: 720px){
  #rq-examples{order:-1}
  #rq-chat{height:min(420px,55vh)!important}
}
"""


def build_chat(svc: GuardedService, feedback: FeedbackStore, settings: Settings) -> gr.Blocks:
    """The Blocks for the main page; every handler goes through `svc` (locked) and `render` (escaped)."""
    max_bytes = settings.max_upload_mb * 2**20

    def scope_of(agency: str | None, year: str | None) -> Filters:
        return Filters(agency=None if agency in (None, ALL) else agency,
                       year=None if year in (None, ALL) else int(year))

    def picker(agency: str | None = ALL, year: str | None = ALL):
        """Dropdown updates and example questions for the reports present now (they change on upload)."""
        reports = svc.reports()
        agencies = sorted({r.agency for r in reports if r.agency})
        agency = agency if agency in agencies else ALL
        years = sorted({r.year for r in reports if r.year and (agency == ALL or r.agency == agency)}, reverse=True)
        year = year if year not in (None, ALL) and int(year) in years else ALL
        in_scope = [r for r in reports if (agency == ALL or r.agency == agency)
                    and (year == ALL or r.year == int(year))]
        return (
            gr.Dropdown(choices=[("全部机关", ALL)] + [(a, a) for a in agencies], value=agency),
            gr.Dropdown(choices=[("全部年度", ALL)] + [(f"{y}年", str(y)) for y in years], value=year),
            gr.Dataset(samples=[[q] for q in render.example_questions(in_scope)]),
            render.download_links(None if agency == ALL else agency, None if year == ALL else int(year),
                                  [r.id for r in in_scope]),
        )

    def respond(message: str, chat: list, turns: list, agency: str, year: str) -> Iterator[tuple]:
        """Stream one answer: a placeholder at once, then the text growing, then citations and evidence."""
        q = (message or "").strip()
        if not q:
            yield gr.skip(), chat, turns, gr.skip(), gr.skip()
            return
        if len(q) > MAX_QUESTION or any("\ud800" <= ch <= "\udfff" or ch == "\x00" for ch in q):
            gr.Warning(f"问题最多 {MAX_QUESTION} 个字，且只能包含正常文字；请缩短后再问。")
            yield gr.skip(), chat, turns, gr.skip(), gr.skip()
            return
        chat = list(chat) + [{"role": "user", "content": render.md_text(q)},
                             {"role": "assistant", "content": "正在查找相关报告…"}]
        yield "", chat, turns, gr.skip(), gr.skip()
        history = [m for t in turns for m in ({"role": "user", "content": t["question"]},
                                               {"role": "assistant", "content": t["answer"].text})]
        answer = svc.ask(q, history, scope_of(agency, year))
        labels = render.report_labels(svc.reports())
        for prefix in _prefixes(answer.text):
            chat[-1] = {"role": "assistant", "content": render.answer_markdown(answer, prefix)}
            yield "", chat, turns, gr.skip(), gr.skip()
            time.sleep(0.03)
        chat[-1] = {"role": "assistant", "content": render.answer_markdown(answer, labels=labels)}
        turns = list(turns) + [{"index": len(chat) - 1, "question": q, "answer": answer}]
        yield "", chat, turns, render.chart_svg(answer.table), render.evidence_html(answer, svc.tables, labels)

    def show_turn(turns: list, evt: gr.SelectData):
        """Clicking an earlier answer brings its chart and evidence back to the side panel."""
        turn = _turn_at(turns, evt.index)
        if turn is None:
            return gr.skip(), gr.skip()
        labels = render.report_labels(svc.reports())
        return render.chart_svg(turn["answer"].table), render.evidence_html(turn["answer"], svc.tables, labels)

    def rate(turns: list, data: gr.LikeData) -> None:
        turn = _turn_at(turns, data.index)
        if turn is None:
            return
        rating = 1 if data.liked is True else -1 if data.liked is False else 0
        feedback.add(turn["question"], turn["answer"].to_json(), rating)
        gr.Info("谢谢反馈！" if rating else "已撤销反馈")

    def key_ok(key: str | None) -> bool:
        return not settings.api_key or secrets.compare_digest((key or "").encode(), settings.api_key.encode())

    # Gradio finds the progress tracker by this default value, hence the call in the signature.
    def upload(paths: list[str] | None, key: str, agency: str, year: str, given_agency: str, given_year: str,
               progress=gr.Progress()):  # noqa: B008
        """Check, keep and ingest the chosen files; then refresh the picker so new reports can be chosen.

        Only files Gradio received for this page are read: the event can be called directly with
        any path, so a path outside Gradio's upload folder is refused, never opened.
        """
        no_change = [gr.skip()] * 5
        if not key_ok(key):
            return ("<p>需要正确的 API 密钥才能导入报告。</p>", *no_change)
        if not paths:
            return ("<p>请先选择要导入的报告文件。</p>", *no_change)
        try:
            overrides = _overrides(given_agency, given_year)
        except ValueError as e:
            return (f"<p>{render.h(str(e))}</p>", *no_change)
        refused, kept, names = [], [], {}
        for p in map(Path, paths[:20]):
            try:
                if not _received(p):
                    raise UploadRejected(403, "only files uploaded through this page can be imported")
                check_upload(p.name, p.stat().st_size, max_bytes)
                dest = keep_upload(settings.data_dir, p.name, p, max_bytes, stored=svc.stored_sha)
                kept.append(dest)
                names[str(dest)] = p.name
            except UploadRejected as e:
                refused.append(IngestResult(p.name, Path(p.name).stem, "failed", error=zh_error(e.message)))

        def tell(fraction: float, what: str) -> None:
            progress(fraction, desc=what)

        staged = StagedIndexer(svc.service.indexer, tell) if svc.service.indexer is not None else None
        results = svc.ingest(kept, progress=lambda xs: files_in_stages(list(xs), staged, tell),
                             indexer=staged, overrides=overrides) if kept else []
        shown = []
        for path, r in zip(kept, results, strict=True):
            if r.status == "failed":
                forget_upload(path)
                r = replace(r, error=zh_error(public_error(r.error or "", path, names[str(path)])))
            shown.append(replace(r, warnings=tuple(_zh_warning(w) for w in r.warnings)))
        return (render.ingest_results_html(refused + shown), *picker(agency, year), None)

    def delete(report_id: str | None, key: str, agency: str, year: str):
        """Delete the chosen report (with the key when one is set), then refresh the pickers."""
        if not report_id:
            return ("<p>请先选择要删除的报告。</p>", *[gr.skip()] * 5)
        if not key_ok(key):
            return ("<p>需要正确的 API 密钥才能删除报告。</p>", *[gr.skip()] * 5)
        try:
            svc.delete(report_id)
        except ReportQAError:
            return (f"<p>没有找到报告「{render.h(report_id)}」，它可能已被删除。</p>", *picker(agency, year),
                    report_choices())
        return (f"<p>已删除报告「{render.h(report_id)}」。</p>", *picker(agency, year), report_choices())

    def report_choices(selected: str | None = None):
        reports = svc.reports()
        choices = [(f"{render.report_label(r)} · {r.id}", r.id) for r in reports]
        return gr.Dropdown(choices=choices, value=selected if selected in {r.id for r in reports} else None)

    with gr.Blocks(title=TITLE) as demo:
        turns = gr.State([])
        gr.Markdown(f"## {TITLE}\n回答中的每个数字都来自报告原表或原文，并注明出处。点选一条回答可在右侧查看它的依据。")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                with gr.Row():
                    agency = gr.Dropdown(label="发布机关", choices=[("全部机关", ALL)], value=ALL, elem_id="rq-agency")
                    year = gr.Dropdown(label="年度", choices=[("全部年度", ALL)], value=ALL, elem_id="rq-year")
                download = gr.HTML(render.download_links(None, None), elem_id="rq-download")
                chatbot = gr.Chatbot(
                    label="问答", height=520, elem_id="rq-chat", latex_delimiters=[], buttons=["copy"],
                    feedback_options=("Like", "Dislike"), sanitize_html=True, allow_tags=False,
                    placeholder="请选择报告范围（可选），然后提问，例如「收到多少件政府信息公开申请？」",
                )
                with gr.Row():
                    question = gr.Textbox(show_label=False, placeholder="输入问题后按回车", scale=5,
                                          elem_id="rq-question", max_length=1000)
                    send = gr.Button("提问", variant="primary", scale=1, min_width=80, elem_id="rq-send")
                examples = gr.Dataset(components=[question], samples=[], label="示例问题", elem_id="rq-examples")
            with gr.Column(scale=2, min_width=360):
                chart = gr.HTML("", elem_id="rq-chart")
                evidence = gr.HTML(render.evidence_html(None, svc.tables), elem_id="rq-evidence", label="依据")
                with gr.Accordion("上传报告", open=True):
                    files = gr.File(label="报告文件（" + " ".join(ALLOWED_SUFFIXES) + "）", file_count="multiple",
                                    file_types=list(ALLOWED_SUFFIXES), elem_id="rq-files", height=120)
                    with gr.Row():
                        given_agency = gr.Textbox(label="发布机关（可选）", max_length=100,
                                                  elem_id="rq-given-agency")
                        given_year = gr.Textbox(label="年度（可选）", max_length=4, elem_id="rq-given-year")
                    key = gr.Textbox(label="API 密钥", type="password", visible=bool(settings.api_key),
                                     elem_id="rq-key")
                    upload_btn = gr.Button("导入", elem_id="rq-upload")
                    results = gr.HTML("", elem_id="rq-results")
                with gr.Accordion("管理报告", open=False, elem_id="rq-manage"):
                    to_delete = gr.Dropdown(label="选择报告", choices=[], value=None, elem_id="rq-delete-pick")
                    delete_btn = gr.Button("删除所选报告", variant="stop", elem_id="rq-delete")
                    deleted = gr.HTML("", elem_id="rq-deleted")

        ask_io = dict(fn=respond, inputs=[question, chatbot, turns, agency, year],
                      outputs=[question, chatbot, turns, chart, evidence], concurrency_limit=4,
                      show_progress_on=chatbot)
        question.submit(**ask_io, api_visibility="private")
        send.click(**ask_io, api_visibility="private")
        examples.click(lambda row: row[0], inputs=examples, outputs=question, api_visibility="private")
        chatbot.like(rate, inputs=turns, outputs=None, api_visibility="private")
        chatbot.clear(lambda: ([], "", render.evidence_html(None, svc.tables)), outputs=[turns, chart, evidence],
                      api_visibility="private")
        chatbot.select(show_turn, inputs=turns, outputs=[chart, evidence], api_visibility="private")
        scoped = [agency, year, examples, download]
        agency.input(lambda a: picker(a, ALL), inputs=agency, outputs=scoped, api_visibility="private")
        year.input(picker, inputs=[agency, year], outputs=scoped, api_visibility="private")
        upload_btn.click(upload, inputs=[files, key, agency, year, given_agency, given_year],
                         outputs=[results, *scoped, files], concurrency_limit=1,
                         show_progress_on=results, api_visibility="private"
                         ).then(report_choices, inputs=to_delete, outputs=to_delete, api_visibility="private")
        delete_btn.click(delete, inputs=[to_delete, key, agency, year],
                         outputs=[deleted, *scoped, to_delete], concurrency_limit=1, api_visibility="private")
        # The key also opens Gradio's file drop (/gradio_api/upload), which only a cookie can reach.
        set_cookie = ("(k) => { document.cookie = '" + KEY_COOKIE + "=' + encodeURIComponent(k) "
                      "+ '; path=/; SameSite=Strict'; return k; }")
        key.change(None, inputs=key, js=set_cookie, api_visibility="private")
        demo.load(picker, outputs=scoped, api_visibility="private")
        demo.load(report_choices, outputs=to_delete, api_visibility="private")
    return demo


def _received(path: Path) -> bool:
    """Whether `path` is a regular file inside Gradio's upload folder (links resolved first)."""
    try:
        real = path.resolve(strict=True)
        real.relative_to(Path(get_upload_folder()).resolve())
    except (OSError, ValueError):
        return False
    return real.is_file()


def _overrides(agency: str | None, year: str | None) -> Overrides | None:
    """Agency and year typed in the upload form, for files whose text does not say them."""
    agency, year = (agency or "").strip(), (year or "").strip()
    if len(agency) > 100:
        raise ValueError("发布机关最多 100 个字。")
    if year and not (year.isdigit() and 1949 <= int(year) <= 2100):
        raise ValueError("年度请填写四位数字，例如 2023。")
    if not agency and not year:
        return None
    return Overrides(agency=agency or None, year=int(year) if year else None)


_WARNINGS_ZH = (("agency not found", "文中未找到发布机关"), ("year not found", "文中未找到年度"),
                ("no template table was found", "未找到年报模板表格"))


def _zh_warning(warning: str) -> str:
    return next((zh for en, zh in _WARNINGS_ZH if warning.startswith(en)), warning)


def _prefixes(text: str, steps: int = 8) -> list[str]:
    """The growing prefixes a streamed answer shows; a few steps, so short answers stay quick."""
    size = max(4, -(-len(text) // steps))
    return [text[:i] for i in range(size, len(text), size)]


def _turn_at(turns: list, index: int | tuple | list) -> dict | None:
    """The turn whose answer sits at a chat message index (Gradio gives an int or a [row, col] pair)."""
    i = index[0] if isinstance(index, list | tuple) else index
    return next((t for t in turns if t["index"] == i), None)

