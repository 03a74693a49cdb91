"""System.Guid text: what .NET writes, what netcontract reads.

Sources: [Mono] ``new Guid(s)``, DataContractSerializer.ReadObject and Json.NET on Mono 6.8
(all three agreed on every input below); [values §6] docs/values.md, section 6;
[deliberate] refused on purpose although .NET accepts it (see parse_guid's docstring).
"""

from __future__ import annotations

import copy
import pickle
import re
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcontract.clr.guid import format_guid, parse_guid

G = "0f8fad5b-d9cb-469f-a165-70867728950e"
EXPECTED = uuid.UUID(G)


@pytest.mark.parametrize(
    "text",
    [
        G,  # D
        G.upper(),
        "0f8FAD5b-d9cb-469f-a165-70867728950e",  # mixed case
        G.replace("-", ""),  # N
        G.replace("-", "").upper(),
        "{" + G + "}",  # B
        "(" + G + ")",  # P
        "{" + G.upper() + "}",
        # [Mono] white space around (Char.IsWhiteSpace), trimmed as new Guid(s) trims it
        " " + G + " ",
        "\t" + G + "\n",
        "\u00a0" + G + "\u00a0",
        "\u2003{" + G + "}\u3000",
        "\x85 " + G.replace("-", "") + " \u2028",
        "\r\n(" + G + ")\u2029",
    ],
)
def test_parse_guid_accepts_the_four_formats(text: str) -> None:
    value = parse_guid(text)  # [Mono] all read as 0f8fad5b-d9cb-469f-a165-70867728950e
    assert value == EXPECTED
    assert type(value) is uuid.UUID
    assert value.is_safe is uuid.SafeUUID.unknown
    assert hash(value) == hash(EXPECTED)
    assert str(value) == G


@pytest.mark.parametrize(
    "text",
    [
        # [Mono] FormatException / SerializationException / JsonSerializationException
        "{" + G + ")",
        "{" + G.replace("-", "") + "}",
        "urn:uuid:" + G,
        "0f8fad5b-d9cb-469f-a16570867728950e",
        "0f8fad5bd9cb-469f-a165-70867728950e",
        "0f8fad5-bd9cb-469f-a165-70867728950e",
        G[:-1],
        G + "0",
        G[:-2] + "g0",
        G.replace("-", "_"),
        "\uff10" + G[1:],
        "",
        # [Mono] refused: no white space to .NET (NUL, U+001C, U+200B, U+FEFF), white space
        # inside the braces, white space only
        G + "\x00",
        "\x1c" + G,
        "\u200b" + G,
        "\ufeff" + G,
        "( " + G + " )",
        " ",
        # [deliberate] legacy prefixes inside a D group: .NET reads 008fad5b-... / 0f8fad5b-...
        "0x8fad5b-d9cb-469f-a165-70867728950e",
        "+f8fad5b-d9cb-469f-a165-70867728950e",
        "0f8fad5b-+9cb-469f-a165-70867728950e",
        # [deliberate] the X format with a short beyond 0xffff: Mono keeps its low 16 bits
        "{0x0f8fad5b,0x1d9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}",
        # [Mono] refused: a byte beyond 0xff, no number, U+200B (no white space to .NET)
        "{0x0f8fad5b,0xd9cb,0x469f,{0x100,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}",
        "{0x,0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}",
        "{0x0f8fad5b,\u200b0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}",
        # Python's uuid.UUID() accepts these; .NET does not
        "{" + G.replace("-", "") + "}",
        "urn:uuid:" + G.replace("-", ""),
        "0f8fad5bd9cb469fa165-70867728950e-",
        # 36 characters with the four hyphens in place plus two more: 15 bytes of hex
        "0f8fad5b-d9cb-469f-a165-70867728-50-",
        "0f8fad5b-d9cb-469f-a165-7086772895-e",
        # int(x, 16) would accept these pieces; .NET refuses these two
        "0f8fad5b-d9cb-469f-a165-7086_7728950",
        "0f8fad5b-d9cb-469f-a165- 086772895 e",
        # [deliberate] ... and reads these two (a legacy prefix in the last group; Mono:
        # tests/interop/test_stored_tables.py)
        "0f8fad5b-d9cb-469f-a165-0x0867728950",
        "0f8fad5b-d9cb-469f-a165-+70867728950",
        # bytes.fromhex would accept inner white space
        "0f8fad5b d9cb 469f a165 70867728950e"[:32],
        "-" * 32,
        "-" * 36,
    ],
)
def test_parse_guid_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="is not a valid Guid"):
        parse_guid(text)


def _hyphen_moved(position: int) -> str:
    """G with its hyphen at ``position`` swapped with the digit after it (still 36 characters
    and 32 hex digits: only the place of the hyphen is wrong)."""
    return G[:position] + G[position + 1] + "-" + G[position + 2 :]


@pytest.mark.parametrize("wrap", ["{}", "{{{}}}", "({})"])
@pytest.mark.parametrize("position", [8, 13, 18, 23])
def test_parse_guid_refuses_any_one_hyphen_out_of_place(position: int, wrap: str) -> None:
    # Mono: new Guid(s) throws FormatException for each of the four in the D, B and P formats
    # (e.g. "0f8fad5b-d9cb-469fa-165-70867728950e", "(0f8fad5b-d9cb-469f-a1657-0867728950e)").
    # Each position is checked on its own: a mutant that tested the last two only together
    # (mutmut, `... or h[18] != "-" and h[23] != "-"`) passed every other test.
    text = wrap.format(_hyphen_moved(position))
    with pytest.raises(ValueError, match="is not a valid Guid"):
        parse_guid(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # [Mono] new Guid(s), and alike in XML, Json.NET members and keys, WCF JSON members and
        # simple-dictionary keys, Web API forms (tests/interop/test_guid_interop.py)
        ("{0x0f8fad5b,0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}", G),
        ("{0X0F8FAD5B,0XD9CB,0X469F,{0XA1,0X65,0X70,0X86,0X77,0X28,0X95,0X0E}}", G),
        ("{0xf8fad5b, 0xd9cb,\u00a00x469f,\n{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0xe}}", G),
        ("{0x000000000f8fad5b,0x0000d9cb,0x469f,{0x+a1,0x0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}", G),
        ("{0x 1,0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}", "00000001" + G[8:]),
    ],
)
def test_parse_guid_reads_the_x_format(text: str, expected: str) -> None:
    assert str(parse_guid(text)) == expected


def test_parse_guid_message() -> None:
    with pytest.raises(ValueError) as info:
        parse_guid("nope")
    assert str(info.value) == (
        "'nope' is not a valid Guid: expected 32 hex digits as"
        " xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, optionally inside {} or (), or without hyphens"
    )


def test_format_guid_is_lowercase_d() -> None:
    # [values §6] Guid: D format, lowercase
    assert format_guid(uuid.UUID(G.upper())) == G
    assert format_guid(uuid.UUID(int=0)) == "00000000-0000-0000-0000-000000000000"
    assert format_guid(uuid.UUID(int=2**128 - 1)) == "ffffffff-ffff-ffff-ffff-ffffffffffff"


def test_parsed_guid_behaves_like_any_uuid() -> None:
    value = parse_guid(G)
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert value.version == EXPECTED.version
    assert value.bytes == EXPECTED.bytes
    assert {value: 1}[EXPECTED] == 1
    assert repr(value) == repr(EXPECTED)
    assert value < uuid.UUID(int=EXPECTED.int + 1)


def _recase(text: str, mask: int) -> str:
    return "".join(c.upper() if (mask >> i) & 1 else c for i, c in enumerate(text))


@given(st.integers(0, 2**128 - 1), st.integers(0, 2**36 - 1), st.sampled_from("DNBP"))
def test_round_trip_in_every_format_and_case(number: int, mask: int, fmt: str) -> None:
    value = uuid.UUID(int=number)
    d = format_guid(value)
    assert d == str(value)
    text = {"D": d, "N": d.replace("-", ""), "B": "{" + d + "}", "P": "(" + d + ")"}[fmt]
    parsed = parse_guid(_recase(text, mask))
    assert parsed == value
    assert parsed.int == number
    assert format_guid(parsed) == d


@given(st.text(alphabet="0123456789abcdefABCDEF-{}() x+_", min_size=30, max_size=40))
def test_parse_guid_agrees_with_a_strict_reference(text: str) -> None:
    """Anything accepted is one of the four shapes; everything of those shapes is accepted."""
    hex8, hex4, hex12 = "[0-9a-fA-F]{8}", "[0-9a-fA-F]{4}", "[0-9a-fA-F]{12}"
    d = f"{hex8}-{hex4}-{hex4}-{hex4}-{hex12}"
    shape = re.compile(rf"{d}|[0-9a-fA-F]{{32}}|\{{{d}\}}|\({d}\)")
    try:
        value = parse_guid(text)
    except ValueError:
        assert not shape.fullmatch(text)
    else:
        assert shape.fullmatch(text)
        assert value.int == int(re.sub("[^0-9a-fA-F]", "", text), 16)


# [Mono] new Guid(s) (Mono 6.8, 2026-12-08): each X-format number up to its field's size is
# read; one past it is refused (Overflow or Format exception), except the two shorts, whose low
# 16 bits Mono keeps silently ({0x1,0x2,0x10003,...} reads as 00000001-0002-0003-...):
# [deliberate] refused
X_TOP = "{0xffffffff,0xffff,0xffff,{0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff}}"
X_BYTES = "{0x1,0x2,0x3,{0x4,0x5,0x6,0x7,0x8,0x9,0xa,0xb}}"


def test_x_format_fields_up_to_their_size() -> None:
    assert str(parse_guid(X_TOP)) == "ffffffff-ffff-ffff-ffff-ffffffffffff"
    # [Mono] the eight bytes in order, after the three numbers
    assert str(parse_guid(X_BYTES)) == "00000001-0002-0003-0405-060708090a0b"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            X_TOP.replace("0xffffffff", "0x100000000"),
            "0x100000000 does not fit its 4-byte field",
        ),
        (
            X_BYTES.replace("0x3,", "0x10003,"),
            "0x10003 does not fit its 2-byte field (.NET keeps its low 16 bits)",
        ),
        (X_BYTES.replace("0x4,", "0x100,"), "0x100 does not fit its 1-byte field"),
    ],
)
def test_x_format_number_past_its_field_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_guid(text)
    assert str(refused.value).endswith(f"is not a valid Guid: {message}")


@pytest.mark.parametrize(
    "text",
    # [Mono] new Guid(s) trims Char.IsWhiteSpace on either side alone: read as G
    [f" {G}", f"{G} ", f"\u00a0{G}", f"{G}\u2003", f"\n\t{G}"],
)
def test_white_space_on_one_side_is_trimmed(text: str) -> None:
    assert parse_guid(text) == EXPECTED


def test_only_dotnet_white_space_is_trimmed() -> None:
    # [Mono] " \u001c" + G is refused (FormatException): U+001C is white space to Python's
    # str.strip, not to .NET's String.Trim
    with pytest.raises(ValueError, match="is not a valid Guid"):
        parse_guid(f" \u001c{G}")
