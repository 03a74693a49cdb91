"""Importing generated modules in tests without leaking their contracts into other tests.

A generated module registers its contracts by (XML namespace, name), as every contract does;
a module generated from ``xsd/`` would take the place of the ``vehizen`` classes for
``from_xml`` without a class. The fixture restores the registry after each test.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from netcontract.model import contract as _contract

_COUNTER = itertools.count()


@pytest.fixture
def load_generated(tmp_path: Path) -> Iterator[Callable[[str], ModuleType]]:
    saved = dict(_contract._REGISTRY)
    names: list[str] = []

    def load(code: str) -> ModuleType:
        name = f"_netcontract_generated_{next(_COUNTER)}"
        path = tmp_path / f"{name}.py"
        path.write_text(code, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # typing.get_type_hints resolves names through it
        names.append(name)
        spec.loader.exec_module(module)
        return module

    try:
        yield load
    finally:
        for name in names:
            sys.modules.pop(name, None)
        _contract._REGISTRY.clear()
        _contract._REGISTRY.update(saved)
