package dev.dendrite.data;

/** Reads a classification dataset's targets as class indices. */
final class Labels {

    private Labels() {
    }

    /** Every example's class index, or an error naming {@code purpose} if the targets are not class indices. */
    static int[] of(Dataset data, String purpose) {
        if (data.targetShape().size() != 1) {
            throw new IllegalArgumentException(purpose + " needs one class index per example, but targets have shape "
                    + data.targetShape());
        }
        int[] labels = new int[data.size()];
        float[] target = new float[1];
        for (int i = 0; i < labels.length; i++) {
            data.target(i, target, 0);
            float value = target[0];
            if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE - 1) {
                throw new IllegalArgumentException(purpose + " needs class indices 0, 1, 2, ... as targets, but example "
                        + i + " has target " + value);
            }
            labels[i] = (int) value;
        }
        return labels;
    }
}
