"""Bad input never crashes the reader: a diagnostic with file and line, or a valid model."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model.serialize import to_dict
from generator.pipeline import load_bytes
from tests.conftest import CORPUS
from tests.support.model import all_steps, validate

CORPUS_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.md"))]


def model(data: bytes, name: str = "input.md") -> tuple[dict, list]:
    loaded = load_bytes(data, name)
    result = to_dict(loaded.tutorial)
    validate(result)
    return result, loaded.diagnostics.items


def test_empty_file() -> None:
    data, diags = model(b"")
    assert data["sections"] == [] and data["title"] == ""
    assert [d.code for d in diags] == ["no-title"]


def test_binary_garbage() -> None:
    rng = random.Random(7)
    _, diags = model(bytes(rng.randrange(256) for _ in range(4096)))
    assert any(d.severity == "error" and d.line >= 1 for d in diags)


def test_header_only_file() -> None:
    header = b'<properties pageTitle="Only a header | Microsoft Azure" services="x"/>\n'
    data, _ = model(header + b'<tags ms.date="01/01/2016"/>\n')
    assert data["title"] == "Only a header"
    assert data["metadata"]["ms.date"] == "01/01/2016"


def test_unclosed_header_is_reported() -> None:
    _, diags = model(b'<properties pageTitle="x"\n# Title\n')
    assert [(d.code, d.line) for d in diags if d.severity == "error"] == [("header-unclosed", 1)]


def test_unclosed_fence_keeps_text_as_code() -> None:
    data, _ = model(b"# T\n\n## S\n\n1. Run:\n\n   ```bash\n   echo hi\n")
    step = all_steps(data)[0]
    assert step["content"][0]["type"] == "code" and "echo hi" in step["content"][0]["text"]


def test_fifty_deep_lists() -> None:
    lines = [f"{'   ' * depth}1. level {depth}" for depth in range(50)]
    data, _ = model(("# T\n\n## S\n\n" + "\n".join(lines) + "\n").encode())
    assert all_steps(data)[0]["text"] == "level 0"


def test_twenty_megabytes() -> None:
    chunk = CORPUS_TEXTS[0].encode()
    data, _ = model(chunk * (20 * 1024 * 1024 // len(chunk) + 1))
    assert len(all_steps(data)) > 1000


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (codecs.BOM_UTF8 + "# Café\n".encode(), None),
        (codecs.BOM_UTF16_LE + "# Café\n".encode("utf-16-le"), None),
        (codecs.BOM_UTF16_BE + "# Café\n".encode("utf-16-be"), None),
        ("# Café\r\n".encode("cp1252"), "encoding-cp1252"),
    ],
    ids=["utf8-bom", "utf16-le", "utf16-be", "cp1252"],
)
def test_encodings(data: bytes, warning: str | None) -> None:
    result, diags = model(data)
    assert result["title"] == "Café"
    assert [d.code for d in diags if d.severity == "warning"] == ([warning] if warning else [])


def test_crlf_reads_like_lf() -> None:
    text = CORPUS_TEXTS[5]
    lf, _ = model(text.encode())
    crlf, _ = model(text.replace("\n", "\r\n").encode())
    assert lf == crlf


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text_never_crashes(text: str) -> None:
    model(text.encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(range(len(CORPUS_TEXTS))),
    st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 200), st.text(max_size=20)), max_size=8),
)
def test_mutated_corpus_never_crashes(index: int, edits: list[tuple[int, int, str]]) -> None:
    text = CORPUS_TEXTS[index]
    for position, length, insert in edits:
        position %= max(len(text), 1)
        text = text[:position] + insert + text[position + length :]
    model(text.encode("utf-8", "surrogatepass"), str(Path("mutated.md")))
