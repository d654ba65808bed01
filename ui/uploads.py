"""Uploaded report files, from the REST API and the chat page alike: checked, kept, then ingested.

Checks that need only the name and the size (type, emptiness, size) happen here, before any
parsing, so a bad upload is refused cheaply with a message that says what to do. Accepted files
are kept under `<data dir>/uploads/` because the report id and its recorded source come from the
file's name and place. An upload never replaces a stored report it does not match: a file named
like a stored report but with other content is kept as a new version beside it (`name-2`), so no
stranger can change the answers about a report someone else uploaded.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


@dataclass
class UploadRejected(Exception):
    """An upload refused before ingest; `status` is the HTTP status that fits (413, 415, 422)."""

    status: int
    message: str

    def __str__(self) -> str:
        return self.message


def safe_name(name: str) -> str:
    """The file name without any folder part or odd characters: it becomes the report id."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = _UNSAFE.sub("_", stem).strip("._") or "report"
    return stem[:120] + suffix


def check_upload(name: str, size: int | None, max_bytes: int) -> None:
    """Refuse by type, emptiness or size, with the limit in the message."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected(415, f"{name!r}: unsupported file type {suffix or '(none)'!r}; "
                                  f"upload one of {', '.join(ALLOWED_SUFFIXES)}.")
    if size is not None and size > max_bytes:
        raise UploadRejected(413, f"{name!r} is {size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB "
                                  "(REPORTQA_MAX_UPLOAD_MB).")
    if size == 0:
        raise UploadRejected(422, f"{name!r} is empty; upload the report file itself.")


def keep_upload(data_dir: Path, name: str, src: BinaryIO | Path, max_bytes: int,
                stored: Callable[[str], str | None] = lambda report_id: None) -> Path:
    """Copy an accepted upload under the data dir, stopping at the size limit whatever the sender claimed.

    Each upload gets a folder named by its content hash, so a failed upload never overwrites the
    file behind a report already stored under the same name. `stored(report_id)` gives the content
    hash of a stored report (None when there is none): a name taken by other content gets a
    version suffix instead of replacing it.
    """
    folder = data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    with tmp.open("wb") as out:
        if isinstance(src, Path):
            with src.open("rb") as f:
                written = _copy(f, out, max_bytes, digest)
        else:
            written = _copy(src, out, max_bytes, digest)
    if written > max_bytes or written == 0:
        tmp.unlink()
        check_upload(name, written, max_bytes)
    dest = folder / digest.hexdigest()[:16] / version_name(safe_name(name), digest.hexdigest(), stored)
    dest.parent.mkdir(exist_ok=True)
    tmp.replace(dest)
    return dest


def version_name(name: str, sha256: str, stored: Callable[[str], str | None], most: int = 100) -> str:
    """`name`, or `stem-2.ext`, `stem-3.ext`… : the first whose report is absent or holds this same content."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, most + 1):
        candidate = stem if n == 1 else f"{stem[:115]}-{n}"
        if stored(candidate) in (None, sha256):
            return candidate + suffix
    raise UploadRejected(409, f"{name!r}: {most} versions of this report are stored already; delete some first.")


def public_error(message: str, path: Path, name: str) -> str:
    """An error as a stranger may read it: the kept file's server path shown as the uploaded name,
    no other folder of this machine, and never longer than a few lines."""
    for long in sorted({str(path), str(path.resolve()), path.name}, key=len, reverse=True):
        message = message.replace(long, name or "(no name)")
    message = re.sub(r"(?:/[\w.\-]+)+/", "", message)
    return message if len(message) <= 400 else message[:400] + "…"


def _copy(src: BinaryIO, out: BinaryIO, max_bytes: int, digest) -> int:
    """Copy at most one byte past the limit: enough to know it was over."""
    written = 0
    while chunk := src.read(min(1 << 20, max_bytes + 1 - written)):
        out.write(chunk)
        digest.update(chunk)
        written += len(chunk)
        if written > max_bytes:
            break
    return written


def forget_upload(path: Path) -> None:
    """Drop a kept upload whose ingest failed, so a broken file does not linger as if it were a report."""
    path.unlink(missing_ok=True)
    if path.parent.exists() and not any(path.parent.iterdir()):
        path.parent.rmdir()
