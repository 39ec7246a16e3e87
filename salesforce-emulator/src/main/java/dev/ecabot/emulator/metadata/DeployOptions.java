package dev.ecabot.emulator.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The deployOptions of a deploy request, with Salesforce's defaults for what the request leaves out
 * (rollbackOnError true, everything else false). Immutable.
 */
public record DeployOptions(boolean checkOnly, boolean ignoreWarnings, boolean rollbackOnError, boolean singlePackage,
                            boolean allowMissingFiles, boolean autoUpdatePackage, boolean performRetrieve,
                            boolean purgeOnDelete, boolean runAllTests, String testLevel, List<String> runTests) {

    private static final Set<String> TEST_LEVELS =
            Set.of("NoTestRun", "RunSpecifiedTests", "RunLocalTests", "RunAllTestsInOrg", "RunRelevantTests");

    /** Reads {"deployOptions":{...}}; throws IllegalArgumentException naming a bad value. */
    public static DeployOptions fromJson(JsonNode request) {
        JsonNode options = request.path("deployOptions");
        if (!options.isObject()) {
            throw new IllegalArgumentException("The json part must be an object with a \"deployOptions\" object");
        }
        String testLevel = options.hasNonNull("testLevel") ? options.get("testLevel").asText() : null;
        if (testLevel != null && !TEST_LEVELS.contains(testLevel)) {
            throw new IllegalArgumentException("Cannot deserialize value '" + testLevel + "' of testLevel: use one of "
                    + String.join(", ", TEST_LEVELS.stream().sorted().toList()));
        }
        List<String> runTests = new ArrayList<>();
        options.path("runTests").forEach(t -> runTests.add(t.asText()));
        return new DeployOptions(flag(options, "checkOnly", false), flag(options, "ignoreWarnings", false),
                flag(options, "rollbackOnError", true), flag(options, "singlePackage", false),
                flag(options, "allowMissingFiles", false), flag(options, "autoUpdatePackage", false),
                flag(options, "performRetrieve", false), flag(options, "purgeOnDelete", false),
                flag(options, "runAllTests", false), testLevel, List.copyOf(runTests));
    }

    private static boolean flag(JsonNode options, String name, boolean defaultValue) {
        JsonNode value = options.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("deployOptions." + name + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }
}
