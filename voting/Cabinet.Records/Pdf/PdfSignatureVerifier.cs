using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using Cabinet.Records.Archive;
using Cabinet.Voting.Signing;

namespace Cabinet.Records.Pdf;

/// <summary>
/// Verifies a PDF's signatures independently of any PDF viewer: each /ByteRange must exclude exactly its /Contents,
/// each CMS must match its ranges and chain to the trusted root (without a root: integrity only), the last signature must
/// cover the whole file, and an update covered only by a document timestamp may add only validation data (a /DSS).
/// </summary>
public static class PdfSignatureVerifier
{
    /// <summary>More signature fields than any real document carries; each costs a CMS check.</summary>
    private const int MaxSignatures = 32;

    /// <summary>Form fields visited while looking for signatures.</summary>
    private const int MaxFields = 10_000;

    public static PdfSignatureReport Verify(byte[] pdf, X509Certificate2? trustedRoot) =>
        Verify(pdf, trustedRoot, PdfReadLimits.Default, CancellationToken.None);

    /// <summary>
    /// Never throws for any <paramref name="pdf"/>: what cannot be read is reported as unreadable. Failures are in the
    /// report's language (<see cref="ReportLanguage"/>). A timestamp counts when its authority chains to
    /// <paramref name="trustedRoot"/> or to one of <paramref name="timestampRoots"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires (the caller's time budget).</exception>
    public static PdfSignatureReport Verify(byte[] pdf, X509Certificate2? trustedRoot, PdfReadLimits limits, CancellationToken cancellationToken,
        IReadOnlyCollection<X509Certificate2>? timestampRoots = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(limits);
        List<(string Name, PdfDictionary Value)> fields;
        try
        {
            var file = PdfFile.Open(pdf, limits, cancellationToken);
            fields = SignatureFields(file).ToList();
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return new([], ReportLanguage.Say($"không đọc được tệp PDF ({e.Message})", $"not a readable PDF ({e.Message})")) { Unreadable = true };
        }

        if (fields.Count > MaxSignatures)
        {
            return new([], ReportLanguage.Say($"không đọc được tệp PDF (hơn {MaxSignatures} trường chữ ký)", $"not a readable PDF (more than {MaxSignatures} signature fields)"))
            {
                Unreadable = true,
            };
        }

        var checks = new List<PdfSignatureCheck>();
        foreach (var (name, value) in fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                checks.Add(Check(pdf, name, value, trustedRoot, timestampRoots ?? []));
            }
            catch (Exception e) when (IsUnreadable(e) || e is System.Security.Cryptography.CryptographicException or AsnContentException)
            {
                checks.Add(new(name, null, null, 0, false, ReportLanguage.Say($"không đọc được chữ ký ({e.Message})", $"its signature cannot be read ({e.Message})")));
            }
        }

        checks = [.. checks.OrderBy(c => c.SignedLength)];
        var failure = checks.Count == 0 ? ReportLanguage.Say("tệp không có chữ ký số", "it carries no signature")
            : checks.FirstOrDefault(c => !c.IsValid) is { } broken
                ? ReportLanguage.Say($"chữ ký {broken.FieldName} ({broken.SignerSubject ?? "không rõ người ký"}) — {broken.Failure}",
                    $"signature {broken.FieldName} ({broken.SignerSubject ?? "unknown signer"}) — {broken.Failure}")
            : checks[^1].SignedLength != pdf.Length
                ? ReportLanguage.Say(
                    $"một bản cập nhật tăng dần {pdf.Length - checks[^1].SignedLength} byte được nối sau chữ ký cuối cùng ({checks[^1].FieldName}), không chữ ký nào phủ phần này",
                    $"an incremental update of {pdf.Length - checks[^1].SignedLength} bytes was appended after the last signature ({checks[^1].FieldName}), which no signature covers")
                : UpdateBeforeTimestamp(pdf, checks, limits, cancellationToken);
        return new(checks, failure);
    }

    /// <summary>Each document timestamp may cover only validation data added after the signature before it.</summary>
    private static string? UpdateBeforeTimestamp(byte[] pdf, List<PdfSignatureCheck> checks, PdfReadLimits limits, CancellationToken cancellationToken)
    {
        for (var i = 1; i < checks.Count; i++)
        {
            if (!checks[i].IsDocumentTimestamp)
            {
                continue;
            }

            try
            {
                if (PdfUpdateAfterSigning.FirstForbiddenChange(pdf, checks[i - 1].SignedLength, checks[i].SignedLength, limits, cancellationToken) is { } change)
                {
                    return ReportLanguage.Say(
                        $"bản cập nhật sau chữ ký {checks[i - 1].FieldName}, chỉ được dấu thời gian tài liệu {checks[i].FieldName} phủ, làm nhiều hơn việc thêm dữ liệu xác thực: {change}",
                        $"the incremental update after signature {checks[i - 1].FieldName}, covered only by the document timestamp {checks[i].FieldName}, does more than add validation data: {change}");
                }
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                return ReportLanguage.Say($"không đọc được phiên bản trước dấu thời gian tài liệu {checks[i].FieldName} ({e.Message})",
                    $"the revision before the document timestamp {checks[i].FieldName} cannot be read ({e.Message})");
            }
        }

        return null;
    }

    private static bool IsUnreadable(Exception e) => e is InvalidDataException or FormatException or NotSupportedException
        or InvalidCastException or OverflowException or IndexOutOfRangeException or ArgumentException or KeyNotFoundException
        or InvalidOperationException;

    private static PdfSignatureCheck Check(byte[] pdf, string name, PdfDictionary signature, X509Certificate2? root, IReadOnlyCollection<X509Certificate2> timestampRoots)
    {
        var claimed = signature["M"] is PdfBytes m ? PdfText.ParseDate(PdfText.Decode(m.Value)) : null;
        if (signature["ByteRange"] is not PdfArray { Items: [PdfAtom a, PdfAtom b, PdfAtom c, PdfAtom d] }
            || signature["Contents"] is not PdfBytes contents)
        {
            return new(name, null, claimed, 0, false, ReportLanguage.Say("thiếu /ByteRange hoặc /Contents", "its /ByteRange or /Contents is missing"));
        }

        long start = a.AsLong(), gapStart = b.AsLong(), gapEnd = c.AsLong(), tail = d.AsLong();
        var end = gapEnd <= pdf.Length && tail is >= 0 and <= int.MaxValue ? gapEnd + tail : long.MaxValue;
        if (start != 0 || gapStart <= 0 || gapEnd <= gapStart || gapEnd - gapStart < 2 || end > pdf.Length
            || pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>')
        {
            return new(name, null, claimed, Math.Min(end, pdf.Length), false,
                ReportLanguage.Say("/ByteRange không chừa ra đúng /Contents", "its /ByteRange does not exclude exactly its /Contents"));
        }

        // The CMS is read from the excluded gap itself, so what is verified is what the ranges leave out.
        var gap = pdf.AsSpan((int)gapStart + 1, (int)(gapEnd - gapStart - 2));
        byte[] cms;
        try
        {
            var padded = Convert.FromHexString(gap);
            AsnDecoder.ReadEncodedValue(padded, AsnEncodingRules.BER, out _, out _, out var consumed);
            cms = padded[..consumed];
            if (!padded.AsSpan().SequenceEqual(contents.Value))
            {
                return new(name, null, claimed, end, false,
                    ReportLanguage.Say("/Contents khác với phần byte mà /ByteRange chừa ra", "its /Contents differs from the bytes its /ByteRange leaves out"));
            }
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return new(name, null, claimed, end, false, ReportLanguage.Say("/Contents không phải chữ ký CMS", "its /Contents is not a CMS signature"));
        }

        var signed = new byte[gapStart + tail];
        pdf.AsSpan(0, (int)gapStart).CopyTo(signed);
        pdf.AsSpan((int)gapEnd, (int)tail).CopyTo(signed.AsSpan((int)gapStart));
        if (signature["SubFilter"] is PdfName { Value: "ETSI.RFC3161" })
        {
            return DocumentTimestamp(name, signed, cms, end, root, timestampRoots);
        }

        var result = CmsDetachedSignature.Verify(signed, cms, root, timestampRoots);
        return new(name, result.SignerSubject, result.SigningTime ?? claimed, end, result.IsValid, DetachedSignatures.Failure(result))
        {
            Signer = result.Signer, Anchor = result.Anchor,
            TimestampNote = result.TimestampAuthority is null ? null : $" ({TimestampWording.Signature(result.TimestampAuthority, result.TimestampCounted, result.TimestampRoot)})",
        };
    }

    /// <summary>
    /// A document timestamp's /Contents is an RFC 3161 token over the covered bytes. Its authority is usually a TSA
    /// with its own root (a licensed one), so it need not chain to the organisation's: the token must match the bytes,
    /// and the revision it closes may only add validation data (checked by the caller); where its chain ends is shown,
    /// and whether it counts (its authority chains to the trusted root or to a TSA root given) or is integrity only.
    /// </summary>
    private static PdfSignatureCheck DocumentTimestamp(string name, byte[] signed, byte[] token, long end, X509Certificate2? root,
        IReadOnlyCollection<X509Certificate2> timestampRoots)
    {
        if (!System.Security.Cryptography.Pkcs.Rfc3161TimestampToken.TryDecode(token, out var stamp, out _) || stamp is null
            || !stamp.VerifySignatureForData(signed, out var authority) || authority is null)
        {
            return new(name, null, null, end, false, ReportLanguage.Say("dấu thời gian tài liệu không khớp với phần byte nó phủ", "its document timestamp does not match the bytes it covers"))
            {
                IsDocumentTimestamp = true,
            };
        }

        var at = stamp.TokenInfo.Timestamp;
        var certificates = stamp.AsSignedCms().Certificates;
        var (anchor, _, _) = CmsDetachedSignature.TopOfChain(authority, certificates, root, at);
        var counting = root is null ? null : CmsDetachedSignature.CountingRoot(authority, certificates, [root, .. timestampRoots], at);
        return new(name, authority.Subject, at, end, true, null)
        {
            Signer = authority, Anchor = anchor, IsDocumentTimestamp = true, TimestampNote = TimestampWording.Document(counting, trusting: root is not null),
        };
    }

    private static IEnumerable<(string Name, PdfDictionary Value)> SignatureFields(PdfFile file)
    {
        var catalog = file.GetDictionary(file.RootReference);
        if (catalog["AcroForm"] is null || file.Resolve(file.GetDictionary(catalog["AcroForm"])["Fields"]) is not PdfArray fields)
        {
            yield break;
        }

        // A field's /Kids may name a field again: each object is visited once, and only so many in all.
        var visited = new HashSet<int>();
        var pending = new Stack<(PdfValue Field, string? InheritedType, int Depth)>(fields.Items.Select(f => (f, (string?)null, 0)).Reverse());
        for (var count = 0; pending.Count > 0; count++)
        {
            var (value, inherited, depth) = pending.Pop();
            if (count > MaxFields || (value is PdfReference reference && !visited.Add(reference.Number)))
            {
                throw new InvalidDataException(count > MaxFields ? ReportLanguage.Say("Biểu mẫu có quá nhiều trường.", "The form has too many fields.")
                    : ReportLanguage.Say("Một trường biểu mẫu là con cháu của chính nó hoặc được ghi hai lần.", "A form field is its own descendant or listed twice."));
            }

            var field = file.GetDictionary(value);
            var type = (field["FT"] as PdfName)?.Value ?? inherited;
            if (field["Kids"] is { } kids && depth < 32 && file.Resolve(kids) is PdfArray children)
            {
                foreach (var kid in Enumerable.Reverse(children.Items))
                {
                    pending.Push((kid, type, depth + 1));
                }
            }

            if (type == "Sig" && field["V"] is { } signature && file.Resolve(signature) is PdfDictionary dictionary)
            {
                yield return (field["T"] is PdfBytes t ? PdfText.Decode(t.Value) : ReportLanguage.Say("(không tên)", "(unnamed)"), dictionary);
            }
        }
    }
}
