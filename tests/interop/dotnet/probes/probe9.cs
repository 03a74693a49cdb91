// Probe 9: XsdDataContractExporter's schemas for the "Shop" example (docs/xsd-rules.md): a
// derived class, an enum with a non-default value, nullable members, lists of classes, enums,
// strings, ints and Nullable<int>. The same classes are declared in Python by
// tests/netcontract/xsd/test_export.py (Customer); its DOC_* expectations are these bytes.
// Written as the exporter's users write it: XmlSchema.Write through XmlWriter.Create(Indent).
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Xml;
using System.Xml.Schema;

namespace Shop
{
    public enum Status { Active = 0, Inactive = 5 }
    public class Address { public string Street { get; set; } }
    public class Entity
    {
        public DateTime Created { get; set; }
        public Guid Id { get; set; }
    }
    public class Customer : Entity
    {
        public List<Address> Addresses { get; set; }
        public int? Age { get; set; }
        public List<int> Arr { get; set; }
        public List<Status> L { get; set; }
        public List<int?> LNI { get; set; }
        public Status? NS { get; set; }
        public string Name { get; set; }
        public Status State { get; set; }
        public List<string> Tags { get; set; }
    }
}

public static class Probe9
{
    public static void Main()
    {
        var exporter = new XsdDataContractExporter();
        exporter.Export(typeof(Shop.Customer));
        foreach (XmlSchema schema in exporter.Schemas.Schemas())
        {
            var ms = new MemoryStream();
            var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = P.Utf8, NewLineChars = "\n" };
            using (var writer = XmlWriter.Create(ms, settings)) schema.Write(writer);
            P.Bytes("schema " + schema.TargetNamespace, ms.ToArray());
        }
    }
}
