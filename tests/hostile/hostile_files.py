"""Hostile inputs, built in a test's tmp folder from the bundled seed report: each reproduces one
way a stranger's file made the reader spend unbounded time or memory, or crash."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[2]
SEED = ROOT / "samples" / "00_houjie_zhen_2023.txt"
GLUED = ROOT / "samples" / "07_pingtan_zone_2019.txt"  # crawled text whose table digits are glued
GLUED_ROW = "一、本年新收政府信息公开申请数量230 000023"


def glued_row(folder: Path, digits: int, seed: int = 1) -> Path:
    """A report whose first table-三 row is one run of `digits` glued digits."""
    rng = random.Random(seed)
    run = "".join(rng.choice("123456789") for _ in range(digits))
    text = GLUED.read_text(encoding="utf-8")
    assert GLUED_ROW in text
    path = folder / f"glued_{digits}.txt"
    path.write_text(text.replace(GLUED_ROW, GLUED_ROW[:-len("230 000023")] + run), encoding="utf-8")
    return path


def docx_bomb(folder: Path, inflated_mb: int = 400) -> Path:
    """A .docx of about a megabyte whose document.xml inflates to `inflated_mb` MB."""
    path = folder / "bomb.docx"
    chunk = b"<w:p><w:r><w:t>0</w:t></w:r></w:p>" * 30_000  # ~1 MB, compresses ~1000:1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w") as f:
            f.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(inflated_mb):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return path


def span_bomb(folder: Path, rows: int = 60) -> Path:
    """An HTML page whose every row holds one cell with rowspan=0 colspan=1000 (2–3 KB in all)."""
    path = folder / "span_bomb.html"
    row = '<tr><td rowspan="0" colspan="1000">1</td></tr>'
    path.write_text(f"<html><body><table>{row * rows}</table></body></html>", encoding="utf-8")
    return path


def nested(folder: Path, depth: int) -> Path:
    """The seed report's paragraphs inside `depth` nested <div>s."""
    body = "".join(f"<p>{line}</p>" for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip())
    path = folder / f"nested_{depth}.html"
    path.write_text(f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>", encoding="utf-8")
    return path


def flat_html(folder: Path, paragraphs: int = 400_000) -> Path:
    """A plain page of many tiny paragraphs: no single guard applies, only the time and memory budget."""
    path = folder / "many_paragraphs.html"
    path.write_text("<html><body>" + "<p>1</p>" * paragraphs + "</body></html>", encoding="utf-8")
    return path


def utf16_without_bom(folder: Path) -> Path:
    path = folder / "utf16_no_bom.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16-le"))
    return path
