package org.ddos.tools.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * README.md and docs/ kept in step with the code: every command and option of the command line
 * is in docs/cli.md, every command is in README's table, every doc page is linked from README,
 * and README's Java example compiles (it is run on real files by {@link QuickstartCommandTest}).
 */
class DocumentationTest {
    static String read(String relative) throws Exception {
        Path p = Path.of("..").resolve(relative);
        assertTrue(Files.isRegularFile(p), relative + " exists at the repository root");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Every (sub)command as "ddos a b", with its options. */
    static void walk(String prefix, CommandLine cl, Map<String, CommandLine> out) {
        String name = prefix.isEmpty() ? "ddos" : prefix + " " + cl.getCommandName();
        out.put(name, cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                walk(name, sub, out);
            }
        }
    }

    @Test
    void everyCommandAndOptionIsInCliMd() throws Exception {
        String cli = read("docs/cli.md");
        Map<String, CommandLine> commands = new java.util.LinkedHashMap<>();
        walk("", DdosCommand.commandLine(), commands);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
            String cmd = e.getKey();
            if (!cmd.equals("ddos") && !cli.contains(cmd.substring("ddos ".length()))) {
                missing.add(cmd);
            }
            String section = section(cli, cmd);
            if (!cmd.equals("ddos") && section == null) {
                missing.add(cmd + " (no section '## `ddos " + cmd.split(" ")[1] + "`')");
                continue;
            }
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                String longest = o.longestName();
                if (longest.equals("--help") || longest.equals("--version") || longest.equals("--verbose")) {
                    continue;
                }
                if (!cli.contains(longest)) {
                    missing.add(cmd + " " + longest);
                } else if (section != null && !section.contains(longest)) {
                    missing.add(cmd + " " + longest + " (not in its section)");
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/cli.md lacks: " + missing);
    }

    /** @return the text of the "## `ddos X`" section of a command "ddos X [Y]", null for "ddos" or when absent */
    static String section(String cli, String cmd) {
        String[] w = cmd.split(" ");
        if (w.length < 2) {
            return null;
        }
        int at = cli.indexOf("## `ddos " + w[1] + "`");
        if (at < 0) {
            return null;
        }
        int end = cli.indexOf("\n## ", at + 3);
        return cli.substring(at, end < 0 ? cli.length() : end);
    }

    @Test
    void readmeNamesEveryCommandAndLinksEveryDoc() throws Exception {
        String readme = read("README.md");
        List<String> missing = new ArrayList<>();
        for (String name : DdosCommand.commandLine().getSubcommands().keySet()) {
            if (!name.equals("help") && !readme.contains("`ddos " + name)) {
                missing.add("command " + name);
            }
        }
        try (DirectoryStream<Path> docs = Files.newDirectoryStream(Path.of("..", "docs"), "*.md")) {
            for (Path d : docs) {
                if (!readme.contains(d.getFileName().toString())) {
                    missing.add("docs/" + d.getFileName());
                }
            }
        }
        assertTrue(readme.contains("./ddos quickstart") && readme.contains("mvn -B -ntp verify"), "the two commands");
        assertTrue(missing.isEmpty(), "README.md lacks: " + missing);
    }

    @Test
    void readmeJavaExampleCompiles(@TempDir Path dir) throws Exception {
        assertTrue(ReadmeExample.block().size() <= 12, "about ten lines");
        ReadmeExample.compile(dir);
    }
}
