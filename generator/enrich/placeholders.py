"""Placeholders such as ``<companyname>`` or ``{tenant-id}`` in URLs and code.

A token the catalogue knows stands for that value wherever it appears in code or a URL;
any other token counts only inside something URL-like (``https://<accountcode>.example``),
where it becomes a value of its own (see :func:`auto_value`). Code that is nothing but a
token ("replace `<companyname>` with ...") talks about the placeholder and is left alone.
"""

from __future__ import annotations

import re

from generator.enrich.catalogue import Catalogue, Value
from generator.enrich.flat import Flat, node_maker, wrap
from generator.model.inline import walk
from generator.model.nodes import Inline

TOKEN = re.compile(r"<([A-Za-z][\w-]*)>|\{([A-Za-z][\w-]*)\}")
_RUN = re.compile(r"(?:[^\s\"“”‘’()\[\]`\x00]|<[A-Za-z][\w-]*>)+")
_HOSTLIKE = re.compile(r"[\w>}]\.[A-Za-z]")
_SECRET = re.compile(r"key|secret|password|passwd|pwd|token", re.I)
_RECURSE = ("strong", "em", "link", "s")
_HTML_TAG = re.compile(
    r"<(?:a|abbr|b|big|blockquote|br|center|cite|code|dd|del|details|dfn|div|dl|dt|em|font|h[1-6]|hr|i|iframe"
    r"|img|ins|kbd|li|mark|nobr|ol|p|pre|q|s|samp|script|small|span|strike|strong|style|sub|summary|sup"
    r"|table|tbody|td|th|thead|tr|tt|u|ul|var|video|wbr)>",
    re.I,
)


def _urlish(run: str) -> bool:
    return "://" in run or "/" in run or bool(_HOSTLIKE.search(run))


def value_name(token: str, catalogue: Catalogue) -> str:
    """The value a token stands for: the catalogue's, or one named after the token."""
    known = catalogue.value_for_token(token)
    if known is not None:
        return known.name
    return "_".join(re.findall(r"[a-z0-9]+", token.lower()))


def auto_value(token: str, catalogue: Catalogue) -> Value:
    """The value behind a token the catalogue does not know (plain text, secret if it sounds it)."""
    name = value_name(token, catalogue)
    label = " ".join(re.findall(r"[A-Za-z0-9]+", token))
    return Value(
        name=name,
        label=label[:1].upper() + label[1:],
        sharing="secret" if _SECRET.search(name) else "shareable",
        help=f"Replaces {token} in this tutorial.",
        validator="text",
    )


def tokens_in(text: str, catalogue: Catalogue, code: bool = False) -> dict[str, str]:
    """{token: value name} for the placeholders in ``text`` (code: known tokens count anywhere)."""
    found: dict[str, str] = {}
    for run in _RUN.finditer(text):
        urlish = _urlish(run.group())
        for token in TOKEN.finditer(run.group()):
            known = catalogue.value_for_token(token.group()) is not None
            if not known and _HTML_TAG.fullmatch(token.group()):
                continue
            if urlish or (code and known):
                found[token.group()] = value_name(token.group(), catalogue)
    return found


def _atomic(node: Inline) -> str | None:
    if node.type == "code":
        return node.text
    if node.type == "html" and TOKEN.fullmatch(node.text.strip()):
        return node.text.strip()
    return None


def _next_span(flat: Flat, catalogue: Catalogue) -> tuple[int, int, dict[str, str]] | None:
    if not TOKEN.search(flat.text):  # most runs: nothing any span could hold
        return None
    for run in _RUN.finditer(flat.text):
        stripped = run.group().rstrip(".,;:!?")
        if not stripped:
            continue
        start, end = flat.widen(run.start(), run.start() + len(stripped))
        text = flat.text[start:end]
        if not TOKEN.search(text):
            continue
        piece = flat.piece_at(start)
        is_code = flat.nodes[piece.index].type == "code" and (start, end) == (piece.start, piece.end)
        if is_code and TOKEN.fullmatch(text.strip()):
            continue
        found = tokens_in(text, catalogue, code=is_code)
        if found:
            return start, end, found
    return None


def mark_placeholders(nodes: list[Inline], catalogue: Catalogue) -> list[Inline]:
    """Wrap URL or code runs holding placeholders in ``placeholder`` nodes; return them."""
    made: list[Inline] = []
    if not any("<" in node.text or "{" in node.text for node in walk(nodes)):
        return made  # every text searched below is made of these nodes' texts: no token anywhere
    for node in nodes:
        if node.type in _RECURSE:
            made += mark_placeholders(node.children, catalogue)
        elif node.type == "region":
            found = tokens_in(node.text, catalogue)
            if found:
                node.attrs["values"] = found
    while True:
        flat = Flat(nodes, _atomic)
        span = _next_span(flat, catalogue)
        if span is None:
            return made
        start, end, found = span
        made.append(wrap(flat, start, end, node_maker("placeholder", {"values": found})))
