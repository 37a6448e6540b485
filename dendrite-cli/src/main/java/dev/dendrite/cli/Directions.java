package dev.dendrite.cli;

import dev.dendrite.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Random directions in weight space, filter-normalised as in Li, Xu, Taylor, Studer and Goldstein (2018),
 * "Visualizing the Loss Landscape of Neural Nets": a Gaussian direction of each weight tensor, each of its
 * filters (for a linear layer's {@code [out, in]} weight: each row, the weights into one unit) rescaled to the
 * norm of the same filter of the trained weights, so that moving along it changes every unit in proportion
 * to its own scale. Directions of biases and other 1-D parameters are zero, as in the paper.
 */
final class Directions {

    private Directions() {
    }

    /** One direction: an array per parameter, in the order of {@code parameters}. */
    static List<float[]> filterNormalised(Map<String, Parameter> parameters, RandomGenerator random) {
        List<float[]> direction = new ArrayList<>();
        for (Parameter parameter : parameters.values()) {
            float[] weights = parameter.value().data();
            float[] d = new float[weights.length];
            int[] dims = parameter.value().dims();
            if (dims.length >= 2 && weights.length > 0) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) random.nextGaussian();
                }
                int filters = dims[0];
                int width = weights.length / filters;
                for (int f = 0; f < filters; f++) {
                    double scale = norm(weights, f * width, width) / (norm(d, f * width, width) + 1e-10);
                    for (int i = f * width; i < (f + 1) * width; i++) {
                        d[i] = (float) (d[i] * scale);
                    }
                }
            }
            direction.add(d);
        }
        return direction;
    }

    /** The Euclidean norm of {@code length} values of {@code values} from {@code offset}. */
    static double norm(float[] values, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) values[i] * values[i];
        }
        return Math.sqrt(sum);
    }
}
