"""The cost of extension data on generated classes: ``netcontract generate xsd/`` (the default,
``extension_data=True``) against ``--no-extension-data``.

    python bench/extension_data.py [--vehicles 10000] [--repeat 7] [--calls 2000]

Both modules are generated from the project's ``xsd/`` into a temporary folder and imported;
each reads and writes the same documents: bench/generate.py's customer group (``--vehicles``
vehicles, written by netcontract) and the help page's CustomerGroup sample
(``fixtures/customer_group.xml``, ``.json``; each run times ``--calls`` calls). Both modules
must convert alike (checked before timing). The table gives the median milliseconds (CPU time)
of each conversion and the ratio of the default module to the one without extension data.
Contracts with extension data are read from XML by the reference reader (the generated readers
decline them); WCF JSON is read and written by the reference code for both; Json.NET JSON
ignores extension data.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import make_documents  # noqa: E402

import netcontract as nc  # noqa: E402


def _load(code: str, folder: Path, name: str) -> ModuleType:
    path = folder / f"{name}.py"
    path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _median_ms(fn: Callable[[], Any], repeat: int, calls: int) -> float:
    fn()  # warm up (the generated readers and writers are built on first use)
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        for _ in range(calls):
            fn()
        times.append((time.process_time() - start) / calls)
    return statistics.median(times) * 1000


def _ops(cls: type, xml: bytes, json: bytes) -> dict[str, Callable[[], Any]]:
    obj = nc.from_xml(xml, cls)
    wcf = nc.to_wcf_json(obj, lossy=True)
    return {
        "from_xml": lambda: nc.from_xml(xml, cls),
        "to_xml": lambda: nc.to_xml(obj),
        "from_json": lambda: nc.from_json(json, cls),
        "to_json": lambda: nc.to_json(obj),
        "from_wcf_json": lambda: nc.from_wcf_json(wcf, cls),
        "to_wcf_json": lambda: nc.to_wcf_json(obj, lossy=True),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vehicles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--calls", type=int, default=2000, help="calls timed on the sample")
    args = parser.parse_args()
    large = make_documents(args.vehicles)
    sample = (
        (ROOT / "fixtures" / "customer_group.xml").read_bytes(),
        (ROOT / "fixtures" / "customer_group.json").read_bytes(),
    )
    with tempfile.TemporaryDirectory() as tmp:
        kept = _load(nc.generate(ROOT / "xsd"), Path(tmp), "bench_with_extension_data")
        plain = _load(
            nc.generate(ROOT / "xsd", extension_data=False), Path(tmp), "bench_no_extension_data"
        )
        assert nc.contract_info(kept.CustomerGroupDto).extension_data
        assert not nc.contract_info(plain.CustomerGroupDto).extension_data
        print("| document | conversion | --no-extension-data ms | default ms | ratio |")
        print("|---|---|---:|---:|---:|")
        big = f"{args.vehicles:,} vehicles ({len(large[0]) / 1e6:.1f} MB XML)"
        sampled = ("help page sample", sample, args.calls)
        for label, (xml, json), calls in ((big, large, 1), sampled):
            fast = _ops(plain.CustomerGroupDto, xml, json)
            slow = _ops(kept.CustomerGroupDto, xml, json)
            for op in fast:  # both modules convert alike (the values, or the same bytes)
                a, b = fast[op](), slow[op]()
                assert a == b if isinstance(a, bytes) else nc.to_xml(a) == nc.to_xml(b), op
            for op in fast:
                a = _median_ms(fast[op], args.repeat, calls)
                b = _median_ms(slow[op], args.repeat, calls)
                unit = ".1f" if calls == 1 else ".3f"
                print(f"| {label} | `{op}` | {a:{unit}} | {b:{unit}} | {b / a:.2f} |")


if __name__ == "__main__":
    main()
