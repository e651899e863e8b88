using System.Globalization;
using System.Text;

namespace Cabinet.Records.Pdf;

/// <summary>The handful of PDF object kinds the incremental signer reads and writes back.</summary>
internal abstract record PdfValue
{
    public abstract void WriteTo(StringBuilder output);

    public sealed override string ToString()
    {
        var output = new StringBuilder();
        WriteTo(output);
        return output.ToString();
    }
}

internal sealed record PdfName(string Value) : PdfValue
{
    public override void WriteTo(StringBuilder output)
    {
        output.Append('/');
        foreach (var c in Value)
        {
            if (c is > '!' and < '~' and not ('#' or '/' or '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '%'))
            {
                output.Append(c);
            }
            else
            {
                output.Append(CultureInfo.InvariantCulture, $"#{(byte)c:X2}");
            }
        }
    }
}

/// <summary>A number or keyword (true, false, null) kept exactly as written.</summary>
internal sealed record PdfAtom(string Raw) : PdfValue
{
    public override void WriteTo(StringBuilder output) => output.Append(Raw);

    public long AsLong() => long.Parse(Raw, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

internal sealed record PdfBytes(byte[] Value) : PdfValue
{
    public override void WriteTo(StringBuilder output) => output.Append('<').Append(Convert.ToHexString(Value)).Append('>');

    /// <summary>A PDF text string as UTF-16BE with a byte-order mark, which every reader decodes the same way.</summary>
    public static PdfBytes Text(string text) => new([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)]);
}

internal sealed record PdfReference(int Number, int Generation) : PdfValue
{
    public override void WriteTo(StringBuilder output) =>
        output.Append(CultureInfo.InvariantCulture, $"{Number} {Generation} R");
}

internal sealed record PdfArray(List<PdfValue> Items) : PdfValue
{
    public override void WriteTo(StringBuilder output)
    {
        output.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            Items[i].WriteTo(output);
        }

        output.Append(']');
    }
}

internal sealed record PdfDictionary(List<KeyValuePair<string, PdfValue>> Entries) : PdfValue
{
    public PdfValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>A copy with <paramref name="key"/> set (replaced in place, or appended).</summary>
    public PdfDictionary With(string key, PdfValue value)
    {
        var entries = Entries.Select(e => e.Key == key ? new KeyValuePair<string, PdfValue>(key, value) : e).ToList();
        if (!entries.Any(e => e.Key == key))
        {
            entries.Add(new(key, value));
        }

        return new PdfDictionary(entries);
    }

    public override void WriteTo(StringBuilder output)
    {
        output.Append("<<");
        foreach (var (key, value) in Entries)
        {
            new PdfName(key).WriteTo(output);
            output.Append(' ');
            value.WriteTo(output);
        }

        output.Append(">>");
    }
}
