package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.config.EcabotConfig;
import dev.ecabot.salesforce.OrgEnvironment;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.PermittedUsers;
import dev.ecabot.inventory.InventoryAppRepository;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ecabot.testing.EmulatedOrgs.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An app whose policies pre-authorize a permission set the org does not have: Salesforce refuses the deploy, and
 * the bot passes its words on and records nothing; once the set exists, asking again (the same request) makes the app.
 */
class UnknownPermissionSetRefusedTest {

    private static final Requester ALICE = Requester.operator("alice");
    private static final List<ChatUserRef> BOB = List.of(new ChatUserRef("slack", "U_BOB"));

    private EmulatedOrgs orgs;
    private Database db;
    private ProvisioningSaga saga;

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ofMillis(20));
        db = Database.inMemory("perm-" + UUID.randomUUID());
        OrgRegistry registry = OrgRegistry.of(EcabotConfig.empty(), Map.of(), () -> orgs.jwtOrg("demo", OrgEnvironment.PRODUCTION));
        saga = new ProvisioningSaga(registry, new SalesforceClients(FAST), new ProvisioningRunStore(db.dataSource(), Clock.systemUTC()),
                new InventoryAppRepository(db.dataSource()), new AppNameReservations(db.dataSource(), Clock.systemUTC()),
                SpecValidator.STANDARD, Clock.systemUTC(), null);
    }

    @AfterEach
    void stop() {
        orgs.close();
        db.close();
    }

    @Test
    void salesforcesRefusalIsPassedOnAndNothingIsRecordedUntilThePermissionSetExists() {
        orgs.emulator().org().directory().addPermissionSets("Support_Agents");
        EcaSpec base = SampleSpecs.vonage("Vonage_Voice");
        EcaSpec spec = new EcaSpec(base.app(), base.globalOauth(), base.oauth(), base.policies().toBuilder()
                .permittedUsers(PermittedUsers.ADMIN_APPROVED_PRE_AUTHORIZED).permissionSets(List.of("Vonage_Users")).build());

        assertThatThrownBy(() -> saga.run(new ProvisioningRequest("r1", "demo", spec, "vonage", "Vonage", ALICE, BOB,
                false, false), c -> { }, e -> { }))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("no PermissionSet named Vonage_Users found");
        assertThat(new InventoryAppRepository(db.dataSource()).find("demo", "Vonage_Voice")).isEmpty();
        assertThat(orgs.emulator().org().apps()).isEmpty();

        orgs.emulator().org().directory().addPermissionSets("Vonage_Users");
        saga.run(new ProvisioningRequest("r1", "demo", spec, "vonage", "Vonage", ALICE, BOB, false, false), c -> { }, e -> { });
        assertThat(new InventoryAppRepository(db.dataSource()).find("demo", "Vonage_Voice")).isPresent();
    }
}
