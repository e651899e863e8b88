using System.ComponentModel.DataAnnotations;

namespace Cabinet.People;

/// <summary>What a password hash costs (configuration section <c>Cabinet:Passwords</c>).</summary>
public sealed record PasswordHashSettings
{
    public const string Section = "Cabinet:Passwords";

    /// <summary>ASP.NET Core Identity's own count for PBKDF2-HMAC-SHA512; outside Development Cabinet refuses to start below it.</summary>
    public const int ProductionMinimumIterations = 100_000;

    /// <summary>
    /// PBKDF2 iterations of a new hash. A hash made with fewer than this is rehashed at its owner's next sign-in. Lower
    /// only in Development (the test servers use fewer, so their many sign-ins and seeded accounts cost little CPU).
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int Iterations { get; init; } = ProductionMinimumIterations;
}
