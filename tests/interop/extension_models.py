"""The Python twins of ``dotnet/ExtensionData.cs``'s Ext.V1 contracts (IExtensibleDataObject)."""

from __future__ import annotations

import netcontract as nc


@nc.contract("ExtData", extension_data=True)
class Base:
    a: str | None = nc.member("A", default=None)
    m: nc.Int32 = nc.member("M", default=0)


@nc.contract("ExtData")
class Derived(Base):  # inherits extension_data, as a derived .NET class its interface
    c: str | None = nc.member("C", default=None)
    p: nc.Int32 = nc.member("P", default=0)


@nc.contract("ExtData", extension_data=True, known_types=(Derived,))  # [KnownType]
class Holder:
    item: Base | None = nc.member("Item", default=None)
    items: list[Base | None] | None = nc.member("Items", default=None)
    name: str | None = nc.member("Name", default=None)


@nc.contract("ExtData")
class Plain:  # no extension data: unknown members are ignored, as before
    a: str | None = nc.member("A", default=None)
    m: nc.Int32 = nc.member("M", default=0)


@nc.contract("ExtData", extension_data=True)
class Quiet:  # M left out at its default: the unknown members after it stay in place
    a: str | None = nc.member("A", default=None)
    m: nc.Int32 = nc.member("M", default=0, emit_default_value=False)
    z: str | None = nc.member("Z", default=None)


@nc.contract("ExtData", is_reference=True, extension_data=True)
class Ent:  # is_reference with extension data: written as a root of its type by a derived value
    k: str | None = nc.member("K", default=None)
    next: Ent | None = nc.member("Next", default=None)


@nc.contract(xml_namespace="urn:ext:more")
class EntSub(Ent):
    s: str | None = nc.member("S", default=None)


_NS = 'xmlns="http://schemas.datacontract.org/2004/07/ExtData"'
_XSI = 'xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
_SER = 'xmlns:z="http://schemas.microsoft.com/2003/10/Serialization/"'

#: a derived value read with its unknown members and written back as a root of its base type
#: by a DataContractSerializer knowing Derived and EntSub: (root type, document, Mono's
#: [compact, indented, WriteObject(Stream)]), Mono's bytes proven live by
#: tests/interop/test_extension_data_interop.py (ExtensionData.cs "typed") and pinned by
#: tests/netcontract/xml/test_write_rules.py. Unknown members named with the root's i: and z:
#: prefixes keep them (the root's namespace scope), before the first member too, indented
#: below their member.
TYPED_ROOTS: dict[str, tuple[str, str, tuple[str, str, str]]] = {
    "xsi-named": (
        "Base",
        f'<Base i:type="Derived" {_NS} {_XSI}><A0><Y>1</Y></A0><A>a</A><i:N>1</i:N>'
        '<B foo="x"><i:X>1</i:X></B><M>1</M><C>c</C><P>2</P></Base>',
        (
            f'<Base {_XSI} i:type="Derived" {_NS}><A0><Y>1</Y></A0><A>a</A><i:N>1</i:N>'
            '<B foo="x"><i:X>1</i:X></B><M>1</M><C>c</C><P>2</P></Base>',
            f'<Base {_XSI} i:type="Derived" {_NS}>\n  <A0>\n    <Y>1</Y>\n  </A0>\n  <A>a</A>\n'
            '  <i:N>1</i:N>\n  <B foo="x">\n    <i:X>1</i:X>\n  </B>\n  <M>1</M>\n  <C>c</C>\n'
            "  <P>2</P>\n</Base>",
            f'<Base i:type="Derived" {_NS} {_XSI}><A0><Y>1</Y></A0><A>a</A><i:N>1</i:N>'
            '<B foo="x"><i:X>1</i:X></B><M>1</M><C>c</C><P>2</P></Base>',
        ),
    ),
    "ser-named": (
        "Ent",
        f'<Ent z:Id="i1" i:type="d1p1:EntSub" xmlns:d1p1="urn:ext:more" {_NS} {_XSI} {_SER}>'
        '<K>k</K><z:N>1</z:N><Next z:Ref="i1"/><d1p1:S>s</d1p1:S><U>u</U></Ent>',
        (
            f'<Ent {_XSI} z:Id="i1" xmlns:d1p1="urn:ext:more" i:type="d1p1:EntSub" {_SER} {_NS}>'
            '<K>k</K><z:N>1</z:N><Next z:Ref="i1" /><d1p1:S>s</d1p1:S><U>u</U></Ent>',
            f'<Ent {_XSI} z:Id="i1" xmlns:d1p1="urn:ext:more" i:type="d1p1:EntSub" {_SER} {_NS}>'
            '\n  <K>k</K>\n  <z:N>1</z:N>\n  <Next z:Ref="i1" />\n  <d1p1:S>s</d1p1:S>\n'
            "  <U>u</U>\n</Ent>",
            f'<Ent z:Id="i1" i:type="a:EntSub" {_NS} {_XSI} {_SER} xmlns:a="urn:ext:more">'
            '<K>k</K><z:N>1</z:N><Next z:Ref="i1"/><a:S>s</a:S><U>u</U></Ent>',
        ),
    ),
}
