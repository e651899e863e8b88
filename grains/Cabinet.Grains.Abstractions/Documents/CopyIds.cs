namespace Cabinet.Documents;

/// <summary>
/// A copy's id: 8 characters of Crockford base32 (no I, L, O or U, read aloud or typed from paper without doubt)
/// holding 40 bits — a random check (16 bits, first, so ids do not start alike) and the copy's place in the meeting's
/// access log (24 bits), so an id
/// resolves with one read of the log and a mistyped one almost never names someone else.
/// </summary>
public static class CopyIds
{
    public const int Length = 8;
    public const long MaxSequence = (1L << 24) - 1;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Format(long sequence, int check)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        var value = ((long)(check & 0xFFFF) << 24) | sequence;
        var text = new char[Length];
        for (var i = Length - 1; i >= 0; i--, value >>= 5)
        {
            text[i] = Alphabet[(int)(value & 31)];
        }

        return new string(text);
    }

    /// <summary>Reads an id as a person types it: any case, spaces and dashes ignored, O read as 0 and I or L as 1.</summary>
    public static bool TryParse(string? text, out long sequence, out int check)
    {
        (sequence, check) = (0, 0);
        var value = 0L;
        var digits = 0;
        foreach (var c in text ?? "")
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var index = Alphabet.IndexOf(char.ToUpperInvariant(c) switch { 'O' => '0', 'I' or 'L' => '1', var u => u });
            if (index < 0 || ++digits > Length)
            {
                return false;
            }

            value = (value << 5) | (uint)index;
        }

        (sequence, check) = (value & MaxSequence, (int)(value >> 24));
        return digits == Length && sequence > 0;
    }

    /// <summary>The id in its written form, or null when it is not one.</summary>
    public static string? Normalize(string? text) => TryParse(text, out var sequence, out var check) ? Format(sequence, check) : null;
}
