"""The facts a reader sees first (service, app, last updated, author), from tutorial metadata.

Both dialects name these differently (``ms.service`` or ``services``; ``author``,
``authors`` or ``ms.author``); this module is the one place that knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.model.nodes import Tutorial

_APP = re.compile(r"\bintegration with\s+(?P<app>.+?)\s*$", re.IGNORECASE)
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
NO_SERVICE = "other"


@dataclass(frozen=True)
class Facts:
    service: str  # the slug, e.g. ``active-directory``
    service_name: str  # for display, e.g. ``Active Directory``
    app: str
    updated: date | None
    author: str

    @property
    def updated_display(self) -> str:
        return f"{self.updated.day} {self.updated:%B %Y}" if self.updated else ""


def facts(tutorial: Tutorial) -> Facts:
    meta = tutorial.metadata
    service = (meta.get("ms.service") or meta.get("services") or "").split(",")[0].lower()
    service = _NOT_SLUG.sub("-", service).strip("-") or NO_SERVICE  # it names a page: no paths
    return Facts(
        service=service,
        service_name=service_name(service),
        app=meta.get("app") or app_name(tutorial.title),
        updated=parse_date(meta.get("ms.date", "")),
        author=meta.get("author") or meta.get("authors") or meta.get("ms.author") or "",
    )


def service_name(slug: str) -> str:
    """``active-directory`` -> ``Active Directory`` (keeps words already capitalised)."""
    words = [word for word in re.split(r"[-_\s]+", slug) if word]
    return " ".join(word if word.isupper() else word.capitalize() for word in words)


def app_name(title: str) -> str:
    """The application a SaaS tutorial integrates (``... integration with Mimecast``), else ``""``."""
    match = _APP.search(title)
    return match.group("app") if match else ""


def parse_date(text: str) -> date | None:
    """``ms.date`` as written in both dialects (``08/01/2015``, ``2015-08-01``); ``None`` if unreadable."""
    try:
        if match := _US_DATE.match(text):
            month, day, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _ISO_DATE.match(text):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None
