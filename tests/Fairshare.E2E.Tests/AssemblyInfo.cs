// Each test starts a whole testnet of processes on a machine that acts like one core: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
