package dev.ecabot.provisioning;

import dev.ecabot.eca.SettingDifference;
import dev.ecabot.eca.EcaSpecDiff;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.MetadataPackage;
import dev.ecabot.eca.UnmanagedElements;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.RetrievedEca;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.provisioning.ProvisioningEvent.Stage;
import dev.ecabot.salesforce.ConsumerCredentials;
import dev.ecabot.salesforce.DeployFailedException;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.Org;
import dev.ecabot.salesforce.OrgApp;
import dev.ecabot.salesforce.OrgEca;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.salesforce.UnknownOrgException;

import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The way from an approved request to delivered credentials: validate -> hold the app's name for the request ->
 * refuse a name that exists in the org (whoever made it) unless an operator asked to update it -> deploy -> wait ->
 * read credentials -> hand them to the {@link CredentialsDelivery} (in chat: seal the secret in the vault) -> record
 * the app in the inventory -> schedule its reminders ({@link AppReminders}). Every step is
 * recorded in {@code provisioning_run} before the next starts, so running the same request again (after a failure or
 * a crash) continues where it stopped and never makes a second app. Idempotent per request, never per app name: a
 * request never receives an app it did not make. Thread-safe: a request already running in this process is refused;
 * across instances, {@link ProvisioningLeases} route one request to one instance.
 */
public final class ProvisioningSaga implements AppProvisioner {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSaga.class);

    private final OrgRegistry orgs;
    private final SalesforceClients clients;
    private final ProvisioningRunStore runs;
    private final InventoryAppRepository inventory;
    private final SpecValidator validator;
    private final Clock clock;
    private final AuditTrail audit;
    private final AppNameReservations names;
    /** Runs under way in this process: the same request twice at once would deliver twice. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    /**
     * A saga on these stores; {@code audit} records each app it creates (kind PROVISIONING, actor the requester), or
     * nothing when null (tools and tests).
     */
    public ProvisioningSaga(OrgRegistry orgs, SalesforceClients clients, ProvisioningRunStore runs,
                            InventoryAppRepository inventory, AppNameReservations names, SpecValidator validator,
                            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.orgs = orgs;
        this.clients = clients;
        this.runs = runs;
        this.inventory = inventory;
        this.names = names;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The bot's saga on its own database: runs, inventory, name reservations and audit trail in {@code dataSource},
     * specs checked by {@link SpecValidator#STANDARD}. The terminal chat, the server and the one-shot commands all
     * build it this way.
     */
    public static ProvisioningSaga onDatabase(OrgRegistry orgs, SalesforceClients clients, DataSource dataSource, Clock clock) {
        return new ProvisioningSaga(orgs, clients, new ProvisioningRunStore(dataSource, clock),
                new InventoryAppRepository(dataSource), new AppNameReservations(dataSource, clock), SpecValidator.STANDARD,
                clock, new AuditTrail(dataSource));
    }

    /**
     * Holds {@code apiName} in {@code org} for request {@code runId} if nobody else has it: not another request in
     * flight, not an app in the inventory, not an app in the org (made by anyone). Returns why not, for the
     * requester, and then holds nothing for the request. An org that cannot be asked right now does not block
     * (the run checks again before it deploys).
     */
    @Override
    public Optional<String> reserveName(String runId, String org, String apiName, Requester requester) {
        String canonicalOrg;
        try {
            canonicalOrg = orgs.require(org).name();
        } catch (UnknownOrgException e) {
            return Optional.of(e.getMessage());
        }
        Optional<String> taken = takenBy(runId, canonicalOrg, apiName, requester);
        if (taken.isEmpty()) {
            try {
                if (clients.forOrg(orgs.require(canonicalOrg)).apps().find(apiName).isPresent()) {
                    taken = Optional.of(ExistingAppConflictException.describe(canonicalOrg, apiName, null));
                }
            } catch (SalesforceException e) {
                log.info("Could not check whether {} exists in org {} ({}); the run checks again before deploying",
                        apiName, canonicalOrg, e.getMessage());
            }
        }
        if (taken.isPresent()) names.release(runId);
        return taken;
    }

    @Override
    public ProvisioningResult provision(ProvisioningRequest request, CredentialsDelivery delivery, AppReminders reminders,
                                        ProvisioningListener listener) {
        return run(request, delivery, reminders, listener);
    }

    /** The same run as {@code ecabot provision --update}: an update changes settings only, so nothing is handed over. */
    @Override
    public ProvisioningResult update(ProvisioningRequest request, ProvisioningListener listener) {
        return run(request.allowingUpdate(), credentials -> { }, AppReminders.NONE, listener);
    }

    /** Gives up the name request {@code runId} held (the request ended without an app: cancelled, denied, expired). */
    public void releaseName(String runId) {
        names.release(runId);
    }

    /** Why the name is not the request's: held by another request in flight, or an app in the inventory. */
    private Optional<String> takenBy(String runId, String org, String apiName, Requester requester) {
        Optional<InventoryApp> known = inventory.find(org, apiName).filter(a -> a.status() != AppStatus.DELETED);
        if (known.isPresent()) {
            return Optional.of(ExistingAppConflictException.describe(org, apiName, known.get()));
        }
        if (names.reserve(runId, org, apiName, requester) instanceof AppNameReservations.Claim.HeldBy held) {
            return Optional.of("Someone is already creating an app named " + apiName + " in org '" + org + "' ("
                    + held.holder().requester() + " asked for it first). Choose another API name, or wait until"
                    + " their request ends.");
        }
        return Optional.empty();
    }

    /** Runs (or resumes) {@code request} scheduling no reminders; see {@link #run(ProvisioningRequest, CredentialsDelivery, AppReminders, ProvisioningListener)}. */
    public ProvisioningResult run(ProvisioningRequest asked, CredentialsDelivery delivery, ProvisioningListener listener) {
        return run(asked, delivery, AppReminders.NONE, listener);
    }

    /**
     * Runs (or resumes) {@code request}: the credentials go to {@code delivery} and the new app's reminders to
     * {@code reminders}, each once per request however often it is resumed. Throws {@link ProvisioningException}
     * with a message for the requester.
     */
    public ProvisioningResult run(ProvisioningRequest asked, CredentialsDelivery delivery, AppReminders reminders,
                                  ProvisioningListener listener) {
        Org org = checkInput(asked);
        ProvisioningRequest request = asked.forOrg(org.name());
        if (!active.add(request.runId())) {
            throw new ProvisioningException("Request " + request.runId() + " is being provisioned right now; its progress"
                    + " will be reported when it finishes.", false, null);
        }
        long started = System.nanoTime();
        MDC.MDCCloseable run = MDC.putCloseable("run", request.runId());
        try {
            ProvisioningResult result = runClaimed(request, org, delivery, reminders, listener);
            measure(request, "succeeded", started);
            return result;
        } catch (RuntimeException e) {
            measure(request, "failed", started);
            throw e;
        } finally {
            run.close();
            STEPS.forget(request.runId());
            active.remove(request.runId());
        }
    }

    /** Each stage's duration, for every run of every saga in this process (run ids are unique). */
    private static final StepTimings STEPS = new StepTimings();

    /** Runs and their durations by the step they ended at and how (Prometheus: ecabot_provisioning_runs_seconds). */
    private void measure(ProvisioningRequest request, String outcome, long startedNanos) {
        try {
            String step = runs.find(request.runId()).map(r -> r.step().name()).orElse("NONE");
            io.micrometer.core.instrument.Timer.builder("ecabot.provisioning.runs")
                    .description("Provisioning runs by the step they ended at and their outcome")
                    .tag("step", step).tag("outcome", outcome)
                    .register(io.micrometer.core.instrument.Metrics.globalRegistry)
                    .record(java.time.Duration.ofNanos(System.nanoTime() - startedNanos));
        } catch (RuntimeException e) {
            log.debug("Could not measure run {}: {}", request.runId(), e.toString());
        }
    }

    private ProvisioningResult runClaimed(ProvisioningRequest request, Org org, CredentialsDelivery delivery,
                                          AppReminders reminders, ProvisioningListener listener) {
        ProvisioningRun run = runs.find(request.runId()).orElse(null);
        if (run == null) {
            run = runs.create(request);
        } else {
            checkSameApp(run, request);
            if (run.status() == RunStatus.SUCCEEDED) return finished(run, listener);
            runs.resume(run.runId(), request.updateExisting());
        }
        try {
            ProvisioningRun current = runs.find(request.runId()).orElseThrow();
            // An update of an inventoried app needs no reservation: the inventory row guards its name against new
            // requests, and a reservation would outlive an update that failed (nothing ends it as a conversation does).
            boolean updatingKnownApp = request.updateExisting() && inventory.find(org.name(), request.spec().apiName())
                    .filter(a -> a.status() != AppStatus.DELETED).isPresent();
            if (!updatingKnownApp
                    && (current.step() == ProvisioningStep.STARTED || current.step() == ProvisioningStep.DEPLOY_REQUESTED)) {
                holdName(request);
            }
            ProvisioningResult result = proceed(request, org, current, delivery, reminders, listener);
            names.release(request.runId()); // the app is in the inventory now, which guards its name
            return result;
        } catch (ProvisioningException e) {
            fail(request, e.getMessage(), listener);
            throw resumable(request) ? new ProvisioningException(e.getMessage(), e.invalidInput(), true, e) : e;
        } catch (SalesforceException e) {
            fail(request, e.getMessage(), listener);
            throw new ProvisioningException(e.getMessage(), false, resumable(request), e);
        } catch (RuntimeException e) {
            String message = "Provisioning stopped unexpectedly (" + e.getClass().getSimpleName()
                    + "). Ask again to continue where it stopped; no second app will be made.";
            fail(request, message, listener);
            throw new ProvisioningException(message, false, resumable(request), e);
        }
    }

    /** Whether the failed run got as far as sending a deploy, so the app may exist and only this run may continue. */
    private boolean resumable(ProvisioningRequest request) {
        return runs.find(request.runId()).map(r -> r.step() != ProvisioningStep.STARTED).orElse(false);
    }

    /** The run may go ahead only while its name is its own (reserved at the name question, or now). */
    private void holdName(ProvisioningRequest request) {
        String apiName = request.spec().apiName();
        if (names.reserve(request.runId(), request.org(), apiName, request.requester())
                instanceof AppNameReservations.Claim.HeldBy held) {
            throw new ProvisioningException("Someone is already creating an app named " + apiName + " in org '"
                    + request.org() + "' (" + held.holder().requester() + " asked for it first), so nothing was"
                    + " changed. Choose another API name.", true, null);
        }
    }

    private ProvisioningResult proceed(ProvisioningRequest request, Org org, ProvisioningRun run,
                                       CredentialsDelivery delivery, AppReminders reminders, ProvisioningListener listener) {
        SalesforceClient client = clients.forOrg(org);
        String id = request.runId();
        String apiName = request.spec().apiName();
        if (run.step().compareTo(ProvisioningStep.DEPLOYED) < 0) {
            ensureDeployed(request, client, run, listener);
            run = runs.find(id).orElseThrow();
        }
        if (run.step() == ProvisioningStep.DEPLOYED) {
            emit(listener, id, Stage.READING_CREDENTIALS, "Reading the credentials of " + apiName + "...");
            boolean deliveredBefore = delivery.holds(id); // sealed by an attempt a crash stopped: never read twice
            ConsumerCredentials credentials = request.deliverSecret() && !deliveredBefore
                    ? client.credentials().readKeyAndSecret(run.appId())
                    : client.credentials().readKey(run.appId());
            if (!deliveredBefore) {
                emit(listener, id, Stage.DELIVERING_CREDENTIALS, "Handing over the credentials...");
                try {
                    delivery.deliver(new ProvisionedCredentials(id, org.name(), apiName, request.requester(),
                            credentials.consumerKey(), request.deliverSecret() ? credentials.secret() : Optional.empty()));
                } catch (RuntimeException e) {
                    throw new ProvisioningException("The app " + apiName + " exists, but handing over its credentials failed"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Ask again to retry the hand-over;"
                            + " no second app will be made.", false, e);
                }
                emit(listener, id, Stage.CREDENTIALS_DELIVERED, "The credentials are handed over.");
            }
            runs.delivered(id, credentials.consumerKey());
            run = runs.find(id).orElseThrow();
        }
        InventoryApp app;
        if (run.step() == ProvisioningStep.CREDENTIALS_DELIVERED) {
            emit(listener, id, Stage.RECORDING, "Recording " + apiName + " in the inventory...");
            // An update keeps who asked for the app, who approved it and when it was made; only its settings change.
            Optional<InventoryApp> before = request.updateExisting()
                    ? inventory.find(org.name(), apiName).filter(a -> a.status() != AppStatus.DELETED) : Optional.empty();
            ProvisioningRun made = run;
            app = inventory.save(before.map(b -> updatedRecord(b, request, made))
                    .orElseGet(() -> inventoryRecord(request, made)));
            if (audit != null) audit.record(before.isPresent() ? updated(before.get(), app, request) : provisioned(app, run.reusedExisting(), request));
            runs.recorded(id);
        } else { // recorded by an attempt that stopped before its reminders were scheduled
            app = inventory.find(org.name(), apiName).orElseThrow(() -> new ProvisioningException("Run " + id
                    + " recorded " + apiName + " but it is missing from the inventory; run `ecabot inventory` to re-import it.",
                    false, null));
        }
        try {
            reminders.schedule(id, app);
        } catch (RuntimeException e) {
            throw new ProvisioningException("The app " + apiName + " exists, but scheduling its reminders failed"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Ask again to retry; no second app will be"
                    + " made.", false, e);
        }
        runs.remindersScheduled(id);
        emit(listener, id, Stage.DONE, apiName + " is ready in org '" + org.name() + "'. Consumer key: " + app.consumerKey());
        return new ProvisioningResult(id, app, run.reusedExisting(), false);
    }

    /**
     * Makes sure this request's app exists: resumes a recorded deploy, takes over the app its own earlier attempt
     * deployed before a crash lost the deploy's id, or deploys. An app of that name that is not the request's own
     * stops the run (an operator's update request may overwrite it).
     */
    private void ensureDeployed(ProvisioningRequest request, SalesforceClient client, ProvisioningRun run, ProvisioningListener listener) {
        String id = request.runId();
        String apiName = request.spec().apiName();
        if (run.deployId() == null) {
            emit(listener, id, Stage.CHECKING_EXISTING, "Checking whether " + apiName + " already exists in org '" + client.org().name() + "'...");
            Optional<OrgEca> existing = client.ecaReader().read(apiName);
            if (existing.isPresent()) {
                List<SettingDifference> differences = differences(existing.get(), request.spec());
                boolean ownEarlierDeploy = run.step() == ProvisioningStep.DEPLOY_REQUESTED && differences.isEmpty();
                if (ownEarlierDeploy || request.updateExisting() && differences.isEmpty()) {
                    emit(listener, id, ownEarlierDeploy ? Stage.DEPLOYED : Stage.REUSING_EXISTING, ownEarlierDeploy
                            ? apiName + " was deployed by an earlier attempt of this request."
                            : apiName + " already exists with these settings; nothing to update.");
                    storeUnmanaged(client, apiName, existing);
                    runs.deployed(id, existing.get().app().id(), !ownEarlierDeploy);
                    return;
                }
                if (!request.updateExisting()) {
                    throw new ExistingAppConflictException(client.org().name(), apiName,
                            inventory.find(client.org().name(), apiName).orElse(null), differences);
                }
            }
            storeUnmanaged(client, apiName, existing);
            runs.deployRequested(id);
            emit(listener, id, Stage.DEPLOYING, "Deploying " + apiName + " to org '" + client.org().name() + "'...");
            MetadataPackage pkg = new EcaMetadataWriter(client.org().apiVersion(), MetadataFormat.METADATA_API).write(request.spec());
            // An update keeps what the bot does not manage (idTokenConfig, apexHandler, isDPopEnabled...) as it is in the org.
            if (existing.isPresent()) pkg = UnmanagedElements.merge(pkg, existing.get().documents());
            byte[] zip = pkg.toZip();
            String deployId = client.metadata().start(zip, DeployOptions.realDeploy());
            emit(listener, id, Stage.DEPLOY_SENT, "Deployment " + deployId + " started.");
            runs.deploying(id, deployId);
            run = runs.find(id).orElseThrow();
        } else {
            emit(listener, id, Stage.DEPLOYING, "Picking up deployment " + run.deployId() + " where it stopped...");
        }
        try {
            // One event per change of status or counts, not one per poll.
            String[] last = {""};
            client.metadata().await(run.deployId(), result -> {
                String text = "Deployment " + result.status().token() + (result.componentsTotal() > 0
                        ? " (" + result.componentsDeployed() + "/" + result.componentsTotal() + " components)" : "");
                if (!text.equals(last[0])) emit(listener, id, Stage.DEPLOY_PROGRESS, text);
                last[0] = text;
            });
        } catch (DeployFailedException e) {
            runs.deployFailed(id);
            throw e;
        }
        OrgApp app = client.apps().require(apiName);
        runs.deployed(id, app.id(), false);
        emit(listener, id, Stage.DEPLOYED, apiName + " is deployed.");
    }

    /**
     * Stores what the app will hold that the bot does not manage: the org's fields as they are (an update carries
     * them over), none for a new app (the bot writes none). {@code show} lists them; sync names later changes.
     */
    private void storeUnmanaged(SalesforceClient client, String apiName, Optional<OrgEca> existing) {
        new dev.ecabot.inventory.UnmanagedFields(inventory.dataSource()).store(client.org().name(), apiName,
                existing.map(OrgEca::unmanagedFields).orElse(java.util.Map.of()), clock.instant(), "provisioning");
    }

    private static List<SettingDifference> differences(OrgEca existing, EcaSpec requested) {
        Optional<RetrievedEca> settings = existing.settings();
        if (settings.isEmpty()) {
            return List.of(new SettingDifference("app", "an app whose settings could not be read", "a new app"));
        }
        return EcaSpecDiff.between(settings.get().spec(), requested);
    }

    private InventoryApp inventoryRecord(ProvisioningRequest request, ProvisioningRun run) {
        EcaSpec spec = request.spec();
        return new InventoryApp(null, run.org(), spec.apiName(), spec.app().label(), run.appId(), request.playbookId(), request.vendor(),
                request.requester().toString(), ChatUserRef.written(request.approvers()), spec.app().contactEmail(), run.consumerKey(), clock.instant(),
                SettingsJson.write(spec), AppStatus.ACTIVE);
    }

    private InventoryApp updatedRecord(InventoryApp before, ProvisioningRequest request, ProvisioningRun run) {
        EcaSpec spec = request.spec();
        return new InventoryApp(before.id(), before.org(), before.apiName(), spec.app().label(), run.appId(),
                request.playbookId(), request.vendor() == null ? before.vendor() : request.vendor(), before.requester(),
                before.approver(), spec.app().contactEmail(), run.consumerKey() == null ? before.consumerKey() : run.consumerKey(),
                before.createdAt(), SettingsJson.write(spec),
                before.status() == AppStatus.IMPORTED ? AppStatus.IMPORTED : AppStatus.ACTIVE);
    }

    /** Who changed the app, who approved the change, and every setting that changed (metadata paths: old -> new). */
    private AuditEvent updated(InventoryApp before, InventoryApp after, ProvisioningRequest request) {
        List<SettingDifference> changes;
        try {
            changes = EcaSpecDiff.between(SettingsJson.read(before.settingsJson()), request.spec());
        } catch (RuntimeException unreadable) {
            changes = List.of();
        }
        String changed = changes.isEmpty() ? "no setting changed"
                : changes.stream().map(d -> d.setting() + ": " + d.inOrg() + " -> " + d.requested())
                .collect(java.util.stream.Collectors.joining("; "));
        return AuditEvent.of(clock.instant(), AuditKind.UPDATE, request.requester().chatUser().orElse(null), after.org(),
                after.apiName(), "updated from playbook " + after.playbookOrUnknown() + " by " + request.requester()
                        + (request.approvers().isEmpty() ? " (no approval needed)"
                                : ", approved by " + ChatUserRef.written(request.approvers()))
                        + "; changed: " + changed).withReference(request.runId());
    }

    /** A CLI run names its requester freely: then the event has no chat user, and its detail still says who. */
    private AuditEvent provisioned(InventoryApp app, boolean reused, ProvisioningRequest request) {
        return AuditEvent.of(clock.instant(), AuditKind.PROVISIONING, request.requester().chatUser().orElse(null), app.org(),
                app.apiName(), (reused ? "existing app with the requested settings taken into the inventory" : "created in the org")
                        + " from playbook " + app.playbookOrUnknown() + " for " + app.requester()
                        + (app.approver() == null ? "" : ", approved by " + app.approver())
                        + "; consumer key " + app.consumerKey());
    }

    private ProvisioningResult finished(ProvisioningRun run, ProvisioningListener listener) {
        InventoryApp app = inventory.find(run.org(), run.apiName())
                .orElseThrow(() -> new ProvisioningException("Run " + run.runId() + " finished but its app is missing from the"
                        + " inventory; run `ecabot inventory` to re-import it.", false, null));
        emit(listener, run.runId(), Stage.DONE, run.apiName() + " was already provisioned by this request; nothing was done again.");
        return new ProvisioningResult(run.runId(), app, run.reusedExisting(), true);
    }

    private Org checkInput(ProvisioningRequest request) {
        List<String> problems = validator.problems(request.spec());
        if (!problems.isEmpty()) {
            throw new ProvisioningException("The app cannot be created as asked:\n- " + String.join("\n- ", problems)
                    + "\nNothing was sent to Salesforce.", true, null);
        }
        try {
            return orgs.require(request.org());
        } catch (UnknownOrgException e) {
            throw new ProvisioningException(e.getMessage(), true, e);
        }
    }

    private static void checkSameApp(ProvisioningRun run, ProvisioningRequest request) {
        if (!run.org().equalsIgnoreCase(request.org()) || !run.apiName().equals(request.spec().apiName())) {
            throw new ProvisioningException("Request " + run.runId() + " was for " + run.apiName() + " in org '" + run.org()
                    + "', not " + request.spec().apiName() + " in '" + request.org() + "'; start a new request instead.", true, null);
        }
    }

    private void fail(ProvisioningRequest request, String message, ProvisioningListener listener) {
        log.warn("provisioning run {} for {} in org {} failed: {}", request.runId(), request.spec().apiName(), request.org(), message);
        if (runs.find(request.runId()).isPresent()) runs.failed(request.runId(), message);
        auditFailure(request, message);
        emit(listener, request.runId(), Stage.FAILED, message);
    }

    /** A failed run (a failed deploy included) leaves an event; the audit trail failing must not hide the failure. */
    private void auditFailure(ProvisioningRequest request, String message) {
        if (audit == null) return;
        try {
            audit.record(AuditEvent.of(clock.instant(), AuditKind.FAILURE, request.requester().chatUser().orElse(null),
                    request.org(), request.spec().apiName(), "provisioning failed: " + message).withReference(request.runId()));
        } catch (RuntimeException e) {
            log.warn("Could not record the failed run {} in the audit trail: {}", request.runId(), e.getMessage());
        }
    }

    private static void emit(ProvisioningListener listener, String runId, Stage stage, String message) {
        if (stage != Stage.FAILED) log.info("provisioning run {}: {} - {}", runId, stage, message);
        STEPS.entered(runId, stage);
        listener.on(new ProvisioningEvent(runId, stage, message));
    }
}
