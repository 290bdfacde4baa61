using ContactPointConsultation.Core.Paper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class ResponseRevisionConfiguration : IEntityTypeConfiguration<ResponseRevision>
{
    public void Configure(EntityTypeBuilder<ResponseRevision> builder)
    {
        builder.Property(r => r.RevisedBy).HasMaxLength(256);
        builder.HasIndex(r => r.ResponseId);

        // A withdrawn response, or one past its time, takes its earlier words with it.
        builder.HasOne<Response>().WithMany().HasForeignKey(r => r.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}
