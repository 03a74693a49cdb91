// Values built on the .NET side for the classes XsdDataContractImporter generated (compiled
// with ImportProbe.cs; used by tests/interop/test_real_xsd_interop.py): every data member set,
// each to one of the edge values of its type, picked by a counter that starts at the variant, so
// that different variants set each member to a different edge. Reference-typed members are
// sometimes null (never the root), nesting stops at depth 3, an IsReference class is sometimes
// reused (a shared instance, or a cycle back to an enclosing one), and a class with
// [KnownType]s is sometimes replaced by one of them (i:type / __type on the wire).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;

public sealed class ImportFiller
{
    readonly int variant;
    int counter;
    readonly Dictionary<Type, List<object>> made = new Dictionary<Type, List<object>>();

    ImportFiller(int variant) { this.variant = variant; }

    public static object Make(Type type, int variant) { return new ImportFiller(variant).Value(type, 0); }

    int Next() { return variant * 7 + counter++; }

    static object Pick(int k, params object[] choices) { return choices[k % choices.Length]; }

    object Value(Type t, int depth)
    {
        int k = Next();
        var inner = Nullable.GetUnderlyingType(t);
        if (inner != null) return k % 3 == 0 ? null : Value(inner, depth);
        if (t == typeof(string))
            return Pick(k, "x<&>\"' \u00e9 \ud83d\ude00 tab\tend", null, "", " lead and trail ", "line\r\nbreak\n", "]]>", "\u007f\u0085\u2028");
        if (t == typeof(bool)) return k % 2 == 1;
        if (t == typeof(byte)) return Pick(k, (byte)255, (byte)0, (byte)1);
        if (t == typeof(sbyte)) return Pick(k, sbyte.MinValue, sbyte.MaxValue, (sbyte)0);
        if (t == typeof(short)) return Pick(k, short.MinValue, short.MaxValue, (short)0);
        if (t == typeof(ushort)) return Pick(k, ushort.MaxValue, (ushort)0);
        if (t == typeof(int)) return Pick(k, int.MinValue, int.MaxValue, 0, -1, 7);
        if (t == typeof(uint)) return Pick(k, uint.MaxValue, 0u, 1u);
        if (t == typeof(long)) return Pick(k, long.MinValue, long.MaxValue, 0L, 9007199254740993L);
        if (t == typeof(ulong)) return Pick(k, ulong.MaxValue, 0UL, 1UL);
        if (t == typeof(float))
            return Pick(k, 0.1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon,
                        float.MaxValue, 1e7f, 1.5e-5f, 0f);
        if (t == typeof(double))
            return Pick(k, 0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon,
                        double.MaxValue, 1e15, 1e16, 1.5e-5, 0.0);
        if (t == typeof(decimal))
            return Pick(k, 1.10m, decimal.MaxValue, decimal.MinValue, -0.0001m, 0m, 0.0000000000000000000000000001m,
                        10000000000m, 2.500m);
        if (t == typeof(DateTime))
            return Pick(k, new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234567),
                        DateTime.MinValue, DateTime.MaxValue,
                        new DateTime(2001, 5, 6, 7, 8, 9, DateTimeKind.Local).AddTicks(1),
                        new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                        new DateTime(2010, 10, 10, 10, 10, 10, DateTimeKind.Unspecified).AddTicks(5000000),
                        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc));
        if (t == typeof(DateTimeOffset))
            return Pick(k, new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.FromMinutes(-150)).AddTicks(1),
                        DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
                        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)));
        if (t == typeof(TimeSpan))
            return Pick(k, new TimeSpan(1, 2, 3, 4, 5), TimeSpan.Zero, TimeSpan.MinValue, TimeSpan.MaxValue,
                        TimeSpan.FromTicks(1), TimeSpan.FromTicks(-1), TimeSpan.FromDays(-3));
        if (t == typeof(Guid))
            return Pick(k, new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), Guid.Empty,
                        new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        // (no surrogate half: netcontract refuses it in a Char, README "Behaviours chosen where .NET is
        // lossy"; no control character in a string: XML cannot carry it, Mono's writer refuses it)
        if (t == typeof(char)) return Pick(k, 'a', '\0', '\uffff', '"', '\n', '\u00e9', '\ufffe');
        if (t == typeof(byte[]))
            return Pick(k, new byte[] { 0, 255, 1, 2, 3 }, null, new byte[0], Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());
        if (t == typeof(Uri))
            return Pick(k, new Uri("http://example.com/a b?x=1&y=\u00e9#f"), null, new Uri("relative/path", UriKind.Relative),
                        new Uri("ftp://user@EXAMPLE.com:21/x/../y"), new Uri("https://EXAMPLE.com:443/"));
        // (no urn:, mailto:, file: URIs: netcontract refuses to write them, README "Uri")
        if (t == typeof(object))
            return Pick(k, 42, null, "text", new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        if (t.IsEnum) return EnumValue(t, k);
        if (t.IsArray) return List(t.GetElementType(), depth, k, n => Array.CreateInstance(t.GetElementType(), n));
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
            return List(t.GetGenericArguments()[0], depth, k, n => Activator.CreateInstance(t));
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>)) return Dict(t, depth, k);
        return Contract(t, depth, k);
    }

    static object EnumValue(Type t, int k)
    {
        var values = Enum.GetValues(t).Cast<object>().ToList();
        if (values.Count == 0) return Activator.CreateInstance(t);
        var flags = t.GetCustomAttributes(typeof(FlagsAttribute), false).Length > 0;
        if (flags && values.Count > 1 && k % 3 == 2)
        {
            long a = Convert.ToInt64(values[k % values.Count]), b = Convert.ToInt64(values[(k + 1) % values.Count]);
            return Enum.ToObject(t, a | b);
        }
        return values[k % values.Count];
    }

    object List(Type item, int depth, int k, Func<int, object> create)
    {
        if (depth > 0 && k % 4 == 1) return null;
        int n = depth >= 3 ? 0 : (int)Pick(k, 2, 0, 1, 3);
        var list = create(n);
        var items = Enumerable.Range(0, n).Select(_ => Value(item, depth + 1)).ToList();
        var array = list as Array;
        if (array != null) { for (int i = 0; i < n; i++) array.SetValue(items[i], i); }
        else foreach (var x in items) ((IList)list).Add(x);
        return list;
    }

    object Dict(Type t, int depth, int k)
    {
        if (depth > 0 && k % 4 == 1) return null;
        var dict = (IDictionary)Activator.CreateInstance(t);
        if (depth >= 3) return dict;
        var args = t.GetGenericArguments();
        for (int i = 0; i < 3; i++)
        {
            var key = Value(args[0], depth + 1);
            if (key != null && !dict.Contains(key)) dict[key] = Value(args[1], depth + 1);
        }
        return dict;
    }

    static bool IsReference(Type t)
    {
        var dc = (DataContractAttribute)Attribute.GetCustomAttribute(t, typeof(DataContractAttribute), false);
        return dc != null && dc.IsReference;
    }

    object Contract(Type t, int depth, int k)
    {
        if (t.IsClass && depth > 0 && k % 5 == 1) return null;
        // a class declared in [KnownType] (on this class or a base) in place of this one
        var known = Known(t);
        if (known.Count > 0 && k % 3 != 0) t = known[k % known.Count];
        List<object> earlier;
        if (depth > 0 && IsReference(t) && made.TryGetValue(t, out earlier) && k % 2 == 0)
            return earlier[k % earlier.Count];  // a shared instance, or a cycle
        if (t.IsAbstract || depth > 3) return null;
        var obj = Activator.CreateInstance(t);
        if (!made.TryGetValue(t, out earlier)) made[t] = earlier = new List<object>();
        earlier.Add(obj);
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (Attribute.GetCustomAttribute(p, typeof(DataMemberAttribute)) == null || !p.CanWrite) continue;
            p.SetValue(obj, Value(p.PropertyType, depth + 1), null);
        }
        return obj;
    }

    static List<Type> Known(Type t)
    {
        var found = new List<Type>();
        for (var b = t; b != null && b != typeof(object); b = b.BaseType)
            foreach (KnownTypeAttribute kt in b.GetCustomAttributes(typeof(KnownTypeAttribute), false))
                if (kt.Type != null && t.IsAssignableFrom(kt.Type) && kt.Type != t && !found.Contains(kt.Type))
                    found.Add(kt.Type);
        found.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return found;
    }
}
