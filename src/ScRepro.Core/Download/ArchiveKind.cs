namespace ScRepro.Core.Download;

/// <summary>How a downloaded source is unpacked (the manifest's <c>extract</c>: none, zip, tar.gz, gz).</summary>
public enum ArchiveKind
{
    /// <summary>Not an archive: the download is the data file.</summary>
    None,

    /// <summary>A zip archive (System.IO.Compression).</summary>
    Zip,

    /// <summary>A gzip-compressed tar archive (System.Formats.Tar over GZipStream).</summary>
    TarGz,

    /// <summary>One gzip-compressed file (<c>Zheng68K.h5ad.gz</c>): unpacked beside itself without the <c>.gz</c>.</summary>
    Gz,
}
