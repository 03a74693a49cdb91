// Reads float32 bit patterns (8 hex digits a line) and prints, for each, Single.ToString("R"),
// XmlConvert.ToString(float) and Json.NET's JsonConvert.ToString(float), space-separated.
using System;
using System.Globalization;
using System.Xml;
using Newtonsoft.Json;

public static class SingleTexts
{
    public static void Main()
    {
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            int bits = Convert.ToInt32(line, 16);
            float f = BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);
            Console.WriteLine(
                f.ToString("R", CultureInfo.InvariantCulture) + " " + XmlConvert.ToString(f) + " "
                + JsonConvert.ToString(f));
        }
    }
}
