"""Benchmark: a folder converted by `netcontract convert DIR --out DIR` with --jobs 1 and 2.

    python bench/batch.py [--files 2000] [--vehicles 10] [--repeat 3] [--jobs 1,2]

The folder holds ``--files`` XML documents: help-page samples of CustomerGroupDto, each
with ``--vehicles`` vehicles (about 1 KB a vehicle), every one different (its seed). Each
``--jobs`` value converts the whole folder to JSON in a fresh output folder, as a
subprocess (the wall-clock time of the command, interpreter start and worker start
included); the values take turns ``--repeat`` times and the median is reported, with the
speed-up over the first value. The load average before and after is printed: on a shared
machine, other processes take cores from the workers, and the speed-up says so.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import netcontract as nc
from vehizen import CustomerGroupDto


def write_folder(folder: Path, files: int, vehicles: int) -> int:
    folder.mkdir(parents=True)
    size = 0
    for index in range(files):
        group = nc.help_page_sample(CustomerGroupDto, seed=index)
        group.vehicles = [
            nc.help_page_sample(type(group.vehicles[0]), seed=index * 1000 + n)
            for n in range(vehicles)
        ]
        data = nc.to_xml(group)
        (folder / f"group-{index:05d}.xml").write_bytes(data)
        size += len(data)
    return size


def convert(source: Path, out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "netcontract",
            "convert",
            "--quiet",
            "--jobs",
            str(jobs),
            "--out",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"--jobs {jobs} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--vehicles", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="nc-batch-") as tmp:
        source = Path(tmp) / "in"
        size = write_folder(source, args.files, args.vehicles)
        outputs = {j: Path(tmp) / f"out-{j}" for j in jobs}
        load_before = os.getloadavg()
        times: dict[int, list[float]] = {j: [] for j in jobs}
        for _ in range(args.repeat):
            for j in jobs:
                times[j].append(convert(source, outputs[j], j))
        load_after = os.getloadavg()
        reference = sorted(p.name for p in outputs[jobs[0]].iterdir())
        for j in jobs[1:]:  # every --jobs writes the same files, byte for byte
            names = sorted(p.name for p in outputs[j].iterdir())
            assert names == reference, f"--jobs {j} wrote other files"
            for name in names:
                first = (outputs[jobs[0]] / name).read_bytes()
                assert (outputs[j] / name).read_bytes() == first, name
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"{args.files} files, {size / 1e6:.1f} MB of XML ({args.vehicles} vehicles each) to"
        f" JSON; {cpus} CPUs; load average {load_before[0]:.2f} before, {load_after[0]:.2f}"
        " after"
    )
    print("| --jobs | median s | files/s | speed-up | runs (s) |")
    print("| --- | --- | --- | --- | --- |")
    base = statistics.median(times[jobs[0]])
    for j in jobs:
        median = statistics.median(times[j])
        runs = ", ".join(f"{t:.2f}" for t in times[j])
        print(f"| {j} | {median:.2f} | {args.files / median:.0f} | {base / median:.2f}x | {runs} |")


if __name__ == "__main__":
    main()
