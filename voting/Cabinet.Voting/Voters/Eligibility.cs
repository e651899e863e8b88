using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Cabinet.Voting.Errors;

namespace Cabinet.Voting.Voters;

/// <summary>
/// Who may vote, frozen when the poll opens, with the numbers quorum and majority are computed from.
/// Counts are heads; weights are the same sums with each member's weight (equal to the counts when all weights are 1).
/// <see cref="Voters"/> is sorted by user name (ordinal) so the snapshot has one canonical form.
/// </summary>
public sealed record Eligibility(
    ImmutableArray<EligibleVoter> Voters,
    int MemberCount,
    int PresentCount,
    long MemberWeight,
    long PresentWeight,
    string Chair,
    EligibilityPolicy Policy)
{
    public const int MaxWeight = 1000;

    [JsonIgnore]
    public long EligibleWeight => Voters.Sum(v => (long)v.Weight);

    /// <summary>
    /// A binary search, since every ballot of a poll asks (a scan made a 3,000-ballot burst quadratic); a name not
    /// found that way is looked for in full, so a list not in order is never misread.
    /// </summary>
    public EligibleVoter? Find(string? userName)
    {
        if (userName is null || Voters.IsDefaultOrEmpty)
        {
            return null;
        }

        var (low, high) = (0, Voters.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(Voters[middle]?.UserName, userName);
            if (order == 0)
            {
                return Voters[middle];
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return Voters.FirstOrDefault(v => string.Equals(v?.UserName, userName, StringComparison.Ordinal));
    }

    /// <summary>Freezes eligibility from the meeting's members and who is present (non-members in <paramref name="present"/> are ignored).</summary>
    public static VotingResult<Eligibility> Build(
        IEnumerable<string> members,
        IEnumerable<string> present,
        string chair,
        EligibilityPolicy policy,
        IReadOnlyDictionary<string, int>? weights = null)
    {
        var memberList = members.ToList();
        if (memberList.Count == 0)
        {
            return VotingResult<Eligibility>.Fail(VotingErrors.EligibilityNoVoters);
        }

        if (!memberList.All(m => Identifier.IsValid(m)) || memberList.Distinct(StringComparer.Ordinal).Count() != memberList.Count)
        {
            return VotingResult<Eligibility>.Fail(VotingErrors.EligibilityInvalidMember);
        }

        if (!memberList.Contains(chair, StringComparer.Ordinal))
        {
            return VotingResult<Eligibility>.Fail(VotingErrors.EligibilityChairNotMember);
        }

        int WeightOf(string member) => weights is not null && weights.TryGetValue(member, out var w) ? w : 1;
        if (memberList.Any(m => WeightOf(m) is < 1 or > MaxWeight))
        {
            return VotingResult<Eligibility>.Fail(VotingErrors.EligibilityInvalidWeight);
        }

        var presentSet = present.Append(chair).ToHashSet(StringComparer.Ordinal);
        var presentMembers = memberList.Where(presentSet.Contains).ToList();
        var voters = (policy == EligibilityPolicy.AllMembers ? memberList : presentMembers)
            .Order(StringComparer.Ordinal)
            .Select(m => new EligibleVoter(m, WeightOf(m)))
            .ToImmutableArray();

        return VotingResult<Eligibility>.Ok(new Eligibility(
            voters,
            memberList.Count,
            presentMembers.Count,
            memberList.Sum(m => (long)WeightOf(m)),
            presentMembers.Sum(m => (long)WeightOf(m)),
            chair,
            policy));
    }

    /// <summary>Checks a snapshot that did not come from <see cref="Build"/> (e.g. read back from storage).</summary>
    public VotingError? Validate()
    {
        if (Voters.IsDefault || Voters.IsEmpty)
        {
            return VotingErrors.Get(VotingErrors.EligibilityNoVoters);
        }

        if (Voters.Any(v => v is null || !Identifier.IsValid(v.UserName))
            || Voters.Select(v => v.UserName).Distinct(StringComparer.Ordinal).Count() != Voters.Length)
        {
            return VotingErrors.Get(VotingErrors.EligibilityInvalidMember);
        }

        if (Voters.Any(v => v.Weight is < 1 or > MaxWeight))
        {
            return VotingErrors.Get(VotingErrors.EligibilityInvalidWeight);
        }

        if (Find(Chair) is null)
        {
            return VotingErrors.Get(VotingErrors.EligibilityChairNotMember);
        }

        var consistent = Enum.IsDefined(Policy)
            && Voters.Length <= MemberCount && PresentCount >= 1 && PresentCount <= MemberCount
            && EligibleWeight <= MemberWeight && PresentWeight >= 1 && PresentWeight <= MemberWeight
            && MemberWeight <= (long)MemberCount * MaxWeight;
        return consistent ? null : VotingErrors.Get(VotingErrors.EligibilityInconsistent);
    }
}
