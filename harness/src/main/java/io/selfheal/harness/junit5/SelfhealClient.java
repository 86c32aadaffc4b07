package io.selfheal.harness.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An instance field the extension fills before each test (before {@code @BeforeEach} methods run) with what a
 * parameter of its type would get: usually an AWS SDK v2 client, closed after the test.
 *
 * <pre>{@code
 * @SelfhealClient
 * Ec2Client ec2;
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SelfhealClient {
}
