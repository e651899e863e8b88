namespace Cabinet.Errors;

/// <summary>The answer to a command: accepted at <see cref="Version"/>, or refused with <see cref="Error"/> and nothing changed.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.command-result")]
public sealed record CommandResult(bool Ok, long Version, CabinetError? Error)
{
    public static CommandResult Accepted(long version) => new(true, version, null);

    public static CommandResult Refused(CabinetError error, long version = 0) => new(false, version, error);
}
