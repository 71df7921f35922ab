package dev.mcd.site;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a YAML mapping such as front matter {@code title: Basics} into a map; a syntax error
 * becomes a {@link Problem} at the right line of the enclosing file ({@code firstLine} is the
 * file line of the YAML's first line).
 */
public final class Yaml {
    private Yaml() {}

    public sealed interface Loaded {}

    public record Mapping(Map<?, ?> values) implements Loaded {}

    public record Failed(Problem problem) implements Loaded {}

    public static Loaded load(SourceFile file, String yaml, int firstLine) {
        try {
            Object value = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
            if (value == null) {
                return new Mapping(Map.of());
            }
            if (value instanceof Map<?, ?> m) {
                return new Mapping(m);
            }
            return new Failed(file.problemAt(firstLine, 1, "expected 'key: value' lines"));
        } catch (MarkedYamlEngineException e) {
            var mark = e.getProblemMark().or(e::getContextMark);
            int line = firstLine + mark.map(m -> m.getLine()).orElse(0);
            int col = 1 + mark.map(m -> m.getColumn()).orElse(0);
            return new Failed(file.problemAt(line, col, "YAML: " + Optional.ofNullable(e.getProblem()).orElse(e.getContext())));
        } catch (YamlEngineException e) {
            return new Failed(file.problemAt(firstLine, 1, "YAML: " + e.getMessage()));
        }
    }
}
