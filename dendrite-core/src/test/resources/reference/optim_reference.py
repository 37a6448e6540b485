"""Reference values for dev.dendrite.optim tests, computed with PyTorch 1.13 (CPU, float32).

Run:  /usr/bin/python3 optim_reference.py > ../../java/dev/dendrite/optim/TorchReference.java
(the output is a Java source file of constants; the tests compare against it).

Every optimizer case starts from W0 and applies the fixed gradients GRADS[0..3] (one per step);
the parameters after each step are recorded. Schedules record get_last_lr() after construction
and after each step. NAdam is computed with the documented rule as PyTorch 2 implements it
(PyTorch 1.13 multiplies mu_t into the next product twice, fixed in pytorch/pytorch#92699).
"""
import math
import torch

W0 = [0.5, -1.2, 2.0, 0.0, -0.3]
GRADS = [
    [1.0, -2.0, 0.5, 0.0, 3.0],
    [0.2, -1.5, 0.6, 0.1, -0.5],
    [-0.3, 0.1, 0.7, -0.2, 0.25],
    [0.05, 0.4, -0.8, 0.3, -0.1],
]


def run(make, steps=len(GRADS)):
    p = torch.nn.Parameter(torch.tensor(W0, dtype=torch.float32))
    opt = make([p])
    out = []
    for g in GRADS[:steps]:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
        out.append(p.detach().clone().tolist())
    return out


def nadam_documented(lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
    """torch 2.x _single_tensor_nadam (non-capturable path), with 1.13's mul_/add_ moment update."""
    beta1, beta2 = betas
    p = torch.tensor(W0, dtype=torch.float32)
    exp_avg = torch.zeros_like(p)
    exp_avg_sq = torch.zeros_like(p)
    mu_product = torch.tensor(1.0)
    out = []
    for step, g in enumerate(GRADS, start=1):
        grad = torch.tensor(g, dtype=torch.float32)
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            grad = grad.add(p, alpha=weight_decay)
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt()
        mu_product_next = mu_product.item() * mu_next
        denom.add_(eps)
        p.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
        p.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))
        out.append(p.clone().tolist())
    return out


O = torch.optim
OPTIMIZERS = {
    "SGD": lambda ps: O.SGD(ps, lr=0.1),
    "SGD_WD": lambda ps: O.SGD(ps, lr=0.1, weight_decay=0.05),
    "SGD_MOMENTUM": lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, dampening=0.1),
    "SGD_NESTEROV": lambda ps: O.SGD(ps, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.05),
    "ADAGRAD": lambda ps: O.Adagrad(ps, lr=0.1),
    "ADAGRAD_WD": lambda ps: O.Adagrad(ps, lr=0.1, lr_decay=0.01, weight_decay=0.05, initial_accumulator_value=0.1),
    "ADADELTA": lambda ps: O.Adadelta(ps),
    "ADADELTA_WD": lambda ps: O.Adadelta(ps, lr=0.5, rho=0.95, weight_decay=0.05),
    "RMSPROP": lambda ps: O.RMSprop(ps, lr=0.01),
    "RMSPROP_WD": lambda ps: O.RMSprop(ps, lr=0.01, alpha=0.9, weight_decay=0.05),
    "RMSPROP_MOMENTUM": lambda ps: O.RMSprop(ps, lr=0.01, momentum=0.9),
    "RMSPROP_CENTERED": lambda ps: O.RMSprop(ps, lr=0.01, centered=True, momentum=0.5, weight_decay=0.05),
    "ADAM": lambda ps: O.Adam(ps, lr=0.01),
    "ADAM_WD": lambda ps: O.Adam(ps, lr=0.01, weight_decay=0.1),
    "ADAM_AMSGRAD": lambda ps: O.Adam(ps, lr=0.01, betas=(0.8, 0.5), amsgrad=True),
    "ADAM_AMSGRAD_WD": lambda ps: O.Adam(ps, lr=0.01, betas=(0.8, 0.5), amsgrad=True, weight_decay=0.1),
    "ADAMW": lambda ps: O.AdamW(ps, lr=0.01),
    "ADAMW_WD": lambda ps: O.AdamW(ps, lr=0.01, weight_decay=0.5),
    "ADAMW_AMSGRAD": lambda ps: O.AdamW(ps, lr=0.01, betas=(0.8, 0.5), amsgrad=True, weight_decay=0.5),
    "ADAMAX": lambda ps: O.Adamax(ps),
    "ADAMAX_WD": lambda ps: O.Adamax(ps, lr=0.01, betas=(0.8, 0.9), weight_decay=0.05),
}


def lrs(opt, sched, steps, metrics=None):
    out = [sched._last_lr[0] if hasattr(sched, "_last_lr") else opt.param_groups[0]["lr"]]
    for i in range(steps):
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[i])
        out.append(opt.param_groups[0]["lr"])
    return out


def opt(lr=0.1):
    return O.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)


S = O.lr_scheduler
PLATEAU_MIN = [1.0, 0.9, 0.95, 0.91, 0.9, 0.89999, 0.92, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
PLATEAU_MAX = [0.1, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]


def schedules():
    res = {}
    o = opt(); res["STEP_LR"] = lrs(o, S.StepLR(o, step_size=3, gamma=0.5), 15)
    o = opt(); res["MULTI_STEP_LR"] = lrs(o, S.MultiStepLR(o, milestones=[2, 5, 9], gamma=0.1), 15)
    o = opt(); res["EXPONENTIAL_LR"] = lrs(o, S.ExponentialLR(o, gamma=0.9), 15)
    o = opt(); res["COSINE_LR"] = lrs(o, S.CosineAnnealingLR(o, T_max=10, eta_min=0.001), 25)
    o = opt(); res["LINEAR_WARMUP"] = lrs(o, S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=5), 10)
    o = opt()
    warm = S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=5)
    cos = S.CosineAnnealingLR(o, T_max=10, eta_min=0.001)
    res["WARMUP_COSINE"] = lrs(o, S.SequentialLR(o, [warm, cos], milestones=[5]), 20)
    o = opt(); res["ONE_CYCLE"] = lrs(o, S.OneCycleLR(o, max_lr=0.1, total_steps=20, cycle_momentum=False), 19)
    o = opt(); res["ONE_CYCLE_LINEAR"] = lrs(o, S.OneCycleLR(o, max_lr=0.5, total_steps=12, pct_start=0.25,
                                                              anneal_strategy="linear", div_factor=10.,
                                                              final_div_factor=100., cycle_momentum=False), 11)
    o = opt(); res["PLATEAU_MIN"] = lrs(o, S.ReduceLROnPlateau(o, mode="min", factor=0.5, patience=2, cooldown=1,
                                                                min_lr=0.02), len(PLATEAU_MIN), PLATEAU_MIN)
    o = opt(); res["PLATEAU_MAX"] = lrs(o, S.ReduceLROnPlateau(o, mode="max", patience=1, threshold=0.01,
                                                                threshold_mode="abs"), len(PLATEAU_MAX), PLATEAU_MAX)
    return res


def jfloats(values):
    return "{" + ", ".join(repr(float(torch.tensor(v, dtype=torch.float32).item())) + "f" for v in values) + "}"


def jdoubles(values):
    return "{" + ", ".join(repr(float(v)) for v in values) + "}"


def main():
    print("package dev.dendrite.optim;")
    print()
    print("// Generated by src/test/resources/reference/optim_reference.py with PyTorch " + torch.__version__ + "; do not edit.")
    print()
    print("/** Parameters after each step and learning-rate sequences computed by PyTorch (see optim_reference.py). */")
    print("public final class TorchReference {")
    print()
    print("    private TorchReference() {")
    print("    }")
    print()
    print("    public static final float[] W0 = " + jfloats(W0) + ";")
    print("    public static final float[][] GRADS = {" + ", ".join(jfloats(g) for g in GRADS) + "};")
    cases = {name: run(make) for name, make in OPTIMIZERS.items()}
    cases["NADAM"] = nadam_documented()
    cases["NADAM_WD"] = nadam_documented(lr=0.01, betas=(0.8, 0.9), weight_decay=0.05, momentum_decay=0.01)
    for name, steps in cases.items():
        print("    public static final float[][] " + name + " = {" + ", ".join(jfloats(s) for s in steps) + "};")
    print()
    print("    public static final double[] PLATEAU_MIN_METRICS = " + jdoubles(PLATEAU_MIN) + ";")
    print("    public static final double[] PLATEAU_MAX_METRICS = " + jdoubles(PLATEAU_MAX) + ";")
    for name, seq in schedules().items():
        print("    public static final double[] " + name + " = " + jdoubles(seq) + ";")
    print("}")


if __name__ == "__main__":
    main()
