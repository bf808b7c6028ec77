#!/usr/bin/env python3
"""Seconds per scGPT perturbation fine-tuning step in PyTorch, the same step `screpro gpu time` takes.

Same architecture (scgpt_reference.TransformerGenerator, dropout 0 as the fine-tuning recipes), the same shapes
(full: 12 layers, d_model 512, 8 heads, d_hid 512, vocab 60,697; batch 64 x 1,536 tokens), the same step: autocast
fp16 around forward + MSE (amp, on CUDA), GradScaler, unscale, clip_grad_norm_(1.0), Adam(lr 1e-4), one fixed random
batch with target 0.5 x values, the device synchronised before the clock stops. Prints best and median seconds and
the attention kernel SDPA picks for one layer's shape.
Usage: timing.py [--size full|small|demo] [--steps 5] [--warmup 2] [--device cuda] [--no-amp] [--json FILE]
"""
import argparse
import contextlib
import json
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import scgpt_reference as ref  # in the bundle: a copy of the fixture generator
except ImportError:  # in the repository (the CPU benchmark): the fixture generator itself
    sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "fixtures", "models", "scripts"))
    import make_scgpt_fixtures as ref

SHAPES = {  # as StepShape in src/ScRepro.Models/DeviceChecks/StepShape.cs
    "full": dict(ntoken=60697, d=512, nhead=8, d_hid=512, nlayers=12, batch=64, tokens=1536),
    "small": dict(ntoken=303, d=64, nhead=4, d_hid=64, nlayers=2, batch=8, tokens=128),
    "demo": dict(ntoken=303, d=64, nhead=4, d_hid=64, nlayers=2, batch=32, tokens=300),
}
KERNELS = {0: "math", 1: "flash", 2: "efficient", 3: "cudnn", 4: "overrideable"}


def kernel(shape, device, fp16):
    if not hasattr(torch, "_fused_sdp_choice"):
        return f"explicit (torch {torch.__version__} has no scaled_dot_product_attention)"
    dtype = torch.float16 if fp16 else torch.float32
    q = torch.randn(shape["batch"] * shape["nhead"], shape["tokens"], shape["d"] // shape["nhead"], dtype=dtype, device=device)
    try:
        return KERNELS.get(int(torch._fused_sdp_choice(q, q, q)), "unknown")
    except RuntimeError as e:
        return f"unknown ({e})"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", default="full", choices=SHAPES)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--no-amp", action="store_true")
    p.add_argument("--json")
    a = p.parse_args()
    s, device = SHAPES[a.size], torch.device(a.device)
    torch.manual_seed(20261202)
    model = ref.TransformerGenerator(s["ntoken"], s["d"], s["nhead"], s["d_hid"], s["nlayers"], 3, 1, s["ntoken"] - 3, 0, dropout=0.0)
    model.to(device).train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    amp = not a.no_amp and device.type == "cuda"
    scaler = torch.cuda.amp.GradScaler(enabled=amp)
    src = torch.randint(0, s["ntoken"] - 3, (s["batch"], s["tokens"]), device=device)
    values = torch.rand(s["batch"], s["tokens"], device=device) * 4
    flags = (torch.rand(s["batch"], s["tokens"], device=device) < 0.02).long()
    target = values * 0.5

    def step():
        t = time.perf_counter()
        # torch 1.13 refuses a float16 autocast on the CPU even when disabled, so the CPU dry run uses no region.
        with torch.autocast(device_type="cuda", dtype=torch.float16) if amp else contextlib.nullcontext():
            loss = F.mse_loss(model(src, values, flags, None), target)
        opt.zero_grad()
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        scaler.step(opt)
        scaler.update()
        if device.type == "cuda":
            torch.cuda.synchronize()
        return time.perf_counter() - t, float(loss)

    for _ in range(a.warmup):
        step()
    runs = [step() for _ in range(a.steps)]
    seconds = [r[0] for r in runs]
    result = dict(device=str(device), torch=torch.__version__, precision="fp16 autocast + GradScaler" if amp else "fp32",
                  attention_kernel=kernel(s, device, amp), step_seconds=seconds, best_seconds=min(seconds),
                  median_seconds=statistics.median(seconds), losses=[r[1] for r in runs],
                  max_memory_reserved=torch.cuda.max_memory_reserved(device) if device.type == "cuda" else None)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1)
    print(f"pytorch step on {device}: best {result['best_seconds']:.4f} s, median {result['median_seconds']:.4f} s over {a.steps} steps; "
          f"{result['precision']}; kernel {result['attention_kernel']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
