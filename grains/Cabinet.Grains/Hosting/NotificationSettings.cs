using System.Collections.Immutable;

namespace Cabinet.Hosting;

/// <summary>The configuration section <c>Cabinet:Notifications</c>, with <c>Cabinet:Email</c> and <c>Cabinet:Sms</c> (secrets already read).</summary>
public sealed record NotificationSettings
{
    public const string Section = "Cabinet:Notifications";

    /// <summary>
    /// Seconds to wait before each retry of a failed e-mail or text message; after the last the delivery is failed for
    /// good. Unset: 1 min, 5 min, 30 min, 2 h (five tries). (Null by default: the configuration binder appends to an array.)
    /// </summary>
    public int[]? RetrySeconds { get; init; }

    /// <summary>How long before a scheduled meeting's start its participants are reminded (minutes). Unset: the day before and 30 minutes before.</summary>
    public int[]? ReminderLeadMinutes { get; init; }

    public ImmutableArray<int> Retries => [.. RetrySeconds ?? [60, 300, 1800, 7200]];

    /// <summary>The reminder lead times, each once, between 1 minute and 30 days.</summary>
    public ImmutableArray<int> ReminderLeads => [.. (ReminderLeadMinutes ?? [1440, 30]).Where(m => m is >= 1 and <= 43_200).Distinct().Take(4)];

    /// <summary>
    /// Minutes after a vote opens to remind those who may vote, have not, and are not on the meeting's page; unset (the
    /// default): no such reminder. Fractions are allowed (0.5: thirty seconds); outside (0, 1440] it is ignored.
    /// </summary>
    public double? VoteOpenReminderMinutes { get; init; }

    /// <summary>The wait after a poll opens before its "you have not voted" notice, or null when none is sent.</summary>
    public TimeSpan? VoteOpenReminderDelay => VoteOpenReminderMinutes is double m and > 0 and <= 1440 ? TimeSpan.FromMinutes(m) : null;

    public EmailSettings Email { get; init; } = new();

    public SmsSettings Sms { get; init; } = new();

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1, or null when no try is left.</summary>
    public TimeSpan? RetryAfter(int attempts) =>
        attempts >= 1 && attempts <= Retries.Length ? TimeSpan.FromSeconds(Math.Max(0, Retries[attempts - 1])) : null;
}

public enum MailSecurity
{
    None = 0,
    StartTls = 1,
    SslOnConnect = 2,
}

/// <summary>The section <c>Cabinet:Email</c>: the SMTP server notices are sent through. Without a host no e-mail is sent.</summary>
public sealed record EmailSettings
{
    public const string Section = "Cabinet:Email";

    public string? Host { get; init; }

    public int Port { get; init; } = 587;

    public MailSecurity Security { get; init; } = MailSecurity.StartTls;

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? PasswordFile { get; init; }

    public string From { get; init; } = "cabinet@localhost";

    public string FromName { get; init; } = "Cabinet — Phòng họp không giấy";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// The section <c>Cabinet:Sms</c>: an HTTP gateway (Vietnamese brand-name gateways differ, so the request is a template).
/// <see cref="BodyTemplate"/> holds <c>{phone}</c> and <c>{text}</c>, escaped for JSON or for a form by <see cref="ContentType"/>.
/// Without a URL no text message is sent.
/// </summary>
public sealed record SmsSettings
{
    public const string Section = "Cabinet:Sms";

    public string? Url { get; init; }

    public string Method { get; init; } = "POST";

    public string ContentType { get; init; } = "application/json";

    public string BodyTemplate { get; init; } = "{\"to\":\"{phone}\",\"text\":\"{text}\"}";

    public Dictionary<string, string>? Headers { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? PasswordFile { get; init; }

    /// <summary>The HTTP status the gateway answers on success; unset: any 2xx.</summary>
    public int? SuccessStatus { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
