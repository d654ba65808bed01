"""HTML report pages to blocks: the article's paragraphs and tables, without the site around it.

Government CMS pages (TRS and the like) wrap a report in navigation, scripts and footers that
can be most of the file; only the article container is read. Tables keep their shape: rowspan
and colspan are expanded so every grid position holds the text of the cell covering it.

Pages come from strangers, so the work is bounded: the tree is walked without recursion (any
depth), the article is found in one pass over it, and spans and table grids are capped.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from index.errors import LoadError
from index.load_text import clean_cell, decode_text, make_document, table_block
from index.models import Block, Document

# Chrome that never belongs to a report body.
_DROP = "script style noscript template nav header footer aside form iframe select button svg object embed".split()
_BLOCK_TAGS = frozenset(
    "address article blockquote center dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 hr li "
    "main ol p pre section ul caption tbody thead tfoot tr td th".split()
)
# Article containers of common Chinese government CMSs, most specific first.
_ARTICLE_SELECTORS = ("div.TRS_Editor", "div.TRS_UEDITOR", "div#zoom", "div#UCAP-CONTENT", "article")
_MIN_ARTICLE_CHARS = 50
_PARAGRAPH_TAGS = frozenset("p table h1 h2 h3 h4 h5 h6 pre span font strong b".split())
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# TRS CMS <meta name=...> tags, written as the crawler header lines metadata extraction reads.
_META_HEADER = (("ArticleTitle", "标题"), ("PubDate", "发布时间"), ("ContentSource", "发布机构"))
# Table budgets: a span covers at most this many rows or columns, a table at most this many grid
# positions (a real report table has a few hundred).
MAX_ROWSPAN = 100
MAX_COLSPAN = 50
MAX_TABLE_CELLS = 50_000
_BLOCK_CHILDREN = frozenset(("div", "table", "section", "ul", "ol"))


def load_html(path: Path, data: bytes) -> Document:
    """Load an HTML page: a metadata block, then the article's text and table blocks in order."""
    text = decode_text(data, str(path), declared=declared_charset(data))
    soup = BeautifulSoup(text, "lxml")
    header = _header_block(soup)
    for tag in soup.find_all(_DROP):
        tag.decompose()
    blocks = html_blocks(_article(soup))
    return make_document(path, data, "html", [header, *blocks] if header else blocks)


def declared_charset(data: bytes) -> str | None:
    """The charset named by a <meta> tag near the top of the page, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _header_block(soup: BeautifulSoup) -> Block | None:
    """Title, date and publisher from the page's meta tags, or its <title>.

    Written in the crawler's 「标题: …」 form so metadata extraction reads HTML and crawled
    text the same way; the article body itself often omits the title.
    """
    lines = []
    for name, label in _META_HEADER:
        meta = soup.find("meta", attrs={"name": name})
        value = meta.get("content", "") if isinstance(meta, Tag) else ""
        if isinstance(value, str) and value.strip():
            lines.append(f"{label}: {value.strip()}")
    if not lines and soup.title and soup.title.get_text(strip=True):
        # Page titles read 「report_column_site」; the report title is the first part.
        lines.append(f"标题: {soup.title.get_text(strip=True).split('_')[0]}")
    return Block(kind="text", text="\n".join(lines)) if lines else None


def _article(soup: BeautifulSoup) -> Tag:
    """The element holding the report: a known CMS container, else the densest element."""
    stats = _TreeStats(soup)
    for selector in _ARTICLE_SELECTORS:
        name, _, rest = selector.partition(".") if "." in selector else selector.partition("#")
        attr = "class" if "." in selector else "id"
        found = [tag for tag in stats.tags if tag.name == name and (not rest or _has(tag, attr, rest))
                 and stats.text_len(tag) >= _MIN_ARTICLE_CHARS]
        if found:
            return max(found, key=stats.text_len)
    candidates = [tag for tag in stats.tags if tag.name in ("div", "section", "main", "td", "body")]
    best = max(candidates, key=stats.score, default=None)
    if best is not None and stats.score(best) >= _MIN_ARTICLE_CHARS:
        return best
    return soup.body or soup


def _has(tag: Tag, attr: str, value: str) -> bool:
    """`div.X` / `div#X` matching without a CSS engine (one pass over a deep page, not one per selector)."""
    got = tag.get(attr)
    return value in got if isinstance(got, list) else got == value


class _TreeStats:
    """Per-element text length and whether a block element sits below it, computed once, bottom up,
    so scoring every candidate costs one pass over the tree, not one per candidate."""

    def __init__(self, root: Tag):
        self._text: dict[int, int] = {}
        self._blocky: dict[int, bool] = {}
        self.tags = tags = [root, *(d for d in root.descendants if isinstance(d, Tag))]
        for tag in reversed(tags):  # document order reversed: children before their parents
            length, blocky = 0, False
            for child in tag.children:
                if isinstance(child, Tag):
                    length += self._text[id(child)]
                    blocky = blocky or child.name in _BLOCK_CHILDREN or self._blocky[id(child)]
                elif isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                    length += len(child.strip())
            self._text[id(tag)], self._blocky[id(tag)] = length, blocky

    def text_len(self, tag: Tag) -> int:
        return self._text.get(id(tag), 0)

    def score(self, tag: Tag) -> int:
        """Text held directly by this element's paragraphs, tables and bare strings.

        Counting only direct children favours the innermost element that holds the article's
        paragraphs, rather than <body>, which holds everything including the chrome.
        """
        score = 0
        for child in tag.children:
            if isinstance(child, NavigableString) and not isinstance(child, PreformattedString):
                score += len(child.strip())
            elif isinstance(child, Tag) and (child.name in _PARAGRAPH_TAGS or self._paragraph_div(child)):
                score += self.text_len(child)
        return score

    def _paragraph_div(self, tag: Tag) -> bool:
        """A <div> used as a paragraph (some editors write one per line): no block children."""
        return tag.name == "div" and not self._blocky.get(id(tag), False)


def html_blocks(root: Tag) -> list[Block]:
    """Text blocks from block-level elements and table blocks from <table>, in document order."""
    blocks: list[Block] = []
    buffer: list[str] = []
    _walk(root, blocks, buffer)
    _flush(blocks, buffer)
    return blocks


def _walk(root: Tag, blocks: list[Block], buffer: list[str]) -> None:
    """Document order, depth first, with an explicit stack: a page nested 100,000 deep is just long."""
    stack = [(iter(root.children), False)]
    while stack:
        children, is_block = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if is_block:
                _flush(blocks, buffer)
            continue
        if isinstance(child, PreformattedString):  # comments, CDATA, doctype
            continue
        if isinstance(child, NavigableString):
            buffer.append(str(child))
        elif not isinstance(child, Tag):
            continue
        elif child.name == "table":
            _flush(blocks, buffer)
            grid, origins = table_grid(child)
            if grid:
                blocks.append(table_block(grid, origins))
        elif child.name == "br":
            buffer.append("\n")
        elif child.name in _BLOCK_TAGS:
            _flush(blocks, buffer)
            stack.append((iter(child.children), True))
        else:
            stack.append((iter(child.children), False))


def _flush(blocks: list[Block], buffer: list[str]) -> None:
    lines = [clean_cell(line) for line in "".join(buffer).split("\n")]
    text = "\n".join(line for line in lines if line)
    if text:
        blocks.append(Block(kind="text", text=text))
    buffer.clear()


def table_grid(table: Tag) -> tuple[list[list[str]], list[list[int]]]:
    """The table as a rectangular grid, spans expanded, plus which source cell fills each spot.

    A cell spanning several rows or columns has its text copied into every position it covers,
    so each row reads completely on its own (「三、本年度办理结果」 on every result row).
    """
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    filled: dict[tuple[int, int], tuple[str, int]] = {}
    cell_id = 0
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in filled:
                c += 1
            rowspan = _span(td.get("rowspan"), min(len(rows) - r, MAX_ROWSPAN))
            colspan = _span(td.get("colspan"), MAX_COLSPAN)
            if len(filled) + rowspan * colspan > MAX_TABLE_CELLS:
                raise LoadError(f"an HTML table covers more than {MAX_TABLE_CELLS:,} cells once its rowspan/colspan "
                                "are expanded; a report table has a few hundred, so the page is refused.")
            text = cell_text(td)
            for dr in range(rowspan):
                for dc in range(colspan):
                    filled.setdefault((r + dr, c + dc), (text, cell_id))
            cell_id += 1
            c += colspan
    width = max((c for _, c in filled), default=-1) + 1
    grid = [[filled.get((r, c), ("", -1 - c))[0] for c in range(width)] for r in range(len(rows))]
    origins = [[filled.get((r, c), ("", -1 - c))[1] for c in range(width)] for r in range(len(rows))]
    return grid, origins


def _span(value: object, rest: int) -> int:
    """A rowspan/colspan attribute as a count; 0 means "to the end", junk means 1."""
    try:
        span = int(str(value).strip())
    except ValueError:
        return 1
    return rest if span == 0 else max(1, min(span, rest))


def cell_text(cell: Tag) -> str:
    """A cell's text with <br/>, <p> and &nbsp; padding reduced to single spaces or nothing."""
    parts: list[str] = []
    for node in cell.descendants:
        if isinstance(node, PreformattedString):
            continue
        if isinstance(node, NavigableString):
            parts.append(str(node))
        elif isinstance(node, Tag) and (node.name == "br" or node.name in _BLOCK_TAGS):
            parts.append(" ")
    return clean_cell("".join(parts))
