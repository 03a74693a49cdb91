// tests/interop/test_stream_document_interop.py: a large, varied List<VehicleLightDto> and a
// CustomerGroupDto holding it, as .NET writes them, in every layout the streaming API reads and
// writes. The values are LiveVehicles.cs's, as bench/DotnetDocument.cs's: live data's DateTimes
// (7 tick digits, Utc and Local), computed doubles, nulls, empty lists, text with XML and JSON
// specials; group-writer.xml and group.json are bench/dotnet_document.py's documents byte for byte.
//   StreamDocument.exe N DIR   writes into DIR (N vehicles):
//     list-writer.xml, list-indent.xml  DataContractSerializer over XmlWriter.Create (Driver.cs's
//                                       settings, Web API's path), Indent false / true
//     list-stream.xml                   DataContractSerializer.WriteObject(Stream)
//     list.json, list-indent.json       JsonConvert.SerializeObject, Formatting.None / Indented
//     group-*.xml, group*.json          the same for the CustomerGroupDto
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using Newtonsoft.Json;
using Vehizen.Domain.Dto.CustomerGroup;

public static class StreamDocument
{
    static void WriteXml(string path, object value, Type type, bool indent)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false),
            Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        using (var file = File.Create(path))
        using (var w = XmlWriter.Create(file, settings))
            new DataContractSerializer(type).WriteObject(w, value);
    }
    static void WriteStream(string path, object value, Type type)
    {
        using (var file = File.Create(path)) new DataContractSerializer(type).WriteObject(file, value);
    }
    static void WriteJson(string path, object value, Newtonsoft.Json.Formatting formatting)
    {
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(JsonConvert.SerializeObject(value, formatting)));
    }

    public static int Main(string[] args)
    {
        int n = int.Parse(args[0]);
        string dir = args[1];
        var group = LiveVehicles.Group(n);
        var documents = new Dictionary<string, object> { { "list", group.Vehicles }, { "group", group } };
        foreach (var pair in documents)
        {
            var type = pair.Value.GetType();
            WriteXml(Path.Combine(dir, pair.Key + "-writer.xml"), pair.Value, type, false);
            WriteXml(Path.Combine(dir, pair.Key + "-indent.xml"), pair.Value, type, true);
            WriteStream(Path.Combine(dir, pair.Key + "-stream.xml"), pair.Value, type);
            WriteJson(Path.Combine(dir, pair.Key + ".json"), pair.Value, Newtonsoft.Json.Formatting.None);
            WriteJson(Path.Combine(dir, pair.Key + "-indent.json"), pair.Value, Newtonsoft.Json.Formatting.Indented);
        }
        return 0;
    }
}
