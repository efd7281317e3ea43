"""enrich stage: regions, values and helpers, from the shared catalogue and a sidecar.

Entry points (everything else here is internal)::

    data = load_data(tutorial_path)              # catalogue + <tutorial>.checklist.yml
    tutorial, diagnostics = enrich(tutorial, data)
    page_data(tutorial, data)                    # this stage's part of tc-page-data
"""

from generator.enrich.apply import DEFAULT_DATA_DIR, EnrichData, enrich, load_data
from generator.enrich.pagedata import page_data

__all__ = ["DEFAULT_DATA_DIR", "EnrichData", "enrich", "load_data", "page_data"]
