namespace ContactPointConsultation.Core.Notifications;

/// <summary>
/// A notification that must be sent: written in the same transaction as whatever caused it, and
/// delivered afterwards by <c>OutboxSender</c>, with retries. It holds no comment text. The recipients
/// are worked out when it is sent, so a message written before any lead had an account still reaches
/// the leads who have one by then.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }

    /// <summary>The safeguarding item the message is about.</summary>
    public long? SafeguardingItemId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>The node sending it now, and until when: one node sends a message at a time.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }

    public List<OutboxDelivery> Deliveries { get; set; } = [];
}

public enum OutboxKind
{
    /// <summary>A new flag: to every active Safeguarding account.</summary>
    SafeguardingFlagged,

    /// <summary>Nobody has opened the item in time: to the Safeguarding accounts and every admin.</summary>
    SafeguardingReminder,
}

/// <summary>One recipient of one message, written as soon as the mail server has taken it, so a restart never sends it twice.</summary>
public sealed class OutboxDelivery
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public string Recipient { get; set; } = "";
    public DateTime SentAt { get; set; }
}
