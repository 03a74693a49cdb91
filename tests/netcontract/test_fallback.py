"""Fast paths cannot hide (README, "Speed"): a broken generated reader or writer fails.

Each test breaks one generated path (monkeypatching the function that generates it) before
a freshly declared contract is first converted, so its plan gets the broken function:

- one that always gives up is hidden by the reference path (same results, only slower), so
  under the no-fallback switch (``NETCONTRACT_NO_FALLBACK=1`` in CI) the conversion fails,
  naming the contract and the reason;
- one that raises anything but the fallback signal is not caught at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import netcontract as nc
from netcontract.codegen import Fallback, FallbackForbidden, _engine_path, _no_fallback
from netcontract.json import read as json_read
from netcontract.json import read_struct
from netcontract.json import write as json_write
from netcontract.xml import read as xml_read
from netcontract.xml import write as xml_write


def fresh_box() -> Any:
    """An instance of contracts declared just now (their plans are not built yet)."""

    @nc.contract("Tests.Broken")
    class Item:
        name: str | None = nc.member("Name", default=None)

    @nc.contract("Tests.Broken")
    class Box:
        id_ws: nc.Int32 = nc.member("IdWS", default=0)
        items: list[Item] | None = nc.member("Items", default=None)

    return Box(id_ws=7, items=[Item(name="a"), Item(name="b:c")])


def raising(exc: BaseException) -> Callable[..., Any]:
    def generated(*args: Any) -> Any:
        raise exc

    return generated


def broken_struct(error: BaseException) -> Callable[..., Any]:
    build = read_struct._build

    def make(info: Any) -> Any:
        plan = build(info)
        return read_struct._Plan(plan.struct, raising(error))

    return make


# (what is broken, the module and function generating it, how to break it, the conversion)
BREAKS: list[tuple[str, Any, str, Callable[[BaseException], Any], Callable[[Any], Any]]] = [
    ("json writer", json_write, "_generate_writer", raising, nc.to_json),
    ("xml writer", xml_write, "_generate_writer", raising, nc.to_xml),
    (
        "json struct reader",
        read_struct,
        "_build",
        broken_struct,
        lambda box: nc.from_json(nc.to_json(box), type(box)),
    ),
    (
        "json dict reader",
        json_read,
        "_generate_reader",
        raising,
        # a contract the Struct path does not read (it contains itself) goes to the dict reader
        lambda box: nc.from_json(nc.to_json(box), type(box)),
    ),
    (
        "xml reader",
        xml_read,
        "_generate_contract_reader",
        raising,
        lambda box: nc.from_xml(nc.to_xml(box), type(box)),
    ),
]
IDS = [name for name, *_ in BREAKS]


def reference_result(convert: Callable[[Any], Any]) -> Any:
    box = fresh_box()
    with _engine_path("reference"):
        result = convert(box)
    return nc.to_json(result) if not isinstance(result, bytes) else result


@pytest.mark.parametrize(("name", "module", "function", "break_", "convert"), BREAKS, ids=IDS)
def test_generated_path_that_always_falls_back_fails_under_the_switch(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    module: Any,
    function: str,
    break_: Callable[[BaseException], Any],
    convert: Callable[[Any], Any],
) -> None:
    expected = reference_result(convert)
    if name == "json dict reader":  # the Struct path must not read it first
        monkeypatch.setattr(read_struct, "_build", broken_struct(Fallback("struct broken")))
    monkeypatch.setattr(module, function, break_(Fallback(f"{name} broken")))
    box = fresh_box()
    with _no_fallback(False):  # the reference path hides it: the same result
        result = convert(box)
        assert (result if isinstance(result, bytes) else nc.to_json(result)) == expected
    box = fresh_box()
    with _no_fallback(), pytest.raises(FallbackForbidden, match=f"Box: {name} broken"):
        convert(box)


@pytest.mark.parametrize(("name", "module", "function", "break_", "convert"), BREAKS, ids=IDS)
def test_generated_path_raising_an_error_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    module: Any,
    function: str,
    break_: Callable[[BaseException], Any],
    convert: Callable[[Any], Any],
) -> None:
    # was: json_bytes and write_xml wrote again with the reference writer on any TypeError
    if name == "json dict reader":
        monkeypatch.setattr(read_struct, "_build", broken_struct(Fallback("struct broken")))
    monkeypatch.setattr(module, function, break_(TypeError(f"{name} broken")))
    with _no_fallback(False), pytest.raises(TypeError, match=f"{name} broken"):
        convert(fresh_box())


def test_fallback_on_an_input_the_reference_path_refuses_passes_the_switch() -> None:
    # falling back is how problems are reported: the switch lets the refusal through
    with _no_fallback(), pytest.raises(nc.JsonPayloadError, match="IdWS"):
        nc.from_json(b'{"IdWS":"seven","Items":null}', type(fresh_box()))
    with _no_fallback(), pytest.raises(nc.SerializationError, match="IdWS"):
        nc.to_xml(type(fresh_box())(id_ws=2**40))


def test_inputs_only_the_reference_path_reads_fail_under_the_switch() -> None:
    box_type = type(fresh_box())
    doc = b'{"IdWS":"3","Items":null}'  # Json.NET reads "3" into an int; it writes 3
    assert nc.from_json(doc, box_type).id_ws == 3
    with _no_fallback(), pytest.raises(FallbackForbidden, match=r"Box: Expected `int`"):
        nc.from_json(doc, box_type)
