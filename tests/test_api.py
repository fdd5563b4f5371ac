"""The public surface is explicit and pinned."""

import framing


def test_public_surface_is_pinned():
    assert sorted(framing.__all__) == sorted([
        "Actor", "ActorInventory", "Analysis", "Article", "CorpusError", "Lexicon", "LexiconStanceScorer", "Mark",
        "Measure", "Member", "Mention", "MentionFinder", "Quote", "QuoteExtractor", "ReportingVerbs", "Term", "WordingFinder",
        "analyze", "bootstrap_mean_ci", "bootstrap_ratio_ci", "check_known_groups", "compare", "compare_frames", "compare_marks", "compare_means", "compare_naming",
        "compare_narratives", "compare_persuasion", "compare_roles", "compare_verbs", "compare_voice", "get_scorer", "iter_corpus", "load_actors", "load_corpus",
        "naming_rates", "plot_coverage", "plot_frame_profile", "plot_means", "plot_naming", "plot_narratives", "plot_persuasion", "plot_roles", "plot_stance_heatmap", "plot_stance_intervals",
        "plot_verb_profile", "plot_voice_share", "read_analysis", "register_measure", "registered_measures", "save_figures", "unregister_measure", "__version__",
    ])
    for name in framing.__all__:
        assert hasattr(framing, name), name
