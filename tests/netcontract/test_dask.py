"""netcontract.dask on a dask.distributed LocalCluster: two worker processes on loopback."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.cli import main
from vehizen import CustomerGroupDto, ResponseDto

# an optional extra; CI installs it (the dev extra) and NETCONTRACT_NO_SKIPS fails a skip there
dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
nc_dask = pytest.importorskip("netcontract.dask")

BAD_TOLERANCE = b'{"Vehicles":[{"Tolerance":2147483648}]}'


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_the_cluster_has_two_worker_processes(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    assert all(address.startswith("tcp://127.0.0.1:") for address in workers)
    assert len(set(client.run(__import__("os").getpid).values())) == 2


def test_a_bag_of_payloads_is_read_on_the_workers_and_refusals_are_kept(client):
    groups = [nc.help_page_sample(CustomerGroupDto, seed=s) for s in range(6)]
    payloads = [nc.to_xml(g) for g in groups[:3]] + [nc.to_json(g) for g in groups[3:]]
    payloads += [("bad.json", BAD_TOLERANCE), b"<CustomerGroupDto"]
    bag = dask_bag.from_sequence(payloads, npartitions=4)
    documents = nc_dask.read_bag(bag, CustomerGroupDto)
    assert nc_dask.objects(documents).compute() == groups
    refused = nc_dask.refusals(documents).compute()
    assert [d.source for d in refused] == ["bad.json", "partition 3 item 1"]
    assert refused[0].problems() == [
        "Vehicles[0].Tolerance: 2147483648 is outside the Int32 range [-2147483648, 2147483647]"
    ]
    assert isinstance(refused[0].error, nc.JsonPayloadError)  # the error itself, pickled back
    assert isinstance(refused[1].error, nc.XmlSyntaxError)


def test_convert_folder_writes_what_the_command_line_writes(client, tmp_path):
    source = tmp_path / "in"
    nc.write_corpus(CustomerGroupDto, source, count=8, seed=5, formats=["xml"])
    (source / "manifest.json").unlink()
    (source / "zz.xml").write_bytes(b"<CustomerGroupDto")
    report = nc_dask.convert_folder(source, tmp_path / "dask", to="json", npartitions=3)
    assert len(report.converted) == 8
    assert [(path.rpartition("/")[2], len(problems)) for path, problems in report.refused] == [
        ("zz.xml", 1)
    ]
    main(["convert", "--quiet", "--out", str(tmp_path / "cli"), str(source)])
    for written in (tmp_path / "cli").iterdir():
        assert (tmp_path / "dask" / written.name).read_bytes() == written.read_bytes()


def test_records_are_flat_with_dotted_members_exact_numbers_and_list_columns(client):
    response = nc.help_page_sample(ResponseDto[CustomerGroupDto])
    bag = dask_bag.from_sequence([response, ResponseDto(is_valid=False)], npartitions=2)
    records = nc_dask.to_records(bag).compute()
    first = records[0]
    assert first["IsValid"] is True
    assert first["Data.Name"] == response.data.name
    assert first["Errors"] == list(response.errors)
    vehicle = first["Data.Vehicles"][0]
    assert vehicle["IdWS"] == 1
    assert "ExternalInterfaces" in vehicle and isinstance(vehicle["ExternalInterfaces"], list)
    assert not any(isinstance(v, dict) for v in first.values())
    assert records[1]["Data"] is None  # a null nested object: one key holding None


@nc.contract("Batch.Test")
class Reading:
    amount: Decimal = nc.member("Amount", default=Decimal(0))
    ratio: float = nc.member("Ratio", default=0.0)
    count: nc.Int64 = nc.member("Count", default=0)


def test_flattened_numbers_are_the_exact_text_json_writes():
    # run here, not on the workers: a contract of a test module is not importable there
    record = nc_dask.flatten(
        Reading(amount=Decimal("12345678901234567890.123"), ratio=0.1, count=2**62)
    )
    assert record == {
        "Amount": Decimal("12345678901234567890.123"),
        "Ratio": Decimal("0.1"),
        "Count": 2**62,
    }


def test_files_of_a_folder_read_into_documents(client, tmp_path):
    nc.write_corpus(CustomerGroupDto, tmp_path, count=3, seed=2, formats=["json"])
    (tmp_path / "manifest.json").unlink()
    documents = nc_dask.read_bag(tmp_path, CustomerGroupDto).compute()
    assert [d.source.rpartition("/")[2] for d in documents] == [
        f"CustomerGroupDto-000{n}.json" for n in range(3)
    ]
    assert all(d.ok for d in documents)
    missing = nc_dask.read_bag([tmp_path / "nope.xml"]).compute()
    assert isinstance(missing[0].error, OSError)


def test_the_readme_dask_example_runs(tmp_path):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```python\n(from distributed import Client, LocalCluster\n.*?)```", readme, re.S
    )
    assert block is not None
    captures = tmp_path / "captures"
    captures.mkdir()
    group = nc.help_page_sample(CustomerGroupDto)
    (captures / "a.xml").write_bytes(nc.to_xml(group))
    (captures / "b.json").write_bytes(BAD_TOLERANCE)
    (tmp_path / "example.py").write_text(block.group(1), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "example.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"refused {Path('captures') / 'b.json'} ['Vehicles[0].Tolerance: ")
    assert lines[1:] == [group.name, "converted 1 refused 1"]
    assert (tmp_path / "converted" / "a.json").read_bytes() == nc.to_json(group) + b"\n"


def test_reading_and_converting_in_this_process_with_the_synchronous_scheduler(tmp_path):
    # the same code the workers run, here (and so measured by coverage)
    dask = pytest.importorskip("dask")
    group = nc.help_page_sample(CustomerGroupDto)
    with dask.config.set(scheduler="sync"):
        payloads = dask_bag.from_sequence(
            [nc.to_wcf_json(group, lossy=True).decode(), "{}"], npartitions=1
        )
        documents = nc_dask.read_bag(payloads, CustomerGroupDto, fmt="wcf-json").compute()
        assert [d.ok for d in documents] == [True, True]
        assert documents[0].value == nc.from_wcf_json(
            nc.to_wcf_json(group, lossy=True), CustomerGroupDto
        )
        no_class = nc_dask.read_bag(dask_bag.from_sequence([b"{}"]), fmt="json").compute()
        assert no_class[0].problems() == ["json documents need cls (JSON does not name its type)"]
        source = tmp_path / "in"
        source.mkdir()
        (source / "a.xml").write_bytes(nc.to_xml(group))
        report = nc_dask.convert_folder(source, tmp_path / "x", to="xml", indent=True)
        assert (tmp_path / "x" / "a.xml").read_bytes() == nc.to_xml(group, indent=True) + b"\n"
        assert report.refused == []
        report = nc_dask.convert_folder(source, tmp_path / "w", to="wcf-json")
        # .NET's DataContractJsonSerializer loses the sample's sub-millisecond ticks: refused,
        # one line per member, as the command line reports them
        problems = _wcf_refusal(group)
        assert len(problems) > 1
        assert report.refused == [(str(source / "a.xml"), [str(p) for p in problems])]
        assert not (tmp_path / "w" / "a.json").exists()
        assert nc_dask.read_bag(tmp_path / "empty-*.xml").compute() == []
        (source / "a.json").write_bytes(nc.to_json(group))
        with pytest.raises(ValueError, match=r"a\.json"):
            nc_dask.convert_folder(source, tmp_path / "y", to="json")
        with pytest.raises(ValueError, match="fmt must be"):
            nc_dask.read_bag(source, fmt="yaml")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="to must be"):
            nc_dask.convert_folder(source, tmp_path / "z", to="csv")  # type: ignore[arg-type]


def _wcf_refusal(group):
    try:
        nc.to_wcf_json(group)
    except nc.SerializationError as exc:
        return exc.problems
    return []


@nc.contract("Batch.Test")
class Tally:
    counts: dict[str, nc.Int32] | None = nc.member("Counts", default=None)
    at: nc.DateTime = nc.member("At", default=nc.MIN_DATETIME)
    extra: object = nc.member("Extra", default=None)


def test_the_options_of_the_command_line_pass_through(tmp_path):
    """lossy, simple_dictionaries, layout and known_types reach the readers and writers on
    the workers (in this process here: the test's contracts are not importable there)."""
    dask = pytest.importorskip("dask")
    tally = Tally(
        counts={"a": 1, "b/c": 2},
        at=nc.DateTime.from_parts(2020, 1, 2, 3, 4, 5, kind=nc.DateTimeKind.UNSPECIFIED),
        extra=Reading(count=3),
    )
    known = [Reading]
    source = tmp_path / "in"
    source.mkdir()
    (source / "t.xml").write_bytes(nc.to_xml(tally, known_types=known))
    with dask.config.set(scheduler="sync"):
        # without known_types the object member's i:type is refused, as .NET refuses it
        refused = nc_dask.read_bag(source).compute()
        assert not refused[0].ok and "not a known type" in refused[0].problems()[0]
        report = nc_dask.convert_folder(
            source,
            tmp_path / "w",
            to="wcf-json",
            lossy=True,
            simple_dictionaries=True,
            known_types=known,
        )
        assert report.refused == []
        wcf = nc.to_wcf_json(tally, lossy=True, simple_dictionaries=True, known_types=known)
        assert b'"Counts":{"a":1,"b\\/c":2}' in wcf
        assert (tmp_path / "w" / "t.json").read_bytes() == wcf + b"\n"
        # without lossy: refused, as the command line refuses it (an Unspecified DateTime)
        report = nc_dask.convert_folder(source, tmp_path / "s", to="wcf-json", known_types=known)
        assert [p.rpartition("/")[2] for p, _ in report.refused] == ["t.xml"]
        # read back with simple_dictionaries, written as XML in the stream layout
        documents = nc_dask.read_bag(
            tmp_path / "w", Tally, fmt="wcf-json", simple_dictionaries=True, known_types=known
        ).compute()
        assert documents[0].ok and documents[0].value.counts == tally.counts
        report = nc_dask.convert_folder(
            tmp_path / "w",
            tmp_path / "x",
            cls=Tally,
            fmt="wcf-json",
            to="xml",
            layout="stream",
            simple_dictionaries=True,
            known_types=known,
        )
        assert report.refused == []
        assert (tmp_path / "x" / "t.xml").read_bytes() == nc.to_xml(
            documents[0].value, layout="stream", known_types=known
        ) + b"\n"
        for bad, words in [
            ({"to": "json", "simple_dictionaries": True}, "applies to WCF JSON"),
            ({"to": "json", "layout": "stream"}, "applies to XML output"),
            ({"to": "xml", "layout": "stream", "indent": True}, "cannot be indented"),
            ({"to": "xml", "layout": "tree"}, "layout must be"),
            ({"to": "xml", "fmt": "yaml"}, "fmt must be"),
        ]:
            with pytest.raises(ValueError, match=words):
                nc_dask.convert_folder(source, tmp_path / "bad", **bad)
        with pytest.raises(ValueError, match="applies to WCF JSON"):
            nc_dask.read_bag(source, simple_dictionaries=True)


def test_a_collection_root_is_written_as_the_command_line_writes_it(tmp_path):
    dask = pytest.importorskip("dask")
    source = tmp_path / "in"
    source.mkdir()
    (source / "l.json").write_bytes(b"[1,2]")
    with dask.config.set(scheduler="sync"):
        report = nc_dask.convert_folder(source, tmp_path / "x", cls=list[nc.Int32], to="xml")
    assert report.refused == []
    main(["convert", "--quiet", "--type", "list[Int32]", "--to", "xml", "--out",
          str(tmp_path / "cli"), str(source)])  # fmt: skip
    assert (tmp_path / "x" / "l.xml").read_bytes() == (tmp_path / "cli" / "l.xml").read_bytes()
