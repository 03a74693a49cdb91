"""Streaming reads and writes of collection documents (README, "Large documents and batches")."""

from netcontract.stream.json import JsonListWriter, iter_json, write_json_items
from netcontract.stream.xml import XmlListWriter, iter_xml, write_xml_items

__all__ = [
    "JsonListWriter",
    "XmlListWriter",
    "iter_json",
    "iter_xml",
    "write_json_items",
    "write_xml_items",
]
