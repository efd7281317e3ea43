"""The seed tutorial (legacy Mimecast Admin Console) reads exactly as its author meant."""

from __future__ import annotations

import pytest

from generator.model.serialize import to_dict
from generator.pipeline import load
from tests.support.model import all_steps, containers, validate


@pytest.fixture(scope="module")
def seed(seed_path) -> dict:
    data = to_dict(load(seed_path).tutorial)
    validate(data)
    return data


def steps_of(seed: dict, section: int) -> list[dict]:
    return seed["sections"][section]["procedures"][0]["steps"]


def test_title_and_dialect(seed: dict) -> None:
    assert seed["title"] == "Tutorial: Azure Active Directory Integration with Mimecast Admin Console"
    assert seed["dialect"] == "legacy"


def test_metadata_keeps_every_header_key(seed: dict) -> None:
    meta = seed["metadata"]
    assert (
        meta["pageTitle"]
        == "Tutorial: Azure Active Directory Integration with Mimecast Admin Console | Microsoft Azure"
    )
    assert meta["description"].startswith("Learn how to use Mimecast Admin Console")
    assert meta["services"] == "active-directory"
    assert meta["authors"] == "MarkusVi"
    assert meta["documentationCenter"] == "na"
    assert meta["manager"] == "stevenpo"
    assert meta["ms.service"] == "active-directory"
    assert meta["ms.date"] == "08/01/2015"
    assert {"ms.devlang", "ms.topic", "ms.tgt_pltfrm", "ms.workload", "ms.author"} <= set(meta)


def test_sections_and_procedures(seed: dict) -> None:
    titles = [s["title"] for s in seed["sections"]]
    assert titles == [
        "Enabling the application integration for Mimecast Admin Console",
        "Configuring single sign-on",
        "Configuring user provisioning",
        "Assigning users",
    ]
    assert [len(s["procedures"]) for s in seed["sections"]] == [1, 1, 1, 1]
    assert [len(steps_of(seed, i)) for i in range(4)] == [7, 10, 5, 3]
    assert (
        seed["sections"][1]["procedures"][0]["title"]
        == "To configure single sign-on, perform the following steps:"
    )


def test_sub_steps(seed: dict) -> None:
    sso = steps_of(seed, 1)
    assert len(sso[8]["steps"]) == 10
    assert [s["number"] for s in sso[8]["steps"]] == [str(n) for n in range(1, 11)]
    assert len(steps_of(seed, 2)[4]["steps"]) == 2
    assert len(all_steps(seed)) == 37


def test_images_have_src_alt_title(seed: dict) -> None:
    images = [i for c in containers(seed) for i in c["images"]]
    assert len(images) == 22
    assert all(i["src"].startswith("./media/") and i["alt"] and i["title"] for i in images)
    assert steps_of(seed, 0)[0]["images"][0] == {
        "src": "./media/active-directory-saas-mimecast-admin-console-tutorial/IC700993.png",
        "alt": "Active Directory",
        "title": "Active Directory",
        "line": 30,
    }


def test_callouts_sit_where_the_source_nests_them(seed: dict) -> None:
    sso = steps_of(seed, 1)
    assert [c["kind"] for c in seed["callouts"]] == ["tip"]
    assert seed["callouts"][0]["text"].startswith("For feedback, click here")
    assert [c["text"] for c in sso[2]["callouts"]] == ["The sign on URL is region specific."]
    assert sso[2]["callouts"][0]["kind"] == "note"
    assert sso[8]["steps"][5]["callouts"][0]["kind"] == "note"
    assert "Login URL value and the Logout URL value" in sso[8]["steps"][5]["callouts"][0]["text"]
    assert sso[8]["steps"][6]["callouts"][0]["kind"] == "tip"
    assert sso[8]["steps"][6]["callouts"][0]["text"].startswith("For more details")
    provisioning = seed["sections"][2]
    assert [c["kind"] for c in provisioning["callouts"]] == ["note"]
    assert (
        "any other Mimecast Admin Console user account creation tools or APIs"
        in provisioning["callouts"][0]["text"]
    )
    assert steps_of(seed, 2)[4]["callouts"] == []
    assert sum(len(c["callouts"]) for c in containers(seed)) == 5


def test_intro_facts(seed: dict) -> None:
    assert seed["prerequisites"] == [
        "A valid Azure subscription",
        "A Mimecast Admin Console single sign-on enabled subscription",
    ]
    assert seed["building_blocks"][1] == "Configuring single sign-on"
    assert len(seed["building_blocks"]) == 4


def test_step_facts(seed: dict) -> None:
    sso = steps_of(seed, 1)
    assert sso[5]["ui_paths"] == [["Services", "Application"]]
    assert "Mimecast Admin Console Sign On URL" in sso[2]["ui_labels"]
    assert "https://webmail-uk.mimecast.com" in sso[2]["urls"]
    assert "https://webmail-us.mimecast.com" in sso[2]["urls"]


def test_step_ids_unique_and_section_scoped(seed: dict) -> None:
    ids = [s["id"] for s in all_steps(seed)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("configuring-single-sign-on-") for i in (s["id"] for s in steps_of(seed, 1)))
