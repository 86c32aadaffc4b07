package io.selfheal.harness.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

/** JSON as AWS's documented samples print it: two-space indents, {@code "key": value}, empty objects as {@code {}}. */
final class AwsJsonPrinter extends DefaultPrettyPrinter {
    AwsJsonPrinter() {
        super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    }

    @Override
    public AwsJsonPrinter createInstance() {
        return new AwsJsonPrinter();
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        if (nrOfEntries == 0) {
            if (!_objectIndenter.isInline()) {
                --_nesting;
            }
            g.writeRaw('}');
        } else {
            super.writeEndObject(g, nrOfEntries);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        if (nrOfValues == 0) {
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            g.writeRaw(']');
        } else {
            super.writeEndArray(g, nrOfValues);
        }
    }
}
