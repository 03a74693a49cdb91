// Probe 7: Json.NET string escaping (default StringEscapeHandling).
using System;
using System.Text;
using Newtonsoft.Json;

public static class Probe7
{
    public static void Main()
    {
        var all = new StringBuilder();
        for (int c = 0; c < 0x20; c++) all.Append((char)c);
        P.Str("U+0000..U+001F", JsonConvert.SerializeObject(all.ToString()));
        foreach (var s in new[] { "\u007F", "\u0085", "\u2028", "\u2029", "<>&'\"/\\", "\u00E9", "\uD83D\uDE00", "\uFFFE\uFFFF", "\u00A0\u200B\uFEFF" })
        {
            var hex = new StringBuilder();
            foreach (char ch in s) hex.Append("U+" + ((int)ch).ToString("X4") + " ");
            P.Str(hex.ToString().Trim(), JsonConvert.SerializeObject(s));
        }
        string lone = JsonConvert.SerializeObject("a\uD800b");
        P.Str("lone U+D800 (as .NET string)", lone);
        P.Bytes("lone U+D800, Encoding.UTF8.GetBytes (replacement)", new UTF8Encoding(false).GetBytes(lone));
        try { P.Bytes("lone U+D800, UTF8Encoding(false, throwOnInvalidBytes: true) (ASP.NET Web API's JSON encoding)", new UTF8Encoding(false, true).GetBytes(lone)); }
        catch (Exception e) { P.Err("lone U+D800, UTF8Encoding(false, throwOnInvalidBytes: true) (ASP.NET Web API's JSON encoding)", e); }
        string lowLone = JsonConvert.SerializeObject("a\uDC00b");
        P.Str("lone U+DC00 (as .NET string)", lowLone);
        // As a property value and indented, for completeness.
        P.Str("{V: \"a\\tb\"} indented", JsonConvert.SerializeObject(new { V = "a\tb\r\n" }, Formatting.Indented));
    }
}
