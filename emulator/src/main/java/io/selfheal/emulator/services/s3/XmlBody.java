package io.selfheal.emulator.services.s3;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A request's XML body ({@code CreateBucketConfiguration}, {@code Tagging}, {@code Delete}, …), read with DTDs and
 * external entities off. Anything that is not well-formed, or whose root is not the one expected, is S3's
 * {@code MalformedXML}.
 */
final class XmlBody {
    private final Element root;

    private XmlBody(Element root) {
        this.root = root;
    }

    static XmlBody parse(byte[] body, String rootName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!rootName.equals(root.getLocalName())) {
                throw S3Errors.malformedXml();
            }
            return new XmlBody(root);
        } catch (Exception e) {
            if (e instanceof io.selfheal.emulator.core.AwsException aws) {
                throw aws;
            }
            throw S3Errors.malformedXml();
        }
    }

    Element root() {
        return root;
    }

    /** The child elements of {@code parent} with this local name, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the first child with this name, or null. */
    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
