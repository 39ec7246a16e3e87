package dev.ecabot.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ecabot.access.ChatUserRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code inventory} section of ecabot.yaml: defaults, every key, and a clear message for each mistake. */
class InventorySettingsTest {

    private static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void withoutTheSectionEverythingIsOffOrDefault() {
        InventorySettings d = InventorySettings.fromJson(null);
        assertThat(d.unusedAfterDays()).isEqualTo(90);
        assertThat(d.tokenReminderLead()).isEqualTo(Duration.ofDays(7));
        assertThat(d.digest().channelFor("prod")).as("no channel digest").isEmpty();
        assertThat(d.digest().owners()).as("owners get their own lines weekly unless turned off").isTrue();
        assertThat(d.digest().enabled()).isTrue();
        assertThat(new InventorySettings.Digest(d.digest().schedule(), d.digest().zone(), null, java.util.Map.of(), false)
                .enabled()).as("neither channel nor owners: no weekly run").isFalse();
        assertThat(d.api().enabled()).isFalse();
        assertThat(d.blockedIn("prod")).isEmpty();
    }

    @Test
    void everyKeyIsRead() throws Exception {
        InventorySettings s = InventorySettings.fromJson(yaml("""
                posture: { block: { Prod: [ip-bypass], "*": [callback-insecure] } }
                unusedAfterDays: 30
                tokenReminderLead: 3d
                digest:
                  schedule: "0 30 8 ? * FRI"
                  zone: Europe/Paris
                  channel: slack:C0123ABCD
                  orgs: { prod: { channel: "teams:19:abc@thread.tacv2" } }
                api: { enabled: true, tokenEnv: MY_TOKEN }
                """));
        assertThat(s.blockedIn("prod")).containsExactlyInAnyOrder("ip-bypass", "callback-insecure");
        assertThat(s.blockedIn("uat")).containsExactly("callback-insecure");
        assertThat(s.unusedAfterDays()).isEqualTo(30);
        assertThat(s.tokenReminderLead()).isEqualTo(Duration.ofDays(3));
        assertThat(s.digest().schedule()).isEqualTo("0 30 8 ? * FRI");
        assertThat(s.digest().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(s.digest().channelFor("PROD")).contains(ChatUserRef.parse("teams:19:abc@thread.tacv2"));
        assertThat(s.digest().channelFor("uat")).contains(ChatUserRef.parse("slack:C0123ABCD"));
        assertThat(s.api()).isEqualTo(new InventorySettings.Api(true, "MY_TOKEN"));
    }

    @Test
    void mistakesSayWhatAndHowToFix() {
        assertThatThrownBy(() -> InventorySettings.fromJson(yaml("digest: { schedule: every monday }")))
                .hasMessageContaining("inventory.digest.schedule is not a Quartz cron expression").hasMessageContaining("0 0 9 ? * MON");
        assertThatThrownBy(() -> InventorySettings.fromJson(yaml("digest: { channel: general }")))
                .hasMessageContaining("inventory.digest.channel is written platform:channelId");
        assertThatThrownBy(() -> InventorySettings.fromJson(yaml("unusedAfterDays: 0")))
                .hasMessageContaining("inventory.unusedAfterDays must be at least 1");
        assertThatThrownBy(() -> InventorySettings.fromJson(yaml("apii: {}")))
                .hasMessageContaining("inventory.apii is not a setting");
        assertThatThrownBy(() -> InventorySettings.fromJson(yaml("posture: { block: { prod: ip-bypass } }")))
                .hasMessageContaining("inventory.posture.block.prod must be a list of rule ids");
        assertThatThrownBy(() -> InventorySettings.fromJson(yaml("digest: { zone: Mars/Olympus }")))
                .hasMessageContaining("inventory.digest.zone is not a time zone");
    }
}
