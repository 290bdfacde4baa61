using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ContactPointConsultation.Core.Data;

/// <summary>
/// A compiled query for each model it meets. EF Core binds a compiled query to the first model it runs with and
/// refuses any other, and each provider builds its own model: a process that holds contexts on two providers (the
/// tests run SQLite and PostgreSQL side by side) needs one compilation each. A deployed node has one model, so
/// this is one lookup of a weak table, which does not keep a model alive.
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => compile());
    }
}
