"""The national report templates, loaded from `templates.json` into typed definitions.

Both the parser (to rebuild flattened tables) and the question side (to map everyday words to
cells) read this one source; a new template version is a new entry in the JSON, not new code.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("templates.json")


@dataclass(frozen=True)
class ColumnDef:
    key: str
    path: tuple[str, ...]
    aliases: tuple[str, ...]
    unit: str | None = None
    default: bool = False  # what a question naming no column of the row means


@dataclass(frozen=True)
class RowDef:
    """A template row. Rows with no columns of their own are headings (第二十条第(一)项, (三)不予公开)."""

    key: str
    label: str
    parent: str | None
    aliases: tuple[str, ...]
    columns: tuple[ColumnDef, ...]
    weak_aliases: tuple[str, ...] = ()

    @property
    def core(self) -> str:
        """The label without its list marker: 「1.属于国家秘密」 → 「属于国家秘密」."""
        return split_marker(self.label)[1]

    @property
    def marker(self) -> str:
        return split_marker(self.label)[0]


@dataclass(frozen=True)
class TableDef:
    key: str
    title: str
    unit: str
    rows: tuple[RowDef, ...]

    def row(self, key: str) -> RowDef:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def children(self, key: str) -> tuple[RowDef, ...]:
        return tuple(r for r in self.rows if r.parent == key)

    def row_path(self, key: str) -> tuple[str, ...]:
        row = self.row(key)
        return (*self.row_path(row.parent), row.label) if row.parent else (row.label,)


@dataclass(frozen=True)
class Identity:
    name: str
    table: str
    per: str  # "column": rows are summed, for each column; "row": columns are summed, for each row
    left: tuple[str, ...]
    right: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Derived:
    """A measure people ask for that the template splits: 行政诉讼 = 直接起诉 + 复议后起诉."""

    key: str
    label: str
    parts: tuple[tuple[str, str, str], ...]  # (table, row key, column key)


@dataclass(frozen=True)
class T4Words:
    """Everyday words for table 四: its groups (复议, 直接起诉, 复议后起诉, 诉讼 = both) and outcomes."""

    groups: dict[str, tuple[str, ...]]
    group_labels: dict[str, str]
    outcomes: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Template:
    version: str
    tables: tuple[TableDef, ...]
    identities: tuple[Identity, ...]
    markers: tuple[str, ...]
    t4_words: T4Words | None = None

    def table(self, key: str) -> TableDef:
        for t in self.tables:
            if t.key == key:
                return t
        raise KeyError(key)


def normalize(text: str) -> str:
    """NFKC (full-width brackets and digits become ASCII) so labels compare across sources."""
    return unicodedata.normalize("NFKC", text)


_MARKERS = "一二三四五六七八九十"


def split_marker(label: str) -> tuple[str, str]:
    """Split 「(三)不予公开」 / 「1.属于…」 / 「一、本年新收…」 into (marker, core)."""
    s = normalize(label)
    if s.startswith("(") and ")" in s[:5]:
        i = s.index(")") + 1
        return s[:i], s[i:]
    for sep in (".", "、"):
        head, _, tail = s.partition(sep)
        if tail and 0 < len(head) <= 2 and all(c.isdigit() or c in _MARKERS for c in head):
            return head + sep, tail
    return "", s


def _columns(raw: list[dict]) -> tuple[ColumnDef, ...]:
    return tuple(
        ColumnDef(c["key"], tuple(c["path"]), tuple(c.get("aliases", ())), c.get("unit"), c.get("default", False))
        for c in raw
    )


def _t3_rows(data: dict, version: str, cols: tuple[ColumnDef, ...]) -> tuple[RowDef, ...]:
    spec = data["t3_rows"][version]
    if isinstance(spec, dict):  # derived from another version
        base = _t3_rows(data, spec["like"], cols)
        drop = set(spec.get("drop_children_of", ()))
        return tuple(r for r in base if r.parent not in drop)
    return tuple(
        RowDef(r["key"], r["label"], r.get("parent"), tuple(r.get("aliases", ())), cols,
               tuple(r.get("weak_aliases", ())))
        for r in spec
    )


def _t2_rows(data: dict, version: str) -> tuple[RowDef, ...]:
    rows: list[RowDef] = []
    for g in data["t2_groups"][version]:
        gkey = "art20_" + str(_ordinal(split_marker(g["label"].replace("第二十条第", ""))[0]))
        rows.append(RowDef(gkey, g["label"], None, (), ()))
        cols = _columns(data["column_sets"][g["columns"]])
        rows.extend(RowDef(r["key"], r["label"], gkey, tuple(r.get("aliases", ())), cols) for r in g["rows"])
    return tuple(rows)


def _ordinal(marker: str) -> int:
    ch = marker.strip("()、.")
    return _MARKERS.index(ch) + 1 if ch in _MARKERS else int(ch)


@cache
def load_templates() -> dict[str, Template]:
    """Every template version by name ("2019", "2021")."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    meta = data["tables"]
    t3cols = _columns(data["column_sets"]["t3"])
    t4cols = _columns(data["column_sets"]["t4"])
    identities = tuple(
        Identity(i["name"], i["table"], i["per"], tuple(i["left"]), tuple(i["right"]), i["description"])
        for i in data["identities"]
    )
    out = {}
    for version in data["t2_groups"]:
        t4row = RowDef(meta["t4"]["row_key"], meta["t4"]["row_label"], None, (), t4cols)
        tables = (
            TableDef("t2", meta["t2"]["title"], meta["t2"]["unit"], _t2_rows(data, version)),
            TableDef("t3", meta["t3"]["title"], meta["t3"]["unit"], _t3_rows(data, version, t3cols)),
            TableDef("t4", meta["t4"]["title"], meta["t4"]["unit"], (t4row,)),
        )
        markers = tuple(normalize(m) for m in data["version_markers"][version])
        w = data["t4_words"]
        words = T4Words({k: tuple(v) for k, v in w["groups"].items()}, dict(w["group_labels"]),
                        {k: tuple(v) for k, v in w["outcomes"].items()})
        out[version] = Template(version, tables, identities, markers, words)
    return out


def detect_version(text: str, year: int | None) -> str:
    """Which template a report follows: by the column labels it prints, else by its year."""
    flat = "".join(normalize(text).split())
    scores = {v: sum(m in flat for m in t.markers) for v, t in load_templates().items()}
    best = max(scores, key=lambda v: scores[v])
    if scores[best]:
        return best
    return "2019" if year is not None and year <= 2020 else "2021"
