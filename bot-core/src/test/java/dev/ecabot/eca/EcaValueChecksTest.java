package dev.ecabot.eca;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Single-value checks that playbook questions reuse (email, URL, IPv4). */
class EcaValueChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin@example.com", "first.last+eca@sub.example.co.uk", "ops@my-company.example",
            "o'neil@xn--bcher-kva.example"})
    void plausibleEmailAddressesPass(String email) {
        assertThat(EcaValueChecks.email(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "admin@example", "a b@example.com", "a@@example.com", " ", "ops@-example.com",
            "ops@example-.com", "ops@example..com", "ops@.example.com", "ops@example.c0m"})
    void implausibleEmailAddressesAreExplained(String email) {
        assertThat(EcaValueChecks.email(email)).hasValueSatisfying(m -> assertThat(m).contains("@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "203.0.113.10", "255.255.255.255"})
    void dottedQuadsPass(String ip) {
        assertThat(EcaValueChecks.ipv4(ip)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4/24", "::1", "a.b.c.d"})
    void otherAddressesAreExplained(String ip) {
        assertThat(EcaValueChecks.ipv4(ip)).hasValueSatisfying(m -> assertThat(m).contains("four numbers 0-255"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://oauth.pstmn.io/v1/callback", "https://api-eu.vonage.com/oauth/redirect",
            "http://localhost:8675/callback", "https://tenant.example.com:8443/oauth?x=1"})
    void callbackUrlsFromTheSeedsPass(String url) {
        assertThat(EcaValueChecks.callbackUrl(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.example.com/logo.png"})
    void httpsUrlsPass(String url) {
        assertThat(EcaValueChecks.httpsUrl(url)).isEmpty();
        assertThat(EcaValueChecks.httpsUrl(url.replace("https", "http"))).isPresent();
    }
}
