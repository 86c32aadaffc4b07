package io.selfheal.emulator.services.lambda.runtime;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How one language runs a function: the process a sandbox starts (it then talks to its own Runtime API, as every
 * AWS runtime does) and what that process needs from the machine. One instance serves every runtime identifier of
 * its language ({@code python3.9} … {@code python3.13}); {@link RuntimeCatalog} says which class serves which.
 */
interface LanguageRuntime {

    /**
     * A sandbox's process: its command line, the variables the runtime adds to the function's environment, and what
     * the runtime does once the process has served its first invocation.
     */
    record Launch(List<String> command, Map<String, String> environment, FirstInvocationHook afterFirstInvocation) {
        public Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }

        public Launch(List<String> command, Map<String, String> environment) {
            this(command, environment, FirstInvocationHook.NONE);
        }
    }

    /** Work on a sandbox's live process after its first invocation (Java: dumping its class-data archive). */
    interface FirstInvocationHook {
        FirstInvocationHook NONE = pid -> CompletableFuture.completedFuture(null);

        /**
         * Starts the work without blocking; the sandbox is not killed before the returned future completes (a
         * delete or update meanwhile waits for it, bounded).
         */
        CompletableFuture<?> served(long pid);
    }

    /**
     * Why this machine cannot run the runtime, naming what to install, or null when it can. Checked when a function
     * is created or its code or runtime changes, so a missing interpreter is a clear error rather than a hang.
     */
    String unavailable(RuntimeCatalog.Entry runtime);

    /** The process for one sandbox of {@code spec}; may prepare files first (called outside any lock). */
    Launch launch(SandboxSpec spec) throws IOException;

    /**
     * Whether the process keeps itself within the function's MemorySize (a JVM's heap is sized from it, and the JVM
     * throws {@code OutOfMemoryError} past it); otherwise the sandbox watches the process's resident memory and
     * kills it past MemorySize, as Lambda's memory limit does.
     */
    default boolean limitsOwnMemory() {
        return false;
    }

    /** Whether an entry of a deployment package is left inside the package instead of extracted into the task root. */
    default boolean keepsInPackage(String entryName) {
        return false;
    }
}
