"""The legacy header, read without beautifulsoup4 (≈ 80 ms of every process's start-up), as it read it.

Authors wrote these headers by hand for a site that read them as HTML: character references,
single or no quotes, attributes given twice or without a value all occur.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.read.legacy import split_header

HEADER = """<properties
    pageTitle="Contoso &amp; Fabrikam &#x7C; Microsoft Azure"
    services='active-directory' authors=jdoe
    class="  single   sign-on "
    editor
    description="first" description="second"
    ms.Service="kept as spelled"/>
<tags ms.date="07/11/2016"/>
# Contoso
"""


def test_header_attributes_read_as_html_would_with_the_authors_spelling() -> None:
    metadata, text = split_header(HEADER, Diagnostics("t.md"))
    assert metadata == {
        "pageTitle": "Contoso & Fabrikam | Microsoft Azure",
        "services": "active-directory",
        "authors": "jdoe",
        "class": "single sign-on",
        "editor": "",
        "description": "second",
        "ms.Service": "kept as spelled",
        "ms.date": "07/11/2016",
    }
    assert text == "\n" * 8 + "# Contoso\n"  # the header's lines stay, blank, so line numbers hold


def test_a_header_that_is_not_a_properties_tag_gives_no_metadata() -> None:
    diagnostics = Diagnostics("t.md")
    metadata, _ = split_header('<propertiesX pageTitle="x"/>\n# T\n', diagnostics)
    assert metadata == {}
    assert diagnostics.items == []
