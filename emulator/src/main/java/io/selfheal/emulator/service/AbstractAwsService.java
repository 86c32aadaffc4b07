package io.selfheal.emulator.service;

import io.selfheal.emulator.protocol.ServiceDescriptor;

/**
 * What every emulated service has and says the same way: its name for people, its primary protocol and its table of
 * operations. A service extends this, passes the three once and fills {@link #operations} in its constructor.
 */
public abstract class AbstractAwsService implements AwsService {
    private final String displayName;
    private final ServiceDescriptor descriptor;
    /** The service's operations, registered by the subclass's constructor. */
    protected final Operations operations;

    /**
     * @param displayName  AWS's name for the service, as the docs and the coverage page show it
     * @param descriptor   its primary protocol
     * @param actionPrefix the IAM action prefix its operations are authorised under ({@code ec2}, {@code cloudwatch} …)
     */
    protected AbstractAwsService(String displayName, ServiceDescriptor descriptor, String actionPrefix) {
        this.displayName = displayName;
        this.descriptor = descriptor;
        this.operations = new Operations(actionPrefix);
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Operations operations() {
        return operations;
    }
}
