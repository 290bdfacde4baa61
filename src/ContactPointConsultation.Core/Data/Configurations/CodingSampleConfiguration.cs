using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class CodingSampleConfiguration : IEntityTypeConfiguration<CodingSample>
{
    public void Configure(EntityTypeBuilder<CodingSample> builder)
    {
        builder.Property(s => s.DrawnBy).HasMaxLength(256);
        builder.HasIndex(s => s.QuestionNumber);
    }
}
