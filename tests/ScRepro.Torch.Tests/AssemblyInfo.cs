using Xunit;

// The memory-flatness test reads the process's resident size, and grad mode and seeds are process/thread state:
// run this assembly's tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
