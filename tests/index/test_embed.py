"""Embedders: the deterministic fake, spec round-trips, the Chroma wrapper, and a tiny real BERT."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.embed import (
    ChromaEmbedding,
    E5Embedder,
    FakeEmbedder,
    STEmbedder,
    embedder_from_spec,
    make_embedder,
)
from index.errors import ReportQAError
from index.settings import Settings


def cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b))


def test_fake_is_deterministic_normalised_and_counts() -> None:
    fe = FakeEmbedder(32)
    a, b = fe.embed_passages(["收到政府信息公开申请14宗", "收到政府信息公开申请14宗"])
    assert a == b == FakeEmbedder(32).embed_passages(["收到政府信息公开申请14宗"])[0]
    assert np.linalg.norm(a) == pytest.approx(1.0)
    assert (fe.calls, fe.embedded) == (1, 2)
    fe.embed_query("申请")  # queries are not counted: only passage embedding is work to skip
    assert (fe.calls, fe.embedded) == (1, 2)


def test_fake_puts_shared_words_closer() -> None:
    fe = FakeEmbedder(256)
    q = fe.embed_query("政府信息公开申请")
    near, far = fe.embed_passages(["本年新收政府信息公开申请数量", "行政事业性收费金额"])
    assert cos(q, near) > cos(q, far)


def test_specs_round_trip_and_unknown_specs_are_refused() -> None:
    assert embedder_from_spec("fake:16").dim == 16
    assert embedder_from_spec("fake").name == "fake:64"
    e5 = embedder_from_spec("e5")
    assert isinstance(e5, E5Embedder) and (e5.name, e5.dim) == ("e5", 384)
    assert make_embedder(Settings(embedder="fake:8")).name == "fake:8"
    with pytest.raises(ReportQAError, match="REPORTQA_EMBEDDER"):
        embedder_from_spec("openai:text-embedding-3")


def test_chroma_embedding_function_records_and_rebuilds_its_model() -> None:
    ef = ChromaEmbedding(FakeEmbedder(16))
    assert ChromaEmbedding.name() == "reportqa"
    assert ef.get_config() == {"embedder": "fake:16", "dim": 16}
    rebuilt = ChromaEmbedding.build_from_config(ef.get_config())
    assert rebuilt.embedder.name == "fake:16"
    [v] = rebuilt(["申请"])
    assert np.allclose(v, ef(["申请"])[0])
    assert np.allclose(ef.embed_query(["申请"])[0], FakeEmbedder(16).embed_query("申请"))


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-layer BERT (hidden 32) with a 30-character vocabulary, saved as a sentence-transformers
    folder with mean pooling: loads in milliseconds, needs no download."""
    pytest.importorskip("sentence_transformers")
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertConfig, BertModel, BertTokenizer

    root = tmp_path_factory.mktemp("tiny-bert")
    hf = root / "hf"
    hf.mkdir()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"政府信息公开申请自然人企业年报告收到处理多少件"]
    (hf / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    BertModel(config).save_pretrained(hf)
    BertTokenizer(str(hf / "vocab.txt")).save_pretrained(hf)
    transformer = Transformer(str(hf))
    model = SentenceTransformer(modules=[transformer, Pooling(transformer.get_embedding_dimension(), "mean")])
    model.save(str(root / "st"))
    return root / "st"


def test_st_embedder_loads_a_local_folder(tiny_bert: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    st = STEmbedder(str(tiny_bert))
    assert st.dim == 32 and st.name == f"st:{tiny_bert.resolve()}"
    vecs = st.embed_passages(["政府信息公开", "申请多少件"])
    assert len(vecs) == 2 and all(len(v) == 32 for v in vecs)
    assert np.linalg.norm(st.embed_query("收到申请")) == pytest.approx(1.0, abs=1e-5)
    assert embedder_from_spec(st.name).name == st.name  # the spec rebuilds the same model


def test_st_embedder_offline_fails_at_once_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ReportQAError, match="local folder"):
        STEmbedder("no-such-org/no-such-model")


def test_e5_query_runs_on_one_openmp_thread_in_its_own_thread_only() -> None:
    """A question's embedding takes one core (no faster on two, and dearer under load); others keep theirs."""
    import os
    import threading

    from index.embed import _openmp_runtime

    e5 = E5Embedder()
    seen: dict[str, object] = {}

    def asker() -> None:
        seen["vector"] = e5.embed_query("收到多少件政府信息公开申请")
        seen["threads"] = _openmp_runtime().omp_get_max_threads()

    def other() -> None:
        seen["other"] = _openmp_runtime().omp_get_max_threads()

    for target in (asker, other):
        t = threading.Thread(target=target)
        t.start()
        t.join()
    assert _openmp_runtime() is not None
    assert seen["threads"] == 1
    default = int(os.environ.get("OMP_NUM_THREADS") or len(os.sched_getaffinity(0)))
    assert seen["other"] == default
    assert cos(seen["vector"], e5.embed_query("收到多少件政府信息公开申请")) == pytest.approx(1.0, abs=1e-5)
    assert _openmp_runtime().omp_get_max_threads() == 1
    again = e5.embed_passages(["收到多少件政府信息公开申请"])  # a batch after a question: every core again
    assert _openmp_runtime().omp_get_max_threads() == default
    assert len(again[0]) == len(seen["vector"]) == 384
