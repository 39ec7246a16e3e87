/**
 * The weekly digest of the inventory: what was created, changed and deleted, drift, posture findings, credentials to
 * rotate, refresh tokens expiring and unused apps, per org or for all, on a Quartz schedule and on demand.
 */
package dev.ecabot.digest;
