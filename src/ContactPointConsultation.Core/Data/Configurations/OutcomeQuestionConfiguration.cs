using ContactPointConsultation.Core.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class OutcomeQuestionConfiguration : IEntityTypeConfiguration<OutcomeQuestion>
{
    public void Configure(EntityTypeBuilder<OutcomeQuestion> builder)
    {
        builder.HasIndex(q => new { q.OutcomeVersionId, q.QuestionNumber }).IsUnique();
        builder.Property(q => q.SectionTitle).HasMaxLength(200);
        builder.Property(q => q.WhatWeAsked).HasMaxLength(1000);
        builder.Property(q => q.WhatYouSaid).HasMaxLength(OutcomeLimits.TextMaxLength);
        builder.Property(q => q.WhatYouSaidEasyRead).HasMaxLength(OutcomeLimits.TextMaxLength);
        builder.Property(q => q.WhatWeDid).HasMaxLength(OutcomeLimits.TextMaxLength);
        builder.Property(q => q.WhatWeDidEasyRead).HasMaxLength(OutcomeLimits.TextMaxLength);
    }
}
