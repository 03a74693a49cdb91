// Probe 3: XmlWriterSettings.NewLineHandling and invalid characters on DCS path B.
using System;
using System.Xml;

namespace Probe { public class S { public string V { get; set; } } }

public static class Probe3
{
    static void Write(string label, string value, bool indent, NewLineHandling nl, bool checkCharacters)
    {
        var settings = P.Settings(indent, nl);
        settings.CheckCharacters = checkCharacters;
        P.TryBytes(label + " | " + nl + " indent=" + indent.ToString().ToLowerInvariant() + " CheckCharacters=" + checkCharacters.ToString().ToLowerInvariant(),
                   () => P.PathB(typeof(Probe.S), new Probe.S { V = value }, settings, new Type[0]));
    }

    public static void Main()
    {
        foreach (var nl in new[] { NewLineHandling.Replace, NewLineHandling.Entitize, NewLineHandling.None })
            foreach (var indent in new[] { false, true })
                Write("a\\rb\\nc\\r\\nd\\te", "a\rb\nc\r\nd\te", indent, nl, true);

        var odd = new[] { "\u0001", "\uFFFE", "\uD800", "]]>", "x\uD83D\uDE00y", "\u007F\u0085\u2028" };
        var oddNames = new[] { "\\u0001", "\\uFFFE", "lone \\uD800", "]]>", "astral U+1F600", "\\u007F\\u0085\\u2028" };
        for (int i = 0; i < odd.Length; i++)
            foreach (var check in new[] { true, false })
                Write(oddNames[i], odd[i], false, NewLineHandling.Entitize, check);

        // How the DataContractSerializer reads "&#xD;" and raw CR back (through the driver's reader).
        foreach (var text in new[] { "a&#xD;b", "a\rb", "a\r\nb", "a&#xA;b", "a&#x1;b" })
        {
            string xml = "<S xmlns=\"http://schemas.datacontract.org/2004/07/Probe\"><V>" + text + "</V></S>";
            P.TryStr("read <V>" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "</V>", () => ((Probe.S)P.ReadXml(typeof(Probe.S), xml)).V);
        }
    }
}
