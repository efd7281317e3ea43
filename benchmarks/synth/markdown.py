"""A tutorial plan written out in the legacy ACOM or the modern DocFX dialect.

The quirks are the real ones: legacy headers as ``<properties/>``/``<tags/>`` elements,
``#Title`` without a space, ``[AZURE.NOTE]`` callouts, reference-style images in about half
of the legacy files; modern YAML front matter, ``> [!NOTE]`` callouts, ``:::image`` and ``1.``
numbering throughout.
"""

from __future__ import annotations

from benchmarks.synth.plan import ImageRef, SectionPlan, StepPlan, TutorialPlan

INDENT = "    "


def write_markdown(plan: TutorialPlan) -> str:
    return _Legacy(plan).text() if plan.dialect == "legacy" else _Modern(plan).text()


class _Writer:
    """What both dialects share: the section and step layout."""

    def __init__(self, plan: TutorialPlan) -> None:
        self.plan = plan
        self.lines: list[str] = []
        self.references: list[str] = []
        self.images = 0

    def text(self) -> str:
        self.header()
        for section in self.plan.sections:
            self.section(section)
        if self.references:
            self.lines += ["", *self.references]
        return "\n".join(self.lines) + "\n"

    def header(self) -> None:
        raise NotImplementedError

    def callout(self, kind: str, text: str) -> list[str]:
        raise NotImplementedError

    def image(self, image: ImageRef, index: int) -> str:
        raise NotImplementedError

    def procedure_heading(self, title: str) -> list[str]:
        raise NotImplementedError

    def section(self, section: SectionPlan) -> None:
        self.lines += ["", self.heading(2, section.title), ""]
        for paragraph in section.paragraphs:
            self.lines += [paragraph, ""]
        if section.procedure:
            self.lines += self.procedure_heading(section.procedure)
        for number, step in enumerate(section.steps, 1):
            self.step(number, step)

    def heading(self, level: int, text: str) -> str:
        return f"{'#' * level} {text}"

    def number(self, number: int) -> str:
        return f"{number}. "

    def step(self, number: int, step: StepPlan) -> None:
        marker = self.number(number)
        self.lines += [f"{marker}{step.text}", ""]
        body: list[str] = []
        if step.image:
            self.images += 1
            body += [self.image(step.image, self.images), ""]
        if step.callout:
            body += [*self.callout(*step.callout), ""]
        if step.code:
            body += ["```bash", step.code, "```", ""]
        for index, sub in enumerate(step.subs):
            if step.lettered:
                body += [f"{'abcdefghij'[index]}. {sub}", ""]
            else:
                body += [f"{self.number(index + 1)}{sub}", ""]
        self.lines += [INDENT + line if line else "" for line in body]


class _Legacy(_Writer):
    def header(self) -> None:
        p = self.plan
        year, month, day = p.date
        self.lines += [
            f'<properties pageTitle="{p.title} | Microsoft Azure" description="{p.description}" '
            f'services="{p.service}" documentationCenter="na" authors="{p.author}" '
            'manager="stevenpo" editor=""/>',
            "",
            f'<tags ms.service="{p.service}" ms.devlang="na" ms.topic="article" ms.tgt_pltfrm="na" '
            f'ms.workload="identity" ms.date="{month:02d}/{day:02d}/{year}" ms.author="{p.author.lower()}"/>',
            "",
            f"#{p.title}",
            ">[AZURE.TIP]For feedback, click [here](http://go.microsoft.com/fwlink/?LinkId=529833).",
            "",
            *p.intro,
            "",
            "The scenario outlined in this tutorial assumes that you already have the following items:",
            "",
            *[f"-   {item}" for item in p.prerequisites],
        ]

    def heading(self, level: int, text: str) -> str:
        return f"{'#' * level}{text}"

    def number(self, number: int) -> str:
        return f"{number}.".ljust(4)

    def procedure_heading(self, title: str) -> list[str]:
        return [self.heading(3, f"{title}, perform the following steps:"), ""]

    def callout(self, kind: str, text: str) -> list[str]:
        return [f">[AZURE.{kind.upper()}] {text}"]

    def image(self, image: ImageRef, index: int) -> str:
        if self.plan.reference_images:
            self.references.append(f"[{index}]: {image.src}")
            return f"![{image.alt}][{index}]"
        return f'![{image.alt}]({image.src} "{image.alt}")'


class _Modern(_Writer):
    def header(self) -> None:
        p = self.plan
        year, month, day = p.date
        self.lines += [
            "---",
            f"title: '{p.title} | Microsoft Docs'",
            f"description: {p.description}",
            f"services: {p.service}",
            f"author: {p.author}",
            "manager: femila",
            f"ms.service: {p.service}",
            "ms.workload: identity",
            "ms.topic: tutorial",
            f"ms.date: {month:02d}/{day:02d}/{year}",
            f"ms.author: {p.author.lower()}",
            "---",
            f"# {p.title}",
            "",
            *p.intro,
        ]

    def number(self, number: int) -> str:
        return "1. "

    def procedure_heading(self, title: str) -> list[str]:
        return []

    def callout(self, kind: str, text: str) -> list[str]:
        return [f"> [!{kind.upper()}]", f"> {text}"]

    def image(self, image: ImageRef, index: int) -> str:
        if index % 2:
            return f':::image type="content" source="{image.src}" alt-text="{image.alt}.":::'
        return f"![{image.alt}]({image.src})"
