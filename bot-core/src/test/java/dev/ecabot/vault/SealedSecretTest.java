package dev.ecabot.vault;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedSecretTest {

    private static final byte[] PLAIN = "consumer-secret-8B1F3C0D".getBytes(StandardCharsets.UTF_8);
    private final MasterKey key = MasterKey.generate();

    @Test
    void whatIsSealedOpensWithTheSameKeyForTheSameOffer() {
        SealedSecret sealed = SealedSecret.seal(key, PLAIN, "offer-1");
        assertThat(SealedSecret.decode(sealed.encoded()).open(key, "offer-1")).isEqualTo(PLAIN);
        assertThat(sealed.encoded()).doesNotContain("consumer-secret");
        assertThat(sealed.toString()).isEqualTo("[sealed secret]");
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
        assertThat(SealedSecret.seal(key, PLAIN, "offer-1").encoded())
                .isNotEqualTo(SealedSecret.seal(key, PLAIN, "offer-1").encoded());
    }

    @Test
    void aTamperedCiphertextIsDetected() {
        byte[] bytes = Base64.getDecoder().decode(SealedSecret.seal(key, PLAIN, "offer-1").encoded());
        bytes[bytes.length - 5] ^= 0x01;
        SealedSecret tampered = SealedSecret.decode(Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> tampered.open(key, "offer-1")).isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aDifferentMasterKeyCannotOpenIt() {
        SealedSecret sealed = SealedSecret.seal(key, PLAIN, "offer-1");
        assertThatThrownBy(() -> sealed.open(MasterKey.generate(), "offer-1")).isInstanceOf(SealBrokenException.class)
                .hasMessageContaining("ECABOT_MASTER_KEY");
    }

    @Test
    void aSealedSecretCopiedToAnotherOfferWillNotOpen() {
        SealedSecret sealed = SealedSecret.seal(key, PLAIN, "offer-1");
        assertThatThrownBy(() -> sealed.open(key, "offer-2")).isInstanceOf(SealBrokenException.class);
    }

    @Test
    void garbageInTheDatabaseIsReportedAsAltered() {
        assertThatThrownBy(() -> SealedSecret.decode("not base64!")).isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> SealedSecret.decode("AAAA")).isInstanceOf(SealBrokenException.class);
    }
}
