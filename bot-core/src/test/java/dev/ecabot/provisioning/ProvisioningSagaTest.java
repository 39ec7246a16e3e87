package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.SettingDifference;
import dev.ecabot.emulator.RecordedCall;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.provisioning.ProvisioningEvent.Stage;
import dev.ecabot.salesforce.OrgRegistry;
import dev.ecabot.salesforce.SalesforceClients;
import dev.ecabot.store.Database;
import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ecabot.testing.EmulatedOrgs.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningSagaTest {

    private EmulatedOrgs orgs;
    private Database db;
    private ProvisioningSaga saga;
    private InventoryAppRepository inventory;
    private ProvisioningRunStore runs;
    private final List<ProvisionedCredentials> delivered = new ArrayList<>();
    private final List<ProvisioningEvent> events = new ArrayList<>();

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ofMillis(40));
        db = Database.inMemory("saga-" + UUID.randomUUID());
        inventory = new InventoryAppRepository(db.dataSource());
        runs = new ProvisioningRunStore(db.dataSource(), Clock.systemUTC());
        OrgRegistry registry = OrgRegistry.of(EcabotConfig.empty(), Map.of(), () -> orgs.jwtOrg("demo", OrgEnvironment.PRODUCTION));
        saga = new ProvisioningSaga(registry, new SalesforceClients(FAST), runs, inventory,
                new AppNameReservations(db.dataSource(), Clock.systemUTC()), SpecValidator.STANDARD, Clock.systemUTC(), null);
    }

    @AfterEach
    void stop() {
        orgs.close();
        db.close();
    }

    private static final ChatUserRef BOB = new ChatUserRef("slack", "U_BOB");

    private static ProvisioningRequest request(String runId, EcaSpec spec) {
        return new ProvisioningRequest(runId, "demo", spec, "vonage", "Vonage", Requester.operator("alice"), List.of(BOB), true, false);
    }

    private long deploys() {
        return orgs.emulator().org().calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/metadata/deployRequest")).count();
    }

    private ProvisioningResult run(ProvisioningRequest request) {
        return saga.run(request, delivered::add, events::add);
    }

    @Test
    void anAppIsDeployedItsCredentialsDeliveredAndItIsRecordedWithoutTheSecret() {
        ProvisioningResult result = run(request("r1", SampleSpecs.vonage("Vonage_Voice")));

        var consumer = orgs.emulator().org().consumer("Vonage_Voice").orElseThrow();
        assertThat(result.consumerKey()).isEqualTo(consumer.key());
        assertThat(result.reusedExisting()).isFalse();
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.consumerKey()).isEqualTo(consumer.key());
            assertThat(d.consumerSecret().orElseThrow().reveal()).isEqualTo(consumer.secret());
            assertThat(d.requester()).isEqualTo(Requester.operator("alice"));
        });
        InventoryApp app = inventory.find("demo", "Vonage_Voice").orElseThrow();
        assertThat(app.requester()).isEqualTo("alice");
        assertThat(app.approver()).isEqualTo("slack:U_BOB");
        assertThat(app.playbookId()).isEqualTo("vonage");
        assertThat(app.contactEmail()).isEqualTo("admin@acme.com");
        assertThat(app.status()).isEqualTo(AppStatus.ACTIVE);
        assertThat(SettingsJson.read(app.settingsJson())).isEqualTo(SampleSpecs.vonage("Vonage_Voice"));
        assertThat(app.toString() + app.settingsJson()).doesNotContain(consumer.secret());
        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(events).extracting(ProvisioningEvent::stage)
                .contains(Stage.CHECKING_EXISTING, Stage.DEPLOYING, Stage.DEPLOY_PROGRESS, Stage.DEPLOYED,
                        Stage.READING_CREDENTIALS, Stage.RECORDING, Stage.DONE);
    }

    @Test
    void eachStageOfARunIsTimedSoAnOperatorSeesWhereTheTimeGoes() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(registry);
        try {
            run(request("r-timed", SampleSpecs.vonage("Vonage_Timed")));

            var deploying = registry.find("ecabot.provisioning.steps").tag("step", "DEPLOY_PROGRESS")
                    .tag("outcome", "succeeded").timer();
            assertThat(deploying).as("the deploy's progress stage, timed once however many progress events").isNotNull();
            assertThat(deploying.count()).isEqualTo(1);
            assertThat(deploying.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThan(0);
            assertThat(registry.find("ecabot.provisioning.steps").tag("step", "RECORDING").timer().count()).isEqualTo(1);
            assertThat(registry.find("ecabot.provisioning.steps").tag("outcome", "failed").timers())
                    .as("no stage of this run failed").allSatisfy(t -> assertThat(t.count()).isZero());
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(registry);
        }
    }

    @Test
    void aCrashAfterTheDeployResumesAtTheCredentialsWithoutASecondApp() {
        ProvisioningRequest request = request("r1", SampleSpecs.vonage("Vonage_Voice"));
        assertThatThrownBy(() -> saga.run(request, c -> { throw new IllegalStateException("vault down"); }, events::add))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("handing over its credentials failed: vault down");
        assertThat(runs.find("r1").orElseThrow().step()).isEqualTo(ProvisioningStep.DEPLOYED);

        ProvisioningResult result = run(request);

        assertThat(deploys()).isEqualTo(1);
        assertThat(orgs.emulator().org().apps()).hasSize(1);
        assertThat(delivered).hasSize(1);
        assertThat(result.consumerKey()).isEqualTo(orgs.emulator().org().consumer("Vonage_Voice").orElseThrow().key());
    }

    @Test
    void aSecondRequestForAnExistingAppsNameIsRefusedAndNeverGetsItsSecret() {
        run(request("alices-request", SampleSpecs.vonage("Vonage_Voice")));
        delivered.clear();

        ProvisioningRequest mallory = new ProvisioningRequest("mallorys-request", "demo", SampleSpecs.vonage("Vonage_Voice"),
                "vonage", "Vonage", Requester.operator("mallory"), List.of(), true, false);
        assertThatThrownBy(() -> run(mallory))
                .isInstanceOfSatisfying(ExistingAppConflictException.class, e -> assertThat(e.invalidInput()).isTrue())
                .hasMessageContaining("already has an app named Vonage_Voice (requested by alice")
                .hasMessageContaining("its credentials stay with its owner");

        assertThat(delivered).isEmpty();
        assertThat(deploys()).isEqualTo(1);
        assertThat(inventory.find("demo", "Vonage_Voice").orElseThrow().requester()).isEqualTo("alice");
        assertThat(saga.reserveName("another", "demo", "Vonage_Voice", Requester.operator("mallory"))).get().asString()
                .contains("requested by alice");
    }

    @Test
    void anAppMadeOutsideTheBotIsNeverTakenOverEvenWithIdenticalSettings() {
        var client = new SalesforceClients(FAST).forOrg(orgs.jwtOrg("demo", OrgEnvironment.PRODUCTION));
        client.metadata().await(client.metadata().start(new dev.ecabot.eca.EcaMetadataWriter()
                .writeZip(SampleSpecs.vonage("Vonage_Voice")), dev.ecabot.salesforce.DeployOptions.realDeploy()), r -> { });

        assertThat(saga.reserveName("r1", "demo", "Vonage_Voice", Requester.operator("alice"))).get().asString()
                .contains("already has an app named Vonage_Voice (it was not made by this bot)");
        assertThatThrownBy(() -> run(request("r1", SampleSpecs.vonage("Vonage_Voice"))))
                .isInstanceOf(ExistingAppConflictException.class).hasMessageContaining("not made by this bot");
        assertThat(delivered).isEmpty();
        assertThat(inventory.find("demo", "Vonage_Voice")).isEmpty();
    }

    @Test
    void twoRequestsForOneNameAtOnceGetOneAppAndTheSecondHearsWhoHasIt() {
        assertThat(saga.reserveName("alices-request", "demo", "Shared_Target", Requester.operator("alice"))).isEmpty();
        assertThat(saga.reserveName("bobs-request", "demo", "shared_target", Requester.operator("bob"))).get().asString()
                .contains("Someone is already creating an app named shared_target").contains("alice asked for it first");
        assertThatThrownBy(() -> run(new ProvisioningRequest("bobs-request", "demo", SampleSpecs.vonage("Shared_Target"),
                "vonage", "Vonage", Requester.operator("bob"), List.of(), true, false)))
                .isInstanceOf(ProvisioningException.class).hasMessageContaining("alice asked for it first");
        assertThat(deploys()).isZero();

        run(request("alices-request", SampleSpecs.vonage("Shared_Target")));
        assertThat(delivered).singleElement().satisfies(d -> assertThat(d.requester()).isEqualTo(Requester.operator("alice")));
        assertThat(orgs.emulator().org().apps()).hasSize(1);
    }

    /** A process killed at this point: nothing after it runs, nothing is recorded as failed. */
    private static final class Killed extends Error {
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "killed at {0}")
    @org.junit.jupiter.params.provider.EnumSource(value = Stage.class, names = {"DEPLOYING", "DEPLOY_SENT", "DEPLOY_PROGRESS",
            "DEPLOYED", "READING_CREDENTIALS", "DELIVERING_CREDENTIALS", "CREDENTIALS_DELIVERED", "RECORDING", "DONE"})
    void aRequestKilledAtAnyStepAndRunAgainMakesOneAppAndHandsOverItsSecretOnce(Stage killedAt) throws Exception {
        ProvisioningRequest request = request("r1", SampleSpecs.vonage("Vonage_Voice"));
        CredentialsDelivery vault = new CredentialsDelivery() {
            @Override
            public void deliver(ProvisionedCredentials credentials) {
                delivered.add(credentials);
            }

            @Override
            public boolean holds(String runId) {
                return delivered.stream().anyMatch(d -> d.runId().equals(runId));
            }
        };
        assertThatThrownBy(() -> saga.run(request, vault, e -> {
            if (e.stage() == killedAt) throw new Killed();
        })).isInstanceOf(Killed.class);
        Thread.sleep(100); // the deploy a killed process sent goes on in the org meanwhile

        ProvisioningResult result = saga.run(request, vault, events::add);

        var consumer = orgs.emulator().org().consumer("Vonage_Voice").orElseThrow();
        assertThat(orgs.emulator().org().apps()).as("apps in the org").hasSize(1);
        assertThat(delivered).as("credentials handed over").singleElement()
                .satisfies(d -> assertThat(d.consumerSecret().orElseThrow().reveal()).isEqualTo(consumer.secret()));
        assertThat(result.consumerKey()).isEqualTo(consumer.key());
        assertThat(result.reusedExisting()).isFalse();
        assertThat(inventory.find("demo", "Vonage_Voice").orElseThrow().requester()).isEqualTo("alice");
        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(saga.reserveName("later", "demo", "Vonage_Voice", Requester.operator("bob"))).as("the name is guarded by the inventory now")
                .get().asString().contains("requested by alice");
    }

    @Test
    void aRunKilledBeforeItsRemindersScheduleThemOnceWhenRunAgainAndOnlyThenIsComplete() {
        ProvisioningRequest request = request("r1", SampleSpecs.vonage("Vonage_Voice"));
        java.util.List<String> scheduled = new java.util.ArrayList<>();
        AppReminders dying = (runId, app) -> {
            throw new Killed();
        };
        assertThatThrownBy(() -> saga.run(request, delivered::add, dying, e -> { })).isInstanceOf(Killed.class);
        assertThat(runs.find("r1").orElseThrow().step()).as("recorded in the inventory, reminders still to come")
                .isEqualTo(ProvisioningStep.RECORDED);
        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        saga.run(request, delivered::add, (runId, app) -> scheduled.add(runId + " " + app.apiName()), e -> { });
        saga.run(request, delivered::add, (runId, app) -> scheduled.add(runId + " " + app.apiName()), e -> { });

        assertThat(scheduled).containsExactly("r1 Vonage_Voice");
        assertThat(delivered).hasSize(1);
        assertThat(runs.find("r1").orElseThrow().step()).isEqualTo(ProvisioningStep.REMINDERS_SCHEDULED);
        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aFinishedRunAskedAgainDoesNothingTwice() {
        run(request("r1", SampleSpecs.vonage("Vonage_Voice")));
        ProvisioningResult again = run(request("r1", SampleSpecs.vonage("Vonage_Voice")));
        assertThat(again.alreadyFinished()).isTrue();
        assertThat(delivered).hasSize(1);
        assertThat(deploys()).isEqualTo(1);
    }

    @Test
    void anExistingAppWithOtherSettingsIsReportedNotOverwritten() {
        run(request("r1", SampleSpecs.vonage("Vonage_Voice")));
        EcaSpec base = SampleSpecs.vonage("Vonage_Voice");
        EcaSpec bypass = new EcaSpec(base.app(), base.globalOauth(), base.oauth(),
                new OauthPolicies(null, null, null, IpRelaxation.BYPASS, null, null, null, false, null, null, null, null, null, null));

        assertThatThrownBy(() -> run(request("r2", bypass)))
                .isInstanceOfSatisfying(ExistingAppConflictException.class, e -> {
                    assertThat(e.invalidInput()).isTrue();
                    assertThat(e.differences()).extracting(SettingDifference::setting).containsExactly("policies.ipRelaxation");
                })
                .hasMessageContaining("policies.ipRelaxation: ENFORCE in the org, BYPASS requested");
        assertThat(deploys()).isEqualTo(1);

        ProvisioningResult updated = run(request("r2", bypass).allowingUpdate());
        assertThat(updated.reusedExisting()).isFalse();
        assertThat(deploys()).isEqualTo(2);
        assertThat(orgs.emulator().org().apps()).hasSize(1);
    }

    @Test
    void anInvalidSpecIsRefusedBeforeAnythingReachesSalesforce() {
        EcaSpec base = SampleSpecs.vonage("Bad__Name_");
        EcaSpec noEmail = new EcaSpec(AppInfo.local("Bad__Name_", "Label", null), base.globalOauth(), base.oauth(), base.policies());
        assertThatThrownBy(() -> run(request("r1", noEmail)))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.invalidInput()).isTrue())
                .hasMessageContaining("app.apiName")
                .hasMessageContaining("app.contactEmail")
                .hasMessageContaining("Nothing was sent to Salesforce");
        assertThat(orgs.emulator().org().calls()).isEmpty();
        assertThat(runs.find("r1")).isEmpty();
    }

    @Test
    void anUnknownOrgIsInvalidInput() {
        ProvisioningRequest elsewhere = new ProvisioningRequest("r1", "prod", SampleSpecs.vonage("Vonage_Voice"),
                "vonage", "Vonage", Requester.operator("alice"), List.of(), false, false);
        assertThatThrownBy(() -> run(elsewhere))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.invalidInput()).isTrue())
                .hasMessageContaining("no org called 'prod'").hasMessageContaining("demo");
    }

    @Test
    void aFailedRunLeavesAnAuditEventSayingWhatWentWrong() {
        var trail = new dev.ecabot.audit.AuditTrail(db.dataSource());
        ProvisioningSaga audited = new ProvisioningSaga(OrgRegistry.of(EcabotConfig.empty(), Map.of(),
                () -> orgs.jwtOrg("demo", OrgEnvironment.PRODUCTION)), new SalesforceClients(FAST), runs, inventory,
                new AppNameReservations(db.dataSource(), Clock.systemUTC()), SpecValidator.STANDARD, Clock.systemUTC(), trail);
        orgs.emulator().faults().failNextRequests(50, 502);
        ProvisioningRequest request = new ProvisioningRequest("r9", "demo", SampleSpecs.vonage("Vonage_Voice"),
                "vonage", "Vonage", ChatUserRef.parse("slack:U_ALICE"), List.of(), true, false);
        assertThatThrownBy(() -> audited.run(request, delivered::add, events::add)).isInstanceOf(ProvisioningException.class);
        assertThat(trail.forApp("demo", "Vonage_Voice")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(dev.ecabot.audit.AuditKind.FAILURE);
            assertThat(e.actor()).hasToString("slack:U_ALICE");
            assertThat(e.reference()).isEqualTo("r9");
            assertThat(e.detail()).startsWith("provisioning failed: ");
        });
    }

    @Test
    void secretsTurnedOffStopTheRunWithTheSettingNamedAndARetryResumesWithoutRedeploying() {
        orgs.emulator().org().enableClientSecretInRestApiAccess(false);
        ProvisioningRequest request = request("r1", SampleSpecs.vonage("Vonage_Voice"));
        assertThatThrownBy(() -> run(request))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> assertThat(e.invalidInput()).isFalse())
                .hasMessageContaining("Allow access to External Client App consumer secrets via REST API");
        assertThat(runs.find("r1").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(events).last().extracting(ProvisioningEvent::stage).isEqualTo(Stage.FAILED);

        orgs.emulator().org().enableClientSecretInRestApiAccess(true);
        run(request);
        assertThat(deploys()).isEqualTo(1);
        assertThat(delivered).hasSize(1);
        assertThat(runs.find("r1").orElseThrow().failure()).isNull();
    }

    @Test
    void aKeyOnlyPlaybookNeverReadsTheSecret() {
        ProvisioningRequest keyOnly = new ProvisioningRequest("r1", "demo", SampleSpecs.vonage("Vonage_Voice"),
                "vonage", "Vonage", Requester.operator("alice"), List.of(), false, false);
        orgs.emulator().org().enableClientSecretInRestApiAccess(false);
        ProvisioningResult result = run(keyOnly);
        assertThat(delivered).singleElement().satisfies(d -> assertThat(d.consumerSecret()).isEmpty());
        assertThat(result.app().approver()).isNull();
        assertThat(orgs.emulator().org().calls()).extracting(RecordedCall::path).noneMatch(p -> p.contains("part=keyandsecret"));
    }

    @Test
    void aCrashWhileTheDeployRunsPicksUpTheSameDeploy() {
        ProvisioningRequest request = request("r1", SampleSpecs.vonage("Vonage_Voice"));
        runs.create(request.forOrg("demo"));
        String deployId = new SalesforceClients(FAST).forOrg(orgs.jwtOrg("demo", OrgEnvironment.PRODUCTION)).metadata()
                .start(new dev.ecabot.eca.EcaMetadataWriter().writeZip(request.spec()), dev.ecabot.salesforce.DeployOptions.realDeploy());
        runs.deploying("r1", deployId);

        run(request);

        assertThat(deploys()).isEqualTo(1);
        assertThat(events).extracting(ProvisioningEvent::message).anyMatch(m -> m.contains("Picking up deployment " + deployId));
    }

    @Test
    void theSameRequestTwiceAtOnceIsRefusedSoCredentialsAreNotDeliveredTwice() throws Exception {
        ProvisioningRequest request = request("r1", SampleSpecs.vonage("Vonage_Voice"));
        java.util.concurrent.CountDownLatch delivering = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        var first = executor.submit(() -> saga.run(request, c -> {
            delivering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(c);
        }, ProvisioningListener.NONE));
        assertThat(delivering.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> run(request)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("is being provisioned right now");

        release.countDown();
        assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS).consumerKey()).isNotBlank();
        executor.shutdown();
        assertThat(delivered).hasSize(1);
    }
}
