/**
 * Running functions as AWS runs them: each sandbox is a separate process of the function's language runtime
 * ({@link io.selfheal.emulator.services.lambda.runtime.RuntimeCatalog} says which {@code LanguageRuntime} class runs
 * which runtime identifier), served a Lambda Runtime API of its own (long-poll {@code next}, {@code response},
 * {@code error}, {@code init/error}). A {@link io.selfheal.emulator.services.lambda.runtime.SandboxPool} per function
 * keeps sandboxes warm, hands each one invocation at a time, starts more up to a cap, and kills them on timeout,
 * delete or close, or when a process that does not bound its own memory passes MemorySize ({@code
 * Runtime.OutOfMemory}). Java sandboxes share class-data archives per code across sandboxes and emulators of the
 * machine ({@link io.selfheal.emulator.services.lambda.runtime.ClassDataArchives}). Nothing here knows the Lambda API's wire shapes: the service package builds a {@link
 * io.selfheal.emulator.services.lambda.runtime.SandboxSpec} and submits {@link
 * io.selfheal.emulator.services.lambda.runtime.Invocation}s.
 */
package io.selfheal.emulator.services.lambda.runtime;
