package dev.ecabot.playbook;

import dev.ecabot.eca.MetadataToken;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.TrustedIpRange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The value type of one template setting, and how a template value (a YAML literal or a resolved answer) becomes
 * that type. {@link #convert} throws IllegalArgumentException with a message naming the accepted values.
 */
final class SettingKind {

    static final SettingKind BOOLEAN = new SettingKind("true or false", SettingKind::toBoolean, false);
    static final SettingKind TEXT = new SettingKind("text", SettingKind::toText, false);
    static final SettingKind INTEGER = new SettingKind("a whole number", SettingKind::toInteger, false);
    static final SettingKind TEXT_LIST = new SettingKind("a list of names", v -> toList(v, SettingKind::toText), true);
    static final SettingKind URL_LIST = new SettingKind("a list of URLs", v -> toList(v, SettingKind::toText), true);
    static final SettingKind SCOPES = new SettingKind("a list of scope tokens",
            v -> toList(v, s -> OauthScope.fromToken(toText(s))), true);
    static final SettingKind IP_RANGES = new SettingKind("a list of IP ranges start-end",
            v -> toList(v, SettingKind::toIpRange), true);

    private final String description;
    private final Function<Object, Object> converter;
    private final boolean list;
    private final Class<? extends Enum<?>> tokenType;

    private SettingKind(String description, Function<Object, Object> converter, boolean list) {
        this(description, converter, list, null);
    }

    private SettingKind(String description, Function<Object, Object> converter, boolean list,
                        Class<? extends Enum<?>> tokenType) {
        this.description = description;
        this.converter = converter;
        this.list = list;
        this.tokenType = tokenType;
    }

    /** A metadata enum, written as its token (e.g. {@code Enforce_RelaxRefresh}). */
    static <E extends Enum<E> & MetadataToken> SettingKind token(Class<E> type) {
        StringBuilder tokens = new StringBuilder();
        for (E e : type.getEnumConstants()) tokens.append(tokens.length() == 0 ? "" : ", ").append(e.token());
        return new SettingKind("one of " + tokens, v -> MetadataToken.fromToken(type, toText(v)), false, type);
    }

    Object convert(Object value) {
        return converter.apply(value);
    }

    boolean isList() {
        return list;
    }

    /** The metadata enum this kind holds, or null. */
    Class<? extends Enum<?>> tokenType() {
        return tokenType;
    }

    String description() {
        return description;
    }

    private static Object toBoolean(Object v) {
        if (v instanceof Boolean b) return b;
        if ("true".equals(v) || "yes".equals(v)) return true;
        if ("false".equals(v) || "no".equals(v)) return false;
        throw new IllegalArgumentException("'" + v + "' is not true or false");
    }

    private static String toText(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof Number || v instanceof Boolean) return String.valueOf(v);
        throw new IllegalArgumentException("expected a single value, got " + v);
    }

    private static Object toInteger(Object v) {
        if (v instanceof Integer i) return i;
        if (v instanceof Number n) return Math.toIntExact(n.longValue());
        try {
            return Integer.parseInt(toText(v).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static Object toIpRange(Object v) {
        if (v instanceof TrustedIpRange r) return r;
        String[] ends = toText(v).split("-", -1);
        if (ends.length != 2) throw new IllegalArgumentException("'" + v + "' is not an IP range start-end");
        return new TrustedIpRange(ends[0].strip(), ends[1].strip(), null);
    }

    private static List<Object> toList(Object v, Function<Object, Object> element) {
        List<Object> out = new ArrayList<>();
        if (v instanceof List<?> many) {
            for (Object each : many) out.add(element.apply(each));
        } else {
            out.add(element.apply(v));
        }
        return out;
    }
}
