using System.Text.RegularExpressions;
using ContactPointConsultation.Core.Notifications;
using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Tests.Infrastructure;
using ContactPointConsultation.Web.Features.Safeguarding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContactPointConsultation.Tests.Safeguarding;

/// <summary>
/// Emails to safeguarding leads, sent by the real portal through a real SMTP server on loopback. Most
/// tests run a round of the sender themselves, on a clock they move; one leaves it to the background loop.
/// </summary>
public sealed class NotificationTests
{
    private const string Disclosure = "my step dad hits me when mum is out";
    private const string NotSent = "The sender's loop did not send it after the clock moved on";

    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task Flag_SendsOneEmailToEachActiveSafeguardingLead_WithALinkAndNoCommentText()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var portal = NotifyingPortal(smtp);
        var leads = new[] { await AccountAsync(portal, StaffRoles.Safeguarding), await AccountAsync(portal, StaffRoles.Safeguarding) };
        await DisableAsync(portal, await AccountAsync(portal, StaffRoles.Safeguarding));
        await AccountAsync(portal, StaffRoles.Analyst);

        var (reference, itemId) = await FlagAsync(portal);
        await RoundAsync(portal);

        var received = smtp.Received;
        Assert.Equal(leads.Order(StringComparer.OrdinalIgnoreCase), received.Select(r => r.To).Order(StringComparer.OrdinalIgnoreCase));
        var messageId = await portal.QueryAsync(db => db.OutboxMessages.Select(m => m.Id).SingleAsync());
        foreach (var email in received)
        {
            Assert.Equal(NotificationEmail.FlaggedSubject, email.Message.Subject);
            Assert.Equal(email.To, Assert.Single(email.Message.To.Mailboxes).Address);
            Assert.Contains($"https://consult.example.gov.uk/staff/safeguarding/{itemId}", email.Message.TextBody, StringComparison.Ordinal);
            Assert.Contains("sign in", email.Message.TextBody, StringComparison.Ordinal);
            Assert.Matches($"^outbox-{messageId}-[0-9a-f]{{16}}@contactpoint-consultation$", email.Message.MessageId);
            AssertNothingFromTheResponse(email, reference);
        }

        Assert.Equal(2, received.Select(r => r.Message.MessageId).Distinct().Count());
        var message = await portal.QueryAsync(db => db.OutboxMessages.Include(m => m.Deliveries).SingleAsync());
        Assert.NotNull(message.CompletedAt);
        Assert.Null(message.ClaimedBy);
        Assert.Equal(2, message.Deliveries.Count);
    }

    [Fact]
    public async Task SmtpOutage_MessageWaitsAndIsSentWhenTheServerRecovers()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var portal = NotifyingPortal(smtp);
        var lead = await AccountAsync(portal, StaffRoles.Safeguarding);
        smtp.Refuse();

        await FlagAsync(portal);
        await RoundAsync(portal);

        Assert.Empty(smtp.Received);
        var waiting = await AssertWaitingAsync(portal, attempts: 1, retryIn: TimeSpan.FromSeconds(30));
        Assert.Contains("Mail service unavailable", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, await portal.QueryAsync(db => db.OutboxDeliveries.CountAsync()));

        // The next try is not before its back-off, and a second failure doubles it.
        await RoundAsync(portal);
        await AssertWaitingAsync(portal, attempts: 1, retryIn: TimeSpan.FromSeconds(30));
        portal.Clock!.Advance(TimeSpan.FromSeconds(30));
        await RoundAsync(portal);
        await AssertWaitingAsync(portal, attempts: 2, retryIn: TimeSpan.FromMinutes(1));

        // Recovered: the background loop, woken by the clock, sends it.
        smtp.Accept();
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await BackgroundJobs.WaitForAsync(() => smtp.Received.Count > 0, NotSent);

        Assert.Equal(lead, Assert.Single(smtp.Received).To);
        await BackgroundJobs.WaitForAsync(async () => await portal.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.CompletedAt != null)), NotSent);
    }

    [Fact]
    public async Task RestartMidDelivery_EachRecipientGetsExactlyOneMessage()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var database = PortalFactory.NewDatabasePath();
        try
        {
            string[] leads;
            await using (var first = NotifyingPortal(smtp, database))
            {
                leads = [await AccountAsync(first, StaffRoles.Safeguarding), await AccountAsync(first, StaffRoles.Safeguarding),
                    await AccountAsync(first, StaffRoles.Safeguarding), await AccountAsync(first, StaffRoles.Safeguarding)];

                // The server takes two, then goes down part way through.
                smtp.AcceptOnly(2);
                await FlagAsync(first);
                await RoundAsync(first);
                Assert.Equal(2, smtp.Received.Count);
                Assert.Equal(2, await first.QueryAsync(db => db.OutboxDeliveries.CountAsync()));
            }

            // A fresh portal on the same database, a minute later, with the server back.
            smtp.Accept();
            await using var second = NotifyingPortal(smtp, database, Start.AddMinutes(1));
            await RoundAsync(second);

            Assert.Equal(leads.Order(StringComparer.OrdinalIgnoreCase), smtp.Received.Select(r => r.To).Order(StringComparer.OrdinalIgnoreCase));
            Assert.Equal(4, await second.QueryAsync(db => db.OutboxDeliveries.CountAsync()));
            Assert.True(await second.QueryAsync(db => db.OutboxMessages.AllAsync(m => m.CompletedAt != null)));
        }
        finally
        {
            PortalFactory.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task NoSafeguardingAccount_MessageWaitsInTheOutbox_AndIsSentOnceALeadExists()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var portal = NotifyingPortal(smtp);
        await AccountAsync(portal, StaffRoles.Admin);

        await FlagAsync(portal);
        await RoundAsync(portal);

        Assert.Empty(smtp.Received);
        var waiting = await AssertWaitingAsync(portal, attempts: 0, retryIn: OutboxDispatcher.HoldFor);
        Assert.Equal(OutboxDispatcher.NoLead, waiting.LastError);

        var lead = await AccountAsync(portal, StaffRoles.Safeguarding);
        portal.Clock!.Advance(TimeSpan.FromMinutes(1));
        await RoundAsync(portal);

        Assert.Equal(lead, Assert.Single(smtp.Received).To);
        Assert.NotNull((await portal.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync())).CompletedAt);
    }

    [Fact]
    public async Task UnopenedForFourHours_RemindsTheLeadsAndEveryAdmin_Once()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var portal = NotifyingPortal(smtp);
        var lead = await AccountAsync(portal, StaffRoles.Safeguarding);
        var admin = await AccountAsync(portal, StaffRoles.Admin);
        var leadAndAdmin = await AccountAsync(portal, StaffRoles.Safeguarding);
        await portal.WithUserAsync(leadAndAdmin, (users, user) => users.AddToRoleAsync(user, StaffRoles.Admin));
        await DisableAsync(portal, await AccountAsync(portal, StaffRoles.Admin));
        await AccountAsync(portal, StaffRoles.Analyst);

        var (reference, itemId) = await FlagAsync(portal);
        await RoundAsync(portal);
        Assert.Equal(2, smtp.Received.Count);
        smtp.Clear();

        portal.Clock!.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(59));
        await RoundAsync(portal);
        Assert.Empty(smtp.Received);

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await RoundAsync(portal);

        var reminders = smtp.Received;
        Assert.Equal(new[] { lead, admin, leadAndAdmin }.Order(StringComparer.OrdinalIgnoreCase), reminders.Select(r => r.To).Order(StringComparer.OrdinalIgnoreCase));
        foreach (var email in reminders)
        {
            Assert.Equal(NotificationEmail.ReminderSubject, email.Message.Subject);
            Assert.Contains($"https://consult.example.gov.uk/staff/safeguarding/{itemId}", email.Message.TextBody, StringComparison.Ordinal);
            AssertNothingFromTheResponse(email, reference);
        }

        portal.Clock.Advance(TimeSpan.FromHours(10));
        await RoundAsync(portal);
        await RoundAsync(portal);

        Assert.Equal(3, smtp.Received.Count);
        Assert.Equal(1, await portal.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.SafeguardingReminder)));
        Assert.NotNull(await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.ReminderQueuedAt).SingleAsync()));
    }

    [Fact]
    public async Task OpenedItem_GetsNoReminder()
    {
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var portal = NotifyingPortal(smtp);
        var lead = await AccountAsync(portal, StaffRoles.Safeguarding);
        await AccountAsync(portal, StaffRoles.Admin);

        var (_, itemId) = await FlagAsync(portal);
        await RoundAsync(portal);
        smtp.Clear();
        var openedAt = portal.Clock!.GetUtcNow().UtcDateTime.AddHours(1);
        await portal.QueryAsync(db => db.SafeguardingItems.Where(i => i.Id == itemId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.FirstOpenedAt, openedAt).SetProperty(i => i.FirstOpenedBy, lead)));

        portal.Clock.Advance(TimeSpan.FromHours(5));
        await RoundAsync(portal);

        Assert.Empty(smtp.Received);
        Assert.Equal(0, await portal.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKind.SafeguardingReminder)));
        Assert.Null(await portal.QueryAsync(db => db.SafeguardingItems.Select(i => i.ReminderQueuedAt).SingleAsync()));
    }

    [Fact]
    public async Task AdminHome_WarnsWhenNoSafeguardingLeadOrNoMailServer()
    {
        await using (var unready = new PortalFactory())
        {
            using var admin = await unready.SignedInStaffAsync(StaffRoles.Admin);
            var lead = await AccountAsync(unready, StaffRoles.Safeguarding);
            await DisableAsync(unready, lead);
            await FlagAsync(unready);

            await admin.GetAsync("/admin");

            var banner = admin.Text(".govuk-notification-banner");
            Assert.Contains(SafeguardingReadinessReport.NoLeadWarning, banner, StringComparison.Ordinal);
            Assert.Contains(SafeguardingReadinessReport.NoMailServerWarning, banner, StringComparison.Ordinal);
            Assert.Contains("1 email notification to safeguarding leads is waiting to be sent.", banner, StringComparison.Ordinal);

            await unready.WithUserAsync(lead, async (users, user) =>
            {
                user.IsDisabled = false;
                return await users.UpdateAsync(user);
            });
            await admin.GetAsync("/admin");

            banner = admin.Text(".govuk-notification-banner");
            Assert.DoesNotContain(SafeguardingReadinessReport.NoLeadWarning, banner, StringComparison.Ordinal);
            Assert.Contains(SafeguardingReadinessReport.NoMailServerWarning, banner, StringComparison.Ordinal);
        }

        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var ready = new PortalFactory(smtp.Settings);
        using var readyAdmin = await ready.SignedInStaffAsync(StaffRoles.Admin);
        await readyAdmin.GetAsync("/admin");
        Assert.Contains(SafeguardingReadinessReport.NoLeadWarning, readyAdmin.Text(".govuk-notification-banner"), StringComparison.Ordinal);
        Assert.DoesNotContain(SafeguardingReadinessReport.NoMailServerWarning, readyAdmin.Html, StringComparison.Ordinal);

        await AccountAsync(ready, StaffRoles.Safeguarding);
        await readyAdmin.GetAsync("/admin");
        Assert.Null(readyAdmin.Page.QuerySelector(".govuk-notification-banner"));
        Assert.Equal("Admin", readyAdmin.Text("h1"));
    }

    private static PortalFactory NotifyingPortal(LoopbackSmtpServer smtp, string? database = null, DateTimeOffset? now = null) =>
        new(smtp.Settings, database, now ?? Start);

    private static Task RoundAsync(PortalFactory portal) =>
        portal.Services.GetRequiredService<OutboxSender>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>A respondent sends a comment the screen flags; returns the reference they were given and the item.</summary>
    private static async Task<(string Reference, long ItemId)> FlagAsync(PortalFactory portal)
    {
        using var respondent = portal.CreateRespondent();
        var reference = await respondent.SendAsync(Journey.Empty().Answer(2, "yes", Disclosure).Answer(3, "no", "School is fine"));
        var itemId = await portal.QueryAsync(db => db.SafeguardingItems.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        return (reference, itemId);
    }

    private static async Task<string> AccountAsync(PortalFactory portal, string role) =>
        (await portal.CreateStaffAsync(role, withAuthenticator: false)).Email;

    private static async Task DisableAsync(PortalFactory portal, string email) =>
        await portal.WithUserAsync(email, async (users, user) =>
        {
            user.IsDisabled = true;
            return await users.UpdateAsync(user);
        });

    /// <summary>The one message, still in the outbox and unclaimed, to be tried again after <paramref name="retryIn"/>.</summary>
    private static async Task<OutboxMessage> AssertWaitingAsync(PortalFactory portal, int attempts, TimeSpan retryIn)
    {
        var waiting = await portal.QueryAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        Assert.Null(waiting.CompletedAt);
        Assert.Null(waiting.ClaimedBy);
        Assert.Equal(attempts, waiting.Attempts);
        Assert.Equal(portal.Clock!.GetUtcNow().UtcDateTime + retryIn, waiting.NextAttemptAt);
        return waiting;
    }

    /// <summary>Not a word of the comment, and not the reference, anywhere in the email.</summary>
    private static void AssertNothingFromTheResponse(ReceivedEmail email, string reference)
    {
        var whole = email.Message.ToString();
        Assert.DoesNotContain(reference, whole, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reference, email.Message.TextBody, StringComparison.OrdinalIgnoreCase);
        foreach (var word in Disclosure.Split(' ').Where(w => w.Length > 2))
        {
            Assert.DoesNotMatch(WholeWord(word), email.Message.Subject);
            Assert.DoesNotMatch(WholeWord(word), email.Message.TextBody);
        }
    }

    private static Regex WholeWord(string word) => new($@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
