using System.Collections.Immutable;
using System.Text;

namespace Fairshare.Core.Primitives;

/// <summary>
/// The one way an enumeration value is written for people and JSON: its C# name in kebab case (<c>FairShare</c> →
/// <c>fair-share</c>, <c>TokenWeighted</c> → <c>token-weighted</c>), as the docs name them.
/// </summary>
public static class EnumText
{
    /// <summary>The kebab-case name of <paramref name="value"/>, or its number when it has no name.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? Kebab(value.ToString()) : Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The names of an enumeration numbered 0, 1, … n − 1 without gaps, index = value.</summary>
    public static ImmutableArray<string> Names<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        for (int i = 0; i < values.Length; i++)
        {
            if (Convert.ToInt64(values[i], System.Globalization.CultureInfo.InvariantCulture) != i)
                throw new InvalidOperationException($"{typeof(TEnum).Name} is not numbered 0 … n − 1");
        }

        return [.. values.Select(Name)];
    }

    /// <summary>PascalCase to kebab-case: a hyphen before each capital but the first, all lower case.</summary>
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
