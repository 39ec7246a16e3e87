package dev.ecabot.emulator.query;

import java.util.List;

/**
 * A parsed SOQL query of the subset the emulator answers: SELECT fields FROM object [WHERE conditions joined by
 * AND] [ORDER BY field [ASC|DESC]] [LIMIT n]. Field names are as Salesforce spells them.
 */
public record SoqlQuery(List<String> fields, String object, List<Condition> conditions, String orderBy,
                        boolean descending, Integer limit) {

    /** field = 'value', field != 'value', field LIKE 'pattern%', field IN ('a', 'b'). */
    public record Condition(String field, String operator, List<String> values) {
    }
}
