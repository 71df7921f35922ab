package dev.mcd.site.load;

import dev.mcd.site.Problem;
import dev.mcd.site.Problems;
import dev.mcd.site.ProjectPaths;
import dev.mcd.site.SiteConfig;
import dev.mcd.site.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code content/*.md} in file-name order, refusing files over the size limit, files that
 * are not UTF-8 and symlinks that lead out of the project or into .git/ ({@link ProjectPaths}), e.g.
 * {@code content/x.md -> /etc/passwd}.
 */
public final class ContentLoader {
    public static final String CONTENT = "content";

    private ContentLoader() {}

    public static List<SourceFile> load(Path root, SiteConfig config, Problems problems) {
        Path dir = root.resolve(CONTENT);
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.ofFile(CONTENT + "/", "no content folder"));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.ofFile(CONTENT + "/", "cannot list: " + e.getMessage()));
            return List.of();
        }
        var out = new ArrayList<SourceFile>();
        for (Path p : files) {
            String rel = CONTENT + "/" + p.getFileName();
            try {
                var escape = ProjectPaths.outside(root, p, rel);
                if (escape.isPresent()) {
                    problems.add(escape.get());
                    continue;
                }
                if (!Files.isRegularFile(p)) {
                    problems.add(Problem.ofFile(rel, "not a regular file"));
                    continue;
                }
                long size = Files.size(p);
                if (size > config.maxFileBytes()) {
                    problems.add(Problem.ofFile(rel, "file is " + size + " bytes, over the limit of "
                            + config.maxFileBytes() + " (maxFileBytes in " + SiteConfig.FILE + ")"));
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                out.add(SourceFile.of(rel, text.startsWith("\uFEFF") ? text.substring(1) : text));
            } catch (CharacterCodingException e) {
                problems.add(Problem.ofFile(rel, "not valid UTF-8"));
            } catch (IOException e) {
                problems.add(Problem.ofFile(rel, "cannot read: " + e));
            }
        }
        return out;
    }
}
