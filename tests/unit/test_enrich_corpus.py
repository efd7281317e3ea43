"""Enrichment over every real tutorial: no failure, no text lost, a valid model and page data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.enrich import enrich, load_data, page_data
from generator.enrich.spots import steps
from generator.model.inline import plain_text
from generator.model.serialize import to_dict
from generator.pipeline import load
from tests.conftest import CORPUS
from tests.support.model import validate

FILES = sorted(CORPUS.glob("*/*.md"))
pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_enrichment_keeps_every_step_text_and_stays_valid(path: Path) -> None:
    original = load(path).tutorial
    data = load_data(path)
    enriched, problems = enrich(original, data)
    assert problems == []
    for before, after in zip(steps(original), steps(enriched), strict=True):
        assert plain_text(after.inline) == plain_text(before.inline)
        assert after.id == before.id
    validate(to_dict(enriched))
    page = page_data(enriched, data)
    assert json.loads(json.dumps(page)) == page
    for value in page.get("values", {}).values():
        assert value["sharing"] in ("shareable", "secret")
        assert (value["template"] is None) != (value["validator"] is None)


def test_the_corpus_has_enough_to_enrich() -> None:
    """Guards the parametrised test against passing on tutorials where nothing was found."""
    kinds: set[str] = set()
    for path in FILES:
        data = page_data(enrich(load(path).tutorial, load_data(path))[0], load_data(path))
        kinds.update(data.get("regions", {}))
        kinds.update(data.get("values", {}))
    assert {"mimecast", "tenant_id", "company_name", "issuer_url", "login_url", "logout_url"} <= kinds
