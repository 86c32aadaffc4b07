/** One sub-package per emulated AWS service: a provider, a thin handler per operation group, the logic, the model. */
package io.selfheal.emulator.services;
