"""ASP.NET Web API's wire formats: media types and content negotiation (:mod:`.media`), form
bodies (:mod:`.forms`) and help-page samples (:mod:`.help_page`).

The public names are exported here and from the package root.
"""

from __future__ import annotations

from netcontract.webapi.forms import FORM_MEDIA_TYPE, MAX_FORM_KEYS, FormStyle, from_form, to_form
from netcontract.webapi.help_page import HELP_PAGE_NOW, help_page_sample
from netcontract.webapi.media import (
    JSON_MEDIA_TYPES,
    REQUEST_MEDIA_TYPES,
    XML_MEDIA_TYPES,
    MediaType,
    Negotiated,
    WireFormat,
    decode_body,
    encode_body,
    negotiate,
    parse_accept,
)

__all__ = [
    "FORM_MEDIA_TYPE",
    "HELP_PAGE_NOW",
    "JSON_MEDIA_TYPES",
    "MAX_FORM_KEYS",
    "REQUEST_MEDIA_TYPES",
    "XML_MEDIA_TYPES",
    "FormStyle",
    "MediaType",
    "Negotiated",
    "WireFormat",
    "decode_body",
    "encode_body",
    "from_form",
    "help_page_sample",
    "negotiate",
    "parse_accept",
    "to_form",
]
