"""One agency, many printed names: 「洪泽区人民政府」 and 「淮安市洪泽区人民政府」 are one publisher.

Reports print their publisher with or without the prefecture above a district or county, and
with 政府 or 人民政府. `agency_identity` maps every such form to one key; ingest stores a report
under the form first stored for that identity, so the agency picker and trends see one agency.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

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


def near_spellings(question: str, aliases: Mapping[str, Iterable[str]], min_length: int = 3) -> dict[str, str]:
    """Agency → the stretch of `question` that is one character off one of its names.

    Used only when no name matches exactly; the caller takes it when exactly one agency is this
    close, and can say which spelling it matched (「沐阳县」 read as 「沭阳县」).
    """
    out: dict[str, str] = {}
    for agency, names in aliases.items():
        for name in names:
            if len(name) < min_length:
                continue
            hit = next((question[i:i + len(name)] for i in range(len(question) - len(name) + 1)
                        if one_char_apart(name, question[i:i + len(name)])), None)
            if hit is not None:
                out[agency] = hit
                break
    return out
