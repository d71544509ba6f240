using Fairshare.Examples.Ocr.Decoding;
using Fairshare.Examples.Ocr.Inference;
using Fairshare.Testing;

namespace Fairshare.Examples.Tests.Ocr;

/// <summary>The real PP-OCRv4 recognizer and its character list, loaded once for a test class.</summary>
public sealed class RecognizerFixture : IDisposable
{
    /// <summary>ONNX Runtime on the CPU, one thread.</summary>
    public OnnxRecognizer Recognizer { get; } = new(RealModels.Recognition);

    /// <summary>The decoder for <c>ppocr_keys_v1.txt</c>.</summary>
    public CtcDecoder Decoder { get; } = CtcDecoder.Load(RealModels.Characters);

    public void Dispose() => Recognizer.Dispose();
}
