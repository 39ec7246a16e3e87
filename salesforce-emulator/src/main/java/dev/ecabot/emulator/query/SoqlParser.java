package dev.ecabot.emulator.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses the small, well-defined subset of SOQL the emulator supports (see {@link SoqlQuery}) and checks the
 * object and fields against what it knows, failing with Salesforce's error codes: MALFORMED_QUERY,
 * INVALID_TYPE, INVALID_FIELD. Stateless.
 */
public final class SoqlParser {

    /** A query Salesforce would refuse, with its errorCode. */
    public static final class SoqlException extends Exception {
        private final String errorCode;

        SoqlException(String errorCode, String message) {
            super(message);
            this.errorCode = errorCode;
        }

        public String errorCode() {
            return errorCode;
        }
    }

    private final String objectName;
    private final Map<String, String> fieldsByLowerName;
    private List<String> tokens;
    private int position;

    /** @param fields the object's queryable fields, spelled as Salesforce spells them */
    public SoqlParser(String objectName, List<String> fields) {
        this.objectName = objectName;
        this.fieldsByLowerName = fields.stream().collect(Collectors.toMap(
                f -> f.toLowerCase(Locale.ROOT), f -> f));
    }

    public synchronized SoqlQuery parse(String soql) throws SoqlException {
        tokens = tokenize(soql);
        position = 0;
        expectKeyword("SELECT");
        List<String> fields = new ArrayList<>();
        do {
            fields.add(identifier());
        } while (accept(","));
        expectKeyword("FROM");
        String object = identifier();
        if (!object.equalsIgnoreCase(objectName)) {
            throw new SoqlException("INVALID_TYPE", "sObject type '" + object + "' is not supported. If you are "
                    + "attempting to use a custom object, be sure to append the '__c' after the entity name. "
                    + "(This emulated org answers queries on " + objectName + " only.)");
        }
        List<String> canonical = new ArrayList<>();
        for (String field : fields) {
            canonical.add(field(field));
        }
        List<SoqlQuery.Condition> conditions = new ArrayList<>();
        if (acceptKeyword("WHERE")) {
            do {
                conditions.add(condition());
            } while (acceptKeyword("AND"));
        }
        String orderBy = null;
        boolean descending = false;
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            orderBy = field(identifier());
            if (acceptKeyword("DESC")) {
                descending = true;
            } else {
                acceptKeyword("ASC");
            }
        }
        Integer limit = null;
        if (acceptKeyword("LIMIT")) {
            String n = next("a number after LIMIT");
            if (!n.matches("\\d{1,9}")) {
                throw malformed("expected a number after LIMIT, found '" + n + "'");
            }
            limit = Integer.parseInt(n);
        }
        if (position < tokens.size()) {
            throw malformed("unexpected token: '" + tokens.get(position) + "'");
        }
        return new SoqlQuery(List.copyOf(canonical), objectName, conditions, orderBy, descending, limit);
    }

    private SoqlQuery.Condition condition() throws SoqlException {
        String field = field(identifier());
        String operator = next("an operator");
        switch (operator.toUpperCase(Locale.ROOT)) {
            case "=", "!=", "<>" -> {
                return new SoqlQuery.Condition(field, operator.equals("<>") ? "!=" : operator, List.of(literal()));
            }
            case "LIKE" -> {
                return new SoqlQuery.Condition(field, "LIKE", List.of(literal()));
            }
            case "IN" -> {
                expect("(");
                List<String> values = new ArrayList<>();
                do {
                    values.add(literal());
                } while (accept(","));
                expect(")");
                return new SoqlQuery.Condition(field, "IN", values);
            }
            default -> throw malformed("unexpected operator '" + operator + "': this org supports =, !=, LIKE and IN");
        }
    }

    private String field(String name) throws SoqlException {
        String canonical = fieldsByLowerName.get(name.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new SoqlException("INVALID_FIELD", "No such column '" + name + "' on entity '" + objectName
                    + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom "
                    + "field name. Please reference your WSDL or the describe call for the appropriate names.");
        }
        return canonical;
    }

    private String literal() throws SoqlException {
        String token = next("a quoted value");
        if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
            return token.toLowerCase(Locale.ROOT); // SOQL's boolean literals are unquoted
        }
        if (!token.startsWith("'")) {
            throw malformed("expected a value in single quotes, found '" + token + "'");
        }
        return token.substring(1);
    }

    private String identifier() throws SoqlException {
        String token = next("a name");
        if (!token.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?")) { // a field or Relation.Field
            throw malformed("expected a name, found '" + token + "'");
        }
        return token;
    }

    private void expectKeyword(String keyword) throws SoqlException {
        if (!acceptKeyword(keyword)) {
            throw malformed("expected " + keyword + (position < tokens.size() ? ", found '" + tokens.get(position) + "'" : ""));
        }
    }

    private boolean acceptKeyword(String keyword) {
        if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(keyword)
                && !tokens.get(position).startsWith("'")) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) throws SoqlException {
        if (!accept(symbol)) {
            throw malformed("expected '" + symbol + "'");
        }
    }

    private boolean accept(String symbol) {
        if (position < tokens.size() && tokens.get(position).equals(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private String next(String what) throws SoqlException {
        if (position >= tokens.size()) {
            throw malformed("unexpected end of query: expected " + what);
        }
        return tokens.get(position++);
    }

    private static SoqlException malformed(String detail) {
        return new SoqlException("MALFORMED_QUERY", "unexpected token or unsupported syntax: " + detail);
    }

    /** Splits into names, numbers, symbols and quoted strings (kept as "'" + unescaped text). */
    private static List<String> tokenize(String soql) throws SoqlException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder("'");
                i++;
                while (true) {
                    if (i >= soql.length()) {
                        throw malformed("a quoted value is not closed");
                    }
                    char d = soql.charAt(i++);
                    if (d == '\\' && i < soql.length()) {
                        value.append(soql.charAt(i++));
                    } else if (d == '\'') {
                        break;
                    } else {
                        value.append(d);
                    }
                }
                tokens.add(value.toString());
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < soql.length() && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_'
                        || soql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(soql.substring(start, i));
            } else if ((c == '!' || c == '<') && i + 1 < soql.length() && "=>".indexOf(soql.charAt(i + 1)) >= 0) {
                tokens.add(soql.substring(i, i + 2));
                i += 2;
            } else if ("(),=".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                throw malformed("unexpected character '" + c + "'");
            }
        }
        return tokens;
    }
}
