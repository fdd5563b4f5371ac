"""The public surface is explicit and pinned."""

import framing


def test_public_surface_is_pinned():
    assert sorted(framing.__all__) == sorted([
        "Actor", "ActorInventory", "Analysis", "Article", "CorpusError", "LexiconStanceScorer", "Member",
        "Mention", "MentionFinder", "analyze", "bootstrap_mean_ci", "compare", "get_scorer", "iter_corpus",
        "load_actors", "load_corpus", "plot_coverage", "plot_stance_heatmap", "plot_stance_intervals",
        "read_analysis", "save_figures", "__version__",
    ])
    for name in framing.__all__:
        assert hasattr(framing, name), name
