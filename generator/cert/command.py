"""``python -m generator cert FILE|-``: the certificate helper for scripts and terminals.

stdout carries only the requested form (the 64-column body by default), so it can be
piped into a clipboard tool or a config file; the human summary goes to stderr.
Exit codes: 0 done, 1 unreadable input or a choice needed, 3 private key refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from generator.cert.errors import CertInputError, PrivateKeyRefused
from generator.cert.format import CertView, describe
from generator.cert.inputs import MAX_INPUT_BYTES, ParsedInput, read_input

HELP = "format a signing certificate (DER, PEM, base64 or metadata XML) the way the tutorial asks"
EXIT_REFUSED = 3
WARNINGS = {
    "expired": "WARNING: this certificate has EXPIRED",
    "not-yet-valid": "WARNING: this certificate is NOT YET VALID",
    "expiring": "WARNING: this certificate expires within 30 days",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE|-", help="certificate or metadata file, or - for stdin")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--single-line", action="store_true", help="print the base64 body on one line")
    form.add_argument("--pem", action="store_true", help="print the full PEM with BEGIN/END lines")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--index", type=int, metavar="N", help="pick certificate N (1-based) when the input holds several"
    )


def run(args: argparse.Namespace) -> int:
    source = "<stdin>" if args.file == "-" else args.file
    try:
        parsed = read_input(_read(args.file), source)
    except PrivateKeyRefused as exc:
        print(f"{exc.source}:{exc.line}: refused: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except CertInputError as exc:
        print(f"{exc.source}:{exc.line}: error: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{source}:1: error: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 1
    views = [describe(der) for der in parsed.certificates]
    if args.index is not None and not 1 <= args.index <= len(views):
        print(
            f"{source}:1: error: --index {args.index}: the input holds {len(views)} certificate(s)",
            file=sys.stderr,
        )
        return 1
    if args.format == "json":
        print(json.dumps(to_json(source, parsed, views, args.index), indent=2))
        return 0
    return _print_text(source, parsed, views, args)


def to_json(source: str, parsed: ParsedInput, views: list[CertView], index: int | None) -> dict:
    """Everything the page shows, for scripts; ``index`` narrows the list to one certificate."""
    chosen = views if index is None else [views[index - 1]]
    return {
        "source": source,
        "kind": parsed.kind,
        "certificates": [asdict(view) for view in chosen],
        "metadata": asdict(parsed.metadata) if parsed.metadata else None,
    }


def _read(path: str) -> bytes:
    """At most one byte past the limit, so a 50 MB file is rejected without reading it all."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    with Path(path).open("rb") as handle:
        return handle.read(MAX_INPUT_BYTES + 1)


def _print_text(source: str, parsed: ParsedInput, views: list[CertView], args: argparse.Namespace) -> int:
    if parsed.metadata:
        meta = parsed.metadata
        for label, value in (
            ("Azure AD Identifier / Issuer URL", meta.entity_id),
            ("Login URL", meta.login_url),
            ("Logout URL", meta.logout_url),
        ):
            print(f"{label}: {value or '(not in the metadata)'}", file=sys.stderr)
    if len(views) > 1 and args.index is None:
        print(f"{source}: {len(views)} certificates; pick one with --index N:", file=sys.stderr)
        for number, view in enumerate(views, start=1):
            print(
                f"  {number}. {view.subject}  valid {view.not_before} to {view.not_after} ({view.status})"
                f"  SHA-1 {view.sha1}",
                file=sys.stderr,
            )
        return 1
    view = views[(args.index or 1) - 1]
    _print_summary(view)
    if args.pem:
        sys.stdout.write(view.pem)
    else:
        print(view.body_line if args.single_line else view.body)
    return 0


def _print_summary(view: CertView) -> None:
    lines = [
        f"Subject:    {view.subject}",
        f"Issuer:     {view.issuer}",
        f"Serial:     {view.serial}",
        f"Key:        {view.key}",
        f"Valid from: {view.not_before}",
        f"Valid to:   {view.not_after}",
        f"SHA-1 thumbprint: {view.sha1}",
        f"SHA-256:    {view.sha256_colon}",
    ]
    if view.status in WARNINGS:
        lines.append(WARNINGS[view.status])
    print("\n".join(lines), file=sys.stderr)
