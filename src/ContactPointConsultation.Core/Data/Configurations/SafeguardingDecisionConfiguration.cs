using ContactPointConsultation.Core.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactPointConsultation.Core.Data.Configurations;

internal sealed class SafeguardingDecisionConfiguration : IEntityTypeConfiguration<SafeguardingDecision>
{
    public void Configure(EntityTypeBuilder<SafeguardingDecision> builder)
    {
        builder.Property(d => d.SharedWithOrganisation).HasMaxLength(SafeguardingLimits.OrganisationMaxLength);
        builder.Property(d => d.SharedWithRole).HasMaxLength(SafeguardingLimits.RoleMaxLength);
        builder.Property(d => d.WhatWasShared).HasMaxLength(SafeguardingLimits.SharedTextMaxLength);
        builder.Property(d => d.WhyShared).HasMaxLength(SafeguardingLimits.SharedTextMaxLength);
        builder.Property(d => d.Notes).HasMaxLength(SafeguardingLimits.NotesMaxLength);
        builder.Property(d => d.ReleasedText).HasMaxLength(ConsultationLimits.CommentMaxLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
    }
}
