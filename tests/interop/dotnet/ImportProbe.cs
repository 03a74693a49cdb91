// The reverse check of `netcontract generate` (tests/interop/test_generate_interop.py):
// Mono's XsdDataContractImporter (what `svcutil /dconly` runs) imports a folder of .xsd files,
// the C# it generates is compiled, and each request read from stdin is converted by the
// imported classes with DataContractSerializer and Json.NET.
//
// usage: mono ImportProbe.exe SCHEMA_FOLDER BUILD_FOLDER [export] < requests
//        (export: XsdDataContractExporter's schemas of all the imported contracts are written to
//        BUILD_FOLDER/export/schemaN.xsd)
// request:  "{namespace}Name" TAB "xml"|"json"|"wcf" TAB base64(payload)  (one per line;
//           "wcf": DataContractJsonSerializer's JSON), or "{namespace}Name" TAB "fill" TAB
//           base64(int32 variant): an instance built by ImportFiller.cs (ImportFiller.Make);
//           "{ns}Read|{ns}Written" reads the payload as the first contract and writes it as
//           the second (a derived value at a root of its base type: i:type on the root)
// answer:   "OK" TAB base64(DataContractSerializer XML) TAB base64(Json.NET JSON)
//           TAB base64(DataContractJsonSerializer JSON)
//           or "ERR" TAB "ExceptionType: message" when reading failed    (one per line);
//           a write that fails is "!ExceptionType: message" in place of its base64
// The first line of stdout lists the imported contracts ("{namespace}Name" separated by TABs),
// the second (JSON) the [KnownType]s the importer declared on each of them, by contract name.
// The serializers get no known types of their own: what the imported classes declare decides.
// One process serves a whole schema set: Mono starts slowly and the compiler runs once.
using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Microsoft.CSharp;
using Newtonsoft.Json;

public static class ImportProbe
{
    static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

    static byte[] Xml(object obj, Type type)
    {
        // as the twin's Driver.cs: "\r" in text is written "&#xD;" (kept on the way back)
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Utf8,
                                               NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        var ms = new MemoryStream();
        using (var writer = XmlWriter.Create(ms, settings))
            new DataContractSerializer(type).WriteObject(writer, obj);
        return ms.ToArray();
    }

    static byte[] Wcf(object obj, Type type)
    {
        var ms = new MemoryStream();
        new DataContractJsonSerializer(type).WriteObject(ms, obj);
        return ms.ToArray();
    }

    static string Try(Func<byte[]> write)
    {
        try { return Convert.ToBase64String(write()); }
        catch (Exception e) { return "!" + e.GetType().Name + ": " + Flat(e.Message); }
    }

    static string Flat(string text) { return text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '); }

    public static int Main(string[] args)
    {
        var set = new XmlSchemaSet();
        set.XmlResolver = null;  // schemaLocations are never fetched: the folder is the whole set
        foreach (var file in Directory.GetFiles(args[0], "*.xsd").OrderBy(f => f, StringComparer.Ordinal))
            using (var reader = XmlReader.Create(file)) set.Add(XmlSchema.Read(reader, null));
        var importer = new XsdDataContractImporter();
        // svcutil reuses mscorlib's types: without this Mono generates a struct System.DateTimeOffset
        // {DateTime, OffsetMinutes} (IsValueType) that shadows the real one (Json.NET then writes an object)
        importer.Options = new ImportOptions();
        importer.Options.ReferencedTypes.Add(typeof(DateTimeOffset));
        importer.Import(set);
        var provider = new CSharpCodeProvider();
        var code = new StringWriter();
        provider.GenerateCodeFromCompileUnit(importer.CodeCompileUnit, code, new CodeGeneratorOptions());
        File.WriteAllText(Path.Combine(args[1], "Imported.cs"), code.ToString());
        var parameters = new CompilerParameters(new[] { "System.dll", "System.Runtime.Serialization.dll", "System.Xml.dll" });
        parameters.OutputAssembly = Path.Combine(args[1], "Imported.dll");
        var compiled = provider.CompileAssemblyFromSource(parameters, code.ToString());
        if (compiled.Errors.HasErrors)
        {
            foreach (CompilerError error in compiled.Errors) Console.Error.WriteLine(error);
            return 2;
        }
        var byName = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        var knownTypes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var exporter = new XsdDataContractExporter();
        foreach (var type in compiled.CompiledAssembly.GetTypes())
        {
            var dc = (DataContractAttribute)Attribute.GetCustomAttribute(type, typeof(DataContractAttribute));
            if (dc == null) continue;
            var key = "{" + dc.Namespace + "}" + (dc.Name ?? type.Name);
            byName[key] = type;
            // declared on the class itself (a base's list is the base's)
            var names = new List<string>();
            foreach (KnownTypeAttribute kt in type.GetCustomAttributes(typeof(KnownTypeAttribute), false))
            {
                var q = exporter.GetSchemaTypeName(kt.Type);
                names.Add("{" + q.Namespace + "}" + q.Name);
            }
            names.Sort(StringComparer.Ordinal);
            knownTypes[key] = names;
        }
        if (args.Length > 2 && args[2] == "export")
        {
            // XsdDataContractExporter over every imported contract: one .xsd per namespace
            var all = new XsdDataContractExporter();
            all.Export(byName.Values.ToList());
            var folder = Directory.CreateDirectory(Path.Combine(args[1], "export")).FullName;
            int i = 0;
            foreach (XmlSchema schema in all.Schemas.Schemas())
            {
                var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = Utf8, NewLineChars = "\n" };
                using (var writer = XmlWriter.Create(Path.Combine(folder, "schema" + (i++) + ".xsd"), settings)) schema.Write(writer);
            }
        }
        var o = new StreamWriter(Console.OpenStandardOutput(), Utf8);
        o.Write(string.Join("\t", byName.Keys) + "\n");
        o.Write(JsonConvert.SerializeObject(knownTypes) + "\n");
        string line;
        while ((line = Console.In.ReadLine()) != null)
        {
            var parts = line.Split('\t');
            try
            {
                var keys = parts[0].Split('|');
                var type = byName[keys[0]];
                var written = byName[keys[keys.Length - 1]];
                var data = Convert.FromBase64String(parts[2]);
                object obj = parts[1] == "xml"
                    ? new DataContractSerializer(type).ReadObject(new MemoryStream(data))
                    : parts[1] == "wcf"
                    ? new DataContractJsonSerializer(type).ReadObject(new MemoryStream(data))
                    : parts[1] == "fill"
                    ? ImportFiller.Make(type, BitConverter.ToInt32(data, 0))
                    : JsonConvert.DeserializeObject(Utf8.GetString(data), type);
                o.Write("OK\t" + Try(() => Xml(obj, written)) + "\t"
                        + Try(() => Utf8.GetBytes(JsonConvert.SerializeObject(obj))) + "\t"
                        + Try(() => Wcf(obj, written)) + "\n");
            }
            catch (Exception e)
            {
                o.Write("ERR\t" + e.GetType().Name + ": " + Flat(e.Message) + "\n");
            }
        }
        o.Flush();
        return 0;
    }
}
