package io.selfheal.emulator.services.lambda.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Lambda reports about a sandbox process: how it ended, and its peak memory. */
final class ProcessFacts {
    private ProcessFacts() {
    }

    /** As in {@code Runtime exited with error: exit status 1} or {@code signal: killed}. */
    static String exitDescription(Process p) {
        if (p == null || p.isAlive()) {
            return "exit status unknown";
        }
        int code = p.exitValue();
        if (code > 128) {
            return "signal: " + switch (code - 128) {
                case 9 -> "killed";
                case 15 -> "terminated";
                case 6 -> "aborted";
                case 11 -> "segmentation fault";
                default -> Integer.toString(code - 128);
            };
        }
        return "exit status " + code;
    }

    /** Peak resident memory from {@code /proc} (Linux), for the REPORT line's "Max Memory Used"; -1 if unknown. */
    static long maxMemoryMb(Process p) {
        long kb = statusKb(p, "VmHWM:");
        return kb < 0 ? -1 : kb / 1024;
    }

    /** Resident memory now, in kB, from {@code /proc} (Linux); -1 if unknown. */
    static long residentKb(Process p) {
        return statusKb(p, "VmRSS:");
    }

    private static long statusKb(Process p, String field) {
        if (p == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}
