"""Scoring one answer against one expected answer of a Q&A set.

Why the rules are what they are:

* **Numbers are compared as quantities, not strings.** Reports and answers write the same figure in
  many ways — full-width digits (２５１６), thousands separators (156,211,123), a unit (宗/件/条),
  or a scale (15621.11万元 for 156,211,123 元). Both sides are normalised to one base quantity, and
  two figures are equal when they agree *at the precision the less precise side was printed with*:
  「15621.11万元」 was rounded to the hundredth of 万元 (50 元), so it equals 156,211,123 元, while
  「2516条」 must be exactly 2516.
* **Shares are percentages within 0.1 percentage point**, because the expected value is rounded
  to one decimal while a system may print 31.25 or 31.3.
* **A decrease asked as a decrease** (「少了多少」「减少多少」) may come back as a negative change
  (−1343) or as a positive amount (1343): the word carries the sign, so magnitudes are compared.
* **Refusals score only on questions that should be refused**; a confident wrong number (status
  answered, a value, and it differs) is the worst error a system like this can make, so it is
  counted on its own.
* **A question of several parts** (「一共多少？其中占多少？」) is right when one part's own result is the
  expected figure: a set names the figure it checks, not the part. Its headline is only the first
  part's, and only when every part was answered, so a wrong figure is counted only then.
* **Text answers score on key phrases** (「|」-separated) found in the normalised answer text, since
  the wording of a correct passage answer varies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NUMERIC_TYPES = frozenset({"table_cell", "text_figure", "arithmetic"})
TYPES = ("table_cell", "text_figure", "text_fact", "arithmetic", "comparison", "unanswerable")
SHARE_TOLERANCE = Decimal("0.1")

_NUMBER = re.compile(r"[-−+]?\d+(?:\.\d+)?")
_SCALES = (("亿", Decimal(100_000_000)), ("万", Decimal(10_000)), ("千", Decimal(1_000)))
_PERCENT = ("%", "％", "百分点")
_DECREASE = re.compile(r"少了?多少|减少|下降|降低|降了|少多少")
_SPACE = re.compile(r"\s+")
_GROUPING = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


@dataclass(frozen=True)
class Quantity:
    """A figure in base units (元, 宗, …, or percentage points) with the half-step it was printed to."""

    value: Decimal
    half_step: Decimal
    percent: bool = False

    def equals(self, other: Quantity) -> bool:
        if self.percent or other.percent:
            return abs(self.value - other.value) <= SHARE_TOLERANCE
        return abs(self.value - other.value) <= max(self.half_step, other.half_step)


def normalize_text(text: str) -> str:
    """NFKC (full-width → half-width), no whitespace, lower case: how phrases and evidence are matched."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def parse_quantity(value: object, unit: str | None = None) -> Quantity | None:
    """Read 「１５６,２１１,１２３元」, 「15621.11万元」, 「25.0%」 or a value plus a separate unit.

    Returns None when there is no number in it. A scale word (万/亿/千) counts only in the unit part,
    i.e. after the number, so 「万里街道」 in a label never scales anything.
    """
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text).replace(" ", "")
    m = _NUMBER.search(text)
    if m is None:
        return None
    try:
        number = Decimal(m.group(0).replace("−", "-"))
    except InvalidOperation:
        return None
    tail = text[m.end():] + unicodedata.normalize("NFKC", unit or "")
    decimals = len(m.group(0).split(".")[1]) if "." in m.group(0) else 0
    percent = any(p in tail for p in _PERCENT)
    scale = Decimal(1)
    if not percent:
        for word, factor in _SCALES:
            if tail.startswith(word):
                scale = factor
                break
    half_step = Decimal(5) * Decimal(10) ** (-(decimals + 1)) * scale if scale != 1 else Decimal(0)
    return Quantity(number * scale, half_step, percent)


def expected_value(item: dict) -> object:
    """The item's `value`, with the scale its own answer text prints after that number when the
    value omits it: 「"value": "18976.76"」 next to 「"answer": "18,976.76万元…"」 means 万元, not 元.
    A Q&A writer who copies the number but not its unit should not turn a right answer wrong."""
    value = item.get("value")
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = _NUMBER.search(re.sub(r"(?<=\d),(?=\d{3})", "", text))
    if m is None or m.end() < len(text.replace(",", "")):  # it carries a unit or words of its own
        return value
    want = Decimal(m.group(0).replace("−", "-"))
    answer = re.sub(r"(?<=\d),(?=\d{3})", "", unicodedata.normalize("NFKC", item.get("answer") or ""))
    for n in _NUMBER.finditer(answer):
        try:
            same = Decimal(n.group(0).replace("−", "-")) == want
        except InvalidOperation:
            continue
        # (the first printing with a scale word: 「4.60 ÷ (1 + 360%) = 1.00万元」 prints a bare 1 before it)
        if same and (word := next((w for w, _ in _SCALES if answer[n.end():].startswith(w)), "")):
            return f"{m.group(0)}{word}"
    return value


def values_match(expected: object, got_value: object, got_unit: str | None, question: str = "") -> bool:
    """Whether the system's headline number is the expected one (see the module doc for the rules)."""
    want = parse_quantity(expected)
    got = parse_quantity(got_value, got_unit)
    if want is None or got is None:
        return False
    if want.percent and not got.percent:  # a bare 25.0 for a share is still a share
        got = Quantity(got.value, got.half_step, True)
    if want.equals(got):
        return True
    if _DECREASE.search(question or ""):
        return Quantity(abs(want.value), want.half_step, want.percent).equals(
            Quantity(abs(got.value), got.half_step, got.percent))
    return False


_FIGURE_PHRASE = re.compile(r"^[-−+]?\d+(?:\.\d+)?\s*\S{0,3}$")
_FIGURE_IN_TEXT = re.compile(r"[-−+]?\d+(?:\.\d+)?\s*(?:万元|亿元|千元|元|%|％|个百分点|[件宗条次人个辆项家篇期份])?")


def phrases_found(expected_answer: str, text: str) -> list[str]:
    """The key phrases (「|」-separated) missing from `text`; empty means all were found. A phrase
    that is a figure (「223.70万元」) is found when the text states that quantity in any printing
    (「223.7万元」), as figures are compared everywhere else."""
    norm = normalize_text(text)
    missing = []
    for p in (s.strip() for s in expected_answer.split("|")):
        if not p or normalize_text(p) in norm:
            continue
        figure = re.sub(r"(?<=\d),(?=\d{3})", "", p)  # 「1,474.31万元」: digit grouping is no part of the figure
        want = parse_quantity(figure) if _FIGURE_PHRASE.match(figure) else None
        if want is not None and any((got := parse_quantity(m.group())) is not None and want.equals(got)
                                    for m in _FIGURE_IN_TEXT.finditer(norm)):
            continue
        missing.append(p)
    return missing


@dataclass(frozen=True)
class Score:
    correct: bool
    confident_wrong: bool
    reason: str


def score(item: dict, answer: dict) -> Score:
    """Score one Answer.to_json() against one Q&A item.

    `item` is a Q&A line: type, answer (text or key phrases), value (for figures). For
    comparison questions, a value is checked when given and the key phrases always are.
    """
    kind = item["type"]
    status = answer.get("status")
    result = answer.get("result") or {}
    got_value, got_unit = result.get("value"), result.get("unit")
    text = answer.get("answer") or ""

    if kind == "unanswerable":
        if status == "refused":
            return Score(True, False, "refused as expected")
        wrong = status == "answered" and got_value is not None
        return Score(False, wrong, f"should have been refused, got {status}")

    if status != "answered":
        return Score(False, False, f"status {status}")

    if kind == "text_fact":
        missing = phrases_found(item["answer"], text)
        return Score(not missing, False, "ok" if not missing else "missing: " + "、".join(missing))

    want = expected_value(item)
    parts = [p.get("result") for p in answer.get("parts") or [] if p.get("status") == "answered" and p.get("result")]
    if want is not None and len(answer.get("parts") or []) > 1:
        # a question of several parts: the expected figure is one part's answer (the set says which part
        # it checks only by its value); a partial answer has no headline, and states no wrong figure
        if not any(values_match(want, p["value"], p.get("unit"), item["question"]) for p in parts):
            wrong = got_value is not None
            return Score(False, wrong, f"no part answers {want}" + (f" (headline {got_value})" if wrong else ""))
    elif want is not None:
        if got_value is None:
            return Score(False, False, "no headline number")
        if not values_match(want, got_value, got_unit, item["question"]):
            return Score(False, True, f"value {got_value}{got_unit or ''} ≠ {want}")
    if kind == "comparison":
        missing = phrases_found(item["answer"], text)
        if missing:
            return Score(False, False, "missing: " + "、".join(missing))
    return Score(True, False, "ok")


def evidence_hit(evidence: list[str], citations: list[dict], k: int = 5) -> bool:
    """Retrieval recall@k for one question: some evidence substring is in one of the first k citations.
    Digit grouping is ignored on both sides: a cell cited as 「13755695元」 holds 「13,755,695」."""
    def norm(text: str) -> str:
        return _GROUPING.sub("", normalize_text(text))

    texts = [norm(c.get("text", "")) for c in citations[:k]]
    return any(norm(e) in t for e in evidence if e for t in texts)
