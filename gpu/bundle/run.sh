#!/usr/bin/env bash
# ScRepro's GPU bundle: one script for a machine with a GPU, its own Python + CUDA PyTorch 2.x, a C++ compiler, no .NET
# and no network. It builds the libtorch shim against that PyTorch's libtorch, then runs, beside PyTorch:
#   1. forward parity of the scGPT generator on the device (screpro gpu parity + parity.py),
#   2. fp16 autocast + dynamic loss scaling for 50 steps (screpro gpu amp),
#   3. seconds per full-size scGPT perturbation step, ours and PyTorch's, with the attention kernel each used.
# Without a GPU it is a dry run: the same steps on the CPU at the small size (how it is checked before it travels).
# Everything it prints is also in $WORK/summary.txt; exit status is non-zero if any check failed.
#   PYTHON=python3  WORK=./work  STEPS=5  SIZE=full|small  ./run.sh
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PYTHON:-python3}"
WORK="${WORK:-$HERE/work}"
STEPS="${STEPS:-5}"
mkdir -p "$WORK"
SUMMARY="$WORK/summary.txt"
: > "$SUMMARY"
say() { echo "$*" | tee -a "$SUMMARY"; }
failed=0
run() { # run NAME SECONDS CMD...: a step with a time limit, its output kept in $WORK/NAME.log
  local name=$1 limit=$2; shift 2
  local t0=$SECONDS
  if timeout "$limit" "$@" > "$WORK/$name.log" 2>&1; then
    grep -v '^\s*$' "$WORK/$name.log" | tail -4 | tee -a "$SUMMARY"
    say "[$name] ok in $((SECONDS - t0)) s"
  else
    local rc=$?
    tail -15 "$WORK/$name.log" | tee -a "$SUMMARY"
    say "[$name] FAILED (exit $rc after $((SECONDS - t0)) s; log $WORK/$name.log)"
    failed=1
  fi
}

# --- this machine's PyTorch ---------------------------------------------------------------------------------------
read -r TORCH_DIR TORCH_VERSION ABI HAS_CUDA GPU < <("$PY" -c '
import os, torch
print(os.path.dirname(torch.__file__), torch.__version__, int(torch._C._GLIBCXX_USE_CXX11_ABI), int(torch.cuda.is_available()),
      (torch.cuda.get_device_name(0).replace(" ", "_") if torch.cuda.is_available() else "none"))') \
  || { echo "run.sh: $PY cannot import torch"; exit 2; }
say "torch $TORCH_VERSION at $TORCH_DIR; CUDA: $HAS_CUDA ($GPU); cxx11 ABI: $ABI; $(nproc) cores"
if [ "$HAS_CUDA" = 1 ]; then DEVICE=cuda; SIZE="${SIZE:-full}"; else DEVICE=cpu; SIZE="${SIZE:-small}"; say "no GPU: dry run on the CPU at size $SIZE"; fi

# --- the shim, compiled straight against the wheel's headers and libraries -----------------------------------------
# Not CMake's find_package(Torch): a CUDA wheel's TorchConfig.cmake insists on a CUDA toolkit (nvcc), which the shim
# does not need (it reaches CUDA only through libtorch's hooks); this is how torch.utils.cpp_extension builds C++ too.
LIBDIR="$TORCH_DIR/lib"
INC="-I$TORCH_DIR/include -I$TORCH_DIR/include/torch/csrc/api/include"
LIBS="-ltorch -ltorch_cpu -lc10"
[ -e "$LIBDIR/libtorch_cuda.so" ] && LIBS="$LIBS -ltorch_cuda -lc10_cuda"
# torch.cuda.max_memory_reserved needs c10_cuda's allocator header, which includes the CUDA runtime's headers: those of
# the nvidia-cuda-runtime wheel beside torch, or a toolkit's. Without them the shim says the statistics are unavailable.
DEFS=""
if [ -e "$LIBDIR/libtorch_cuda.so" ]; then
  for cudainc in "$TORCH_DIR/../nvidia/cuda_runtime/include" "${CUDA_HOME:-/usr/local/cuda}/include"; do
    if [ -e "$cudainc/cuda_runtime_api.h" ]; then DEFS="-DSRT_WITH_CUDA=1"; INC="$INC -I$cudainc"; break; fi
  done
fi
BUILD="$WORK/shim"
mkdir -p "$BUILD"
build_shim() {
  # Every source of the shim (the same set CMakeLists.txt builds), so a new file cannot be left out here.
  local pids=() objs=() src obj
  for src in "$HERE"/native/src/*.cpp; do
    obj="$BUILD/$(basename "${src%.cpp}").o"
    objs+=("$obj")
    g++ -std=c++17 -O2 -fPIC -fvisibility=hidden -D_GLIBCXX_USE_CXX11_ABI="$ABI" $DEFS -I"$HERE/native/include" $INC \
      -c "$src" -o "$obj" & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || return 1; done
  g++ -shared -o "$HERE/screpro/libScReproTorch.so" "${objs[@]}" \
    -L"$LIBDIR" -Wl,-rpath,"$LIBDIR" -Wl,--no-as-needed $LIBS
}
export -f build_shim
export HERE BUILD INC LIBS LIBDIR ABI DEFS
run shim "${SHIM_LIMIT:-300}" bash -c build_shim
[ -e "$HERE/screpro/libScReproTorch.so" ] || { say "no shim: stopping"; exit 1; }
SCREPRO="$HERE/screpro/screpro"
export DOTNET_gcServer=0 CI=true

# --- 1. forward parity ---------------------------------------------------------------------------------------------
run parity-screpro 120 "$SCREPRO" gpu parity --out "$WORK/parity" --device "$DEVICE"
run parity-torch 120 "$PY" "$HERE/parity.py" "$WORK/parity" "$DEVICE"

# --- 2. fp16 autocast + loss scaling, 50 steps ---------------------------------------------------------------------
run amp 180 "$SCREPRO" gpu amp --device "$DEVICE" --steps 50 --size small --json "$WORK/amp.json"

# --- 3. full-size step timing, ours then PyTorch's ----------------------------------------------------------------
run time-screpro 240 "$SCREPRO" gpu time --device "$DEVICE" --size "$SIZE" --steps "$STEPS" --json "$WORK/time-screpro.json"
run time-torch 240 "$PY" "$HERE/timing.py" --device "$DEVICE" --size "$SIZE" --steps "$STEPS" --json "$WORK/time-torch.json"
if [ -s "$WORK/time-screpro.json" ] && [ -s "$WORK/time-torch.json" ]; then
  "$PY" - "$WORK/time-screpro.json" "$WORK/time-torch.json" <<'PYEOF' | tee -a "$SUMMARY"
import json, sys
ours, theirs = (json.load(open(p)) for p in sys.argv[1:3])
print(f"step seconds: screpro {ours['best_seconds']:.4f} (kernel {ours['attention_kernel']}), "
      f"pytorch {theirs['best_seconds']:.4f} (kernel {theirs['attention_kernel']}); pytorch/screpro = {theirs['best_seconds'] / ours['best_seconds']:.3f}")
PYEOF
fi
say "$([ $failed = 0 ] && echo 'gpu bundle: every check passed' || echo 'gpu bundle: some checks FAILED')"
exit $failed
