package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecabot.emulator.org.SalesforceIds;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void eighteenCharacterSuffixFollowsSalesforcesChecksum() {
        assertThat(SalesforceIds.withSuffix("a0D30000001n7Pi")).isEqualTo("a0D30000001n7PiEAI");
    }

    @Test
    void newIdsCarryTheKeyPrefixAndMatchTheirFifteenCharacterForm() {
        String id = new SalesforceIds("5g").next("0Af");

        assertThat(id).hasSize(18).startsWith("0Af5g");
        assertThat(SalesforceIds.withSuffix(id.substring(0, 15))).isEqualTo(id);
        assertThat(SalesforceIds.sameId(id, id.substring(0, 15))).isTrue();
    }
}
