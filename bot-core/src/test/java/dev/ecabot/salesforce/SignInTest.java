package dev.ecabot.salesforce;

import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.ecabot.testing.EmulatedOrgs.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInTest {

    private EmulatedOrgs orgs;
    private SalesforceClients clients;

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ZERO);
        clients = new SalesforceClients(FAST);
    }

    @AfterEach
    void stop() {
        orgs.close();
    }

    private long tokenCalls() {
        return orgs.emulator().org().calls().stream().filter(c -> c.path().equals("/services/oauth2/token")).count();
    }

    @Test
    void theBotSignsInByJwtBearerAndReusesItsToken() {
        SalesforceClient client = clients.forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
        client.checkSignIn();
        assertThat(client.apps().list()).isEmpty();
        client.apps().list();
        assertThat(tokenCalls()).isEqualTo(1);
    }

    @Test
    void theBotSignsInByClientCredentials() {
        SalesforceClient client = clients.forOrg(orgs.clientCredentialsOrg("uat"));
        client.checkSignIn();
        assertThat(client.apps().find("Nope")).isEmpty();
    }

    @Test
    void aSandboxConfiguredAsProductionGetsTheAudienceExplained() {
        SalesforceClient client = clients.forOrg(orgs.jwtOrg("uat", OrgEnvironment.SANDBOX));
        assertThatThrownBy(client::checkSignIn)
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("https://test.salesforce.com")
                .hasMessageContaining("environment: production");
    }

    @Test
    void aUserWhoIsNotPreAuthorisedIsToldHowToAuthoriseThem() {
        Org base = orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION);
        Org stranger = new Org("prod", OrgEnvironment.PRODUCTION, base.loginUrl(), "68.0",
                new SignInMethod.JwtBearer(EmulatedOrgs.BOT_CONSUMER_KEY, "someone.else@acme.example.org",
                        EmulatedOrgs.keyFile("bot.key.pem")), false);
        assertThatThrownBy(() -> clients.forOrg(stranger).checkSignIn())
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("pre-authorized");
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsNamedAsTheCause() {
        Org base = orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION);
        Org wrongKey = new Org("prod", OrgEnvironment.PRODUCTION, base.loginUrl(), "68.0",
                new SignInMethod.JwtBearer(EmulatedOrgs.BOT_CONSUMER_KEY, EmulatedOrgs.BOT_USER,
                        EmulatedOrgs.keyFile("other.key.pem")), false);
        assertThatThrownBy(() -> clients.forOrg(wrongKey).checkSignIn())
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("certificate");
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() {
        Org base = orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION);
        Org pkcs1 = new Org("prod", OrgEnvironment.PRODUCTION, base.loginUrl(), "68.0",
                new SignInMethod.JwtBearer(EmulatedOrgs.BOT_CONSUMER_KEY, EmulatedOrgs.BOT_USER,
                        EmulatedOrgs.keyFile("bot-pkcs1.key.pem")), false);
        assertThatThrownBy(() -> clients.forOrg(pkcs1).checkSignIn())
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void aWrongClientSecretIsReportedWithoutRevealingIt() {
        Org wrong = new Org("uat", OrgEnvironment.PRODUCTION, orgs.baseUrl(), "68.0",
                SignInMethod.ClientCredentials.of(EmulatedOrgs.CLIENT_ID, Secret.of("not-the-secret-42")), false);
        assertThatThrownBy(() -> clients.forOrg(wrong).checkSignIn())
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("client id and secret")
                .hasMessageNotContaining("not-the-secret-42");
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallRepeated() {
        SalesforceClient client = clients.forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
        client.apps().list();
        orgs.emulator().faults().expireAllSessions();
        assertThat(client.apps().list()).isEmpty();
        assertThat(tokenCalls()).isEqualTo(2);
        assertThat(orgs.emulator().org().calls()).filteredOn(c -> c.status() == 401).hasSize(1);
    }

    @Test
    void anExpiredSessionDuringASoapReadIsRenewedToo() {
        SalesforceClient client = clients.forOrg(orgs.jwtOrg("prod", OrgEnvironment.PRODUCTION));
        client.checkSignIn();
        orgs.emulator().faults().expireAllSessions();
        assertThat(client.soap().listMetadata(java.util.List.of("ExtlClntAppOauthSettings"))).isEmpty();
        assertThat(tokenCalls()).isEqualTo(2);
    }
}
