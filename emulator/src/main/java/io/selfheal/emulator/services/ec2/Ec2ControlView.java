package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.core.RegionalStore;

/** {@link Ec2Control} over every account and region: instance ids are unique across them. */
final class Ec2ControlView implements Ec2Control {
    private final RegionalStore<Ec2Region> store;

    Ec2ControlView(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    /** @return how many reboots RebootInstances performed on the instance; 0 for an unknown instance */
    @Override
    public int rebootCount(String instanceId) {
        for (Ec2Region region : store.all()) {
            synchronized (region) {
                Instance instance = region.get(instanceId);
                if (instance != null) {
                    return instance.rebootCount;
                }
            }
        }
        return 0;
    }

    @Override
    public String state(String instanceId) {
        for (Ec2Region region : store.all()) {
            synchronized (region) {
                Instance instance = region.get(instanceId);
                if (instance != null) {
                    return instance.state.wireName();
                }
            }
        }
        return null;
    }
}
