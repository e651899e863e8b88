using System.Text;
using Cabinet.Hosting;
using Cabinet.People;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Cabinet.Notices;

/// <summary>E-mail through the configured SMTP server (MailKit): the notice as a UTF-8 text message, its invitation as an .ics file.</summary>
public sealed class SmtpNoticeSender(EmailSettings settings, NoticeLinks links) : INoticeSender
{
    public NoticeChannel Channel => NoticeChannel.Email;

    public bool IsConfigured => settings.IsConfigured;

    public bool Reaches(UserProfile person) => !string.IsNullOrEmpty(person.Email);

    public async Task SendAsync(UserProfile person, Notice notice, CancellationToken cancellation)
    {
        using var message = Compose(person, notice);
        using var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security switch
        {
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        }, cancellation);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellation);
        }

        await smtp.SendAsync(message, cancellation);
        await smtp.DisconnectAsync(true, cancellation);
    }

    private MimeMessage Compose(UserProfile person, Notice notice)
    {
        var message = new MimeMessage { Subject = notice.Title };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(new MailboxAddress(person.DisplayName, person.Email!));
        var body = new BodyBuilder { TextBody = $"Kính gửi {person.DisplayName},\n\n{notice.Body}\n\n{links.Absolute(notice.Link)}\n\n— {settings.FromName}\n" };
        if (notice.Calendar is { } calendar)
        {
            var ics = body.Attachments.Add("moi-hop.ics", Encoding.UTF8.GetBytes(calendar), new ContentType("text", "calendar"));
            ics.ContentType.Charset = "utf-8";
            ics.ContentType.Parameters.Add("method", calendar.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "REQUEST");
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
