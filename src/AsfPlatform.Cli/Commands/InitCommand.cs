using System.CommandLine;
using AsfPlatform.Access;
using AsfPlatform.Dataset;
using Microsoft.Extensions.DependencyInjection;

namespace AsfPlatform.Cli.Commands;

/// <summary><c>asf init</c>: creates or migrates the database and loads the dataset.</summary>
internal static class InitCommand
{
    public static Command Create(CliEnvironment environment, GlobalOptions global)
    {
        var from = DataCommands.FromOption();
        var command = new Command("init", "Skapar databasen (eller uppdaterar dess schema) och laddar exempeldatamängden. Kan köras flera gånger.")
        {
            from,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = global.Storage(parse, environment);
            var source = DataCommands.Source(parse.GetValue(from), environment);
            environment.Out.WriteLine($"Databas: {storage.Describe()}");
            await using var runtime = await CliRuntime.StartAsync(storage, environment, null, null, cancellationToken);
            // Touching the access module creates its tables too, so the web host finds a complete database.
            await runtime.Services.GetRequiredService<IAccessStorageHealth>().PingAsync(cancellationToken);
            environment.Out.WriteLine("Databasens schema är uppdaterat.");
            await DataCommands.LoadAsync(environment, runtime, source, cancellationToken);
            if (!await runtime.Services.GetRequiredService<IUserAccountService>().AdminExistsAsync(cancellationToken))
                environment.Out.WriteLine("Det finns ingen förbundsadmin ännu. Skapa en med: " +
                    "asf users add --user NAMN --name \"Förnamn Efternamn\" --role Förbundsadmin");
            return ExitCodes.Ok;
        });
        return command;
    }
}
