"""Numbers as printed, and the ways a run of glued digits can be split back into cells.

Crawled text often loses the separators between table cells (「15130000154」 is 151, 3, 0, 0, 0, 0,
154). We never guess: `splits` lists every reading that respects how numbers are printed (no
leading zeros, a sign only in front, a decimal part only at the end), and the caller keeps the
ones that satisfy the template's identities.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

TOKEN = re.compile(r"[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


@dataclass(frozen=True)
class Token:
    """A run of digits in the normalised stream, with its position there."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Part:
    """One number read from (part of) a token."""

    text: str
    start: int
    end: int

    @property
    def value(self) -> Decimal:
        return to_decimal(self.text)


def to_decimal(text: str) -> Decimal:
    """「+17」 → 17, 「3,985,758」 → 3985758; raises ValueError on anything else."""
    try:
        return Decimal(text.replace(",", "").lstrip("+"))
    except InvalidOperation as e:
        raise ValueError(f"not a number: {text!r}") from e


def tokens(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset) for m in TOKEN.finditer(text)]


def _valid(digits: str) -> bool:
    return digits == "0" or not digits.startswith("0")


@dataclass(frozen=True)
class SplitSearch:
    """The readings found, and whether the search saw every reading (False when a cap stopped it)."""

    readings: list[tuple[Part, ...]]
    complete: bool
    steps: int = 0


def search_splits(
    toks: list[Token],
    n: int,
    accept: Callable[[tuple[Part, ...]], bool] = lambda parts: True,
    limit: int = 5000,
    row_starts: Sequence[int] = (),
    max_digits: int | None = None,
    max_steps: int = 200_000,
) -> SplitSearch:
    """Every reading of `toks` as exactly `n` numbers that `accept` keeps, searched digit by digit.

    Bounded work: `accept` is called on every prefix (identities prune a row the moment it is read);
    a state that led nowhere is remembered, keyed by its place in the digits and the cells of the
    row being read (`row_starts` says where rows begin, so earlier rows are forgotten there); a
    number cut out of a glued run has at most `max_digits` digits; and the search stops after
    `limit` readings or `max_steps` steps, saying it is incomplete.
    """
    if not (len(toks) <= n <= sum(len(_int_part(t)) for t in toks)):
        return SplitSearch([], True, 0)
    shapes = [_shape(t) for t in toks]
    starts = sorted(set(row_starts) | {0})
    out: list[tuple[Part, ...]] = []
    dead: set[tuple] = set()
    steps = 0
    stopped = False

    def row_key(acc: tuple[Part, ...]) -> tuple[str, ...]:
        m = len(acc)
        begin = starts[bisect_right(starts, m) - 1]
        return tuple(p.text for p in acc[begin:])

    def rec(i: int, pos: int, acc: tuple[Part, ...]) -> None:
        nonlocal steps, stopped
        if stopped:
            return
        if i == len(toks):
            if len(acc) == n:
                out.append(acc)
                stopped = len(out) >= limit
            return
        steps += 1
        if steps > max_steps:
            stopped = True
            return
        key = (i, pos, len(acc), row_key(acc))
        if key in dead:
            return
        found = len(out)
        sign, intpart, tail, base, whole_only = shapes[i]
        after = len(toks) - i - 1  # tokens after this one, each at least one number
        for end in _cuts(intpart, pos, whole_only, max_digits):
            last = end == len(intpart)
            left = n - len(acc) - 1  # numbers still to read after this one
            if left < after + (0 if last else 1):
                continue  # no number may follow from this token: only a cut at its end is left
            if not last and max_digits and len(intpart) - end > (left - after) * max_digits:
                continue
            text = (sign if pos == 0 else "") + intpart[pos:end] + (tail if last else "")
            lead = len(sign) if pos == 0 else 0
            part = Part(text, base + pos - lead, base + end + (len(tail) if last else 0))
            new = acc + (part,)
            if accept(new):
                rec(i + 1, 0, new) if last else rec(i, end, new)
            if stopped:
                return
        if len(out) == found:
            dead.add(key)

    rec(0, 0, ())
    out.sort(key=lambda parts: _order(parts, toks))
    return SplitSearch(out, not stopped, steps)


def _int_part(tok: Token) -> str:
    return tok.text.lstrip("+-").partition(".")[0].replace(",", "")


def _shape(tok: Token) -> tuple[str, str, str, int, bool]:
    """(sign, integer digits, decimal tail, where the digits start, read whole only)."""
    text = tok.text
    sign = text[0] if text[0] in "+-" else ""
    body = text[len(sign):]
    if "," in body:  # a number printed with thousands separators is one number
        return sign, body, "", tok.start + len(sign), True
    intpart, dot, frac = body.partition(".")
    return sign, intpart, dot + frac, tok.start + len(sign), False


def _cuts(intpart: str, pos: int, whole_only: bool, max_digits: int | None) -> Iterator[int]:
    """Where the number starting at `pos` may end: no leading zeros, glued numbers of at most `max_digits`."""
    if whole_only:
        if pos == 0:
            yield len(intpart)
        return
    if intpart[pos] == "0":
        yield pos + 1
        return
    for end in range(pos + 1, len(intpart) + 1):
        whole = pos == 0 and end == len(intpart)
        if max_digits and end - pos > max_digits and not whole:
            if end < len(intpart):
                continue
            return
        yield end


def _order(parts: tuple[Part, ...], toks: list[Token]) -> tuple[int, ...]:
    """Readings in a stable order: by how many numbers each token gave, then by their lengths."""
    key: list[int] = []
    j = 0
    for t in toks:
        mine = []
        while j < len(parts) and parts[j].start < t.end:
            mine.append(parts[j].end - parts[j].start)
            j += 1
        key += [len(mine), *mine]
    return tuple(key)


def splits(
    toks: list[Token],
    n: int,
    accept: Callable[[tuple[Part, ...]], bool] = lambda parts: True,
    limit: int = 5000,
) -> list[tuple[Part, ...]]:
    """All readings of `toks` as exactly `n` numbers that `accept` keeps (at most `limit`)."""
    return search_splits(toks, n, accept, limit).readings
