using Fairshare.Cli;

return await CliApp.RunAsync(args);
