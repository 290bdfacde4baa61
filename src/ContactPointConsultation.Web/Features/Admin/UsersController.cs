using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Features.Account;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactPointConsultation.Web.Features.Admin;

public sealed class NewUserInput
{
    public string? Email { get; set; }
    /// <summary>Checkboxes: a person may hold several roles.</summary>
    public List<string> Role { get; set; } = [];
}

public sealed class NewUserInputValidator : AbstractValidator<NewUserInput>
{
    public NewUserInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter an email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.gov.uk")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or less");
        RuleFor(i => i.Role).Must(StaffRoles.AreKnown).WithMessage("Select a role");
    }
}

public sealed record StaffRow(string Id, string Email, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, bool AuthenticatorSetUp)
{
    public string Role => Roles.Count == 0 ? "None" : string.Join(", ", Roles);
}

public sealed record SetUpLinkViewModel(string Email, string Link);

/// <summary>Admins manage staff accounts. Every change is audited by StaffAccountService.</summary>
[Authorize(StaffPolicies.Admin)]
[Route("admin/users")]
public sealed class UsersController(UserManager<StaffUser> users, StaffAccountService accounts, IValidator<NewUserInput> validator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<StaffRow>();
        foreach (var user in all)
        {
            rows.Add(new StaffRow(user.Id, user.Email!, StaffRoles.InOrder(await users.GetRolesAsync(user)), user.IsDisabled, user.LockoutEnd > clock.GetUtcNow(), user.TwoFactorEnabled));
        }

        return View("Users", rows);
    }

    [HttpGet("new")]
    public IActionResult New()
    {
        return View("NewUser", new NewUserInput());
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserInput input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return BadRequest();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddToModelState(ModelState);
            return View("NewUser", input);
        }

        var (result, user, token) = await accounts.CreateAsync(input.Email!.Trim(), input.Role, Actor, HttpContext.Connection.RemoteIpAddress);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(NewUserInput.Email), result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? "There is already an account with this email address"
                : "Enter an email address in the correct format, like name@example.gov.uk");
            return View("NewUser", input);
        }

        return SetUpLink(user!, token!);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Manage(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        ViewData["Changed"] = TempData["Changed"];
        return View("ManageUser", new StaffRow(user.Id, user.Email!, StaffRoles.InOrder(await users.GetRolesAsync(user)), user.IsDisabled, user.LockoutEnd > clock.GetUtcNow(), user.TwoFactorEnabled));
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> ChangeRole(string id, List<string>? role)
    {
        if (!StaffRoles.AreKnown(role))
        {
            TempData["Changed"] = "Select a role: nothing was changed";
            return Redirect(AdminLinks.User(id));
        }

        return await ChangeAsync(id, "Role changed", user => accounts.ChangeRolesAsync(user, role!, Actor, HttpContext.Connection.RemoteIpAddress));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) =>
        ChangeAsync(id, "Account disabled", user => accounts.SetDisabledAsync(user, true, Actor, HttpContext.Connection.RemoteIpAddress));

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) =>
        ChangeAsync(id, "Account enabled", user => accounts.SetDisabledAsync(user, false, Actor, HttpContext.Connection.RemoteIpAddress));

    [HttpPost("{id}/reset-authenticator")]
    public Task<IActionResult> ResetAuthenticator(string id) =>
        ChangeAsync(id, "Authenticator app reset: they will set it up again when they next sign in", user => accounts.ResetAuthenticatorAsync(user, Actor, HttpContext.Connection.RemoteIpAddress));

    [HttpPost("{id}/set-up-link")]
    public async Task<IActionResult> NewSetUpLink(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        return SetUpLink(user, await accounts.IssueSetUpLinkAsync(user, Actor, HttpContext.Connection.RemoteIpAddress));
    }

    /// <summary>Admins cannot lock themselves out by accident: changes to their own account are refused.</summary>
    private async Task<IActionResult> ChangeAsync(string id, string message, Func<StaffUser, Task> change)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            TempData["Changed"] = "You cannot change your own account. Ask another admin";
            return Redirect(AdminLinks.User(id));
        }

        await change(user);
        TempData["Changed"] = message;
        return Redirect(AdminLinks.User(id));
    }

    private ViewResult SetUpLink(StaffUser user, string token)
    {
        var link = $"{Request.Scheme}://{Request.Host}{AccountLinks.SetPasswordFor(user.Email!, token)}";
        return View("SetUpLink", new SetUpLinkViewModel(user.Email!, link));
    }

    private string Actor => User.Identity?.Name ?? "unknown";
}
