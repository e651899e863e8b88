using System.Text.Json;
using Cabinet.Meetings;
using Cabinet.Voting.Tallying;

namespace Cabinet.Web.Administration;

/// <summary>
/// The meeting rules as the admin API and the /admin form carry them: quorum as a fraction of members present,
/// majority by kind (<c>moreThanHalfOfMembers</c>, ...; its fraction only for <c>customFractionOfMembers</c>), and
/// whether deputies vote, and the hours the draft minutes are reviewed (<c>reviewHours</c>, 0 to 720; 24 when left out). The same shape as <c>rules</c> in a meeting's snapshot.
/// </summary>
public sealed record MeetingRulesChange(MeetingRulesChange.Fraction? Quorum, MeetingRulesChange.MajorityChange? Majority, bool? DeputiesVote, int? ReviewHours = null)
{
    /// <summary>The rules, or null when a part is missing or out of range (nothing is guessed).</summary>
    public MeetingRules? ToRules()
    {
        if (Quorum is null || Majority is null || DeputiesVote is null || KindOf(Majority.Kind) is not { } kind)
        {
            return null;
        }

        var majority = MajorityRule.Of(kind, Majority.Numerator ?? 0, Majority.Denominator ?? 0);
        var rules = new MeetingRules(QuorumRule.AtLeast(Quorum.Numerator ?? -1, Quorum.Denominator ?? 0), majority, DeputiesVote.Value)
        {
            ReviewHours = ReviewHours ?? MeetingRules.PeoplesCommittee.ReviewHours,
        };
        return rules.IsValid ? rules : null;
    }

    public static object Show(MeetingRules rules) => new
    {
        quorum = new { numerator = rules.Quorum.Numerator, denominator = rules.Quorum.Denominator },
        majority = new { kind = KindName(rules.Majority.Kind), numerator = rules.Majority.Numerator, denominator = rules.Majority.Denominator },
        deputiesVote = rules.DeputiesVote,
        reviewHours = rules.ReviewHours,
    };

    public static string KindName(MajorityKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static MajorityKind? KindOf(string? name) =>
        Enum.GetValues<MajorityKind>().Cast<MajorityKind?>().FirstOrDefault(k => KindName(k!.Value) == name);

    public sealed record Fraction(int? Numerator, int? Denominator);

    public sealed record MajorityChange(string? Kind, int? Numerator, int? Denominator);
}
