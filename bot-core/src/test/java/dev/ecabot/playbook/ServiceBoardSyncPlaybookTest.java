package dev.ecabot.playbook;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.ecabot.eca.EcaComponentType.APP;
import static dev.ecabot.eca.EcaComponentType.GLOBAL_OAUTH;
import static dev.ecabot.eca.EcaComponentType.OAUTH_POLICIES;
import static dev.ecabot.eca.EcaComponentType.OAUTH_SETTINGS;
import static dev.ecabot.playbook.ShippedPlaybooks.answers;
import static dev.ecabot.playbook.ShippedPlaybooks.render;
import static dev.ecabot.playbook.ShippedPlaybooks.rendered;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002: the Service Board Sync guide (client credentials, server to server). */
class ServiceBoardSyncPlaybookTest {

    private static final String ID = "service-board-sync";

    private static Rendering acme() {
        return rendered(ID, "tenant_domain", "acme.serviceboard.example.com", "run_as_user", "sync@acme.example.com");
    }

    @Test
    void producesExactlyTheSettingsOfTheServiceBoardGuide() {
        Rendering r = acme();

        assertThat(r.spec().app()).isEqualTo(AppInfo.local("Acme_Integration", "Acme Integration", "admins@acme.example.com"));
        assertThat(r.spec().app().distributionState()).isEqualTo(DistributionState.LOCAL);
        assertThat(r.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://acme.serviceboard.example.com/oauth")
                .clientCredentialsFlowEnabled(true)
                .pkceRequired(false)
                .secretRequiredForWebServerFlow(true)
                .secretRequiredForRefreshToken(true)
                .build());
        assertThat(r.spec().oauth()).isEqualTo(OauthSettings.of(List.of(OauthScope.BASIC, OauthScope.API)));
        assertThat(r.spec().policies()).isEqualTo(OauthPolicies.builder()
                .clientCredentialsFlowEnabled(true)
                .clientCredentialsFlowUser("sync@acme.example.com")
                .ipRelaxation(IpRelaxation.BYPASS)
                .build());
        assertThat(r.delivery()).isEqualTo(Delivery.KEY_AND_SECRET);
    }

    @Test
    void theWrittenMetadataEnablesClientCredentialsInBothFilesWithTheRunAsUser(@TempDir Path dir) {
        WrittenMetadata files = WrittenMetadata.write(acme().spec(), dir);

        assertThat(files.value(APP, "distributionState")).isEqualTo("Local");
        assertThat(files.callbackUrls()).containsExactly("https://acme.serviceboard.example.com/oauth");
        assertThat(files.value(OAUTH_SETTINGS, "commaSeparatedOauthScopes")).isEqualTo("Basic, Api");
        assertThat(files.value(GLOBAL_OAUTH, "isClientCredentialsFlowEnabled")).isEqualTo("true");
        assertThat(files.value(GLOBAL_OAUTH, "isPkceRequired")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isConsumerSecretOptional")).isEqualTo("false");
        assertThat(files.value(GLOBAL_OAUTH, "isSecretRequiredForRefreshToken")).isEqualTo("true");
        assertThat(files.value(OAUTH_POLICIES, "isClientCredentialsFlowEnabled")).isEqualTo("true");
        assertThat(files.value(OAUTH_POLICIES, "clientCredentialsFlowUser")).isEqualTo("sync@acme.example.com");
        assertThat(files.value(OAUTH_POLICIES, "ipRelaxationPolicyType")).isEqualTo("Bypass");
    }

    @Test
    void theApiNameFollowsTheGuidesRulesFromTheAppName() {
        assertThat(rendered(ID, "app_name", "Service Board  Sync (EU)", "tenant_domain", "t.example.com",
                "run_as_user", "u@acme.example.com").spec().apiName()).isEqualTo("Service_Board_Sync_EU");
        assertThat(render(ID, answers("api_name", "Service__Board_", "tenant_domain", "t.example.com",
                "run_as_user", "u@acme.example.com")).problems())
                .extracting(Problem::field).containsOnly("api_name");
    }

    @Test
    void aTenantDomainWithSchemeOrPathIsRefusedWithTheFix() {
        assertThat(render(ID, answers("tenant_domain", "https://acme.example.com/", "run_as_user", "u@acme.example.com"))
                .problems()).extracting(Problem::toString).containsExactly("tenant_domain: 'https://acme.example.com/' is not "
                + "a domain name; give only the host name, without https:// or a path, e.g. acme.serviceboard.com");
    }

    @Test
    void theRunAsUserMustBeAUsernameAndIsRequired() {
        assertThat(render(ID, answers("tenant_domain", "t.example.com", "run_as_user", "integration user")).problems())
                .extracting(Problem::field).containsExactly("run_as_user");
        assertThat(render(ID, answers("tenant_domain", "t.example.com")).problems())
                .extracting(Problem::field).containsExactly("run_as_user");
    }

    @Test
    void theAdminIsToldToCheckTheRunAsUsersPermissions() {
        assertThat(acme().manualSteps()).singleElement().asString().contains("sync@acme.example.com", "API Only");
        assertThat(acme().nextSteps()).singleElement().asString().contains("Service Board", "https://acme.serviceboard.example.com/oauth");
    }
}
