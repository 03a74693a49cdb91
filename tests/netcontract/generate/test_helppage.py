"""``netcontract generate`` from ASP.NET Web API help pages (issue 16, item 4).

The text form is the Vehizen page as a browser copies it (``docs/vehizen-help-page.txt``, the
seed). The HTML form is built here with the structure of the Microsoft.AspNet.WebApi.HelpPage
package's Razor templates (``Api.cshtml`` around ``HelpPageApiModel.cshtml``,
``Parameters.cshtml``, ``ModelDescriptionLink.cshtml``, ``Samples.cshtml``, ``TextSample.cshtml``;
``ResourceModel.cshtml`` with ``EnumTypeModelDescription.cshtml`` for model pages), with the
seed's rows and its samples (``fixtures/``, copied verbatim from the page).
"""

from __future__ import annotations

import html
import io
import json
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

import netcontract as nc
import vehizen
from netcontract.cli import main
from netcontract.generate import Action, generate_module, pages

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "docs" / "vehizen-help-page.txt"
FIXTURES = ROOT / "fixtures"
NAMES = {"VehicleLightDtoBase": "VehicleBaseDto"}

# ----------------------------------------------------------------------------- the HTML form


def _link(name: str) -> str:
    # ModelDescriptionLink.cshtml: Html.ActionLink(name, "ResourceModel", "Help", {modelName})
    return f'<a href="/Help/ResourceModel?modelName={name}">{name}</a>'


def _table(rows: list[tuple[str, str, str, list[str]]]) -> str:
    """Parameters.cshtml (the version with a Type column)."""
    out = [
        '<table class="help-page-table">',
        "    <thead>",
        "        <tr><th>Name</th><th>Description</th><th>Type</th>"
        "<th>Additional information</th></tr>",
        "    </thead>",
        "    <tbody>",
    ]
    for name, doc, type_html, notes in rows:
        annotations = "".join(f"<p>{html.escape(n)}</p>" for n in notes) or "<p>None.</p>"
        out += [
            "        <tr>",
            f'            <td class="parameter-name">{html.escape(name)}</td>',
            f'            <td class="parameter-documentation">\n'
            f"                <p>{html.escape(doc)}</p>\n            </td>",
            f'            <td class="parameter-type">\n                {type_html}\n'
            "            </td>",
            f'            <td class="parameter-annotations">\n                {annotations}\n'
            "            </td>",
            "        </tr>",
        ]
    return "\n".join([*out, "    </tbody>", "</table>"])


def _samples(samples: list[tuple[str, str | None]], css: str, *, tabs: bool = False) -> str:
    """Samples.cshtml and TextSample.cshtml (the package's; ``tabs``: an earlier template)."""

    def body(text: str | None) -> str:
        if text is None:
            return "<p>Sample not available.</p>"
        return f'<pre class="wrapped">{html.escape(text, quote=False)}</pre>'

    if tabs:
        heads = "".join(
            f'<li><a href="#{css}_{i}">{m}</a></li>' for i, (m, _) in enumerate(samples)
        )
        panes = [
            f'<div id="{css}_{i}">\n<h3>Sample:</h3>\n{body(t)}\n</div>'
            for i, (_, t) in enumerate(samples)
        ]
        return f'<div class="mediaTypeTabs">\n<ul>{heads}</ul>\n' + "\n".join(panes) + "\n</div>"
    out = ["<div>"]
    for media, text in samples:
        out += [
            f'    <h4 class="sample-header">{media}</h4>',
            '    <div class="sample-content">',
            "        <span><b>Sample:</b></span>",
            f"        {body(text)}",
            "    </div>",
        ]
    return "\n".join([*out, "</div>"])


def _page(content: str, title: str) -> str:
    """_Layout.cshtml and Api.cshtml / ResourceModel.cshtml around a page's content."""
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f'<meta charset="utf-8" />\n<title>{html.escape(title)}</title>\n</head>\n<body>\n'
        '<div id="body" class="help-page">\n    <section class="featured">\n'
        '        <div class="content-wrapper">\n'
        '            <p><a href="/Help">Help Page Home</a></p>\n        </div>\n    </section>\n'
        '    <section class="content-wrapper main-content clear-fix">\n'
        f"{content}\n    </section>\n</div>\n</body>\n</html>\n"
    )


def api_page(
    title: str,
    doc: str,
    request: tuple[str, list[Any], list[tuple[str, str | None]]] | None,
    response: tuple[str, list[Any], list[tuple[str, str | None]]] | None,
    *,
    tabs: bool = False,
) -> str:
    """HelpPageApiModel.cshtml for one action."""

    def section(part: tuple[str, list[Any], list[tuple[str, str | None]]] | None) -> str:
        if part is None:
            return "<p>None.</p>"
        type_html, rows, _ = part
        return f"<p></p>\n{type_html}\n{_table(rows) if rows else ''}"

    out = [
        f"<h1>{html.escape(title)}</h1>",
        "<div>",
        f"    <p>{html.escape(doc)}</p>",
        "    <h2>Request Information</h2>",
        "    <h3>URI Parameters</h3>",
        "    <p>None.</p>",
        "    <h3>Body Parameters</h3>",
        section(request),
    ]
    if request is not None and request[2]:
        out += ["<h3>Request Formats</h3>", _samples(request[2], "request", tabs=tabs)]
    out += ["    <h2>Response Information</h2>", "    <h3>Resource Description</h3>"]
    out.append(section(response))
    if response is not None and response[2]:
        out += ["<h3>Response Formats</h3>", _samples(response[2], "response", tabs=tabs)]
    out.append("</div>")
    return _page("\n".join(out), title)


def enum_page(name: str, doc: str, values: list[tuple[str, int, str]]) -> str:
    """ResourceModel.cshtml with EnumTypeModelDescription.cshtml."""
    items = "".join(f"<li>\n{n}: {v}\n<p>{html.escape(d)}</p>\n</li>" for n, v, d in values)
    content = (
        f"<h1>{name}</h1>\n<p>{html.escape(doc)}</p>\n"
        '<section class="content-wrapper main-content clear-fix">\n'
        f"<div>\n<p>{html.escape(doc)}</p>\n<p>Possible enumeration values:</p>\n"
        f"<ul>{items}</ul>\n</div>\n</section>"
    )
    return _page(content, name)


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


GUID = "globally unique identifier"
SEED_REQUEST = (
    _link("CustomerGroupDto"),
    [
        ("Id", "identifiant ( null = create )", GUID, []),
        ("CustomerId", "client id", GUID, []),
        ("Name", "nom", "string", []),
        ("ProfilEcoDriveId", "Identifiant du profi éco-conduite", GUID, []),
        ("Vehicles", "List de vehicle", f"Collection of {_link('VehicleLightDto')}", []),
    ],
    [
        ("application/json, text/json", _fixture("customer_group.json")),
        ("application/xml, text/xml", _fixture("customer_group.xml")),
        ("application/x-www-form-urlencoded", None),
    ],
)
SEED_RESPONSE = (
    _link("ResponseDto"),
    [
        ("IsValid", "Valdie ?", "boolean", []),
        ("Errors", "liste d'erreurs", "Collection of string", []),
        ("Data", "Objet à retourner", "Object", []),
    ],
    [
        ("application/json, text/json", _fixture("response.json")),
        ("application/xml, text/xml", _fixture("response.xml")),
    ],
)


@pytest.fixture
def seed_html(tmp_path: Path) -> Path:
    path = tmp_path / "api-v2-customergroup.html"
    page = api_page(
        "POST api/v2/CustomerGroup", "création d'un groupe", SEED_REQUEST, SEED_RESPONSE
    )
    path.write_text(page, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- the seed


def test_the_seed_page_gives_contracts_that_export_the_vehizen_schemas(load_generated):
    module = load_generated(nc.generate(SEED, names=NAMES))
    ours = nc.export_schemas(module.CustomerGroupDto, module.ResponseDto)
    assert ours == nc.export_schemas(vehizen.CustomerGroupDto, vehizen.ResponseDto)


SAMPLES = [("customer_group", "CustomerGroupDto"), ("response", "ResponseDto")]


@pytest.mark.parametrize(("base", "name"), SAMPLES)
@pytest.mark.parametrize("source", ["json", "xml"])
@pytest.mark.parametrize("target", ["json", "xml"])
def test_the_seed_page_contracts_rewrite_the_page_samples_byte_for_byte(
    load_generated, base, name, source, target
):
    module = load_generated(nc.generate(SEED, names=NAMES))
    cls = getattr(module, name)
    data = (FIXTURES / f"{base}.{source}").read_bytes()
    obj = nc.from_json(data, cls) if source == "json" else nc.from_xml(data, cls)
    written = nc.to_json(obj, indent=True) if target == "json" else nc.to_xml(obj, indent=True)
    assert written == (FIXTURES / f"{base}.{target}").read_bytes()
    # the compact forms .NET writes (Mono: fixtures/*.compact.*, see fixtures/README.md)
    compact = nc.to_json(obj) if target == "json" else nc.to_xml(obj)
    assert compact == (FIXTURES / f"{base}.compact.{target}").read_bytes()


def test_the_seed_page_contracts_read_as_the_vehizen_models(load_generated):
    module = load_generated(nc.generate(SEED, names=NAMES))
    data = (FIXTURES / "customer_group.json").read_bytes()
    ours = nc.from_json(data, module.CustomerGroupDto)
    theirs = nc.from_json(data, vehizen.CustomerGroupDto)
    assert nc.to_xml(ours) == nc.to_xml(theirs)
    # a computed member follows its parts, as the hand-made _full_name does
    vehicle = module.VehicleLightDto(name="A", licence_plate=None)
    reference = vehizen.VehicleLightDto(name="A", licence_plate=None)
    assert vehicle.full_name == reference.full_name == "A ()"


def _guids_renumbered(text: str) -> Any:
    seen: dict[str, str] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str) and len(value) == 36 and value.count("-") == 4:
            return seen.setdefault(value, f"guid-{len(seen)}")
        return value

    return walk(json.loads(text))


@pytest.mark.parametrize(("base", "name"), SAMPLES)
def test_the_generated_contracts_make_the_page_sample_again(load_generated, base, name):
    # ObjectGenerator's rules (nc.help_page_sample) on the generated classes: the nullability
    # the generator chose reproduces every counter value the page shows
    module = load_generated(nc.generate(SEED, names=NAMES))
    sample = nc.help_page_sample(getattr(module, name))
    expected = (FIXTURES / f"{base}.json").read_text(encoding="utf-8")
    assert _guids_renumbered(nc.to_json(sample, indent=True).decode()) == _guids_renumbered(
        expected
    )


def test_html_and_text_forms_give_the_same_module(seed_html):
    from_text = generate_module(SEED, names=NAMES)
    from_html = generate_module(seed_html, names=NAMES)
    # the same code after the header; the header differs by the file name only
    assert from_html.code.split('"""', 2)[2] == from_text.code.split('"""', 2)[2]
    reports = [str(r).replace(seed_html.name, SEED.name) for r in from_html.reports]
    assert reports == [str(r) for r in from_text.reports]


def test_the_earlier_templates_tabs_are_read_too(tmp_path, seed_html):
    tabs = tmp_path / "tabs" / seed_html.name
    tabs.parent.mkdir()
    page = api_page(
        "POST api/v2/CustomerGroup", "création d'un groupe", SEED_REQUEST, SEED_RESPONSE, tabs=True
    )
    tabs.write_text(page, encoding="utf-8")
    assert nc.generate(tabs, names=NAMES) == nc.generate(seed_html, names=NAMES)


def test_a_folder_of_pages_is_read(tmp_path, seed_html):
    folder = seed_html.parent
    assert nc.generate(folder, names=NAMES) == nc.generate(seed_html, names=NAMES)


def test_generated_module_passes_ruff_and_mypy_strict(tmp_path):
    tools = [Path(sys.executable).parent / t for t in ("ruff", "mypy")]
    if not all(t.exists() for t in tools):
        pytest.skip("ruff or mypy is not installed (pip install -e '.[dev]')")
    ruff, mypy = tools
    out = tmp_path / "out"
    out.mkdir()
    (out / "vehizen_page.py").write_text(nc.generate(SEED), encoding="utf-8")
    (out / "vehizen_named.py").write_text(nc.generate(SEED, names=NAMES), encoding="utf-8")
    config = str(ROOT / "pyproject.toml")
    for cmd in (
        [ruff, "check", "--config", config, "."],
        [ruff, "format", "--check", "--config", config, "."],
        [mypy, "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), "."],
    ):
        done = subprocess.run(cmd, cwd=out, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{cmd[0]} {cmd[1]}: {done.stdout}{done.stderr}"


# ----------------------------------------------------------------------------- what the page tells


def _members(module: Any, cls: str) -> dict[str, str]:
    hints = typing.get_type_hints(getattr(module, cls), vars(module))
    return {k: "None" if type(None) in typing.get_args(v) else str(v) for k, v in hints.items()}


def test_nullability_follows_the_sample_counter(load_generated):
    module = load_generated(nc.generate(SEED, names=NAMES))
    light = _members(module, "VehicleLightDto")
    # proven by the counter (docs/vehizen.md §3): 1 where the counter is past 1 is nullable
    assert "None" in light["km_end_of_lease"]
    assert "None" in light["fuel_type_id"]
    assert "None" not in light["tolerance"]  # shows 8: the counter
    assert "None" in light["mobile_unit_id"]  # MobileUnitName is 9 right after Tolerance 8
    assert "None" not in _members(module, "ExternalInterfaceHeaderDto")["id"]
    # undecided: one of Id, CustomerId advanced the counter; "null" in Id's description
    group = _members(module, "CustomerGroupDto")
    assert "None" in group["id"]
    assert "None" not in group["customer_id"]


def test_what_the_page_cannot_tell_is_reported_and_marked():
    generated = generate_module(SEED)
    text = "\n".join(str(r) for r in generated.reports)
    assert "'VehicleLightDtoBase' is the base class of 'VehicleLightDto'" in text
    assert "enum 'CameraType': named after its member" in text
    assert "VehicleLightDtoBase.FullName: computed as Name + ' (' + LicencePlate + ')'" in text
    assert "VehicleLightDtoBase.Utility: its rule is unknown" in text
    assert "the samples fit either choice for ExternalInterfaceId (nullable)" in text
    assert all(r.action is Action.INFERRED for r in generated.reports)
    code = generated.code
    assert "# netcontract: a base class the samples show; its name is not on the page" in code
    assert "# netcontract: read-only on the server; computed as the sample value suggests" in code
    assert code.count("# netcontract: the page does not tell its nullability") == 18
    # each report is listed in the header, and --strict refuses them
    assert f"Not told by the page ({len(generated.reports)}):" in code
    with pytest.raises(nc.SchemaError):
        nc.generate(SEED, strict=True)


def test_a_name_the_pages_do_not_leave_open_is_refused():
    with pytest.raises(nc.SchemaError, match="'Nope' is no name the pages leave open"):
        nc.generate(SEED, names={"Nope": "X"})


def test_an_enum_model_page_gives_all_its_values(tmp_path, seed_html, load_generated):
    values = [("WITHOUT_CAMERA", 0, "no camera"), ("DASHCAM", 1, ""), ("DUAL", 4, "two")]
    (tmp_path / "camera.html").write_text(enum_page("CameraType", "", values), encoding="utf-8")
    generated = generate_module(tmp_path, names=NAMES)
    module = load_generated(generated.code)
    assert [(m.name, m.value) for m in module.CameraType] == [(n, v) for n, v, _ in values]
    assert "#: no camera" in generated.code
    camera = [str(r) for r in generated.reports if "CameraType" in str(r)]
    assert camera == [
        "api-v2-customergroup.html, VehicleLightDto.CameraType: enum 'CameraType' is named "
        "after its member, in its member's namespace (the page shows neither) "
        "(inferred: check it against the server)"
    ]


def test_an_enum_model_page_copied_as_text_gives_the_same_values(tmp_path, seed_html):
    values = [("WITHOUT_CAMERA", 0, "no camera"), ("DASHCAM", 1, ""), ("DUAL", 4, "two")]
    (tmp_path / "camera.html").write_text(enum_page("CameraType", "", values), encoding="utf-8")
    from_html = nc.generate(tmp_path, names=NAMES)
    # what a browser copies from that page
    (tmp_path / "camera.html").unlink()
    text = "Help Page Home\n\nCameraType\n\nPossible enumeration values:\n\n"
    text += "WITHOUT_CAMERA: 0\n\nno camera\n\nDASHCAM: 1\n\nDUAL: 4\n\ntwo\n"
    (tmp_path / "camera.txt").write_text(text, encoding="utf-8")
    from_text = nc.generate(tmp_path, names=NAMES)
    assert from_text.split('"""', 2)[2] == from_html.split('"""', 2)[2]
    assert "    DUAL = 4" in from_text


def _one_type_page(tmp_path: Path, rows: list[Any], json_text: str, xml_text: str) -> Path:
    page = api_page(
        "GET api/thing",
        "",
        None,
        (
            _link("Thing"),
            rows,
            [("application/json", json_text), ("application/xml", xml_text)],
        ),
    )
    path = tmp_path / "thing.html"
    path.write_text(page, encoding="utf-8")
    return path


NS = "http://schemas.datacontract.org/2004/07/Shop"
BASE_NS = "http://schemas.datacontract.org/2004/07/Shop.Common"


def test_a_base_class_in_another_namespace_is_found_by_its_elements(tmp_path, load_generated):
    # DataContractSerializer writes base members first, in the base's namespace (prefixed)
    xml_text = (
        f'<Thing xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">\n'
        f'  <Zeta xmlns="{BASE_NS}">sample string 2</Zeta>\n'
        "  <Alpha>sample string 1</Alpha>\n"
        "</Thing>"
    )
    json_text = '{\n  "Alpha": "sample string 1",\n  "Zeta": "sample string 2"\n}'
    path = _one_type_page(tmp_path, [], json_text, xml_text)
    module = load_generated(nc.generate(path, names={"ThingBase": "Entity"}))
    assert module.Thing.__mro__[1] is module.Entity
    assert nc.export_schemas(module.Thing)  # a well-formed pair of contracts
    assert module.Entity.__netcontract__.xml_namespace == BASE_NS
    thing = module.Thing(alpha="sample string 1", zeta="sample string 2")
    assert nc.to_xml(thing, indent=True).decode() == xml_text
    assert nc.to_json(thing, indent=True).decode() == json_text


def test_required_and_model_types_come_from_the_table(tmp_path, load_generated):
    xml_text = (
        f'<Thing xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">\n'
        "  <Price>1</Price>\n"
        "  <When>2026-06-02T18:36:51.9290578+00:00</When>\n"
        "</Thing>"
    )
    json_text = '{\n  "Price": 1,\n  "When": "2026-06-02T18:36:51.9290578+00:00"\n}'
    rows = [
        ("Price", "", "decimal number", ["Required"]),
        ("When", "", "date", []),
    ]
    module = load_generated(nc.generate(_one_type_page(tmp_path, rows, json_text, xml_text)))
    hints = _members(module, "Thing")
    assert hints["price"] == "<class 'decimal.Decimal'>"  # ObjectGenerator shows a Decimal as N
    with pytest.raises(nc.XmlPayloadError):
        nc.from_xml(f'<Thing xmlns="{NS}"/>'.encode(), module.Thing)


def test_a_sample_with_a_doctype_is_reported_not_read(tmp_path):
    xml_text = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Thing>&e;</Thing>'
    path = _one_type_page(tmp_path, [], '{"A": 1}', xml_text)
    generated = generate_module(path)
    assert [r.feature for r in generated.reports] == ["page_no_sample"]
    assert "passwd" not in generated.code.split('"""', 2)[2]


def test_a_json_sample_nested_too_deeply_is_reported(tmp_path):
    path = _one_type_page(tmp_path, [], "[" * 100_000 + "]" * 100_000, f'<Thing xmlns="{NS}"/>')
    assert [r.feature for r in generate_module(path).reports] == ["page_no_sample"]


def test_samples_nesting_more_objects_than_the_limit_are_refused(tmp_path):
    depth = 70
    xml_text = f'<Thing xmlns="{NS}">' + "<A><B>1</B>" * depth + "</A>" * depth + "</Thing>"
    json_text = '{"A": ' * depth + '{"B": 1}' + "}" * depth
    path = _one_type_page(tmp_path, [], json_text, xml_text)
    with pytest.raises(nc.SchemaError, match="nests more than 64 objects"):
        nc.generate(path)


def test_a_page_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "MAX_PAGE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("POST api/x\n" + "x" * 2000)
    with pytest.raises(nc.SchemaError, match="larger than"):
        nc.generate(path)


def test_a_date_time_offset_member_is_declared_from_its_xml_sample(tmp_path, load_generated):
    # Web API's help page shows a DateTimeOffset as a "date", like a DateTime; its XML sample
    # (DataContractSerializer) is System's DateTimeOffset type: DateTime and OffsetMinutes
    xml_text = (
        f'<Thing xmlns="{NS}">\n  <At xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">'
        "<d2p1:DateTime>2026-06-02T18:36:51.9290578Z</d2p1:DateTime>"
        "<d2p1:OffsetMinutes>60</d2p1:OffsetMinutes></At>\n  <Name>sample string 2</Name>\n"
        "</Thing>"
    )
    json_text = '{"At": "2026-06-02T19:36:51.9290578+01:00", "Name": "sample string 2"}'
    rows = [("At", "", "date", ""), ("Name", "", "string", "")]
    generated = generate_module(_one_type_page(tmp_path, rows, json_text, xml_text))
    assert not generated.reports
    module = load_generated(generated.code)
    assert [f.name for f in attrs.fields(module.Thing)] == ["at", "name"]
    assert _members(module, "Thing")["at"] == str(nc.DateTimeOffset)
    # the generated class reads the page's own samples, in both formats, to one value
    from_xml = nc.from_xml(xml_text.encode(), module.Thing)
    assert from_xml == nc.from_json(json_text.encode(), module.Thing)
    assert from_xml.at.offset_minutes == 60


def test_a_list_of_date_time_offsets_is_declared_from_its_xml_sample(tmp_path, load_generated):
    # Mono's DataContractSerializer writes List<DateTimeOffset> items in System's namespace
    xml_text = (
        f'<Thing xmlns="{NS}">\n  <Ats xmlns:d2p1="http://schemas.datacontract.org/2004/07/System">'
        "<d2p1:DateTimeOffset><d2p1:DateTime>2026-06-02T17:36:51Z</d2p1:DateTime>"
        "<d2p1:OffsetMinutes>60</d2p1:OffsetMinutes></d2p1:DateTimeOffset></Ats>\n</Thing>"
    )
    json_text = '{"Ats": ["2026-06-02T18:36:51+01:00"]}'
    rows = [("Ats", "", "Collection of date", "")]
    generated = generate_module(_one_type_page(tmp_path, rows, json_text, xml_text))
    assert not generated.reports
    module = load_generated(generated.code)
    hint = typing.get_type_hints(module.Thing, vars(module))["ats"]
    assert hint == list[nc.DateTimeOffset] | None
    value = nc.from_xml(xml_text.encode(), module.Thing)
    assert value == nc.from_json(json_text.encode(), module.Thing)
    assert (
        nc.to_xml(value)
        == xml_text.replace("\n  ", "")
        .replace("\n", "")
        .replace(
            f'<Thing xmlns="{NS}">',
            f'<Thing xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="{NS}">',
        )
        .encode()
    )


def test_children_named_like_a_date_time_offset_in_another_namespace_are_a_class(
    tmp_path, load_generated
):
    xml_text = (
        f'<Thing xmlns="{NS}">\n  <At><DateTime>2026-06-02T18:36:51Z</DateTime>'
        "<OffsetMinutes>60</OffsetMinutes></At>\n</Thing>"
    )
    json_text = '{"At": {"DateTime": "2026-06-02T18:36:51Z", "OffsetMinutes": 60}}'
    module = load_generated(nc.generate(_one_type_page(tmp_path, [], json_text, xml_text)))
    assert _members(module, "Thing")["at"] != str(nc.DateTimeOffset)


def test_schemas_and_pages_are_not_mixed(tmp_path):
    with pytest.raises(nc.SchemaError, match="either schemas or help pages"):
        nc.generate([SEED, ROOT / "xsd"])


def test_cli_generate_from_a_help_page_with_names(tmp_path):
    out, err = io.BytesIO(), io.StringIO()
    argv = ["generate", str(SEED), "--name", "VehicleLightDtoBase=VehicleBaseDto"]
    assert main(argv, stdout=out, stderr=err) == 0
    assert out.getvalue().decode() == nc.generate(SEED, names=NAMES)
    assert len(err.getvalue().splitlines()) == len(generate_module(SEED, names=NAMES).reports)
    bad = io.StringIO()
    assert main(["generate", str(SEED), "--name", "x"], stdout=io.BytesIO(), stderr=bad) == 2
    assert "Traceback" not in bad.getvalue()
