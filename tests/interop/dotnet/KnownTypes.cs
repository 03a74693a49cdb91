// The C# twin of tests/interop/test_known_types_interop.py: [KnownType] and the serializer's
// known types (DataContractSerializer and DataContractJsonSerializer), for the Python twins in
// tests/interop/known_models.py.
// stdin, one case a line: <case> <mode> <value|-> <rootType> <known,known|-> [<base64 doc>]
//   mode xml | xml-indent | wcf | wcf-indent: write the named value (Value below)
//   mode read-xml | read-wcf: read the document, write it again (compact)
// stdout, one line a case: "<case> OK <base64 text>" or "<case> EXC <base64 Type: message>"
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace K {
    [DataContract] [KnownType(typeof(Dog))] public class Animal { [DataMember] public string Name; }
    [DataContract] public class Dog : Animal { [DataMember] public int Bark; }
    [DataContract] public class Puppy : Dog { [DataMember] public int Age; }
    [DataContract] public class Cat : Animal { [DataMember] public int Lives; }
    [DataContract] public class Shape { [DataMember] public int Sides; }
    [DataContract] public class Square : Shape { [DataMember] public int Side; }
    [DataContract] [KnownType(typeof(Oval))] public class Circle : Shape { [DataMember] public int R; }
    [DataContract] public class Oval : Shape { [DataMember] public int R2; }
    [DataContract] public enum Color { [EnumMember] Red, [EnumMember] Blue }
    [DataContract] [KnownType(typeof(Square))] public class Zoo {
        [DataMember] public Animal Pet; [DataMember] public Shape Shape; [DataMember] public object Any; [DataMember] public List<Animal> Pets;
    }
    [DataContract] public class Box { [DataMember] public Shape Shape; [DataMember] public object Any; [DataMember] public Zoo Zoo; }
    [DataContract] [KnownType(typeof(Circle))] public class Round { [DataMember] public Shape Shape; [DataMember] public Box Box; }
    [DataContract] public class Wrap<T> { [DataMember] public object Data; [DataMember] public T Item; }
}

public static class KnownTypes {
    static string B64(string s) { return Convert.ToBase64String(Encoding.UTF8.GetBytes(s)); }
    static Type[] Known(string list) {
        var r = new List<Type>();
        if (list != "-") foreach (var n in list.Split(',')) r.Add(Find(n));
        return r.ToArray();
    }
    static Type Find(string name) {
        if (name == "WrapSquare") return typeof(K.Wrap<K.Square>);
        if (name == "WrapShape") return typeof(K.Wrap<K.Shape>);
        if (name == "int") return typeof(int);
        return typeof(K.Zoo).Assembly.GetType("K." + name, true);
    }
    static string Xml(object o, Type t, Type[] known, bool indent) {
        var s = new DataContractSerializer(t, known);
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = indent, NewLineChars = "\n", NewLineHandling = NewLineHandling.Entitize };
        using (var w = XmlWriter.Create(sb, settings)) s.WriteObject(w, o);
        return sb.ToString();
    }
    static string Wcf(object o, Type t, Type[] known, bool indent) {
        var ms = new MemoryStream();
        var s = new DataContractJsonSerializer(t, known);
        if (indent) { using (var w = JsonReaderWriterFactory.CreateJsonWriter(ms, Encoding.UTF8, false, true, "  ")) s.WriteObject(w, o); }
        else s.WriteObject(ms, o);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
    static void Line(string name, Func<string> make) {
        try { Console.WriteLine(name + " OK " + B64(make())); }
        catch (Exception e) { Console.WriteLine(name + " EXC " + B64(e.GetType().Name + ": " + e.Message)); }
    }
    static object Value(string name) {
        var dog = new K.Dog { Name = "d", Bark = 2 };
        var sq = new K.Square { Sides = 4, Side = 3 };
        switch (name) {
            case "box-square": return new K.Box { Shape = sq };
            case "box-any-dog": return new K.Box { Any = dog };
            case "box-any-animal": return new K.Box { Any = new K.Animal { Name = "a" } };
            case "box-any-square": return new K.Box { Any = sq };
            case "box-any-int": return new K.Box { Any = 5 };
            case "box-any-enum": return new K.Box { Any = K.Color.Blue };
            case "box-any-list": return new K.Box { Any = new List<int> { 1 } };
            case "box-zoo-square": return new K.Box { Zoo = new K.Zoo { Shape = sq } };
            case "box-zoo-any-square": return new K.Box { Zoo = new K.Zoo { Any = sq } };
            case "zoo-square": return new K.Zoo { Shape = sq };
            case "zoo-dog": return new K.Zoo { Pet = dog };
            case "zoo-puppy": return new K.Zoo { Pet = new K.Puppy { Name = "p", Bark = 1, Age = 3 } };
            case "zoo-cat": return new K.Zoo { Pet = new K.Cat { Name = "c", Lives = 9 } };
            case "zoo-any-square": return new K.Zoo { Any = sq };
            case "zoo-pets": return new K.Zoo { Pets = new List<K.Animal> { new K.Animal { Name = "a" }, dog } };
            case "zoo-pets-cat": return new K.Zoo { Pets = new List<K.Animal> { new K.Cat { Name = "c" } } };
            case "round-oval": return new K.Round { Shape = new K.Oval { R2 = 1 } };
            case "round-box-oval": return new K.Round { Box = new K.Box { Shape = new K.Oval { R2 = 1 } } };
            case "dog": return dog;
            case "square": return sq;
            case "puppy": return new K.Puppy { Name = "p" };
            case "wrap-square": return new K.Wrap<K.Square> { Data = sq, Item = sq };
            case "wrap-shape-square": return new K.Wrap<K.Shape> { Item = sq };
        }
        throw new ArgumentException(name);
    }
    public static void Main(string[] args) {
        // stdin lines: <case> <mode> <value|-> <rootType> <known|-> [<base64 doc>]
        string line;
        while ((line = Console.ReadLine()) != null) {
            if (line.Trim() == "") continue;
            var p = line.Split(' ');
            string name = p[0], mode = p[1];
            Line(name, () => {
                var type = Find(p[3]);
                var known = Known(p[4]);
                switch (mode) {
                    case "xml": return Xml(Value(p[2]), type, known, false);
                    case "xml-indent": return Xml(Value(p[2]), type, known, true);
                    case "wcf": return Wcf(Value(p[2]), type, known, false);
                    case "wcf-indent": return Wcf(Value(p[2]), type, known, true);
                    case "read-xml": {
                        var doc = Encoding.UTF8.GetString(Convert.FromBase64String(p[5]));
                        var o = new DataContractSerializer(type, known).ReadObject(XmlReader.Create(new StringReader(doc)));
                        return Xml(o, type, known, false);
                    }
                    case "read-wcf": {
                        var doc = Convert.FromBase64String(p[5]);
                        var o = new DataContractJsonSerializer(type, known).ReadObject(new MemoryStream(doc));
                        return Wcf(o, type, known, false);
                    }
                }
                throw new ArgumentException(mode);
            });
        }
    }
}
