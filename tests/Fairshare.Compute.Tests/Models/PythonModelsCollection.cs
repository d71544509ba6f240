namespace Fairshare.Compute.Tests.Models;

/// <summary>The test classes sharing one <see cref="PythonModels"/> folder (Python runs once).</summary>
[CollectionDefinition(Name)]
public sealed class PythonModelsCollection : ICollectionFixture<PythonModels>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "python models";
}
