/**
 * Real usage of the inventory's apps, read from each org's OAuth usage resources: who uses each app, when each
 * user's refresh token was issued and last used, when it expires under the app's policy (token-aware reminders,
 * one per user and token), and which apps nobody used for a configurable number of days.
 */
package dev.ecabot.usage;
