using System.Text;
using System.Text.RegularExpressions;

namespace Cabinet.Documents.Pdf;

/// <summary>
/// Some PDFs encrypt only their attachments: the encryption dictionary says streams and strings use the
/// <c>/Identity</c> filter, so pages are plain and viewers show them without a password. PdfPig 0.1.16 still
/// refuses such a file when it cannot check the (AES-256) password, so for reading pages only the trailer's
/// <c>/Encrypt</c> reference is blanked out in a copy. The stored file is never changed.
/// </summary>
internal static partial class AttachmentOnlyEncryption
{
    public static byte[]? PagesReadableCopy(byte[] content)
    {
        var text = Encoding.Latin1.GetString(content);
        if (!StreamsIdentity().IsMatch(text) || !StringsIdentity().IsMatch(text))
        {
            return null;
        }

        var copy = (byte[])content.Clone();
        var found = false;
        foreach (Match reference in EncryptReference().Matches(text))
        {
            copy.AsSpan(reference.Index, reference.Length).Fill((byte)' ');
            found = true;
        }

        return found ? copy : null;
    }

    [GeneratedRegex(@"/StmF\s*/Identity\b")]
    private static partial Regex StreamsIdentity();

    [GeneratedRegex(@"/StrF\s*/Identity\b")]
    private static partial Regex StringsIdentity();

    [GeneratedRegex(@"/Encrypt\s+\d+\s+\d+\s+R")]
    private static partial Regex EncryptReference();
}
