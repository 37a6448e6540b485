"""Reference values for dev.dendrite.loss tests, computed with PyTorch 1.13 (CPU, float32).

Run:  /usr/bin/python3 loss_reference.py > ../../java/dev/dendrite/loss/LossReference.java
(the output is a Java source file of constants; LossReferenceTest compares against it).

Each case applies a torch.nn loss to fixed inputs and records the loss value, its shape, and the
gradients of the prediction and (where torch differentiates it) the target. A scalar loss is
differentiated itself; an unreduced loss L as sum(L * R) with R[k] = (-1)^k (0.5 + 0.25 k), which
LossReferenceTest.upstream(k) repeats, so every element's gradient is checked with its own weight.
"""
import torch
import torch.nn as nn

F32 = torch.float32


def t(values):
    return torch.tensor(values, dtype=F32)


INPUTS = {
    "REG_PRED": t([[0.5, -1.2, 2.0], [3.1, 0.0, -0.7]]),
    "REG_TARGET": t([[0.2, 0.6, -0.5], [3.0, 1.6, -3.9]]),
    "PROB": t([[0.9, 0.2, 0.6], [0.05, 0.7, 0.35]]),
    "BIN_TARGET": t([[1.0, 0.0, 1.0], [0.0, 0.3, 1.0]]),
    "BIN_WEIGHT": t([0.5, 2.0, 1.5]),
    "PROB_EXTREME": t([0.0, 1.0, 0.0, 1.0]),
    "BIN_TARGET_EXTREME": t([0.0, 1.0, 1.0, 0.0]),
    "LOGITS_BIN": t([[2.0, -1.5, 0.3], [-0.8, 4.0, -3.2]]),
    "POS_WEIGHT": t([3.0, 0.5, 1.5]),
    "LOGITS_BIN_EXTREME": t([-1000.0, 1000.0, -1000.0, 1000.0, 0.0]),
    "BIN_TARGET_LOGITS_EXTREME": t([0.0, 1.0, 1.0, 0.0, 0.5]),
    "LOGITS": t([[1.2, -0.4, 0.3, 2.1, -1.0],
                 [0.0, 0.5, -2.2, 1.1, 0.7],
                 [-1.5, 2.4, 0.9, -0.3, 1.8],
                 [0.6, -0.9, 1.4, 0.2, -2.0]]),
    "CLASS_INDEX": t([1, 0, 4, 2]),
    "CLASS_INDEX_IGNORED": t([1, -100, 4, 2]),
    "CLASS_INDEX_TWOS": t([1, 2, 4, 2]),
    "CLASS_WEIGHT": t([1.0, 2.0, 0.5, 1.5, 3.0]),
    "CLASS_PROBS": t([[0.1, 0.6, 0.1, 0.1, 0.1],
                      [0.0, 0.0, 0.0, 1.0, 0.0],
                      [0.25, 0.25, 0.2, 0.2, 0.1],
                      [0.5, 0.0, 0.5, 0.0, 0.0]]),
    "LOGITS_SINGLE": t([0.3, -1.1, 2.2, 0.8, -0.5]),
    "CLASS_INDEX_SINGLE": t(3),
    "LOGITS_EXTREME": t([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 0.0]]),
    "CLASS_INDEX_EXTREME": t([1, 1]),
}
INPUTS["LOG_PROBS"] = torch.log_softmax(INPUTS["LOGITS"], dim=1)

REDUCTIONS = {"MEAN": "mean", "SUM": "sum", "NONE": "none"}


def upstream(n):
    return t([(1 if k % 2 == 0 else -1) * (0.5 + 0.25 * k) for k in range(n)])


def run(make, pred, target, target_grad, index_target=False):
    x = INPUTS[pred].clone().requires_grad_(True)
    y = INPUTS[target].clone()
    if index_target:
        y = y.long()
    elif target_grad:
        y.requires_grad_(True)
    out = make()(x, y)
    (out if out.dim() == 0 else (out * upstream(out.numel()).reshape(out.shape)).sum()).backward()
    return out.detach(), x.grad, (y.grad if target_grad else None)


CASES = {}


def add(name, make, pred, target, reductions=("MEAN", "SUM", "NONE"), target_grad=False, index_target=False):
    for r in reductions:
        key = name + "_" + r
        CASES[key] = (pred, target) + run(lambda: make(REDUCTIONS[r]), pred, target, target_grad, index_target)


def cases():
    add("MSE", lambda r: nn.MSELoss(reduction=r), "REG_PRED", "REG_TARGET", target_grad=True)
    add("L1", lambda r: nn.L1Loss(reduction=r), "REG_PRED", "REG_TARGET", target_grad=True)
    add("SMOOTH_L1", lambda r: nn.SmoothL1Loss(reduction=r), "REG_PRED", "REG_TARGET", target_grad=True)
    add("SMOOTH_L1_BETA2", lambda r: nn.SmoothL1Loss(reduction=r, beta=2.0), "REG_PRED", "REG_TARGET",
        ("MEAN", "NONE"), target_grad=True)
    add("SMOOTH_L1_BETA0", lambda r: nn.SmoothL1Loss(reduction=r, beta=0.0), "REG_PRED", "REG_TARGET", ("MEAN",))
    add("HUBER", lambda r: nn.HuberLoss(reduction=r), "REG_PRED", "REG_TARGET", target_grad=True)
    add("HUBER_DELTA2", lambda r: nn.HuberLoss(reduction=r, delta=2.0), "REG_PRED", "REG_TARGET",
        ("MEAN", "NONE"), target_grad=True)

    add("BCE", lambda r: nn.BCELoss(reduction=r), "PROB", "BIN_TARGET", target_grad=True)
    add("BCE_WEIGHT", lambda r: nn.BCELoss(reduction=r, weight=INPUTS["BIN_WEIGHT"]), "PROB", "BIN_TARGET",
        ("MEAN", "NONE"))
    add("BCE_EXTREME", lambda r: nn.BCELoss(reduction=r), "PROB_EXTREME", "BIN_TARGET_EXTREME", ("SUM", "NONE"))

    add("BCE_LOGITS", lambda r: nn.BCEWithLogitsLoss(reduction=r), "LOGITS_BIN", "BIN_TARGET", target_grad=True)
    add("BCE_LOGITS_POS_WEIGHT", lambda r: nn.BCEWithLogitsLoss(reduction=r, pos_weight=INPUTS["POS_WEIGHT"]),
        "LOGITS_BIN", "BIN_TARGET", ("MEAN", "NONE"), target_grad=True)
    add("BCE_LOGITS_WEIGHT", lambda r: nn.BCEWithLogitsLoss(reduction=r, weight=INPUTS["BIN_WEIGHT"]),
        "LOGITS_BIN", "BIN_TARGET", ("MEAN",))
    add("BCE_LOGITS_WEIGHT_POS_WEIGHT", lambda r: nn.BCEWithLogitsLoss(
        reduction=r, weight=INPUTS["BIN_WEIGHT"], pos_weight=INPUTS["POS_WEIGHT"]), "LOGITS_BIN", "BIN_TARGET",
        ("SUM", "NONE"), target_grad=True)
    add("BCE_LOGITS_EXTREME", lambda r: nn.BCEWithLogitsLoss(reduction=r), "LOGITS_BIN_EXTREME",
        "BIN_TARGET_LOGITS_EXTREME", ("MEAN", "NONE"))

    w = INPUTS["CLASS_WEIGHT"]
    idx = dict(index_target=True)
    add("CE", lambda r: nn.CrossEntropyLoss(reduction=r), "LOGITS", "CLASS_INDEX", **idx)
    add("CE_WEIGHT", lambda r: nn.CrossEntropyLoss(reduction=r, weight=w), "LOGITS", "CLASS_INDEX", **idx)
    add("CE_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, label_smoothing=0.1), "LOGITS", "CLASS_INDEX",
        ("MEAN", "NONE"), **idx)
    add("CE_WEIGHT_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, weight=w, label_smoothing=0.25),
        "LOGITS", "CLASS_INDEX", **idx)
    add("CE_IGNORE", lambda r: nn.CrossEntropyLoss(reduction=r), "LOGITS", "CLASS_INDEX_IGNORED", **idx)
    add("CE_IGNORE_WEIGHT_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, weight=w, label_smoothing=0.25),
        "LOGITS", "CLASS_INDEX_IGNORED", ("MEAN", "NONE"), **idx)
    add("CE_IGNORE_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, label_smoothing=0.25),
        "LOGITS", "CLASS_INDEX_IGNORED", ("MEAN",), **idx)
    add("CE_IGNORE_TWO_WEIGHT", lambda r: nn.CrossEntropyLoss(reduction=r, weight=w, ignore_index=2),
        "LOGITS", "CLASS_INDEX_TWOS", ("MEAN", "SUM"), **idx)
    add("CE_PROB", lambda r: nn.CrossEntropyLoss(reduction=r), "LOGITS", "CLASS_PROBS", target_grad=True)
    add("CE_PROB_WEIGHT", lambda r: nn.CrossEntropyLoss(reduction=r, weight=w), "LOGITS", "CLASS_PROBS",
        ("MEAN",), target_grad=True)
    add("CE_PROB_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, label_smoothing=0.1), "LOGITS",
        "CLASS_PROBS", ("MEAN",), target_grad=True)
    add("CE_PROB_WEIGHT_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, weight=w, label_smoothing=0.25),
        "LOGITS", "CLASS_PROBS", ("SUM", "NONE"), target_grad=True)
    add("CE_SINGLE", lambda r: nn.CrossEntropyLoss(reduction=r, label_smoothing=0.1), "LOGITS_SINGLE",
        "CLASS_INDEX_SINGLE", ("MEAN", "NONE"), **idx)
    add("CE_EXTREME", lambda r: nn.CrossEntropyLoss(reduction=r), "LOGITS_EXTREME", "CLASS_INDEX_EXTREME",
        ("MEAN", "NONE"), **idx)
    add("CE_EXTREME_SMOOTH", lambda r: nn.CrossEntropyLoss(reduction=r, label_smoothing=0.1), "LOGITS_EXTREME",
        "CLASS_INDEX_EXTREME", ("MEAN",), **idx)

    add("NLL", lambda r: nn.NLLLoss(reduction=r), "LOG_PROBS", "CLASS_INDEX", **idx)
    add("NLL_WEIGHT", lambda r: nn.NLLLoss(reduction=r, weight=w), "LOG_PROBS", "CLASS_INDEX", ("MEAN",), **idx)
    add("NLL_IGNORE", lambda r: nn.NLLLoss(reduction=r), "LOG_PROBS", "CLASS_INDEX_IGNORED", ("MEAN",), **idx)
    add("NLL_WEIGHT_IGNORE", lambda r: nn.NLLLoss(reduction=r, weight=w), "LOG_PROBS", "CLASS_INDEX_IGNORED",
        ("MEAN", "NONE"), **idx)


def jfloats(tensor):
    values = tensor.detach().reshape(-1).tolist()
    return "new float[] {" + ", ".join(repr(float(v)) + "f" for v in values) + "}"


def jints(values):
    return "new int[] {" + ", ".join(str(v) for v in values) + "}"


def jtensor(tensor):
    if tensor.dim() == 0:
        return "Tensor.scalar(" + repr(float(tensor.item())) + "f)"
    return "Tensor.of(" + jfloats(tensor) + ", " + ", ".join(str(d) for d in tensor.shape) + ")"


def main():
    cases()
    print("package dev.dendrite.loss;")
    print()
    print("import dev.dendrite.tensor.Tensor;")
    print()
    print("// Generated by src/test/resources/reference/loss_reference.py with PyTorch " + torch.__version__
          + "; do not edit.")
    print()
    print("/** Inputs and torch.nn loss values and gradients on them (see loss_reference.py). */")
    print("final class LossReference {")
    print()
    print("    private LossReference() {")
    print("    }")
    print()
    print("    /** One torch result: inputs by name, the loss and its shape, and the gradients (null: not differentiated). */")
    print("    record Case(String prediction, String target, float[] value, int[] shape, float[] gradPrediction,")
    print("                float[] gradTarget) {")
    print("    }")
    print()
    print("    /** A fresh copy of the named input. */")
    print("    static Tensor input(String name) {")
    print("        return switch (name) {")
    for name, tensor in INPUTS.items():
        print("            case \"" + name + "\" -> " + jtensor(tensor) + ";")
    print("            default -> throw new IllegalArgumentException(name);")
    print("        };")
    print("    }")
    print()
    for name, (pred, target, value, gx, gy) in CASES.items():
        print("    static final Case " + name + " = new Case(\"" + pred + "\", \"" + target + "\", " + jfloats(value)
              + ", " + jints(value.shape) + ",")
        print("            " + jfloats(gx) + ",")
        print("            " + (jfloats(gy) if gy is not None else "null") + ");")
    print("}")


if __name__ == "__main__":
    main()
