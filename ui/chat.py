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
from pathlib import Path

import gradio as gr

from index.ingest import IngestResult
from index.settings import Settings
from qa.scope import Filters
from ui import render
from ui.feedback import FeedbackStore
from ui.guard import GuardedService
from ui.uploads import ALLOWED_SUFFIXES, UploadRejected, check_upload, forget_upload, keep_upload

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

    # Gradio finds the progress tracker by this default value, hence the call in the signature.
    def upload(paths: list[str] | None, key: str, agency: str, year: str, progress=gr.Progress()):  # noqa: B008
        """Check, keep and ingest the chosen files; then refresh the picker so new reports can be chosen."""
        if settings.api_key and not secrets.compare_digest((key or "").encode(), settings.api_key.encode()):
            return ("<p>需要正确的 API 密钥才能导入报告。</p>", *[gr.skip()] * 5)
        if not paths:
            return ("<p>请先选择要导入的报告文件。</p>", *[gr.skip()] * 5)
        refused, kept = [], []
        for p in map(Path, paths):
            try:
                check_upload(p.name, p.stat().st_size, max_bytes)
                kept.append(keep_upload(settings.data_dir, p.name, p, max_bytes))
            except UploadRejected as e:
                refused.append(IngestResult(p.name, p.stem, "failed", error=e.message))
        results = svc.ingest(kept, progress=lambda xs: progress.tqdm(xs, desc="导入报告")) if kept else []
        for path, r in zip(kept, results, strict=True):
            if r.status == "failed":
                forget_upload(path)
        return (render.ingest_results_html(refused + results), *picker(agency, year), None)

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
                    key = gr.Textbox(label="API 密钥", type="password", visible=bool(settings.api_key))
                    upload_btn = gr.Button("导入", elem_id="rq-upload")
                    results = gr.HTML("", elem_id="rq-results")

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
        upload_btn.click(upload, inputs=[files, key, agency, year], outputs=[results, *scoped, files],
                         concurrency_limit=1, show_progress_on=results, api_visibility="private")
        demo.load(picker, outputs=scoped, api_visibility="private")
    return demo


def _prefixes(text: str, steps: int = 8) -> list[str]:
    """The growing prefixes a streamed answer shows; a few steps, so short answers stay quick."""
    size = max(4, -(-len(text) // steps))
    return [text[:i] for i in range(size, len(text), size)]


def _turn_at(turns: list, index: int | tuple | list) -> dict | None:
    """The turn whose answer sits at a chat message index (Gradio gives an int or a [row, col] pair)."""
    i = index[0] if isinstance(index, list | tuple) else index
    return next((t for t in turns if t["index"] == i), None)

