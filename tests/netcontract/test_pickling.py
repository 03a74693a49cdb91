"""Contracts, settings, limits, converters, plans and errors pickle (issue 18: any executor,
a process pool or Dask, can ship them)."""

from __future__ import annotations

import pickle

import pytest

import netcontract as nc
import netcontract.errors as errors
from netcontract.converters import JsonConverter, XmlConverter
from netcontract.model.plan import contract_info
from vehizen import CustomerGroupDto, ResponseDto

SETTINGS = nc.JsonSettings(contract_resolver="CamelCase", string_enum_converter=True)


def roundtrip(value):
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_contract_objects_pickle_to_equal_objects_with_the_same_bytes():
    for obj in (
        nc.help_page_sample(CustomerGroupDto),
        nc.help_page_sample(ResponseDto[CustomerGroupDto]),
    ):
        back = roundtrip(obj)
        assert back == obj
        assert nc.to_xml(back) == nc.to_xml(obj)
        assert nc.to_json(back) == nc.to_json(obj)


def test_contract_classes_and_parametrizations_pickle_by_reference():
    assert roundtrip(CustomerGroupDto) is CustomerGroupDto
    assert roundtrip(ResponseDto[CustomerGroupDto]) == ResponseDto[CustomerGroupDto]


def test_settings_and_limits_pickle():
    assert roundtrip(SETTINGS) == SETTINGS
    limits = nc.Limits(max_depth=3, max_bytes=1000)
    assert roundtrip(limits) == limits


def test_the_module_converters_unpickle_as_themselves():
    assert roundtrip(nc.json_converter) is nc.json_converter
    assert roundtrip(nc.xml_converter) is nc.xml_converter


def test_a_converter_with_settings_pickles_and_still_converts():
    converter = JsonConverter(settings=SETTINGS)
    group = nc.help_page_sample(CustomerGroupDto)
    expected = converter.unstructure(group)  # hooks built before pickling: not carried
    back = roundtrip(converter)
    assert isinstance(back, JsonConverter)
    assert back.settings == SETTINGS
    assert back.unstructure(group) == expected
    assert back.structure(expected, CustomerGroupDto) == group
    strict = roundtrip(XmlConverter(strict=True))
    assert strict.strict is True
    with pytest.raises(nc.XmlPayloadError, match="Unknown"):
        strict.structure(
            b'<CustomerGroupDto xmlns="http://schemas.datacontract.org/2004/07/'
            b'Vehizen.Domain.Dto.CustomerGroup"><Unknown/></CustomerGroupDto>',
            CustomerGroupDto,
        )


def test_a_plan_with_its_generated_code_pickles_as_its_contract_plan():
    group = nc.help_page_sample(CustomerGroupDto)
    nc.from_xml(nc.to_xml(group))  # builds the generated readers and writers into the plan
    nc.from_json(nc.to_json(group), CustomerGroupDto)
    plan = contract_info(CustomerGroupDto)
    assert roundtrip(plan) is plan
    generic = contract_info(ResponseDto[CustomerGroupDto])
    assert roundtrip(generic) is generic


def _problem():
    return errors.Problem("Vehicles[3].Tolerance", "'x' is not a valid Int32", 7, 9)


@pytest.mark.parametrize(
    "error",
    [
        errors.NetContractError("plain"),
        errors.ContractDefinitionError("bad class"),
        errors.InputTypeError("not bytes"),
        errors.PayloadError([_problem()]),
        errors.XmlPayloadError([_problem()]),
        errors.XmlSyntaxError("not well-formed", 3, 4),
        errors.JsonPayloadError([_problem()]),
        errors.JsonSyntaxError("bad JSON"),
        errors.FormPayloadError([_problem()]),
        errors.FormSyntaxError([_problem()]),
        errors.UnreadableBodyError([_problem()]),
        errors.QuotaExceededError([_problem()], quota="max_depth"),
        errors.UnsupportedMediaTypeError("text/csv", "no formatter reads text/csv"),
        errors.SerializationError([_problem()]),
        errors.SchemaError([_problem()]),
        errors.ApiError("404", status_code=404, body="missing", response=object()),
    ],
    ids=lambda e: type(e).__name__,
)
def test_every_error_class_pickles_with_its_paths_and_fields(error):
    back = roundtrip(error)
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert back.args == error.args
    expected = dict(vars(error))
    if isinstance(error, errors.ApiError):
        expected["response"] = None  # the HTTP client's response is not pickled
    assert vars(back) == expected
    if hasattr(error, "problems"):
        assert back.problems[0].path == error.problems[0].path


def test_a_real_refusal_pickles_with_its_member_paths():
    with pytest.raises(nc.JsonPayloadError) as caught:
        nc.from_json(b'{"Vehicles":[{"Tolerance":"x"}]}', CustomerGroupDto)
    back = roundtrip(caught.value)
    assert [p.path for p in back.problems] == ["Vehicles[0].Tolerance"]
    assert str(back) == str(caught.value)
