"""Coded tables of a page crawled into one line: read when each row's number has one place."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from index.load import load_document
from index.models import AMBIGUOUS, EXACT, RECOVERED
from index.one_line_tables import one_line_tables
from index.parse import parse_document
from index.prose_facts import prose_facts

_FILLER = "说明文字。" * 80  # a one-line page is long; a printed line never is

_ONE_VALUE = (_FILLER + " 七、一般公共预算基本支出经济分类情况表 单位：万元 科目编码 科目名称 预算数 合 计 300.50"
              " 301 工资福利支出 200.00 30101 基本工资 120.00 30102 津贴补贴 80.00 30103 奖金"
              " 302 商品和服务支出 100.50 30201 办公费 60.50 30205 水费 30206 电费 40.00 八、其他说明 无。")


def _read(text: str):
    return one_line_tables("r", text, 1, [], lambda _: None)


def test_a_one_value_coded_table_on_one_line_is_read_row_by_row():
    tables, facts, spans = _read(_ONE_VALUE)
    cells = {"/".join(f.row_path): f.value for f in facts}
    assert cells == {"合计": Decimal("300.50"), "工资福利支出": Decimal("200.00"),
                     "工资福利支出/基本工资": Decimal("120.00"), "工资福利支出/津贴补贴": Decimal("80.00"),
                     "商品和服务支出": Decimal("100.50"), "商品和服务支出/办公费": Decimal("60.50"),
                     "商品和服务支出/电费": Decimal("40.00")}  # 奖金 and 水费 printed no number
    assert all(f.unit == "万元" and f.column_path == ("预算数",) for f in facts)
    assert tables[0].title == "一般公共预算基本支出经济分类情况表" and len(spans) == 1


_GLUED = (_FILLER + " 九、一般公共预算基本支出经济分类情况表2024年度一般公共预算基本支出经济分类情况表"
           "单位：万元科目编码科目名称预算数合计　301工资福利支出310.5　30101基本工资98.2530102津贴补贴86.130103"
           "奖金42.5　30107绩效工资"
           "　30113住房公积金83.65　302商品和服务支出40.06　30201办公费12　30211差旅费8.0630217公务接待费20　"
           "303对个人和家庭的补助6.4　30302退休费6.4 十、其他说明 无。")


def test_a_coded_table_glued_into_runs_is_read_where_the_series_splits_it():
    # 「98.2530102」 after row 30101: 98.25 and the next code 30102, the only split that goes on the series
    tables, facts, _ = _read(_GLUED)
    cells = {"/".join(f.row_path): f.value for f in facts}
    assert cells == {"工资福利支出": Decimal("310.5"), "工资福利支出/基本工资": Decimal("98.25"),
                     "工资福利支出/津贴补贴": Decimal("86.1"), "工资福利支出/奖金": Decimal("42.5"),
                     "工资福利支出/住房公积金": Decimal("83.65"), "商品和服务支出": Decimal("40.06"),
                     "商品和服务支出/办公费": Decimal("12"), "商品和服务支出/差旅费": Decimal("8.06"),
                     "商品和服务支出/公务接待费": Decimal("20"), "对个人和家庭的补助": Decimal("6.4"),
                     "对个人和家庭的补助/退休费": Decimal("6.4")}
    assert all(f.unit == "万元" and f.column_path == ("预算数",) for f in facts)
    assert tables[0].title == "一般公共预算基本支出经济分类情况表"
    # each figure's span is its own digits in the text
    assert all(_GLUED[f.span[0]:f.span[1]] == f.raw for f in facts)


def test_a_table_of_several_value_columns_is_left_unread():
    # 人员经费 beside 公用经费, no total column first: a row's lone number could sit in either column
    text = _ONE_VALUE.replace("科目名称 预算数", "科目名称 人员经费 公用经费")
    assert _read(text) == ([], [], [])


def test_a_table_whose_first_column_is_the_row_total_gives_each_rows_total_only():
    # 合计 first: a row that prints any amount prints its total first; 人员经费 / 公用经费 stay unread
    text = _ONE_VALUE.replace("科目名称 预算数 合 计 300.50",
                              "科目名称 合计 人员经费 公用经费 合 计 300.50 200.00 100.50")
    text = text.replace("30101 基本工资 120.00", "30101 基本工资 120.00 120.00")
    tables, facts, _ = _read(text)
    cells = {"/".join(f.row_path): f.value for f in facts}
    assert cells["合计"] == Decimal("300.50") and cells["工资福利支出/基本工资"] == Decimal("120.00")
    assert {f.column_path for f in facts} == {("合计",)} and len(facts) == 7


_FINAL_ACCOUNT = (_FILLER + " "
                  "3. 支出决算表 附件3 支出决算表 编制单位：某某镇人民政府 2019年度 金额单位：万元 项目"
                  " 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出 支出功能分类科目编码"
                  " 科目名称 类 款 项 合计 1,500.00 1,200.00 300.00 201"
                  " 一般公共服务支出 900.00 850.00 50.00 20103 政府办公厅（室）及相关机构事务"
                  " 900.00 850.00 50.00 2010301 行政运行 850.00 850.00"
                  " 2010350 事业运行 50.00 50.00 213 农林水支出 600.00 350.00"
                  " 250.00 21307 农村综合改革 600.00 350.00 250.00 2130705"
                  " 对村民委员会和村党支部的补助 600.00 350.00 250.00 4."
                  " 财政拨款收入支出决算总表 附件4 财政拨款收入支出决算总表 收 入 支 出")
_OPENING_BALANCES = _FINAL_ACCOUNT.replace("项目 本年支出合计 基本支出", "项目 年初结转和结余 本年支出合计 基本支出")


def test_a_final_accounts_numbered_attachment_gives_each_rows_total():
    tables, facts, _ = _read(_FINAL_ACCOUNT)
    assert tables[0].title == "支出决算表"
    cells = {"/".join(f.row_path): f.value for f in facts}
    assert cells["农林水支出"] == Decimal("600.00") and cells["一般公共服务支出"] == Decimal("900.00")
    assert cells["农村综合改革/对村民委员会和村党支部的补助"] == Decimal("600.00")
    assert cells["合计"] == Decimal("1500.00")
    assert all(f.column_path == ("本年支出合计",) for f in facts)
    assert Decimal("350.00") not in cells.values()  # 基本支出 or 项目支出? the crawl dropped the empty cells


def test_a_table_opening_on_another_column_than_the_total_stays_unread():
    assert _read(_OPENING_BALANCES) == ([], [], [])


def test_a_row_printing_two_numbers_leaves_its_table_unread():
    text = _ONE_VALUE.replace("30101 基本工资 120.00", "30101 基本工资 120.00 20.00")
    assert _read(text)[1] == []


def test_a_short_line_is_no_one_line_page():
    assert _read(_ONE_VALUE.replace(_FILLER, ""))[1] == []


def test_a_crawled_budget_page_gives_its_economic_lines(fixtures_dir: Path):
    parsed = parse_document(load_document(fixtures_dir / "46_pingtan_suping_budget_2021.txt"), "46")
    lines = {"/".join(f.row_path): f.value for f in parsed.facts if f.table.startswith("g")}
    assert lines["工资福利支出/绩效工资"] == Decimal("55.32")
    assert lines["商品和服务支出/工会经费"] == Decimal("88.01")
    assert "工资福利支出/伙食补助费" not in lines  # printed empty


def test_a_staffing_table_on_one_line_gives_each_units_headcounts(fixtures_dir: Path):
    # 「单位名称 经费性质 人员编制数 在职人数 …局本级 财政核拨 26 44 …统计局 财政核拨 / 6 …」
    parsed = parse_document(load_document(fixtures_dir / "45_pingtan_jingfaju_final_2017.txt"), "45")
    staff = {(f.row_path[0], f.column_path[0]): f.value for f in parsed.facts if f.unit == "人" and f.column_path}
    assert staff[("平潭综合实验区经济发展局本级", "在职人数")] == Decimal("44")
    assert staff[("平潭综合实验区统计局", "在职人数")] == Decimal("6")
    assert ("平潭综合实验区统计局", "人员编制数") not in staff  # printed 「/」
    assert ("平潭综合实验区口岸工作办公室", "在职人数") not in staff


def test_a_headcount_printed_with_its_unit(fixtures_dir: Path):
    parsed = parse_document(load_document(fixtures_dir / "55_pingtan_zhongdianban_final_2017.txt"), "55")
    staff = {(f.row_path[0], f.column_path[0]): f.value for f in parsed.facts if f.unit == "人" and f.column_path}
    assert staff[("平潭综合实验区重点项目服务中心", "在职人数")] == Decimal("7")  # 「7人」


def test_a_headcount_with_its_breakdown_in_brackets() -> None:
    # 「23人（在编9人，挂职干部8人，行政助理4人，临聘人员2人）」: the count, with a note of who it counts
    text = (_FILLER + " 单位名称 经费性质 人员编制数 在职人数 平潭综合实验区台湾事务办公室 财政核拨 11"
            " 23人（在编9人，挂职干部8人，行政助理4人，临聘人员2人）"
            " 平潭综合实验区台胞服务中心 财政核拨 6 5人 三、其他。")
    staff = {(f.row_path[0], f.column_path[0]): f.value for f in _read(text)[1]}
    assert staff[("平潭综合实验区台湾事务办公室", "人员编制数")] == Decimal("11")
    assert staff[("平潭综合实验区台湾事务办公室", "在职人数")] == Decimal("23")
    assert staff[("平潭综合实验区台胞服务中心", "在职人数")] == Decimal("5")


def test_two_coded_rows_a_page_joined_on_one_line_are_two_rows(fixtures_dir: Path):
    # 「2013402一般行政管理事务 90,000 90,000 20138 市场监督管理事务 225,872 225,872」 and
    # 「302 06电费 250,000 250,000 302 07邮电费 70,000 70,000」: the second row starts at its code
    parsed = parse_document(load_document(fixtures_dir / "34_putuo_shiquan_unit_budget_2026.txt"), "34")
    cells = {("/".join(f.row_path), "/".join(f.column_path)): f.value for f in parsed.facts
             if f.table.startswith("g") and f.status == "exact"}
    assert cells[("一般公共服务支出/统战事务/一般行政管理事务", "支出预算/合计")] == Decimal("90000")
    assert cells[("一般公共服务支出/市场监督管理事务", "支出预算/合计")] == Decimal("225872")
    assert cells[("商品和服务支出/电费", "一般公共预算基本支出/合计")] == Decimal("250000")
    assert cells[("商品和服务支出/邮电费", "一般公共预算基本支出/合计")] == Decimal("70000")
    assert ("一般公共服务支出/一般行政管理事务", "支出预算/合计") not in cells  # the old, wrong reading


def _staffing_facts(path: str) -> list:
    text = (Path(__file__).resolve().parents[2] / path).read_text(encoding="utf-8")
    return [f for f in one_line_tables("r", text, 1, [], lambda _: None)[1] if f.unit == "人"]


def _staffing_read(path: str) -> dict[tuple[str, str], str]:
    """The cells read for certain."""
    return {(f.row_path[0], f.column_path[0]): str(f.value) for f in _staffing_facts(path) if f.status == EXACT}


def _readings(path: str) -> dict[tuple[str, str], set[str]]:
    """The cells whose glued digits split more than one way, with every reading kept."""
    out: dict[tuple[str, str], set[str]] = {}
    for f in _staffing_facts(path):
        if f.status == AMBIGUOUS:
            out.setdefault((f.row_path[0], f.column_path[0]), set()).add(str(f.value))
    return out


def _by_size(path: str) -> dict[tuple[str, str], str]:
    """The cells of rows whose glued digits split several ways, read as the one split of a like size."""
    return {(f.row_path[0], f.column_path[0]): str(f.value) for f in _staffing_facts(path) if f.status == RECOVERED}


def test_a_glued_staffing_table_reads_the_certain_splits_and_those_of_a_size() -> None:
    # 「…福利院财政核拨79平潭县闽剧团财政拨补/34…本级本部财政核拨2339…」: one digit a column, or a 「/」;
    # 2339 splits 2|339, 23|39 or 233|9, and only 23|39 are two counts of a size
    path = "eval/probes/round12/reports/124_pingtan_shehuishiyeju_final_2017.txt"
    read = _staffing_read(path)
    assert read[("平潭综合实验区福利院", "人员编制数")] == "7" and read[("平潭综合实验区福利院", "在职人数")] == "9"
    assert read[("平潭县闽剧团", "在职人数")] == "34" and ("平潭县闽剧团", "人员编制数") not in read
    assert not any("本级" in name for name, _ in read)
    own = next(name for name, _ in _by_size(path) if "本级" in name)
    assert _by_size(path)[(own, "人员编制数")] == "23" and _by_size(path)[(own, "在职人数")] == "39"
    assert {f.raw for f in _staffing_facts(path) if f.row_path[0] == own} == {"2339"}  # as printed, for the note
    assert _readings(path) == {}
    path = "eval/probes/round10/reports/105_pingtan_nongcunfazhanju_budget_2018.txt"
    station, centre = "平潭综合实验区水利工程质量监督站", "平潭综合实验区海上应急指挥中心"
    assert _staffing_read(path) == {(station, "人员编制数"): "6", (station, "在职人数"): "6",
                                    (centre, "人员编制数"): "5", (centre, "在职人数"): "5"}
    # 「…动物卫生监督所财政核拨1010」: 1|010 has a leading zero; of 10|10 and 101|0 only the first is of a size
    sized = _by_size(path)
    assert sized[("平潭综合实验区动物卫生监督所", "人员编制数")] == "10"
    assert sized[("平潭综合实验区动物卫生监督所", "在职人数")] == "10"
    # a table whose row numbers are glued in too (序号 in its header) is not read at all
    assert _staffing_read("eval/probes/round9/reports/96_pingtan_nongcunfazhan_final_2017.txt") == {}


@pytest.mark.parametrize("printed,reading", [
    ("3841", ("38", "41")),  # not 3|841, 384|1
    ("4834", ("48", "34")),
    ("4040", ("40", "40")),  # 404|0: a nought beside hundreds is no pair of a size
    ("1024", None),  # 10|24 and 102|4: no split within a factor of two, every reading stays
    ("123", None),  # 1|23, 12|3
    ("30", None),  # one split only: read as printed elsewhere, not here
    ("1213", ("12", "13")),  # 1|213, 12|13, 121|3
    ("100", None),  # 1|00 opens a cell with a zero; 10|0 is no pair of a size
])
def test_a_glued_pair_is_read_only_where_one_split_is_of_a_size(printed: str, reading) -> None:
    from index.one_line_tables import _glued_cells, _of_a_size

    readings = _glued_cells(printed)
    if len(readings) < 2:
        assert reading is None
        return
    assert _of_a_size(readings) == reading


def test_a_unit_whose_cell_is_no_plain_count_keeps_the_units_after_it() -> None:
    # 「房地产交易中心 全额拨款 10 6（事业）+24（自收自支） …环境监察支队 财政核拨 8 7」
    read = _staffing_read("eval/probes/round12/reports/125_pingtan_huanjingyuguotuziyuanju_budget_2018.txt")
    assert read[("平潭综合实验区环境监察支队", "在职人数")] == "7"
    assert read[("平潭综合实验区房地产交易中心", "人员编制数")] == "10"
    assert ("平潭综合实验区房地产交易中心", "在职人数") not in read  # 6 + 24, of two kinds: not one count


def test_a_unit_printed_with_no_cells_leaves_the_next_unit_read() -> None:
    # 「区行政审批局 行政 15 15 区马上办 行政 区行政服务中心 事业 8 2 区公共资源交易中心 事业 8 3」
    read = _staffing_read("tests/fixtures/233_xingzhengshenpiju_budget_2016.txt")
    assert read[("区行政服务中心", "人员编制数")] == "8" and read[("区行政服务中心", "在职人数")] == "2"
    assert read[("区公共资源交易中心", "在职人数")] == "3" and read[("区行政审批局", "人员编制数")] == "15"
    assert not any(name == "区马上办" for name, _ in read)


def test_a_glued_table_of_one_unit() -> None:
    # 「单位名称经费性质人员编制数在职人数平潭综合实验区公共资源交易中心财政核补83」: one digit a column
    read = _staffing_read("tests/fixtures/231_gonggongziyuanjiaoyizhongxin_final_2015.txt")
    unit = "平潭综合实验区公共资源交易中心"
    assert read == {(unit, "人员编制数"): "8", (unit, "在职人数"): "3"}


def test_glued_digits_with_one_split_free_of_leading_zeros_are_read() -> None:
    # 「…指挥部财政核拨010」 is 0|10 (01|0 would open a cell with a zero); 「…中心财政核拨87」 8|7
    read = _staffing_read("eval/probes/round29/reports/294_pingtan_huandaogongluzhihuibu_final_2017.txt")
    unit = "平潭综合实验区环岛公路建设指挥部"
    assert read == {(unit, "人员编制数"): "0", (unit, "在职人数"): "10"}
    read = _staffing_read("eval/probes/round29/reports/293_pingtan_pingyuanzhen_budget_2018.txt")
    assert read[("平原镇农业服务中心", "人员编制数")] == "8" and read[("平原镇农业服务中心", "在职人数")] == "7"
    # 「平原镇人民政府…2024」: 20|24 or 202|4, and only the first is a pair of a size
    assert _by_size("eval/probes/round29/reports/293_pingtan_pingyuanzhen_budget_2018.txt") == {
        ("平原镇人民政府", "人员编制数"): "20", ("平原镇人民政府", "在职人数"): "24"}


def test_a_line_for_several_bodies_and_a_funding_named_in_full() -> None:
    # 「区纪工委、廉政办、巡察办、监察委 财政核拨 90 73」: one line for the bodies that share their staff
    read = _staffing_read("eval/probes/round25/reports/252_pingtan_jigongwei_budget_2018.txt")
    assert read[("区纪工委、廉政办、巡察办、监察委", "人员编制数")] == "90"
    assert read[("区审计事务中心", "在职人数")] == "6"
    # 「…文化服务中心财政全额拨款11计生服务中心财政全额拨款63…」: the funding 财政全额拨款 is no part of
    # the unit's name; 「政府行政机关财政全额拨款2529」 splits four ways and is left out
    read = _staffing_read("eval/probes/round25/reports/251_pingtan_luyangxiang_budget_2019.txt")
    assert read[("计生服务中心", "人员编制数")] == "6" and read[("计生服务中心", "在职人数")] == "3"
    assert not any(name.startswith("政府行政机关") or name.endswith("财政") for name, _ in read)


def test_a_sentence_that_runs_into_a_glued_table_leaves_its_cells_to_the_table(tmp_path: Path) -> None:
    # 「…详细情况见下表:单位名称经费性质人员编制数在职人数平原镇人民政府财政核拨2024…文化服务中心财政核拨11 三、」:
    # the sentence goes on into the table; no number of the table is read as the sentence's
    path = Path(__file__).resolve().parents[2] / "eval/probes/round29/reports/293_pingtan_pingyuanzhen_budget_2018.txt"
    doc = parse_document(load_document(path), "r")
    assert not any(f.table == "prose" and "财政核拨" in " ".join(f.row_path) for f in doc.facts)
    assert any(f.table.startswith("g") and f.row_path == ("平原镇文化服务中心",) for f in doc.facts)


def test_a_full_width_comma_between_thousands_is_part_of_the_number() -> None:
    # 「本年收入1，799.35万元」 (a 决算说明 of 2016) and 「…（项）3，518.85万元，主要用于…」 (a 2026 budget)
    facts = prose_facts("r", "本年收入1，799.35万元，本年支出12，916.33万元，其中人员支出350.90万元，"
                             "收入5，其他3万元。")
    got = {f.row_path[-1]: str(f.value) for f in facts if f.unit}
    assert got["本年收入"] == "1799.35" and got["本年支出"] == "12916.33" and got["其中人员支出"] == "350.90"
    assert got["收入"] == "5"  # 「收入5，其他3万元」: two clauses, no thousands
    sample = Path(__file__).resolve().parents[2] / "samples/19_putuo_jianguanwei_budget_2026.txt"
    text = sample.read_text(encoding="utf-8")
    assert any(f.value == Decimal("3518.85") for f in prose_facts("r", text))


def test_a_glued_row_funded_as_an_administration(tmp_path: Path) -> None:
    # 「…单位名称经费性质人员编制数在职人数某片区开发管理局行政1210某服务中心事业55 三、」: 行政 / 事业 are kinds of
    # funding too; 「1210」 splits three ways (1|210, 12|10, 121|0), and 12|10 is the one pair of a size
    path = tmp_path / "unit.txt"
    work = "围绕片区开发建设，做好征地拆迁、项目服务和招商引资等各项工作。" * 12  # a crawled page's one long line
    path.write_text("二、部门基本情况 单位名称经费性质人员编制数在职人数某片区开发管理局行政1210某片区服务中心事业55 "
                    "三、部门主要工作" + work, encoding="utf-8")
    read = _staffing_read(str(path))
    assert read[("某片区服务中心", "人员编制数")] == "5" and read[("某片区服务中心", "在职人数")] == "5"
    assert _by_size(str(path)) == {("某片区开发管理局", "人员编制数"): "12", ("某片区开发管理局", "在职人数"): "10"}
