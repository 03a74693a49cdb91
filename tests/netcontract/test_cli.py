"""The command line: sniffing, types, exit codes, messages without tracebacks."""

from __future__ import annotations

import gzip
import io
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import netcontract as nc
from netcontract.cli import main
from vehizen import CustomerGroupDto, VehicleLightDto

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def run(*args: str, stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    status = main(list(args), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_types_lists_the_bundled_contracts():
    status, out, _ = run("types")
    assert status == 0
    lines = out.decode().splitlines()
    assert any(
        line.startswith("CustomerGroupDto\tvehizen.domain.dto.customer_group:") for line in lines
    )
    assert any(line.startswith("ResponseDto\t") for line in lines)


def test_type_by_module_path():
    status, out, _ = run(
        "convert",
        "--type",
        "vehizen.domain.dto:ResponseDto",
        str(FIXTURES / "response.json"),
    )
    assert status == 0
    assert out == (FIXTURES / "response.compact.xml").read_bytes() + b"\n"


def test_json_to_json_with_explicit_formats():
    status, out, _ = run(
        "convert",
        "--type",
        "ResponseDto",
        "--from",
        "json",
        "--to",
        "json",
        "-",
        stdin=(FIXTURES / "response.json").read_bytes(),
    )
    assert (status, out) == (0, (FIXTURES / "response.compact.json").read_bytes() + b"\n")


def test_bad_payload_exits_1_with_one_line_per_problem():
    status, out, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "-",
        stdin=b'{"CustomerId":"x","Vehicles":[{"Tolerance":1.5}]}',
    )
    assert status == 1
    assert out == b""
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("netcontract: CustomerId: ")
    assert lines[1].startswith("netcontract: Vehicles[0].Tolerance: ")
    assert "Traceback" not in err


def test_unwritable_value_exits_1():
    status, _, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--to",
        "xml",
        "-",
        stdin=b'{"Vehicles":[{"CameraType":7}]}',
    )
    assert status == 1
    assert err.startswith("netcontract: Vehicles[0].CameraType: enum value '7' is invalid")


@pytest.mark.parametrize(
    ("args", "stdin", "fragment"),
    [
        (("convert", "--type", "Nope", "-"), b"{}", "unknown type 'Nope'"),
        (("convert", "-"), b"{}", "--type is required"),
        (("convert", "-"), b"hello", "cannot tell the input format"),
        (("convert", "/no/such/file"), b"", "cannot read"),
        (("convert", "--type", "os:path", "-"), b"{}", "not a contract class"),
    ],
)
def test_usage_errors_exit_2(args, stdin, fragment):
    status, out, err = run(*args, stdin=stdin)
    assert status == 2
    assert out == b""
    assert fragment in err


def test_argparse_errors_exit_2(capsys):
    assert main(["convert", "--to", "yaml"]) == 2
    assert main([]) == 2
    capsys.readouterr()


def test_console_script_entry_point_runs_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "netcontract", "convert", "-"],
        input=b"<CustomerGroupDto",
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.startswith(b"netcontract: <root>: ")


def test_out_file_is_written_whole(tmp_path):
    target = tmp_path / "group.xml"
    status, out, _ = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--out",
        str(target),
        str(FIXTURES / "customer_group.json"),
    )
    assert (status, out) == (0, b"")
    assert target.read_bytes() == (FIXTURES / "customer_group.compact.xml").read_bytes() + b"\n"


def test_failed_conversion_leaves_the_out_file_untouched(tmp_path):
    target = tmp_path / "group.xml"
    target.write_bytes(b"previous content")
    status, _, err = run(
        "convert",
        "--type",
        "CustomerGroupDto",
        "--out",
        str(target),
        "-",
        stdin=b'{"Vehicles":[{"CameraType":7}]}',  # readable, but not writable as XML
    )
    assert status == 1
    assert "CameraType" in err
    assert target.read_bytes() == b"previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["group.xml"]  # no temporary file left


def test_a_write_that_fails_midway_leaves_nothing(tmp_path, monkeypatch):
    import os

    from netcontract import cli as _cli

    target = tmp_path / "out.json"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        _cli.write_atomically(target, b"x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_folder_conversion_reports_bad_files_and_converts_the_good_ones(tmp_path):
    source, out_dir = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "a.xml").write_bytes((FIXTURES / "customer_group.xml").read_bytes())
    (source / "b.xml").write_bytes((FIXTURES / "response.xml").read_bytes())
    (source / "broken.xml").write_bytes(b"<CustomerGroupDto")
    (source / "bad.json").write_bytes(b'{"IdWS":1}')  # no --type: JSON cannot name its type
    (source / "notes.txt").write_bytes(b"ignored")
    status, _, err = run("convert", "--indent", "--out", str(out_dir), str(source))
    assert status == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.json", "b.json"]
    assert (out_dir / "a.json").read_bytes() == (
        FIXTURES / "customer_group.json"
    ).read_bytes() + b"\n"
    lines = err.splitlines()
    assert any(line.startswith(f"netcontract: {source / 'broken.xml'}: <root>: ") for line in lines)
    assert any(f"{source / 'bad.json'}: --type is required" in line for line in lines)
    assert re.fullmatch(
        rf"netcontract: 4 files, 2 converted, 2 refused, into {re.escape(str(out_dir))}"
        r" \(\d+\.\d\d s\)",
        lines[-1],
    )


def test_folder_needs_out(tmp_path):
    status, _, err = run("convert", str(tmp_path))
    assert status == 2
    assert "needs --out" in err


# ------------------------------------------------------------------------------ issue 17
# Subprocess helpers: exit codes, signals and closed or full streams are about the process.

CONSOLE_SCRIPT = Path(sys.executable).parent / "netcontract"


def run_process(*args: str, **kwargs) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "netcontract", *args], check=False, timeout=120, **kwargs
    )


def assert_one_line_without_traceback(stderr: bytes | str) -> None:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text
    assert len(text.splitlines()) == 1, text


# -- 3: the input read is bounded

_MEASURED = """
import resource, sys
# without the bound, the read grows until this limit and ends in a MemoryError traceback
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from netcontract.cli import main
status = main(sys.argv[1:])
peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(peak)
sys.exit(status)
"""


@pytest.mark.parametrize("from_stdin", [False, True], ids=["file", "stdin"])
def test_input_read_is_bounded_by_max_bytes(from_stdin):
    args = ["convert", "--type", "CustomerGroupDto"]
    with Path("/dev/zero").open("rb") as zero:
        proc = subprocess.run(
            [sys.executable, "-c", _MEASURED, *args, *(["-"] if from_stdin else ["/dev/zero"])],
            stdin=zero,
            capture_output=True,
            check=False,
            timeout=120,
        )
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert (
        proc.stderr
        == b"netcontract: <root>: quota max_bytes exceeded (more than 33,554,432 bytes)\n"
    )
    peak_kb = int(proc.stdout)
    assert peak_kb < 400_000  # about 70 MB measured: the interpreter and one 32 MiB read


# -- 8: no traceback, ever


@pytest.mark.parametrize(
    ("spelling", "fragment"),
    [
        (":X", "the module is missing"),
        (".x:X", "relative module names are not supported"),
        ("x:", "the class name is missing"),
        ("1x:Y", "'1x' is not a module name"),
        ("os:Y.1", "'Y.1' is not a class name"),
        ("no_such_module_here:X", "cannot import 'no_such_module_here'"),
        ("os:path", "'os:path' is not a contract class"),
        ("os:no_such_attribute", "'os' has no 'no_such_attribute'"),
        ("CameraType", "'CameraType' is an enum"),
        ("ResponseDto[", "a type name is missing"),
        ("ResponseDto[Guid", "']' is missing"),
        ("ResponseDto[Guid]]", "unexpected ']'"),
        ("ResponseDto[Guid,Guid]", "ResponseDto takes 1 type argument(s), not 2"),
        ("CustomerGroupDto[Guid]", "CustomerGroupDto takes no type arguments"),
        ("ResponseDto[Nope]", "unknown type 'Nope' in 'ResponseDto[Nope]'"),
        ("customergroupdto", "did you mean 'CustomerGroupDto'?"),
        ("ResponseDto[Giud]", "did you mean 'Guid'?"),
        ("list[Guid,Guid]", "list takes one type argument"),
        ("dict[string]", "dict takes two type arguments"),
        ("dict[CustomerGroupDto,int]", "a dictionary key must be"),
        ("Guid", "is not a contract class"),
        ("ResponseDto[" * 40 + "Guid" + "]" * 40, "nested more than 16 deep"),
        ("A" * 2000, "longer than 1000 characters"),
    ],
)
def test_type_spelling_mistakes_are_usage_errors(spelling, fragment):
    status, out, err = run("convert", "--type", spelling, "-", stdin=b"{}")
    assert (status, out) == (2, b"")
    assert fragment in err
    assert_one_line_without_traceback(err)


def test_a_module_that_fails_on_import_is_a_usage_error(tmp_path, monkeypatch):
    (tmp_path / "broken_contracts_mod.py").write_text("raise RuntimeError('boom')\n")
    (tmp_path / "exiting_contracts_mod.py").write_text("import sys\nsys.exit(3)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    status, _, err = run("convert", "--type", "broken_contracts_mod:X", "-", stdin=b"{}")
    assert status == 2
    assert "importing 'broken_contracts_mod' failed: RuntimeError: boom" in err
    status, _, err = run("convert", "--type", "exiting_contracts_mod:X", "-", stdin=b"{}")
    assert status == 2
    assert "importing 'exiting_contracts_mod' failed: SystemExit: 3" in err


def test_stdout_on_a_full_disk_is_one_line_and_exit_2():
    with Path("/dev/full").open("wb") as full:
        proc = run_process(
            "convert", str(FIXTURES / "customer_group.xml"), stdout=full, stderr=subprocess.PIPE
        )
    assert proc.returncode == 2
    assert proc.stderr == b"netcontract: error: cannot write to stdout: No space left on device\n"


def test_help_on_a_full_disk_is_reported_not_ignored():
    with Path("/dev/full").open("wb") as full:
        proc = run_process("--help", stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 2
    assert_one_line_without_traceback(proc.stderr)


def test_stdout_closed_by_its_reader_ends_quietly_with_141(tmp_path):
    # a document far larger than a pipe's buffer, so that the write meets the closed pipe
    big = tmp_path / "big.xml"
    group = nc.from_xml((FIXTURES / "customer_group.xml").read_bytes())
    group.vehicles = group.vehicles * 200
    big.write_bytes(nc.to_xml(group))
    proc = subprocess.Popen(
        [sys.executable, "-m", "netcontract", "convert", "--indent", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    with proc.stdout, proc.stderr:
        proc.stdout.read(10)
        proc.stdout.close()  # as `| head -c 10` does
        err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert err == b""


@pytest.mark.parametrize(
    ("signum", "status", "message"),
    [
        (signal.SIGINT, 130, b"netcontract: interrupted\n"),
        (signal.SIGTERM, 143, b""),
        (signal.SIGHUP, 129, b""),
    ],
)
def test_signals_end_the_command_without_traceback(tmp_path, signum, status, message):
    fifo = tmp_path / "input.xml"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "netcontract", "convert", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # the command blocks reading the FIFO; a non-blocking open for writing succeeds once it
    # has opened it (its imports take a while), and then the command waits for data
    writer = None
    deadline = time.monotonic() + 60
    while writer is None and time.monotonic() < deadline:
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            time.sleep(0.05)
    try:
        assert writer is not None, "the command never opened its input"
        proc.send_signal(signum)
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            state = _signal_state(proc.pid)
            proc.kill()
            proc.communicate()
            pytest.fail(f"still running 60 s after signal {signum}: {state}")
    finally:
        if writer is not None:
            os.close(writer)
    assert (proc.returncode, out, err) == (status, b"", message)


def _signal_state(pid: int) -> str:
    # what a hang would need to be understood: where it waits, and its signal masks
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError as exc:
        return str(exc)
    return " ".join([wchan, *(line for line in status if line.startswith("Sig"))])


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    target = tmp_path / "group.json"
    status, _, err = run("convert", "--out", str(target), str(FIXTURES / "customer_group.xml"))
    assert (status, err) == (130, "netcontract: interrupted\n")
    assert list(tmp_path.iterdir()) == []


def test_an_interruption_right_after_creating_the_temporary_file_leaves_nothing(
    tmp_path, monkeypatch
):
    from netcontract import files as _files

    real_open = os.open

    def open_then_interrupted(path, flags, mode=0o777):
        real_open(path, flags, mode)  # the file exists, its descriptor is not returned yet
        raise KeyboardInterrupt

    monkeypatch.setattr(_files.os, "open", open_then_interrupted)
    target = tmp_path / "group.json"
    status, _, _ = run("convert", "--out", str(target), str(FIXTURES / "customer_group.xml"))
    assert status == 130
    assert list(tmp_path.iterdir()) == []


def test_a_bug_is_one_line_with_exit_70(monkeypatch):
    from netcontract import cli as _cli

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(_cli, "to_json", broken)
    status, _, err = run("convert", str(FIXTURES / "customer_group.xml"))
    assert status == 70
    assert err.startswith("netcontract: internal error: RuntimeError: a bug")
    assert_one_line_without_traceback(err)


def test_no_input_on_a_terminal_is_a_usage_error_not_a_silent_wait():
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    out, err = io.BytesIO(), io.StringIO()
    status = main(
        ["convert", "--type", "CustomerGroupDto"], stdin=Terminal(), stdout=out, stderr=err
    )
    assert status == 2
    assert "no input: give a FILE" in err.getvalue()


def test_file_names_and_payload_text_cannot_write_control_characters(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "evil\x1b]0;owned\x07\nnetcontract: 9 converted.xml").write_bytes(b"<A")
    status, _, err = run("convert", "--out", str(tmp_path / "out"), str(source))
    assert status == 1
    assert "\x1b" not in err and "\x07" not in err
    assert "evil\\x1b]0;owned\\x07\\x0anetcontract: 9 converted.xml" in err
    assert len(err.splitlines()) == 2  # the problem and the summary: no forged line


# -- 16: --out writes to what it names without destroying it


def test_out_regular_file_is_replaced_atomically_and_symlink_written_through(tmp_path):
    target = tmp_path / "target.json"
    target.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    status, _, err = run("convert", "--out", str(link), str(FIXTURES / "response.xml"))
    assert status == 0, err
    assert link.is_symlink() and str(link.readlink()) == "target.json"
    assert target.read_bytes() == (FIXTURES / "response.compact.json").read_bytes() + b"\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "target.json"]


def test_out_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.json"
    link.symlink_to("made.json")
    status, _, _ = run("convert", "--out", str(link), str(FIXTURES / "response.xml"))
    assert status == 0
    assert link.is_symlink() and (tmp_path / "made.json").read_bytes().startswith(b'{"IsValid"')


def test_out_character_device_is_written_to_not_replaced(monkeypatch):
    from netcontract import files as _files

    def must_not_replace(path, data):
        raise AssertionError(f"{path} would be replaced")

    # /dev/null itself: were it replaced (as root), the machine would lose it, so the
    # replacing function is what the test forbids
    monkeypatch.setattr(_files, "write_atomically", must_not_replace)
    status, _, err = run("convert", "--out", "/dev/null", str(FIXTURES / "response.xml"))
    assert (status, err) == (0, "")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_out_fifo_is_streamed(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    status, _, err = run("convert", "--out", str(fifo), str(FIXTURES / "response.xml"))
    reader.join(timeout=30)
    assert (status, err) == (0, "")
    assert received == [(FIXTURES / "response.compact.json").read_bytes() + b"\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_out_naming_stdout_writes_to_stdout(name):
    status, out, _ = run("convert", "--out", name, str(FIXTURES / "response.xml"))
    assert (status, out) == (0, (FIXTURES / "response.compact.json").read_bytes() + b"\n")


def test_out_dev_stdout_appends_where_the_shell_opened_it(tmp_path):
    log = tmp_path / "log.txt"
    log.write_bytes(b"earlier line\n")
    with log.open("ab") as append:
        proc = run_process(
            "convert", "--out", "/dev/stdout", str(FIXTURES / "response.xml"), stdout=append
        )
    assert proc.returncode == 0, proc.stderr
    assert (
        log.read_bytes()
        == b"earlier line\n" + (FIXTURES / "response.compact.json").read_bytes() + b"\n"
    )


def test_out_folder_and_socket_are_refused(tmp_path):
    status, _, err = run("convert", "--out", str(tmp_path), str(FIXTURES / "response.xml"))
    assert status == 2
    assert "is a folder" in err
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s"))
        status, _, err = run(
            "convert", "--out", str(tmp_path / "s"), str(FIXTURES / "response.xml")
        )
    finally:
        sock.close()
    assert status == 2
    assert "neither a regular file nor a device or a pipe" in err


# -- 17: file modes


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_out_new_file_honours_the_umask(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        status, _, _ = run(
            "convert", "--out", str(tmp_path / "a.json"), str(FIXTURES / "response.xml")
        )
    finally:
        os.umask(previous)
    assert status == 0
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == mode


def test_out_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    status, _, _ = run("convert", "--out", str(target), str(FIXTURES / "response.xml"))
    assert status == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() != b"old"


# -- 18: folders


def test_folder_outputs_that_would_collide_are_refused_before_writing(tmp_path):
    source, out_dir = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "a.json").write_bytes((FIXTURES / "customer_group.json").read_bytes())
    (source / "a.xml").write_bytes((FIXTURES / "customer_group.xml").read_bytes())
    status, _, err = run(
        "convert", "--type", "CustomerGroupDto", "--to", "xml", "--out", str(out_dir), str(source)
    )
    assert status == 2
    assert f"a.json and a.xml would both be written to {out_dir / 'a.xml'}" in err
    assert not out_dir.exists()


def test_folder_out_equal_to_the_input_never_overwrites_a_source(tmp_path):
    (tmp_path / "a.json").write_bytes((FIXTURES / "customer_group.json").read_bytes())
    (tmp_path / "a.xml").write_bytes(b"<not even XML")
    status, _, err = run(
        "convert", "--type", "CustomerGroupDto", "--out", str(tmp_path), str(tmp_path)
    )
    assert status == 2
    assert "converting a.json would overwrite the input a.xml" in err
    assert (tmp_path / "a.xml").read_bytes() == b"<not even XML"


def test_folder_skips_the_manifest_of_a_fixtures_folder_by_content(tmp_path):
    corpus, out_dir = tmp_path / "corpus", tmp_path / "out"
    nc.write_corpus(CustomerGroupDto, corpus, count=2, seed=1, formats=["xml"])
    status, _, err = run("convert", "--out", str(out_dir), str(corpus))
    assert status == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "CustomerGroupDto-0000.json",
        "CustomerGroupDto-0001.json",
    ]
    assert f"{corpus / 'manifest.json'}: skipped: the manifest of a fixtures folder" in err
    assert f"3 files, 2 converted, 0 refused, 1 skipped, into {out_dir} (" in err


def test_folder_converts_a_document_named_manifest_json(tmp_path):
    source, out_dir = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "manifest.json").write_bytes((FIXTURES / "customer_group.json").read_bytes())
    status, _, err = run(
        "convert", "--type", "CustomerGroupDto", "--out", str(out_dir), str(source)
    )
    assert status == 0, err
    assert [p.name for p in out_dir.iterdir()] == ["manifest.xml"]


def test_folder_conversion_interrupted_leaves_no_temporary_file(tmp_path, monkeypatch):
    source, out_dir = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    for name in "abc":
        (source / f"{name}.xml").write_bytes((FIXTURES / "response.xml").read_bytes())
    calls = []
    real_fsync = os.fsync

    def interrupted_on_the_second(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", interrupted_on_the_second)
    status, _, _ = run("convert", "--out", str(out_dir), str(source))
    assert status == 130
    assert [p.name for p in out_dir.iterdir()] == ["a.json"]


# -- 19: empty and compressed input


@pytest.mark.parametrize(
    "content",
    [b"", b"  \r\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", b"\xff\xfe \x00\n\x00"],
    ids=["empty", "blank", "bom", "bom-blank", "utf16-blank"],
)
@pytest.mark.parametrize("where", ["a.json", "a.xml", "-"])
def test_empty_or_blank_input_is_an_empty_document(tmp_path, content, where):
    args = ["convert", "--type", "CustomerGroupDto"]
    if where == "-":
        status, out, err = run(*args, "-", stdin=content)
    else:
        (tmp_path / where).write_bytes(content)
        status, out, err = run(*args, str(tmp_path / where))
    assert (status, out) == (1, b"")
    assert err.startswith("netcontract: <root>: empty document")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (gzip.compress(b"<A/>", mtime=0), "gzip"),
        (b"PK\x03\x04rest", "zip"),
        (b"\x28\xb5\x2f\xfdrest", "zstd"),
    ],
)
@pytest.mark.parametrize("command", ["convert", "validate"])
def test_compressed_input_is_a_clear_payload_error(content, name, command):
    extra = ["--from", "xml"] if command == "convert" else []
    status, _, err = run(command, *extra, "-", stdin=content)
    assert status == 1
    assert err.startswith(
        f"netcontract: <root>: {name}-compressed input is not read; decompress it first"
    )


def test_the_extension_decides_when_the_content_does_not(tmp_path):
    (tmp_path / "a.json").write_bytes(b"hello")
    status, _, err = run("convert", "--type", "CustomerGroupDto", str(tmp_path / "a.json"))
    assert status == 1  # a bad JSON document, no longer "cannot tell the input format"
    assert err.startswith("netcontract: <root>: ")


def test_validate_says_json_is_not_xml():
    status, _, err = run("validate", "-", stdin=(FIXTURES / "customer_group.json").read_bytes())
    assert status == 1
    assert "validate checks XML documents, and this one is JSON" in err


# -- 20: generic arguments in --type


@pytest.mark.parametrize(
    "spelling",
    [
        "ResponseDto[CustomerGroupDto]",
        "ResponseDto[ CustomerGroupDto ]",
        "vehizen.domain.dto:ResponseDto[vehizen.domain.dto.customer_group:CustomerGroupDto]",
        "ResponseDto[CustomerGroupDto?]",
    ],
)
def test_type_accepts_a_contract_as_generic_argument(spelling):
    from vehizen import ResponseDto

    document = b'{"IsValid":true,"Data":' + (FIXTURES / "customer_group.json").read_bytes() + b"}"
    status, out, err = run("convert", "--type", spelling, "-", stdin=document)
    assert status == 0, err
    read = nc.from_json(document, ResponseDto[CustomerGroupDto])
    # the type argument is known to the serializer (Data is `object` in .NET)
    expected = nc.to_xml(read, known_types=[CustomerGroupDto])
    assert out == expected + b"\n"


@pytest.mark.parametrize(
    "spelling", ["ResponseDto[Guid]", "ResponseDto[uuid.UUID]", "ResponseDto[System.Guid]"]
)
def test_type_accepts_guid_as_generic_argument(spelling):
    document = b'{"IsValid":true,"Data":"5f1c1ef4-2a6e-4f40-8cf3-49c7a9b3d7a1"}'
    status, out, err = run("convert", "--type", spelling, "-", stdin=document)
    assert status == 0, err
    assert b'i:type="d2p1:guid"' in out


def test_type_accepts_nested_generic_arguments():
    document = b'{"Data":[{"IdWS":5}],"IsValid":false}'
    status, out, err = run(
        "convert",
        "--type",
        "ResponseDto[list[VehicleLightDto]]",
        "--to",
        "json",
        "-",
        stdin=document,
    )
    assert status == 0, err
    assert out.startswith(b'{"IsValid":false,"Errors":null,"Data":[{"IdWS":5,')


# -- 21: modules in the current folder


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="the console script is not installed")
def test_type_module_from_the_current_folder(tmp_path):
    (tmp_path / "mymodule_for_cli.py").write_text(
        "import netcontract as nc\n\n"
        "@nc.contract('My.Dto')\n"
        "class MyDto:\n"
        "    name: str | None = nc.member('Name', default=None)\n"
    )
    proc = subprocess.run(
        [str(CONSOLE_SCRIPT), "convert", "--type", "mymodule_for_cli:MyDto", "-"],
        input=b'{"Name":"x"}',
        cwd=tmp_path,
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"<MyDto ")


# -- 26: --version, types, serve --help


def test_version_option():
    proc = run_process("--version")
    assert proc.returncode == 0
    assert re.fullmatch(rb"netcontract \d+\.\d+\S*\n", proc.stdout)


def test_types_lists_the_enums_and_generic_contracts():
    status, out, _ = run("types")
    assert status == 0
    lines = out.decode().splitlines()
    assert any(line.startswith("CameraType\t") and line.endswith("\tenum") for line in lines)
    assert any(
        line.startswith("ResponseDto\t") and line.endswith("\tcontract[T]") for line in lines
    )
    assert any(
        line.startswith("CustomerGroupDto\t") and line.endswith("\tcontract") for line in lines
    )


def test_serve_help_shows_the_defaults(capsys):
    assert main(["serve", "--help"]) == 0
    text = capsys.readouterr().out
    for default in ("(default: 127.0.0.1)", "(default: 8080)", "(default: info)"):
        assert default in text


def test_readme_links_the_findings_that_xfails_cite():
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    assert "(tests/interop/FINDINGS.md)" in readme
    assert (FIXTURES.parent / "tests" / "interop" / "FINDINGS.md").exists()


# -- found by trying it: closed streams, empty arguments, serve's address


def test_closed_standard_streams_are_reported_not_tracebacks():
    closed_stdout = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.close(1); sys.argv[1:] = ['types'];"
            " from netcontract.cli import main; sys.stdout = None; sys.exit(main())",
        ],
        capture_output=False,
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
    )
    assert closed_stdout.returncode == 2
    assert closed_stdout.stderr == b"netcontract: error: cannot write to stdout: stdout is closed\n"
    closed_stdin = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.stdin = None; sys.argv[1:] = ['convert', '--type',"
            " 'CustomerGroupDto']; from netcontract.cli import main; sys.exit(main())",
        ],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert (closed_stdin.returncode, closed_stdin.stderr) == (
        1,
        b"netcontract: <root>: empty document\n",
    )
    closed_stderr = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.stderr = None; sys.argv[1:] = ['convert', '--type',"
            " 'Nope', 'x']; from netcontract.cli import main; sys.exit(main())",
        ],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert (closed_stderr.returncode, closed_stderr.stdout) == (2, b"")  # not printed to stdout


@pytest.mark.parametrize("option", [["--out", ""], [""]])
def test_empty_path_arguments_are_usage_errors(option):
    status, _, err = run("convert", *option, *([] if option == [""] else ["-"]), stdin=b"<A/>")
    assert status == 2
    assert "argument is empty" in err


def test_fixtures_out_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "file").write_bytes(b"")
    status, _, err = run(
        "fixtures", "CustomerGroupDto", "--count", "1", "--out", str(tmp_path / "file")
    )
    assert status == 2
    assert f"--out {str(tmp_path / 'file')!r} is not a folder" in err


def test_serve_on_a_port_in_use_is_a_usage_error_before_the_banner():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = run_process("serve", "--port", str(port))
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert proc.stderr.startswith(
        f"netcontract: error: cannot listen on 127.0.0.1:{port}: ".encode()
    )
    assert_one_line_without_traceback(proc.stderr)


def test_serve_on_port_0_names_the_real_port_and_ctrl_c_exits_130():
    proc = subprocess.Popen(
        [sys.executable, "-m", "netcontract", "serve", "--port", "0", "--log-level", "warning"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    banner = proc.stdout.readline()
    port = re.search(rb"http://127\.0\.0\.1:(\d+)/api/v2/CustomerGroup", banner)
    assert port is not None and int(port.group(1)) != 0, banner
    with socket.create_connection(("127.0.0.1", int(port.group(1))), timeout=30) as conn:
        # it listens on the port it names, and answers once started (a Ctrl+C before that is
        # test_serve_interrupted_before_the_loop_starts_warns_of_no_unawaited_coroutine's)
        conn.sendall(b"GET /api/v2/CustomerGroup HTTP/1.0\r\n\r\n")
        assert conn.recv(12).startswith(b"HTTP/1.")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (130, b"netcontract: interrupted\n")


@pytest.mark.parametrize("name", ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"])
def test_out_naming_stdin_is_refused_and_never_replaces_the_input(tmp_path, name):
    source = tmp_path / "in.xml"
    source.write_bytes(b"<x/>")
    with source.open("rb") as stdin:
        proc = run_process("convert", "--out", name, str(FIXTURES / "response.xml"), stdin=stdin)
    assert proc.returncode == 2
    assert b"not an output descriptor" in proc.stderr
    assert source.read_bytes() == b"<x/>"


def test_out_extension_gives_the_output_format_when_to_is_omitted(tmp_path):
    target = tmp_path / "same.json"
    status, _, err = run(
        "convert", "--type", "ResponseDto", "--out", str(target), str(FIXTURES / "response.json")
    )
    assert status == 0, err
    assert target.read_bytes() == (FIXTURES / "response.compact.json").read_bytes() + b"\n"


def test_types_and_unknown_names_report_entry_points_that_failed(monkeypatch):
    from netcontract.model import contract as _contract

    monkeypatch.setattr(_contract, "_entry_point_failures", {"fleet": "ImportError: boom"})
    monkeypatch.setattr(_contract, "_entry_points_loaded", True)
    status, out, err = run("types")
    assert status == 0 and b"CustomerGroupDto" in out
    assert err == "netcontract: entry point 'fleet' failed to load: ImportError: boom\n"
    status, _, err = run("convert", "--type", "TruckDto", "-", stdin=b"{}")
    assert status == 2
    assert "entry point 'fleet' failed to load: ImportError: boom" in err


def test_strict_with_json_input_is_refused_not_ignored():
    status, _, err = run(
        "convert", "--strict", "--type", "CustomerGroupDto", "-", stdin=b'{"Unknown":1}'
    )
    assert status == 2
    assert "--strict applies to XML input" in err


def test_out_read_only_file_is_refused_as_by_the_shell(tmp_path, monkeypatch):
    from netcontract import files as _files

    target = tmp_path / "locked.json"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    # root may write anything: stand for a user who may not write this file
    monkeypatch.setattr(_files.os, "access", lambda path, mode: False)
    status, _, err = run("convert", "--out", str(target), str(FIXTURES / "response.xml"))
    assert status == 2
    assert err == f"netcontract: error: cannot write {str(target)!r}: Permission denied\n"
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["locked.json"]


def test_fixtures_count_is_bounded(tmp_path, capfd):
    # a corpus is drawn whole in memory: --count 10**9 would exhaust it before writing a file
    out = str(tmp_path / "corpus")
    status, _, _ = run("fixtures", "CustomerGroupDto", "--out", out, "--count", "1000000000")
    assert status == 2
    assert "1000000000 is not between 0 and 100,000" in capfd.readouterr().err  # argparse's
    assert not (tmp_path / "corpus").exists()


def test_sigterm_right_after_the_input_is_opened_is_not_lost(tmp_path):
    # the signal used to come between open() and the blocking read() of the FIFO, where
    # Python had no chance to run its handler: the command then waited for data for ever
    for _ in range(5):
        fifo = tmp_path / f"race{_}.xml"
        os.mkfifo(fifo)
        proc = subprocess.Popen(
            [sys.executable, "-m", "netcontract", "convert", str(fifo)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        writer = None
        deadline = time.monotonic() + 60
        while writer is None and time.monotonic() < deadline:
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.001)
        try:
            assert writer is not None
            proc.send_signal(signal.SIGTERM)  # at once: inside the window, often
            _, err = proc.communicate(timeout=30)
            assert proc.returncode == 143, err
            assert b"Traceback" not in err
        finally:
            if writer is not None:
                os.close(writer)
            if proc.poll() is None:
                proc.kill()


def test_serve_interrupted_before_the_loop_starts_warns_of_no_unawaited_coroutine(
    monkeypatch, capsys
):
    # CI once sent its SIGINT between the banner and the loop's first step: the server's
    # coroutine was never started and Python printed a RuntimeWarning at exit
    import asyncio
    import gc
    import warnings

    class InterruptedLoop(asyncio.SelectorEventLoop):
        def run_until_complete(self, future):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt

    monkeypatch.setattr(asyncio, "new_event_loop", InterruptedLoop)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        status = main(["serve", "--port", "0"], stdout=io.BytesIO())
        gc.collect()
    assert status == 130
    assert capsys.readouterr().err == "netcontract: interrupted\n"
    assert [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)] == []


# -- collection roots: --type list[T] / dict[K,V]
# The XML below is what Mono's DataContractSerializer writes for List<int>,
# Dictionary<string,int> and Dictionary<string,int?> (tests/interop/
# test_known_collections_interop.py checks the command against Mono live).

ARRAYS = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays"'


@pytest.mark.parametrize(
    ("spelling", "document", "xml"),
    [
        ("list[int]", b"[1,2]", f"<ArrayOfint {ARRAYS}><int>1</int><int>2</int></ArrayOfint>"),
        ("List[System.Int32]", b"[]", f"<ArrayOfint {ARRAYS} />"),
        (
            "dict[string,int]",
            b'{"a":1}',
            f"<ArrayOfKeyValueOfstringint {ARRAYS}><KeyValueOfstringint><Key>a</Key>"
            "<Value>1</Value></KeyValueOfstringint></ArrayOfKeyValueOfstringint>",
        ),
        (
            "Dictionary[string, int?]",
            b'{"b":null}',
            f"<ArrayOfKeyValueOfstringNullableOfintU6ho3Bhd {ARRAYS}>"
            '<KeyValueOfstringNullableOfintU6ho3Bhd><Key>b</Key><Value i:nil="true" />'
            "</KeyValueOfstringNullableOfintU6ho3Bhd></ArrayOfKeyValueOfstringNullableOfintU6ho3Bhd>",
        ),
    ],
)
def test_type_names_a_collection_root(spelling, document, xml):
    status, out, err = run("convert", "--type", spelling, "-", stdin=document)
    assert (status, err) == (0, "")
    assert out == xml.encode() + b"\n"
    status, back, err = run("convert", "--type", spelling, "-", stdin=out)
    assert (status, back, err) == (0, document + b"\n", "")


def test_a_list_of_contracts_converts_both_ways():
    document = b'[{"IdWS":5,"Name":"a"},{"IdWS":6}]'
    status, xml, err = run(
        "convert", "--type", "list[vehizen:VehicleLightDto]", "-", stdin=document
    )
    assert status == 0, err
    assert xml.startswith(
        b'<ArrayOfVehicleLightDto xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
    )
    status, wcf, err = run(
        "convert", "--type", "list[VehicleLightDto]", "--to", "wcf-json", "--lossy", "-", stdin=xml
    )
    assert status == 0, err
    assert wcf.startswith(b'[{"Brand":null,"CompatibleDownload":false,')
    status, out, err = run(
        "convert", "--type", "list[VehicleLightDto]", "--to", "ndjson", "-", stdin=xml
    )
    assert status == 0, err
    assert [v.id_ws for v in nc.from_json(out, list[VehicleLightDto])] == [5, 6]


def test_a_wrong_document_for_a_collection_root_names_the_path():
    status, out, err = run("convert", "--type", "dict[string,int]", "-", stdin=b'{"a":"x"}')
    assert (status, out) == (1, b"")
    assert "a: 'x' is not a valid Int32" in err or '["a"]' in err, err


def test_the_other_commands_take_collection_roots(tmp_path):
    xml = tmp_path / "l.xml"
    xml.write_bytes(f"<ArrayOfint {ARRAYS}><int>1</int></ArrayOfint>".encode())
    assert run("validate", "--type", "list[int]", str(xml)) == (
        0,
        f"{xml}: valid ArrayOfint\n".encode(),
        "",
    )
    status, out, err = run("sample", "dict[string,int]")
    # Web API's help page sample of a Dictionary<string,int> (ObjectGenerator)
    assert (status, out, err) == (0, b'{"sample string 1":2,"sample string 3":4}\n', "")
    status, out, err = run(
        "export-xsd", "--type", "list[VehicleLightDto]", "--out", str(tmp_path / "xsd")
    )
    assert status == 0, err
    assert b"schemas.datacontract.org.2004.07.Vehizen.Domain.Dto.xsd" in out
    assert (
        b"ArrayOfVehicleLightDto"
        in (
            tmp_path / "xsd" / "schemas.datacontract.org.2004.07.Vehizen.Domain.Dto.xsd"
        ).read_bytes()
    )
    status, out, err = run(
        "fixtures", "list[VehicleLightDto]", "--out", str(tmp_path / "fx"), "--count", "2"
    )
    assert status == 0, err
    assert b"2 ArrayOfVehicleLightDto documents (4 files: json, xml)" in out
    data = (tmp_path / "fx" / "ArrayOfVehicleLightDto-0001.xml").read_bytes()
    assert data.startswith(b"<ArrayOfVehicleLightDto ")
