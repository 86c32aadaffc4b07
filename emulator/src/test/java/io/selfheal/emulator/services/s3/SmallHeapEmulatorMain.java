package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.Emulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

/**
 * An emulator in a JVM of its own, for {@link S3StreamingSmallHeapTest} to start with a small heap: prints its
 * endpoint, answers {@code peak} with the peak heap used so far, and stops when its standard input closes.
 */
public final class SmallHeapEmulatorMain {
    private SmallHeapEmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).start()) {
            System.out.println("endpoint " + emulator.endpoint());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("peak")) {
                    System.out.println("peak-heap " + peakHeapUsed());
                    System.out.flush();
                }
            }
        }
    }

    /** The sum of each heap pool's peak: an upper bound of the heap ever in use at once. */
    private static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
