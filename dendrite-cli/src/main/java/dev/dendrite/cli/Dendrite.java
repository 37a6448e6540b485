package dev.dendrite.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code dendrite} command: train, evaluate, predict, inspect, export and landscape. Exit codes: 0 on success, 2 on
 * a usage error (with the usage printed), 1 on a failure, reported as one line on standard error
 * (with the stack trace under {@code --verbose}).
 */
@Command(name = "dendrite", mixinStandardHelpOptions = true, version = "dendrite 0.1.0-SNAPSHOT",
        description = "Train, evaluate and use neural networks from the command line.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, InspectCommand.class, ExportCommand.class,
                LandscapeCommand.class,
                CommandLine.HelpCommand.class})
public final class Dendrite implements Callable<Integer> {

    /** Exit code of a failure (picocli's own codes: 0 success, 2 usage error). */
    public static final int FAILURE = 1;

    final PrintStream out;
    final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On an error, print the stack trace too.")
    boolean verbose;

    Dendrite(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line {@code args} with the given output streams; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine commandLine = new CommandLine(new Dendrite(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            out.flush();
            err.println(failed.getCommandName().equals("dendrite") ? "dendrite: error: " + Errors.message(exception)
                    : "dendrite " + failed.getCommandName() + ": error: " + Errors.message(exception));
            if (verbose) {
                exception.printStackTrace(err);
            }
            if (exception instanceof UsageException) {
                err.println("Try 'dendrite " + (failed.getCommandName().equals("dendrite") ? "" : failed.getCommandName() + " ")
                        + "--help' for the options.");
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            err.flush();
            return FAILURE;
        });
        try {
            configure(commandLine, args);
        } catch (UsageException e) {
            err.println("dendrite: error: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        return commandLine.execute(args);
    }

    /** A {@code --config FILE} among the arguments of a subcommand supplies that subcommand's defaults. */
    private static void configure(CommandLine commandLine, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String path = args[i].startsWith("--config=") ? args[i].substring("--config=".length())
                    : args[i].equals("--config") && i + 1 < args.length ? args[i + 1] : null;
            if (path == null) {
                continue;
            }
            for (String arg : args) {
                CommandLine sub = commandLine.getSubcommands().get(arg);
                if (sub != null && sub.getCommandSpec().findOption("--config") != null) {
                    sub.setDefaultValueProvider(YamlConfig.read(java.nio.file.Path.of(path), sub.getCommandSpec()));
                    return;
                }
            }
        }
    }

    /** The entry point of the launcher. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
