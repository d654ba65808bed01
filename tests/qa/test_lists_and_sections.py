"""One item in several lists, figures of another year's section, and amounts per unit, in other wordings:

* an item printed in two 「其中」 lists (「一般公共预算支出…，其中：…」 and 「…基本支出…，其中：…」) is the
  item of the list whose whole the question names by its own words, and of the widest list when it
  names none; a whole the question names that neither list has is refused;
* 「X里有多少不属于Y」「X扣掉Y里的那部分」: X less the like-named item of Y's list, both cited;
* a figure of a section dated to another year (「一、2019年预算执行情况」 in a report that then sets out
  2020's budget) answers no question of the report's own year;
* an amount per unit (「每部定额4.2万元」) is not what the units cost together;
* a budget's kind (一般公共预算, 政府性基金) is covered only by a label printing it whole, not by its words
  found apart (一般公共服务 beside 其他资金预算);
* a money word inside the name of an item counted (「财政资金类信息」「“部门预算、决算”类」) asks no amount;
* 「收入比支出多出多少」: the bare other member of a contrast is the first item's own line with that member
  (本年收入 → 本年支出), not any of the many lines it ties with;
* 「A的多，还是B的多」「是A多，还是B多」 asks which of two items is larger, as 「A和B哪个多」 does;
* a line said by its subject code alone (「（五）21301（项级科目）75.93万元。主要用于农业支出。」) is named by
  what the next sentence says it is for;
* a measure word said as a noun (「哪个场次多」 of 「…6场」), 「…引发的」 of what a count is about, and a
  how-to opening (「按实际条数算，…」) ask nothing of their own;
* members listed up to 等 (「公告栏、宣传栏等方式」) name one item of a sum or a difference, and an item said
  with its kind word after 的 (「“规章类”的信息和…」) owns nothing the next item names.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from index.ingest import ingest_paths
from index.metadata import extract_metadata
from index.store import SQLiteStore
from qa.ask import QA

_APPROVAL = (
    "标题: 平潭综合实验区交通运输局关于批复区海事服务中心2020年度部门决算的通知\n发布机构: 平潭综合实验区交通运输局\n"
    "==================== 正文 ====================\n"
    "区海事服务中心：现批复你单位2020年度部门决算。一、2020年本年收入260.00万元，本年支出250.00万元。"
    "三、2020年一般公共预算支出250.00万元，其中：工资福利支出180.00万元；商品和服务支出45.00万元；"
    "资本性支出25.00万元。四、2020年一般公共预算基本支出200.00万元，其中：工资福利支出170.00万元；"
    "商品和服务支出30.00万元；资本性支出0.00万元。\n"
)

_ACCOUNTS = (
    "标题: 2018年度平潭综合实验区档案馆部门决算说明\n发布机构: 平潭综合实验区档案馆\n"
    "==================== 正文 ====================\n"
    "2018年度本年收入530.00万元，本年支出510.00万元。"
    "一、2018年度支出决算情况 2018年度一般公共预算财政拨款支出500.00万元，其中：办公费20.00万元；差旅费8.00万元；"
    "印刷费12.00万元。二、项目支出情况 2018年度项目支出180.00万元，其中：办公费6.00万元；差旅费2.00万元；"
    "印刷费9.00万元。\n"
)

_SPEECH = (
    "标题: 关于流水镇2019年度财政预算执行情况及2020年度预算（草案）的报告\n发布机构: 流水镇\n"
    "==================== 正文 ====================\n"
    "各位代表： 我受平潭县流水镇人民政府的委托，向大会报告我镇2019年预算执行情况和2020年预算草案。 "
    "一、2019年预算执行情况 2019年全镇完成一般公共预算支出880万元。全镇支出科目的执行情况如下： "
    "一般公共服务支出500万元，增长5%；农林水支出300万元，增长3%；住房保障支出80万元。 收支平衡情况 "
    "全镇一般公共预算支出880元。 二、2020年预算草案 支出按功能分类科目情况是：一般公共服务支出安排560万元，"
    "增长12%；农林水支出安排320万元；住房保障支出安排90万元。平潭县流水镇财政所\n"
)

_CARS = (
    "标题: 2018年度平潭县妇女联合会部门预算说明\n发布机构: 平潭县妇女联合会\n"
    "==================== 正文 ====================\n"
    "（三）公务用车购置及运行费 本单位过渡期保留机要通信车辆3部，每部定额4.2万元，2018年预算安排12.6万元，"
    "其中：公车运行费12.6万元，公车购置费0万元。\n"
)


_TOWN = (
    "标题: 平潭县北厝镇2019年政府信息公开工作年度报告\n发布机构: 北厝镇\n"
    "==================== 正文 ====================\n"
    "一、主动公开政府信息情况 2019年主动公开政府信息60条，其中通过门户网站公开信息35条，通过公告栏、宣传栏、"
    "电子屏等其它方式公开信息25条。二、公开类别 规章类信息6条，规范性文件类信息14条，其他应主动公开的政府信息"
    "40条。\n"
)


_KINDS = (
    "标题: 平潭综合实验区海洋渔业局2020年政府信息公开工作年度报告\n发布机构: 平潭综合实验区海洋渔业局\n"
    "==================== 正文 ====================\n"
    "（二）主动公开政府信息的主要类别 工作动态类20条，占40%；财政资金类12条，占24%；部门预算、决算类5条，"
    "占10%；收费项目类3条，占6%；渔业补助资金专栏10条，占20%。\n"
)

_CODED = (
    "标题: 2017年度平潭县芦洋乡人民政府部门预算说明\n发布机构: 芦洋乡\n"
    "==================== 正文 ====================\n"
    "五、一般公共预算拨款支出情况 （一）20103（项级科目）410.50万元。主要用于政府办公厅（室）及相关机构事务支出。 "
    "（二）21301（项级科目）66.20万元。主要用于农业支出。 （三）21307（项级科目）88.10万元。主要用于农村综合改革支出。 "
    "（四）22102（项级科目）30万元。主要用于住房改革支出。\n"
)

_EVENTS = (
    "标题: 平潭综合实验区文化旅游局2021年政府信息公开工作年度报告\n发布机构: 平潭综合实验区文化旅游局\n"
    "==================== 正文 ====================\n"
    "（四）政策解读 全年召开新闻发布会6场，开展线上访谈2场，组织业务培训4期。全年主动公开政府信息40条，其中网站公开"
    "信息27条。因政府信息公开申请引发行政复议3件。\n"
)

_OTHER_FUNDS = (
    "标题: 2019年度平潭县东庠乡人民政府部门预算说明\n发布机构: 东庠乡\n"
    "==================== 正文 ====================\n"
    "五、其他资金预算 2019年安排其他资金预算支出90万元，其中：一般公共服务支出30万元，农林水支出60万元；"
    "基金收入预计12万元。六、民生支出 全年一般公共预算支出中用于教育、卫生健康等民生领域的支出达到70万元。\n"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> QA:
    folder = tmp_path_factory.mktemp("pages")
    paths = []
    for name, text in (("approval.txt", _APPROVAL), ("accounts.txt", _ACCOUNTS), ("speech.txt", _SPEECH),
                       ("cars.txt", _CARS), ("town.txt", _TOWN),
                       ("funds.txt", _OTHER_FUNDS), ("kinds.txt", _KINDS),
                       ("coded.txt", _CODED), ("events.txt", _EVENTS)):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    store = SQLiteStore(tmp_path_factory.mktemp("store") / "facts.sqlite3")
    assert all(r.status == "added" for r in ingest_paths(paths, store))
    return QA(store)


@pytest.mark.parametrize("question,value", [
    ("海事服务中心2020年商品和服务支出是多少？", "45.00"),
    ("区海事服务中心2020年工资福利花了多少", "180.00"),
    ("海事服务中心2020年在资本性支出上花的钱是多少", "25.00"),  # 「…上花的钱」: what it was spent on
    ("海事服务中心基本支出中的工资福利支出是多少", "170.00"),
    ("档案馆2018年办公费花了多少？", "20.00"),
    ("档案馆项目支出当中的差旅费是多少", "2.00"),
])
def test_an_item_of_two_lists_is_the_one_of_the_whole_asked(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_a_whole_neither_list_has_is_refused(made: QA) -> None:
    a = made.ask("海事服务中心2020年人员支出里的工资福利支出是多少")
    assert a.status != "answered" or a.value not in (Decimal("180.00"), Decimal("170.00")), a.text


@pytest.mark.parametrize("question,value", [
    ("海事服务中心的工资福利支出里有多少不属于基本支出？", "10.00"),
    ("海事服务中心的商品和服务支出扣除基本支出中的部分，还剩多少？", "15.00"),
    ("海事服务中心资本性支出有多少没算在基本支出里", "25.00"),
])
def test_the_part_outside_a_named_whole(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
    assert len(a.figures) == 2  # both items cited, the subtraction shown


def test_an_item_whose_lists_name_no_whole_inside_another_is_not_guessed(made: QA) -> None:
    # 「…财政拨款支出…，其中：」 and 「…项目支出…，其中：」: neither whole's words hold the other's, so
    # the plain 「印刷费」 could be either list's
    for question in ("档案馆2018年印刷费是多少", "档案馆2018年印刷费中有多少不在项目支出里"):
        a = made.ask(question)
        assert a.status != "answered" or a.value in (Decimal("12.00"), Decimal("3.00")), a.text


@pytest.mark.parametrize("question", [
    "流水镇2020年农林水支出与一般公共服务支出相比谁多？",
    "2020年流水镇住房保障支出多少",
    "流水镇2020年农林水支出是多少钱",
])
def test_a_section_of_another_year_does_not_answer_the_reports_own(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.value not in (Decimal("500"), Decimal("300"), Decimal("80")), a.text


@pytest.mark.parametrize("question", [
    "流水镇2019年一般公共服务支出多少？",
    "流水镇2019年一般公共预算实际支出多少？",
    "流水镇2019年住房保障方面花了多少",
])
def test_a_year_before_the_reports_own_takes_no_figure_of_another_section(made: QA, question: str) -> None:
    # the 2019 section's figures are not read for 2019 unless a sentence dates them: never the 2020 plan's,
    # never the misprinted 「880元」
    a = made.ask(question)
    assert a.value not in (Decimal("560"), Decimal("320"), Decimal("90")), a.text
    assert not (a.unit == "元" and a.value == Decimal("880")), a.text


def test_a_question_naming_no_year_asks_the_reports_own(made: QA) -> None:
    a = made.ask("流水镇农林水支出安排了多少？")
    assert a.status == "answered" and a.value == Decimal("320"), a.text


def test_the_years_own_section_still_answers(made: QA) -> None:
    a = made.ask("流水镇2020年一般公共服务支出安排了多少？")
    assert a.status == "answered" and a.value == Decimal("560"), a.text


@pytest.mark.parametrize("question", [
    "妇联保留的3部车一年的车辆经费合计多少？",
    "妇女联合会2018年机要通信车辆的经费一共多少",
])
def test_an_amount_per_unit_is_not_the_units_together(made: QA, question: str) -> None:
    a = made.ask(question)
    assert a.value != Decimal("4.2"), a.text


def test_an_amount_per_unit_answers_per_unit(made: QA) -> None:
    a = made.ask("妇女联合会每部车的定额是多少？")
    assert a.status == "answered" and a.value == Decimal("4.2"), a.text


def test_a_name_said_after_a_verb_takes_no_part_of_the_verb() -> None:
    meta = extract_metadata(_SPEECH)
    assert meta.agency == "平潭县流水镇" and meta.year == 2020


@pytest.mark.parametrize("question,value", [
    ("北厝镇2019年门户网站公开的比公告栏、宣传栏等方式公开的多几条？", "10"),
    ("北厝镇2019年通过公告栏、电子屏等方式公开的信息和门户网站公开的信息合计多少条", "60"),
    ("北厝镇2019年“规范性文件类”的信息和规章类信息一共多少条", "20"),
    ("北厝镇2019年“其他应主动公开”的信息和规范性文件类信息相比，哪个多？", "40"),
])
def test_a_list_closed_by_deng_or_a_kind_word_names_one_item(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question", [
    "东庠乡2019年一般公共预算支出多少？",
    "2019年东庠乡一般公共预算安排了多少钱",
    "东庠乡2019年政府性基金收入预计多少",
])
def test_a_budgets_kind_is_not_pieced_from_words_apart(made: QA, question: str) -> None:
    # nor answered by the part of it a sentence says was spent on something (「…支出中用于…民生领域的支出」)
    a = made.ask(question)
    assert a.value not in (Decimal("30"), Decimal("90"), Decimal("12"), Decimal("70")), a.text


def test_the_part_spent_on_something_answers_that_part(made: QA) -> None:
    a = made.ask("东庠乡2019年民生领域的支出有多少？")
    assert a.status == "answered" and a.value == Decimal("70"), a.text


@pytest.mark.parametrize("question,value", [
    ("海洋渔业局2020年财政资金类和部门预算、决算类信息哪个多？", "12"),
    ("2020年海洋渔业局，渔业补助资金专栏信息和收费项目类信息哪个发得多", "10"),
    ("海洋渔业局2020年的财政资金类信息比收费项目类多几条？", "9"),
])
def test_a_money_word_in_an_items_name_asks_no_amount(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


def test_an_amount_asked_of_a_counted_item_is_still_refused(made: QA) -> None:
    a = made.ask("海洋渔业局2020年财政资金类信息有多少钱？")
    assert a.status != "answered", a.text


@pytest.mark.parametrize("question,value", [
    ("北厝镇2019年的信息，门户网站公开的多，还是公告栏、电子屏等其它方式公开的多？", "35"),
    ("北厝镇2019年是规章类信息多，还是规范性文件类信息多？", "14"),
    ("2019年北厝镇，其他应主动公开的政府信息多，还是规范性文件类信息多", "40"),
])
def test_each_side_said_with_its_own_more(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("海事服务中心2020年收入比支出多出多少？", "10.00"),
    ("2020年海事服务中心的支出比收入少多少", "10.00"),
    ("档案馆2018年收入比支出多了多少", "20.00"),
])
def test_the_other_member_of_a_contrast_is_the_first_items_twin(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value in (Decimal(value), -Decimal(value)), a.text


@pytest.mark.parametrize("question,value", [
    ("芦洋乡2017年农业支出预算多少？", "66.20"),
    ("2017年芦洋乡的农村综合改革支出和农业支出，哪个多", "88.10"),
    ("芦洋乡2017年住房改革支出安排了多少", "30"),
])
def test_a_line_said_by_its_code_is_named_by_what_it_is_for(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text


@pytest.mark.parametrize("question,value", [
    ("文化旅游局2021年召开新闻发布会和开展线上访谈，哪个场次多？", "6"),
    ("2021年文化旅游局因信息公开引发的行政复议有几件", "3"),
    ("按实际条数算，文化旅游局2021年网站公开的信息占主动公开信息的百分之几？", "67.5"),
])
def test_words_of_how_a_figure_is_counted_ask_nothing_of_their_own(made: QA, question: str, value: str) -> None:
    a = made.ask(question)
    assert a.status == "answered" and a.value == Decimal(value), a.text
