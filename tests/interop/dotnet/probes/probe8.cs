// Probe 8: how DataContractSerializer matches child elements to members when reading
// (docs/xml-rules.md, "Reading"). Each case is an ExternalInterfaceHeaderDto (members in
// DataContract order: CustomerId, Id, Name) read as ASP.NET Web API reads it; the result is
// shown as Json.NET writes it, so a member that was dropped shows its default.
using System;
using Newtonsoft.Json;
using Vehizen.Domain.Dto.ExternalInterface;

public static class Probe8
{
    const string Ns = "http://schemas.datacontract.org/2004/07/Vehizen.Domain.Dto.ExternalInterface";
    const string A = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const string B = "11111111-2222-3333-4444-555555555555";

    static void Case(string label, string children)
    {
        string xml = "<ExternalInterfaceHeaderDto xmlns=\"" + Ns + "\">" + children + "</ExternalInterfaceHeaderDto>";
        try
        {
            var v = P.ReadXml(typeof(ExternalInterfaceHeaderDto), xml);
            P.Note(label + ": " + children, "read " + JsonConvert.SerializeObject(v));
        }
        catch (Exception e) { P.Err(label + ": " + children, e); }
    }

    public static void Main()
    {
        Case("in order", "<CustomerId>" + A + "</CustomerId><Id>" + B + "</Id><Name>n</Name>");
        Case("Name before Id", "<CustomerId>" + A + "</CustomerId><Name>n</Name><Id>" + B + "</Id>");
        Case("Id before CustomerId", "<Id>" + B + "</Id><CustomerId>" + A + "</CustomerId><Name>n</Name>");
        Case("reversed", "<Name>n</Name><Id>" + B + "</Id><CustomerId>" + A + "</CustomerId>");
        Case("Name twice", "<Name>first</Name><Name>second</Name>");
        Case("unknown elements", "<Colour>red</Colour><Id>" + B + "</Id><Extra><Name>x</Name></Extra><Name>n</Name>");
        Case("wrong namespace", "<Name xmlns=\"urn:other\">x</Name><Id>" + B + "</Id>");
        Case("comment and whitespace", "\n  <!-- c -->\n  <Name>n</Name>\n");
    }
}
