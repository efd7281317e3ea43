"""A tutorial for the training tools' tests: a Mimecast region URL, a company name and a
secret token on one page (no shipped or corpus tutorial has all three)."""

from __future__ import annotations

from pathlib import Path

TRAINING_KEY = "training-probe"
TRAINING_TUTORIAL = """---
title: Training probe
ms.service: security-probe
---
# Training probe

## Set up the console

1. Open your webmail (e.g.: https://webmail-uk.mimecast.com or https://webmail-us.mimecast.com).
1. Browse to https://<companyname>.training-probe.example/admin and sign in.
1. Check the token with this command:

    ```
    curl -H "Authorization: Bearer <api-token>" https://<companyname>.training-probe.example/api
    ```

## Finish

1. Tell the room you are done.
"""


def add_training_pages(source: Path) -> None:
    """Write the training probe tutorial into a copy of source_docs/."""
    (source / f"{TRAINING_KEY}.md").write_text(TRAINING_TUTORIAL, encoding="utf-8")
