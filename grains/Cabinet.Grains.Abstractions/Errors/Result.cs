namespace Cabinet.Errors;

/// <summary>A value, or the reason there is none.</summary>
[GenerateSerializer, Immutable, Alias("cabinet.result`1")]
public sealed record Result<T>(T? Value, CabinetError? Error)
{
    public bool Ok => Error is null;

    public static Result<T> Of(T value) => new(value, null);

    public static Result<T> Refused(CabinetError error) => new(default, error);
}
