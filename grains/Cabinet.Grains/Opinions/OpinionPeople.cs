using System.Collections.Immutable;
using Cabinet.Errors;
using Cabinet.People;

namespace Cabinet.Opinions;

/// <summary>Looks up the people a draft names: each must be a person of the ballot's organisation.</summary>
internal static class OpinionPeople
{
    public static async Task<Result<ImmutableArray<OpinionMember>>> LookUpAsync(IGrainFactory grains, string organizationId, IReadOnlyList<string> userNames)
    {
        var profiles = await Task.WhenAll(userNames.Select(n => string.IsNullOrWhiteSpace(n) || n.Length > 100
            ? Task.FromResult<UserProfile?>(null)
            : grains.GetGrain<IUserGrain>(n).GetProfileAsync()));
        for (var i = 0; i < profiles.Length; i++)
        {
            if (profiles[i]?.OrganizationId != organizationId)
            {
                return Result<ImmutableArray<OpinionMember>>.Refused(ErrorCodes.UnknownUser with
                {
                    Message = $"{ErrorCodes.UnknownUser.Message} ({userNames[i]}: không phải người của đơn vị.)",
                });
            }
        }

        return Result<ImmutableArray<OpinionMember>>.Of([.. profiles.Select(p => new OpinionMember(p!.UserName, p.DisplayName, p.Position))]);
    }
}
