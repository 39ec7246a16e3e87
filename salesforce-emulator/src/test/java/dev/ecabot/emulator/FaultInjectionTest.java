package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final String SOQL = "SELECT Id FROM ExternalClientApplication";

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrg() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        client = OrgClient.signedIn(emulator);
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void theNextRequestsAnswerServerErrorsThenTheOrgRecovers() {
        emulator.faults().failNextRequests(2, 503);

        OrgClient.Reply first = client.query(SOQL);
        OrgClient.Reply second = client.query(SOQL);
        OrgClient.Reply third = client.query(SOQL);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get(0).get("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void failuresCanBeOtherServerErrors() {
        emulator.faults().failNextRequests(1, 500);

        OrgClient.Reply reply = client.query(SOQL);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("UNKNOWN_EXCEPTION");
    }

    @Test
    void droppedConnectionsGiveNoAnswerAtAll() {
        emulator.faults().dropNextConnections(1);
        String signIn = OrgClient.form("grant_type", "client_credentials", "client_id", OrgClient.CLIENT_ID,
                "client_secret", OrgClient.CLIENT_SECRET);

        // A POST: java.net.http silently retries a GET once when its connection closes.
        assertThatThrownBy(() -> client.token(signIn)).isInstanceOf(UncheckedIOException.class);
        assertThat(client.token(signIn).status()).isEqualTo(200);
        assertThat(emulator.org().calls()).extracting(RecordedCall::status).containsExactly(200, 0, 200);
    }

    @Test
    void slowDeploysStayInProgressUntilTheirDelayEnds() {
        emulator.faults().deployDelay(Duration.ofSeconds(30));
        String id = client.deploy(DeployZip.sampleApp(), "{}").json().get("id").asText();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                client.get(OrgClient.API + "/metadata/deployRequest/" + id).json().at("/deployResult/status").asText()
                        .equals("InProgress"));
        assertThat(emulator.org().apps()).isEmpty();
    }

    @Test
    void theCallLogKeepsMethodPathAndStatusButNoQueryString() {
        client.query(SOQL);

        RecordedCall last = emulator.org().calls().get(emulator.org().calls().size() - 1);
        assertThat(last.method()).isEqualTo("GET");
        assertThat(last.path()).isEqualTo("/services/data/v64.0/query");
        assertThat(last.status()).isEqualTo(200);
        assertThat(emulator.org().calls().get(0).path()).isEqualTo("/services/oauth2/token");
    }

    @Test
    void badFaultSettingsAreRefusedWithTheLimit() {
        assertThatThrownBy(() -> emulator.faults().failNextRequests(1, 404))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5xx");
        assertThatThrownBy(() -> SalesforceEmulator.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..65535");
    }
}
