package io.selfheal.emulator.services.config;

/**
 * One evaluation result of a rule, as {@code PutEvaluations} and the compliance APIs carry it.
 *
 * @param complianceType {@code COMPLIANT}, {@code NON_COMPLIANT}, {@code NOT_APPLICABLE} or
 *                       {@code INSUFFICIENT_DATA}
 * @param annotation     AWS's explanation (at most 256 characters), or null
 */
public record RuleEvaluation(String resourceType, String resourceId, String complianceType, String annotation) {
}
