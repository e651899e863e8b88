using System.Collections.Immutable;
using Cabinet.Voting.Canonical;

namespace Cabinet.Voting.Ballots;

/// <summary>
/// What a delegate signs on their own device. <see cref="ToSigningBytes"/> is the exact byte string the browser
/// signs with WebCrypto ECDSA P-256 / SHA-256, so a JavaScript client must rebuild it byte for byte:
/// <code>
/// {"meetingId":"m-1","pollId":"p-1","voter":"nguyenvana","choices":["yes"],"nonce":"q3V9xK2mW8pL0aZr7TbY1c","castAt":"2025-03-01T02:15:30.12+00:00"}
/// </code>
/// UTF-8, no whitespace, these six camelCase keys in this order. The strings are printable ASCII without
/// <c>"</c> or <c>\</c> (anything else is refused as <c>ballot.malformed</c>), so <c>JSON.stringify</c> of an
/// object built with the keys in this order gives the same bytes. <c>choices</c> keeps the order the voter gave.
/// <c>nonce</c> is 16–64 characters of base64url (<c>A–Z a–z 0–9 - _</c>), e.g. 16 random bytes → 22 characters.
/// <c>castAt</c> is written as System.Text.Json writes a DateTimeOffset: the round-trip "O" form
/// <c>yyyy-MM-ddTHH:mm:ss[.fffffff]±HH:mm</c> with trailing zeros of the fraction removed (and the dot with them
/// when the fraction is zero), and the offset always as <c>±HH:mm</c>, never <c>Z</c>. From JavaScript:
/// <code>
/// const iso = new Date().toISOString();                 // 2025-03-01T02:15:30.120Z
/// const [s, f] = iso.slice(0, -1).split(".");
/// const frac = f.replace(/0+$/, "");
/// const castAt = s + (frac ? "." + frac : "") + "+00:00"; // 2025-03-01T02:15:30.12+00:00
/// </code>
/// </summary>
public sealed record BallotContent(
    string MeetingId,
    string PollId,
    string Voter,
    ImmutableArray<string> Choices,
    string Nonce,
    DateTimeOffset CastAt)
{
    public byte[] ToSigningBytes() => CanonicalJson.Serialize(this);
}
