package io.selfheal.emulator.core.policy;

/** The kinds of caller IAM distinguishes, as CloudTrail's {@code userIdentity.type} names them. */
public enum PrincipalType {
    Root,
    IAMUser,
    AssumedRole,
    /** An AWS service acting on its own behalf ({@code events.amazonaws.com}); the arn is the service name. */
    Service,
    Anonymous
}
