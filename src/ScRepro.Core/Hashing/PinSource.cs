using System.Text.Json.Serialization;

namespace ScRepro.Core.Hashing;

/// <summary>Where a file's expected hash came from: the manifest, or the first successful download (trust on first use).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PinSource>))]
public enum PinSource
{
    /// <summary>The dataset manifest states the sha256; the download was checked against it.</summary>
    [JsonStringEnumMemberName("manifest")] Manifest,

    /// <summary>The manifest gave no hash; the first download's hash was recorded and later runs are checked against it.</summary>
    [JsonStringEnumMemberName("first_download")] FirstDownload,
}
