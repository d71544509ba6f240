namespace Fairshare.Examples.Ocr.Commands;

/// <summary>
/// Where the commands look for the model files when no path is given: the assets folder <c>scripts/models.sh</c> fills,
/// under the first folder above the current directory (or the program) that has one.
/// </summary>
internal static class ModelFiles
{
    /// <summary>The recognition model's file name.</summary>
    public const string Recognition = "ch_PP-OCRv4_rec_infer.onnx";

    /// <summary>The character list's file name.</summary>
    public const string Characters = "ppocr_keys_v1.txt";

    private static readonly string AssetsFolder = Path.Combine("models", "node_modules", "@gutenye", "ocr-models", "assets");

    /// <summary>The path of <paramref name="file"/> in the installed assets.</summary>
    /// <exception cref="FileNotFoundException">No assets folder holds it.</exception>
    public static string Find(string file)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, AssetsFolder, file);
                if (File.Exists(path)) return path;
            }
        }

        throw new FileNotFoundException($"{file} is not installed above {Directory.GetCurrentDirectory()}: run 'bash scripts/models.sh' in the repository, or give its path", file);
    }
}
