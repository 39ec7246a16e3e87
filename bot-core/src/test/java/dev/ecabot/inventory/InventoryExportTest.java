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
    void formatsAreNamedByTheWordUsersType() {
        assertThat(InventoryExport.Format.named("CSV")).contains(InventoryExport.Format.CSV);
        assertThat(InventoryExport.Format.named("json")).contains(InventoryExport.Format.JSON);
        assertThat(InventoryExport.Format.named("xml")).isEmpty();
    }
}
