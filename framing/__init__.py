"""framing: validated measures of how news outlets frame political actors.

The one-call path::

    import framing
    result = framing.analyze("data/sample-corpus")      # mentions + stance per article x actor
    table = framing.compare(result, by="outlet")        # outlet x actor with bootstrap CIs
    framing.plot_stance_heatmap(table)

Each step is also a command: ``framing analyze``, ``framing compare``,
``framing figures``, ``framing evaluate``.
"""

from framing._version import __version__

from framing.actors import Actor, ActorInventory, Member, Mention, MentionFinder, load_actors
from framing.analysis import Analysis, analyze, read_analysis
from framing.comparison import (
    bootstrap_mean_ci,
    bootstrap_ratio_ci,
    compare,
    compare_means,
)
from framing.corpus import Article, CorpusError, iter_corpus, load_corpus
from framing.known_groups import check_known_groups
from framing.measures import Measure, register_measure, registered_measures, unregister_measure
from framing.measures.frames import compare_frames, plot_frame_profile
from framing.measures.narratives import compare_narratives, plot_narratives
from framing.measures.persuasion import compare_persuasion, plot_persuasion
from framing.measures.quotes import compare_verbs, compare_voice, plot_verb_profile, plot_voice_share
from framing.measures.roles import compare_roles, plot_roles
from framing.measures.wording import compare_marks, compare_naming, plot_naming
from framing.pipeline import save_figures
from framing.plots import plot_coverage, plot_means, plot_stance_heatmap, plot_stance_intervals
from framing.quotes import Quote, QuoteExtractor, ReportingVerbs
from framing.stance import LexiconStanceScorer, get_scorer
from framing.wording import Lexicon, Mark, Term, WordingFinder, naming_rates

__all__ = [
    "Actor",
    "ActorInventory",
    "Analysis",
    "Article",
    "CorpusError",
    "Lexicon",
    "LexiconStanceScorer",
    "Mark",
    "Measure",
    "Member",
    "Mention",
    "MentionFinder",
    "Quote",
    "QuoteExtractor",
    "ReportingVerbs",
    "Term",
    "WordingFinder",
    "analyze",
    "bootstrap_mean_ci",
    "bootstrap_ratio_ci",
    "check_known_groups",
    "compare",
    "compare_frames",
    "compare_marks",
    "compare_means",
    "compare_naming",
    "compare_narratives",
    "compare_persuasion",
    "compare_roles",
    "compare_verbs",
    "compare_voice",
    "get_scorer",
    "iter_corpus",
    "load_actors",
    "load_corpus",
    "naming_rates",
    "plot_coverage",
    "plot_frame_profile",
    "plot_means",
    "plot_naming",
    "plot_narratives",
    "plot_persuasion",
    "plot_roles",
    "plot_stance_heatmap",
    "plot_stance_intervals",
    "plot_verb_profile",
    "plot_voice_share",
    "read_analysis",
    "register_measure",
    "registered_measures",
    "unregister_measure",
    "save_figures",
    "__version__",
]
