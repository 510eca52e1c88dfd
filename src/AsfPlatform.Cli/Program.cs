using AsfPlatform.Cli;

return await AsfCli.RunAsync(args, CliEnvironment.FromProcess());
