package io.caseswarm.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * A number parameter that is not a number ({@code ?limit=lots}) is the client's mistake: 400 naming the
 * parameter, rather than the 404 that JAX-RS prescribes when a query parameter cannot be converted.
 */
@Provider
public class WholeNumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != int.class && rawType != Integer.class) {
            return null;
        }
        String name = Arrays.stream(annotations)
                .map(a -> a instanceof QueryParam q ? q.value() : a instanceof PathParam p ? p.value() : null)
                .filter(Objects::nonNull).findFirst().orElse("the parameter");
        return (ParamConverter<T>) new WholeNumber(name);
    }

    private record WholeNumber(String name) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException(name + " must be a whole number");
            }
        }

        @Override
        public String toString(Integer value) {
            return String.valueOf(value);
        }
    }
}
