using ContactPointConsultation.Core.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class CodingSampleItemConfiguration : IEntityTypeConfiguration<CodingSampleItem>
{
    public void Configure(EntityTypeBuilder<CodingSampleItem> builder)
    {
        builder.Property(i => i.SecondCodedBy).HasMaxLength(256);
        builder.Property(i => i.SettledBy).HasMaxLength(256);

        // A comment is in a sample once.
        builder.HasIndex(i => new { i.SampleId, i.ResponseId }).IsUnique();
        builder.HasOne<CodingSample>().WithMany().HasForeignKey(i => i.SampleId).OnDelete(DeleteBehavior.Cascade);

        // A withdrawn response leaves every sample it was in.
        builder.HasOne<ResponseAnswer>().WithMany().HasForeignKey(i => new { i.ResponseId, i.QuestionNumber }).OnDelete(DeleteBehavior.Cascade);
    }
}
