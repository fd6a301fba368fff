"""Translation benchmark: bare model vs the full machinery, Korean -> English.

    python bench/translation.py --limit 60            # the packaged local model; SIGTERM reports early
    python bench/translation.py --engine fake --limit 5
    python bench/translation.py --article             # seconds for a ~2,000-character article:
                                                      # baseline (1 thread, sequential) beside the defaults

Reads the evaluation pairs (Korean sentence, English original) from the shared eval-dev folder;
skips cleanly if they are absent. Prints chrF and BLEU side by side, the share of outputs failing
each check (bare, machinery before retries, machinery after retries), seconds per sentence and per
2,000-character article, the model load time and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import sacrebleu

from newsimpact.article import Article
from newsimpact.config import TranslationSettings
from newsimpact.translate import Translator, build_engine
from newsimpact.translate.cache import TranslationCache
from newsimpact.translate.checks import WEIGHTS
from newsimpact.translate.engines import ChatMessage, StopCheck, TranslationEngine
from newsimpact.translate.engines.local import machine_cores
from newsimpact.translate.glossary import load_glossary
from newsimpact.translate.prompts import build_plain_messages
from newsimpact.translate.translator import RETRY_CHECKS, RetryPolicy, max_tokens

EVAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval-dev"
DEFAULT_PAIRS = EVAL_DEV / "ko_en_pairs.jsonl"
DEFAULT_ARTICLES = EVAL_DEV / "ko_articles_full.jsonl"


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument(
        "--limit",
        type=int,
        default=60,
        help="first N pairs (the local model is slow on 2 cores); Ctrl-C or SIGTERM reports on the pairs done",
    )
    parser.add_argument("--engine", default="local")
    parser.add_argument("--n-threads", type=int, default=None, help="default: from the machine")
    parser.add_argument("--parallel", type=int, default=None, help="segments at once; default: from the machine")
    parser.add_argument("--show", type=int, default=0, help="print the first N outputs side by side")
    parser.add_argument("--article", action="store_true", help="time whole articles instead (see article_mode)")
    parser.add_argument(
        "--via-server",
        action="store_true",
        help="the pairs through llama_cpp.server (openai engine) beside the in-process engine (see server_mode)",
    )
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--chars", type=int, default=2000, help="--article: the article length to pick")
    parser.add_argument("--repeat", type=int, default=1, help="--article: runs per configuration (median)")
    parser.add_argument(
        "--configs",
        default="1x1:thorough,default:thorough,default",
        help="--article: configurations to time, SLOTSxTHREADS or default, then :fast (the default retries) "
        "or :thorough; the first is the baseline (1x1:thorough = the engine before issue 12)",
    )
    args = parser.parse_args()
    if args.article:
        return article_mode(args)
    if not args.pairs.is_file():
        print(f"skipped: {args.pairs} not found (the evaluation pairs are not shipped with the project)")
        return 0
    pairs = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = pairs[: args.limit]
    if args.via_server:
        return server_mode(args, pairs)

    settings = TranslationSettings(engine=args.engine, n_threads=args.n_threads, parallel=args.parallel, cache=False)
    engine = build_engine(settings)
    glossary = load_glossary()
    warm = getattr(engine, "warm", None)
    if warm is not None:
        warm()  # every context loaded before the clock starts
    memo = _Memo(engine)
    # Fresh in-memory caches: every sentence is really translated, by each policy.
    translators: dict[str, Translator] = {
        policy: Translator(_Timed(memo), glossary=glossary, cache=TranslationCache(None), retries=policy)
        for policy in POLICIES
    }
    results: dict[int, _PairResult] = {}
    # llama.cpp swallows Ctrl-C while it decodes, so SIGTERM stops the loop too.
    signal.signal(signal.SIGTERM, _stop)
    workers = int(getattr(engine, "parallel", 1))
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
        futures = {pool.submit(_run_pair, pair, engine, translators): i for i, pair in enumerate(pairs)}
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            print(f"\r{done}/{len(pairs)}", end="", file=sys.stderr, flush=True)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: report on the pairs done so far
        pass
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    print(file=sys.stderr)
    order = sorted(results)
    if not order:
        print("no pairs measured")
        return 1
    done_pairs = [pairs[i] for i in order]
    rows = [results[i] for i in order]
    for i, row in zip(order[: args.show], rows, strict=False):
        print(f"--- {pairs[i].get('id', i)}\nKO   {pairs[i]['ko']}\nREF  {pairs[i]['en']}")
        for label in COLUMNS:
            print(f"{label.upper():9}{row.text[label]}")

    refs = [[p["en"] for p in done_pairs]]
    n = len(rows)
    chars = sum(len(p["ko"]) for p in done_pairs)
    print(f"Korean -> English, {n} pairs from {args.pairs.name}; engine {engine.name}, model {engine.model}")
    print(f"{'':34}" + "".join(f"{COLUMNS[c]:>16}" for c in COLUMNS))
    chrf = {c: sacrebleu.corpus_chrf([r.text[c] for r in rows], refs).score for c in COLUMNS}
    bleu = {c: sacrebleu.corpus_bleu([r.text[c] for r in rows], refs).score for c in COLUMNS}
    secs = {c: sum(r.seconds[c] for r in rows) for c in COLUMNS}
    calls = {c: sum(r.calls[c] for r in rows) for c in COLUMNS}
    print(f"{'chrF':34}" + "".join(f"{chrf[c]:16.1f}" for c in COLUMNS))
    print(f"{'BLEU':34}" + "".join(f"{bleu[c]:16.1f}" for c in COLUMNS))
    print(f"{'engine calls per sentence':34}" + "".join(f"{calls[c] / n:16.2f}" for c in COLUMNS))
    print(f"{'engine seconds per sentence':34}" + "".join(f"{secs[c] / n:16.2f}" for c in COLUMNS))
    print(f"{'engine seconds per 2,000 chars':34}" + "".join(f"{secs[c] / chars * 2000:16.0f}" for c in COLUMNS))
    print("share of outputs failing each check (first attempt of the machinery: see the fast column's 'first')")
    for check in WEIGHTS:
        first = sum(check in r.first for r in rows) / n
        cells = "".join(f"{sum(check in r.problems[c] for r in rows) / n:16.1%}" for c in COLUMNS)
        print(f"  {check:32}{cells}   first {first:.1%}")
    key = {"names", "numbers", "currency", "company"}
    cells = "".join(f"{sum(bool(r.problems[c] & key) for r in rows) / n:16.1%}" for c in COLUMNS)
    print(f"  {'name, number, currency or company':32}{cells}   (outputs with any of these wrong or missing)")
    print("what a retry fixed (thorough: every first-attempt problem retried once with the strict prompt)")
    for check in WEIGHTS:
        tried = [r for r in rows if check in r.first and r.calls["thorough"] > 1]
        if tried:
            fixed = sum(check not in r.problems["thorough"] for r in tried)
            mark = "retried by fast" if check in RETRY_CHECKS else "reported only by fast"
            print(f"  {check:32}{fixed:5d} of {len(tried):4d} = {fixed / len(tried):6.1%}   ({mark})")
    load = getattr(engine, "load_seconds", None)
    print(f"model load seconds: {load:.1f}" if load is not None else "model load seconds: n/a")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"average Korean sentence: {chars / n:.0f} characters; {workers} pairs at once")
    return 0


POLICIES: tuple[RetryPolicy, ...] = ("fast", "thorough")
COLUMNS = {"bare": "bare model", "fast": "fast (default)", "thorough": "thorough"}


class _Memo:
    """Greedy decoding gives the same text for the same prompt: a call both policies make (the first
    attempt) is decoded once, and each policy is charged the seconds it took."""

    def __init__(self, engine: TranslationEngine) -> None:
        self.engine = engine
        self._done: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int) -> tuple[str, float]:
        key = json.dumps([list(messages), max_tokens], ensure_ascii=False, sort_keys=True)
        with self._lock:
            found = self._done.get(key)
        if found is None:
            started = time.perf_counter()
            found = (self.engine.complete(messages, max_tokens), time.perf_counter() - started)
            with self._lock:
                self._done[key] = found
        return found


class _Timed:
    """One policy's view of the memo: the engine interface, with the seconds of its calls kept per thread."""

    def __init__(self, memo: _Memo) -> None:
        self._memo = memo
        self.name, self.model = memo.engine.name, memo.engine.model
        self.parallel = int(getattr(memo.engine, "parallel", 1))
        self._local = threading.local()

    def complete(self, messages: Sequence[ChatMessage], max_tokens: int, stop: StopCheck | None = None) -> str:
        text, seconds = self._memo.complete(messages, max_tokens)
        self._local.seconds = getattr(self._local, "seconds", 0.0) + seconds
        return text

    def take_seconds(self) -> float:
        seconds = getattr(self._local, "seconds", 0.0)
        self._local.seconds = 0.0
        return seconds


@dataclass
class _PairResult:
    text: dict[str, str] = field(default_factory=dict)
    problems: dict[str, set[str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    first: set[str] = field(default_factory=set)


def _run_pair(pair: dict[str, str], engine: TranslationEngine, translators: dict[str, Translator]) -> _PairResult:
    ko = pair["ko"]
    result = _PairResult()
    any_translator = translators["fast"]
    hits = any_translator.hits(ko, "ko", "en")
    started = time.perf_counter()
    bare = engine.complete(build_plain_messages(ko, "ko", "en"), max_tokens(ko, "ko")).strip()
    result.seconds["bare"] = time.perf_counter() - started
    result.text["bare"], result.calls["bare"] = bare, 1
    result.problems["bare"] = {p.check for p in any_translator.check(ko, bare, "ko", "en", hits)}
    for policy, translator in translators.items():
        timed = translator.engine
        assert isinstance(timed, _Timed)
        timed.take_seconds()
        out = translator.translate_text(ko, "ko", "en")
        result.seconds[policy] = timed.take_seconds()
        result.text[policy], result.calls[policy] = out.text, out.engine_calls
        result.problems[policy] = {p.check for p in out.problems}
        if policy == "fast":
            result.first = {p.check for p in out.first_problems}
    return result


def server_mode(args: argparse.Namespace, pairs: list[dict[str, str]]) -> int:
    """The same pairs through the full machinery twice: the in-process llama.cpp engine, and the openai
    engine talking to llama-cpp-python's server (python -m llama_cpp.server) with the same GGUF,
    streamed. Same model, same greedy decoding: the chrF should agree; this checks the HTTP path."""
    from newsimpact.config import Settings
    from newsimpact.translate.engines.local import machine_cores
    from newsimpact.translate.engines.openai_compat import OpenAIEngine
    from newsimpact.translate.local_server import MODEL_ALIAS, llama_server
    from newsimpact.translate.model_file import packaged_model

    model = packaged_model(Settings().translation.cache_dir)
    refs = [[p["en"] for p in pairs]]
    outputs: dict[str, list[str]] = {}
    seconds: dict[str, float] = {}
    local = build_engine(TranslationSettings(engine="local", parallel=1, n_threads=machine_cores(), cache=False))
    with llama_server(model, n_threads=machine_cores()) as base_url:
        server = OpenAIEngine(base_url, MODEL_ALIAS, parallel=1)
        for label, engine in (("in-process (local)", local), ("llama_cpp.server (openai)", server)):
            translator = Translator(engine, glossary=load_glossary(), cache=TranslationCache(None))
            started = time.perf_counter()
            outputs[label] = [translator.translate_text(p["ko"], "ko", "en").text for p in pairs]
            seconds[label] = time.perf_counter() - started
            print(f"  {label}: {seconds[label]:.0f} s", file=sys.stderr, flush=True)
    print(f"Korean -> English, {len(pairs)} pairs, full machinery, model {MODEL_ALIAS} = {model.name}")
    print(f"{'engine':34}{'chrF':>8}{'BLEU':>8}{'s / sentence':>14}")
    for label, out in outputs.items():
        chrf = sacrebleu.corpus_chrf(out, refs).score
        bleu = sacrebleu.corpus_bleu(out, refs).score
        print(f"{label:34}{chrf:8.1f}{bleu:8.1f}{seconds[label] / len(pairs):14.2f}")
    same = sum(a == b for a, b in zip(*outputs.values(), strict=True))
    print(f"identical outputs: {same} of {len(pairs)}")
    return 0


def pick_article(path: Path, chars: int) -> Article | None:
    """The evaluation article whose body is closest to `chars` characters (ties: the first)."""
    if not path.is_file():
        return None
    best: tuple[int, Article] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()]
        article = Article(title=row["title"], paragraphs=paragraphs, language="ko")
        gap = abs(sum(len(p) for p in paragraphs) - chars)
        if best is None or gap < best[0]:
            best = (gap, article)
    return best[1] if best else None


def article_mode(args: argparse.Namespace) -> int:
    """Wall-clock seconds to translate one whole article into English, per configuration, in one run.

    Each configuration gets a fresh in-memory cache (every segment really translated) and its model
    is loaded and warmed before timing, so the figures are translation time, not load time.
    SLOTSxTHREADS: llama.cpp contexts decoding segments at once x CPU threads each; :fast or :thorough
    the retry policy. 1x1:thorough is the baseline (one thread, one segment at a time, every problem
    retried and then split into sentences: the engine before issue 12).
    """
    article = pick_article(args.articles, args.chars)
    if article is None:
        print(f"skipped: {args.articles} not found (the evaluation articles are not shipped with the project)")
        return 0
    body_chars = sum(len(p) for p in article.paragraphs) + len(article.title)
    print(
        f"article: {len(article.paragraphs)} paragraphs, {body_chars} characters (title and body); "
        f"machine: {machine_cores()} cores, load average {os.getloadavg()[0]:.1f} (shared with other work)"
    )
    times: dict[str, list[float]] = {}
    calls: dict[str, int] = {}
    for config in args.configs.split(","):
        layout, _, policy = config.partition(":")
        slots, threads = (None, None) if layout == "default" else map(int, layout.split("x"))
        retries: RetryPolicy = "thorough" if policy == "thorough" else "fast"
        settings = TranslationSettings(engine=args.engine, n_threads=threads, parallel=slots, cache=False)
        engine = build_engine(settings)
        parallel, n_threads = getattr(engine, "parallel", 1), getattr(engine, "n_threads", 1)
        label = f"{layout} ({parallel} x {n_threads} threads), {retries}"
        warm = getattr(engine, "warm", None)
        if warm is not None:
            warm()  # load every context before the clock starts
        for _ in range(args.repeat):
            translator = Translator(engine, glossary=load_glossary(), cache=TranslationCache(None), retries=retries)
            started = time.perf_counter()
            result = translator.translate(article, "en")
            times.setdefault(label, []).append(time.perf_counter() - started)
            calls[label] = result.engine_calls
            print(f"  {label}: {times[label][-1]:.1f} s", file=sys.stderr, flush=True)
    baseline = statistics.median(next(iter(times.values())))
    print(f"{'configuration':44}{'median s':>10}{'s / 2,000 chars':>17}{'vs baseline':>13}{'engine calls':>14}")
    for label, runs in times.items():
        median = statistics.median(runs)
        print(f"{label:44}{median:10.1f}{median / body_chars * 2000:17.1f}{baseline / median:12.2f}x{calls[label]:14d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
