"""One encoder pass for texts and spans of them (framing.encoder.SentenceEncoder.encode_parts)
and the word offsets of chunk_text (chunk_words)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from framing.encoder import SentenceEncoder, chunk_text, chunk_words


def _reference_chunks(text: str, max_words: int, overlap: int) -> list[str]:
    """chunk_text as written before it was built on chunk_words (paragraphs of words)."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    chunks, current = [], []
    for paragraph in paragraphs:
        words = paragraph.split()
        while words:
            room = max_words - len(current)
            if room <= 0:
                chunks.append(" ".join(current))
                current = current[-overlap:] if overlap else []
                room = max_words - len(current)
            current.extend(words[:room])
            words = words[room:]
        if len(current) >= 0.6 * max_words:
            chunks.append(" ".join(current))
            current = current[-overlap:] if overlap else []
    if current and (not chunks or len(current) > overlap):
        chunks.append(" ".join(current))
    return chunks or [""]


def test_chunk_words_rebuilds_chunk_text():
    rng = random.Random(0)
    pieces = ["word", "Kyiv,", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "é", "  "]
    texts = ["", "   ", "One short paragraph.", "First.\n\nSecond paragraph here.\nThird"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 300))) for _ in range(300)]
    for text in texts:
        for max_words, overlap in ((150, 0), (5, 0), (7, 2)):
            assert chunk_text(text, max_words=max_words, overlap=overlap) == _reference_chunks(text, max_words, overlap)
            for words, chunk in zip(chunk_words(text, max_words=max_words, overlap=overlap),
                                    chunk_text(text, max_words=max_words, overlap=overlap)):
                assert " ".join(text[a:b] for a, b in words) == chunk


@pytest.fixture(scope="module")
def encoder():
    return SentenceEncoder(batch_size=2, max_length=24)


def test_encode_parts_gives_encode_and_span_states(encoder):
    texts = ["NATO leaders met in Vilnius. Russia condemned the summit.", "Short one.",
             "A much longer text that the encoder will truncate because it has far more word pieces "
             "than the twenty-four allowed here, so its last words are cut. Tail sentence."]
    parts = [[(0, 28), (29, 57)], [], [(0, 10), (len(texts[2]) - 14, len(texts[2]))]]
    vectors, sums, counts = encoder.encode_parts(texts, parts)
    np.testing.assert_array_equal(vectors, encoder.encode(texts))
    tokenizer = encoder._load()[0]
    pieces = [len(tokenizer(texts[0][a:b], add_special_tokens=False)["input_ids"]) for a, b in parts[0]]
    assert sums.shape == (4, encoder.dimension) and counts.tolist()[:2] == pieces
    assert counts[2] > 0 and counts[3] == 0  # the tail was truncated away
    # the span's states are read in context: close to, not equal to, the span alone
    alone = encoder.encode(["NATO leaders met in Vilnius."])[0]
    inside = sums[0] / counts[0]
    cosine = inside @ alone / np.linalg.norm(inside)
    assert 0.5 < cosine < 0.9999


def test_encode_parts_needs_one_entry_per_text(encoder):
    with pytest.raises(ValueError, match="parts has 1 entries for 2 texts"):
        encoder.encode_parts(["a", "b"], [[]])


def test_an_encoder_cut_to_its_bottom_layers_gives_the_mean_of_those_layers_states():
    import torch

    texts = ["NATO leaders met in Vilnius.", "Russia condemned the summit on Tuesday, its ministry said."]
    cut = SentenceEncoder(num_layers=2)
    full = SentenceEncoder(runtime="torch")
    tokenizer, network = full._load()
    batch = tokenizer(texts, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.inference_mode():
        states = network(**batch, output_hidden_states=True).hidden_states[2]  # after layer 2
    mask = batch["attention_mask"].unsqueeze(-1).float()
    expected = torch.nn.functional.normalize((states * mask).sum(1) / mask.sum(1), dim=-1).numpy()
    np.testing.assert_allclose(cut.encode(texts), expected, atol=1e-5)
    assert not np.allclose(full.encode(texts), expected, atol=1e-3)  # all six layers differ
    assert cut.fingerprint() != full.fingerprint() and "bottom 2 layers" in cut.name
    assert SentenceEncoder().fingerprint() == full.fingerprint()  # unchanged for the whole network


@pytest.mark.parametrize("layers", [0, -1, 2.5, True])
def test_the_number_of_layers_is_a_positive_integer(layers):
    with pytest.raises(ValueError, match="num_layers"):
        SentenceEncoder(num_layers=layers)


def test_an_encoder_cannot_keep_more_layers_than_it_has():
    with pytest.raises(ValueError, match=r"num_layers must be in 1\.\.6"):
        SentenceEncoder(num_layers=7, runtime="torch").encode(["One text."])
