package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.InstanceAlarmAction;

/**
 * Runs CloudWatch alarm EC2 actions ("Create alarms to stop, terminate, reboot, or recover an EC2 instance", EC2
 * User Guide) as the StopInstances, TerminateInstances and RebootInstances calls would, with the same checks, so an
 * instance that cannot be stopped (or is protected from termination) refuses and the alarm records a failed action.
 * {@code recover} moves a running instance to other hardware keeping its id, addresses and state: nothing to change
 * here beyond refusing an instance that is not running.
 */
final class InstanceAlarmActionHandler {
    private final RegionalStore<Ec2Region> store;
    private final InstanceLifecycle lifecycle;

    InstanceAlarmActionHandler(EmulatorContext context, RegionalStore<Ec2Region> store, InstanceLifecycle lifecycle) {
        this.store = store;
        this.lifecycle = lifecycle;
        context.bus().handle(InstanceAlarmAction.class, this::run);
    }

    private InstanceAlarmAction.Result run(InstanceAlarmAction a) {
        Ec2Region region = store.get(a.accountId(), a.region());
        try {
            synchronized (region) {
                Instance i = region.get(a.instanceId());
                if (i == null) {
                    throw Ec2Errors.instanceNotFound(java.util.List.of(a.instanceId()));
                }
                switch (a.action()) {
                    case "stop" -> {
                        lifecycle.checkStop(i);
                        lifecycle.stop(region, i);
                    }
                    case "terminate" -> {
                        InstanceAttributeHandlers.checkTerminable(i);
                        lifecycle.terminate(region, i);
                    }
                    case "reboot" -> {
                        lifecycle.checkReboot(i);
                        lifecycle.reboot(i);
                    }
                    case "recover" -> {
                        if (i.state != InstanceState.RUNNING) {
                            throw Ec2Errors.incorrectState("The instance '" + i.instanceId
                                    + "' is not in a state from which it can be recovered.");
                        }
                    }
                    default -> throw Ec2Errors.invalidParameter("Unknown EC2 alarm action: " + a.action());
                }
            }
            return InstanceAlarmAction.Result.done();
        } catch (AwsException e) {
            return InstanceAlarmAction.Result.failed(e.code() + ": " + e.getMessage());
        }
    }
}
