// torch.manual_seed and libtorch's generator are process-wide: two training tests running at once would interleave
// their random draws, and resume-equality (byte-identical best_model.pt) would fail by chance. Run tests one by one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
