"""Dates in the site come from the sources, so two builds of the same input are byte-identical.

mkdocs dates every page (the sitemap's ``lastmod``, and through it the gzip header of
``sitemap.xml.gz``) with the build's day unless ``SOURCE_DATE_EPOCH`` is set. A tutorial page
is dated by its own ``ms.date`` (see ``hooks.py``); every other page by
``SOURCE_DATE_EPOCH`` when the caller set it, else by the newest tutorial date.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def site_epoch(dates: Iterable[date | None]) -> int:
    """The caller's ``SOURCE_DATE_EPOCH``, else midnight UTC of the newest date (0 if there is none)."""
    given = os.environ.get(EPOCH_VARIABLE)
    if given is not None:
        return int(given)
    newest = max((d for d in dates if d is not None), default=None)
    if newest is None:
        return 0
    return int(datetime(newest.year, newest.month, newest.day, tzinfo=UTC).timestamp())


@contextmanager
def build_date(epoch: int) -> Iterator[None]:
    """Have mkdocs date the pages with ``epoch`` while it builds (it reads ``SOURCE_DATE_EPOCH``)."""
    before = os.environ.get(EPOCH_VARIABLE)
    os.environ[EPOCH_VARIABLE] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            del os.environ[EPOCH_VARIABLE]
        else:
            os.environ[EPOCH_VARIABLE] = before
