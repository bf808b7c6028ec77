#!/usr/bin/env bash
# ScRepro bootstrap: installs what the build needs, then hands over to Cake.
#   ./build.sh --target=Card   set-up plus the demo pipeline (default target)
#   ./build.sh --target=Test   set-up plus every test
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# Debian packages: HDF5 (AnnData I/O), libtorch + a C++ toolchain (the torch shim), Slurm + munge. Git provenance needs
# none: the LibGit2Sharp.NativeBinaries NuGet package brings its own libgit2.
# Debian's libtorch is built against the generic libblas.so.3, which is netlib's reference BLAS unless an optimised
# one is installed: OpenBLAS (OpenMP build, like libtorch) takes over that alternative and makes training ~10x faster.
# Slurm (slurm-wlm: slurmctld, slurmd, client tools) and munge: --executor=slurm's tests start a one-node cluster.
packages=(libhdf5-103-1 libtorch-dev libopenblas0-openmp cmake g++ make slurm-wlm munge)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    echo "build.sh: installing ${missing[*]}"
    bash -c "$cmd" >/tmp/screpro-apt.log 2>&1 || { tail -20 /tmp/screpro-apt.log; echo "build.sh: apt-get failed (log: /tmp/screpro-apt.log)"; exit 1; }
  else
    echo "build.sh: missing Debian packages: ${missing[*]}"
    echo "  run as root:  sudo bash -c '$cmd'"
    exit 1
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
