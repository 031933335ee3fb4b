package io.caseswarm.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Query and path parameters of enum types accept the same names as JSON bodies ({@code ?status=draft}),
 * and an unknown name is the client's mistake (400 naming the allowed values), not a missing page.
 */
@Provider
public class JsonEnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return (ParamConverter<T>) new EnumConverter(rawType);
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            return JsonEnums.parse(type, value).orElseThrow(() -> new BadRequestException(
                    "'" + value + "' must be one of " + JsonEnums.names(type)));
        }

        @Override
        public String toString(E value) {
            return JsonEnums.nameOf(value);
        }
    }
}
