"""Chunking: report boundaries, section paths, whole sentences and rows, table sentences, ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.chunking import (
    MAX_CHARS,
    PROSE_CHARS,
    body_bounds,
    chunk_id,
    chunk_report,
    clean_prose,
    passage_text,
    render_cell,
)
from index.load import load_document
from index.models import Chunk, ParsedReport, Report, Table
from index.parse import parse_document

SENTENCE_ENDS = "。；;！？!?）)”"


def parsed_sample(samples_dir: Path, name: str) -> tuple[ParsedReport, str]:
    path = samples_dir / name
    doc = load_document(path)
    return parse_document(doc, path.stem), doc.text


def synthetic(text: str, tables: tuple[Table, ...] = (), template: str | None = "2021") -> ParsedReport:
    report = Report("r1", "某某镇人民政府", 2023, "某某镇人民政府2023年政府信息公开工作年度报告", None, template,
                    "r1.txt", "txt", "0" * 64)
    return ParsedReport(report, tables, (), ())


@pytest.fixture(scope="module")
def seed(samples_dir: Path) -> list[Chunk]:
    parsed, text = parsed_sample(samples_dir, "00_houjie_zhen_2023.txt")
    return chunk_report(parsed, text)


def test_seed_site_chrome_is_dropped(seed: list[Chunk]) -> None:
    everything = "\n".join(c.text for c in seed)
    assert seed[0].text.startswith("根据《中华人民共和国政府信息公开条例》")
    for chrome in ("头部", "中国东莞政府门户网站", "【字体", "相关附件", "扫一扫", "备案号", "网站标识码"):
        assert chrome not in everything
    assert seed[-1].text == "政府信息公开收费情况:全镇本年度没有收取信息公开处理费。"


def test_seed_sections_and_metadata(seed: list[Chunk]) -> None:
    [c] = [c for c in seed if c.text.startswith("2023年,厚街镇收到政府信息公开申请14宗")]
    assert c.section == "一、总体情况 > (二)依申请公开方面" and c.kind == "text"
    assert c.meta == {"report_id": "00_houjie_zhen_2023", "agency": "厚街镇人民政府", "year": 2023,
                      "section": c.section, "kind": "text"}
    sections = {c.section.split(" > ")[0] for c in seed}
    assert {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"} <= sections
    # 一是/二是 items of one sub-section share a chunk when they fit, and never leave their sub-section
    opened = [c for c in seed if c.section.startswith("一、总体情况 > (一)主动公开方面")]
    assert len(opened) == 1 and opened[0].text.startswith("一是") and "三是通过《东莞日报》" in opened[0].text


def test_seed_prose_chunks_end_on_sentences_and_fit(seed: list[Chunk]) -> None:
    for c in seed:
        assert len(c.text) <= MAX_CHARS
        if c.kind == "text":
            assert len(c.text) <= PROSE_CHARS and c.text[-1] in SENTENCE_ENDS, c.text


def test_seed_template_rows_become_sentences(seed: list[Chunk]) -> None:
    texts = {c.text for c in seed}
    assert ("厚街镇人民政府 2023 年 收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量："
            "自然人12，商业企业2，科研机构0，社会公益组织0，法律服务机构0，其他0，总计14") in texts
    assert "厚街镇人民政府 2023 年 主动公开政府信息情况 第二十条第(五)项 行政许可：本年处理决定数量24769" in texts
    assert "厚街镇人民政府 2023 年 政府信息公开行政复议、行政诉讼情况 案件数：各项均为0" in texts
    assert ("厚街镇人民政府 2023 年 收到和处理政府信息公开申请情况 三、本年度办理结果 (三)不予公开 1.属于国家秘密："
            "各项均为0") in texts
    rows = [c for c in seed if c.meta.get("grain") == "row"]
    assert {c.meta["table"] for c in rows} == {"t2", "t3", "t4"} and all(c.kind == "table" for c in rows)


def test_seed_table_slices_carry_title_header_and_whole_rows(samples_dir: Path, seed: list[Chunk]) -> None:
    parsed, _ = parsed_sample(samples_dir, "00_houjie_zhen_2023.txt")
    t3 = next(t for t in parsed.tables if t.key == "t3")
    labels = [" ".join(rp) for rp in t3.row_paths]
    slices = [c for c in seed if c.meta.get("table") == "t3" and c.meta.get("grain") == "rows"]
    assert len(slices) > 1
    seen = []
    for c in slices:
        head, cols, *lines = c.text.split("\n")
        assert head == "厚街镇人民政府 2023 年 收到和处理政府信息公开申请情况（单位：宗）"
        assert cols == "列：自然人｜商业企业｜科研机构｜社会公益组织｜法律服务机构｜其他｜总计"
        for line in lines:
            label, values = line.split("：")
            assert label in labels and len(values.split("，")) == 7  # a row is never cut
            seen.append(label)
    assert seen == labels


def test_table_text_is_masked_from_the_prose(seed: list[Chunk]) -> None:
    prose = "\n".join(c.text for c in seed if c.kind == "text")
    assert "本年制发件数" not in prose and "申请人情况" not in prose and "结果维持" not in prose


def test_ambiguous_cells_and_column_groups(samples_dir: Path) -> None:
    assert render_cell("?(5|58|584)") == "无法确定（候选：5/58/584）"
    assert render_cell(" 12 ") == "12"
    parsed, text = parsed_sample(samples_dir, "06_pingtan_zone_2021.txt")
    chunks = chunk_report(parsed, text)
    assert any("无法确定（候选：" in c.text for c in chunks)
    [t4] = [c.text for c in chunks if c.meta.get("table") == "t4" and c.meta.get("grain") == "row"]
    assert t4 == ("平潭综合实验区 2021 年 政府信息公开行政复议、行政诉讼情况 案件数：行政复议：结果维持1，结果纠正0，"
                  "其他结果2，尚未审结0，总计3；行政诉讼未经复议直接起诉：结果维持12，结果纠正0，其他结果0，尚未审结0，"
                  "总计12；行政诉讼复议后起诉：结果维持0，结果纠正0，其他结果0，尚未审结0，总计0")


def test_ids_are_deterministic_and_scoped_by_report(samples_dir: Path, seed: list[Chunk]) -> None:
    parsed, text = parsed_sample(samples_dir, "00_houjie_zhen_2023.txt")
    again = chunk_report(parsed, text)
    assert [c.id for c in again] == [c.id for c in seed]
    assert len({c.id for c in seed}) == len(seed)
    assert seed[0].id == chunk_id(seed[0].report_id, passage_text(seed[0]))
    assert chunk_id("a", "同一段文字") != chunk_id("b", "同一段文字")


def test_passage_text_names_report_and_section() -> None:
    c = Chunk("x", "r1", "正文。", "一、总体情况", "text", meta={"agency": "某镇人民政府", "year": 2023})
    assert passage_text(c) == "某镇人民政府 2023 年 一、总体情况\n正文。"
    t = Chunk("y", "r1", "表格行", "三、…", "table", meta={"agency": "某镇人民政府"})
    assert passage_text(t) == "表格行"


def test_pdf_chunks_carry_pages(samples_dir: Path) -> None:
    parsed, text = parsed_sample(samples_dir, "01_huaian_shi_2024.pdf")
    chunks = chunk_report(parsed, text)
    assert all(isinstance(c.page, int) and c.meta["page"] == c.page for c in chunks)
    assert {c.page for c in chunks} >= {1, 2, 3, 4, 5}


def test_hard_wrapped_lines_and_page_footers() -> None:
    raw = "市政府及市政府办公厅行\n政规范性文件 34 件。\n— 1 —\n下一段开始，\n接着写完。\n\n新段落。"
    assert clean_prose(raw) == "市政府及市政府办公厅行政规范性文件 34 件。\n下一段开始，接着写完。\n新段落。"
    assert clean_prose("。（一）后面的标题标点") == "（一）后面的标题标点"


def test_inline_headings_long_sections_and_items() -> None:
    long = "".join(f"第{i}句话讲的是一项具体的工作，内容比较长，需要被完整保留下来。" for i in range(30))
    text = ("某某镇人民政府2023年政府信息公开工作年度报告 当前位置：首页 根据《中华人民共和国政府信息公开条例》编制。"
            "一、总体情况（一）主动公开方面。" + long + "（二）依申请公开方面。一是登记。二是答复。"
            "二、存在的主要问题及改进情况 不足：一是人员少；二是培训少。")
    chunks = chunk_report(synthetic(text), text)
    assert chunks[0].text == "根据《中华人民共和国政府信息公开条例》编制。" and chunks[0].section == ""
    opened = [c for c in chunks if c.section == "一、总体情况 > （一）主动公开方面"]
    assert len(opened) > 1 and "".join(c.text for c in opened) == long
    assert all(len(c.text) <= PROSE_CHARS and c.text.endswith("。") for c in opened)
    [applied] = [c for c in chunks if c.section.startswith("一、总体情况 > （二）")]
    assert applied.text == "一是登记。二是答复。"
    [issues] = [c for c in chunks if c.section == "二、存在的主要问题及改进情况"]
    assert issues.text == "不足：一是人员少；二是培训少。"


def test_a_table_of_contents_names_the_sections() -> None:
    text = ("上海市某街道2023年部门预算\n目 录\n一、部门主要职能\n二、部门机构设置\n三、名词解释\n"
            "部门主要职能\n街道是区政府的派出机关。\n主要职能包括：\n一、加强党的建设。\n二、统筹社区发展。\n"
            "部门机构设置\n本部门包括5家预算单位。\n名词解释\n基本支出预算：保障机构正常运转的支出。\n")
    chunks = chunk_report(synthetic(text, template=None), text)
    by_section = {c.section: c.text for c in chunks}
    assert "街道是区政府的派出机关。" in by_section["一、部门主要职能"]
    assert "一、加强党的建设。" in by_section["一、部门主要职能"]  # a numbered list, not a heading
    assert by_section["二、部门机构设置"] == "本部门包括5家预算单位。"
    assert by_section["三、名词解释"] == "基本支出预算：保障机构正常运转的支出。"


def test_generic_table_rows_name_their_cells() -> None:
    table = Table("r1", "g1", "2023年部门收入预算总表", (("项目",), ("合计",), ("财政拨款",)),
                  ((), ("一般公共服务支出",), ("一般公共服务支出", "统计管理")),
                  (("项目", "合计", "财政拨款"), ("一般公共服务支出", "2,976,800", "2,976,800"),
                   ("统计管理", "26,300", "")), unit="元")
    text = "部门预算。"
    [c] = [c for c in chunk_report(synthetic(text, (table,), template=None), text) if c.kind == "table"]
    assert c.text.split("\n") == [
        "某某镇人民政府 2023 年 2023年部门收入预算总表（单位：元）",
        "列：项目｜合计｜财政拨款",
        "一般公共服务支出：合计2,976,800，财政拨款2,976,800",
        "一般公共服务支出 > 统计管理：合计26,300",
    ]
    assert c.meta["table"] == "g1" and c.meta["grain"] == "rows"


def test_body_starts_at_the_opening_sentence() -> None:
    text = ("标题: X镇2023年政府信息公开工作年度报告\n当前位置：首页\n"
            "X镇2023年政府信息公开工作年度报告 来源：本网 本报告根据《条例》编制。一、总体情况")
    start, end = body_bounds(text, "X镇2023年政府信息公开工作年度报告")
    assert text[start:].startswith("本报告根据《条例》") and end == len(text)
    assert body_bounds("没有标题的文本。", None) == (0, len("没有标题的文本。"))
