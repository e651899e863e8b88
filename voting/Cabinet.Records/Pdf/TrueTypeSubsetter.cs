using System.Buffers.Binary;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Cuts a TrueType font (glyf outlines) down to the glyphs a document uses, keeping every glyph ID, the cmap and the
/// metrics unchanged, so text laid out with the full font draws identically with the subset. The libSkiaSharp
/// build embeds fonts whole (it has no HarfBuzz subsetter), which made each minutes file about 600 KB.
/// </summary>
/// <remarks>
/// Unused glyphs keep their slot with an empty outline ("retain glyph IDs"); composite glyphs pull in their
/// components; layout tables (GSUB, GPOS, GDEF) and the signature (DSIG) are dropped, and /post loses its glyph names.
/// </remarks>
internal static class TrueTypeSubsetter
{
    private static readonly HashSet<string> _dropped = ["GSUB", "GPOS", "GDEF", "DSIG"];

    public static byte[] Subset(byte[] font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        var head = tables["head"].ToArray();
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].AsSpan(4));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var loca = tables["loca"];
        var glyf = tables["glyf"];
        long Offset(int gid) => longOffsets
            ? BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * gid))
            : 2L * BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(2 * gid));

        var keep = new HashSet<int>();
        var pending = new Stack<int>(glyphs.Select(g => (int)g).Where(g => g < glyphCount).Prepend(0)); // .notdef always stays
        while (pending.TryPop(out var gid))
        {
            if (!keep.Add(gid))
            {
                continue;
            }

            foreach (var component in Components(glyf.AsSpan((int)Offset(gid), (int)(Offset(gid + 1) - Offset(gid)))))
            {
                if (component < glyphCount && !keep.Contains(component))
                {
                    pending.Push(component);
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (glyphCount + 1)];
        for (var gid = 0; gid < glyphCount; gid++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * gid), (uint)newGlyf.Length);
            if (keep.Contains(gid))
            {
                newGlyf.Write(glyf, (int)Offset(gid), (int)(Offset(gid + 1) - Offset(gid)));
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyphCount), (uint)newGlyf.Length);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // indexToLocFormat: long offsets
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set once the file is whole
        tables["head"] = head;
        tables["loca"] = newLoca;
        tables["glyf"] = newGlyf.ToArray();
        if (tables.TryGetValue("post", out var post) && post.Length >= 32)
        {
            var names = post[..32];
            BinaryPrimitives.WriteUInt32BigEndian(names, 0x00030000); // version 3: no glyph names
            tables["post"] = names;
        }

        foreach (var tag in _dropped)
        {
            tables.Remove(tag);
        }

        return Write(font.AsSpan(0, 4), tables);
    }

    /// <summary>The glyph IDs a composite glyph is built from (none for a simple or empty glyph).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return components;
        }

        const int ArgsAreWords = 0x1, HasScale = 0x8, MoreComponents = 0x20, HasXYScale = 0x40, HasTwoByTwo = 0x80;
        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            at += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0 && at + 4 <= glyph.Length);

        return components;
    }

    private static SortedDictionary<string, byte[]> ReadTables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font[offset..(offset + length)];
        }

        foreach (var required in new[] { "head", "maxp", "loca", "glyf" })
        {
            if (!tables.ContainsKey(required))
            {
                throw new InvalidDataException($"The font has no '{required}' table; only TrueType outlines can be subset.");
            }
        }

        return tables;
    }

    private static byte[] Write(ReadOnlySpan<byte> sfntVersion, SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var entrySelector = (int)Math.Log2(count);
        var searchRange = 16 << entrySelector;
        var headerLength = 12 + 16 * count;
        var output = new byte[headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3)];
        sfntVersion.CopyTo(output);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(10), (ushort)(16 * count - searchRange));
        var offset = headerLength;
        var headAt = 0;
        var index = 0;
        foreach (var (tag, data) in tables)
        {
            var record = output.AsSpan(12 + 16 * index++, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(output, offset);
            headAt = tag == "head" ? offset : headAt;
            offset += (data.Length + 3) & ~3;
        }

        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(output)));
        return output;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }
}
