"""Numbers as printed, and the ways a run of glued digits can be split back into cells.

Crawled text often loses the separators between table cells (「15130000154」 is 151, 3, 0, 0, 0, 0,
154). We never guess: `splits` lists every reading that respects how numbers are printed (no
leading zeros, a sign only in front, a decimal part only at the end), and the caller keeps the
ones that satisfy the template's identities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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


def _token_splits(tok: Token, k: int) -> Iterator[tuple[Part, ...]]:
    """Every way to read `tok` as exactly `k` numbers."""
    text = tok.text.replace(",", "") if k > 1 else tok.text
    if k > 1 and "," in tok.text:
        return  # a number printed with thousands separators is one number
    sign = text[0] if text[0] in "+-" else ""
    body = text[len(sign):]
    intpart, dot, frac = body.partition(".")
    base = tok.start + len(sign)

    def rec(pos: int, left: int) -> Iterator[tuple[Part, ...]]:
        if left == 1:
            digits = intpart[pos:]
            if digits and _valid(digits):
                yield (Part(digits + dot + frac, base + pos, base + len(body)),)
            return
        for cut in range(pos + 1, len(intpart) - left + 2):
            digits = intpart[pos:cut]
            if _valid(digits):
                for rest in rec(cut, left - 1):
                    yield (Part(digits, base + pos, base + cut), *rest)

    for parts in rec(0, k):
        if sign:  # the sign belongs to the first number read from the token
            first = parts[0]
            parts = (Part(sign + first.text, first.start - len(sign), first.end), *parts[1:])
        yield parts


def splits(
    toks: list[Token],
    n: int,
    accept: Callable[[tuple[Part, ...]], bool] = lambda parts: True,
    limit: int = 5000,
) -> list[tuple[Part, ...]]:
    """All readings of `toks` as exactly `n` numbers that `accept` keeps (at most `limit`).

    `accept` is called on every prefix, so identities prune the search as soon as a row is complete.
    """
    out: list[tuple[Part, ...]] = []
    digits_left = [sum(len(t.text) for t in toks[i:]) for i in range(len(toks) + 1)]

    def rec(i: int, acc: tuple[Part, ...]) -> None:
        if len(out) >= limit:
            return
        if i == len(toks):
            if len(acc) == n:
                out.append(acc)
            return
        need = n - len(acc) - (len(toks) - i - 1)  # at most this many from this token
        for k in range(1, min(need, digits_left[i] - digits_left[i + 1]) + 1):
            for parts in _token_splits(toks[i], k):
                new = acc + parts
                if accept(new):
                    rec(i + 1, new)

    if len(toks) <= n <= digits_left[0]:
        rec(0, ())
    return out
