"""``check PATH...``: diagnostics as ``file:line:col: severity code message`` or JSON.

Exit 0 when no error was found (warnings and infos are reported but pass), 1 when any
error was, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.diagnostics import Diagnostic, Diagnostics, GeneratorError
from generator.discover import tutorial_files
from generator.enrich import enrich, load_data
from generator.lint import lint
from generator.parse import parse
from generator.pipeline import load_bytes
from generator.render.images import inspect_image, iter_images

HELP = "report problems in tutorials (files or folders of *.md)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="tutorial files or folders")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--root", help="source folder that includes and images may not leave (default: each PATH)"
    )


def check_file(path: Path, root: Path) -> list[Diagnostic]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        diags = Diagnostics(str(path))
        diags.error("unreadable", str(exc.strerror or exc))
        return diags.items
    loaded = load_bytes(data, path, root=root)
    diags = loaded.diagnostics
    lint(loaded.source, parse(loaded.source), diags)
    try:
        diags.items.extend(enrich(loaded.tutorial, load_data(path))[1])
    except GeneratorError as exc:  # a broken shared catalogue: point at its own file and line
        diags.items.append(Diagnostic(exc.file, exc.line, 1, "error", "catalogue", exc.message))
    for image in iter_images(loaded.tutorial):
        diags.items.extend(inspect_image(image, path, root))
        if not image.alt.strip():
            diags.warning("image-no-alt", f"image {image.src!r} has no alt text", image.line)
    return diags.sorted()


def targets(paths: list[str], root: str | None) -> list[tuple[Path, Path]]:
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend((file, Path(root) if root else path) for file in tutorial_files(path))
        else:
            found.append((path, Path(root) if root else path.parent))
    return found


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"check: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    results: list[Diagnostic] = []
    for path, root in targets(args.paths, args.root):
        results.extend(check_file(path, root))
    if args.format == "json":
        json.dump([d.to_dict() for d in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for diagnostic in results:
            print(diagnostic.format())
    return 1 if any(d.severity == "error" for d in results) else 0
