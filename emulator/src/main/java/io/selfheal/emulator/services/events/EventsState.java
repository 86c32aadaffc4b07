package io.selfheal.emulator.services.events;

/**
 * EventBridge in one account and region. For now only the default bus exists (custom buses are a later issue);
 * it is created on first use, as AWS has it from the start.
 */
final class EventsState {
    static final String DEFAULT_BUS = "default";

    private volatile EventBus defaultBus;

    EventBus defaultBus(String accountId, String region) {
        EventBus bus = defaultBus;
        if (bus == null) {
            synchronized (this) {
                if (defaultBus == null) {
                    defaultBus = new EventBus(DEFAULT_BUS, accountId, region);
                }
                bus = defaultBus;
            }
        }
        return bus;
    }

    /**
     * The bus a request names by name or ARN ({@code null} or empty means the default bus).
     *
     * @throws io.selfheal.emulator.core.AwsException ResourceNotFoundException "Event bus X does not exist."
     */
    EventBus bus(String accountId, String region, String nameOrArn) {
        EventBus bus = defaultBus(accountId, region);
        if (nameOrArn == null || nameOrArn.isEmpty() || nameOrArn.equals(DEFAULT_BUS)
                || nameOrArn.equals(bus.arn())) {
            return bus;
        }
        int slash = nameOrArn.indexOf("event-bus/");
        String name = nameOrArn.startsWith("arn:") && slash >= 0
                ? nameOrArn.substring(slash + "event-bus/".length()) : nameOrArn;
        throw EventsErrors.busNotFound(name);
    }
}
