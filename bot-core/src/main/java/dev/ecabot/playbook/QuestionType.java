package dev.ecabot.playbook;

import java.util.Locale;

/**
 * The kind of answer a question takes, spelled in playbook files as {@link #yamlName()}. The typed value of an
 * answer is a String unless noted: NUMBER is an Integer, YES_NO a Boolean, the list types a List of String,
 * IP_RANGE_LIST a List of {@link dev.ecabot.eca.TrustedIpRange}.
 */
public enum QuestionType {
    /** One of the question's options. */
    CHOICE("choice"),
    /** Several of the question's options (a List of option values). */
    MULTI_CHOICE("multi-choice"),
    TEXT("text"),
    /** Several names, comma separated (e.g. permission sets). */
    TEXT_LIST("text-list"),
    EMAIL("email"),
    /** An https URL (a custom scheme such as cursor:// only where the question's validation allows it). */
    URL("url"),
    URL_LIST("url-list"),
    /** A Salesforce API name: letters, digits and underscores, starting with a letter, no "__", no trailing "_". */
    API_NAME("api-name"),
    /** A Salesforce username (shaped like an email address). */
    USER("user"),
    NUMBER("number"),
    YES_NO("yes-no"),
    /** IPv4 ranges "start-end" or single addresses, comma separated, at most 128. */
    IP_RANGE_LIST("ip-range-list"),
    /** A PEM X.509 certificate (for the JWT bearer flow). */
    CERTIFICATE("certificate"),
    /** The Salesforce org to provision in; its options are the bot's configured orgs, supplied at run time. */
    ORG("org");

    private final String yamlName;

    QuestionType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** True for types whose answers are lists. */
    public boolean isList() {
        return this == MULTI_CHOICE || this == TEXT_LIST || this == URL_LIST || this == IP_RANGE_LIST;
    }

    /** True for types whose answers must be one of the question's own options. */
    public boolean hasOptions() {
        return this == CHOICE || this == MULTI_CHOICE;
    }

    public static QuestionType fromYaml(String name) {
        for (QuestionType t : values()) {
            if (t.yamlName.equals(name.toLowerCase(Locale.ROOT))) return t;
        }
        throw new IllegalArgumentException("'" + name + "' is not a question type");
    }
}
