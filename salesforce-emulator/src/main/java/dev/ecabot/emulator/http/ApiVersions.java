package dev.ecabot.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API versions the emulated org serves: 31.0 (Summer '14, the oldest a current org still serves since
 * Salesforce retired 21.0 to 30.0 in Summer '25) through the newest, 68.0 (Winter '27) by default. A
 * {@code /services/data/vNN.N/...} path outside them gets Salesforce's 404 NOT_FOUND. Immutable.
 */
public final class ApiVersions {

    public static final int OLDEST = 31;
    public static final int DEFAULT_LATEST = 68;
    private static final Pattern DATA_PATH = Pattern.compile("/services/data/v([^/]*)(/.*)?");

    private final int latest;

    public ApiVersions(int latest) {
        if (latest < OLDEST) {
            throw new IllegalArgumentException("the newest API version must be at least " + OLDEST + ", got " + latest);
        }
        this.latest = latest;
    }

    public int latest() {
        return latest;
    }

    /** "API versions 31.0 to 68.0". */
    public String describe() {
        return "API versions " + OLDEST + ".0 to " + latest + ".0";
    }

    /** Whether {@code version} ("68.0", "68") is one the org serves. */
    public boolean serves(String version) {
        Matcher m = Pattern.compile("(\\d{2,3})(\\.0)?").matcher(version == null ? "" : version.trim());
        if (!m.matches()) return false;
        int major = Integer.parseInt(m.group(1));
        return major >= OLDEST && major <= latest;
    }

    /** The body of {@code GET /services/data/}: one {label, url, version} per version, oldest first. */
    public ArrayNode listing() {
        ArrayNode list = Json.array();
        for (int v = OLDEST; v <= latest; v++) {
            list.addObject().put("label", releaseName(v)).put("url", "/services/data/v" + v + ".0").put("version", v + ".0");
        }
        return list;
    }

    /** Salesforce's 404 for a REST path naming a version the org does not serve, if {@code path} is one. */
    public Optional<ApiResponse> refusal(String path) {
        Matcher m = DATA_PATH.matcher(path);
        if (!m.matches() || serves(m.group(1))) return Optional.empty();
        return Optional.of(ApiResponse.restError(404, "NOT_FOUND", "The requested resource does not exist"));
    }

    /** 66 Spring '26, 67 Summer '26, 68 Winter '27: three releases a year, Winter named after the next year. */
    static String releaseName(int version) {
        int k = version - 66;
        int cycle = Math.floorDiv(k, 3);
        return switch (Math.floorMod(k, 3)) {
            case 0 -> "Spring '" + two(26 + cycle);
            case 1 -> "Summer '" + two(26 + cycle);
            default -> "Winter '" + two(27 + cycle);
        };
    }

    private static String two(int year) {
        return String.format("%02d", Math.floorMod(year, 100));
    }
}
