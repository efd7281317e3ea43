"""Region-specific URLs: any URL that starts with one of a family's URLs, found automatically.

A single URL becomes a ``region`` node (``mode`` "single") whose ``variants`` give the
text to show for every region of its family. A list of variants such as the seed's
``e.g.: “https://webmail-uk.mimecast.com” or “https://webmail-us.mimecast.com”`` becomes
one ``region`` node (``mode`` "list") so the whole list collapses to the reader's URL.
A table with one variant per row is left to show the reader's row (``mode`` "row").
The original nodes stay as the region node's children: without a chosen region, or
without JavaScript, the tutorial reads exactly as written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator.enrich.catalogue import Catalogue
from generator.enrich.flat import BARRIER, Flat, node_maker, wrap
from generator.enrich.spots import Spot
from generator.model.inline import plain_text, walk
from generator.model.nodes import Inline

_TAIL = r"(?:[/?#:](?:[^\s\"'“”‘’<>()\[\]`*{}|\\]|<[A-Za-z][\w-]*>|\{[A-Za-z][\w-]*\})*)?"
_SEPARATOR = re.compile(r"[\s“”\"'‘’*_]*(?:,|or|/|,\s*or)[\s“”\"'‘’*_]*", re.I)
_LEAD_IN = re.compile(r"(?:(?<!\w)(?:e\.\s?g\.?|for example|such as)\s*:?\s*)?[“\"‘']*$", re.I)
_LEAD_OUT = re.compile(r"[”\"’']*")
_ATOMIC = ("code", "strong", "em", "link", "url")


@dataclass(frozen=True)
class Variant:
    family: str
    kind: str
    region: str


@dataclass(frozen=True)
class Hit:
    """A region URL found at ``start:end`` of a flat run."""

    start: int
    end: int
    variant: Variant
    scheme: bool
    tail: str


class RegionMatcher:
    """Finds the catalogue's region URLs in text (scheme optional, any path after them)."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.bases: dict[str, Variant] = {}
        for family in catalogue.families.values():
            for kind in family.kinds.values():
                for rid, url in kind.urls.items():
                    self.bases[_base(url).lower()] = Variant(family.id, kind.id, rid)
        alternation = "|".join(re.escape(b) for b in sorted(self.bases, key=len, reverse=True))
        self.ascii = all(base.isascii() for base in self.bases)
        self.pattern = (
            re.compile(
                rf"(?<![\w.@/-])(?P<scheme>https?://)?(?P<base>{alternation})(?![\w-]|\.[\w-])(?P<tail>{_TAIL})",
                re.I,
            )
            if self.bases
            else None
        )

    def may_hit(self, nodes: list[Inline]) -> bool:
        """False when no hit is possible in ``nodes``, told without flattening them.

        The texts hits are searched in (see :func:`_atomic`) are a text or code node's text, a
        url node's text, or the plain text of a node's children: the text and code below it,
        joined with nothing or with separators that hold white space. No base URL holds white
        space, so a base in any of them is also in the texts of the text and code nodes run
        together. Plain substring tests are case-insensitive like the pattern only for ASCII.
        """
        if not self.bases:
            return False
        inline: list[str] = []
        urls: list[str] = []
        for node in walk(nodes):
            if node.type in ("text", "code"):
                inline.append(node.text)
            elif node.type == "url":
                urls.append(node.text)
        text = BARRIER.join(["".join(inline), *urls])
        if not (self.ascii and text.isascii()):
            return True
        text = text.lower()
        return any(base in text for base in self.bases)

    def hits(self, text: str, offset: int = 0) -> Iterator[Hit]:
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            tail = m.group("tail").rstrip(".,;:!?")
            end = m.start("tail") + len(tail)
            yield Hit(
                offset + m.start(),
                offset + end,
                self.bases[m.group("base").lower()],
                bool(m.group("scheme")),
                tail,
            )

    def variants(self, hit: Hit) -> dict[str, str]:
        """The URL as it would read in each region of the hit's family that has this kind."""
        kind = self.catalogue.families[hit.variant.family].kinds[hit.variant.kind]
        return {rid: (url if hit.scheme else _base(url)) + hit.tail for rid, url in kind.urls.items()}


def _base(url: str) -> str:
    return url.split("://", 1)[-1]


def _atomic(node: Inline) -> str | None:
    if node.type in _ATOMIC:
        return node.text if node.type in ("code", "url") else plain_text(node.children)
    return None


def _hits(flat: Flat, matcher: RegionMatcher) -> list[Hit]:
    return [
        hit for piece in flat.pieces if piece.text != BARRIER for hit in matcher.hits(piece.text, piece.start)
    ]


def _list_of(flat: Flat, hits: list[Hit]) -> list[Hit]:
    """The first hit and the hits that continue it as an "X or Y" list of variants."""
    group = [hits[0]]
    for hit in hits[1:]:
        previous = group[-1]
        gap = flat.text[flat.widen(previous.start, previous.end)[1] : flat.widen(hit.start, hit.end)[0]]
        if (hit.variant.family, hit.variant.kind) != (
            previous.variant.family,
            previous.variant.kind,
        ) or not _SEPARATOR.fullmatch(gap):
            break
        group.append(hit)
    return group


def _mark_one(flat: Flat, hits: list[Hit], matcher: RegionMatcher) -> Inline:
    group = _list_of(flat, hits)
    first, last = group[0], group[-1]
    family, kind = first.variant.family, first.variant.kind
    if len(group) == 1:
        start, end = flat.widen(first.start, first.end)
        around = flat.text[start:end]
        inner = slice(first.start - start, first.end - start)
        variants = {
            r: around[: inner.start] + url + around[inner.stop :]
            for r, url in matcher.variants(first).items()
        }
        attrs = {
            "family": family,
            "kind": kind,
            "mode": "single",
            "region": first.variant.region,
            "variants": variants,
        }
    else:
        start, end = flat.widen(first.start, first.end)[0], flat.widen(last.start, last.end)[1]
        lead_in = _LEAD_IN.search(flat.text, 0, start)
        start = lead_in.start() if lead_in else start
        end = _LEAD_OUT.match(flat.text, end).end()
        shown = list(dict.fromkeys(h.variant.region for h in group))
        attrs = {
            "family": family,
            "kind": kind,
            "mode": "list",
            "shown": shown,
            "variants": matcher.variants(first),
        }
    return wrap(flat, start, end, node_maker("region", attrs))


def mark_regions(nodes: list[Inline], matcher: RegionMatcher) -> list[Inline]:
    """Wrap every region URL (or list of them) in ``nodes``; return the new region nodes."""
    made: list[Inline] = []
    if not matcher.may_hit(nodes):
        return made
    while True:
        flat = Flat(nodes, _atomic)
        hits = _hits(flat, matcher)
        if not hits:
            return made
        made.append(_mark_one(flat, hits, matcher))


def mark_rows(table_hits: list[tuple[Spot, Inline]]) -> None:
    """A table listing one variant per row shows the reader's row rather than substituting."""
    by_table: dict[int, list[tuple[Spot, Inline]]] = defaultdict(list)
    for spot, node in table_hits:
        if spot.table is not None and spot.row >= 0 and node.attrs["mode"] == "single":
            by_table[id(spot.table)].append((spot, node))
    for found in by_table.values():
        groups: dict[tuple[str, str], list[tuple[Spot, Inline]]] = defaultdict(list)
        for spot, node in found:
            groups[node.attrs["family"], node.attrs["kind"]].append((spot, node))
        for members in groups.values():
            rows = {spot.row for spot, _ in members}
            regions = {node.attrs["region"] for _, node in members}
            if len(rows) > 1 and len(regions) > 1:
                for _, node in members:
                    node.attrs["mode"] = "row"
