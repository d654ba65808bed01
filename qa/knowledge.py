"""Read access to stored facts for answering: one report's cells by template key, with parent
rows summed from their children and derived measures summed from their parts, and every input
kept so the answer can show it.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from index.models import AMBIGUOUS, Check, Fact, Report, Table
from index.store import FactStore
from index.template import Derived, Template, load_templates, split_marker

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Value:
    """A value for a question, with the facts it was read or summed from."""

    value: Decimal | None  # None when the reading is ambiguous
    unit: str | None
    inputs: tuple[Fact, ...]
    label: str
    summed: bool = False
    candidates: tuple[Decimal, ...] = ()
    blanks: tuple[str, ...] = ()  # notes on totals the table printed empty, computed for `value`

    @property
    def ambiguous(self) -> bool:
        return self.value is None and bool(self.candidates)


_ITEM_NAME = 12  # characters a numbered prose item's name has at most (longer is a clause, not a name)


class ReportFacts:
    """The facts of one report, indexed for lookup."""

    def __init__(self, report: Report, facts: list[Fact], checks: list[Check], tables: list[Table] = (),
                 store: FactStore | None = None):
        self.report = report
        self.tables = list(tables)
        self.facts = facts
        self.checks = checks
        self.store = store
        self._label_frequency: Counter[str] | None = None
        self._text: str | None = None
        self._of_years: dict[frozenset[int], ReportFacts] = {}
        self._printed_labels: frozenset[str] | None = None
        self.cells: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for f in facts:
            if f.row_key and f.column_key:
                self.cells[(f.row_key, f.column_key)].append(f)

    def text(self, store: FactStore) -> str:
        """The report's text as the prose facts were read from it (headings on lines of their own),
        read from the store once."""
        if self._text is None:
            from index.prose_facts import headings_on_lines
            self._text = headings_on_lines(store.text(self.report.id))
        return self._text

    def of_years(self, asked: frozenset[int]) -> ReportFacts:
        """These facts less the prose figures of a section dated to other years than those asked
        (「一、2018年预算执行情况」 of a report that then sets out 2019's budget, for a 2019 question);
        the report itself when none is dropped. Read from the stored text once per set of years."""
        if self.store is None or not asked:
            return self
        if (hit := self._of_years.get(asked)) is not None:
            return hit
        from qa.sections import Sections, dated_otherwise

        text = self.text(self.store)
        sections = Sections(text)
        kept = [f for f in self.facts if f.table != "prose" or not f.span
                or not dated_otherwise(sections.at(f.span[0]), f.sentence or "", set(asked))]
        view = self if len(kept) == len(self.facts) else ReportFacts(self.report, kept, self.checks, self.tables)
        if view is not self:
            view._text = text
        self._of_years[asked] = view
        return view

    def without(self, ids: set[str]) -> ReportFacts:
        """These facts less the ones named (the text read once stays shared)."""
        view = ReportFacts(self.report, [f for f in self.facts if f.id not in ids], self.checks, self.tables,
                           self.store)
        view._text = self._text
        return view

    @property
    def label_frequency(self) -> Counter[str]:
        """Bigram → number of this report's fact labels holding it (computed once, on first use)."""
        if self._label_frequency is None:
            from qa.text_match import label_frequency

            self._label_frequency = label_frequency(self.facts)
        return self._label_frequency

    @property
    def printed_labels(self) -> frozenset[str]:
        """The row and column names this report's tables print (four characters or more, numbering
        dropped, normalized as the verifier reads questions): a question naming one names that line."""
        if self._printed_labels is None:
            from qa.verify import question_text

            self._printed_labels = frozenset(
                core for f in self.facts if f.table != "prose" for label in (*f.row_path, *f.column_path)
                for core in [question_text(split_marker(label)[1])] if len(core) >= 4 and _CJK_ONLY.fullmatch(core)
            ) | frozenset(
                # a numbered item's name in prose (「2.区水务公司45万元」) is a line of its own too
                core for f in self.facts if f.table == "prose" and f.row_path
                for marker, name in [split_marker(f.row_path[-1])] if marker
                for core in [question_text(name)] if 4 <= len(core) <= _ITEM_NAME and _CJK_ONLY.fullmatch(core))
        return self._printed_labels

    @property
    def titles(self) -> dict[tuple[str, str], str]:
        """Table titles by (report id, table key), so citations across reports can share one map."""
        return {(self.report.id, t.key): t.title for t in self.tables}

    @property
    def template(self) -> Template | None:
        return load_templates().get(self.report.template or "")

    def contradicted(self, v: Value) -> Check | None:
        """The report's own failed check that a template row's 总计 equals its columns, when `v` is
        that 总计 (「5100000」: 5 + 1 printed beside a 总计 of 0): neither figure can be given as it."""
        if len(v.inputs) != 1 or v.summed:
            return None
        f = v.inputs[0]
        if f.table == "t4" and f.column_key and f.column_key.endswith(".total"):
            # table 四's 「100000000000000」: 维持 1 beside a 复议 总计 of 0
            name = f"t4.{f.column_key.replace('.', '_')}"
            return next((c for c in self.checks if c.name == name and not c.ok and c.left == f.value), None)
        if not (f.row_key and f.table.startswith("t") and f.column_key == "total" and f.row_path):
            return None
        name = f"{f.table}.row_total[{f.row_path[-1]}]"
        return next((c for c in self.checks if c.name == name and not c.ok and c.left == f.value), None)

    def failed_checks(self, table: str) -> list[Check]:
        return [c for c in self.checks if not c.ok and c.name.startswith(table + ".")]

    def cell(self, table: str, row: str, column: str) -> Value | None:
        """One template cell; a heading row is the sum of its sub-rows."""
        facts = self.cells.get((f"{table}.{row}", column))
        tpl = self.template
        if facts:
            label = cell_label(facts[0])
            if any(f.status == AMBIGUOUS for f in facts):
                values = tuple(dict.fromkeys(f.value for f in facts))
                if len(values) > 1:
                    return self._settled_by_prose(table, row, column) or \
                        Value(None, facts[0].unit, tuple(facts), label, candidates=values)
            return Value(facts[0].value, facts[0].unit, (facts[0],), label)
        if tpl is None:
            return None
        if (blank := self.printed_blank_total(table, row, column)) is not None and blank.inputs:
            return blank
        kids = tpl.table(table).children(row)
        if printed := next((k for k in kids if k.key == "total"), None):
            # 「三、本年度办理结果」 prints its own total as its last sub-row, (七)总计: that is its value
            return self.cell(table, printed.key, column)
        parts = [self.cell(table, k.key, column) for k in kids]
        parts = [p for p in parts if p is not None]
        if not kids or not parts or len(parts) < len([k for k in kids if k.columns]):
            return None
        if any(p.value is None for p in parts):
            return Value(None, parts[0].unit, tuple(f for p in parts for f in p.inputs), row, True, (Decimal(-1),))
        total = sum((p.value for p in parts), Decimal(0))
        label = tpl.table(table).row(row).label
        return Value(total, parts[0].unit, tuple(f for p in parts for f in p.inputs), label, True)

    def _settled_by_prose(self, table: str, row: str, column: str) -> Value | None:
        """A glued row's reading that the report's own sentences pin down: 「行政规范性文件15621」 may be
        1/5/621 or 15/6/21…; 「废止规范性文件6件，制定规范性文件15件」 leaves only 15/6/21."""
        tpl = self.template
        try:
            trow = tpl.table(table).row(row) if tpl else None
        except KeyError:
            return None
        if trow is None:
            return None
        readings: dict[int, dict[str, Fact]] = defaultdict(dict)
        for col in trow.columns:
            for f in self.cells.get((f"{table}.{row}", col.key), []):
                readings[f.candidate][col.key] = f
        names = [w for w in (split_marker(trow.label)[1], *trow.aliases) if len(w) >= 3]
        said: list[tuple[str, Fact]] = []
        for p in self.facts:
            if p.table != "prose" or not p.row_path or not any(w in p.row_path[-1] for w in names):
                continue
            cols = [c.key for c in trow.columns if any(len(a) >= 2 and a in p.row_path[-1] for a in c.aliases)]
            if len(cols) == 1:
                said.append((cols[0], p))
        if not said:
            return None
        fits = [k for k, cells in readings.items()
                if all(k2 in cells and cells[k2].value == p.value for k2, p in said)]
        if len(fits) != 1 or column not in readings[fits[0]]:
            return None
        cell = readings[fits[0]][column]
        return Value(cell.value, cell.unit, (cell, *(p for _, p in said)), cell_label(cell))

    def printed_blank_total(self, table: str, row: str, column: str) -> Value | None:
        """A template total that the table printed empty, as the sum of its row's (or table-四 group's)
        cells: a row printed 「44 3 ␣ ␣ ␣ ␣ ␣」 under 自然人…总计 has 47 applications. Only cells the grid
        shows empty count as 0; a cell that was printed but not read leaves the total unknown. The
        value has no inputs when every cell of the group is empty (a 复议后起诉 group left blank)."""
        tpl = self.template
        if tpl is None or table not in ("t3", "t4") or not (column == "total" or column.endswith(".total")):
            return None
        grid = next((t for t in self.tables if t.template_table == table), None)
        try:
            tdef = tpl.table(table)
            rdef, path = tdef.row(row), tdef.row_path(row)
        except KeyError:
            return None
        if grid is None or path not in grid.row_paths or not rdef.columns:
            return None
        printed = grid.cells[grid.row_paths.index(path)]
        keys = [c.key for c in rdef.columns]
        if column not in keys or len(printed) != len(keys) or printed[keys.index(column)] != "":
            return None
        group = column[: -len("total")]  # "" for table 三, "suit_after." for a table-四 group
        inputs: list[Fact] = []
        for col, cell in zip(rdef.columns, printed, strict=True):
            if col.key == column or not col.key.startswith(group) or col.key.endswith("total"):
                continue
            facts = self.cells.get((f"{table}.{row}", col.key), [])
            if cell == "":
                continue
            if len(facts) != 1 or facts[0].status == AMBIGUOUS:
                return None
            inputs.append(facts[0])
        label = "/".join((*path[-1:] * (table == "t3"), *rdef.columns[keys.index(column)].path))
        total = sum((f.value for f in inputs), Decimal(0))
        unit = inputs[0].unit if inputs else tdef.unit
        note = (f"原表「{label}」一格印为空白，此数由同一行印出的各格相加得出，空白格按 0 计。" if inputs else
                f"原表「{label}」及其所在一组的各格都印为空白，按 0 计。")
        return Value(total, unit, tuple(inputs), label, True, blanks=(note,))

    def derived(self, d: Derived) -> Value | None:
        parts = [self.cell(t, r, c) or self.printed_blank_total(t, r, c) for t, r, c in d.parts]
        if any(p is None or p.value is None for p in parts) or not any(p.inputs for p in parts):
            return None
        total = sum((p.value for p in parts), Decimal(0))
        return Value(total, parts[0].unit, tuple(f for p in parts for f in p.inputs), d.label, True,
                     blanks=tuple(b for p in parts for b in p.blanks))

    def t4_total(self, column: str) -> Value | None:
        """The total of the table-四 group a column belongs to (the base of a share)."""
        group = column.split(".")[0]
        return None if group == column else self.cell("t4", "cases", f"{group}.total")


def cell_label(f: Fact) -> str:
    """「一、本年新收政府信息公开申请数量 / 总计」; table 四 has one row, so its column path says it all."""
    if f.table == "t4":
        return " / ".join(f.column_path)
    return " / ".join(f.row_path[-1:] + f.column_path[-1:])


FACTS_CACHE = 200  # reports whose facts a process keeps at most (REPORTQA_FACTS_CACHE)


class StoredVocabulary:
    """The character bigrams of every stored report's text, as the store keeps them: `words & it`
    asks the store which of `words` any report holds (one indexed read), so no process reads or
    holds the corpus's texts to tell a question about the reports from one about something else."""

    def __init__(self, store: FactStore):
        self.store = store

    def __rand__(self, words: Iterable[str]) -> set[str]:
        words = set(words)
        return self.store.grams_held(words) if words else set()

    __and__ = __rand__

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self.store.grams_held([word]))


class Knowledge:
    """A per-process cache of what the store holds, bounded: the facts of at most `limit` reports,
    the least recently used dropped first, so memory does not grow with the corpus.

    The store's revision says whether anything was written since the last look; only then is the
    report list read again, and only reports whose content changed lose their cached facts, so
    one upload does not make the next question re-read ten thousand reports."""

    def __init__(self, store: FactStore, limit: int = FACTS_CACHE):
        self.store = store
        self.limit = limit
        self._lock = threading.Lock()  # serving threads share one cache
        self._revision: int | None = None
        self._reports: list[Report] = []
        self._facts: OrderedDict[str, ReportFacts] = OrderedDict()
        self._units: dict[str, tuple[Report, tuple[str, ...]]] = {}
        self._vocabulary = StoredVocabulary(store)

    def reports(self) -> list[Report]:
        revision = self.store.revision() if hasattr(self.store, "revision") else None
        if revision is not None and revision == self._revision:
            return self._reports
        current = self.store.reports()
        by_id = {r.id: r for r in current}
        with self._lock:
            for k in [k for k, v in self._facts.items() if by_id.get(k) != v.report]:
                del self._facts[k]
        self._reports, self._revision = current, revision
        return self._reports

    def vocabulary(self) -> StoredVocabulary:
        """Character bigrams of every stored report: a question sharing none is about something else."""
        return self._vocabulary

    def of(self, report: Report) -> ReportFacts:
        with self._lock:
            cached = self._facts.get(report.id)
            if cached is not None and cached.report == report:
                self._facts.move_to_end(report.id)
                return cached
        loaded = ReportFacts(
            report, self.store.facts(report.id), self.store.checks(report.id), self.store.tables(report.id),
            self.store,
        )
        with self._lock:
            self._facts[report.id] = loaded
            self._facts.move_to_end(report.id)
            while len(self._facts) > max(self.limit, 1):
                self._facts.popitem(last=False)
        return loaded

    def listed_units(self, report: Report) -> tuple[str, ...]:
        """The units a report's staffing table lists, by their own names without the place they open
        with (「信访局」 of 「平潭综合实验区信访局」). Read once per report from its tables alone: asked of
        every report for a question that names no agency, so never by loading each report's facts."""
        with self._lock:
            hit = self._units.get(report.id)
            if hit is not None and hit[0] == report:
                return hit[1]
            cached = self._facts.get(report.id)
        tables = cached.tables if cached is not None and cached.report == report else self.store.tables(report.id)
        units = tuple(core for t in tables if t.title == STAFFING_TITLE for row in t.row_paths if row
                      if len(core := _UNIT_PLACE.sub("", row[-1])) >= 3)
        with self._lock:
            self._units[report.id] = (report, units)
        return units

    def cached(self) -> int:
        """How many reports' facts are held now (at most `limit`)."""
        return len(self._facts)


STAFFING_TITLE = "部门预算单位构成"  # the title index.one_line_tables gives a staffing table
# 「平潭综合实验区信访局」「中共某某区机要局」: the place (and party prefix) a unit's row opens with
_UNIT_PLACE = re.compile(r"^(?:中共)?[\u4e00-\u9fff]{0,8}?(?:实验区|新区|省|市|区|县)(?:党工委|管委会)?")


def same_agency(a: str | None, b: str | None) -> bool:
    """淮安市洪泽区人民政府 and 洪泽区人民政府 (or 洪泽区政府) are one agency, printed with and without
    its city."""
    if not a or not b:
        return False
    from index.agency import agency_identity

    return a == b or a.endswith(b) or b.endswith(a) or agency_identity(a) == agency_identity(b)
