"""Place a finance row's printed numbers in their columns, and check a table's identities.

A text layer drops empty cells, so 「201 一般公共服务支出 306.90 306.90」 under 合计/基本/项目 may be
合计 + 基本 or 合计 + 项目. Every placement that keeps the numbers in printed order is a candidate;
the kind's identities (a row's 合计 = Σ parts, a 类 = Σ its 款, 收入总计 = 支出总计 …) remove the
candidates that cannot hold. What no identity settles stays ambiguous, with every candidate kept.
Blank cells count as 0 in identities and are never stored as numbers.

An identity the source itself breaks (every placement fails it) is left out of the pruning, so a
misprint in one row never forces a wrong placement elsewhere; the checks report it instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from index.models import Check

Placement = tuple[int | None, ...]  # for each column, the index of the printed number in it (None: blank)

_MAX_PLACEMENTS = 1000
_MAX_SUMS = 10000
_MAX_COMBINATIONS = 200000


@dataclass(frozen=True)
class Number:
    text: str
    value: Decimal
    start: int
    end: int


@dataclass
class SolveRow:
    """One printed row of a finance table, with the placements still possible."""

    table: str
    key: str
    label: str
    numbers: list[Number]
    width: int
    candidates: list[Placement] = field(default_factory=list)
    page: int | None = None
    code: str | None = None
    side: str | None = None
    path: tuple[str, ...] = ()
    inferred: bool = False  # the placement was decided, not printed cell by cell
    printed: list[Placement] = field(default_factory=list)  # the placements the row alone allows

    def column_printed(self, column: int) -> bool:
        """Whether the row alone puts the same number (or blank) in this column: then the identities
        of other rows did not decide it."""
        return len({p[column] for p in self.printed}) == 1

    def value(self, placement: Placement, column: int) -> Decimal:
        index = placement[column]
        return Decimal(0) if index is None else self.numbers[index].value

    @property
    def settled(self) -> bool:
        return len(self.candidates) == 1


@dataclass(frozen=True)
class Term:
    row: int  # index into the solver's rows
    column: int
    sign: int  # +1 left side, -1 right side


@dataclass(frozen=True)
class Constraint:
    """Equations that hold together (a 类 = Σ its 款 in every column): each is Σ terms = 0.

    They are pruned with jointly, so a misprint in one column makes the whole identity one the
    source breaks, instead of pushing the row's numbers into the columns where it happens to hold.
    """

    name: str
    description: str
    equations: tuple[tuple[Term, ...], ...]
    labels: tuple[str, ...] = ()  # a name suffix per equation, for the checks

    @classmethod
    def scalar(cls, name: str, description: str, terms: tuple[Term, ...]) -> Constraint:
        return cls(name, description, (terms,), ("",))


def placements(row: SolveRow, row_identities: Sequence[tuple[list[int], list[int]]]) -> list[Placement]:
    """Every order-keeping placement of the row's numbers in its columns that its identities allow.

    A row printed with one number per column has one placement, taken as printed even when it
    breaks an identity (the checks flag that). When every placement of a shorter row breaks
    them, all are kept: the source disagrees with itself and nothing may be guessed.
    """
    k, n = len(row.numbers), row.width
    if k == n:
        return [tuple(range(n))]
    if k > n or _count(n, k) > _MAX_PLACEMENTS:
        return []
    out: list[Placement] = []
    for columns in itertools.combinations(range(n), k):
        slots: list[int | None] = [None] * n
        for index, column in enumerate(columns):
            slots[column] = index
        out.append(tuple(slots))
    kept = [p for p in out if all(_holds(row, p, left, right) for left, right in row_identities)]
    row.inferred = True
    return kept or out


def _count(n: int, k: int) -> int:
    from math import comb

    return comb(n, k)


def _holds(row: SolveRow, placement: Placement, left: list[int], right: list[int]) -> bool:
    return sum((row.value(placement, c) for c in left), Decimal(0)) == sum(
        (row.value(placement, c) for c in right), Decimal(0))


@dataclass(frozen=True)
class AtLeast:
    """One cell is at least another: a department's spending on a subject covers the part paid
    from the general budget (支出决算表 ≥ 一般公共预算财政拨款支出决算表, per code and column)."""

    name: str
    outer: Term
    inner: Term


def solve(rows: list[SolveRow], constraints: list[Constraint], bounds: list[AtLeast] = ()) -> None:
    """Remove candidates that no combination of the other rows' candidates lets satisfy a constraint.

    Runs to a fixed point. A constraint that would leave some row with no candidate is one the
    source breaks; it is skipped, not enforced — unless dropping exactly one column (one misprinted
    cell) makes it hold, when it is enforced in the other columns.
    """
    seen: dict[int, tuple[int, ...]] = {}  # a constraint that settled nothing, and its rows' sizes then
    changed = True
    rounds = 0
    while changed and rounds < 20:
        changed = False
        rounds += 1
        for n, constraint in enumerate(constraints):
            sizes = tuple(len(rows[r].candidates) for r in _rows_of(constraint))
            if seen.get(n) == sizes:
                continue
            narrowed = _narrow(rows, constraint)
            changed |= narrowed
            if not narrowed:
                seen[n] = sizes
        for bound in bounds:
            changed |= _bound(rows, bound)


def _rows_of(constraint: Constraint) -> list[int]:
    return sorted({t.row for eq in constraint.equations for t in eq})


def _bound(rows: list[SolveRow], bound: AtLeast) -> bool:
    outer, inner = rows[bound.outer.row], rows[bound.inner.row]
    if not outer.candidates or not inner.candidates or outer is inner:
        return False
    low = min(inner.value(p, bound.inner.column) for p in inner.candidates)
    high = max(outer.value(p, bound.outer.column) for p in outer.candidates)
    keep_outer = [p for p in outer.candidates if outer.value(p, bound.outer.column) >= low]
    keep_inner = [p for p in inner.candidates if inner.value(p, bound.inner.column) <= high]
    if not keep_outer or not keep_inner:
        return False  # the source breaks it
    changed = len(keep_outer) < len(outer.candidates) or len(keep_inner) < len(inner.candidates)
    outer.candidates, inner.candidates = keep_outer, keep_inner
    return changed


def _narrow(rows: list[SolveRow], constraint: Constraint) -> bool:
    """Prune with the constraint; when the source breaks it in exactly one column, with the rest."""
    zeroed = _apply_zeros(rows, constraint)
    status, keep = _support(rows, constraint)
    if status == "infeasible" and len(constraint.equations) > 2:
        fits = []
        for drop in range(len(constraint.equations)):
            rest = Constraint(constraint.name, constraint.description,
                              constraint.equations[:drop] + constraint.equations[drop + 1:])
            got = _support(rows, rest)
            if got[0] == "unknown":
                return zeroed
            if got[0] == "ok":
                fits.append(got[1])
        if len(fits) != 1:
            return zeroed
        status, keep = "ok", fits[0]
    if status != "ok":
        return zeroed
    changed = zeroed
    for r, kept in keep.items():
        if len(kept) < len(rows[r].candidates):
            rows[r].candidates = [rows[r].candidates[c] for c in kept]
            changed = True
    return changed


def _apply_zeros(rows: list[SolveRow], constraint: Constraint) -> bool:
    """The blanks rule on its own: it holds even where a misprinted sum breaks the identity."""
    involved = _rows_of(constraint)
    if any(not rows[r].candidates for r in involved):
        return False
    allowed = {r: list(range(len(rows[r].candidates))) for r in involved}
    values = {
        r: [tuple(sum((t.sign * rows[r].value(p, t.column) for t in eq if t.row == r), Decimal(0))
                  for eq in constraint.equations) for p in rows[r].candidates]
        for r in involved
    }
    if not _zeros(rows, constraint, involved, values, allowed):
        return False
    changed = False
    for r in involved:
        if len(allowed[r]) < len(rows[r].candidates):
            rows[r].candidates = [rows[r].candidates[c] for c in allowed[r]]
            changed = True
    return changed


def _support(rows: list[SolveRow], constraint: Constraint) -> tuple[str, dict[int, list[int]]]:
    """("ok", candidates of each row that some combination supports), or "infeasible" (the source
    breaks the constraint), or "unknown" (too many combinations to tell)."""
    involved = _rows_of(constraint)
    if any(not rows[r].candidates for r in involved):
        return "unknown", {}
    allowed = {r: list(range(len(rows[r].candidates))) for r in involved}
    values = {
        r: [tuple(sum((t.sign * rows[r].value(p, t.column) for t in eq if t.row == r), Decimal(0))
                  for eq in constraint.equations) for p in rows[r].candidates]
        for r in involved
    }
    if not _zeros(rows, constraint, involved, values, allowed):
        return "infeasible", {}
    dims = len(constraint.equations)
    constant = [Decimal(0)] * dims
    open_rows: list[int] = []
    for r in involved:
        distinct = {values[r][c] for c in allowed[r]}
        if len(distinct) == 1:
            constant = [a + b for a, b in zip(constant, distinct.pop(), strict=True)]
        else:
            open_rows.append(r)
    keep: dict[int, list[int]] = dict(allowed)
    if not open_rows:
        return ("ok", keep) if all(v == 0 for v in constant) else ("infeasible", {})
    bound = 1
    for r in open_rows:  # a search this wide is not tried: every row in it keeps its candidates
        bound *= len({values[r][c] for c in allowed[r]})
        if bound > _MAX_COMBINATIONS:
            return "unknown", {}
    zero = (Decimal(0),) * dims
    prefix = [{zero}]
    for r in open_rows:
        prefix.append({_add(s, values[r][c]) for s in prefix[-1] for c in allowed[r]})
        if len(prefix[-1]) > _MAX_SUMS:
            return "unknown", {}
    suffix = [{zero}]
    for r in reversed(open_rows):
        suffix.append({_add(s, values[r][c]) for s in suffix[-1] for c in allowed[r]})
        if len(suffix[-1]) > _MAX_SUMS:
            return "unknown", {}
    suffix.reverse()
    target = tuple(-c for c in constant)
    for i, r in enumerate(open_rows):
        before, after = prefix[i], suffix[i + 1]
        ok_values = {values[r][c] for c in allowed[r]
                     if any(_sub(_sub(target, values[r][c]), s) in after for s in before)}
        keep[r] = [c for c in allowed[r] if values[r][c] in ok_values]
        if not keep[r]:
            return "infeasible", {}
    return "ok", keep


def _zeros(rows: list[SolveRow], constraint: Constraint, involved: list[int],
           values: dict[int, list[tuple[Decimal, ...]]], allowed: dict[int, list[int]]) -> bool:
    """A total that is blank or 0 in a column leaves no room for its parts there (amounts are ≥ 0);
    False when the source breaks it."""
    if any(n.value < 0 for r in involved for n in rows[r].numbers):
        return True
    for d, equation in enumerate(constraint.equations):
        plus = {t.row for t in equation if t.sign > 0}
        minus = {t.row for t in equation if t.sign < 0}
        if len(plus) != 1 or plus & minus:
            continue
        (total,) = plus
        if any(values[total][c][d] != 0 for c in allowed[total]):
            continue
        for r in minus:
            allowed[r] = [c for c in allowed[r] if values[r][c][d] == 0]
            if not allowed[r]:
                return False
    return True


def _add(a: tuple[Decimal, ...], b: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _sub(a: tuple[Decimal, ...], b: tuple[Decimal, ...]) -> tuple[Decimal, ...]:
    return tuple(x - y for x, y in zip(a, b, strict=True))


def evaluate(report_id: str, rows: list[SolveRow], constraint: Constraint) -> list[Check]:
    """The constraint's equations as checks, where every row they read is settled and a cell is printed."""
    out = []
    for terms, label in zip(constraint.equations, constraint.labels or ("",) * len(constraint.equations),
                            strict=True):
        check = _evaluate(report_id, rows, terms, constraint.name + label, constraint.description)
        if check is not None:
            out.append(check)
    return out


def _evaluate(report_id: str, rows: list[SolveRow], terms: tuple[Term, ...], name: str,
              description: str) -> Check | None:
    left = right = Decimal(0)
    printed = False
    for term in terms:
        row = rows[term.row]
        if not row.settled:
            return None
        placement = row.candidates[0]
        printed |= placement[term.column] is not None
        value = row.value(placement, term.column)
        if term.sign > 0:
            left += value
        else:
            right += -term.sign * value
    if not printed:
        return None
    ok = left == right
    return Check(report_id, name, description, left, right, ok, "" if ok else f"{left} ≠ {right}")
