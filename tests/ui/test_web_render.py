"""What the web faces show, without a browser: escaping, the cited cell, charts, examples, uploads, feedback."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from index.ingest import IngestResult
from index.models import Fact, Report, Table
from index.settings import Settings
from qa.answer import ANSWERED, Answer, Citation, Figure
from ui import render
from ui.app import allowed_origins, embed_csp
from ui.feedback import FeedbackStore
from ui.uploads import UploadRejected, check_upload, keep_upload, safe_name

REPORT = Report("r1", "厚街镇人民政府", 2023, "t", None, "2021", "r1.txt", "txt", "0" * 64)
T3 = Table("r1", "t3", "收到和处理政府信息公开申请情况",
           column_paths=(("自然人",), ("法人或其他组织", "商业企业"), ("总计",)),
           row_paths=(("一、本年新收政府信息公开申请数量",), ("二、上年结转政府信息公开申请数量",)),
           cells=(("12", "2", "14"), ("1", "0", "3")), unit="件")
TOTAL = Fact("r1", "t3", ("一、本年新收政府信息公开申请数量",), ("总计",), Decimal(14), "宗")


def answer(text: str, figures=(), citations=(), table=None) -> Answer:
    return Answer("q", ANSWERED, text, figures=tuple(figures), citations=tuple(citations), table=table)


@pytest.mark.parametrize("raw", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                 "**粗体** [链接](javascript:alert(1)) `代码` $x$"])
def test_markdown_text_has_no_live_markup(raw):
    out = render.md_text(raw)
    assert "<" not in out and "[链接](" not in out and "**" not in out


def test_markdown_escaping_is_per_character_so_streamed_prefixes_agree():
    raw = "a<b>*c*&d"
    assert all(render.md_text(raw).startswith(render.md_text(raw[:i])) for i in range(len(raw)))


def test_html_escape_covers_template_syntax():
    assert render.h('<a href="x">${1+1}`') == "&lt;a href=&quot;x&quot;&gt;&#36;&#123;1+1&#125;&#96;"


def test_answer_markdown_lists_citations_after_the_text():
    a = answer("为14宗。", [Figure(TOTAL, REPORT)],
               [Citation("r1", "表三", 3, "一、本年新收政府信息公开申请数量 × 总计 = 14宗")])
    md = render.answer_markdown(a)
    assert md.startswith("为14宗。") and "**出处**" in md and "厚街镇人民政府2023年" in md and "第3页" in md
    assert "出处" not in render.answer_markdown(a, "为14")  # a streamed prefix: citations come at the end


def test_cited_cell_is_found_and_marked():
    assert render.hit_cell(T3, TOTAL) == (0, 2)
    html = render.table_html(T3, TOTAL)
    assert '<td class="rq-hit">14</td>' in html and html.count("rq-hit\"") == 1


def test_cell_printed_with_its_label_is_found():
    t2 = Table("r1", "t2", "主动公开", (), (("第二十条第(一)项", "规章"),), (("本年制发件数:0", "现行有效件数:5"),))
    f = Fact("r1", "t2", ("第二十条第(一)项", "规章"), ("现行有效件数",), Decimal(5), "件")
    assert render.hit_cell(t2, f) == (0, 1)


def test_table_text_is_escaped():
    t = Table("r1", "g1", "<b>表</b>", (("<i>列</i>",),), (("<script>x</script>",),), (("<img src=x>",),))
    html = render.table_html(t)
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_prose_figure_marks_the_number_in_its_sentence():
    f = Fact("r1", "prose", ("主动公开信息",), (), Decimal(2516), "条", raw="2516条",
             sentence="通过网站<script>主动公开信息2516条,其中组织机构信息26条。")
    html = render.passage_html(f)
    assert '<mark class="rq-hit">2516条</mark>' in html and "&lt;script&gt;" in html


def test_evidence_panel_for_tables_passages_and_nothing():
    assert "rq-empty" in render.evidence_html(None, lambda rid: [])
    ev = render.evidence_html(answer("x", [Figure(TOTAL, REPORT)]), lambda rid: [T3])
    assert "厚街镇人民政府2023年" in ev and 'class="rq-hit"' in ev
    passages = render.evidence_html(answer("x", citations=[Citation("r1", "正文", None, "<b>原文</b>")]),
                                    lambda rid: [])
    assert "&lt;b&gt;原文&lt;/b&gt;" in passages


def test_chart_bars_for_comparisons_and_a_line_for_years():
    rows = [{"report": "a", "agency": "甲<script>", "year": 2023, "value": "1295", "unit": "件", "label": "申请"},
            {"report": "b", "agency": "乙", "year": 2023, "value": "14", "unit": "宗", "label": "申请"}]
    bars = render.chart_svg(rows)
    assert 'data-kind="compare"' in bars and bars.count("<rect") == 2 and "<script" not in bars
    years = [dict(rows[1], year=y, value=str(v)) for y, v in ((2021, 9), (2023, 14), (2022, 11))]
    line = render.chart_svg(years)
    assert 'data-kind="trend"' in line and "<polyline" in line
    assert line.index("2021年") < line.index("2022年") < line.index("2023年")
    assert render.chart_svg(None) == "" and render.chart_svg([]) == ""


def test_example_questions_come_from_the_reports():
    other = Report("r2", "上海市人民政府办公厅", 2025, None, None, "2021", "r2.md", "md", "1" * 64)
    older = Report("r3", "厚街镇人民政府", 2022, None, None, "2021", "r3.txt", "txt", "2" * 64)
    qs = render.example_questions([REPORT, other, older])
    assert "厚街镇人民政府2023年收到多少件政府信息公开申请？" in qs
    assert any(q.startswith("比较") for q in qs) and any("近几年" in q for q in qs)
    assert render.example_questions([]) == []


def test_ingest_results_show_failures_and_failed_checks_escaped():
    rs = [IngestResult("a", "a", "added", 10, 3, 40, ("t3.total: 1 ≠ 2",), agency="甲", year=2023),
          IngestResult("b", "b<script>", "failed", error="b: <not a report>")]
    html = render.ingest_results_html(rs)
    assert "已导入" in html and "失败" in html and "校验未通过" in html and "<script>" not in html


def test_upload_checks_and_names():
    assert safe_name("../../etc/报告 2023<x>.TXT") == "报告_2023_x.txt"
    for name, size, status in (("a.exe", 1, 415), ("a", 1, 415), ("a.txt", 0, 422), ("a.pdf", 11, 413)):
        with pytest.raises(UploadRejected) as e:
            check_upload(name, size, 10)
        assert e.value.status == status
    check_upload("a.docx", 10, 10)


def test_keep_upload_stops_at_the_limit(tmp_path):
    with pytest.raises(UploadRejected) as e:
        keep_upload(tmp_path, "a.txt", io.BytesIO(b"x" * 11), 10)
    assert e.value.status == 413 and not list((tmp_path / "uploads").rglob("*.txt"))
    kept = keep_upload(tmp_path, "a.txt", io.BytesIO(b"x" * 10), 10)
    assert kept.name == "a.txt" and kept.read_bytes() == b"x" * 10


def test_feedback_is_stored_with_question_and_answer(tmp_path):
    store = FeedbackStore.in_dir(tmp_path)
    store.add("厚街镇收到多少申请？", {"answer": "14宗"}, 1)
    store.add("厚街镇收到多少申请？", {"answer": "14宗"}, -1)
    rows = store.all()
    assert [r.rating for r in rows] == [1, -1] and rows[0].answer == {"answer": "14宗"} and rows[0].time
    with pytest.raises(ValueError):
        store.add("q", {}, 5)


def test_allowed_origins_shape_cors_and_frame_ancestors():
    s = Settings.from_env(env={}, allowed_origins="https://a.gov.cn/, https://b.gov.cn")
    assert allowed_origins(s) == ["https://a.gov.cn", "https://b.gov.cn"]
    assert "frame-ancestors 'self' https://a.gov.cn https://b.gov.cn" in embed_csp(allowed_origins(s))
    assert allowed_origins(Settings.from_env(env={})) == ["*"]


def test_glued_cells_show_a_mark_not_a_list_and_groups_get_header_rows():
    t2 = Table("r1", "t2", "主动公开", (), (("第二十条第(一)项", "规章"), ("第二十条第(一)项", "行政规范性文件")),
               (("本年制发件数:0", "本年废止件数:?(8|84)", "现行有效件数:?(45546|5546)"),
                ("本年制发件数:1", "本年废止件数:0", "现行有效件数:3")))
    html = render.table_html(t2)
    assert "?(" not in html.split("rq-amb-note")[0].split("title=")[0]
    assert html.count('<tr class="rq-group">') == 1 and "<th>本年废止件数</th>" in html
    assert 'class="rq-amb" title="可能的读法：8｜84">?</td>' in html and "8、84" in html


def test_passage_citations_are_named_not_repeated():
    passage = "本机关通过门户网站主动公开政策文件。" * 20
    a = answer("相关内容：1. 【总体情况】本机关通过门户网站主动公开政策文件。",
               citations=[Citation("r1", "总体情况", 2, passage)])
    md = render.answer_markdown(a, labels={"r1": "厚街镇人民政府2023年"})
    assert md.count("主动公开政策文件") == 1 and "厚街镇人民政府2023年 · 总体情况（第2页）" in md
