package dev.ecabot.salesforce;

import java.util.List;

/**
 * What the org registry needs from the bot's settings: the orgs configured in {@code ecabot.yaml} and whether the
 * in-process demo org may be offered. The configuration ({@code config.EcabotConfig}) implements it, so the
 * Salesforce package reads the settings without depending on how they are loaded.
 */
public interface OrgsSettings {

    /** The orgs in file order; empty when none is configured. */
    List<OrgConfig> orgs();

    /** Whether the demo org is offered when no org is configured. */
    boolean demoOrgEnabled();
}
