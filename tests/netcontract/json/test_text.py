"""Json.NET's string escapes and layouts (bytes: PROBES.md §6, §7; docs/json-rules.md §3)."""

from __future__ import annotations

from netcontract.json.text import dumps_jsonnet, quote


def test_escapes_match_jsonnet():
    # PROBES §7: short forms, other C0 as lowercase \u00xx, U+0085/2028/2029 escaped, rest raw
    text = "\b\t\n\f\r\x00\x0b\x1f\x7f\x85\u2028\u2029<>&'/\\\"é\U0001f600\ufffe"
    assert quote(text) == (
        '"\\b\\t\\n\\f\\r\\u0000\\u000b\\u001f\x7f\\u0085\\u2028\\u2029'
        '<>&\'/\\\\\\"é\U0001f600\ufffe"'
    )


def test_layouts():
    tree = {"IsValid": False, "Errors": [], "Data": None, "L": [[1], []], "O": {}}
    assert dumps_jsonnet(tree) == '{"IsValid":false,"Errors":[],"Data":null,"L":[[1],[]],"O":{}}'
    # json-rules §3: 2 spaces, "name": value, [] and {} for empty, no trailing newline
    assert dumps_jsonnet(tree, indent=True) == (
        '{\n  "IsValid": false,\n  "Errors": [],\n  "Data": null,\n'
        '  "L": [\n    [\n      1\n    ],\n    []\n  ],\n  "O": {}\n}'
    )
