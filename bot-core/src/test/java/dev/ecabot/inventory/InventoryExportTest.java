package dev.ecabot.inventory;

import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The export file formats, apart from the chat. */
class InventoryExportTest {

    @Test
    void aLabelThatLooksLikeASpreadsheetFormulaIsMadeInertInCsvButKeptInJson() {
        InventoryApp app = new InventoryApp(null, "demo", "Sheet_App", "=HYPERLINK(\"http://evil\")", null, null, null,
                null, null, null, null, Instant.parse("2026-03-01T09:00:00Z"),
                SettingsJson.write(SampleSpecs.vonage("Sheet_App")), AppStatus.IMPORTED);

        assertThat(InventoryExport.csv(List.of(app))).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains(",unknown,,,,,,2026-03-01T09:00:00Z,imported");
        assertThat(InventoryExport.json(List.of(app))).contains("\"label\" : \"=HYPERLINK(\\\"http://evil\\\")\"");
    }

    @Test
    void jsonCarriesEachAppsSettingsAsAnObjectAndTheExtraColumnsAndCsvTheExtrasAsColumns() throws Exception {
        InventoryApp app = new InventoryApp(null, "demo", "Json_App", "Json app", null, "vonage", "Vonage", "slack:U1",
                null, null, "3MVGkey", Instant.parse("2026-03-01T09:00:00Z"),
                SettingsJson.write(SampleSpecs.vonage("Json_App")), AppStatus.ACTIVE);
        java.util.Map<String, String> extras = new java.util.LinkedHashMap<>();
        extras.put("owner", "slack:U1");
        extras.put("posture_high", null);

        String json = InventoryExport.write(InventoryExport.Format.JSON, List.of("owner", "posture_high"),
                sink -> { sink.add(app, extras); sink.add(app, extras); });
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.size()).isEqualTo(2);
        assertThat(tree.get(0).get("owner").asText()).isEqualTo("slack:U1");
        assertThat(tree.get(0).get("posture_high").isNull()).isTrue();
        assertThat(SettingsJson.read(tree.get(1).get("settings").toString())).isEqualTo(SampleSpecs.vonage("Json_App"));

        String csv = InventoryExport.write(InventoryExport.Format.CSV, List.of("owner", "posture_high"),
                sink -> sink.add(app, extras));
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",status,owner,posture_high");
        assertThat(csv).contains(",active,slack:U1,");
    }

    @Test
    void appsSharingTheirSettingsAreExportedExactlyAsIfEachWereCopiedOnItsOwn() throws Exception {
        // The JSON export renders each distinct settings text once and reuses it: the file must be byte for byte the
        // pretty-printed document of its own content, whichever apps share settings and in whatever order they come.
        String shared = SettingsJson.write(SampleSpecs.vonage("Shared_App"));
        String other = SettingsJson.write(SampleSpecs.vonage("Other_App"));
        List<InventoryApp> apps = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            apps.add(new InventoryApp(null, "demo", "App_" + i, "App " + i, null, "vonage", "Vonage", null, null, null,
                    null, Instant.parse("2026-03-01T09:00:00Z"), i == 2 ? other : i == 4 ? "{\"plain\":[1,true,null]}" : shared,
                    AppStatus.ACTIVE));
        }

        String json = InventoryExport.json(apps);

        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        assertThat(json).isEqualTo(mapper.writeValueAsString(mapper.readTree(json)));
        var tree = mapper.readTree(json);
        assertThat(tree.get(1).get("settings")).isEqualTo(mapper.readTree(shared));
        assertThat(tree.get(2).get("settings")).isEqualTo(mapper.readTree(other));
        assertThat(tree.get(4).get("settings").toString()).isEqualTo("{\"plain\":[1,true,null]}");
    }

    @Test
    void storedSettingsThatAreNotJsonNameTheApp() {
        InventoryApp broken = new InventoryApp(null, "demo", "Broken_App", "Broken", null, null, null, null, null, null,
                null, Instant.parse("2026-03-01T09:00:00Z"), "{not json", AppStatus.ACTIVE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InventoryExport.json(List.of(broken)))
                .hasMessageContaining("Broken_App");
    }

    @Test
    void formatsAreNamedByTheWordUsersType() {
        assertThat(InventoryExport.Format.named("CSV")).contains(InventoryExport.Format.CSV);
        assertThat(InventoryExport.Format.named("json")).contains(InventoryExport.Format.JSON);
        assertThat(InventoryExport.Format.named("xml")).isEmpty();
    }
}
