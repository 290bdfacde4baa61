using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactPointConsultation.Core.Notifications;
using MimeKit;
using MimeKit.Text;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>
/// The email to a safeguarding lead. It says only that a comment needs review and where: never the
/// comment, never the response's reference. Whoever reads it must sign in to see more.
/// </summary>
public static class NotificationEmail
{
    public const string FlaggedSubject = "A comment needs safeguarding review";
    public const string ReminderSubject = "Reminder: a comment is still waiting for safeguarding review";

    /// <summary>The page a lead reviews the item on, under the portal's public address.</summary>
    public static string ReviewLink(string publicUrl, long itemId) =>
        string.Create(CultureInfo.InvariantCulture, $"{(publicUrl ?? "").TrimEnd('/')}/staff/safeguarding/{itemId}");

    /// <summary>
    /// The same for every attempt to send one message to one recipient, so a receiving system can spot
    /// the duplicate a crash between the server's acceptance and our record of it could cause.
    /// </summary>
    public static string MessageId(long messageId, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(recipient.Trim().ToUpperInvariant()));
        return string.Create(CultureInfo.InvariantCulture, $"outbox-{messageId}-{Convert.ToHexStringLower(hash)[..16]}@contactpoint-consultation");
    }

    public static MimeMessage Create(OutboxKind kind, long messageId, long itemId, string from, string recipient, string publicUrl, DateTimeOffset now)
    {
        var link = ReviewLink(publicUrl, itemId);
        var opening = kind == OutboxKind.SafeguardingReminder
            ? "A comment in a response to the ContactPoint consultation is still waiting for review by a safeguarding lead. No one has opened it yet."
            : "A comment in a response to the ContactPoint consultation needs review by a safeguarding lead.";
        var message = new MimeMessage
        {
            Subject = kind == OutboxKind.SafeguardingReminder ? ReminderSubject : FlaggedSubject,
            MessageId = MessageId(messageId, recipient),
            Date = now,
            Body = new TextPart(TextFormat.Plain)
            {
                Text = $"""
                    {opening}

                    Review it here:
                    {link}

                    You must sign in to see it. This email does not include the comment.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(recipient));
        return message;
    }
}
