"""Extra pages for the built test site: corpus tutorials with <companyname> and with a table of
Mimecast API hosts per region, and a probe whose region labels, value labels and help carry
script payloads (every one would set window.__xss).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import CORPUS

SLACK_KEY = "slack-modern"
PORTAL_KEY = "mimecast-personal-portal"
PROBE_KEY = "values-probe"
PAYLOAD = "<img src=x onerror=\"window.__xss='{}'\">"

PROBE_TUTORIAL = """---
title: Values probe
ms.service: security-probe
---
# Values probe

## Set up

1. Open the console (e.g.: https://eu.values-probe.example/start or https://us.values-probe.example/start).
1. Browse to `https://<probe-name>.values-probe.example/admin`.
1. Copy the **Probe Secret** value.
"""

PROBE_DATA = {  # written as JSON, which YAML reads as is
    "families": {
        "values-probe": {
            "label": PAYLOAD.format("family label"),
            "help": '<script>window.__xss = "family help"</script>',
            "regions": {"eu": {"label": PAYLOAD.format("region label")}, "us": {"label": "United States"}},
            "kinds": {
                "web": {
                    "label": "Console",
                    "urls": {
                        "eu": "https://eu.values-probe.example",
                        "us": "https://us.values-probe.example",
                    },
                }
            },
        }
    },
    "values": {
        "probe_name": {
            "label": PAYLOAD.format("value label"),
            "help": '<script>window.__xss = "value help"</script>',
            "validator": "text",
            "sharing": "shareable",
            "placeholders": ["<probe-name>"],
        },
        "probe_secret": {
            "label": "Probe secret",
            "validator": "text",
            "sharing": "secret",
            "labels": ["Probe Secret"],
        },
    },
}


def add_values_pages(source: Path) -> None:
    """Write the extra tutorials (and the probe's catalogue file) into a copy of source_docs/."""
    shutil.copyfile(CORPUS / "modern" / "active-directory-saas-slack-tutorial.md", source / f"{SLACK_KEY}.md")
    shutil.copyfile(CORPUS / "modern" / "mimecast-personal-portal-tutorial.md", source / f"{PORTAL_KEY}.md")
    (source / f"{PROBE_KEY}.md").write_text(PROBE_TUTORIAL, encoding="utf-8")
    (source / "_data" / f"{PROBE_KEY}.yml").write_text(json.dumps(PROBE_DATA, indent=1), encoding="utf-8")
