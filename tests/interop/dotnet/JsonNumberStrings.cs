// Reads lines "<type> <hex of UTF-8 JSON value>" and prints, for each, what Json.NET 6.0.8
// (JsonConvert.DeserializeObject, default settings) reads from {"V": value} into a member V of
// that type: "ok <value>" or "err <exception type>". Values: integers and Decimal by
// ToString(InvariantCulture) (a Decimal keeps its scale; a negative zero is shown "-0", "-0.0"), Double and Single as the hex of their
// bits, DateTimeOffset as "<ticks> <offset minutes>", DateTime as "<ticks> <Kind>", null as "null"; "DateTimeOffsetKey" reads a
// Dictionary<DateTimeOffset,int> (the value an object {"<key>":1}) and shows its one key.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;

public class Box<T>
{
    public T V;
}

public static class JsonNumberStrings
{
    static readonly Dictionary<string, Type> Types = new Dictionary<string, Type>
    {
        {"int", typeof(int)}, {"long", typeof(long)}, {"short", typeof(short)},
        {"byte", typeof(byte)}, {"sbyte", typeof(sbyte)}, {"uint", typeof(uint)},
        {"ulong", typeof(ulong)}, {"ushort", typeof(ushort)}, {"double", typeof(double)},
        {"float", typeof(float)}, {"decimal", typeof(decimal)},
        {"DateTimeOffset", typeof(DateTimeOffset)}, {"DateTime", typeof(DateTime)},
        {"DateTimeOffsetKey", typeof(Dictionary<DateTimeOffset, int>)},
    };

    static string Show(object v)
    {
        if (v == null) return "null";
        if (v is Dictionary<DateTimeOffset, int>)
        {
            foreach (DateTimeOffset key in ((Dictionary<DateTimeOffset, int>)v).Keys) return Show(key);
            return "empty";
        }
        if (v is double) return BitConverter.DoubleToInt64Bits((double)v).ToString("x16");
        if (v is float) return BitConverter.ToInt32(BitConverter.GetBytes((float)v), 0).ToString("x8");
        if (v is DateTime)
        {
            DateTime d = (DateTime)v;
            return d.Ticks.ToString(CultureInfo.InvariantCulture) + " " + d.Kind;
        }
        if (v is DateTimeOffset)
        {
            DateTimeOffset d = (DateTimeOffset)v;
            return d.Ticks.ToString(CultureInfo.InvariantCulture) + " "
                + ((int)d.Offset.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        }
        if (v is decimal && decimal.GetBits((decimal)v)[3] < 0 && (decimal)v == 0m)
            return "-" + ((decimal)v).ToString(CultureInfo.InvariantCulture);
        return ((IFormattable)v).ToString(null, CultureInfo.InvariantCulture);
    }

    static byte[] FromHex(string h)
    {
        byte[] b = new byte[h.Length / 2];
        for (int i = 0; i < b.Length; i++) b[i] = Convert.ToByte(h.Substring(2 * i, 2), 16);
        return b;
    }

    public static void Main()
    {
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            string[] parts = line.Split(' ');
            string name = parts[0];
            bool nullable = name.EndsWith("?");
            Type t = Types[nullable ? name.Substring(0, name.Length - 1) : name];
            if (nullable) t = typeof(Nullable<>).MakeGenericType(t);
            Type box = typeof(Box<>).MakeGenericType(t);
            string json = "{\"V\":" + Encoding.UTF8.GetString(FromHex(parts.Length > 1 ? parts[1] : "")) + "}";
            string answer;
            try
            {
                object o = JsonConvert.DeserializeObject(json, box);
                answer = "ok " + Show(box.GetField("V").GetValue(o));
            }
            catch (Exception e)
            {
                answer = "err " + e.GetType().Name;
            }
            Console.WriteLine(answer);
        }
    }
}
