/**
 * A JUnit Jupiter extension for teams that test remediation code in Java: {@link SelfhealCloud @SelfhealCloud} (or
 * a {@code @RegisterExtension} {@link SelfhealExtension}) starts an embedded emulator on a free loopback port and
 * injects unmodified AWS SDK for Java v2 clients pointed at it, the {@code Emulator}, its {@code ControlApi}, its
 * control components and its {@code VirtualClock}. Lifecycles follow Testcontainers and WireMock: per class (reset
 * before each test) by default, per test on request.
 */
package io.selfheal.harness.junit5;
