package dev.ecabot.provisioning;

import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.MetadataFormat;
import dev.ecabot.eca.RetrievedEca;
import dev.ecabot.access.ChatUserRef;
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
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The way from an approved request to delivered credentials: validate -> find an existing app (reuse it when its
 * settings match, refuse when they differ unless asked to update) -> deploy -> wait -> read credentials -> hand
 * them to the {@link CredentialsDelivery} -> record the app in the inventory. Every step is recorded in
 * {@code provisioning_run} before the next starts, so running the same request again (after a failure or a crash)
 * continues where it stopped and never makes a second app. Thread-safe: a request already running in this process
 * is refused; across instances, the caller must route one request to one instance at a time.
 */
public final class ProvisioningSaga {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSaga.class);

    private final OrgRegistry orgs;
    private final SalesforceClients clients;
    private final ProvisioningRunStore runs;
    private final InventoryAppRepository inventory;
    private final SpecValidator validator;
    private final Clock clock;
    private final AuditTrail audit;
    /** Runs under way in this process: the same request twice at once would deliver twice. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    /** A saga that leaves no audit trail (tools and tests); the bot uses the constructor taking an {@link AuditTrail}. */
    public ProvisioningSaga(OrgRegistry orgs, SalesforceClients clients, ProvisioningRunStore runs,
                            InventoryAppRepository inventory, SpecValidator validator, Clock clock) {
        this(orgs, clients, runs, inventory, validator, clock, null);
    }

    /** A saga that records each app it creates in {@code audit} (kind PROVISIONING, actor the requester). */
    public ProvisioningSaga(OrgRegistry orgs, SalesforceClients clients, ProvisioningRunStore runs,
                            InventoryAppRepository inventory, SpecValidator validator, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.orgs = orgs;
        this.clients = clients;
        this.runs = runs;
        this.inventory = inventory;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The bot's saga on its own database: runs, inventory and audit trail in {@code dataSource}, specs checked by
     * {@link SpecValidator#STANDARD}. The terminal chat, the server and the one-shot commands all build it this way.
     */
    public static ProvisioningSaga onDatabase(OrgRegistry orgs, SalesforceClients clients, DataSource dataSource, Clock clock) {
        return new ProvisioningSaga(orgs, clients, new ProvisioningRunStore(dataSource, clock),
                new InventoryAppRepository(dataSource), SpecValidator.STANDARD, clock, new AuditTrail(dataSource));
    }

    /** Runs (or resumes) {@code request}; throws {@link ProvisioningException} with a message for the requester. */
    public ProvisioningResult run(ProvisioningRequest asked, CredentialsDelivery delivery, ProvisioningListener listener) {
        Org org = checkInput(asked);
        ProvisioningRequest request = asked.forOrg(org.name());
        if (!active.add(request.runId())) {
            throw new ProvisioningException("Request " + request.runId() + " is being provisioned right now; its progress"
                    + " will be reported when it finishes.", false, null);
        }
        try {
            return runClaimed(request, org, delivery, listener);
        } finally {
            active.remove(request.runId());
        }
    }

    private ProvisioningResult runClaimed(ProvisioningRequest request, Org org, CredentialsDelivery delivery, ProvisioningListener listener) {
        ProvisioningRun run = runs.find(request.runId()).orElse(null);
        if (run == null) {
            run = runs.create(request);
        } else {
            checkSameApp(run, request);
            if (run.status() == RunStatus.SUCCEEDED) return finished(run, listener);
            runs.resume(run.runId(), request.updateExisting());
        }
        try {
            return proceed(request, org, runs.find(request.runId()).orElseThrow(), delivery, listener);
        } catch (ProvisioningException e) {
            fail(request, e.getMessage(), listener);
            throw e;
        } catch (SalesforceException e) {
            fail(request, e.getMessage(), listener);
            throw new ProvisioningException(e.getMessage(), false, e);
        } catch (RuntimeException e) {
            String message = "Provisioning stopped unexpectedly (" + e.getClass().getSimpleName()
                    + "). Ask again to continue where it stopped; no second app will be made.";
            fail(request, message, listener);
            throw new ProvisioningException(message, false, e);
        }
    }

    private ProvisioningResult proceed(ProvisioningRequest request, Org org, ProvisioningRun run,
                                       CredentialsDelivery delivery, ProvisioningListener listener) {
        SalesforceClient client = clients.forOrg(org);
        String id = request.runId();
        String apiName = request.spec().apiName();
        if (run.step() == ProvisioningStep.STARTED || run.step() == ProvisioningStep.DEPLOYING) {
            ensureDeployed(request, client, run, listener);
            run = runs.find(id).orElseThrow();
        }
        if (run.step() == ProvisioningStep.DEPLOYED) {
            emit(listener, id, Stage.READING_CREDENTIALS, "Reading the credentials of " + apiName + "...");
            ConsumerCredentials credentials = request.deliverSecret()
                    ? client.credentials().readKeyAndSecret(run.appId())
                    : client.credentials().readKey(run.appId());
            emit(listener, id, Stage.DELIVERING_CREDENTIALS, "Handing over the credentials...");
            try {
                delivery.deliver(new ProvisionedCredentials(id, org.name(), apiName, request.requester(),
                        credentials.consumerKey(), request.deliverSecret() ? credentials.secret() : Optional.empty()));
            } catch (RuntimeException e) {
                throw new ProvisioningException("The app " + apiName + " exists, but handing over its credentials failed"
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Ask again to retry the hand-over;"
                        + " no second app will be made.", false, e);
            }
            runs.delivered(id, credentials.consumerKey());
            run = runs.find(id).orElseThrow();
        }
        emit(listener, id, Stage.RECORDING, "Recording " + apiName + " in the inventory...");
        InventoryApp app = inventory.save(inventoryRecord(request, run));
        if (audit != null) audit.record(provisioned(app, run.reusedExisting()));
        runs.recorded(id);
        emit(listener, id, Stage.DONE, apiName + " is ready in org '" + org.name() + "'. Consumer key: " + app.consumerKey());
        return new ProvisioningResult(id, app, run.reusedExisting(), false);
    }

    /** Makes sure the app exists with the requested settings: resumes a recorded deploy, reuses a match, or deploys. */
    private void ensureDeployed(ProvisioningRequest request, SalesforceClient client, ProvisioningRun run, ProvisioningListener listener) {
        String id = request.runId();
        String apiName = request.spec().apiName();
        if (run.deployId() == null) {
            emit(listener, id, Stage.CHECKING_EXISTING, "Checking whether " + apiName + " already exists in org '" + client.org().name() + "'...");
            Optional<OrgEca> existing = client.ecaReader().read(apiName);
            if (existing.isPresent()) {
                List<SettingDifference> differences = differences(existing.get(), request.spec());
                if (differences.isEmpty()) {
                    emit(listener, id, Stage.REUSING_EXISTING, apiName + " already exists with these settings; using it.");
                    runs.deployed(id, existing.get().app().id(), true);
                    return;
                }
                if (!request.updateExisting()) {
                    throw new ExistingAppConflictException(client.org().name(), apiName, differences);
                }
            }
            emit(listener, id, Stage.DEPLOYING, "Deploying " + apiName + " to org '" + client.org().name() + "'...");
            byte[] zip = new EcaMetadataWriter(client.org().apiVersion(), MetadataFormat.METADATA_API).writeZip(request.spec());
            String deployId = client.metadata().start(zip, DeployOptions.realDeploy());
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
                request.requester(), request.approver(), spec.app().contactEmail(), run.consumerKey(), clock.instant(),
                SettingsJson.write(spec), AppStatus.ACTIVE);
    }

    private AuditEvent provisioned(InventoryApp app, boolean reused) {
        ChatUserRef requester = null;
        try {
            requester = app.requester() == null ? null : ChatUserRef.parse(app.requester());
        } catch (IllegalArgumentException notAChatUser) {
            // a CLI run names its requester freely; the detail still says who
        }
        return AuditEvent.of(clock.instant(), AuditKind.PROVISIONING, requester, app.org(), app.apiName(),
                (reused ? "existing app with the requested settings taken into the inventory" : "created in the org")
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
        emit(listener, request.runId(), Stage.FAILED, message);
    }

    private static void emit(ProvisioningListener listener, String runId, Stage stage, String message) {
        if (stage != Stage.FAILED) log.info("provisioning run {}: {} - {}", runId, stage, message);
        listener.on(new ProvisioningEvent(runId, stage, message));
    }
}
