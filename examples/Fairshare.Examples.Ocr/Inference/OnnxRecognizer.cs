using Fairshare.Examples.Ocr.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Fairshare.Examples.Ocr.Inference;

/// <summary>
/// Runs the recognition model on this machine with ONNX Runtime's CPU provider and one thread: the baseline a job run
/// on the network is compared with. Not thread-safe; dispose it to free the session.
/// </summary>
public sealed class OnnxRecognizer : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;

    /// <summary>Loads the model at <paramref name="modelPath"/> (PP-OCRv4 recognition: input <c>x</c>, one output).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The model has not exactly one input and one output, or ONNX Runtime cannot load it.</exception>
    public OnnxRecognizer(string modelPath)
    {
        if (!File.Exists(modelPath))
            throw new FileNotFoundException($"no model at {modelPath}: run 'bash scripts/models.sh' for ch_PP-OCRv4_rec_infer.onnx", modelPath);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        try
        {
            _session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"ONNX Runtime cannot load {modelPath}: {e.Message}", e);
        }

        if (_session.InputNames.Count != 1 || _session.OutputNames.Count != 1)
        {
            string counts = $"{_session.InputNames.Count} inputs and {_session.OutputNames.Count} outputs";
            _session.Dispose();
            throw new InvalidDataException($"{modelPath} has {counts}; a recognizer has one of each");
        }

        _inputName = _session.InputNames[0];
        _outputName = _session.OutputNames[0];
    }

    /// <summary>Runs the model on <paramref name="input"/> (<c>[N, 3, 48, W]</c>); returns its output <c>[N, W / 8, 6625]</c>.</summary>
    /// <exception cref="InvalidOperationException">ONNX Runtime rejected the input or failed.</exception>
    public FloatTensor Run(FloatTensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var value = OrtValue.CreateTensorValueFromMemory(input.Values, input.Shape.Select(d => (long)d).ToArray());
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = _session.Run(runOptions, [_inputName], [value], [_outputName]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidOperationException($"ONNX Runtime failed on an input of shape {input.ShapeText}: {e.Message}", e);
        }

        using (results)
        {
            var output = results[0];
            var type = output.GetTensorTypeAndShape().ElementDataType;
            if (type != TensorElementType.Float) throw new InvalidOperationException($"the model's output is {type}, not float32");
            int[] shape = output.GetTensorTypeAndShape().Shape.Select(d => checked((int)d)).ToArray();
            return new FloatTensor(shape, output.GetTensorDataAsSpan<float>().ToArray());
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
