"""The read stage's output: normalised Markdown plus what the reader learned on the way."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics


@dataclass
class Source:
    """One tutorial after dialect-specific normalisation.

    ``text`` has exactly as many lines as the original, so markdown-it's line maps are
    source line numbers. ``markers`` maps a 0-based line to the list marker the author
    wrote when the reader had to rewrite it (``a.`` becomes ``1.`` for CommonMark).
    """

    path: str
    dialect: str
    original: str
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    markers: dict[int, str] = field(default_factory=dict)
    diagnostics: Diagnostics = field(default_factory=lambda: Diagnostics(""))
