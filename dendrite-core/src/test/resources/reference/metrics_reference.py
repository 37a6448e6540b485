"""Reference values for dev.dendrite.train.metric tests, computed by scikit-learn.

Run: /usr/bin/python3 metrics_reference.py  (Debian: apt-get install python3-sklearn)
The data below is copied literally into the Java tests; the printed numbers are pasted there.
Inputs go through float32 first, as the Java tensors hold them.
"""
import numpy as np
import sklearn
from sklearn import metrics as m

f32 = lambda a: np.asarray(a, dtype=np.float32).astype(np.float64)
print("sklearn", sklearn.__version__)

# Multi-class, 3 classes, logits [12, 3]; row 6 ties classes 0 and 1 (argmax takes the first).
MC_LOGITS = [[2.0, 0.1, -1.0], [0.3, 0.2, 1.5], [-1.0, 0.0, 3.0], [0.1, 2.2, 0.4],
             [0.0, 1.0, 0.5], [1.2, -0.3, 0.9], [0.7, 0.7, 0.1], [0.2, 0.1, 0.9],
             [0.4, 1.1, 0.3], [-0.2, 1.3, -0.5], [0.1, 0.0, 2.1], [0.9, 0.8, 0.2]]
MC_TRUE = [0, 1, 2, 2, 1, 0, 1, 2, 0, 1, 2, 1]
mc_pred = np.argmax(np.array(MC_LOGITS, dtype=np.float32), axis=1)
print("mc_pred", mc_pred.tolist())
print("mc accuracy", repr(m.accuracy_score(MC_TRUE, mc_pred)))
print("mc confusion", m.confusion_matrix(MC_TRUE, mc_pred).tolist())
for avg in [None, "micro", "macro", "weighted"]:
    for name, fn in [("precision", m.precision_score), ("recall", m.recall_score), ("f1", m.f1_score)]:
        v = fn(MC_TRUE, mc_pred, average=avg, zero_division=0)
        print("mc", name, avg, repr(v.tolist() if avg is None else float(v)))

# 4 classes, class 3 never occurs nor is predicted; class 2 never predicted (zero division).
ABSENT_TRUE = [0, 1, 2, 0, 1, 2, 0, 1]
ABSENT_PRED = [0, 1, 1, 0, 0, 0, 0, 1]
for avg in ["macro", "weighted", "micro"]:
    for name, fn in [("precision", m.precision_score), ("recall", m.recall_score), ("f1", m.f1_score)]:
        print("absent", name, avg, repr(float(fn(ABSENT_TRUE, ABSENT_PRED, average=avg, zero_division=0))))

# Binary probabilities; 0.5 exactly is negative (strictly above the threshold is positive).
BIN_PROB = [0.9, 0.2, 0.5, 0.7, 0.4, 0.6, 0.1, 0.8, 0.3, 0.55]
BIN_TRUE = [1, 0, 1, 1, 0, 0, 0, 1, 1, 1]
bin_pred = (f32(BIN_PROB) > np.float32(0.5)).astype(int)
print("bin_pred", bin_pred.tolist())
print("bin accuracy", repr(m.accuracy_score(BIN_TRUE, bin_pred)))
for name, fn in [("precision", m.precision_score), ("recall", m.recall_score), ("f1", m.f1_score)]:
    print("bin", name, repr(float(fn(BIN_TRUE, bin_pred, zero_division=0))))
    print("bin", name, "macro", repr(float(fn(BIN_TRUE, bin_pred, average="macro", zero_division=0))))
bin_pred_025 = (f32(BIN_PROB) > np.float32(0.25)).astype(int)
print("bin accuracy@0.25", repr(m.accuracy_score(BIN_TRUE, bin_pred_025)))

# ROC AUC with ties across and within classes.
AUC_SCORE = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.1, 0.65, 0.8, 0.2, 0.65]
AUC_TRUE = [0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1]
print("auc", repr(m.roc_auc_score(AUC_TRUE, f32(AUC_SCORE))))
fpr, tpr, thr = m.roc_curve(AUC_TRUE, f32(AUC_SCORE), drop_intermediate=False)
print("roc fpr", fpr.tolist())
print("roc tpr", tpr.tolist())
print("roc thr", thr.tolist(), "(first is inf in sklearn >= 1.3, max + 1 before)")
AUC_LOGITS = np.log(f32(AUC_SCORE) / (1 - f32(AUC_SCORE)))
print("auc logits", repr(m.roc_auc_score(AUC_TRUE, AUC_LOGITS)))

# Regression, one output and two outputs.
REG_TRUE = [3.0, -0.5, 2.0, 7.0, 4.25, -1.5, 0.0, 5.5]
REG_PRED = [2.5, 0.0, 2.0, 8.0, 4.0, -2.0, 0.75, 5.0]
for name, fn in [("mse", m.mean_squared_error), ("mae", m.mean_absolute_error), ("r2", m.r2_score)]:
    print("reg", name, repr(fn(f32(REG_TRUE), f32(REG_PRED))))
REG2_TRUE = [[0.5, 1.0], [-1.0, 1.0], [7.0, -6.0], [2.0, 3.5], [1.5, 0.25], [4.0, 2.0]]
REG2_PRED = [[0.0, 2.0], [-1.0, 2.0], [8.0, -5.0], [2.5, 3.0], [1.0, 0.0], [3.5, 2.5]]
for name, fn in [("mse", m.mean_squared_error), ("mae", m.mean_absolute_error), ("r2", m.r2_score)]:
    print("reg2", name, repr(fn(f32(REG2_TRUE), f32(REG2_PRED))))
# A constant target column: r2 is 1 when predicted exactly, else 0 (force_finite).
print("r2 const exact", repr(m.r2_score([[2.0, 1.0], [2.0, 3.0], [2.0, 5.0]], [[2.0, 1.5], [2.0, 3.0], [2.0, 4.0]])))
print("r2 const wrong", repr(m.r2_score([2.0, 2.0, 2.0], [2.0, 1.0, 2.0])))
