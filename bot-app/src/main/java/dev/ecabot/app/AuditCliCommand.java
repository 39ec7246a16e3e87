package dev.ecabot.app;

import dev.ecabot.audit.AuditChain;
import dev.ecabot.app.cli.CommonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ecabot audit verify}: checks the audit trail's hash chain on the bot's database. */
@Command(name = "audit", description = "Check the audit trail.", subcommands = AuditCliCommand.Verify.class)
final class AuditCliCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Override
    public Integer call() {
        cli.spec().commandLine().usage(cli.err());
        return 2;
    }

    /** Exit 0 when every event is in place and unchanged, 1 when the trail was tampered with or damaged. */
    @Command(name = "verify", description = "Check that no audit event was removed, changed, back-dated or slipped "
            + "in since it was written (exit 0 intact, 1 not), and print the chain's head hash to keep elsewhere.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        CommonOptions cli;

        @Override
        public Integer call() {
            PrintWriter out = cli.out();
            try (Services services = new Services(cli.settings())) {
                AuditChain.Report report = AuditChain.verify(services.database().dataSource());
                out.print(report.describe());
                out.flush();
                return report.intact() ? 0 : 1;
            }
        }
    }
}
