using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactPointConsultation.Core.Results;

/// <summary>The "Results" configuration section.</summary>
public sealed class SmallNumberSuppressionOptions
{
    public const string SectionName = "Results";

    /// <summary>In a filtered view, counts under this are hidden, so that nobody in a small group can be picked out.</summary>
    public int SuppressBelow { get; set; } = 10;
}

/// <summary>
/// Hides counts under the threshold, and when only one count of a set that adds up to a shown total
/// would be hidden, hides the next smallest too: otherwise the hidden one is the total minus the rest.
/// </summary>
public sealed class SmallNumberSuppression(IOptions<SmallNumberSuppressionOptions> options)
{
    public int Threshold => options.Value.SuppressBelow;

    public int? Apply(int count) => count < Threshold ? null : count;

    public IReadOnlyList<int?> Apply(IReadOnlyList<int> counts) => Apply(counts, Threshold);

    public static IReadOnlyList<int?> Apply(IReadOnlyList<int> counts, int threshold)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = counts.Select(c => c < threshold ? (int?)null : c).ToList();
        if (shown.Count(c => c is null) == 1 && shown.Count > 1)
        {
            var next = shown.Select((c, i) => (c, i)).Where(x => x.c is not null).MinBy(x => x.c)!.i;
            shown[next] = null;
        }

        return shown;
    }
}

public static class SmallNumberSuppressionSetup
{
    /// <summary>The suppression, with its threshold from the "Results" section.</summary>
    public static IServiceCollection AddSmallNumberSuppression(this IServiceCollection services)
    {
        services.AddOptions<SmallNumberSuppressionOptions>().BindConfiguration(SmallNumberSuppressionOptions.SectionName);
        return services.AddSingleton<SmallNumberSuppression>();
    }
}
