using System.Globalization;
using Microsoft.Diagnostics.Tracing;

// Reads a trace taken by bench/profile.sh (dotnet-trace's gc-verbose profile) and prints, per request served
// while it ran: the bytes allocated by type (from the runtime's allocation ticks, one about every 100 KB), the
// objects finalised by type, and the garbage collections by generation.
//
// usage: TraceReport TRACE.nettrace REQUESTS [TOP]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: TraceReport TRACE.nettrace REQUESTS [TOP]");
    return 2;
}

var culture = CultureInfo.InvariantCulture;
var requests = double.Parse(args[1], culture);
var top = args.Length > 2 ? int.Parse(args[2], culture) : 25;
var allocated = new Dictionary<string, long>(StringComparer.Ordinal);
var finalised = new Dictionary<string, long>(StringComparer.Ordinal);
var typeNames = new Dictionary<ulong, string>();
var jitted = new Dictionary<string, long>(StringComparer.Ordinal);
var collections = new int[3];
var pendingFinalisers = new List<ulong>();

using (var source = new EventPipeEventSource(args[0]))
{
    source.Clr.TypeBulkType += data =>
    {
        for (var i = 0; i < data.Count; i++)
        {
            typeNames[data.Values(i).TypeID] = data.Values(i).TypeName;
        }
    };
    source.Clr.GCAllocationTick += data =>
    {
        Add(allocated, data.TypeName ?? "?", data.AllocationAmount64);
        typeNames.TryAdd(data.TypeID, data.TypeName ?? "?");
    };
    source.Clr.GCFinalizeObject += data =>
    {
        if (!string.IsNullOrEmpty(data.TypeName))
        {
            Add(finalised, data.TypeName, 1);
        }
        else
        {
            pendingFinalisers.Add(data.TypeID);
        }
    };
    source.Clr.MethodLoadVerbose += data =>
    {
        if (!data.IsJitted)
        {
            return;
        }

        var name = $"{data.MethodNamespace}.{data.MethodName}";
        Add(jitted, name.Length > 160 ? name[..160] : name, 1);
    };
    source.Clr.GCStart += data => collections[Math.Min(data.Depth, 2)]++;
    source.Process();
}

foreach (var type in pendingFinalisers)
{
    Add(finalised, typeNames.TryGetValue(type, out var name) ? name : $"type 0x{type:x}", 1);
}

var totalBytes = allocated.Values.Sum();
Console.WriteLine(string.Create(culture, $"requests {requests:N0}; allocated about {totalBytes / requests:N0} bytes a request (sampled)"));
Console.WriteLine(string.Create(culture, $"collections: gen0 {collections[0]}, gen1 {collections[1]}, gen2 {collections[2]} ({requests / Math.Max(1, collections.Sum()):N0} requests a collection)"));
Console.WriteLine();
Console.WriteLine("| Type allocated | Bytes a request | Share |");
Console.WriteLine("| --- | ---: | ---: |");
foreach (var (type, bytes) in allocated.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine(string.Create(culture, $"| `{type}` | {bytes / requests:N0} | {(double)bytes / totalBytes:P1} |"));
}

Console.WriteLine();
Console.WriteLine("| Type finalised | Objects | A request |");
Console.WriteLine("| --- | ---: | ---: |");
foreach (var (type, count) in finalised.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine(string.Create(culture, $"| `{type}` | {count:N0} | {count / requests:N3} |"));
}

Console.WriteLine();
Console.WriteLine(string.Create(culture, $"Methods compiled while it ran: {jitted.Values.Sum():N0} ({jitted.Values.Sum() / requests:N3} a request)"));
Console.WriteLine();
Console.WriteLine("| Method compiled | Times |");
Console.WriteLine("| --- | ---: |");
foreach (var (method, count) in jitted.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine(string.Create(culture, $"| `{method.Replace("|", "\\|", StringComparison.Ordinal)}` | {count:N0} |"));
}

return 0;

static void Add(Dictionary<string, long> totals, string key, long amount) =>
    totals[key] = totals.GetValueOrDefault(key) + amount;
