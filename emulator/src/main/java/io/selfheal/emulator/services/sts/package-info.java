/** AWS STS (query protocol): GetCallerIdentity, answering for whoever signed the request. */
package io.selfheal.emulator.services.sts;
