// DataContractSerializer with a root name and namespace of its own
// (new DataContractSerializer(type, rootName, rootNamespace)), through XmlWriter as Web API
// writes: one line per case, "case TAB base64(bytes)". Read by tests/interop/test_root_interop.py.
using System;
using System.IO;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;

namespace RootInterop.Other
{
    public class Tag { public string T { get; set; } }
}

namespace RootInterop.Shop
{
    // Tag in the object member O: known, so that .NET reads back what it writes
    [KnownType(typeof(RootInterop.Other.Tag))]
    public class Item
    {
        public Item Child { get; set; }
        public string Name { get; set; }
        public object O { get; set; }
        public int Qty { get; set; }
        public RootInterop.Other.Tag Tag { get; set; }
    }

    [DataContract(Namespace = "")]
    public class NoNs
    {
        [DataMember] public RootInterop.Other.Tag Tag;
        [DataMember] public int X;
    }

    public class Empty { }

    public static class Program
    {
        static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        static void Write(string label, Type type, object value, string name, string ns, bool indent)
        {
            var serializer = new DataContractSerializer(type, name, ns);
            var ms = new MemoryStream();
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = indent, Encoding = Utf8 };
            using (var writer = XmlWriter.Create(ms, settings)) serializer.WriteObject(writer, value);
            Console.WriteLine(label + (indent ? "/indent" : "") + "\t" + Convert.ToBase64String(ms.ToArray()));
        }

        public static void Main()
        {
            var item = new Item
            {
                Child = new Item { Name = "b" },
                Name = "a",
                O = new RootInterop.Other.Tag { T = "o" },
                Qty = 2,
                Tag = new RootInterop.Other.Tag { T = "t" },
            };
            var noNs = new NoNs { Tag = new RootInterop.Other.Tag(), X = 1 };
            foreach (var indent in new[] { false, true })
            {
                Write("item:Root:urn:x", typeof(Item), item, "Root", "urn:x", indent);
                Write("item:Root:", typeof(Item), item, "Root", "", indent);
                Write("item:Root:other", typeof(Item), item, "Root", "http://schemas.datacontract.org/2004/07/RootInterop.Other", indent);
                Write("item:Item:urn:z", typeof(Item), item, "Item", "urn:z", indent);
                Write("item:Top:shop", typeof(Item), item, "Top", "http://schemas.datacontract.org/2004/07/RootInterop.Shop", indent);
                Write("nons:Root:urn:x", typeof(NoNs), noNs, "Root", "urn:x", indent);
                Write("nons:Root:", typeof(NoNs), noNs, "Root", "", indent);
                Write("empty:Root:urn:x", typeof(Empty), new Empty(), "Root", "urn:x", indent);
            }
        }
    }
}
