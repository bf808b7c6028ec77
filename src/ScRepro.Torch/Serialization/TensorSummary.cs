namespace ScRepro.Torch.Serialization;

/// <summary>
/// One tensor as <c>screpro checkpoint inspect</c> reports it.
/// <see cref="First"/> holds longs for integer and bool dtypes (bool as 0/1, so every value is a JSON number) and
/// doubles for floating dtypes — the values of python's <c>t.flatten()[:3].tolist()</c>.
/// </summary>
/// <param name="Name">Keys from the root joined with ".".</param>
/// <param name="Dtype">torch dtype name without the prefix.</param>
/// <param name="Shape">Sizes per dimension.</param>
/// <param name="Sum">float64 sum of the view's elements: python's <c>float(t.double().sum())</c>.</param>
/// <param name="First">The first three elements in logical row-major order (fewer if the tensor is smaller).</param>
public sealed record TensorSummary(string Name, string Dtype, IReadOnlyList<long> Shape, double Sum, IReadOnlyList<object> First);
