package dev.ecabot.vault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {

    @Test
    void aSecretPrintedByMistakeShowsNoValue() {
        Secret s = Secret.of("8B1F3C0DDEADBEEF");
        assertThat(s.toString()).isEqualTo("[secret]");
        assertThat("consumer secret is " + s).doesNotContain("DEADBEEF");
        assertThat(s.reveal()).isEqualTo("8B1F3C0DDEADBEEF");
    }

    @Test
    void secretsCompareByValue() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    }
}
