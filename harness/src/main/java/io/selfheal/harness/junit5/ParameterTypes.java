package io.selfheal.harness.junit5;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.ControlApi;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.VirtualClock;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.SdkClient;

/** What a parameter of each type the extension claims is bound to; unsupported cases explain themselves. */
final class ParameterTypes {
    private ParameterTypes() {
    }

    /**
     * @param store where new SDK clients are kept so JUnit closes them when the method's (or class's) context ends
     * @throws RuntimeException with a message saying why {@code type} cannot be injected
     */
    static Object resolve(Class<?> type, RunningEmulator emulator, ExtensionContext.Store store) {
        if (type == RunningEmulator.class) {
            return emulator;
        }
        if (type == Emulator.class) {
            return emulator.emulator();
        }
        if (type == ControlApi.class) {
            return emulator.control();
        }
        if (type == VirtualClock.class) {
            return emulator.virtualClock();
        }
        if (type == EmulatorClock.class) {
            return emulator.control().clock();
        }
        if (SdkClient.class.isAssignableFrom(type)) {
            if (!SdkClients.isBuildable(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a service client with a static "
                        + "builder(): selfheal injects AWS SDK v2 service client interfaces such as Ec2Client, "
                        + "CloudWatchClient or SqsAsyncClient");
            }
            SdkClient client = (SdkClient) SdkClients.build(type, emulator.endpoint(), emulator.region());
            store.put(client, client);
            return client;
        }
        if (type.getPackageName().equals(ControlApi.class.getPackageName()) && !type.isRecord()) {
            return emulator.control().component(type);
        }
        throw new IllegalArgumentException("selfheal injects AWS SDK v2 clients, RunningEmulator, Emulator, "
                + "ControlApi, its control components (Ec2Control, LambdaControl, EventsControl), EmulatorClock and "
                + "VirtualClock; not " + type.getName());
    }
}
