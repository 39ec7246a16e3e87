package dev.ecabot.app;

import dev.ecabot.audit.AuditChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ecabot audit verify}: checks the audit trail's hash chain on the bot's database. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit trail.", subcommands = AuditCliCommand.Verify.class)
final class AuditCliCommand implements Callable<Integer> {

    @ParentCommand
    EcaBotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Exit 0 when every event is in place and unchanged, 1 when the trail was tampered with or damaged. */
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check that no audit event was removed, changed, back-dated or slipped "
            + "in since it was written (exit 0 intact, 1 not), and print the chain's head hash to keep elsewhere.")
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCliCommand audit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Services services = new Services(audit.root.settings())) {
                AuditChain.Report report = AuditChain.verify(services.database().dataSource());
                out.print(report.describe());
                out.flush();
                return report.intact() ? 0 : 1;
            }
        }
    }
}
