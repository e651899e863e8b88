using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Cabinet.Testing;

/// <summary>
/// Hostile PDFs made in code (no binary fixtures): each is a syntactically plausible file built to cost a naive
/// parser memory, time or its stack. Shared by the unit tests (linked file) and the hub tests.
/// </summary>
public static class HostilePdfs
{
    private static readonly Lazy<byte[]> _bomb = new(() => Bomb(400L * 1024 * 1024));

    /// <summary>A few hundred KB whose one Flate content stream inflates to 400 MiB of zeros.</summary>
    public static byte[] FlateBomb => _bomb.Value;

    public static IReadOnlyList<(string Name, Func<byte[]> Create, string Code)> All { get; } =
    [
        ("flate-bomb", () => FlateBomb, "documents.too_complex"),
        ("200000-pages", () => ManyPages(200_000), "documents.too_complex"),
        ("deep-nesting", () => DeepNesting(100_000), "documents.too_complex"),
        ("self-length", SelfReferencingLength, "documents.damaged"),
        ("kids-cycle", KidsCycle, "documents.damaged"),
    ];

    public static byte[] Bomb(long inflatedBytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0L; written < inflatedBytes; written += zeros.Length)
            {
                zlib.Write(zeros, 0, (int)Math.Min(zeros.Length, inflatedBytes - written));
            }
        }

        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
        pdf.Stream(4, $"/Filter /FlateDecode /Length {compressed.Length}", compressed.ToArray());
        return pdf.Finish(root: 1);
    }

    /// <summary>One flat page tree of <paramref name="pages"/> pages sharing a single content stream.</summary>
    public static byte[] ManyPages(int pages)
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        var kids = new StringBuilder(pages * 12);
        for (var n = 0; n < pages; n++)
        {
            kids.Append(CultureInfo.InvariantCulture, $"{n + 4} 0 R ");
        }

        pdf.Object(2, $"<< /Type /Pages /Count {pages} /Kids [{kids}] >>");
        var content = "BT /F1 12 Tf 72 720 Td ET"u8.ToArray();
        pdf.Stream(3, $"/Length {content.Length}", content);
        for (var n = 0; n < pages; n++)
        {
            pdf.Object(n + 4, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
        }

        return pdf.Finish(root: 1);
    }

    /// <summary>A page whose dictionary holds an array nested <paramref name="depth"/> levels deep.</summary>
    public static byte[] DeepNesting(int depth)
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep {new string('[', depth)}{new string(']', depth)} >>");
        return pdf.Finish(root: 1);
    }

    /// <summary>The page's content stream (object 5) gives its <c>/Length</c> as <c>5 0 R</c>: itself.</summary>
    public static byte[] SelfReferencingLength()
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>");
        pdf.Stream(5, "/Length 5 0 R", "BT /F1 12 Tf 72 720 Td (Xin chao) Tj ET"u8.ToArray());
        return pdf.Finish(root: 1);
    }

    /// <summary>A page tree node whose kid is a node that lists the first one as its kid.</summary>
    public static byte[] KidsCycle()
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 2 >>");
        pdf.Object(3, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>");
        pdf.Object(4, "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>");
        return pdf.Finish(root: 1);
    }

    /// <summary>
    /// <paramref name="pages"/> page objects inside one compressed object stream (<c>/Type /ObjStm</c>), each
    /// holding <paramref name="extra"/>: what a scan of the raw bytes alone would never see.
    /// </summary>
    public static byte[] PagesInObjectStream(int pages, string extra = "")
    {
        var header = new StringBuilder();
        var body = new StringBuilder();
        for (var n = 0; n < pages; n++)
        {
            header.Append(CultureInfo.InvariantCulture, $"{n + 10} {body.Length} ");
            body.Append(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {extra} >>\n");
        }

        var text = Encoding.Latin1.GetBytes(header.ToString() + body);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(text);
        }

        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Count {pages} /Kids [10 0 R] >>"));
        pdf.Stream(3, string.Create(CultureInfo.InvariantCulture, $"/Type /ObjStm /N {pages} /First {header.Length} /Filter /FlateDecode /Length {compressed.Length}"), compressed.ToArray());
        return pdf.Finish(root: 1);
    }

    /// <summary>
    /// A page tree <paramref name="levels"/> deep in which every node lists the same child twice: a handful of objects
    /// that a reader expanding the tree meets as 2^levels pages.
    /// </summary>
    public static byte[] RepeatedKids(int levels)
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        for (var level = 0; level < levels; level++)
        {
            var (node, child) = (level + 2, level + 3);
            pdf.Object(node, string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{child} 0 R {child} 0 R] /Count {1L << (levels - level)} >>"));
        }

        pdf.Object(levels + 2, string.Create(CultureInfo.InvariantCulture, $"<< /Type /Page /Parent {levels + 1} 0 R /MediaBox [0 0 595 842] >>"));
        return pdf.Finish(root: 1);
    }

    /// <summary>Two content streams, each giving the other's object as its /Length.</summary>
    public static byte[] LengthsOfEachOther()
    {
        var pdf = new Writer();
        pdf.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
        pdf.Object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.Object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [5 0 R 6 0 R] >>");
        pdf.Stream(5, "/Length 6 0 R", "BT ET"u8.ToArray());
        pdf.Stream(6, "/Length 5 0 R", "BT ET"u8.ToArray());
        return pdf.Finish(root: 1);
    }

    /// <summary>Writes objects and a classic cross-reference table with their real offsets.</summary>
    private sealed class Writer
    {
        private readonly MemoryStream _out = new();
        private readonly SortedDictionary<int, long> _offsets = [];

        public Writer() => Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");

        public void Object(int number, string body)
        {
            _offsets[number] = _out.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n"));
        }

        public void Stream(int number, string dictionary, byte[] data)
        {
            _offsets[number] = _out.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n<< {dictionary} >>\nstream\n"));
            _out.Write(data);
            Write("\nendstream\nendobj\n");
        }

        public byte[] Finish(int root)
        {
            var xref = _out.Position;
            var size = _offsets.Keys.Max() + 1;
            var table = new StringBuilder(size * 20);
            table.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f \n");
            for (var n = 1; n < size; n++)
            {
                table.Append(_offsets.TryGetValue(n, out var at)
                    ? string.Create(CultureInfo.InvariantCulture, $"{at:D10} 00000 n \n")
                    : "0000000000 65535 f \n");
            }

            table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            Write(table.ToString());
            return _out.ToArray();
        }

        private void Write(string text) => _out.Write(Encoding.Latin1.GetBytes(text));
    }
}
