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
from framing.compare import bootstrap_mean_ci, compare
from framing.corpus import Article, CorpusError, iter_corpus, load_corpus
from framing.plots import plot_coverage, plot_stance_heatmap, plot_stance_intervals, save_figures
from framing.stance import LexiconStanceScorer, get_scorer

__all__ = [
    "Actor",
    "ActorInventory",
    "Analysis",
    "Article",
    "CorpusError",
    "LexiconStanceScorer",
    "Member",
    "Mention",
    "MentionFinder",
    "analyze",
    "bootstrap_mean_ci",
    "compare",
    "get_scorer",
    "iter_corpus",
    "load_actors",
    "load_corpus",
    "plot_coverage",
    "plot_stance_heatmap",
    "plot_stance_intervals",
    "read_analysis",
    "save_figures",
    "__version__",
]
