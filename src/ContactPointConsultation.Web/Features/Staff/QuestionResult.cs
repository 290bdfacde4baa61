namespace ContactPointConsultation.Web.Features.Staff;

/// <summary>One question's answers, as the results page's chart and table show them.</summary>
public sealed record QuestionResult(int Number, string SectionTitle, string Question, IReadOnlyList<ResultBar> Bars);

/// <summary>One bar: a count, or null where it is too small to show in a filtered view.</summary>
public sealed record ResultBar(string Label, int? Count, int? Percent);
