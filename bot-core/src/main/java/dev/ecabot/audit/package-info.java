/**
 * The append-only audit trail ({@link dev.ecabot.audit.AuditTrail}): requests, approvals, denials, provisioning,
 * reveals (never the value), rotations, deletions and expiries. The database refuses updates and deletes.
 */
package dev.ecabot.audit;
