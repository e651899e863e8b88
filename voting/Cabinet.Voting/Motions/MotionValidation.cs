using System.Collections.Immutable;
using Cabinet.Voting.Errors;

namespace Cabinet.Voting.Motions;

internal static class MotionValidation
{
    public const int MaxOptions = 100;
    public const int MaxLabelLength = 500;

    public static ImmutableArray<VotingError> Validate(Motion motion)
    {
        var errors = ImmutableArray.CreateBuilder<VotingError>();
        if (!Identifier.IsValid(motion.Id) || !Identifier.IsValid(motion.AgendaItemId))
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionInvalidId));
        }

        if (string.IsNullOrWhiteSpace(motion.Title))
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionTitleRequired));
        }
        else if (motion.Title.Length > Motion.MaxTitleLength)
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionTitleTooLong));
        }

        if (!OptionsAreValid(motion))
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionInvalidOptions));
        }
        else if (!LimitsAreValid(motion))
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionInvalidChoiceLimits));
        }

        if (motion.Quorum is null || !motion.Quorum.IsValid)
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionInvalidQuorum));
        }

        if (motion.Majority is null || !motion.Majority.IsValid)
        {
            errors.Add(VotingErrors.Get(VotingErrors.MotionInvalidMajority));
        }

        return errors.ToImmutable();
    }

    private static bool OptionsAreValid(Motion motion)
    {
        if (motion.Options.IsDefault || !Enum.IsDefined(motion.Kind) || !Enum.IsDefined(motion.Secrecy))
        {
            return false;
        }

        var ids = motion.Options.Select(o => o?.Id).ToList();
        if (motion.Kind == MotionKind.YesNoAbstain)
        {
            return ids.SequenceEqual(YesNoChoices.Options.Select(o => o.Id), StringComparer.Ordinal);
        }

        return motion.Options.Length is >= 2 and <= MaxOptions
            && motion.Options.All(o => o is not null && Identifier.IsValid(o.Id, 64)
                && !string.IsNullOrWhiteSpace(o.Label) && o.Label.Length <= MaxLabelLength)
            && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count;
    }

    private static bool LimitsAreValid(Motion motion) => motion.Kind switch
    {
        MotionKind.MultipleChoice => motion.MinChoices >= 1 && motion.MinChoices <= motion.MaxChoices
            && motion.MaxChoices <= motion.Options.Length,
        _ => motion.MinChoices == 1 && motion.MaxChoices == 1,
    };
}
