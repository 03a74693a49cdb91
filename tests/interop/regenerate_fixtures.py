"""Regenerate fixtures/*.compact.{xml,json} with the .NET twin on Mono.

    cd /work/main && .venv/bin/python -m tests.interop.regenerate_fixtures

Each compact fixture is what DataContractSerializer (path B, Indent=false) or Json.NET
(Formatting.None) writes after reading the help page's *XML* sample of the same type (the XML
sample reads back without loss for both types; the JSON sample of ResponseDto does not, see
fixtures/README.md). The only edit: Mono writes a bare ``object`` as
``<Data xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyType" />`` where .NET
(the help page) writes ``<Data />``; the .NET form is stored.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.interop._mono import DotNetTwin

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MONO_BARE_OBJECT = b'<Data xmlns:d2p1="http://www.w3.org/2001/XMLSchema" i:type="d2p1:anyType" />'
DOTNET_BARE_OBJECT = b"<Data />"


def main() -> int:
    with DotNetTwin() as twin:
        for stem, type_name in (
            ("customer_group", "CustomerGroupDto"),
            ("response", "ResponseDto"),
        ):
            source = (FIXTURES / f"{stem}.xml").read_bytes()
            result = twin.roundtrip(type_name, "xml", source)
            if result.read_error is not None:
                raise SystemExit(f"{stem}.xml: {result.read_error}")
            # Sanity: the indented outputs are the help page's samples.
            xml_indent, xml, json = result.xml_indent, result.xml, result.json
            assert isinstance(xml_indent, bytes)
            assert isinstance(xml, bytes)
            assert isinstance(json, bytes)
            xml_indent = xml_indent.replace(MONO_BARE_OBJECT, DOTNET_BARE_OBJECT)
            xml = xml.replace(MONO_BARE_OBJECT, DOTNET_BARE_OBJECT)
            assert xml_indent == source, f"{stem}: twin no longer reproduces the help page XML"
            assert result.json_indent == (FIXTURES / f"{stem}.json").read_bytes()
            for name, data in ((f"{stem}.compact.xml", xml), (f"{stem}.compact.json", json)):
                (FIXTURES / name).write_bytes(data)
                print(f"wrote fixtures/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
