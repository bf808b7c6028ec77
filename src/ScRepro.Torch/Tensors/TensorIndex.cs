namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>One entry of a Python-style index: an integer, a slice, None, Ellipsis, a bool or a tensor.</summary>
    public sealed class TensorIndex
    {
        internal enum Kind { Single = 0, Slice = 1, None = 2, Ellipsis = 3, Bool = 4, Tensor = 5 }

        internal Kind kind { get; private init; }
        internal long startIndexOrBoolOrSingle { get; private init; }
        internal long? start { get; private init; }
        internal long? stop { get; private init; }
        internal long step { get; private init; } = 1;
        internal Tensor? tensor { get; private init; }

        public static TensorIndex Single(long index) => new() { kind = Kind.Single, startIndexOrBoolOrSingle = index };
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) =>
            new() { kind = Kind.Slice, start = start, stop = stop, step = step ?? 1 };
        public static TensorIndex Bool(bool value) => new() { kind = Kind.Bool, startIndexOrBoolOrSingle = value ? 1 : 0 };
        public static TensorIndex Tensor(Tensor index) => new() { kind = Kind.Tensor, tensor = index };
        public static readonly TensorIndex Ellipsis = new() { kind = Kind.Ellipsis };
        public static readonly TensorIndex None = new() { kind = Kind.None };
        public static readonly TensorIndex Colon = Slice();

        public static implicit operator TensorIndex(long index) => Single(index);
        public static implicit operator TensorIndex(Tensor index) => Tensor(index);

        /// <summary>C# indices: <c>^1</c> is Python's -1.</summary>
        public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

        /// <summary>C# ranges: <c>1..</c>, <c>..^1</c> (= :-1), <c>..</c>.</summary>
        public static implicit operator TensorIndex(Range range) => Slice(Bound(range.Start, true), Bound(range.End, false));

        private static long? Bound(Index i, bool isStart)
        {
            if (i.IsFromEnd) return i.Value == 0 ? null : -i.Value;
            return isStart && i.Value == 0 ? null : i.Value;
        }
    }
}
