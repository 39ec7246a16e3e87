package dev.ecabot.app;

import dev.ecabot.emulator.DemoOrg;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code ecabot emulator [--port N]}: runs a local Salesforce org (the salesforce-emulator) until stopped with
 * Ctrl+C, and prints its URL and the throwaway client credentials that sign in to it.
 */
@Command(name = "emulator", description = "Runs a local Salesforce org emulator until stopped, and prints how to sign in to it.")
public final class EmulatorCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Option(names = "--port", defaultValue = "8787", description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to listen on. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--deploy-delay-ms", defaultValue = "2000",
            description = "How long a deploy takes to finish, in milliseconds. Default: ${DEFAULT-VALUE}.")
    private long deployDelayMillis;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(cli.spec().commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (deployDelayMillis < 0) {
            throw new ParameterException(cli.spec().commandLine(), "--deploy-delay-ms must not be negative, got " + deployDelayMillis);
        }
        DemoOrg org;
        try {
            org = DemoOrg.start(host, port, Duration.ofMillis(deployDelayMillis));
        } catch (IllegalStateException e) {
            cli.err().println(e.getMessage() + " (is another program using port " + port
                    + "? Try --port 0 for any free port.)");
            return 1;
        }
        Thread onCtrlC = new Thread(() -> {
            stopped.countDown();
            org.close();
        }, "ecabot-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        printInstructions(org, cli.out());
        try {
            stopped.await();
        } finally {
            org.close();
            removeHook(onCtrlC);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the hook is running or has run.
        }
    }

    /** Stops a running command (for tests; Ctrl+C does the same through the shutdown hook). */
    void stop() {
        stopped.countDown();
    }

    static void printInstructions(DemoOrg org, PrintWriter out) {
        out.println("Salesforce emulator for org " + org.emulator().org().orgId() + " at " + org.emulator().baseUrl());
        out.println("Sign in with the OAuth client credentials flow:");
        out.println("  token URL:     " + org.tokenUrl());
        out.println("  client id:     " + org.clientId());
        out.println("  client secret: " + org.clientSecret() + "   (throwaway, valid only against this emulator)");
        out.println("  runs as:       " + org.username());
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
