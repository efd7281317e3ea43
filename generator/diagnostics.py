"""Diagnostics: what ``check`` reports, raised or collected by every stage.

A diagnostic always carries the file and the 1-based line (and column) it is about, so a
docs team can jump straight to the cause.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    col: int
    severity: str
    code: str
    message: str

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code} {self.message}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class Diagnostics:
    """An append-only list of diagnostics for one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Diagnostic] = []

    def add(self, severity: str, code: str, message: str, line: int = 1, col: int = 1) -> None:
        assert severity in SEVERITIES, severity
        self.items.append(Diagnostic(self.file, max(line, 1), max(col, 1), severity, code, message))

    def error(self, code: str, message: str, line: int = 1, col: int = 1) -> None:
        self.add("error", code, message, line, col)

    def warning(self, code: str, message: str, line: int = 1, col: int = 1) -> None:
        self.add("warning", code, message, line, col)

    def info(self, code: str, message: str, line: int = 1, col: int = 1) -> None:
        self.add("info", code, message, line, col)

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (d.file, d.line, d.col, d.code))


class GeneratorError(Exception):
    """A failure that stops a command; carries the file and line of the cause."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[GeneratorError], tuple[str, int, str]]:
        """Pickled by its parts, so it crosses from a worker process (generator.site.workers)."""
        return (GeneratorError, (self.file, self.line, self.message))
