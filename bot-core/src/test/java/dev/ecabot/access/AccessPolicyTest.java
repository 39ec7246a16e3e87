package dev.ecabot.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Access rules as a table of scenarios: who, which command, allowed or not. */
class AccessPolicyTest {

    private static final String YAML = """
            roles:
              requesters: [ "slack:U_REQ", "group:teams:engineering" ]
              approvers:  [ "slack:U_APP" ]
              admins:     [ "slack:U_ADMIN" ]
            """;

    private static final Map<String, Set<String>> GROUPS = Map.of("teams:T_DEV", Set.of("engineering"));

    private final AccessPolicy policy = new AccessPolicy(parseRoles(parse(YAML).get("roles")),
            user -> GROUPS.getOrDefault(user.toString(), Set.of()));

    @ParameterizedTest(name = "{0} runs {1}: {2}")
    @CsvSource({
            "slack:U_REQ,    new,       true",
            "slack:U_REQ,    reveal,    true",
            "slack:U_REQ,    approve,   false",
            "slack:U_REQ,    delete,    false",
            "slack:U_REQ,    audit,     false",
            "slack:U_APP,    approve,   true",
            "slack:U_APP,    deny,      true",
            "slack:U_APP,    audit,     true",
            "slack:U_APP,    new,       false",
            "slack:U_ADMIN,  delete,    true",
            "slack:U_ADMIN,  sync,      true",
            "slack:U_ADMIN,  export,    true",
            "slack:U_ADMIN,  new,       true",
            "slack:U_ADMIN,  approve,   false",
            "teams:T_DEV,    new,       true",
            "teams:T_DEV,    approve,   false",
            "teams:U_REQ,    new,       false",
            "slack:U_STRANGER, new,     false",
            "slack:U_STRANGER, inventory, false",
            "slack:U_STRANGER, help,    true",
    })
    void eachPersonMayRunOnlyWhatTheirRolesGrant(String user, String command, boolean allowed) {
        AccessDecision decision = policy.check(ChatUserRef.parse(user), Action.fromCommand(command).orElseThrow());
        assertThat(decision.allowed()).isEqualTo(allowed);
        if (!allowed) assertThat(decision.message()).contains("`" + command + "`").contains(user);
    }

    @Test
    void helpListsOnlyTheCommandsThePersonMayRun() {
        assertThat(policy.allowedActions(ChatUserRef.parse("slack:U_APP")))
                .contains(Action.HELP, Action.APPROVE, Action.DENY, Action.AUDIT)
                .doesNotContain(Action.NEW, Action.DELETE, Action.REVEAL);
        assertThat(policy.allowedActions(ChatUserRef.parse("slack:U_STRANGER"))).containsExactly(Action.HELP);
    }

    @Test
    void aFailingGroupLookupDeniesRatherThanGuesses() {
        AccessPolicy flaky = new AccessPolicy(parseRoles(parse(YAML).get("roles")), user -> {
            throw new IllegalStateException("Graph API unreachable");
        });
        AccessDecision decision = flaky.check(ChatUserRef.parse("slack:U_REQ"), Action.NEW);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message()).contains("could not check your groups");
    }

    @Test
    void everyoneOnAPlatformCanBeMadeARequester() {
        AccessPolicy open = new AccessPolicy(RolesConfig.fromJson(parse("roles: {requesters: ['slack:*']}").get("roles")));
        assertThat(open.check(ChatUserRef.parse("slack:U_ANY"), Action.NEW).allowed()).isTrue();
        assertThat(open.check(ChatUserRef.parse("teams:U_ANY"), Action.NEW).allowed()).isFalse();
    }

    @Test
    void theZeroConfigLocalUserIsAdmin() {
        ChatUserRef local = new ChatUserRef("terminal", "alice");
        AccessPolicy zero = new AccessPolicy(RolesConfig.localAdmin(local));
        assertThat(zero.check(local, Action.DELETE).allowed()).isTrue();
        assertThat(zero.check(local, Action.NEW).allowed()).isTrue();
        assertThat(zero.check(new ChatUserRef("terminal", "bob"), Action.NEW).allowed()).isFalse();
    }

    @Test
    void noUserOrNoActionIsRefused() {
        assertThat(policy.check(null, Action.NEW).allowed()).isFalse();
        assertThat(policy.check(ChatUserRef.parse("slack:U_REQ"), null).allowed()).isFalse();
    }

    @Test
    void badRoleEntriesAreRefusedWithTheFormatToUse() {
        assertThatThrownBy(() -> RolesConfig.fromJson(parse("roles: {approvers: ['U024BE7LH']}").get("roles")))
                .hasMessageContaining("roles.approvers").hasMessageContaining("'U024BE7LH'")
                .hasMessageContaining("slack:U024BE7LH");
        assertThatThrownBy(() -> RolesConfig.fromJson(parse("roles: {approver: ['slack:U1']}").get("roles")))
                .hasMessageContaining("roles.approver is not a role");
        assertThatThrownBy(() -> RolesConfig.fromJson(parse("roles: {admins: 'slack:U1'}").get("roles")))
                .hasMessageContaining("must be a list");
    }

    private static RolesConfig parseRoles(JsonNode node) {
        return RolesConfig.fromJson(node);
    }

    private static JsonNode parse(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
