namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>A device: a kind and an index (-1 = the current one of that kind).</summary>
    public sealed record Device(DeviceType type, int index = -1)
    {
        /// <summary>Parses "cpu", "cuda", "cuda:1".</summary>
        public Device(string description) : this(Parse(description).type, Parse(description).index) { }

        private static (DeviceType type, int index) Parse(string s)
        {
            var parts = s.Trim().ToLowerInvariant().Split(':');
            var type = parts[0] switch
            {
                "cpu" => DeviceType.CPU,
                "cuda" => DeviceType.CUDA,
                _ => throw new ArgumentException($"unknown device '{s}' (expected cpu, cuda or cuda:N)", nameof(s)),
            };
            var index = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : -1;
            return (type, index);
        }

        public override string ToString() => (type == DeviceType.CPU ? "cpu" : "cuda") + (index >= 0 ? $":{index}" : "");

        public static implicit operator Device(string description) => new(description);
    }

    public static readonly Device CPU = new(DeviceType.CPU);
    public static readonly Device CUDA = new(DeviceType.CUDA);

    /// <summary>A device from its description: "cpu", "cuda", "cuda:0".</summary>
    public static Device device(string description) => new(description);

    public static Device device(DeviceType type, int index = -1) => new(type, index);
}
