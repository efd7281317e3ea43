"""Ticking a box on a 300-step tutorial page, timed in Chromium with the Performance API.

The page is built by the real ``build`` and served over HTTP on the port its ``site_url``
names. In the page, ``performance.mark`` brackets one ``click()`` on a step's checkbox:
the change handlers (saving progress, updating every counter) run synchronously inside it,
then reading ``offsetHeight`` forces the style and layout work the new counters cause.
"handled" is the script alone, "with layout" adds that forced layout; the 16 ms budget
(one frame at 60 Hz) applies to the latter. Paint and compositing are not included.
"""

from __future__ import annotations

import random
import socket
import statistics
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.measure import python, run_once
from benchmarks.synth.markdown import write_markdown
from benchmarks.synth.media import write_shared_images
from benchmarks.synth.plan import plan_long

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STEPS = 300
TICKS = 21
BUDGET_MS = 16.0

_TICK = """
(index) => {
  const boxes = document.querySelectorAll("input[data-tc-box]");
  const box = boxes[index % boxes.length];
  const counter = document.querySelector("[data-tc-progress='tutorial'] [data-tc-count]");
  performance.clearMarks();
  performance.mark("start");
  box.click();
  performance.mark("handled");
  void document.body.offsetHeight;
  performance.mark("laid-out");
  return {
    boxes: boxes.length,
    counter: counter ? counter.textContent : null,
    handled: performance.measure("h", "start", "handled").duration,
    laidOut: performance.measure("l", "start", "laid-out").duration,
  };
}
"""


@dataclass
class TickResult:
    boxes: int
    handled_ms: list[float]
    laid_out_ms: list[float]
    counters: list[str]  # the page's own "N of M steps" after each tick

    def as_dict(self) -> dict[str, object]:
        return {
            "boxes": self.boxes,
            "ticks": len(self.handled_ms),
            "handled_ms_median": round(statistics.median(self.handled_ms), 2),
            "handled_ms_max": round(max(self.handled_ms), 2),
            "with_layout_ms_median": round(statistics.median(self.laid_out_ms), 2),
            "with_layout_ms_max": round(max(self.laid_out_ms), 2),
            "budget_ms": BUDGET_MS,
            "first_counter": self.counters[0],
            "last_counter": self.counters[-1],
        }


def measure_tick(work: Path, root: Path, env: dict[str, str]) -> TickResult:
    """Build a one-tutorial site with a 300-step page and time ticks on it."""
    source = work / "long-source"
    write_shared_images(source / "media" / "shared")
    plan = plan_long(random.Random(300), STEPS)
    (source / "modern").mkdir(parents=True, exist_ok=True)
    (source / "modern" / f"{plan.slug}.md").write_text(write_markdown(plan), encoding="utf-8")
    port = _free_port()
    site = work / "long-site"
    build = python("-m", "generator", "build", "--source", str(source), "--site-dir", str(site))
    run_once(
        [*build, "--site-url", f"http://127.0.0.1:{port}/", "--cache-dir", str(work / "long-cache")],
        cwd=root,
        env=env,
    )
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        return _tick(f"http://127.0.0.1:{port}/tutorials/modern/{plan.slug}/")
    finally:
        server.shutdown()
        server.server_close()


def _tick(url: str) -> TickResult:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.wait_for_selector("[data-tc-progress='tutorial']:not([hidden])")
            results = [page.evaluate(_TICK, index * 37) for index in range(TICKS)]
        finally:
            browser.close()
    return TickResult(
        boxes=results[0]["boxes"],
        handled_ms=[r["handled"] for r in results],
        laid_out_ms=[r["laidOut"] for r in results],
        counters=[r["counter"] or "" for r in results],
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
