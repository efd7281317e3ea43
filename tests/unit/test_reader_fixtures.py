"""Hand-written fixtures: every reader oddity of ../shared/corpus/README.md, read as its author meant.

Each case in ``tests/unit/fixtures/reader/*.md`` holds a small input and the outline (see
``tests/support/outline.py``) a person wrote for it; the reader's model must match it and
validate against the JSON Schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.model.serialize import to_dict
from generator.pipeline import load_bytes
from tests.support.model import validate
from tests.support.outline import outline

FIXTURES = Path(__file__).parent / "fixtures" / "reader"
SEPARATOR = "."
_OPTIONS = re.compile(r"^(?P<name>.*?)\s*\{(?P<options>[^{}]*)\}$")
_KNOWN = {"crlf", "no-final-newline", "dialect=legacy", "dialect=modern"}


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    name: str
    options: frozenset[str]
    source: str
    expected: str

    @property
    def data(self) -> bytes:
        """The input as a file would hold it: → is a tab, ␣ a space."""
        text = self.source.replace("→", "\t").replace("␣", " ")
        if "no-final-newline" in self.options:
            text = text.removesuffix("\n")
        if "crlf" in self.options:
            text = text.replace("\n", "\r\n")
        return text.encode("utf-8")

    @property
    def dialect(self) -> str | None:
        chosen = [o.removeprefix("dialect=") for o in self.options if o.startswith("dialect=")]
        return chosen[0] if chosen else None


def _block(lines: list[str], start: int, path: Path) -> tuple[str, int]:
    """Lines from ``start`` up to the next separator, and the index after it."""
    for end in range(start, len(lines)):
        if lines[end] == SEPARATOR:
            return "".join(line + "\n" for line in lines[start:end]), end + 1
    raise ValueError(f"{path}:{start + 1}: case is not closed with a '{SEPARATOR}' line")


def read_cases(path: Path) -> list[Case]:
    """Cases of one fixture file; free text is allowed only before the first case."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        starts = line.strip() and index + 1 < len(lines) and lines[index + 1] == SEPARATOR
        if not starts:
            if cases and line.strip():
                raise ValueError(f"{path}:{index + 1}: text between cases (missing '{SEPARATOR}'?)")
            index += 1
            continue
        match = _OPTIONS.match(line)
        name, options = (match["name"], match["options"]) if match else (line, "")
        chosen = frozenset(o.strip() for o in options.split(",") if o.strip())
        if chosen - _KNOWN:
            raise ValueError(f"{path}:{index + 1}: unknown options {sorted(chosen - _KNOWN)}")
        source, after = _block(lines, index + 2, path)
        expected, end = _block(lines, after, path)
        cases.append(Case(path.name, index + 1, name.strip(), chosen, source, expected))
        index = end
    return cases


def all_cases() -> list[Case]:
    files = sorted(FIXTURES.glob("*.md"))
    return [case for path in files for case in read_cases(path)]


CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file.removesuffix('.md')}: {c.name}" for c in CASES])
def test_reader_reads_fixture_as_written_by_hand(case: Case, tmp_path: Path) -> None:
    loaded = load_bytes(case.data, tmp_path / "tutorial.md", case.dialect)
    data = to_dict(loaded.tutorial)
    validate(data)
    assert outline(data) == case.expected, f"{case.file}, case at line {case.line}: {case.name}"


def test_every_fixture_file_has_cases_with_unique_names() -> None:
    files = sorted(FIXTURES.glob("*.md"))
    assert {p.name for p in files} >= {
        "headings-and-headers.md",
        "callouts.md",
        "tokens.md",
        "lists-and-numbering.md",
        "code.md",
        "tables.md",
        "images-and-links.md",
        "text.md",
        "modern.md",
    }
    for path in files:
        names = [case.name for case in read_cases(path)]
        assert names, f"{path.name} has no cases"
        assert len(names) == len(set(names)), f"{path.name} repeats a case name"


def test_fixture_reader_refuses_a_malformed_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("a case\n.\ninput\n.\nexpected outline\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.md:5: case is not closed"):
        read_cases(broken)


def test_outline_shows_a_procedure_the_content_flow_forgot() -> None:
    go = {"type": "text", "text": "Go"}
    step = {"id": "s-go", "number": "1", "text": "Go", "inline": [go], "steps": []}
    procedure = {"id": "s-steps", "title": None, "steps": [step]}
    section = {"id": "s", "title": "S", "level": 2, "content": [], "procedures": [procedure]}
    data = {"title": "T", "dialect": "modern", "metadata": {}, "sections": [section]}
    assert outline(data) == "title: T\ndialect: modern\n## S\nunplaced []\n1. Go\n"
