#!/usr/bin/env python3
"""Forward parity of ScRepro's scGPT TransformerGenerator against PyTorch on the same device.

`screpro gpu parity --out DIR` wrote random weights (weights.pt), a padded batch (inputs.pt), and ScRepro's eval-mode
output on the CPU and on the device (outputs.pt), with the config in case.json. This loads the same weights into the
PyTorch definition (scgpt_reference.py, the fixture generator of tests/fixtures/models/scripts), runs the same batch
on DEVICE and compares over the unpadded positions (padded outputs are discarded by the loss; PyTorch 2.x's eval fast
path may fill them differently). Exit 0 when |ours - torch| <= 1e-5 + 1e-5 |torch| everywhere, else 1.
Usage: parity.py DIR [DEVICE]
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scgpt_reference as ref  # noqa: E402

ATOL, RTOL = 1e-5, 1e-5


def main():
    folder = sys.argv[1]
    device = torch.device(sys.argv[2] if len(sys.argv) > 2 else ("cuda" if torch.cuda.is_available() else "cpu"))
    case = json.load(open(os.path.join(folder, "case.json")))
    model = ref.TransformerGenerator(case["n_token"], case["d_model"], case["n_head"], case["d_hid"], case["n_layers"],
                                     case["n_layers_cls"], 1, case["pad_id"], case["pert_pad_id"])
    model.load_state_dict(torch.load(os.path.join(folder, "weights.pt"), map_location="cpu"), strict=True)
    model.eval().to(device)
    inputs = torch.load(os.path.join(folder, "inputs.pt"), map_location="cpu")
    ours = torch.load(os.path.join(folder, "outputs.pt"), map_location="cpu")
    with torch.no_grad():
        theirs = model(*(inputs[k].to(device) for k in ("src", "values", "flags", "mask"))).float().cpu()
    keep = ~inputs["mask"]
    ok = True
    for side in ("device", "cpu"):
        diff = (ours[side] - theirs).abs()[keep]
        bound = (ATOL + RTOL * theirs.abs())[keep]
        worst = float(diff.max())
        passed = bool((diff <= bound).all())
        ok &= passed
        print(f"parity: screpro on {case['device'] if side == 'device' else 'cpu'} vs torch {torch.__version__} on {device}: "
              f"max |diff| {worst:.3g} over {int(keep.sum())} outputs -> {'PASS' if passed else 'FAIL'}")
    print("parity check: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
