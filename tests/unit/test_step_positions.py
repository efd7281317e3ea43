"""Steps keep the number the author typed, and the number a reader sees (as an HTML list counts)."""

from __future__ import annotations

from generator.model.serialize import to_dict
from generator.pipeline import load_bytes
from tests.support.model import validate


def numbers(markdown: str) -> list[tuple[str, str]]:
    data = to_dict(load_bytes(markdown.encode(), "t.md").tutorial)
    validate(data)

    def flat(steps: list[dict]) -> list[tuple[str, str]]:
        return [pair for s in steps for pair in [(s["number"], s["position"]), *flat(s["steps"])]]

    return [pair for sec in data["sections"] for proc in sec["procedures"] for pair in flat(proc["steps"])]


def test_all_ones_count_on() -> None:
    assert numbers("# T\n\n## S\n\n1. a\n1. b\n1. c\n") == [("1", "1"), ("1", "2"), ("1", "3")]


def test_duplicates_and_restarts_count_on_from_the_first_number() -> None:
    text = "# T\n\n## S\n\n11. a\n12. b\n12. c\n1. d\n"
    assert numbers(text) == [("11", "11"), ("12", "12"), ("12", "13"), ("1", "14")]


def test_lettered_sub_steps_count_by_letter() -> None:
    text = "# T\n\n## S\n\n1. parent\n\n    a. one\n\n    a. two\n\n    c. three\n\n2. next\n"
    assert numbers(text) == [("1", "1"), ("a", "a"), ("a", "b"), ("c", "c"), ("2", "2")]


def test_seed_numbers_are_unchanged(seed_path) -> None:
    pairs = numbers(seed_path.read_text(encoding="utf-8"))
    assert all(written == shown for written, shown in pairs)
    assert len(pairs) == 37
