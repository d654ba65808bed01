"""A 决算 report nobody tuned for: its short form, its shares as stated, its own measure words."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest import ingest_paths
from index.store import SQLiteStore
from qa.ask import QA


@pytest.fixture(scope="module")
def final(samples_dir: Path, fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> QA:
    store = SQLiteStore(tmp_path_factory.mktemp("final") / "facts.sqlite3")
    paths = [fixtures_dir / "24_putuo_wenlv_final_2025.txt", samples_dir / "20_putuo_shiquan_final_2025.txt"]
    results = ingest_paths(paths, store)
    assert all(r.status == "added" for r in results), [r.error for r in results]
    assert results[0].agency == "上海市普陀区文化和旅游局"  # a cover that breaks the name over two lines
    return QA(store)


@pytest.mark.parametrize("question,value", [
    ("文旅局2025年文化和旅游支出决算多少？", "14758.06"),  # the item shares words with the agency's name
    ("文旅局2025年三公经费完成预算的百分之几？", "26.46"),  # the whole, not a part beside it
    ("文旅局2025年因公出国费完成预算的百分之几？", "0"),
    ("文旅局2025年公务接待费完成预算的比例？", "18.96"),
    ("文旅局2025年公务接待了几批次？", "2"),  # 批次, not the 24人次 beside it
    ("文旅局2025年公务接待了多少人次？", "24"),
    ("文旅局2025年三公经费比2024年减少了多少？", "19.66"),
    ("文旅局2025年收入支出总计比2024年增加了多少？", "8487.88"),  # stated beside the level
    ("文旅局2025年一般公共预算财政拨款支出决算多少？", "24535.67"),  # 一般公共预算 is a fund, not a plan
    ("文旅局2025年行政运行的年初预算是多少？", "511.66"),  # a numbered item's 类/款/项 is its subject
    ("文旅局2025年图书馆年初预算多少？", "3063.71"),
    ("文旅局2025年公务接待费决算比预算少多少？", "1.71"),  # the later part names the same item's 预算
])
def test_a_final_accounts_report_answers_in_its_own_words(final, question, value):
    a = final.ask(question)
    assert (a.status, str(a.value)) == ("answered", value), a.text


@pytest.mark.parametrize("question,candidate", [
    # 「2070104 图书馆 3,070.63 2,362.21 708.42」 under six columns: 2,362.21 may be 基本支出 or 上缴上级支出
    ("文旅局2025年图书馆的基本支出是多少？", "2362.21"),
])
def test_a_cell_whose_column_the_row_does_not_settle_is_not_stated(final, question, candidate):
    a = final.ask(question)
    assert a.status == "ambiguous" and a.value is None, a.text
    assert candidate in a.text and "无法唯一确定" in a.text


def test_the_measure_word_asked_is_the_one_printed(final):
    a = final.ask("文旅局2025年接待外宾多少人次？")
    assert a.status != "answered" or a.unit == "人次", a.text


@pytest.mark.parametrize("question,shown", [
    # a label that is only a predicate is shown with the clause it continues
    ("文旅局2025年因公出国费完成预算的百分之几？", "其中：因公出国（境）费决算为 0 万元，完成预算的"),
    ("文旅局2025年三公经费完成预算的百分之几？", "支出决算为 3.04 万元，完成预算的"),
    # a numbered item's subject stands before it
    ("文旅局2025年行政运行的年初预算是多少？", "行政运行 / 年初预算为"),
])
def test_the_answer_says_which_number_of_the_sentence_it_is(final, question, shown):
    a = final.ask(question)
    assert shown in a.text, a.text
