// Long-lived driver: one JSON request per stdin line, one JSON response per stdout line.
//
// Round trip:  {"type": T, "format": "json"|"xml", "payload_b64": B64}
//          ->  {"read_error": null|"Type: message", "xml": OUT, "xml_indent": OUT,
//               "json": OUT, "json_indent": OUT}
//              OUT = {"ok": true, "b64": B64} | {"ok": false, "error": "Type: message"}
//              (the four outputs are null when reading failed)
// Schema:      {"type": T, "op": "schema"}
//          ->  {"schemas": [{"namespace": NS, "b64": B64}, ...]} (XsdDataContractExporter)
// Bad request: {"error": "..."}
//
// Reading JSON: JsonConvert.DeserializeObject(text, type), default settings, or the
//               JsonSerializerSettings a request's "json_settings" object names (netcontract's
//               JsonSettings fields, snake_case, with Json.NET's enum names as values), which
//               the JSON outputs then use too.
// Reading XML:  DataContractSerializer(type, knownTypes).ReadObject over
//               XmlDictionaryReader.CreateTextReader(stream, UTF-8, quotas), as ASP.NET Web API's
//               XmlMediaTypeFormatter does.
// Writing XML:  "path B": XmlWriter.Create(stream, settings) + WriteObject (see XmlSettings).
// Writing JSON: JsonConvert.SerializeObject(obj[, Formatting.Indented]).
// Run with TZ=UTC so that Local DateTimes print "+00:00".
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NetContractTwin
{
    public static class Driver
    {
        static readonly Dictionary<string, Type> Types = WithEdgeTypes(new Dictionary<string, Type>
        {
            { "CustomerGroupDto", typeof(Vehizen.Domain.Dto.CustomerGroup.CustomerGroupDto) },
            { "ResponseDto", typeof(Vehizen.Domain.Dto.ResponseDto) },
            { "VehicleLightDto", typeof(Vehizen.Domain.Dto.VehicleLightDto) },
            { "ExternalInterfaceHeaderDto", typeof(Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto) },
        });

        // The generic-engine contracts (EdgeContracts.cs) are resolved by full name ("Edge.A.Lists").
        static Dictionary<string, Type> WithEdgeTypes(Dictionary<string, Type> types)
        {
            foreach (var t in EdgeTypes.All) types.Add(t.FullName, t);
            return types;
        }

        // Every twin type, so that ResponseDto.Data (object) can carry any of them; then the
        // EdgeContracts.cs types (polymorphic and object members of the engine tests).
        static readonly Type[] KnownTypes = WithEdgeKnownTypes(new[]
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
        });

        static Type[] WithEdgeKnownTypes(Type[] twin)
        {
            var all = new List<Type>(twin);
            all.AddRange(EdgeTypes.All);
            return all.ToArray();
        }

        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        // NewLineHandling.Entitize: "\r" in text is written "&#xD;" (kept on the way back),
        // "\n" stays raw; indentation newlines are "\n" (PROBES.md, probe 3).
        public static XmlWriterSettings XmlSettings(bool indent)
        {
            return new XmlWriterSettings
            {
                OmitXmlDeclaration = true,
                Encoding = Utf8,
                Indent = indent,
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Entitize,
            };
        }

        public static string Describe(Exception e)
        {
            // Mono wraps some reader exceptions in TargetInvocationException; show the real one.
            while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
            var sb = new StringBuilder(e.GetType().FullName + ": " + e.Message);
            for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
                sb.Append(" ---> " + inner.GetType().FullName + ": " + inner.Message);
            return sb.ToString();
        }

        public static DataContractSerializer Dcs(Type type)
        {
            return new DataContractSerializer(type, KnownTypes);
        }

        public static object ReadXml(Type type, byte[] payload)
        {
            var quotas = XmlDictionaryReaderQuotas.Max;
            using (var reader = XmlDictionaryReader.CreateTextReader(new MemoryStream(payload), Utf8, quotas, null))
                return Dcs(type).ReadObject(reader);
        }

        public static byte[] WriteXml(Type type, object obj, bool indent)
        {
            var ms = new MemoryStream();
            using (var writer = XmlWriter.Create(ms, XmlSettings(indent)))
                Dcs(type).WriteObject(writer, obj);
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
                result["error"] = Describe(e);
            }
            return result;
        }

        // netcontract's JsonSettings (tests/interop/test_json_settings_interop.py) as Json.NET's
        static JsonSerializerSettings JsonSettingsOf(JObject given)
        {
            var s = new JsonSerializerSettings();
            if (given == null) return s;
            bool stringEnums = false, camelText = false;
            foreach (var p in given.Properties())
            {
                string v = p.Value.Type == JTokenType.Boolean ? null : (string)p.Value;
                switch (p.Name)
                {
                    case "null_value_handling": s.NullValueHandling = (NullValueHandling)Enum.Parse(typeof(NullValueHandling), v); break;
                    case "default_value_handling": s.DefaultValueHandling = (DefaultValueHandling)Enum.Parse(typeof(DefaultValueHandling), v); break;
                    case "contract_resolver":
                        if (v == "CamelCase") s.ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver();
                        break;
                    case "string_enum_converter": stringEnums = (bool)p.Value; break;
                    case "string_enum_camel_case_text": camelText = (bool)p.Value; break;
                    case "formatting": s.Formatting = (Newtonsoft.Json.Formatting)Enum.Parse(typeof(Newtonsoft.Json.Formatting), v); break;
                    case "missing_member_handling": s.MissingMemberHandling = (MissingMemberHandling)Enum.Parse(typeof(MissingMemberHandling), v); break;
                    case "date_format_handling": s.DateFormatHandling = (DateFormatHandling)Enum.Parse(typeof(DateFormatHandling), v); break;
                    case "date_time_zone_handling": s.DateTimeZoneHandling = (DateTimeZoneHandling)Enum.Parse(typeof(DateTimeZoneHandling), v); break;
                    case "float_format_handling": s.FloatFormatHandling = (FloatFormatHandling)Enum.Parse(typeof(FloatFormatHandling), v); break;
                    default: throw new ArgumentException("unknown json setting " + p.Name);
                }
            }
            if (stringEnums)
                s.Converters.Add(new Newtonsoft.Json.Converters.StringEnumConverter { CamelCaseText = camelText });
            return s;
        }

        static JObject RoundTrip(Type type, string format, byte[] payload, JObject jsonSettings)
        {
            var response = new JObject();
            object obj = null;
            var settings = JsonSettingsOf(jsonSettings);
            try
            {
                if (format == "json")
                    obj = JsonConvert.DeserializeObject(Utf8.GetString(payload), type, settings);
                else if (format == "xml")
                    obj = ReadXml(type, payload);
                else
                    throw new ArgumentException("unknown format " + format);
                response["read_error"] = JValue.CreateNull();
            }
            catch (Exception e)
            {
                response["read_error"] = Describe(e);
                response["xml"] = response["xml_indent"] = response["json"] = response["json_indent"] = JValue.CreateNull();
                return response;
            }
            response["xml"] = Output(() => WriteXml(type, obj, false));
            response["xml_indent"] = Output(() => WriteXml(type, obj, true));
            response["json"] = Output(() => Utf8.GetBytes(JsonConvert.SerializeObject(obj, settings)));
            response["json_indent"] = Output(() => Utf8.GetBytes(JsonConvert.SerializeObject(obj, Newtonsoft.Json.Formatting.Indented, settings)));
            return response;
        }

        static JObject Schema(Type type)
        {
            var exporter = new XsdDataContractExporter();
            exporter.Export(type);
            var list = new JArray();
            foreach (XmlSchema schema in exporter.Schemas.Schemas())
            {
                var ms = new MemoryStream();
                var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
                using (var writer = XmlWriter.Create(ms, settings))
                    schema.Write(writer);
                var item = new JObject();
                item["namespace"] = schema.TargetNamespace;
                item["b64"] = Convert.ToBase64String(ms.ToArray());
                list.Add(item);
            }
            var response = new JObject();
            response["schemas"] = list;
            return response;
        }

        static JObject Handle(string line)
        {
            var request = JObject.Parse(line);
            string typeName = (string)request["type"];
            Type type;
            if (typeName == null || !Types.TryGetValue(typeName, out type))
                throw new ArgumentException("unknown type " + typeName);
            if ((string)request["op"] == "schema")
                return Schema(type);
            return RoundTrip(type, (string)request["format"],
                             Convert.FromBase64String((string)request["payload_b64"]),
                             request["json_settings"] as JObject);
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
                JObject response;
                try
                {
                    response = Handle(line);
                }
                catch (Exception e)
                {
                    response = new JObject();
                    response["error"] = Describe(e);
                }
                stdout.WriteLine(response.ToString(Newtonsoft.Json.Formatting.None));
                stdout.Flush();
            }
            return 0;
        }
    }
}
