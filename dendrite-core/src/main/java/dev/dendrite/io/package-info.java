/**
 * Models as files: one safetensors file per model ({@link dev.dendrite.io.Model#save},
 * {@link dev.dendrite.io.Model#load}) holding the weights under their module-tree names plus, in its
 * string metadata, the format version, the architecture ({@link dev.dendrite.io.Architecture}), the
 * preprocessing, a checksum and any entries of the application's own
 * ({@link dev.dendrite.io.Model#withMetadata}; the command line keeps its training run and input format
 * there). {@link dev.dendrite.io.SafeTensors} is the container layer that model
 * files and checkpoints share; {@link dev.dendrite.io.Weights} loads bare weights, e.g. exported from
 * PyTorch, into a module built by hand.
 *
 * <h2>File layout</h2>
 * <pre>
 * [8 bytes]  N, the header length, unsigned little-endian
 * [N bytes]  JSON, padded with spaces to a multiple of 8:
 *            {"__metadata__": {"dendrite.format_version": "1",
 *                              "dendrite.architecture": "{\"type\":\"Sequential\",...}",
 *                              "dendrite.preprocessing": "{\"kind\":\"none\",...}",
 *                              "dendrite.checksum": "crc32c:89abcdef", ...},
 *             "0.weight": {"dtype": "F32", "shape": [256, 784], "data_offsets": [0, 802816]}, ...}
 * [rest]     the tensors' little-endian bytes, back to back in header order
 * </pre>
 *
 * <h2>From PyTorch</h2>
 * Names and layouts map 1:1: {@code nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))} has
 * {@code 0.weight [8, 4]}, {@code 0.bias [8]}, {@code 2.weight [3, 8]}, {@code 2.bias [3]}, exactly
 * the names and shapes of {@code new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3))}: both
 * store a Linear weight as {@code [out, in]}, so nothing is transposed. Activations have no parameters
 * but keep their index, as in PyTorch.
 *
 * <h2>Checkpoints</h2>
 * A checkpoint is the same container: model tensors plus optimizer state under a prefix
 * ({@code optimizer.state.0.exp_avg}) and JSON metadata, written and read with
 * {@link dev.dendrite.io.SafeTensors#write} and {@link dev.dendrite.io.SafeTensors#read}.
 */
package dev.dendrite.io;
