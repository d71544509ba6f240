namespace Fairshare.Examples.Ocr.Decoding;

/// <summary>What greedy CTC decoding read from one line.</summary>
/// <param name="Text">The characters read, in order; empty when every time step was the blank or a repeat.</param>
/// <param name="Confidence">
/// The mean of the winning probability at each time step whose character was kept, in [0, 1]; 0 when nothing was
/// kept (PaddleOCR's <c>CTCLabelDecode</c> scores an empty reading the same way).
/// </param>
public sealed record CtcResult(string Text, float Confidence);
