package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInTest {

    private static final String BOT_KEY = "3MVG9TestOnlyBotConsumerKey";
    private static final String JWT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrg() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        emulator.org().registerJwtBearerApp(BOT_KEY, TestKeys.CERTIFICATE, LoginEnvironment.PRODUCTION, "bot@acme.example.org");
        client = new OrgClient(emulator.baseUrl());
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void jwtBearerSignInAnswersLikeSalesforceAndOpensASession() {
        OrgClient.Reply reply = client.token(OrgClient.form("grant_type", JWT, "assertion",
                TestKeys.assertion(BOT_KEY, "bot@acme.example.org", "https://login.salesforce.com")));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("access_token").asText()).startsWith(emulator.org().orgId().substring(0, 15) + "!");
        assertThat(body.get("instance_url").asText()).isEqualTo(emulator.baseUrl());
        assertThat(body.get("id").asText()).matches(emulator.baseUrl() + "/id/00D\\w{15}/005\\w{15}");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(Long.parseLong(body.get("issued_at").asText())).isCloseTo(Instant.now().toEpochMilli(),
                org.assertj.core.data.Offset.offset(60_000L));
        assertThat(Base64.getDecoder().decode(body.get("signature").asText())).hasSize(32);
        OrgClient.Reply query = client.withToken(body.get("access_token").asText())
                .query("SELECT Id FROM ExternalClientApplication");
        assertThat(query.status()).isEqualTo(200);
    }

    @Test
    void assertionSignedByAnotherKeyIsRefusedAsInvalid() {
        String forged = TestKeys.assertion(TestKeys.otherKey(), BOT_KEY, "bot@acme.example.org",
                "https://login.salesforce.com", Instant.now().plusSeconds(120));

        assertRefused(OrgClient.form("grant_type", JWT, "assertion", forged), "invalid_grant", "invalid assertion");
    }

    @Test
    void sandboxAppRefusesTheProductionAudience() {
        emulator.org().registerJwtBearerApp("3MVG9SandboxBot", TestKeys.CERTIFICATE, LoginEnvironment.SANDBOX,
                "bot@acme.example.org.uat");

        assertRefused(OrgClient.form("grant_type", JWT, "assertion", TestKeys.assertion("3MVG9SandboxBot",
                "bot@acme.example.org.uat", "https://login.salesforce.com")), "invalid_grant", "audience is invalid");
        OrgClient.Reply sandbox = client.token(OrgClient.form("grant_type", JWT, "assertion", TestKeys.assertion(
                "3MVG9SandboxBot", "bot@acme.example.org.uat", "https://test.salesforce.com")));
        assertThat(sandbox.status()).isEqualTo(200);
    }

    @Test
    void expiredAssertionIsRefused() {
        String expired = TestKeys.assertion(TestKeys.PRIVATE_KEY, BOT_KEY, "bot@acme.example.org",
                "https://login.salesforce.com", Instant.now().minusSeconds(30));

        assertRefused(OrgClient.form("grant_type", JWT, "assertion", expired), "invalid_grant", "expired authorization code");
    }

    @Test
    void anAssertionAsTheSalesforceCliSendsItIsAccepted() {
        // @salesforce/core signs exp = Date.now() + 300: milliseconds, read by Salesforce as seconds far ahead.
        String cli = TestKeys.assertion(TestKeys.PRIVATE_KEY, BOT_KEY, "bot@acme.example.org",
                "https://login.salesforce.com", Instant.ofEpochSecond(System.currentTimeMillis() + 300));

        assertThat(client.token(OrgClient.form("grant_type", JWT, "assertion", cli)).status()).isEqualTo(200);
    }

    @Test
    void prnIsTakenForSubAndExpMayBeANumericString() throws Exception {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(BOT_KEY)
                .claim("prn", "bot@acme.example.org").audience("https://login.salesforce.com")
                .claim("exp", String.valueOf(Instant.now().plusSeconds(120).getEpochSecond())).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(TestKeys.PRIVATE_KEY));

        assertThat(client.token(OrgClient.form("grant_type", JWT, "assertion", jwt.serialize())).status()).isEqualTo(200);
    }

    @Test
    void anExpThatIsNotANumberIsAnInvalidAssertion() throws Exception {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(BOT_KEY)
                .subject("bot@acme.example.org").audience("https://login.salesforce.com").claim("exp", "soon").build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(TestKeys.PRIVATE_KEY));

        assertRefused(OrgClient.form("grant_type", JWT, "assertion", jwt.serialize()), "invalid_grant", "expired authorization code");
    }

    @Test
    void unknownConsumerKeyIsAnInvalidClientIdentifier() {
        assertRefused(OrgClient.form("grant_type", JWT, "assertion", TestKeys.assertion("3MVG9Unknown",
                "bot@acme.example.org", "https://login.salesforce.com")), "invalid_client_id", "client identifier invalid");
    }

    @Test
    void userNotPreAuthorisedHasNotApprovedTheConsumer() {
        assertRefused(OrgClient.form("grant_type", JWT, "assertion", TestKeys.assertion(BOT_KEY,
                "someone.else@acme.example.org", "https://login.salesforce.com")),
                "invalid_grant", "user hasn't approved this consumer");
    }

    @Test
    void garbageAssertionIsInvalid() {
        assertRefused(OrgClient.form("grant_type", JWT, "assertion", "not-a-jwt"), "invalid_grant", "invalid assertion");
    }

    @Test
    void clientCredentialsSignInWorksWithFormFieldsAndWithHttpBasic() {
        emulator.org().registerClientCredentials("cc-id", "cc-secret", "integration@acme.example.org");

        assertThat(client.token(OrgClient.form("grant_type", "client_credentials", "client_id", "cc-id",
                "client_secret", "cc-secret")).status()).isEqualTo(200);
        OrgClient.Reply none = client.token("grant_type=client_credentials");
        assertThat(none.status()).as("no credentials at all").isEqualTo(400);
        java.net.http.HttpResponse<String> viaBasic = postWithBasic("cc-id", "cc-secret");
        assertThat(viaBasic.statusCode()).isEqualTo(200);
        assertThat(viaBasic.body()).contains("\"instance_url\":\"" + emulator.baseUrl() + "\"");
    }

    @Test
    void wrongClientSecretIsInvalidClientCredentials() {
        emulator.org().registerClientCredentials("cc-id", "cc-secret", "integration@acme.example.org");

        assertRefused(OrgClient.form("grant_type", "client_credentials", "client_id", "cc-id", "client_secret", "nope"),
                "invalid_client", "invalid client credentials");
        assertRefused(OrgClient.form("grant_type", "client_credentials", "client_id", "other", "client_secret", "x"),
                "invalid_client_id", "client identifier invalid");
    }

    @Test
    void unknownGrantTypeIsUnsupported() {
        assertRefused(OrgClient.form("grant_type", "password", "username", "a", "password", "b"),
                "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void callsWithoutAValidTokenAnswerInvalidSession() {
        OrgClient.Reply missing = client.get(OrgClient.API + "/query?q=SELECT+Id+FROM+ExternalClientApplication");
        OrgClient.Reply unknown = client.withToken("00D000000000000!bogus").get(OrgClient.API + "/metadata/deployRequest/0Af000000000001AAA");

        for (OrgClient.Reply reply : new OrgClient.Reply[] {missing, unknown}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
            assertThat(reply.json().get(0).get("message").asText()).isEqualTo("Session expired or invalid");
        }
    }

    @Test
    void sessionsEndWhenTheOrgExpiresThem() {
        OrgClient signedIn = OrgClient.signedIn(emulator);
        assertThat(signedIn.query("SELECT Id FROM ExternalClientApplication").status()).isEqualTo(200);

        emulator.faults().expireAllSessions();

        OrgClient.Reply after = signedIn.query("SELECT Id FROM ExternalClientApplication");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    void sessionsLastTheConfiguredTimeout() {
        try (SalesforceEmulator shortLived = SalesforceEmulator.builder().sessionTimeout(Duration.ofMillis(300))
                .build().start()) {
            OrgClient signedIn = OrgClient.signedIn(shortLived);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() ->
                    signedIn.query("SELECT Id FROM ExternalClientApplication").status() == 401);
        }
    }

    private void assertRefused(String form, String error, String description) {
        OrgClient.Reply reply = client.token(form);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo(error);
        assertThat(reply.json().get("error_description").asText()).isEqualTo(description);
    }

    private java.net.http.HttpResponse<String> postWithBasic(String id, String secret) {
        try {
            String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(emulator.baseUrl() + "/services/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
