/**
 * What a scenario run shows of IAM: {@link io.selfheal.harness.iam.LeastPrivilegeReport} reads the decisions the
 * cloud recorded for a function's execution-role session (never evaluating a policy itself: the emulator's policy
 * engine decided) beside the policies its role was given, in the spirit of IAM Access Analyzer's policy generation:
 * actions used and granted, grants never used, wildcard grants that could name the ARNs actually touched.
 */
package io.selfheal.harness.iam;
