package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken playbook stops loading with one line per problem: the file, the JSON path and what is wrong. */
class BrokenPlaybooksTest {

    @TempDir
    Path dir;

    /** A valid playbook; each test breaks one thing in it. */
    private static final String VALID = """
            id: acme
            title: Acme sync
            vendor: Acme
            description: Syncs accounts with Acme.
            source: { seed: none }
            delivery: key-and-secret
            questions:
              - id: region
                type: choice
                prompt: Which region?
                options:
                  - { value: eu, label: Europe }
                  - { value: us, label: United States }
              - id: days
                type: number
                required: false
                prompt: Refresh token days?
            template:
              oauth_settings:
                callback_urls: [ "https://${region}.acme.example.com/oauth" ]
                scopes: [ Api ]
              policies:
                ip_relaxation: Enforce
            next_steps:
              - Paste the key into Acme ${region}.
            """;

    private List<String> problemsOf(String fileName, String yaml) throws IOException {
        Files.writeString(dir.resolve(fileName), yaml);
        try {
            new PlaybookLoader().load(Optional.of(dir));
        } catch (PlaybookLoadException e) {
            return e.problems();
        }
        throw new AssertionError("the playbook loaded without problems");
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void theValidPlaybookLoads() throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), VALID);
        assertThat(new PlaybookLoader().load(Optional.of(dir)).find("acme")).isPresent();
    }

    @Test
    void anIdThatDiffersFromTheFileNameIsRefused() throws IOException {
        assertThat(problemsOf("acme-sync.yaml", VALID)).containsExactly(file("acme-sync.yaml")
                + ": $.id: is 'acme' but the file is acme-sync.yaml; the id must equal the file name without .yaml");
    }

    @Test
    void anUnknownQuestionTypeIsASchemaError() throws IOException {
        assertThat(problemsOf("acme.yaml", VALID.replace("type: number", "type: integer")))
                .singleElement().asString().startsWith(file("acme.yaml") + ": $.questions[1].type: ")
                .contains("enumeration");
    }

    @Test
    void aConditionOnAnUnknownOrLaterQuestionIsRefused() throws IOException {
        String yaml = VALID.replace("    prompt: Which region?", "    prompt: Which region?\n    when: { days: 3 }")
                .replace("    prompt: Refresh token days?", "    prompt: Refresh token days?\n    when: { colour: red }");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(
                file("acme.yaml") + ": $.questions[0].when.days: refers to 'days', which is not an earlier question; "
                        + "a condition may only name questions asked before it",
                file("acme.yaml") + ": $.questions[1].when.colour: refers to 'colour', which is not an earlier question; "
                        + "a condition may only name questions asked before it");
    }

    @Test
    void aConditionValueThatIsNotAnOptionIsRefused() throws IOException {
        String yaml = VALID.replace("    prompt: Refresh token days?", "    prompt: Refresh token days?\n    when: { region: asia }");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(file("acme.yaml")
                + ": $.questions[1].when.region: 'asia' is not an option of region; its options are eu, us");
    }

    @Test
    void duplicateOptionsAreRefused() throws IOException {
        String yaml = VALID.replace("{ value: us, label: United States }", "{ value: EU, label: Europe }");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(
                file("acme.yaml") + ": $.questions[0].options[1].value: 'EU' is used by an earlier option; option values must be unique",
                file("acme.yaml") + ": $.questions[0].options[1].label: 'Europe' is used by an earlier option; option labels must be unique");
    }

    @Test
    void aDefaultMustBeAValidAnswer() throws IOException {
        String yaml = VALID.replace("    required: false\n", "    required: false\n    default: soon\n")
                .replace("    prompt: Which region?", "    prompt: Which region?\n    default: mars");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(
                file("acme.yaml") + ": $.questions[0].default: 'mars' is not one of the options; answer one of: eu, us "
                        + "(the default must be a valid choice answer)",
                file("acme.yaml") + ": $.questions[1].default: 'soon' is not a whole number (the default must be a valid number answer)");
    }

    @Test
    void templateTokensMustBeSalesforces() throws IOException {
        String yaml = VALID.replace("scopes: [ Api ]", "scopes: [ Api, mcp_api ]").replace("ip_relaxation: Enforce", "ip_relaxation: Relax");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(
                file("acme.yaml") + ": $.template.oauth_settings.scopes: 'mcp_api' is not a valid OauthScope; use one of: "
                        + "Basic, Api, Web, Full, Chatter, CustomApplications, RefreshToken, OpenID, Profile, Email, Address, "
                        + "Phone, CustomPermissions, MCP; oauth_settings.scopes takes a list of scope tokens",
                file("acme.yaml") + ": $.template.policies.ip_relaxation: 'Relax' is not a valid IpRelaxation; use one of: "
                        + "Enforce, Enforce_RelaxRefresh, Bypass, Bypass_2factor; policies.ip_relaxation takes one of "
                        + "Enforce, Enforce_RelaxRefresh, Bypass, Bypass_2factor");
    }

    @Test
    void aChoiceFeedingATokenSettingMustOfferOnlyTokens() throws IOException {
        String yaml = VALID.replace("ip_relaxation: Enforce", "ip_relaxation: ${region}");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(
                file("acme.yaml") + ": $.template.policies.ip_relaxation: option 'eu' of region is not valid for "
                        + "policies.ip_relaxation: 'eu' is not a valid IpRelaxation; use one of: Enforce, Enforce_RelaxRefresh, Bypass, Bypass_2factor",
                file("acme.yaml") + ": $.template.policies.ip_relaxation: option 'us' of region is not valid for "
                        + "policies.ip_relaxation: 'us' is not a valid IpRelaxation; use one of: Enforce, Enforce_RelaxRefresh, Bypass, Bypass_2factor");
    }

    @Test
    void aSettingReferringToAQuestionOfTheWrongTypeIsRefused() throws IOException {
        String yaml = VALID.replace("  policies:\n", "  security:\n    require_pkce: ${region}\n  policies:\n");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(file("acme.yaml")
                + ": $.template.security.require_pkce: security.require_pkce takes true or false, but ${region} is a choice question");
    }

    @Test
    void referencesToUnknownQuestionsAreRefusedWherever() throws IOException {
        String yaml = VALID.replace("Paste the key into Acme ${region}.", "Paste the key into Acme ${tenant}.")
                .replace("https://${region}.acme", "https://${zone}.acme");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(
                file("acme.yaml") + ": $.template.oauth_settings.callback_urls[0]: refers to ${zone}, which is not a question of this playbook",
                file("acme.yaml") + ": $.next_steps[0]: refers to ${tenant}, which is not a question of this playbook");
    }

    @Test
    void aPlaybookMayNotRedefineACommonQuestion() throws IOException {
        String yaml = VALID.replace("  - id: days", "  - id: app_name");
        assertThat(problemsOf("acme.yaml", yaml)).containsExactly(file("acme.yaml") + ": $.questions[1].id: 'app_name' "
                + "is already a question (a common question every playbook asks first); give this one another id");
    }

    @Test
    void anUnknownSettingOrAMissingFieldIsASchemaError() throws IOException {
        String yaml = VALID.replace("    ip_relaxation: Enforce", "    ip_relaxation: Enforce\n    relax_everything: true")
                .replace("description: Syncs accounts with Acme.\n", "");
        List<String> problems = problemsOf("acme.yaml", yaml);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(file("acme.yaml") + ": $: ").contains("description");
        assertThat(problems.get(1)).startsWith(file("acme.yaml") + ": $.template.policies: ").contains("relax_everything");
    }

    @Test
    void yamlThatDoesNotParseNamesTheLine() throws IOException {
        assertThat(problemsOf("acme.yaml", VALID.replace("title: Acme sync", "title: [Acme sync")))
                .singleElement().asString().startsWith(file("acme.yaml") + ": $: not valid YAML at line ")
                .doesNotContain("\n");
    }

    @Test
    void aDuplicateKeyIsNotSilentlyOverwritten() throws IOException {
        assertThat(problemsOf("acme.yaml", VALID.replace("vendor: Acme\n", "vendor: Acme\nvendor: Other\n")))
                .singleElement().asString().startsWith(file("acme.yaml") + ": $: not valid YAML").contains("vendor");
    }

    @Test
    void everyBrokenFileIsReportedAtOnce() throws IOException {
        Files.writeString(dir.resolve("other.yaml"), VALID.replace("id: acme", "id: other").replace("scopes: [ Api ]", "scopes: [ Apii ]"));
        List<String> problems = problemsOf("acme-sync.yaml", VALID);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith(file("acme-sync.yaml") + ": $.id:");
        assertThat(problems.get(1)).startsWith(file("other.yaml") + ": $.template.oauth_settings.scopes:");
        assertThatThrownBy(() -> new PlaybookLoader().load(Optional.of(dir)))
                .hasMessageStartingWith("2 problems in the playbooks:\n");
    }
}
