package dev.dendrite.data;

import dev.dendrite.tensor.Tensor;

/** Small datasets for tests. */
final class Datasets {

    private Datasets() {
    }

    /** {@code n} examples whose one feature equals the index and whose target is {@code index % classes}. */
    static TensorDataset indexed(int n, int classes) {
        float[] features = new float[n];
        float[] targets = new float[n];
        for (int i = 0; i < n; i++) {
            features[i] = i;
            targets[i] = i % classes;
        }
        return new TensorDataset(Tensor.wrap(features, n, 1), Tensor.wrap(targets, n));
    }
}
