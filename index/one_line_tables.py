"""Coded tables of a page crawled into one running line.

A crawler that flattens a page prints a budget's economic-classification table as one run of
tokens: 「八、一般公共预算基本支出经济分类情况表 单位：万元 科目编码 科目名称 预算数 合 计 8425.98
301 工资福利支出 3820.70 30101 基本工资 587.41 30102 津贴补贴 714.57 … 30106 伙食补助费 30107 …」.
Empty cells simply vanish, so a row's number can only be placed when the table has one value
column: such a table is read here (a code starts each row, the words after it are its label, one
number at most its value); a table whose header names several value columns, or a row that prints
more than one number, is left unread rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from index.generic_tables import find_unit, parse_number
from index.models import AMBIGUOUS, EXACT, RECOVERED, Fact, Table

_ONE_LINE_MIN = 400  # characters: a printed line is far shorter
_MIN_ROWS = 6
# 「七、…情况表」, and the numbered attachments of a final account (「3. 支出决算表 附件3 支出决算表」)
_TITLE = re.compile(r"(?:(?<=\s)|^)(?:[一二三四五六七八九十]{1,2}、|\d{1,2}[.．]|附件\d{1,2})"
                    # (or the title glued to its repetition: 「九、…情况表2023年度…情况表单位：万元…」)
                    r"\s*([^\s，。；：:\d]{4,40}?表)(?=\s|(?:19|20)\d\d\s*年)")
_UNIT_SAID = re.compile(r"单位\s*[：:]\s*(万元|元|千元|亿元)")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
# a header that names one value column; any of the others makes a row's lone number unplaceable
_VALUE_COLUMNS = ("预算数", "决算数", "金额", "执行数")
_OTHER_COLUMNS = ("基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出", "一般公共预算", "政府性基金",
                  "财政拨款", "其他收入", "小计", "其中")
_TOTAL = re.compile(r"^合\s?计$")


def one_line_tables(report_id: str, text: str, first: int, taken: list[tuple[int, int]],
                    page_of: Callable[[int], int | None]) -> tuple[list[Table], list[Fact], list[tuple[int, int]]]:
    """(tables, facts, spans) of the single-value coded tables and the staffing tables on the text's
    one-line pages."""
    tables: list[Table] = []
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if len(line) >= _ONE_LINE_MIN:
            for h in _STAFF_HEADER.finditer(line):
                start, key = offset + h.start(), f"g{first + len(tables)}"
                read = _read_staffing(report_id, key, text, offset + h.end(), _staff_columns(h.group()),
                                      page_of(start), noted=bool(h.group("note")))
                if read is None and _glued(h.group()) and not line[:h.start()].rstrip().endswith("序号"):
                    read = _read_glued_staffing(report_id, key, text, offset + h.end(), page_of(start))
                if read is not None and not any(a < read[2] and start < b for a, b in taken):
                    tables.append(read[0])
                    facts += read[1]
                    spans.append((start, read[2]))
            for h in _STAFF_HEADER_ONE.finditer(line):
                # 「单位名称经费性质在职人数…局本级财政核拨43」: a table of one headcount column
                start, key = offset + h.start(), f"g{first + len(tables)}"
                read = _read_glued_staffing(report_id, key, text, offset + h.end(), page_of(start), ("在职人数",))
                if read is not None and not any(a < read[2] and start < b for a, b in taken):
                    tables.append(read[0])
                    facts += read[1]
                    spans.append((start, read[2]))
            titles = list(_TITLE.finditer(line))
            for n, t in enumerate(titles):
                start = offset + t.start()
                end = offset + (titles[n + 1].start() if n + 1 < len(titles) else len(line))
                if any(a < end and start < b for a, b in taken):
                    continue
                key = f"g{first + len(tables)}"
                read = _read(report_id, key, t.group(1), text, offset + t.end(), end, page_of(start))
                if read is not None:
                    tables.append(read[0])
                    facts += read[1]
                    spans.append((start, end))
        offset += len(line) + 1
    return tables, facts, spans


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words of a run, a code, its label and its number apart even where the crawl glued them
    (「30101基本工资98.2530102津贴补贴…」: 30101 / 基本工资 / 98.25 / 30102 / 津贴补贴): a number glued to the
    next row's code is split where the code goes on the series the row before opened (same class, 5 digits)."""
    out: list[tuple[str, int, int]] = []
    code = ""
    for m in re.finditer(r"\S+", text[start:end]):
        word, at = m.group(), start + m.start()
        pieces = [(p.group(), at + p.start(), at + p.end()) for p in _PIECE.finditer(word)] \
            if _GLUED_CODE.search(word) else [(word, at, at + len(word))]
        for piece, a, b in pieces:
            if piece[0].isdigit() and not _CODE.match(piece) and code and (split := _value_then_code(piece, code)):
                out += [(split[0], a, a + len(split[0])), (split[1], a + len(split[0]), b)]
                code = split[1]
                continue
            if _CODE.match(piece):
                code = piece
            out.append((piece, a, b))
    return out


# 「30101基本工资」: a code glued to its label
_GLUED_CODE = re.compile(r"(?<![\d.])[23]\d{2}(?:\d{2}){0,2}(?![万亿千元人个件条项年月日号])[\u4e00-\u9fff]")
_PIECE = re.compile(r"\d+(?:\.\d+)?|[^\d]+")


def _value_then_code(digits: str, code: str) -> tuple[str, str] | None:
    """「98.2530102」 after row 30101: the value 98.25 and the next code 30102 (the only split whose code
    is a later 5-digit code of the same class and whose value has at most three decimals)."""
    splits = []
    for k in range(1, len(digits)):
        value, nxt = digits[:k], digits[k:]
        if len(nxt) == 5 and nxt[:3] == code[:3] and nxt > code and re.fullmatch(r"\d+(?:\.\d{1,3})?", value) \
                and not value.endswith("."):
            splits.append((value, nxt))
    return splits[0] if len(splits) == 1 else None


def _read(report_id: str, key: str, title: str, text: str, start: int, end: int,
          page: int | None) -> tuple[Table, list[Fact]] | None:
    tokens = _tokens(text, start, end)
    first_code = next((i for i, (t, _, _) in enumerate(tokens) if _CODE.match(t)), None)
    if first_code is None:
        return None
    # a header glued to the table's title repeated (「…经济分类情况表单位：万元科目编码科目名称预算数合计」): its
    # columns are what follows the unit
    header = " ".join(t for t, _, _ in tokens[:first_code])
    header = header[unit_at.end():] if (unit_at := _UNIT_SAID.search(header)) else header
    value_columns = [c for c in _VALUE_COLUMNS if c in header.replace(" ", "")]
    several = len(value_columns) != 1 or any(c in header.replace(" ", "") for c in _OTHER_COLUMNS)
    column = value_columns[0] if not several else _total_column(tokens[:first_code])
    if column is None:
        return None
    lead = " ".join(t for t, _, _ in tokens[:first_code])
    unit = find_unit(lead) if not (said := _UNIT_SAID.search(lead)) else said.group(1)
    rows: list[tuple[str, list[str], list[tuple[str, int, int]]]] = []  # (code, label words, numbers)
    for token in tokens[first_code:]:
        word = token[0]
        if _CODE.match(word):
            rows.append((word, [], []))
        elif parse_number(word) is not None:
            rows[-1][2].append(token)
        elif rows[-1][2]:  # words after a row's number: the table has ended (a note, the next section)
            break
        else:
            rows[-1][1].append(word)
    rows = [r for r in rows if r[1]]
    if len(rows) < _MIN_ROWS or (not several and any(len(numbers) > 1 for _, _, numbers in rows)):
        return None
    labels = {code: "".join(words) for code, words, _ in rows}
    facts: list[Fact] = []
    row_paths, cells = [], []
    total = _total(tokens[:first_code], several)
    if total is not None:
        row_paths.append(("合计",))
        cells.append((total[0],))
        facts.append(_fact(report_id, key, ("合计",), column, total, unit, page))
    for code, words, numbers in rows:
        parent = next((labels[code[:n]] for n in (5, 3) if n < len(code) and code[:n] in labels), None)
        path = ((parent,) if parent else ()) + ("".join(words),)
        row_paths.append(path)
        cells.append((numbers[0][0] if numbers else "",))
        if numbers:
            facts.append(_fact(report_id, key, path, column, numbers[0], unit, page))
    table = Table(report_id, key, title, ((column,),), tuple(row_paths), tuple(cells), unit, page)
    return table, facts


def _total(header: list[tuple[str, int, int]], several: bool = False) -> tuple[str, int, int] | None:
    """The 合计 row printed between the header and the first code (「合 计 8425.98」); of a table of
    several columns, the first number after it (「合计 2,269.30 1,777.32 491.97」: its total column)."""
    words = [t for t, _, _ in header]
    joined = " ".join(words)
    if not re.search(r"合\s?计", joined) or parse_number(words[-1]) is None:
        return None
    if not several:
        return header[-1]
    k = len(header)
    while k > 0 and parse_number(words[k - 1]) is not None:
        k -= 1
    return header[k] if k > 0 and words[k - 1] in ("合计", "计") else None


# the first value column of a table of several, when it is the row's own total: empty cells vanish
# from a crawled row, but a row that prints any amount prints its total, and prints it first
_TOTAL_COLUMN = re.compile(r"^(?:本年(?:收入|支出)合计|合计|总计)$")
_PAIRS = {("项", "目"): "项目", ("合", "计"): "合计", ("总", "计"): "总计"}


def _total_column(header: list[tuple[str, int, int]]) -> str | None:
    """The name of a several-column table's first value column when it is the row total (「项目 本年支出合计
    基本支出 项目支出 …」「科目名称 合计 人员经费 公用经费」), else None: then no number of a row has a
    certain place."""
    words: list[str] = []
    for t, _, _ in header:
        if words and (words[-1], t) in _PAIRS:
            words[-1] = _PAIRS[(words[-1], t)]
        else:
            words.append(t)
    for lead in ("项目", "科目名称"):
        if lead in words and (at := words.index(lead)) + 1 < len(words):
            return words[at + 1] if _TOTAL_COLUMN.match(words[at + 1]) else None
    return None


def _fact(report_id: str, key: str, path: tuple[str, ...], column: str, token: tuple[str, int, int],
          unit: str | None, page: int | None) -> Fact:
    number = parse_number(token[0])
    return Fact(report_id=report_id, table=key, row_path=path, column_path=(column,), value=number.value,
                unit=number.unit or unit, status=EXACT, page=page, span=(token[1], token[2]), raw=token[0])


# 「单位名称 经费性质 人员编制数 在职人数 …局本级 财政核拨 26 44 …统计局 财政核拨 / 6 …」: who the budget
# covers, each unit with its kind of funding and its headcounts ("/" where none is printed)
# (also 「名称 编制类型 编制数 实有在编人数 备注」, a note after the counts, and 「在职人数(含其他聘用人员)」, the
# column's own note in brackets)
_STAFF_HEADER = re.compile(r"(?:单位)?名称\s*(?:经费性质|单位性质|编制类型|编制性质)\s*"
                           r"(?:(?:人员)?编制(?:人)?数|编制人数)"
                           r"\s*(?:在职|实有(?:在编)?)人数(?:\s*[（(][^（）()]{1,20}[）)])?(?P<note>\s*备\s*注)?")
_RESYNC = 6  # tokens an unreadable row may take before the next unit's name and funding
_FUNDING = re.compile(r"^(?:财政|自收|差额|全额|经费|参公|行政|事业|定额)[\u4e00-\u9fff]{0,6}$")
_EMPTY = {"/", "／", "-", "—", "－", "——", "--"}
# 「8人」 as well as 「8」, and 「12人（含挂职干部、公助人员）」「28人（在编10人，挂职干部12人，…）」: the count with a
# note of what it includes
_HEADCOUNT = re.compile(r"^(\d{1,6})人?(?:[（(][^（）()+＋]{1,40}[）)])?$")
# 「区纪工委、监察委」: one line for several bodies that share their staff
_NAME = re.compile(r"^[\u4e00-\u9fff（）()](?:[\u4e00-\u9fff（）()]|、(?=[\u4e00-\u9fff])){1,39}$")


_STAFF_COLUMN = re.compile(r"(?:人员)?编制(?:人)?数|编制人数"
                           r"|(?:在职|实有(?:在编)?)人数(?:\s*[（(][^（）()]{1,20}[）)])?")


def _staff_columns(header: str) -> list[str]:
    """The headcount columns a staffing header names, whether its words stand apart or glued
    (「单位名称经费性质人员编制数在职人数」 over rows printed apart: 「平潭县物价局 财政拨款 15 19」)."""
    return ["".join(c.split()) for c in _STAFF_COLUMN.findall(header)]


def _glued(header: str) -> bool:
    return len(header.split()) < 4  # its four headers not all apart: the rows are glued too


# 「平潭综合实验区福利院财政核拨79」「平潭县闽剧团财政拨补/34」: a unit, its funding, its two cells glued
_GLUED_ROW = re.compile(r"\s*([\u4e00-\u9fff（）()]{2,40}?)"
                        r"(财政全额拨款|财政差额拨款|财政核拨|财政核补|财政拨款|财政拨补|财政补助|全额拨款|差额拨款"
                        r"|自收自支|经费自理|行政全额|事业全额|事业差额|行政|事业)"
                        r"\s*([\d/／]+(?:[ \t\u3000][\d/／]+)?)")
_COLUMNS = ("人员编制数", "在职人数")
_STAFF_HEADER_ONE = re.compile(r"单位名称\s*(?:经费性质|单位性质)\s*(?:在职|实有)人数(?!\s*[（(]?\s*编制)")


def _glued_cells(cells: str) -> list[tuple[str, str]]:
    """The readings of a glued pair of cells. A 「/」 between or beside them settles it (「/34」: no
    编制, 34 在职). Plain digits are split every way that leaves no part with a leading zero: 「79」
    and 「010」 (0|10) have one reading, 「2024」 two (20|24, 202|4), which are kept as two."""
    if len(apart := cells.split()) == 2:  # 「0 0」: one row of a glued table printed with its cells apart
        return [(a, b) for a, b in [apart] if (_whole(a) or a in _EMPTY) and (_whole(b) or b in _EMPTY)]
    if cells.count("/") + cells.count("／") == 1:
        a, b = re.split(r"[/／]", cells)
        return [(a or "/", b or "/")]
    if not cells.isdigit():
        return []
    return [(cells[:k], cells[k:]) for k in range(1, len(cells))
            if (k == 1 or cells[0] != "0") and (k == len(cells) - 1 or cells[k] != "0")]


def _read_glued_staffing(report_id: str, key: str, text: str, start: int, page: int | None,
                         columns: tuple[str, ...] = _COLUMNS) -> tuple[Table, list[Fact], int] | None:
    """A staffing table crawled with no space between its cells: the rows whose two headcounts can
    be told apart are read; the others are left out (named in no fact) rather than guessed."""
    rows: list[tuple[str, list[tuple[str, str]], int, int]] = []
    read_by_size: set[int] = set()  # rows whose one reading of a like size was taken (RECOVERED)
    at = start
    while (m := _GLUED_ROW.match(text, at)) and len(rows) < 60:
        # a one-column table has one count a row: digits after a space open whatever follows
        printed = m.group(3) if len(columns) == 2 else m.group(3).split()[0]
        cells = _glued_cells(printed) if len(columns) == 2 else [(printed,)] if _whole(printed) else []
        if len(cells) > 1 and (alike := _of_a_size(cells)) is not None:
            cells = [alike]
            read_by_size.add(len(rows))
        rows.append((m.group(1), cells, m.start(3), m.start(3) + len(printed)))
        at = m.start(3) + len(printed)
    if not rows:  # one unit is a table too (「…公共资源交易中心财政核补83」), right after the header
        return None
    # a row of several readings keeps each as an ambiguous candidate: an answer names the doubt, and a
    # sum over the units has no figure to give
    facts = [Fact(report_id=report_id, table=key, row_path=(name,), column_path=(col,), value=Decimal(v),
                  unit="人", status=RECOVERED if n in read_by_size else EXACT if len(readings) == 1 else AMBIGUOUS,
                  page=page, span=(a, b), raw=v if len(readings) == 1 and n not in read_by_size else text[a:b],
                  candidate=0 if len(readings) == 1 else i)
             for n, (name, readings, a, b) in enumerate(rows) for i, cells in enumerate(readings, 1)
             for col, v in zip(columns, cells, strict=True) if v.isdigit()]
    if not facts:
        return None
    shown = [cells[0] if len(cells) == 1 else _unsure(cells) if cells else ("",) * len(columns)
             for _, cells, _, _ in rows]
    table = Table(report_id, key, "部门预算单位构成", tuple((c,) for c in columns), tuple((n,) for n, _, _, _ in rows),
                  tuple(shown), "人", page)
    return table, facts, at


# a unit's staff in post and its establishment are of a size: within a factor of two of each other, or
# both a handful where one is nought (checked against every staffing table printed with its cells apart:
# no glued pair of them read otherwise than printed)
_SIZE_FACTOR = 2
_FEW = 3


def _of_a_size(readings: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The one reading of a glued 编制|在职 pair whose two counts are of a size (「3841」 → 38 and 41, never
    3 and 841 or 384 and 1), or None when none or several are: then every reading stays a candidate.
    The answer says the cells were glued and read so (qa/compose.py)."""
    alike = [r for r in readings if r[0].isdigit() and r[1].isdigit() and _alike(int(r[0]), int(r[1]))]
    return alike[0] if len(alike) == 1 else None


def _alike(a: int, b: int) -> bool:
    if a == 0 or b == 0:
        return max(a, b) <= _FEW
    return a <= _SIZE_FACTOR * b and b <= _SIZE_FACTOR * a


def _whole(cells: str) -> bool:
    """One count as printed: digits, no leading zero but a lone 0."""
    return cells.isdigit() and (cells == "0" or not cells.startswith("0"))


def _unsure(readings: list[tuple[str, str]]) -> tuple[str, ...]:
    """A grid row of several readings, each cell shown as its candidates (「?(20|202)」)."""
    return tuple("?(" + "|".join(dict.fromkeys(r[j] for r in readings)) + ")" for j in range(2))


def _read_staffing(report_id: str, key: str, text: str, start: int, columns: list[str],
                   page: int | None, noted: bool = False) -> tuple[Table, list[Fact], int] | None:
    if not columns:
        return None
    tokens = [(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:start + 3000])]
    rows: list[tuple[str, list[tuple[str, int, int]]]] = []
    i, end = 0, start
    while i + 3 < len(tokens):
        # 「平潭综合实验区 经济发展局本级 财政核拨 26 28」: a unit's name may be printed in two or three pieces
        k = next((k for k in range(1, 4) if i + k < len(tokens) and _FUNDING.match(tokens[i + k][0])
                  and all(_NAME.match(t[0]) and not _FUNDING.match(t[0]) for t in tokens[i:i + k])), 1)
        name = "".join(t[0] for t in tokens[i:i + k])
        funding, cells = tokens[i + k][0], tokens[i + k + 1:i + k + 1 + len(columns)]
        if not (_NAME.match(name) and _FUNDING.match(funding)) or len(cells) < len(columns):
            break
        if not all(c[0] in _EMPTY or _HEADCOUNT.match(c[0]) for c in cells):
            # 「房地产交易中心 全额拨款 10 6（事业）+24（自收自支）」: a cell that is no plain count is kept
            # without a figure (a sum over every unit then has none to give), and the next unit read
            # (a row printed with no cells at all: 「区马上办 行政 区行政服务中心 事业 8 2」 — the next unit
            # opens where its first cell would be)
            nxt = next((j for j in range(i + k + 1, min(i + k + 2 + _RESYNC, len(tokens) - 1))
                        if _NAME.match(tokens[j][0]) and _FUNDING.match(tokens[j + 1][0])), None)
            if nxt is None:
                break
            rows.append((name, [c if c[0] in _EMPTY or _HEADCOUNT.match(c[0]) else ("", c[1], c[2]) for c in cells]))
            i = nxt
            continue
        rows.append((name, cells))
        end = cells[-1][2]
        i += k + 1 + len(columns)
        if noted and i + 2 < len(tokens) and not _FUNDING.match(tokens[i + 1][0]) \
                and _NAME.match(tokens[i + 1][0]) and _FUNDING.match(tokens[i + 2][0]):
            i += 1  # 「含工勤12人」 under 备注: a note on the row, no unit of its own
    if not any(c[0] for _, cells in rows for c in cells):
        return None
    facts = [Fact(report_id=report_id, table=key, row_path=(name,), column_path=(col,),
                  value=Decimal(_HEADCOUNT.match(c[0]).group(1)), unit="人", status=EXACT, page=page,
                  span=(c[1], c[2]), raw=c[0])
             for name, cells in rows for col, c in zip(columns, cells, strict=True) if c[0] and c[0] not in _EMPTY]
    table = Table(report_id, key, "部门预算单位构成", tuple((c,) for c in columns), tuple((n,) for n, _ in rows),
                  tuple(tuple(c[0] for c in cells) for _, cells in rows), "人", page)
    return table, facts, end
