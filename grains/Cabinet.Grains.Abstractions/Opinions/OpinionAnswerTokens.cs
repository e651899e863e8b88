using System.Security.Cryptography;
using System.Text;

namespace Cabinet.Opinions;

/// <summary>
/// How an answer to one question is written in the signed choices (see <see cref="OpinionAnswerSubmission"/>):
/// <c>q1:agree</c>, <c>q1:disagree</c>, <c>q1:other:&lt;sha-256 hex of the written opinion&gt;</c>, <c>q2:o3</c>.
/// </summary>
public static class OpinionAnswerTokens
{
    public const string Agree = "agree";
    public const string Disagree = "disagree";
    public const string Other = "other";

    /// <summary>The token of <paramref name="answer"/> (agree, disagree, an option id; or other with its written opinion).</summary>
    public static string Of(string questionId, string answer, string? writtenOpinion = null) =>
        answer == Other ? $"{questionId}:{Other}:{HashOf(writtenOpinion ?? "")}" : $"{questionId}:{answer}";

    /// <summary>The answer of a token (<c>agree</c>, <c>disagree</c>, <c>other</c> or an option id), without the question id or hash.</summary>
    public static string AnswerOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split(':');
        return parts.Length > 1 ? parts[1] : "";
    }

    /// <summary>The lower-case hex SHA-256 of a written opinion's UTF-8 text, as its <c>other</c> token carries it.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
