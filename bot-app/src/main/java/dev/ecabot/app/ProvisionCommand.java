package dev.ecabot.app;

import dev.ecabot.access.Requester;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.approval.ApprovalNeed;
import dev.ecabot.approval.ApprovalPolicy;
import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.playbook.Outcome;
import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.provisioning.ProvisionedCredentials;
import dev.ecabot.provisioning.ProvisioningEvent;
import dev.ecabot.provisioning.AppReminders;
import dev.ecabot.provisioning.ProvisioningRequest;
import dev.ecabot.provisioning.ProvisioningResult;
import dev.ecabot.provisioning.SpecValidator;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.salesforce.Org;
import dev.ecabot.app.cli.CommonOptions;
import dev.ecabot.app.cli.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code ecabot provision <playbook> --org <name> --set key=value ...}: renders the playbook with the answers,
 * deploys the app, waits, reads the credentials and records the app. Prints the consumer key; the secret goes only
 * into {@code --credentials-out} (owner-only) or, with {@code --show-secret}, to the terminal.
 * <p>The org's approval policy applies here as in chat ({@link ApprovalPolicy}, posture blocks included): where it
 * requires approval, the command refuses (the command
 * line cannot collect approvals), unless an operator gives {@code --override-approval "reason"}, which is recorded in
 * the audit trail before anything is deployed. A dry run needs no approval: it creates nothing.
 * Exit 0 done, 2 invalid input or approval required (nothing deployed), 1 a Salesforce failure: refusals are thrown
 * typed ({@link InvalidInputException}, {@code ProvisioningException}) and {@link dev.ecabot.app.cli.ExitCodes} maps them.
 */
@Command(name = "provision", description = "Create an External Client App from a playbook, and print its consumer key.")
final class ProvisionCommand implements Callable<Integer> {

    @Mixin
    CommonOptions cli;

    @Parameters(index = "0", paramLabel = "<playbook-id>", description = "The playbook to follow (see the playbooks folder).")
    String playbookId;

    @Option(names = "--org", required = true, paramLabel = "<name>", description = "The org to create the app in (see `ecabot orgs`).")
    String org;

    @Option(names = "--set", paramLabel = "key=value", description = "An answer to one of the playbook's questions; repeatable.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--answers", paramLabel = "<file.yaml>", description = "Answers in a YAML file (question id: answer); --set wins.")
    Path answersFile;

    @Option(names = "--credentials-out", paramLabel = "<file>", description = "New file (owner-only) to write the consumer key and secret to.")
    Path credentialsOut;

    @Option(names = "--show-secret", description = "Also print the consumer secret on the terminal.")
    boolean showSecret;

    /** Named freely; written {@code platform:id} it names that chat user (the audit trail's actor, the app's owner). */
    @Option(names = "--requester", paramLabel = "<name>", description = "Who asks for the app (default: the OS user).")
    String requester = System.getProperty("user.name", "cli");

    @Option(names = "--update", description = "Update an existing app with the same API name whose settings differ.")
    boolean update;

    @Option(names = "--dry-run", description = "Only let Salesforce validate the app (a checkOnly deploy); nothing is created.")
    boolean dryRun;

    @Option(names = "--override-approval", paramLabel = "<reason>",
            description = "Deploy although the org's approval policy requires approval (an operator override; recorded with the reason in the audit trail).")
    String overrideApproval;

    @Option(names = "--run-id", paramLabel = "<id>", description = "Resume the provisioning run with this id (default: a new run).")
    String runId;

    @Override
    public Integer call() {
        PrintWriter out = cli.out();
        if (requester == null || requester.isBlank()) {
            throw new InvalidInputException("--requester needs a name (a chat user as slack:U024BE7LH, or anyone's name)."
                    + " Nothing was deployed.");
        }
        if (runId != null && (runId.isBlank() || runId.length() > 64)) {
            throw new InvalidInputException("--run-id must be 1 to 64 characters; got " + runId.length());
        }
        try (Services services = new Services(cli.settings())) {
            Rendering rendering = render(services);
            boolean secret = rendering.delivery().includesSecret();
            if (secret && credentialsOut == null && !showSecret && !dryRun) {
                throw new InvalidInputException("Playbook " + playbookId + " delivers a consumer secret: give --credentials-out"
                        + " <file> to save it (or --show-secret to print it). Nothing was deployed.");
            }
            if (credentialsOut != null && CredentialsFile.problem(credentialsOut) != null) {
                throw new InvalidInputException(capitalised(CredentialsFile.problem(credentialsOut)) + ". Nothing was deployed.");
            }
            Org target = services.orgs().require(org);
            if (dryRun) return dryRun(services, target, rendering, out);
            approveOrOverride(services, rendering);
            ProvisioningRequest request = new ProvisioningRequest(runId == null ? UUID.randomUUID().toString() : runId, org,
                    rendering.spec(), rendering.playbookId(), vendor(services.playbooks()), Requester.parse(requester), List.of(),
                    secret, update);
            ProvisioningResult result = services.saga(java.time.Clock.systemUTC())
                    .provision(request, c -> deliver(c, out), AppReminders.NONE, event -> progress(event, out));
            report(result, rendering, secret, out);
            return 0;
        }
    }

    /**
     * Returns when the org's policy needs no approval for this playbook, or an operator overrode it with a reason,
     * which is then audited (before the deploy, so a failed deploy still leaves the override on record); refuses
     * otherwise.
     */
    private void approveOrOverride(Services services, Rendering rendering) {
        // The one policy function chat asks too (purpose CREATE, with the findings the org's posture policy blocks):
        // no way around it from the command line.
        services.installPosturePolicy();
        PosturePolicy posture = PosturePolicy.current();
        List<String> blocked = posture.blocking(org, posture.findings(rendering.spec(), requester)).stream()
                .map(PostureFinding::line).toList();
        ApprovalNeed need = new ApprovalPolicy(services.approvalPolicy()).need(org, playbookId, ApprovalPurpose.CREATE, blocked);
        if (!need.required()) return;
        int required = need.approvals();
        String approvals = required + " approval" + (required == 1 ? "" : "s");
        String reason = overrideApproval == null ? "" : overrideApproval.strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("Org '" + org + "' needs " + approvals + " for playbook " + playbookId + " ("
                    + need.reason() + "), and the command line cannot collect approvals."
                    + " Ask for the app in chat (\"new " + playbookId + " " + org + "\") so an approver can decide, or, as an"
                    + " operator, add --override-approval \"<why>\" (recorded in the audit trail). Nothing was deployed.");
        }
        services.audit().record(AuditEvent.of(Instant.now(), AuditKind.APPROVAL_OVERRIDE, null, org,
                rendering.spec().apiName(), "provisioned from the command line by OS user "
                        + System.getProperty("user.name", "?") + " for requester " + requester + " without the " + approvals
                        + " the policy requires for playbook " + playbookId + " (" + need.reason() + "); reason: " + reason));
    }

    /** Validates the rendered app with a checkOnly deploy: Salesforce checks everything, the org is unchanged. */
    private int dryRun(Services services, Org target, Rendering rendering, PrintWriter out) {
        List<String> problems = SpecValidator.STANDARD.problems(rendering.spec());
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The app cannot be created as asked:\n- " + String.join("\n- ", problems));
        }
        out.println("Validating " + rendering.spec().apiName() + " in org '" + target.name() + "' (dry run)...");
        out.flush();
        byte[] zip = new EcaMetadataWriter(target.apiVersion(), MetadataFormat.METADATA_API).writeZip(rendering.spec());
        services.clients().forOrg(target).metadata().deploy(zip, DeployOptions.dryRun(), DeployProgressListener.NONE);
        out.println("Salesforce accepts " + rendering.spec().apiName() + " as it is; nothing was created (dry run).");
        return 0;
    }

    private Rendering render(Services services) {
        PlaybookCatalog catalog = services.playbooks();
        Playbook playbook = catalog.find(playbookId).orElseThrow(() -> new InvalidInputException("There is no playbook '"
                + playbookId + "'. Available: " + catalog.all().stream().map(Playbook::id).collect(Collectors.joining(", "))
                + "."));
        Map<String, String> answers = new LinkedHashMap<>();
        if (answersFile != null) answers.putAll(AnswersFile.read(answersFile));
        answers.putAll(set);
        if (playbook.question("org").isPresent()) answers.putIfAbsent("org", org);
        Outcome<Rendering> rendered = new PlaybookRenderer().render(playbook, answers);
        if (!rendered.isOk()) {
            throw new InvalidInputException("The answers do not fit playbook " + playbookId + ":\n" + rendered.problems().stream()
                    .map(p -> "- " + p).collect(Collectors.joining("\n"))
                    + "\nNothing was deployed. Fix the answers with --set question=value or --answers <file>.");
        }
        return rendered.orElseThrow();
    }

    private String vendor(PlaybookCatalog catalog) {
        return catalog.find(playbookId).map(Playbook::vendor).orElse(null);
    }

    private void deliver(ProvisionedCredentials c, PrintWriter out) {
        if (credentialsOut != null) CredentialsFile.write(credentialsOut, c);
        if (showSecret && c.consumerSecret().isPresent()) out.println("Consumer secret: " + c.consumerSecret().get().reveal());
    }

    private static void progress(ProvisioningEvent event, PrintWriter out) {
        if (event.stage() == ProvisioningEvent.Stage.DONE || event.stage() == ProvisioningEvent.Stage.FAILED) return;
        out.println(event.message());
        out.flush();
    }

    private void report(ProvisioningResult result, Rendering rendering, boolean secret, PrintWriter out) {
        out.println(result.app().apiName() + " is ready in org '" + result.app().org() + "'"
                + (result.reusedExisting() ? " (it already existed with these settings)." : "."));
        out.println("Consumer key: " + result.consumerKey());
        if (credentialsOut != null) {
            out.println((secret ? "Consumer key and secret" : "Consumer key") + " written to " + credentialsOut + " (readable by you only).");
        }
        if (result.alreadyFinished()) out.println("This run had already finished; the credentials were handed over then.");
        Instant usable = Instant.now().plus(rendering.activationDelay());
        if (!rendering.activationDelay().isZero()) {
            out.println("Usable from about " + DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(usable)
                    + " (" + rendering.activationDelay().toMinutes() + " minutes from now): Salesforce needs time to activate new apps.");
        }
        if (!rendering.nextSteps().isEmpty()) {
            out.println("Next steps:");
            rendering.nextSteps().forEach(s -> out.println("- " + s.strip()));
        }
        out.flush();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
