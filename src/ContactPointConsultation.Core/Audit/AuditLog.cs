using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactPointConsultation.Core.Data;

namespace ContactPointConsultation.Core.Audit;

/// <summary>Writes audit events. There is deliberately no way to change or remove one.</summary>
public sealed class AuditLog(ConsultationDbContext db, TimeProvider clock)
{
    // Enums by name, so a filter reads "AgeGroup":"From11To13" rather than a number.
    private static readonly JsonSerializerOptions JsonOptions = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task RecordAsync(string actor, string action, string? target = null, object? details = null, IPAddress? from = null, CancellationToken cancellationToken = default)
    {
        Add(actor, action, target, details, from);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to the changes being saved, so it is stored with them or not at all.</summary>
    public void Add(string actor, string action, string? target = null, object? details = null, IPAddress? from = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
            FromAddress = Truncate(from),
        });
    }

    public static string? Truncate(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++)
        {
            bytes[i] = 0;
        }

        return $"{new IPAddress(bytes)}/{keep * 8}";
    }
}
