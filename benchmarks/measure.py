"""Whole-process measurements: wall time, CPU time and peak resident memory of one child process.

CPU time (user + system, all threads) comes with the wall time because it is far less
disturbed by other work on the machine. Peak memory is ``wait4(2)``'s rusage of that child
alone (``ru_maxrss``, KiB on Linux): the figure ``/usr/bin/time -v`` prints as "Maximum
resident set size", without needing that tool. Each stage runs in a fresh interpreter, so
imports and start-up count, as they do for a user typing the command.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class StageFailed(RuntimeError):
    """A measured command exited non-zero; carries its command line and the end of its output."""


@dataclass
class Sample:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system, all threads of the process
    peak_kib: int
    stdout: str = ""


@dataclass
class Measurement:
    """Several runs of one stage; the report uses the medians."""

    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def median_sample(self) -> Sample:
        """The run whose wall time is the median (the upper one of an even count)."""
        return sorted(self.samples, key=lambda s: s.seconds)[len(self.samples) // 2]

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(s.cpu_seconds for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return statistics.median(s.peak_kib for s in self.samples) / 1024

    def as_dict(self) -> dict[str, object]:
        return {
            "median_seconds": round(self.seconds, 3),
            "runs_seconds": [round(s.seconds, 3) for s in self.samples],
            "median_cpu_seconds": round(self.cpu_seconds, 3),
            "median_peak_mib": round(self.peak_mib, 1),
        }


def run_once(argv: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Sample:
    """Run ``argv`` to completion; raise :class:`StageFailed` if it fails."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(list(argv), cwd=cwd, env=env, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if child.returncode != 0:
        tail = "\n".join((stdout + stderr).strip().splitlines()[-15:])
        raise StageFailed(f"{' '.join(argv)} exited with {child.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout)


def measure(
    argv: Sequence[str],
    runs: int,
    prepare: Callable[[int], None] | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """``runs`` timed runs of ``argv``; ``prepare(run)`` (untimed) runs before each one."""
    result = Measurement()
    for run in range(runs):
        if prepare is not None:
            prepare(run)
        result.samples.append(run_once(argv, cwd, env))
    return result


def python(*args: str) -> list[str]:
    """A command line running this interpreter (the benchmark's own environment)."""
    return [sys.executable, *args]
