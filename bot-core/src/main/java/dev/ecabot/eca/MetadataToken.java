package dev.ecabot.eca;

/** An enum whose constants are written to and read from Salesforce metadata as fixed tokens. */
public interface MetadataToken {

    /** The exact value Salesforce's metadata uses, e.g. {@code Enforce_RelaxRefresh}. */
    String token();

    /** The constant of {@code type} whose token is {@code token}, or an error listing the accepted tokens. */
    static <E extends Enum<E> & MetadataToken> E fromToken(Class<E> type, String token) {
        for (E e : type.getEnumConstants()) {
            if (e.token().equals(token)) return e;
        }
        StringBuilder accepted = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (accepted.length() > 0) accepted.append(", ");
            accepted.append(e.token());
        }
        throw new IllegalArgumentException("'" + token + "' is not a valid " + type.getSimpleName()
                + "; use one of: " + accepted);
    }
}
