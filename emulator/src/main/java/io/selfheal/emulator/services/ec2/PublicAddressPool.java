package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public IPv4 addresses one account and region hands out, to instances at launch and start and to Elastic IP
 * allocations: the three documentation ranges (RFC 5737: 203.0.113.0/24, 198.51.100.0/24, 192.0.2.0/24), so an
 * emulated address can never reach a real host. Addresses are taken in turn from a cursor that moves on, not lowest
 * free first, because AWS gives a stopped and restarted instance a new address; the order makes them the same in every
 * run with the same requests.
 */
final class PublicAddressPool {
    private static final List<String> BLOCKS = List.of("203.0.113.", "198.51.100.", "192.0.2.");
    private static final int HOSTS = 254;
    private static final int SIZE = BLOCKS.size() * HOSTS;

    private final Set<String> inUse = new HashSet<>();
    private int cursor;

    /** The next free address after the last one given. */
    String take() {
        for (int k = 0; k < SIZE; k++) {
            int index = (cursor + k) % SIZE;
            String ip = BLOCKS.get(index / HOSTS) + (index % HOSTS + 1);
            if (inUse.add(ip)) {
                cursor = index + 1;
                return ip;
            }
        }
        throw AwsException.badRequest("InsufficientAddressCapacity",
                "There are not enough public IPv4 addresses available to satisfy the request.");
    }

    void release(String ip) {
        inUse.remove(ip);
    }
}
