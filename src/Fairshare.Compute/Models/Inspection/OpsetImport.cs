namespace Fairshare.Compute.Models.Inspection;

/// <summary>An operator set the model imports.</summary>
/// <param name="Domain">The domain; the default domain is named <c>ai.onnx</c>.</param>
/// <param name="Version">The opset version.</param>
public readonly record struct OpsetImport(string Domain, long Version);
