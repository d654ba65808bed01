"""Staffing tables and amounts printed in other layouts, in other wordings:

* 「名称 编制类型 编制数 实有在编人数 备注」: a staffing header of other words, its 备注 column holding a note after
  a row's counts (「含工勤9人」), which is no unit of its own;
* 「在职人数(含返聘人员)」: a column's own note in brackets belongs to the column, not to the first unit, and says
  what the count includes (no rest of anything);
* the cells of a flattened row left unread (a short page) are no clause of a sentence: 「…敖东镇政府 行政 30 37
  含工勤9人」 gives no figure for 工勤 that a question about another unit could take;
* a glued table whose funding is said in two words (「事业全额43」), and a table of one headcount column
  (「单位名称经费性质在职人数…本级财政核拨27」);
* 「三家单位…加起来」: units counted with 家 are the staffing table's rows, when it lists as many;
* 「当年结余-86万元」: a minus sign after a word makes the amount negative (a range's dash after a digit does not);
* a section named by what its sentence is about and said again in it (「二、工伤保险基金 2017年工伤保险基金预算收入
  …，预算支出…，当年结余…」) is the subject of each of its figures;
* a fund's budget approved in a 批复 (「关于批复2017年区（县）级社会保险基金预算的通知」) is dated by its title;
* a one-page table whose title names no body (「2015年“三公”经费…决算批复表」) is the unit its 「部门（单位）：」 line
  names.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_TOWN = (
    "标题: 2018年敖东镇部门预算说明\n发布机构: 敖东镇人民政府\n"
    "==================== 正文 ====================\n"
    "一、部门职能 负责全镇经济社会事务。二、单位构成 名称 编制类型 编制数 实有在编人数 备注 敖东镇政府 行政 30 37 "
    "含工勤9人 敖东镇财政所 事业 3 2 敖东镇水利站 事业 5 5 三、部门主要工作任务 " + "推进乡村振兴，改善人居环境，" * 25
    + "四、收支预算 2018年收入预算1520.40万元，支出预算1520.40万元。\n"
)

_MEDIA = (
    "标题: 2016年度平潭综合实验区档案中心部门决算说明\n发布机构: 平潭综合实验区档案中心\n"
    "==================== 正文 ====================\n"
    "一、部门基本情况 详细情况见下表: 单位名称 经费性质 人员编制数 在职人数(含返聘人员) "
    "平潭综合实验区档案中心本级 财政核拨 14 19 平潭综合实验区档案数字化所 财政核拨 6 9 二、部门主要工作 "
    + "完成档案数字化、档案接收和查阅服务，" * 25 + "三、收支情况 2016年本年收入486.20万元，本年支出470.35万元。\n"
)

_GLUED = (
    "标题: 2016年大练乡部门预算说明\n发布机构: 大练乡人民政府\n"
    "==================== 正文 ====================\n"
    "一、部门职责 负责全镇事务。二、单位构成 单位名称经费性质人员编制数在职人数大练乡机关行政2127"
    "大练乡水产站事业全额43大练乡林业站事业全额66 三、部门主要工作任务 " + "抓好渔业生产和森林防火，" * 30
    + "四、收支 2016年收入预算980.00万元。\n"
)

_ONE_COLUMN = (
    "标题: 2022年平潭综合实验区统计局部门预算说明\n发布机构: 平潭综合实验区统计局\n"
    "==================== 正文 ====================\n"
    "一、部门职责 负责统计调查。二、单位构成 单位名称经费性质在职人数平潭综合实验区统计局本级财政核拨27 "
    "三、部门主要工作任务 " + "做好经济普查和统计监测，" * 30 + "四、收支 2022年收入预算640.00万元。\n"
)

_FUND = (
    "标题: 平潭综合实验区财政金融局关于批复2017年区（县）级社会保险基金预算的通知\n发布机构: 平潭综合实验区财政金融局\n"
    "==================== 正文 ====================\n"
    "区社会事业局：2017年区（县）级社会保险基金预算经审核，现批复如下：一、失业保险基金 2017年失业保险基金预算收入"
    "520万元，预算支出606万元，失业保险基金当年结余-86万元。二、工伤保险基金 2017年工伤保险基金预算收入1230万元，"
    "预算支出410万元，"
    "当年结余820万元。三、2016-2017年度滚存结余情况另行说明。\n"
)

_FORM = (
    "标题: 2015年“三公”经费公共财政拨款支出决算批复表\n发布机构: 中国平潭\n"
    "==================== 正文 ====================\n"
    "2015年“三公”经费公共财政拨款支出决算批复表 部门（单位）：平潭县粮食局 项 目 “三公”经费公共财政拨款支出合计 "
    "公务接待费 合计 6.20 6.20 来源：中国平潭\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {
        "town.txt": _TOWN, "media.txt": _MEDIA, "fund.txt": _FUND, "form.txt": _FORM, "glued.txt": _GLUED,
        "one_column.txt": _ONE_COLUMN
    })


@pytest.mark.parametrize("question,value", [
    ("敖东镇财政所核定几个编制？", "3"),
    ("敖东镇水利站实有在编多少人", "5"),
    ("敖东镇政府实有在编人数是多少", "37"),
    ("敖东镇各单位编制数一共多少", "38"),
    ("档案数字化所在职有几个人？", "9"),
    ("档案中心本级人员编制数", "14"),
    ("大练乡水产站有几个编制", "4"),  # 「事业全额43」: the funding said in two words, the cells glued
    ("大练乡林业站在职人数", "6"),
    ("统计局本级在职几个人？", "27"),  # a table of one headcount column
])
def test_staffing_tables_of_other_layouts(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "人", a.text


def test_units_counted_with_jia_are_the_tables_rows(made: QA) -> None:
    a = made.ask("敖东镇三家单位的编制数加起来有多少")
    assert a.status == "answered" and a.value == Decimal("38"), a.text
    a = made.ask("敖东镇两家单位的编制数加起来有多少")  # the table lists three: no sum of two is printed
    assert a.value is None, a.text


def test_a_column_note_is_not_the_first_units_name(made: QA) -> None:
    units = {r: a for r, a in ((r.id, r.agency) for r in made.kb.reports())}
    assert units["media"] == "平潭综合实验区档案中心"
    rows = {f.row_path[-1] for f in made.kb.of(next(r for r in made.kb.reports() if r.id == "media")).facts
            if f.unit == "人"}
    assert rows == {"平潭综合实验区档案中心本级", "平潭综合实验区档案数字化所"}


def test_a_minus_sign_makes_an_amount_negative(made: QA) -> None:
    a = made.ask("2017年失业保险基金当年结余多少")
    assert a.status == "answered" and a.value == Decimal("-86"), a.text
    a = made.ask("2017年工伤保险基金预算支出是多少")
    assert a.status == "answered" and a.value == Decimal("410"), a.text


@pytest.mark.parametrize("question,value", [
    ("2017年工伤保险基金当年结余多少", "820"),  # the section's subject, said again in its sentence, is each figure's
    ("社保基金里失业保险2017年预算支出多少", "606"),  # 社保 is how 社会保险 is said
])
def test_a_sections_subject_names_each_of_its_figures(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_reports_named_by_a_fund_title_and_a_unit_line(made: QA) -> None:
    found = {r.id: (r.agency, r.year) for r in made.kb.reports()}
    assert found["fund"] == ("区社会事业局", 2017)
    assert found["form"] == ("平潭县粮食局", 2015)


def test_a_flattened_row_is_no_sentence(tmp_path_factory: pytest.TempPathFactory) -> None:
    short = _TOWN.split("三、部门主要工作任务")[0] + "\n"
    a = qa_over_pages(tmp_path_factory, {"short.txt": short}).ask("敖东镇财政所核定几个编制？")
    assert a.value is None, a.text
