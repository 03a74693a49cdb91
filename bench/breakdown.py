"""Where the time of netcontract's conversions goes, on bench/generate.py's document.

    python bench/breakdown.py [--vehicles 2000] [--rounds 3] [--document netcontract|dotnet]

Each line times one ingredient alone (CPU time, median of 9 runs, results freed outside the
clock), in ms and as a ratio to lxml's ``etree.fromstring`` of the XML (the unit) measured
in the same round; the medians of ``--rounds`` rounds are shown:

- the parse the conversion cannot avoid (lxml with netcontract's hardened parser; msgspec);
- the walk: the compiled walk of libxml2's tree (netcontract.xml.walk, when it is in use),
  or else the lxml calls the XML reader makes on every element (child iteration, tag, text,
  tail, i:nil, child count), with nothing done with their results; the whole conversion
  over lxml's proxies (the walk switched off) and those lxml calls are shown after it;
- the value codecs, called on every value of the document and nothing else (.NET's exact
  DateTime, Guid, Int32 and Double text rules, written in Python);
- building the objects (the attrs classes' own ``__init__``) or joining and encoding text.

What the whole conversion costs above their sum is the generated code itself.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dotnet_document import dotnet_documents
from generate import make_documents

import netcontract as nc
from netcontract.clr import datetime as _datetime
from netcontract.clr import guid as _guid
from netcontract.clr import numbers as _numbers
from netcontract.clr import value_types as _clr
from netcontract.json import read_struct as _json_typed
from netcontract.json.text import LONGEST_NUMBER, colons_surely, loads_fast
from netcontract.xml import walk as _walk
from netcontract.xml.parse import parse_xml_bytes
from vehizen import CustomerGroupDto, ExternalInterfaceHeaderDto, VehicleLightDto

NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def measure(fn: Callable[[], Any]) -> float:
    result = fn()
    del result
    times = []
    for _ in range(9):
        gc.collect()
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
        del result
    return statistics.median(times) * 1000


def walk(root: Any) -> None:
    for vehicle in root[4]:
        for child in vehicle:
            child.tag, child.text, child.tail, child.get(NIL), len(child)


def over_proxies(xml: bytes) -> Any:
    """from_xml with the compiled walk switched off: the readers walk lxml's proxies."""
    active = _walk.ACTIVE
    _walk.ACTIVE = False
    try:
        return nc.from_xml(xml)
    finally:
        _walk.ACTIVE = active


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vehicles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--document",
        choices=("netcontract", "dotnet"),
        default="netcontract",
        help="dotnet: the document .NET writes (bench/dotnet_document.py, needs Mono)",
    )
    args = parser.parse_args()
    if args.document == "dotnet":
        xml, data = dotnet_documents(args.vehicles)
    else:
        xml, data = make_documents(args.vehicles)
    group = nc.from_json(data, CustomerGroupDto)
    root = parse_xml_bytes(xml)

    members = {m.wire_name: m for m in nc.contract_info(VehicleLightDto).xml_members}
    texts: dict[str, list[str]] = {"DateTime": [], "Guid": [], "Int32": [], "Double": []}
    for vehicle in root[4]:
        for child in vehicle:
            name = str(child.tag).rpartition("}")[2]
            wire = members[name].slot.wire
            kind = getattr(getattr(wire, "primitive", None), "clr_name", None)
            if kind in texts and child.text is not None:
                texts[kind].append(child.text)
    values = {
        "DateTime": [_datetime.parse_datetime(t) for t in texts["DateTime"]],
        "Guid": [_guid.parse_guid(t) for t in texts["Guid"]],
        "Double": [_numbers.parse_double_xml(t) for t in texts["Double"]],
    }
    kwargs = [
        {m.attr: getattr(v, m.attr) for m in nc.contract_info(VehicleLightDto).xml_members}
        for v in group.vehicles
    ]
    interfaces = [
        {"id": i.id, "customer_id": i.customer_id, "name": i.name}
        for v in group.vehicles
        for i in v.external_interfaces or ()
    ]
    tree, _ = loads_fast(data)
    json_doubles = [
        vehicle[name]
        for vehicle in tree["Vehicles"]
        for name in ("TotalFuelUsed", "TheoreticalConsumption")
        if vehicle[name] is not None
    ]
    text = nc.to_xml(group).decode("utf-8")

    gc.collect()
    gc.freeze()  # the inputs above are not the conversions' garbage to collect
    ops: list[tuple[str, Callable[[], Any]]] = [
        ("unit: lxml etree.fromstring(XML)", lambda: etree.fromstring(xml))
    ]

    def add(label: str, fn: Callable[[], Any]) -> None:
        ops.append((label, fn))

    add("XML -> objects: whole", lambda: nc.from_xml(xml))
    add("  parse (hardened lxml parser)", lambda: parse_xml_bytes(xml))
    if _walk.ACTIVE:
        length, walker = nc.Limits().max_string_length, _walk.walker
        assert walker is not None
        # the whole tree at once (the readers get a list's items one at a time: the same work)
        add("  walk: compiled walk_tree (tuples)", lambda: walker(root, _walk.MAX_DEPTH, length))
    else:
        add("  walk: lxml calls on every element", lambda: walk(root))
    parse_dt, dates, guids = _datetime.parse_datetime, texts["DateTime"], texts["Guid"]
    add(f"  codecs: {len(dates)} DateTime", lambda: [parse_dt(t) for t in dates])
    add(f"  codecs: {len(texts['Guid'])} Guid", lambda: [_guid.parse_guid(t) for t in guids])
    add(
        f"  codecs: {len(texts['Int32'])} Int32",
        lambda: [_clr.INT32.xml_parse(t) for t in texts["Int32"]],
    )
    add(
        f"  codecs: {len(texts['Double'])} Double",
        lambda: [_numbers.parse_double_xml(t) for t in texts["Double"]],
    )
    add(
        "  objects (attrs __init__)",
        lambda: (
            [VehicleLightDto(**k) for k in kwargs],
            [ExternalInterfaceHeaderDto(**k) for k in interfaces],
        ),
    )
    if _walk.ACTIVE:
        add("XML -> objects over lxml's proxies: whole", lambda: over_proxies(xml))
        add("  walk: lxml calls on every element", lambda: walk(root))
    format_dt, format_xml = _datetime.format_datetime, _numbers.format_double_xml
    format_json = _numbers.format_double_json
    add("objects -> XML: whole", lambda: nc.to_xml(group))
    add(
        "  codecs: format DateTime",
        lambda: [format_dt(v) for v in values["DateTime"]],
    )
    add("  codecs: format Guid", lambda: [str(v) for v in values["Guid"]])
    add("  codecs: format Double", lambda: [format_xml(v) for v in values["Double"]])
    add("  encode the text to UTF-8", lambda: text.encode("utf-8"))
    add("JSON -> objects: whole", lambda: nc.from_json(data, CustomerGroupDto))
    decode = _json_typed._plan(CustomerGroupDto).decode  # type: ignore[union-attr]
    add("  parse (msgspec, into Structs; Guids too)", lambda: decode(data))
    add("  checks: escapes, long numbers, colons", lambda: colons_surely(data, LONGEST_NUMBER))
    add(f"  codecs: {len(texts['DateTime'])} DateTime", lambda: [parse_dt(t) for t in dates])
    add(
        f"  codecs: {len(json_doubles)} Double",
        lambda: [_clr.DOUBLE.json_parse(d) for d in json_doubles],
    )
    add("objects -> JSON: whole", lambda: nc.to_json(group))
    add(
        "  codecs: format DateTime",
        lambda: [format_dt(v) for v in values["DateTime"]],
    )
    add(
        "  codecs: format Double",
        lambda: [format_json(v) for v in values["Double"]],
    )

    # every line in each round, one round after the other: a shared machine has slow and fast
    # phases, and a ratio is taken within a round
    times: list[list[float]] = [[] for _ in ops]
    ratios: list[list[float]] = [[] for _ in ops]
    for _ in range(args.rounds):
        unit = 0.0
        for index, (_, fn) in enumerate(ops):
            ms = measure(fn)
            unit = unit or ms
            times[index].append(ms)
            ratios[index].append(ms / unit)
    rows: list[tuple[str, float, float]] = []
    whole: tuple[float, float] | None = None
    parts: list[tuple[float, float]] = []

    def close() -> None:
        # what the ingredients alone cost, and what the conversion costs on top of them
        if whole is not None and parts:
            ms, ratio = sum(p[0] for p in parts), sum(p[1] for p in parts)
            rows.append(("  = sum of the ingredients above", ms, ratio))
            rows.append(("  = the rest (generated code, calls)", whole[0] - ms, whole[1] - ratio))
            parts.clear()

    for index, (label, _) in enumerate(ops):
        line = (statistics.median(times[index]), statistics.median(ratios[index]))
        if label.startswith("  "):
            parts.append(line)
        elif index:
            close()
            whole = line
        rows.append((label, *line))
    close()
    width = max(len(label) for label, _, _ in rows)
    print(f"{'ingredient'.ljust(width)}  {'ms':>7}  {'vs unit':>7}")
    for label, ms, ratio in rows:
        print(f"{label.ljust(width)}  {ms:7.1f}  {ratio:6.2f}x")


if __name__ == "__main__":
    main()
