using System.CommandLine;
using AsfPlatform.Access;
using AsfPlatform.Composition;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AsfPlatform.Cli.Commands;

/// <summary>
/// <c>asf users add</c> and <c>asf users token</c>, through the Access module (hashing, validation, audit log). The
/// password is read from standard input or a hidden prompt, never from an argument (it would land in shell history
/// and process lists), and there is no default password.
/// </summary>
internal static class UserCommands
{
    /// <summary>Who the audit log names as the actor of CLI changes.</summary>
    internal static string Actor => $"asf-cli:{Environment.UserName}";

    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var users = new Command("users", "Användarkonton och API-nycklar.");
        users.Subcommands.Add(CreateAdd(environment, global));
        users.Subcommands.Add(CreateToken(environment, global));
        users.SetAction(_ => DataCommands.MissingSubcommand(environment, users));
        return users;
    }

    /// <summary>The option behind an Access validation field.</summary>
    internal static string OptionOf(string field) => field switch
    {
        "userName" => "--user",
        "displayName" => "--name",
        "role" => "--role",
        "organisation" => "--organisation",
        "owner" => "--owner",
        "password" => "lösenord",
        "name" => "--token-name",
        _ => field,
    };

    private static Command CreateAdd(CliEnvironment environment, GlobalOptions global)
    {
        var user = new Option<string?>("--user") { Description = "Användarnamn för inloggning (3–64 tecken: a–z, 0–9, . - _ @).", HelpName = "NAMN" };
        var name = new Option<string?>("--name") { Description = "Namnet som visas, t.ex. \"Anna Andersson\".", HelpName = "VISNINGSNAMN" };
        var role = new Option<string?>("--role") { Description = "Roll: Förbundsadmin, Partnerkontor, Styrelse eller Läsare.", HelpName = "ROLL" };
        var organisation = new Option<string?>("--organisation") { Description = "Organisationen ett partnerkontor hör till: kommunkod (t.ex. 2180), AF, FK, Region eller Förbund.", HelpName = "ORG" };
        var owner = new Option<string?>("--owner") { Description = "Ägaren (t.ex. finsam-gavleborg) som kontot ska höra till; kontot ser och ändrar då bara den ägarens uppgifter. Utan --owner gäller kontot hela installationen.", HelpName = "ÄGARE" };
        var command = new Command("add", "Skapar ett användarkonto. Lösenordet (minst 10 tecken) läses från standard in eller frågas efter dolt.")
        {
            user, name, role, organisation, owner,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userName = CliValues.Required(parse.GetValue(user), "--user", "ange användarnamnet, t.ex. --user anna.");
            var displayName = CliValues.Required(parse.GetValue(name), "--name", "ange namnet som visas, t.ex. --name \"Anna Andersson\".");
            var roleText = CliValues.Required(parse.GetValue(role), "--role", "välj Förbundsadmin, Partnerkontor, Styrelse eller Läsare.");
            if (!AccessRoles.TryParse(roleText, out var accessRole))
                throw CliException.Option("--role", $"okänd roll \"{roleText}\"; välj Förbundsadmin, Partnerkontor, Styrelse eller Läsare.");
            OrganisationRef? org = null;
            if (CliValues.Optional(parse.GetValue(organisation)) is { } orgText)
            {
                if (accessRole != AccessRole.Partnerkontor)
                    throw CliException.Option("--organisation", $"gäller bara rollen Partnerkontor (rollen {accessRole} ser all data).");
                if (!OrganisationRef.TryParse(orgText, out org, out var error))
                    throw CliException.Option("--organisation", error!);
            }
            else if (accessRole == AccessRole.Partnerkontor)
            {
                throw CliException.Option("--organisation", "krävs för rollen Partnerkontor (kommunkod, AF, FK, Region eller Förbund).");
            }

            var password = ReadPassword(environment);
            await using var services = AccessServices(global.Storage(parse, environment));
            var account = await services.GetRequiredService<IUserAccountService>()
                .CreateAsync(new NewUserAccount(userName, displayName, accessRole, org, password,
                    CliValues.Optional(parse.GetValue(owner))), Actor, cancellationToken);
            environment.Out.WriteLine($"Användaren {account.UserName} ({account.DisplayName}) skapades med rollen {account.Role}" +
                (account.Organisation is { } o ? $" för {o}" : "") +
                (account.Owner is { } bound ? $", bunden till ägaren {bound}." : " för hela installationen."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateToken(CliEnvironment environment, GlobalOptions global)
    {
        var user = new Option<string?>("--user") { Description = "Användaren som nyckeln ska gälla för.", HelpName = "NAMN" };
        var tokenName = new Option<string?>("--token-name") { Description = "Vad nyckeln används till, t.ex. \"Rapportexport\". Standard: asf-cli.", HelpName = "NAMN" };
        var command = new Command("token", "Skapar en ny personlig API-nyckel och skriver ut den en enda gång.")
        {
            user, tokenName,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var userName = CliValues.Required(parse.GetValue(user), "--user", "ange användaren, t.ex. --user anna.");
            await using var services = AccessServices(global.Storage(parse, environment));
            var issued = await services.GetRequiredService<IApiTokenService>()
                .IssueAsync(userName, CliValues.Optional(parse.GetValue(tokenName)) ?? "asf-cli", Actor, cancellationToken);
            // The notice goes to stderr so "asf users token ... > fil" captures exactly the secret.
            environment.Error.WriteLine($"Ny API-nyckel \"{issued.Token.Name}\" (id {issued.Token.TokenId}) för {issued.Token.UserName}. " +
                "Den visas bara nu; spara den på ett säkert ställe.");
            environment.Out.WriteLine(issued.Secret);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The Access module alone: accounts need no Orleans silo.</summary>
    private static ServiceProvider AccessServices(AsfStorage storage)
    {
        storage.EnsureFolder();
        return new ServiceCollection()
            .AddAsfAccess(storage.ApplyTo)
            .BuildServiceProvider();
    }

    private static string ReadPassword(CliEnvironment environment)
    {
        if (environment.InputRedirected)
        {
            // One line from stdin (e.g. a secrets manager piping it in); the trailing newline is not part of it.
            var line = environment.Input.ReadLine();
            if (string.IsNullOrEmpty(line))
                throw CliException.Option("lösenord", "inget lösenord på standard in; skicka det som första raden, t.ex. från en lösenordshanterare.");
            return line;
        }
        if (!environment.Out.Profile.Capabilities.Interactive)
            throw CliException.Option("lösenord", "kan inte fråga efter lösenord här; skicka det på standard in.");
        var first = environment.Out.Prompt(new TextPrompt<string>("Lösenord (minst 10 tecken):").Secret());
        var second = environment.Out.Prompt(new TextPrompt<string>("Upprepa lösenordet:").Secret());
        if (!string.Equals(first, second, StringComparison.Ordinal))
            throw CliException.Option("lösenord", "de två lösenorden är olika; inget konto skapades.");
        return first;
    }
}
