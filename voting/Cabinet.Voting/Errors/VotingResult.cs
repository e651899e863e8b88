namespace Cabinet.Voting.Errors;

/// <summary>Either a value or a <see cref="VotingError"/>; user input never throws.</summary>
public sealed record VotingResult<T>(T? Value, VotingError? Error)
    where T : class
{
    public bool IsSuccess => Error is null && Value is not null;

    public static VotingResult<T> Ok(T value) => new(value, null);

    public static VotingResult<T> Fail(string code) => new(null, VotingErrors.Get(code));

    public static VotingResult<T> Fail(VotingError error) => new(null, error);

    /// <summary>For callers that have already checked <see cref="IsSuccess"/> (and for tests).</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException($"No value: {Error?.Code} {Error?.Message}");
}
