using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules;

/// <summary>Reads a module payload's fields (after its tag); returns null when the reader failed.</summary>
public delegate ModulePayload? ModulePayloadReader(ref CanonicalReader reader);
