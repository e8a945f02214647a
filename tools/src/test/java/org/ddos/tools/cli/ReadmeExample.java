package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The Java API example of README.md ("Java API in ten lines"), compiled as it is written: the
 * lines of its {@code java} block become the body of a method {@code run(String dir)} (the
 * quickstart output directory {@code ddos-quickstart/} replaced by {@code dir}) with the imports
 * README names, compiled with the system compiler against the test class path.
 */
final class ReadmeExample {
    /** The imports README's example relies on (stated under the example). */
    static final List<String> IMPORTS = List.of("java.nio.file.Path", "org.ddos.descriptors.snap.SnapCoefficients",
            "org.ddos.scorematching.archive.PhaseArchives", "org.ddos.scorematching.score.*", "org.ddos.thermo.freeenergy.*",
            "org.ddos.thermo.transition.*");

    /** The local variables the compiled method returns, in this order. */
    static final List<String> RETURNED = List.of("r", "dFdTheta", "batch", "tc", "tcK", "sigmaK", "dTcdTheta", "fcc");

    private ReadmeExample() {
    }

    /** @return README.md at the repository root (tests run in the module directory) */
    static Path readme() {
        Path p = Path.of("..", "README.md");
        assertTrue(Files.isRegularFile(p), "README.md beside the module: " + p.toAbsolutePath());
        return p;
    }

    /** @return the lines of the first {@code ```java} block after the "Java API" heading */
    static List<String> block() throws Exception {
        List<String> lines = Files.readAllLines(readme(), StandardCharsets.UTF_8);
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("## Java API")) {
            i++;
        }
        while (i < lines.size() && !lines.get(i).startsWith("```java")) {
            i++;
        }
        List<String> code = new ArrayList<>();
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            code.add(lines.get(i));
        }
        assertTrue(!code.isEmpty(), "README has a ```java block under '## Java API'");
        return code;
    }

    /**
     * Compiles the README example into {@code work}.
     *
     * @return the static method {@code Object[] run(String dir)}
     */
    static Method compile(Path work) throws Exception {
        List<String> code = block();
        StringBuilder src = new StringBuilder();
        for (String imp : IMPORTS) {
            src.append("import ").append(imp).append(";\n");
        }
        src.append("public final class ReadmeApiExample {\n  public static Object[] run(String dir) throws Exception {\n");
        for (String line : code) {
            src.append("    ").append(line.replace("\"ddos-quickstart/", "dir + \"/")).append('\n');
        }
        src.append("    return new Object[] {").append(String.join(", ", RETURNED)).append("};\n  }\n}\n");
        Path srcDir = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = srcDir.resolve("ReadmeApiExample.java");
        Files.writeString(file, src.toString());

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK (not a JRE) runs the tests");
        StringWriter diagnostics = new StringWriter();
        int rc = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                diagnostics.write(b);
            }
        }, true), "-proc:none", "-Xlint:none", "-classpath", classPath(), "-d", classes.toString(), file.toString());
        assertEquals(0, rc, "README's Java example compiles:\n" + diagnostics + "\n" + src);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeExample.class.getClassLoader());
        return loader.loadClass("ReadmeApiExample").getMethod("run", String.class);
    }

    /** The test class path, with the module outputs named explicitly (surefire may use a manifest-only jar). */
    private static String classPath() {
        Set<String> cp = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))));
        for (Class<?> c : List.of(org.ddos.descriptors.snap.SnapCoefficients.class, org.ddos.scorematching.archive.PhaseArchives.class,
                org.ddos.thermo.freeenergy.PhaseFreeEnergy.class, org.ddos.thermo.transition.PhaseComparison.class,
                org.ejml.data.DMatrixRMaj.class)) {
            try {
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, cp);
    }

    /** @return the shell commands of a quickstart report, in order (indented lines starting with ./ddos) */
    static List<String[]> reportCommands(String report) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^ {4}\\./ddos (.+)$").matcher(report);
        while (m.find()) {
            out.add(m.group(1).trim().split(" +"));
        }
        return out;
    }
}
