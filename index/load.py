"""The single entry for reading a report file: size and sanity checks, then one loader per format.

The format is decided by content first and extension second: a PDF or a zip is recognised by
its first bytes whatever it is called, an HTML page or a Markdown file by its markup (a page saved
as .txt is still read as HTML, its tables as tables), and a .docx that is not a zip is refused with
a message that says so, instead of failing somewhere inside python-docx. The extension only
decides between formats the bytes do not tell apart.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from index.errors import LoadError
from index.load_docx import load_docx
from index.load_html import load_html
from index.load_text import load_markdown, load_text
from index.models import Document

DEFAULT_MAX_BYTES = 50 * 2**20

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls
_HTML_STARTS = (b"<!doctype html", b"<html")
# Elements that only HTML prints: a page (or an article cut out of one) holds several of them.
_HTML_TAG = re.compile(rb"<(?:p|div|table|tr|td|th|br|span|tbody|body|head|meta|html|h[1-6])\b[^>]*>", re.IGNORECASE)
_HTML_MIN_TAGS = 5
_MD_TABLE_RULE = re.compile(rb"^\s*\|?\s*:?-{3,}:?\s*\|", re.MULTILINE)
_MD_HEADING = re.compile(rb"^#{1,6} \S", re.MULTILINE)
_SNIFF_BYTES = 65536


def load_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one report file into a `Document` of text and table blocks.

    Raises LoadError for a missing, oversized, empty, binary or mislabelled file, with a
    message naming the file and what to do about it.
    """
    path = Path(path)
    data = read_bounded(path, max_bytes)
    kind = detect_format(path, data)
    if kind == "pdf":
        from index.load_pdf import load_pdf  # pdfplumber is heavy; import it only for PDFs

        return load_pdf(path, data)
    if kind == "docx":
        return load_docx(path, data)
    if kind == "html":
        return load_html(path, data)
    if kind == "md":
        return load_markdown(path, data)
    return load_text(path, data)


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing it from its size alone when it is over `max_bytes`.

    The size is checked with stat before any read so a huge upload costs nothing, and the
    read itself is bounded in case the file grows in between.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoadError(f"{path} does not exist; check the path.") from exc
    except OSError as exc:
        raise LoadError(f"{path} cannot be read: {exc}.") from exc
    if not path.is_file():
        raise LoadError(f"{path} is not a regular file; give the path of one report file.")
    if size > max_bytes:
        raise LoadError(_too_big(path, size, max_bytes))
    if size == 0:
        raise LoadError(f"{path} is empty (0 bytes); the download or upload probably failed.")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise LoadError(f"{path} cannot be read: {exc}.") from exc
    if len(data) > max_bytes:
        raise LoadError(_too_big(path, len(data), max_bytes))
    if not data:
        raise LoadError(f"{path} is empty (0 bytes); the download or upload probably failed.")
    return data


def _too_big(path: Path, size: int, max_bytes: int) -> str:
    return (
        f"{path} is {size / 2**20:.1f} MB ({size} bytes), over the limit of {max_bytes / 2**20:g} MB; "
        "split the file or raise the limit with REPORTQA_MAX_UPLOAD_MB."
    )


def detect_format(path: Path, data: bytes) -> str:
    """One of pdf, docx, html, md, txt, from the leading bytes and then the extension."""
    suffix = path.suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if suffix == ".pdf":
        raise LoadError(f"{path} is named .pdf but has no %PDF header; it is not a PDF (or it is damaged).")
    if head.startswith(_ZIP_MAGIC):
        return _zip_format(path, data)
    if suffix == ".docx":
        hint = " It looks like an old Word .doc; save it as .docx." if head.startswith(_OLE_MAGIC) else ""
        raise LoadError(f"{path} is named .docx but is not a zip archive, so it is not a Word .docx.{hint}")
    if head.startswith(_OLE_MAGIC):
        raise LoadError(f"{path} is an old Office file (.doc/.xls); save it as .docx or PDF and try again.")
    if _looks_like_html(head) or _has_html_markup(data[:_SNIFF_BYTES]):
        return "html"
    if _has_markdown_markup(data[:_SNIFF_BYTES]):
        return "md"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "md"
    return "txt"


def _zip_format(path: Path, data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise LoadError(f"{path} starts like a zip archive but is damaged or truncated: {exc}.") from exc
    if "word/document.xml" in names:
        return "docx"
    raise LoadError(
        f"{path} is a zip archive but not a Word .docx (no word/document.xml); "
        "supported formats are PDF, DOCX, HTML, Markdown and plain text."
    )


def _has_html_markup(data: bytes) -> bool:
    """Several HTML elements, and a closing tag: markup, not a text that mentions a tag."""
    return len(_HTML_TAG.findall(data)) >= _HTML_MIN_TAGS and (b"</" in data)


def _has_markdown_markup(data: bytes) -> bool:
    """A pipe table's rule line, or at least two ATX headings."""
    return bool(_MD_TABLE_RULE.search(data)) or len(_MD_HEADING.findall(data)) >= 2


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(_HTML_STARTS)
