using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Fairshare.Benchmarks.LedgerBenchmarks).Assembly).Run(args);
