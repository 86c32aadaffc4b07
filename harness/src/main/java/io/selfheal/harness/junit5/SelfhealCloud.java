package io.selfheal.harness.junit5;

import io.selfheal.emulator.Emulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an embedded emulator on a free port of 127.0.0.1 and injects AWS SDK v2 clients for
 * it into test, lifecycle-method and constructor parameters (see {@link SelfhealExtension} for what it resolves).
 *
 * <pre>{@code
 * @SelfhealCloud(region = "eu-west-1")
 * class RebootTest {
 *     @Test
 *     void reboots(Ec2Client ec2, RunningEmulator cloud) { ... }
 * }
 * }</pre>
 *
 * Nested classes share their enclosing class's emulator. For settings only code can give, register a
 * {@link SelfhealExtension} built with {@link SelfhealExtension#builder()} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SelfhealExtension.class)
public @interface SelfhealCloud {
    /** The region of the emulator and of every injected client. */
    String region() default Emulator.DEFAULT_REGION;

    /** The account that requests act in. */
    String accountId() default Emulator.DEFAULT_ACCOUNT;

    /**
     * Whether time stands still until the test advances it ({@code RunningEmulator#advance}); alarms, instance
     * transitions and scheduled rules then run in milliseconds and deterministically. False runs on the system clock.
     */
    boolean virtualClock() default true;

    /** Where the virtual clock starts, ISO-8601 ({@code 2026-01-01T00:00:00Z}); empty: the current second. */
    String clockStart() default "";

    /** How long one emulator lives. */
    Scope scope() default Scope.CLASS;

    /** How long one emulator lives, and whether its resources outlive a test. */
    enum Scope {
        /**
         * One emulator for the class (and its nested classes), reset before each test: every test starts with no
         * resources and an empty call log. Virtual time carries on from test to test. The class's tests must not
         * run concurrently (a reset would hit the others): use {@link #TEST} for parallel methods.
         */
        CLASS,
        /**
         * One emulator for the class, never reset: for resources created once in {@code @BeforeAll}, or ordered
         * tests that build on each other.
         */
        CLASS_SHARED,
        /** A new emulator (and clock) for every test, closed after it. */
        TEST
    }
}
