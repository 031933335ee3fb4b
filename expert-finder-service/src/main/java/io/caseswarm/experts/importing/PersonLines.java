package io.caseswarm.experts.importing;

import java.lang.annotation.ElementType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.caseswarm.experts.rest.PersonRequest;
import io.caseswarm.platform.rest.Problem.FieldError;

/**
 * Reads one import line as {@code POST /people} reads its body: the same Jackson settings (unknown fields are
 * refused), the same {@link PersonRequest} and the same bean-validation group. Either a request or its problems.
 */
@ApplicationScoped
public class PersonLines {

    private final ObjectReader reader;
    private final Validator validator;

    PersonLines(ObjectMapper json, ValidatorFactory validators) {
        this.reader = json.readerFor(PersonRequest.class);
        // A request is no entity: asking the persistence layer whether each property is loaded, as the default
        // resolver does, cost more than the checks themselves.
        this.validator = validators.usingContext().traversableResolver(new EverythingReachable()).getValidator();
    }

    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBean, Path pathToProperty,
                ElementType elementType) {
            return true;
        }
    }

    public Parsed parse(String line) {
        PersonRequest request;
        try {
            request = reader.readValue(line);
        } catch (JsonProcessingException e) {
            return new Parsed(null, List.of(unreadable(e)));
        }
        if (request == null) {
            return new Parsed(null, List.of(new FieldError("body", "must be a person, not null")));
        }
        Set<ConstraintViolation<PersonRequest>> violations = validator.validate(request,
                PersonRequest.Registration.class);
        return new Parsed(request, violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList());
    }

    private static FieldError unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return new FieldError(path.toString(),
                    e instanceof UnrecognizedPropertyException ? "unknown field" : "has the wrong type or format");
        }
        return new FieldError("body", "is not valid JSON of a person");
    }

    /** A line read: its request when it was readable, and what is wrong with it (nothing when it is good). */
    public record Parsed(PersonRequest request, List<FieldError> problems) {
        public boolean good() {
            return problems.isEmpty();
        }
    }
}
