"""A thin httpx client for ``POST api/v2/CustomerGroup``."""

from __future__ import annotations

import codecs
import uuid
from typing import Any, Final, Literal

import httpx

from netcontract.conversions import to_json, to_xml
from netcontract.errors import ApiError, NetContractError
from netcontract.json.settings import JsonSettings
from netcontract.webapi.forms import FORM_MEDIA_TYPE, to_form
from netcontract.webapi.media import (
    JSON_MEDIA_TYPES,
    REQUEST_MEDIA_TYPES,
    XML_MEDIA_TYPES,
    decode_body,
)
from vehizen import CustomerGroupDto, ResponseDto

__all__ = ["ApiError", "CustomerGroupClient", "RequestFormat"]

#: ``"json"``, ``"xml"``, ``"form"`` or one of the five request media types
RequestFormat = Literal[
    "json",
    "xml",
    "form",
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
]

_SHORT: Final = {"json": "application/json", "xml": "application/xml", "form": FORM_MEDIA_TYPE}
PATH: Final = "/api/v2/CustomerGroup"


def _api_error(response: httpx.Response) -> ApiError:
    """The endpoint answered something other than a ``ResponseDto`` (404, 405, 415, 5xx…)."""
    return ApiError(
        f"{response.request.method} {response.request.url} answered "
        f"{response.status_code}: {response.text[:500]}",
        status_code=response.status_code,
        body=response.text,
        response=response,
    )


class CustomerGroupClient:
    """Creates customer groups through ``POST api/v2/CustomerGroup``.

    ``CustomerGroupClient("http://127.0.0.1:8080")`` opens its own :class:`httpx.Client`;
    ``CustomerGroupClient(client=...)`` uses yours (its ``base_url`` is the API's root; an
    in-process one: ``httpx.Client(transport=ASGITransport(app), base_url="http://standin")``).
    ``json_settings``: the server's Json.NET settings (a stand-in started with
    ``--json-settings``), used for JSON bodies and answers. Use it as a context manager, or
    call :meth:`close`.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
        json_settings: JsonSettings | None = None,
    ) -> None:
        if (base_url is None) == (client is None):
            raise ValueError("give either base_url or client")
        self.json_settings = json_settings
        self._own = client is None
        self.http = (
            client if client is not None else httpx.Client(base_url=base_url or "", timeout=timeout)
        )

    def create(
        self,
        group: CustomerGroupDto,
        *,
        format: RequestFormat = "json",
        accept: str | None = None,
        charset: Literal["utf-8", "utf-16"] = "utf-8",
        lossy: bool = False,
        headers: dict[str, str] | None = None,
    ) -> ResponseDto[uuid.UUID]:
        """Send ``group`` as ``format`` and return the decoded ``ResponseDto``.

        ``accept`` is the ``Accept`` header (none by default: the server answers in the
        request's format, or JSON for a form). ``charset`` encodes JSON and XML bodies (UTF-16
        little-endian with a byte order mark); forms are always ASCII. ``lossy`` is passed to
        :func:`~netcontract.to_form`. Raises :class:`ApiError` unless the answer is a
        ``ResponseDto`` (200 or 400), and :class:`~netcontract.PayloadError` if it cannot be
        read.
        """
        body, content_type = self.body(
            group, format=format, charset=charset, lossy=lossy, json_settings=self.json_settings
        )
        sent = {"Content-Type": content_type, **(headers or {})}
        if accept is not None:
            sent["Accept"] = accept
        request = self.http.build_request("POST", PATH, content=body, headers=sent)
        if accept is None and not any(k.lower() == "accept" for k in sent):
            # httpx sends "Accept: */*" by default; .NET's HttpClient sends none, and then
            # Web API answers in the request's format
            del request.headers["accept"]
        response = self.http.send(request)
        if response.status_code not in (200, 400):
            raise _api_error(response)
        try:
            result: ResponseDto[uuid.UUID] = decode_body(
                response.content,
                response.headers.get("content-type"),
                ResponseDto[uuid.UUID],
                settings=self.json_settings,
            )
        except NetContractError:
            if response.status_code == 400:
                raise _api_error(response) from None
            raise
        return result

    @staticmethod
    def body(
        group: CustomerGroupDto,
        *,
        format: RequestFormat = "json",
        charset: Literal["utf-8", "utf-16"] = "utf-8",
        lossy: bool = False,
        json_settings: JsonSettings | None = None,
    ) -> tuple[bytes, str]:
        """The request body and ``Content-Type`` :meth:`create` sends."""
        media_type = _SHORT.get(format, format)
        if media_type not in REQUEST_MEDIA_TYPES:
            raise ValueError(f"unknown format {format!r}: use json, xml, form or a media type")
        if media_type == FORM_MEDIA_TYPE:
            return to_form(group, lossy=lossy), FORM_MEDIA_TYPE
        raw: bytes
        if media_type in JSON_MEDIA_TYPES:
            raw = to_json(group, settings=json_settings)
        else:
            assert media_type in XML_MEDIA_TYPES
            raw = to_xml(group)
        if charset == "utf-16":
            raw = codecs.BOM_UTF16_LE + raw.decode("utf-8").encode("utf-16-le")
        return raw, f"{media_type}; charset={charset}"

    def close(self) -> None:
        """Close the httpx client if this object opened it."""
        if self._own:
            self.http.close()

    def __enter__(self) -> CustomerGroupClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
