package io.caseswarm.platform.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.caseswarm.platform.store.ConcurrencyConflictException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error a Caseswarm API returns is problem+json: never a stack trace, never an HTML page. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://caseswarm.io/problems/";

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return problem(400, "invalid-request", "Invalid request", "The request has invalid fields.", errors);
    }

    /** Quarkus maps this subtype itself; ours must win so the client sees the field and a problem document. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            errors.add(new Problem.FieldError(jsonPath(mapping), unreadableReason(mapping)));
        }
        return problem(400, "unreadable-body", "Unreadable request body",
                "The body is not valid JSON of the expected shape.", errors);
    }

    /** No token, or one that is not valid: expired, badly signed, from another issuer. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge();
    }

    /** A valid token without the role the endpoint requires, or somebody else's object. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null ? "Your roles do not allow this." : e.getMessage();
        return problem(403, "forbidden", "Forbidden", detail, List.of());
    }

    @ServerExceptionMapper
    public Response forbiddenFields(ForbiddenFieldsException e) {
        return problem(403, "forbidden", "Forbidden", e.getMessage(), e.fields());
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return problem(400, "invalid-request", "Invalid request", "The request has invalid fields.", e.fields());
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflictException e) {
        return problem(409, "concurrent-change", "Concurrent change",
                "The resource was changed by another request at the same time; retry.", List.of());
    }

    @ServerExceptionMapper
    public Response rejected(CommandRejectedException e) {
        return problem(409, "command-rejected", "Command rejected", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return problem(status.getStatusCode(), slug, status.getReasonPhrase(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        // The details stay in the log; the client learns only that it was not its fault.
        LOG.error("Unexpected failure while handling a request", e);
        return problem(500, "internal-error", "Internal error", "The request could not be completed.", List.of());
    }

    private static Response challenge() {
        // The same answer whatever was wrong with the token: the reason is for the log, not for a prober.
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required.", List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    public static Response problem(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + slug, title, status, detail, errors))
                .build();
    }

    /**
     * {@code open.request.customer.email} → {@code customer.email}, {@code helpedBy.<list element>[0]} →
     * {@code helpedBy[0]}: the method and parameter names are ours, not the client's.
     */
    private static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE, CROSS_PARAMETER -> {
                    // not part of the request's shape
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    // An index belongs to the collection the node sits in, i.e. to the name before it.
                    if (node.isInIterable() && node.getIndex() != null) {
                        name.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                        name.append(name.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        if (name.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return name.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String unreadableReason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + JsonEnums.names(invalid.getTargetType());
        }
        return "has the wrong type or format";
    }
}
