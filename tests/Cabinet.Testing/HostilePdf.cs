using System.Globalization;
using System.Text;

namespace Cabinet.Testing;

/// <summary>
/// Small PDFs built to break a reader: a catalog whose stream /Length is a reference to itself, values nested far
/// deeper than any real file. Offsets in the cross-reference table are exact, so only the intended fault is hostile.
/// </summary>
public static class HostilePdf
{
    /// <summary>Objects numbered from 1 in the order given; object 1 is the catalog (/Root).</summary>
    public static byte[] Build(params string[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var file = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(file.Length);
            file.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = file.Length;
        file.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            file.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        file.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(file.ToString());
    }

    /// <summary>The catalog is a stream whose /Length is "1 0 R": itself.</summary>
    public static byte[] SelfReferencingLength() => Build("<</Type/Catalog/Length 1 0 R>>\nstream\nhello\nendstream");

    /// <summary>Two streams whose lengths point at each other; the catalog's /AcroForm leads into the cycle.</summary>
    public static byte[] LengthCycle() => Build(
        "<</Type/Catalog/AcroForm 2 0 R>>",
        "<</Length 3 0 R>>\nstream\nhello\nendstream",
        "<</Length 2 0 R>>\nstream\nhello\nendstream");

    /// <summary>The catalog holds arrays (or dictionaries) nested <paramref name="depth"/> deep.</summary>
    public static byte[] DeepNesting(int depth = 100_000, bool dictionaries = false) => Build(dictionaries
        ? "<</Type/Catalog/Deep " + string.Concat(Enumerable.Repeat("<</A ", depth)) + "1" + string.Concat(Enumerable.Repeat(">>", depth)) + ">>"
        : "<</Type/Catalog/Deep " + new string('[', depth) + new string(']', depth) + ">>");
}
