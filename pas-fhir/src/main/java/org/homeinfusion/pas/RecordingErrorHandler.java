package org.homeinfusion.pas;

import java.util.Optional;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;

/**
 * Strict where a wrong value would change the decision (bad types, bad values, repeats), lenient where
 * a newer release of the guide may add what we do not know (unknown elements and references); and it
 * remembers where it failed, so the refusal can name the FHIR path.
 */
final class RecordingErrorHandler extends StrictErrorHandler {

    private String path;

    Optional<String> path() {
        return Optional.ofNullable(path);
    }

    private void at(IParseLocation location, String element) {
        String parent = location == null ? null : location.getParentElementName();
        path = parent == null ? element : element == null ? parent : parent + "." + element;
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        // Ignored: a later release of the guide may add elements this mapping does not read.
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        // Ignored for the same reason as unknown elements.
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        // Ignored: a response may reference resources the payer keeps to itself.
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
        // Ignored: the decision never reads contained resources.
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        // Ignored: the sub-extensions are what the decision reads.
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected,
            ScalarType expectedScalar, ValueType found, ScalarType foundScalar) {
        at(location, elementName);
        super.incorrectJsonType(location, elementName, expected, expectedScalar, found, foundScalar);
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        at(location, null);
        super.invalidValue(location, value, error);
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        at(location, elementName);
        super.missingRequiredElement(location, elementName);
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        at(location, elementName);
        super.unexpectedRepeatingElement(location, elementName);
    }
}
