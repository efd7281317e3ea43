"""``benchmarks/run``: measure every stage at each corpus size and write RESULTS.md and results.json.

For each N the same run measures, whole-process and several times (median), round by round: the
markdown-it floor, our full ``build`` (cold caches, then every page rendered with the image
cache warm), our generator stage alone, plain mkdocs-material on the raw files (up to 1,000);
then rebuilds with nothing changed and after a one-file edit (warm caches). Then the
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import anchor, browser, machine, output, profiling
from benchmarks.measure import Measurement, StageFailed, measure, python, run_once
from benchmarks.report import render_report
from benchmarks.synth import DEFAULT_SEED, tutorial_paths, write_corpus

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "site_overrides"
DEFAULT_SIZES = [100, 1000]
LARGE = 10000
PROFILE_MAX_N = 1000
# The build cache keeps rendered pages in this folder of the cache (generator/site/cache.py).
PAGE_CACHE = "pages"
_SUMMARY_NUMBERS = {
    "rendered": re.compile(r"(\d+) read and rendered"),
    "kept": re.compile(r"(\d+) kept"),  # a patched rebuild: pages kept from the previous site
    "load_and_render_seconds": re.compile(r"load and render ([\d.]+) s"),
    "mkdocs_seconds": re.compile(r"mkdocs ([\d.]+) s"),
    "image_work_seconds": re.compile(r"([\d.]+) s of image work"),
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=None, help="corpus sizes (default: 100 1000)")
    parser.add_argument("--large", action="store_true", help=f"also measure N={LARGE}")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per stage; the median is reported")
    parser.add_argument(
        "--large-runs", type=int, default=1, help=f"timed runs per stage at N >= {LARGE:,} (default 1)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks", help="where RESULTS.md goes")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="synthetic corpus seed")
    parser.add_argument("--profile", action="store_true", help="cProfile one full build (N <= 1,000)")
    parser.add_argument("--no-browser", action="store_true", help="skip the 300-step tick in Chromium")
    args = parser.parse_args(argv)
    args.n = sorted(set((args.n or DEFAULT_SIZES) + ([LARGE] if args.large else [])))
    if min(args.runs, args.large_runs, *args.n) < 1:
        parser.error("--runs, --large-runs and --n must be positive")
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
        _compile_bytecode()
        for n in args.n:
            results["sizes"].append(_measure_size(n, args, work / f"n{n}"))
            _write(results, args.out, started)  # a long run shows its numbers as they come
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
    results["complete"] = True
    _write(results, args.out, started)
    _log(f"wrote {args.out / 'RESULTS.md'} and results.json")
    return 0


def _write(results: dict[str, Any], out: Path, started: float) -> None:
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    results["load_average_after"] = os.getloadavg()
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (out / "RESULTS.md").write_text(render_report(results), encoding="utf-8")


def _measure_size(n: int, args: argparse.Namespace, base: Path) -> dict[str, Any]:
    shutil.rmtree(base, ignore_errors=True)
    corpus, site, cache = base / "corpus", base / "site", base / "cache"
    _log(f"N={n}: writing the synthetic corpus")
    stats = write_corpus(corpus, n, args.seed)
    runs = args.large_runs if n >= LARGE else args.runs
    result: dict[str, Any] = {
        "n": n,
        "runs": runs,
        "corpus": stats.__dict__,
        "stages": {},
        "summaries": {},
        "notes": [],
    }
    stages: dict[str, Measurement] = {}
    env = _child_env()
    floor = python("-m", "benchmarks.stages", "floor", str(corpus))
    images, full_site = base / "image-cache", base / "full-site"
    build = _build(corpus, full_site, images)
    render = python("-m", "benchmarks.stages", "render", str(corpus), str(images))
    anchor_site = base / "anchor-site"
    with_anchor = n <= anchor.MAX_PAGES
    if with_anchor:
        config = anchor.write_config(corpus, anchor_site, base / "anchor-mkdocs.yml")
        mkdocs = python("-m", "mkdocs", "build", "-q", "-f", str(config))
    else:
        result["notes"].append(f"anchor {anchor.SKIP_REASON}")

    def timed(stage: str, argv: list[str], prepare: Callable[[int], None] | None = None) -> None:
        stages.setdefault(stage, Measurement()).samples += measure(argv, 1, prepare, env).samples

    # Round by round, so that the machine's slower and faster minutes fall on every stage alike:
    # the ratios compare stages measured minutes apart.
    for run in range(runs):
        _log(f"N={n}: round {run + 1} of {runs}: floor, cold build, full build, generator stage, anchor")
        timed("floor", floor)
        timed("cold", _build(corpus, site, cache), lambda _: _remove(site, cache))
        if run == 0:
            ours = output.tutorial_pages(site, ("tutorials",))
            result["output"] = output.site_size(site, ours).as_dict()
            own = output.own_assets(ours[0], site, OVERRIDES) if ours else []
            result["own_assets"] = [a.__dict__ for a in own]
            # Every page rendered, screenshots and placeholders from the cache: a build after a
            # generator upgrade, and the generator's own cost (image drawing is measured by "cold").
            _image_cache(cache, images)
        timed("full", build, lambda _: _remove(images / PAGE_CACHE, full_site))
        timed("generator", render, lambda _: _remove(images / PAGE_CACHE))
        if with_anchor:
            timed("anchor", mkdocs, lambda _: _remove(anchor_site))
    if with_anchor:
        pages = output.tutorial_pages(anchor_site, ("legacy", "modern"))
        result["anchor_output"] = output.site_size(anchor_site, pages).as_dict()

    _log(f"N={n}: rebuild with nothing changed")
    stages["noop"] = measure(_build(corpus, site, cache), runs, env=env)

    _log(f"N={n}: one-file edit, then rebuild")
    edited = tutorial_paths(corpus)[n // 2]
    stages["incremental"] = measure(_build(corpus, site, cache), runs, lambda run: _edit(edited, run), env)
    _log(f"N={n}: one-file edit, then rebuild with every page through mkdocs (--full)")
    stages["incremental_full"] = measure(
        [*_build(corpus, site, cache), "--full"], runs, lambda run: _edit(edited, runs + run), env
    )
    for name, measured in stages.items():
        result["stages"][name] = measured.as_dict()
        if name not in ("floor", "anchor", "generator"):
            result["summaries"][name] = _summary_numbers(measured.median_sample.stdout)
    return result


def _build(corpus: Path, site: Path, cache: Path) -> list[str]:
    return python(
        "-m",
        "generator",
        "build",
        "--source",
        str(corpus),
        "--site-dir",
        str(site),
        "--cache-dir",
        str(cache),
    )


def _image_cache(cache: Path, images: Path) -> None:
    """``images``: a copy of a warm build cache without its rendered pages (screenshots and
    placeholders only)."""
    _remove(images)
    shutil.copytree(cache, images, ignore=lambda folder, names: [PAGE_CACHE] if Path(folder) == cache else [])


def _profile(n: int, work: Path) -> dict[str, Any]:
    """cProfile one full build (every page rendered, image cache warm) of a corpus measured before.

    cProfile sees one process, so the build renders in one (``--jobs 1``); image drawing runs on
    threads it cannot see (the build's summary line reports it), so the profile is of the build
    that draws nothing: the Python pipeline itself.
    """
    _log(f"N={n}: profiling one full build (every page rendered, image cache warm)")
    base = work / f"n{n}"
    images, out = base / "image-cache", base / "build.prof"
    _remove(images / PAGE_CACHE)
    build = _build(base / "corpus", base / "profile-site", images)[1:]
    command = python("-m", "cProfile", "-o", str(out), *build, "--jobs", "1")
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


def _compile_bytecode() -> None:
    """Compile the project's modules once, as installing a package does: measured processes then
    load them as mkdocs and every installed library is loaded, not compiled again each time."""
    try:
        run_once(python("-m", "compileall", "-q", "generator", "benchmarks"), cwd=ROOT, env=_child_env())
    except StageFailed as failure:  # a read-only checkout: measured as it is, compiled each time
        _log(f"could not compile the project's modules beforehand: {failure}")


def _child_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # A shell that sets this (some sandboxes do) would have every build compile the generator again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)
