package dev.dendrite.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a function sampled on a grid, by marching squares: in each grid cell, the level crosses
 * the edges whose two corners lie on different sides of it (at the linearly interpolated point), and those
 * crossings are joined into segments; a saddle cell (four crossings) is resolved by the cell's mean value.
 */
final class Contours {

    private Contours() {
    }

    /**
     * The segments {@code {x1, y1, x2, y2}} of the line {@code z = level}, where {@code z[i][j]} is the value
     * at {@code (xs[i], ys[j])}. Cells with a non-finite corner are left out.
     */
    static List<double[]> segments(double[] xs, double[] ys, double[][] z, double level) {
        List<double[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                // corners counter-clockwise from the lower left: (i, j), (i+1, j), (i+1, j+1), (i, j+1)
                double[] cx = {xs[i], xs[i + 1], xs[i + 1], xs[i]};
                double[] cy = {ys[j], ys[j], ys[j + 1], ys[j + 1]};
                double[] cz = {z[i][j], z[i + 1][j], z[i + 1][j + 1], z[i][j + 1]};
                if (!(Double.isFinite(cz[0]) && Double.isFinite(cz[1]) && Double.isFinite(cz[2]) && Double.isFinite(cz[3]))) {
                    continue;
                }
                double[][] crossing = new double[4][];
                int count = 0;
                for (int e = 0; e < 4; e++) {
                    int a = e;
                    int b = (e + 1) % 4;
                    if ((cz[a] >= level) != (cz[b] >= level)) {
                        double t = (level - cz[a]) / (cz[b] - cz[a]);
                        crossing[e] = new double[] {cx[a] + t * (cx[b] - cx[a]), cy[a] + t * (cy[b] - cy[a])};
                        count++;
                    }
                }
                if (count == 2) {
                    double[] first = null;
                    for (double[] point : crossing) {
                        if (point != null) {
                            if (first == null) {
                                first = point;
                            } else {
                                segments.add(new double[] {first[0], first[1], point[0], point[1]});
                            }
                        }
                    }
                } else if (count == 4) {
                    boolean centreAbove = (cz[0] + cz[1] + cz[2] + cz[3]) / 4 >= level;
                    if (centreAbove == (cz[0] >= level)) {
                        // corners 0 and 2 join through the centre: cut off corners 1 and 3
                        segments.add(join(crossing[0], crossing[1]));
                        segments.add(join(crossing[2], crossing[3]));
                    } else {
                        // corners 1 and 3 join: cut off corners 0 and 2
                        segments.add(join(crossing[3], crossing[0]));
                        segments.add(join(crossing[1], crossing[2]));
                    }
                }
            }
        }
        return segments;
    }

    private static double[] join(double[] a, double[] b) {
        return new double[] {a[0], a[1], b[0], b[1]};
    }

    /** {@code count} levels spaced evenly in log scale strictly between {@code min} and {@code max} (both positive). */
    static double[] logLevels(double min, double max, int count) {
        double[] levels = new double[count];
        double lo = Math.log(min);
        double hi = Math.log(max);
        for (int k = 0; k < count; k++) {
            levels[k] = Math.exp(lo + (hi - lo) * (k + 1) / (count + 1));
        }
        return levels;
    }
}
