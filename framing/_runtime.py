"""Inference runtimes for the package's transformer networks: PyTorch, or ONNX Runtime.

The learned measures are trained with PyTorch. For inference, a network can be exported once, in
memory, to ONNX and run by ONNX Runtime, which fuses attention, layer norms and GELU into fewer
kernels: on 2 CPU cores the stance network and the MiniLM sentence encoder run about 1.7 times as
fast, with the same numbers up to float rounding (probabilities differ by about 1e-6; see
docs/benchmark.md). The export takes about a second when a model is loaded; nothing is written to
disk.

``runtime`` options of the scorers and encoders take ``"auto"`` (ONNX Runtime when the ``onnx``
and ``onnxruntime`` packages import and the export succeeds, else PyTorch), ``"onnx"`` (ONNX
Runtime or an error saying why not) or ``"torch"``. The environment variable ``FRAMING_RUNTIME``
sets the default for every model of a process (``auto`` when unset).
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Sequence

import numpy as np

__all__ = ["RUNTIMES", "OnnxNetwork", "default_runtime", "export_onnx", "inference_runtime", "resolve_runtime"]

RUNTIMES = ("auto", "onnx", "torch")


def default_runtime() -> str:
    """``FRAMING_RUNTIME`` if set (one of :data:`RUNTIMES`), else ``"auto"``."""
    value = os.environ.get("FRAMING_RUNTIME", "auto").strip().lower() or "auto"
    if value not in RUNTIMES:
        raise ValueError(f"FRAMING_RUNTIME must be one of {RUNTIMES}, got {value!r}")
    return value


def resolve_runtime(runtime: str | None) -> str:
    """The runtime asked for: ``None`` means :func:`default_runtime`; an unknown name is an error."""
    value = default_runtime() if runtime is None else str(runtime).lower()
    if value not in RUNTIMES:
        raise ValueError(f"runtime must be one of {RUNTIMES}, got {runtime!r}")
    return value


def inference_runtime() -> dict:
    """What ``run.json`` records: the runtime asked for (``FRAMING_RUNTIME``) and the installed
    ONNX Runtime version (``None`` when it is missing, and ``auto`` then runs PyTorch)."""
    try:
        import onnxruntime
    except ImportError:
        version = None
    else:
        version = onnxruntime.__version__
    return {"asked": default_runtime(), "onnxruntime": version}


class OnnxNetwork:
    """An exported network run by ONNX Runtime, called with numpy arrays (or torch tensors) in the
    order of the names it was exported with; returns the first output as a numpy array.

    Inputs that the exported graph does not read (an argument of ``forward`` that the network's
    configuration ignores) are dropped before the call."""

    def __init__(self, session, input_names: Sequence[str]):
        self.session = session
        self.input_names = tuple(input_names)
        self._reads = {i.name for i in session.get_inputs()}

    def __call__(self, *inputs) -> np.ndarray:
        if len(inputs) != len(self.input_names):
            raise ValueError(f"expected {len(self.input_names)} inputs ({', '.join(self.input_names)}), "
                             f"got {len(inputs)}")
        feed = {name: _numpy(value) for name, value in zip(self.input_names, inputs) if name in self._reads}
        return self.session.run(None, feed)[0]


def _numpy(value) -> np.ndarray:
    return value.numpy() if hasattr(value, "numpy") else np.asarray(value)


def export_onnx(module, example_inputs: Sequence, input_names: Sequence[str], *, dynamic: dict[str, dict[int, str]],
                num_threads: int | None = None) -> OnnxNetwork:
    """Export ``module`` (in eval mode) to ONNX in memory and open it in ONNX Runtime on the CPU.

    ``example_inputs`` are torch tensors in the order of ``input_names``; ``dynamic`` names the
    variable axes of each input (batch, sequence). ``num_threads`` sets ONNX Runtime's intra-op
    threads (``None``: torch's current thread count, so both runtimes use the same cores).

    Raises ``ImportError`` when ``onnx`` or ``onnxruntime`` is missing, and whatever the export
    raises for a network it cannot trace; callers with ``runtime="auto"`` fall back to PyTorch."""
    import onnx  # noqa: F401  (the exporter needs it; a clear ImportError here)
    import onnxruntime
    import torch

    buffer = io.BytesIO()
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")  # the exporter's tracer and deprecation notes
        torch.onnx.export(module, tuple(example_inputs), buffer, dynamo=False, input_names=list(input_names),
                          output_names=["output"], dynamic_axes=dict(dynamic), opset_version=17)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = int(num_threads or torch.get_num_threads())
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    # idle threads sleep instead of spinning: the analysis parses the next articles on another
    # thread while a network runs, and spinning threads would take its core (no slower alone)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = onnxruntime.InferenceSession(buffer.getvalue(), options, providers=["CPUExecutionProvider"])
    return OnnxNetwork(session, input_names)


def keep_bottom_layers(network, num_layers: int | None):
    """Keep only the bottom ``num_layers`` transformer layers of a BERT-like ``network`` (its
    ``encoder.layer`` list), in place, and return it; ``None`` keeps them all. Layer dropping
    (Sajjad et al. 2023, "On the Effect of Dropping Layers of Pre-trained Transformer Models",
    Computer Speech & Language): the top layers matter least for many uses."""
    if num_layers is None:
        return network
    layers = getattr(getattr(network, "encoder", None), "layer", None)
    if layers is None:
        raise ValueError(f"num_layers: {type(network).__name__} has no encoder.layer list to cut")
    if not 1 <= int(num_layers) <= len(layers):
        raise ValueError(f"num_layers must be in 1..{len(layers)}, got {num_layers!r}")
    network.encoder.layer = layers[:int(num_layers)]
    network.config.num_hidden_layers = int(num_layers)
    return network


def onnx_or_none(runtime: str, export):
    """Call ``export()`` for the ONNX runtime; with ``runtime="auto"`` a failure (a missing package,
    a network the exporter cannot trace) returns ``None`` and a warning names the reason, so the
    caller runs PyTorch. ``runtime="torch"`` returns ``None`` without trying."""
    if runtime == "torch":
        return None
    try:
        return export()
    except Exception as exc:  # noqa: BLE001 - any export failure falls back, with its reason
        if runtime == "onnx":
            raise RuntimeError(f"ONNX Runtime was asked for, but the network could not run on it: {exc}") from exc
        if not isinstance(exc, ImportError):
            warnings.warn(f"running on PyTorch: the ONNX export failed ({type(exc).__name__}: {exc})",
                          RuntimeWarning, stacklevel=3)
        return None
