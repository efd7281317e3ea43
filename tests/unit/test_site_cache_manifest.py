"""The manifest's last update: what a reader's browser needs to keep ticks honest after a regeneration."""

from __future__ import annotations

import json
from pathlib import Path

from generator.model.nodes import Tutorial
from generator.pipeline import load_bytes
from generator.site.build import BuildOptions, build_site
from generator.site.manifest import MANIFEST, Manifest, carried, new_update, step_records

V1 = """---
title: Vault
---
# Vault

## Create the vault

1. Sign in to the Azure portal.
2. Select **Create a resource** and search for **Key Vault**.
3. Enter the name **contoso-vault** and select **Review + create**.
4. Select **Create**.
"""
V2 = """---
title: Vault
---
# Vault

## Create the vault

1. Sign in to the Azure portal.
2. Make sure you have the Key Vault Contributor role.
3. Select **Create a resource** and search for **Key Vault**.
4. Enter the name **contoso-vault**, choose the **Standard** tier and select **Review + create**.
5. Select **Create**.
"""
V3 = V2.replace("choose the **Standard** tier", "choose the **Premium** tier")


def model(text: str) -> Tutorial:
    return load_bytes(text.encode(), Path("vault.md")).tutorial


def record(text: str, update: dict | None = None) -> dict:
    return {"source": "x", "steps": step_records(model(text)), "update": update or {}}


def ids(text: str) -> list[str]:
    return [step["id"] for step in step_records(model(text))]


def test_an_inserted_and_a_reworded_step_are_news_and_a_renumbered_one_is_not():
    update = new_update(record(V1), model(V1), model(V2), step_records(model(V2)))
    kinds = [(c["kind"], c.get("old_number"), c.get("number")) for c in update["changes"]]
    assert kinds == [("added", None, "2"), ("changed", "3", "4")]
    changed = update["changes"][1]
    assert changed["old_text"] == "Enter the name contoso-vault and select Review + create."
    assert changed["text"].startswith("Enter the name contoso-vault, choose the Standard tier")
    old, new = ids(V1), ids(V2)
    assert (changed["old_id"], changed["id"]) == (old[2], new[3])
    fingerprint = step_records(model(V1))[2]["fingerprint"]
    assert update["aliases"] == {old[2]: [new[3], fingerprint]}


def test_without_the_old_version_steps_are_paired_by_id_only():
    """The build cache was deleted: a reworded step can only show as removed and added."""
    update = new_update(record(V1), None, model(V2), step_records(model(V2)))
    kinds = sorted((c["kind"], c.get("old_number") or c.get("number")) for c in update["changes"])
    assert kinds == [("added", "2"), ("added", "4"), ("removed", "3")]
    assert update["aliases"] == {}


def test_an_old_id_is_followed_through_later_updates():
    first = new_update(record(V1), model(V1), model(V2), step_records(model(V2)))
    second = new_update(record(V2, first), model(V2), model(V3), step_records(model(V3)))
    v1, v2, v3 = ids(V1), ids(V2), ids(V3)
    assert second["aliases"][v1[2]] == [v3[3], step_records(model(V1))[2]["fingerprint"]]
    assert second["aliases"][v2[3]] == [v3[3], step_records(model(V2))[3]["fingerprint"]]
    assert [c["kind"] for c in second["changes"]] == ["changed"]


def test_unchanged_steps_keep_the_last_update_and_a_new_tutorial_has_none():
    update = {"changes": [{"kind": "added"}], "aliases": {}}
    previous = Manifest({"vault": record(V2, update)})
    assert carried(previous, "vault", step_records(model(V2))) == update
    assert carried(previous, "vault", step_records(model(V3))) is None
    assert carried(previous, "other", step_records(model(V1))) == {}


def test_a_damaged_or_foreign_manifest_reads_as_none(tmp_path: Path):
    assert Manifest.read(tmp_path).tutorials == {}
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    assert Manifest.read(tmp_path).tutorials == {}
    (tmp_path / MANIFEST).write_text(json.dumps({"format": 99, "tutorials": {}}), encoding="utf-8")
    assert Manifest.read(tmp_path).tutorials == {}
    good = record(V1)
    bad = {**good, "update": {"changes": [], "aliases": {"old-id": "new-id"}}}
    text = json.dumps({"format": 1, "tutorials": {"good": good, "bad": bad}})
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    assert list(Manifest.read(tmp_path).tutorials) == ["good"]


def test_the_site_publishes_the_manifest_and_an_update_lasts_until_the_next_one(tmp_path: Path):
    source, site = tmp_path / "source", tmp_path / "site"
    source.mkdir()
    options = BuildOptions(source, site, cache_dir=tmp_path / "cache")
    (source / "vault.md").write_text(V1, encoding="utf-8")
    build_site(options)
    published = json.loads((site / MANIFEST).read_text(encoding="utf-8"))["tutorials"]["vault"]
    assert [s["id"] for s in published["steps"]] == ids(V1)
    assert published["update"] == {}

    (source / "vault.md").write_text(V2, encoding="utf-8")
    report = build_site(options)
    assert report.updated["vault"]["changes"][0]["kind"] == "added"
    assert "What changed in the last update: 1 added, 1 changed" in page(site)

    report = build_site(options)  # nothing changed: the page still shows the last update
    assert report.updated == {}
    assert "What changed in the last update: 1 added, 1 changed" in page(site)
    previous = json.loads((site / "manifest.previous.json").read_text(encoding="utf-8"))
    assert previous["tutorials"]["vault"]["update"]["changes"][0]["kind"] == "added"


def page(site: Path) -> str:
    return (site / "tutorials" / "vault" / "index.html").read_text(encoding="utf-8")
