"""RESULTS.md from a run's results (the same data as results.json, laid out for reading)."""

from __future__ import annotations

import itertools
from typing import Any

from benchmarks.output import FIRST
from benchmarks.synth import sizes as real

STAGES = (
    ("floor", "floor: markdown-it-py parse"),
    ("generator", "generator stage: every page rendered, no mkdocs (image cache warm)"),
    ("full", "full `build`: every page rendered (image cache warm)"),
    ("cold", "full `build`, cold caches (draws every placeholder)"),
    ("noop", "rebuild, nothing changed"),
    ("incremental", "rebuild after a one-file edit"),
    ("incremental_full", "rebuild after a one-file edit, every page through mkdocs (`--full`)"),
    ("anchor", "anchor: plain mkdocs-material"),
)
ASSET_BUDGET_KIB = 20.0
NOT_MEASURED = "n/a"


def render_report(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    parts = [
        "# Benchmark results",
        "Issue 9: the cost of `python -m generator build` against plain mkdocs-material and the "
        "markdown-it-py parsing floor, on a deterministic synthetic corpus shaped like the real one.",
        f"Reproduce with `{results['command']}` (from the repository root; "
        f"this run took {results.get('total_seconds', 0):.0f} s).",
        "" if results.get("complete") else "**Partial report: the run is still going or was stopped.**",
        _machine(
            results["machine"],
            results["runs"],
            (results.get("load_average_before", []), results.get("load_average_after", [])),
        ),
        _timings(sizes, results["runs"]),
        _ratios(sizes, results),
        _breakdown(sizes),
        _output(sizes),
        _assets(sizes),
        _tick(results.get("tick")),
        _corpus(sizes, results["seed"]),
        _profile(results.get("profile")),
        _notes(sizes),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _runs(size: dict[str, Any], runs: int) -> str:
    """The size's own number of runs where it differs from the report's (large sizes run fewer)."""
    own = size.get("runs", runs)
    return "" if own == runs else f" ({own} run{'s' if own > 1 else ''})"


def _machine(info: dict[str, Any], runs: int, load: tuple[list[float], list[float]]) -> str:
    packages = ", ".join(f"{name} {version}" for name, version in info["packages"].items())
    dirty = " (with uncommitted changes)" if info["uncommitted_changes"] else ""
    return "\n".join(
        [
            "## Machine",
            f"- {info['cpus']} CPUs ({info['cpu_model']}), {info['memory_gib']} GiB memory, {info['os']}",
            f"- Python {info['python']}; {packages}",
            f"- {info['chromium']}; repository at commit {info['commit']}{dirty}",
            f"- Every timing is a whole process (interpreter start-up and imports included, the "
            f"project's modules compiled to bytecode beforehand as an install does), the median of "
            f"{runs} run(s), taken round by round (floor, cold build, full build, generator stage, "
            "anchor, then the next round) so that slower minutes of the machine fall on all of them; "
            "memory is the process's peak resident set size "
            "(wait4 rusage, as `/usr/bin/time -v`).",
            f"- Load average (1, 5, 15 min) before the run: {_load(load[0])}; after: {_load(load[1])}. "
            "Other work on the machine inflates wall times; CPU times are the steadier figure.",
        ]
    )


def _timings(sizes: list[dict[str, Any]], runs: int) -> str:
    head = "| Stage | " + " | ".join(f"N={s['n']:,}" + _runs(s, runs) for s in sizes) + " |"
    lines = [
        "## Timings",
        f"Median of {runs} run(s): wall time · CPU time (user + system, all threads) · peak memory.",
        "",
        head,
        _rule(len(sizes) + 1),
    ]
    for key, label in STAGES:
        cells = [_cell(size["stages"].get(key)) for size in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(stage: dict[str, Any] | None) -> str:
    if not stage:
        return "skipped"
    return (
        f"{_seconds(stage['median_seconds'])} · {_seconds(stage['median_cpu_seconds'])} CPU · "
        f"{stage['median_peak_mib']:.0f} MiB"
    )


def ratios(size: dict[str, Any], base: dict[str, Any]) -> dict[str, float | None]:
    """The issue's ratios for one N (``base`` is the smallest N measured, normally 100)."""
    wall = {key: value["median_seconds"] for key, value in size["stages"].items()}
    cpu = {key: value["median_cpu_seconds"] for key, value in size["stages"].items()}

    def per_page(key: str) -> float:
        return (wall[key] / size["n"]) / (base["stages"][key]["median_seconds"] / base["n"])

    return {
        "full / anchor": _div(wall["full"], wall.get("anchor")),
        "full / anchor, CPU time": _div(cpu["full"], cpu.get("anchor")),
        "cold / anchor": _div(wall["cold"], wall.get("anchor")),
        "generator / floor": _div(wall["generator"], wall["floor"]),
        "generator / floor, CPU time": _div(cpu["generator"], cpu["floor"]),
        "full / floor": _div(wall["full"], wall["floor"]),
        "incremental / full": _div(wall["incremental"], wall["full"]),
        "incremental with `--full` / full": _div(wall.get("incremental_full"), wall["full"]),
        "nothing changed / full": _div(wall["noop"], wall["full"]),
        "full, per page vs smallest N": per_page("full"),
        "cold, per page vs smallest N": per_page("cold"),
        "generator, per page vs smallest N": per_page("generator"),
    }


def _anchor_target(n: int, value: float) -> bool:
    return n == 1000 and value <= 0.35


def _linear(n: int, value: float) -> bool:
    """The step to 10,000 costs no more per added page than the step to 1,000, within 20%: growth
    is at most linear (cheaper added pages, e.g. a shared placeholder drawn once, are fine)."""
    return value <= 1.2


def _no_dearer(n: int, value: float) -> bool:
    """Per page against N=100, whose start-up cost is spread over few pages: cheaper is linear too."""
    return value <= 1.2


def marginal(sizes: list[dict[str, Any]], key: str) -> list[float | None]:
    """The cost of each page added from one N to the next, relative to the first such step
    (100 -> 1,000): the steady per-page cost, without start-up, that linear means constant."""
    steps: list[float | None] = [None]
    for before, after in itertools.pairwise(sizes):
        wall = (before["stages"].get(key), after["stages"].get(key))
        if None in wall:
            steps.append(None)
            continue
        steps.append((wall[1]["median_seconds"] - wall[0]["median_seconds"]) / (after["n"] - before["n"]))
    first = steps[1] if len(steps) > 1 else None
    return [None if step is None or not first else step / first for step in steps]


TARGETS = {
    "full / anchor": ("≤ 0.35 at N=1,000", _anchor_target, 1000),
    "cold / anchor": ("≤ 0.35 at N=1,000", _anchor_target, 1000),
    "generator / floor": ("≤ 3", lambda n, v: v <= 3, None),
    "incremental / full": ("≤ 0.05", lambda n, v: v <= 0.05, None),
    "full, per page vs smallest N": ("≤ 1.2 at N=10,000", _no_dearer, 10000),
    "cold, per page vs smallest N": ("≤ 1.2 at N=10,000", _no_dearer, 10000),
    "full, cost per added page vs 100 → 1,000": ("≤ 1.2 at N=10,000", _linear, 10000),
    "cold, cost per added page vs 100 → 1,000": ("≤ 1.2 at N=10,000", _linear, 10000),
}


def _ratios(sizes: list[dict[str, Any]], results: dict[str, Any]) -> str:
    table = [ratios(size, sizes[0]) for size in sizes]
    for key in ("full", "cold"):
        for row, value in zip(table, marginal(sizes, key), strict=True):
            row[f"{key}, cost per added page vs 100 → 1,000"] = value
    results["ratios"] = {str(size["n"]): row for size, row in zip(sizes, table, strict=True)}
    head = "| Ratio | " + " | ".join(f"N={s['n']:,}" for s in sizes) + " | Target | Met |"
    lines = ["## Ratios", f"Per-page rows compare with N={sizes[0]['n']:,}.", "", head, _rule(len(sizes) + 3)]
    for name in table[0]:
        values = [row[name] for row in table]
        target, met = _target(name, [s["n"] for s in sizes], values)
        lines.append(f"| {name} | " + " | ".join(_ratio(v) for v in values) + f" | {target} | {met} |")
    return "\n".join(lines)


def _target(name: str, ns: list[int], values: list[float | None]) -> tuple[str, str]:
    if name not in TARGETS:
        return "", ""
    text, ok, at = TARGETS[name]
    judged = [(n, v) for n, v in zip(ns, values, strict=True) if v is not None and (at is None or n == at)]
    if not judged:
        return text, "not measured"
    n, value = judged[-1]
    return text, ("yes" if ok(n, value) else "**no**") + f" (N={n:,})"


BUILDS = ("cold", "full", "noop", "incremental", "incremental_full")


def _breakdown(sizes: list[dict[str, Any]]) -> str:
    labels = dict(STAGES)
    lines = [
        "## Inside the builds",
        "From each build's own summary line (its median run). Image work is summed over "
        "the image worker threads, so it can exceed the wall time.",
        "",
        "| N | build | pages rendered | pages kept from the previous site | load and render, s "
        "| mkdocs, s | image work, s |",
        _rule(7),
    ]
    keys = ("rendered", "kept", "load_and_render_seconds", "mkdocs_seconds", "image_work_seconds")
    for size in sizes:
        for build in BUILDS:
            numbers = size.get("summaries", {}).get(build, {})
            cells = [numbers.get(k) for k in keys]
            row = " | ".join(
                NOT_MEASURED if c is None else f"{c:g}" if i < 2 else f"{c:.2f}" for i, c in enumerate(cells)
            )
            lines.append(f"| {size['n']:,} | {labels[build]} | {row} |")
    return "\n".join(lines)


def _output(sizes: list[dict[str, Any]]) -> str:
    lines = [
        "## Output size",
        "Site bytes per page = everything in the site folder (images, search index, assets) "
        "/ tutorial pages.",
        "",
        "| N | our HTML per tutorial page | our site per page | anchor HTML per page "
        "| anchor site per page |",
        _rule(5),
    ]
    for size in sizes:
        ours, theirs = size["output"], size.get("anchor_output")
        cells = [f"{ours['html_kib_median']:.0f} KiB", f"{ours['site_kib_per_page']:.0f} KiB"]
        if theirs:
            cells += [f"{theirs['html_kib_median']:.0f} KiB", f"{theirs['site_kib_per_page']:.0f} KiB"]
        else:
            cells += ["skipped", "skipped"]
        lines.append(f"| {size['n']:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _assets(sizes: list[dict[str, Any]]) -> str:
    assets = sizes[-1].get("own_assets") or []
    for asset in assets:
        asset.setdefault("when", FIRST)  # results of runs before the loader: all at once
    first = [a for a in assets if a["when"] == FIRST]
    total = sum(a["bytes"] for a in first) / 1024
    gzipped = sum(a["gzip_bytes"] for a in first) / 1024
    verdict = "met" if total <= ASSET_BUDGET_KIB else "**not met**"
    lines = [
        "## The project's own JS and CSS per tutorial page",
        "Scripts and style sheets from `site_overrides/` (minified in the built site) that a tutorial page "
        "loads in Chromium: its HTML's and those its loader adds, on a first visit and later "
        f"(target ≤ 20 KB on a first visit: {verdict} uncompressed, "
        f"{'met' if gzipped <= ASSET_BUDGET_KIB else '**not met**'} gzipped).",
        "",
        "| File | loaded | bytes | gzip -9 |",
        _rule(4),
    ]
    lines += [f"| {a['path']} | {a['when']} | {a['bytes']:,} | {a['gzip_bytes']:,} |" for a in assets]
    lines.append(f"| **total on a first visit** | | {total:.1f} KiB | {gzipped:.1f} KiB |")
    later = [a for a in assets if a not in first]
    if later:
        lines.append(
            f"| **total loaded later** | | {sum(a['bytes'] for a in later) / 1024:.1f} KiB "
            f"| {sum(a['gzip_bytes'] for a in later) / 1024:.1f} KiB |"
        )
    return "\n".join(lines)


def _tick(tick: dict[str, Any] | None) -> str:
    if not tick:
        return ""
    ok = tick["with_layout_ms_max"] < tick["budget_ms"]
    return "\n".join(
        [
            "## Ticking a box on a 300-step page (Chromium, Performance API)",
            f"{tick['ticks']} ticks on a page with {tick['boxes']} checkboxes; counters read "
            f'"{tick["first_counter"]}" after the first and "{tick["last_counter"]}" after the last.',
            "",
            "| | median | max |",
            _rule(3),
            f"| change handlers (save progress, update all counters) | {tick['handled_ms_median']:.2f} ms "
            f"| {tick['handled_ms_max']:.2f} ms |",
            f"| handlers + forced style and layout | {tick['with_layout_ms_median']:.2f} ms "
            f"| {tick['with_layout_ms_max']:.2f} ms |",
            "",
            f"Target: under {tick['budget_ms']:.0f} ms: {'met' if ok else '**not met**'} "
            "(paint not included; "
            "Chromium rounds `performance.now()` to 0.1 ms).",
        ]
    )


def _corpus(sizes: list[dict[str, Any]], seed: int) -> str:
    lines = [
        "## Synthetic corpus",
        f"`benchmarks/synth`, seed {seed}; per tutorial means, beside the real corpus "
        "(`benchmarks/synth/sizes.py`). Images are references: most are missing (placeholders), "
        "the rest point to 5 small PNGs in a shared media folder.",
        "",
        "| corpus | legacy share | KiB per file | steps | sub-steps | images (present) | callouts |",
        _rule(7),
    ]
    for size in sizes:
        c = size["corpus"]
        count = c["tutorials"]
        lines.append(
            f"| synthetic, N={count:,} | {c['legacy'] / count:.0%} | {c['bytes'] / count / 1024:.1f} | "
            f"{c['steps'] / count:.1f} | {c['substeps'] / count:.1f} | "
            f"{c['images'] / count:.1f} ({c['shared_images'] / count:.1f}) | "
            f"{c['callouts'] / count:.1f} (+1 per legacy file) |"
        )
    for dialect in ("legacy", "modern"):
        mean_kib = sum(real.SIZE_QUANTILES[dialect][1:-1]) / 9 / 1024
        lines.append(
            f"| real {dialect} | | ≈{mean_kib:.1f} (decile mean) | {real.MEAN_STEPS[dialect]} | "
            f"{real.MEAN_SUBSTEPS[dialect]} | {real.MEAN_IMAGES[dialect]} | {real.MEAN_CALLOUTS[dialect]} |"
        )
    return "\n".join(lines)


def _profile(profile: dict[str, Any] | None) -> str:
    if not profile:
        return ""
    build = profile.get("build_summary", {})
    lines = [
        f"## Profile of one full build at N={profile['n']:,}",
        f"`python -m cProfile -m generator build --jobs 1` (every page rendered, image cache warm): "
        f"{profile['wall_seconds']:.1f} s wall under the profiler, "
        f"{profile['total_seconds']:.1f} s profiled on the main thread. The build reported "
        f"{build.get('load_and_render_seconds', 0):.1f} s load and render, "
        f"{build.get('mkdocs_seconds', 0):.1f} s "
        f"mkdocs, {build.get('image_work_seconds', 0):.1f} s image work on its worker threads "
        "(invisible to cProfile except as waiting).",
        "",
        "| Area (own time, main thread) | s | share |",
        _rule(3),
    ]
    total = max(profile["total_seconds"], 1e-9)
    for area, seconds in list(profile["areas"].items())[:12]:
        lines.append(f"| {area} | {seconds:.2f} | {seconds / total:.0%} |")
    lines += ["", "| Function (top own time) | calls | own s | cumulative s |", _rule(4)]
    for row in profile["top_own"]:
        lines.append(
            f"| `{row['name']}` | {row['calls']:,} | {row['own_seconds']:.2f} "
            f"| {row['cumulative_seconds']:.2f} |"
        )
    return "\n".join(lines)


def _notes(sizes: list[dict[str, Any]]) -> str:
    notes = [note for size in sizes for note in (f"N={size['n']:,}: {n}" for n in size["notes"])]
    for size in sizes:
        rendered = size.get("summaries", {}).get("incremental", {}).get("rendered")
        if rendered is None:
            notes.append(
                f"N={size['n']:,}: the build did not say how many pages it rendered after the one-file "
                "edit; if it has no page cache, that rebuild is a full rebuild."
            )
        elif rendered != 1:
            notes.append(f"N={size['n']:,}: the one-file edit re-rendered {rendered:g} pages, not 1.")
    if not notes:
        return ""
    return "## Notes\n" + "\n".join(f"- {note}" for note in notes)


def _load(values: list[float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values) or NOT_MEASURED


def _div(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _ratio(value: float | None) -> str:
    return NOT_MEASURED if value is None else f"{value:.2f}"


def _rule(columns: int) -> str:
    return "|" + "---|" * columns
