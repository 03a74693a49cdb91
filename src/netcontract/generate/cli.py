"""``netcontract generate SOURCE... [--out FILE.py] [--strict] [--no-extension-data]
[--name OPEN=NAME]...``
(wired into netcontract.cli)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, BinaryIO

from netcontract.errors import SchemaError
from netcontract.generate import generate_module

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Add the ``generate`` subcommand to the CLI's subparsers."""
    parser = commands.add_parser(
        "generate",
        help="write netcontract contracts for XSD/WSDL schemas (as svcutil /dconly) or Web API "
        "help pages",
    )
    parser.add_argument(
        "sources",
        nargs="+",
        help=".xsd or .wsdl files, or help pages (.html, .htm, copied .txt), or folders of them",
    )
    parser.add_argument("--out", help="write the module to this .py file (atomically)")
    parser.add_argument(
        "--strict", action="store_true", help="fail when anything cannot be mapped exactly"
    )
    parser.add_argument(
        "--extension-data",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="schemas: keep the members a document holds that the schema does not know and "
        "write them back, as svcutil's classes do (IExtensibleDataObject; the default for "
        "schemas); --no-extension-data drops them, and is faster (the generated fast paths "
        "read such classes, the reference code those with extension data)",
    )
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="OPEN=NAME",
        help="help pages: the name of a type the page leaves open (as reported), e.g. "
        "VehicleLightDtoBase=VehicleBaseDto",
    )


def run(args: argparse.Namespace, stdout: BinaryIO, stderr: Any) -> int:
    """Generate; reports go to stderr. 0 done, 1 schemas refused, 2 usage error."""
    from netcontract.cli import EXIT_OK, EXIT_PAYLOAD, UsageError, write_atomically  # noqa: PLC0415

    for source in args.sources:
        if not Path(source).exists():
            raise UsageError(f"cannot read {source!r}: no such file or folder")
    if args.out is not None and Path(args.out).is_dir():
        raise UsageError(f"--out {args.out!r} is a folder; give a .py file")
    names: dict[str, str] = {}
    for item in args.name:
        open_name, sep, name = item.partition("=")
        if not sep or not open_name or not name.isidentifier():
            raise UsageError(f"--name {item!r}: give OPEN=NAME, NAME a .NET type name")
        names[open_name] = name
    try:
        generated = generate_module(
            args.sources,
            strict=args.strict,
            names=names or None,
            extension_data=args.extension_data,
        )
    except SchemaError as exc:
        for problem in exc.problems:
            print(f"netcontract: {problem}", file=stderr)
        return EXIT_PAYLOAD
    for report in generated.reports:
        print(f"netcontract: warning: {report}", file=stderr)
    data = generated.code.encode("utf-8")
    if args.out is None:
        stdout.write(data)
    else:
        try:
            write_atomically(Path(args.out), data)
        except OSError as exc:
            raise UsageError(f"cannot write {args.out!r}: {exc.strerror or exc}") from None
    return EXIT_OK
