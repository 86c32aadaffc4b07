/** The suite that makes {@code mvn verify} run every scenario file of this module. */
package io.selfheal.scenarios;
