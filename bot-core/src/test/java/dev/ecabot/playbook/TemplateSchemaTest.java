package dev.ecabot.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema that ships with the playbooks and the code agree on every template setting and question type. */
class TemplateSchemaTest {

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(PlaybookSources.schemaText());
    }

    @Test
    void theSchemaListsExactlyTheSettingsTheRendererApplies() throws IOException {
        Set<String> inSchema = new TreeSet<>();
        schema().at("/$defs/template/properties").fields().forEachRemaining(section ->
                section.getValue().path("properties").fieldNames().forEachRemaining(key -> inSchema.add(section.getKey() + "." + key)));

        assertThat(inSchema).isEqualTo(Arrays.stream(TemplateSetting.values()).map(TemplateSetting::path)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theSchemaListsExactlyTheQuestionTypes() throws IOException {
        Set<String> inSchema = new TreeSet<>();
        schema().at("/$defs/question/properties/type/enum").forEach(t -> inSchema.add(t.asText()));

        assertThat(inSchema).isEqualTo(Arrays.stream(QuestionType.values()).map(QuestionType::yamlName)
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
