"""Guid texts against Mono: the X format ``{0x…,0x…,0x…,{0x…,…}}`` in every place .NET reads a
Guid.

``dotnet/GuidTexts.cs`` reads each text with ``new Guid``, into a DataContractSerializer
member, a Json.NET member and ``Dictionary<Guid,int>`` key, and a DataContractJsonSerializer
member and simple-dictionary key. Mono reads the X format alike in all six; netcontract reads
it alike in the five serializer places (the same ``parse_guid``), to the same Guid, and
refuses what Mono refuses, and an X-format short beyond 0xffff, which Mono cuts to its low
16 bits. White space around any format is trimmed by Mono (``String.Trim``) and netcontract
alike. Over a table and 300 drawn texts (white space, prefixes, signs, digit counts).
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path
from typing import Any

import pytest

import netcontract as nc
from netcontract.clr.guid import _EAT, _X_FORMAT

from ._csharp import compile_program, run_program
from ._mono import MONO_MISSING_REASON, mono_available

pytestmark = pytest.mark.interop

G = "0f8fad5b-d9cb-469f-a165-70867728950e"
X = "{0x0f8fad5b,0xd9cb,0x469f,{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e}}"


@nc.contract("P", name="G", xml_namespace="urn:p")
class _Member:
    v: uuid.UUID | None = nc.member("V", default=None)


@nc.contract("P", name="GK", xml_namespace="urn:p")
class _Keys:
    v: dict[uuid.UUID, nc.Int32] | None = nc.member("V", default=None)


def _x(*numbers: str) -> str:
    return "{" + ",".join(numbers[:3]) + ",{" + ",".join(numbers[3:]) + "}}"


_PARTS = ["0x0f8fad5b", "0xd9cb", "0x469f", "0xa1", "0x65", "0x70", "0x86", "0x77", "0x28"]
_PARTS += ["0x95", "0x0e"]

#: (text, Mono's Guid or "err"; the same in all six places)
TABLE = [
    (X, G),
    (X.upper(), G),
    (X.replace(",", ", "), G),
    ("{ 0x0f8fad5b,\u00a00xd9cb,\u20030x469f,\n{0xa1,0x65,0x70,0x86,0x77,0x28,0x95,0x0e} }", G),
    (_x("0x000000000f8fad5b", "0x0000d9cb", *_PARTS[2:]), G),
    (_x("0xffffffff", *_PARTS[1:]), "ffffffff-d9cb-469f-a165-70867728950e"),
    (_x(*_PARTS[:3], "0x+a1", "0x0x65", *_PARTS[5:]), G),
    (_x("0x 1", *_PARTS[1:]), "00000001-d9cb-469f-a165-70867728950e"),
    (_x("0x100000000", *_PARTS[1:]), "err"),
    (_x(*_PARTS[:3], "0x100", *_PARTS[4:]), "err"),
    (_x("0x-1", *_PARTS[1:]), "err"),
    (_x("0x", *_PARTS[1:]), "err"),
    (_x("0xg", *_PARTS[1:]), "err"),
    (X[:-1], "err"),
    (X + "}", "err"),
    (X.replace(",", ",\u200b"), "err"),  # U+200B is no white space to .NET
    (X.replace(",", ",\x00"), "err"),
    # white space around (Char.IsWhiteSpace): String.Trim-med by new Guid, in every format
    (f" {G} ", G),
    (f"\t{G.replace('-', '')}\n", G),
    (f"\u00a0{X}\u2028", G),
    (f"\u2003({G})\u3000\x85", G),
    (f"\ufeff{G}", "err"),  # U+FEFF, U+001C, NUL: no white space to .NET
    (f"\x1c{G}", "err"),
    (f"{G}\x00", "err"),
    (f"( {G} )", "err"),
]
#: read by Mono (all six), refused by netcontract: a short's high bits dropped
TRUNCATED = [
    (_x(_PARTS[0], "0x1d9cb", *_PARTS[2:]), G),
    (_x(_PARTS[0], "0x10000", *_PARTS[2:]), "0f8fad5b-0000-469f-a165-70867728950e"),
]


def _draw(rng: random.Random) -> str:
    def number(size: int) -> str:
        digits = "".join(rng.choice("0123456789abcdefABCDEF") for _ in range(size))
        if rng.random() < 0.1:
            digits = (digits * 3)[: rng.choice([0, 1, size // 2, size + 1, size + 3])]
        prefix = "0x"
        if rng.random() < 0.1:
            prefix = rng.choice(["0X", "0x+", "0x0x", "0x-", "x", "", "0x 0x", "0x0"])
        return prefix + digits

    parts = [number(8), number(4), number(4), *(number(2) for _ in range(8))]
    text = _x(*parts)
    if rng.random() < 0.3:
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(" \t\n\u00a0\u2003\u200b"))
        text = "".join(chars)
    if rng.random() < 0.05:
        text = text.replace(",", "", 1)
    return text


def _ours(text: str) -> list[str]:
    q = json.dumps(text).encode()
    xml = b'<G xmlns="urn:p"><V>' + text.replace("&", "&amp;").replace("<", "&lt;").encode()
    reads: list[Any] = [
        lambda: nc.from_xml(xml + b"</V></G>", _Member).v,
        lambda: nc.from_json(b'{"V":' + q + b"}", _Member).v,
        lambda: next(iter(nc.from_json(b'{"V":{' + q + b":1}}", _Keys).v)),
        lambda: nc.from_wcf_json(b'{"V":' + q + b"}", _Member).v,
        lambda: next(
            iter(nc.from_wcf_json(b'{"V":{' + q + b":1}}", _Keys, simple_dictionaries=True).v)
        ),
    ]
    answers = []
    for read in reads:
        try:
            answers.append(str(read()))
        except nc.PayloadError:
            answers.append("err")
    return answers


def test_x_format_is_read_as_mono_reads_it(tmp_path: Path) -> None:
    if not mono_available():
        pytest.skip(MONO_MISSING_REASON)
    rng = random.Random(20261207)
    texts = [t for t, _ in TABLE + TRUNCATED] + [_draw(rng) for _ in range(300)]
    exe = compile_program("GuidTexts", tmp_path)
    stdin = "".join(t.encode().hex() + "\n" for t in texts).encode()
    lines = run_program(exe, stdin=stdin).decode().splitlines()
    assert len(lines) == len(texts)
    truncated = {t for t, _ in TRUNCATED}
    read_by_us = 0
    for index, (text, line) in enumerate(zip(texts, lines, strict=True)):
        mono = line.split(" ")
        if index < len(TABLE) + len(TRUNCATED):
            assert mono == [(TABLE + TRUNCATED)[index][1]] * 6, (text, line)
        # XML cannot hold some characters (\v, NUL): those places aside, Mono reads alike
        assert len(set(mono[2:])) == 1 and mono[0] == mono[2], (text, line)
        expected = mono[0]
        if text in truncated or (expected != "err" and _short_overflows(text)):
            assert _ours(text) == ["err"] * 5, text
            continue
        ours = _ours(text)
        assert ours[1:] == [expected] * 4, (text, line, ours)
        assert ours[0] == mono[1], (text, line, ours)  # XML
        read_by_us += expected != "err"
    assert read_by_us > 60  # the draws reach both sides


def _short_overflows(text: str) -> bool:
    """Whether the second or third number of an X-format text is beyond 0xffff (Mono keeps the
    low 16 bits)."""
    match = _X_FORMAT.fullmatch(text.translate(_EAT))
    return match is not None and any(int(match.group(i), 16) > 0xFFFF for i in (2, 3))
