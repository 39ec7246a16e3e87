package dev.ecabot.eca;

/** Who may authorize the app (permittedUsersPolicyType). */
public enum PermittedUsers implements MetadataToken {
    ALL_SELF_AUTHORIZED("AllSelfAuthorized"), ADMIN_APPROVED_PRE_AUTHORIZED("AdminApprovedPreAuthorized");

    private final String token;

    PermittedUsers(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static PermittedUsers fromToken(String token) {
        return MetadataToken.fromToken(PermittedUsers.class, token);
    }
}
