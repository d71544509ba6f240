using Fairshare.Bench;
using Fairshare.Cli;

return await CliApp.RunAsync(args, BenchCommand.Subcommands(), "fairshare-bench");
