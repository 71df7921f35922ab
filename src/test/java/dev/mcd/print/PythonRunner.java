package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mcd.testkit.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs generated modules' {@code derivative(**v)} in one python3 process (NumPy's import is the
 * slow part) and reads each value back, e.g. {@code float 2.5} or a 2-D array; tests skip
 * without python3 and NumPy unless {@code CI=true}.
 */
final class PythonRunner {
    private static final String DRIVER = """
            import importlib.util, json, sys
            import numpy as np
            for i, (code, args) in enumerate(json.load(open(sys.argv[1]))):
                try:
                    spec = importlib.util.spec_from_file_location('generated%d' % i, code)
                    module = importlib.util.module_from_spec(spec)
                    spec.loader.exec_module(module)
                    with open(args) as f:
                        r = module.derivative(**json.load(f))
                    if type(r) is float:
                        print('float 1 1', repr(r))
                    elif isinstance(r, np.ndarray) and r.ndim == 2:
                        print('array', r.shape[0], r.shape[1], ' '.join(repr(float(x)) for x in r.ravel()))
                    else:
                        print('unexpected', type(r).__name__, getattr(r, 'shape', ''))
                except Exception as e:
                    print('error', type(e).__name__, str(e).replace('\\n', ' '))
            """;

    private PythonRunner() {}

    /** A module to run and its JSON keyword arguments. */
    record Job(String module, String jsonArguments) {}

    /** A returned value: {@code float} for a Python float, {@code array} for a 2-D ndarray (row-major data). */
    record Value(String type, DMatrixRMaj matrix, String problem) {}

    static void assumeNumpy() {
        Python.requireNumpy("NumPy export tests");
    }

    static List<Value> evaluate(List<Job> jobs) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mcd-numpy");
            StringBuilder manifest = new StringBuilder("[");
            for (int i = 0; i < jobs.size(); i++) {
                Path code = Files.writeString(dir.resolve("generated" + i + ".py"), jobs.get(i).module());
                Path args = Files.writeString(dir.resolve("args" + i + ".json"), jobs.get(i).jsonArguments());
                manifest.append(i > 0 ? ", " : "").append("[\"").append(code).append("\", \"").append(args).append("\"]");
            }
            Path list = Files.writeString(dir.resolve("jobs.json"), manifest.append(']'));
            Path driver = Files.writeString(dir.resolve("driver.py"), DRIVER);
            Python.Output out = Python.run(null, List.of(driver.toString(), list.toString()), 120);
            if (out.exit() != 0) {
                fail("python3 failed (exit " + out.exit() + "):\n" + out.text());
            }
            List<Value> values = new ArrayList<>();
            for (String line : out.text().strip().split("\n")) {
                values.add(value(line));
            }
            if (values.size() != jobs.size()) {
                fail("python3 answered " + values.size() + " of " + jobs.size() + " modules:\n" + out);
            }
            return values;
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            delete(dir);
        }
    }

    private static Value value(String line) {
        String[] words = line.split(" ");
        if (!words[0].equals("float") && !words[0].equals("array")) {
            return new Value(words[0], null, line);
        }
        int rows = Integer.parseInt(words[1]);
        int cols = Integer.parseInt(words[2]);
        double[] data = Arrays.stream(words, 3, words.length).mapToDouble(Double::parseDouble).toArray();
        return new Value(words[0], new DMatrixRMaj(rows, cols, true, data), null);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temporary file is harmless; the test result stands.
        }
    }
}
