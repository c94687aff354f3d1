package org.syncsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.syncsim.run.StandardWorld;
import org.syncsim.run.WorldFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code syncsim} command line: a parent command whose subcommands do the work. */
@Command(
        name = "syncsim",
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        description = {
            "Discrete-event simulator of the TWRA raid-sync protocol over the WoW 1.12",
            "addon-message channel: how long until all raid members have the new",
            "assignments, how many bytes it cost, and what the throttle library, server",
            "limits, latency, loss or the protocol generation (head, seed) change."
        },
        subcommands = {CommandLine.HelpCommand.class, ListCommand.class, ShowCommand.class, ValidateCommand.class,
            RunCommand.class, ReportCommand.class, CompareCommand.class, ThrottleCommand.class,
            PoliciesCommand.class, DesignReportCommand.class, SweepCommand.class, TuneCommand.class,
            ExploreCommand.class, BaselineCommand.class},
        footer = {
            "",
            "Exit codes: 0 ok; 1 the simulation found a failure you asked to fail on",
            "(--fail-on), a replication hit run.event-cap, or a baseline check found a",
            "change; 2 bad input; 3 internal error",
            "(a bug in SyncSim, or out of memory: one line names a log file with the trace).",
            "Bad input includes no command at all, and a run estimated to take more than an",
            "hour or too much memory without --allow-large (syncsim run --help)."
        })
public final class SyncSimCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final WorldFactory worlds;
    private final Path resultsRoot;

    /** The command line with the standard world (channel model + protocol clients). */
    public SyncSimCli() {
        this(StandardWorld.FACTORY);
    }

    /** The command line with another world, e.g. a test double. */
    public SyncSimCli(WorldFactory worlds) {
        this(worlds, Path.of("results"));
    }

    /**
     * The command line with another world and the default results directories under {@code resultsRoot} instead of
     * {@code results/} (a test cannot change the working directory).
     */
    SyncSimCli(WorldFactory worlds, Path resultsRoot) {
        this.worlds = worlds;
        this.resultsRoot = resultsRoot;
    }

    WorldFactory worlds() {
        return worlds;
    }

    /** Where results go without {@code --out}: {@code results/} in the working directory. */
    Path resultsRoot() {
        return resultsRoot;
    }

    /** Bare {@code syncsim}: no command was given, which is bad input; the usage goes to stderr. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("syncsim: no command given; e.g. syncsim run late-joiner (syncsim --help lists the commands)");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** Builds the command line with SyncSim's exit-code and error conventions. */
    public static CommandLine commandLine() {
        return commandLine(StandardWorld.FACTORY);
    }

    /** Builds the command line with runs acting on worlds from {@code worlds}. */
    public static CommandLine commandLine(WorldFactory worlds) {
        return commandLine(new SyncSimCli(worlds));
    }

    /** Builds the command line of {@code cli}. */
    static CommandLine commandLine(SyncSimCli cli) {
        CommandLine cl = new CommandLine(cli);
        cl.setExecutionExceptionHandler(SyncSimCli::handleExecutionException);
        cl.setParameterExceptionHandler(SyncSimCli::handleParameterException);
        return cl;
    }

    /** Runs {@code syncsim} with these arguments and returns the exit code (no {@code System.exit}). */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /**
     * Runs a command line built by {@link #commandLine}; a Java error that escapes picocli (an
     * {@link OutOfMemoryError}, say) becomes exit 3 with one line, like any unexpected exception.
     */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) { // NOPMD: the last line of defence; the trace goes to the log
            return CrashLog.report(t, args, cl.getErr());
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("syncsim: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.BAD_INPUT;
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof BadInputException) {
            err.println("syncsim: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        return CrashLog.report(ex, parsed == null ? new String[0] : parsed.originalArgs().toArray(String[]::new),
                err);
    }
}
