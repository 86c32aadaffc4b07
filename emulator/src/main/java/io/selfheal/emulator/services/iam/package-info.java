/**
 * AWS Identity and Access Management (query protocol, global: one namespace per account whatever the region): roles,
 * users and access keys (whose keys then sign requests as the user), inline and managed policies with versions,
 * AWS-managed policies with their real documents, instance profiles, the policy simulator on the one policy engine
 * ({@code core.policy}) and GetAccountAuthorizationDetails. Other services ask it over the bus
 * ({@code PrincipalPolicies}, {@code RoleLookup}).
 */
package io.selfheal.emulator.services.iam;
