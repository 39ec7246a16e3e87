package dev.ecabot.eca;

/** The session security level the app requires (requiredSessionLevel); HIGH_ASSURANCE means MFA. */
public enum SessionLevel implements MetadataToken {
    STANDARD("STANDARD"), HIGH_ASSURANCE("HIGH_ASSURANCE"), LOW("LOW");

    private final String token;

    SessionLevel(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static SessionLevel fromToken(String token) {
        return MetadataToken.fromToken(SessionLevel.class, token);
    }
}
