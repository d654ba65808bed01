"""The bundled Q&A sets are well formed, and the loader says exactly what a bad line lacks."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from eval.run import QASetError, load_items, report_ids, validate_item
from eval.score import TYPES, parse_quantity

QA_DIR = Path(__file__).resolve().parents[2] / "eval" / "qa"


@pytest.fixture(scope="module")
def items(samples_dir: Path) -> list[dict]:
    return load_items([QA_DIR], samples_dir)


def test_sets_are_valid_and_reference_bundled_samples(items: list[dict]) -> None:
    assert len(items) >= 150
    assert len({it["id"] for it in items}) == len(items)


def test_every_type_is_covered(items: list[dict]) -> None:
    counts = Counter(it["type"] for it in items)
    assert set(counts) == set(TYPES)
    assert all(n >= 10 for n in counts.values()), counts


def test_questions_span_layouts(items: list[dict]) -> None:
    reports = Counter(r for it in items if it["type"] != "comparison" for r in it.get("reports", []))
    suffixes = {Path(r).suffix for r in reports}
    assert {".txt", ".pdf", ".html", ".md"} <= suffixes
    assert sum(n >= 10 for n in reports.values()) >= 4, reports


def test_cross_report_questions_are_unscoped(items: list[dict]) -> None:
    for it in items:
        if it["type"] == "comparison":
            assert it.get("scoped") is False, it["id"]
            assert len(it.get("reports", [])) >= 2, it["id"]
            assert report_ids(it) == ()


def test_shares_are_percentages_with_one_decimal(items: list[dict]) -> None:
    for it in items:
        v = it.get("value")
        if v is not None and str(v).endswith("%"):
            q = parse_quantity(v)
            assert q is not None and q.percent and q.value == q.value.quantize(Decimal("0.1")), it["id"]


def test_every_line_has_a_source(items: list[dict]) -> None:
    assert all(len(it["source"]) >= 8 for it in items)


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ({"id": "x", "question": "q", "answer": "a", "type": "table_cell", "source": "s"}, "needs a 'value'"),
        ({"id": "x", "question": "q", "answer": "a", "type": "guess", "source": "s"}, "is not one of"),
        ({"id": "x", "question": "q", "type": "text_fact", "source": "s"}, "missing 'answer'"),
        ({"id": "x", "question": "q", "answer": "a", "type": "unanswerable", "source": "s", "value": "3"},
         "has no 'value'"),
        ({"id": "x", "question": "q", "answer": "a", "type": "text_figure", "source": "s", "value": "很多"},
         "holds no number"),
        ({"id": "x", "question": "q", "answer": "a", "type": "text_fact", "source": "s", "reports": ["nope.txt"]},
         "is not in"),
        ({"id": "x", "question": "q", "answer": "a", "type": "text_fact", "source": "s", "scoped": "no"},
         "'scoped' must be"),
        ({"id": "x", "question": "q", "answer": "a", "type": "text_fact", "source": "s", "evidence": "x"},
         "'evidence' must be"),
    ],
)
def test_validate_item_names_the_problem(line: dict, complaint: str, samples_dir: Path) -> None:
    assert any(complaint in e for e in validate_item(line, samples_dir))


def test_load_items_reports_every_bad_line(tmp_path: Path) -> None:
    good = {"id": "a", "question": "q", "answer": "a", "type": "text_fact", "source": "s"}
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps(good)]), encoding="utf-8")
    with pytest.raises(QASetError) as e:
        load_items([path])
    assert "set.jsonl:2: not JSON" in str(e.value)
    assert "set.jsonl:3: id 'a' already used at set.jsonl:1" in str(e.value)


def test_scoped_false_asks_without_a_filter() -> None:
    item = {"reports": ["00_houjie_zhen_2023.txt"]}
    assert report_ids(item) == ("00_houjie_zhen_2023",)
    assert report_ids({**item, "scoped": False}) == ()
