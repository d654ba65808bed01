"""A figure is explained by its own words, and an agency by the short forms people make of its name.

Two classes of wrong or lost answers on finance reports nobody tuned for:
- a prose number's context was its whole sentence, so a sibling's words in the same sentence
  (「…其中：货物预算77.10万元、服务预算518.18万元」) covered the total before them;
- a department's everyday short form (城管局, 城管执法局 for 城市管理行政执法局) named nobody, so
  every question about it asked which report was meant.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA
from qa.scope import abbreviation_in
from qa.verify import own_clause, uncovered_terms

CHENGGUAN = "上海市普陀区城市管理行政执法局"


@pytest.fixture(scope="module")
def qa2(samples_dir: Path, fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    """Two 2026 budgets of one district: a short form must tell them apart."""
    store = SQLiteStore(tmp_path_factory.mktemp("own") / "facts.sqlite3")
    paths = [fixtures_dir / "21_putuo_chengguan_budget_2026.txt", samples_dir / "19_putuo_jianguanwei_budget_2026.txt",
             samples_dir / "15_wanli_jiedao_budget_2024.pdf"]
    results = ingest_paths(paths, store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return QA(store)


@pytest.mark.parametrize("question,agency,short", [
    ("城管执法局2026年收入预算是多少？", CHENGGUAN, "城管执法局"),
    ("城管局打算买几辆车？", CHENGGUAN, "城管局"),
    ("普陀区城管局的公用经费", CHENGGUAN, "城管局"),
    ("财政局的预算有多少", "平潭综合实验区财政金融局", "财政局"),
    ("人社局收到多少件申请", "淮安市人力资源和社会保障局", "人社局"),
    ("市场监管局主动公开了多少条", "平潭综合实验区市场监督管理局", "市场监管局"),
    # a 领导小组办公室 goes by first characters of words inside its name
    ("征安办2017年政府性基金支出了多少", "平潭综合实验区土地房屋征收安置工作领导小组办公室", "征安办"),
    ("区征安办的收入决算", "平潭综合实验区土地房屋征收安置工作领导小组办公室", "征安办"),
    ("创文办2023年收到几件申请", "平潭综合实验区创建全国文明城市工作领导小组办公室", "创文办"),
])
def test_a_short_form_made_from_the_name_names_the_agency(question, agency, short):
    assert abbreviation_in(question, agency) == short


@pytest.mark.parametrize("question", ["管理局的收入预算", "执法局有几辆车", "申请办理了多少件", "城建局的预算"])
def test_a_generic_word_or_another_name_names_nobody(question):
    assert abbreviation_in(question, CHENGGUAN) is None


@pytest.mark.parametrize("question", ["小组办的收入", "领导办的经费", "工作办有几辆车"])
def test_a_word_that_is_no_initials_names_no_long_office(question):
    assert abbreviation_in(question, "平潭综合实验区土地房屋征收安置工作领导小组办公室") is None


SENTENCE = ("三、政府采购预算情况\n2026年本部门政府采购预算595.28万元，其中：政府采购货物预算77.10万元、"
            "政府采购工程预算0万元、政府采购服务预算518.18万元。")


def _context(text: str, number: str) -> list[str]:
    at = text.index(number)
    return own_clause(text, at, at + len(number))


def test_a_siblings_words_do_not_explain_the_total_before_them():
    total = _context(SENTENCE, "595.28")
    assert "服务" in "".join(uncovered_terms("政府采购服务预算多少", total))
    assert uncovered_terms("政府采购服务预算多少", _context(SENTENCE, "518.18")) == []
    assert "货物" in "".join(uncovered_terms("政府采购货物预算多少", _context(SENTENCE, "595.28")))


@pytest.mark.parametrize("text,number,question", [
    # the subject a comma carries over from the clause before
    ("2019年，我局官方微信公众号累计发送了373条信息，本年新增关注用户达3201人。", "3201",
     "官方微信公众号本年新增关注用户多少人"),
    # a change clause refers to the figure before it
    ("收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元；", "3,355.65",
     "财政拨款收入比2024年预算增加了多少"),
    # a list opened by one verb: its lead belongs to every item
    ("关停运营不规范、运维不及时的政府网站1个、政务新媒体2个。", "2", "运维不及时被关停的政务新媒体有几个"),
    # the words after the number name what it counts
    ("2021年，对29项涉及群众切身利益、社会关注度高的重要政策文件进行解读，推出20期节目。", "29",
     "涉及群众切身利益的重要政策文件解读了多少项"),
])
def test_a_numbers_own_words_reach_its_subject(text, number, question):
    assert uncovered_terms(question, _context(text, number)) == []


def test_a_lone_noun_must_be_in_the_label():
    both = "面向中小企业预留政府采购项目预算金额343.49万元，其中，预留给小型和微型企业的政府采购项目预算为178.85万元。"
    assert uncovered_terms("预留给小微企业的采购预算", _context(both, "343.49")) == ["微"]
    assert uncovered_terms("预留给小微企业的采购预算", _context(both, "178.85")) == []


@pytest.mark.parametrize("question,value", [
    ("城管执法局2026年物业管理费预算多少？", "750000"),
    ("城管局2026年公用经费是多少？", "5072538"),
    ("普陀区城管执法局2026年死亡抚恤多少钱？", "294000"),
    ("城管执法局2026年政府采购预算里服务类多少？", "518.18"),
    ("城管执法局2026年预留给小微企业的采购预算？", "178.85"),
    ("建管委2026年政府采购服务预算多少？", "24821.72"),  # 「…服务预\n算24,821.72万元」: a word wrapped over two lines
    ("万里街道2024年政府采购里服务类预算多少？", "752.59"),
])
def test_short_forms_and_own_words_answer_on_other_reports(qa2, question, value):
    a = qa2.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("question,wrong", [
    ("城管执法局2026年政府采购里施工类多少？", "595.28"),
    ("万里街道2024年政府采购里施工类多少？", "1662.44"),
    ("城管执法局2026年给小微企业的采购项目预算金额是多少？", "343.49"),
])
def test_a_total_is_never_given_for_a_part_named_beside_it(qa2, question, wrong):
    a = qa2.ask(question)
    assert str(a.value) != wrong, a.text


def test_glued_pages_of_a_text_layer_are_read_table_by_table(fixtures_dir: Path, tmp_path: Path):
    store = SQLiteStore(tmp_path / "facts.sqlite3")
    [result] = ingest_paths([fixtures_dir / "21_putuo_chengguan_budget_2026.txt"], store)
    assert result.status == "added" and result.agency == CHENGGUAN
    assert not result.failed_checks and not result.warnings and result.tables == 6, result
    three = {f.column_path[-1]: f.value for f in store.facts(result.report_id) if f.row_key == "three_public.row"}
    assert str(three["合计"]) == "114.22" and str(three["机关运行经费预算数"]) == "507.25", three  # 「507.25其他…」


@pytest.mark.parametrize("question,value", [
    ("城管执法局2026年工会经费？", "332298"),  # a bare noun phrase ending in an amount asks for it
    ("城管执法局2026年其他交通费用？", "629920"),
    ("城管执法局2026年公务用车运行维护费？", "387600"),
    ("城管局2026年打算买几辆车？", "5"),  # 买 is printed 购置, 车 车辆
    ("城管执法局2026年财政拨款收入比上年减少了多少？", "19.79"),  # 「比2025年预算减少」 is a 2026 figure
    ("城管执法局2026年收入预算是多少？", "4748.35"),
])
def test_terse_and_everyday_wordings_on_another_report(qa2, question, value):
    a = qa2.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("report,question,value", [
    ("15_wanli_jiedao_budget_2024", "培训费？", "83000"),
    ("19_putuo_jianguanwei_budget_2026", "工会经费？", "887971.20"),
    ("01_huaian_shi_2024", "还没审结的行政复议有几件？", "37"),  # 未 … 审结 negates what 没 negates
])
def test_terse_and_negated_wordings(qa, report, question, value):
    from qa.scope import Filters

    a = qa.ask(question, filters=Filters(reports=(report,)))
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("question,wrong", [
    ("淮安市2024年企业申请的行政复议有几件？", ("53", "351")),  # side by side, neither answers it
    ("淮安市2024年法律服务机构申请的行政复议有几件？", ("61", "351")),
    ("淮安市2024年还没判的行政诉讼有几件？", ("46",)),  # 未经复议 negates something else
    ("淮安市2024年行政诉讼输了几次？", ("46",)),  # 输 is a word the total does not hold
    ("淮安市2024年行政复议赢了几件？", ("351",)),
])
def test_no_figure_answers_what_it_does_not_say(qa, question, wrong):
    a = qa.ask(question)
    assert a.status != "answered" or str(a.value) not in wrong, a.text


def test_the_same_table_cell_is_compared_across_reports(qa2):
    # one report states the figure in a sentence too; across reports the table cell every one prints is taken
    a = qa2.ask("2026年哪个部门的三公经费预算最高？")
    assert (a.status, str(a.value)) == ("answered", "114.22"), a.text
    assert "42.24" in a.text


def test_figures_under_the_same_words_are_offered_not_chosen(qa2):
    # 「执法执勤用车63辆」 owned and 「执法执勤用车5辆」 to buy: the reader is asked, no figure is the answer
    a = qa2.ask("城管执法局有多少辆执法执勤用车？")
    assert a.status in ("needs_clarification", "refused") and a.value is None, a.text
    if a.status == "needs_clarification":
        assert "63辆" in a.text and "5辆" in a.text and len(a.citations) >= 2
