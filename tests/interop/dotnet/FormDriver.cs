// Long-lived driver for ASP.NET Web API's form formatter and content negotiator (Mono's copy:
// System.Web.Http.dll and System.Net.Http.Formatting.dll). One JSON request per stdin line, one
// JSON answer per stdout line. Compiled with Contracts.cs and EdgeContracts.cs (the twins)
// and FormExtras.cs (types only forms need).
//
// Bind:       {"op": "bind", "type": T, "body_b64": B64[, "content_type": CT]}
//         ->  {"bound": true, "json_b64": B64, "log": [...]}    Json.NET 6 of the bound object
//             {"bound": false, "log": [...]}                     the formatter gave null
//             {"error": "Type: message", "log": [...]}           the formatter threw
//             {"timeout": true}                                  no answer in 10 s; the driver exits
//             JQueryMvcFormUrlEncodedFormatter.ReadFromStreamAsync(type, stream, headers, logger),
//             as Web API reads a complex body parameter of that media type. T = "CustomerGroupDto"
//             or an Edge type's full name ("Edge.A.Lists").
// Pairs:      {"op": "pairs", "body_b64": B64}
//         ->  {"pairs": [[key, value], ...]}                     FormDataCollection's parse
// Negotiate:  {"op": "negotiate", "type": T, "accept": A|null, "content_type": CT|null,
//              "accept_charset": AC|null}
//         ->  {"formatter": name|null, "media_type": "application/json; charset=utf-8"|null}
//             DefaultContentNegotiator over HttpConfiguration's default formatters.
// Write:      {"op": "write", "type": T, "xml_b64": B64, "media_type": MT, "charset": CS}
//         ->  {"b64": B64}   the XML read by DataContractSerializer, then written by the formatter
//             of MT (XmlMediaTypeFormatter / JsonMediaTypeFormatter).WriteToStreamAsync with
//             Content-Type "MT; charset=CS": the bytes Web API puts in an answer body.
// Bad request: {"error": "..."}
//
// Json.NET: System.Net.Http.Formatting carries its own (older) Newtonsoft.Json types, so the
// Json.NET 6 used everywhere else in the interop tests is referenced under the alias NJ.
// Run with TZ=UTC so that Local DateTimes print "+00:00".
extern alias NJ;

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Formatting;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using System.Web.Http;
using System.Web.Http.ModelBinding;
using JObject = NJ::Newtonsoft.Json.Linq.JObject;
using JArray = NJ::Newtonsoft.Json.Linq.JArray;
using JValue = NJ::Newtonsoft.Json.Linq.JValue;
using JsonConvert = NJ::Newtonsoft.Json.JsonConvert;

namespace NetContractForms
{
    class ListLogger : IFormatterLogger
    {
        public readonly JArray Lines = new JArray();
        public void LogError(string errorPath, string errorMessage) { Lines.Add(errorPath + ": " + errorMessage); }
        public void LogError(string errorPath, Exception exception) { Lines.Add(errorPath + ": " + FormDriver.Describe(exception)); }
    }

    public static class FormDriver
    {
        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

        static readonly Dictionary<string, Type> Types = AllTypes();

        static Dictionary<string, Type> AllTypes()
        {
            var types = new Dictionary<string, Type>
            {
                { "CustomerGroupDto", typeof(Vehizen.Domain.Dto.CustomerGroup.CustomerGroupDto) },
                { "ResponseDto", typeof(Vehizen.Domain.Dto.ResponseDto) },
                { "VehicleLightDto", typeof(Vehizen.Domain.Dto.VehicleLightDto) },
                { "ExternalInterfaceHeaderDto", typeof(Vehizen.Domain.Dto.ExternalInterface.ExternalInterfaceHeaderDto) },
            };
            foreach (var t in NetContractTwin.EdgeTypes.All) types.Add(t.FullName, t);
            foreach (var t in FormExtraTypes.All) types.Add(t.FullName, t);
            return types;
        }

        public static string Describe(Exception e)
        {
            while ((e is TargetInvocationException || e is AggregateException) && e.InnerException != null)
                e = e.InnerException;
            var sb = new StringBuilder(e.GetType().FullName + ": " + e.Message);
            for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
                sb.Append(" ---> " + inner.GetType().FullName + ": " + inner.Message);
            return sb.ToString();
        }

        static Type Lookup(JObject request)
        {
            string name = (string)request["type"];
            Type type;
            if (name == null || !Types.TryGetValue(name, out type))
                throw new ArgumentException("unknown type " + name);
            return type;
        }

        static HttpContentHeaders Headers(byte[] body, string contentType)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/x-www-form-urlencoded");
            return content.Headers;
        }

        static JObject Bind(JObject request)
        {
            Type type = Lookup(request);
            byte[] body = Convert.FromBase64String((string)request["body_b64"]);
            var headers = Headers(body, (string)request["content_type"]);
            var logger = new ListLogger();
            var formatter = new JQueryMvcFormUrlEncodedFormatter();
            var answer = new JObject();
            // Mono's formatter binds synchronously inside ReadFromStreamAsync: run it on a
            // worker so that a form the binder never finishes (FORMS.md) can be reported.
            Task<object> task;
            try
            {
                task = Task.Run(() => formatter.ReadFromStreamAsync(type, new MemoryStream(body), headers, logger).Result);
                // a request may allow longer (a big form on a busy machine), never shorter
                double seconds = request.Value<double?>("timeout_s") ?? 0;
                if (!task.Wait(seconds > Timeout.TotalSeconds ? TimeSpan.FromSeconds(seconds) : Timeout))
                {
                    answer["timeout"] = true;
                    return answer;
                }
            }
            catch (Exception e)
            {
                answer["error"] = Describe(e);
                answer["log"] = logger.Lines;
                return answer;
            }
            object obj = task.Result;
            answer["bound"] = obj != null;
            if (obj != null)
                answer["json_b64"] = Convert.ToBase64String(Utf8.GetBytes(JsonConvert.SerializeObject(obj)));
            answer["log"] = logger.Lines;
            return answer;
        }

        static JObject Pairs(JObject request)
        {
            byte[] body = Convert.FromBase64String((string)request["body_b64"]);
            var formatter = new FormUrlEncodedMediaTypeFormatter();
            var task = formatter.ReadFromStreamAsync(typeof(FormDataCollection), new MemoryStream(body),
                                                     Headers(body, null), new ListLogger());
            var list = new JArray();
            foreach (KeyValuePair<string, string> kv in (FormDataCollection)task.Result)
                list.Add(new JArray(kv.Key == null ? JValue.CreateNull() : new JValue(kv.Key),
                                    kv.Value == null ? JValue.CreateNull() : new JValue(kv.Value)));
            var answer = new JObject();
            answer["pairs"] = list;
            return answer;
        }

        static readonly HttpConfiguration Config = new HttpConfiguration();

        static JObject Negotiate(JObject request)
        {
            Type type = Lookup(request);
            var message = new HttpRequestMessage(HttpMethod.Post, "http://localhost/api/v2/CustomerGroup");
            string accept = (string)request["accept"];
            string contentType = (string)request["content_type"];
            string acceptCharset = (string)request["accept_charset"];
            if (accept != null) message.Headers.TryAddWithoutValidation("Accept", accept);
            if (acceptCharset != null) message.Headers.TryAddWithoutValidation("Accept-Charset", acceptCharset);
            if (contentType != null)
            {
                message.Content = new ByteArrayContent(new byte[0]);
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            var result = new DefaultContentNegotiator().Negotiate(type, message, Config.Formatters);
            var answer = new JObject();
            answer["formatter"] = result == null ? null : result.Formatter.GetType().Name;
            answer["media_type"] = result == null ? null : result.MediaType.ToString();
            return answer;
        }

        static JObject Write(JObject request)
        {
            Type type = Lookup(request);
            byte[] xml = Convert.FromBase64String((string)request["xml_b64"]);
            object obj;
            var quotas = System.Xml.XmlDictionaryReaderQuotas.Max;
            using (var reader = System.Xml.XmlDictionaryReader.CreateTextReader(new MemoryStream(xml), Utf8, quotas, null))
                obj = new System.Runtime.Serialization.DataContractSerializer(type).ReadObject(reader);
            string mediaType = (string)request["media_type"];
            MediaTypeFormatter formatter = mediaType.EndsWith("xml")
                ? (MediaTypeFormatter)new XmlMediaTypeFormatter() : new JsonMediaTypeFormatter();
            var content = new ByteArrayContent(new byte[0]);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = (string)request["charset"] };
            var stream = new MemoryStream();
            formatter.WriteToStreamAsync(type, obj, stream, content.Headers, null).Wait();
            var answer = new JObject();
            answer["b64"] = Convert.ToBase64String(stream.ToArray());
            return answer;
        }

        static JObject Handle(string line)
        {
            var request = JObject.Parse(line);
            switch ((string)request["op"])
            {
                case "bind": return Bind(request);
                case "pairs": return Pairs(request);
                case "negotiate": return Negotiate(request);
                case "write": return Write(request);
                default: throw new ArgumentException("unknown op " + (string)request["op"]);
            }
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
                stdout.WriteLine(response.ToString(NJ::Newtonsoft.Json.Formatting.None));
                stdout.Flush();
                if (response["timeout"] != null)
                    Environment.Exit(3);  // the binder thread may run on: do not reuse this process
            }
            return 0;
        }
    }
}
