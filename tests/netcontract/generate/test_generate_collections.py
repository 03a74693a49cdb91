"""``netcontract generate`` on collection types of their own name, item name or key and value
names ([CollectionDataContract] on the server): ``@nc.collection_contract`` classes.

The schemas are ``export_schemas`` of ``tests/interop/collection_models.py``, which is byte
for byte Mono's XsdDataContractExporter output for the C# twin
(``test_collection_contract_interop.py``); the generated classes read and write Mono's bytes
(pinned in ``tests/netcontract/model/test_collection_contract.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.netcontract.generate.test_generate import _components
from tests.netcontract.model.test_collection_contract import PINNED

import netcontract as nc
from interop.collection_models import Holder, Shared
from netcontract.xsd.export import export_schemas, schema_file_name


@pytest.fixture
def generated(tmp_path: Path) -> str:
    for namespace, text in export_schemas(Holder, Shared).items():
        (tmp_path / schema_file_name(namespace)).write_text(text, encoding="utf-8")
    return nc.generate(sorted(tmp_path.glob("*.xsd")), strict=True)


def test_collection_types_of_their_own_become_collection_contracts(generated: str) -> None:
    assert '@nc.collection_contract(xml_namespace="urn:n", item_name="It")\nclass Items(' in (
        generated
    )
    assert (
        '@nc.collection_contract(xml_namespace="urn:m", item_name="E", key_name="K",'
        ' value_name="V")\nclass Map(dict[str, nc.Int32]):'
    ) in generated
    assert '@nc.collection_contract("Coll")\nclass ItemList(list[Item | None]):' in generated
    # a List<ItemList> keeps the default name: a plain list of the collection contract
    assert "ll: list[ItemList | None] | None" in generated
    # items are declared before the collection contracts made of them
    assert generated.index("class ItemList(") < generated.index("class Nested(")


def test_generated_classes_read_and_write_monos_bytes(
    generated: str, load_generated: Callable[[str], ModuleType]
) -> None:
    module = load_generated(generated)
    # a schema cannot say what an object member holds: as XsdDataContractImporter does, the
    # generated Holder knows every type of the set (it has an object member), so the calls
    # need no known_types (the C# Holder's [KnownType] list, CollectionContracts.cs, is a
    # part of it)
    for layout in ("xml",):
        mono = PINNED["holder", layout].encode()
        holder = nc.from_xml(mono, module.Holder)
        assert type(holder.n) is module.Items
        assert type(holder.m) is module.Map
        assert nc.to_xml(holder) == mono
    wcf = nc.from_wcf_json(PINNED["holder", "wcf"], module.Holder)
    assert nc.to_wcf_json(wcf) == PINNED["holder", "wcf"].encode()
    # its known types bring the whole set into its export: the schemas it was made from,
    # component by component (XsdDataContractExporter writes known types after the members)
    ours, theirs = export_schemas(module.Holder), export_schemas(Holder, Shared)
    assert set(ours) == set(theirs)
    for namespace, text in theirs.items():
        assert _components(ours[namespace]) == _components(text), namespace


def test_is_reference_collection_types_become_is_reference_collection_contracts(
    generated: str, load_generated: Callable[[str], ModuleType]
) -> None:
    assert '@nc.collection_contract("Coll", is_reference=True)\nclass RefList(' in generated
    assert '@nc.collection_contract("Coll", item_name="P", is_reference=True)' in generated
    module = load_generated(generated)
    mono = PINNED["shared", "xml"].encode()
    shared = nc.from_xml(mono, module.Shared)
    assert shared.a is shared.b
    assert nc.to_xml(shared) == mono
