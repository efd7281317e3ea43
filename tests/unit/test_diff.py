"""``diff``: hand-written versions of a small tutorial, each with one kind of edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.diff import TutorialDiff, diff_tutorials
from generator.pipeline import load

FRONT = """---
title: Contoso Files
ms.date: 01/02/2020
---
# Tutorial: Contoso Files

## Add the application

**To add the application, perform the following steps:**

1. In the Azure portal, select **Enterprise applications**.
2. Select **New application**.
3. In the search box, type **Contoso Files**.
4. Select **Contoso Files** and then select **Add**.

## Configure single sign-on

**To configure single sign-on, perform the following steps:**

1. On the **Contoso Files** page, select **Single sign-on**.
2. Select **SAML** as the single sign-on method.
3. Download the **Certificate (Base64)** and save it on your computer.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def compare(tmp_path: Path, old: str, new: str) -> TutorialDiff:
    return diff_tutorials(
        load(write(tmp_path, "old.md", old)).tutorial, load(write(tmp_path, "new.md", new)).tutorial
    )


def edited(diff: TutorialDiff) -> list:
    return [s for s in diff.steps if s.kind != "unchanged"]


def test_identical_files_exit_zero(tmp_path: Path, capsys) -> None:
    old, new = write(tmp_path, "a.md", FRONT), write(tmp_path, "b.md", FRONT)
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "equivalent" in out
    assert "7 steps: 7 unchanged, 0 changed, 0 moved, 0 added, 0 removed" in out


def test_reworded_step_is_changed_with_word_diff(tmp_path: Path) -> None:
    new = FRONT.replace("Select **SAML** as the single sign-on method.", "Select **SAML-based** sign-on.")
    diff = compare(tmp_path, FRONT, new)
    [change] = edited(diff)
    assert change.kind == "changed"
    assert change.old.number == change.new.number == "2"
    assert change.text_diff == "Select [-SAML as the single sign-on method.-]{+SAML-based sign-on.+}"
    assert diff.counts()["added"] == diff.counts()["removed"] == 0


def test_wording_change_across_the_portal_rename(tmp_path: Path) -> None:
    new = FRONT.replace("In the Azure portal,", "In the Azure classic portal,")
    [change] = edited(compare(tmp_path, FRONT, new))
    assert change.kind == "changed"
    assert change.text_diff == "In the Azure {+classic+} portal, select Enterprise applications."


def test_inserted_step_is_added_and_later_steps_renumbered(tmp_path: Path) -> None:
    new = FRONT.replace(
        "2. Select **New application**.\n3. In the search box, type **Contoso Files**.\n"
        "4. Select **Contoso Files** and then select **Add**.",
        "2. Select **All applications**.\n3. Select **New application**.\n"
        "4. In the search box, type **Contoso Files**.\n5. Select **Contoso Files** and then select **Add**.",
    )
    diff = compare(tmp_path, FRONT, new)
    changes = edited(diff)
    assert [(c.kind, c.moved) for c in changes] == [
        ("added", None),
        ("moved", "renumbered"),
        ("moved", "renumbered"),
        ("moved", "renumbered"),
    ]
    assert changes[0].new.text == "Select All applications." and changes[0].new.number == "2"
    assert [(c.old.number, c.new.number) for c in changes[1:]] == [("2", "3"), ("3", "4"), ("4", "5")]
    assert diff.counts()["removed"] == 0


def test_swapped_steps_are_moved(tmp_path: Path) -> None:
    new = FRONT.replace(
        "2. Select **SAML** as the single sign-on method.\n3. Download the **Certificate (Base64)**",
        "2. Download the **Certificate (Base64)**",
    ).replace(
        "save it on your computer.\n",
        "save it on your computer.\n3. Select **SAML** as the single sign-on method.\n",
    )
    changes = edited(compare(tmp_path, FRONT, new))
    assert {c.kind for c in changes} == {"moved"}
    assert sorted((c.old.number, c.new.number) for c in changes) == [("2", "3"), ("3", "2")]
    moves = {c.moved for c in changes}
    assert moves <= {"reordered", "renumbered"} and "reordered" in moves


def test_step_moved_to_another_section(tmp_path: Path) -> None:
    new = FRONT.replace("4. Select **Contoso Files** and then select **Add**.\n", "").replace(
        "3. Download the **Certificate (Base64)** and save it on your computer.\n",
        "3. Download the **Certificate (Base64)** and save it on your computer.\n"
        "4. Select **Contoso Files** and then select **Add**.\n",
    )
    [change] = edited(compare(tmp_path, FRONT, new))
    assert change.kind == "moved" and change.moved == "section"
    assert change.old.section == "Add the application"
    assert change.new.section == "Configure single sign-on"


def test_callout_added_to_a_step(tmp_path: Path) -> None:
    new = FRONT.replace(
        "2. Select **New application**.\n",
        "2. Select **New application**.\n\n"
        "   > [!NOTE]\n   > Only a global administrator can add applications.\n\n",
    )
    [change] = edited(compare(tmp_path, FRONT, new))
    assert change.kind == "changed" and change.text_diff is None
    assert [(c.kind, c.text) for c in change.callouts_added] == [
        ("note", "Only a global administrator can add applications.")
    ]
    assert change.callouts_removed == []


def test_screenshot_replaced(tmp_path: Path) -> None:
    old = FRONT.replace(
        "2. Select **New application**.\n", "2. Select **New application**.\n\n   ![New](./media/new.png)\n\n"
    )
    new = old.replace("./media/new.png", "./media/new-2020.png")
    [change] = edited(compare(tmp_path, old, new))
    assert [i.src for i in change.images_added] == ["./media/new-2020.png"]
    assert [i.src for i in change.images_removed] == ["./media/new.png"]


def test_removed_step(tmp_path: Path) -> None:
    new = FRONT.replace("3. Download the **Certificate (Base64)** and save it on your computer.\n", "")
    [change] = edited(compare(tmp_path, FRONT, new))
    assert change.kind == "removed" and change.new is None
    assert change.old.text == "Download the Certificate (Base64) and save it on your computer."


def test_ms_date_change_is_reported_and_exits_one(tmp_path: Path, capsys) -> None:
    old = write(tmp_path, "a.md", FRONT)
    new = write(tmp_path, "b.md", FRONT.replace("ms.date: 01/02/2020", "ms.date: 03/04/2021"))
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["fields"] == [
        {
            "field": "metadata ms.date",
            "old": "01/02/2020",
            "new": "03/04/2021",
            "diff": "[-01/02/2020-]{+03/04/2021+}",
        }
    ]
    assert data["equivalent"] is False
    assert data["counts"]["unchanged"] == 7


LEGACY = """<properties
    pageTitle="Contoso Files"
    description="Example"
    authors="someone"/>
<tags
    ms.date="01/02/2020" />

#Tutorial: Contoso Files

##Add the application

###To add the application, perform the following steps:

1.  In the Azure portal, select **Enterprise applications**.

    >[AZURE.NOTE] Only a global administrator can add applications.

2.  Select **New application**.
"""

MODERN = """---
title: Contoso Files
description: Example
author: someone
ms.date: 01/02/2020
---
# Tutorial: Contoso Files

## Add the application

### To add the application, perform the following steps:

1. In the Azure portal, select **Enterprise applications**.

   > [!NOTE]
   > Only a global administrator can add applications.

2. Select **New application**.
"""


def test_legacy_and_its_modern_rewrite_are_equivalent(tmp_path: Path, capsys) -> None:
    old, new = write(tmp_path, "legacy.md", LEGACY), write(tmp_path, "modern.md", MODERN)
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "(legacy)" in out and "(modern)" in out and "equivalent" in out


def test_text_report_shows_each_kind(tmp_path: Path, capsys) -> None:
    new = FRONT.replace("Select **SAML** as", "Choose **SAML** as").replace(
        "3. Download the **Certificate (Base64)** and save it on your computer.\n", ""
    )
    old_path, new_path = write(tmp_path, "a.md", FRONT), write(tmp_path, "b.md", new)
    assert main(["diff", str(old_path), str(new_path)]) == 1
    out = capsys.readouterr().out
    assert "~ Configure single sign-on › 2  [changed]" in out
    assert "[-Select-]{+Choose+} SAML as the single sign-on method." in out
    assert "- Configure single sign-on › 3  [removed]" in out


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    present = write(tmp_path, "a.md", FRONT)
    assert main(["diff", str(present), str(tmp_path / "missing.md")]) == 2
    assert f"{tmp_path / 'missing.md'}:1:1: error unreadable" in capsys.readouterr().err


def test_diff_is_json_serialisable_dataclasses(tmp_path: Path) -> None:
    diff = compare(tmp_path, FRONT, FRONT.replace("Select **New application**.", "Select **Add**."))
    data = json.loads(json.dumps(diff.to_dict()))
    [changed] = [s for s in data["steps"] if s["kind"] == "changed"]
    assert changed["old"]["id"] != changed["new"]["id"]  # ids hash the text; alignment found it anyway
    assert changed["text_diff"] == "Select [-New application.-]{+Add.+}"


@pytest.mark.parametrize("kind", ["added", "removed"])
def test_unrelated_step_is_not_forced_into_a_match(tmp_path: Path, kind: str) -> None:
    other = FRONT.replace(
        "Select **New application**.", "Restart the Contoso Files sync agent on every server."
    )
    old, new = (FRONT, other) if kind == "added" else (other, FRONT)
    kinds = sorted(c.kind for c in edited(compare(tmp_path, old, new)))
    assert kinds == ["added", "removed"]
