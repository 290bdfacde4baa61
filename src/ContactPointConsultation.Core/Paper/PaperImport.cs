using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Paper;

public enum PaperImportStatus
{
    /// <summary>Uploaded and checked with no problems: held until the person says to import it, or for a day.</summary>
    Checked,

    /// <summary>Its responses are stored; the file itself is not kept.</summary>
    Imported,
}

/// <summary>
/// A spreadsheet of responses a group collected offline: uploaded, checked whole, then imported in one go as
/// entered responses of one batch. Between the check and the import its bytes are held in the database
/// (<see cref="PaperImportChunk"/>), so any web node can import it; once imported they are deleted, and this
/// record stays to say where each response came from and that the same file is not imported again.
/// </summary>
public sealed class PaperImport
{
    public long Id { get; set; }

    /// <summary>Each row's entry key is made from it (<see cref="ImportRules.EntryKeyOf"/>), so the import stores each row once however often it runs.</summary>
    public Guid ImportKey { get; set; }

    /// <summary>The file's name as uploaded, as far as <see cref="PaperLimits.ImportFileNameMaxLength"/>.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The SHA-256 of the file's bytes, in hex: the same file is imported once.</summary>
    public string FileDigest { get; set; } = "";

    public long FileBytes { get; set; }

    public ResponseChannel Channel { get; set; }

    /// <summary>The date received of a row that leaves it blank.</summary>
    public DateOnly ReceivedOn { get; set; }

    public string Batch { get; set; } = "";

    /// <summary>The wording version of a row that leaves it blank.</summary>
    public int ContentVersionId { get; set; }

    /// <summary>How many responses the file holds.</summary>
    public int Rows { get; set; }

    /// <summary>
    /// The rows that look like a response already entered in the batch, or like an earlier row of the file, as
    /// <see cref="ImportLookalike"/> JSON (the first hundred); the import needs a reason if there are any.
    /// </summary>
    public string Lookalikes { get; set; } = "[]";

    public int LookalikeCount { get; set; }

    /// <summary>A digest of every lookalike line the check found (<see cref="ImportLookalikes"/>): a reason covers those, and only those.</summary>
    public string LookalikeDigest { get; set; } = "";

    public PaperImportStatus Status { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string? ImportedBy { get; set; }
    public DateTime? ImportedAt { get; set; }

    /// <summary>Why the lookalikes are different responses, as the person importing said.</summary>
    public string? DuplicateReason { get; set; }
}

/// <summary>A piece of a checked file's bytes, in order, until it is imported. Pieces keep memory flat whatever the file's size.</summary>
public sealed class PaperImportChunk
{
    public const int Size = 64 * 1024;

    public long PaperImportId { get; set; }
    public int Sequence { get; set; }
    public byte[] Data { get; set; } = [];
}

/// <summary>A row that looks like one already entered: its line, and the reference it looks like, or the earlier line of the file.</summary>
public sealed record ImportLookalike(int Line, string? Reference, int? SameAsLine);
