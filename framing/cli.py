"""The ``framing`` command line. ``main(argv) -> int`` is what tests call in-process.

    framing analyze INPUT --out DIR [--actors FILE]   corpus -> mentions and stance tables
    framing compare DIR [--by outlet]                  outlet x actor table with bootstrap CIs
    framing figures DIR --out figures/                 charts comparing outlets
    framing evaluate targeted-sentiment --data FILE    accuracy of the stance scorer on NewsMTSC
    framing evaluate quotes --gold FILE --corpus DIR   quote extraction against a hand-annotated gold set
    framing evaluate mentions --gold FILE --corpus DIR   actor mentions against a hand-annotated gold set
    framing evaluate stance-by-role --data DIR         stance by annotated entity role (SemEval-2025)
    framing evaluate wording --gold FILE --corpus DIR    naming terms and their actors against a gold set
    framing evaluate persuasion-targets --gold FILE --corpus DIR   the actor each technique targets
    framing evaluate frames|roles|narratives|persuasion --data DIR   cross-validated scores on SemEval data
    framing evaluate domains --data DIR               article domain (war/climate/other): held-out and CV scores
    framing evaluate known-groups --run DIR           the outlet directions of data/known_groups.yaml on a run
    framing train targeted-sentiment|frames|roles|narratives|persuasion|domains ...   reproduce the packaged models
    framing benchmark stance|analyze                   speed and memory
    framing measures                                   the registered measures, their tables and validation
    framing actors [--actors FILE]                     the actor inventory, one surface form a line
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from framing.stance import DEFAULT_STANCE

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    from framing._version import __version__
    from framing.measures import registered_measures

    optional = [m.name for m in registered_measures() if not m.core]
    learned = [m for m in registered_measures() if m.has("evaluate")]

    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news outlets frame political actors: mentions, targeted stance, "
                    "outlet comparisons and figures.",
        epilog="Run `framing COMMAND --help` for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    analyze = commands.add_parser(
        "analyze", help="find actor mentions and score stance in a corpus",
        description="Read a corpus (folder of <outlet>/<id>.txt files, a .txt file, or a .csv/.jsonl/.parquet "
                    "table with id, outlet, date, title, text[, url]) and write articles.parquet, "
                    "mentions.parquet, actor_stance.parquet and run.json into --out.")
    analyze.add_argument("input", help="corpus folder, .txt file or table")
    analyze.add_argument("--out", required=True,
                         help="output folder (created if needed); a folder that holds another run is refused "
                              "unless --overwrite or --resume is given")
    again = analyze.add_mutually_exclusive_group()
    again.add_argument("--overwrite", action="store_true",
                       help="replace the run in --out (its outlet tables included)")
    again.add_argument("--resume", action="store_true",
                       help="finish an interrupted run in --out with the same corpus and options")
    again.add_argument("--update", action="store_true",
                       help="replace the complete run in --out with one of the corpus as it is now, analysing "
                            "only the articles that are new or changed (the rest come from the run's cache)")
    analyze.add_argument("--actors", help="actor inventory YAML (default: the packaged inventory)")
    analyze.add_argument("--stance", default=DEFAULT_STANCE,
                         help=f"stance scorer: model, model-int8, model-fp32, lexicon or a model folder "
                              f"(default: {DEFAULT_STANCE})")
    analyze.add_argument("--batch-size", type=int, default=32,
                         help="articles per batch on average (default: 32); where a batch ends depends on the "
                              "articles' content, at 4x this at most")
    analyze.add_argument("--column", action="append", default=[], metavar="THEIRS=OURS",
                         help="map a table column onto id/outlet/date/title/text/url, e.g. --column body=text "
                              "(repeatable)")
    analyze.add_argument("--outlet", help="outlet for articles that name none (e.g. a single file)")
    analyze.add_argument("--date-format", help="strftime format of non-ISO dates, e.g. %%d/%%m/%%Y")
    analyze.add_argument("--measures", help=f"comma list of optional measures to compute, from "
                                            f"{','.join(optional)}; '' for none (default: every measure whose "
                                            f"validation puts it on by default; framing analyze prints which)")
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")
    analyze.add_argument("--engine", choices=("local", "dask"), default=None,
                         help="where the batches are computed: local, in this process (default), or dask, on a "
                              "Dask distributed cluster (pip install 'framing[dask]'; docs/scaling.md); the tables "
                              "are the same")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="with --engine dask: address of a running Dask scheduler, e.g. tcp://host:8786 "
                              "(default: a local cluster started for the run)")
    analyze.add_argument("--workers", type=int, metavar="N",
                         help="with --engine dask: worker processes of the local cluster (default: 2), or with "
                              "--scheduler the workers to wait for before starting")

    compare = commands.add_parser(
        "compare", help="compare groups (outlets) with article-level bootstrap intervals",
        description="Per outlet x actor: articles, mentions, mean stance and a percentile bootstrap interval "
                    "that resamples articles (<by>_actor.parquet, printed); and the outlet tables of every "
                    "measure the run computed (<by>_<kind>.parquet: "
                    + ", ".join(f"{kind} ({m.name})" for m in registered_measures() for kind in m.comparisons)
                    + "), each with article-level bootstrap intervals. All are written into DIR.")
    compare.add_argument("directory", help="folder written by `framing analyze`")
    compare.add_argument("--by", default="outlet", help="outlet, or a comma list of outlet,year,month")
    compare.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples (default: 2000)")
    compare.add_argument("--level", type=float, default=0.95, help="interval level (default: 0.95)")
    compare.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")

    figures = commands.add_parser("figures", help="draw the outlet-comparison charts",
                                  description="Draw the figures of every measure the run computed: the stance "
                                              "heatmap, stance intervals and actor coverage, and each measure's "
                                              "outlet charts (a measure's figures carry its validation's caveat).")
    figures.add_argument("directory", help="folder written by `framing analyze`")
    figures.add_argument("--out", default="figures", help="folder for the figures (default: figures)")
    figures.add_argument("--format", action="append", choices=["png", "svg", "pdf"],
                         help="file format, repeatable (default: png)")
    figures.add_argument("--seed", type=int, default=0, help="bootstrap seed when the comparison is computed")

    evaluate = commands.add_parser("evaluate", help="validate a measure against human annotations")
    tasks = evaluate.add_subparsers(dest="task", metavar="TASK", required=True)
    targeted = tasks.add_parser(
        "targeted-sentiment", help="stance toward targets on NewsMTSC-format JSONL",
        description="Macro-F1 and accuracy over negative/neutral/positive, printed as JSON.")
    targeted.add_argument("--data", required=True, help="NewsMTSC JSONL, e.g. ../shared/data/newsmtsc/dev.jsonl")
    targeted.add_argument("--stance", default=DEFAULT_STANCE,
                          help=f"stance scorer to evaluate: model, model-int8, model-fp32, lexicon or a model folder "
                               f"(default: {DEFAULT_STANCE})")
    targeted.add_argument("--model", metavar="DIR",
                          help="a model folder from `framing train targeted-sentiment` (overrides --stance)")
    targeted.add_argument("--part", choices=["all", "train", "test"], default="all",
                          help="score the whole file (default) or one part of its fixed split: "
                               "--data train.jsonl --part test is the held-out score of the packaged model")
    targeted.add_argument("--baseline", choices=["vader"],
                          help="evaluate a reference instead: sentence-level VADER")
    targeted.add_argument("--out", help="also write the JSON report to this file")
    targeted.add_argument("--quiet", action="store_true", help="no progress bar")

    by_role = tasks.add_parser(
        "stance-by-role", help="stance toward SemEval-2025 entity mentions by their annotated role",
        description="Mean stance (bootstrap CIs over documents) and label shares per annotated main role "
                    "(Protagonist, Antagonist, Innocent), and AUCs between roles, for the Ukraine-Russia war "
                    "and climate documents, printed as JSON.")
    by_role.add_argument("--data", required=True,
                         help="SemEval-2025 Task 10 folder with subtask-1-annotations.txt and raw-documents/, "
                              "e.g. ../shared/data/semeval2025-roles-narratives-en")
    by_role.add_argument("--stance", default=DEFAULT_STANCE,
                         help=f"stance scorer: model, model-int8, model-fp32, lexicon or a model folder "
                              f"(default: {DEFAULT_STANCE})")
    by_role.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    by_role.add_argument("--out", help="also write the JSON report to this file")
    by_role.add_argument("--quiet", action="store_true", help="no progress bar")

    known = tasks.add_parser(
        "known-groups", help="the directions between outlets that each measure should recover",
        description="Per direction of the spec (data/known_groups.yaml, from data/DATASHEET.md): the outlet "
                    "means, their difference with a 95%% bootstrap interval that resamples articles within each "
                    "outlet, and a verdict (recovered, reversed, not separated, not measured), printed as a table.")
    known.add_argument("--run", required=True, help="folder written by `framing analyze`, e.g. runs/sample")
    known.add_argument("--spec", default="data/known_groups.yaml",
                       help="known-groups spec (default: data/known_groups.yaml)")
    known.add_argument("--n-boot", type=int, default=2000, help="bootstrap resamples (default: 2000)")
    known.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    known.add_argument("--out", help="also write the table to this file (.csv or .json)")

    for task, (_, help_text, description) in _gold_tasks().items():
        gold_task = tasks.add_parser(task, help=help_text, description=description)
        gold_task.add_argument("--gold", required=True, help=f"gold JSONL, e.g. tests/data/{task}_gold.jsonl")
        gold_task.add_argument("--corpus", required=True,
                               help="the corpus the gold offsets refer to, e.g. data/sample-corpus")
        gold_task.add_argument("--split", choices=["dev", "test", "all"], default="test", help=_SPLIT_HELP)
        gold_task.add_argument("--actors", help="actor inventory YAML (default: the packaged inventory)")
        gold_task.add_argument("--out", help="also write the JSON report to this file")

    for task, data_help in ([(m.name, m.evaluate_help or "annotated data folder") for m in learned]
                            + [("domains", _DOMAINS_DATA_HELP)]):
        learned = tasks.add_parser(task, help=f"{task}: cross-validated scores on annotated data",
                                   description=f"Cross-validated {task} scores with majority baselines, as JSON.")
        learned.add_argument("--data", required=True, help=data_help)
        learned.add_argument("--folds", type=int, default=5, help="cross-validation folds (default: 5)")
        learned.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
        learned.add_argument("--seeds", type=_seed_list, metavar="S[,S...]",
                             help="cross-validate once per fold seed (e.g. 0,1,2,3,4; overrides --seed): the first "
                                  "seed's report with fold_seeds, the mean, sd, min and max of every "
                                  "cross-validated number")
        learned.add_argument("--out", help="also write the JSON report to this file")

    train = commands.add_parser("train", help="train a learned measure (reproduces the packaged models)")
    trainers = train.add_subparsers(dest="task", metavar="TASK", required=True)
    stance_trainer = trainers.add_parser(
        "targeted-sentiment", help="fine-tune the target-dependent stance model on NewsMTSC",
        description="Fine-tune the packaged MiniLM encoder (or --base, a transformers model name or path) "
                    "for target-dependent sentiment; writes a model folder usable with --stance DIR.")
    stance_trainer.add_argument("--data", required=True, help="training JSONL (NewsMTSC format)")
    stance_trainer.add_argument("--dev", help="development JSONL for the report")
    stance_trainer.add_argument("--out", required=True, help="output model folder")
    stance_trainer.add_argument("--base", help="transformers encoder name or path (default: packaged MiniLM)")
    stance_trainer.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    stance_trainer.add_argument("--cv", type=int, metavar="K",
                                help="cross-validate the configuration instead: K folds grouped by sentence over "
                                     "the --part of --data, per-epoch macro-F1, report written to --out/cv.json")
    for flag, kind, text in _STANCE_TRAINING_FLAGS:
        stance_trainer.add_argument(flag, type=kind, default=argparse.SUPPRESS, help=text)
    stance_trainer.add_argument("--markers", nargs=2, metavar=("OPEN", "CLOSE"), default=argparse.SUPPRESS,
                                help="strings put around the target (default: < >)")
    stance_trainer.add_argument("--init-seed", type=int, default=argparse.SUPPRESS,
                                help="seed of the classification layer's initial weights only (default: --seed)")
    stance_trainer.add_argument("--soup-seeds", type=int, nargs="+", metavar="SEED", default=argparse.SUPPRESS,
                                help="train one run per seed from one initialisation and save the mean of their "
                                     "weights (a uniform weight soup); with --cv, score runs, soup and ensemble")
    for task in [m.name for m in registered_measures() if m.has("train")] + ["domains"]:
        trainer = trainers.add_parser(task, help=f"train the {task} model on annotated data",
                                      description=f"Fit the {task} model on all annotated documents, write it to "
                                                  f"--out and print the cross-validated report as JSON.")
        trainer.add_argument("--data", required=True, help="annotated data folder (as for `framing evaluate`)")
        trainer.add_argument("--out", required=True, help="output model folder")
        trainer.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")

    benchmark = commands.add_parser("benchmark", help="speed and memory of the measures (JSON)")
    benches = benchmark.add_subparsers(dest="task", metavar="TASK", required=True)
    bench_stance = benches.add_parser("stance", help="sentences/s and peak memory of the stance scorers",
                                      description="Lexicon scorer, learned scorer and a RoBERTa-base-sized "
                                                  "classifier on the same sentences, on the CPU threads given.")
    bench_stance.add_argument("--data", help="NewsMTSC JSONL to take sentences from (default: built-in sentences)")
    bench_stance.add_argument("--threads", type=int, default=2, help="CPU threads (default: 2)")
    bench_stance.add_argument("-n", type=int, default=512, help="sentences (default: 512)")
    bench_stance.add_argument("--batch-size", type=int, default=32,
                              help="inputs per forward pass, for every transformer (default: 32)")
    bench_stance.add_argument("--model", action="append", default=[], metavar="DIR",
                              help="also time this folder of `framing train targeted-sentiment` (repeatable)")
    bench_analyze = benches.add_parser(
        "analyze", help="articles/s and peak memory of `framing analyze`, per corpus size",
        description="Run the full analysis on a corpus, or on corpora of the sizes given by --articles "
                    "recombined from it (for timing only), each in a fresh process, and report articles/s, "
                    "words/s, peak resident memory and the seconds of each stage; beside it, the spaCy "
                    "pipeline alone and a RoBERTa-base-sized classifier over the sentences that mention an "
                    "actor, and the hours projected for a million articles. Fields: docs/benchmark.md.")
    bench_analyze.add_argument("input", nargs="?", default=None,
                               help="corpus (default: the packaged sample corpus folder data/sample-corpus)")
    bench_analyze.add_argument("--articles", metavar="N[,N...]",
                               help="corpus sizes, e.g. 1000,10000: each a corpus of N articles recombined from "
                                    "the paragraphs of the input (default: the input as it is)")
    bench_analyze.add_argument("--seed", type=int, default=0, help="seed of the recombined corpora (default: 0)")
    bench_analyze.add_argument("--stance", default=DEFAULT_STANCE, help=f"stance scorer (default: {DEFAULT_STANCE})")
    bench_analyze.add_argument("--repeat", type=int, default=1,
                               help="corpus passes per size; the median is reported (default: 1)")
    bench_analyze.add_argument("--measures", help="comma list of optional measures, '' for mentions and stance "
                                                  "only (default: those on by default)")
    bench_analyze.add_argument("--threads", type=int, help="PyTorch CPU threads (default: PyTorch's own)")
    bench_analyze.add_argument("--roberta-sentences", type=int, default=256,
                               help="mention sentences the RoBERTa-base classifier is timed on, evenly spaced; "
                                    "its rate is extrapolated to all of them (default: 256)")
    bench_analyze.add_argument("--no-baselines", action="store_true",
                               help="time the analysis only, without spaCy alone and the RoBERTa classifier")
    bench_analyze.add_argument("--write", metavar="FILE",
                               help="also write the JSON report to FILE, updated after each size")

    commands.add_parser("measures", help="list the measures: tables, outlet tables, default, validation",
                        description="Every registered measure (the package's and those registered by installed "
                                    "packages): whether it runs by default, its tables, its outlet tables and "
                                    "what its validation says.")

    actors = commands.add_parser("actors", help="list the actor inventory",
                                 description="Print every actor's surface forms, one a line, as TSV.")
    actors.add_argument("--actors", help="actor inventory YAML (default: the packaged inventory)")
    return parser


class _Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an interruption so that a run stops as cleanly as on Ctrl-C."""


def _on_sigterm(signum, frame):
    raise _Terminated()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (130 after Ctrl-C, 143 after SIGTERM)."""
    import signal
    import threading

    args = _parser().parse_args(argv)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if in_main_thread else None
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt as exc:
        status = 143 if isinstance(exc, _Terminated) or isinstance(exc.__context__, _Terminated) else 130
        from framing.analysis import AnalysisInterrupted

        detail = str(exc) if isinstance(exc, AnalysisInterrupted) else "interrupted"
        print(f"framing {args.command}: {detail}", file=sys.stderr)
        return status
    except BrokenPipeError:
        raise  # the reader of stdout went away: entry() ends quietly
    except (ValueError, FileNotFoundError, OSError) as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)


def entry() -> None:  # console-script entry point
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`framing actors | head`): stop quietly, as cat does. Point
        # stdout at devnull so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 141
    sys.exit(status)


def _analyze(args) -> int:
    from framing.analysis import analyze

    mapping = {}
    for item in args.column:
        theirs, sep, ours = item.partition("=")
        if not sep:
            raise ValueError(f"--column expects THEIRS=OURS, got {item!r}")
        mapping[theirs] = ours
    options = {"columns": mapping or None, "outlet": args.outlet, "date_format": args.date_format}
    measures = _measure_list(args.measures)
    result = analyze(args.input, actors=args.actors, stance=args.stance, out=args.out, overwrite=args.overwrite,
                     resume=args.resume, update=args.update, batch_size=args.batch_size, progress=not args.quiet, **options,
                     measures=measures, engine=args.engine or "local", scheduler=args.scheduler,
                     workers=args.workers)
    counts, timing, reused = result.run["counts"], result.run["timing"], result.run["reused"]
    if reused["articles"]:
        kept = [f"{part['articles']} {what}" for what, part in (("from the interrupted run", reused["from_interrupted_run"]),
                                                               ("from the last run's cache", reused["from_cache"]))
                if part["articles"]]
        print(f"reused {reused['articles']} articles ({', '.join(kept)}); "
              f"{counts['articles'] - reused['articles']} analysed now")
    print(f"{counts['articles']} articles: {counts['articles_analyzed']} analyzed, "
          f"{counts['articles_skipped']} skipped {counts['skip_reasons'] or ''}".rstrip())
    print(f"{counts['mentions']} mentions, {counts['actor_stance']} article x actor rows, {counts['quotes']} quotes, "
          f"{counts['terms']} naming terms, {counts['marks']} distancing marks; "
          f"{timing['seconds']} s ({timing['articles_per_second']} articles/s)")
    print(f"tables written to {args.out}")
    _print_validation(args.stance, result.run["config"]["measures"])
    return 0


def _print_validation(stance: str, measures: list[str]) -> None:
    """The measures that ran, each with what its validation says (framing/data/validation.yaml)."""
    from framing._validation import off_reason, validated_line
    from framing.measures import get_measure, registered_measures

    stance_line = (validated_line("stance_lexicon").replace("stance_lexicon", "stance (lexicon)", 1)
                   if stance == "lexicon" else validated_line("stance") if stance in ("model", "model-int8")
                   else f"stance: the model in {stance} (its stance_model.json holds its scores)")
    lines = [validated_line("mentions"), validated_line("domains"), stance_line]
    for name in measures:
        key = get_measure(name).validation
        lines.append(validated_line(key) if key else f"{name}: not validated by the package")
    print("measures and their validated scores (README, 'Measures and their validation'):")
    for line in lines:
        print(f"  {line}")
    skipped = [m for m in registered_measures()
               if not m.core and m.name not in measures and m.validation and off_reason(m.validation)]
    if skipped:
        print("off by default (compute with --measures NAME,...):")
        for measure in skipped:
            print(f"  {measure.name}: {off_reason(measure.validation)}")


def _compare(args) -> int:
    import pandas as pd

    from framing._runfolder import write_derived
    from framing.analysis import read_analysis
    from framing.pipeline import outlet_tables

    analysis = read_analysis(args.directory)
    options = {"by": args.by, "n_boot": args.n_boot, "level": args.level, "seed": args.seed}
    tables = outlet_tables(analysis, **options)
    write_derived(Path(args.directory), analysis.run, tables, options)
    signed = {column: "{:+.3f}".format for column in ("stance_mean", "ci_low", "ci_high")}
    for name, table in tables.items():
        path = Path(args.directory) / f"{name}.parquet"
        if name.endswith("_actor"):
            with pd.option_context("display.max_rows", 500, "display.width", 160):
                print(table.to_string(index=False, formatters=signed, float_format="{:.3f}".format))
            print()
        print(f"written to {path} ({len(table)} rows)")
    return 0


def _figures(args) -> int:
    import pandas as pd

    from framing._runfolder import read_derived, record_figures
    from framing.analysis import read_analysis
    from framing.pipeline import draw_figures, outlet_tables, run_measures

    directory = Path(args.directory)
    analysis = read_analysis(directory)
    measures = run_measures(analysis)
    names = [f"outlet_{kind}" for m in measures for kind in m.comparisons]
    manifest = read_derived(directory, analysis.run)  # refuses outlet tables of another run
    if manifest is not None and all(f"{name}.parquet" in manifest["tables"] for name in names):
        tables = {name: pd.read_parquet(directory / f"{name}.parquet") for name in names}
    else:
        tables = outlet_tables(analysis, by="outlet", n_boot=2000, level=0.95, seed=args.seed, measures=measures)
    labels = analysis.run.get("config", {}).get("actor_labels")
    paths = draw_figures(tables, args.out, measures=measures, actor_labels=labels, formats=args.format or ["png"])
    for path in record_figures(Path(args.out), analysis.run, paths):
        print(f"removed {path}: a figure of an earlier run that this run does not draw")
    for path in paths:
        print(path)
    return 0


def _evaluate(args) -> int:
    from framing.evaluation import evaluate_sentence_vader, evaluate_targeted_sentiment
    from framing.stance import get_scorer

    if args.task in _registered("evaluate") or args.task == "domains":
        evaluate = _learned(args.task, "evaluate")
        if args.seeds:
            from framing._foldseeds import over_fold_seeds

            report = over_fold_seeds(evaluate, args.data, folds=args.folds, seeds=args.seeds,
                                     progress=lambda line: print(line, file=sys.stderr, flush=True))
        else:
            report = evaluate(args.data, folds=args.folds, seed=args.seed)
    elif args.task in _gold_tasks():
        from framing.actors import load_actors

        evaluate = _gold_tasks()[args.task][0]
        report = evaluate(args.gold, args.corpus, split=args.split, inventory=load_actors(args.actors))
    elif args.task == "known-groups":
        return _known_groups(args)
    elif args.task == "stance-by-role":
        from framing.evaluation import evaluate_stance_by_role

        report = evaluate_stance_by_role(args.data, scorer=get_scorer(args.stance), seed=args.seed,
                                         progress=not args.quiet)
    elif args.baseline == "vader":
        report = evaluate_sentence_vader(args.data, progress=not args.quiet)
    else:
        if args.model is not None and not Path(args.model).is_dir():
            raise FileNotFoundError(f"--model {args.model}: no such model folder")
        scorer = get_scorer(args.stance if args.model is None else args.model)
        report = evaluate_targeted_sentiment(args.data, scorer=scorer, progress=not args.quiet, part=args.part)
    text = json.dumps(report, indent=2, default=_json_default)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


def _known_groups(args) -> int:
    """Print the known-groups table (one line a direction and outlet pair), then the reasons."""
    import pandas as pd

    from framing.known_groups import check_known_groups

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix not in (".csv", ".json"):
        raise ValueError(f"--out {out}: write a .csv or a .json file")
    table = check_known_groups(args.run, args.spec, n_boot=args.n_boot, seed=args.seed)
    if out is not None:
        if out.suffix == ".csv":
            table.to_csv(out, index=False)
        else:
            out.write_text(table.to_json(orient="records", indent=2) + "\n", encoding="utf-8")
    # A Markdown pipe table, padded for the terminal; the actor is named in the measure and the
    # reasons are listed after the table.
    columns = ["id", "measure", "expected", "higher", "lower", "mean_higher", "mean_lower", "n_higher",
               "n_lower", "difference", "ci_low", "ci_high", "verdict"]
    signed = ("difference", "ci_low", "ci_high")

    def cell(column, value):
        if pd.isna(value):
            return ""
        if isinstance(value, float):
            return f"{value:+.3f}" if column in signed else f"{value:.3f}"
        return str(value)

    shown = table.assign(expected=table["expected"].where(table["verdict"] != "not measured", ""))
    rows = [[cell(c, v) for c, v in zip(columns, values)] for values in shown[columns].itertuples(index=False)]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
    for line in [columns, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(text.ljust(w) for text, w in zip(line, widths)) + " |")
    print()
    for row in table[table["reason"].notna()].drop_duplicates(["id", "reason"]).itertuples():
        print(f"{row.id}: {row.reason}")
    print("; ".join(f"{n} {verdict}" for verdict, n in table["verdict"].value_counts().items()))
    if out is not None:
        print(f"written to {out} ({len(table)} rows)")
    return 0


def _measure_list(text: str | None) -> list[str] | None:
    """``--measures`` as a list: ``None`` (flag absent) = every available measure,
    ``""`` = none (mentions and stance only)."""
    return None if text is None else [m.strip() for m in text.split(",") if m.strip()]


def _boolean(text: str) -> bool:
    value = text.strip().lower()
    if value not in ("true", "false"):
        raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")
    return value == "true"


# flag, type, help: the options of framing.stance_training.train_stance_model (defaults there)
_STANCE_TRAINING_FLAGS = (
    ("--epochs", int, "passes over the training data"),
    ("--lr", float, "peak learning rate of AdamW"),
    ("--batch-size", int, "targets per step"),
    ("--max-length", int, "tokens per input, cut around the target"),
    ("--num-layers", int, "keep only the bottom N encoder layers (0: all)"),
    ("--pooling", str, "cls, target or cls+target"),
    ("--pair", _boolean, "true: append the target as a second segment"),
    ("--label-smoothing", float, "cross-entropy label smoothing"),
    ("--class-weight", str, "'balanced' weights the loss by inverse class frequency"),
    ("--warmup", float, "share of the steps spent warming up"),
    ("--weight-decay", float, "AdamW weight decay"),
    ("--dropout", float, "dropout before the classification layer"),
    ("--freeze-embeddings", _boolean, "true: word embeddings are not trained (nor saved)"),
    ("--num-threads", int, "torch CPU threads during training"),
    ("--max-steps", int, "stop after this many steps"),
    ("--teacher-layers", int, "first train a teacher with N encoder layers (0: all), then distil it into the model"),
    ("--distil-weight", float, "weight of the teacher's probabilities in the loss, 0..1 (default: 0.5)"),
    ("--device", str, "torch device that trains: cpu (default) or cuda"),
    ("--part", str, "part of --data to train on: train (default; the held-out test part stays unseen) or all"),
    ("--drop-overlap", _boolean, "true: leave sentences that --dev shares with the training data out of "
                                 "training (otherwise such a --dev is refused)"),
    ("--extra", str, "a further NewsMTSC-format JSONL whose targets join the training data (with --cv: every "
                     "fold's training part; never scored)"),
    ("--extra-repeat", int, "times each --extra target is repeated in training (default: 1)"),
    ("--calibrate", int, "first cross-validate K folds (grouped by sentence) and save with the model the "
                         "temperature fitted to their out-of-fold probabilities (labels unchanged)"),
)

_SPLIT_HELP = ("dev: articles read while developing the rules; test: held out; as declared in splits.yaml "
               "beside the gold file; default: test")


def _evaluate_mentions(gold, corpus, *, split="test", inventory=None) -> dict:
    from framing.actors import evaluate_mentions

    return evaluate_mentions(gold, corpus, split=split, inventory=inventory)


def _gold_tasks() -> dict:
    """Evaluations against hand-annotated gold sets: ``{task: (function, help, description)}``, for the
    actor mentions every measure reads and for each measure with a gold-set evaluation. All take
    --gold, --corpus, --split, --actors and --out."""
    from framing.measures import registered_measures

    tasks = {"mentions": (_evaluate_mentions, "actor mentions against a hand-annotated gold set",
                          "Precision/recall/F1 of actor mentions (same actor, overlapping span), read by the "
                          "package's definition and by a reader's, per actor and per kind, with every error, "
                          "printed as JSON.")}
    for measure in registered_measures():
        if measure.has("evaluate_gold"):
            tasks[measure.gold_task or measure.name] = (measure.evaluate_gold, measure.gold_help or f"{measure.name} against a gold set",
                                   measure.gold_description)
    return tasks


_DOMAINS_DATA_HELP = ("the shared data folder that holds semeval2025-roles-narratives-en, "
                      "semeval2025-multilingual and semeval2023-frames-en, e.g. ../shared/data")


def _seed_list(text: str) -> list[int]:
    """``0,1,2`` -> [0, 1, 2] (for ``--seeds``)."""
    try:
        seeds = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give fold seeds as integers separated by commas") from None
    if not seeds or len(set(seeds)) != len(seeds):
        raise argparse.ArgumentTypeError(f"{text!r}: give at least one fold seed, each once")
    return seeds


def _registered(action: str) -> list[str]:
    """The measures with an ``evaluate`` or ``train`` entry point."""
    from framing.measures import registered_measures

    return [m.name for m in registered_measures() if m.has(action)]


def _learned(task: str, action: str):
    """The evaluate/train entry point of a measure (or of the article-domain model)."""
    if task == "domains":
        import framing.domains as domains

        return getattr(domains, f"{action}_domains")
    from framing.measures import get_measure

    return getattr(get_measure(task), action)


def _train(args) -> int:
    if args.task == "targeted-sentiment":
        from framing.stance_training import train_stance_model

        given = vars(args)  # flags left out are absent (default=SUPPRESS): the function's defaults apply
        options = {dest: given[dest] for dest in (flag[2:].replace("-", "_") for flag, _, _ in _STANCE_TRAINING_FLAGS)
                   if dest in given}
        if "markers" in given:
            options["markers"] = tuple(given["markers"])
        for dest in ("init_seed", "soup_seeds"):
            if dest in given:
                options[dest] = given[dest]
        if args.cv is not None:
            from framing.stance_training import cross_validate_stance_model

            options.pop("drop_overlap", None)
            if options.pop("calibrate", None) is not None:
                raise ValueError("--calibrate trains a model; with --cv the report's 'calibration' already "
                                 "holds the temperature of the folds")
            report = cross_validate_stance_model(args.data, folds=args.cv, base=args.base, seed=args.seed,
                                                 **options)
            Path(args.out).mkdir(parents=True, exist_ok=True)
            (Path(args.out) / "cv.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        else:
            report = train_stance_model(args.data, dev=args.dev, out=args.out, base=args.base, seed=args.seed,
                                        **options)
    else:
        report = _learned(args.task, "train")(args.data, out=args.out, seed=args.seed)
    print(json.dumps(report, indent=2, default=_json_default))
    return 0


def _benchmark(args) -> int:
    if args.task == "stance":
        from framing.benchmark import benchmark_stance

        sentences = None
        if args.data:
            from framing.evaluation import load_newsmtsc

            frame = load_newsmtsc(args.data)
            sentences = list(zip(frame["sentence"], frame["start"], frame["end"]))
        report = benchmark_stance(sentences, n=args.n, threads=args.threads, batch_size=args.batch_size,
                                  models=args.model)
    else:
        from framing.benchmark import SAMPLE_CORPUS, benchmark_analyze, parse_sizes

        report = benchmark_analyze(args.input or SAMPLE_CORPUS, stance=args.stance, repeat=args.repeat,
                                   measures=_measure_list(args.measures),
                                   articles=parse_sizes(args.articles) if args.articles is not None else None,
                                   seed=args.seed, threads=args.threads, baselines=not args.no_baselines,
                                   roberta_sentences=args.roberta_sentences, write=args.write, progress=True)
    print(json.dumps(report, indent=2, default=_json_default))
    return 0


def _measures(args) -> int:
    from framing._validation import off_reason, validated_line
    from framing.measures import registered_measures

    for measure in registered_measures():
        if measure.core:
            when = "always"
        elif not measure.available():
            when = "not available (its model is not installed)"
        elif measure.on_by_default():
            when = "on by default"
        else:
            reason = off_reason(measure.validation) if measure.validation else None
            when = f"off by default{f' ({reason})' if reason else ''}"
        print(f"{measure.name}: {measure.description or type(measure).__doc__ or ''}".rstrip(": "))
        print(f"  runs:          {when}")
        print(f"  tables:        {', '.join(f'{t}.parquet' for t in measure.tables)}")
        if measure.comparisons:
            print(f"  outlet tables: {', '.join(f'outlet_{k}.parquet' for k in measure.comparisons)}")
        validation = validated_line(measure.validation) if measure.validation else "not validated by the package"
        print(f"  validation:    {validation.split(': ', 1)[-1]}")
    return 0


def _actors(args) -> int:
    from framing.actors import load_actors

    frame = load_actors(args.actors).to_frame()
    frame.to_csv(sys.stdout, sep="\t", index=False)
    return 0


def _json_default(value):
    import numpy as np

    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return str(value)


_COMMANDS = {"analyze": _analyze, "compare": _compare, "figures": _figures, "evaluate": _evaluate,
             "train": _train, "benchmark": _benchmark, "measures": _measures, "actors": _actors}

if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("MPLBACKEND", "Agg")
    entry()
