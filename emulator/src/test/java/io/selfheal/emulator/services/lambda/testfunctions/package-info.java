/**
 * Handlers the Lambda tests deploy: compiled with the tests, zipped into a jar at test time and run by real
 * sandboxes (AWS's runtime interface client in a separate {@code java} process).
 */
package io.selfheal.emulator.services.lambda.testfunctions;
