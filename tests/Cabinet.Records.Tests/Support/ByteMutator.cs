using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cabinet.Records.Tests.Support;

/// <summary>Mutations of raw bytes and of PDF structure: flips, truncation, deep nesting, self-references, a missing /W.</summary>
public static partial class ByteMutator
{
    public static (string What, byte[] Bytes) Any(Random random, byte[] content) => random.Next(4) switch
    {
        0 => Flip(random, content),
        1 => ($"truncated", content[..random.Next(content.Length + 1)]),
        2 => Nest(random, content),
        _ => Splice(random, content),
    };

    public static (string What, byte[] Bytes) Pdf(Random random, byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        return random.Next(8) switch
        {
            0 => SelfLength(random, text),
            1 => XrefEntryAtItsTable(random, text),
            2 => Replace(text, "/Prev ", "/Prev 0 /Old ", "a /Prev to the file's start"),
            3 => Replace(text, "/W[", "/Q[", "/W removed"),
            4 => Replace(text, "/Type /Catalog", "/Type /Catalog /Deep " + new string('[', random.Next(101, 50_000)), "deep nesting in the catalog"),
            5 => Replace(text, "/Type /Catalog", "/Type /Catalog /Deep " + string.Concat(Enumerable.Repeat("<<", random.Next(101, 20_000))), "deep << in the catalog"),
            _ => Any(random, pdf),
        };
    }

    private static (string, byte[]) Flip(Random random, byte[] content)
    {
        var copy = (byte[])content.Clone();
        var count = random.Next(1, 9);
        for (var i = 0; i < count && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
        }

        return ($"{count} bytes flipped", copy);
    }

    private static (string, byte[]) Nest(Random random, byte[] content)
    {
        string[] openers = ["[", "<<", "{", "(", "{\"a\":"];
        var opener = openers[random.Next(openers.Length)];
        var depth = random.Next(1_000, 30_000);
        var at = random.Next(content.Length + 1);
        return ($"{depth}× '{opener}' inserted at {at}", [.. content[..at], .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(opener, depth))), .. content[at..]]);
    }

    private static (string, byte[]) Splice(Random random, byte[] content)
    {
        var from = random.Next(content.Length + 1);
        var length = random.Next(Math.Min(4096, content.Length - from) + 1);
        var at = random.Next(content.Length + 1);
        return ($"{length} bytes from {from} copied to {at}", [.. content[..at], .. content.AsSpan(from, length), .. content[at..]]);
    }

    // "/Length 1234" of object N becomes "/Length N 0 R": the stream's length is the stream itself.
    private static (string, byte[]) SelfLength(Random random, string text)
    {
        var streams = StreamObject().Matches(text);
        if (streams.Count == 0)
        {
            return ("no stream to make self-referencing", Encoding.Latin1.GetBytes(text));
        }

        var match = streams[random.Next(streams.Count)];
        var number = match.Groups["n"].Value;
        var length = match.Groups["len"];
        var changed = text[..length.Index] + $"{number} 0 R" + text[(length.Index + length.Length)..];
        return ($"object {number}'s /Length is itself", Encoding.Latin1.GetBytes(changed));
    }

    // One entry of the newest classic table points at the table itself (same width, so nothing else moves).
    private static (string, byte[]) XrefEntryAtItsTable(Random random, string text)
    {
        var table = text.LastIndexOf("\nxref", StringComparison.Ordinal) + 1;
        var entries = XrefEntry().Matches(text, table);
        if (table <= 0 || entries.Count == 0)
        {
            return ("no classic table", Encoding.Latin1.GetBytes(text));
        }

        var entry = entries[random.Next(Math.Min(entries.Count, 64))];
        var changed = text[..entry.Index] + table.ToString("D10", CultureInfo.InvariantCulture) + text[(entry.Index + 10)..];
        return ($"an xref entry points at its own table ({table})", Encoding.Latin1.GetBytes(changed));
    }

    private static (string, byte[]) Replace(string text, string find, string replace, string what) =>
        text.Contains(find, StringComparison.Ordinal)
            ? (what, Encoding.Latin1.GetBytes(text.Replace(find, replace, StringComparison.Ordinal)))
            : ($"{what} (not found)", Encoding.Latin1.GetBytes(text));

    [GeneratedRegex(@"(?<n>\d+) 0 obj\s*<<[^>]*?/Length (?<len>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex StreamObject();

    [GeneratedRegex(@"\d{10} \d{5} n", RegexOptions.CultureInvariant)]
    private static partial Regex XrefEntry();
}
