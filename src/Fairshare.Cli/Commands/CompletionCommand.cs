using System.CommandLine;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare completion bash|zsh</c>: a shell script that completes commands, options and their values by asking
/// the CLI itself (System.CommandLine's <c>[suggest:POSITION]</c> directive), so it never falls behind the commands.
/// </summary>
public static class CompletionCommand
{
    /// <summary>The bash script: a completion function for <c>fairshare</c>.</summary>
    public const string Bash = """
        # fairshare completion for bash: source it, e.g. from ~/.bashrc:  source <(fairshare completion bash)
        _fairshare_complete() {
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$(fairshare "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _fairshare_complete fairshare
        """;

    /// <summary>The zsh script: a completion function for <c>fairshare</c>.</summary>
    public const string Zsh = """
        #compdef fairshare
        # fairshare completion for zsh: source it, e.g. from ~/.zshrc (after compinit):  source <(fairshare completion zsh)
        _fairshare() {
          local -a suggestions
          suggestions=("${(@f)$(fairshare "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
          compadd -a suggestions
        }
        compdef _fairshare fairshare
        """;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", """
            Print a completion script for bash or zsh. It completes commands, options and their values by asking
            fairshare itself, so it stays right as the CLI changes. Install with 'source <(fairshare completion bash)'
            in ~/.bashrc, or 'source <(fairshare completion zsh)' in ~/.zshrc after compinit; fairshare must be on
            PATH (e.g. installed with 'dotnet tool install', see docs/shipping.md).
            """) { shell };
        command.SetAction(parsed =>
        {
            Console.Out.WriteLine(parsed.GetValue(shell) == "zsh" ? Zsh : Bash);
            return 0;
        });
        return command;
    }
}
