// bench/dotnet_document.py: the benchmark's customer group as .NET itself writes it.
//   DotnetDocument.exe N out.xml out.json   N vehicles, seeded (the same bytes every run)
// The values are tests/interop/dotnet/LiveVehicles.cs's (live data's DateTimes, doubles, nulls,
// empty lists, XML and JSON specials). XML: DataContractSerializer over XmlWriter.Create
// (Driver.cs's settings, Web API's path); JSON: JsonConvert.SerializeObject, default settings.
using System;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Newtonsoft.Json;
using Vehizen.Domain.Dto.CustomerGroup;

public static class DotnetDocument
{
    public static int Main(string[] args)
    {
        var group = LiveVehicles.Group(int.Parse(args[0]));
        var utf8 = new UTF8Encoding(false);
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = utf8, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        using (var file = File.Create(args[1]))
        using (var w = XmlWriter.Create(file, settings))
            new DataContractSerializer(typeof(CustomerGroupDto)).WriteObject(w, group);
        File.WriteAllBytes(args[2], utf8.GetBytes(JsonConvert.SerializeObject(group)));
        return 0;
    }
}
