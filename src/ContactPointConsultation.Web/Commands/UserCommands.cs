using ContactPointConsultation.Core.Staff;
using Microsoft.AspNetCore.Identity;

namespace ContactPointConsultation.Web.Commands;

/// <summary>
/// `users create`: how the first admin is made (there is no sign-up and no default account). The password
/// is read from standard input so it never appears in the shell history or the process list.
/// </summary>
public static class UserCommands
{
    /// <summary>Who the audit log says made the account.</summary>
    private const string Actor = "command line";

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

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountService>();
        var created = await accounts.CreateWithPasswordAsync(email, role, password, Actor);
        if (!created.Succeeded)
        {
            foreach (var failure in created.Errors)
            {
                await error.WriteLineAsync(failure.Description);
            }

            return 1;
        }

        await output.WriteLineAsync($"Created {role} {email}. They set up an authenticator app when they first sign in.");
        return 0;
    }
}
