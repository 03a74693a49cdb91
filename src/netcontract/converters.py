"""cattrs converters for the two wire formats.

``json_converter`` structures JSON-ready values (what ``json.loads`` gives) into contracts and
unstructures contracts into JSON-ready values in Json.NET's member order and value forms.
``xml_converter`` structures lxml elements into contracts. Both dispatch contract classes to
netcontract's per-class plans, so ``converter.structure(data, CustomerGroupDto)`` follows
exactly the rules of :func:`netcontract.from_json` / :func:`netcontract.from_xml`.

Converters and plans (:class:`~netcontract.ContractInfo`) pickle, so any executor can ship
them: a converter as its settings (hooks registered on it later are not carried: they are
functions), a plan as its contract, unpickled as that contract's plan.
"""

from __future__ import annotations

import copy
import copyreg
from collections.abc import Callable
from typing import Any

import cattrs
from lxml import etree

from netcontract.errors import JsonPayloadError, SerializationError, XmlPayloadError
from netcontract.json.read import reader_for as json_reader_for
from netcontract.json.settings import JsonSettings
from netcontract.json.write import writer_for
from netcontract.limits import FAILED, ReadContext, as_document
from netcontract.model.contract import is_contract
from netcontract.model.plan import ContractInfo, contract_info
from netcontract.model.wire import ContractType, Slot
from netcontract.xml.parse import parse_xml
from netcontract.xml.read import read_root

__all__ = ["JsonConverter", "XmlConverter", "json_converter", "xml_converter"]


def _slot_of(tp: Any) -> Slot:
    info = contract_info(tp)
    return Slot(info.wire, optional=False)


class JsonConverter(cattrs.Converter):
    """A cattrs converter speaking Json.NET's rules for contract classes (with ``settings``,
    a server's :class:`~netcontract.JsonSettings`)."""

    def __init__(self, *, settings: JsonSettings | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.register_structure_hook_factory(is_contract, self._structure_factory)
        self.register_unstructure_hook_factory(is_contract, self._unstructure_factory)

    def _structure_factory(self, tp: Any) -> Callable[[Any, Any], Any]:
        reader = json_reader_for(_slot_of(tp), self.settings)

        def structure(value: Any, _: Any) -> Any:
            ctx = ReadContext()
            result = reader(value, "", ctx)
            if ctx.problems or result is FAILED:
                raise JsonPayloadError(ctx.problems)
            return result

        return structure

    def _unstructure_factory(self, tp: Any) -> Callable[[Any], Any]:
        writer = writer_for(Slot(ContractType(tp, "", "", ()), optional=False), self.settings)

        def unstructure(obj: Any) -> Any:
            problems: list[Any] = []
            result = writer(obj, "", problems)
            if problems:
                raise SerializationError(problems)
            return result

        return unstructure

    def __reduce__(self) -> str | tuple[Any, ...]:
        # cattrs' hooks are closures and lambdas: a converter pickles as what it was made
        # from, and is rebuilt (its hooks too) where it is unpickled
        if self is json_converter:
            return "json_converter"  # the module's instance, by reference
        return (_json_converter, (self.settings,))


class XmlConverter(cattrs.Converter):
    """A cattrs converter that structures lxml elements into contract classes.

    ``xml_converter.structure(element, CustomerGroupDto)`` reads an already parsed element
    (or a document as bytes or text, parsed as :func:`~netcontract.from_xml` parses it), its
    comments and processing instructions skipped as DataContractSerializer skips them; set
    ``strict=True`` to refuse unknown elements.
    """

    def __init__(self, *, strict: bool = False) -> None:
        super().__init__()
        self.strict = strict
        self.register_structure_hook_factory(is_contract, self._structure_factory)

    def _structure_factory(self, tp: Any) -> Callable[[Any, Any], Any]:
        def structure(element: Any, _: Any) -> Any:
            if not isinstance(element, etree._Element):
                element = parse_xml(as_document(element, "xml_converter.structure"))
            else:
                element = _without_comments(element)
            ctx = ReadContext(self.strict)
            result = read_root(element, tp, ctx)
            if ctx.problems or result is FAILED:
                raise XmlPayloadError(ctx.problems)
            return result

        return structure

    def __reduce__(self) -> str | tuple[Any, ...]:
        if self is xml_converter:
            return "xml_converter"
        return (_xml_converter, (self.strict,))


def _without_comments(element: etree._Element) -> etree._Element:
    """``element``, or a copy of it without its comments and processing instructions when it
    has some (lxml's default parser keeps them): DataContractSerializer skips them, and
    :func:`~netcontract.from_xml`'s parser drops them, joining the text around them."""
    if next(element.iter(etree.Comment, etree.ProcessingInstruction), None) is None:
        return element
    stripped = copy.deepcopy(element)  # (the caller's tree is left as it is)
    etree.strip_tags(stripped, etree.Comment, etree.ProcessingInstruction)
    return stripped


def _json_converter(settings: JsonSettings | None) -> JsonConverter:
    return JsonConverter(settings=settings)


def _xml_converter(strict: bool) -> XmlConverter:
    return XmlConverter(strict=strict)


def _reduce_plan(plan: ContractInfo) -> tuple[Any, ...]:
    # a plan holds generated functions and caches: it pickles as the contract it is the plan
    # of, and unpickles as that contract's plan in the receiving process
    return (contract_info, (plan.tp if plan.tp is not None else plan.cls,))


copyreg.pickle(ContractInfo, _reduce_plan)

json_converter = JsonConverter()
xml_converter = XmlConverter()
