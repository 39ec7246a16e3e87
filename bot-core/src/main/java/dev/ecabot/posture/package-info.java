/**
 * Security posture: the rules (data, {@code playbooks/posture/rules.yaml}) that grade an External Client App's
 * settings, the facts they look at, and the findings they give (setting, why, source, fix).
 */
package dev.ecabot.posture;
