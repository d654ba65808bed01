"""Cut a parsed report into retrievable chunks: section passages, table slices and table-row sentences.

Why this shape:

* **Section-aware.** Reports follow a fixed outline (一、… / （一）… / 一是… or 1.…). A chunk never
  spans two （一） sub-sections, and carries its section path, so a hit can be cited as
  「一、总体情况 > （二）依申请公开方面」 and the path itself is searchable.
* **Sentences stay whole.** Hard-wrapped lines (PDF extractions) are joined back first; long
  sections are split with `RecursiveCharacterTextSplitter` on paragraph, line, 。, ；, ， — in that
  order. Prose aims at ≤ `PROSE_CHARS` (300): on the retrieval set, 400-character chunks let a
  four-item paragraph bury its last item for e5, and 200 split answers from their context.
  Nothing exceeds `MAX_CHARS` (400), well inside e5-small's 512 tokens.
* **Tables come from the parse, not the text.** The parser already rebuilt each table as a grid
  (even from glued digits), so table text in the prose is masked and replaced by (a) slices of
  whole rows under the table title and column header, and (b) one sentence per template row with
  every cell named — the form a question like 「厚街镇去年收到多少申请」 matches best. A row of
  zeros reads 「各项均为0」: most rows of table 三 are zeros, and naming each of their cells was
  a fifth of all embedding time.
* **Site chrome is dropped** where it can be told generically: text before the report's title or
  opening 「根据《…条例》」 sentence, and menus/footers after the last section.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from langchain_text_splitters import RecursiveCharacterTextSplitter

from index.models import Chunk, ParsedReport, Table
from index.template import split_marker

MAX_CHARS = 400  # hard limit for any chunk: well inside e5-small's 512 tokens
PROSE_CHARS = 300  # prose target: items are merged, and long sections split, up to this size
_BACK_LIMIT = 300  # how far before a table's first cell its header may reach
_SEPARATORS = ["\n\n", "\n", "。", "；", "，", ""]
_NUM = "一二三四五六七八九十"
_SENTENCE_END = "。！？!?；;：:…”」）)"

# A boundary before a heading: start of text, whitespace, end of a sentence, or a number that
# ends a flattened table row (「…4166.241619三、收到和处理…」).
_L1 = re.compile(rf"(?<![^\s。；;！？!?：:）)\d])([{_NUM}]{{1,3}})\s*[、.．]\s*(?=[\u4e00-\u9fff])")
_L2 = re.compile(rf"[（(]\s*([{_NUM}]{{1,3}})\s*[）)]\s*(?=[\u4e00-\u9fff]|\d{{4}}\s*年)")
_L2_BEFORE = re.compile(r"[\s。；;！？!?：:\d]")
_L3 = re.compile(rf"(?<![^\s。；;！？!?])(?:[{_NUM}]是|\d{{1,2}}[.、．](?!\d))(?=[\u4e00-\u9fff“《])")
_L3_LABEL = re.compile(r"[^\s。，,；;：:！？!?]+")
_TITLE_STOP = re.compile(r"[\s。，,；;：:（(《“\"”！？!?\d]")
_YEAR_LEAD = re.compile(r"\d{4}\s*年")
_TITLE_ENDS = ("情况", "事项", "方面")
_INTRO = re.compile(r"(?:本(?:年度)?报告)?(?:根据|依据|按照)《")
_SENTENCE_BREAK = re.compile(r"[。！？!?]")
_HEADER_STOP = re.compile(r"[。！？!?\d]")
_PAGE_FOOTER = re.compile(r"^[—–\-－]\s*\d+\s*[—–\-－]$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$")
_CHROME_LINE = re.compile(
    r"^(?:附件[:：]?$|相关附件|相关新闻|相关链接|扫一扫|分享到|打印|关闭|主办单位|承办[:：]|网站标识码|"
    r"备案号|版权所有|联系我们|网站地图|技术支持|您访问的链接即将离开)"
)
_LEADING_PUNCT = "。，,；;：:、.． "
# the same portal words at the very end of a page flattened onto one line
_TRAILING_CHROME = re.compile(
    r"(?:\s*(?:附件下载|打印本页|关闭窗口|【(?:打印|关闭)[^】]{0,4}】|来源[:：]\S{1,30}))+\s*$"
)
_AMBIGUOUS = re.compile(r"^\?\((.*)\)$")


@dataclass(frozen=True)
class _Heading:
    level: int  # 1: 一、  2: （一）  3: 一是 / 1.
    start: int
    end: int  # end of the marker and title
    label: str


# ---- public helpers ------------------------------------------------------------------------------


def chunk_id(report_id: str, text: str) -> str:
    """Deterministic: the same passage of the same report is the same chunk, so re-indexing is a no-op."""
    return hashlib.sha256(f"{report_id}\n{text}".encode()).hexdigest()[:32]


def passage_text(chunk: Chunk, report: bool = True) -> str:
    """What gets embedded (and, with `report=False`, BM25-indexed).

    Prose gets a header naming the report and section, as table chunks already do: without it,
    a question naming the agency («厚街镇…») would pull the table rows (which print the agency)
    ahead of the prose that answers it. BM25 leaves the report's name out: within one report it
    matches every chunk, and short chunks would win on it alone.
    """
    name = _prefix(chunk.meta.get("agency"), chunk.meta.get("year"))
    if chunk.kind != "text":
        return chunk.text if report or not name else chunk.text.removeprefix(name).lstrip()
    head = " ".join(x for x in (name if report else "", chunk.section) if x)
    return f"{head}\n{chunk.text}" if head else chunk.text


def render_cell(value: str) -> str:
    """A grid cell as a reader should see it: 「?(5|58|584)」 → 「无法确定（候选：5/58/584）」."""
    m = _AMBIGUOUS.match(value.strip())
    if m:
        return f"无法确定（候选：{'/'.join(m.group(1).split('|'))}）"
    return value.strip()


def chunk_report(parsed: ParsedReport, text: str) -> list[Chunk]:
    """All chunks of one report, in reading order (tables where they sit in the text)."""
    r = parsed.report
    start, end = body_bounds(text, r.title)
    raw_regions = _raw_table_regions(parsed)
    headings = _headings(text, start, end, raw_regions)
    if headings and r.template:  # crawled portal pages: menus and footers after the last section
        end = _trim_chrome(text, max([headings[-1].end, *(b for _, b in raw_regions.values())]), end)
        tail = _TRAILING_CHROME.search(text, headings[-1].end, end)
        end = tail.start() if tail else end
        headings = [h for h in headings if h.start < end]
    regions = _extend_regions(text, raw_regions, headings, start)
    page_of = _page_lookup(parsed)
    base = {"report_id": r.id, "agency": r.agency, "year": r.year}

    placed: list[tuple[int, Chunk]] = []
    for pos, section, piece in _packed(_sections(text, start, end, headings, regions)):
        placed.append((pos, _chunk(base, piece, section, "text", page_of(pos))))
    for table in parsed.tables:
        pos = regions.get(table.key, (end, end))[0]
        section = _path_at(headings, pos)
        units = {f.unit for f in parsed.facts if f.table == table.key}
        if len(units) == 1 and None not in units:  # the report's own unit (「宗」) over the template's
            table = replace(table, unit=units.pop())
        for grain, piece in table_texts(table, r.agency, r.year):
            placed.append((pos, _chunk(base, piece, _table_section(section, table), "table", table.page,
                                       table=table.key, grain=grain)))
    placed.sort(key=lambda pc: pc[0])
    seen: set[str] = set()
    out = []
    for _, c in placed:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out


# ---- where the report is in the text -------------------------------------------------------------


def _loose(phrase: str) -> re.Pattern[str]:
    """`phrase` with any whitespace between its characters (PDF/crawl text breaks titles anywhere)."""
    return re.compile(r"\s*".join(re.escape(c) for c in phrase if not c.isspace()))


def body_bounds(text: str, title: str | None) -> tuple[int, int]:
    """Where the report starts: at its 「根据《…》」 opening, else after its title, else at 0."""
    first = _L1.search(text)
    limit = first.start() if first else len(text)
    start = 0
    if title:
        hits = list(_loose(title).finditer(text, 0, limit))
        if hits:
            start = hits[-1].end()
    intro = _INTRO.search(text, start, limit)
    if intro:
        start = intro.start()
    return start, len(text)


def _trim_chrome(text: str, after: int, end: int) -> int:
    """End of the last section: the first portal line (附件/分享到/备案号…) or menu of ≥3 short lines."""
    pos = text.find("\n", after)
    run_start, run = -1, 0
    while 0 <= pos < end:
        nxt = text.find("\n", pos + 1)
        line_end = end if nxt < 0 else nxt
        line = text[pos + 1:line_end].strip()
        if line:
            if _CHROME_LINE.match(line):
                return pos
            if len(line) <= 12 and not _SENTENCE_BREAK.search(line):
                run_start, run = (run_start if run else pos), run + 1
                if run >= 3:
                    return run_start
            else:
                run = 0
        if nxt < 0:
            break
        pos = nxt
    return end


# ---- headings and sections -----------------------------------------------------------------------


def _title_after(text: str, i: int) -> str:
    year = _YEAR_LEAD.match(text, i)  # 「（一）2024 年工作中存在问题的改进情况」
    if year:
        return year.group(0) + _title_after(text, year.end())
    m = _TITLE_STOP.search(text, i, i + 30)
    title = text[i:m.start() if m else min(len(text), i + 30)]
    for word in _TITLE_ENDS:
        k = title.find(word)
        if k >= 0:
            title = title[: k + len(word)]
            break
    return title


def _ordinal(numeral: str) -> int:
    if len(numeral) == 1:
        return _NUM.index(numeral) + 1
    if numeral[0] == "十":
        return 10 + _NUM.index(numeral[1]) + 1
    return _NUM.index(numeral[0]) * 10 + 10 + (_NUM.index(numeral[2]) + 1 if len(numeral) > 2 else 0)


def _inside(pos: int, regions: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in regions)


def _headings(text: str, start: int, end: int, regions: dict[str, tuple[int, int]]) -> list[_Heading]:
    """Outline headings in order. Numbering must advance (by one, or two when a section is skipped),
    which rejects list items and template row labels like 「一、本年新收…」 inside a table. When
    the document opens with a table of contents, its entries name the top-level headings instead."""
    spans = list(regions.values())
    found: list[_Heading] = []
    for level, pat in ((1, _L1), (2, _L2)):
        for m in pat.finditer(text, start, end):
            if not _inside(m.start(), spans):
                found.append(_Heading(level, m.start(), m.end(), m.group(0).strip()))
    found.sort(key=lambda h: h.start)
    toc = _toc(text, [h for h in found if h.level == 1])
    if toc:
        found = [h for h in found if h.start >= toc[-1].end] + _toc_lines(text, toc, end)
        found.sort(key=lambda h: h.start)
    out: list[_Heading] = []
    last = {1: 0, 2: 0}
    prev_end = -1
    titles = {t.label for t in toc}
    for h in found:
        if h.level == 1 and toc:
            if h.label not in titles and not any(h.label + _title_after(text, h.end) == t for t in titles):
                continue
        else:
            n = _ordinal(re.sub(rf"[^{_NUM}]", "", h.label))
            if not last[h.level] < n <= last[h.level] + 2:
                continue
            # （一） opens a sub-section after a boundary, or straight after a heading's title
            if h.level == 2 and h.start > 0 and not _L2_BEFORE.match(text[h.start - 1]) and h.start != prev_end:
                continue
            last[h.level] = n
        if h.level == 1:
            last[2] = 0
        title = "" if h.label in titles else _title_after(text, h.end)
        out.append(_Heading(h.level, h.start, h.end + len(title), h.label + title))
        prev_end = h.end + len(title)
    return out


def _toc(text: str, l1: list[_Heading]) -> list[_Heading]:
    """Runs of ≥3 numbered headings a line apart with no sentence between them: a table of contents."""
    runs: list[list[_Heading]] = [[]]
    for h in l1:
        run = runs[-1]
        if run and (h.start - run[-1].start > 40 or _SENTENCE_BREAK.search(text, run[-1].start, h.start)):
            runs.append([])
        runs[-1].append(h)
    entries = [h for run in runs if len(run) >= 3 for h in run]
    return [_Heading(1, h.start, h.end + len(t), h.label + t) for h in entries if (t := _title_after(text, h.end))]


def _toc_lines(text: str, toc: list[_Heading], end: int) -> list[_Heading]:
    """Body lines that repeat a contents entry without its number (「部门主要职能」) are its heading."""
    out = []
    for entry in toc:
        title = split_marker(entry.label)[1]
        for m in re.finditer(rf"(?m)^[ \t]*{re.escape(title)}[ \t]*$", text[:end]):
            if m.start() >= toc[-1].end:
                out.append(_Heading(1, m.start(), m.end(), entry.label))
                break
    return out


def _path_at(headings: list[_Heading], pos: int) -> tuple[str, ...]:
    path: list[str] = []
    for h in headings:
        if h.start > pos:
            break
        path = path[: h.level - 1] + [h.label]
    return tuple(path)


def _sections(
    text: str, start: int, end: int, headings: list[_Heading], regions: dict[str, tuple[int, int]]
) -> Iterable[tuple[int, tuple[str, ...], str | None, str]]:
    """(position, section path, item label, prose) for each stretch between headings and items,
    tables cut out."""
    cuts = sorted({start, end, *(h.start for h in headings if start <= h.start < end)})
    masked = sorted(regions.values())
    for a, b in zip(cuts, cuts[1:], strict=False):
        head = next((h for h in headings if h.start == a), None)
        path = _path_at(headings, a)
        for seg_start, seg_end in _unmasked(head.end if head else a, b, masked):
            body = text[seg_start:seg_end]
            for offset, unit in _split_l3(body):
                item = _item_label(unit) if _L3.match(unit) else None
                if unit.strip():
                    yield seg_start + offset, path, item, unit


def _item_label(unit: str) -> str:
    """「四是妥善做好12345政府热线工单回复工作,…」 → 「四是妥善做好12345政府热线…」 (its first clause, ≤ 16)."""
    label = _L3_LABEL.match(unit).group(0)
    return label if len(label) <= 16 else label[:15] + "…"


def _unmasked(a: int, b: int, masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [a, b) outside every table region."""
    out, pos = [], a
    for x, y in masked:
        if y <= pos or x >= b:
            continue
        if x > pos:
            out.append((pos, x))
        pos = max(pos, y)
    if pos < b:
        out.append((pos, b))
    return out


def _split_l3(body: str) -> list[tuple[int, str]]:
    """Split a section at 一是/二是/1./2. items; the part before the first item keeps offset 0."""
    starts = [0] + [m.start() for m in _L3.finditer(body) if m.start() > 0]
    return [(s, body[s:e]) for s, e in zip(starts, starts[1:] + [len(body)], strict=True)]


# ---- prose pieces --------------------------------------------------------------------------------


def clean_prose(raw: str) -> str:
    """Rejoin hard-wrapped lines, drop page footers (「— 3 —」), keep paragraph breaks."""
    paragraphs: list[str] = []
    current = ""
    for line in raw.split("\n"):
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if _PAGE_FOOTER.match(line):
            continue
        if current and current[-1] not in _SENTENCE_END:
            sep = " " if (current[-1].isascii() and current[-1].isalnum()) or line[0].isascii() else ""
            current += sep + line
        elif current:
            paragraphs.append(current)
            current = line
        else:
            current = line
    if current:
        paragraphs.append(current)
    # a heading's title was cut before its punctuation: 「（一）主动公开方面。按照…」
    return "\n".join(paragraphs).lstrip(_LEADING_PUNCT)


def _pieces(raw: str) -> list[str]:
    text = clean_prose(raw)
    if not text:
        return []
    if len(text) <= PROSE_CHARS:
        return [text]
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=PROSE_CHARS, chunk_overlap=0, separators=_SEPARATORS, keep_separator="end", strip_whitespace=True
    )
    return [p for p in splitter.split_text(text) if p.strip()]


def _packed(units: Iterable[tuple[int, tuple[str, ...], str | None, str]]) -> Iterable[tuple[int, str, str]]:
    """Merge neighbouring items (一是…, 二是…) of one sub-section while they fit in MAX_CHARS.

    A chunk that holds one item names it in its section path; a merged chunk keeps the path the
    items share. Items of different sub-sections are never merged.
    """
    current: list = []  # [pos, path, item label or None, text]
    joiner = "\n"
    for pos, path, unit_item, raw in units:
        for i, piece in enumerate(_pieces(raw)):
            item = unit_item if i == 0 else None  # later pieces of a long item no longer start with it
            if current and current[1] == path and len(current[3]) + 1 + len(piece) <= PROSE_CHARS:
                current[2] = None
                current[3] += joiner + piece
                continue
            if current:
                yield _finish(current)
            current = [pos, path, item, piece]
        # items inside one paragraph (「不足：一是…；二是…」) are rejoined without a line break
        joiner = "\n" if "\n" in raw[len(raw.rstrip()):] else ""
    if current:
        yield _finish(current)


def _finish(c: list) -> tuple[int, str, str]:
    pos, path, item, text = c
    return pos, " > ".join(path + ((item,) if item else ())), text


# ---- tables --------------------------------------------------------------------------------------


def _raw_table_regions(parsed: ParsedReport) -> dict[str, tuple[int, int]]:
    """Per table key, the text span from its first to its last parsed cell."""
    regions: dict[str, tuple[int, int]] = {}
    for f in parsed.facts:
        if f.table == "prose" or not f.span:
            continue
        a, b = regions.get(f.table, f.span)
        regions[f.table] = (min(a, f.span[0]), max(b, f.span[1]))
    return regions


def _extend_regions(
    text: str, regions: dict[str, tuple[int, int]], headings: list[_Heading], start: int
) -> dict[str, tuple[int, int]]:
    """Reach back from a table's first cell over its column headers, up to the last heading,
    sentence end or number before it (headers hold no numbers; never more than _BACK_LIMIT)."""
    out: dict[str, tuple[int, int]] = {}
    ends = sorted([h.end for h in headings] + [b for _, b in regions.values()])
    for key, (a, b) in sorted(regions.items(), key=lambda kv: kv[1]):
        i = bisect.bisect_right(ends, a) - 1
        floor = max(start, ends[i] if i >= 0 else start)
        stops = [m.end() for m in _HEADER_STOP.finditer(text, floor, a)]
        back = stops[-1] if stops else floor
        out[key] = (back if a - back <= _BACK_LIMIT else a, b)
    return out


def _table_section(path: tuple[str, ...], table: Table) -> str:
    if table.title and not any(table.title in p for p in path):
        path = path + (table.title,)
    return " > ".join(path)


def _column_names(paths: tuple[tuple[str, ...], ...]) -> list[str]:
    """Short names when the last header level is unique (商业企业), else the full path."""
    last = [p[-1] if p else "" for p in paths]
    if len(set(last)) == len(last):
        return last
    return ["".join(p) for p in paths]


def _named_cells(table: Table, cells: tuple[str, ...]) -> str:
    """「自然人12，商业企业2，…」 — for t2 the cells themselves read 「column:value」."""
    if not table.column_paths:
        parts = []
        for cell in cells:
            name, sep, value = cell.rpartition(":")
            parts.append(f"{name}{render_cell(value)}" if sep else render_cell(cell))
        return "，".join(parts)
    if len({p[:-1] for p in table.column_paths}) > 1 and len({p[-1] for p in table.column_paths}) < len(cells):
        groups: list[tuple[tuple[str, ...], list[str]]] = []
        for path, cell in zip(table.column_paths, cells, strict=False):
            if not groups or groups[-1][0] != path[:-1]:
                groups.append((path[:-1], []))
            groups[-1][1].append(f"{path[-1]}{render_cell(cell)}")
        return "；".join(f"{''.join(g)}：{'，'.join(items)}" for g, items in groups)
    names = _column_names(table.column_paths)
    return "，".join(f"{n}{render_cell(c)}" for n, c in zip(names, cells, strict=False))


def _prefix(agency: str | None, year: int | None) -> str:
    return " ".join(x for x in (agency, f"{year} 年" if year else None) if x)


def table_texts(table: Table, agency: str | None, year: int | None) -> list[tuple[str, str]]:
    """("rows", slice of whole rows under the table's title and header) for every slice, then, for
    template tables, ("row", one sentence naming every cell — or 「各项均为0」) for every row."""
    if table.template_table:
        rows = list(zip(table.row_paths, table.cells, strict=False))
        sentences = [f"{' '.join(rp)}：{'各项均为0' if _all_zero(cells) else _named_cells(table, cells)}"
                     for rp, cells in rows]
        if len(table.column_paths) > 1 and len(rows) > 1:  # one header line, then bare values
            lines = [f"{' '.join(rp)}：{'，'.join(render_cell(c) for c in cells)}" for rp, cells in rows]
        else:
            lines = sentences
        header = _header(table, agency, year, compact=len(lines) > 1 and lines is not sentences)
        return [("rows", t) for t in _pack_rows(header, lines)] + [
            ("row", f"{_prefix(agency, year)} {table.title} {line}".strip()) for line in sentences
        ]
    return [("rows", t) for t in _pack_rows(_header(table, agency, year, compact=True), _generic_rows(table))]


def _all_zero(cells: tuple[str, ...]) -> bool:
    """A row of zeros says one thing; naming each of its cells would only cost embedding time."""
    return bool(cells) and all(c.rpartition(":")[2].strip() == "0" for c in cells)


def _header(table: Table, agency: str | None, year: int | None, compact: bool) -> str:
    title = " ".join(x for x in (_prefix(agency, year), table.title or table.key) if x)
    unit = f"（单位：{table.unit}）" if table.unit else ""
    cols = "｜".join(n for n in _column_names(table.column_paths) if n)
    return f"{title}{unit}\n列：{cols}" if compact and cols else f"{title}{unit}"


def _generic_rows(table: Table) -> list[str]:
    """Data rows of a non-template table, each cell named by its column; header rows are skipped."""
    names = _column_names(table.column_paths) if table.column_paths else []
    lines = []
    for rp, cells in zip(table.row_paths, table.cells, strict=False):
        if not rp:
            continue
        parts = []
        for i, cell in enumerate(cells):
            cell = cell.strip()
            if not cell or cell in rp:
                continue
            name = names[i] if i < len(names) else ""
            numeric = bool(re.fullmatch(r"[-+(（]?[\d,]+(?:\.\d+)?[)）%％]?", cell))
            parts.append(f"{name}{render_cell(cell)}" if numeric and name and name not in rp else cell)
        lines.append(f"{' > '.join(rp)}：{'，'.join(parts)}" if parts else " > ".join(rp))
    return lines


def _pack_rows(header: str, lines: list[str]) -> list[str]:
    """Group whole rows under the header, each group ≤ MAX_CHARS (a longer row stands alone)."""
    out: list[str] = []
    current: list[str] = []
    size = len(header)
    for line in lines:
        if current and size + 1 + len(line) > MAX_CHARS:
            out.append("\n".join([header, *current]))
            current, size = [], len(header)
        current.append(line)
        size += 1 + len(line)
    if current:
        out.append("\n".join([header, *current]))
    return out


# ---- chunk objects -------------------------------------------------------------------------------


def _page_lookup(parsed: ParsedReport) -> Callable[[int], int | None]:
    """Page of a text offset, from the nearest located fact before it (the loader's pages reach us
    only through facts); None for formats without pages."""
    located = sorted({(f.span[0], f.page) for f in parsed.facts if f.span and f.page is not None})
    starts = [s for s, _ in located]

    def page_of(pos: int) -> int | None:
        if not located:
            return None
        i = bisect.bisect_right(starts, pos) - 1
        return located[max(i, 0)][1]

    return page_of


def _chunk(base: dict, text: str, section: str, kind: str, page: int | None, **extra: str) -> Chunk:
    meta = {k: v for k, v in {**base, "section": section, "kind": kind, "page": page, **extra}.items() if v is not None}
    draft = Chunk("", base["report_id"], text, section, kind, page, meta)
    return replace(draft, id=chunk_id(base["report_id"], passage_text(draft)))
