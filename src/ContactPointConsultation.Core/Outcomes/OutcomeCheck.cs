using ContactPointConsultation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Core.Outcomes;

/// <summary>
/// Which questions a response answered, found by its reference, so its sender can read what happened about them.
/// It tells nothing else: not the answers, not the comments, not when it was sent. A withdrawn response is gone,
/// so it is found no more than a reference never given.
/// </summary>
public sealed class OutcomeCheck(ConsultationDbContext db)
{
    /// <summary>The numbers of the questions answered (a choice or a comment), in order; null for no such response.</summary>
    public async Task<IReadOnlyList<int>?> AnsweredAsync(string? typedReference, CancellationToken cancellationToken = default)
    {
        var reference = ReferenceCode.Normalise(typedReference);
        if (!ReferenceCode.IsWellFormed(reference))
        {
            return null;
        }

        var found = await db.Responses.AsNoTracking()
            .Where(r => r.Reference == reference)
            .Select(r => new { Answered = r.Answers.Where(a => a.Choice != null || a.Comments != null).Select(a => a.QuestionNumber).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : [.. found.Answered.Order()];
    }
}
