"""Benchmark: a large ``ArrayOfVehicleLightDto`` read with ``iter_xml``, against ``from_xml``.

    python bench/stream_xml.py [--gigabytes 1.0] [--whole-mb 25] [--dir /tmp] [--repeat 1]
                               [--proxies]

Writes (with ``write_xml_items``) a collection document of about ``--gigabytes`` from
bench/generate.py's varied vehicles (2,000 of them, repeated, each keeping its own values),
then, each in a fresh process: ``iter_xml`` over the whole file (items counted, nothing
kept), and ``from_xml`` of a document of about ``--whole-mb`` holding the same vehicles
(a contract of their namespace with a ``Vehicles`` list, so the bytes of each vehicle are
the same). It prints the wall and CPU time, the throughput (MB of the document and vehicles
per CPU second: the machine may be shared) and the peak resident set (VmHWM, Linux) of each
process. ``--repeat N`` runs the pair N times, one after the other (the ranges are printed
last); ``--proxies`` adds both with the compiled walk switched off (the generated readers then
walk lxml's proxies). Not a test: the figures go in the README ("Large documents and batches").
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_group

import netcontract as nc
from vehizen import VehicleLightDto


def _body(vehicles: int) -> tuple[bytes, bytes, bytes]:
    """(root start, items, root end) of a collection document of ``vehicles`` items."""
    group = make_group(vehicles)
    out = io.BytesIO()
    nc.write_xml_items(out, group.vehicles or [], VehicleLightDto)
    data = out.getvalue()
    start = data.index(b">") + 1
    end = data.rindex(b"</")
    return data[:start], data[start:end], data[end:]


def write_collection(path: Path, size: int) -> int:
    """A collection document of about ``size`` bytes at ``path``; the number of items."""
    head, items, tail = _body(2000)
    copies = max(1, size // len(items))
    with path.open("wb") as fp:
        fp.write(head)
        for _ in range(copies):
            fp.write(items)
        fp.write(tail)
    return 2000 * copies


@nc.contract(xml_namespace="http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto")
class VehicleList:
    """A contract of the vehicles' own namespace holding them: the vehicles of its document
    are the same bytes as the collection's items (a customer group's, in another namespace,
    carry more namespace declarations)."""

    vehicles: list[VehicleLightDto] | None = nc.member("Vehicles", default=None)


def write_whole(path: Path, size: int) -> int:
    """A ``VehicleList`` document of about ``size`` bytes; the number of vehicles."""
    vehicles = make_group(2000).vehicles or []
    one = len(nc.to_xml(VehicleList(vehicles=vehicles)))
    vehicles = vehicles * max(1, size // one)
    path.write_bytes(nc.to_xml(VehicleList(vehicles=vehicles)))
    return len(vehicles)


def _status(key: str) -> int:
    with open("/proc/self/status") as status:  # noqa: PTH123
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise AssertionError(key)


def _child(kind: str, path: str) -> None:
    if kind.endswith("-proxies"):  # the compiled walk off
        from netcontract.xml import walk

        walk.ACTIVE = False
        kind = kind.removesuffix("-proxies")
    # ru_maxrss would include the parent's peak (Linux keeps it across fork and exec): the
    # peak resident set (VmHWM) is reset here, imports done, and read at the end
    with open("/proc/self/clear_refs", "w") as refs:  # noqa: PTH123
        refs.write("5")
    started = time.perf_counter()
    cpu = time.process_time()
    if kind == "iter":
        count = sum(1 for _ in nc.iter_xml(path, VehicleLightDto))
    else:
        limits = nc.Limits(max_bytes=1 << 30, max_collection_items=1 << 24, max_total_items=1 << 30)
        # (from_xml within quotas raised for the size: the whole document, tree and objects)
        whole = nc.from_xml(Path(path).read_bytes(), VehicleList, limits=limits)
        count = len(whole.vehicles or [])
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    rss = _status("VmHWM")
    print(json.dumps({"items": count, "seconds": seconds, "cpu": cpu, "peak_rss": rss}))


def _measure(kind: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    size = path.stat().st_size
    result["bytes"] = size
    # throughput on CPU time: the machine may be shared (the wall time is printed too)
    result["mb_per_s"] = size / 1e6 / result["cpu"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--whole-mb", type=float, default=25.0)
    parser.add_argument("--dir", default=tempfile.gettempdir())
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--proxies", action="store_true", help="also with the walk off")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    folder = Path(args.dir)
    big = folder / "netcontract_bench_collection.xml"
    whole = folder / "netcontract_bench_group.xml"
    try:
        items = write_collection(big, int(args.gigabytes * 1e9))
        write_whole(whole, int(args.whole_mb * 1e6))
        kinds = [("whole", whole), ("iter", big)]
        if args.proxies:
            kinds += [("whole-proxies", whole), ("iter-proxies", big)]
        rates: dict[str, list[float]] = {}
        for _ in range(args.repeat):
            for kind, path in kinds:
                r = _measure(kind, path)
                name = (
                    "from_xml (whole document)"
                    if kind.startswith("whole")
                    else "iter_xml (collection)"
                ) + (", walk off" if "proxies" in kind else "")
                rates.setdefault(name, []).append(r["mb_per_s"])
                print(
                    f"{name}: {r['bytes'] / 1e6:,.0f} MB, {r['items']:,} vehicles, "
                    f"{r['seconds']:.1f} s wall, {r['cpu']:.1f} s CPU, {r['mb_per_s']:.1f} MB/s, "
                    f"{r['items'] / r['cpu']:,.0f} vehicles/s, "
                    f"peak RSS {r['peak_rss'] / 1e6:.0f} MB",
                    flush=True,
                )
        for name, values in rates.items():
            print(f"{name}: {min(values):.1f}-{max(values):.1f} MB/s per CPU second")
        print(f"(collection written with {items:,} items; {os.cpu_count()} CPUs)")
    finally:
        big.unlink(missing_ok=True)
        whole.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
