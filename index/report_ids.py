"""What a report id may be: it names a stored report in URLs, commands and file names.

Ids come from file names or from users (`--id`, `DELETE /api/reports/{id}`); one rule for all of
them keeps folder parts (`../`), control characters and unbounded lengths out.
"""

from __future__ import annotations

import re

from index.errors import ReportQAError

MAX_ID_CHARS = 120
_ID = re.compile(r"[\w\u4e00-\u9fff][\w.\-\u4e00-\u9fff]*")


def check_report_id(report_id: str) -> str:
    """The id itself when it is usable; ReportQAError saying what is allowed otherwise."""
    if len(report_id) > MAX_ID_CHARS or not _ID.fullmatch(report_id) or ".." in report_id:
        shown = report_id[:40] + ("…" if len(report_id) > 40 else "")
        raise ReportQAError(f"report id {shown!r} is not allowed: use letters, digits, Chinese characters, "
                            f"'_', '-' and '.', at most {MAX_ID_CHARS} characters, no folder parts.")
    return report_id
