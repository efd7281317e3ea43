"""Every real tutorial in ../shared/corpus reads into a valid, faithful model.

The expected counts come from the source text itself, read independently of the
generator: image and callout markers outside code and HTML comments, and the words that
remain once markup is stripped.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.model.serialize import to_dict
from generator.pipeline import load
from tests.conftest import CORPUS
from tests.support.model import containers, strings, validate

FILES = sorted(CORPUS.glob("*/*.md"))
pytestmark = pytest.mark.corpus

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_HEADER = re.compile(r"\A\s*<properties.*?>\s*<tags.*?>|\A\s*<properties.*?>", re.S | re.I)
_FRONT = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
_CALLOUT = re.compile(r"\[(?:AZURE\.|!)(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\b", re.I)
_IMAGE = re.compile(r"!\[|:::image(?!-end)")
_WORD = re.compile(r"[A-Za-z0-9]+")
_RAW_MARKERS = re.compile(
    r"\[AZURE\.|\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION|INCLUDE|div)\b|<properties|<tags\b|^ms\.date:",
    re.I | re.M,
)


def _indented_code(lines: list[str]) -> set[int]:
    """Top-level indented code blocks: 4+ spaces after a blank line, outside any list."""
    covered: set[int] = set()
    in_list = False
    previous_blank = True
    block = False
    for index, line in enumerate(lines):
        if re.match(r"^(\d+|[a-z])[.)]\s|^[-*+]\s", line):
            in_list = True
        elif re.match(r"^#", line):
            in_list = False
        indented = line.startswith(("    ", "\t"))
        if indented and (block or (previous_blank and not in_list)):
            block = True
            covered.add(index)
        elif line.strip():
            block = False
        previous_blank = not line.strip()
    return covered


def prose(path: Path) -> list[str]:
    """Source lines that are neither code nor comment nor header."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    text = _HEADER.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _FRONT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = text.split("\n")
    code = _indented_code(lines)
    kept, fence = [], None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0]:
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        if index in code and not re.match(r"^\s*!\[", line):
            continue
        kept.append(_CODE_SPAN.sub("", line))
    return kept


def source_words(lines: list[str]) -> Counter[str]:
    text = "\n".join(lines)
    text = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", "", text, flags=re.M)  # reference definitions
    text = re.sub(r"\]\([^)]*\)|\]\[[^\]]*\]", "]", text)  # link and image targets, reference labels
    text = re.sub(r"<[^>\n]+>", " ", text)  # HTML tags and autolinks
    text = re.sub(r"\[(AZURE\.|!)[A-Za-z-]+", " ", text)  # dialect markers
    text = re.sub(r"^\s*:::.*$", "", text, flags=re.M)  # DocFX directives
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    text = re.sub(r"^[ \t>]*(\d+|[a-z])[.)](?=[ \t])", " ", text, flags=re.M)  # list markers
    return Counter(w.lower() for w in _WORD.findall(text))


@pytest.fixture(scope="module", params=FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def parsed(request: pytest.FixtureRequest) -> tuple[Path, dict]:
    path = request.param
    return path, to_dict(load(path).tutorial)


def test_corpus_is_present() -> None:
    assert len(FILES) == 80, f"expected the 80 corpus files in {CORPUS}"


def test_valid_against_schema(parsed: tuple[Path, dict]) -> None:
    validate(parsed[1])


def test_dialect_detected(parsed: tuple[Path, dict]) -> None:
    path, data = parsed
    assert data["dialect"] == path.parent.name


def test_every_image_kept(parsed: tuple[Path, dict]) -> None:
    path, data = parsed
    expected = sum(len(_IMAGE.findall(line)) for line in prose(path))
    assert sum(len(c["images"]) for c in containers(data)) == expected


def test_every_callout_kept(parsed: tuple[Path, dict]) -> None:
    path, data = parsed
    expected = sum(len(_CALLOUT.findall(line)) for line in prose(path))
    assert sum(len(c["callouts"]) for c in containers(data)) == expected


def test_no_raw_markup_left(parsed: tuple[Path, dict]) -> None:
    _, data = parsed
    leftovers = [
        s for s in strings(data, frozenset({"source", "metadata", "lang"})) if _RAW_MARKERS.search(s)
    ]
    code = {
        b.get("text", "") for c in containers(data) for b in c.get("content", []) if b.get("type") == "code"
    }
    assert [s for s in leftovers if s not in code] == []


def test_words_kept(parsed: tuple[Path, dict]) -> None:
    path, data = parsed
    source = source_words(prose(path))
    model = Counter(
        w.lower() for s in strings(data, frozenset({"source", "metadata"})) for w in _WORD.findall(s)
    )
    kept = sum(min(count, model[word]) for word, count in source.items())
    total = sum(source.values())
    missing = {w: c - model[w] for w, c in source.items() if model[w] < c}
    assert kept / total >= 0.995, f"{kept}/{total} words kept; missing: {sorted(missing.items())[:30]}"
