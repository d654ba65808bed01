"""Write a facts frame as CSV, Parquet, Excel or JSON Lines, through the libraries made for each.

The bytes are built in memory so the CLI can write a file and the API can send a download from the
same call. CSV carries a byte-order mark, so spreadsheet programs open its Chinese text as UTF-8.
Text from reports reaches an Excel sheet as text, never as a formula: a label that begins with
``=`` stays the characters it is.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

from index.errors import ReportQAError

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "parquet", "xlsx", "jsonl")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
XLSX_MAX_ROWS = 1_048_575  # a sheet holds 1,048,576 rows, one of them the header


def format_of(name: str, given: str | None = None) -> str:
    """The format asked for, else the one a file name's extension names, else CSV."""
    fmt = given or (name.rsplit(".", 1)[-1].lower() if "." in name else "csv")
    fmt = {"xls": "xlsx", "pq": "parquet", "ndjson": "jsonl", "json": "jsonl"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise ReportQAError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    return fmt


def frame_bytes(frame: pd.DataFrame, fmt: str, sheet: str = "facts") -> bytes:
    """The frame in one of `FORMATS`, as the bytes of a file."""
    fmt = format_of("", fmt)
    buf = io.BytesIO()
    if fmt == "csv":
        buf.write(frame.to_csv(index=False).encode("utf-8-sig"))
    elif fmt == "jsonl":
        # the standard library's encoder writes each float by its shortest exact form (pandas' rounds to 10 places)
        names = [str(c) for c in frame.columns]
        columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame.columns]
        buf.write("".join(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"
                          for row in zip(*columns, strict=True)).encode("utf-8"))
    elif fmt == "parquet":
        frame.to_parquet(buf, engine="pyarrow", index=False)
    else:
        _xlsx(frame, buf, sheet)
    return buf.getvalue()


def _xlsx(frame: pd.DataFrame, buf: io.BytesIO, sheet: str) -> None:
    import pandas as pd
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if len(frame) > XLSX_MAX_ROWS:
        raise ReportQAError(f"{len(frame):,} rows do not fit in one Excel sheet ({XLSX_MAX_ROWS:,} at most): "
                            "narrow the selection, or export CSV or Parquet.")
    text_cols = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c])]
    # control characters that PDFs sometimes carry are not allowed in a sheet's XML
    clean = frame.assign(**{c: frame[c].map(_strip_illegal(ILLEGAL_CHARACTERS_RE), na_action="ignore")
                            for c in text_cols})
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        clean.to_excel(writer, sheet_name=sheet, index=False)
        ws = writer.sheets[sheet]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula: keep it text
                    cell.data_type = "s"
        ws.freeze_panes = "A2"


def _strip_illegal(pattern):
    return lambda s: pattern.sub("", s)
