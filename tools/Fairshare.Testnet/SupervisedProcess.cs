using System.Collections.Immutable;

namespace Fairshare.Testnet;

/// <summary>A child process a <see cref="ProcessSupervisor"/> started.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="StartedAt">When it started, as the system reports it.</param>
/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="LogPath">Where its stdout and stderr go (appended).</param>
public sealed record SupervisedProcess(string Name, int Pid, DateTimeOffset StartedAt, string FileName, ImmutableArray<string> Arguments, string LogPath);
