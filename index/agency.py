"""One agency, many printed names: 「洪泽区人民政府」 and 「淮安市洪泽区人民政府」 are one publisher.

Reports print their publisher with or without the prefecture above a district or county, and
with 政府 or 人民政府. `agency_identity` maps every such form to one key; ingest stores a report
under the form first stored for that identity, so the agency picker and trends see one agency.
"""

from __future__ import annotations

import re
import unicodedata

# 「淮安市洪泽区…」: a prefecture-level city (2–4 characters + 市) directly above a district or county.
_PREFECTURE = re.compile(r"^[\u4e00-\u9fff]{2,4}?市(?=[\u4e00-\u9fff]{1,6}?(?:区|县)(?:人民)?政府)")


def agency_identity(name: str | None) -> str | None:
    """A key equal for every printed form of one agency (None for no name)."""
    if not name:
        return None
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    key = re.sub(r"(?<!人民)政府", "人民政府", key)  # 区政府 = 区人民政府
    return _PREFECTURE.sub("", key)


def one_char_apart(a: str, b: str) -> bool:
    """Same length and exactly one character different (an OCR slip such as 沭/沐)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
