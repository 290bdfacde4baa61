using ContactPointConsultation.Core.Audit;
using ContactPointConsultation.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace ContactPointConsultation.Web.Infrastructure;

/// <summary>
/// `users create`: how the first admin is made (there is no sign-up and no default account). The password
/// is read from standard input so it never appears in the shell history or the process list.
/// </summary>
public static class UserCommands
{
    public static async Task<int> CreateAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            await error.WriteLineAsync("Usage: users create --email EMAIL --role Admin|Analyst   (the password is read from standard input)");
            return 2;
        }

        role = StaffRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) ?? "";
        if (role.Length == 0)
        {
            await error.WriteLineAsync("--role must be Admin or Analyst");
            return 2;
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var failure in created.Errors)
            {
                await error.WriteLineAsync(failure.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, role);
        await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .RecordAsync("command line", AuditActions.UserCreated, email, new { role });
        await output.WriteLineAsync($"Created {role} {email}. They set up an authenticator app when they first sign in.");
        return 0;
    }
}
