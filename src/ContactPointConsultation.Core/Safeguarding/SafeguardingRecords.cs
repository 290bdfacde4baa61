namespace ContactPointConsultation.Core.Safeguarding;

/// <summary>
/// One comment that may disclose harm, and the safeguarding lead's work on it. The record keeps its own
/// copy of the comment and the response's reference: it outlives the response (its own retention
/// period, <see cref="SafeguardingOptions.RetentionMonths"/>), because it is the record of what a child
/// told us and what was done about it.
/// <para>
/// <see cref="Status"/> and <see cref="Release"/> are the latest decision's, kept here so that every
/// page and download can tell in one join whether a comment's text may be shown. The decisions
/// themselves are append-only (<see cref="SafeguardingDecision"/>).
/// </para>
/// </summary>
public sealed class SafeguardingItem
{
    public long Id { get; set; }

    /// <summary>The response; null once the response has been deleted or withdrawn.</summary>
    public long? ResponseId { get; set; }

    public string Reference { get; set; } = "";
    public int QuestionNumber { get; set; }

    /// <summary>The comment as it was sent. Only the Safeguarding role ever sees it.</summary>
    public string OriginalText { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When a lead first opened it: the acknowledgement that stops the reminder.</summary>
    public DateTime? FirstOpenedAt { get; set; }
    public string? FirstOpenedBy { get; set; }

    /// <summary>Set once, in the same transaction as the reminder is put in the outbox.</summary>
    public DateTime? ReminderQueuedAt { get; set; }

    public SafeguardingStatus Status { get; set; }
    public DateTime? DecidedAt { get; set; }
    public SafeguardingRelease Release { get; set; }

    /// <summary>The redacted copy that analysis sees, when <see cref="Release"/> is <see cref="SafeguardingRelease.Redacted"/>.</summary>
    public string? ReleasedText { get; set; }

    /// <summary>Changes with every flag and decision, so two leads deciding at once cannot both succeed.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<SafeguardingFlag> Flags { get; set; } = [];
    public List<SafeguardingDecision> Decisions { get; set; } = [];
}

public enum SafeguardingStatus
{
    Waiting,
    Decided,
}

/// <summary>What analysts, searches and downloads get instead of the comment as written.</summary>
public enum SafeguardingRelease
{
    Withheld,
    AsWritten,
    Redacted,
}

public enum FlagSource
{
    Screen,
    Staff,
}

/// <summary>Why an item is in the queue: the screen's rules that matched, or a staff member's reason.</summary>
public sealed class SafeguardingFlag
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public FlagSource Source { get; set; }

    /// <summary>The screen's matches (rule, category and the words that matched), or what the staff member wrote.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The screen's categories, comma separated; empty for a staff flag.</summary>
    public string Categories { get; set; } = "";

    /// <summary>The staff member who flagged it; null for the screen.</summary>
    public string? FlaggedBy { get; set; }

    public DateTime FlaggedAt { get; set; }

    /// <summary>The screen's rule version, so a flag can be explained after the rules change.</summary>
    public string? ScreenVersion { get; set; }
}

public enum SafeguardingOutcome
{
    NoConcern,
    ConcernShared,
    ConcernNoAction,
}

/// <summary>
/// A lead's decision, with the information-sharing record the DfE's rules ask for: what was shared,
/// with whom, when and why. Append-only: a correction is a new decision, and the database refuses an
/// update.
/// </summary>
public sealed class SafeguardingDecision
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public SafeguardingOutcome Outcome { get; set; }
    public string? SharedWithOrganisation { get; set; }
    public string? SharedWithRole { get; set; }
    public DateTime? SharedOn { get; set; }
    public string? WhatWasShared { get; set; }
    public string? WhyShared { get; set; }
    public string? Notes { get; set; }
    public SafeguardingRelease Release { get; set; }
    public string? ReleasedText { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime DecidedAt { get; set; }
}
