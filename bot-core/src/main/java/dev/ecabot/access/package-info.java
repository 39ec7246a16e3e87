/**
 * Who may do what: {@link dev.ecabot.access.AccessPolicy#check} is the one filter every chat action passes,
 * fed by the {@code roles} section of ecabot.yaml ({@link dev.ecabot.access.RolesConfig}) and the
 * {@link dev.ecabot.access.Action} table; {@code help} asks it in dry-run ({@code allowedActions}).
 */
package dev.ecabot.access;
