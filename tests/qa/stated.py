"""What an answer states, checked the same way across the question-answering tests."""

from __future__ import annotations

from decimal import Decimal


def says(answer, value: str | None) -> None:
    """The answer states `value` (a Decimal's text), or, for None, states no figure at all."""
    if value is None:
        assert answer.status != "answered" or answer.value is None, answer.text
    else:
        assert (answer.status, answer.value) == ("answered", Decimal(value)), answer.text
