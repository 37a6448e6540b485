package dev.dendrite.data;

/**
 * Bilinear resizing of one image plane, sampling at pixel centres (as PyTorch's
 * {@code interpolate(..., mode="bilinear", align_corners=False)}). When shrinking by more than 2x,
 * it first averages boxes of pixels so that the result does not alias.
 */
final class Resize {

    private Resize() {
    }

    /** Writes {@code src} ({@code srcH x srcW}, row-major) resized to {@code dstH x dstW} into {@code dst} from {@code offset}. */
    static void bilinear(float[] src, int srcH, int srcW, float[] dst, int offset, int dstH, int dstW) {
        int boxH = Math.max(1, srcH / (2 * dstH));
        int boxW = Math.max(1, srcW / (2 * dstW));
        if (boxH > 1 || boxW > 1) {
            int h = srcH / boxH;
            int w = srcW / boxW;
            src = boxAverage(src, srcW, boxH, boxW, h, w);
            srcH = h;
            srcW = w;
        }
        float scaleY = (float) srcH / dstH;
        float scaleX = (float) srcW / dstW;
        for (int y = 0; y < dstH; y++) {
            float sy = Math.max(0f, (y + 0.5f) * scaleY - 0.5f);
            int y0 = Math.min((int) sy, srcH - 1);
            int y1 = Math.min(y0 + 1, srcH - 1);
            float fy = sy - y0;
            for (int x = 0; x < dstW; x++) {
                float sx = Math.max(0f, (x + 0.5f) * scaleX - 0.5f);
                int x0 = Math.min((int) sx, srcW - 1);
                int x1 = Math.min(x0 + 1, srcW - 1);
                float fx = sx - x0;
                float top = src[y0 * srcW + x0] * (1 - fx) + src[y0 * srcW + x1] * fx;
                float bottom = src[y1 * srcW + x0] * (1 - fx) + src[y1 * srcW + x1] * fx;
                dst[offset + y * dstW + x] = top * (1 - fy) + bottom * fy;
            }
        }
    }

    private static float[] boxAverage(float[] src, int srcW, int boxH, int boxW, int h, int w) {
        float[] out = new float[h * w];
        float norm = 1f / (boxH * boxW);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int dy = 0; dy < boxH; dy++) {
                    int row = (y * boxH + dy) * srcW + x * boxW;
                    for (int dx = 0; dx < boxW; dx++) {
                        sum += src[row + dx];
                    }
                }
                out[y * w + x] = sum * norm;
            }
        }
        return out;
    }
}
