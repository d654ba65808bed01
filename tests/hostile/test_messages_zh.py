"""The Chinese page says in Chinese what was wrong with an upload: every refusal the library really
raises for a hostile or careless file maps to its own Chinese sentence."""

from __future__ import annotations

import re
from pathlib import Path

import hostile_files as hf
import pytest

from index.budget import Budget, run_bounded
from index.errors import ReportQAError
from index.load import load_document
from index.parse import Overrides, parse_document
from ui.messages_zh import zh_error
from ui.uploads import UploadRejected, check_upload


def _error(make) -> str:
    try:
        make()
    except (ReportQAError, UploadRejected) as e:
        return str(e)
    raise AssertionError("no error was raised")


def _read(path: Path):
    return lambda: parse_document(load_document(path), path.stem)


def _bad_pdf(folder: Path) -> Path:
    path = folder / "年报.pdf"
    path.write_bytes(b"this is not a pdf" * 10)
    return path


def _not_a_zip(folder: Path) -> Path:
    path = folder / "年报.docx"
    path.write_bytes(b"plain words" * 10)
    return path


def _binary(folder: Path) -> Path:
    path = folder / "年报.txt"
    path.write_bytes(bytes(range(256)) * 8)
    return path


CASES = [
    ("type", lambda d: lambda: check_upload("a.exe", 10, 100), "不支持这种文件类型"),
    ("size", lambda d: lambda: check_upload("a.txt", 2**21, 2**20), "大小上限"),
    ("empty", lambda d: lambda: check_upload("a.txt", 0, 100), "文件是空的"),
    ("zip bomb", lambda d: _read(hf.docx_bomb(d, inflated_mb=120)), "压缩炸弹"),
    ("span bomb", lambda d: _read(hf.span_bomb(d)), "表格过大"),
    ("no report", lambda d: _read(hf.ROOT / "README.md"), "未识别出报告"),
    ("binary", lambda d: _read(_binary(d)), "不是文本"),
    ("bad pdf", lambda d: _read(_bad_pdf(d)), "已损坏"),
    ("not a zip", lambda d: _read(_not_a_zip(d)), "Word .docx"),
    ("time budget", lambda d: lambda: run_bounded(hf.flat_html(d), "x", Overrides(), 2**26, Budget(0.2, 2000)),
     "时间上限"),
]


@pytest.mark.parametrize(("name", "make", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_refusal_has_its_chinese_sentence(tmp_path, name, make, expected):
    message = _error(make(tmp_path))
    zh = zh_error(message)
    assert expected in zh, (message, zh)
    english = re.sub(r"REPORTQA_\w+|\.(txt|md|html|htm|pdf|docx)|Word|WPS|PDF", "", zh)
    assert not re.search(r"[A-Za-z]{3,}", english), zh
