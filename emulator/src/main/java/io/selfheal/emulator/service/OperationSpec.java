package io.selfheal.emulator.service;

import java.util.Objects;

/**
 * One operation as registered by its service, with the facts others need kept beside its handler: whether it only
 * reads (CloudTrail's {@code readOnly}, the harness's idempotency and narrative), whether CloudTrail records it as a
 * management or a data event, its IAM action and how to find the resources it acts on (IAM), whether it blocks (the
 * front door), and its REST binding. Read or write is chosen by the factory, so no operation goes without it; the
 * others have defaults that say what is true of most operations (a management event, IAM action
 * {@code <prefix>:<Operation>}, non-blocking).
 * <p>Immutable: each {@code with…} method returns a changed copy, so a registration is one expression.
 */
public final class OperationSpec {
    private final String name;
    private final Operation handler;
    private final boolean readOnly;
    private final boolean dataEvent;
    private final String iamAction;
    private final ResourceArns resources;
    private final boolean blocking;
    private final RestRoute route;
    private final ConditionKeys conditions;
    private final PassedRoles passedRoles;

    private OperationSpec(String name, Operation handler, boolean readOnly, boolean dataEvent, String iamAction,
                          ResourceArns resources, boolean blocking, RestRoute route) {
        this(name, handler, readOnly, dataEvent, iamAction, resources, blocking, route, null, null);
    }

    private OperationSpec(String name, Operation handler, boolean readOnly, boolean dataEvent, String iamAction,
                          ResourceArns resources, boolean blocking, RestRoute route, ConditionKeys conditions,
                          PassedRoles passedRoles) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler of " + name);
        this.readOnly = readOnly;
        this.dataEvent = dataEvent;
        this.iamAction = iamAction;
        this.resources = resources;
        this.blocking = blocking;
        this.route = route;
        this.conditions = conditions;
        this.passedRoles = passedRoles;
    }

    /** An operation that changes nothing (CloudTrail {@code readOnly: true}). */
    public static OperationSpec read(String name, Operation handler) {
        return new OperationSpec(name, handler, true, false, null, null, false, null);
    }

    /** An operation that changes state (CloudTrail {@code readOnly: false}). */
    public static OperationSpec write(String name, Operation handler) {
        return new OperationSpec(name, handler, false, false, null, null, false, null);
    }

    /** CloudTrail records it as a data event: only trails with data-event selectors log it, never the history. */
    public OperationSpec dataEvent() {
        return new OperationSpec(name, handler, readOnly, true, iamAction, resources, blocking, route,
                conditions, passedRoles);
    }

    /** Its IAM action when not {@code <prefix>:<Operation>} (Lambda's Invoke is {@code lambda:InvokeFunction}). */
    public OperationSpec iam(String action) {
        return new OperationSpec(name, handler, readOnly, dataEvent, action, resources, blocking, route,
                conditions, passedRoles);
    }

    /** How to find the ARNs of the resources a request acts on, as IAM's {@code Resource} element would name them. */
    public OperationSpec resources(ResourceArns arns) {
        return new OperationSpec(name, handler, readOnly, dataEvent, iamAction, arns, blocking, route,
                conditions, passedRoles);
    }

    /** The request's own condition keys for IAM ({@code aws:TagKeys} of a tagging call …). */
    public OperationSpec conditions(ConditionKeys keys) {
        return new OperationSpec(name, handler, readOnly, dataEvent, iamAction, resources, blocking, route,
                keys, passedRoles);
    }

    /** The roles the request passes to a service: the caller needs {@code iam:PassRole} on each. */
    public OperationSpec passesRoles(PassedRoles roles) {
        return new OperationSpec(name, handler, readOnly, dataEvent, iamAction, resources, blocking, route,
                conditions, roles);
    }

    /** It may block (wait on a function, a long poll, files), so the front door runs it off the event loop. */
    public OperationSpec blocking() {
        return new OperationSpec(name, handler, readOnly, dataEvent, iamAction, resources, true, route,
                conditions, passedRoles);
    }

    /** Its REST binding as in the AWS model, e.g. {@code rest("POST", "/2015-03-31/functions", 201)}. */
    public OperationSpec rest(String method, String template, int successStatus) {
        return new OperationSpec(name, handler, readOnly, dataEvent, iamAction, resources, blocking,
                RestRoute.of(method, template, name, successStatus), conditions, passedRoles);
    }

    /** The same operation with its handler wrapped (a service's shared request or error adaptation). */
    public OperationSpec handledBy(Operation wrapped) {
        return new OperationSpec(name, wrapped, readOnly, dataEvent, iamAction, resources, blocking, route,
                conditions, passedRoles);
    }

    /** The IAM action defaulted from the service's prefix; called once by {@link Operations#add}. */
    OperationSpec withDefaultIam(String iamPrefix) {
        return iamAction != null ? this : iam(iamPrefix + ":" + name);
    }

    public String name() {
        return name;
    }

    public Operation handler() {
        return handler;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** True for CloudTrail management events, false for data events. */
    public boolean managementEvent() {
        return !dataEvent;
    }

    public String iamAction() {
        return iamAction;
    }

    /** How to find its resource ARNs, or null when not declared (IAM then knows no narrower resource than "*"). */
    public ResourceArns resources() {
        return resources;
    }

    /** Its request condition keys, or null when it brings none beyond the global keys. */
    public ConditionKeys conditions() {
        return conditions;
    }

    /** The roles it passes, or null when it passes none. */
    public PassedRoles passedRoles() {
        return passedRoles;
    }

    public boolean isBlocking() {
        return blocking;
    }

    /** Its REST binding, or null for services that speak no REST protocol. */
    public RestRoute route() {
        return route;
    }

    @Override
    public String toString() {
        return name + (readOnly ? " (read" : " (write") + (dataEvent ? ", data event" : "") + ", " + iamAction + ")";
    }
}
