"""Three disclosure reports nobody tuned for, crawled with their tables glued: single-digit rows
whose own sums fail, totals the report contradicts, shares of a whole the question names, and the
everyday words around a cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from stated import says

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA

FIXTURES = ("28_pingtan_ziranziyuan_2023.txt", "29_pingtan_guanweihui_2021.txt", "30_pingtan_haitan_2024.txt",
            "31_pingtan_gongan_2024.txt", "32_pingtan_jiaojian_2022.txt", "33_pingtan_jinjing_2024.txt")


@pytest.fixture(scope="module")
def unseen(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    store = SQLiteStore(tmp_path_factory.mktemp("unseen") / "facts.sqlite3")
    results = ingest_paths([fixtures_dir / n for n in FIXTURES], store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    return QA(store)


@pytest.mark.parametrize("question,value", [
    # 「5100000」 under seven columns: one digit a cell is the only split, though its 总计 reads 0
    ("海坛片区管理局2024年自然人提出的信息公开申请有多少件？", "5"),
    ("海坛片区2024年新收申请里商业企业的有几件？", "1"),
    ("海坛片区2024年补正后申请内容仍不明确的申请有几件？", None),  # its 总计 is 0 beside a 1
    # everyday words around a cell ask nothing of it
    ("海坛片区管理局2024年由信息公开引起的复议案件，其他结果的有多少件？", "1"),
    ("平潭自然资源与生态环境局2023年被人未经复议直接告上法院的信息公开官司，维持了几件？", "1"),
    ("自然资源与生态环境局2023年作出的行政许可决定，比行政处罚决定多出几件？", "280"),
])
def test_cells_of_glued_single_digit_rows(unseen, question, value):
    says(unseen.ask(question), value)


@pytest.mark.parametrize("question,printed,parts", [
    ("海坛片区2024年收到多少件信息公开申请？", "0件", "6件"),
    ("平潭海坛片区2024年因本机关不掌握相关政府信息无法提供的申请有几件？", "0件", "4件"),
    ("自然资源与生态环境局2023年部分公开了多少件？", "8件", "9件"),
])
def test_a_total_its_own_row_contradicts_is_shown_not_stated(unseen, question, printed, parts):
    a = unseen.ask(question)
    assert a.status == "ambiguous" and a.value is None, a.text
    assert f"印为{printed}" in a.text and f"相加为{parts}" in a.text


@pytest.mark.parametrize("question", [
    "海坛片区2024年本机关不掌握的和补正后仍不明确的申请加起来几件？",
    "管委会办公室2021年和海坛片区2024年，本机关不掌握相关政府信息的申请谁多，多几件？",
])
def test_a_contradicted_total_is_no_input(unseen, question):
    a = unseen.ask(question)
    assert a.status != "answered" or "海坛" not in a.text.split("。")[0] or a.value != 0, a.text
    assert "0件 +" not in a.text and "为0件" not in a.text.split("。")[0], a.text


@pytest.mark.parametrize("question,value", [
    # the whole named before 中/里 or after 占; the part is the other figure, never the whole itself
    ("自然资源与生态环境局2023年新收的申请里，本机关不掌握相关政府信息的占比多少？", "21.1"),
    ("管委会办公室2021年新收申请中，本机关不掌握相关政府信息的占几成？", "73.9"),
    ("管委会办公室2021年予以公开的申请占新收申请的比例是多少？", "8.7"),
])
def test_a_share_of_the_whole_the_question_names(unseen, question, value):
    says(unseen.ask(question), value)


@pytest.mark.parametrize("question,value", [
    # an item of a 其中 list printed without its unit counts in the list head's unit
    ("自然资源与生态环境局2023年主动公开了多少条国土资源城乡建设环保能源类信息？", "45"),
    ("自然资源与生态环境局2023年其他类信息公开了几条？", "4"),  # a sibling's words are not its own
    # 「这三种结果」 counts the items named: it is no item of its own
    ("管委会办公室2021年予以公开、部分公开和不予公开以上三项合计几件？", "6"),
    ("海坛片区2024年开展意见征集和发布问卷调查合计多少次？", "8"),
])
def test_items_of_a_list(unseen, question, value):
    a = unseen.ask(question)
    says(a, value)
    assert a.text.count("原文表格数字粘连") <= 1, a.text  # a note is said once


@pytest.mark.parametrize("question,value,inputs", [
    # 「除了X以外，还有/其余…」 asks the whole less X: both shown, never the whole alone
    ("公安局2024年办理结果总计里，除了予以公开以外还有几件？", "5", ("8件", "3件")),
    ("交建局2022年主动公开政府信息里，除其他类信息外还有几条？", "90", ("126条", "36条")),
    ("金井片区管理局2024年办结的申请中，除予以公开之外，剩下的有多少件？", "4", ("8件", "4件")),
    ("自然资源与生态环境局2023年主动公开信息中，除了国土资源城乡建设环保能源类，其余的加起来几条？", "7",
     ("52条", "45条")),
])
def test_all_but_one_is_the_whole_less_it(unseen, question, value, inputs):
    a = unseen.ask(question)
    says(a, value)
    assert all(i in a.text for i in inputs) and "−" in a.text, a.text


@pytest.mark.parametrize("question,value", [
    # 「…共计128条，财政预算、决算信息1条，…其他应主动公开的政府信息7条」: the rest of the list is no total
    ("海坛片区管理局2024年一共主动公开了几条政府信息？", None),
    ("海坛片区2024年其他应主动公开的政府信息有几条？", "7"),
    ("交建局2022年公开的其他类信息有几条？", "36"),
])
def test_the_rest_of_a_list_answers_only_for_the_rest(unseen, question, value):
    a = unseen.ask(question)
    says(a, value)
    assert a.value != Decimal("7") or "其他" in question, a.text


@pytest.mark.parametrize("question,value", [
    # a bare 总计 after the row the question names is that row's 总计 column, not the (七)总计 row
    ("交建局2022年本机关不掌握相关政府信息的申请总计几件？", "4"),
    ("公安局2024年部分公开的申请总计是多少？", "1"),
    ("金井片区2024年重复申请不予处理的总计几件？", "1"),
    ("交通与建设局2022年未经复议直接起诉的行政诉讼总计多少件？", "0"),
    ("金井片区管理局2024年办理结果总计多少件？", "8"),  # the (七)总计 row itself, named alone
])
def test_a_total_after_a_row_is_that_rows_total(unseen, question, value):
    says(unseen.ask(question), value)


@pytest.mark.parametrize("question,value", [
    # 「2022年，我局主动公开政府信息126条，公开类别主要涉及…安全生产和应急管理类信息44条…」: a date
    # opening the sentence is no subject; the clause after it is
    ("交建局2022年公开的安全生产和应急管理类信息有几条？", "44"),
    ("交通与建设局2022年主动公开了几条安全生产和应急管理类信息？", "44"),
    ("2024年金井片区和公安局哪家予以公开的申请多一些？多几件？", "1"),
])
def test_a_dated_sentence_and_a_looser_comparison(unseen, question, value):
    says(unseen.ask(question), value)


def test_an_unsettled_cell_gives_way_to_a_sentence_that_answers(unseen):
    # table 二's 「行政规范性文件2135」 splits more than one way; the 主动公开 sentence's
    # 「其中政策及规范性文件类3条」 is what the question asks
    says(unseen.ask("自然资源与生态环境局2023年公开了几条政策及规范性文件类信息？"), "3")
