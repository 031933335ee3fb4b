package io.caseswarm.platform.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An enum's values as clients write them: its {@code @JsonProperty} names where it has them. */
public final class JsonEnums {

    private JsonEnums() {
    }

    public static List<String> names(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            names.add(nameOf((Enum<?>) constant));
        }
        return names;
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> enumType, String value) {
        for (E constant : enumType.getEnumConstants()) {
            if (nameOf(constant).equalsIgnoreCase(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    public static String nameOf(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
