"""``benchmarks/run``: measure every stage at each corpus size and write RESULTS.md and results.json.

For each N the same run measures, whole-process and several times (median): the markdown-it
floor, our generator stage alone, our full ``build`` (cold caches), plain mkdocs-material
on the raw files (up to 1,000), and a rebuild after a one-file edit (warm caches). Then the
output sizes, the project's own JS and CSS per page, and (once) a tick on a 300-step page.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import anchor, browser, machine, output, profiling
from benchmarks.measure import StageFailed, measure, python, run_once
from benchmarks.report import render_report
from benchmarks.synth import DEFAULT_SEED, tutorial_paths, write_corpus

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "site_overrides"
DEFAULT_SIZES = [100, 1000]
LARGE = 10000
PROFILE_MAX_N = 1000
_SUMMARY_NUMBERS = {
    "load_and_render_seconds": re.compile(r"load and render ([\d.]+) s"),
    "mkdocs_seconds": re.compile(r"mkdocs ([\d.]+) s"),
    "image_work_seconds": re.compile(r"([\d.]+) s of image work"),
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=None, help="corpus sizes (default: 100 1000)")
    parser.add_argument("--large", action="store_true", help=f"also measure N={LARGE}")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per stage; the median is reported")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks", help="where RESULTS.md goes")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="synthetic corpus seed")
    parser.add_argument("--profile", action="store_true", help="cProfile one full build (N <= 1,000)")
    parser.add_argument("--no-browser", action="store_true", help="skip the 300-step tick in Chromium")
    args = parser.parse_args(argv)
    args.n = sorted(set((args.n or DEFAULT_SIZES) + ([LARGE] if args.large else [])))
    if args.runs < 1 or min(args.n) < 1:
        parser.error("--runs and --n must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    results: dict[str, Any] = {
        "command": " ".join(["benchmarks/run", *argv]),
        "load_average_before": os.getloadavg(),
        "runs": args.runs,
        "seed": args.seed,
        "machine": machine.describe(ROOT),
        "sizes": [],
    }
    work = args.work or Path(tempfile.mkdtemp(prefix="tc-bench-"))
    started = time.perf_counter()
    try:
        for n in args.n:
            results["sizes"].append(_measure_size(n, args, work / f"n{n}"))
        if args.profile:
            profiled = max((n for n in args.n if n <= PROFILE_MAX_N), default=min(args.n))
            results["profile"] = _profile(profiled, work)
        if not args.no_browser:
            _log("300-step page: tick timing in Chromium")
            results["tick"] = browser.measure_tick(work / "tick", ROOT, _child_env()).as_dict()
    except StageFailed as failure:
        print(f"benchmark failed: {failure}", file=sys.stderr)
        return 1
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["load_average_after"] = os.getloadavg()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "RESULTS.md").write_text(render_report(results), encoding="utf-8")
    _log(f"wrote {args.out / 'RESULTS.md'} and results.json")
    return 0


def _measure_size(n: int, args: argparse.Namespace, base: Path) -> dict[str, Any]:
    shutil.rmtree(base, ignore_errors=True)
    corpus, site, cache = base / "corpus", base / "site", base / "cache"
    _log(f"N={n}: writing the synthetic corpus")
    stats = write_corpus(corpus, n, args.seed)
    result: dict[str, Any] = {"n": n, "corpus": stats.__dict__, "stages": {}, "notes": []}
    stages = result["stages"]
    env = _child_env()

    _log(f"N={n}: floor (markdown-it-py parse)")
    stages["floor"] = measure(python("-m", "benchmarks.stages", "floor", str(corpus)), args.runs, env=env)
    _log(f"N={n}: full build, cold caches")
    build = python("-m", "generator", "build", "--source", str(corpus), "--site-dir", str(site))
    build += ["--cache-dir", str(cache)]
    stages["full"] = measure(build, args.runs, lambda _: _remove(site, cache), env)
    result["build_summary"] = _summary_numbers(stages["full"].samples[-1].stdout)
    ours = output.tutorial_pages(site, ("tutorials",))
    result["output"] = output.site_size(site, ours).as_dict()
    result["own_assets"] = [a.__dict__ for a in output.own_assets(ours[0], site, OVERRIDES)] if ours else []
    # From here on the image cache is the one the last cold build filled.
    _log(f"N={n}: full build, warm image cache, nothing changed")
    stages["full_warm"] = measure(build, args.runs, lambda _: _remove(site), env)
    result["warm_summary"] = _summary_numbers(stages["full_warm"].samples[-1].stdout)
    _log(f"N={n}: generator stage (no mkdocs), warm image cache")
    render = python("-m", "benchmarks.stages", "render", str(corpus), str(cache))
    stages["generator"] = measure(render, args.runs, env=env)

    if n <= anchor.MAX_PAGES:
        _log(f"N={n}: anchor (plain mkdocs-material)")
        anchor_site = base / "anchor-site"
        config = anchor.write_config(corpus, anchor_site, base / "anchor-mkdocs.yml")
        command = python("-m", "mkdocs", "build", "-q", "-f", str(config))
        stages["anchor"] = measure(command, args.runs, lambda _: _remove(anchor_site), env)
        pages = output.tutorial_pages(anchor_site, ("legacy", "modern"))
        result["anchor_output"] = output.site_size(anchor_site, pages).as_dict()
    else:
        result["notes"].append(f"anchor {anchor.SKIP_REASON}")

    _log(f"N={n}: one-file edit, then rebuild (warm caches)")
    if not site.is_dir():
        run_once(build, env=env)
    edited = tutorial_paths(corpus)[n // 2]
    stages["incremental"] = measure(build, args.runs, lambda run: _edit(edited, run), env)
    result["incremental_summary"] = _summary_numbers(stages["incremental"].samples[-1].stdout)
    result["stages"] = {name: m.as_dict() for name, m in stages.items()}
    return result


def _profile(n: int, work: Path) -> dict[str, Any]:
    """cProfile one full build of the N-tutorial corpus measured before, its image cache warm.

    Cold, the build's time is image work on worker threads, which cProfile cannot see (the
    build's own summary reports it); warm, the profile shows the Python pipeline itself.
    """
    _log(f"N={n}: profiling one full build (warm image cache)")
    base = work / f"n{n}"
    site, out = base / "profile-site", base / "build.prof"
    command = python("-m", "cProfile", "-o", str(out), "-m", "generator", "build")
    command += ["--source", str(base / "corpus"), "--site-dir", str(site), "--cache-dir", str(base / "cache")]
    sample = run_once(command, cwd=ROOT, env=_child_env())
    summary = profiling.summarise(out)
    summary.update(n=n, wall_seconds=round(sample.seconds, 2), build_summary=_summary_numbers(sample.stdout))
    return summary


def _edit(path: Path, run: int) -> None:
    """Change the text of the first step of ``path`` (a different change every run)."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^1\.\s+.*$", text, flags=re.MULTILINE)
    if match is None:
        raise StageFailed(f"{path}: no numbered step to edit")
    changed = text[: match.end()] + f" Then wait (edit {run})." + text[match.end() :]
    path.write_text(changed, encoding="utf-8")


def _summary_numbers(stdout: str) -> dict[str, float]:
    found = {name: pattern.search(stdout) for name, pattern in _SUMMARY_NUMBERS.items()}
    return {name: float(match.group(1)) for name, match in found.items() if match}


def _remove(*paths: Path) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def _child_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)
