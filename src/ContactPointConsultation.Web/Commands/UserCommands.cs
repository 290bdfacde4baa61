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
            await error.WriteLineAsync("Usage: users create --email EMAIL --role Admin|Analyst|Safeguarding[,…]   (several roles separated by commas; the password is read from standard input)");
            return 2;
        }

        var named = role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roleNames = named.Select(n => StaffRoles.All.FirstOrDefault(r => string.Equals(r, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (roleNames.Count == 0 || roleNames.Contains(null))
        {
            await error.WriteLineAsync("--role must be Admin, Analyst or Safeguarding, or several of them separated by commas");
            return 2;
        }

        var given = StaffRoles.InOrder(roleNames!);

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
        var created = await accounts.CreateWithPasswordAsync(email, given, password, Actor);
        if (!created.Succeeded)
        {
            foreach (var failure in created.Errors)
            {
                await error.WriteLineAsync(failure.Description);
            }

            return 1;
        }

        await output.WriteLineAsync($"Created {string.Join(" and ", given)} {email}. They set up an authenticator app when they first sign in.");
        return 0;
    }
}
