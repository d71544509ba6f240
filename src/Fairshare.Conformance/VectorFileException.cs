namespace Fairshare.Conformance;

/// <summary>The vector file does not follow the schema; the message names the place.</summary>
public sealed class VectorFileException(string message) : Exception(message);
