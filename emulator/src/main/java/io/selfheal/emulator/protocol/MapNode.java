package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A map-typed member of a response tree (CloudWatch's {@code Datapoint.ExtendedStatistics}, SNS attributes). As JSON
 * it is an object; {@link XmlWriter} writes the query protocol's map form,
 * {@code <entry><key>k</key><value>v</value></entry>}, where a plain object would become nested elements named by
 * its keys.
 */
public final class MapNode extends ObjectNode {
    private static final long serialVersionUID = 1L;

    public MapNode() {
        super(JsonNodeFactory.instance);
    }
}
