"""The step model: plain dataclasses, JSON-serialisable, with no rendering concerns.

Everything downstream (enrich, render, diff) reads these classes and nothing else; the
JSON form (see ``generator/schema/model.schema.json``) is the public contract.

Inline text is kept as a small tree of :class:`Inline` nodes rather than HTML so that
the enrich stage can mark region URLs and value references without re-parsing, and the
renderer decides the markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CALLOUT_KINDS = ("note", "tip", "important", "warning", "caution")


@dataclass
class Inline:
    """One inline node.

    ``type`` is one of: text, strong, em, code, link, image, softbreak, hardbreak, html,
    uipath (a ``Services > Application`` breadcrumb; ``children`` hold one strong node per
    part), url (a bare URL in text), region (a region-specific URL, see enrich), value
    (a reference to a value the admin enters), placeholder (``<companyname>`` in a URL).
    """

    type: str
    text: str = ""
    children: list[Inline] = field(default_factory=list)
    href: str | None = None
    title: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Image:
    src: str
    alt: str
    title: str | None = None
    line: int = 0
    inline: bool = False
    lightbox: str | None = None
    border: bool | None = None
    description: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Block:
    """A non-step content block, kept in source order.

    ``type`` is one of: paragraph (``inline``), list (``ordered``, ``start``,
    ``items``: list of block lists), table (``header``, ``rows``: cells are inline
    lists; ``align``), code (``lang``, ``text``), html (``text``), image (``image``),
    callout (``callout``), include (``include``), selector (``selector``), video
    (``text`` = id), tabs (``tabs``), zone (``attrs.pivot``, ``blocks``), div
    (``attrs.class``, ``blocks``), heading (``level``, ``inline``: a minor heading that is
    neither a section nor a procedure title), rule, procedure (``ref`` = procedure id,
    a placeholder that places the procedure in its section's flow).
    """

    type: str
    line: int = 0
    inline: list[Inline] = field(default_factory=list)
    text: str = ""
    lang: str = ""
    level: int = 0
    ordered: bool = False
    start: int | None = None
    items: list[list[Block]] = field(default_factory=list)
    header: list[list[Inline]] = field(default_factory=list)
    rows: list[list[list[Inline]]] = field(default_factory=list)
    align: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    image: Image | None = None
    callout: Callout | None = None
    include: Include | None = None
    selector: Selector | None = None
    tabs: list[Tab] = field(default_factory=list)
    ref: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Callout:
    kind: str
    text: str
    heading: str | None = None
    content: list[Block] = field(default_factory=list)
    line: int = 0


@dataclass
class Include:
    name: str
    path: str
    resolved: bool
    line: int = 0
    content: list[Block] = field(default_factory=list)


@dataclass
class SelectorOption:
    label: str
    href: str
    current: bool = False


@dataclass
class Selector:
    kind: str  # "single" (AZURE.SELECTOR / op_single_selector) or "multi" (SELECTOR-LIST)
    options: list[SelectorOption] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class Tab:
    label: str
    id: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Step:
    id: str
    number: str
    text: str
    inline: list[Inline] = field(default_factory=list)
    content: list[Block] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    line: int = 0
    ui_labels: list[str] = field(default_factory=list)
    ui_paths: list[list[str]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    code_values: list[str] = field(default_factory=list)
    fingerprint: str = ""
    helpers: list[str] = field(default_factory=list)
    position: str = ""


@dataclass
class Procedure:
    id: str
    title: str | None
    steps: list[Step] = field(default_factory=list)
    line: int = 0


@dataclass
class Section:
    id: str
    title: str
    level: int
    line: int = 0
    inline: list[Inline] = field(default_factory=list)
    content: list[Block] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class Tutorial:
    source: str
    dialect: str
    title: str
    description: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    intro: list[Block] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    building_blocks: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    line: int = 0
    title_inline: list[Inline] = field(default_factory=list)
