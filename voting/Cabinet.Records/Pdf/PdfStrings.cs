using System.Text;
using Cabinet.Records.Archive;

namespace Cabinet.Records.Pdf;

/// <summary>Names, hex strings and literal strings with their escapes (ISO 32000-1 §7.3.4–7.3.5).</summary>
internal static class PdfStrings
{
    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public static string ReadName(byte[] data, ref int position)
    {
        var name = new StringBuilder();
        while (position < data.Length && !IsWhitespace(data[position]) && !IsDelimiter(data[position]))
        {
            if (data[position] == '#' && position + 2 < data.Length)
            {
                name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(data, position + 1, 2), 16));
                position += 3;
            }
            else
            {
                name.Append((char)data[position++]);
            }
        }

        return name.ToString();
    }

    /// <summary>Reads from the '&lt;' to the '&gt;'.</summary>
    public static byte[] ReadHex(byte[] data, ref int position)
    {
        var end = Array.IndexOf(data, (byte)'>', position);
        if (end < 0)
        {
            throw new InvalidDataException(ReportLanguage.Say($"PDF sai cấu trúc: chuỗi hex không kết thúc tại byte {position}.", $"Malformed PDF: unterminated hex string at byte {position}."));
        }

        var hex = new StringBuilder(end - position);
        for (var i = position + 1; i < end; i++)
        {
            if (!IsWhitespace(data[i]))
            {
                hex.Append((char)data[i]);
            }
        }

        if (hex.Length % 2 == 1)
        {
            hex.Append('0');
        }

        position = end + 1;
        return Convert.FromHexString(hex.ToString());
    }

    /// <summary>Reads from the '(' to its balancing ')'.</summary>
    public static byte[] ReadLiteral(byte[] data, ref int position)
    {
        var output = new List<byte>();
        var depth = 0;
        position++;
        while (position < data.Length)
        {
            var b = data[position++];
            switch (b)
            {
                case (byte)'(':
                    depth++;
                    output.Add(b);
                    break;
                case (byte)')' when depth == 0:
                    return [.. output];
                case (byte)')':
                    depth--;
                    output.Add(b);
                    break;
                case (byte)'\\':
                    ReadEscape(data, ref position, output);
                    break;
                default:
                    output.Add(b);
                    break;
            }
        }

        throw new InvalidDataException(ReportLanguage.Say("PDF sai cấu trúc: chuỗi ký tự không kết thúc.", "Malformed PDF: unterminated literal string."));
    }

    private static void ReadEscape(byte[] data, ref int position, List<byte> output)
    {
        if (position >= data.Length)
        {
            return;
        }

        var c = data[position++];
        switch (c)
        {
            case (byte)'n': output.Add(10); break;
            case (byte)'r': output.Add(13); break;
            case (byte)'t': output.Add(9); break;
            case (byte)'b': output.Add(8); break;
            case (byte)'f': output.Add(12); break;
            case 13:
                if (position < data.Length && data[position] == 10)
                {
                    position++;
                }

                break; // an escaped end of line continues the string
            case 10:
                break;
            case >= (byte)'0' and <= (byte)'7':
                var value = c - '0';
                for (var i = 0; i < 2 && position < data.Length && data[position] is >= (byte)'0' and <= (byte)'7'; i++)
                {
                    value = value * 8 + (data[position++] - '0');
                }

                output.Add((byte)value);
                break;
            default:
                output.Add(c);
                break;
        }
    }
}
