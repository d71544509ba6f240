using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare explain CODE|--all</c>: what a result code means and what to do about it.</summary>
public static class ExplainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var code = new Argument<string?>("code")
        {
            Description = "a result code by name, in any case (NonceGap, nonceGap) or by number (203); "
                + "the name in brackets at the end of an error line, e.g. [InsufficientBalance], works as it is",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var all = new Option<bool>("--all") { Description = "list every result code instead of one" };
        var command = new Command("explain", """
            Explain a result code: its name, number, area (decoding, authentication, execution, blocks, genesis, or a
            module: math, AMM, lending, farming, governance, StableSwap, staking, market) and what it means, with the
            command, option or governed parameter to look at. Result codes are what a rejected transaction reports,
            e.g. 'error: transaction rejected: ... (FeeTooLow); nothing changed [FeeTooLow]'. Works offline.
            With --json: an object {code, number, area, explanation}, or an array of them with --all.
            """) { code, all };
        command.SetAction(parsed => CliApp.Run(parsed, context => Run(context, parsed.GetValue(code), parsed.GetValue(all))));
        return command;
    }

    /// <summary>
    /// Finds a defined result code by name (case-insensitive; surrounding brackets, parentheses and spaces are ignored)
    /// or by number.
    /// </summary>
    public static bool TryFind(string text, out ResultCode code)
    {
        code = default;
        string trimmed = text.Trim().Trim('[', ']', '(', ')').Trim();
        if (trimmed.Length == 0) return false;
        if (char.IsAsciiDigit(trimmed[0]))
        {
            if (!ushort.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out ushort number)) return false;
            code = (ResultCode)number;
            return Enum.IsDefined(code);
        }

        foreach (var candidate in ResultCodeHelp.All)
        {
            if (!string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)) continue;
            code = candidate;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The defined code nearest to text that names none: for a number, the code with the nearest number; for a name, the
    /// one with the smallest case-insensitive edit distance (ties to the lower number).
    /// </summary>
    public static ResultCode Closest(string text)
    {
        string trimmed = text.Trim().Trim('[', ']', '(', ')').Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            int number = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) ? parsed : int.MaxValue;
            return ResultCodeHelp.All.MinBy(c => Math.Abs((long)(ushort)c - number));
        }

        string lower = trimmed.ToLowerInvariant();
        return ResultCodeHelp.All.MinBy(c => Suggestions.EditDistance(lower, c.ToString().ToLowerInvariant()));
    }

    /// <summary>A code as the JSON object <c>{code, number, area, explanation}</c>.</summary>
    public static JsonObject ToJson(ResultCode code) => new()
    {
        ["code"] = code.ToString(),
        ["number"] = (int)(ushort)code,
        ["area"] = ResultCodeHelp.Area(code),
        ["explanation"] = ResultCodeHelp.Explain(code),
    };

    private static int Run(CliContext context, string? text, bool all)
    {
        if (all && text is not null) throw new CliUsageException("give a code or --all, not both");
        if (all) return RunAll(context);
        if (text is null) throw new CliUsageException("give a result code by name or number (e.g. 'fairshare explain NonceGap' or 'fairshare explain 203'), or --all");
        if (!TryFind(text, out var code))
        {
            var closest = Closest(text);
            throw new CliUsageException($"'{text}' is not a result code; did you mean {closest} ({(ushort)closest})? "
                + "'fairshare explain --all' lists them");
        }

        if (context.Json)
        {
            context.WriteJson(ToJson(code));
            return ExitCodes.Ok;
        }

        context.Console.MarkupLine($"[bold]{code}[/] ({(ushort)code}, {Markup.Escape(ResultCodeHelp.Area(code))})");
        context.Console.WriteLine(ResultCodeHelp.Explain(code));
        return ExitCodes.Ok;
    }

    private static int RunAll(CliContext context)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonArray(ResultCodeHelp.All.Select(c => (JsonNode)ToJson(c)).ToArray()));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumn(new TableColumn("number").RightAligned()).AddColumn("code").AddColumn("area").AddColumn("explanation");
        foreach (var code in ResultCodeHelp.All)
            table.AddRow(((ushort)code).ToString(CultureInfo.InvariantCulture), code.ToString(), Markup.Escape(ResultCodeHelp.Area(code)), Markup.Escape(ResultCodeHelp.Explain(code)));
        context.Console.Write(table);
        return ExitCodes.Ok;
    }
}
