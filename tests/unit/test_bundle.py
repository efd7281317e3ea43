"""``build --offline`` and ``bundle``: links that open as files, a search index the theme can load
from ``file://``, no instant navigation, a local worker shim, and a complete, stable zip."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.offline import file_links, file_url, search_locations
from tests.conftest import SOURCE_DOCS

TOP = "room"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("../x/", "../x/index.html"),
        (
            "../../certificate-helper/?from=a%2Fb%2F&amp;n=9.8",
            "../../certificate-helper/index.html?from=a%2Fb%2F&amp;n=9.8",
        ),
        ("../x/#step-1", "../x/index.html#step-1"),
        ("..", "../index.html"),
        ("../..", "../../index.html"),
        (".", "./index.html"),
        ("./", "./index.html"),
        ("../images/a.png", "../images/a.png"),
        ("#step-1", "#step-1"),
        ("?h=x", "?h=x"),
        ("", ""),
        ("/absolute/", "/absolute/"),
        ("https://example.com/docs/", "https://example.com/docs/"),
        ("//example.com/", "//example.com/"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
    ],
)
def test_file_url_points_folders_at_their_index_html(url: str, expected: str) -> None:
    assert file_url(url) == expected


def test_file_links_rewrites_href_attributes_only() -> None:
    html = '<a href="../x/">x</a> <img src="../y/"> <span data-href="../z/">../w/</span> <link href=".">'
    assert file_links(html) == (
        '<a href="../x/index.html">x</a> <img src="../y/"> <span data-href="../z/">../w/</span>'
        ' <link href="./index.html">'
    )


def test_search_locations_open_as_files() -> None:
    index = {"docs": [{"location": ""}, {"location": "tutorials/a/#s-1"}, {"location": "groups/b/"}]}
    assert [doc["location"] for doc in search_locations(index)["docs"]] == [
        "./index.html",
        "tutorials/a/index.html#s-1",
        "groups/b/index.html",
    ]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    base = tmp_path_factory.mktemp("bundle")
    out = base / "out" / f"{TOP}.zip"
    assert (
        main(["bundle", "--source", str(SOURCE_DOCS), "--out", str(out), "--cache-dir", str(base / "cache")])
        == 0
    )
    with zipfile.ZipFile(out) as archive:
        files = {info.filename: archive.read(info) for info in archive.infolist()}
        dates = {info.date_time for info in archive.infolist()}
    assert dates == {(1980, 1, 1, 0, 0, 0)}
    return out, files


def pages(files: dict[str, bytes]) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in files.items() if name.endswith(".html")}


def test_the_zip_holds_the_whole_site_under_one_folder(bundled) -> None:
    _, files = bundled
    names = list(files)
    assert names == sorted(names)
    assert all(name.startswith(f"{TOP}/") for name in names)
    for expected in (
        "index.html",
        "tutorials/contoso-mail-tutorial/index.html",
        "certificate-helper/index.html",
    ):
        assert f"{TOP}/{expected}" in files
    assert f"{TOP}/assets/javascripts/worker-shim.js" in files


def test_every_page_links_to_files_not_folders(bundled) -> None:
    _, files = bundled
    for name, html in pages(files).items():
        hrefs = re.findall(r'\shref="([^"]*)"', html)
        folders = [
            h
            for h in hrefs
            if not re.match(r"^([a-z]+:|/|#)", h) and h.split("?")[0].split("#")[0].endswith(("/", "."))
        ]
        assert folders == [], name


def test_pages_load_the_worker_shim_and_have_no_instant_navigation(bundled) -> None:
    _, files = bundled
    page = pages(files)[f"{TOP}/tutorials/contoso-mail-tutorial/index.html"]
    assert '<script src="../../assets/javascripts/worker-shim.js"' in page
    config = json.loads(
        re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)[1]
    )
    assert "navigation.instant" not in config["features"]
    assert "search.highlight" in config["features"]
    assert "unpkg.com" not in page


def test_the_search_index_is_a_script_with_the_steps(bundled) -> None:
    _, files = bundled
    script = files[f"{TOP}/search/search_index.js"].decode("utf-8")
    assert script.startswith("var __index = ")
    index = json.loads(script.removeprefix("var __index = "))
    assert index == json.loads(files[f"{TOP}/search/search_index.json"])
    steps = [
        doc
        for doc in index["docs"]
        if doc["location"].startswith("tutorials/contoso-mail-tutorial/index.html#")
    ]
    assert len(steps) > 5
    assert not [doc["location"] for doc in index["docs"] if doc["location"].split("#")[0].endswith("/")]


def test_the_same_site_gives_the_same_zip(bundled, tmp_path: Path) -> None:
    out, _ = bundled
    again = tmp_path / f"{TOP}.zip"
    cache = out.parent.parent / "cache"
    assert main(["bundle", "--source", str(SOURCE_DOCS), "--out", str(again), "--cache-dir", str(cache)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_a_failed_build_leaves_an_earlier_zip_alone(tmp_path: Path, capsys) -> None:
    out = tmp_path / "room.zip"
    out.write_bytes(b"the earlier bundle")
    assert main(["bundle", "--source", str(tmp_path / "missing"), "--out", str(out)]) == 1
    assert out.read_bytes() == b"the earlier bundle"
    assert "missing" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["room.zip"]


def test_a_normal_build_keeps_instant_navigation(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert (
        main(
            [
                "build",
                "--source",
                str(SOURCE_DOCS),
                "--site-dir",
                str(site),
                "--cache-dir",
                str(tmp_path / "c"),
            ]
        )
        == 0
    )
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '"navigation.instant"' in page
    assert "worker-shim.js" not in page
    assert not (site / "search" / "search_index.js").exists()
