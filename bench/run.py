"""Benchmark: netcontract's four conversions of a large document, against parsers and peers.

    python bench/run.py [--vehicles 2000] [--document netcontract|dotnet] [--repeat 15]
                        [--clock cpu|wall] [--markdown]

The document is bench/generate.py's customer group (2,000 vehicles by default), written by
netcontract in both formats, or (``--document dotnet``) the same contract as .NET writes it
(bench/dotnet_document.py: DataContractSerializer and Json.NET under Mono). Every operation
runs once or more to warm up, then ``--repeat`` times (fewer for operations slower than a
second); the table gives the median in ms, the document's size divided by it in MB/s, and the
ratio to lxml's ``etree.fromstring`` of the same XML bytes (the unit), measured again (its own
repeated runs) just before each operation, so that a ratio compares runs made under the same
load on a shared machine. All of it is done ``--rounds`` times (3), one operation after the
other, and the medians of the rounds are reported: a shared machine has slow and fast phases
of several seconds. The result of each call is freed after its clock stops, and what the
harness holds is frozen (``gc.freeze``) before timing starts, so that no operation pays for
collecting the others'. Peak memory is measured for the project's four operations, each in a
fresh process: the rise of the resident set (VmHWM, reset just before the call) over what the
process held before it, so libxml2's tree counts.

Peers come from the ``bench`` extra (``pip install -e '.[bench]'``): orjson, xsdata (its
dataclasses generated from the project's ``xsd/`` into a temporary folder), xmlschema
(``XMLSchema.decode`` of the same XML, with the same schemas) and, optionally, pydantic-xml
(models written below by hand). A peer that is not installed is listed as skipped.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from dotnet_document import dotnet_documents  # noqa: E402
from generate import make_documents  # noqa: E402

import netcontract as nc  # noqa: E402
from netcontract.clr import compiled  # noqa: E402
from netcontract.xml import walk as _walk  # noqa: E402
from vehizen import CustomerGroupDto  # noqa: E402

MB = 1_000_000


def _proxies(xml: bytes) -> Any:
    """from_xml with the compiled walk off: the generated readers walk lxml's proxies."""
    active, _walk.ACTIVE = _walk.ACTIVE, False
    try:
        return nc.from_xml(xml)
    finally:
        _walk.ACTIVE = active


def _clock(name: str) -> Callable[[], float]:
    return time.process_time if name == "cpu" else time.perf_counter


def _timed(fn: Callable[[], Any], clock: Callable[[], float]) -> float:
    gc.collect()
    start = clock()
    result = fn()
    elapsed = clock() - start
    del result  # freeing the result is not timed (it is the same for every reader)
    return elapsed


def measure(
    fn: Callable[[], Any],
    unit: Callable[[], Any],
    repeat: int,
    warmup: int,
    clock: Callable[[], float],
) -> tuple[float, float]:
    """(median seconds of ``fn`` after ``warmup`` calls, ratio to the unit's median).

    The unit is measured again just before each operation (its own repeated runs, as the
    operation's), so that a ratio compares runs made under the same load on a shared
    machine; slow operations run fewer times.
    """
    unit_seconds = _median_of_runs(unit, repeat, 1, clock)
    seconds = _median_of_runs(fn, repeat, warmup, clock)
    return seconds, seconds / unit_seconds


def _median_of_runs(
    fn: Callable[[], Any], repeat: int, warmup: int, clock: Callable[[], float]
) -> float:
    started = clock()
    for _ in range(warmup):
        result = fn()
        del result
    first = (clock() - started) / max(warmup, 1)
    runs = repeat if first < 1.0 else max(3, min(repeat, int(10 / max(first, 1e-9))))
    return statistics.median(_timed(fn, clock) for _ in range(runs))


# ----------------------------------------------------------------------------- peers


def _xsdata_ops(xml: bytes, tmp: Path) -> dict[str, Callable[[], Any]]:
    from xsdata.formats.dataclass.parsers import XmlParser
    from xsdata.formats.dataclass.serializers import XmlSerializer

    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(
        [
            Path(sys.executable).parent / "xsdata",
            "generate",
            str(ROOT / "xsd"),
            "--package",
            "bench_xsdata_models",
            "--structure-style",
            "single-package",
            "--slots",
        ],
        cwd=tmp,
        env=env,
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(tmp))
    import bench_xsdata_models as models  # type: ignore[import-not-found]

    parser = XmlParser()
    serializer = XmlSerializer()
    obj = parser.from_bytes(xml, models.CustomerGroupDto)
    return {
        "xsdata: XML -> objects": lambda: parser.from_bytes(xml, models.CustomerGroupDto),
        "xsdata: objects -> XML": lambda: serializer.render(obj).encode("utf-8"),
    }


def _xmlschema_ops(xml: bytes) -> dict[str, Callable[[], Any]]:
    import xmlschema

    schema = xmlschema.XMLSchema(sorted(str(p) for p in (ROOT / "xsd").glob("*.xsd")))
    return {"xmlschema: decode XML": lambda: schema.decode(xml.decode("utf-8"))}


def _pydantic_xml_ops(xml: bytes) -> dict[str, Callable[[], Any]]:
    from bench_pydantic_xml import CustomerGroup  # optional peer, models written by hand

    obj = CustomerGroup.from_xml(xml)
    return {
        "pydantic-xml: XML -> objects": lambda: CustomerGroup.from_xml(xml),
        "pydantic-xml: objects -> XML": obj.to_xml,
    }


# ----------------------------------------------------------------------------- memory


def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def memory_child(op: str, xml_path: str, json_path: str) -> None:
    """Run one operation in this (fresh) process and print its peak memory rise in bytes."""
    xml = Path(xml_path).read_bytes()
    data = Path(json_path).read_bytes()
    small_xml, small_json = make_documents(5, seed=1)
    obj = nc.from_json(data, CustomerGroupDto) if op.startswith("to_") else None
    small = nc.from_json(small_json, CustomerGroupDto)
    ops: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "from_xml": (lambda: nc.from_xml(small_xml), lambda: nc.from_xml(xml)),
        # the same with the compiled walk off (its peak is compared with the walk's)
        "from_xml_proxies": (lambda: _proxies(small_xml), lambda: _proxies(xml)),
        "to_xml": (lambda: nc.to_xml(small), lambda: nc.to_xml(obj)),
        "from_json": (
            lambda: nc.from_json(small_json, CustomerGroupDto),
            lambda: nc.from_json(data, CustomerGroupDto),
        ),
        "to_json": (lambda: nc.to_json(small), lambda: nc.to_json(obj)),
    }
    warm, run = ops[op]
    warm()  # generated code, imports
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
    before = _rss_kib("VmRSS")
    result = run()
    peak = _rss_kib("VmHWM")
    del result
    print(json.dumps({"peak": (peak - before) * 1024}))


def peak_memory(op: str, xml_path: Path, json_path: Path) -> int | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", op, str(xml_path), str(json_path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (subprocess.CalledProcessError, OSError):
        return None
    peak: int = json.loads(out.strip().splitlines()[-1])["peak"]
    return peak


# ----------------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import msgspec

    return (
        f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, lxml {etree.__version__} "
        f"(libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}), msgspec {msgspec.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vehicles", type=int, default=2000)
    parser.add_argument(
        "--document",
        choices=("netcontract", "dotnet"),
        default="netcontract",
        help="netcontract: bench/generate.py's, written by netcontract; dotnet: written by .NET"
        " itself (bench/dotnet_document.py, needs Mono)",
    )
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measure everything N times, one operation after the other; report the medians",
    )
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="cpu: this process's CPU time (steady on a shared machine); wall: elapsed time",
    )
    parser.add_argument("--no-peers", action="store_true", help="only lxml, json and netcontract")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--memory-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(*args.memory_child)
        return

    clock = _clock(args.clock)
    if args.document == "dotnet":
        xml, data = dotnet_documents(args.vehicles)
    else:
        xml, data = make_documents(args.vehicles)
    tree = etree.fromstring(xml)
    group = nc.from_json(data, CustomerGroupDto)
    assert nc.from_xml(xml) == group or nc.to_xml(nc.from_xml(xml)) == xml
    assert nc.to_json(group) == data and nc.to_xml(group) == xml
    parsed = json.loads(data)

    # (label, function, size of the document it reads or writes, is a netcontract operation)
    ops: list[tuple[str, Callable[[], Any] | str, int, str | None]] = [
        ("lxml: etree.fromstring(XML) [unit]", lambda: etree.fromstring(xml), len(xml), None),
        ("lxml: etree.tostring(tree)", lambda: etree.tostring(tree), len(xml), None),
    ]
    try:
        import orjson

        ops += [
            ("orjson: loads(JSON)", lambda: orjson.loads(data), len(data), None),
            ("orjson: dumps(tree)", lambda: orjson.dumps(parsed), len(data), None),
        ]
    except ImportError:
        ops.append(("orjson", "skipped: not installed (pip install -e '.[bench]')", 0, None))
    ops += [
        ("json: loads(JSON)", lambda: json.loads(data), len(data), None),
        ("json: dumps(tree)", lambda: json.dumps(parsed), len(data), None),
        ("netcontract: XML -> objects", lambda: nc.from_xml(xml), len(xml), "from_xml"),
        ("netcontract: objects -> XML", lambda: nc.to_xml(group), len(xml), "to_xml"),
    ]
    if _walk.ACTIVE:  # the same conversion with the compiled walk off (README, "Speed")
        ops.append(
            (
                "netcontract: XML -> objects (lxml proxies)",
                lambda: _proxies(xml),
                len(xml),
                "from_xml_proxies",
            )
        )
    ops += [
        (
            "netcontract: JSON -> objects",
            lambda: nc.from_json(data, CustomerGroupDto),
            len(data),
            "from_json",
        ),
        ("netcontract: objects -> JSON", lambda: nc.to_json(group), len(data), "to_json"),
    ]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if not args.no_peers:
            for name, make in (
                ("xsdata", lambda: _xsdata_ops(xml, tmp)),
                ("xmlschema", lambda: _xmlschema_ops(xml)),
                ("pydantic-xml", lambda: _pydantic_xml_ops(xml)),
            ):
                try:
                    peer_ops = make()
                except ImportError as exc:
                    ops.append((name, f"skipped: {exc.name or exc} is not installed", 0, None))
                    continue
                ops += [(label, fn, len(xml), None) for label, fn in peer_ops.items()]

        results: list[tuple[str, float | str, float, int, str | None]] = []
        # What the harness holds (both documents, their trees and objects, the peers' objects)
        # is moved out of the collector's reach: a full collection triggered inside a timed
        # call would otherwise traverse it and charge that to whichever operation ran.
        gc.collect()
        gc.freeze()

        def unit_fn() -> Any:
            return etree.fromstring(xml)

        rounds: list[list[tuple[float, float]]] = []
        for _ in range(args.rounds):
            measured: list[tuple[float, float]] = []
            for index, (_, fn, _, _) in enumerate(ops):
                if isinstance(fn, str):
                    measured.append((0.0, 0.0))
                elif index == 0:  # the unit itself
                    measured.append((_median_of_runs(fn, args.repeat, args.warmup, clock), 1.0))
                else:
                    measured.append(measure(fn, unit_fn, args.repeat, args.warmup, clock))
            rounds.append(measured)
        for index, (label, fn, size, op) in enumerate(ops):
            if isinstance(fn, str):
                results.append((label, fn, 0.0, size, op))
                continue
            seconds = statistics.median(r[index][0] for r in rounds)
            ratio = statistics.median(r[index][1] for r in rounds)
            results.append((label, seconds, ratio, size, op))

        memory: dict[str, int | None] = {}
        if not args.no_memory and Path("/proc/self/clear_refs").exists():
            xml_path, json_path = tmp / "doc.xml", tmp / "doc.json"
            xml_path.write_bytes(xml)
            json_path.write_bytes(data)
            for op in ("from_xml", "to_xml", "from_json", "to_json"):
                memory[op] = peak_memory(op, xml_path, json_path)
                if op == "from_xml" and _walk.ACTIVE:  # both paths, one after the other
                    memory["from_xml_proxies"] = peak_memory(
                        "from_xml_proxies", xml_path, json_path
                    )

    writer = ".NET (Mono)" if args.document == "dotnet" else "netcontract"
    print(
        f"document: {args.vehicles:,} vehicles written by {writer}; XML {len(xml):,} bytes,"
        f" JSON {len(data):,} bytes"
    )
    print(f"codecs: {compiled.REASON}; XML walk: {'compiled' if _walk.ACTIVE else 'lxml'}")
    print(f"machine: {machine()}")
    print(
        f"clock: {'CPU time of the process' if args.clock == 'cpu' else 'wall time'}, "
        f"median of {args.repeat} runs after {args.warmup} warm-up runs"
        + (f"; median of {args.rounds} rounds" if args.rounds > 1 else "")
    )
    rows = []
    for label, seconds, ratio, size, op in results:
        if isinstance(seconds, str):
            rows.append((label, seconds, "", "", ""))
            continue
        peak = memory.get(op) if op else None
        rows.append(
            (
                label,
                f"{seconds * 1000:,.1f}",
                f"{size / MB / seconds:,.1f}",
                f"{ratio:.2f}x",
                f"{peak / MB:,.1f} MB ({peak / size:.1f}x)" if peak is not None else "",
            )
        )
    header = ("operation", "ms", "MB/s", "vs unit", "peak memory (x document)")
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|--:|--:|--:|--:|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
        for row in (header, *rows):
            print(
                "  ".join(
                    cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                    for i, cell in enumerate(row)
                )
            )


if __name__ == "__main__":
    main()
