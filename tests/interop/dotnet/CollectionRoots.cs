// The C# twin of tests/interop/collection_root_models.py: collection contracts as the document
// (DataContractSerializer of the collection's type), through XmlWriter (compact, as Web API's
// writer with Driver.cs's settings) and WriteObject(Stream), the serializer knowing RootItemMore
// where the case says so. Output: one line per case,
// "<case> <base64 writer> <base64 stream> <base64 writer indented>".
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;

namespace Roots {
    [DataContract(Namespace = "urn:root-x")]
    public class RootItem { [DataMember] public string A; }
    [DataContract(Namespace = "urn:root-x")]
    public class RootItemMore : RootItem { [DataMember] public int B; }
    [DataContract(Namespace = "")]
    public class NoNsItem { [DataMember] public string A; }
    [CollectionDataContract(Name = "RootL", Namespace = "urn:root-n")]
    public class RootL : List<RootItem> {}
    [CollectionDataContract(Name = "RootRL", Namespace = "urn:root-n", IsReference = true)]
    public class RootRL : List<RootItem> {}
    [CollectionDataContract(Name = "RootNL", Namespace = "")]
    public class RootNL : List<RootItem> {}
    [CollectionDataContract(Name = "RootRNL", Namespace = "", IsReference = true)]
    public class RootRNL : List<RootItem> {}
    [CollectionDataContract(Name = "RootNN", Namespace = "")]
    public class RootNN : List<NoNsItem> {}
    [CollectionDataContract(Name = "RootLN", Namespace = "urn:root-n")]
    public class RootLN : List<NoNsItem> {}
    [CollectionDataContract(Name = "RootQ", Namespace = "urn:root-n")]
    public class RootQ : List<XmlQualifiedName> {}
    [CollectionDataContract(Name = "RootQN", Namespace = "")]
    public class RootQN : List<XmlQualifiedName> {}
    [CollectionDataContract(Name = "RootM", Namespace = "urn:root-n", ItemName = "E", KeyName = "K", ValueName = "V")]
    public class RootM : Dictionary<string, RootItem> {}
    [CollectionDataContract(Name = "RootRM", Namespace = "urn:root-n", IsReference = true)]
    public class RootRM : Dictionary<string, int> {}
    [DataContract(Namespace = "urn:root-n")]
    [KnownType(typeof(RootRM))]
    public class RootHolder { [DataMember] public object O; }
}

public static class CollectionRootsTwin {
    static string Writer(DataContractSerializer s, object o, bool indent = false) {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings {
            OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize,
        };
        using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    static string Stream(DataContractSerializer s, object o) {
        var ms = new MemoryStream();
        s.WriteObject(ms, o);
        return Convert.ToBase64String(ms.ToArray());
    }

    static void Case(string name, object o, bool knowMore) {
        var s = knowMore
            ? new DataContractSerializer(o.GetType(), new[] { typeof(Roots.RootItemMore) })
            : new DataContractSerializer(o.GetType());
        Console.WriteLine(name + " " + Writer(s, o) + " " + Stream(s, o) + " " + Writer(s, o, true));
    }

    public static void Main() {
        Case("known-item", new Roots.RootL { new Roots.RootItem { A = "a" }, new Roots.RootItemMore { A = "m", B = 2 } }, true);
        Case("reference", new Roots.RootRL { new Roots.RootItem { A = "a" } }, false);
        Case("no-namespace", new Roots.RootNL { new Roots.RootItem { A = "b" }, null }, false);
        Case("no-namespace-reference", new Roots.RootRNL { new Roots.RootItem { A = "c" } }, false);
        Case("no-namespace-items", new Roots.RootNN { new Roots.NoNsItem { A = "d" } }, false);
        Case("items-in-no-namespace", new Roots.RootLN { new Roots.NoNsItem { A = "e" } }, false);
        // names in the namespaces of the root's own prefixes
        var names = new[] {
            new XmlQualifiedName("type", "http://www.w3.org/2001/XMLSchema-instance"),
            new XmlQualifiedName("n", "urn:root-n"),
        };
        Case("qualified-names", new Roots.RootQ { names[0], names[1] }, false);
        Case("qualified-names-no-namespace", new Roots.RootQN { names[0], names[1] }, false);
        Case("dictionary", new Roots.RootM { { "k", new Roots.RootItem { A = "a" } }, { "n", null } }, false);
        Case("reference-dictionary-in-object", new Roots.RootHolder { O = new Roots.RootRM { { "k", 1 } } }, false);
    }
}
