"""Questions as citizens, journalists and auditors ask them, each checked by hand against the source.

A wrong figure fails; so does a figure where the answer should be a refusal.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from qa.scope import Filters

SEED = "00_houjie_zhen_2023"
HUAIAN = "01_huaian_shi_2024"
HONGZE23 = "02_hongze_qu_2023"
HONGZE24 = "03_hongze_qu_2024"
PT2025 = "04_pingtan_zone_2025"
PT2021 = "06_pingtan_zone_2021"
JUNSHAN = "08_pingtan_junshan_2022"
BUDGET = "15_wanli_jiedao_budget_2024"

# (report filter or None, question, expected value, expected unit); source noted per block
FIGURES = [
    # seed 厚街镇 2023, table 三 (one cell per line in the crawled page)
    (None, "厚街镇2023年收到多少宗信息公开申请?", "14", "宗"),
    (SEED, "今年一共收到多少件信息公开申请?", "14", "宗"),
    (SEED, "企业申请了几宗?", "2", "宗"),
    (SEED, "个人提了多少申请?", "12", "宗"),
    (SEED, "律师事务所提了多少?", "0", "宗"),
    (SEED, "上一年结转过来的申请有几件?", "3", "宗"),
    (SEED, "上年结转的申请里法律服务机构有几件?", "1", "宗"),
    (SEED, "有多少申请因为政府没有这个信息而无法提供?", "4", "宗"),
    (SEED, "需要另行制作所以没提供的有几宗?", "1", "宗"),
    (SEED, "因为属于内部事务信息不予公开的有几宗?", "3", "宗"),
    (SEED, "不予公开的一共多少宗?", "4", "宗"),  # 3 + 1 over the 8 sub-rows
    (SEED, "属于国家秘密不公开的有几宗", "0", "宗"),
    (SEED, "予以公开的有多少", "4", "宗"),
    (SEED, "部分公开了几宗", "1", "宗"),
    (SEED, "办结总计多少宗", "16", "宗"),
    (SEED, "结转到下一年继续办理的有几宗", "1", "宗"),
    # seed table 二 and 四
    (SEED, "行政处罚多少件?", "842", "件"),
    (SEED, "行政许可的处理决定有多少?", "24769", "件"),
    (SEED, "行政强制有几件", "8", "件"),
    (SEED, "收了多少行政事业性收费?", "8862.02", "万元"),
    (SEED, "规范性文件废止了多少件", "7", "件"),
    (SEED, "现行有效的行政规范性文件有多少件", "20", "件"),
    (SEED, "行政复议有几宗", "0", "宗"),
    (SEED, "行政诉讼有几起", "0", "宗"),
    # seed prose
    (SEED, "微信公众号发布了多少条信息?", "1896", "条"),
    (SEED, "12345热线处理了多少工单?", "31800", "份"),
    (SEED, "投诉类工单多少?", "26816", "份"),
    (SEED, "举报类的工单有多少份", "2020", "份"),
    (SEED, "门户网站主动公开了多少条信息", "2516", "条"),
    (SEED, "工作动态信息公开了多少条", "796", "条"),
    (SEED, "公众号关注人数有多少", "43.5", "万人"),
    (SEED, "厚街新闻视频制播了多少期", "365", "期"),
    # 淮安市 2024 (PDF, table 三 split over pages 4–5)
    (None, "淮安市2024年收到多少件政府信息公开申请?", "3119", "件"),
    (HUAIAN, "企业申请了多少件?", "53", "件"),
    (HUAIAN, "律师事务所提出了多少申请?", "61", "件"),
    (HUAIAN, "行政处罚多少件?", "3985758", "件"),
    (HUAIAN, "行政许可决定有多少", "447228", "件"),
    (HUAIAN, "收了多少行政事业性收费", "96171.6", "万元"),
    (HUAIAN, "被申请行政复议多少件", "351", "件"),
    (HUAIAN, "行政诉讼一共有多少件", "46", "件"),  # 26 直接起诉 + 20 复议后起诉
    (HUAIAN, "因为不掌握相关信息而无法提供的有多少件", "769", "件"),
    (HUAIAN, "重复申请有几件", "25", "件"),
    (HUAIAN, "结转到下一年的有多少", "103", "件"),
    # 洪泽区 2023/2024 (PDF)
    (None, "洪泽区2024年收到多少件申请", "95", "件"),
    (None, "洪泽区2023年行政处罚多少件", "4119", "件"),
    (HONGZE24, "行政规范性文件今年制发了几件", "3", "件"),
    # 平潭 (HTML 2025; glued-digit text 2021)
    (PT2025, "平潭2025年收到多少件申请", "154", "件"),
    (PT2025, "因政府信息公开被申请行政复议多少件", "36", "件"),
    (PT2025, "行政诉讼多少件", "9", "件"),  # 6 + 3
    (PT2025, "行政规范性文件现行有效多少件", "546", "件"),
    (PT2021, "平潭2021年收到了多少件申请", "70", "件"),  # glued 「640020470」 → 64,0,0,2,0,4,70
    (PT2021, "个人申请有多少", "64", "件"),
    # 部门预算 (generic tables, in the table's own unit)
    (BUDGET, "一般公共服务支出预算多少?", "2932700", "元"),
    (BUDGET, "财政拨款收入是多少?", "156211123", "元"),
]

ARITHMETIC = [
    (SEED, "予以公开占比多少?", "25.0", "%"),  # 4 ÷ 16
    (SEED, "无法提供的占办结总数的比例是多少", "31.3", "%"),  # 5 ÷ 16 = 31.25
    (SEED, "企业申请占全部新收申请的比例", "14.3", "%"),  # 2 ÷ 14
    (SEED, "予以公开和部分公开一共多少?", "5", "宗"),
    (HUAIAN, "予以公开和部分公开加起来多少件", "1816", "件"),  # 1362 + 454
    (HUAIAN, "予以公开比部分公开多多少件", "908", "件"),  # 1362 − 454
    (None, "洪泽区2024年收到的申请比去年增长多少?", "74", "件"),  # 95 − 21
]

ACROSS = [
    ("淮安市和洪泽区谁收到的申请多?", "3119", "件", {HUAIAN, HONGZE24}),
    ("平潭近三年的申请数怎么变化?", "154", "件", {PT2025, PT2021, "07_pingtan_zone_2019"}),
    ("哪个区县的行政复议最多?", "36", "件", {PT2025, HONGZE24}),
]

REFUSALS = [
    (None, "厚街镇2022年收到多少申请"),  # no 2022 report
    (SEED, "食堂一年吃了多少斤大米?"),
    (SEED, "How many applications did the town receive?"),
    (SEED, "How many applications did 厚街镇 receive from companies in 2023?"),  # English, a name in Chinese
    (None, "What did the 万里街道 office budget for interest on government bonds in 2024?"),
    (SEED, "   "),
    (SEED, "信息公开处理费收了多少钱"),  # the report says none was charged: no figure to give
]


def _ask(qa, report, question):
    return qa.ask(question, filters=Filters(reports=(report,)) if report else None)


@pytest.mark.parametrize("report,question,value,unit", FIGURES)
def test_figure_lookups(qa, report, question, value, unit):
    a = _ask(qa, report, question)
    assert a.status == "answered", a.text
    assert (str(a.value), a.unit) == (value, unit), a.text
    assert a.figures and a.citations, "every figure is cited"
    assert value in a.text


@pytest.mark.parametrize("report,question,value,unit", ARITHMETIC)
def test_arithmetic_shows_its_inputs(qa, report, question, value, unit):
    a = _ask(qa, report, question)
    assert a.status == "answered", a.text
    assert (str(a.value), a.unit) == (value, unit), a.text
    assert len(a.figures) >= 2 and ("=" in a.text or "÷" in a.text)


@pytest.mark.parametrize("question,value,unit,reports", ACROSS)
def test_across_reports_with_a_table_to_chart(qa, question, value, unit, reports):
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert (str(a.value), a.unit) == (value, unit), a.text
    assert a.table and {row["report"] for row in a.table} == reports
    assert all(Decimal(row["value"]) >= 0 for row in a.table)


@pytest.mark.parametrize("report,question", REFUSALS)
def test_refusals_state_no_number(qa, report, question):
    a = _ask(qa, report, question)
    assert a.status == "refused", a.text
    assert a.value is None and not a.figures


def test_prose_figure_cites_its_sentence(qa):
    a = _ask(qa, SEED, "12345热线处理了多少工单?")
    assert "12345政府热线" in a.citations[0].text and a.figures[0].fact.table == "prose"


def test_table_figure_cites_its_cell(qa):
    a = _ask(qa, SEED, "企业申请了几宗?")
    fig = a.to_json()["figures"][0]
    assert fig["row"] == "一、本年新收政府信息公开申请数量" and fig["column"] == "法人或其他组织 / 商业企业"
    assert fig["agency"] == "厚街镇人民政府" and fig["year"] == 2023 and fig["status"] == "exact"


def test_parent_row_is_summed_and_says_so(qa):
    a = _ask(qa, SEED, "不予公开的一共多少宗?")
    assert "5.属于三类内部事务信息 3" in a.text and "8.属于行政查询事项 1" in a.text
    assert len(a.figures) == 8


def test_defaults_are_stated(qa):
    a = _ask(qa, SEED, "企业申请了几宗?")
    assert "本年新收" in a.text


def test_inconsistent_report_warns(qa):
    a = qa.ask("君山片区2022年办结了多少件申请")
    assert a.status == "answered" and str(a.value) == "0"
    assert "不平衡" in a.text and a.warnings


def test_recovered_digits_are_flagged(qa):
    a = _ask(qa, PT2021, "平潭2021年收到了多少件申请")
    assert "还原" in a.text


def test_ambiguous_cell_is_not_stated_as_fact(qa_store, samples_dir, tmp_path):
    from index.ingest import ingest_paths
    from index.store import SQLiteStore
    from qa.ask import QA

    store = SQLiteStore(tmp_path / "f.sqlite3")
    ingest_paths([samples_dir.parent / "tests" / "fixtures" / "05_pingtan_zone_2025.txt"], store)
    a = QA(store).ask("行政规范性文件现行有效多少件")
    assert a.status == "ambiguous" and a.value is None
    assert "546" in a.text and "无法唯一确定" in a.text


def test_needs_clarification_lists_reports(qa):
    a = qa.ask("今年收到多少件申请?")
    assert a.status == "needs_clarification"
    assert "厚街镇人民政府2023年" in a.text and "淮安市人民政府2024年" in a.text


def test_follow_up_questions_keep_the_focus(qa):
    history = [{"role": "user", "content": "厚街镇2023年收到多少宗信息公开申请?"},
               {"role": "assistant", "content": "14宗"}]
    a = qa.ask("那企业呢?", history)
    assert (a.status, str(a.value)) == ("answered", "2"), a.text
    gradio_history = [{"role": "user", "content": [{"type": "text", "text": "淮安市2024年企业申请了多少件"}]}]
    b = qa.ask("那律师事务所呢?", gradio_history)
    assert (b.status, str(b.value)) == ("answered", "61"), b.text


def test_last_year_follow_up(qa):
    history = [{"role": "user", "content": "洪泽区2024年收到多少件申请"}]
    a = qa.ask("去年呢?", history)
    assert (a.status, str(a.value)) == ("answered", "21"), a.text
    assert a.reports == (HONGZE23,)


def test_descriptive_question_gives_cited_passages(qa):
    a = _ask(qa, SEED, "有哪些改进措施?")
    assert a.status == "answered" and a.value is None
    assert "三审三校" in a.text and a.citations
    b = _ask(qa, SEED, "平台建设做了什么?")
    assert "智能推送" in b.text


def test_json_shape(qa):
    j = _ask(qa, SEED, "企业申请了几宗?").to_json()
    assert set(j) >= {"question", "status", "answer", "result", "figures", "citations", "table"}
    assert j["result"] == {"value": "2", "unit": "宗"}
    assert {"report", "section", "page", "text"} <= set(j["citations"][0])


MORE = [
    # 淮安市 2024 table 四 (pdftotext: 72 64 178 37 351 | 13 4 8 1 26 | 12 1 1 6 20)
    (HUAIAN, "行政复议结果被纠正的有多少件", "64", "件"),
    (HUAIAN, "没经过复议直接去法院起诉的有多少件", "26", "件"),
    (HUAIAN, "复议之后又起诉的案件有多少", "20", "件"),
    (HUAIAN, "行政复议被纠正的比例是多少", "18.2", "%"),  # 64 ÷ 351
    # 洪泽区 行政处罚 4119 (2023) → 2776 (2024)
    (None, "洪泽区2024年的行政处罚比2023年少了多少", "1343", "件"),
    # comparing shares: 淮安 1362 ÷ 3050 = 44.7%, 厚街 4 ÷ 16 = 25.0%
    (None, "厚街镇和淮安市的予以公开占比谁更高", "44.7", "%"),
]


@pytest.mark.parametrize("report,question,value,unit", MORE)
def test_table_four_outcomes_shares_and_year_gaps(qa, report, question, value, unit):
    a = _ask(qa, report, question)
    assert a.status == "answered", a.text
    assert (str(a.value), a.unit) == (value, unit), a.text


@pytest.mark.parametrize("question", ["今天天气怎么样？", "北京市2023年收到多少件信息公开申请？",
                                      "厚街镇收到的申请里有多少件是关于征地拆迁的？", "厚街镇的GDP是多少？"])
def test_off_topic_and_unsupported_questions_are_refused(qa, question):
    a = qa.ask(question)
    assert a.status == "refused" and a.value is None, a.text


def test_budget_share_of_its_total(qa):
    a = _ask(qa, BUDGET, "城乡社区支出占全部支出的比重是多少？")
    assert (a.status, str(a.value), a.unit) == ("answered", "76.4", "%"), a.text  # 119385303 ÷ 156211123
    assert len(a.figures) == 2 and "÷" in a.text


def test_budget_cell_cites_its_table_by_title(qa):
    a = _ask(qa, BUDGET, "一般公共服务支出预算多少?")
    assert a.citations[0].section.endswith("预算总表") and a.citations[0].page


def test_a_government_we_hold_no_report_of_is_refused(qa):
    a = qa.ask("月球上的政府一共收到多少件信息公开申请？")
    assert a.status == "refused" and "月球" in a.text
    b = _ask(qa, SEED, "公开了几期政府常务会议？")  # not a place: no such refusal
    assert "没有公开" not in b.text


# 15_wanli_jiedao_budget_2024 p.32: 「2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。」「（二）公务用车
# 购置及运行费46.56万元」「其中：公务用车购置费25万元」「公务用车运行费21.56万元」「（三）公务接待费1.35万元」
def test_a_level_question_is_not_answered_by_the_change_beside_it(qa):
    a = _ask(qa, BUDGET, "“三公”经费预算是多少？")
    assert (str(a.value), a.unit) == ("47.91", "万元"), a.text


def test_a_change_the_report_states_answers_a_change_question(qa):
    a = qa.ask("万里街道2024年的“三公”经费比2023年预算增加了多少？")  # the 2023 report is not in this store
    assert a.status == "answered", a.text
    assert (str(a.value), a.unit) == ("25", "万元") and "比2023年预算增加25万元" in a.citations[0].text


def test_figures_the_question_cannot_tell_apart_are_refused(qa):
    a = _ask(qa, BUDGET, "公务车的预算是多少？")  # 购置费 25? 购置及运行费 46.56? 运行费 21.56?
    assert a.status == "refused" and a.value is None, a.text


def test_an_everyday_verb_finds_the_printed_one(qa):
    a = _ask(qa, BUDGET, "打算花多少钱买公务车？")  # 买 is printed 购置: 购置费, not 购置及运行费
    assert (a.status, str(a.value), a.unit) == ("answered", "25", "万元"), a.text


def test_a_share_of_the_whole_named_before_zhong(qa):
    a = _ask(qa, BUDGET, "“三公”经费中，公务用车购置及运行费占了百分之多少？")
    assert (str(a.value), a.unit) == ("97.2", "%"), a.text  # 46.56 ÷ 47.91
    assert "46.56" in a.text and "47.91" in a.text and len(a.figures) == 2


def test_a_share_with_no_whole_is_refused_not_answered_with_the_part(qa):
    a = _ask(qa, BUDGET, "机关运行经费占多大比例？")  # 443.18万元 in prose, a share of nothing named
    assert a.status == "refused" and a.value is None, a.text
    assert "443.18万元" in a.text and "无法计算比例" in a.text and a.citations


def test_a_small_share_keeps_its_significant_digits():
    from qa.compose import pct

    assert pct(Decimal(13500), Decimal(99706020)) == Decimal("0.014")
    assert pct(Decimal(1), Decimal(3)) == Decimal("33.3") and pct(Decimal(0), Decimal(7)) == 0


# 01 淮安 2024 and 04 平潭 2025 count applications by applicant type only, never by channel or origin
@pytest.mark.parametrize("report,question", [
    (HUAIAN, "3119件信息公开申请里，有多少是网上提交的、多少是寄信提交的？"),
    (PT2025, "收到的信息公开申请里，有多少件是台湾同胞提的？"),
])
def test_breakdowns_the_tables_do_not_have_are_refused(qa, report, question):
    a = _ask(qa, report, question)
    assert a.status == "refused" and a.value is None, a.text


def test_a_sum_with_only_one_part_found_is_refused(qa):
    # 07 平潭 2019: 教育 133 条 and 医疗卫生 106 条 are stated far from their subjects
    a = _ask(qa, "07_pingtan_zone_2019", "教育领域和医疗卫生领域一共公开了多少条信息？")
    assert a.status == "refused" and a.value is None, a.text
    # 15 p.35: 「第一季度用款计划158.05万元，第二季度…，第三季度…，第四季度用款计划158.05万元」
    b = _ask(qa, BUDGET, "社区公共服务中心新建工程三个季度的用款计划加起来是多少？")  # which three?
    assert b.status == "refused" and b.value is None, b.text


def test_a_numbered_series_the_question_counts_is_summed(qa):
    # 15 p.35: four quarters of 158.05万元 each → 632.20万元, every input shown
    a = _ask(qa, BUDGET, "年度预算安排里，四个季度的用款计划加起来是多少？")
    assert (str(a.value), a.unit) == ("632.20", "万元"), a.text
    assert a.text.count("158.05万元") == 4 and len(a.figures) == 4


def test_a_subject_the_figure_text_never_names_is_refused(qa):
    # 15 p.35: the project's name stands in its 项目概况, pages before the quarterly plan; the
    # figures' sentence, heading and the words before them never say which project they belong to
    a = _ask(qa, BUDGET, "社区公共服务中心新建工程四个季度的用款计划加起来是多少？")
    assert a.status == "refused" and a.value is None, a.text
    assert "服务中心新建工程" in a.text


def test_which_year_more_answers_with_the_larger(qa):
    # 02 洪泽 2023 「主动公开政府信息 1136 条」; 03 洪泽 2024 「主动发布各类政府信息 2428 条」
    a = qa.ask("洪泽区政府网站主动公开的信息，2023年和2024年哪年更多？多的那年是多少条？")
    assert (str(a.value), a.unit) == ("2428", "条"), a.text


def test_table_four_other_outcome(qa):
    # 04 平潭 2025 table 四: 行政复议 结果维持 25, 其他结果 8
    a = _ask(qa, PT2025, "因为信息公开被申请行政复议的，除了维持和纠正之外，按“其他结果”结案的有几起？")
    assert (str(a.value), a.unit) == ("8", "件"), a.text


def test_a_report_left_out_by_the_filter_is_named(qa):
    a = qa.ask("厚街镇2023年收到多少宗申请？", filters=Filters(reports=(JUNSHAN,)))
    assert a.status == "refused" and SEED in a.text and "取消筛选" in a.text
