"""Helper pages a step links to, found from what the step asks the admin to do.

A step about a base-64 (Base64) encoded certificate gets the certificate helper, which
converts and trims the downloaded certificate in the browser.
"""

from __future__ import annotations

import re

from generator.model.blocks import block_text
from generator.model.nodes import Step

CERTIFICATE = "certificate"
_BASE64 = re.compile(r"\bbase[\s-]?64\b", re.I)
_CERT = re.compile(r"\bcertificate", re.I)


def own_text(step: Step) -> str:
    """The step's first paragraph and its body paragraphs (not its sub-steps)."""
    return " ".join([step.text, *(block_text(b) for b in step.content if b.type == "paragraph")])


def add_helper(step: Step, helper: str) -> None:
    if helper not in step.helpers:
        step.helpers.append(helper)


def mark_helpers(step: Step) -> None:
    text = own_text(step)
    if _BASE64.search(text) and _CERT.search(text):
        add_helper(step, CERTIFICATE)
