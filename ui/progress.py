"""Upload progress in stages a person can follow: reading each file, its facts, then embedding n/m.

Ingest itself knows nothing of progress bars; it calls its indexer's `chunks` once a file is
parsed and, when it embeds in this process, `embed` for each batch of queued passages (a server
leaves that to its background embedder, and the upload is done once the facts are stored). A
thin indexer in front of the real one reports those moments, and the embedder is asked for
passages in batches so the bar moves while it works.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

Report = Callable[[float, str], None]  # (fraction done, what is happening)
BATCH = 16


class StagedIndexer:
    """The `Indexer` protocol over a real one, telling `report` when each stage starts."""

    def __init__(self, indexer, report: Report):
        self.indexer = indexer
        self.report = report
        self.file = ""
        self.share = (0.0, 1.0)  # the part of the bar this file covers

    def chunks(self, parsed, text):
        low, high = self.share
        self.report(low + (high - low) * 0.4, f"{self.file}：已提取 {len(parsed.facts)} 个数字，正在切分段落")
        return self.indexer.chunks(parsed, text)

    def add(self, parsed, chunks) -> None:
        low, high = self.share
        with batched_embedding(self.indexer, lambda done, total: self.report(
                low + (high - low) * (0.5 + 0.5 * done / max(total, 1)), f"{self.file}：正在嵌入段落 {done}/{total}")):
            self.indexer.add(parsed, chunks)

    def remove(self, report_id: str) -> None:
        self.indexer.remove(report_id)

    def embed(self, chunks) -> None:
        """Queued passages embedded in this process (no background embedder): with progress."""
        low, high = self.share
        with batched_embedding(self.indexer, lambda done, total: self.report(
                low + (high - low) * (0.5 + 0.5 * done / max(total, 1)), f"{self.file}：正在嵌入段落 {done}/{total}")):
            self.indexer.embed(chunks)

    def ids(self, report_id: str | None = None) -> list[str]:
        return self.indexer.ids(report_id)

    def delete_ids(self, ids: list[str]) -> None:
        self.indexer.delete_ids(ids)


def files_in_stages(paths: list[Path], staged: StagedIndexer | None, report: Report) -> Iterator[Path]:
    """The files to ingest, reporting 「正在读取 i/n」 as each one starts."""
    n = len(paths)
    for i, path in enumerate(paths):
        if staged is not None:
            staged.file, staged.share = path.name, (i / n, (i + 1) / n)
        report(i / n, f"正在读取 {i + 1}/{n}：{path.name}")
        yield path
    report(1.0, "完成")


@contextmanager
def batched_embedding(indexer, tell: Callable[[int, int], None]):
    """While it is active, the indexer's embedder embeds passages in batches and tells how far it is."""
    embedder = getattr(indexer, "embedder", None)
    if embedder is None:
        yield
        return
    indexer.embedder = _Batched(embedder, tell)
    try:
        yield
    finally:
        indexer.embedder = embedder


class _Batched:
    def __init__(self, embedder, tell: Callable[[int, int], None]):
        self._embedder = embedder
        self._tell = tell

    def embed_passages(self, texts: Iterable[str]) -> list:
        texts = list(texts)
        out: list = []
        self._tell(0, len(texts))
        for start in range(0, len(texts), BATCH):
            out += self._embedder.embed_passages(texts[start:start + BATCH])
            self._tell(len(out), len(texts))
        return out

    def __getattr__(self, name: str):
        return getattr(self._embedder, name)
