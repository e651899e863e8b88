using System.Collections.Immutable;

namespace Cabinet.Closing;

/// <summary>
/// The minutes of a closed meeting on their way to the archive: the current PDF (draft, then each signature added),
/// the review period and its comments, who signs in which order and who has signed. Every participant sees it.
/// </summary>
/// <param name="Revision">1 for the first draft; the secretary's redraft adds one.</param>
/// <param name="Sha256">The current PDF's SHA-256 (the draft, or the draft with the signatures so far).</param>
/// <param name="Signatories">The people who sign, in order (the secretary, then the chair), fixed at the first draft.</param>
[GenerateSerializer, Immutable, Alias("cabinet.minutes-view")]
public sealed record MinutesView(
    int Revision,
    string Sha256,
    DateTimeOffset DraftedAt,
    DateTimeOffset ReviewEndsAt,
    ImmutableArray<MinutesComment> Comments,
    ImmutableArray<MinutesSignatory> Signatories,
    ImmutableArray<MinutesSignature> Signatures,
    DateTimeOffset? SealedAt = null)
{
    public const int MaxComments = 200;
    public const int MaxCommentChars = 2000;
    public const int MaxRevisions = 20;

    public MinutesStep StepAt(DateTimeOffset now) =>
        now < ReviewEndsAt && Signatures.IsEmpty ? MinutesStep.Review
        : Signatures.Length < Signatories.Length ? MinutesStep.Signing
        : SealedAt is null ? MinutesStep.Seal
        : MinutesStep.Archiving;

    /// <summary>Whose personal signature comes next, or null once every signatory has signed.</summary>
    public MinutesSignatory? NextSignatory => Signatures.Length < Signatories.Length ? Signatories[Signatures.Length] : null;

    /// <summary>The record with the next signatory's signature added; <paramref name="sha256"/> is the PDF that carries it.</summary>
    public MinutesView SignedBy(MinutesSignature signature, string sha256) => this with { Sha256 = sha256, Signatures = Signatures.Add(signature) };
}

/// <summary>Where the minutes stand; <see cref="MinutesView.StepAt"/> (the review ends with time, not with an event).</summary>
public enum MinutesStep
{
    Review = 0,
    Signing = 1,
    Seal = 2,
    Archiving = 3,
}

/// <summary>A participant's comment on a draft, for the secretary.</summary>
/// <param name="Revision">The draft it was made on; a later revision means the secretary has taken it into account.</param>
[GenerateSerializer, Immutable, Alias("cabinet.minutes-comment")]
public sealed record MinutesComment(int Number, string UserName, string DisplayName, int Revision, string Text, DateTimeOffset At);

/// <summary>One of the people who sign the minutes: <paramref name="Title"/> as printed (THƯ KÝ, CHỦ TỌA).</summary>
[GenerateSerializer, Immutable, Alias("cabinet.minutes-signatory")]
public sealed record MinutesSignatory(string UserName, string DisplayName, string Title, string FieldName);

/// <summary>A personal signature on the minutes: who, when, with which device and certificate.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.minutes-signature")]
public sealed record MinutesSignature(string UserName, string DisplayName, string Title, DateTimeOffset SignedAt, string DeviceId, string CertificateSha256);

/// <summary>
/// What the person's device must sign to add their signature: the DER of the CMS signed-attributes SET (ECDSA P-256
/// with SHA-256 over exactly these bytes, as WebCrypto does), before <see cref="ExpiresAt"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("cabinet.minutes-signing-challenge")]
public sealed record MinutesSigningChallenge(string SignedAttributesBase64, string CertificateBase64, DateTimeOffset ExpiresAt);
