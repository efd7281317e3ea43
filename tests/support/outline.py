"""A compact, hand-writable outline of a model dict (from ``to_dict``), for fixture tests.

Fixture expectations are written by hand, so the outline shows what a reader of the
checklist would notice (structure, step numbers as written, text with its emphasis, code,
links and images, callouts and where they sit) and leaves out ids, fingerprints, line
numbers and the derived ``images``/``callouts`` lists. Format, one line per node:

    title: Tutorial: X                 tutorial title, then ``dialect:`` and one ``meta: k=v`` per key
    prerequisites: a | b               (and ``building blocks: a | b``) only when found
    ## Configuring single sign-on      a section (hashes = level); its content follows unindented
    [To configure ...:]                a procedure and its title (``[]`` when untitled)
    1. Click **Save**.                 a step: number as written, then its first paragraph;
       image: ./a.png | alt | title    its content and sub-steps indented by three spaces
    p: text                            paragraph; ``h4: text`` a minor heading; ``---`` a rule
    note: text                         a callout (``note (Heading): text``); a callout, quote,
    quote:                             div or list item holding more than one paragraph lists
      p: ...                           its blocks below it, indented by two spaces
    - item / 2) item                   bullet and ordered list items (ordered: start + index)
    table: A | B                       header cells, then one indented line per row
    code(bash):                        then ``| line`` per line of code (tabs shown as →)
    html: <a name="x"></a>             one line, or ``html:`` + ``| line`` lines
    include: name -> path (unresolved) / video: id / selector(single): + ``- label -> href``
    tabs: + ``tab Label (id):``        zones: ``zone: pivot=x`` ... ``zone-end``

Inline text: **strong**, *em*, ~~s~~, `code`, [text](href), ![alt](src), raw inline HTML,
a UI path as **A** > **B**, a hard line break as ↵, a no-break space as ⍽ and an empty
table cell or alt text as ∅. Runs of spaces, tabs and soft breaks become one space.
"""

from __future__ import annotations

import re
from typing import Any

Node = dict[str, Any]
EMPTY = "∅"
_SPACE = re.compile(r"[ \t\n]+")


def inline(nodes: list[Node]) -> str:
    """One line of text for a list of inline nodes."""
    return _SPACE.sub(" ", "".join(_inline(n) for n in nodes)).strip(" ").replace("\u00a0", "⍽")


def _inline(node: Node) -> str:
    kind = node["type"]
    inner = "".join(_inline(c) for c in node.get("children", []))
    title = f' "{node["title"]}"' if node.get("title") else ""
    rendered = {
        "text": lambda: node.get("text", ""),
        "html": lambda: node.get("text", ""),
        "strong": lambda: f"**{inner}**",
        "em": lambda: f"*{inner}*",
        "s": lambda: f"~~{inner}~~",
        "code": lambda: f"`{node.get('text', '')}`",
        "link": lambda: f"[{inner}]({node.get('href', '')}{title})",
        "image": lambda: f"![{node.get('text', '')}]({node.get('href', '')}{title})",
        "uipath": lambda: " > ".join(_inline(c) for c in node["children"]),
        "softbreak": lambda: " ",
        "hardbreak": lambda: " ↵ ",
    }.get(kind)
    if rendered is None:
        raise ValueError(f"outline does not know inline node type {kind!r}")
    return rendered()


class _Outline:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, indent: int, text: str) -> None:
        self.lines.append((" " * indent + text).rstrip())

    def verbatim(self, indent: int, text: str) -> None:
        for line in text.removesuffix("\n").split("\n"):
            self.add(indent, "| " + line.replace("\t", "→"))

    def blocks(self, blocks: list[Node], indent: int) -> None:
        for block in blocks:
            self.block(block, indent)

    def container(self, indent: int, head: str, blocks: list[Node]) -> None:
        """``head: text`` for a single paragraph, else ``head:`` with the blocks below."""
        if len(blocks) == 1 and blocks[0]["type"] == "paragraph":
            self.add(indent, f"{head}: {inline(blocks[0]['inline'])}")
            return
        self.add(indent, f"{head}:")
        self.blocks(blocks, indent + 2)

    def prefixed(self, indent: int, marker: str, blocks: list[Node]) -> None:
        """A list item or step: ``marker`` then its first block on the same line."""
        start = len(self.lines)
        self.blocks(blocks, 0)
        if len(self.lines) == start:
            self.add(indent, marker.rstrip())
            return
        body = self.lines[start:]
        first = body[0][3:] if body[0].startswith("p: ") else body[0]
        self.lines[start:] = [(" " * indent + marker + first).rstrip()] + [
            (" " * (indent + len(marker)) + line).rstrip() if line else line for line in body[1:]
        ]

    def block(self, block: Node, indent: int) -> None:
        kind = block["type"]
        if kind == "paragraph":
            self.add(indent, f"p: {inline(block.get('inline', []))}")
        elif kind == "heading":
            self.add(indent, f"h{block.get('level', 0)}: {inline(block.get('inline', []))}")
        elif kind == "rule":
            self.add(indent, "---")
        elif kind == "list":
            start = block.get("start") or 1
            for index, item in enumerate(block.get("items", [])):
                marker = f"{start + index}) " if block.get("ordered") else "- "
                self.prefixed(indent, marker, item)
        elif kind == "quote":
            self.container(indent, "quote", block.get("blocks", []))
        elif kind == "callout":
            callout = block["callout"]
            heading = f" ({callout['heading']})" if callout.get("heading") else ""
            self.container(indent, callout["kind"] + heading, callout.get("content", []))
        elif kind == "div":
            attrs = " ".join(f"{k}={v}" for k, v in sorted(block.get("attrs", {}).items()))
            self.container(indent, f"div({attrs})", block.get("blocks", []))
        elif kind == "selector":
            self.selector(block["selector"], indent)
        elif kind == "include":
            include = block["include"]
            state = "" if include["resolved"] else " (unresolved)"
            self.add(indent, f"include: {include['name']} -> {include['path']}{state}")
            self.blocks(include.get("content", []), indent + 2)
        elif kind == "video":
            self.add(indent, f"video: {block.get('text', '')}")
        elif kind == "code":
            attrs = "".join(f" {k}={v}" for k, v in sorted(block.get("attrs", {}).items()))
            lang = f"({block['lang']})" if block.get("lang") else ""
            self.add(indent, f"code{lang}:{attrs}")
            if block.get("text"):
                self.verbatim(indent + 2, block["text"])
        elif kind == "html":
            text = block.get("text", "")
            if "\n" in text:
                self.add(indent, "html:")
                self.verbatim(indent + 2, text)
            else:
                self.add(indent, f"html: {text}")
        elif kind == "table":
            self.table(block, indent)
        elif kind == "image":
            self.image(block["image"], indent)
        elif kind == "zone":
            self.zone(block.get("attrs", {}), indent)
        elif kind == "tabs":
            self.add(indent, "tabs:")
            for tab in block.get("tabs", []):
                self.add(indent + 2, f"tab {tab['label']} ({tab['id']}):")
                self.blocks(tab.get("blocks", []), indent + 4)
        else:
            raise ValueError(f"outline does not know block type {kind!r} here")

    def selector(self, selector: Node, indent: int) -> None:
        titles = " | ".join(selector.get("titles", []))
        self.add(indent, f"selector({selector['kind']}{', ' + titles if titles else ''}):")
        for option in selector.get("options", []):
            current = " (current)" if option.get("current") else ""
            self.add(indent + 2, f"- {option['label']} -> {option['href']}{current}")

    def table(self, block: Node, indent: int) -> None:
        def row(cells: list[list[Node]]) -> str:
            return " | ".join(inline(cell) or EMPTY for cell in cells)

        self.add(indent, f"table: {row(block.get('header', []))}")
        for cells in block.get("rows", []):
            self.add(indent + 2, row(cells))

    def image(self, image: Node, indent: int) -> None:
        parts = [image["src"], image["alt"] or EMPTY] + ([image["title"]] if image.get("title") else [])
        flags = [f"lightbox={image['lightbox']}"] if image.get("lightbox") else []
        if "border" in image:
            flags.append(f"border={str(image['border']).lower()}")
        flags += [f"{k}={v}" for k, v in sorted(image.get("attrs", {}).items())]
        self.add(indent, "image: " + " | ".join(parts) + "".join(" " + f for f in flags))
        if image.get("description"):
            self.add(indent + 2, "description:")
            self.verbatim(indent + 4, image["description"])

    def zone(self, attrs: Node, indent: int) -> None:
        kind = attrs.get("kind", "zone")
        if attrs.get("end"):
            self.add(indent, f"{kind}-end")
            return
        rest = " ".join(f"{k}={v}" for k, v in sorted(attrs.items()) if k not in ("kind", "end"))
        self.add(indent, f"{kind}: {rest}")

    def steps(self, steps: list[Node], indent: int) -> None:
        for step in steps:
            marker = f"{step['number']}. "
            self.add(indent, (marker + inline(step.get("inline", []))).rstrip())
            self.blocks(step.get("content", []), indent + 3)
            self.steps(step["steps"], indent + 3)

    def section(self, section: Node) -> None:
        self.add(0, f"{'#' * section['level']} {section['title']}")
        placed: set[tuple[str, int]] = set()
        for block in section["content"]:
            if block["type"] in ("procedure", "subsection"):
                placed.add((block["type"], int(block["ref"])))
                self.placed(section, block["type"], int(block["ref"]), "")
            else:
                self.block(block, 0)
        # A procedure or subsection the content flow forgot is shown, not silently lost.
        for index in range(len(section["procedures"])):
            if ("procedure", index) not in placed:
                self.placed(section, "procedure", index, "unplaced ")
        for index in range(len(section.get("subsections", []))):
            if ("subsection", index) not in placed:
                self.placed(section, "subsection", index, "unplaced ")

    def placed(self, section: Node, kind: str, index: int, note: str) -> None:
        if kind == "subsection":
            if note:
                self.add(0, note + "subsection:")
            self.section(section["subsections"][index])
            return
        procedure = section["procedures"][index]
        self.add(0, f"{note}[{procedure.get('title') or ''}]")
        self.steps(procedure["steps"], 0)


def outline(data: Node) -> str:
    """The outline of a tutorial dict; lines have no trailing spaces; ends with a newline."""
    out = _Outline()
    out.add(0, f"title: {data['title']}")
    out.add(0, f"dialect: {data['dialect']}")
    for key, value in data.get("metadata", {}).items():
        out.add(0, f"meta: {key}={value}")
    if data.get("prerequisites"):
        out.add(0, "prerequisites: " + " | ".join(data["prerequisites"]))
    if data.get("building_blocks"):
        out.add(0, "building blocks: " + " | ".join(data["building_blocks"]))
    out.blocks(data.get("intro", []), 0)
    for section in data["sections"]:
        out.section(section)
    return "\n".join(out.lines) + "\n"
