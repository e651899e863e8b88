using Cabinet.Voting.Polls;

namespace Cabinet.Polls;

[GenerateSerializer]
public sealed record PollState
{
    [Id(0)] public PollBook? Book { get; init; }
    [Id(1)] public SignedPollResult? Result { get; init; }
}
