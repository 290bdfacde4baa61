using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel socket over TLS, behind a pretend load balancer at 127.0.0.1, so every
/// client can come from its own address. HTTPS matters: the cookies are Secure, as in production,
/// and a real HTTP client only sends them back over HTTPS.
/// </summary>
public sealed class HttpsKestrelPortal : PortalFactory
{
    private readonly X509Certificate2 _certificate = CreateCertificate();

    public HttpsKestrelPortal(IReadOnlyDictionary<string, string?>? settings = null)
        : base(WithLoopbackProxy(settings)) =>
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
        return BaseUrl;
    }

    /// <summary>
    /// A client with its own cookie jar and connection, arriving (as the proxy says) from
    /// <paramref name="address"/>. Every response it receives also goes to <paramref name="onResponse"/>.
    /// </summary>
    public Respondent CreateRemoteRespondent(IPAddress address, Action<HttpResponseMessage>? onResponse = null)
    {
        var cookies = new CookieContainer();
        var socket = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString(),
            },
        };
        var observer = new ObservingHandler(address, onResponse) { InnerHandler = socket };
        var handler = new RedirectHandler { InnerHandler = new CookieContainerHandler(cookies) { InnerHandler = observer } };
        return new Respondent(new HttpClient(handler) { BaseAddress = BaseUrl }, cookies);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _certificate.Dispose();
    }

    private static Dictionary<string, string?> WithLoopbackProxy(IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Hosting:KnownProxies:0"] = IPAddress.Loopback.ToString(),
        };
        return all;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Re-imported so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Says which address the request came from, as the load balancer would, and reports each response.</summary>
    private sealed class ObservingHandler(IPAddress address, Action<HttpResponseMessage>? onResponse) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-For", address.ToString());
            request.Headers.Add("X-Forwarded-Proto", "https");
            var response = await base.SendAsync(request, cancellationToken);
            onResponse?.Invoke(response);
            return response;
        }
    }
}
