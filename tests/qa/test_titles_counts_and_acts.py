"""Reading who a report is by, counted items, and figures a question gives or does not ask, in other wordings:

* a title's year in Chinese numerals (「二〇一七年」「二O一八年」, a letter O for the zero) dates the report;
* a staffing header printed glued (「单位名称经费性质人员编制数在职人数」) over rows printed apart is read;
  a report whose one-unit staffing table names the unit otherwise than its title is found by either name,
  and a short name that keeps the name's ending (「附中筹建办」 of 福建师大平潭附中筹建办) names it;
* a title's 「区…局…处」 published by 「平潭综合实验区…局」 is that office of the publisher; a 批复 whose
  addressee is told 「现予以批复」 (without 你) is the addressee's;
* 「A、B、C三块支出」「A和B两项经费」: the line word said once after the count is each item's;
* an abbreviation of one of the things a line's name joins (「居委会」 of 「对居民委员会和社区党组织的补助」);
* a count of what was done in the year (「购置 1辆」) does not answer how many there are;
* a number the question itself states (「梳理出的9个部门…」) is never its answer;
* 「X占…总数的多少」 with a long whole asks a share;
* an earlier year's section of a budget speech answers that year, said so, and an addend
  (「…支出950万元，加上解上级支出300万元」) is never the subject's figure;
* 「照这份决算倒推，」 names the report itself as the source, nothing to look up;
* a share of a whole said by its bare word (「支出中」「整个支出预算里」) is a share of the report's total of it;
* 「不是财政拨款的部分」 is the line printed 「非财政拨款收入」;
* 「年初和年末的结转结余」「基本和项目的支出」: qualifiers said bare share the noun after the last one's 的;
* 「上年滚存结余」 is a line of a budget, not the year before; 「预计」 is what a budget plans, 「向上级上解」 its
  上解支出;
* a change printed against a year without 年 (「比2013决算数增加19.72万元」) still gives that year's level;
* a body no report is of, spoken of in the one report of the year asked, is looked up there, its name a word
  the figure's own sentence must say;
* 人员经费 and 公用经费 are covered only by a label printing them (not the 人员 of 流浪乞讨人员救助支出); a
  sentence's own label says which of 收入, 支出, 结余 it is, not the heading it stands under (「结余情况：…总收入…」).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from qa.ask import QA

_NUMERAL_YEAR = (
    "标题: 敖东镇二O一七年财政预算的报告\n发布机构: 敖东镇\n"
    "==================== 正文 ====================\n"
    "一、收入预算 全镇一般预算收入安排640万元，上级补助收入安排1210.5万元。二、支出预算 行政支出480.2万元，"
    "征地及拆迁支出150万元，城镇社区环境卫生支出96万元。\n"
)

_NUMERAL_YEAR_2 = (
    "标题: 二〇一八年度平潭县大练乡财政预算的报告\n发布机构: 大练乡\n"
    "==================== 正文 ====================\n"
    "一、收入预算 全乡一般预算收入安排210万元。二、支出预算 行政支出160万元，农林水支出75万元。\n"
)

_OFFICE = (
    "标题: 2015年度区交通运输局港航处决算说明\n发布机构: 平潭综合实验区交通运输局\n"
    "==================== 正文 ====================\n"
    "一、部门基本情况 单位名称经费性质人员编制数在职人数 平潭县港航管理所 财政拨款 12 14 "
    + "二、部门主要工作 " + "全年完成港口巡查、航道维护、船舶检验等工作，" * 20 + "\n"
    "三、2015年决算收支总体情况 2015年本年收入310.40万元，本年支出298.60万元。其中项目支出120.30万元，"
    "基本支出178.30万元。年末公务用车保有量 3 辆。其中：公务用车购置费0万元，2015年公务用车购置 1辆。\n"
)

_SCHOOL = (
    "标题: 福建师范大学平潭附属小学筹建办关于2016年部门决算说明\n发布机构: 福建师范大学平潭附属小学筹建办\n"
    "==================== 正文 ====================\n"
    "一、部门基本情况 单位名称 经费性质 人员编制数 在职人数 福建师大平潭附小筹建办 财政拨款 6 5 "
    + "二、部门主要工作 " + "推进校舍建设、设备采购、师资招聘等筹建工作，" * 20 + "\n"
    "三、2016年决算收支总体情况 2016年本年收入418.20万元，本年支出396.75万元。1. 财政拨款收入 18.20 万元。"
    "6. 其他收入 400 万元。2. 项目支出 371.25万元。\n"
)

_APPROVED = (
    "标题: 平潭综合实验区卫生健康局关于批复2019年部门预算的通知\n发布机构: 平潭综合实验区卫生健康局\n"
    "==================== 正文 ====================\n"
    "平潭综合实验区疾病预防控制中心：2019年部门预算已经审议通过，现予以批复，并将有关事项通知如下："
    "一、部门收入预算 一般公共预算收入842.6万元。二、部门支出预算 1.人员经费 520.4万元。2.公用经费 62.2万元。"
    "3.项目支出 260万元。\n"
)

_SPENDING = (
    "标题: 2017年平潭综合实验区统计局部门预算说明\n发布机构: 平潭综合实验区统计局\n"
    "==================== 正文 ====================\n"
    "一、支出预算 2017年人员支出210.30万元，公用支出35.70万元，项目支出96万元。"
    "二、功能分类 统计信息事务支出212.50万元，行政运行支出129.50万元。"
    "三、社区补助 对居民委员会和社区党组织的补助18.60万元。\n"
)

_DISCLOSURE = (
    "标题: 平潭综合实验区2021年政府信息公开工作年度报告\n发布机构: 平潭综合实验区管委会办公室\n"
    "==================== 正文 ====================\n"
    "一、总体情况 区政务服务中心对全区涉及的权责清单进行梳理，共梳理出5个片区权责清单事项各16项，9个区直部门"
    "权责清单项共3120项。全年全区共公布政府信息1800条(其中机构职能类信息120条，重大建设项目信息270条，"
    "其他应主动公开政府信息1410条)。同时，区人力资源和社会保障局依托政府网站，全年共公开就业创业类信息64条。\n"
)

_SPEECH = (
    "标题: 关于中楼乡2020年度财政预算执行情况及2021年度预算（草案）的报告\n发布机构: 中楼乡\n"
    "==================== 正文 ====================\n"
    "各位代表： 我受平潭县中楼乡人民政府的委托，向大会报告。 一、2020年预算执行情况 2020年全乡完成一般公共预算"
    "支出950万元，为年度调整预算数的103.2%。其中：一般公共服务支出410万元；农林水支出320万元。 收支平衡情况 "
    "全乡一般公共预算支出950元，加上解上级支出300万元、结转下年支出120万元，支出总量为1370万元。 "
    "二、2021年预算草案 一般公共服务支出安排450万元；农林水支出安排360万元。\n"
)

_ACCOUNTS = (
    "标题: 2016年度平潭综合实验区档案局部门决算说明\n发布机构: 平潭综合实验区档案局\n"
    "==================== 正文 ====================\n"
    "五、公共财政拨款支出决算情况 2016年公共财政拨款支出 612.40万元，比2015年决算数增加102.40万元，增长20.08%。\n"
)


_FINAL = (
    "标题: 2016年度平潭综合实验区气象局部门决算说明\n发布机构: 平潭综合实验区气象局\n"
    "==================== 正文 ====================\n"
    "一、收入支出决算总体情况 2016年度本年收入1200.00万元，本年支出1000.00万元。(一）公共预算财政拨款年初结转结余"
    "2.00万元，本年收入300.00万元，本年支出280.00万元。二、收入决算情况 1. 财政拨款收入300.00万元。"
    "2. 非财政拨款收入900.00万元。三、2016年基本支出250.00万元，项目支出750.00万元。\n"
)

_PLAN = (
    "标题: 2017年平潭综合实验区海洋研究中心部门预算说明\n发布机构: 平潭综合实验区海洋研究中心\n"
    "==================== 正文 ====================\n"
    "一、预算安排 2017年，海洋研究中心相应安排支出预算400万元，其中：基本支出100万元，项目支出300万元。"
    "二、政府性基金 2017年度政府性基金支出5000万元。\n"
)


_TOWN_BUDGET = (
    "标题: 北厝镇二〇一六年财政预算的报告\n发布机构: 北厝镇\n"
    "==================== 正文 ====================\n"
    "（一）收入预算 一般预算收入512万元，上级原体制补助830.6万元，上级专项补助210万元。（三）平衡情况 本年安排财政"
    "总收入为1552.6万元，减全年财政总支出1400万元，上解支出160.5万元，再加上年财政滚存结余20.4万元，本年财政总结余"
    "为12.5万元。\n"
)

_BALANCES = (
    "标题: 2015年度平潭综合实验区地震局部门决算说明\n发布机构: 平潭综合实验区地震局\n"
    "==================== 正文 ====================\n"
    "三、2015年决算收支总体情况 2015年地震局年初结转和结余 40.20 万元，本年收入300.00万元，本年支出280.00万元，"
    "年末结转和结余 60.20万元。 1. 基本支出 110.00 万元。 2. 项目支出 170.00万元。"
    "五、公共财政拨款支出决算情况 2015年公共财政拨款支出 280.00 万元，比2014决算数增加30.00万元，增长12%。\n"
)


_SHELTER = (
    "标题: 2017年平潭综合实验区救助管理站部门预算说明\n发布机构: 平潭综合实验区救助管理站\n"
    "==================== 正文 ====================\n"
    "一、支出预算 （一）人员经费88.20，公用支出6.50万元，项目支出70.00万元。（二）流浪乞讨人员救助支出15万元。"
    "（三）受助人员生活补助12万元。\n"
)

_TOWN_BALANCE = (
    "标题: 关于屿头乡2016年度财政预算执行情况的报告\n发布机构: 屿头乡\n"
    "==================== 正文 ====================\n"
    "一、收支情况 结余情况：本年乡财政总收入1200万元，总支出1100万元，上解支出60万元，上年总结余300万元，"
    "年终结余340万元（其中结转下年使用各项专款320万元）。\n"
)


_RUN_ON_SPEECH = (
    "标题: 南海乡2015年财政预算执行情况和2016年财政预算草案的报告\n发布机构: 南海乡\n"
    "==================== 正文 ====================\n"
    "各位代表： 受南海乡人民政府的委托，向大会作报告，请予审议。一、2015年财政预算执行情况过去一年，"
    "我乡财政工作稳步推进。"
    "(一) 一般预算部分1、一般预算收入。一般预算收入126.40万元，比上年增收3.10万元。2、一般预算支出。本年一般预算支出"
    "980.50万元。二、2016年财政预算安排 1、一般预算收入安排140万元。2、一般预算支出安排900万元。\n"
)


_RUN_ON_REPORT = (
    "标题: 平潭综合实验区商务局2025年政府信息公开工作年度报告\n发布机构: 平潭综合实验区商务局\n"
    "==================== 正文 ====================\n"
    "一、总体情况 2025年，我局认真贯彻落实政务公开工作要求。二、主动公开政府信息情况(一)主动公开的数量2024年制作、获取"
    "政府信息总数150条，其中主动公开政府信息60条。主动公开的政府信息占12.4%。\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {
        "numeral.txt": _NUMERAL_YEAR, "numeral2.txt": _NUMERAL_YEAR_2, "office.txt": _OFFICE,
        "school.txt": _SCHOOL, "approved.txt": _APPROVED, "spending.txt": _SPENDING, "disclosure.txt": _DISCLOSURE,
        "speech.txt": _SPEECH, "accounts.txt": _ACCOUNTS, "final.txt": _FINAL, "plan.txt": _PLAN,
        "town.txt": _TOWN_BUDGET, "balances.txt": _BALANCES, "shelter.txt": _SHELTER,
        "town_balance.txt": _TOWN_BALANCE, "run_on.txt": _RUN_ON_SPEECH, "run_on_report.txt": _RUN_ON_REPORT
    })


def _reports(made: QA) -> dict[str, tuple[str | None, int | None]]:
    return {r.id: (r.agency, r.year) for r in made.kb.reports()}


def test_a_year_in_chinese_numerals_dates_the_report(made: QA) -> None:
    reports = _reports(made)
    assert reports["numeral"] == ("敖东镇", 2017)
    assert reports["numeral2"] == ("平潭县大练乡", 2018)
    a = made.ask("敖东镇2017年行政支出安排了多少？")
    assert a.status == "answered" and a.value == Decimal("480.2"), a.text


def test_an_office_of_the_publisher_and_its_staffing_name(made: QA) -> None:
    agency, year = _reports(made)["office"]
    assert year == 2015 and agency and agency.startswith("平潭综合实验区交通运输局港航处")
    assert "平潭县港航管理所" in agency


@pytest.mark.parametrize("question,value", [
    ("平潭县港航管理所2015年在职几个人？", "14"),  # the staffing table's own name of the unit
    ("港航处2015年人员编制数是多少", "12"),
    ("港航管理所2015年项目支出是多少", "120.30"),
    ("附小筹建办2016年的其他收入有多少？", "400"),  # the name's ending kept, words before it dropped
    ("师大附小筹建办2016年项目支出决算是多少", "371.25"),
    ("平潭附小筹建办2016年在职人数", "5"),
])
def test_a_unit_is_found_by_the_names_its_report_gives_it(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_an_approval_told_without_ni_is_the_addressees(made: QA) -> None:
    assert _reports(made)["approved"] == ("平潭综合实验区疾病预防控制中心", 2019)
    a = made.ask("疾控中心2019年公用经费批了多少？")
    assert a.status == "answered" and a.value == Decimal("62.2"), a.text


@pytest.mark.parametrize("question,value", [
    ("统计局2017年项目、人员、公用三块支出合计多少", "342.00"),
    ("统计局2017年人员和公用两项支出一共多少", "246.00"),
    ("统计局2017年公用、项目这两部分支出相差多少", "60.30"),
    ("2017年统计局人员和项目两块支出，哪块多？", "210.30"),
])
def test_a_line_word_said_once_after_the_count_is_each_items(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert len(a.figures) >= 2


@pytest.mark.parametrize("question", [
    "统计局2017年对居委会和社区党组织的补助是多少？",
    "统计局2017年给居委会和社区党组织的补助有多少钱",
])
def test_an_abbreviation_of_one_joined_thing_of_a_line(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal("18.60"), a.text


@pytest.mark.parametrize("question", [
    "港航处到2015年底手里还有几辆公车？",
    "港航管理所2015年有几辆公务用车",
    "港航处2015年末公车有多少辆",
])
def test_a_count_of_things_bought_is_not_how_many_there_are(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal("3"), a.text


def test_a_count_of_things_bought_answers_what_was_bought(made: QA) -> None:
    a = made.ask("港航处2015年买了几辆公车？")
    assert a.status == "answered" and a.value == Decimal("1"), a.text


@pytest.mark.parametrize("question", [
    "平潭区直9个部门2021年清单里的权责事项有几项？",
    "2021年平潭9个区直部门的权责清单项共有几项",
])
def test_a_number_the_question_states_is_not_its_answer(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.value != Decimal("9"), a.text
    assert a.status != "answered" or a.value == Decimal("3120"), a.text


def test_a_share_of_a_long_whole_said_with_de_duoshao(made: QA) -> None:
    a = made.ask("平潭2021年重大建设项目类信息占全区当年公布政府信息总量的多少？")
    assert a.status == "answered" and a.unit == "%" and a.value == Decimal("15.0"), a.text


@pytest.mark.parametrize("question,value", [
    ("中楼乡2020年一般公共服务支出多少？", "410"),
    ("中楼乡2020年一般公共预算实际支出多少", "950"),
    ("2020年中楼乡农林水方面的支出是多少", "320"),
])
def test_an_earlier_years_section_answers_that_year_said_so(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value) and a.unit == "万元", a.text
    assert "没有2020年的报告" in a.text


def test_an_addend_is_never_the_subjects_figure(made: QA) -> None:
    a = made.ask("中楼乡2020年一般公共预算支出是多少")
    assert a.value != Decimal("300") and not (a.unit == "元" and a.value == Decimal("950")), a.text
    b = made.ask("中楼乡2020年上解上级支出多少")
    assert b.status == "answered" and b.value == Decimal("300"), b.text


@pytest.mark.parametrize("question", [
    "照这份决算推算，档案局2015年公共财政拨款支出是多少",
    "根据该报告推算，档案局2015年公共财政拨款支出为多少",
    "按这份说明算，档案局2015年公共财政拨款支出是多少",
])
def test_the_report_itself_named_as_the_source(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal("510.00"), a.text


@pytest.mark.parametrize("question,value", [
    ("气象局2016年支出当中项目支出的比重是多少", "75.0"),
    ("气象局2016年基本支出占全部支出比重多少", "25.0"),
    ("海洋研究中心2017年整个支出预算里项目支出占多大比重", "75.0"),
    ("海洋研究中心2017年的支出预算里，基本支出占了百分之多少？", "25.0"),
])
def test_a_share_of_the_whole_said_by_its_bare_word(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.unit == "%" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value,unit", [
    ("2016年气象局收入当中不是财政拨款的部分占比多少", "75.0", "%"),
    ("气象局2016年不是财政拨款的收入有多少", "900.00", "万元"),
    ("2016年气象局不属于财政拨款的收入是多少", "900.00", "万元"),
])
def test_an_item_said_negated_is_the_line_printed_with_fei(made: QA, question: str, value: str, unit: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.unit == unit and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("地震局2015年年末和年初的结转结余相比哪个大？", "60.20"),
    ("地震局2015年基本和项目的支出相差多少", "60.00"),
    ("2015年地震局年初和年末的结转和结余加起来是多少", "100.40"),
])
def test_bare_qualifiers_share_the_noun_after_the_last(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert len(a.figures) == 2


@pytest.mark.parametrize("question,value", [
    ("北厝镇2016年报告里上年滚存的结余是多少", "20.4"),
    ("北厝镇2016年原体制补助预计能从上级得到多少", "830.6"),
    ("北厝镇2016年得向上级上解多少钱", "160.5"),
])
def test_a_budgets_own_lines_in_everyday_words(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_a_change_against_a_year_printed_without_nian(made: QA) -> None:
    a = made.ask("地震局2014年公共财政拨款支出有多少")
    assert a.status == "answered" and a.value == Decimal("250.00"), a.text
    assert "推算" in a.text


def test_a_body_spoken_of_in_its_governments_report(made: QA) -> None:
    a = made.ask("2021年区人力资源和社会保障局公开了多少条就业创业类信息？")
    assert a.status == "answered" and a.value == Decimal("64"), a.text
    # the zone's own figures are not the body's
    b = made.ask("区人力资源和社会保障局2021年一共公布了多少条政府信息？")
    assert b.value != Decimal("1800"), b.text


@pytest.mark.parametrize("question", [
    "救助管理站2017年人员经费预算安排了多少",
    "救助管理站2017年公用支出与人员经费合计多少",
    "救助管理站2017年项目支出跟人员经费比哪个多",
])
def test_renyuan_jingfei_is_not_the_people_a_line_is_for(made: QA, question: str) -> None:
    a = made.ask(question)
    assert not any(f.fact.value in (Decimal("15"), Decimal("12")) for f in a.figures), a.text


@pytest.mark.parametrize("question", [
    "屿头乡2016年底财政结余有多少？",
    "屿头乡2016年的财政结余是多少",
])
def test_a_heading_does_not_make_a_total_a_balance(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.value not in (Decimal("1200"), Decimal("1100")), a.text
    assert a.status != "answered" or a.value in (Decimal("340"), Decimal("300")), a.text


def test_a_year_end_balance_asked_by_its_own_words(made: QA) -> None:
    a = made.ask("屿头乡2016年年终结余多少")
    assert a.status == "answered" and a.value == Decimal("340"), a.text


@pytest.mark.parametrize("question,value,earlier", [
    ("南海乡2015年一般预算收入多少？", "126.40", True),
    ("南海乡2015年一般预算支出是多少", "980.50", True),
    ("南海乡2016年一般预算收入安排多少", "140", False),
])
def test_a_speech_of_two_years_run_on_after_a_full_stop(made: QA, question: str, value: str, earlier: bool) -> None:
    # the report is of the budget it sets out (2016); 「。一、2015年财政预算执行情况…」 dates last year's section
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert ("没有2015年的报告" in a.text) == earlier


def test_a_run_on_headings_glued_sentence_dates_no_section(made: QA) -> None:
    # 「。二、主动公开政府信息情况(一)…2024年制作…」: the year is the sentence's, not the section's
    a = made.ask("商务局2025年报告说主动公开政府信息的占比为多少")
    assert a.status == "answered" and a.value == Decimal("12.4"), a.text
