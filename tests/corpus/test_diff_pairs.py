"""``diff`` on the corpus's legacy/modern pairs: the same tutorial years apart, in both dialects.

The pairs are the files with the same name in ``legacy/`` and ``modern/`` (see the corpus
README). Five are machine conversions of the same text (wording and nesting drift only);
three are real rewrites for the newer Azure portal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import TutorialDiff, diff_tutorials
from generator.model.nodes import Section, Step
from generator.pipeline import load
from tests.conftest import CORPUS

pytestmark = pytest.mark.corpus

PAIRS = sorted(
    path.name for path in (CORPUS / "legacy").glob("*.md") if (CORPUS / "modern" / path.name).is_file()
)
MIMECAST = "active-directory-saas-mimecast-admin-console-tutorial.md"
CONVERSIONS = [
    "active-directory-saas-bime-tutorial.md",
    "active-directory-saas-cornerstone-ondemand-tutorial.md",
    MIMECAST,
    "active-directory-saas-netdocuments-tutorial.md",
    "active-directory-saas-panorama9-tutorial.md",
]


def pair(name: str) -> TutorialDiff:
    old = load(CORPUS / "legacy" / name).tutorial
    new = load(CORPUS / "modern" / name).tutorial
    assert (old.dialect, new.dialect) == ("legacy", "modern")
    return diff_tutorials(old, new)


def steps_of(path: Path) -> list[Step]:
    def flat(steps: list[Step]) -> list[Step]:
        return [each for step in steps for each in (step, *flat(step.steps))]

    def sections(items: list[Section]) -> list[Step]:
        return [st for sec in items for p in sec.procedures for st in flat(p.steps)] + [
            st for sec in items for st in sections(sec.subsections)
        ]

    return sections(load(path).tutorial.sections)


def test_the_corpus_has_the_eight_documented_pairs() -> None:
    assert len(PAIRS) == 8
    assert set(CONVERSIONS) <= set(PAIRS)


def test_most_legacy_steps_find_their_modern_step() -> None:
    shares = {name: pair(name).aligned_share() for name in PAIRS}
    average = sum(shares.values()) / len(shares)
    assert average >= 0.7, shares


def test_mimecast_steps_all_align_and_real_differences_are_listed(capsys) -> None:
    diff = pair(MIMECAST)
    counts = diff.counts()
    assert counts["unchanged"] + counts["changed"] == len(diff.steps) == 37
    fields = {f.field: f for f in diff.fields}
    assert (fields["metadata ms.date"].old, fields["metadata ms.date"].new) == ("07/08/2016", "02/01/2017")
    assert "{+(SSO)+}" in fields["prerequisites"].diff
    assert fields["metadata ms.assetid"].old is None
    legacy, modern = CORPUS / "legacy" / MIMECAST, CORPUS / "modern" / MIMECAST
    assert main(["diff", str(legacy), str(modern)]) == 1
    out = capsys.readouterr().out
    assert "~ metadata ms.date: [-07/08/2016-]{+02/01/2017+}" in out
    assert "37 steps: 37 unchanged" in out


@pytest.mark.parametrize("name", CONVERSIONS)
def test_conversions_align_every_step_in_order(name: str) -> None:
    diff = pair(name)
    matched = [s for s in diff.steps if s.old is not None and s.new is not None]
    assert len(matched) == len(diff.steps), "no step of a conversion is added or removed"
    old_lines = [s.old.line for s in sorted(matched, key=lambda s: s.new.line)]
    assert old_lines == sorted(old_lines), "the steps keep their order"
    typed_old = {s.id: s.number for s in steps_of(CORPUS / "legacy" / name)}
    typed_new = {s.id: s.number for s in steps_of(CORPUS / "modern" / name)}
    for change in matched:
        # a sub-step promoted to a step by the conversion keeps the number its author typed
        # (7.2 -> 2), though the page now counts it on from the steps before it
        assert typed_old[change.old.id] == typed_new[change.new.id]


@pytest.mark.parametrize(
    ("name", "number", "text_diff"),
    [
        (
            "active-directory-saas-bime-tutorial.md",
            "1",
            "In the Azure [-classic portal,-]{+Management Portal,+} on the left navigation pane, "
            "click Active Directory.",
        ),
        (
            "active-directory-saas-netdocuments-tutorial.md",
            "1",
            "In the Azure [-classic portal,-]{+Management Portal,+} on the left navigation pane, "
            "click Active Directory.",
        ),
    ],
)
def test_portal_rename_is_a_changed_step_with_a_word_diff(name: str, number: str, text_diff: str) -> None:
    first = pair(name).steps[0]
    assert (first.kind, first.old.number, first.new.number) == ("changed", number, number)
    assert first.text_diff == text_diff


def test_assign_users_steps_say_azure_ad_portal_in_the_conversion() -> None:
    diff = pair("active-directory-saas-cornerstone-ondemand-tutorial.md")
    [assign] = [s for s in diff.steps if s.old.section == "Assigning users" and s.old.number == "1"]
    assert assign.kind == "changed"
    assert assign.text_diff == "In the Azure [-classic-]{+AD+} portal, create a test account."


@pytest.mark.parametrize("name", PAIRS)
def test_json_report_for_every_pair(name: str, capsys) -> None:
    code = main(["diff", str(CORPUS / "legacy" / name), str(CORPUS / "modern" / name), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["equivalent"] is False
    assert sum(data["counts"].values()) == len(data["steps"])
    for step in data["steps"]:
        assert (step["old"] is None) == (step["kind"] == "added")
        assert (step["new"] is None) == (step["kind"] == "removed")


@pytest.mark.parametrize("app", ["abintegro", "clarizen", "slack"])
def test_rewrites_find_the_gallery_search_step_in_the_renamed_section(app: str) -> None:
    diff = pair(f"active-directory-saas-{app}-tutorial.md")
    [search] = [s for s in diff.steps if s.old is not None and s.old.text.startswith("In the search box")]
    assert search.new is not None and search.new.text.lower() == search.old.text.lower()
    assert search.old.section.startswith("Enabling the application integration")
    assert search.new.section.startswith(("Add", "Adding"))
    renamed = {(s.old, s.new) for s in diff.sections if s.kind == "renamed"}
    assert (search.old.section, search.new.section) in renamed
