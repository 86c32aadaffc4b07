/** selfheal's harness: scenario files in, a cloud started, the stack provisioned, faults injected, outcomes judged. */
package io.selfheal.harness;
