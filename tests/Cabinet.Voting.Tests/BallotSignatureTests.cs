using System.Security.Cryptography;
using System.Text;
using Cabinet.Voting.Ballots;

namespace Cabinet.Voting.Tests;

public sealed class BallotSignatureTests
{
    private static readonly BallotContent Content = new("ubnd-tinh/2025-03-01", "poll-1", "nguyenvana", ["yes"],
        "q3V9xK2mW8pL0aZr7TbY1c", new DateTimeOffset(2025, 3, 1, 2, 15, 30, 120, TimeSpan.Zero));

    [Fact]
    public void P256_P1363_signature_over_the_signing_bytes_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = key.SignData(Content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.Equal(64, signature.Length);
        Assert.True(BallotSignatureVerifier.Verify(Content, signature, key.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public void Flipped_signature_byte_or_changed_content_fails()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var signature = key.SignData(Content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var flipped = (byte[])signature.Clone();
        flipped[10] ^= 0x01;

        Assert.False(BallotSignatureVerifier.Verify(Content, flipped, spki));
        Assert.False(BallotSignatureVerifier.Verify(Content with { Choices = ["no"] }, signature, spki));
    }

    [Fact]
    public void P384_key_DER_signature_and_garbage_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p384Signature = p384.SignData(Content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var der = p256.SignData(Content.ToSigningBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        Assert.False(BallotSignatureVerifier.Verify(Content, p384Signature, p384.ExportSubjectPublicKeyInfo()));
        Assert.False(BallotSignatureVerifier.Verify(Content, der, p256.ExportSubjectPublicKeyInfo()));
        Assert.False(BallotSignatureVerifier.Verify(Content, new byte[64], [0x30, 0x03, 0x01, 0x02, 0x03]));
    }

    [Fact]
    public void Signing_bytes_are_the_documented_json_a_browser_builds_by_hand()
    {
        const string json = """{"meetingId":"ubnd-tinh/2025-03-01","pollId":"poll-1","voter":"nguyenvana","choices":["yes"],"nonce":"q3V9xK2mW8pL0aZr7TbY1c","castAt":"2025-03-01T02:15:30.12+00:00"}""";

        Assert.Equal(json, Encoding.UTF8.GetString(Content.ToSigningBytes()));
    }

    [Theory]
    [InlineData(0, 0, "+07:00", "2025-03-01T09:15:30+07:00")]
    [InlineData(500, 0, "+00:00", "2025-03-01T09:15:30.5+00:00")]
    [InlineData(123, 4567, "+00:00", "2025-03-01T09:15:30.1234567+00:00")]
    public void CastAt_is_written_in_round_trip_form_with_trailing_zeros_trimmed(int ms, int extraTicks, string offset, string expected)
    {
        var at = new DateTimeOffset(2025, 3, 1, 9, 15, 30, ms, TimeSpan.Parse(offset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture))
            .AddTicks(extraTicks);
        var json = Encoding.UTF8.GetString((Content with { CastAt = at }).ToSigningBytes());

        Assert.EndsWith($"\"castAt\":\"{expected}\"}}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Permitted_punctuation_in_ids_is_written_unescaped_like_JSON_stringify()
    {
        var content = Content with { Voter = "a+b<c>&'`@x.vn", Choices = ["opt-1", "opt_2"] };

        Assert.Contains("\"voter\":\"a+b<c>&'`@x.vn\",\"choices\":[\"opt-1\",\"opt_2\"]", Encoding.UTF8.GetString(content.ToSigningBytes()), StringComparison.Ordinal);
    }
}
