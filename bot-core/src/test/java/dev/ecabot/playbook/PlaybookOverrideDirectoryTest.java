package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An admin's directory (ECABOT_PLAYBOOKS_DIR) adds playbooks and overrides shipped ones of the same id. */
class PlaybookOverrideDirectoryTest {

    @TempDir
    Path dir;

    private static String shipped(String id) throws IOException {
        try (InputStream in = PlaybookOverrideDirectoryTest.class.getResourceAsStream("/playbooks/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPlaybookInTheDirectoryReplacesTheShippedOneWithTheSameId() throws IOException {
        Files.writeString(dir.resolve("vonage-ai-studio.yaml"), shipped("vonage-ai-studio")
                .replace("https://api-eu.vonage.com/oauth/redirect", "https://api-us.vonage.com/oauth/redirect"));

        PlaybookCatalog catalog = new PlaybookLoader().load(Optional.of(dir));
        Playbook vonage = catalog.find("vonage-ai-studio").orElseThrow();

        assertThat(vonage.origin()).isEqualTo(dir.resolve("vonage-ai-studio.yaml").toString());
        assertThat(new PlaybookRenderer().render(vonage, ShippedPlaybooks.answers()).orElseThrow()
                .spec().globalOauth().callbackUrls()).containsExactly("https://api-us.vonage.com/oauth/redirect");
        assertThat(catalog.all()).hasSize(5);
    }

    @Test
    void aNewPlaybookInTheDirectoryIsAddedWithTheCommonQuestions() throws IOException {
        Files.writeString(dir.resolve("acme-sync.yaml"), shipped("vonage-ai-studio")
                .replace("id: vonage-ai-studio", "id: acme-sync").replace("vendor: Vonage", "vendor: Acme"));
        Files.writeString(dir.resolve("README.txt"), "not a playbook");

        PlaybookCatalog catalog = new PlaybookLoader().load(Optional.of(dir));

        assertThat(catalog.all()).extracting(Playbook::id).contains("acme-sync", "vonage-ai-studio").hasSize(6);
        assertThat(catalog.find("acme-sync").orElseThrow().question("api_name")).isPresent();
        assertThat(catalog.search("acme")).extracting(Playbook::id).containsExactly("acme-sync");
    }

    @Test
    void aBrokenOverrideStopsLoadingRatherThanFallingBackSilently() throws IOException {
        Files.writeString(dir.resolve("vonage-ai-studio.yaml"), shipped("vonage-ai-studio").replace("ip_relaxation: Bypass", "ip_relaxation: Relax"));

        assertThatThrownBy(() -> new PlaybookLoader().load(Optional.of(dir)))
                .isInstanceOf(PlaybookLoadException.class)
                .hasMessageContaining(dir.resolve("vonage-ai-studio.yaml") + ": $.template.policies.ip_relaxation: 'Relax' is not a valid IpRelaxation");
    }

    @Test
    void aMissingDirectoryIsReportedWithTheVariableName() {
        assertThatThrownBy(() -> new PlaybookLoader().load(Optional.of(dir.resolve("nope"))))
                .isInstanceOf(PlaybookLoadException.class)
                .hasMessageContaining("ECABOT_PLAYBOOKS_DIR " + dir.resolve("nope") + " is not a directory");
    }
}
