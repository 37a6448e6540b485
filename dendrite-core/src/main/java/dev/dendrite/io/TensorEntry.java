package dev.dendrite.io;

/** One tensor as the safetensors header describes it: name, element type, shape and byte range in the data section. */
record TensorEntry(String name, DType dtype, int[] shape, long begin, long end) {

    /** The number of elements (the product of the shape). */
    int count() {
        return (int) ((end - begin) / dtype.bytes());
    }
}
