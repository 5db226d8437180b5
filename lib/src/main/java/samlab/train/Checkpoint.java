package samlab.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Everything a run needs to continue exactly: the next epoch and iteration, parameters (with the
 * BatchNorm running statistics), the base optimizer's state and the records so far, with the run's
 * {@link RunConfig}, which must match on resume.
 *
 * <p>Self-describing: a zip archive (each entry checked by its CRC) of named entries —
 * {@code config} (the run configuration as text), {@code progress} ({@code next_epoch},
 * {@code iteration}, {@code optimizer_arrays}), {@code params} and {@code optimizer/K} (ND4J
 * arrays), and {@code epochs}/{@code steps}: tab-separated tables whose header names every field
 * of {@link EpochRecord}/{@link StepRecord} (nested records as {@code diagnostics.rho}); numbers are
 * written with {@link Double#toString}, which reads back exactly. Written atomically.
 */
record Checkpoint(RunConfig config, int nextEpoch, long iteration, INDArray params, List<INDArray> optimizerState,
                  List<EpochRecord> epochs, List<StepRecord> steps) {
    /**
     * 4: named fields, with the mechanism diagnostics (w⁺ loss, |w|, active units, λ_max and whether its
     * estimate converged) in each epoch record; 3 lacked the converged flags.
     */
    static final String FORMAT = "samlab-checkpoint-4";

    void write(Path file) {
        samlab.io.AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(raw));
            text(zip, "format", FORMAT + "\n");
            text(zip, "config", config.toText());
            Map<String, String> progress = new LinkedHashMap<>();
            progress.put("next_epoch", Integer.toString(nextEpoch));
            progress.put("iteration", Long.toString(iteration));
            progress.put("optimizer_arrays", Integer.toString(optimizerState.size()));
            text(zip, "progress", new RunConfig(progress).toText());
            array(zip, "params", params);
            for (int i = 0; i < optimizerState.size(); i++) array(zip, "optimizer/" + i, optimizerState.get(i));
            text(zip, "epochs", RecordTable.write(EpochRecord.class, epochs));
            text(zip, "steps", RecordTable.write(StepRecord.class, steps));
            zip.finish();
            zip.flush();
        });
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void array(ZipOutputStream zip, String name, INDArray a) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DataOutputStream out = new DataOutputStream(zip);
        Nd4j.write(a, out);
        out.flush();
        zip.closeEntry();
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalArgumentException with one line naming the file if it is missing, truncated,
     *                                  corrupt, or of another format
     */
    static Checkpoint read(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint " + file + " does not exist");
        } catch (java.io.EOFException | ZipException e) {
            throw bad(file, "is truncated or corrupt (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        String format = entries.containsKey("format") ? utf8(entries.get("format")).trim() : null;
        if (!FORMAT.equals(format)) {
            throw bad(file, entries.isEmpty() ? "is not a samlab checkpoint, or is truncated"
                    : "is not a " + FORMAT + " file (format '" + format + "')");
        }
        for (String name : List.of("config", "progress", "params", "epochs", "steps")) {
            if (!entries.containsKey(name)) throw bad(file, "is truncated: it has no '" + name + "' entry");
        }
        try {
            RunConfig config = RunConfig.parse(utf8(entries.get("config")), "checkpoint " + file);
            Map<String, String> progress = RunConfig.parse(utf8(entries.get("progress")), "checkpoint " + file).values();
            int arrays = Integer.parseInt(progress.get("optimizer_arrays"));
            List<INDArray> state = new ArrayList<>();
            for (int i = 0; i < arrays; i++) {
                byte[] b = entries.get("optimizer/" + i);
                if (b == null) throw bad(file, "is truncated: it has no 'optimizer/" + i + "' entry");
                state.add(readArray(b));
            }
            return new Checkpoint(config, Integer.parseInt(progress.get("next_epoch")), Long.parseLong(progress.get("iteration")),
                    readArray(entries.get("params")), state,
                    RecordTable.read(EpochRecord.class, utf8(entries.get("epochs")), "checkpoint " + file),
                    RecordTable.read(StepRecord.class, utf8(entries.get("steps")), "checkpoint " + file));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("checkpoint ")) throw e;
            throw bad(file, "is corrupt (" + e.getMessage() + ")");
        } catch (RuntimeException | IOException e) {
            throw bad(file, "is corrupt (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * The epoch a run would resume from: {@code next_epoch} of the checkpoint's progress entry, read
     * without the arrays; empty when the file is missing or unreadable (resuming reports those).
     */
    static java.util.OptionalInt nextEpoch(Path file) {
        try (ZipInputStream zip = new ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("progress")) {
                    String v = RunConfig.parse(utf8(zip.readAllBytes()), "checkpoint " + file).values().get("next_epoch");
                    return v == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(Integer.parseInt(v));
                }
            }
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.empty();
    }

    private static IllegalArgumentException bad(Path file, String what) {
        return new IllegalArgumentException("checkpoint " + file + " " + what + "; delete it to start the run over");
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static INDArray readArray(byte[] b) throws IOException {
        return Nd4j.read(new DataInputStream(new ByteArrayInputStream(b)));
    }

    /** Lists of records as tab-separated text with a header of field names, read back by name. */
    static final class RecordTable {
        private RecordTable() {}

        static <R extends Record> String write(Class<R> type, List<R> rows) {
            StringBuilder s = new StringBuilder(String.join("\t", fields(type, ""))).append('\n');
            for (R r : rows) {
                List<String> values = new ArrayList<>();
                flatten(r, values);
                s.append(String.join("\t", values)).append('\n');
            }
            return s.toString();
        }

        static <R extends Record> List<R> read(Class<R> type, String text, String where) {
            String[] lines = text.split("\n");
            List<String> expected = fields(type, "");
            if (!String.join("\t", expected).equals(lines[0])) {
                throw new IllegalArgumentException(where + " records " + type.getSimpleName() + " fields [" + lines[0].replace('\t', ',')
                        + "]; this version of samlab has [" + String.join(",", expected) + "]");
            }
            List<R> out = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) continue;
                String[] v = lines[i].split("\t", -1);
                if (v.length != expected.size()) throw new IllegalArgumentException(where + ": a " + type.getSimpleName() + " row is cut short");
                int[] at = {0};
                out.add(type.cast(build(type, v, at)));
            }
            return out;
        }

        private static List<String> fields(Class<?> type, String prefix) {
            List<String> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType().isRecord()) out.addAll(fields(c.getType(), prefix + c.getName() + "."));
                else out.add(prefix + c.getName());
            }
            return out;
        }

        private static void flatten(Record r, List<String> out) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (v instanceof Record nested) flatten(nested, out);
                else out.add(String.valueOf(v));
            }
        }

        private static Object build(Class<?> type, String[] v, int[] at) {
            RecordComponent[] cs = type.getRecordComponents();
            Class<?>[] types = new Class<?>[cs.length];
            Object[] args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Class<?> t = cs[i].getType();
                types[i] = t;
                if (t.isRecord()) args[i] = build(t, v, at);
                else {
                    String s = v[at[0]++];
                    if (t == double.class) args[i] = Double.parseDouble(s);
                    else if (t == long.class) args[i] = Long.parseLong(s);
                    else if (t == int.class) args[i] = Integer.parseInt(s);
                    else if (t == boolean.class) args[i] = parseBoolean(s);
                    else if (t == String.class) args[i] = s;
                    else throw new IllegalStateException("no checkpoint encoding for " + t);
                }
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean parseBoolean(String s) {
            if (s.equals("true")) return true;
            if (s.equals("false")) return false;
            throw new IllegalArgumentException("'" + s + "' is not true/false");
        }
    }
}
