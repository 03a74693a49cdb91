"""The public surface: every exported name exists, is documented, and every public error is in
the one error tree (``netcontract.errors``, its docstring and the README)."""

from __future__ import annotations

import inspect
import pickle
import re
from pathlib import Path

import pytest

import netcontract as nc
from netcontract import errors

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
ERROR_TREE = README[README.index("## Errors") : README.index("## Hostile input and limits")]


@pytest.mark.parametrize("name", nc.__all__)
def test_every_exported_name_exists_and_is_documented(name: str) -> None:
    assert hasattr(nc, name)
    assert re.search(rf"\b{re.escape(name)}\b", README), f"{name} is not in README.md"


def _public_errors() -> list[type[BaseException]]:
    return [
        obj
        for name in dir(nc)
        if inspect.isclass(obj := getattr(nc, name)) and issubclass(obj, nc.NetContractError)
    ]


def test_the_error_tree_is_one_module() -> None:
    found = _public_errors()
    assert len(found) == len(errors.__all__) - 1  # all but Problem
    for error in found:
        assert error.__module__ in ("netcontract", "netcontract.errors"), error
        assert getattr(errors, error.__name__) is error
        assert error.__name__ in errors.__all__
        # drawn in the module docstring and in the README's tree
        assert re.search(rf"\b{error.__name__}\b", errors.__doc__ or ""), error
        assert re.search(rf"(^|[├└]── ){error.__name__}\b", ERROR_TREE, re.M), error


def test_every_error_in_the_errors_module_is_exported() -> None:
    for name in errors.__all__:
        assert getattr(nc, name) is getattr(errors, name)


@pytest.mark.parametrize(
    "error",
    [
        nc.PayloadError([nc.Problem("Vehicles[0].Tolerance", "too big")]),
        nc.QuotaExceededError([nc.Problem("", "quota max_depth exceeded")], quota="max_depth"),
        nc.XmlSyntaxError("the document is empty", 1, 2),
        nc.JsonSyntaxError("duplicate member name 'Name'"),
        nc.UnsupportedMediaTypeError("text/plain", "media type 'text/plain' is not supported"),
        nc.ApiError("POST / answered 500", status_code=500, body="boom"),
        nc.SerializationError([nc.Problem("Name", "U+0000 cannot be written")]),
    ],
)
def test_errors_pickle_with_their_details(error: nc.NetContractError) -> None:
    # process pools ship errors back to the parent: nothing may be lost on the way
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert vars(copy) == vars(error) | ({"response": None} if "response" in vars(error) else {})


def test_syntax_errors_are_payload_errors_with_a_problem() -> None:
    with pytest.raises(nc.JsonSyntaxError) as json_error:
        nc.from_json(b'{"Name": }', nc.AnyObject)
    assert isinstance(json_error.value, nc.JsonPayloadError)
    assert json_error.value.problems[0].path == ""
    with pytest.raises(nc.XmlSyntaxError) as xml_error:
        nc.from_xml(b"<a><b></a>")
    assert isinstance(xml_error.value, nc.XmlPayloadError)
    assert xml_error.value.problems[0].line == 1
