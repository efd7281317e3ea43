"""enrich(tutorial, data): every enrich pass in order, on a copy of the model.

Pure by default: the input tutorial is not touched, the result depends only on (tutorial,
catalogue, sidecar), so the build and ``check`` see exactly the same enrichment. A caller
that owns a freshly loaded model and needs no unenriched version of it passes
``copy=False`` and saves the deep copy (about half of enrich's cost).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.enrich.catalogue import Catalogue
from generator.enrich.helpers import mark_helpers
from generator.enrich.placeholders import mark_placeholders, tokens_in
from generator.enrich.regions import RegionMatcher, mark_regions, mark_rows
from generator.enrich.sidecar import Sidecar, apply, load_sidecar, matches, sidecar_path, stale
from generator.enrich.spots import Spot, code_blocks, spots, steps
from generator.enrich.store import CatalogueStore
from generator.enrich.values import mark_value_labels
from generator.model.nodes import Inline, Tutorial

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "source_docs" / "_data"


@dataclass
class EnrichData:
    """What enrichment of one tutorial reads: the catalogue (with the sidecar's values) and the sidecar."""

    catalogue: Catalogue
    sidecar: Sidecar | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


IN_MEMORY = CatalogueStore()  # the process's catalogues, kept nowhere else


def data_dir_for(tutorial_path: Path) -> Path:
    """The ``_data`` folder of the nearest source folder above the tutorial, else the shipped one."""
    for folder in tutorial_path.resolve().parents:
        if (folder / "_data").is_dir():
            return folder / "_data"
    return DEFAULT_DATA_DIR


def load_data(
    tutorial_path: str | Path, data_dir: str | Path | None = None, catalogues: CatalogueStore = IN_MEMORY
) -> EnrichData:
    """The shared catalogue and the tutorial's sidecar (``<tutorial>.checklist.yml``).

    The catalogue is ``data_dir``, by default the ``_data`` folder of the nearest source
    folder above the tutorial, else ``source_docs/_data``. Both are loaded once per process
    and content, and ``catalogues`` may keep them for later processes (the build's cache).
    A broken shared catalogue raises :class:`generator.diagnostics.GeneratorError` (file,
    line): no page can be built right from it. A broken sidecar only concerns its tutorial
    and comes back as diagnostics.
    """
    catalogue = catalogues.catalogue(Path(data_dir) if data_dir else data_dir_for(Path(tutorial_path)))
    sidecar, merged, problems = load_sidecar(sidecar_path(Path(tutorial_path)), catalogue, catalogues)
    return EnrichData(merged, sidecar, problems)


def enrich(tutorial: Tutorial, data: EnrichData, copy: bool = True) -> tuple[Tutorial, list[Diagnostic]]:
    """The enriched copy of ``tutorial`` and the diagnostics (sidecar problems, stale rules).

    With ``copy=False`` ``tutorial`` itself is enriched and returned.
    """
    if copy:
        tutorial = deepcopy(tutorial)
    rules = data.sidecar.rules if data.sidecar else []
    matched = {i: [s for s in steps(tutorial) if matches(rule, s)] for i, rule in enumerate(rules)}
    skipped = {id(s) for i, rule in enumerate(rules) if rule.skip for s in matched[i]}
    matcher = RegionMatcher(data.catalogue)
    made: list[tuple[Spot, Inline]] = []
    for spot in spots(tutorial):
        if id(spot.step) in skipped:
            continue
        made += [(spot, node) for node in mark_regions(spot.nodes, matcher)]
        mark_placeholders(spot.nodes, data.catalogue)
        mark_value_labels(spot.nodes, data.catalogue)
    mark_rows(made)
    for block, step in code_blocks(tutorial):
        found = tokens_in(block.text, data.catalogue, code=True)
        if found and id(step) not in skipped:
            block.attrs["placeholders"] = found
    for step in steps(tutorial):
        if id(step) not in skipped:
            mark_helpers(step)
    for index, rule in enumerate(rules):
        for step in matched[index]:
            apply(rule, step)
    problems = list(data.diagnostics)
    if data.sidecar:
        problems += stale(data.sidecar, {i: len(found) for i, found in matched.items()})
    return tutorial, problems
