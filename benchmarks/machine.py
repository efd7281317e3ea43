"""The machine and software a run measured, so numbers can be compared with the next run."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "markdown-it-py",
    "mdit-py-plugins",
    "mkdocs",
    "mkdocs-material",
    "jinja2",
    "pillow",
    "pyyaml",
    "nh3",
    "playwright",
)


def describe(root: Path) -> dict[str, object]:
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _proc_field("/proc/cpuinfo", "model name"),
        "memory_gib": _memory_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in PACKAGES},
        "chromium": _output(["/usr/bin/chromium", "--version"]),
        "commit": _output(["git", "-C", str(root), "rev-parse", "--short", "HEAD"]),
        "uncommitted_changes": bool(_output(["git", "-C", str(root), "status", "--porcelain"])),
    }


def _proc_field(path: str, name: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        pass
    return "unknown"


def _memory_gib() -> float | None:
    kib = _proc_field("/proc/meminfo", "MemTotal").split()[0]
    return round(int(kib) / 1024 / 1024, 1) if kib.isdigit() else None


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _output(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unavailable"
