package dev.ecabot.salesforce;

/**
 * The bot could not sign in to an org: the OAuth error Salesforce gave (e.g. invalid_grant and its description),
 * or a local problem (missing environment variable, unreadable key), plus the likely cause and fix.
 */
public final class SignInException extends SalesforceException {

    private final String org;
    private final String problem;
    private final String fix;

    public SignInException(String org, String problem, String fix) {
        super("Could not sign in to org '" + org + "': " + problem + ". " + fix);
        this.org = org;
        this.problem = problem;
        this.fix = fix;
    }

    public String org() {
        return org;
    }

    /** What went wrong, e.g. "invalid_grant: audience is invalid". */
    public String problem() {
        return problem;
    }

    /** The likely cause and what to change. */
    public String fix() {
        return fix;
    }
}
