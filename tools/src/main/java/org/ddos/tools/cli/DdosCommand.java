package org.ddos.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ddos} command-line tool: a thin layer that parses arguments, calls the library and
 * formats the result. No physics lives here.
 *
 * <p>Exit codes: 0 success, 1 a runtime error (bad input file, unsolvable request), 2 a usage
 * error, 3 a search that found nothing (e.g. no transition in the temperature range). Errors are one line on stderr; {@code --verbose} adds the stack trace.
 */
@Command(name = "ddos",
        mixinStandardHelpOptions = true,
        versionProvider = DdosCommand.Version.class,
        description = "Free energies of crystals for any parameters of a linear-in-descriptor potential,"
                + " from one descriptor density-of-states (D-DOS) sampling campaign.",
        subcommands = {
            CommandLine.HelpCommand.class,
            FreeEnergyCommand.class,
            TransitionCommand.class,
            DescriptorsCommand.class,
            ArchiveCommand.class,
            SampleCommand.class,
            TuneCommand.class,
            UqCommand.class,
            TiCommand.class,
            ValidateCommand.class,
            SurrogateCommand.class,
            QuickstartCommand.class,
        })
public final class DdosCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: prints the usage on stdout (exit code 0). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the configured command line (used by {@link #main} and by tests).
     *
     * @return the picocli command line with the one-line error handler
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DdosCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            PrintWriter err = commandLine.getErr();
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("ddos " + commandLine.getCommandName() + ": error: " + msg);
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** Reads the project version written into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = DdosCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"ddos " + p.getProperty("version", "unknown")
                    + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
