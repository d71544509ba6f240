using System.Collections.Frozen;

namespace Fairshare.Compute.Models.Onnx;

/// <summary>
/// The operator domains the providers' runtime has kernels for, and the operator names of the two ONNX domains. The
/// <c>ai.onnx</c> names are every operator of opsets 1–26: those <c>onnx.defs</c> 1.12 lists (opset 17), the ones added
/// since (opset 18: Bitwise*, CenterCropPad, Col2Im, GroupNormalization, Mish; 19: DeformConv; 20: AffineGrid, Gelu,
/// ImageDecoder, RegexFullMatch, StringConcat, StringSplit; 23: Attention, RMSNormalization, RotaryEmbedding; 24:
/// Swish, TensorScatter; 26: BitCast, CumProd), and the early experimental operators whose schemas ONNX Runtime still
/// registers (Affine, Crop, DynamicSlice, GivenTensorFill, GRUUnit, ImageScaler, ParametricSoftplus, Scale,
/// ScaledTanh). Whether the runtime implements a listed operator at the model's opset is the load check's question.
/// </summary>
internal static class OnnxOperators
{
    /// <summary>The default domain, as named in messages and operator lists (the empty domain means the same).</summary>
    public const string DefaultDomain = "ai.onnx";

    /// <summary>The traditional machine learning domain.</summary>
    public const string MlDomain = "ai.onnx.ml";

    /// <summary>ONNX Runtime's own operators (its contrib kernels, built into the CPU package).</summary>
    public const string MicrosoftDomain = "com.microsoft";

    /// <summary>The <c>ai.onnx</c> operator names.</summary>
    public static readonly FrozenSet<string> Default = FrozenSet.Create(StringComparer.Ordinal,
    [
        "Abs", "Acos", "Acosh", "Add", "Affine", "AffineGrid", "And", "ArgMax", "ArgMin", "Asin", "Asinh", "Atan",
        "Atanh", "Attention", "AveragePool", "BatchNormalization", "Bernoulli", "BitCast", "BitShift", "BitwiseAnd",
        "BitwiseNot", "BitwiseOr", "BitwiseXor", "BlackmanWindow", "Cast", "CastLike", "Ceil", "Celu", "CenterCropPad",
        "Clip", "Col2Im", "Compress", "Concat", "ConcatFromSequence", "Constant", "ConstantOfShape", "Conv",
        "ConvInteger", "ConvTranspose", "Cos", "Cosh", "Crop", "CumProd", "CumSum", "DFT", "DeformConv", "DepthToSpace",
        "DequantizeLinear", "Det", "Div", "Dropout", "DynamicQuantizeLinear", "DynamicSlice", "Einsum", "Elu", "Equal",
        "Erf", "Exp", "Expand", "EyeLike", "Flatten", "Floor", "GRU", "GRUUnit", "Gather", "GatherElements", "GatherND",
        "Gelu", "Gemm", "GivenTensorFill", "GlobalAveragePool", "GlobalLpPool", "GlobalMaxPool", "Greater",
        "GreaterOrEqual", "GridSample", "GroupNormalization", "HammingWindow", "HannWindow", "HardSigmoid", "HardSwish",
        "Hardmax", "Identity", "If", "ImageDecoder", "ImageScaler", "InstanceNormalization", "IsInf", "IsNaN", "LRN",
        "LSTM", "LayerNormalization", "LeakyRelu", "Less", "LessOrEqual", "Log", "LogSoftmax", "Loop", "LpNormalization",
        "LpPool", "MatMul", "MatMulInteger", "Max", "MaxPool", "MaxRoiPool", "MaxUnpool", "Mean",
        "MeanVarianceNormalization", "MelWeightMatrix", "Min", "Mish", "Mod", "Mul", "Multinomial", "Neg",
        "NegativeLogLikelihoodLoss", "NonMaxSuppression", "NonZero", "Not", "OneHot", "Optional", "OptionalGetElement",
        "OptionalHasElement", "Or", "PRelu", "Pad", "ParametricSoftplus", "Pow", "QLinearConv", "QLinearMatMul",
        "QuantizeLinear", "RMSNormalization", "RNN", "RandomNormal", "RandomNormalLike", "RandomUniform",
        "RandomUniformLike", "Range", "Reciprocal", "ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp",
        "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSum", "ReduceSumSquare", "RegexFullMatch", "Relu",
        "Reshape", "Resize", "ReverseSequence", "RoiAlign", "RotaryEmbedding", "Round", "STFT", "Scale", "ScaledTanh",
        "Scan", "Scatter", "ScatterElements", "ScatterND", "Selu", "SequenceAt", "SequenceConstruct", "SequenceEmpty",
        "SequenceErase", "SequenceInsert", "SequenceLength", "SequenceMap", "Shape", "Shrink", "Sigmoid", "Sign", "Sin",
        "Sinh", "Size", "Slice", "Softmax", "SoftmaxCrossEntropyLoss", "Softplus", "Softsign", "SpaceToDepth", "Split",
        "SplitToSequence", "Sqrt", "Squeeze", "StringConcat", "StringNormalizer", "StringSplit", "Sub", "Sum", "Swish",
        "Tan", "Tanh", "TensorScatter", "TfIdfVectorizer", "ThresholdedRelu", "Tile", "TopK", "Transpose", "Trilu",
        "Unique", "Unsqueeze", "Upsample", "Where", "Xor",
    ]);

    /// <summary>The <c>ai.onnx.ml</c> operator names (ML opsets 1–5).</summary>
    public static readonly FrozenSet<string> Ml = FrozenSet.Create(StringComparer.Ordinal,
    [
        "ArrayFeatureExtractor", "Binarizer", "CastMap", "CategoryMapper", "DictVectorizer", "FeatureVectorizer",
        "Imputer", "LabelEncoder", "LinearClassifier", "LinearRegressor", "Normalizer", "OneHotEncoder", "SVMClassifier",
        "SVMRegressor", "Scaler", "TreeEnsemble", "TreeEnsembleClassifier", "TreeEnsembleRegressor", "ZipMap",
    ]);

    /// <summary>The domain as operator lists name it: the empty domain is <see cref="DefaultDomain"/>.</summary>
    public static string Canonical(string domain) => domain.Length == 0 ? DefaultDomain : domain;
}
