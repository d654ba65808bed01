"""A report split by the units it covers, lines told apart by what they are for, and 比 with any verb:

* 「比乡镇多发布了几条」「比本级少安排了几万元」: after a 比, whatever verb stands between 多/少 and 多少,
  a difference is asked, never the first item's level;
* a report titled 「…指挥部（管理局含…服务中心）预算说明」 is the 指挥部's, whatever short 发布机构 the page
  carries; every amount it splits in brackets 「（某指挥部X万元，某服务中心Y万元）」 is the department's whole,
  the 指挥部's own share answering only 「本级」「本身」, the other unit's share answering its name;
* each unit's share is a part of the amount its bracket splits: a share of a named whole takes that whole's
  own part, and two units set side by side are of the amount the question names, or no answer;
* 「（二）一般行政管理事务（项级科目）120万元。主要用于…协管员补贴支出。」: two lines of one name are told apart
  by what the next sentence says each is for;
* a glued staffing table whose one row prints its cells apart (「…财政核拨0 0区…」) reads on past that row;
* 「比上年增收」「比2018年减支」 are changes like 增加/减少: an earlier year's level is worked back from them;
* 「平潭苏澳镇人民政府」 is called 苏澳镇, as 「平潭县苏澳镇人民政府」 is; a township titled without its county
  takes the county its own tables print (「平潭县中楼乡财政所」), so 「平潭中楼乡」 names it;
* 「哪个多」 answered by a line printed otherwise (人员经费 for 人员支出) says which side of the question it is;
* a how-to aside with any subtracting verb (扣掉, 去掉) says how, it names nothing;
* 「…较多的乡镇是哪个」 of one report: the sentence that says which leads answers, not a figure.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from ingested import qa_over_pages

from index.metadata import extract_metadata
from index.one_line_tables import _glued_cells
from qa.ask import QA

_TOWNS = (
    "标题: 平潭县人民政府2013年政府信息公开工作年度报告\n发布机构: 平潭县人民政府\n"
    "==================== 正文 ====================\n"
    "二、主动公开政府信息情况 2013年全县主动公开政府信息2210条，其中县直各部门主动公开政府信息1530条，"
    "各乡镇主动公开政府信息680条。县直部门中公开数量较多的是县财政局，乡镇中公开数量较多的是苏澳镇。\n"
    "六、平潭县政府信息公开情况统计表 指标名称 计量单位 2013年度 历年累计 主动公开文件数 条 2210 15320 "
    "其中：1、政府网站公开数 条 2210 15320 2、政府公报公开数 条 0 0 受理依申请公开信息总数 条 3 9\n"
)

_HQ = (
    "标题: 2019年度平潭综合实验区金井片区开发建设指挥部（管理局含综合服务中心）预算说明\n发布机构: 金井片区\n"
    "==================== 正文 ====================\n"
    "四、预算收支总体情况 2019年收入预算为600万元，其中一般公共预算拨款600万元（金井片区开发建设指挥部480万元，"
    "金井片区综合服务中心120万元）。五、一般公共预算拨款支出情况 （一）行政运行-专项业务费（项级科目2120101）"
    "150万元（金井片区开发建设指挥部140万元，金井片区综合服务中心10万元），用于片区开发专项工作。"
    "（二）住房公积金（项级科目2210201）20.5万元（金井片区开发建设指挥部14.2万元，金井片区综合服务中心6.3万元），"
    "用于在职人员住房公积金。八、“三公”经费 （一）公务接待费 2019年预算安排8万元（金井片区开发建设指挥部5万元，"
    "金井片区综合服务中心3万元）。\n"
)

_SAFETY = (
    "标题: 平潭综合实验区消防安全委员会办公室2019年部门预算说明\n发布机构: 平潭综合实验区消防安全委员会办公室\n"
    "==================== 正文 ====================\n"
    "二、单位基本情况 单位名称经费性质人员编制数在职人数区消安办本级财政核拨57区消防宣传中心财政核拨0 0"
    "区消防站财政核拨/9 三、部门主要工作任务 2019年，区消安办主要任务是：组织开展全区消防安全检查和隐患整治，"
    "指导乡镇、村（社区）落实消防安全网格化管理，做好重大节日和重要活动期间的消防安全保障，加强消防宣传教育培训，"
    "推进农村消防基础设施建设，提升全社会抗御火灾能力；配合做好高层建筑、人员密集场所和易燃易爆单位的专项治理，"
    "督促落实单位消防安全主体责任，完善微型消防站建设和管理，健全火灾事故调查和责任追究机制。"
    "四、预算收支总体情况 2019年，区消安办收入预算为160万元，相应安排支出预算160万元。五、一般公共预算拨款支出情况 "
    "主要支出项目包括：（一）一般行政管理事务（项级科目）40万元。主要用于消防安全宣传活动支出。"
    "（二）一般行政管理事务（项级科目）120万元。主要用于村级消防协管员补贴支出。六、政府性基金预算拨款支出情况 "
    "2019年度政府性基金支出0万元。\n"
)


_TOWN_BUDGET = (
    "标题: 2019年平潭苏澳镇人民政府部门预算说明\n发布机构: 平潭苏澳镇人民政府\n"
    "==================== 正文 ====================\n"
    "五、一般公共预算拨款支出情况 （一）对村民委员会和村党支部的补助（项级科目2130705）260万元，其中村级运转经费"
    "72万元，村主干工资补助95万元。四、预算收支总体情况 2019年，苏澳镇收入预算为1200.5万元，"
    "比上年增收80.5万元，主要原因是人员调资。"
    "相应安排支出预算1200.5万元，其中：人员经费820万元，公用支出96.3万元，项目支出284.2万元。"
    "九、机关运行经费 2019年苏澳镇人民政府一般公共预算拨款安排的机关运行经费支出96.3万元，比2018年减支6.7万元。\n"
)


_ONE_ROW = (
    "标题: 平潭综合实验区禁毒工作领导小组办公室2017年部门预算说明\n发布机构: 平潭综合实验区禁毒工作领导小组办公室\n"
    "==================== 正文 ====================\n"
    "二、部门预算单位构成 纳入2017年部门预算编制范围的单位详细情况见下表:单位名称经费性质人员编制数在职人数"
    "平潭禁毒工作领导小组财政拨款35 三、部门主要工作任务 2017年，区禁毒办主要任务是：组织开展全区禁毒宣传教育，"
    "督促各乡镇、各部门落实禁毒工作责任，加强吸毒人员排查管控和社区戒毒社区康复工作，配合公安机关开展打击毒品"
    "违法犯罪专项行动，推进禁毒示范创建，做好易制毒化学品监管和重点场所巡查，健全禁毒工作考评机制，"
    "提升全社会识毒防毒拒毒意识。围绕上述任务，重点抓好以下工作：（一）深化全民禁毒宣传，开展禁毒宣传进学校、进社区、"
    "进家庭、进企业、进场所活动；（二）强化吸毒人员服务管理，落实社区戒毒社区康复措施，做好戒毒康复人员帮扶；"
    "（三）加强易制毒化学品和重点物品管控，堵塞流失漏洞；（四）完善禁毒工作考评，压实各级禁毒工作责任。"
    "四、预算收支总体情况 2017年，区禁毒办收入预算为86万元，"
    "相应安排支出预算86万元。\n"
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory: pytest.TempPathFactory) -> QA:
    return qa_over_pages(tmp_path_factory, {"towns_2013.txt": _TOWNS, "hq_2019.txt": _HQ,
                                            "safety_2019.txt": _SAFETY, "suao_2019.txt": _TOWN_BUDGET,
                                            "drugs_2017.txt": _ONE_ROW})


@pytest.mark.parametrize(("question", "value"), [
    ("按苏澳镇2019年预算说明推算，苏澳镇2018年的收入预算是多少？", "1120.0"),
    ("照2019年预算说明倒推，苏澳镇2018年机关运行经费是多少万元", "103.0"),
])
def test_an_earlier_level_from_income_or_spending_said_as_zengshou_or_jianzhi(qa: QA, question: str,
                                                                          value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)
    assert "推算" in a.text


def test_a_township_named_without_the_place_before_it(qa: QA) -> None:
    a = qa.ask("苏澳镇2019年公用支出是多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("96.3")


@pytest.mark.parametrize("question", [
    "苏澳镇2019年人员支出和公用支出哪个多？",
    "2019年苏澳镇预算中人员支出与项目支出，哪一块更多",
])
def test_the_winner_is_named_as_the_question_named_it(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("820")
    assert "人员经费" in a.text and "即问题中的「人员支出」" in a.text


@pytest.mark.parametrize(("question", "value"), [
    ("2013年平潭县，县直各单位比乡镇多发布了几条政府信息？", "850"),
    ("2013年平潭县各乡镇比县直部门少发布了几条政府信息", "850"),
    ("金井片区指挥部2019年的专项业务费比服务中心多安排了多少万元？", None),
])
def test_any_verb_after_bi_asks_a_difference(qa: QA, question: str, value: str | None) -> None:
    a = qa.ask(question)
    if value is None:  # the two shares of one bracket: a difference or no answer, never one share's level
        assert a.status != "answered" or abs(a.value) == Decimal("130"), a.text
        return
    assert a.status == "answered", a.text
    assert abs(a.value) == Decimal(value)


def test_the_title_names_the_body_not_the_short_publisher() -> None:
    meta = extract_metadata(_HQ)
    assert meta.agency == "平潭综合实验区金井片区开发建设指挥部"


@pytest.mark.parametrize(("question", "value"), [
    ("金井片区指挥部2019年的公务接待费预算是多少？", "8"),
    ("2019年金井片区开发建设指挥部的住房公积金有多少万元", "20.5"),
    ("平潭金井片区指挥部2019年预算里专项业务费安排了多少？", "150"),
])
def test_the_body_named_asks_the_whole_its_bracket_splits(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


@pytest.mark.parametrize(("question", "part"), [
    ("2019年金井片区开发建设指挥部本级的公务接待费是多少？", "5"),
    ("金井片区指挥部本身2019年住房公积金多少万元", "14.2"),
    ("150万元专项业务费里，金井片区开发建设指挥部自己分到多少？", "140"),
])
def test_its_own_share_only_when_set_apart(qa: QA, question: str, part: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(part)


@pytest.mark.parametrize(("question", "value"), [
    ("金井片区综合服务中心2019年公务接待费安排了多少？", "3"),
    ("2019年金井片区服务中心的住房公积金是多少", "6.3"),
])
def test_the_other_unit_named_gets_its_share_of_the_amount_asked(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_units_share_of_a_named_whole_is_from_that_wholes_bracket(qa: QA) -> None:
    a = qa.ask("2019年金井片区的一般公共预算拨款中，综合服务中心那一块占几成？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("20.0")
    assert "120" in a.text and "600" in a.text


@pytest.mark.parametrize("question", [
    "金井片区2019年的公务接待费，指挥部和综合服务中心哪个多？",
    "2019年金井片区住房公积金，服务中心和指挥部谁更多",
])
def test_units_side_by_side_are_of_the_amount_named(qa: QA, question: str) -> None:
    a = qa.ask(question)
    # the shares of another amount (专项业务费 140 and 10) are no answer
    shown = {f.fact.value for f in a.figures}
    assert a.status != "answered" or shown <= {Decimal("5"), Decimal("3"), Decimal("14.2"), Decimal("6.3")}, a.text


@pytest.mark.parametrize(("question", "value"), [
    ("区消安办2019年给村级消防协管员的补贴安排了多少钱？", "120"),
    ("2019年平潭消安办用于消防安全宣传活动的经费是多少", "40"),
    ("平潭消安办2019年协管员补贴占支出预算的百分之几？", "75.0"),
])
def test_lines_of_one_name_told_apart_by_what_they_are_for(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_purpose_is_cited_with_its_figure(qa: QA) -> None:
    a = qa.ask("区消安办2019年给村级消防协管员的补贴安排了多少钱？")
    assert "主要用于村级消防协管员补贴支出" in a.text


def test_a_glued_rows_cells_printed_apart() -> None:
    assert _glued_cells("0 0") == [("0", "0")]
    assert _glued_cells("12 /") == [("12", "/")]
    assert _glued_cells("1010") == [("10", "10"), ("101", "0")]  # glued: both readings kept


def test_a_glued_table_reads_on_past_a_row_printed_apart(qa: QA) -> None:
    a = qa.ask("区消安办2019年预算说明里，区消防站在职人数是多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("9")


@pytest.mark.parametrize("question", [
    "平潭县在2013年以前主动公开的文件共有几条（用累计数扣掉2013年的）？",
    "2013年之前平潭县累计主动公开文件多少条（拿累计数去掉当年的）",
])
def test_a_how_aside_with_any_subtracting_verb(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("13110")


@pytest.mark.parametrize(("question", "said"), [
    ("平潭县2013年公开数量较多的乡镇是哪个？", "苏澳镇"),
    ("2013年平潭县哪个县直部门公开的信息较多", "县财政局"),
])
def test_which_item_leads_is_read_from_the_text_of_one_report(qa: QA, question: str, said: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value is None and said in a.text


@pytest.mark.parametrize(("question", "value"), [
    ("2017年区禁毒办有几名在职人员？", "5"),
    ("平潭禁毒办2017年预算说明里的人员编制数是多少", "3"),
])
def test_a_staffing_table_of_one_row_is_the_agencys_own(qa: QA, question: str, value: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal(value)


def test_a_unit_asked_is_never_the_one_row(qa: QA) -> None:
    a = qa.ask("2017年区禁毒办的戒毒康复中心在职多少人？")
    assert a.status != "answered" or a.value != Decimal("5"), a.text


_PLACED = (
    "标题: 2019年度中楼乡人民政府部门预算公开\n发布机构: 中楼乡\n"
    "==================== 正文 ====================\n"
    "四、预算收支总体情况 2019年，中楼乡收入预算为980.4万元。八、“三公”经费 （一）公务接待费 2019年预算安排3.5万元。\n"
    "附表3-1 2019年度收入预算总表 单位：万元 单位编码 单位名称 总计 3071 平潭县中楼乡人民政府 980.40 "
    "3072 平潭县中楼乡财政所 0.00\n"
)


def test_a_township_takes_the_county_its_own_tables_print() -> None:
    assert extract_metadata(_PLACED).agency == "平潭县中楼乡人民政府"
    assert extract_metadata(_TOWN_BUDGET).agency == "平潭苏澳镇人民政府"  # a place already said stays as said


def test_a_township_asked_with_its_county_before_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    a = qa_over_pages(tmp_path_factory, {"zhonglou_2019.txt": _PLACED}).ask("2019年平潭中楼乡公务接待费预算多少？")
    assert a.status == "answered", a.text
    assert a.value == Decimal("3.5")


@pytest.mark.parametrize("question", [
    "苏澳镇2019年给各村的运转经费是多少？",
    "2019年苏澳镇安排各村的村级运转经费多少万元",
])
def test_each_village_is_said_as_village_level(qa: QA, question: str) -> None:
    a = qa.ask(question)
    assert a.status == "answered", a.text
    assert a.value == Decimal("72")

