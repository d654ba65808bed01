"""Upload and ingest errors in Chinese for the Chinese page.

The library's errors are English (the CLI and the API speak English); the chat page speaks
Chinese, so each kind of error a person can meet there gets a Chinese sentence that says what was
wrong and what to do. An error not listed keeps its English reason after a Chinese lead. The most
specific rules come first (a zip bomb's message also names a size limit).
"""

from __future__ import annotations

import re

_TABLE = (
    (r"longer than .* s, so it was refused", "读取该文件超过了时间上限，已拒绝（REPORTQA_INGEST_SECONDS）。"),
    (r"more than .* MB of memory", "读取该文件超过了内存上限，已拒绝（REPORTQA_INGEST_MEMORY_MB）。"),
    (r"inflates|compression ratio|uncompressed", "压缩文件解压后过大（疑似压缩炸弹），已拒绝。"),
    (r"nested too deeply", "网页嵌套层级过深，无法作为报告读取。"),
    (r"HTML table covers more than", "网页中的表格过大（展开跨行跨列后超过上限），已拒绝。"),
    (r"unsupported file type", "不支持这种文件类型，请上传 .txt .md .html .htm .pdf .docx 文件。"),
    (r" is empty|0 bytes", "文件是空的，请上传报告文件本身。"),
    (r"limit is|over the limit|too large|MB; the limit",
     "文件超过大小上限（REPORTQA_MAX_UPLOAD_MB），请拆分文件或调高上限。"),
    (r"versions of this report are stored", "同名报告的版本已太多，请先删除旧版本。"),
    (r"only files uploaded", "只能导入本次上传的文件。"),
    (r"no report (kind|found)|agency .* year|not a report",
     "未识别出报告：文中找不到发布机关和年度。请确认这是政府信息公开年报或预决算报告，或在表单中填写发布机关和年度后重试。"),
    (r"binary|NUL bytes|not text|control characters", "文件不是文本，也不是可读的报告格式。"),
    (r"no %PDF header|not a PDF|damaged|truncated", "文件已损坏或与扩展名不符。"),
    (r"scanned|no text layer", "这是扫描版 PDF（没有文字层），无法读取。"),
    (r"encrypted|password", "PDF 已加密，请提供未加密的版本。"),
    (r"not a readable Word|not a zip|old Office|\.doc\b",
     "不是可读的 Word .docx 文件，请用 Word 或 WPS 另存为 .docx。"),
    (r"unexpected error", "解析时出现意外错误，请把文件反馈给维护者。"),
)
_RULES = [(re.compile(p, re.IGNORECASE | re.DOTALL), zh) for p, zh in _TABLE]


def zh_error(message: str) -> str:
    """A Chinese sentence for an upload or ingest error."""
    for pattern, zh in _RULES:
        if pattern.search(message):
            return zh
    return f"无法导入：{message}"
