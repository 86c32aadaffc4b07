/**
 * AWS STS (query protocol): GetCallerIdentity, answering for whoever signed the request (root, IAM user, role
 * session), and AssumeRole, which checks the role's trust policy on the policy engine and registers the session's keys.
 */
package io.selfheal.emulator.services.sts;
