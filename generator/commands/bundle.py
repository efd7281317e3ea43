"""``bundle [--source DIR] [--out FILE.zip]``: the offline site as one zip file for a training room.

The site is built with ``build --offline`` (it works opened as files, search included) into
a temporary folder and zipped under one top folder, so unzipping gives ``<folder>/index.html``
to open. Entries are sorted and carry one fixed date, so the same site
gives the same bytes; the zip replaces ``FILE`` only once complete.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from generator.commands.build import build_or_report
from generator.site.build import BuildOptions

HELP = "build the site for use without internet (opened as files) and zip it"
DEFAULT_OUT = "tutorial-checklists-offline.zip"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", default="source_docs", help="folder of tutorials (default: source_docs)")
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"the zip file to write (default: {DEFAULT_OUT})")
    parser.add_argument("--cache-dir", help="build cache (default ~/.cache/tutorial-checklists)")


def top_folder(out: Path) -> str:
    """The folder the zip unpacks to: the zip's own name without ``.zip``."""
    return out.name.removesuffix(".zip") or "site"


def write_zip(site: Path, out: Path) -> int:
    """Zip every file under ``site`` into ``out`` below :func:`top_folder`; the number of files."""
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site.rglob("*") if path.is_file())
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                entry = zipfile.ZipInfo(f"{top_folder(out)}/{path.relative_to(site).as_posix()}", ZIP_EPOCH)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, path.read_bytes())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(files)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="tc-bundle-") as work:
        options = BuildOptions(
            source=Path(args.source),
            site_dir=Path(work) / "site",
            cache_dir=Path(args.cache_dir) if args.cache_dir else None,
            offline=True,
        )
        if not build_or_report(options):
            return 1
        try:
            count = write_zip(options.site_dir, out)
        except OSError as error:
            print(f"{out}:1: cannot write the bundle: {error.strerror or error}", file=sys.stderr)
            return 1
    size = out.stat().st_size / 1_000_000
    print(f"wrote {out} ({count} files, {size:.1f} MB): unzip it and open {top_folder(out)}/index.html")
    return 0
