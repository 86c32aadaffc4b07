package io.selfheal.remediations;

/** The alarm names an instance that EC2 does not know (terminated long ago, wrong region or account, or a typo). */
public final class InstanceNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InstanceNotFoundException(String instanceId, String detail, Throwable cause) {
        super("EC2 instance " + instanceId + " not found: " + detail, cause);
    }
}
