"""The stand-in of ``POST api/v2/CustomerGroup``: a Starlette application."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Final
from xml.sax.saxutils import escape

import attrs
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from netcontract.errors import PayloadError, Problem, QuotaExceededError
from netcontract.json.settings import JsonSettings
from netcontract.limits import DEFAULT_LIMITS, Limits
from netcontract.webapi.media import (
    UnreadableBodyError,
    UnsupportedMediaTypeError,
    decode_body,
    encode_body,
    negotiate,
)
from vehizen import CustomerGroupDto, ResponseDto

__all__ = ["AcceptedGroup", "CustomerGroupStandIn"]

#: the route of the endpoint (Web API matches it without regard to case)
PATH: Final = "/api/v2/CustomerGroup"

#: every method reaches the handler, which answers 405 itself for all but POST
_METHODS: Final = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

#: extra business rules: take the group read, return error messages (none = valid)
Validator = Callable[[CustomerGroupDto], Sequence[str]]


@attrs.frozen
class AcceptedGroup:
    """A group the stand-in accepted: the id it answered, the group read, how it came."""

    id: uuid.UUID
    group: CustomerGroupDto
    content_type: str  #: the request's Content-Type
    body: bytes  #: the request body as received


class CustomerGroupStandIn:
    """A faithful local stand-in of the Vehizen endpoint, for integration tests.

    ``POST /api/v2/CustomerGroup`` with a ``CustomerGroupDto`` in one of the help page's
    request formats (``application/json``, ``text/json``, ``application/xml``, ``text/xml``,
    ``application/x-www-form-urlencoded``; charset UTF-8 or UTF-16) answers a ``ResponseDto``
    in the format negotiated from ``Accept``/``Accept-Charset`` (as Web API 2 does, JSON by
    default):

    - accepted: 200, ``IsValid`` true, ``Errors`` empty, ``Data`` the new group's id (a
      ``Guid``: ``i:type="d2p1:guid"`` in XML); the group is kept in :attr:`accepted`;
    - refused by the contracts or by ``validator``: 200, ``IsValid`` false, ``Errors`` one
      readable message per problem (``Vehicles[0].Tolerance: …``), ``Data`` null;
    - unreadable (not well-formed, bad charset bytes, a form body none of whose keys names
      a member, over a quota of ``limits``): 400, a ``ResponseDto`` as above; a body over
      ``limits.max_bytes`` is refused from its ``Content-Length`` before it is read, or as
      soon as that many bytes have come (the body is never buffered whole first);
    - a client that goes away before its whole body has come (shorter than its
      ``Content-Length``): 400, answered quietly to no one;
    - another media type or charset: 415 with Web API's error object (``{"Message": …}`` or
      ``<Error><Message>…</Message></Error>``); another method: 405; another path: 404.

    The real server's status codes for refused payloads are not documented: these are
    choices, and ``invalid_status`` changes the first. ``id_factory`` makes the ids
    (``uuid.uuid4`` by default). ``json_settings`` makes it a server whose Json.NET is
    configured (``netcontract serve --json-settings FILE``): JSON bodies are read and
    answers written with them. The application is :attr:`app`; the object is thread-safe.
    """

    def __init__(
        self,
        *,
        validator: Validator | None = None,
        id_factory: Callable[[], uuid.UUID] = uuid.uuid4,
        invalid_status: int = 200,
        limits: Limits = DEFAULT_LIMITS,
        json_settings: JsonSettings | None = None,
    ) -> None:
        self.validator = validator
        self.json_settings = json_settings
        self.id_factory = id_factory
        self.invalid_status = invalid_status
        self.limits = limits
        self._lock = threading.Lock()
        self._accepted: list[AcceptedGroup] = []
        self.app: Final = Starlette(
            routes=[Route("/{path:path}", self._dispatch, methods=_METHODS)],
        )

    # -- what the test inspects ----------------------------------------------------------

    @property
    def accepted(self) -> list[AcceptedGroup]:
        """The accepted groups, oldest first (a copy)."""
        with self._lock:
            return list(self._accepted)

    @property
    def groups(self) -> list[CustomerGroupDto]:
        """The accepted groups' contents, oldest first."""
        return [a.group for a in self.accepted]

    def get(self, group_id: uuid.UUID) -> CustomerGroupDto | None:
        """The accepted group with this id, or None."""
        return next((a.group for a in self.accepted if a.id == group_id), None)

    def clear(self) -> None:
        """Forget every accepted group."""
        with self._lock:
            self._accepted.clear()

    # -- the endpoint ----------------------------------------------------------------------

    async def _dispatch(self, request: Request) -> Response:
        if request.url.path.rstrip("/").lower() != PATH.lower():
            return Response(status_code=404)
        if request.method != "POST":
            return Response(status_code=405, headers={"Allow": "POST"})
        body = await self._read_body(request)
        if isinstance(body, Response):
            return body
        return self.handle(body, request.headers)

    async def _read_body(self, request: Request) -> bytes | Response:
        """The body, read in chunks up to ``limits.max_bytes``; or the answer refusing it."""
        max_bytes = self.limits.max_bytes
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            return self._too_large(request, max_bytes)
        chunks: list[bytes] = []
        size = 0
        try:
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:  # stop reading: the rest is never buffered
                    return self._too_large(request, max_bytes)
                chunks.append(chunk)
        except ClientDisconnect:
            # the client left before sending all it announced: nobody reads the answer
            return Response(status_code=400)
        return b"".join(chunks)

    def _too_large(self, request: Request, max_bytes: int) -> Response:
        headers = request.headers
        problem = Problem("", f"quota max_bytes exceeded (more than {max_bytes:,} bytes)")
        refusal = self._refusal(QuotaExceededError([problem], quota="max_bytes"))
        content_type, accept = headers.get("content-type"), headers.get("accept")
        return self._answer(refusal, 400, accept, content_type, headers.get("accept-charset"))

    def handle(self, body: bytes, headers: Mapping[str, str]) -> Response:
        """Answer one request; ``headers`` maps lowercase header names to values."""
        content_type = headers.get("content-type")
        accept, accept_charset = headers.get("accept"), headers.get("accept-charset")
        try:
            group: CustomerGroupDto = decode_body(
                body,
                content_type,
                CustomerGroupDto,
                limits=self.limits,
                settings=self.json_settings,
            )
        except UnsupportedMediaTypeError as exc:
            return self._unsupported(exc, accept, accept_charset)
        except (UnreadableBodyError, QuotaExceededError) as exc:
            return self._answer(self._refusal(exc), 400, accept, content_type, accept_charset)
        except PayloadError as exc:
            response = self._refusal(exc)
            return self._answer(response, self.invalid_status, accept, content_type, accept_charset)
        errors: list[str | None] = list(self.validator(group)) if self.validator else []
        if errors:
            refused = ResponseDto[uuid.UUID](is_valid=False, errors=errors, data=None)
            return self._answer(refused, self.invalid_status, accept, content_type, accept_charset)
        new_id = self.id_factory()
        with self._lock:
            self._accepted.append(AcceptedGroup(new_id, group, content_type or "", body))
        ok = ResponseDto[uuid.UUID](is_valid=True, errors=[], data=new_id)
        return self._answer(ok, 200, accept, content_type, accept_charset)

    @staticmethod
    def _refusal(exc: PayloadError) -> ResponseDto[uuid.UUID]:
        messages: list[str | None] = [str(p) for p in exc.problems] or [str(exc)]
        return ResponseDto[uuid.UUID](is_valid=False, errors=messages, data=None)

    def _answer(
        self,
        response: ResponseDto[uuid.UUID],
        status: int,
        accept: str | None,
        content_type: str | None,
        accept_charset: str | None,
    ) -> Response:
        body, answer_type = encode_body(
            response,
            accept,
            request_content_type=content_type,
            accept_charset=accept_charset,
            settings=self.json_settings,
        )
        return Response(
            body, status_code=status, media_type=None, headers={"Content-Type": answer_type}
        )

    @staticmethod
    def _unsupported(
        exc: UnsupportedMediaTypeError, accept: str | None, accept_charset: str | None
    ) -> Response:
        # Web API's HttpError for a body no formatter reads
        shown = exc.media_type or "application/octet-stream"
        message = f"The request entity's media type '{shown}' is not supported for this resource."
        detail = str(exc)
        chosen = negotiate(accept, accept_charset=accept_charset)
        if chosen.format == "xml":
            text = (
                f"<Error><Message>{escape(message)}</Message>"
                f"<MessageDetail>{escape(detail)}</MessageDetail></Error>"
            )
        else:
            text = _json_object({"Message": message, "MessageDetail": detail})
        data = text.encode("utf-8")
        if chosen.charset == "utf-16":
            data = b"\xff\xfe" + text.encode("utf-16-le")
        return Response(data, status_code=415, headers={"Content-Type": chosen.content_type})


def _json_object(members: dict[str, str]) -> str:
    return json.dumps(members, ensure_ascii=False, separators=(",", ":"))
