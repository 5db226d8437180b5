package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import samlab.Samlab;

/**
 * The kernel imports every samlab package on demand (plus Tablesaw's api, XChart, java.lang and the
 * packages the jshell tool imports: java.util, java.io, …), so
 * two public classes with the same simple name make that name a compile error in every notebook
 * cell that uses it. This guards the library's names.
 */
class ImportedNamesTest {
    @Test
    void noSimpleNameIsPublicInTwoImportedPackages() throws Exception {
        ClassLoader loader = Samlab.class.getClassLoader();
        Map<String, List<String>> packagesByName = new TreeMap<>();
        for (String className : samlabClasses()) {
            String pkg = className.substring(0, className.lastIndexOf('.'));
            if (KernelSpec.NOT_IMPORTED.stream().anyMatch(x -> pkg.equals(x) || pkg.startsWith(x + "."))) continue;
            if (!Modifier.isPublic(Class.forName(className, false, loader).getModifiers())) continue;
            packagesByName.computeIfAbsent(className.substring(pkg.length() + 1), k -> new ArrayList<>()).add(pkg);
        }
        assertTrue(packagesByName.containsKey("Objective"), "the scan found no classes: " + packagesByName.keySet());
        List<String> others = new ArrayList<>(KernelSpec.THIRD_PARTY_IMPORTS);
        others.addAll(SamlabKernel.JSHELL_DEFAULT_PACKAGES);
        others.add("java.lang");
        for (Map.Entry<String, List<String>> e : packagesByName.entrySet()) {
            for (String pkg : others) {
                try {
                    Class<?> c = Class.forName(pkg + "." + e.getKey(), false, loader);
                    if (Modifier.isPublic(c.getModifiers())) e.getValue().add(pkg);
                } catch (ClassNotFoundException absent) {
                    // no clash with this package
                }
            }
        }
        List<String> clashes = packagesByName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1).map(e -> e.getKey() + " in " + e.getValue()).toList();
        assertTrue(clashes.isEmpty(), "ambiguous in notebook cells: " + clashes);
    }

    /** Top-level class names of the samlab library, from its jar or classes folder. */
    private static List<String> samlabClasses() throws IOException, URISyntaxException {
        Path where = Path.of(Samlab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> s = Files.walk(where)) {
                s.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> entries.add(where.relativize(p).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(entries::add);
            }
        }
        return entries.stream()
                .filter(n -> n.startsWith("samlab/") && !n.contains("$") && !n.endsWith("package-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .toList();
    }
}
