// Every test runs several node processes; running classes in parallel would starve the failure detectors of CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
