"""Sections, procedures and steps of a tutorial page -> HTML.

Every step is a real checkbox with a label, so the page is a usable numbered list without
JavaScript and in print. This runs for every step of every page, so it is Python like the
block and inline renderers, not template macros: a Jinja macro call costs more than the
markup it writes. The page around the steps stays in ``templates/tutorial.html.j2``, which
calls :func:`render_section` and :func:`progress` (Jinja globals, see ``environment.py``).
Text is escaped with :func:`markupsafe.escape`, as the templates' autoescaping does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from markupsafe import Markup, escape

from generator.model.nodes import Procedure, Section, Step
from generator.render.blocks import render_blocks
from generator.render.context import RenderContext
from generator.render.inline import render_inlines
from generator.render.outline import parts, step_number

if TYPE_CHECKING:  # tutorial.py imports the environment, which imports this module
    from generator.render.tutorial import TutorialPage

SECTION = '<section class="tc-section">\n'


def progress(scope: str, total: int, label: str) -> Markup:
    """A progress counter and bar (``scope``: ``tutorial`` or ``section``), hidden until the scripts run."""
    return Markup(
        f'<div class="tc-progress tc-progress--{escape(scope)}" data-tc-progress="{escape(scope)}" hidden>\n'
        f'<span class="tc-progress__count" data-tc-count>0 of {escape(total)} steps</span>\n'
        f'<progress class="tc-progress__bar" max="{escape(total)}" value="0" aria-label="{escape(label)}">'
        "</progress>\n</div>\n"
    )


def render_section(sec: Section, level: int, top: bool, ctx: RenderContext, page: TutorialPage) -> Markup:
    """A section with its blocks, procedures and subsections in reading order; ``top`` sections
    carry their own progress counter.

    Every part, step and sub-step is followed by an empty line, as the template macros wrote
    them, so pages stayed byte for byte the same when this moved out of the template.
    """
    out: list[str] = []
    _section(sec, level, top, ctx, page, out)
    return Markup("".join(out))


def _section(
    sec: Section, level: int, top: bool, ctx: RenderContext, page: TutorialPage, out: list[str]
) -> None:
    sid = escape(sec.id)
    heading = render_inlines(sec.inline, ctx) if sec.inline else escape(sec.title)
    out.append(f'<section class="tc-section" data-tc-section="{sid}">\n' if top else SECTION)
    out.append(f'<h{level} id="{sid}">{heading}</h{level}>\n')
    total = page.section_totals.get(sec.id) if top else None
    if total:
        out += (progress("section", total, "Progress in section " + sec.title), "\n")
    inner = min(level + 1, 6)
    for kind, part in parts(sec):
        if kind == "procedure":
            _procedure(part, inner, ctx, page, out)  # type: ignore[arg-type]
        elif kind == "subsection":
            _section(part, inner, False, ctx, page, out)  # type: ignore[arg-type]
        else:
            out.append(render_blocks([part], ctx))  # type: ignore[list-item]
        out.append("\n")
    out.append("</section>\n")


def _procedure(proc: Procedure, level: int, ctx: RenderContext, page: TutorialPage, out: list[str]) -> None:
    out.append(f'<div class="tc-procedure" id="{escape(proc.id)}">\n')
    if proc.title:
        out.append(f'<h{level} class="tc-procedure__title">{escape(proc.title)}</h{level}>\n')
    out.append('<ol class="tc-steps">\n')
    for step in proc.steps:
        _step(step, "", None, ctx, page, out)
        out.append("\n")
    out.append("</ol>\n</div>\n")


def _step(
    step: Step, prefix: str, parent: str | None, ctx: RenderContext, page: TutorialPage, out: list[str]
) -> None:
    number = step_number(prefix, step)
    sid, shown = escape(step.id), escape(number)
    parent_attr = f' data-tc-parent="{escape(parent)}"' if parent else ""
    out.append(
        f'<li class="tc-step" id="{sid}" data-tc-step="{sid}"{parent_attr}>\n<div class="tc-step__head">\n'
        # autocomplete off: the browser never restores a box on its own, so a box ticked when the
        # checklist starts was ticked by the reader (checklist.js keeps it)
        f'<input type="checkbox" class="tc-step__box" id="tc-box-{sid}" data-tc-box="{sid}"'
        ' autocomplete="off">\n'
        f'<label class="tc-step__label" for="tc-box-{sid}"><span class="tc-step__number">{shown}.</span> '
        f"{render_inlines(step.inline, ctx)}</label>\n"
        f'<a class="tc-step__link" href="#{sid}" title="Copy a link to this step"><span aria-hidden="true">#'
        f'</span><span class="tc-sr">Link to step {shown}</span></a>\n</div>\n'
    )
    if step.content or step.steps or step.helpers:
        out.append('<div class="tc-step__body">\n')
        for name in step.helpers:
            helper = page.helpers.get(name)
            if helper is not None:
                query = urlencode({"from": ctx.page_url, "step": step.id, "n": number})
                out.append(
                    f'<p class="tc-step__helper"><a class="md-button tc-helper" '
                    f'href="{escape(ctx.site_link(helper.url))}?{escape(query)}">{escape(helper.label)}</a></p>\n'
                )
        out += (render_blocks(step.content, ctx), "\n")
        if step.steps:
            out.append('<ol class="tc-steps tc-steps--sub">\n')
            for child in step.steps:
                _step(child, number, step.id, ctx, page, out)
                out.append("\n")
            out.append("</ol>\n")
        out.append("</div>\n")
    out.append("</li>\n")
