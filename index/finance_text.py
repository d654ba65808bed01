"""Finance tables printed as text: find each standard table in a text layer and read its rows.

A PDF's text layer (pdftotext, or a crawler's copy of it) prints one table row per line with the
cells separated by spaces; empty cells vanish, long labels wrap over two or three lines around
the line with the numbers, and headers repeat on every page. This module only reads what each
line prints — a row's code, label and numbers in order; `index.finance_solve` decides which
column each number belongs to.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from index.finance_solve import Number
from index.generic_tables import find_unit
from index.kinds import FinanceTableDef, ReportKind, squeeze
from index.models import Document

_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# 「208 05 01 行政单位离退休」, 「2080501 …」, and 「301 2 津贴补贴」 (a text layer that lost the 0 of 02)
_CODE_AT_START = re.compile(r"^\s*(\d{3})((?:\s+\d{1,2}){0,2}(?![\d,.])|(?:\d{2}){0,2}(?![\d,.]))(?=\s|$|[^\d\s])")
# 「7 11 02 事业单位医疗」: a PDF that printed one glyph of the 类 under its merged cell
_GARBLED_CODE = re.compile(r"^\s*\d{1,2}((?:\s+\d{1,2}){1,2})(?=\s+[^\d\s,.])")
_CODE_TOKEN = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_TOKEN = re.compile(r"\S+")
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、]\s*|[(（][一二三四五六七八九十\d]+[)）])")
_TOTAL_WORDS = ("合计", "总计")
_HEADER_WORDS = ("科目编码", "科目名称", "功能分类", "经济分类", "编制部门", "编制单位", "单位：", "单位:",
                 "类款项", "类款")
_STOP = re.compile(r"^\s*(?:注|说明|备注)\s*[:：]")
_PROSE_LEN = 40
_SUFFIX_MAX = 8
_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    """A label as printed, without the spaces the layout put in it (full-width brackets stay)."""
    return _SPACES.sub("", text)


@dataclass(frozen=True)
class Line:
    text: str
    start: int  # offset of text[0] in Document.text
    page: int | None


@dataclass
class Entry:
    """What one line (or one half of a paired line) prints for one row."""

    label: str
    numbers: list[Number]
    code: str | None = None
    side: str | None = None
    page: int | None = None
    needs_label: bool = False
    line: int = -1  # the offset of the line it was printed on: rows side by side share it


@dataclass
class TextTable:
    table: FinanceTableDef
    title: str
    unit: str | None
    page: int | None
    start: int
    end: int
    entries: list[Entry]


def document_lines(doc: Document) -> list[Line]:
    """Every line of the document's text blocks with its offset and page (form feeds count pages)."""
    lines: list[Line] = []
    offset = 0
    page = 1
    for block in doc.blocks:
        if block.kind == "text":
            for m in re.finditer(r"[^\n\f]*(?:\n|\f|$)", block.text):
                raw = m.group()
                if not raw:
                    continue
                text = raw.rstrip("\n\f")
                at_page = block.page if doc.format == "pdf" else page
                lines += _unglued(Line(text, offset + m.start(), at_page))
                if raw.endswith("\f"):
                    page += 1
        offset += len(block.text) + 1
    return lines


# 「合计 47,483,4582026年部门支出预算总表」「城管执法 33,775,592221 住房保障支出」: a page joined without its
# newline glues the next line to the last amount (or a table's title to the last sentence). A thousands-
# grouped amount ends after its last group of three, and a two-decimal amount before a year's 「20xx年」,
# so the digits after it start the next line.
_GLUED_AFTER_AMOUNT = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?:(?=\d)|\.\d{2}(?=20\d\d年))"
                                 r"|。(?=[^。，；：:]{4,50}表\s*$)")  # 「…的补贴。2026年部门财务收支预算总表」


def _unglued(line: Line) -> list[Line]:
    out = []
    text, start = line.text, line.start
    for m in reversed(list(_GLUED_AFTER_AMOUNT.finditer(text))):
        cut = m.end()
        out.append(Line(text[cut:], start + cut, line.page))
        text = text[:cut]
    out.append(Line(text, start, line.page))
    return out[::-1]


def find_text_tables(kind: ReportKind, lines: list[Line], skip: set[str] = frozenset()) -> list[TextTable]:
    """The standard tables of `kind` printed in `lines`, each with the entries its lines print."""
    titles = [(i, kind.table_for(line.text, " ".join(ln.text for ln in lines[i + 1:i + 9])))
              for i, line in enumerate(lines) if _is_title(line.text)]
    titles = [(i, t) for i, t in titles if t is not None]
    found: dict[str, TextTable] = {}
    for n, (i, table) in enumerate(titles):
        if table.key in skip:
            continue
        end = titles[n + 1][0] if n + 1 < len(titles) else len(lines)
        body = _body(lines[i + 1:end])
        entries = read_entries(table, body)
        if not any(e.numbers for e in entries) and table.key in found:
            continue
        unit = next((find_unit(ln.text) for ln in lines[i:i + 5] if find_unit(ln.text)), None)
        text_table = TextTable(table, lines[i].text.strip(), unit, lines[i].page, lines[i].start,
                               body[-1].start + len(body[-1].text) if body else lines[i].start, entries)
        old = found.get(table.key)
        if old is None or sum(len(e.numbers) for e in entries) > sum(len(e.numbers) for e in old.entries):
            found[table.key] = text_table
    return sorted(found.values(), key=lambda t: t.start)


def _is_title(text: str) -> bool:
    flat = squeeze(text)
    return (0 < len(flat) <= 60 and not _MARKER.match(flat) and "…" not in flat and "..." not in flat
            and not any(p in flat for p in "。，；"))


def _body(lines: list[Line]) -> list[Line]:
    out = []
    for line in lines:
        flat = squeeze(line.text)
        if _STOP.match(line.text) or (len(flat) > _PROSE_LEN and any(p in flat for p in "。，；")):
            break
        out.append(line)
    return out


# 「47,483,458一、社会保障和就业支出」「507.25其他相关情况说明」: a grouped or two-decimal amount glued to the
# label of the cell beside it (or to the next page's heading)
_AMOUNT_THEN_LABEL = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2})(?=[^\d,.%])")


def _tokens(line: Line) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(line.text):
        start, text = line.start + m.start(), m.group()
        glued = _AMOUNT_THEN_LABEL.match(text)
        if glued:
            out.append((glued.group(), start, start + glued.end()))
            text, start = text[glued.end():], start + glued.end()
        out.append((text, start, start + len(text)))
    return out


def _amount(token: tuple[str, int, int]) -> Number | None:
    text = token[0]
    if not _AMOUNT.match(text):
        return None
    return Number(text, Decimal(text.replace(",", "")), token[1], token[2])


def _is_header(text: str, table: FinanceTableDef) -> bool:
    """Header lines, also where a page repeats them: 科目编码/科目名称…, or nothing but column names."""
    flat = squeeze(text)
    if any(w in flat for w in _HEADER_WORDS) or flat.startswith("项目"):
        return True
    names = {squeeze(w) for c in table.columns for w in c.path} | {"合计", "预算数", "决算数"}
    return all(squeeze(w) in names for w in text.split())


def read_entries(table: FinanceTableDef, lines: list[Line]) -> list[Entry]:
    """The rows a table's lines print, wrapped labels joined, in printed order."""
    if table.shape == "single_row":
        return _single_row(table, lines)
    items: list[list[Entry] | str] = []
    seen_data = False
    last_class = ""
    for line in _split_glued(lines) if table.shape == "coded" else lines:
        if not line.text.strip():
            continue
        got = (_coded_line(line, last_class) if table.shape == "coded" else
               _paired_line(line) if table.shape == "coded_pairs" else _two_sided_line(line))
        if got:
            seen_data = True
            items.append(got)
            last_class = next((e.code[:3] for e in got if e.code), last_class)
        elif table.shape == "two_sided" and (seen_data or _MARKER.match(squeeze(line.text))) \
                and not _is_header(line.text, table):
            items.append(line.text.strip())
        elif table.shape != "two_sided" and not _is_header(line.text, table):
            items.append(_flat(line.text))
    if table.shape == "two_sided":
        return _assign_two_sided(table, items)
    return _attach_fragments([x for item in items for x in (item if isinstance(item, list) else [item])])


_GLUED_CODE = re.compile(r"^(\s*[\u4e00-\u9fff]{1,12})(\d{3}(?:\d{2}){0,2}\s)")


# 「302 06电费 250,000 250,000 302 07邮电费 70,000 70,000」: two rows of a page joined on one line, the
# second opening with its code right after the first's last amount
_NEXT_ROW = re.compile(r"(?<=\d)\s+(?=\d{3}(?:\s\d{2}){1,2}\s?[\u4e00-\u9fff]|\d{5}(?:\d{2})?\s?[\u4e00-\u9fff])")


def _split_glued(lines: list[Line]) -> list[Line]:
    """「管理支出22402 消防救援事务 98.23 98.23」: a page break lost its newline; the code starts a row."""
    out = []
    for line in lines:
        m = _GLUED_CODE.match(line.text)
        if m:
            cut = m.end(1)
            out += [Line(line.text[:cut], line.start, line.page), Line(line.text[cut:], line.start + cut, line.page)]
        else:
            out.append(line)
    rows = []
    for line in out:
        at = 0
        for m in _NEXT_ROW.finditer(line.text):
            rows.append(Line(line.text[at:m.start()], line.start + at, line.page))
            at = m.end()
        rows.append(Line(line.text[at:], line.start + at, line.page) if at else line)
    return rows


def _coded_line(line: Line, last_class: str = "") -> list[Entry]:
    """A coded row: its code (a 类 printed as one glyph takes the 类 of the rows above), label, numbers."""
    text = line.text
    m = _CODE_AT_START.match(text)
    garbled = None if m or not last_class else _GARBLED_CODE.match(text)
    code = None
    rest = text
    offset = 0
    if m:
        code = m.group(1) + "".join(part.zfill(2) for part in m.group(2).split())
        rest, offset = text[m.end():], m.end()
    elif garbled:
        code = last_class + "".join(part.zfill(2) for part in garbled.group(1).split())
        rest, offset = text[garbled.end():], garbled.end()
    base = line.start + offset
    tokens = [(t.group(), base + t.start(), base + t.end()) for t in _TOKEN.finditer(rest)]
    words: list[str] = []
    numbers: list[Number] = []
    for token in tokens:
        number = _amount(token)
        if number is not None and (numbers or words or code):
            numbers.append(number)
        elif not numbers:
            words.append(token[0])
    label = _flat("".join(words))
    if code is None and not (numbers and label.startswith(_TOTAL_WORDS)):
        return []
    if code is None:
        label = next(w for w in _TOTAL_WORDS if label.startswith(w))
    return [Entry(label, numbers, code, page=line.page, needs_label=code is not None and not label)]


def _paired_line(line: Line) -> list[Entry]:
    """「30108 504.38 30206 电费 72.56」: two rows side by side, each started by a code or a label."""
    entries: list[Entry] = []
    current: Entry | None = None
    for token in _tokens(line):
        text = token[0]
        if _CODE_TOKEN.match(text):
            current = Entry("", [], text, page=line.page)
            entries.append(current)
            continue
        number = _amount(token)
        if number is not None:
            if current is None:
                return []
            current.numbers.append(number)
            continue
        if current is None or current.numbers:
            current = Entry("", [], None, page=line.page)
            entries.append(current)
        current.label += _flat(text)
    if not any(e.code for e in entries) and not any(e.numbers for e in entries):
        return []
    for e in entries:
        e.needs_label = not e.label
        e.line = line.start
    return entries


def _two_sided_line(line: Line) -> list[Entry]:
    """Segments of label + numbers; a segment of numbers with no label before it needs one.

    A word that opens with a list marker (「四、公共安全支出」) starts a new label even right after
    another label, since an income row with a blank value sits beside its expense row.
    """
    entries: list[Entry] = []
    current: Entry | None = None
    for token in _tokens(line):
        number = _amount(token)
        if number is not None:
            if current is None:
                current = Entry("", [], page=line.page, needs_label=True)
                entries.append(current)
            current.numbers.append(number)
            continue
        word = _flat(token[0])
        fresh = _MARKER.match(word) and current is not None and not _MARKER.fullmatch(current.label)
        if current is None or current.numbers or fresh:
            current = Entry("", [], page=line.page)
            entries.append(current)
        current.label += word
    return entries if any(e.numbers for e in entries) else []


def _attach_fragments(items: list[Entry | str]) -> list[Entry]:
    """A row printed with no label takes the wrapped pieces printed just above and just below it."""
    used: set[int] = set()
    for i, item in enumerate(items):
        if not isinstance(item, Entry) or not item.needs_label:
            continue
        label = ""
        if i > 0 and isinstance(items[i - 1], str) and i - 1 not in used:
            label = items[i - 1]
            used.add(i - 1)
        j = i + 1
        while j < len(items) and isinstance(items[j], Entry) and items[j].line == item.line:
            j += 1  # the other row of a paired line sits between this label's halves
        if j < len(items) and isinstance(items[j], str) and j not in used and len(items[j]) <= _SUFFIX_MAX:
            label += items[j]
            used.add(j)
        item.label = label
    return [item for item in items if isinstance(item, Entry)]


def _single_row(table: FinanceTableDef, lines: list[Line]) -> list[Entry]:
    for line in lines:
        tokens = _tokens(line)
        numbers = list(itertools.takewhile(lambda n: n is not None, (_amount(t) for t in tokens)))
        rest = tokens[len(numbers):]
        # 「… 38.76 507.25其他相关情况说明」: the next page's heading glued on after the row's last amount
        if len(numbers) >= 2 and not any(re.search(r"\d", t[0]) for t in rest):
            return [Entry(table.name, [n for n in numbers if n is not None], page=line.page)]
    return []


def _labels_only(text: str) -> list[str]:
    """The labels of a line that prints no number: 「使用非财政拨款结余 结余分配」 is two rows."""
    words: list[str] = []
    for word in text.split():
        if words and _MARKER.fullmatch(words[-1]):
            words[-1] += word
        else:
            words.append(word)
    return [_flat(w) for w in words]


def _assign_two_sided(table: FinanceTableDef, items: list[list[Entry] | str]) -> list[Entry]:
    """Decide each segment's side (income on the left) and give unlabelled numbers their wrapped label."""
    width_in = len(table.side("income").columns)
    out: list[Entry] = []
    pending: list[Entry] = []  # a one-label line: a row with blank values, or the first half of a wrapped label
    owner: Entry | None = None  # the last row that took a wrapped label; a short piece below completes it
    blank: Entry | None = None  # the last row printed as a label alone; a short piece below may complete it

    def flush() -> None:
        out.extend(pending)
        pending.clear()

    for item in items:
        if isinstance(item, str):
            labels = _labels_only(item)
            short = len(labels) == 1 and len(labels[0]) <= _SUFFIX_MAX and not _MARKER.match(labels[0])
            if short and owner is not None:
                owner.label += labels[0]
                owner = None
            elif short and blank is not None:
                blank.label += labels[0]
                blank.side = _side_of(table, blank.label)
                blank = None
            elif len(labels) == 1:
                flush()
                blank = Entry(labels[0], [], side=_side_of(table, labels[0]))
                pending.append(blank)
            else:
                flush()
                sides = ("income", "expense")
                out.extend(Entry(label, [], side=side) for label, side in zip(labels, sides, strict=False))
            continue
        owner = None
        line = _split_line(table, item, width_in)
        for e in line:
            if e.needs_label:
                if pending:
                    e.label = pending.pop().label
                    blank = None
                e.needs_label = False
                owner = e
        flush()
        out.extend(line)
    flush()
    for e in out:
        if e.side is None:
            e.side = _side_of(table, e.label)
    return out


def _split_line(table: FinanceTableDef, entries: list[Entry], width_in: int) -> list[Entry]:
    out: list[Entry] = []
    labelled = [e for e in entries if e.label]
    for index, e in enumerate(entries):
        if e.label:
            if len(labelled) > 1:
                e.side = "income" if e is labelled[0] else "expense"
            else:
                e.side = _side_of(table, e.label)
            if e.side == "income" and len(e.numbers) > width_in:
                rest = Entry("", e.numbers[width_in:], side="expense", page=e.page, needs_label=True)
                e.numbers = e.numbers[:width_in]
                out.extend([e, rest])
                continue
            out.append(e)
        else:
            e.side = "expense" if len(e.numbers) > width_in or index > 0 else None
            out.append(e)
    return out


def _side_of(table: FinanceTableDef, label: str) -> str:
    core = _MARKER.sub("", label)
    for known in table.side("income").labels:
        known = squeeze(known)
        if core.startswith(known) or (len(core) >= 4 and known.startswith(core)):
            return "income"
    return "expense"
