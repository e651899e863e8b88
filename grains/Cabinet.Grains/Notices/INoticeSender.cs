using Cabinet.People;

namespace Cabinet.Notices;

/// <summary>One channel's way out (SMTP, the SMS gateway). Throws on failure; the box records the reason and retries.</summary>
public interface INoticeSender
{
    NoticeChannel Channel { get; }

    /// <summary>Whether this installation configured the channel; an unconfigured channel queues nothing.</summary>
    bool IsConfigured { get; }

    /// <summary>Whether <paramref name="person"/> can be reached on this channel (has an address or number).</summary>
    bool Reaches(UserProfile person);

    Task SendAsync(UserProfile person, Notice notice, CancellationToken cancellation);
}
