// The C# side of tests/interop/test_stream_layout_interop.py: DataContractSerializer.WriteObject(Stream).
// Compiled with Contracts.cs, EdgeContracts.cs, References.cs and ExtensionData.cs (-main:StreamLayout).
// stdin, one request per line: "<CLR full name, or List:<CLR full name>> <root name or -> <root namespace or -> <base64 XML>";
// the XML (netcontract's "writer" layout) is read by DataContractSerializer (with the Driver's
// known types for the Vehizen and Edge twins) and written again with WriteObject(Stream), or,
// with the root name "!stream-read", read from the same bytes as a stream document and written
// through XmlWriter.Create (path B) to show it was read.
// stdout, one answer per line: "OK <base64 bytes>" or "EXC <base64 Type: message>".
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;

public static class StreamLayout
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    static Type[] KnownTypes()
    {
        var all = new List<Type>
        {
            typeof(Vehizen.Domain.Dto.CustomerGroup.CustomerGroupDto),
            typeof(Vehizen.Domain.Dto.ResponseDto),
            typeof(Vehizen.Domain.Dto.VehicleBaseDto),
            typeof(Vehizen.Domain.Dto.VehicleLightDto),
            typeof(Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto),
            typeof(Vehizen.Domain.Dto.CameraType),
            typeof(Vehizen.Domain.Dto.VehicleState),
            typeof(Vehizen.Domain.Dto.State),
            typeof(Vehizen.Domain.Dto.MalfunctionLevel),
        };
        all.AddRange(NetContractTwin.EdgeTypes.All);
        return all.ToArray();
    }

    // "List:<name>" is a List<T> of that type (netcontract's write_xml_items)
    static Type Resolve(string name)
    {
        if (name.StartsWith("List:"))
            return typeof(List<>).MakeGenericType(Resolve(name.Substring(5)));
        return Assembly.GetExecutingAssembly().GetType(name, true);
    }

    static DataContractSerializer Dcs(Type type, string rootName, string rootNs)
    {
        var item = type.IsGenericType ? type.GetGenericArguments()[0] : type;
        bool twin = item.FullName.StartsWith("Edge.") || item.FullName.StartsWith("Vehizen.");
        var known = twin ? KnownTypes() : new Type[0];
        if (rootName == "-") return new DataContractSerializer(type, known);
        return new DataContractSerializer(type, rootName, rootNs == "-" ? "" : rootNs, known);
    }

    static string Describe(Exception e)
    {
        while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
        return e.GetType().FullName + ": " + e.Message;
    }

    static byte[] Handle(string[] parts)
    {
        var type = Resolve(parts[0]);
        var payload = Convert.FromBase64String(parts[3]);
        var quotas = XmlDictionaryReaderQuotas.Max;
        if (parts[1] == "!stream-read")
        {
            var d = Dcs(type, "-", "-");
            object back;
            using (var r = XmlDictionaryReader.CreateTextReader(new MemoryStream(payload), Utf8, quotas, null))
                back = d.ReadObject(r);
            var ms = new MemoryStream();
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Utf8, NewLineHandling = NewLineHandling.Entitize };
            using (var w = XmlWriter.Create(ms, settings)) d.WriteObject(w, back);
            return ms.ToArray();
        }
        var dcs = Dcs(type, parts[1], parts[2]);
        object obj;
        using (var reader = XmlDictionaryReader.CreateTextReader(new MemoryStream(payload), Utf8, quotas, null))
            obj = dcs.ReadObject(reader);
        var stream = new MemoryStream();
        dcs.WriteObject(stream, obj);
        return stream.ToArray();
    }

    public static int Main(string[] args)
    {
        var stdin = new StreamReader(Console.OpenStandardInput(), Utf8);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8);
        stdout.NewLine = "\n";
        string line;
        while ((line = stdin.ReadLine()) != null)
        {
            if (line.Trim().Length == 0) continue;
            string answer;
            try
            {
                answer = "OK " + Convert.ToBase64String(Handle(line.Split(' ')));
            }
            catch (Exception e)
            {
                answer = "EXC " + Convert.ToBase64String(Utf8.GetBytes(Describe(e)));
            }
            stdout.WriteLine(answer);
        }
        stdout.Flush();
        return 0;
    }
}
