/**
 * Secrets at rest and their one-time delivery: {@link dev.ecabot.vault.MasterKey} (outside the database),
 * {@link dev.ecabot.vault.SealedSecret} (AES-256-GCM bound to its offer), and
 * {@link dev.ecabot.vault.RevealOffers} (create, reveal once to the requester, expire).
 */
package dev.ecabot.vault;
