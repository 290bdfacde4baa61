using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>One email as the server received it: who the envelope was for, and the message itself.</summary>
public sealed record ReceivedEmail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message)
{
    public string To => EnvelopeTo.Single();
}

/// <summary>
/// A real SMTP server on 127.0.0.1, on a port of its own, keeping every message it accepts. A test can
/// make it refuse messages with a 451, as a mail server having an outage does.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public const string From = "ContactPoint consultation <noreply@consult.example.gov.uk>";
    public const string PublicUrl = "https://consult.example.gov.uk";

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private readonly List<ReceivedEmail> _received = [];
    private readonly Lock _lock = new();
    private int _acceptBeforeRefusing = int.MaxValue;

    private LoopbackSmtpServer(int port, SmtpServer.SmtpServer server, CancellationTokenSource stop, Task running)
    {
        Port = port;
        _server = server;
        _stop = stop;
        _running = running;
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedEmail> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The portal's settings to send through this server, in plain text, with no sign-in.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = From,
        ["Smtp:Security"] = "None",
        ["Portal:PublicUrl"] = PublicUrl,
    };

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var store = new Store();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(store);

        // Port 0: the system picks a free one, and the listener says which.
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = Task.Run(() => server.StartAsync(stop.Token));
        var port = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var smtp = new LoopbackSmtpServer(port, server, stop, running);
        store.Owner = smtp;
        return smtp;
    }

    /// <summary>Refuses every message from now on, until <see cref="Accept"/>.</summary>
    public void Refuse() => AcceptOnly(0);

    public void Accept() => AcceptOnly(int.MaxValue);

    /// <summary>Accepts the next <paramref name="count"/> messages, then refuses the rest.</summary>
    public void AcceptOnly(int count) => Volatile.Write(ref _acceptBeforeRefusing, count);

    public void Clear()
    {
        lock (_lock)
        {
            _received.Clear();
        }
    }

    private SmtpResponse Take(IMessageTransaction transaction, MimeMessage message)
    {
        lock (_lock)
        {
            if (_acceptBeforeRefusing <= 0)
            {
                return new SmtpResponse(SmtpReplyCode.Aborted, "Mail service unavailable, try again later");
            }

            if (_acceptBeforeRefusing != int.MaxValue)
            {
                _acceptBeforeRefusing--;
            }

            _received.Add(new ReceivedEmail([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
            return SmtpResponse.Ok;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public LoopbackSmtpServer? Owner { get; set; }

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            return Owner!.Take(transaction, message);
        }
    }
}
