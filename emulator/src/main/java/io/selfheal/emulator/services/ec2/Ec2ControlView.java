package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.core.RegionalStore;
import java.time.Duration;
import java.util.function.BiFunction;

/** {@link Ec2Control} over every account and region: instance ids are unique across them. */
final class Ec2ControlView implements Ec2Control {
    private final RegionalStore<Ec2Region> store;
    private final InstanceMetrics metrics;

    Ec2ControlView(RegionalStore<Ec2Region> store, InstanceMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** @return how many reboots RebootInstances performed on the instance; 0 for an unknown instance */
    @Override
    public int rebootCount(String instanceId) {
        Integer count = find(instanceId, (region, i) -> i.rebootCount);
        return count == null ? 0 : count;
    }

    @Override
    public String state(String instanceId) {
        return find(instanceId, (region, i) -> i.state.wireName());
    }

    /**
     * A pending instance takes the load once it runs (a harness may inject right after RunInstances); a stopped or
     * terminated one cannot run a process, so that is refused rather than silently lost.
     */
    @Override
    public void setCpuLoad(String instanceId, double percent, Duration duration) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be between 0 and 100: " + percent);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        required(instanceId, (region, i) -> {
            if (i.state != InstanceState.RUNNING && i.state != InstanceState.PENDING) {
                throw new IllegalStateException("instance " + instanceId + " is " + i.state.wireName()
                        + ": only a pending or running instance can be loaded");
            }
            metrics.setLoad(i, percent, duration);
            return null;
        });
    }

    @Override
    public void stopResponding(String instanceId) {
        required(instanceId, (region, i) -> {
            if (i.state != InstanceState.RUNNING) {
                throw new IllegalStateException("instance " + instanceId + " is " + i.state.wireName()
                        + ": only a running instance can stop responding");
            }
            metrics.stopResponding(i);
            return null;
        });
    }

    private <T> T required(String instanceId, BiFunction<Ec2Region, Instance, T> action) {
        for (Ec2Region region : store.all()) {
            synchronized (region) {
                Instance instance = region.get(instanceId);
                if (instance != null) {
                    return action.apply(region, instance);
                }
            }
        }
        throw new IllegalArgumentException("no instance " + instanceId);
    }

    private <T> T find(String instanceId, BiFunction<Ec2Region, Instance, T> read) {
        try {
            return required(instanceId, read);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
