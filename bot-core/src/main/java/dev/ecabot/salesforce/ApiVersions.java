package dev.ecabot.salesforce;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The API versions an org serves, as {@code GET /services/data/} lists them (e.g. "31.0" ... "68.0"), newest last.
 * Immutable.
 */
public record ApiVersions(List<String> served) {

    public ApiVersions {
        served = served.stream().sorted(Comparator.comparingDouble(ApiVersions::number)).toList();
    }

    /** The newest version the org serves, if it listed any. */
    public Optional<String> latest() {
        return served.isEmpty() ? Optional.empty() : Optional.of(served.get(served.size() - 1));
    }

    public boolean serves(String version) {
        return served.stream().anyMatch(v -> number(v) == number(version));
    }

    /** The release name Salesforce gives a version: 66.0 Spring '26, 67.0 Summer '26, 68.0 Winter '27. */
    public static String releaseName(String version) {
        int k = (int) number(version) - 66;
        int cycle = Math.floorDiv(k, 3);
        int season = Math.floorMod(k, 3);
        return switch (season) {
            case 0 -> "Spring '" + two(26 + cycle);
            case 1 -> "Summer '" + two(26 + cycle);
            default -> "Winter '" + two(27 + cycle);
        };
    }

    static double number(String version) {
        try {
            return Double.parseDouble(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String two(int year) {
        return String.format("%02d", Math.floorMod(year, 100));
    }
}
