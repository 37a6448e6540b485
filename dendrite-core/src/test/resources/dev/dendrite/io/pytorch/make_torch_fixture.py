"""Writes the PyTorch fixtures of dev.dendrite.io.PyTorchImportTest (run once with PyTorch 1.13, CPU).

A small nn.Sequential's state_dict is saved as safetensors in F32, F16, BF16 and F64, with inputs and
the outputs PyTorch computes from each. The safetensors package is not packaged for this machine, so
save_file below writes the format as its specification says (8-byte little-endian header length, JSON
header with dtype / shape / data_offsets and __metadata__, header padded with spaces to 8 bytes, then the
little-endian tensor bytes), exactly as safetensors.torch.save_file lays it out.

    /usr/bin/python3 make_torch_fixture.py
"""
import copy
import json
import struct

import torch
from torch import nn

DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.float64: "F64"}


def save_file(tensors, path, metadata=None):
    header = {"__metadata__": metadata or {"format": "pt"}}
    blobs, offset = [], 0
    for name, tensor in tensors.items():
        tensor = tensor.detach().contiguous()
        # bfloat16 has no numpy type: view the same bits as int16 (both little-endian on x86).
        raw = (tensor.view(torch.int16) if tensor.dtype == torch.bfloat16 else tensor).numpy().tobytes()
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-(8 + len(text)) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)


torch.manual_seed(1913)
model = nn.Sequential(
    nn.Linear(5, 8), nn.GELU(),
    nn.Linear(8, 8), nn.LeakyReLU(0.1),
    nn.Linear(8, 4, bias=False), nn.ELU(0.5),
    nn.Linear(4, 3), nn.LogSoftmax(dim=1)).eval()
x = torch.randn(6, 5)
io = {"input": x}
for dtype, tag in [(torch.float32, "f32"), (torch.float16, "f16"), (torch.bfloat16, "bf16"), (torch.float64, "f64")]:
    state = {name: value.to(dtype) for name, value in model.state_dict().items()}
    save_file(state, f"torch_mlp_{tag}.safetensors")
    # What Dendrite should compute: the weights as stored, widened to float32 (float64 for F64, then rounded).
    compute = torch.float64 if dtype == torch.float64 else torch.float32
    widened = copy.deepcopy(model).to(compute)
    widened.load_state_dict({name: value.to(compute) for name, value in state.items()})
    with torch.no_grad():
        io[f"output_{tag}"] = widened(x.to(compute)).to(torch.float32)
save_file(io, "torch_mlp_io.safetensors")
print({name: list(value.shape) for name, value in io.items()})
