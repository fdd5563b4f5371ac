"""framing: validated measures of how news outlets frame political actors.

The one-call path::

    import framing
    result = framing.analyze("data/sample-corpus")      # mentions + stance per article x actor
    table = framing.compare(result, by="outlet")        # outlet x actor with bootstrap CIs
    framing.plot_stance_heatmap(table)

Each step is also a command: ``framing analyze``, ``framing compare``,
``framing figures``, ``framing evaluate``.
"""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

from framing.actors import Actor, ActorInventory, Member, Mention, MentionFinder, load_actors
from framing.analysis import Analysis, analyze, read_analysis
from framing.comparison import (
    bootstrap_mean_ci,
    bootstrap_ratio_ci,
    compare,
    compare_frames,
    compare_marks,
    compare_naming,
    compare_narratives,
    compare_persuasion,
    compare_roles,
    compare_verbs,
    compare_voice,
)
from framing.corpus import Article, CorpusError, iter_corpus, load_corpus
from framing.known_groups import check_known_groups
from framing.plots import (
    plot_coverage,
    plot_frame_profile,
    plot_naming,
    plot_narratives,
    plot_persuasion,
    plot_roles,
    plot_stance_heatmap,
    plot_stance_intervals,
    plot_verb_profile,
    plot_voice_share,
    save_figures,
)
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
    "plot_naming",
    "plot_narratives",
    "plot_persuasion",
    "plot_roles",
    "plot_stance_heatmap",
    "plot_stance_intervals",
    "plot_verb_profile",
    "plot_voice_share",
    "read_analysis",
    "save_figures",
    "__version__",
]
