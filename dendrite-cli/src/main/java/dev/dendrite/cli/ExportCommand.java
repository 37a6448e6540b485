package dev.dendrite.cli;

import dev.dendrite.onnx.OnnxExporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dendrite export}: a saved model as an ONNX file, for serving with ONNX Runtime and friends. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a saved model to ONNX (opset " + OnnxExporter.OPSET + ", dynamic batch size).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "Where to write the ONNX model.")
    Path onnxFile;

    @Override
    public Integer call() {
        LoadedModel loaded = LoadedModel.load(modelFile);
        OnnxExporter.export(loaded.model().module(), new int[] {loaded.inputs()}, onnxFile);
        app.out.println("Wrote " + onnxFile + " (input [batch, " + loaded.inputs() + "], output [batch"
                + (loaded.outputs() == 1 ? "" : ", " + loaded.outputs()) + "])");
        if (loaded.input().isImages()) {
            app.out.println("Input: " + loaded.input().describe() + ", flattened channel by channel, row by row, pixels in [0, 1]");
        }
        if (loaded.model().scaler().isPresent()) {
            app.out.println("Note: the model expects inputs scaled by its " + loaded.model().scaler().get().kind()
                    + " scaler; the ONNX graph holds the network only.");
        }
        return 0;
    }
}
