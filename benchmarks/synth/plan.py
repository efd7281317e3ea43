"""What one synthetic tutorial says, independent of dialect: a seeded random plan.

The plan follows the real corpus (see :mod:`benchmarks.synth.sizes`): an overview, then
3-6 sections, most with one procedure of 5-12 steps; screenshots after most steps,
sub-steps (numbered or lettered) on some, callouts of every kind, UI paths, links,
``<companyname>`` placeholders, labels the catalogue knows and, in Mimecast tutorials,
region URLs. Sizes are drawn from the real distribution and reached with prose.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from benchmarks.synth import sizes, vocab

CALLOUT_KINDS = ("note", "tip", "important", "warning", "caution")
SHARED_IMAGES = tuple(f"portal-{n}.png" for n in range(1, 6))
SHARED_IMAGE_SHARE = 0.08  # the rest of the screenshots are missing, as in a bare checkout
BYTES_PER_STEP = 440  # real corpus: mean bytes / mean top-level steps, both dialects


@dataclass
class ImageRef:
    alt: str
    src: str  # relative to the tutorial
    shared: bool


@dataclass
class StepPlan:
    text: str
    image: ImageRef | None = None
    callout: tuple[str, str] | None = None
    subs: list[str] = field(default_factory=list)
    lettered: bool = False
    code: str | None = None


@dataclass
class SectionPlan:
    title: str
    paragraphs: list[str]
    procedure: str | None  # the procedure heading, if any
    steps: list[StepPlan] = field(default_factory=list)


@dataclass
class TutorialPlan:
    slug: str
    dialect: str
    title: str
    description: str
    service: str
    app: str
    author: str
    date: tuple[int, int, int]  # year, month, day
    intro: list[str]
    prerequisites: list[str]
    sections: list[SectionPlan]
    target_bytes: int
    reference_images: bool = False  # ``![alt][3]`` with ``[3]: path`` at the end (legacy, 2016 style)


def draw_size(rng: random.Random, dialect: str) -> int:
    """A file size from the real corpus distribution (linear between its deciles)."""
    points = sizes.SIZE_QUANTILES[dialect]
    position = rng.random() * (len(points) - 1)
    low = int(position)
    high = min(low + 1, len(points) - 1)
    return round(points[low] + (points[high] - points[low]) * (position - low))


def plan_tutorial(rng: random.Random, index: int, dialect: str) -> TutorialPlan:
    """The plan of tutorial number ``index`` (its slug carries the index, so slugs are unique)."""
    saas = rng.random() < 0.7
    if saas:
        app = rng.choice(vocab.REGION_APPS) if rng.random() < 0.05 else _app_name(rng)
        service, topic = vocab.SAAS_SERVICE, app
        title = f"Tutorial: Azure Active Directory integration with {app}"
        description = f"Learn how to configure single sign-on between Azure Active Directory and {app}."
        slug = f"active-directory-saas-{_slugify(app)}-{index:05d}-tutorial"
    else:
        service, topic = rng.choice(vocab.OTHER_SERVICES)
        app = ""
        title = f"{rng.choice(vocab.OTHER_VERBS)} {topic} in the Azure portal"
        description = f"Learn how to {title[0].lower()}{title[1:]}."
        slug = f"{service}-{_slugify(title)}-{index:05d}"
    target = draw_size(rng, dialect)
    words = _Words(rng, topic, app)
    plan = TutorialPlan(
        slug=slug,
        dialect=dialect,
        title=title,
        description=description,
        service=service,
        app=app,
        author=rng.choice(vocab.AUTHORS),
        date=(rng.randint(2015, 2023), rng.randint(1, 12), rng.randint(1, 28)),
        intro=[f"The objective of this tutorial is to show how to set up {topic} with Azure."],
        prerequisites=["A valid Azure subscription", f"A {topic} subscription with single sign-on enabled"],
        sections=[],
        target_bytes=target,
        reference_images=dialect == "legacy" and rng.random() < 0.5,
    )
    section_count = rng.randint(3, 6)
    total_steps = target / BYTES_PER_STEP
    per_procedure = total_steps / max(section_count - 1, 1)
    for number in range(section_count):
        plan.sections.append(_section(rng, words, number, per_procedure, plan))
    _pad(rng, plan)
    return plan


def _section(
    rng: random.Random, words: _Words, number: int, per_procedure: float, plan: TutorialPlan
) -> SectionPlan:
    if number == 0 and plan.dialect == "modern":
        items = "\n".join(f"- {item}" for item in plan.prerequisites)
        return SectionPlan("Prerequisites", [items, rng.choice(vocab.FILLER)], None)
    if number == 0:
        return SectionPlan("Overview", [rng.choice(vocab.FILLER)], None)
    title = words.section_title(number)
    section = SectionPlan(title, [rng.choice(vocab.FILLER)], f"To {title[0].lower()}{title[1:]}")
    count = max(5, min(12, round(per_procedure + rng.uniform(-1.5, 1.5))))
    for _ in range(count):
        section.steps.append(_step(rng, words, plan))
    return section


def _step(rng: random.Random, words: _Words, plan: TutorialPlan) -> StepPlan:
    dialect = plan.dialect
    step = StepPlan(words.step_sentence())
    if rng.random() < sizes.MEAN_IMAGES[dialect] / sizes.MEAN_STEPS[dialect]:
        step.image = words.image(plan.slug)
    # Legacy files already open with a feedback tip, which counts as one of their callouts.
    if rng.random() < (sizes.MEAN_CALLOUTS[dialect] - (dialect == "legacy")) / sizes.MEAN_STEPS[dialect]:
        step.callout = (rng.choice(CALLOUT_KINDS), rng.choice(vocab.CALLOUT_TEXTS))
    # Sub-steps come in groups of 2-6 (mean 4): a group on this share of steps gives the real mean.
    if rng.random() < sizes.MEAN_SUBSTEPS[dialect] / sizes.MEAN_STEPS[dialect] / 4:
        step.text = f"In the **{rng.choice(vocab.FIELDS)}** section, perform the following steps:"
        step.subs = [words.step_sentence() for _ in range(rng.randint(2, 6))]
        step.lettered = rng.random() < 0.5
    if dialect == "modern" and rng.random() < 0.03:
        step.code = (
            f'curl -H "Authorization: Bearer <api-token>" "https://<companyname>.{words.domain}/scim/v2"'
        )
    return step


def _pad(rng: random.Random, plan: TutorialPlan) -> None:
    """Add prose to section introductions until the plan reaches its drawn size (roughly)."""
    estimate = (
        900
        + sum(len(p) + 2 for s in plan.sections for p in s.paragraphs)
        + sum(_step_bytes(step) for s in plan.sections for step in s.steps)
    )
    while estimate < plan.target_bytes:
        paragraph = rng.choice(vocab.FILLER)
        rng.choice(plan.sections).paragraphs.append(paragraph)
        estimate += len(paragraph) + 2


def _step_bytes(step: StepPlan) -> int:
    size = len(step.text) + 6 + sum(len(s) + 10 for s in step.subs)
    if step.image:
        size += 2 * len(step.image.alt) + len(step.image.src) + 16
    if step.callout:
        size += len(step.callout[1]) + 24
    return size


class _Words:
    """Sentence patterns filled with one tutorial's app, domain and labels."""

    def __init__(self, rng: random.Random, topic: str, app: str, shared: float = SHARED_IMAGE_SHARE) -> None:
        self.rng, self.topic, self.app, self.shared = rng, topic, app, shared
        self.domain = f"{_slugify(app or topic).replace('-', '')}.example.com"
        self.images = 0

    def section_title(self, number: int) -> str:
        titles = (
            f"Enable the application integration for {self.topic}",
            "Configure single sign-on",
            "Configure user provisioning",
            "Assign users",
            "Create an Azure AD test user",
            f"Test the {self.topic} configuration",
        )
        return titles[(number - 1) % len(titles)]

    def step_sentence(self) -> str:
        r = self.rng
        label, other = r.sample(vocab.LABELS, 2)
        field_name = r.choice(vocab.FIELDS)
        patterns = [
            lambda: f"In the {r.choice(vocab.PLACES)}, on the {r.choice(vocab.PANES)}, click **{label}**.",
            lambda: f"On the **{field_name}** page, select **{label}**, and then click **Next**.",
            lambda: f"Go to **{label} \\> {other}**.",
            lambda: (
                f"In the **{field_name}** textbox, type a URL using the following pattern: "
                f"`https://<companyname>.{self.domain}`"
            ),
            lambda: (
                f"Copy the **{r.choice(vocab.VALUE_LABELS)}** value, and then paste it into the "
                f"**{field_name}** textbox."
            ),
            lambda: "For details, see [{}]({}).".format(*r.choice(vocab.LINKS)),
            lambda: f"In the search box, type **{self.topic}**, and then click **{label}**.",
        ]
        if self.app in vocab.REGION_APPS:
            first, second = r.sample(vocab.REGION_URLS, 2)
            patterns.append(
                lambda: (
                    f"In the **Sign On URL** textbox, type the URL used by your users to sign on "
                    f"(e.g.: “{first}” or “{second}”), and then click **Next**."
                )
            )
        return r.choice(patterns)()

    def image(self, slug: str) -> ImageRef:
        self.images += 1
        alt = self.rng.choice(vocab.LABELS)
        if self.rng.random() < self.shared:
            return ImageRef(alt, f"../media/shared/{self.rng.choice(SHARED_IMAGES)}", True)
        return ImageRef(alt, f"./media/{slug}/IC{795000 + self.images}.png", False)


def _app_name(rng: random.Random) -> str:
    return rng.choice(vocab.APP_HEADS) + rng.choice(vocab.APP_TAILS) + rng.choice(vocab.APP_PRODUCTS)


def _slugify(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def plan_long(rng: random.Random, steps: int, per_section: int = 50) -> TutorialPlan:
    """A modern SaaS tutorial with exactly ``steps`` checkable steps (no sub-steps), for browser timing.

    Its screenshots all exist (the shared ones), so building it costs little image work.
    """
    plan = plan_tutorial(rng, 0, "modern")
    words = _Words(rng, plan.app or "Contoso Mail", plan.app, shared=1.0)
    plan.slug = f"long-{steps}-step-tutorial"
    plan.sections = [plan.sections[0]]
    for start in range(0, steps, per_section):
        title = words.section_title(len(plan.sections))
        section = SectionPlan(f"{title} ({start // per_section + 1})", [rng.choice(vocab.FILLER)], None)
        for _ in range(min(per_section, steps - start)):
            step = _step(rng, words, plan)
            if step.subs:
                step = StepPlan(words.step_sentence(), step.image, step.callout)
            section.steps.append(step)
        plan.sections.append(section)
    return plan
