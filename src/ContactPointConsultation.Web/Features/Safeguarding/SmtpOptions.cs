using MailKit.Security;

namespace ContactPointConsultation.Web.Features.Safeguarding;

/// <summary>The mail server that emails the safeguarding leads, from the "Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>The sender: an address, or a name and an address ("ContactPoint consultation &lt;noreply@example.gov.uk&gt;").</summary>
    public string From { get; set; } = "";

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Signs in to the mail server only when a user name is given.</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>How often the outbox is checked for messages to send, and for flagged comments nobody has opened.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Without a host and a sender nothing can be sent; messages wait in the outbox until there are.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or a private network.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; refuses to go on if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte, usually on port 465.</summary>
    SslOnConnect,
}
