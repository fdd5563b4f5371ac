"""Label sets shared by the stance scorers, their training and their evaluation (a leaf module)."""

STANCE_LABELS = ("negative", "neutral", "positive")
"""The three stance classes, in the order of every probability array."""
