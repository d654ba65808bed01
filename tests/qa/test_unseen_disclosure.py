"""Three disclosure reports nobody tuned for, crawled with their tables glued: single-digit rows
whose own sums fail, totals the report contradicts, shares of a whole the question names, and the
everyday words around a cell."""

from __future__ import annotations

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
    ("海坛片区2024年新收到的信息公开申请里，自然人提的有几件？", "5"),
    ("平潭海坛片区管理局2024年收到的申请中，商业企业提了几件？", "1"),
    ("2024年海坛片区管理局有几件申请属于补正后申请内容仍不明确？", None),  # its 总计 is 0 beside a 1
    # everyday words around a cell ask nothing of it
    ("海坛片区2024年因信息公开引起的行政复议中，“其他结果”有几件？", "1"),
    ("2023年有人不经复议直接起诉平潭自然资源与生态环境局的信息公开行政诉讼，结果维持的有几件？", "1"),
    ("2023年平潭自然资源与生态环境局的行政许可决定比行政处罚决定多出多少件？", "280"),
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
    "海坛片区2024年无法提供的申请（不掌握信息和补正后仍不明确）合计几件？",
    "海坛片区2024年和管委会办公室2021年，因本机关不掌握相关信息而无法提供的申请哪家多？多几件？",
])
def test_a_contradicted_total_is_no_input(unseen, question):
    a = unseen.ask(question)
    assert a.status != "answered" or "海坛" not in a.text.split("。")[0] or a.value != 0, a.text
    assert "0件 +" not in a.text and "为0件" not in a.text.split("。")[0], a.text


@pytest.mark.parametrize("question,value", [
    # the whole named before 中/里 or after 占; the part is the other figure, never the whole itself
    ("自然资源与生态环境局2023年新收申请中，因本机关不掌握信息而无法提供的占百分之几？", "21.1"),
    ("2021年管委会办公室新收的申请里，因本机关不掌握信息无法提供的占了百分之多少？", "73.9"),
    ("管委会办公室2021年予以公开的申请占新收申请的比例是多少？", "8.7"),
])
def test_a_share_of_the_whole_the_question_names(unseen, question, value):
    says(unseen.ask(question), value)


@pytest.mark.parametrize("question,value", [
    # an item of a 其中 list printed without its unit counts in the list head's unit
    ("2023年自然资源与生态环境局主动公开的信息中，国土资源城乡建设环保能源类有多少条？", "45"),
    ("自然资源与生态环境局2023年其他类信息公开了几条？", "4"),  # a sibling's words are not its own
    # 「这三种结果」 counts the items named: it is no item of its own
    ("管委会办公室2021年予以公开、部分公开、不予公开这三种结果一共有几件？", "6"),
    ("海坛片区2024年发布问卷调查和开展意见征集一共多少次？", "8"),
])
def test_items_of_a_list(unseen, question, value):
    a = unseen.ask(question)
    says(a, value)
    assert a.text.count("原文表格数字粘连") <= 1, a.text  # a note is said once


@pytest.mark.parametrize("question,value,inputs", [
    # 「除了X以外，还有/其余…」 asks the whole less X: both shown, never the whole alone
    ("平潭公安局2024年办理结果总计中，除了予以公开的以外，还有多少件？", "5", ("8件", "3件")),
    ("交通与建设局2022年主动公开的政府信息，除了其他类信息以外还有多少条？", "90", ("126条", "36条")),
    ("金井片区2024年办理结果总计8件，除了予以公开以外，其余的有几件？", "4", ("8件", "4件")),
    ("2023年自然资源与生态环境局主动公开的信息里，除了国土资源城乡建设环保能源类，其余两类一共几条？", "7",
     ("52条", "45条")),
])
def test_all_but_one_is_the_whole_less_it(unseen, question, value, inputs):
    a = unseen.ask(question)
    says(a, value)
    assert all(i in a.text for i in inputs) and "−" in a.text, a.text
