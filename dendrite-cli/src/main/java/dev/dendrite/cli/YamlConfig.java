package dev.dendrite.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options of a command read from a YAML file ({@code --config run.yaml}): each key is a long option
 * name without its dashes ({@code batch-size: 64}, {@code layers: [64, 32]}), and an option given on
 * the command line wins over the file.
 */
final class YamlConfig implements IDefaultValueProvider {

    private final Path file;
    private final Map<String, String> values;

    private YamlConfig(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads {@code file}, checking every key against the options of {@code command}. */
    static YamlConfig read(Path file, CommandSpec command) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            // Jackson's own message repeats the location in its later lines; the first and the location suffice.
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new UsageException(file + where + ": cannot read the configuration: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the configuration: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new YamlConfig(file, Map.of());
        }
        if (!root.isObject()) {
            throw new UsageException(file + ": the configuration must be a map of option names to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            String key = entry.getKey();
            if (command.findOption("--" + key) == null || key.equals("config")) {
                throw new UsageException(file + ": '" + key + "' is not an option of 'dendrite " + command.name()
                        + "'; see 'dendrite " + command.name() + " --help'");
            }
            values.put(key, text(entry.getValue()));
        });
        return new YamlConfig(file, values);
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The configured value of {@code argument}, or null to fall back to the option's own default. */
    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return values.get(option.longestName().replaceFirst("^--", ""));
        }
        return null;
    }

    /** The file the values came from. */
    Path file() {
        return file;
    }
}
