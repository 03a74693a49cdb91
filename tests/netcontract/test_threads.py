"""The four conversions from many threads at once, on contracts nobody has used yet.

Plans and generated functions are built on first use; a web server's first requests arrive
together. Each round declares fresh contracts (nested, recursive, generic, inside the test, as
an application declares them), then 16 threads convert them all at the same moment.
``NETCONTRACT_THREAD_ROUNDS`` sets the number of rounds (CI keeps a few).
"""

from __future__ import annotations

import os
import threading
import uuid
from typing import Any, Generic, TypeVar

import netcontract as nc

ROUNDS = int(os.environ.get("NETCONTRACT_THREAD_ROUNDS", "3"))
THREADS = 16
T = TypeVar("T")


def fresh_contracts(round_: int) -> list[tuple[Any, Any]]:
    """(contract, instance) pairs of contracts declared just now, none used before."""
    namespace = f"Threads.Round{round_}"

    @nc.contract(namespace)
    class Leaf:
        id_ws: nc.Int32 = nc.member("IdWS", default=0)
        key: uuid.UUID = nc.member("Key", default=nc.EMPTY_GUID)
        name: str | None = nc.member("Name", default=None)
        ratio: float = nc.member("Ratio", default=0.0)

    @nc.contract(namespace)
    class Branch:
        leaves: list[Leaf] | None = nc.member("Leaves", default=None)
        first: Leaf | None = nc.member("First", default=None)
        tags: list[str | None] | None = nc.member("Tags", default=None)

    @nc.contract(namespace)
    class Node:
        label: str | None = nc.member("Label", default=None)
        child: Node | None = nc.member("Child", default=None)
        branch: Branch | None = nc.member("Branch", default=None)

    @nc.contract(namespace)
    class Envelope(Generic[T]):
        is_valid: bool = nc.member("IsValid", default=False)
        data: T | None = nc.member("Data", default=None)

    leaf = Leaf(id_ws=round_, key=uuid.UUID(int=round_ + 1), name="a:b", ratio=0.1)
    branch = Branch(leaves=[leaf, Leaf(id_ws=2)], first=leaf, tags=["x", None])
    node = Node(label="root", child=Node(label="kid", child=Node(branch=branch)))
    envelope = Envelope[Branch](is_valid=True, data=branch)
    return [(Leaf, leaf), (Branch, branch), (Node, node), (Envelope[Branch], envelope)]


def convert_all(tp: Any, obj: Any) -> None:
    json_data = nc.to_json(obj)
    assert nc.from_json(json_data, tp) == obj
    assert nc.from_json(json_data.decode("utf-8"), tp) == obj
    xml_data = nc.to_xml(obj)
    assert nc.from_xml(xml_data, tp) == obj
    assert nc.to_json(nc.from_xml(nc.to_xml(obj, indent=True), tp), indent=True) == nc.to_json(
        obj, indent=True
    )


def run_round(round_: int) -> list[BaseException]:
    pairs = fresh_contracts(round_)
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def work(index: int) -> None:
        start.wait()
        try:
            # each thread starts with another contract, then does them all
            for tp, obj in pairs[index % len(pairs) :] + pairs[: index % len(pairs)]:
                convert_all(tp, obj)
        except BaseException as exc:  # collected: the test fails with all of them
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_first_conversions_from_many_threads_at_once() -> None:
    for round_ in range(ROUNDS):
        failures = run_round(round_)
        assert not failures, f"round {round_}: {len(failures)} of {THREADS} failed: {failures!r}"
