namespace ScRepro.Torch.Serialization;

/// <summary>Container formats the reader recognises from a file's first bytes.</summary>
public enum CheckpointFormat
{
    /// <summary>torch.save's default since 1.6: a zip with &lt;archive&gt;/data.pkl and &lt;archive&gt;/data/&lt;key&gt;.</summary>
    Zip,

    /// <summary>torch.save with <c>_use_new_zipfile_serialization=False</c>: concatenated pickles, then raw storages.</summary>
    Legacy,

    /// <summary>Hugging Face safetensors: u64 header length, JSON header, raw data.</summary>
    SafeTensors,
}
