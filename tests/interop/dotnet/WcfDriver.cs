// Long-lived driver for WCF's own JSON (DataContractJsonSerializer), one JSON request per
// stdin line, one JSON response per stdout line; compiled with Contracts.cs, EdgeContracts.cs
// and Driver.cs (whose XML helpers it uses), with -main:NetContractTwin.WcfDriver.
//
// Round trip:  {"type": T, "format": "xml"|"wcfjson", "payload_b64": B64}
//          ->  {"read_error": null|"Type: message", "xml": OUT, "wcfjson": OUT,
//               "wcfjson_indent": OUT}
//              OUT = {"ok": true, "b64": B64} | {"ok": false, "error": "Type: message"}
//
// XML is read and written as Driver.cs does it, with this driver's known types (which add
// DateTimeOffset, known to object members as a WCF service declares it with [KnownType]).
// Reading/writing WCF JSON: new DataContractJsonSerializer(type, knownTypes), ReadObject and
// WriteObject on a stream; indented: JsonReaderWriterFactory.CreateJsonWriter(stream, UTF-8,
// ownsStream: false, indent: true, indentChars: "  "). Run with TZ=UTC: Local and
// Unspecified DateTimes are written with the machine's offset.
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using Newtonsoft.Json.Linq;

namespace NetContractTwin
{
    public static class WcfDriver
    {
        static readonly Dictionary<string, Type> Types = new Dictionary<string, Type>
        {
            { "CustomerGroupDto", typeof(Vehizen.Domain.Dto.CustomerGroup.CustomerGroupDto) },
            { "ResponseDto", typeof(Vehizen.Domain.Dto.ResponseDto) },
            { "VehicleLightDto", typeof(Vehizen.Domain.Dto.VehicleLightDto) },
            { "ExternalInterfaceHeaderDto", typeof(Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto) },
        };

        static readonly List<Type> Known = new List<Type>
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
            typeof(DateTimeOffset),
        };

        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        static DataContractJsonSerializer Dcjs(Type type)
        {
            return new DataContractJsonSerializer(type, Known);
        }

        static object ReadXml(Type type, byte[] payload)
        {
            var quotas = XmlDictionaryReaderQuotas.Max;
            using (var reader = XmlDictionaryReader.CreateTextReader(new MemoryStream(payload), Utf8, quotas, null))
                return new DataContractSerializer(type, Known).ReadObject(reader);
        }

        static byte[] WriteXml(Type type, object obj)
        {
            var ms = new MemoryStream();
            using (var writer = XmlWriter.Create(ms, Driver.XmlSettings(false)))
                new DataContractSerializer(type, Known).WriteObject(writer, obj);
            return ms.ToArray();
        }

        static byte[] WriteWcf(Type type, object obj, bool indent)
        {
            var ms = new MemoryStream();
            if (indent)
            {
                using (var writer = JsonReaderWriterFactory.CreateJsonWriter(ms, Utf8, false, true, "  "))
                    Dcjs(type).WriteObject(writer, obj);
            }
            else
                Dcjs(type).WriteObject(ms, obj);
            return ms.ToArray();
        }

        static JObject Output(Func<byte[]> produce)
        {
            var result = new JObject();
            try
            {
                byte[] bytes = produce();
                result["ok"] = true;
                result["b64"] = Convert.ToBase64String(bytes);
            }
            catch (Exception e)
            {
                result["ok"] = false;
                result["error"] = Driver.Describe(e);
            }
            return result;
        }

        static JObject Handle(string line)
        {
            var request = JObject.Parse(line);
            string typeName = (string)request["type"];
            Type type;
            if (typeName == null || !Types.TryGetValue(typeName, out type))
                throw new ArgumentException("unknown type " + typeName);
            string format = (string)request["format"];
            byte[] payload = Convert.FromBase64String((string)request["payload_b64"]);
            var response = new JObject();
            object obj;
            try
            {
                if (format == "xml")
                    obj = ReadXml(type, payload);
                else if (format == "wcfjson")
                    obj = Dcjs(type).ReadObject(new MemoryStream(payload));
                else
                    throw new ArgumentException("unknown format " + format);
                if (obj == null) throw new ArgumentException("the document is null");
                response["read_error"] = JValue.CreateNull();
            }
            catch (Exception e)
            {
                response["read_error"] = Driver.Describe(e);
                response["xml"] = response["wcfjson"] = response["wcfjson_indent"] = JValue.CreateNull();
                return response;
            }
            response["xml"] = Output(() => WriteXml(type, obj));
            response["wcfjson"] = Output(() => WriteWcf(type, obj, false));
            response["wcfjson_indent"] = Output(() => WriteWcf(type, obj, true));
            return response;
        }

        public static int Main(string[] args)
        {
            foreach (var t in EdgeTypes.All)
            {
                Types.Add(t.FullName, t);
                Known.Add(t);
            }
            var stdin = new StreamReader(Console.OpenStandardInput(), Utf8);
            var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8);
            stdout.NewLine = "\n";
            string line;
            while ((line = stdin.ReadLine()) != null)
            {
                if (line.Trim().Length == 0) continue;
                JObject response;
                try
                {
                    response = Handle(line);
                }
                catch (Exception e)
                {
                    response = new JObject();
                    response["error"] = Driver.Describe(e);
                }
                stdout.WriteLine(response.ToString(Newtonsoft.Json.Formatting.None));
                stdout.Flush();
            }
            return 0;
        }
    }
}
