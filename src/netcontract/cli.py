"""The ``netcontract`` command line.

    netcontract convert [--type NAME] [--from json|xml] [--to json|xml] [--indent] [--strict]
                        [--out FILE|DIR] [FILE|DIR|-]
    netcontract validate [--type NAME] [FILE|-]
    netcontract export-xsd [--type NAME]... [--out DIR]
    netcontract sample NAME [--format json|xml] [--indent] [--seed N]
    netcontract fixtures NAME --out DIR [--count N] [--seed S] [--format json|xml|both]
                         [--indent]
    netcontract serve [--host HOST] [--port PORT]
    netcontract types
    netcontract generate SOURCE... [--out FILE.py] [--strict]

Exit status: 0 success, 1 refused payload (one problem per line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from netcontract.conversions import from_json, from_xml, to_json, to_xml
from netcontract.errors import NetContractError, PayloadError, SerializationError
from netcontract.generate import cli as _generate_cli
from netcontract.model.contract import is_contract, known_contracts
from netcontract.testing.corpus import FORMATS, MANIFEST_NAME, write_corpus
from netcontract.webapi.help_page import help_page_sample
from netcontract.xsd.export import export_schemas, schema_file_name
from netcontract.xsd.validate import validate_xml

__all__ = ["main"]

#: packages imported so that their contracts are known by name
BUNDLED_MODELS = ("vehizen",)

EXIT_OK, EXIT_PAYLOAD, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments; reported with exit status 2."""


def _load_bundled() -> None:
    for name in BUNDLED_MODELS:
        importlib.import_module(name)


def _contract_classes() -> list[type]:
    return sorted(
        {cls for cls in known_contracts().values() if is_contract(cls)},
        key=lambda c: (c.__name__, c.__module__),
    )


def resolve_type(name: str) -> type:
    """A contract class from ``ClassName`` or ``package.module:ClassName``."""
    if ":" in name:
        module_name, _, attr = name.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise UsageError(f"cannot import {module_name!r}: {exc}") from None
        cls = getattr(module, attr, None)
        if cls is None or not is_contract(cls):
            raise UsageError(f"{name!r} is not a contract class")
        return cls  # type: ignore[no-any-return]
    matches = [c for c in _contract_classes() if name in (c.__name__, c.__netcontract__.name)]  # type: ignore[attr-defined]
    if not matches:
        known = ", ".join(c.__name__ for c in _contract_classes())
        raise UsageError(f"unknown type {name!r} (known: {known}; or use module:Class)")
    if len(matches) > 1:
        options = ", ".join(f"{c.__module__}:{c.__qualname__}" for c in matches)
        raise UsageError(f"type {name!r} is ambiguous; use one of: {options}")
    return matches[0]


def sniff_format(data: bytes) -> str:
    """``xml`` or ``json`` from the first significant byte."""
    head = data.lstrip(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "xml"  # UTF-16 with a BOM: only XML may be UTF-16 here
    raise UsageError("cannot tell the input format (neither '<' nor '{' first); use --from")


def _read_input(path: str, stdin: BinaryIO) -> bytes:
    if path == "-":
        return stdin.read()
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 - a plain path argument
            return handle.read()
    except OSError as exc:
        raise UsageError(f"cannot read {path!r}: {exc.strerror}") from None


def _convert_bytes(data: bytes, args: argparse.Namespace) -> tuple[bytes, str]:
    """The converted document (with its trailing newline) and the output format."""
    source = args.source or sniff_format(data)
    target = args.target or ("xml" if source == "json" else "json")
    cls: Any = resolve_type(args.type) if args.type else None
    if source == "json":
        if cls is None:
            raise UsageError("--type is required for JSON input (JSON does not name its type)")
        obj = from_json(data, cls)
    else:
        obj = from_xml(data, cls, strict=args.strict)
    out = to_json(obj, indent=args.indent) if target == "json" else to_xml(obj, indent=args.indent)
    return out + b"\n", target


def write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a temporary file in the same folder, then a rename."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed before the rename
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(handle.name).replace(path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _convert(args: argparse.Namespace, stdin: BinaryIO, stdout: BinaryIO, stderr: Any) -> int:
    if args.file != "-" and Path(args.file).is_dir():
        return _convert_folder(args, stderr)
    out, _ = _convert_bytes(_read_input(args.file, stdin), args)
    if args.out is None:
        stdout.write(out)
        return EXIT_OK
    target = Path(args.out)
    if target.is_dir():
        raise UsageError(f"--out {args.out!r} is a folder; give a file (or convert a folder)")
    try:
        write_atomically(target, out)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out!r}: {exc.strerror or exc}") from None
    return EXIT_OK


def _convert_folder(args: argparse.Namespace, stderr: Any) -> int:
    """Convert every .json/.xml file of a folder into --out; report each bad file and go on."""
    if args.out is None:
        raise UsageError("converting a folder needs --out FOLDER")
    source_dir, out_dir = Path(args.file), Path(args.out)
    files = sorted(p for p in source_dir.iterdir() if p.suffix in (".json", ".xml") and p.is_file())
    if not files:
        raise UsageError(f"no .json or .xml file in {args.file!r}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {args.out!r}: {exc.strerror or exc}") from None
    failed = 0
    for path in files:
        try:
            data = path.read_bytes()
            out, target = _convert_bytes(data, args)
            write_atomically(out_dir / f"{path.stem}.{target}", out)
        except (PayloadError, SerializationError) as exc:
            failed += 1
            for problem in exc.problems:
                print(f"netcontract: {path}: {problem}", file=stderr)
        except (UsageError, NetContractError, OSError) as exc:
            failed += 1
            print(f"netcontract: {path}: {exc}", file=stderr)
    converted = len(files) - failed
    print(f"netcontract: {converted} converted, {failed} refused, into {out_dir}", file=stderr)
    return EXIT_PAYLOAD if failed else EXIT_OK


def _validate(args: argparse.Namespace, stdin: BinaryIO, stdout: BinaryIO) -> None:
    data = _read_input(args.file, stdin)
    cls: Any = resolve_type(args.type) if args.type else None
    obj = validate_xml(data, cls)
    name = "<stdin>" if args.file == "-" else args.file
    stdout.write(f"{name}: valid {type(obj).__name__}\n".encode())


def _export_xsd(args: argparse.Namespace, stdout: BinaryIO) -> None:
    classes = [resolve_type(name) for name in args.type] if args.type else _contract_classes()
    out = Path(args.out)
    if not out.is_dir():
        raise UsageError(f"--out {args.out!r} is not a directory")
    for namespace, text in export_schemas(*classes).items():
        path = out / schema_file_name(namespace)
        path.write_bytes(text.encode("utf-8"))
        stdout.write(f"{path}\t{namespace}\n".encode())


def _sample(args: argparse.Namespace, stdout: BinaryIO) -> None:
    obj = help_page_sample(resolve_type(args.type), seed=args.seed)
    out = (
        to_json(obj, indent=args.indent)
        if args.format == "json"
        else to_xml(obj, indent=args.indent)
    )
    stdout.write(out + b"\n")


def _fixtures(args: argparse.Namespace, stdout: BinaryIO) -> None:
    cls = resolve_type(args.type)
    if args.count < 0:
        raise UsageError(f"--count must be 0 or more, not {args.count}")
    formats = FORMATS if args.format == "both" else (args.format,)
    try:
        manifest = write_corpus(
            cls, args.out, count=args.count, seed=args.seed, formats=formats, indent=args.indent
        )
    except ModuleNotFoundError as exc:
        if exc.name != "hypothesis":
            raise
        raise UsageError(
            "fixtures draws from hypothesis strategies: pip install 'netcontract[test]'"
        ) from None
    except ValueError as exc:  # fewer distinct values than --count
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot write to {args.out!r}: {exc.strerror or exc}") from None
    files = len(manifest["documents"]) * len(formats)
    summary = (
        f"{Path(args.out) / MANIFEST_NAME}: {len(manifest['documents'])} {cls.__name__}"
        f" documents ({files} files: {', '.join(formats)}), seed {args.seed}\n"
    )
    stdout.write(summary.encode("utf-8"))


def _serve(args: argparse.Namespace, stdout: BinaryIO) -> None:
    try:
        import uvicorn  # noqa: PLC0415 - optional: the webapi extra

        from vehizen.testing import CustomerGroupStandIn  # noqa: PLC0415
    except ImportError as exc:
        raise UsageError(
            f"serve needs the webapi extra (pip install 'netcontract[webapi]'): {exc}"
        ) from None
    standin = CustomerGroupStandIn()
    stdout.write(
        f"netcontract: stand-in of POST api/v2/CustomerGroup on "
        f"http://{args.host}:{args.port}/api/v2/CustomerGroup (Ctrl+C stops it)\n".encode()
    )
    stdout.flush()
    uvicorn.run(standin.app, host=args.host, port=args.port, log_level=args.log_level)


def _types(stdout: BinaryIO) -> None:
    lines = []
    for cls in _contract_classes():
        meta = cls.__netcontract__  # type: ignore[attr-defined]
        lines.append(f"{cls.__name__}\t{cls.__module__}:{cls.__qualname__}\t{meta.xml_namespace}")
    stdout.write(("\n".join(lines) + "\n").encode("utf-8"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netcontract",
        description="Convert .NET DataContract XML and Json.NET JSON payloads, byte for byte.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    convert = commands.add_parser("convert", help="convert a payload between JSON and XML")
    convert.add_argument(
        "file",
        nargs="?",
        default="-",
        help="input file, a folder of .json/.xml files, or - (stdin)",
    )
    convert.add_argument(
        "--out",
        help="write to this file (atomically: all or nothing) or, for a folder, into this folder",
    )
    convert.add_argument("--type", help="contract class: ClassName or module:ClassName")
    convert.add_argument("--from", dest="source", choices=("json", "xml"), help="input format")
    convert.add_argument("--to", dest="target", choices=("json", "xml"), help="output format")
    convert.add_argument("--indent", action="store_true", help="indented output, as .NET writes it")
    convert.add_argument(
        "--strict", action="store_true", help="refuse unknown XML elements instead of ignoring them"
    )
    validate = commands.add_parser(
        "validate", help="check an XML payload against the exported XSD schemas, then read it"
    )
    validate.add_argument("file", nargs="?", default="-", help="input file, or - for stdin")
    validate.add_argument("--type", help="contract the root must be: ClassName or module:Class")
    export = commands.add_parser(
        "export-xsd", help="write the XSD schemas XsdDataContractExporter writes, one per namespace"
    )
    export.add_argument(
        "--type",
        action="append",
        help="contract to export (repeatable; default: every known contract)",
    )
    export.add_argument("--out", default=".", help="directory to write the .xsd files into")
    sample = commands.add_parser(
        "sample", help="print the sample object ASP.NET's help page shows for a contract"
    )
    sample.add_argument("type", help="contract class: ClassName or module:ClassName")
    sample.add_argument("--format", choices=("json", "xml"), default="json", help="default json")
    sample.add_argument("--indent", action="store_true", help="indented, as the help page shows it")
    sample.add_argument("--seed", type=int, default=0, help="seed of the GUIDs (default 0)")
    fixtures = commands.add_parser(
        "fixtures", help="write N documents drawn from the hypothesis strategies, with a manifest"
    )
    fixtures.add_argument("type", help="contract class: ClassName or module:ClassName")
    fixtures.add_argument("--out", required=True, help="directory to write into (created)")
    fixtures.add_argument("--count", type=int, default=10, help="documents (default 10)")
    fixtures.add_argument("--seed", type=int, default=0, help="same seed, same files (default 0)")
    fixtures.add_argument(
        "--format", choices=("json", "xml", "both"), default="both", help="default both"
    )
    fixtures.add_argument("--indent", action="store_true", help="indented documents")
    serve = commands.add_parser(
        "serve", help="run the stand-in of the Vehizen API (POST api/v2/CustomerGroup)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on")
    serve.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    commands.add_parser("types", help="list the known contracts")
    _generate_cli.add_parser(commands)  # netcontract generate (netcontract.generate.cli)
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdin: BinaryIO | None = None,
    stdout: BinaryIO | None = None,
    stderr: Any = None,
) -> int:
    """Run the command line; returns the exit status."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    stderr = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors itself
        return int(exc.code or 0)
    try:
        if args.command == "generate":  # needs no bundled contracts
            status = _generate_cli.run(args, stdout, stderr)
            stdout.flush()
            return status
        _load_bundled()
        if args.command == "types":
            _types(stdout)
        elif args.command == "serve":
            _serve(args, stdout)
        elif args.command == "sample":
            _sample(args, stdout)
        elif args.command == "fixtures":
            _fixtures(args, stdout)
        elif args.command == "validate":
            _validate(args, stdin, stdout)
        elif args.command == "export-xsd":
            _export_xsd(args, stdout)
        else:
            status = _convert(args, stdin, stdout, stderr)
            stdout.flush()
            return status
    except UsageError as exc:
        print(f"netcontract: error: {exc}", file=stderr)
        return EXIT_USAGE
    except (PayloadError, SerializationError) as exc:
        for problem in exc.problems:
            print(f"netcontract: {problem}", file=stderr)
        return EXIT_PAYLOAD
    except NetContractError as exc:
        print(f"netcontract: error: {exc}", file=stderr)
        return EXIT_PAYLOAD
    stdout.flush()
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
