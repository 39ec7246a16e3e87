package dev.ecabot.testing;

/**
 * A playbook whose questions are named like the bot's own buttons ("approval", "reveal", "confirm"): what proves a
 * question id never collides with them, in the engine's tests and in the chat-seam suite.
 */
public final class ReservedWordsPlaybook {

    public static final String ID = "reserved-words";

    /** Three one-of questions named like the bot's own buttons, each changing a setting, so each must be answered. */
    public static final String YAML = """
            id: reserved-words
            title: Reserved Words
            vendor: Reserved Words
            description: A playbook whose questions are named like the bot's own buttons.
            source:
              document: a test
            delivery: key-and-secret
            questions:
              - id: approval
                type: yes-no
                default: no
                prompt: Require PKCE?
              - id: reveal
                type: choice
                prompt: Which scopes?
                options:
                  - { value: api, label: "API only", sets: { oauth_settings: { scopes: [ Api ] } } }
                  - { value: refresh, label: "API and refresh", sets: { oauth_settings: { scopes: [ Api, RefreshToken ] } } }
              - id: confirm
                type: yes-no
                default: yes
                prompt: Require the secret for the web server flow?
            template:
              basic_information:
                distribution_state: Local
              oauth_settings:
                callback_urls: [ "https://reserved.example.com/callback" ]
              security:
                require_pkce: ${approval}
                require_secret_for_web_server_flow: ${confirm}
            """;

    private ReservedWordsPlaybook() {
    }
}
