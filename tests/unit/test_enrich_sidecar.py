"""Sidecar rules find steps by text, survive renumbering, and report themselves when stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.discover import tutorial_files
from generator.enrich import enrich, load_data
from generator.model.inline import plain_text
from generator.pipeline import load
from tests.conftest import SOURCE_DOCS
from tests.support.enrich import LEGACY_HEAD, all_steps, enriched, nodes_of

STEPS = """\
1.  Sign in to the admin centre.
2.  In the **Secret token** textbox, paste the token.
3.  Open https://login.microsoftonline.com/{tenant-id}/saml2 to check the sign-in page.
4.  Click **Download certificate**.
"""

RULES = """\
# a comment line
rules:
  - match: {label: Secret token}
    value: contoso_mail_token
  - match:
      text: "click download   CERTIFICATE"
    helper: certificate
  - match: {url: "https://login.microsoftonline.com/*"}
    skip: true
"""


def tutorial_text(steps: str) -> str:
    return f"{LEGACY_HEAD}#T\n\n##S\n\n###To do it, perform the following steps:\n\n{steps}"


def by_text(tutorial, start: str):
    return next(s for s in all_steps(tutorial) if s.text.startswith(start))


def test_rules_apply_to_the_steps_they_describe(tmp_path: Path) -> None:
    tutorial, problems = enriched(tutorial_text(STEPS), RULES, tmp_path)
    assert problems == []
    token_step = by_text(tutorial, "In the Secret token")
    [value] = nodes_of(token_step, "value")
    assert value.attrs["value"] == "contoso_mail_token"
    assert token_step.inline[token_step.inline.index(value) - 1].type == "strong"
    assert by_text(tutorial, "Click Download certificate").helpers == ["certificate"]


def test_skip_rule_turns_detection_off_for_that_step_only(tmp_path: Path) -> None:
    tutorial, _ = enriched(
        tutorial_text(STEPS + "5.  Open https://login.microsoftonline.com/{tenant-id}/x.\n"), RULES, tmp_path
    )
    assert (
        nodes_of(by_text(tutorial, "Open https://login.microsoftonline.com/{tenant-id}/saml2"), "placeholder")
        == []
    )
    assert (
        nodes_of(by_text(tutorial, "Open https://login.microsoftonline.com/{tenant-id}/x"), "placeholder")
        == []
    )
    tutorial, _ = enriched(tutorial_text(STEPS), "rules: []\n", tmp_path)
    assert len(nodes_of(by_text(tutorial, "Open https://login"), "placeholder")) == 1


def test_rules_survive_renumbering_and_reordering(tmp_path: Path) -> None:
    lines = STEPS.splitlines()
    renumbered = (
        "1.  A new first step.\n"
        + "\n".join(f"{n + 2}.{line[2:]}" for n, line in enumerate(reversed(lines)))
        + "\n"
    )
    tutorial, problems = enriched(tutorial_text(renumbered), RULES, tmp_path)
    assert problems == []
    assert by_text(tutorial, "Click Download certificate").number == "2"
    assert by_text(tutorial, "Click Download certificate").helpers == ["certificate"]
    assert [n.attrs["value"] for n in nodes_of(by_text(tutorial, "In the Secret token"), "value")] == [
        "contoso_mail_token"
    ]


def test_a_rule_that_matches_nothing_is_an_error_at_its_line(tmp_path: Path) -> None:
    edited = STEPS.replace("**Secret token**", "**API key**")
    _, problems = enriched(tutorial_text(edited), RULES, tmp_path)
    [problem] = problems
    assert problem.file == str(tmp_path / "example.checklist.yml")
    assert problem.line == 3
    assert (problem.severity, problem.code) == ("error", "sidecar-stale")
    assert "label 'Secret token'" in problem.message


def test_text_rule_places_its_value_after_the_phrase(tmp_path: Path) -> None:
    rules = "rules:\n  - match: {text: sign in to the admin centre}\n    value: issuer_url\n"
    tutorial, _ = enriched(tutorial_text(STEPS), rules, tmp_path)
    step = by_text(tutorial, "Sign in")
    assert [n.type for n in step.inline] == ["text", "value", "text"]
    assert step.inline[0].text == "Sign in to the admin centre"
    assert plain_text(step.inline) == "Sign in to the admin centre."


def test_sidecar_values_join_the_catalogue_for_that_tutorial(tmp_path: Path) -> None:
    rules = (
        "values:\n  portal_url:\n    label: Portal\n"
        "    template: 'https://{company_name}.example'\n    sharing: shareable\n"
        "rules:\n  - match: {text: admin centre}\n    value: portal_url\n"
    )
    tutorial, problems = enriched(tutorial_text(STEPS), rules, tmp_path)
    assert problems == []
    assert [n.attrs["value"] for n in nodes_of(by_text(tutorial, "Sign in"), "value")] == ["portal_url"]


@pytest.mark.parametrize(
    ("sidecar", "line", "words"),
    [
        ("rules:\n  - match: {text: admin}\n    value: nonexistent\n", 2, "unknown value 'nonexistent'"),
        ("rules:\n  - match: {text: admin}\n    value: issuer_url\n    helper: certificate\n", 2, "rules/0"),
        ("rules:\n  - match: {text: admin\n", 3, "invalid YAML"),
        ("values:\n  tenant_id: {label: T, sharing: secret}\n", 2, "already in the shared catalogue"),
    ],
)
def test_broken_sidecars_are_reported_with_file_and_line(
    tmp_path: Path, sidecar: str, line: int, words: str
) -> None:
    _, problems = enriched(tutorial_text(STEPS), sidecar, tmp_path)
    assert [(p.file, p.line, p.code) for p in problems] == [
        (str(tmp_path / "example.checklist.yml"), line, "sidecar-invalid")
    ]
    assert words in problems[0].message


def test_shipped_tutorials_have_no_stale_rules_and_use_their_sidecars() -> None:
    files = tutorial_files(SOURCE_DOCS)
    assert len(files) >= 2
    for path in files:
        data = load_data(path)
        assert data.sidecar is not None, path
        tutorial, problems = enrich(load(path).tutorial, data)
        assert problems == [], path
        assert any(nodes_of(s, "value") for s in all_steps(tutorial))
